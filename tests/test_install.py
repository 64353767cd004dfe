"""A lean install: `make site` installs what the build needs, `make test` adds the test stack.

requirements.lock must pin exactly the packages the project's own
dependencies pull in, and requirements-test.lock exactly those its `test`
extra adds, as pip resolved them into this environment; nothing the
generator imports may come from the test stack alone.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import subprocess
import sys

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

PROJECT = "un-resolution-site"


def _closure(requirements: list[str]) -> set[str]:
    """The distributions `requirements` pull in, with theirs (without extras), as installed here."""
    found: set[str] = set()
    todo = list(requirements)
    while todo:
        req = Requirement(todo.pop())
        name = canonicalize_name(req.name)
        if name in found:
            continue
        found.add(name)
        todo += [r for r in metadata.distribution(name).requires or [] if _applies(r, "")]
    return found


def _applies(requirement: str, extra: str) -> bool:
    marker = Requirement(requirement).marker
    return marker is None or Marker(str(marker)).evaluate({"extra": extra})


def _locked(name: str) -> set[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return {canonicalize_name(Requirement(line).name) for line in lines if line.strip() and not line.startswith("#")}


def _requires(extra: str) -> list[str]:
    """The project's requirements that apply with `extra` ("" for the base install) and not without it."""
    requires = metadata.distribution(PROJECT).requires or []
    return [r for r in requires if _applies(r, extra) and (not extra or not _applies(r, ""))]


def test_the_site_lock_pins_exactly_what_the_build_needs():
    base = _closure(_requires(""))
    assert _locked("requirements.lock") == base
    assert {"mkdocs", "mkdocs-material", "jieba", "pycountry"} <= base
    assert not {"pytest", "pandas", "playwright", "frictionless", "lxml", "jsonschema", "hypothesis", "pyld"} & base


def test_the_test_lock_pins_exactly_what_the_test_extra_adds():
    base = _closure(_requires(""))
    test = _closure(_requires("test")) - base
    assert _locked("requirements-test.lock") == test
    assert {"pytest", "pandas", "playwright", "pyld"} <= test


def _imports(path) -> set[str]:
    """The top-level names of the modules a file imports (absolute imports only: `from . import x` is the project's)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_generator_imports_nothing_from_the_test_stack():
    base = _closure(_requires(""))
    owners = metadata.packages_distributions()
    outside = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for name in _imports(path) - set(sys.stdlib_module_names) - {"generator", "__future__"}:
            dists = {canonicalize_name(d) for d in owners.get(name, [])}
            if not dists & base:
                outside[f"{path.relative_to(ROOT)}: {name}"] = sorted(dists)
    assert outside == {}


def _make_dry_run(target: str) -> str:
    """What `make TARGET` would run in a fresh clone (every target out of date), without running it."""
    return subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_make_site_installs_the_site_lock_only_and_make_test_adds_the_test_stack():
    site = [line for line in _make_dry_run("site").splitlines() if "pip install" in line]
    assert len(site) == 1
    assert "-c requirements.lock -e ." in site[0]
    assert "requirements-test.lock" not in site[0] and "[test]" not in site[0]
    test = [line for line in _make_dry_run("test").splitlines() if "pip install" in line]
    assert len(test) == 2 and test[0] == site[0]  # a .venv that `make site` made is upgraded
    assert "-c requirements.lock -c requirements-test.lock -e '.[test]'" in test[1]
