"""The site's address: used wherever a full address is needed when the build has one, invented never.

The session's site (conftest.built) is built for SITE_ADDRESS, a host and a
path, as CI deploys it; the builds without an address are test_reproducible's
(two whole builds, as a developer runs them) and test_untrusted's.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from types import SimpleNamespace

import lxml.etree
import pytest

from conftest import ROOT, SITE_ADDRESS, SOURCE, SOURCE_EN
from generator.render import site_address
from generator.build import inputs_digest
from jsonld import blocks
from test_site import Page, html_pages, url_of


def address(url: str) -> str:
    return SITE_ADDRESS + url.lstrip("/")


@pytest.fixture(scope="module")
def raw(built) -> dict[str, str]:
    return {url_of(built.site, f): f.read_text(encoding="utf-8") for f in html_pages(built.site)}


def test_a_build_with_an_address_uses_it_wherever_a_full_address_is_needed(built, raw):
    paragraphs = 0
    for url, html in raw.items():
        if url.endswith("/404.html"):
            continue
        page = Page(html)
        if '<meta http-equiv="refresh"' in html:  # /en/A/RES/76/186/op/5/ leads on to /en/op/5/, its canonical address
            assert page.canonical() == address(url.replace("/A/RES/76/186/", "/")), url
            continue
        assert page.canonical() == address(url), url
        assert [a["content"] for a in page.find("meta", property="og:url")] == [address(url)], url
        [data] = blocks(html)
        own = data.get("@id") or data["@graph"][0]["@id"]
        assert own == address(url), url  # written full in the page, not left for a processor to resolve
        link = page.find("input", data_copy_source="link")
        if link:
            paragraphs += 1
            assert link[0]["value"] == address(url), url
            assert re.search(rf'data-copy-source="citation">[^<]*{re.escape(address(url))}</textarea>', html), url
            assert not page.find("div", data_here="")
    assert paragraphs == 2 * 71 + 56 + 66 + 81  # the main text's in both languages, the other resolutions' in English
    for sitemap, root in ((built.site / "sitemap.xml", "/"), (built.site / "en" / "sitemap.xml", "/en/")):
        locs = [el.text for el in lxml.etree.parse(str(sitemap)).iter("{*}loc")]
        pages = [u for u in raw if u.startswith(root) and not u.endswith("404.html")
                 and (root == "/en/" or not u.startswith("/en/")) and '<meta http-equiv="refresh"' not in raw[u]]
        assert sorted(locs) == sorted(address(u) for u in pages)


def test_the_address_is_settled_once_and_said_missing_once(monkeypatch):
    monkeypatch.setattr(site_address, "_noted", False)
    stream = io.StringIO()
    found = [site_address.configure(SimpleNamespace(site_url=value), stream) for value in ("", None, "")]
    assert found == [None, None, None]
    assert stream.getvalue() == site_address.NOTE + "\n"  # once, however many sites the build makes
    assert "SITE_URL" in site_address.NOTE
    config = SimpleNamespace(site_url="https://host.example/path/")
    assert site_address.configure(config, stream) == "https://host.example/path/"
    assert config.site_url == "https://host.example/path/"


def test_no_sitemap_without_an_address():
    with_address, without = SimpleNamespace(site_url="https://host.example/"), SimpleNamespace(site_url=None)
    assert site_address.without_sitemap("<urlset/>", "sitemap.xml", without) == ""
    assert site_address.without_sitemap("<urlset/>", "sitemap.xml", with_address) == "<urlset/>"
    assert site_address.without_sitemap("<html>", "404.html", without) == "<html>"


def test_page_addresses_are_made_full_only_when_the_address_is_known():
    data = {"@id": "./", "isPartOf": {"@id": "../../", "sameAs": "https://undocs.org/zh/A/RES/76/186"},
            "hasPart": [{"@id": "#pp-10-a"}], "name": "../../"}
    assert site_address.resolve(data, None) == data
    assert site_address.resolve(data, "https://host.example/path/pp/10/") == {
        "@id": "https://host.example/path/pp/10/",
        "isPartOf": {"@id": "https://host.example/path/", "sameAs": "https://undocs.org/zh/A/RES/76/186"},
        "hasPart": [{"@id": "https://host.example/path/pp/10/#pp-10-a"}],
        "name": "../../",  # not an address
    }


def test_another_address_is_another_build(monkeypatch):
    """`python -m generator build` rebuilds when SITE_URL changed, though no file did."""
    def digest() -> str:
        return inputs_digest([SOURCE, SOURCE_EN], ROOT, [Path("site")])

    monkeypatch.delenv("SITE_URL", raising=False)
    none = digest()
    monkeypatch.setenv("SITE_URL", "https://host.example/path/")
    one = digest()
    monkeypatch.setenv("SITE_URL", "https://other.example/")
    assert len({none, one, digest()}) == 3
    monkeypatch.setenv("SITE_URL", "https://host.example/path/")
    assert digest() == one
