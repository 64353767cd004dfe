"""Export the model as data: resolution.json (the public data contract), its
JSON Schema, CSV tables, Akoma Ntoso XML and a Frictionless Data Package.

With a second language version of the resolution (a generator.bilingual
Alignment), its files, named as the first's, go into a folder named after its
language (en/resolution.json, en/paragraphs.csv, en/resolution.akn.xml, ...),
alignment.csv pairs the passages of the two, and the one datapackage.json
describes them all.

Every file is a pure function of the model, so two builds from the same
input give byte-identical files.  CSV files are UTF-8 with a byte-order mark
(so that Excel on Windows shows the Chinese text when a user double-clicks
the file) and CRLF line endings (RFC 4180); `csv`, pandas, readr, sqlite3
and frictionless read them as they are (Python's `csv` with
`encoding="utf-8-sig"`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from slugify import slugify

from .. import urls
from .akn import akn_bytes, eid_map, frbr_uri
from ..render.compare import Alignment, alignment_rows
from ..knowledge.lexicon import load_lexicon
from ..model.document import Actor, Footnote, Mention, Paragraph, Passage, Reference, Resolution, Sponsor, SubParagraph
from ..paths import safe_path
from ..knowledge.ui import required as ui_required

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "resolution.schema.json"
JSON_FILE = "resolution.json"
SCHEMA_FILE = "resolution.schema.json"
AKN_FILE = "resolution.akn.xml"
PACKAGE_FILE = "datapackage.json"
ALIGNMENT_FILE = "alignment.csv"
# Data Package v2: list fields, typed resources and "sha256:" hashes are v2 features.
DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
CSV_NEWLINE = "\r\n"
CSV_BOM = "\ufeff"
LIST_SEPARATOR = "|"


# Interface strings the datasets need from content/ui/downloads.<lang>.yml.
UI_KEYS = (
    "title", "description", "intro", "file_facts", "size", "formats", "files", "paragraph_records", "encoding",
    "checksums", "licence", "examples", "subparagraph_label", "akn", "language_names",
)


def downloads_strings(lang: str) -> dict[str, Any]:
    """The datasets' strings for `lang`, checked for completeness."""
    return ui_required(lang, "downloads", UI_KEYS, "strings", "the datasets and the downloads page")


# `root` below is where the text's site stands: "/" for the first language
# version, "/en/" for an English second one; site paths in the data start with it.


def paragraph_url(pid: str, root: str = "/") -> str:
    """The site path of a paragraph or sub-paragraph id: pp-10-a -> /pp/10/#pp-10-a (/en/pp/10/#pp-10-a)."""
    return root + urls.paragraph_url(pid).lstrip("/")


def footnote_url(fid: str, root: str = "/") -> str:
    """The site path of a footnote: fn-12 -> /text/#fn-12."""
    return root + urls.text_url(fid).lstrip("/")


def actor_url(actor: Actor, root: str = "/") -> str:
    return f"{root}actors/{actor.slug}/"


# --------------------------------------------------------------------------
# resolution.json


def _marks(passage: Passage) -> dict[str, Any]:
    return {
        "footnote_marks": [{"footnote": n.number, "offset": n.offset} for n in passage.notes],
        "citations": [{"reference": c.reference_id, "start": c.start, "end": c.end} for c in passage.citations],
    }


def _subparagraph(sub: SubParagraph, eids: dict[str, str], root: str = "/") -> dict[str, Any]:
    return {
        "id": sub.id,
        "label": sub.label,
        "text": sub.text,
        "footnotes": sub.footnotes,
        "url": paragraph_url(sub.id, root),
        "akn_eid": eids.get(sub.id),
        **_marks(sub.body),
    }


def paragraph_dict(p: Paragraph, eids: dict[str, str] | None = None, root: str = "/") -> dict[str, Any]:
    eids = eids or {}
    return {
        "id": p.id,
        "kind": p.kind,
        "number": p.number,
        "lead": p.lead,
        "text": p.text,
        "footnotes": p.footnotes,
        "url": paragraph_url(p.id, root),
        "akn_eid": eids.get(p.id),
        "subparagraphs": [_subparagraph(s, eids, root) for s in p.subparagraphs],
        **_marks(p.body),
    }


def footnote_dict(f: Footnote, eids: dict[str, str] | None = None, root: str = "/") -> dict[str, Any]:
    return {
        "number": f.number,
        "id": f.id,
        "text": f.text,
        "paragraph": f.paragraph,
        "url": footnote_url(f.id, root),
        "akn_eid": (eids or {}).get(f.id),
        **_marks(f.body),
    }


def reference_dict(r: Reference, lang: str) -> dict[str, Any]:
    return {
        "id": r.id,
        "kind": r.kind,
        "label": r.label,
        "number": r.number,
        "body": r.body,
        "symbol": r.symbol,
        "volume": r.volume,
        "url": urls.reference_url(r, lang),
        "cited_in": list(r.cited_in),
    }


def actor_dict(a: Actor, root: str = "/") -> dict[str, Any]:
    return {
        "id": a.id,
        "slug": a.slug,
        "name": a.name,
        "name_en": a.name_en,
        "type": a.type,
        "acronym": a.acronym,
        "acronym_en": a.acronym_en,
        "aliases": list(a.aliases),
        "url": actor_url(a, root),
    }


def mention_dict(m: Mention) -> dict[str, Any]:
    return {"actor": m.actor, "paragraph": m.paragraph, "role": m.role, "start": m.start, "end": m.end, "sentence": m.sentence}


def _text_or_none(value: Any) -> str | None:
    """A metadata value as text: YAML may give a date or a number where a string is meant."""
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    return str(value)


LICENCE_KEYS = ("name", "attribution", "url", "source")
ADOPTED_KEYS = ("symbol", "date", "meeting", "source")


def pick(mapping: Any, keys: tuple[str, ...]) -> dict[str, str | None] | None:
    """The given keys of a metadata mapping, as text (None when absent); None when it is not a mapping."""
    if not isinstance(mapping, dict):
        return None
    return {k: _text_or_none(mapping.get(k)) for k in keys}


def document_dict(res: Resolution) -> dict[str, Any]:
    d = res.document
    meta = d.metadata
    return {
        "title": d.title,
        "symbol": d.symbol,
        "date": d.date,
        "language": d.language,
        "original_language": d.original_language,
        "organ": d.organ,
        "distribution": d.distribution,
        "session": d.session,
        "committee": d.committee,
        "agenda_item": d.agenda_item,
        "agenda_title": d.agenda_title,
        "document_type": d.document_type,
        "adopted": pick(meta.get("adopted"), ADOPTED_KEYS),
        "licence": pick(meta.get("licence"), LICENCE_KEYS),
        "source_file": res.source_name,
        "frbr_work": frbr_uri(res).work,
    }


def sponsor_dict(s: Sponsor) -> dict[str, Any]:
    return {"name": s.name, "iso3": s.iso3, "name_en": s.name_en, "regional_group": s.regional_group}


def resolution_dict(res: Resolution, root: str = "/") -> dict[str, Any]:
    """The whole model as plain data, in document order; site paths start at `root`."""
    eids = eid_map(res)
    lang = res.document.language
    return {
        "$schema": SCHEMA_FILE,
        "document": document_dict(res),
        "sponsors": [sponsor_dict(s) for s in res.sponsors],
        "paragraphs": [paragraph_dict(p, eids, root) for p in res.paragraphs],
        "footnotes": [footnote_dict(f, eids, root) for f in res.footnotes],
        "references": [reference_dict(r, lang) for r in res.references],
        "actors": [actor_dict(a, root) for a in res.actors],
        "mentions": [mention_dict(m) for m in res.mentions],
        "parse_decisions": list(res.decisions),
    }


def paragraph_records(res: Resolution, root: str = "/") -> dict[str, dict[str, Any]]:
    """Every paragraph's record (see `paragraph_record`), by paragraph id, in one pass over the model.

    Footnotes, references and mentions are each gathered once by the paragraph
    they belong to, so the cost grows with the document, not with its square.
    """
    eids = eid_map(res)
    lang = res.document.language
    home = {pid: p.id for p in res.paragraphs for pid, _ in p.passages}  # passage id -> paragraph id
    notes: dict[str, list[Footnote]] = {p.id: [] for p in res.paragraphs}
    for f in res.footnotes:
        if f.paragraph in home:
            notes[home[f.paragraph]].append(f)
            home.setdefault(f.id, home[f.paragraph])
    refs: dict[str, list[Reference]] = {p.id: [] for p in res.paragraphs}
    for r in res.references:
        for pid in dict.fromkeys(home[c] for c in r.cited_in if c in home):
            refs[pid].append(r)
    mentions: dict[str, list[Mention]] = {p.id: [] for p in res.paragraphs}
    for m in res.mentions:
        if m.paragraph in home:
            mentions[home[m.paragraph]].append(m)
    d = res.document
    document = {"symbol": d.symbol, "title": d.title, "language": d.language, "dataset": f"../{JSON_FILE}"}
    return {
        p.id: {
            "$schema": f"../{SCHEMA_FILE}#/$defs/paragraphRecord",
            "document": dict(document),
            "paragraph": paragraph_dict(p, eids, root),
            "footnotes": [footnote_dict(f, eids, root) for f in notes[p.id]],
            "references": [reference_dict(r, lang) for r in refs[p.id]],
            "mentions": [mention_dict(m) for m in mentions[p.id]],
        }
        for p in res.paragraphs
    }


def paragraph_record(res: Resolution, p: Paragraph) -> dict[str, Any]:
    """One paragraph with what belongs to it: its footnotes, the documents it cites, the actors it names."""
    return paragraph_records(res)[p.id]


def dump_json(data: Any) -> str:
    """Deterministic JSON: UTF-8 text, two-space indent, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------
# CSV tables


@dataclass(frozen=True)
class Column:
    """A CSV column and its Table Schema field."""

    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    extra: tuple[tuple[str, Any], ...] = ()

    def field(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        out.update(dict(self.extra))
        constraints: dict[str, Any] = {k: True for k, on in (("required", self.required), ("unique", self.unique)) if on}
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


def _span_columns(what: str) -> tuple[Column, ...]:
    """The passage a span stands in, and where: shared by citations and mentions."""
    return (
        Column("passage", "string", _PASSAGE, required=True),
        Column("start", "integer", f"Start of {what}, {_OFFSET}.", required=True),
        Column("end", "integer", f"End (exclusive) of {what}, {_OFFSET}.", required=True),
    )


def _passage_columns() -> tuple[Column, ...]:
    """The passage split into its paragraph or footnote, for the foreign keys."""
    return (
        Column("paragraph", "string", "The passage id when the passage is a paragraph or sub-paragraph; empty for a footnote."),
        Column("footnote", "integer", "The footnote number when the passage is a footnote; empty otherwise."),
    )


def _list(name: str, item_type: str, description: str) -> Column:
    return Column(name, "list", description, extra=(("delimiter", LIST_SEPARATOR), ("itemType", item_type)))


@dataclass(frozen=True)
class Table:
    """A CSV file: its columns, keys and the function that gives its rows."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Resolution, str], Iterable[tuple]]  # (the model, the site root) -> rows
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"fields": [c.field() for c in self.columns], "primaryKey": list(self.primary_key)}
        if self.foreign_keys:
            out["foreignKeys"] = [
                {"fields": list(fields), "reference": {"resource": resource, "fields": list(ref)}}
                for fields, resource, ref in self.foreign_keys
            ]
        return out


_PASSAGE = "Id of the passage: a paragraph (pp-N, op-N), a lettered sub-paragraph (pp-N-a) or a footnote (fn-N)."
_OFFSET = "counted in Unicode code points from the start of the passage text"


def _split_passage(pid: str) -> tuple[str | None, int | None]:
    """fn-12 -> (None, 12); pp-10-a -> ("pp-10-a", None): the two foreign keys of a passage id."""
    if pid.startswith("fn-") and pid[3:].isdigit():
        return None, int(pid[3:])
    return pid, None


def _paragraph_rows(res: Resolution, root: str = "/") -> Iterable[tuple]:
    eids = eid_map(res)
    labels = _labels(res)
    for p in res.paragraphs:
        yield (p.id, None, p.kind, p.number, None, labels(p, None), p.lead, p.text, p.footnotes,
               paragraph_url(p.id, root), eids.get(p.id))
        for s in p.subparagraphs:
            yield (s.id, p.id, p.kind, p.number, s.label, labels(p, s), None, s.text, s.footnotes,
                   paragraph_url(s.id, root), eids.get(s.id))


def _labels(res: Resolution) -> Callable[[Paragraph, SubParagraph | None], str]:
    """Human labels in the document's language: 序言部分第 10 段, 序言部分第 10 段(a)."""
    lang = load_lexicon().languages.get(res.document.language)
    pattern = downloads_strings(res.document.language)["subparagraph_label"]

    def label(p: Paragraph, sub: SubParagraph | None) -> str:
        own = lang.label(p.kind, n=p.number) if lang else p.id
        return pattern.format(paragraph=own, label=sub.label) if sub else own

    return label


def _footnote_rows(res: Resolution, root: str = "/") -> Iterable[tuple]:
    eids = eid_map(res)
    for f in res.footnotes:
        yield (f.number, f.id, f.paragraph, f.text, footnote_url(f.id, root), eids.get(f.id))


def _sponsor_rows(res: Resolution, root: str = "/") -> Iterable[tuple]:
    for i, s in enumerate(res.sponsors, 1):
        yield (i, s.name, s.iso3, s.name_en, s.regional_group)


def _reference_rows(res: Resolution, root: str = "/") -> Iterable[tuple]:
    lang = res.document.language
    for r in res.references:
        yield (r.id, r.kind, r.label, r.number, r.body, r.symbol, r.volume, urls.reference_url(r, lang), r.cited_in)


def _citation_rows(res: Resolution, root: str = "/") -> Iterable[tuple]:
    passages = [(pid, body) for p in res.paragraphs for pid, body in p.passages]
    passages += [(f.id, f.body) for f in res.footnotes]
    for pid, body in passages:
        paragraph, footnote = _split_passage(pid)
        for c in body.citations:
            yield (pid, c.start, c.end, c.reference_id, paragraph, footnote, body.text[c.start:c.end])


def _actor_rows(res: Resolution, root: str = "/") -> Iterable[tuple]:
    for a in res.actors:
        yield (a.id, a.slug, a.name, a.name_en, a.type, a.acronym, a.acronym_en, a.aliases, actor_url(a, root))


def _mention_rows(res: Resolution, root: str = "/") -> Iterable[tuple]:
    for m in res.mentions:
        paragraph, footnote = _split_passage(m.paragraph)
        yield (m.paragraph, m.start, m.end, m.actor, paragraph, footnote, m.role, m.sentence)


TABLES: tuple[Table, ...] = (
    Table(
        "paragraphs", "Paragraphs",
        "One row per paragraph and one per lettered sub-paragraph, in document order.",
        (
            Column("id", "string", "Permanent id: pp-N (preambular), op-N (operative) or pp-N-a (sub-paragraph (a) of pp-N).", required=True, unique=True),
            Column("parent", "string", "For a sub-paragraph, the id of the paragraph it belongs to; empty for a paragraph."),
            Column("kind", "string", "preambular or operative (a sub-paragraph has its paragraph's kind).", required=True, enum=("preambular", "operative")),
            Column("number", "integer", "The paragraph's number within its part (a sub-paragraph has its paragraph's number).", required=True),
            Column("label", "string", "The sub-paragraph's letter (a, b, ...); empty for a paragraph."),
            Column("display_label", "string", "How the paragraph is named in the document's language, e.g. 序言部分第 10 段(a)."),
            Column("lead", "string", "The opening phrase: the preambular lead or the operative verb; empty for a sub-paragraph."),
            Column("text", "string", "The plain text, without footnote markers; for a paragraph with sub-paragraphs, only the words before them.", required=True),
            _list("footnotes", "integer", "Footnote numbers referenced, in order, separated by |; for a paragraph, those of its sub-paragraphs too."),
            Column("url", "string", "Path of the paragraph on the site, from the site root (e.g. /pp/10/#pp-10-a)."),
            Column("akn_eid", "string", "The eId of the same passage in resolution.akn.xml."),
        ),
        _paragraph_rows, ("id",),
        ((("parent",), "", ("id",)),),
    ),
    Table(
        "footnotes", "Footnotes",
        "The footnotes, each with the passage whose text carries its marker.",
        (
            Column("number", "integer", "The footnote's number.", required=True, unique=True),
            Column("id", "string", "Permanent id, fn-N.", required=True, unique=True),
            Column("paragraph", "string", "Id of the paragraph or sub-paragraph where the footnote's marker stands.", required=True),
            Column("text", "string", "The footnote's text.", required=True),
            Column("url", "string", "Path of the footnote on the site's full-text page, from the site root."),
            Column("akn_eid", "string", "The eId of the footnote's authorialNote in resolution.akn.xml."),
        ),
        _footnote_rows, ("number",),
        ((("paragraph",), "paragraphs", ("id",)),),
    ),
    Table(
        "sponsors", "Sponsors",
        "The States that sponsor the text, in the order the document names them.",
        (
            Column("position", "integer", "Place in the document's list of sponsors, from 1.", required=True, unique=True),
            Column("name", "string", "The State's name as the document writes it.", required=True, unique=True),
            Column("iso3", "string", "ISO 3166-1 alpha-3 code."),
            Column("name_en", "string", "The State's English short name."),
            Column("regional_group", "string", "The United Nations regional group the State belongs to."),
        ),
        _sponsor_rows, ("position",),
    ),
    Table(
        "references", "Cited documents",
        "Every document the text cites: resolutions, documents by symbol, treaties and Sustainable Development Goal targets.",
        (
            Column("id", "string", "Stable id of the cited document, e.g. ga-res-61-180, doc-a-76-120, unts-2237-39574.", required=True, unique=True),
            Column("kind", "string", "resolution, document, treaty or sdg-target.", required=True, enum=("resolution", "document", "treaty", "sdg-target")),
            Column("label", "string", "How the document is named, in the document's language.", required=True),
            Column("number", "string", "The resolution number (61/180), treaty registration number or SDG target (5.2); empty for a document symbol."),
            Column("body", "string", "Code of the organ that adopted a cited resolution (GA, ECOSOC, HRC, ...)."),
            Column("symbol", "string", "United Nations document symbol, where it has one (A/RES/61/180)."),
            Column("volume", "integer", "United Nations Treaty Series volume, for a treaty."),
            Column("url", "string", "The official page of the cited document, where one is known."),
            _list("cited_in", "string", "Ids of the passages that cite it (pp-N, op-N, pp-N-a, fn-N), in document order, separated by |."),
        ),
        _reference_rows, ("id",),
    ),
    Table(
        "citations", "Citations",
        "Each place where a passage cites a document: reference × passage, with the characters that cite it.",
        (
            *_span_columns("the citing words"),
            Column("reference", "string", "Id of the cited document (references.csv).", required=True),
            *_passage_columns(),
            Column("text", "string", "The citing words as they stand in the passage.", required=True),
        ),
        _citation_rows, ("passage", "start"),
        ((("reference",), "references", ("id",)), (("paragraph",), "paragraphs", ("id",)), (("footnote",), "footnotes", ("number",))),
    ),
    Table(
        "actors", "Actors",
        "The States, organs, offices, officials, mechanisms and groups the text speaks of or to.",
        (
            Column("id", "string", "Stable id of the actor.", required=True, unique=True),
            Column("slug", "string", "URL slug, from the English name.", required=True, unique=True),
            Column("name", "string", "Name in the document's language.", required=True),
            Column("name_en", "string", "English name."),
            Column("type", "string", "What kind of actor: State, organ, office, official, mechanism, group, ..."),
            Column("acronym", "string", "Acronym in the document's language, if any."),
            Column("acronym_en", "string", "English acronym, if any."),
            _list("aliases", "string", "Other forms of the name found in the text, separated by |."),
            Column("url", "string", "Path of the actor's page on the site, from the site root."),
        ),
        _actor_rows, ("id",),
    ),
    Table(
        "mentions", "Mentions",
        "Each place where a passage names an actor (actor × passage × role).",
        (
            *_span_columns("the name"),
            Column("actor", "string", "Id of the actor (actors.csv).", required=True),
            *_passage_columns(),
            Column("role", "string", "mention, or in an operative paragraph what the paragraph does to the actor: requested, urged, invited, encouraged, ...", required=True),
            Column("sentence", "string", "The clause around the mention."),
        ),
        _mention_rows, ("passage", "start", "actor"),
        ((("actor",), "actors", ("id",)), (("paragraph",), "paragraphs", ("id",)), (("footnote",), "footnotes", ("number",))),
    ),
)


def alignment_table(alignment: Alignment) -> Table:
    """alignment.csv: one row per passage of the two versions, paired by id, and whether they differ."""
    a, b = alignment.a.document.language, alignment.b.document.language
    names = {a: _language_name(a), b: _language_name(b)}
    rows = [tuple(row.values()) for row in alignment_rows(alignment)]
    return Table(
        "alignment", "Alignment of the two language versions",
        f"Each paragraph, lettered sub-paragraph and footnote of the {names[a]} text with its counterpart in the "
        f"{names[b]} text (the same id in both), and whether the two cite different documents or give different years.",
        (
            Column(f"id_{a}", "string", f"Id of the passage in the {names[a]} text (pp-N, op-N, pp-N-a, fn-N).", required=True, unique=True),
            Column(f"id_{b}", "string", f"Id of the same passage in the {names[b]} text (in {b}/).", required=True, unique=True),
            Column("paragraph", "string", "The paragraph the passage belongs to (for a footnote, the paragraph that references it).", required=True),
            Column("kind", "string", "paragraph, subparagraph or footnote.", required=True, enum=("paragraph", "subparagraph", "footnote")),
            Column("citations_differ", "boolean", "true when the two passages do not cite the same documents (reference ids).", required=True),
            _list(f"cited_only_{a}", "string", f"Reference ids cited in the {names[a]} passage only (references.csv), separated by |."),
            _list(f"cited_only_{b}", "string", f"Reference ids cited in the {names[b]} passage only ({b}/references.csv), separated by |."),
            Column("years_differ", "boolean", "true when the two passages do not write the same years in figures (citations aside).", required=True),
            _list(f"years_{a}", "integer", f"The years the {names[a]} passage writes in figures, separated by |."),
            _list(f"years_{b}", "integer", f"The years the {names[b]} passage writes in figures, separated by |."),
        ),
        lambda _res, _root: rows, (f"id_{a}",),
        ((("paragraph",), "paragraphs", ("id",)), (("paragraph",), f"paragraphs-{b}", ("id",))),
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
        clash = [i for i in items if LIST_SEPARATOR in i]
        if clash:
            raise ValueError(f"list item {clash[0]!r} contains the list separator {LIST_SEPARATOR!r}")
        return LIST_SEPARATOR.join(items)
    return str(value)


def csv_bytes(table: Table, res: Resolution, root: str = "/") -> bytes:
    """A table as CSV: UTF-8 with BOM, CRLF line ends, a header row; site paths start at `root`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=CSV_NEWLINE)
    writer.writerow([c.name for c in table.columns])
    for row in table.rows(res, root):
        writer.writerow([_cell(v) for v in row])
    return (CSV_BOM + buf.getvalue()).encode("utf-8")


# --------------------------------------------------------------------------
# The Data Package


@dataclass(frozen=True)
class FileInfo:
    """A file of the dataset, as the Data Package and the downloads page describe it."""

    path: str
    name: str
    title: str
    description: str
    format: str
    mediatype: str
    table: Table | None = None
    extra: dict = field(default_factory=dict)


def file_infos() -> list[FileInfo]:
    """Every file of the dataset but datapackage.json itself, in the order they are listed."""
    files = [
        FileInfo(JSON_FILE, "resolution", "The whole document",
                 "The document model as JSON: metadata, sponsors, paragraphs with sub-paragraphs, footnotes, cited documents, actors and mentions, with character offsets of footnote markers and citations. Described by resolution.schema.json.",
                 "json", "application/json"),
        FileInfo(SCHEMA_FILE, "resolution-schema", "JSON Schema of resolution.json",
                 "JSON Schema (draft 2020-12) that documents every field of resolution.json and of the per-paragraph records.",
                 "json", "application/schema+json"),
        FileInfo(AKN_FILE, "resolution-akn", "Akoma Ntoso 3.0 XML",
                 "The document in OASIS Akoma Ntoso 3.0 following the AKN4UN conventions: preface, preamble (recitals), main body (paragraphs), footnotes as authorialNote, citations as ref, FRBR metadata. Each element that has a site id carries it in a site:id attribute.",
                 "xml", "application/akn+xml"),
    ]
    for t in TABLES:
        files.append(FileInfo(t.path, t.name, t.title, t.description, "csv", "text/csv", table=t))
    return files


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _package_name(res: Resolution) -> str:
    return slugify(res.document.symbol or res.document.title) or "resolution"


def _language_name(code: str) -> str:
    """A language's English name (zh -> Chinese), for the Data Package's prose."""
    import pycountry

    language = pycountry.languages.get(alpha_2=code)
    return language.name if language else code


def _resource(info: FileInfo, data: bytes) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "name": info.name,
        "type": "table" if info.table is not None else ("json" if info.format == "json" else "file"),
        "path": info.path,
        "title": info.title,
        "description": info.description,
        "format": info.format,
        "mediatype": info.mediatype,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{sha256(data)}",
    }
    if info.table is not None:
        resource["dialect"] = {"delimiter": ",", "lineTerminator": CSV_NEWLINE, "quoteChar": '"', "doubleQuote": True, "header": True}
        resource["schema"] = info.table.schema()
    return resource


def _version_resource(info: FileInfo, data: bytes, other: Resolution) -> dict[str, Any]:
    """A file of the second language version: in its language's folder, its name suffixed with the language."""
    lang = other.document.language
    what = f"{_language_name(lang)} text" + (f" ({other.document.symbol})" if other.document.symbol else "")
    resource = _resource(info, data)
    resource.update({
        "name": f"{info.name}-{lang}",
        "path": f"{lang}/{info.path}",
        "title": f"{info.title}: {what}",
        "description": f"The {what}: {info.description}",
        "language": lang,
    })
    if "schema" in resource:
        schema = dict(resource["schema"])
        schema["foreignKeys"] = [
            {**fk, "reference": {**fk["reference"], "resource": fk["reference"]["resource"] and f"{fk['reference']['resource']}-{lang}"}}
            for fk in schema.get("foreignKeys", [])
        ]
        if not schema["foreignKeys"]:
            del schema["foreignKeys"]
        resource["schema"] = schema
    return resource


def _sources(res: Resolution) -> list[dict[str, str]]:
    d = res.document
    sources = []
    if d.symbol:
        sources.append({"title": f"{d.symbol}, United Nations Official Document System", "path": urls.UNDOCS.format(lang=d.language, symbol=d.symbol)})
    text_source = _text_or_none(d.metadata.get("text_source"))
    if text_source:
        sources.append({"title": text_source})
    return sources


def datapackage_dict(res: Resolution, contents: dict[str, bytes], alignment: Alignment | None = None) -> dict[str, Any]:
    """The Frictionless Data Package descriptor for the files in `contents` (path -> bytes).

    With `alignment`, it describes the second version's files (in its
    language's folder) and alignment.csv as well.
    """
    d = res.document
    licence = pick(d.metadata.get("licence"), LICENCE_KEYS) or {}
    what = f"{d.symbol} " if d.symbol else ""
    description = (
        f"The {_language_name(d.language)} text of United Nations document {what}({d.title}) as structured data: "
        "JSON with a JSON Schema, CSV tables with Table Schemas, and Akoma Ntoso XML. "
        "CSV files are UTF-8 with a byte-order mark and CRLF line endings."
    )
    other = alignment.b if alignment is not None else None
    if other is not None:
        o = other.document
        description += (
            f" The same files for the {_language_name(o.language)} text" + (f", {o.symbol}," if o.symbol else "")
            + f" are in the folder {o.language}/, and {ALIGNMENT_FILE} pairs the paragraphs, sub-paragraphs and "
            "footnotes of the two texts and tells where they cite different documents or give different years."
        )
    package: dict[str, Any] = {
        "$schema": DATA_PACKAGE_PROFILE,
        "name": _package_name(res),
        "title": d.title,
        "description": description,
        "language": d.language,
    }
    if licence.get("name") or licence.get("url"):
        entry = {"title": licence.get("name") or licence.get("url")}
        if licence.get("url"):
            entry["path"] = licence["url"]
        package["licenses"] = [entry]
    attributions = [licence.get("attribution")]
    if other is not None:
        attributions.append((pick(other.document.metadata.get("licence"), LICENCE_KEYS) or {}).get("attribution"))
    attributions = list(dict.fromkeys(a for a in attributions if a))
    if attributions:
        package["attribution"] = " ".join(attributions)
    sources = _sources(res) + (_sources(other) if other is not None else [])
    if sources:
        package["sources"] = sources
    resources = [_resource(info, contents[info.path]) for info in file_infos() if info.path in contents]
    if other is not None:
        lang = other.document.language
        resources += [_version_resource(info, contents[f"{lang}/{info.path}"], other)
                      for info in file_infos() if f"{lang}/{info.path}" in contents]
        table = alignment_table(alignment)
        info = FileInfo(ALIGNMENT_FILE, table.name, table.title, table.description, "csv", "text/csv", table=table)
        resources.append(_resource(info, contents[ALIGNMENT_FILE]))
    package["resources"] = resources
    return package


# --------------------------------------------------------------------------
# Writing


def version_contents(res: Resolution, root: str = "/") -> dict[str, bytes]:
    """The files of one language version (all but datapackage.json), keyed by file name; its site is at `root`."""
    contents: dict[str, bytes] = {
        JSON_FILE: dump_json(resolution_dict(res, root)).encode("utf-8"),
        SCHEMA_FILE: SCHEMA_PATH.read_bytes(),
        AKN_FILE: akn_bytes(res),
    }
    for table in TABLES:
        contents[table.path] = csv_bytes(table, res, root)
    return contents


def export_contents(res: Resolution, alignment: Alignment | None = None) -> dict[str, bytes]:
    """Every export file's bytes, keyed by its path in the exports folder, datapackage.json last.

    With `alignment` (of `res` with a second language version), that
    version's files go under its language's folder (en/resolution.json) and
    alignment.csv beside the first version's.
    """
    contents = version_contents(res)
    if alignment is not None:
        lang = alignment.b.document.language
        contents.update({f"{lang}/{name}": data for name, data in version_contents(alignment.b, f"/{lang}/").items()})
        contents[ALIGNMENT_FILE] = csv_bytes(alignment_table(alignment), res)
    contents[PACKAGE_FILE] = dump_json(datapackage_dict(res, contents, alignment)).encode("utf-8")
    return contents


def write_exports(res: Resolution, out: Path, alignment: Alignment | None = None) -> list[Path]:
    """Write the datasets into `out` (an empty folder); return the files written."""
    written = []
    for name, data in export_contents(res, alignment).items():
        path = safe_path(out, *name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
