"""Shared fixtures: the project's paths, the parsed source and one built site."""

import contextlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.read.text import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "source" / "resolution.zh.txt"
SAMPLE_EN = ROOT / "tests" / "data" / "sample.en.txt"
SOURCE_EN = ROOT / "content" / "source" / "A_RES_76_186.en.json"  # the English version, published under /en/
COLLECTION = ROOT / "content" / "collection.yml"  # the sources the site publishes
# The address the session's site is built for, as CI deploys it (SITE_URL): on another host, under a path.
SITE_ADDRESS = "https://host.example/path/"


@contextlib.contextmanager
def environ(**values: str | None):
    """The block runs with these environment variables set (None: unset); they are restored after it."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in values.items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        yield


def replace_line(text: str, number: int, new: str | None) -> str:
    """`text` with line `number` (1-based) replaced by `new`, or deleted when `new` is None."""
    lines = text.split("\n")
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    return "\n".join(lines)


@pytest.fixture(scope="session")
def resolution():
    return parse_file(SOURCE)


@pytest.fixture(scope="session")
def sample_en():
    return parse_file(SAMPLE_EN)


@dataclass(frozen=True)
class Built:
    """One whole build of the collection (datasets, generated pages, site) in a temporary folder.

    The English texts are part of it: their site in site/en/, their pages in
    `docs_en`, their datasets in exports/en/.
    """

    site: Path
    docs: Path
    exports: Path

    @property
    def docs_en(self) -> Path:
        return self.docs.with_name(self.docs.name + "-en")


@pytest.fixture(scope="session")
def collection():
    """The collection content/collection.yml lists, read once per session."""
    from generator.analyse.collection import read_collection
    from generator.read.manifest import load_manifest

    return read_collection(load_manifest(COLLECTION))


@pytest.fixture(scope="session")
def built(tmp_path_factory, collection):
    """The site built once per test session from the collection, strictly (a warning fails it),
    for the address SITE_ADDRESS and dated by the document (no SOURCE_DATE_EPOCH)."""
    from generator.build import build_all

    out = tmp_path_factory.mktemp("built")
    result = Built(out / "site", out / "docs", out / "exports")
    with contextlib.chdir(ROOT), environ(SITE_URL=SITE_ADDRESS, SOURCE_DATE_EPOCH=None):  # mkdocs.yml is read from the working folder
        build_all(collection, result.exports, result.docs, result.site)
    return result


@pytest.fixture(scope="session")
def site_url(built):
    """The built site served on 127.0.0.1 with gzip, as GitHub Pages serves it (no final slash)."""
    from webserver import serve

    with serve(built.site) as base:
        yield base


@pytest.fixture(scope="session")
def base_url(site_url):
    return site_url + "/"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, once per session (skips, or fails where REQUIRE_BROWSER=1, without it)."""
    from browser import chromium

    with chromium() as b:
        yield b
