"""The four resolutions of the series, read from their English texts.

Every expected value here was read off the official texts by hand (counts,
item labels, the paragraph whose text carries each footnote's mark, and the
facts of the heading and the closing lines); the reader must give exactly
these.
"""

from dataclasses import dataclass
from functools import lru_cache

import pytest

from conftest import ROOT
from generator.read import read_source

TITLE = "Improving the coordination of efforts against trafficking in persons"


@dataclass(frozen=True)
class Expected:
    symbol: str
    preambular: int
    operative: int
    items: dict[str, list[str]]  # paragraph id -> its items' labels
    footnotes: dict[int, str]  # footnote number -> the paragraph whose text carries its mark
    issued: str
    session: int
    agenda_item: str
    agenda_title: str | None
    adopted: str
    committee: str
    report: str
    report_paragraph: str | None
    meeting: str


SERIES = {
    "A_RES_72_195": Expected(
        symbol="A/RES/72/195", preambular=34, operative=22,
        items={"pp-8": "a b c d e f".split()},
        footnotes={
            1: "pp-4", 2: "pp-5", 3: "pp-5", 4: "pp-5", 5: "pp-5", 6: "pp-9", 7: "pp-11", 8: "pp-12",
            9: "pp-13", 10: "pp-14", 11: "pp-25", 12: "pp-32", 13: "pp-33", 14: "op-2",
        },
        issued="2018-01-23", session=72, agenda_item="107",
        agenda_title=None,
        adopted="2017-12-19", committee="Third Committee", report="A/72/440",
        report_paragraph=None, meeting="73rd plenary meeting",
    ),
    "A_RES_74_176": Expected(
        symbol="A/RES/74/176", preambular=40, operative=26,
        items={"pp-8": "a b c d e f".split()},
        footnotes={
            1: "pp-4", 2: "pp-4", 3: "pp-4", 4: "pp-4", 5: "pp-5", 6: "pp-5", 7: "pp-5", 8: "pp-5",
            9: "pp-9", 10: "pp-12", 11: "pp-13", 12: "pp-14", 13: "pp-15", 14: "pp-16", 15: "pp-17", 16: "pp-25",
            17: "pp-31", 18: "pp-38", 19: "pp-39", 20: "pp-39", 21: "pp-39", 22: "pp-40", 23: "op-2",
        },
        issued="2020-01-23", session=74, agenda_item="106",
        agenda_title="Crime prevention and criminal justice",
        adopted="2019-12-18", committee="Third Committee", report="A/74/400",
        report_paragraph=None, meeting="50th plenary meeting",
    ),
    "A_RES_76_186": Expected(
        symbol="A/RES/76/186", preambular=43, operative=28,
        items={"pp-10": "a b c d e f".split()},
        footnotes={
            1: "pp-6", 2: "pp-6", 3: "pp-6", 4: "pp-6", 5: "pp-7", 6: "pp-7", 7: "pp-7", 8: "pp-7",
            9: "pp-11", 10: "pp-14", 11: "pp-15", 12: "pp-17", 13: "pp-18", 14: "pp-19", 15: "pp-27", 16: "pp-33",
            17: "pp-40", 18: "pp-41", 19: "pp-41", 20: "pp-41", 21: "pp-42", 22: "op-2",
        },
        issued="2022-01-11", session=76, agenda_item="108",
        agenda_title="Crime prevention and criminal justice",
        adopted="2021-12-16", committee="Third Committee", report="A/76/463",
        report_paragraph="26", meeting="53rd plenary meeting",
    ),
    "A_RES_78_228": Expected(
        symbol="A/RES/78/228", preambular=48, operative=33,
        items={"pp-9": "a b c d e f".split()},
        footnotes={
            1: "pp-5", 2: "pp-5", 3: "pp-5", 4: "pp-5", 5: "pp-6", 6: "pp-6", 7: "pp-6", 8: "pp-6",
            9: "pp-7", 10: "pp-10", 11: "pp-13", 12: "pp-14", 13: "pp-14", 14: "pp-14", 15: "pp-14", 16: "pp-15",
            17: "pp-16", 18: "pp-17", 19: "pp-19", 20: "pp-19", 21: "pp-22", 22: "pp-24", 23: "pp-30", 24: "pp-37",
            25: "pp-42", 26: "pp-42", 27: "pp-42", 28: "pp-45", 29: "pp-46", 30: "pp-46", 31: "pp-46", 32: "pp-47",
            33: "pp-47", 34: "op-2",
        },
        issued="2023-12-22", session=78, agenda_item="107",
        agenda_title="Crime prevention and criminal justice",
        adopted="2023-12-19", committee="Third Committee", report="A/78/482",
        report_paragraph="29", meeting="50th plenary meeting",
    ),

}


@lru_cache(maxsize=None)
def read(name: str):
    return read_source(ROOT / "content" / "source" / f"{name}.en.json")


@pytest.mark.parametrize("name", sorted(SERIES))
def test_paragraph_counts_and_ids(name):
    res, want = read(name), SERIES[name]
    assert (len(res.preambular), len(res.operative)) == (want.preambular, want.operative)
    assert [p.id for p in res.paragraphs] == ([f"pp-{n}" for n in range(1, want.preambular + 1)]
                                              + [f"op-{n}" for n in range(1, want.operative + 1)])


@pytest.mark.parametrize("name", sorted(SERIES))
def test_item_labels(name):
    res, want = read(name), SERIES[name]
    assert {p.id: [s.label for s in p.subparagraphs] for p in res.paragraphs if p.subparagraphs} == want.items
    for pid, labels in want.items.items():
        assert [s.id for s in res.paragraph(pid).subparagraphs] == [f"{pid}-{label}" for label in labels]


@pytest.mark.parametrize("name", sorted(SERIES))
def test_every_footnote_is_at_its_paragraph(name):
    res, want = read(name), SERIES[name]
    assert {f.number: f.paragraph for f in res.footnotes} == want.footnotes
    for footnote in res.footnotes:
        home = footnote.paragraph
        passages = dict(res.paragraph(home).passages)
        assert footnote.number in passages[home].footnotes


@pytest.mark.parametrize("name", sorted(SERIES))
def test_heading_facts(name):
    res, want = read(name), SERIES[name]
    d, a = res.document, res.document.adoption
    assert (d.symbol, d.title, d.document_type, d.distribution) == (want.symbol, TITLE, "resolution", "General")
    assert (d.date, d.session, d.agenda_item, d.agenda_title, d.committee) == (
        want.issued, want.session, want.agenda_item, want.agenda_title, want.committee)
    assert (a.symbol, a.date, a.meeting, a.committee, a.report, a.report_paragraph) == (
        want.symbol, want.adopted, want.meeting, want.committee, want.report, want.report_paragraph)
