"""Machine-readable pages: schema.org JSON-LD read by a JSON-LD processor, and the link-preview tags.

The session's site (conftest.built, for the address SITE_ADDRESS) is read
page by page; each page's JSON-LD is flattened by PyLD against the page's
own address, so the assertions are about the graph a processor sees (full
IRIs, types, identifiers), not about how the JSON is spelled.  Expected
values were read off the two sources and their metadata: the Chinese text is
the revised draft A/C.3/76/L.10/Rev.1 of 10 November 2021, adopted by the
General Assembly on 16 December 2021 as A/RES/76/186, whose English text was
issued on 11 January 2022.
"""

from __future__ import annotations

import copy
import json
from types import SimpleNamespace

import pytest
import yaml

from conftest import SITE_ADDRESS
from generator.render import structured_data
from generator.analyse.annotate import annotate
from jsonld import blocks, nodes, types, value, values
from test_site import Page, html_pages, url_of

DRAFT = "A/C.3/76/L.10/Rev.1"
ADOPTED = "A/RES/76/186"
TITLE_ZH = "改进打击贩运人口工作的协调"
TITLE_EN = "Improving the coordination of efforts against trafficking in persons"
PARAGRAPHS = [f"pp/{n}/" for n in range(1, 44)] + [f"op/{n}/" for n in range(1, 29)]
NOT_FOUND = ("/404.html", "/en/404.html")  # MkDocs renders them without a page: no metadata
# The symbol addresses of the main resolution's English pages (/en/A/RES/76/186/op/5/) only lead on.
REDIRECT = '<meta http-equiv="refresh"'


def content_pages(raw: dict[str, str]) -> list[str]:
    return [url for url, html in raw.items() if url not in NOT_FOUND and REDIRECT not in html]


def address(url: str) -> str:
    """The full address of the site path `url` ("/pp/7/")."""
    return SITE_ADDRESS + url.lstrip("/")


@pytest.fixture(scope="module")
def raw(built) -> dict[str, str]:
    return {url_of(built.site, f): f.read_text(encoding="utf-8") for f in html_pages(built.site)}


@pytest.fixture(scope="module")
def pages(raw) -> dict[str, Page]:
    return {url: Page(html) for url, html in raw.items()}


def graph(raw: dict[str, str], url: str) -> dict[str, dict]:
    found = blocks(raw[url])
    assert len(found) == 1, f"{url}: {len(found)} JSON-LD blocks"
    return nodes(found[0], address(url))


# -- JSON-LD -------------------------------------------------------------------------------


def test_every_page_has_one_json_ld_block_that_a_processor_reads(raw):
    checked = 0
    content = set(content_pages(raw))
    for url in raw:
        if url not in content:
            assert blocks(raw[url]) == [], url
            continue
        g = graph(raw, url)
        page = g[address(url)]  # the page's own node, under its own address
        assert types(page) in (["Legislation"], ["WebPage"]), url
        assert value(page, "inLanguage") == ("en" if url.startswith("/en/") else "zh"), url
        for node_id in g:
            assert node_id.startswith((SITE_ADDRESS, "_:")), (url, node_id)  # ours, or a blank node
        checked += 1
    assert checked == len(content) and checked > 2 * (71 + 2)


def test_the_chinese_home_is_the_draft_and_names_the_resolution_it_became(raw):
    g = graph(raw, "/")
    draft, adopted = g[SITE_ADDRESS], g[address("/en/")]
    assert types(draft) == ["Legislation"]
    assert value(draft, "legislationIdentifier") == value(draft, "identifier") == DRAFT
    assert value(draft, "name") == TITLE_ZH
    assert value(draft, "legislationType") == "订正决议草案"
    assert value(draft, "datePublished") == "2021-11-10"
    assert value(draft, "inLanguage") == "zh"
    assert value(draft, "sameAs") == "https://undocs.org/zh/A/C.3/76/L.10/Rev.1"
    assert values(draft, "legislationPassedBy") == [] and values(draft, "legislationDate") == []  # a draft is passed by no one
    assert value(g[value(draft, "publisher")], "name") == "联合国"
    assert sorted(values(draft, "hasPart")) == sorted(address(p) for p in PARAGRAPHS)
    assert value(g[address("/pp/7/")], "identifier") == "pp-7"
    # the resolution it became, which the site publishes under /en/
    assert types(adopted) == ["Legislation"]
    assert value(adopted, "legislationIdentifier") == value(adopted, "identifier") == ADOPTED
    assert value(adopted, "legislationDate") == "2021-12-16"
    assert value(adopted, "isBasedOn") == SITE_ADDRESS
    assert value(adopted, "inLanguage") == "en"
    organ = g[value(adopted, "legislationPassedBy")]
    assert types(organ) == ["Organization"] and value(organ, "name") == "大会"
    assert value(g[value(organ, "parentOrganization")], "name") == "联合国"


def test_the_english_home_is_the_adopted_resolution_based_on_the_draft(raw):
    g = graph(raw, "/en/")
    res = g[address("/en/")]
    assert types(res) == ["Legislation"]
    assert value(res, "legislationIdentifier") == value(res, "identifier") == ADOPTED
    assert value(res, "name") == TITLE_EN
    assert value(res, "legislationType") == "resolution"
    assert value(res, "legislationDate") == "2021-12-16"  # adopted
    assert value(res, "datePublished") == "2022-01-11"  # issued
    assert value(res, "sameAs") == "https://undocs.org/en/A/RES/76/186"
    organ = g[value(res, "legislationPassedBy")]
    assert value(organ, "name") == "General Assembly"
    assert value(g[value(organ, "parentOrganization")], "name") == "United Nations"
    assert sorted(values(res, "hasPart")) == sorted(address("/en/" + p) for p in PARAGRAPHS)
    draft = g[value(res, "isBasedOn")]
    assert draft["@id"] == SITE_ADDRESS  # the Chinese site's home: the same node as there
    assert value(draft, "legislationIdentifier") == DRAFT and value(draft, "inLanguage") == "zh"


@pytest.mark.parametrize("url, identifier, name, home, symbol, items", [
    ("/pp/7/", "pp-7", "序言部分第 7 段", "/", DRAFT, ""),
    ("/op/5/", "op-5", "执行部分第 5 段", "/", DRAFT, ""),
    ("/pp/10/", "pp-10", "序言部分第 10 段", "/", DRAFT, "abcdef"),
    ("/en/pp/7/", "pp-7", "Preambular paragraph 7", "/en/", ADOPTED, ""),
    ("/en/op/28/", "op-28", "Operative paragraph 28", "/en/", ADOPTED, ""),
    ("/en/pp/10/", "pp-10", "Preambular paragraph 10", "/en/", ADOPTED, "abcdef"),
])
def test_a_paragraph_page_is_a_part_of_its_resolution(raw, url, identifier, name, home, symbol, items):
    g = graph(raw, url)
    node = g[address(url)]
    assert types(node) == ["Legislation"]
    assert value(node, "identifier") == identifier  # the id every dataset gives the paragraph
    assert value(node, "name") == name
    assert value(node, "isPartOf") == address(home)
    whole = g[address(home)]
    assert types(whole) == ["Legislation"] and value(whole, "legislationIdentifier") == symbol
    parts = [f"{identifier}-{letter}" for letter in items]
    assert values(node, "hasPart") == [f"{address(url)}#{part}" for part in parts]
    assert [value(g[f"{address(url)}#{part}"], "identifier") for part in parts] == parts


@pytest.mark.parametrize("url, name, home", [
    ("/text/", "全文", "/"),
    ("/sponsors/", "提案国", "/"),
    ("/actors/secretary-general/", "秘书长", "/"),
    ("/compare/", "双语对照", "/"),
    ("/en/text/", "Full text", "/en/"),
    ("/en/downloads/", "Downloads", "/en/"),
    ("/en/actors/secretary-general/", "Secretary-General", "/en/"),
])
def test_other_pages_are_web_pages_about_the_resolution(raw, pages, url, name, home):
    node = graph(raw, url)[address(url)]
    assert types(node) == ["WebPage"]
    assert value(node, "name") == name
    assert value(node, "about") == address(home)
    assert value(node, "description") == pages[url].meta("description")


# -- link previews ---------------------------------------------------------------------------


def _tags(page: Page) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for tag, a in page.elements:
        key = a.get("property") or a.get("name") if tag == "meta" else None
        if key and key.startswith(("og:", "twitter:")):
            out.setdefault(key, []).append(a["content"])
    return out


@pytest.mark.parametrize("url, kind, title, description", [
    ("/", "website", TITLE_ZH, "改进打击贩运人口工作的协调（A/C.3/76/L.10/Rev.1）：订正决议草案，逐段阅读"),
    ("/pp/7/", "article", "序言部分第 7 段", "又回顾《联合国打击跨国有组织犯罪公约》及其对贩运人口罪行作出定义的"),
    ("/op/5/", "article", "执行部分第 5 段", "又回顾其第68/192号决议决定利用现有资源"),
    ("/text/", "article", "全文", "改进打击贩运人口工作的协调"),
    ("/sponsors/", "article", "提案国", "A/C.3/76/L.10/Rev.1的提案国：20 个会员国"),
    ("/en/", "website", TITLE_EN, "Improving the coordination of efforts against trafficking in persons (A/RES/76/186)"),
    ("/en/pp/7/", "article", "Preambular paragraph 7", "Recalling also the United Nations Convention against Transnational"),
    ("/en/op/5/", "article", "Operative paragraph 5", "Also recalls its decision, in its resolution 68/192, to appraise"),
    ("/en/actors/secretary-general/", "article", "Secretary-General", ""),
])
def test_link_preview_tags(pages, url, kind, title, description):
    page = pages[url]
    english = url.startswith("/en/")
    tags = _tags(page)
    assert tags == {
        "og:type": [kind],
        "og:site_name": [TITLE_EN if english else TITLE_ZH],
        "og:title": [title],
        "og:description": [page.meta("description")],  # on a paragraph page, the paragraph's own text
        "og:url": [address(url)],
        "og:locale": ["en_US" if english else "zh_CN"],
        "og:locale:alternate": ["zh_CN" if english else "en_US"],
        "twitter:card": ["summary"],
    }
    assert tags["og:description"][0].startswith(description)
    assert page.title.startswith(title)  # the title the tab shows, with the site's name after it on other pages


def test_every_page_has_the_preview_tags_and_its_own_address(pages, raw):
    for url in content_pages(raw):
        page = pages[url]
        tags = _tags(page)
        assert sorted(tags) == ["og:description", "og:locale", "og:locale:alternate", "og:site_name", "og:title",
                                "og:type", "og:url", "twitter:card"], url
        assert tags["og:url"] == [page.canonical()] == [address(url)], url
        assert all(v and v.strip() == v for vs in tags.values() for v in vs), url


# -- the builders, without a build -------------------------------------------------------------


def test_a_resolution_with_no_known_adoption_and_a_series(resolution):
    res = annotate(copy.deepcopy(resolution))
    res.document.metadata = {k: v for k, v in res.document.metadata.items() if k != "adopted"}
    res.document.adoption = None
    series = {"@type": "CreativeWorkSeries", "@id": "https://host.example/series/", "name": "决议"}
    data = structured_data.resolution(res, series=series)
    assert "@graph" not in data  # one node: nothing to relate it to
    g = nodes(data, "https://host.example/path/")
    node = g["https://host.example/path/"]
    assert value(node, "isPartOf") == "https://host.example/series/"
    assert types(g["https://host.example/series/"]) == ["CreativeWorkSeries"]
    assert values(node, "isBasedOn") == [] and values(node, "legislationPassedBy") == []


def test_a_draft_whose_adopted_text_the_site_does_not_publish(resolution):
    """The adopted resolution is then a node without an address of its own, known by its symbol and official page."""
    g = nodes(structured_data.resolution(annotate(copy.deepcopy(resolution))), "https://host.example/path/")
    [adopted] = [n for n in g.values() if values(n, "isBasedOn") == ["https://host.example/path/"]]
    assert adopted["@id"].startswith("_:")
    assert value(adopted, "legislationIdentifier") == ADOPTED
    assert value(adopted, "sameAs") == "https://undocs.org/zh/A/RES/76/186"
    assert value(adopted, "legislationDate") == "2021-12-16"


def test_the_series_reaches_a_paragraph_page_through_its_resolution(resolution):
    res = annotate(copy.deepcopy(resolution))
    series = {"@type": "CreativeWorkSeries", "@id": "https://host.example/series/"}
    data = structured_data.paragraph(res, res.paragraphs[6], "序言部分第 7 段", series)
    g = nodes(data, "https://host.example/path/pp/7/")
    whole = g[value(g["https://host.example/path/pp/7/"], "isPartOf")]
    assert whole["@id"] == "https://host.example/path/"
    assert value(whole, "isPartOf") == "https://host.example/series/"


HOSTILE = 'a</script><script>alert(1)</script><!-- & \u2028 \x85 \x7f \x00 "quoted" \\ 不可信'


def test_json_for_a_script_cannot_end_it_and_reads_back_the_same():
    data = {"@context": structured_data.CONTEXT, "@type": "WebPage", "name": HOSTILE}
    text = structured_data.script_text(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_front_matter_reads_back_the_same_whatever_the_text():
    data = {"@context": structured_data.CONTEXT, "name": HOSTILE, "hasPart": [{"@id": "#pp-10-a"}]}
    line = str(structured_data.front_matter(data))
    assert "\n" not in line
    assert yaml.safe_load(f"structured_data: {line}\n") == {"structured_data": data}


def test_addresses_go_up_to_the_site_root():
    assert [structured_data.up(p) for p in ("", "pp/7/", "actors/secretary-general/", "sponsors/")] == \
        ["./", "../../", "../../", "../"]
    page = SimpleNamespace(meta={}, title="提案国", is_homepage=False, url="sponsors/", canonical_url=None)
    config = SimpleNamespace(site_name="决议", site_description="说明", theme={"language": "zh"})
    assert json.loads(structured_data.page_script(page, config)) == {
        "@context": "https://schema.org", "@type": "WebPage", "@id": "./", "name": "提案国", "description": "说明",
        "inLanguage": "zh", "about": {"@id": "../"}}
