"""The CSV tables: their columns, keys and rows, as Table Schemas describe them.

CSV files are UTF-8 with a byte-order mark (so that Excel on Windows shows the
Chinese text when a user double-clicks the file) and CRLF line endings (RFC
4180); `csv`, pandas, readr, sqlite3 and frictionless read them as they are
(Python's `csv` with `encoding="utf-8-sig"`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .. import urls
from ..analyse.align import alignment_rows
from ..knowledge.lexicon import load_lexicon
from ..knowledge.ui import downloads_strings
from ..model.alignment import Alignment
from ..model.collection import Collection
from ..model.document import Paragraph, Resolution, SubParagraph
from ..model.lineage import STATUSES
from .akn import eid_map
from .records import actor_url, footnote_url, paragraph_url

CSV_NEWLINE = "\r\n"
CSV_BOM = "\ufeff"
LIST_SEPARATOR = "|"
LINEAGE_FILE = "lineage.csv"


def language_name(code: str) -> str:
    """A language's English name (zh -> Chinese), for the datasets' prose."""
    import pycountry

    language = pycountry.languages.get(alpha_2=code)
    return language.name if language else code


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
            yield (s.id, s.parent or p.id, p.kind, p.number, s.label, labels(p, s), None, s.text, s.footnotes,
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
        "One row per paragraph and one per item (lettered or roman, nested or not), in document order.",
        (
            Column("id", "string", "Permanent id: pp-N (preambular), op-N (operative), pp-N-a (item (a) of pp-N) or op-N-b-ii (item (ii) of item (b)).", required=True, unique=True),
            Column("parent", "string", "For an item, the id of the paragraph or item it stands in; empty for a paragraph."),
            Column("kind", "string", "preambular or operative (a sub-paragraph has its paragraph's kind).", required=True, enum=("preambular", "operative")),
            Column("number", "integer", "The paragraph's number within its part (a sub-paragraph has its paragraph's number).", required=True),
            Column("label", "string", "The item's label (a, b, ... or i, ii, ...); empty for a paragraph."),
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
    names = {a: language_name(a), b: language_name(b)}
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


def _lineage_rows(collection: Collection) -> list[tuple]:
    """One row per paragraph of each resolution of each series, oldest resolution first."""
    rows: list[tuple] = []
    for series in collection.series:
        if len(series.works) < 2:
            continue
        for index, work in enumerate(series.works):
            step = collection.lineage.step(work.symbol)
            following = collection.lineage.step(series.works[index + 1].symbol) if index + 1 < len(series.works) else None
            dropped = set(following.dropped) if following else set()
            language = collection.lineage_language(work)
            version = work.version(language) if language else None
            if version is None:
                continue
            for p in version.paragraphs:
                link = step.link(p.id) if step else None
                rows.append((
                    work.symbol, p.id,
                    step.previous if link and link.predecessor else None, link.predecessor if link else None,
                    link.status if link else None, link.similarity if link and link.predecessor else None,
                    list(link.also_from) if link else [],
                    (p.id in dropped) if following else None,
                ))
    return rows


def lineage_table(collection: Collection) -> Table:
    """lineage.csv: every paragraph of a series, what it continues in the resolution before, and how."""
    rows = _lineage_rows(collection)
    return Table(
        "lineage", "Lineage of the paragraphs across the series",
        "One row per paragraph of each resolution of the series: the paragraph of the resolution before it that it "
        "continues (renumbered, moved, split, merged or amended), whether its text is unchanged or changed, or new, "
        "and the similarity the link rests on. The first resolution of the series has no predecessor.",
        (
            Column("resolution", "string", "Symbol of the resolution (A/RES/12/345).", required=True),
            Column("paragraph", "string", "Id of the paragraph in that resolution (pp-N, op-N).", required=True),
            Column("predecessor_resolution", "string", "Symbol of the resolution before it in the series; empty for a new paragraph and for the first resolution."),
            Column("predecessor_paragraph", "string", "Id of the paragraph it continues there; empty when it is new."),
            Column("status", "string", "unchanged (the same text, spacing, hyphenation and footnote numbers aside), changed, or new; empty for the first resolution of the series.",
                   enum=STATUSES),
            Column("similarity", "number", "Similarity of its words to the predecessor's (0 to 1; 1 is the same words), the evidence the link rests on."),
            _list("also_from", "string", "Further paragraphs of the resolution before that were merged into it, separated by |."),
            Column("dropped_next", "boolean", "true when no paragraph of the next resolution continues it; empty for the last resolution."),
        ),
        lambda _res, _root: rows, ("resolution", "paragraph"),
        ((("predecessor_resolution", "predecessor_paragraph"), "", ("resolution", "paragraph")),),
    )
