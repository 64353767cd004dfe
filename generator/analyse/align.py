"""Align two language versions of one resolution by paragraph id, checked.

`align` checks rather than assumes that the two have the same paragraphs in
the same order, the same items in each, and the same footnotes at the same
paragraphs, or raises SourceError naming both files and the first place where
they part; then it compares each passage for what a translation keeps: the
documents it cites (Reference ids do not depend on the language) and the
years it writes in figures.  Wording is not compared.
"""

from __future__ import annotations

import re

from ..model.alignment import AlignedPassage, Alignment, PassageKind, Side
from ..model.document import Passage, Resolution
from ..source import SourceError

# A year written in figures (1900-2099), not part of a longer number, a
# symbol (E/2018/30) or a decimal.  Citations are masked out before the search.
_YEAR = re.compile(r"(?<![0-9/.])(?:19|20)[0-9]{2}(?![0-9/])")


def _name(res: Resolution) -> str:
    return res.source_name or res.document.symbol or res.document.language


def _mismatch(a: Resolution, b: Resolution, message: str) -> SourceError:
    return SourceError(_name(b), None, f"does not align with {_name(a)} by paragraph: {message}")


def _first_difference(left: list[str], right: list[str]) -> int:
    return next((i for i, (x, y) in enumerate(zip(left, right)) if x != y), min(len(left), len(right)))


def _check_sequence(a: Resolution, b: Resolution, left: list[str], right: list[str], what: str) -> None:
    """Raise SourceError at the first place where two id sequences part."""
    if left == right:
        return
    i = _first_difference(left, right)
    if i == len(left):
        raise _mismatch(a, b, f"{what} {right[i]} is in {_name(b)} only")
    if i == len(right):
        raise _mismatch(a, b, f"{what} {left[i]} is in {_name(a)} only")
    if left[i] not in right:
        raise _mismatch(a, b, f"{what} {left[i]} is in {_name(a)} only ({_name(b)} has {right[i]} in its place)")
    if right[i] not in left:
        raise _mismatch(a, b, f"{what} {right[i]} is in {_name(b)} only ({_name(a)} has {left[i]} in its place)")
    raise _mismatch(a, b, f"{what}s in another order: {_name(a)} has {left[i]} where {_name(b)} has {right[i]}")


def check_structure(a: Resolution, b: Resolution) -> None:
    """Raise SourceError unless `a` and `b` have the same paragraphs, lettered items and footnotes."""
    if a.document.language == b.document.language:
        raise _mismatch(a, b, f"both are in the same language ({a.document.language!r}); a second version must be in another")
    _check_sequence(a, b, [p.id for p in a.paragraphs], [p.id for p in b.paragraphs], "paragraph")
    for pa, pb in zip(a.paragraphs, b.paragraphs):
        _check_sequence(a, b, [s.id for s in pa.subparagraphs], [s.id for s in pb.subparagraphs], "lettered item")
    _check_sequence(a, b, [f.id for f in a.footnotes], [f.id for f in b.footnotes], "footnote")


def years(passage: Passage) -> tuple[str, ...]:
    """The years a passage writes in figures, outside its citations."""
    text = list(passage.text)
    for c in passage.citations:
        text[c.start:c.end] = " " * (c.end - c.start)
    return tuple(sorted(set(_YEAR.findall("".join(text)))))


def side(passage: Passage) -> Side:
    return Side(passage.text, tuple(dict.fromkeys(c.reference_id for c in passage.citations)), years(passage))


def _passages(res: Resolution) -> list[tuple[str, str, PassageKind, Passage]]:
    """(id, paragraph id, kind, passage) of every passage; each footnote after the paragraph that references it."""
    notes: dict[str, list] = {}
    for note in res.footnotes:
        notes.setdefault(res.paragraph(note.paragraph).id, []).append(note)
    out: list[tuple[str, str, PassageKind, Passage]] = []
    for p in res.paragraphs:
        out.append((p.id, p.id, "paragraph", p.body))
        out.extend((s.id, p.id, "subparagraph", s.body) for s in p.subparagraphs)
        out.extend((n.id, p.id, "footnote", n.body) for n in notes.get(p.id, []))
    return out


def align(a: Resolution, b: Resolution) -> Alignment:
    """Align version `b` with version `a` by paragraph id, checked (SourceError if they part)."""
    check_structure(a, b)
    left, right = _passages(a), _passages(b)
    for (ida, para_a, _, _), (idb, para_b, _, _) in zip(left, right):
        if (ida, para_a) != (idb, para_b):  # a footnote referenced from another paragraph
            raise _mismatch(a, b, f"{ida} belongs to {para_a} in {_name(a)} but {idb} to {para_b} in {_name(b)}")
    return Alignment(a, b, tuple(AlignedPassage(pid, para, kind, side(pa), side(pb))
                                 for (pid, para, kind, pa), (_, _, _, pb) in zip(left, right)))


def alignment_rows(alignment: Alignment) -> list[dict[str, object]]:
    """The alignment as table rows: the id in each version, and whether the passage differs."""
    la, lb = alignment.a.document.language, alignment.b.document.language
    return [{
        f"id_{la}": p.id,
        f"id_{lb}": p.id,
        "paragraph": p.paragraph,
        "kind": p.kind,
        "citations_differ": p.citations_differ,
        f"cited_only_{la}": list(p.only_a),
        f"cited_only_{lb}": list(p.only_b),
        "years_differ": p.years_differ,
        f"years_{la}": list(p.a.years),
        f"years_{lb}": list(p.b.years),
    } for p in alignment.passages]
