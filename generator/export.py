"""Export the model as data: resolution.json (the public data contract)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import Footnote, Paragraph, Passage, Reference, Resolution, SubParagraph


def paragraph_url(pid: str) -> str:
    """The site path of a paragraph or sub-paragraph id: pp-10-a -> /pp/10/#pp-10-a."""
    kind, number, *rest = pid.split("-")
    return f"/{kind}/{number}/" + (f"#{pid}" if rest else "")


def _marks(passage: Passage) -> dict[str, Any]:
    return {
        "footnote_marks": [{"footnote": n.number, "offset": n.offset} for n in passage.notes],
        "citations": [{"reference": c.reference_id, "start": c.start, "end": c.end} for c in passage.citations],
    }


def _subparagraph(sub: SubParagraph) -> dict[str, Any]:
    return {"id": sub.id, "label": sub.label, "text": sub.text, "footnotes": sub.footnotes, **_marks(sub.body)}


def paragraph_dict(p: Paragraph) -> dict[str, Any]:
    return {
        "id": p.id,
        "kind": p.kind,
        "number": p.number,
        "lead": p.lead,
        "text": p.text,
        "footnotes": p.footnotes,
        "url": paragraph_url(p.id),
        "subparagraphs": [_subparagraph(s) for s in p.subparagraphs],
        **_marks(p.body),
    }


def footnote_dict(f: Footnote) -> dict[str, Any]:
    return {"number": f.number, "id": f.id, "text": f.text, "paragraph": f.paragraph, **_marks(f.body)}


def reference_dict(r: Reference) -> dict[str, Any]:
    return {
        "id": r.id,
        "kind": r.kind,
        "label": r.label,
        "number": r.number,
        "body": r.body,
        "symbol": r.symbol,
        "volume": r.volume,
        "cited_in": r.cited_in,
    }


def resolution_dict(res: Resolution) -> dict[str, Any]:
    """The whole model as plain data, in document order."""
    d = res.document
    meta = d.metadata
    document = {
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
        "adopted": meta.get("adopted"),
        "licence": meta.get("licence"),
        "source_file": res.source_name,
    }
    return {
        "document": document,
        "sponsors": [{"name": s.name, "iso3": s.iso3, "name_en": s.name_en, "regional_group": s.regional_group} for s in res.sponsors],
        "paragraphs": [paragraph_dict(p) for p in res.paragraphs],
        "footnotes": [footnote_dict(f) for f in res.footnotes],
        "references": [reference_dict(r) for r in res.references],
        "parse_decisions": res.decisions,
    }


def dump_json(data: Any) -> str:
    """Deterministic JSON: UTF-8 text, two-space indent, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_exports(res: Resolution, out: Path) -> list[Path]:
    """Write the datasets into `out` (an empty folder); return the files written."""
    path = out / "resolution.json"
    path.write_text(dump_json(resolution_dict(res)), encoding="utf-8")
    return [path]
