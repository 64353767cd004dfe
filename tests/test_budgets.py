"""Readers' budgets on the built site (bytes, not seconds): a regression fails here.

Budgets: a paragraph page's own HTML at most 15 KB gzip; a first visit to a
page at most 150 KB gzip in all (its HTML, the stylesheets, scripts and icon
it links, and the search worker and index the theme fetches at load); the
search index at most 100 KB gzip.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

PARAGRAPH_PAGE = 15_000
FIRST_VISIT = 150_000
SEARCH_INDEX = 100_000

_ASSET = re.compile(r'<(?:script[^>]*\bsrc|link[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref)="([^"]+)"')
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def first_visit(site: Path, rel: str) -> dict[str, int]:
    """Every file a first visit to `rel` loads, with its gzip size."""
    page = site / rel
    html = page.read_text(encoding="utf-8")
    refs = _ASSET.findall(html)
    for ref in refs:
        assert not ref.startswith(("http:", "https:", "//")), f"{rel} loads {ref} from another host"
    paths = [(page.parent / ref.split("?")[0].split("#")[0]).resolve() for ref in refs]
    config = json.loads(_CONFIG.search(html).group(1))
    base = (page.parent / config["base"]).resolve()
    if config.get("search"):  # the theme starts its search worker, which fetches the index
        workers = [config["search"].split("?")[0]] + re.findall(r"worker=([^&]+)", config["search"])
        paths += [base / "assets/javascripts/workers" / Path(w).name for w in workers]
        paths.append(base / "search" / "search_index.json")
    files = {rel: gz(page.read_bytes())}
    for path in paths:
        assert path.is_file(), f"{rel} loads {path}, which is not in the site"
        files[path.relative_to(site.resolve()).as_posix()] = gz(path.read_bytes())
    return files


def test_every_paragraph_page_is_small(built):
    sizes = {p.parent.relative_to(built.site).as_posix(): gz(p.read_bytes())
             for kind in ("pp", "op") for p in (built.site / kind).glob("*/index.html")}
    assert len(sizes) == 71
    assert {k: v for k, v in sizes.items() if v > PARAGRAPH_PAGE} == {}


@pytest.mark.parametrize("rel", ["index.html", "pp/7/index.html", "op/5/index.html", "text/index.html"])
def test_first_visit_stays_in_budget(built, rel):
    files = first_visit(built.site, rel)
    assert "search/search_index.json" in files
    assert any(name.endswith(".css") for name in files)
    assert sum(files.values()) <= FIRST_VISIT, files


def test_search_index_is_small(built):
    index = built.site / "search" / "search_index.json"
    assert gz(index.read_bytes()) <= SEARCH_INDEX


def test_every_english_paragraph_page_is_small(built):
    """The English site holds the whole series: 76/186 at its root, 72/195, 74/176 and 78/228 under their symbols."""
    sizes = {p.parent.relative_to(built.site).as_posix(): gz(p.read_bytes())
             for p in (built.site / "en").rglob("index.html") if p.parent.parent.name in ("pp", "op")
             and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")}  # a symbol's address sending the reader on
    assert len(sizes) == 71 + 56 + 66 + 81
    assert {k: v for k, v in sizes.items() if v > PARAGRAPH_PAGE} == {}


def test_english_search_index_is_small(built):
    index = built.site / "en" / "search" / "search_index.json"
    assert gz(index.read_bytes()) <= SEARCH_INDEX
