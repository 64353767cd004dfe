"""The Chinese draft and the English adopted text, aligned: the check, the differences, /en/, /compare/, the switch.

Expected values were read off the two sources by hand: footnote 12 of the
draft (A/C.3/76/L.10/Rev.1) cites A/CONF.234/16, chapter I, resolution 1;
footnote 12 of the adopted text (A/RES/76/186) cites "Resolution 76/181,
annex."; operative paragraph 27 expects the next Global Report in 2020 in
the draft and in 2022 in the adopted text.  Nothing else that both texts
write in figures or cite differs.
"""

from __future__ import annotations

import copy
import html as html_module
import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import COLLECTION, ROOT, SITE_ADDRESS, SOURCE, SOURCE_EN
from generator.analyse.align import align, alignment_rows
from generator.analyse.annotate import annotate
from generator.analyse.collection import assemble
from generator.build import build_all
from generator.cli import main
from generator.knowledge.lexicon import load_lexicon
from generator.read.manifest import load_manifest
from generator.read.pdftext import read_pdftext
from generator.read.text import parse_file
from generator.render.compare import reference_label
from generator.render.edition import docs_url, editions, href
from generator.source import SourceError
from test_site import Page, html_pages, page_file, url_of

SYMBOL_EN = "A/RES/76/186"


@pytest.fixture(scope="module")
def zh():
    return annotate(parse_file(SOURCE))


@pytest.fixture(scope="module")
def en():
    return annotate(read_pdftext(SOURCE_EN))


@pytest.fixture(scope="module")
def alignment(zh, en):
    return align(zh, en)


# -- the alignment, checked -----------------------------------------------------------------


def test_every_paragraph_item_and_footnote_is_aligned(alignment):
    kinds = [p.kind for p in alignment.passages]
    assert (kinds.count("paragraph"), kinds.count("subparagraph"), kinds.count("footnote")) == (71, 6, 22)
    ids = [p.id for p in alignment.passages]
    assert ids[:8] == ["pp-1", "pp-2", "pp-3", "pp-4", "pp-5", "pp-6", "fn-1", "fn-2"]
    assert ids[ids.index("pp-10"):ids.index("pp-10") + 7] == ["pp-10"] + [f"pp-10-{x}" for x in "abcdef"]
    assert ids[-3:] == ["op-26", "op-27", "op-28"]
    assert ids.index("fn-12") == ids.index("pp-17") + 1  # a footnote follows the paragraph that references it
    assert [p.paragraph for p in alignment.passages if p.id == "fn-22"] == ["op-2"]


def test_footnote_12_and_operative_27_are_the_only_differences(alignment):
    found = {p.id: p for p in alignment.differences}
    assert sorted(found) == ["fn-12", "op-27"]
    fn12 = found["fn-12"]
    assert fn12.paragraph == "pp-17"
    assert fn12.citations_differ and not fn12.years_differ
    assert fn12.a.cited == ("doc-a-conf-234-16",) and fn12.b.cited == ("ga-res-76-181",)
    assert (fn12.only_a, fn12.only_b) == (("doc-a-conf-234-16",), ("ga-res-76-181",))
    assert fn12.a.text == "A/CONF.234/16，第一章，决议 1。"
    assert fn12.b.text == "Resolution 76/181, annex."
    op27 = found["op-27"]
    assert op27.years_differ and not op27.citations_differ
    assert (op27.a.years, op27.b.years) == (("2020",), ("2022",))


def test_passages_that_agree_are_compared_too(alignment):
    pp11 = next(p for p in alignment.passages if p.id == "pp-11")
    assert pp11.a.cited == pp11.b.cited == ("ga-res-61-180", "ga-res-64-178", "ga-res-67-190", "ga-res-68-192",
                                            "ga-res-70-179", "ga-res-72-195", "ga-res-74-176")
    pp17 = next(p for p in alignment.passages if p.id == "pp-17")
    assert pp17.a.years == pp17.b.years == ("2021", "2030")  # the Kyoto Congress, the 2030 Agenda
    assert not pp17.differs


def test_the_alignment_seen_from_the_english_side(alignment):
    swapped = alignment.swapped()
    assert swapped.a.document.language == "en"
    fn12 = next(p for p in swapped.differences if p.id == "fn-12")
    assert (fn12.only_a, fn12.only_b) == (("ga-res-76-181",), ("doc-a-conf-234-16",))


def test_alignment_table_rows(alignment):
    rows = {r["id_zh"]: r for r in alignment_rows(alignment)}
    assert len(rows) == 99
    assert rows["fn-12"] == {
        "id_zh": "fn-12", "id_en": "fn-12", "paragraph": "pp-17", "kind": "footnote", "citations_differ": True,
        "cited_only_zh": ["doc-a-conf-234-16"], "cited_only_en": ["ga-res-76-181"],
        "years_differ": False, "years_zh": [], "years_en": [],
    }
    assert rows["pp-10-a"]["kind"] == "subparagraph" and rows["pp-10-a"]["id_en"] == "pp-10-a"
    assert rows["op-27"]["years_zh"] == ["2020"] and rows["op-27"]["years_en"] == ["2022"]
    assert sum(r["citations_differ"] for r in rows.values()) == 1


def _without_paragraph(res, pid):
    out = copy.deepcopy(res)
    out.paragraphs = [p for p in out.paragraphs if p.id != pid]
    return out


def test_a_missing_paragraph_is_an_error(zh, en):
    with pytest.raises(SourceError) as err:
        align(zh, _without_paragraph(en, "op-28"))
    assert str(err.value) == ("A_RES_76_186.en.json: does not align with resolution.zh.txt by paragraph: "
                              "paragraph op-28 is in resolution.zh.txt only")
    with pytest.raises(SourceError) as err:
        align(_without_paragraph(zh, "pp-20"), en)
    assert "paragraph pp-20 is in A_RES_76_186.en.json only (resolution.zh.txt has pp-21 in its place)" in str(err.value)


def test_a_missing_lettered_item_is_an_error(zh, en):
    short = copy.deepcopy(en)
    short.paragraph("pp-10").subparagraphs.pop()
    with pytest.raises(SourceError) as err:
        align(zh, short)
    assert str(err.value).endswith("lettered item pp-10-f is in resolution.zh.txt only")


def test_a_footnote_referenced_from_another_paragraph_is_an_error(zh, en):
    moved = copy.deepcopy(en)
    moved.footnote(12).paragraph = "pp-18"
    with pytest.raises(SourceError) as err:
        align(zh, moved)
    assert "fn-12 belongs to pp-17 in resolution.zh.txt but" in str(err.value)
    fewer = copy.deepcopy(en)
    fewer.footnotes.pop()
    with pytest.raises(SourceError) as err:
        align(zh, fewer)
    assert str(err.value).endswith("footnote fn-22 is in resolution.zh.txt only")


def test_two_versions_in_one_language_are_refused(zh):
    with pytest.raises(SourceError, match="both are in the same language"):
        align(zh, copy.deepcopy(zh))


def test_a_build_whose_texts_do_not_align_writes_nothing(zh, en, tmp_path):
    """The versions are aligned as the collection is assembled, before the build writes anything."""
    with pytest.raises(SourceError, match="does not align"):
        build_all(assemble([(SOURCE, zh), (SOURCE_EN, _without_paragraph(en, "op-28"))]),
                  tmp_path / "exports", tmp_path / "docs", None)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_text_on_the_bilingual_pages_is_published_as_text(zh, en, tmp_path):
    from generator.render.compare import write_pages
    from generator.model.document import Passage

    hostile = 'Recalling <script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) {{ x }}'
    other = copy.deepcopy(en)
    other.paragraph("pp-17").body = Passage(hostile)
    other.paragraph("pp-17").lead = "Recalling"
    other.footnote(12).body = Passage('"><svg onload=alert(1)>')
    for edition in editions(assemble([(SOURCE, zh), (SOURCE_EN, other)])):
        write_pages(edition, tmp_path / edition.lang)
    for name in ("zh/compare.md", "en/compare.md", "zh/differences.md", "en/differences.md"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text and "<svg" not in text, name
        assert "javascript:" not in text, name
    compare = (tmp_path / "en" / "compare.md").read_text(encoding="utf-8")
    assert '<span class="lead">Recalling</span> &lt;script&gt;alert&#40;1&#41;&lt;/script&gt;' in compare
    assert "&quot;&gt;&lt;svg onload=alert&#40;1&#41;&gt;" in compare


# -- labels and URLs ---------------------------------------------------------------------------


def test_references_are_named_in_the_pages_language(alignment):
    lexicon = load_lexicon()
    zh_lang, en_lang = lexicon.languages["zh"], lexicon.languages["en"]
    refs = alignment.references
    assert reference_label(refs["ga-res-76-181"], zh_lang, lexicon) == "大会第 76/181 号决议"
    assert reference_label(refs["ga-res-76-181"], en_lang, lexicon) == "General Assembly resolution 76/181"
    assert reference_label(refs["doc-a-conf-234-16"], en_lang, lexicon) == "A/CONF.234/16"
    assert reference_label(refs["unts-2225-39574"], zh_lang, lexicon) == "《联合国条约汇编》第 2225 卷第 39574 号"
    assert reference_label(refs["sdg-target-8-7"], en_lang, lexicon) == "Sustainable Development Goal target 8.7"


@pytest.mark.parametrize("here, target, expected", [
    ("compare/", "pp/7/", "../pp/7/"),
    ("en/compare/", "pp/7/", "../../pp/7/"),
    ("pp/7/", "en/pp/7/#pp-7", "../../en/pp/7/#pp-7"),
    ("", "en/", "en/"),
    ("en/", "", "../"),
    ("", "", "./"),
    ("en/differences/", "en/text/#fn-12", "../text/#fn-12"),
])
def test_links_between_the_two_sites_are_relative(here, target, expected):
    assert href(here, target) == expected


def test_docs_files_and_their_urls():
    assert [docs_url(n) for n in ("index.md", "actors/index.md", "pp/7.md", "compare.md")] == ["", "actors/", "pp/7/", "compare/"]


def test_the_collection_publishes_the_english_text_beside_the_chinese_one():
    assert load_manifest(COLLECTION)[:2] == [SOURCE, SOURCE_EN]


def test_check_reports_the_alignment_and_its_differences(capsys):
    assert main(["check", "--source", str(SOURCE), "--source", str(SOURCE_EN)]) == 0
    out = capsys.readouterr().out
    assert "content/source/A_RES_76_186.en.json: Improving the coordination of efforts against trafficking in persons " \
           "(A/RES/76/186, 2022-01-11, en)\n" in out
    assert "  en aligned with zh by paragraph: 99 passages\n" in out
    assert "  differs: fn-12 (pp-17): cited only in zh: doc-a-conf-234-16; cited only in en: ga-res-76-181\n" in out
    assert "  differs: op-27 (op-27): years zh 2020 / en 2022\n" in out
    assert main(["check", "--source", str(SOURCE), "--source-en", ""]) == 0
    assert "aligned by paragraph" not in capsys.readouterr().out


# -- the built sites ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(built):
    return built.site


@pytest.fixture(scope="module")
def pages(site):
    return {url_of(site, f): Page(f.read_text(encoding="utf-8")) for f in html_pages(site)}


def _lang(page: Page) -> str:
    return page.find("html")[0]["lang"]


def test_english_pages_have_the_same_paths(site, pages):
    for number in range(1, 44):
        assert page_file(site, f"/en/pp/{number}/").is_file(), number
    for number in range(1, 29):
        assert page_file(site, f"/en/op/{number}/").is_file(), number
    assert not page_file(site, "/en/pp/44/").exists()
    for url in ("/en/", "/en/text/", "/en/compare/", "/en/differences/", "/en/references/", "/en/actors/"):
        assert _lang(pages[url]) == "en", url
    for url in ("/", "/pp/7/", "/op/5/", "/text/", "/compare/", "/differences/", "/sponsors/"):
        assert _lang(pages[url]) == "zh", url
    english = [u for u in pages if u.startswith("/en/")]
    assert all(_lang(pages[u]) == "en" for u in english)
    assert all(_lang(pages[u]) == "zh" for u in pages if u not in english)


def test_english_labels_titles_and_canonical_urls(pages):
    home = pages["/"].canonical()
    assert home == SITE_ADDRESS
    pp7, op5 = pages["/en/pp/7/"], pages["/en/op/5/"]
    assert pp7.texts["title"] == "Preambular paragraph 7"
    assert op5.texts["title"] == "Operative paragraph 5"
    site_name = "Improving the coordination of efforts against trafficking in persons"
    assert pp7.title == f"Preambular paragraph 7 - {site_name}"
    assert pp7.canonical() == home + "en/pp/7/"
    assert pages["/en/"].canonical() == home + "en/"
    assert op5.texts["op-5"].startswith("5. Also recalls its decision, in its resolution 68/192, to appraise")
    assert pp7.meta("description").startswith("Recalling also the United Nations Convention against Transnational")
    assert pages["/pp/7/"].texts["title"] == "序言部分第 7 段"  # the Chinese site as it was


def _switch(page: Page) -> list[dict[str, str]]:
    return page.find("a", data_language_switch="")


@pytest.mark.parametrize("url, target", [
    ("/pp/7/", "/en/pp/7/"), ("/en/pp/7/", "/pp/7/"),
    ("/op/28/", "/en/op/28/"), ("/en/op/28/", "/op/28/"),
    ("/", "/en/"), ("/en/", "/"),
    ("/text/", "/en/text/"), ("/en/compare/", "/compare/"),
    ("/actors/secretary-general/", "/en/actors/secretary-general/"),
    ("/sponsors/", "/en/sponsors/"),
])
def test_the_language_switch_leads_to_the_same_page(pages, url, target):
    links = _switch(pages[url])
    assert len(links) == 1
    assert urlsplit(urljoin("http://site" + url, links[0]["href"])).path == target
    assert links[0]["hreflang"] == links[0]["lang"] == ("en" if target.startswith("/en/") else "zh")


def test_every_page_has_a_language_switch_to_a_page_that_exists(site, pages):
    for url, page in pages.items():
        if page.find("meta", http_equiv="refresh"):
            continue  # a symbol's address that sends the reader on (/en/A/RES/76/186/ -> /en/): not a page of its own
        links = _switch(page)
        assert len(links) == 1, url
        if url.endswith("404.html"):
            continue
        target = urlsplit(urljoin("http://site" + url, links[0]["href"])).path
        assert page_file(site, target).is_file(), (url, target)
        other_root = "/" if url.startswith("/en/") else "/en/"
        same = other_root + url.removeprefix("/en/").lstrip("/")
        assert target == (same if page_file(site, same).is_file() else other_root), url


def test_the_side_by_side_page_pairs_every_paragraph_and_footnote(pages):
    for url, first, second in (("/compare/", "zh", "en"), ("/en/compare/", "en", "zh")):
        page = pages[url]
        pairs = [a["id"] for t, a in page.elements if t == "div" and a.get("class") == "pair" and "id" in a]
        assert pairs == [f"pp-{n}" for n in range(1, 44)] + [f"op-{n}" for n in range(1, 29)] + [f"fn-{n}" for n in range(1, 23)]
        cells = [a["lang"] for t, a in page.elements if t == "div" and a.get("class", "").startswith("pair__text")]
        assert cells == [first, second] * 93
        hrefs = {urlsplit(urljoin("http://site" + url, a["href"])).path + (f"#{urlsplit(a['href']).fragment}" if urlsplit(a["href"]).fragment else "")
                 for a in page.links}
        assert {"/pp/7/", "/en/pp/7/", "/op/28/", "/en/op/28/", "/text/#fn-12", "/en/text/#fn-12"} <= hrefs
    zh = pages["/compare/"].texts
    assert zh["pp-10"].startswith("序言部分第 10 段")
    assert "Preambular paragraph 10" in zh["pp-10"] and "(f) To foster cooperation and coordination" in zh["pp-10"]
    assert "有差异：见差异说明" in zh["fn-12"] and "有差异" not in zh["fn-11"]
    assert "有差异：见差异说明" in zh["op-27"]


def test_the_differences_are_written_out(pages):
    zh, en = pages["/differences/"], pages["/en/differences/"]
    assert zh.texts["fn-12"] == "脚注 12（序言部分第 17 段）"
    assert en.texts["fn-12"] == "Footnote 12 (Preambular paragraph 17)"
    assert en.texts["op-27"] == "Operative paragraph 27"
    for sentence in ("仅中文文本引用：A/CONF.234/16。", "仅英文文本引用：大会第 76/181 号决议。",
                     "年份：中文文本为 2020，英文文本为 2022。", "有差异的段落或脚注：2 处。",
                     "A/CONF.234/16，第一章，决议 1。", "Resolution 76/181, annex."):
        assert sentence in zh.text, sentence
    for sentence in ("Cited only in the English text: General Assembly resolution 76/181.",
                     "Cited only in the Chinese text: A/CONF.234/16.",
                     "Years in figures: 2022 in the English text, 2020 in the Chinese text.", "Passages that differ: 2."):
        assert sentence in en.text, sentence
    headings = [a.get("id") for t, a in en.elements if t == "h2"]
    assert headings == ["fn-12", "op-27"]


@pytest.mark.parametrize("url, passage, sentence", [
    ("/pp/17/", "脚注 12（序言部分第 17 段）", "仅英文文本引用：大会第 76/181 号决议。"),
    ("/en/pp/17/", "Footnote 12 (Preambular paragraph 17)", "Cited only in the Chinese text: A/CONF.234/16."),
    ("/op/27/", "执行部分第 27 段", "年份：中文文本为 2020，英文文本为 2022。"),
    ("/en/op/27/", "Operative paragraph 27", "Years in figures: 2022 in the English text, 2020 in the Chinese text."),
])
def test_paragraph_pages_say_where_the_texts_differ(pages, url, passage, sentence):
    text = re.sub(r"\s+", " ", pages[url].text)
    assert passage in text and sentence in text
    anchors = [a["href"] for a in pages[url].links if "differences/#" in a["href"]]
    assert anchors and anchors[0].endswith(("#fn-12", "#op-27"))


def test_paragraph_pages_without_differences_say_nothing(pages):
    for url in ("/pp/16/", "/en/pp/16/", "/op/26/", "/en/pp/10/"):
        assert not pages[url].find("aside", **{"class": "para-diff"}), url


def test_paragraph_pages_link_to_the_other_text_and_the_side_by_side_view(pages):
    zh = {a["href"]: a for a in pages["/pp/7/"].links}
    assert zh["../../en/pp/7/"]["hreflang"] == "en"
    assert "../../compare/#pp-7" in zh
    en = {a["href"]: a for a in pages["/en/pp/7/"].links}
    assert en["../../../pp/7/"]["hreflang"] == "zh"
    assert "../../compare/#pp-7" in en


def test_english_indexes_use_english_names(site, pages):
    actors = pages["/en/actors/"].text
    assert "Secretary-General" in actors and "United Nations Office on Drugs and Crime" in actors
    html = page_file(site, "/en/op/6/").read_text(encoding="utf-8")
    mentioned = re.search(r'<p class="para-actors"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert html_module.unescape(re.sub(r"<[^>]+>", "", mentioned)) == ("Mentioned in this paragraph: Secretary-General, "
                                                 "President of the General Assembly, Member States")
    references = pages["/en/references/"].text
    assert "General Assembly resolution 76/181" in references and "A/CONF.234/16" not in references


def test_english_pages_hold_no_chinese_but_in_links_marked_as_chinese(site):
    """Apart from /en/compare/ and /en/differences/, which set both texts side by side with lang attributes."""
    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    checked = 0
    for file in html_pages(site / "en"):
        if file.parent.name in ("compare", "differences"):
            continue
        html = file.read_text(encoding="utf-8")
        html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
        html = re.sub(r'<a [^>]*\blang="zh"[^>]*>.*?</a>', "", html, flags=re.S)
        assert not cjk.search(re.sub(r"<[^>]+>", "", html)), file
        checked += 1
    assert checked > 71


def test_the_english_sponsors_page_names_the_drafts_sponsors(pages):
    text = re.sub(r"\s+", " ", pages["/en/sponsors/"].text)
    assert "A/RES/76/186 names no sponsors." in text
    assert ("The Chinese text, A/C.3/76/L.10/Rev.1, names 20 sponsors: Armenia, Azerbaijan, Belarus, "
            "Bolivia (Plurinational State of), Central African Republic, China,") in text
    assert "Uzbekistan and Venezuela (Bolivarian Republic of)." in text
    links = [a for a in pages["/en/sponsors/"].links if a.get("hreflang") == "zh" and "data-language-switch" not in a]
    assert [a["href"] for a in links] == ["../../sponsors/"]
    assert "亚美尼亚" in pages["/sponsors/"].text  # the Chinese page as it was


def test_english_search_index(site):
    index = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert index["config"]["fields"]["title"]["boost"] == 5
    locations = {d["location"] for d in index["docs"]}
    assert "pp/17/" in locations and "op/27/" in locations
    # the texts are indexed once, by paragraph (each resolution's: A/RES/74/176/text/ is left out too)
    assert not any(loc.split("#")[0].endswith(("compare/", "text/")) for loc in locations)
    assert "A/RES/74/176/pp/7/" in locations
    pp17 = next(d for d in index["docs"] if d["location"] == "pp/17/")
    assert "Kyoto Declaration" in pp17["text"] and "\u200b" not in pp17["text"]
    chinese = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("en/") for d in chinese["docs"])


def test_each_site_has_its_own_sitemap(site):
    zh = (site / "sitemap.xml").read_text(encoding="utf-8")
    en = (site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITE_ADDRESS}en/" not in zh
    assert f"<loc>{SITE_ADDRESS}en/pp/7/</loc>" in en
    assert f"<loc>{SITE_ADDRESS}pp/7/</loc>" in zh


def test_the_english_docs_live_beside_the_chinese(built):
    assert (built.docs_en / "pp" / "7.md").is_file()
    assert (built.docs / "compare.md").is_file() and (built.docs_en / "compare.md").is_file()
    assert (built.exports / "en" / "resolution.json").is_file()
    data = json.loads((built.exports / "en" / "resolution.json").read_text(encoding="utf-8"))
    assert data["document"]["symbol"] == SYMBOL_EN and data["document"]["language"] == "en"


def test_config_of_the_english_site():
    text = (ROOT / "mkdocs.en.yml").read_text(encoding="utf-8")
    assert text.count("INHERIT: mkdocs.yml") == 1
    assert "language: en" in text and "lang: en" in text


# -- in the browser ---------------------------------------------------------------------------

# The English site holds the whole series, whose resolutions each ask for the Global Report: the query names
# the year that only 76/186 gives for the next one (2022).
ENGLISH_SEARCHES = [
    ("Kyoto Declaration", "en/pp/17/"),
    ("family reunification", "en/op/24/"),
    ("Global Report on Trafficking in Persons 2022", "en/op/27/"),
    ("President of the General Assembly", "en/op/6/"),
    ("Khartoum", "en/pp/36/"),
    ("child soldiers", "en/pp/6/"),
]


def _open(browser, url: str, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(url)
    return context, page


def _path(url: str, base_url: str) -> str:
    return urlsplit(url).path.removeprefix(urlsplit(base_url).path)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_the_language_switch_in_the_browser(browser, base_url, width):
    context, page = _open(browser, base_url + "pp/7/", width, 844)
    try:
        for expected_path, lang, title in (("en/pp/7/", "en", "Preambular paragraph 7"), ("pp/7/", "zh", "序言部分第 7 段")):
            page.locator(".md-select > button").click()  # the theme's selector opens on focus
            link = page.locator("a[data-language-switch]")
            link.wait_for(state="visible")
            link.click()
            page.wait_for_url(base_url + expected_path)
            assert page.evaluate("document.documentElement.lang") == lang
            assert page.locator("h1").inner_text() == title
    finally:
        context.close()


@pytest.mark.browser
def test_side_by_side_in_two_columns_on_a_wide_screen_and_one_on_a_phone(browser, base_url):
    for width, columns in ((1280, 2), (390, 1)):
        context, page = _open(browser, base_url + "compare/#pp-7", width, 844)
        try:
            zh, en = (page.locator(f"#pp-7 > .pair__text[lang={lang}]").bounding_box() for lang in ("zh", "en"))
            if columns == 2:
                assert abs(zh["y"] - en["y"]) < 1 and en["x"] >= zh["x"] + zh["width"]
            else:
                assert en["y"] >= zh["y"] + zh["height"] and abs(zh["x"] - en["x"]) < 1
            assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
            page.locator("#pp-7 .pair__text[lang=en] .pair__label a").click()
            page.wait_for_url(base_url + "en/pp/7/")
        finally:
            context.close()


@pytest.mark.browser
def test_from_a_paragraph_to_its_difference_and_back(browser, base_url):
    context, page = _open(browser, base_url + "en/pp/17/")
    try:
        note = page.locator("aside.para-diff")
        assert "Cited only in the Chinese text: A/CONF.234/16." in note.inner_text()
        note.get_by_role("link").click()
        page.wait_for_url(base_url + "en/differences/#fn-12")
        assert page.locator("#fn-12").is_visible()
        page.locator(".pair__text[lang=zh] .pair__label a").first.click()
        page.wait_for_url(base_url + "text/#fn-12")
        assert "A/CONF.234/16，第一章，决议 1。" in page.locator("#fn-12").inner_text()
    finally:
        context.close()


@pytest.fixture(scope="module")
def english_search(browser, base_url):
    """Search the English site: the result pages (en/pp/17/), best first."""
    context, page = _open(browser, base_url + "en/")
    page.keyboard.press("s")
    field = page.locator("input[data-md-component=search-query]")
    count = "document.querySelector('.md-search-result__list').children.length"

    def search(query: str) -> list[str]:
        field.fill("")
        page.wait_for_function(f"{count} === 0")
        field.fill(query)
        page.wait_for_function(f"{count} > 0", timeout=15_000)
        return [_path(u, base_url) for u in
                page.eval_on_selector_all(".md-search-result__item > a", "items => items.map(a => a.href)")]

    yield search
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("query, expected", ENGLISH_SEARCHES)
def test_english_search_finds_the_paragraph(english_search, query, expected):
    results = english_search(query)
    assert expected in results[:5], results[:5]
