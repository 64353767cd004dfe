# Two entry points: `make site` and `make test`.  Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# SOURCE=path/to/text builds that one text alone; by default, the collection content/collection.yml lists.
SOURCE ?=
SOURCES := $(if $(SOURCE),--source $(SOURCE),)
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# `make site` installs what the build needs (requirements.lock); `make test`
# adds the test stack (requirements-test.lock) to the same .venv.
STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test

NODE_STAMP := node_modules/.installed

.PHONY: site test serve export bench fuzz clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -c requirements.lock -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(PIP) -c requirements.lock -c requirements-test.lock -e '.[test]'
	touch $(TEST_STAMP)

## site: generate pages and datasets from the collection (or SOURCE), then build site/ and exports/
site: $(STAMP)
	$(BIN)/python -m generator build $(SOURCES)

# The quality checks' tools (axe-core, vnu.jar, Lighthouse) come from the npm registry.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --ignore-scripts && touch $(NODE_STAMP); \
	elif [ "$$REQUIRE_BROWSER" = 1 ]; then \
	  echo "npm not found: the quality checks need it (apt-get install npm)" >&2; exit 1; \
	else \
	  echo "npm not found: the accessibility, HTML and Lighthouse checks will be skipped" >&2; \
	fi

## test: the whole test suite
test: $(TEST_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

## serve: preview on http://127.0.0.1:8000, regenerating when content/ changes
serve: $(STAMP)
	test -d build/docs || $(BIN)/python -m generator build --no-site $(SOURCES)
	SOURCE=$(SOURCE) $(BIN)/mkdocs serve

## export: the datasets only
export: $(STAMP)
	$(BIN)/python -m generator export $(SOURCES) --out exports

## bench: time the builders, the growth curve and the readers' bytes -> benchmarks/results.md
bench: site
	$(BIN)/python benchmarks/bench.py

## fuzz: the long fuzz run (100,000 examples; EXAMPLES=n to change)
fuzz: $(TEST_STAMP)
	$(BIN)/python tests/fuzz_long.py --examples $(or $(EXAMPLES),100000)

clean:
	rm -rf site build .pytest_cache
