"""resolution.json, the per-paragraph records and series.json: the model as plain data.

`root` below is where a version's site stands ("/" for the main text, "/en/"
for another language version of it, "/en/A/RES/10/123/" for a version of
another resolution of the collection); site paths in the data start with it.
"""

from __future__ import annotations

import json
from typing import Any

from .. import urls
from ..model.collection import Collection
from ..model.document import Actor, Adoption, Footnote, Mention, Paragraph, Passage, Reference, Resolution, Sponsor, SubParagraph
from .akn import eid_map, frbr_uri

JSON_FILE = "resolution.json"
SCHEMA_FILE = "resolution.schema.json"
SERIES_FILE = "series.json"


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
        "parent": sub.parent,
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


def text_or_none(value: Any) -> str | None:
    """A metadata value as text: YAML may give a date or a number where a string is meant."""
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    return str(value)


LICENCE_KEYS = ("name", "attribution", "url", "source")
ADOPTION_KEYS = ("symbol", "date", "meeting", "committee", "report", "report_paragraph", "draft", "source")


def pick(mapping: Any, keys: tuple[str, ...]) -> dict[str, str | None] | None:
    """The given keys of a metadata mapping, as text (None when absent); None when it is not a mapping."""
    if not isinstance(mapping, dict):
        return None
    return {k: text_or_none(mapping.get(k)) for k in keys}


def adoption_dict(adoption: Adoption | None) -> dict[str, str | None] | None:
    """How the text became a resolution: from the text itself, or for a draft from its metadata file."""
    if adoption is None:
        return None
    return {k: text_or_none(getattr(adoption, k)) for k in ADOPTION_KEYS}


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
        "adopted": adoption_dict(d.adoption),
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


def version_dict(collection: Collection, res: Resolution) -> dict[str, Any]:
    """One language version of a work of the series: what it is and where its data and pages are."""
    d = res.document
    root = urls.version_root(collection, res)
    return {
        "language": d.language,
        "symbol": d.symbol,
        "document_type": d.document_type,
        "date": d.date,
        "data": f"{root}{JSON_FILE}",
        "url": f"/{root}",
        "counts": {"preambular": len(res.preambular), "operative": len(res.operative), "footnotes": len(res.footnotes)},
    }


def series_dict(collection: Collection) -> dict[str, Any]:
    """series.json: each series of the collection, its resolutions in order, and the lineage of their paragraphs."""
    out = []
    for series in collection.series:
        works = []
        for work in series.works:
            previous = collection.previous(work)
            step = collection.lineage.step(work.symbol)
            works.append({
                "symbol": work.symbol,
                "number": work.number,
                "title": work.title("en"),
                "session": work.session,
                "adopted": work.adopted,
                "previous": previous.symbol if previous else None,
                "versions": [version_dict(collection, res) for res in work.versions],
                "against_previous": None if step is None else {
                    "language": step.language,
                    **{status: step.count(status) for status in ("unchanged", "changed", "new")},
                    "dropped": len(step.dropped),
                },
                "lineage": [] if step is None else [
                    {"paragraph": k.paragraph, "predecessor": k.predecessor, "status": k.status,
                     "similarity": k.similarity, "also_from": list(k.also_from)} for k in step.links
                ],
                "dropped": [] if step is None else list(step.dropped),
            })
        out.append({"title": series.title, "resolutions": works})
    return {"$schema": f"{SCHEMA_FILE}#/$defs/seriesFile", "series": out}
