"""Shared fixtures: the project's paths, the parsed source and one built site."""

import contextlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "source" / "resolution.zh.txt"
SAMPLE_EN = ROOT / "tests" / "data" / "sample.en.txt"


@pytest.fixture(scope="session")
def resolution():
    return parse_file(SOURCE)


@pytest.fixture(scope="session")
def sample_en():
    return parse_file(SAMPLE_EN)


@dataclass(frozen=True)
class Built:
    """One whole build (datasets, generated pages, site) in a temporary folder."""

    site: Path
    docs: Path
    exports: Path


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The site built once per test session from the source, strictly (a warning fails it)."""
    from generator.annotate import annotate
    from generator.build import build_all

    out = tmp_path_factory.mktemp("built")
    result = Built(out / "site", out / "docs", out / "exports")
    with contextlib.chdir(ROOT):  # mkdocs.yml is read from the working folder
        build_all(annotate(parse_file(SOURCE)), result.exports, result.docs, result.site)
    return result
