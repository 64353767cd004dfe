"""The reader of PDF-extracted text on the layouts real resolutions have, one real extract each.

Each sample in tests/data/layouts/ is whole lines of the `text` field of one
record of the public dataset (its `source` says which lines, its `note` what it
shows and which paragraph numbers were changed to keep the cut consistent).
A layout the reader supports must give exactly the structure read by hand off
the sample; one it does not support must be refused at the line that shows it,
with the reason.  A structure that is neither is the one outcome a test here
must never accept.  Line numbers are lines of the sample's `text` field.
"""

import json
from dataclasses import dataclass

import pytest

from conftest import ROOT, replace_line
from generator.knowledge.lexicon import load_lexicon
from generator.read.pdftext import TextFieldError, load_layout, parse_pdftext
from generator.read.pdftext.base import Reading
from generator.read.pdftext.candidates import Candidates
from generator.read.pdftext.leads import guessed_lead

LAYOUTS = ROOT / "tests" / "data" / "layouts"


def sample_text(name: str) -> str:
    return json.loads((LAYOUTS / f"{name}.json").read_text(encoding="utf-8"))["text"]


def read(name: str, text: str | None = None):
    return parse_pdftext(sample_text(name) if text is None else text, f"{name}.json")


def refusal(name: str, text: str | None = None) -> tuple[int | None, str]:
    with pytest.raises(TextFieldError) as caught:
        read(name, text)
    return caught.value.line, caught.value.message


@dataclass(frozen=True)
class Shape:
    """A structure read by hand: each paragraph's lead, in order; how many are preambular; the items'
    labels by paragraph; and the passage whose text carries each footnote's mark."""

    leads: list[str]
    preambular: int
    items: dict[str, list[str]]
    footnotes: dict[int, str]


def shape(res) -> Shape:
    return Shape(
        leads=[p.lead for p in res.paragraphs],
        preambular=len(res.preambular),
        items={p.id: [s.id[len(p.id) + 1:] for s in p.subparagraphs] for p in res.paragraphs if p.subparagraphs},
        footnotes={f.number: f.paragraph for f in res.footnotes},
    )


LETTERS = "a b c d e f g h i j k l m n o p q r s t u v w x y z".split()

READ = {
    "two-page-document": Shape(
        ["Recalling", "Recalling also", "Recognizing", "Welcomes", "Requests", "Calls upon"], 3, {},
        {1: "pp-1", 2: "pp-3", 3: "pp-3", 4: "op-1"}),
    "marks-spaced-and-glued": Shape(
        ["Guided", "Recalling", "Emphasizing", "Reaffirming", "Reaffirming also",
         "Strongly condemns", "Reaffirms", "Calls upon", "Requests"], 5, {},
        {1: "pp-1", 2: "pp-1", 3: "pp-1", 4: "pp-2", 5: "pp-2", 6: "pp-2", 7: "pp-2", 8: "pp-2", 9: "pp-2", 10: "pp-2"}),
    "three-line-running-head": Shape(
        ["Guided", "Guided also", "Recalling", "Recalling also", "Taking into account", "Recalling", "Recalling also",
         "Commends", "Reiterates", "Deplores", "Requests"], 7, {"op-4": ["a", "b", "c", "d"]},
        {1: "pp-2", 2: "pp-2", 3: "pp-2", 4: "pp-5", 5: "pp-6"}),
    "running-head-with-comma": Shape(
        ["Recalling", "Reaffirming", "Reaffirming", "Recognizing", "Taking note with appreciation",
         "Reiterates", "Authorizes", "Decides"], 5, {"op-2": ["a", "b", "c", "d"]},
        {1: "pp-5", 2: "op-1", 3: "op-2"}),
    "nested-items": Shape(
        ["Recalling", "Decides", "Also decides", "Further decides", "Requests", "Also requests", "Decides"], 1,
        {"op-3": ["a", "a-i", "a-ii", "a-iii", "a-iv", "b", "c", "d", "e"]},
        {1: "op-3-a-iii", 2: "op-3-e"}),
    "doubled-letters": Shape(
        ["Recalling", "Urges", "Requests"], 1,
        {"op-1": LETTERS + [c + c for c in LETTERS[:LETTERS.index("p") + 1]]}, {}),
    "resumed-meeting": Shape(
        ["Recalling", "Reaffirming", "Recalling", "Having considered", "Takes note", "Also takes note", "Reaffirms",
         "Resolves"], 4, {"op-4": ["a", "b", "c"]},
        {1: "pp-4", 2: "pp-4", 3: "op-4-a"}),
    "single-paragraph": Shape(["Endorses"], 0, {}, {}),
    "year-and-spaced-mark": Shape(
        ["Recalling", "Having considered", "Takes note", "Endorses", "Urges", "Notes", "Decides"], 2,
        {"op-5": ["a", "b"]}, {1: "pp-2", 2: "pp-2"}),
}

REFUSED = {
    "annex": (97, "an annex after the closing formula (text line 73): annexes are not supported"),
    "decimal-items": (63, "an item numbered '1.1.': decimal-numbered items are not supported"),
    "declaration": (42, "unnumbered text after op-1, which ends with a colon ('Declaration on the commemoration "
                        "of the seventy-fifth annive'): text set out in full (a declaration, a quotation), which "
                        "the reader does not support"),
    "section-heading": (95, "an unnumbered heading between operative paragraphs ('Budget performance report for "
                            "the period from 1 July 2020 to'): sections are not supported"),
    "table": (57, "a table after op-2 ('Member State Percentage Afghanistan 0.007 Albania 0.008 Alge'): "
                  "tables are not supported"),
}


def test_every_sample_has_its_expected_outcome():
    assert sorted(p.stem for p in LAYOUTS.glob("*.json")) == sorted([*READ, *REFUSED])


@pytest.mark.parametrize("name", sorted(READ))
def test_sample_reads_as_read_by_hand(name):
    assert shape(read(name)) == READ[name]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_sample_is_refused_at_its_line(name):
    assert refusal(name) == REFUSED[name]


@pytest.mark.parametrize("name", sorted(READ))
def test_every_footnote_mark_is_in_its_passage(name):
    res = read(name)
    for footnote in res.footnotes:
        passages = dict(res.paragraph(footnote.paragraph).passages)
        assert footnote.number in passages[footnote.paragraph].footnotes


# -- the heading and the closing lines -------------------------------------------------------

HEADING = {  # agenda item and title, title, committee, report and paragraph, adoption date, meeting
    "two-page-document": ("124", None, "Follow-up to the report of the Secretary-General entitled “Our Common Agenda”",
                          None, "A/76/L.8/Rev.1 and A/76/L.8/Rev.1/Add.1", None, "2021-11-15", "34th plenary meeting"),
    "marks-spaced-and-glued": (
        "71 (b)", "Promotion and protection of human rights: human rights questions, including alternative approaches "
                  "for improving the effective enjoyment of human rights and fundamental freedoms",
        "Terrorism and human rights", "Third Committee", "A/78/481/Add.2", "139", "2023-12-19", "50th plenary meeting"),
    "three-line-running-head": (
        "55", "Israeli practices and settlement activities affecting the rights of the Palestinian People and other "
              "Arabs of the occupied territories",
        "Work of the Special Committee to Investigate Israeli Practices Affecting the Human Rights of the Palestinian "
        "People and Other Arabs of the Occupied Territories",
        "Special Political and Decolonization Committee (Fourth Committee)", "A/76/417", "13", "2021-12-09",
        "49th plenary meeting"),
    "resumed-meeting": (
        "142", "Scale of assessments for the apportionment of the expenses of the United Nations",
        "Scale of assessments for the apportionment of the expenses of the United Nations",
        "Fifth Committee", "A/76/383/Add.1", "6", "2021-12-24", "54th (resumed) plenary meeting"),
    "single-paragraph": (
        "13 and 117", "Integrated and coordinated implementation of and follow-up to the outcomes of the major "
                      "United Nations conferences and summits in the economic, social and related fields; "
                      "Follow-up to the outcome of the Millennium Summit",
        "Political declaration of the high-level political forum on sustainable development convened under the "
        "auspices of the General Assembly", None, "A/78/L.1", None, "2023-09-29", "15th plenary meeting"),
}


@pytest.mark.parametrize("name", sorted(HEADING))
def test_heading_and_closing(name):
    d = read(name).document
    a = d.adoption
    assert (d.agenda_item, d.agenda_title, d.title, a.committee, a.report, a.report_paragraph, a.date, a.meeting) == HEADING[name]


def test_several_agenda_items_without_titles():
    lines = sample_text("annex").split("\n")
    res = read("annex", "\n".join(lines[:96]))  # the resolution without its annex
    assert (res.document.agenda_item, res.document.agenda_title) == ("14 and 117", None)


def test_agenda_titles_that_cannot_be_told_apart_are_not_read():
    # a second line of the first title that opens with a capital: three capitals, two items
    text = replace_line(sample_text("single-paragraph"), 16, "To the outcomes of the major United Nations conferences ")
    res = read("single-paragraph", text)
    assert res.document.agenda_title is None
    assert res.decisions[0] == ("text line 15: did not read the titles of agenda items 13 and 117: 3 of their "
                                "lines open with a capital, not 2")


def test_a_text_without_closing_lines():
    lines = sample_text("two-page-document").split("\n")
    res = read("two-page-document", "\n".join(lines[:91]))
    assert shape(res) == READ["two-page-document"]
    assert res.document.adoption.meeting is None


# -- footnote marks --------------------------------------------------------------------------


def test_weak_marks_are_decisions_backed_by_the_footnote_sequence():
    assert [d for d in read("marks-spaced-and-glued").decisions if "footnote" in d] == [
        "text line 40: took the 2 standing between spaces after 'Rights' as footnote 2's reference",
        "text line 49: took the 7 glued to the year 2019 as footnote 7's reference: it is the footnote due there",
        "text line 50: took the 9 glued to the year 2020 as footnote 9's reference: it is the footnote due there",
    ]
    assert "text line 79: took the 5 glued to the year 2014 as footnote 5's reference: it is the footnote due there" \
        in read("three-line-running-head").decisions
    assert "text line 37: took the 1 standing between spaces after '2021' as footnote 1's reference" \
        in read("year-and-spaced-mark").decisions


def test_marks_leave_the_words_around_them():
    res = read("marks-spaced-and-glued")
    pp1, pp2 = res.paragraph("pp-1"), res.paragraph("pp-2")
    assert pp1.text.endswith("the International Covenant on Economic, Social and Cultural Rights and the International "
                             "Covenant on Civil and Political Rights and other relevant international human rights "
                             "instruments,")
    assert "Human Rights Council resolutions 34/8 of 23 March 2017, 35/34 of 23 June 2017, 37/27 of 23 March 2018, " \
           "40/16 of 22 March 2019, 42/18 of 26 September 2019, 45/11 of 6 October 2020 and 51/24" in pp2.text
    assert pp1.footnotes == [1, 2, 3] and pp2.footnotes == [4, 5, 6, 7, 8, 9, 10]


FRAGMENTS = [  # real lines; the footnote numbers a reference could be, with its rank (see candidates.py)
    ("pursuant to its resolution 59/3009 and", {9: 5}),
    ("in decision 1/CP.2126 of the Conference", {6: 5, 26: 5}),
    ("pursuant to its decision 1/CP.13 31 and to enhance", {31: 3}),
    ("its resolution 26/2 of 26 June \n20146 to convene", {6: 4}),
    ("for the Decade 2014–20245 and the", {5: 4}),
    ("entitled “Our Common Agenda” 2 as a basis", {2: 3}),
    ("National Food Security 11 in the implementation", {11: 3}),
    ("temporarily occupied city of Sevastopol, Ukraine,4,5 as well as previous", {4: 0, 5: 0}),
    ("held in Geneva on 6 October 2020 11 and 51/9 of", {11: 3}),
    ("the Universal Declaration of Human Rights 5 can", {5: 3}),
    ("reports of the Secretary-General 12  on criminal accountability", {12: 3}),
    ("the returns of Member States for 2015, 1 20162 and 2017,3", {1: 1, 2: 4, 3: 0}),
    ("the Sustainable Development Goals Summit 15\nand other relevant", {15: 3}),
    ("to become parties to the Convention 13  and to implement it", {13: 3}),
    ("the Beijing Declaration and Platform for Action and the Programme of Action 4 reaffirmed", {4: 3}),
    ("the implementation of Agenda 21, 4 the Programme for the Further Implementation of Agenda 21, 5 the", {4: 1, 5: 1}),
    ("in its 2013 2\nand 2015 reports", {2: 3}),
    ("the 19952 Review Conference", {2: 4}),
    ("the 20003 and 20104 Review Conferences", {3: 4, 4: 4}),
    ("the 2000 7 and the 2010 8 Review Conferences", {7: 3, 8: 3}),
    ("in 2010 8 Member States", {}),
    ("referred to in paragraphs 18 and 19 above", {}),
    ("as set out in paragraphs 5, 6 and 7 of", {}),
    ("over the last 2 decades of conflict", {}),
    ("in some 40 countries", {}),
    ("under SDG 5 on gender equality", {}),
    ("a population of 4,500 persons", {}),
    ("in A/66/174 and A/66/174/Add.1, A/67/213", {}),
    ("adopted on 17 December 2014 and", {}),
    ("the 17 Goals and 169 targets", {}),
]


@pytest.mark.parametrize("flat, expected", FRAGMENTS)
def test_where_a_reference_may_stand(flat, expected):
    found = Candidates(flat, load_layout("en")).by_number()
    assert {number: rank for number, places in found.items() for _, _, rank in places} == expected


@pytest.mark.parametrize("underscores", [5, 40])
def test_footnote_rules_of_other_lengths(underscores):
    text = replace_line(sample_text("two-page-document"), 63, "_" * underscores + " ")
    assert shape(read("two-page-document", text)) == READ["two-page-document"]


def test_a_footnote_continued_at_the_next_page_foot():
    # constructed from the sample: the last six lines of footnote 1 moved below the next page's rule
    lines = sample_text("nested-items").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("1 Including"))
    end = lines.index("", start)  # the line after footnote 1
    rule = next(i for i in range(end, len(lines)) if lines[i].startswith("_____"))
    moved = lines[:end - 6] + lines[end:rule + 1] + lines[end - 6:end] + lines[rule + 1:]  # the rule now at rule - 6
    res = read("nested-items", "\n".join(moved))
    whole = read("nested-items")
    assert shape(res) == shape(whole)
    assert res.footnote(1).text == whole.footnote(1).text
    assert f"text line {rule - 4}: footnote 1 continues at the foot of the next page" in res.decisions


# -- paragraphs, items and page breaks -------------------------------------------------------


def test_page_breaks_inside_a_paragraph_and_an_item():
    assert ("to engage in broad and inclusive consultations with them, all parts of the United Nations system and "
            "other relevant partners") in read("two-page-document").paragraph("op-2").text
    item = read("resumed-meeting").paragraph("op-4").subparagraphs[0]
    assert item.text.endswith("after consultation with the Chair of the Committee on Contributions, a portion of the "
                              "contributions of Member States for the calendar years 2022, 2023 and 2024 in currencies "
                              "other than the United States dollar;")
    item = read("year-and-spaced-mark").paragraph("op-5").subparagraphs[0]
    assert "claims of troop- and police-contributing countries in those missions, to Member States that have paid " \
           "their assessed contributions in full" in item.text


def test_a_lead_the_lexicon_lacks_after_a_page_break():
    # the paragraph that opens page 2, its lead changed to a participle the lexicon does not list
    text = sample_text("running-head-with-comma")
    assert "Recognizing the importance of the Programme" in text
    text = text.replace("Recognizing the importance of the Programme", "Valuing the importance of the Programme")
    line = text[:text.index("Valuing")].count("\n") + 1
    res = read("running-head-with-comma", text)
    assert shape(res) == Shape(["Valuing" if lead == "Recognizing" else lead for lead in READ["running-head-with-comma"].leads],
                               5, READ["running-head-with-comma"].items, READ["running-head-with-comma"].footnotes)
    assert f"text line {line}: took 'Valuing' as a preambular lead phrase, although the lexicon does not list it" in res.decisions


def _reading() -> Reading:
    lexicon = load_lexicon()
    return Reading("fragment", lexicon, {}, lexicon.languages["en"], load_layout("en"))


@pytest.mark.parametrize("text, after, lead", [
    ("Guided by the purposes and principles of the Charter", "page", "Guided"),
    ("Renewing its unwavering commitment to strengthening", "page", "Renewing"),
    ("Deeply deploring the suffering caused by terrorism", "page", "Deeply deploring"),
    ("Convention (Revised), 1949 (No. 97), 23 the Discrimination", "page", None),
    ("Beijing Declaration and Platform for Action adopted at the Fourth", "page", None),
    ("Damage associated with Climate Change Impacts, in", "page", None),
    ("United Nations entities to continue", "page", None),
    ("Conscious of the benefits of confidence- and security-building", "blank", "Conscious"),
    ("Re-emphasizing the right of all refugees and the importance", "blank", "Re-emphasizing"),
    ("Re-emphasizing the right of all refugees and the importance", "page", "Re-emphasizing"),
])
def test_what_opens_a_paragraph_the_lexicon_lacks(text, after, lead):
    assert guessed_lead(_reading(), text, after, 1) == lead


def test_a_numbered_paragraph_after_the_opening_without_comma():
    lines = sample_text("declaration").split("\n")
    text = "\n".join(lines[:41] + lines[43:])  # without the declaration's title
    assert refusal("declaration", text) == (45, "a numbered paragraph (1.) in a resolution that opens 'The General "
                                                "Assembly', without the comma, and so has one unnumbered operative "
                                                "paragraph")


def test_a_text_cut_short_is_refused():
    lines = sample_text("two-page-document").split("\n")
    assert refusal("two-page-document", "\n".join(lines[:89])) == (
        89, "the text ends in the middle of op-3, without a full stop: is the file cut short?")


LOST_BLANKS = [  # a sample, the blank lines taken out, the first line of what they separated
    ("two-page-document", [41], "Recalling also our pledge"),
    ("running-head-with-comma", [116, 117], "3. Decides to include"),
    ("nested-items", [64], "(ii) A general debate;"),
]


@pytest.mark.parametrize("name, blanks, opening", LOST_BLANKS)
def test_a_paragraph_or_item_that_no_blank_line_separates(name, blanks, opening):
    lines = sample_text(name).split("\n")
    assert all(not lines[n - 1].strip() for n in blanks)
    text = "\n".join(line for n, line in enumerate(lines, 1) if n not in blanks)
    res = read(name, text)
    assert shape(res) == READ[name]
    line = text.split("\n").index(next(t for t in text.split("\n") if t.startswith(opening))) + 1
    assert (f"text line {line}: took this line as opening a paragraph or item, although no blank line stands "
            "before it: the line before ended a clause") in res.decisions


# -- placing each footnote's reference --------------------------------------------------------


def _marks(lines: list[str], numbers: list[int]) -> dict[int, list[int]]:
    """The body lines on one page, footnotes `numbers` defined below them: footnote -> the lines that mark it."""
    from generator.read.pdftext.base import Line
    from generator.read.pdftext.footnotes import Note
    from generator.read.pdftext.marks import Marks

    body = [Line(i, text, 0) for i, text in enumerate(lines, 1)]
    Marks(_reading(), body).find([Note(n, 100 + n, 0, []) for n in numbers])
    found: dict[int, list[int]] = {}
    for line in body:
        for _, _, number in sorted(line.marks):
            found.setdefault(number, []).append(line.number)
    return found


def test_a_repeated_reference_does_not_take_the_first_ones_place():
    # A/RES/74/185: footnote 1 marked between spaces, footnote 2 glued, then footnote 1 again, glued
    assert _marks(["implementation of the Programme of Assistance 1 and the views of the",
                   "in section III of the reports of the Secretary-General,2 in particular those designed to",
                   "Authorizes the Secretary-General to carry out the activities specified in his",
                   "report1 in 2020, including the following activities"], [1, 2]) == {1: [1, 4], 2: [2]}


def test_the_first_of_two_marks_after_the_same_words_is_the_reference():
    # A/RES/74/89: a recital and an operative paragraph take note of the same report
    assert _marks(["Taking note of the report of the Secretary-General on the protection of the",
                   "Palestinian civilian population 17 and the observations made therein on ways and",
                   "Takes note of the report of the Secretary-General on the protection of the",
                   "Palestinian civilian population,17 notably the observations made therein"], [17]) == {17: [2, 4]}


def test_a_heading_before_the_operative_part_is_refused():
    # A/RES/74/306 has "Multilateralism and solidarity" above operative paragraph 1; here in the sample's place
    text = sample_text("two-page-document")
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip() == "1.")
    lines[first:first] = ["Multilateralism and solidarity ", " "]
    line, message = refusal("two-page-document", "\n".join(lines))
    assert line == first + 1
    assert message.startswith("pp-") and message.endswith("a heading in the preamble or before the operative part? "
                                                          "Sections are not supported")


def test_a_reference_after_a_comma_comes_before_a_glued_repeat():
    # A/RES/73/99 with one space more, as A/RES/74/89 sets the same sentence
    assert _marks(["Civilian Persons in Time of War, of 12 August 1949, 9 to the Occupied",
                   "Palestinian Territory, and that the grave breaches of the Convention9 under articles 146"], [9]) == {9: [1, 2]}


def test_a_second_reference_between_spaces_to_the_footnote_last_referenced():
    # A/RES/73/99: both Covenants are in the annex of one resolution, footnote 2
    assert _marks(["the International Covenant on Civil and Political Rights, 2 the International",
                   "Covenant on Economic, Social and Cultural Rights 2 and the Convention on the"], [2]) == {2: [1, 2]}


def test_a_repeat_after_a_comma_where_the_sentence_goes_on():
    # A/RES/74/218: the Paris Agreement, footnote 11, cited again in op-23
    assert _marks(["and the Paris Agreement adopted under the United Nations Framework Convention on Climate Change,11",
                   "Recalls the United Nations Framework Convention on Climate Change, 11 and",
                   "the Sendai Framework for Disaster Risk Reduction 2015–2030, and in 2015, 11 States reported"],
                  [11]) == {11: [1, 2]}  # not the count of States


def test_an_operative_number_without_its_full_stop():
    # A/RES/79/160 prints "26 " and "27 " without their stops; here the sample's last paragraph's
    lines = sample_text("two-page-document").split("\n")
    last = max(i for i, line in enumerate(lines) if line.rstrip() in (f"{n}." for n in range(1, 10)))
    number = lines[last].strip().rstrip(".")
    lines[last] = number + " "
    res = read("two-page-document", "\n".join(lines))
    assert shape(res) == READ["two-page-document"]
    assert (f"text line {last + 1}: took the line {number!r} as operative paragraph {number}'s number, although it has "
            "no full stop: it is the number due") in res.decisions


def test_a_definition_line_that_goes_on_with_a_dash_continues_the_footnote():
    layout = load_layout("en")
    assert layout.footnote_definition.match("3  A/73/185. ")
    assert not layout.footnote_definition.match("3 – 14 June 1992, vol. I, Resolutions Adopted by the Conference")


def test_a_repeat_glued_to_a_year_after_the_same_words():
    # A/RES/73/98: the same date, footnote 8 glued to its year, in pp-10 and again in op-13
    assert _marks(["5 December 2001 and on 17 December 20148 by the Conference of High Contracting",
                   "Parties to the Convention,",
                   "adopted on 5 December 2001 and on 17 December 20148 by the Conference of High"], [8]) == {8: [1, 3]}


def test_two_references_in_a_row_leave_one_comma():
    from generator.read.pdftext.base import Line
    from generator.read.pdftext.passages import clean_line

    # A/RES/74/168: "Sevastopol, Ukraine,7,8 as well as"
    text = "city of Sevastopol, Ukraine,7,8 as well as previous relevant recommendations"
    line = Line(1, text, 0, [(text.index("7"), text.index("7") + 1, 7), (text.index("8"), text.index("8") + 1, 8)])
    clean, notes = clean_line(line)
    assert clean == "city of Sevastopol, Ukraine, as well as previous relevant recommendations"
    assert notes == [(len("city of Sevastopol, Ukraine,"), 7), (len("city of Sevastopol, Ukraine,"), 8)]
