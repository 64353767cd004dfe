"""The reading site, built once from the source: URLs, anchors, links, footnotes, no outside hosts."""

from __future__ import annotations

import copy
import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urljoin, urlsplit

import markdown
import pytest
import yaml

from conftest import SITE_ADDRESS
from generator.analyse.collection import assemble
from generator.mkdocs_hook import on_page_markdown
from generator.model.document import Passage, Resolution
from generator.render.edition import Edition
from generator.render.markup import escape
from generator.render.pages import Renderer, write_pages

ROOT = Path(__file__).resolve().parent.parent
SITE_NAME = "改进打击贩运人口工作的协调"
SYMBOL = "A/C.3/76/L.10/Rev.1"


def alone(res: Resolution) -> Edition:
    """A text published on its own, as the site of a single-source build publishes it."""
    return Edition(assemble([(Path(res.source_name or "text"), res)]), res)


class Page(HTMLParser):
    """What the tests need from one HTML page: ids, links, loads, a few elements."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[dict[str, str]] = []  # every <a href>
        self.loads: list[tuple[str, str]] = []  # (tag, url) the browser fetches
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self.text = ""  # all text outside scripts and styles
        self._in_title = False
        self._text_stack: list[list[str]] = []
        self.texts: dict[str, str] = {}  # id -> text content, for elements with an id
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag == "a" and "href" in a:
            self.links.append(a)
        if tag == "script" and a.get("src"):
            self.loads.append((tag, a["src"]))
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "preload", "icon", "preconnect", "modulepreload", "manifest"):
            self.loads.append((tag, a["href"]))
        if tag in ("img", "iframe", "source", "video", "audio", "embed") and a.get("src"):
            self.loads.append((tag, a["src"]))
        if tag == "object" and a.get("data"):
            self.loads.append((tag, a["data"]))
        if tag == "title":
            self._in_title = True
        if tag not in ("br", "img", "input", "link", "meta", "hr", "source", "wbr"):
            self._open.append((tag, a.get("id")))
            self._text_stack.append([])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        while self._open:
            t, ident = self._open.pop()
            text = "".join(self._text_stack.pop())
            if self._text_stack:
                self._text_stack[-1].append(text)
            if ident:
                self.texts[ident] = text.strip()
            if t == tag:
                break

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self._open or self._open[-1][0] not in ("script", "style"):
            self.text += data
        if self._text_stack:
            self._text_stack[-1].append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def meta(self, name: str) -> str | None:
        found = self.find("meta", name=name)
        return found[0].get("content") if found else None

    def canonical(self) -> str | None:
        found = self.find("link", rel="canonical")
        return found[0]["href"] if found else None


def page_at(site: Path, url_path: str) -> Page:
    return Page(page_file(site, url_path).read_text(encoding="utf-8"))


def page_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built.site


@pytest.fixture(scope="module")
def raw(site) -> dict[str, str]:
    return {url_of(site, f): f.read_text(encoding="utf-8") for f in html_pages(site)}


@pytest.fixture(scope="module")
def pages(raw) -> dict[str, Page]:
    return {url: Page(html) for url, html in raw.items()}


# -- URLs and anchors ------------------------------------------------------------------


def test_every_paragraph_has_its_page(site):
    for number in range(1, 44):
        assert page_file(site, f"/pp/{number}/").is_file(), f"/pp/{number}/"
    for number in range(1, 29):
        assert page_file(site, f"/op/{number}/").is_file(), f"/op/{number}/"
    assert not (site / "pp" / "44").exists()
    assert not (site / "op" / "29").exists()
    assert page_file(site, "/").is_file()
    assert page_file(site, "/text/").is_file()


def test_paragraph_page_title_label_meta_and_canonical(pages):
    home_url = pages["/"].canonical()
    assert home_url == SITE_ADDRESS  # the session's site is built for it (conftest.built)
    pp7 = pages["/pp/7/"]
    assert pp7.texts["title"] == "序言部分第 7 段"
    assert pp7.title == f"序言部分第 7 段 - {SITE_NAME}"
    assert pp7.meta("description").startswith("又回顾《联合国打击跨国有组织犯罪公约》及其对贩运人口罪行作出定义的")
    assert pp7.canonical() == home_url + "pp/7/"
    op5 = pages["/op/5/"]
    assert op5.texts["title"] == "执行部分第 5 段"
    assert op5.title == f"执行部分第 5 段 - {SITE_NAME}"
    assert op5.meta("description").startswith("又回顾其第68/192号决议决定利用现有资源")
    assert op5.canonical() == home_url + "op/5/"
    assert pages["/"].title == SITE_NAME


def test_paragraph_text_with_its_lead_set_off(pages):
    op5 = pages["/op/5/"]
    assert op5.texts["op-5"].startswith("5. 又回顾其第68/192号决议")
    leads = [a for t, a in op5.elements if t == "strong" and a.get("class") == "lead"]
    assert len(leads) == 1
    pp7 = pages["/pp/7/"]
    assert pp7.find("span", **{"class": "lead"})
    assert pp7.texts["pp-7"].startswith("又回顾《联合国打击跨国有组织犯罪公约》5及其")


def test_subparagraph_anchors(pages):
    pp10 = pages["/pp/10/"]
    text = pages["/text/"]
    for letter in "abcdef":
        assert f"pp-10-{letter}" in pp10.ids
        assert f"pp-10-{letter}" in text.ids
    assert "pp-10-g" not in pp10.ids
    assert pp10.texts["pp-10-a"].startswith("(a) 促进普遍批准《联合国打击跨国有组织犯罪公约》")
    assert pp10.texts["pp-10-f"].startswith("(f) 结合现有最佳做法和经验教训")


def test_full_text_anchors(pages):
    text = pages["/text/"]
    for number in range(1, 44):
        assert f"pp-{number}" in text.ids
    for number in range(1, 29):
        assert f"op-{number}" in text.ids
    for number in range(1, 23):
        assert f"fn-{number}" in text.ids
    assert "fn-23" not in text.ids
    assert text.texts["fn-12"].startswith("A/CONF.234/16，第一章，决议 1。")
    op28 = text.texts["op-28"].split("\n")
    assert op28[0] == "执行部分第 28 段"  # the label, linking to the paragraph's own page
    assert op28[1].startswith("28. 请秘书长向大会第七十八届会议提交")
    assert text.find("a", href="../op/28/")


def test_home_page(pages):
    home = pages["/"]
    assert home.texts["title"] == SITE_NAME
    body = home.text
    for fact in (SYMBOL, "订正决议草案", "2021 年 11 月 10 日", "第 76 届会议", "第三委员会",
                 "108：预防犯罪和刑事司法", "英文", "限制分发", "大会于 2021 年 12 月 16 日通过，成为第 76/186 号决议",
                 "亚美尼亚、阿塞拜疆、白俄罗斯", "乌兹别克斯坦和委内瑞拉玻利瓦尔共和国"):
        assert fact in body, fact
    hrefs = [a["href"] for a in home.links]
    assert "https://undocs.org/zh/A/RES/76/186" in hrefs
    contents = [a["href"] for a in home.links if a.get("class") == "toc-list__link"]
    assert contents == [f"pp/{n}/" for n in range(1, 44)] + [f"op/{n}/" for n in range(1, 29)]
    assert home.texts["contents"] == "段落目录"


def test_prev_and_next(pages):
    def pager(url):
        return {a["rel"]: a["href"] for a in pages[url].links if "rel" in a}

    assert pager("/pp/1/") == {"next": "../2/"}
    assert pager("/pp/7/") == {"prev": "../6/", "next": "../8/"}
    assert pager("/pp/43/") == {"prev": "../42/", "next": "../../op/1/"}
    assert pager("/op/28/") == {"prev": "../27/"}


def test_citations_link_to_official_pages_in_chinese(pages):
    op5 = [a["href"] for a in pages["/op/5/"].links if a.get("class") == "citation"]
    assert op5 == ["https://undocs.org/zh/A/RES/68/192"]
    pp40 = [a["href"] for a in pages["/pp/40/"].links if a.get("class") == "citation"]
    assert pp40 == ["https://undocs.org/zh/A/76/120"]


def test_copy_and_cite_controls(pages, raw):
    home_url = pages["/"].canonical()
    link = pages["/pp/7/"].find("input", data_copy_source="link")
    assert link and link[0]["value"] == home_url + "pp/7/"
    citation = f"大会订正决议草案《{SITE_NAME}》（{SYMBOL}），序言部分第 7 段，{home_url}pp/7/"
    assert f'<textarea readonly rows="3" data-copy-source="citation">{citation}</textarea>' in raw["/pp/7/"]
    assert pages["/pp/7/"].find("button", data_copy="link")
    assert not pages["/text/"].find("button", data_copy="link")


# -- links -----------------------------------------------------------------------------


def _internal(href: str) -> bool:
    scheme = urlsplit(href).scheme
    return not scheme and not href.startswith("//")


def test_every_internal_link_and_anchor_resolves(site, pages):
    base = urlsplit(pages["/"].canonical()).path  # where site_url puts the site: 404.html links from there
    checked = 0
    problems = []
    for url, page in pages.items():
        for a in page.links:
            href = a["href"]
            if not _internal(href):
                assert urlsplit(href).scheme in ("https", "http", "mailto"), (url, href)
                continue
            if href.startswith("/"):
                assert href.startswith(base), (url, href)
                href = "/" + href[len(base):]
            target = urlsplit(urljoin("http://site" + url, href))
            file = page_file(site, target.path)
            if not file.exists():
                problems.append(f"{url}: {href} -> no {target.path}")
                continue
            if target.fragment and file.suffix == ".html":
                ids = pages[url_of(site, file)].ids
                if unquote(target.fragment) not in ids:
                    problems.append(f"{url}: {href} -> no #{target.fragment}")
            checked += 1
    assert not problems, "\n".join(problems[:20])
    assert checked > 71 * 4


def test_no_link_points_nowhere(pages):
    for url, page in pages.items():
        for a in page.links:
            assert a["href"] not in ("", "#"), url
            assert not a["href"].lower().startswith("javascript:"), url


# -- footnotes ---------------------------------------------------------------------------


def _footnote_pairs(page: Page) -> tuple[dict[str, str], dict[str, list[str]]]:
    """refs: id of the <sup> -> footnote id; backs: footnote id -> sup ids it returns to."""
    refs: dict[str, str] = {}
    backs: dict[str, list[str]] = {}
    sups = {a["id"]: a for a in page.find("sup") if "id" in a}
    # the parser keeps elements in order: pair each footnote-ref with the sup that holds it
    last_sup = None
    for tag, a in page.elements:
        if tag == "sup" and a.get("id") in sups:
            last_sup = a["id"]
        if tag == "a" and a.get("class") == "footnote-ref":
            assert a.get("aria-label"), "footnote reference without an accessible name"
            refs[last_sup] = a["href"].lstrip("#")
    current = None
    for tag, a in page.elements:
        if tag == "li" and a.get("id", "").startswith("fn-"):
            current = a["id"]
            backs[current] = []
        if tag == "a" and a.get("class") == "footnote-backref":
            assert a.get("aria-label"), "back-reference without an accessible name"
            backs[current].append(a["href"].lstrip("#"))
    return refs, backs


@pytest.mark.parametrize("root", ["/", "/en/"])  # the Chinese site and the English one
def test_footnote_references_and_back_references_pair_up(pages, root):
    pages_with_notes = 0
    for url, page in pages.items():
        if not (url == root + "text/" or url.startswith((root + "pp/", root + "op/"))):
            continue
        refs, backs = _footnote_pairs(page)
        for sup, note in refs.items():
            assert note in backs, f"{url}: {sup} refers to missing #{note}"
            assert sup in backs[note], f"{url}: #{note} does not lead back to {sup}"
        for note, sups in backs.items():
            assert sups, f"{url}: #{note} has no back-reference"
            for sup in sups:
                assert refs.get(sup) == note, f"{url}: #{note} leads back to {sup}, which is not its reference"
        pages_with_notes += bool(refs)
    assert pages_with_notes == 14 + 1  # the paragraphs that carry footnotes, and the full text


def test_footnotes_on_their_paragraph_pages(pages):
    def notes(url):
        return sorted(int(i[3:]) for i in pages[url].ids if re.fullmatch(r"fn-\d+", i))

    assert notes("/pp/6/") == [1, 2, 3, 4]
    assert notes("/pp/7/") == [5, 6, 7, 8]
    assert notes("/pp/41/") == [18, 19, 20]
    assert notes("/op/2/") == [22]
    assert notes("/op/5/") == []
    assert notes("/text/") == list(range(1, 23))
    back = pages["/pp/7/"].find("a", href="#fnref-5")
    assert back and back[0]["aria-label"] == "返回正文中脚注 5 的位置"


# -- nothing from outside hosts ---------------------------------------------------------


def test_pages_and_styles_load_nothing_from_outside(site, pages, raw):
    for url, page in pages.items():
        for tag, src in page.loads:
            assert _internal(src), f"{url}: <{tag}> loads {src}"
        html = raw[url]
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, url
        for style in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", style), url
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+(url\()?\s*['\"]?(https?:)?//", text), css
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css


def test_theme_font_is_switched_off():
    config = _config()
    assert config["theme"]["font"] is False
    assert config["theme"]["language"] == "zh"


# -- size and search ---------------------------------------------------------------------


def test_paragraph_pages_are_small(site):
    for url in ("/pp/7/", "/pp/10/", "/op/2/", "/pp/19/"):
        html = page_file(site, url).read_bytes()
        assert len(gzip.compress(html, 9)) < 15_000, url


def test_search_index_favours_paragraph_pages(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    assert index["config"]["fields"]["title"]["boost"] == 5
    docs = index["docs"]
    locations = {d["location"] for d in docs}
    assert not any(loc.startswith("text/") for loc in locations)  # the full text is not indexed
    pp7 = [d for d in docs if d["location"] == "pp/7/"]
    assert pp7 and pp7[0]["boost"] == 2
    assert "\u200b" in pp7[0]["text"]  # segmented by jieba
    assert "复制链接" not in json.dumps(docs, ensure_ascii=False)  # controls are not indexed
    assert not any(d["location"] == "pp/7/#more" for d in docs)


def test_strict_build_with_link_and_anchor_validation():
    config = _config()
    assert config["strict"] is True
    assert config["validation"]["links"] == {"not_found": "warn", "anchors": "warn", "absolute_links": "warn",
                                             "unrecognized_links": "warn"}
    assert config["validation"]["nav"]["not_found"] == "warn"


def _config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and the like
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


# -- generator pieces (no build) -----------------------------------------------------------


def test_source_text_is_published_as_text(resolution):
    res = copy.deepcopy(resolution)
    p = res.paragraphs[0]
    hostile = '再次强烈谴责<script>alert(1)</script> *x* [a](javascript:alert(1)) {: .c } {{ x }} # h'
    p.body = Passage(hostile)
    p.lead = "再次强烈谴责"
    r = Renderer(alone(res))
    text = r.paragraph_page(p, None, res.paragraphs[1])
    body = text.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    assert "<script>" not in html and "javascript:" not in html.replace("javascript&#58;", "")
    assert "<em>" not in html
    assert "&lt;script&gt;alert" in html
    front = yaml.safe_load(text.split("\n---\n", 1)[0].lstrip("-\n"))
    assert front["description"] == escape(hostile)


def test_optional_lines_are_dropped_when_their_target_is_missing():
    page = SimpleNamespace(file=SimpleNamespace(src_uri="pp/7.md"))
    files = [SimpleNamespace(src_uri=u) for u in ("pp/7.md", "text.md", "downloads.md")]
    md = ("- [全文](../text.md#pp-7)\n"
          "- [JSON](../data/paragraphs/pp-7.json) <!-- optional -->\n"
          "- [下载](../downloads.md) <!-- optional -->\n")
    assert on_page_markdown(md, page, None, files) == "- [全文](../text.md#pp-7)\n- [下载](../downloads.md)\n"


def test_pages_for_an_english_text(sample_en, tmp_path):
    write_pages(alone(sample_en), tmp_path)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert written == ["index.md", "op/1.md", "op/2.md", "op/3.md", "op/4.md", "pp/1.md", "pp/2.md", "pp/3.md",
                       "pp/4.md", "text.md"]
    pp1 = (tmp_path / "pp" / "1.md").read_text(encoding="utf-8")
    assert 'title: "Preambular paragraph 1"' in pp1
    assert ('<span class="lead">Recalling</span> its resolutions [74/145](https://undocs.org/en/A/RES/74/145)'
            in pp1)
    assert '[↩](#fnref-1){ .footnote-backref aria-label="Back to the reference to footnote 1" }' in pp1
    op1 = (tmp_path / "op" / "1.md").read_text(encoding="utf-8")
    assert '<span class="para__num">1.</span> <strong class="lead">Urges</strong> Member States' in op1
    assert "None" not in op1  # the sample has no symbol
