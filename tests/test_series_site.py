"""The series on the site: /series/, the changes pages, the English pages of every
resolution, the history on every paragraph page, and the symbol addresses.

The figures (how many paragraphs are unchanged, changed, new and dropped)
are those of the lineages written by reading (tests/data/lineage), which
tests/test_lineage.py checks the computed lineage against.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from test_budgets import FIRST_VISIT, PARAGRAPH_PAGE, first_visit, gz

NUMBERS = {"72/195": (34, 22, 14), "74/176": (40, 26, 23), "76/186": (43, 28, 22), "78/228": (48, 33, 34)}
AGAINST = {"74/176": (27, 27, 12, 1), "76/186": (42, 24, 5, 0), "78/228": (37, 33, 11, 2)}


def html(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def rows(page: str) -> list[list[str]]:
    body = page[page.index("<tbody>"):page.index("</tbody>")]
    return [[text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


@pytest.mark.parametrize("url, resolution, against", [("/series/", "第{}号决议", "与{}相比的改动（英文）"),
                                                      ("/en/series/", "resolution {}", "Changes from {}")])
def test_the_series_page(built, url, resolution, against):
    page = html(built.site, url)
    table = rows(page)
    assert [r[0] for r in table] == [resolution.format(n) for n in NUMBERS]
    assert [tuple(int(x) for x in r[3:6]) for r in table] == list(NUMBERS.values())
    assert [tuple(int(x) for x in r[6:10]) for r in table[1:]] == list(AGAINST.values())
    assert [r[10] for r in table[1:]] == [against.format(n) for n in ("72/195", "74/176", "76/186")]
    assert re.search(r'<img alt="[^"]{20,}" src="lineage.svg" />', page)  # the picture, with its text alternative


def test_the_lineage_picture_has_a_text_alternative(built):
    svg = (built.site / "en" / "series" / "lineage.svg").read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in svg
    assert re.search(r"<title id=\"flow-title\">[^<]+</title>", svg) and "<desc" in svg
    assert svg.count("<rect x=") >= sum(p + o for p, o, _ in NUMBERS.values())  # a bar per paragraph, and the legend
    ages = rows(html(built.site, "/en/series/")[html(built.site, "/en/series/").index('id="ages"'):])
    assert ages[0] == ["resolution 72/195", "56", "", "", ""]  # every paragraph of the first begins there
    assert [sum(int(x) for x in r[1:] if x) for r in ages] == [p + o for p, o, _ in NUMBERS.values()]


def test_the_changes_page_marks_inserted_and_deleted_words(built):
    page = html(built.site, "/en/changes/")
    op27 = page[page.index('id="op-27"'):]
    op27 = op27[:op27.index("</div></div>")]
    # "to be produced by the Office in 2020," became "in 2022,": the deletion first, each announced
    assert re.search(r"<del><span class=\"visually-hidden\">deleted&#58; </span>2020,<span class=\"visually-hidden\"> end</span></del>"
                     r"\s*<ins><span class=\"visually-hidden\">inserted&#58; </span>2022,", op27)
    new = re.findall(r'<div class="change change--new" id="([a-z0-9-]+)"', page)
    assert new == ["pp-4", "pp-5", "pp-43", "op-3", "op-18"]
    unchanged = re.findall(r'<div class="change change--unchanged" id="([a-z0-9-]+)"', page)
    assert len(unchanged) == 42 and "<ins>" not in page[page.index('id="pp-1"'):page.index('id="pp-2"')]
    assert "42 unchanged, 24 changed, 5 new, 0 dropped." in text(page)


def test_dropped_paragraphs_keep_their_last_wording(built):
    page = html(built.site, "/en/A/RES/78/228/changes/")
    dropped = re.findall(r'<div class="change change--dropped" id="dropped-([a-z0-9-]+)">(.*?)</div></div>', page, re.S)
    assert [pid for pid, _ in dropped] == ["pp-5", "op-18"]
    body = text(dropped[0][1])
    assert body.startswith("dropped: Preambular paragraph 5 of resolution 76/186 deleted: ")
    # where it stood: after 78/228 pp-4, which continues 76/186 pp-4
    assert page.index('id="pp-4"') < page.index('id="dropped-pp-5"') < page.index('id="pp-5"')


@pytest.mark.parametrize("symbol", ["72/195", "74/176", "78/228"])
def test_english_pages_of_every_resolution(built, symbol):
    root = f"/en/A/RES/{symbol}/"
    preambular, operative, _ = NUMBERS[symbol]
    for kind, count in (("pp", preambular), ("op", operative)):
        assert sorted(int(p.name) for p in (built.site / root.strip("/") / kind).iterdir()) == list(range(1, count + 1))
    home = html(built.site, root)
    assert f"A/RES/{symbol}" in text(home)
    assert (built.site / root.strip("/") / "text" / "index.html").is_file()


def test_the_main_resolutions_symbol_address_leads_to_its_pages(built):
    page = html(built.site, "/en/A/RES/76/186/op/5/")
    up = "../" * 6  # A/RES/76/186/op/5/ to the English site's root
    assert f'<meta http-equiv="refresh" content="0; url={up}op/5/">' in page
    assert '<link rel="canonical" href="https://host.example/path/en/op/5/">' in page  # the session's site has an address
    assert html(built.site, "/en/A/RES/76/186/").count('url=../../../../"') == 1


def test_history_on_a_chinese_paragraph_page(built):
    page = html(built.site, "/op/5/")
    section = page[page.index('class="para-history"'):]
    section = section[:section.index("</section>")]
    stages = [text(li) for li in re.findall(r"<li [^>]*class=\"history__stage[^\"]*\"[^>]*>(.*?)</li>", section, re.S)]
    assert [s.split("（")[0] for s in stages] == ["第72/195号决议", "第74/176号决议", "第76/186号决议", "第78/228号决议"]
    assert stages[0].startswith("第72/195号决议（2017 年 12 月 19 日），执行部分第 4 段：见于本站所载本系列的第一项决议")
    assert stages[2].startswith("第76/186号决议（2021 年 12 月 16 日），本段：有改动")
    assert 'href="../../en/A/RES/72/195/op/4/" hreflang="en"' in section
    assert 'href="../../en/changes/#op-5" hreflang="en"' in section
    assert '<blockquote lang="en">\n<p>Also recalls its decision to appraise' in section  # the earlier English wording, quoted
    assert 'aria-current="step"' in section


def test_history_on_an_english_paragraph_page_of_another_resolution(built):
    page = html(built.site, "/en/A/RES/74/176/op/13/")
    section = text(page[page.index('class="para-history"'):page.index("</section>")])
    assert "resolution 74/176 (18 December 2019), this paragraph: new" in section
    assert "Its line begins in resolution 74/176." in section
    assert "resolution 76/186 (16 December 2021), Operative paragraph 14: unchanged" in section
    assert "resolution 78/228 (19 December 2023), Operative paragraph 15: unchanged" in section


def test_search_covers_the_series_in_english(built):
    index = json.loads((built.site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert {"A/RES/72/195/op/12/", "A/RES/74/176/op/13/", "A/RES/78/228/pp/1/"} <= locations
    assert not any(loc.endswith("changes/") for loc in locations)  # the redlines repeat the paragraphs: not indexed
    assert gz(json.dumps(index).encode()) <= 100_000


@pytest.mark.parametrize("rel", ["series/index.html", "en/series/index.html", "en/changes/index.html",
                                 "en/A/RES/78/228/changes/index.html", "en/A/RES/74/176/op/4/index.html"])
def test_budgets_hold_on_the_new_page_kinds(built, rel):
    files = first_visit(built.site, rel)
    assert sum(files.values()) <= FIRST_VISIT, files


def test_paragraph_pages_of_every_resolution_stay_small(built):
    pages = [p for p in (built.site / "en").rglob("index.html") if re.search(r"/(pp|op)/\d+/index\.html$", p.as_posix())]
    assert len(pages) == sum(p + o for p, o, _ in NUMBERS.values()) + 71  # and the 76/186 addresses that lead on
    assert [p for p in pages if gz(p.read_bytes()) > PARAGRAPH_PAGE] == []
