"""Akoma Ntoso 3.0 XML of a resolution, after the UN's AKN4UN conventions.

The document is a `<statement>` whose `name` tells a draft (resolutionDraft)
from an adopted resolution (resolution); its FRBR Work IRI is
/akn/un/statement/deliberation/<organ>/<date>/<symbol with / as ->, where
the date is that of adoption for an adopted resolution (as its heading
states it) and the document's own for a draft.

eIds follow the OASIS Akoma Ntoso Naming Convention 1.0 (section 5): an
element's eId is its parent's eId, "__", the element's abbreviation and "_"
and its number (from `<num>` stripped of punctuation, or a counter among
siblings of the same name); `preamble` and `preface` carry no eId but pass
their name on; `mainBody` and `content` pass nothing.  Hence:

    pp-7    -> preamble__recs_1__rec_7
    pp-10-a -> preamble__recs_1__rec_10__list_1__item_a
    op-5    -> para_5
    fn-12   -> <eId of the p that carries its marker>__authorialNote_1

Every element with a site id also carries it in a `site:id` attribute, and
the CSV tables carry the eId beside the site id.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator

from .. import urls
from ..knowledge.lexicon import load_lexicon
from ..knowledge.ui import downloads_strings
from ..model.document import FRBRUri, Citation, NoteRef, Paragraph, Passage, Resolution, Text
from ..source import SourceError

AKN_FILE = "resolution.akn.xml"

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SITE_NS = "urn:un-resolution-site:ids"
ONTOLOGY = "/akn/un/ontology"
GENERATOR = "generator"

ET.register_namespace("", AKN_NS)
ET.register_namespace("site", SITE_NS)

# XML 1.0 cannot carry these characters at all, not even as references.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold: characters it forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


# --------------------------------------------------------------------------
# Names: document type, FRBR IRI, eIds


def _strings(res: Resolution) -> dict:
    return downloads_strings(res.document.language)


def _ui(res: Resolution) -> dict:
    return _strings(res)["akn"]


def document_name(res: Resolution) -> str:
    """The statement's `name`: resolutionDraft for a draft, resolution once adopted (AKN4UN)."""
    names = _ui(res)["document_names"]
    doc_type = res.document.document_type
    if doc_type not in names:
        known = ", ".join(sorted(names))
        raise SourceError(res.source_name, None, f"no Akoma Ntoso name for document type {doc_type!r} (known: {known}); "
                          f"add it under akn.document_names in content/ui/downloads.{res.document.language}.yml")
    return names[doc_type]


def organ_code(res: Resolution) -> str:
    """The emanating organ in the IRI: un + the organ's code from bodies.yml (General Assembly -> unga)."""
    organ = res.document.organ
    for body in load_lexicon().bodies:
        if organ and any(organ == name for names in body.names.values() for name in names):
            return "un" + body.code.lower()
    return "un"


def adopted_here(res: Resolution) -> str | None:
    """The day of adoption when the document is the adopted resolution itself (its adoption's
    symbol is its own), else None (a draft, or a text not known to be adopted)."""
    d = res.document
    adoption = d.adoption
    if adoption is not None and d.symbol and adoption.symbol == d.symbol and adoption.date:
        return adoption.date
    return None


def work_date(res: Resolution) -> tuple[str, str]:
    """The Work's date and its FRBRdate name: a resolution's day of adoption, else the document's date."""
    adopted = adopted_here(res)
    if adopted:
        return adopted, "adoption"
    return res.document.date or manifestation_date(res), "issued"


def frbr_uri(res: Resolution) -> FRBRUri:
    """The document's IRIs; the Work's date is that of adoption for an adopted resolution
    (/akn/un/statement/deliberation/unga/2001-12-16/A-RES-12-345), else the document's own."""
    d = res.document
    number = d.symbol.replace("/", "-") if d.symbol else "nn"
    return FRBRUri("un", "statement", "deliberation", organ_code(res), work_date(res)[0], number)


def language_code(lang: str) -> str:
    """ISO 639-2 code, as FRBRlanguage wants it: zh -> zho."""
    import pycountry

    found = pycountry.languages.get(alpha_2=lang)
    return getattr(found, "alpha_3", lang) if found else lang


def manifestation_date(res: Resolution) -> str:
    """The date of this XML: SOURCE_DATE_EPOCH when set, else the document's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise SourceError("SOURCE_DATE_EPOCH", None, f"{epoch!r} is not a whole number of seconds since 1970") from None
    return res.document.date or "1970-01-01"


def recital_eid(index: int) -> str:
    return f"preamble__recs_1__rec_{index}"


def paragraph_eid(number: int) -> str:
    return f"para_{number}"


def _clean_num(num: str) -> str:
    """The number part of an eId: a <num> without leading or trailing punctuation."""
    return re.sub(r"[^\w.-]+", "-", num.strip(" .()[]")).strip("-") or "nn"


@dataclass(frozen=True)
class _Block:
    """A passage placed in the XML: the eId of the element that holds its text."""

    site_id: str
    passage: Passage
    holder: str


def _blocks(res: Resolution) -> Iterator[tuple[Paragraph, str, list[_Block]]]:
    """Each paragraph, its eId, and where its passages go (intro or p, then items)."""
    index = 0
    for p in res.paragraphs:
        if p.kind == "preambular":
            index += 1
            eid = recital_eid(index)
        else:
            eid = paragraph_eid(p.number)
        if p.subparagraphs:
            blocks = [_Block(p.id, p.body, f"{eid}__list_1__intro_1")]
            items: dict[str, str] = {}
            for s in p.subparagraphs:
                outer = items[s.parent] if s.parent else eid
                items[s.id] = f"{outer}__list_1__item_{_clean_num(s.label)}"
                blocks.append(_Block(s.id, s.body, f"{items[s.id]}__p_1"))
        else:
            blocks = [_Block(p.id, p.body, f"{eid}__p_1")]
        yield p, eid, blocks


def _note_eids(block: _Block) -> list[tuple[int, str]]:
    notes = sorted(block.passage.notes, key=lambda n: n.offset)
    return [(n.number, f"{block.holder}__authorialNote_{k}") for k, n in enumerate(notes, 1)]


def eid_map(res: Resolution) -> dict[str, str]:
    """Site id -> eId, for every paragraph, sub-paragraph and footnote placed in the XML."""
    out: dict[str, str] = {}
    for p, eid, blocks in _blocks(res):
        out[p.id] = eid
        for block in blocks:
            if block.site_id != p.id:
                out[block.site_id] = block.holder.rsplit("__p_1", 1)[0]
            for number, note in _note_eids(block):
                out.setdefault(f"fn-{number}", note)
    return out


# --------------------------------------------------------------------------
# Building the tree


def _a(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    clean = {(f"{{{SITE_NS}}}id" if k == "site_id" else k): xml_text(v) for k, v in attrs.items() if v is not None}
    el = ET.Element(_a(tag), clean) if parent is None else ET.SubElement(parent, _a(tag), clean)
    if text:
        el.text = xml_text(text)
    return el


def _append(parent: ET.Element, text: str) -> None:
    """Append text at the end of `parent`'s content (after its last child)."""
    if not text:
        return
    text = xml_text(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class _Writer:
    def __init__(self, res: Resolution):
        self.res = res
        self.lang = res.document.language
        self.refs = {r.id: r for r in res.references}
        self.footnotes = {f.number: f for f in res.footnotes}

    def ref_href(self, rid: str) -> str:
        ref = self.refs.get(rid)
        url = urls.reference_url(ref, self.lang) if ref else None
        return url or f"{ONTOLOGY}/reference/{rid}"

    def inline(self, parent: ET.Element, passage: Passage, holder: str, lead: str = "", notes: bool = True) -> None:
        """Fill `parent` with the passage: text, <ref> for citations, <authorialNote> at each marker."""
        target = parent
        lead_end = len(lead) if lead and passage.text.startswith(lead) and self._clean_cut(passage, len(lead)) else 0
        if lead_end:
            target = _el(parent, "inline", name="lead")
        pos, k = 0, 0
        for seg, covered in passage.segments():
            if target is not parent and pos >= lead_end:
                target = parent
            if isinstance(seg, Text):
                if target is not parent and pos + len(covered) > lead_end:
                    cut = lead_end - pos
                    _append(target, covered[:cut])
                    target = parent
                    _append(target, covered[cut:])
                else:
                    _append(target, covered)
                pos += len(covered)
            elif isinstance(seg, Citation):
                _el(target, "ref", covered, href=self.ref_href(seg.reference_id), refersTo=f"#ref_{seg.reference_id}")
                pos += len(covered)
            elif isinstance(seg, NoteRef) and notes:
                k += 1
                self.note(target, seg.number, f"{holder}__authorialNote_{k}")

    @staticmethod
    def _clean_cut(passage: Passage, end: int) -> bool:
        """True when no citation straddles the end of the lead."""
        return all(c.end <= end or c.start >= end for c in passage.citations)

    def note(self, parent: ET.Element, number: int, eid: str) -> None:
        footnote = self.footnotes.get(number)
        note = _el(parent, "authorialNote", marker=str(number), placement="bottom", eId=eid, site_id=f"fn-{number}")
        p = _el(note, "p", eId=f"{eid}__p_1")
        if footnote is not None:
            self.inline(p, footnote.body, f"{eid}__p_1", notes=False)

    # -- the parts of the document

    def meta(self, parent: ET.Element) -> None:
        res, d = self.res, self.res.document
        uri = frbr_uri(res)
        lang3 = language_code(d.language)
        date = d.date or manifestation_date(res)
        organ = organ_code(res)
        meta = _el(parent, "meta")
        ident = _el(meta, "identification", source=f"#{GENERATOR}")
        work = _el(ident, "FRBRWork")
        _el(work, "FRBRthis", value=f"{uri.work}/!main")
        _el(work, "FRBRuri", value=uri.work)
        if d.symbol:
            _el(work, "FRBRalias", value=d.symbol, name="symbol")
        day, kind = work_date(res)
        _el(work, "FRBRdate", date=day, name=kind)
        _el(work, "FRBRauthor", href=f"#{organ}")
        _el(work, "FRBRcountry", value="un")
        _el(work, "FRBRsubtype", value="deliberation")
        if d.symbol:
            _el(work, "FRBRnumber", value=d.symbol)
        _el(work, "FRBRname", value=document_name(res))
        expr = _el(ident, "FRBRExpression")
        _el(expr, "FRBRthis", value=f"{uri.expression(lang3)}/!main")
        _el(expr, "FRBRuri", value=uri.expression(lang3))
        _el(expr, "FRBRdate", date=date, name="issued")
        _el(expr, "FRBRauthor", href=f"#{organ}")
        _el(expr, "FRBRlanguage", language=lang3)
        if d.original_language and d.original_language != d.language:
            _el(expr, "FRBRtranslation", href=uri.expression(language_code(d.original_language)),
                fromLanguage=language_code(d.original_language), by=f"#{organ}")
        man = _el(ident, "FRBRManifestation")
        _el(man, "FRBRthis", value=uri.manifestation(lang3, "xml"))
        _el(man, "FRBRuri", value=f"{uri.expression(lang3)}.akn")
        _el(man, "FRBRdate", date=manifestation_date(res), name="generation")
        _el(man, "FRBRauthor", href=f"#{GENERATOR}")
        _el(man, "FRBRformat", value="application/akn+xml")
        refs = _el(meta, "references", source=f"#{GENERATOR}")
        for r in res.references:
            _el(refs, "TLCReference", eId=f"ref_{r.id}", href=self.ref_href(r.id), showAs=r.label, name=r.kind)
        _el(refs, "TLCOrganization", eId=organ, href=f"{ONTOLOGY}/organization/{organ}", showAs=d.organ or organ)
        for i, s in enumerate(res.sponsors, 1):
            who = (s.iso3 or str(i)).lower()
            _el(refs, "TLCOrganization", eId=f"sponsor_{i}", href=f"{ONTOLOGY}/organization/state/{who}", showAs=s.name)
        _el(refs, "TLCOrganization", eId=GENERATOR, href=f"{ONTOLOGY}/organization/{GENERATOR}", showAs=_ui(res)["generator"])

    def preface(self, parent: ET.Element) -> None:
        d, ui = self.res.document, _ui(self.res)
        preface = _el(parent, "preface")
        rows: list[tuple[str, str, str | None, dict]] = [
            ("docAuthority", d.organ or "", None, {}),
            ("docNumber", d.symbol or "", None, {}),
            ("inline", d.distribution or "", "distribution", {}),
            ("docDate", d.date or "", None, {"date": d.date}),
            ("session", ui["session"].format(n=d.session) if d.session is not None else "", None,
             {"value": str(d.session) if d.session is not None else None}),
            ("docCommittee", d.committee or "", None, {}),
            ("inline", ui["agenda_item"].format(item=d.agenda_item) if d.agenda_item else "", "agendaItem", {}),
            ("inline", d.agenda_title or "", "agendaTitle", {}),
            ("docType", d.document_type or "", None, {}),
            ("docTitle", d.title, None, {}),
        ]
        k = 0
        for tag, text, name, attrs in rows:
            if not text:
                continue
            k += 1
            p = _el(preface, "p", eId=f"preface__p_{k}")
            _el(p, tag, text, name=name, **attrs)
        if self.res.sponsors:
            k += 1
            p = _el(preface, "p", ui["sponsors"], eId=f"preface__p_{k}")
            for i, s in enumerate(self.res.sponsors, 1):
                if i > 1:
                    _append(p, ui["sponsor_separator"])
                _el(p, "docProponent", s.name, refersTo=f"#sponsor_{i}", **{"as": "#sponsor"})
        if d.original_language:
            k += 1
            name = _strings(self.res)["language_names"].get(d.original_language, d.original_language)
            _el(preface, "p", ui["original_language"].format(language=name), eId=f"preface__p_{k}")

    def paragraph_body(self, parent: ET.Element, p: Paragraph, eid: str, blocks: list[_Block]) -> None:
        lead = p.lead
        if not p.subparagraphs:
            holder = blocks[0].holder
            self.inline(_el(parent, "p", eId=holder), p.body, holder, lead)
            return
        lst = _el(parent, "blockList", eId=f"{eid}__list_1")
        intro = blocks[0]
        if intro.passage.text or intro.passage.notes:
            self.inline(_el(lst, "listIntroduction", eId=intro.holder), intro.passage, intro.holder, lead)
        items: dict[str, ET.Element] = {}
        for sub, block in zip(p.subparagraphs, blocks[1:]):
            item_eid = block.holder.rsplit("__p_1", 1)[0]
            holder = lst
            if sub.parent:  # an item of a list inside an item
                outer = items[sub.parent]
                found = outer.find(_a("blockList"))
                holder = found if found is not None else _el(outer, "blockList", eId=item_eid.rsplit("__item_", 1)[0])
            item = items[sub.id] = _el(holder, "item", eId=item_eid, site_id=sub.id)
            _el(item, "num", f"({sub.label})")
            self.inline(_el(item, "p", eId=block.holder), sub.body, block.holder)

    def body(self, parent: ET.Element) -> None:
        language = load_lexicon().languages.get(self.res.document.language)
        preamble = _el(parent, "preamble")
        if language is not None:
            formula = _el(preamble, "formula", name="enactingFormula", eId="preamble__formula_1")
            _el(formula, "p", language.opening, eId="preamble__formula_1__p_1")
        laid = list(_blocks(self.res))
        recitals = [x for x in laid if x[0].kind == "preambular"]
        if recitals:
            holder = _el(preamble, "recitals", eId="preamble__recs_1")
            for p, eid, blocks in recitals:
                self.paragraph_body(_el(holder, "recital", eId=eid, site_id=p.id), p, eid, blocks)
        if not len(preamble):
            parent.remove(preamble)
        main = _el(parent, "mainBody")
        for p, eid, blocks in laid:
            if p.kind != "operative":
                continue
            para = _el(main, "paragraph", eId=eid, site_id=p.id)
            _el(para, "num", f"{p.number}.")
            self.paragraph_body(_el(para, "content"), p, eid, blocks)
        if not len(main):
            _el(main, "p", eId="p_1")

    def document(self) -> ET.Element:
        root = _el(None, "akomaNtoso")
        statement = _el(root, "statement", name=document_name(self.res))
        self.meta(statement)
        self.preface(statement)
        self.body(statement)
        return root


def akn_tree(res: Resolution) -> ET.Element:
    return _Writer(res).document()


def akn_bytes(res: Resolution) -> bytes:
    """The document as Akoma Ntoso XML: UTF-8, indented, a final newline."""
    root = akn_tree(res)
    _indent_blocks(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


# Elements whose content is mixed text: never indent inside them.
_INLINE_HOLDERS = {"p", "listIntroduction", "num", "ref", "inline", "docProponent"}


def _indent_blocks(el: ET.Element, level: int = 0) -> None:
    """Indent the structure with two spaces, leaving mixed-content elements untouched."""
    if el.tag.split("}")[-1] in _INLINE_HOLDERS or not len(el) or (el.text and el.text.strip()):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for i, child in enumerate(el):
        _indent_blocks(child, level + 1)
        child.tail = pad if i < len(el) - 1 else "\n" + "  " * level
