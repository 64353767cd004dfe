"""Untrusted text: a source full of markup is published as the text it is, on the built site and in every export.

tests/data/untrusted.zh.txt is a small resolution laid out like the real one
whose title, agenda title, paragraphs, sub-paragraphs and footnotes carry
HTML, Markdown, attribute lists, Jinja, MkDocs/Material shortcodes and a
spreadsheet formula.  (Sponsors must be known States, so they stay plain.)
It is built once, into a whole site, and every page, the search index and
every dataset are checked.

The parser reads `[text](target)` and `*text*` as the PDF converter's links
and emphasis and keeps their text only (so `![img](http://evil.example/x.png)`
becomes `!img`); everything else reaches the model unchanged, and the model's
text is what every output must show.
"""

import contextlib
import csv
import json
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from conftest import ROOT, environ
from generator.analyse.annotate import annotate
from generator.analyse.collection import assemble, read_collection
from generator.build import build_all
from generator.read.text import parse_file
from generator.render.edition import Edition

UNTRUSTED = ROOT / "tests" / "data" / "untrusted.zh.txt"

TITLE = ('不可信文本<script>alert(1)</script>的决议 " autofocus onfocus="alert(1) </title></textarea><b>粗</b> '
         '{% raw %} :material-alert: [标题](javascript:alert(1))')
AGENDA_TITLE = '预防犯罪<iframe src="http://evil.example/frame"></iframe>和刑事司法 {{ config }} \' onmouseover=\'alert(1)'
TEXTS = {
    "pp-1": '回顾<img src=x onerror=alert(1)>贩运人口问题 {{ config.extra }} 和 <iframe src="http://evil.example/frame"></iframe>，',
    "pp-2": ('又回顾# heading 和 [link](javascript:alert(1)) 以及 !img 和 ![pic](http://evil.example/x.png?(1)) 及 '
             '<img src="http://evil.example/y.png"> 和 http://evil.example 与 {: .attr onclick=x} 的决议，'),
    "pp-3": "重申以下目的：",
    "pp-3-a": "促进 | a | b | 表格 |---|---| 和 !!! note 提示；",
    "pp-3-b": '帮助 --8<-- "/etc/passwd" 和 {% include "x" %} 以及 <a href="javascript:alert(1)">点击</a>；',
    "pp-3-c": "增进 :material-alert: 与 `代码` 和 强调 及 <svg onload=alert(1)>，",
    "pp-4": ('还回顾第 [61/180](javascript:alert(1)) 号决议和文件 A/76/120"onmouseover="alert(1) 以及 '
             "E/2018/30<script>alert(1)</script>，"),
    "op-1": "敦促会员国 <script>alert(1)</script> 处理 {{ config }} 和 {% raw %}{% endraw %} 问题；",
    "op-2": '请秘书长 # 标题 !!! warning "注意" 与 [link](javascript:alert(1)) 以及 <img src=x onerror=alert(1)> 和 !img；',
    "op-3": ('又请--8<-- "secret.txt" 与 {: #id .cls onclick=alert(1) } 及 | x | y | 与 &amp; &lt;b&gt; 和 '
             "http://evil.example/path?a=1&b=2 。"),
}
FOOTNOTES = {
    1: "见<script>alert(1)</script> [脚注](javascript:alert(1)) !img {{ config }} http://evil.example 。",
    2: '=HYPERLINK("http://evil.example","点击") <style>body{display:none}</style> ${alert(1)} 。',
}
# Which page shows which passages (the full text shows them all).
PAGES = {
    "pp/1/index.html": ["pp-1", 1],
    "pp/2/index.html": ["pp-2"],
    "pp/3/index.html": ["pp-3", "pp-3-a", "pp-3-b", "pp-3-c", 2],
    "pp/4/index.html": ["pp-4"],
    "op/1/index.html": ["op-1"],
    "op/2/index.html": ["op-2"],
    "op/3/index.html": ["op-3"],
    "text/index.html": list(TEXTS) + list(FOOTNOTES),
}
# Attributes whose value the browser follows or loads.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background", "cite",
                  "xlink:href", "{http://www.w3.org/1999/xlink}href", "ping", "manifest"}
# Elements that run, frame, embed or load something: the theme uses none of these.
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "video", "audio", "math"}
# Elements no search-index entry may hold: the theme renders each entry's markup as HTML.
ACTIVE_IN_SEARCH = FORBIDDEN | {"script", "style", "link", "meta", "img", "svg", "a", "form", "input", "textarea", "b"}
# The source is built without a site address: 404.html's absolute paths start at the server's root.
SITE_PATH = "/"
DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """The untrusted source built once into exports/, docs/ and site/."""
    root = tmp_path_factory.mktemp("untrusted")
    with contextlib.chdir(ROOT), environ(SITE_URL=None):  # mkdocs.yml is read from the working folder
        build_all(read_collection([UNTRUSTED]), root / "exports", root / "docs", root / "site")
    return root


@pytest.fixture(scope="module")
def pages(out) -> dict[str, lxml.html.HtmlElement]:
    site = out / "site"
    return {p.relative_to(site).as_posix(): lxml.html.fromstring(p.read_bytes()) for p in sorted(site.rglob("*.html"))}


def body_text(page: lxml.html.HtmlElement) -> str:
    return page.find("body").text_content()


def url_attributes(el) -> list[tuple[str, str]]:
    return [(k, v) for k, v in el.attrib.items() if k.lower() in URL_ATTRIBUTES]


JSON_LD = re.compile(rb'<script type="application/ld\+json">(.*?)</script>', re.S)


def _items(data) -> list[tuple[str, object]]:
    """Every (key, value) of a JSON document, at any depth."""
    if isinstance(data, list):
        return [kv for item in data for kv in _items(item)]
    if isinstance(data, dict):
        return [kv for key, value in data.items() for kv in [(key, value), *_items(value)]]
    return []


def scheme_of(url: str) -> str:
    """What a browser would take for the URL's start: whitespace and control characters dropped, as it does."""
    return re.sub(r"[\x00-\x20]", "", url)


def passage_text(el) -> str:
    """An AKN passage's text: its own text and its children's, without footnotes or numbers."""
    out = el.text or ""
    for child in el:
        if lxml.etree.QName(child).localname not in ("authorialNote", "num"):
            out += passage_text(child)
        out += child.tail or ""
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# -- the input -----------------------------------------------------------------------------


def test_the_model_keeps_the_hostile_text_as_it_is():
    res = parse_file(UNTRUSTED)
    assert res.document.title == TITLE
    assert res.document.agenda_title == AGENDA_TITLE
    texts = {p.id: p.text for p in res.paragraphs} | {s.id: s.text for p in res.paragraphs for s in p.subparagraphs}
    assert texts == TEXTS
    assert {f.number: f.text for f in res.footnotes} == FOOTNOTES
    assert [s.name for s in res.sponsors] == ["中国", "肯尼亚", "俄罗斯联邦"]


# -- the site ------------------------------------------------------------------------------


def test_every_page_is_built(pages):
    assert sorted(pages) == [
        "404.html", "actors/index.html", "actors/member-states/index.html", "actors/secretary-general/index.html",
        "downloads/index.html", "index.html", "op/1/index.html", "op/2/index.html", "op/3/index.html",
        "pp/1/index.html", "pp/2/index.html", "pp/3/index.html", "pp/4/index.html", "references/index.html",
        "sponsors/index.html", "text/index.html",
    ]


@pytest.mark.parametrize("name", list(PAGES))
def test_paragraphs_and_footnotes_read_as_their_text(pages, name):
    text = body_text(pages[name])
    for key in PAGES[name]:
        expected = FOOTNOTES[key] if isinstance(key, int) else TEXTS[key]
        assert expected in text, f"{name}: {key} is not shown as its text"


def test_home_page_shows_title_and_agenda_title_as_text(pages):
    home = pages["index.html"]
    assert [h.text_content() for h in home.iter("h1")] == [TITLE]
    assert f"108：{AGENDA_TITLE}" in body_text(home)


def test_titles_name_the_document_as_text(pages):
    labels = {"index.html": None, "404.html": None, "pp/1/index.html": "序言部分第 1 段", "op/3/index.html": "执行部分第 3 段",
              "text/index.html": "全文", "sponsors/index.html": "提案国", "actors/index.html": "行为体",
              "actors/member-states/index.html": "会员国", "references/index.html": "引用文件", "downloads/index.html": "下载数据"}
    for name, label in labels.items():
        assert pages[name].findtext(".//title") == (f"{label} - {TITLE}" if label else TITLE), name
    for name, page in pages.items():
        assert page.findtext(".//title").endswith(TITLE), name
        topic = page.find_class("md-header__topic")[0]
        assert topic.text_content().strip() == TITLE, name


def test_meta_descriptions_are_the_text(pages):
    def description(name: str) -> str:
        (meta,) = [m for m in pages[name].iter("meta") if m.get("name") == "description"]
        return meta.get("content")

    for name in ("index.html", "text/index.html", "sponsors/index.html", "actors/index.html", "references/index.html",
                 "downloads/index.html"):
        assert description(name).startswith(TITLE), name
    for pid in ("pp-1", "pp-2", "pp-3", "pp-4", "op-1", "op-2", "op-3"):
        kind, number = pid.split("-")
        desc = description(f"{kind}/{number}/index.html")
        # the start of the paragraph, cut with an ellipsis when it is long
        assert desc == TEXTS[pid] or (desc.endswith("……") and TEXTS[pid].startswith(desc.removesuffix("……"))), pid
        assert len(desc.removesuffix("……")) >= min(len(TEXTS[pid]), 20), pid


def test_the_citation_names_the_title_as_text(pages):
    (cite,) = pages["pp/1/index.html"].iter("textarea")
    assert f"《{TITLE}》" in cite.text_content()
    # built without an address: the browser adds the page's (test_reproducible.py)
    assert cite.text_content().endswith("》，序言部分第 1 段，")


@pytest.mark.parametrize("name, title, named", [
    ("index.html", TITLE, lambda data: data["name"]),
    ("pp/1/index.html", "序言部分第 1 段", lambda data: data["isPartOf"]["name"]),
    ("text/index.html", "全文", lambda data: data["about"] and TITLE),
])
def test_link_previews_and_json_ld_carry_the_title_as_text(pages, name, title, named):
    page = pages[name]
    og = {m.get("property"): m.get("content") for m in page.iter("meta") if m.get("property")}
    assert og["og:site_name"] == TITLE
    assert og["og:title"] == title
    assert og["og:description"] == page.xpath("//meta[@name='description']/@content")[0]
    (script,) = page.xpath("//script[@type='application/ld+json']")
    assert named(json.loads(script.text)) == TITLE


def test_the_logo_title_is_the_title_not_its_entities(pages):
    for name, page in pages.items():
        titles = [a.get("title") for a in page.iter("a") if a.get("title") and "不可信" in a.get("title")]
        assert titles and set(titles) == {TITLE}, name


def test_no_page_gains_an_element_or_attribute_from_the_text(pages, out):
    site = out / "site"
    for name, page in pages.items():
        for el in page.iter():
            if not isinstance(el.tag, str):
                continue
            assert el.tag not in FORBIDDEN, f"{name}: <{el.tag}>"
            events = [k for k in el.attrib if k.lower().startswith("on")]
            assert not events, f"{name}: <{el.tag} {events}>"
            for key, value in url_attributes(el):
                assert not DANGEROUS_SCHEME.match(scheme_of(value)), f"{name}: <{el.tag} {key}={value!r}>"
                assert "evil.example" not in value, f"{name}: <{el.tag} {key}={value!r}>"
            if el.tag == "script":
                src = el.get("src")
                if src:  # the theme's and the site's own scripts, from the site itself
                    assert (file := local_file(site, name, src)) and file.is_file(), f"{name}: {src}"
                elif el.get("type") == "application/ld+json":  # data, not code: the text as JSON strings
                    assert "<" not in el.text and isinstance(json.loads(el.text), dict), f"{name}: JSON-LD"
                else:
                    assert "alert(" not in (el.text or "") and "evil" not in (el.text or ""), f"{name}: inline script"
            if el.tag == "img":
                assert (file := local_file(site, name, el.get("src", ""))) and file.is_file(), f"{name}: {el.get('src')}"
            assert "autofocus" not in el.attrib, f"{name}: <{el.tag} autofocus>"
            assert not (el.tag == "b" and el.text == "粗"), f"{name}: <b> from the title"
        # the source's tags are nowhere elements: no element's text is what they enclosed
        assert "body{display:none}" not in "".join(s.text or "" for s in page.iter("style")), name


def local_file(site: Path, name: str, url: str) -> Path | None:
    """The file of the site a page's script or image URL names (404.html uses absolute paths), or None."""
    if "://" in url or url.startswith("//"):
        return None
    if url.startswith("/"):
        return site / url.removeprefix(SITE_PATH)
    return ((site / name).parent / url).resolve()


def test_no_file_of_the_site_links_to_javascript(out):
    """Outside the datasets (which carry the text exactly, see below), `javascript:` is nowhere, not even as text."""
    site = out / "site"
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("data/") or rel == "search/search_index.json":
            continue
        if path.suffix in (".html", ".xml", ".svg", ".css", ".txt", ".json", ".js", ".map"):
            data = path.read_bytes()
            if path.suffix == ".html":  # the JSON-LD holds the text as JSON strings, never as an address (below)
                for text in JSON_LD.findall(data):
                    addresses = [v for k, v in _items(json.loads(text)) if k in ("@id", "url", "sameAs")]
                    assert addresses and not [a for a in addresses if DANGEROUS_SCHEME.match(scheme_of(a))], rel
                data = JSON_LD.sub(b"", data)
            assert b"javascript:" not in data.lower(), rel
    assert not (site / "sitemap.xml").exists()  # no address, no sitemap (test_site_address.py)
    for path in (site / "sponsors" / "regional-groups.svg",):
        tree = lxml.etree.parse(str(path), lxml.etree.XMLParser(resolve_entities=False, no_network=True))
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            assert lxml.etree.QName(el).localname not in ("script", "foreignObject"), path.name
            for key, value in el.attrib.items():
                assert not key.lower().startswith("on") and not DANGEROUS_SCHEME.match(scheme_of(value)), (path.name, key)


def test_search_index_holds_the_text_not_markup(out):
    index = json.loads((out / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    shown: dict[str, str] = {}
    for doc in index["docs"]:
        for field in ("title", "text"):
            fragment = lxml.html.fragment_fromstring(doc[field] or "<span></span>", create_parent="div")
            for el in fragment.iter():
                if not isinstance(el.tag, str) or el is fragment:
                    continue
                assert el.tag not in ACTIVE_IN_SEARCH, (doc["location"], field, el.tag)
                assert not [k for k in el.attrib if k.lower().startswith("on")], (doc["location"], field)
            # the theme joins the words it segments with U+200B
            shown[doc["location"] + " " + field] = fragment.text_content().replace("\u200b", "")
    assert shown[" title"] == TITLE
    page_text = {loc: " ".join(v for k, v in shown.items() if k.split(" ")[0].split("#")[0] == loc)
                 for loc in ("", "pp/1/", "pp/2/", "pp/3/", "pp/4/", "op/1/", "op/2/", "op/3/")}
    assert AGENDA_TITLE in page_text[""]
    for pid, text in TEXTS.items():
        kind, number = pid.split("-")[:2]
        assert text in page_text[f"{kind}/{number}/"], pid
    assert FOOTNOTES[1] in page_text["pp/1/"]
    assert FOOTNOTES[2] in page_text["pp/3/"]


# -- the datasets --------------------------------------------------------------------------


def test_json_export_round_trips_the_text(out):
    data = json.loads((out / "exports" / "resolution.json").read_text(encoding="utf-8"))
    assert data["document"]["title"] == TITLE
    assert data["document"]["agenda_title"] == AGENDA_TITLE
    texts = {p["id"]: p["text"] for p in data["paragraphs"]}
    texts |= {s["id"]: s["text"] for p in data["paragraphs"] for s in p["subparagraphs"]}
    assert texts == TEXTS
    assert {f["number"]: f["text"] for f in data["footnotes"]} == FOOTNOTES
    record = json.loads((out / "docs" / "data" / "paragraphs" / "pp-3.json").read_text(encoding="utf-8"))
    assert record["document"]["title"] == TITLE
    assert record["paragraph"]["text"] == TEXTS["pp-3"]
    assert [s["text"] for s in record["paragraph"]["subparagraphs"]] == [TEXTS["pp-3-a"], TEXTS["pp-3-b"], TEXTS["pp-3-c"]]


def test_csv_exports_round_trip_the_text(out):
    rows = read_csv(out / "exports" / "paragraphs.csv")
    assert {r["id"]: r["text"] for r in rows} == TEXTS
    notes = read_csv(out / "exports" / "footnotes.csv")
    # a cell that opens with "=" stays as written: the datasets carry the exact text (see the report on CSV formulas)
    assert {int(r["number"]): r["text"] for r in notes} == FOOTNOTES


def test_akoma_ntoso_round_trips_the_text(out):
    tree = lxml.etree.parse(str(out / "exports" / "resolution.akn.xml"),
                            lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    by_id = {v: el for el in tree.iter() if isinstance(el.tag, str) for k, v in el.attrib.items()
             if k == "{urn:un-resolution-site:ids}id"}
    assert sorted(by_id) == sorted([*TEXTS, "fn-1", "fn-2"])
    for pid, text in TEXTS.items():
        el = by_id[pid]
        container = el.find(".//{*}listIntroduction")
        if container is None:
            container = el.find(".//{*}p")
        assert passage_text(container) == text, pid
    for number, text in FOOTNOTES.items():
        assert passage_text(by_id[f"fn-{number}"].find("{*}p")) == text
    assert tree.find(".//{*}docTitle").text == TITLE
    (agenda,) = [el for el in tree.iter("{*}inline") if el.get("name") == "agendaTitle"]
    assert agenda.text == AGENDA_TITLE


def test_the_site_publishes_the_exports_byte_for_byte(out):
    exports = out / "exports"
    names = sorted(p.name for p in exports.iterdir())
    assert "resolution.json" in names and "resolution.akn.xml" in names and "paragraphs.csv" in names
    for name in names:
        assert (out / "site" / "data" / name).read_bytes() == (exports / name).read_bytes(), name


# -- paths ---------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["../../evil", "/tmp/evil", "member/../../../evil", "..", "C:evil"])
def test_actor_slugs_that_lead_elsewhere_are_refused_with_file_and_line(tmp_path, slug):
    from generator.knowledge.actors import load_actors
    from generator.source import SourceError

    text = (ROOT / "content" / "actors.yml").read_text(encoding="utf-8")
    anchor = "  - id: member-states\n    name: 会员国\n    name_en: Member States\n"
    assert anchor in text
    copy = tmp_path / "actors.yml"
    copy.write_text(text.replace(anchor, anchor + f"    slug: {json.dumps(slug)}\n", 1), encoding="utf-8")
    line = text[: text.index(anchor) + len(anchor)].count("\n") + 1
    with pytest.raises(SourceError) as caught:
        load_actors(copy)
    assert str(caught.value) == (f"{copy}:{line}: actor 'member-states': slug {slug!r} must be lower-case letters, digits "
                                 "and hyphens")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.yml"]


def test_an_english_name_cannot_smuggle_a_path_into_the_slug(tmp_path):
    from generator.knowledge.actors import load_actors

    text = (ROOT / "content" / "actors.yml").read_text(encoding="utf-8")
    copy = tmp_path / "actors.yml"
    copy.write_text(text.replace("    name_en: Member States\n", "    name_en: ../../Member/States\n", 1), encoding="utf-8")
    assert load_actors(copy).actor("member-states").slug == "member-states"


def test_a_slug_that_slipped_past_the_gazetteer_still_cannot_write_outside_the_docs(tmp_path):
    """Defence in depth: the page writer checks the path itself (generator.paths.safe_path)."""
    import dataclasses

    from generator.render.indexes import write_indexes
    from generator.source import SourceError

    source = ROOT / "content" / "source" / "resolution.zh.txt"
    res = annotate(parse_file(source))
    res.actors = [dataclasses.replace(res.actors[0], slug="../../evil")] + res.actors[1:]
    docs = tmp_path / "a" / "docs"
    docs.mkdir(parents=True)
    with pytest.raises(SourceError, match="refusing to write outside the output folder"):
        write_indexes(Edition(assemble([(source, res)]), res), docs)
    assert not list(tmp_path.glob("**/evil*"))


def test_paragraph_and_footnote_ids_come_from_numbers_and_letters():
    res = parse_file(UNTRUSTED)
    ids = [p.id for p in res.paragraphs] + [s.id for p in res.paragraphs for s in p.subparagraphs]
    ids += [f.id for f in res.footnotes]
    assert ids == ["pp-1", "pp-2", "pp-3", "pp-4", "op-1", "op-2", "op-3", "pp-3-a", "pp-3-b", "pp-3-c", "fn-1", "fn-2"]
