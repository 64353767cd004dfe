"""The same resolution laid out in other ways a real document could be, and an English sample."""

import re

import pytest

from conftest import SOURCE
from generator.export.records import resolution_dict
from generator.read.text import parse_text

TEXT = SOURCE.read_text(encoding="utf-8")
FOOTNOTE_LINE = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ .*$", re.M)


def _comparable(res):
    data = resolution_dict(res)
    data.pop("parse_decisions")
    return data


@pytest.fixture(scope="module")
def expected(resolution):
    return _comparable(resolution)


def _endnotes(text: str) -> str:
    notes = FOOTNOTE_LINE.findall(text)
    body = FOOTNOTE_LINE.sub("", text)
    return body.rstrip() + "\n\n" + "\n\n".join(notes) + "\n"


def _own_blocks(text: str) -> str:
    return re.sub(r"\n(\d+\. \*\*)", r"\n\n\1", text)


def _other_page_break(text: str) -> str:
    # cut operative paragraph 3 mid-sentence and drop footnotes 17-18 into the gap
    notes = "\n\n¹⁷ A/76/120。\n\n¹⁸ A/76/263。\n\n"
    text = text.replace("¹⁷ A/76/120。\n\n¹⁸ A/76/263。\n\n", "")
    return text.replace("以保护这些人的人权，并确保", "以保护这些人的\n" + notes + "人权，并确保")


def _crlf_bom(text: str) -> str:
    return "\ufeff" + text.replace("\n", "\r\n")


@pytest.mark.parametrize("variant", [_endnotes, _own_blocks, _other_page_break, _crlf_bom])
def test_variant_parses_to_the_same_model(variant, expected):
    text = variant(TEXT)
    assert text != TEXT
    res = parse_text(text, "variant.txt", metadata={"symbol": "A/C.3/76/L.10/Rev.1"},
                     known_names=frozenset(["乌兹别克斯坦", "委内瑞拉玻利瓦尔共和国"]))
    got = _comparable(res)
    got["document"]["source_file"] = expected["document"]["source_file"]
    for key in ("adopted", "licence"):
        got["document"][key] = expected["document"][key]
    assert got == expected


def test_bytes_variant_crlf_bom_reads_from_file(tmp_path, expected):
    from generator.read.text import parse_file

    path = tmp_path / "resolution.zh.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    res = parse_file(path)
    assert [p.text for p in res.paragraphs] == [p["text"] for p in expected["paragraphs"]]


def test_english_sample_header(sample_en):
    d = sample_en.document
    assert d.title == "Literacy for life in rural communities"
    assert (d.language, d.organ, d.date, d.session) == ("en", "General Assembly", "2023-11-03", 78)
    assert (d.committee, d.agenda_item, d.agenda_title) == ("Third Committee", "27", "Social development")
    assert d.document_type == "draft resolution"
    assert [s.name for s in sample_en.sponsors] == ["Austria", "Chile", "Ghana", "Trinidad and Tobago", "Bosnia and Herzegovina"]


def test_english_sample_paragraphs(sample_en):
    assert [p.id for p in sample_en.paragraphs] == ["pp-1", "pp-2", "pp-3", "pp-4", "op-1", "op-2", "op-3", "op-4"]
    assert [p.lead for p in sample_en.paragraphs] == [
        "Recalling", "Reaffirming", "Noting with concern", "Bearing in mind", "Urges", "Requests", "Invites", "Decides",
    ]
    assert sample_en.paragraph("pp-3").text == (
        "Noting with concern that rural communities continue to face barriers to adult education, "
        "including a lack of qualified teachers, materials and funding,"
    )
    assert sample_en.paragraph("op-3").text == (
        "Invites the Human Rights Council, in line with its resolution 52/3, to consider the matter at its next session;"
    )
    pp4 = sample_en.paragraph("pp-4")
    assert [(s.id, s.text) for s in pp4.subparagraphs] == [
        ("pp-4-a", "To raise literacy rates among adults;"),
        ("pp-4-b", "To reach women and girls in rural areas;"),
        ("pp-4-c", "To support the Economic and Social Council in its resolution 2019/10, as set out in E/2019/30;"),
    ]
    assert sample_en.paragraph("pp-2").text == (
        "Reaffirming the Convention on the Rights of the Child and the Convention on the Rights of Persons "
        "with Disabilities, and recalling target 4.6 of the Sustainable Development Goals,"
    )


def test_english_sample_footnotes_and_references(sample_en):
    assert {f.number: f.paragraph for f in sample_en.footnotes} == {1: "pp-1", 2: "pp-2", 3: "pp-2", 4: "pp-4-c"}
    assert sample_en.footnote(2).text == "United Nations, Treaty Series, vol. 1577, No. 27531."
    refs = {r.id: r for r in sample_en.references}
    assert refs["ecosoc-res-2019-10"].cited_in == ["pp-4-c"]
    assert refs["hrc-res-52-3"].symbol == "A/HRC/RES/52/3"
    assert refs["unts-2515-44910"].cited_in == ["fn-3"]
    assert refs["doc-e-2019-30"].symbol == "E/2019/30"
    assert refs["sdg-target-4-6"].cited_in == ["pp-2"]
    assert list(refs) == [
        "ga-res-74-145", "ga-res-76-140", "ga-res-70-1", "sdg-target-4-6", "unts-1577-27531", "unts-2515-44910",
        "ecosoc-res-2019-10", "doc-e-2019-30", "doc-a-78-120", "hrc-res-52-3",
    ]
