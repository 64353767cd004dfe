"""The reader of PDF-extracted text against the English adopted text A/RES/76/186.

Every figure and text here was read off the `text` field by hand; the line
numbers are lines of that field.
"""

import hashlib
import json
import re
from collections import Counter

import pytest

from conftest import ROOT, replace_line
from generator.read.pdftext import TextFieldError, load_layout, parse_pdftext, read_pdftext
from generator.source import SourceError

SOURCE_EN = ROOT / "content" / "source" / "A_RES_76_186.en.json"
SAMPLE = ROOT / "tests" / "data" / "sample-pdftext.en.json"
TEXT = json.loads(SOURCE_EN.read_text(encoding="utf-8"))["text"]
SAMPLE_TEXT = json.loads(SAMPLE.read_text(encoding="utf-8"))["text"]
TITLE = "Improving the coordination of efforts against trafficking in persons"

PREAMBULAR_LEADS = [
    "Reiterating", "Reiterating", "Bearing in mind", "Recognizing", "Noting", "Recalling", "Recalling also",
    "Taking note", "Recalling", "Reaffirming", "Recalling", "Recalling also", "Recalling further", "Recalling",
    "Recalling also", "Welcoming", "Taking note", "Recalling", "Recognizing", "Recognizing also",
    "Taking note with appreciation", "Taking note with appreciation also", "Recalling", "Emphasizing",
    "Recognizing", "Recognizing also", "Taking note with appreciation", "Recalling", "Stressing", "Recognizing",
    "Recognizing also", "Recognizing further", "Stressing", "Welcoming", "Affirming", "Taking note",
    "Taking note also", "Recognizing", "Reaffirming", "Taking note", "Taking note also", "Recognizing", "Recalling",
]

OPERATIVE_LEADS = [
    "Urges", "Urges", "Calls upon", "Recalls", "Also recalls", "Requests", "Recalls",
    "Expresses solidarity with and compassion for", "Expresses support for", "Encourages", "Takes note",
    "Welcomes", "Invites", "Takes note", "Invites", "Calls upon", "Invites", "Reaffirms", "Calls upon",
    "Encourages", "Also encourages", "Further encourages", "Calls upon", "Also calls upon", "Notes", "Requests",
    "Welcomes", "Requests",
]

FOOTNOTE_HOME = {
    1: "pp-6", 2: "pp-6", 3: "pp-6", 4: "pp-6", 5: "pp-7", 6: "pp-7", 7: "pp-7", 8: "pp-7",
    9: "pp-11", 10: "pp-14", 11: "pp-15", 12: "pp-17", 13: "pp-18", 14: "pp-19", 15: "pp-27",
    16: "pp-33", 17: "pp-40", 18: "pp-41", 19: "pp-41", 20: "pp-41", 21: "pp-42", 22: "op-2",
}


@pytest.fixture(scope="session")
def english():
    return read_pdftext(SOURCE_EN)


@pytest.fixture(scope="session")
def sample():
    return read_pdftext(SAMPLE)


def _passages(res):
    for p in res.paragraphs:
        for pid, passage in p.passages:
            yield pid, passage
    for f in res.footnotes:
        yield f.id, f.body


# -- the English adopted text ----------------------------------------------------------------


def test_source_is_copied_byte_for_byte():
    # the SHA-256 of ../shared/sources/A_RES_76_186.en.json
    assert hashlib.sha256(SOURCE_EN.read_bytes()).hexdigest() == "e93f67a0d42d8e120783b530dfeb48c689840e3427928257936d37f16202601b"


def test_document(english):
    d = english.document
    assert d.title == TITLE
    assert d.symbol == "A/RES/76/186"
    assert (d.organ, d.distribution, d.date) == ("General Assembly", "General", "2022-01-11")
    assert (d.language, d.original_language, d.session) == ("en", "en", 76)
    assert (d.committee, d.agenda_item, d.agenda_title) == ("Third Committee", "108", "Crime prevention and criminal justice")
    assert d.document_type == "resolution"
    adoption = d.adoption  # read from the heading and the closing lines, not from the metadata file
    assert (adoption.symbol, adoption.date, adoption.meeting, adoption.report, adoption.report_paragraph) == (
        "A/RES/76/186", "2021-12-16", "53rd plenary meeting", "A/76/463", "26")
    assert adoption.draft == "A/C.3/76/L.10/Rev.1"  # this one from the metadata file: the text does not name its draft
    assert "adopted" not in d.metadata and "date" not in d.metadata
    assert english.sponsors == []
    assert english.source_name == "A_RES_76_186.en.json"


def test_counts_and_ids(english):
    assert len(english.preambular) == 43
    assert len(english.operative) == 28
    assert [p.id for p in english.paragraphs] == [f"pp-{n}" for n in range(1, 44)] + [f"op-{n}" for n in range(1, 29)]
    assert [f.number for f in english.footnotes] == list(range(1, 23))


def test_leads(english):
    assert [p.lead for p in english.preambular] == PREAMBULAR_LEADS
    assert [p.lead for p in english.operative] == OPERATIVE_LEADS
    for p in english.paragraphs:
        assert p.text[: len(p.lead)] == p.lead


def test_pp10_items(english):
    pp10 = english.paragraph("pp-10")
    assert pp10.text == "Reaffirming that the Global Plan of Action was developed:"
    assert [s.id for s in pp10.subparagraphs] == [f"pp-10-{c}" for c in "abcdef"]
    assert pp10.subparagraphs[1].text == ("To help Member States to reinforce their political commitments and legal "
                                          "obligations to prevent and combat trafficking in persons,")
    # (f) is cut by the page break after line 131
    assert pp10.subparagraphs[5].text == (
        "To foster cooperation and coordination among all relevant stakeholders, including Member States, "
        "international organizations, civil society organizations and the private sector, and within various "
        "entities of the United Nations system, taking into account existing best practices and lessons learned,")
    assert pp10.subparagraphs[3].text.startswith("To promote a human rights-based, gender- and age-sensitive approach in addressing")


def test_whole_paragraphs(english):
    assert english.paragraph("pp-1").text == (
        "Reiterating its strong condemnation of trafficking in persons, especially women and children, which "
        "constitutes an offence and a serious threat to human dignity and physical integrity, human rights and "
        "sustainable development,")
    assert english.paragraph("op-6").text == (
        "Requests the Secretary-General and the President of the General Assembly, in close cooperation and "
        "coordination with Member States, to take all appropriate measures to arrange the high-level meeting;")
    assert english.paragraph("op-28").text.endswith("in the context of COVID-19.")


def test_paragraphs_cut_by_page_breaks_are_joined(english):
    assert english.paragraph("pp-18").text == (
        "Recalling the New York Declaration for Refugees and Migrants, adopted at the high-level plenary meeting of "
        "the General Assembly on addressing large movements of refugees and migrants, held at United Nations "
        "Headquarters in New York on 19 September 2016, in which States declared that they would, with full respect "
        "for their obligations under international law, vigorously combat trafficking in persons and migrant "
        "smuggling with a view to their elimination, including through targeted measures to identify victims of "
        "trafficking in persons or those at risk of trafficking, provide support for the victims of trafficking in "
        "persons and work to prevent trafficking in persons among those affected by displacement,")
    assert english.paragraph("op-11").text == (
        "Takes note of the briefing for Member States by the Inter-Agency Coordination Group at its second and third "
        "meetings, held in virtual format on 15 December 2020 and on 15 November 2021, and of the Coordination Group "
        "plan of action, endorsed on 15 December 2020, as well as of the interactive multi-stakeholder hearing of "
        "13 July 2021, which was part of the preparatory process for the high-level meeting on the appraisal of the "
        "United Nations Global Plan of Action to Combat Trafficking in Persons and of the high-level event on "
        "trafficking in persons and sustainable procurement held in virtual format on 27 September 2021;")
    assert "to make up-to-date information available to Member States, and invites Member States to host" in english.paragraph("op-25").text
    assert "implementation of the Global Plan of Action, including by means of strengthening" in english.paragraph("op-2").text
    assert english.paragraph("op-18").text.endswith("in the context of the pandemic;")
    assert english.paragraph("op-19").text.startswith("Calls upon Member States, international organizations,")
    assert "United Nations voluntary trust fund for victims of trafficking in persons, especially women and children, managed by" in english.paragraph("pp-39").text


def test_hyphens_at_line_ends_are_mended(english):
    assert english.paragraph("op-16").text == (
        "Calls upon Member States to take into consideration new methods of recruiting those at risk of being "
        "subjected to trafficking in persons, such as the misuse of the Internet by traffickers, in particular for "
        "recruiting children, to take measures to develop targeted awareness-raising campaigns, including for law "
        "enforcement, front-line service providers and at-risk industries, to identify the signs of trafficking in "
        "persons and to develop specialized training for law enforcement and criminal justice practitioners;")
    assert "endorsed at the principal-level meeting on 15 December 2020," in english.paragraph("pp-22").text
    assert "Evaluating Counter-Trafficking Programmes" in english.paragraph("op-21").text
    assert "to the Office evidence-based data on patterns" in english.paragraph("op-27").text
    assert "the Office of the Special Representative of the Secretary-General on Sexual Violence" in english.footnote(14).text
    for _, passage in _passages(english):
        assert not re.search(r"\w- \w", passage.text.replace("gender- and", "")), passage.text


def test_footnote_placement(english):
    assert {f.number: f.paragraph for f in english.footnotes} == FOOTNOTE_HOME
    assert english.paragraph("pp-41").footnotes == [18, 19, 20]
    assert english.paragraph("pp-10").footnotes == []


def test_footnote_marks_sit_where_the_references_stood(english):
    def around(pid, number):
        passage = english.paragraph(pid).body
        offset = next(n.offset for n in passage.notes if n.number == number)
        return passage.text[:offset][-25:], passage.text[offset:][:20]

    assert around("pp-6", 1) == (" Sustainable Development,", " and recalling also ")  # Development,1
    assert around("pp-7", 7) == ("ion and child pornography", " and the Supplementa")  # pornography7
    assert around("pp-7", 8) == ("tices Similar to Slavery,", "")  # Slavery, 8
    assert around("pp-17", 12) == (" from 7 to 12 March 2021,", "")  # 2021, 12
    assert around("pp-18", 13) == ("ork on 19 September 2016,", " in which States dec")  # 2016,13
    assert around("pp-33", 16) == ("hts and Human Trafficking", " and the commentary ")  # Trafficking16
    assert around("pp-41", 18) == ("ially women and children,", " as well as the repo")  # children, 18 as
    assert around("op-2", 22) == ("t Trafficking in Persons,", " and invites the Con")  # Persons, 22 and


def test_footnote_texts(english):
    assert english.footnote(1).text == "Resolution 70/1."
    assert english.footnote(10).text == ("See Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 "
                                         "(A/75/53), chap. V, sect. A.")
    assert english.footnote(12).text == "Resolution 76/181, annex."
    assert english.footnote(15).text.endswith("and the Bali Process on People Smuggling, Trafficking in Persons and Related Transnational Crime.")
    assert english.footnote(22).text == "Resolution 64/293."
    assert english.footnote(14).text.endswith("and the Council of the Baltic Sea States as partners of the Inter-Agency Coordination Group.")


def test_numbers_in_the_text_are_not_footnotes(english):
    assert "Forced Labour Convention, 1930 (No. 29), of the International Labour Organization" in english.paragraph("pp-8").text
    assert english.paragraph("pp-8").footnotes == []
    assert "held in Kyoto, Japan, from 7 to 12 March 2021," in english.paragraph("pp-17").text
    assert "the 2019 and 2020 Co-Chairs" in english.paragraph("pp-21").text
    assert english.paragraph("op-4").text.startswith("Recalls the holding of the high-level meetings of the General Assembly during its sixty-seventh session, from 13 to 15 May 2013,")


def test_footnote_12_cites_resolution_76_181(english):
    fn12 = english.footnote(12)
    assert [(fn12.text[c.start:c.end], c.reference_id) for c in fn12.body.citations] == [("76/181", "ga-res-76-181")]
    ref = english.reference("ga-res-76-181")
    assert (ref.symbol, ref.cited_in) == ("A/RES/76/181", ["fn-12"])
    refs = {r.id for r in english.references}
    assert "doc-a-conf-234-16" not in refs
    assert english.reference("ga-res-64-293").cited_in == ["pp-9", "pp-43", "fn-22"]
    assert english.reference("cop-untoc-res-10-1").cited_in == ["pp-42"]
    assert english.reference("unts-266-3822").cited_in == ["fn-8"]


FURNITURE = [
    re.compile(r"21-19241"), re.compile(r"\(E\)"), re.compile(r"130122"), re.compile(r"\*2119241\*"),
    re.compile(r"(?<![\d/])(?:[1-9]|1[01])/11(?![\d/])"), re.compile(r"A/RES/76/186"),
    re.compile(re.escape(TITLE)), re.compile(r"_{3,}"), re.compile(r"53rd plenary meeting"),
]


def test_no_page_furniture_is_left(english):
    texts = [(pid, passage.text) for pid, passage in _passages(english)] + [("lead", p.lead) for p in english.paragraphs]
    for pid, text in texts:
        for pattern in FURNITURE:
            assert not pattern.search(text), (pid, pattern.pattern)
        assert "  " not in text and text == text.strip(), pid
    footnote_texts = [f.text for f in english.footnotes]
    for p in english.paragraphs:
        for _, passage in p.passages:
            assert not any(t in passage.text for t in footnote_texts)


def test_nothing_is_lost_or_doubled(english):
    """Every word between the opening and the closing formula is in exactly one passage."""
    lines = TEXT.split("\n")
    kept = []
    for line in lines[34:726]:  # text lines 35-726
        stripped = line.strip()
        if stripped in (TITLE, "A/RES/76/186") or re.fullmatch(r"21-19241|\d{1,2}/11|_+|\([a-f]\)", stripped):
            continue  # page furniture, and the letters of items, which are labels, not text
        kept.append(stripped)
    raw_words = Counter(re.findall(r"[^\W\d_]+", " ".join(kept)))
    model_words = Counter()
    for _, passage in _passages(english):
        model_words.update(re.findall(r"[^\W\d_]+", passage.text))
    assert model_words == raw_words


def test_decisions_are_recorded(english):
    assert english.decisions == [
        "text line 227: joined to pp-18 although that ended a clause, because it does not open with a known lead phrase",
        "text line 265: kept the hyphen in principal-level at a line break: the text never writes 'principallevel', "
        "and UN documents are set without word division",
        "text line 279: kept the hyphen in Secretary-General at a line break: the text writes it so elsewhere",
        "text line 615: kept the hyphen in front-line at a line break: the text never writes 'frontline', "
        "and UN documents are set without word division",
        "text line 654: kept the hyphen in Counter-Trafficking at a line break: the text never writes "
        "'CounterTrafficking', and UN documents are set without word division",
        "text line 704: joined to op-25 although that ended a clause, because the paragraphs are numbered",
        "text line 716: kept the hyphen in evidence-based at a line break: the text never writes 'evidencebased', "
        "and UN documents are set without word division",
        "text line 727: the closing formula '53rd plenary meeting' is not part of op-28",
    ]


def test_paragraph_lines_count_lines_of_the_text_field(english):
    assert english.paragraph("pp-1").line == 36
    assert english.paragraph("op-1").line == 463
    assert english.paragraph("pp-10").subparagraphs[4].line == 124
    assert english.footnote(14).line == 269


# -- the Chinese draft and the English adopted text agree in structure -----------------------


def _structure(res):
    return (
        [(p.id, p.kind, p.number, [s.id for s in p.subparagraphs], p.footnotes) for p in res.paragraphs],
        [(f.number, f.paragraph) for f in res.footnotes],
    )


def test_chinese_and_english_agree_in_structure(resolution, english):
    assert _structure(resolution) == _structure(english)


def test_chinese_and_english_cite_the_same_documents_but_in_footnote_12(resolution, english):
    def cited(res):
        out = {}
        for ref in res.references:
            for owner in ref.cited_in:
                out.setdefault(owner, set()).add(ref.id)
        return out

    zh, en = cited(resolution), cited(english)
    differ = {k: (zh.get(k, set()), en.get(k, set())) for k in sorted(set(zh) | set(en)) if zh.get(k) != en.get(k)}
    assert differ == {"fn-12": ({"doc-a-conf-234-16"}, {"ga-res-76-181"})}


# -- a sample in the same layout, with other content -----------------------------------------


def test_sample_document(sample):
    d = sample.document
    assert d.title == "Road safety in rural communities and the protection of pedestrians"
    assert (d.symbol, d.date, d.session, d.agenda_item, d.agenda_title) == ("A/RES/79/412", "2025-01-20", 79, "14", "Global road safety")
    assert (d.committee, d.document_type, d.original_language) == ("Second Committee", "resolution", None)


def test_sample_paragraphs(sample):
    assert [p.id for p in sample.paragraphs] == ["pp-1", "pp-2", "pp-3", "pp-4", "pp-5", "op-1", "op-2", "op-3"]
    assert [p.lead for p in sample.paragraphs] == [
        "Recalling", "Deploring", "Reaffirming", "Noting with concern", "Bearing in mind", "Invites",
        "Also encourages", "Requests",
    ]
    assert sample.paragraph("pp-4").text == (
        "Noting with concern that the implementation of road safety plans remains uneven, and that the well-being "
        "of pedestrians and cyclists is too often neglected,")
    pp5 = sample.paragraph("pp-5")
    assert [(s.id, s.text) for s in pp5.subparagraphs] == [
        ("pp-5-a", "To halve the number of road traffic deaths and injuries by 2030,"),
        ("pp-5-b", "To promote a gender- and age-sensitive approach to the safety of all road users, and to improve "
                   "the collection of data on rural roads,"),
        ("pp-5-c", "To strengthen cooperation among Member States,"),
    ]
    assert sample.paragraph("op-3").text == ("Requests the Secretary-General to submit to the General Assembly at its "
                                             "eighty-first session a report on the implementation of the present resolution.")


def test_sample_footnotes(sample):
    assert [(f.number, f.paragraph, f.text) for f in sample.footnotes] == [
        (1, "pp-1", "Resolutions 74/299 and 77/12."),
        (2, "pp-1", "Resolution 70/1."),
        (3, "pp-3", "A/74/758, annex."),
        (4, "pp-5-a", "See World Health Organization, Global Plan for the Decade of Action for Road Safety 2021–2030 (Geneva, 2021)."),
        (5, "op-2", "Including its regional offices."),
    ]
    pp3 = sample.paragraph("pp-3")
    assert pp3.text.startswith("Reaffirming paragraphs 2, 3 and 4 of its resolution 77/12, and the Stockholm")
    assert pp3.text.endswith("held in Stockholm, 19 and 20 February 2020,")
    assert [n.offset for n in pp3.body.notes] == [len(pp3.text)]


def test_sample_running_head_is_not_the_title(sample):
    # the running head "Road safety in rural communities" is shorter than the title
    for _, passage in _passages(sample):
        assert "Road safety in rural communities" not in passage.text
        assert "A/RES/79/412" not in passage.text and "25-00871" not in passage.text
    assert sample.paragraph("pp-5").subparagraphs[1].text.endswith("and to improve the collection of data on rural roads,")


def test_sample_decisions(sample):
    assert sample.decisions == [
        "text line 37: took 'Deploring' as a preambular lead phrase, although the lexicon does not list it",
        "text line 44: joined imple-/mentation as 'implementation': the text writes it closed up elsewhere",
        "text line 45: kept the hyphen in well-being at a line break: the text never writes 'wellbeing', "
        "and UN documents are set without word division",
        "text line 54: kept gender- and apart: a suspended hyphen before 'and'",
        "text line 97: kept the hyphen in eighty-first at a line break: the text never writes 'eightyfirst', "
        "and UN documents are set without word division",
        "text line 100: the closing formula '51st plenary meeting' is not part of op-3",
    ]


def test_variants_a_real_extraction_could_have():
    crlf = parse_pdftext(SAMPLE_TEXT.replace("\n", "\r\n"), "crlf.json")
    assert [p.text for p in crlf.paragraphs] == [p.text for p in read_pdftext(SAMPLE).paragraphs]
    # blank lines without their trailing space, and no blank line between the page foot and the running head
    tight = parse_pdftext(re.sub(r"(?m)^ $", "", SAMPLE_TEXT), "tight.json")
    assert [(f.number, f.paragraph) for f in tight.footnotes] == [(1, "pp-1"), (2, "pp-1"), (3, "pp-3"), (4, "pp-5-a"), (5, "op-2")]
    # an operative number on the same line as its text
    inline = parse_pdftext(SAMPLE_TEXT.replace("3. \nRequests", "3. Requests"), "inline.json")
    assert inline.paragraph("op-3").lead == "Requests"
    # footnote 4 runs on at the foot of the next page, above footnote 5
    lines = SAMPLE_TEXT.split("\n")
    rest = lines.pop(64)
    assert rest == "Safety 2021–2030 (Geneva, 2021). "
    lines[84:84] = [rest, " "]  # right below page 2's rule
    carried = parse_pdftext("\n".join(lines), "carried.json")
    assert carried.footnote(4).text == ("See World Health Organization, Global Plan for the Decade of Action for Road "
                                        "Safety 2021–2030 (Geneva, 2021).")
    assert carried.footnote(5).text == "Including its regional offices."
    assert "text line 85: footnote 4 continues at the foot of the next page" in carried.decisions


# -- bad input -------------------------------------------------------------------------------


TEXT_CASES = {
    "unreferenced-footnote": (TEXT.replace("Development,1 and", "Development, and"), 134,
                              "footnote 1 is defined but never referenced: no reference on its page or before"),
    "undefined-footnote": (replace_line(SAMPLE_TEXT, 87, " "), 84, "footnote 5 is referenced but never defined"),
    "footnote-gap": (replace_line(TEXT, 489, " "), 491, "footnote 21 is never defined: the footnote definitions go from 20 to 22"),
    "duplicate-footnote": (replace_line(TEXT, 485, "18  A/76/170. "), 485, "footnote 18 is defined twice (first at text line 483)"),
    "missing-operative": (replace_line(TEXT, 508, "5. "), 508, "operative paragraph 4 is missing: the numbering goes from 3 to 5"),
    "duplicate-operative": (replace_line(TEXT, 508, "3. "), 508, "duplicate operative paragraph number 3 (first at text line 502)"),
    "item-gap": (replace_line(TEXT, 114, "(d) "), 114, "item (d) where item (c) was expected in pp-10"),
    "no-title": (replace_line(TEXT, 30, " "), 33, "no title: expected a line such as '12/345. Title' before the opening"),
    "nul": (replace_line(TEXT, 40, "Reiterating its concern\x00"), 40, "the `text` field contains NUL characters"),
    "no-opening": (replace_line(TEXT, 34, "The General Assembly "), 36,
                   "the opening 'The General Assembly' has no comma, so one unnumbered operative paragraph should "
                   "follow, but a preambular paragraph ('Reiterating') does"),
    "text-after-closing": (replace_line(SAMPLE_TEXT, 103, "Stray words."), 103, "text after the closing formula (text line 100): 'Stray words.'"),
    "notes-without-number": (replace_line(SAMPLE_TEXT, 58, "Resolutions 74/299 and 77/12."), 58,
                             "text below the footnote rule that is not a footnote definition: 'Resolutions 74/299 and 77/12.'"),
}


@pytest.mark.parametrize("case", sorted(TEXT_CASES))
def test_bad_text_names_the_line_of_the_text_field(case):
    text, line, message = TEXT_CASES[case]
    with pytest.raises(TextFieldError) as caught:
        parse_pdftext(text, "resolution.en.json")
    err = caught.value
    assert (err.line, err.message) == (line, message)
    assert str(err) == f"resolution.en.json: text line {line}: {message}"


FILE_CASES = {
    "invalid-json": ('{"text": "The General Assembly,\n', "bad.json:1: invalid JSON: Invalid control character at (column 32)"),
    "not-an-object": ('["text"]\n', "bad.json:1: expected a JSON object with a `text` field, found list"),
    "no-text-field": ('{"symbol": "A/RES/1/1"}\n', "bad.json:1: the JSON record has no `text` field"),
    "text-not-a-string": ('{"text": 12}\n', "bad.json:1: the `text` field must be a string, found int"),
    "empty-text": ('{"text": " \\n "}\n', "bad.json: the `text` field is empty"),
    "empty-file": ("", "bad.json: the file is empty"),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_file_is_refused(case, tmp_path):
    data, message = FILE_CASES[case]
    path = tmp_path / "bad.json"
    path.write_text(data, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_pdftext(path)
    assert str(caught.value).replace(str(tmp_path) + "/", "") == message


def test_metadata_that_disagrees_with_the_text_is_refused():
    with pytest.raises(TextFieldError) as caught:
        parse_pdftext(TEXT, "resolution.en.json", metadata={"symbol": "A/RES/76/187"})
    assert str(caught.value) == "resolution.en.json: text line 2: the text's symbol A/RES/76/186 differs from the metadata file's A/RES/76/187"
    with pytest.raises(TextFieldError) as caught:
        parse_pdftext(TEXT, "resolution.en.json", metadata={"adopted": {"report": "A/76/464"}})
    assert caught.value.message == "the text gives the report of adoption as 'A/76/463', the metadata file as 'A/76/464'"


def test_layout_file_is_validated(tmp_path):
    layout = (ROOT / "content" / "pdftext.en.yml").read_text(encoding="utf-8")
    (tmp_path / "pdftext.en.yml").write_text(layout.replace("footnote_rule:", "footnote_rules:"), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_layout("en", tmp_path)
    assert caught.value.message == "unknown key 'footnote_rules'"
    assert caught.value.line == 18
