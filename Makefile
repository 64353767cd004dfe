# Two entry points: `make site` and `make test`.  Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SOURCE ?= content/source/resolution.zh.txt
STAMP := $(VENV)/.installed

NODE_STAMP := node_modules/.installed

.PHONY: site test serve export clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $(STAMP)

## site: generate pages and datasets from SOURCE, then build site/ and exports/
site: $(STAMP)
	$(BIN)/python -m generator build --source $(SOURCE)

# The quality checks' tools (axe-core, vnu.jar, Lighthouse) come from the npm registry.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

## test: the whole test suite
test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

## serve: preview on http://127.0.0.1:8000, regenerating when content/ changes
serve: $(STAMP)
	$(BIN)/mkdocs serve

## export: the datasets only
export: $(STAMP)
	$(BIN)/python -m generator export --source $(SOURCE) --out exports

clean:
	rm -rf site build .pytest_cache
