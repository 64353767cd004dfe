"""Assemble the collection: read every source, annotate it, and relate the versions.

Versions of one work (the resolution they are, or were adopted as) are
aligned by paragraph; works that share their English title form a series,
oldest first, and the lineage of their paragraphs is computed step by step.
Two sources that are the same work in the same language are refused, at the
line that states the symbol.
"""

from __future__ import annotations

from pathlib import Path

from ..model.collection import Collection, Series, Work, work_symbol
from ..model.document import Resolution
from ..read import read_source, symbol_error
from .align import align
from .annotate import annotate
from .lineage import compute_lineage


def read_collection(paths: list[Path]) -> Collection:
    """Read, annotate and relate the sources; the first is the site's main text."""
    return assemble([(path, annotate(read_source(path))) for path in paths])


def assemble(readings: list[tuple[Path, Resolution]]) -> Collection:
    """The collection of parsed versions (each with its path); the first is the main text."""
    works: dict[str, Work] = {}
    paths: dict[int, Path] = {}
    for path, res in readings:
        paths[id(res)] = path
        symbol = work_symbol(res) or f"({path.name})"
        work = works.setdefault(symbol, Work(symbol))
        clash = work.version(res.document.language)
        if clash is not None:
            raise symbol_error(path, res, f"{symbol} in {res.document.language} is read already from "
                                          f"{paths[id(clash)]}: two sources cannot be the same version of one resolution")
        work.versions.append(res)
    ordered = sorted(works.values(), key=lambda w: (w.adopted or _date(w) or "", w.symbol))
    collection = Collection(works=ordered, main=readings[0][1])
    for work in ordered:
        first = work.versions[0]
        for other in work.versions[1:]:
            alignment = align(first, other)
            collection.alignments.setdefault(work.symbol, alignment)
    collection.series = _series(ordered)
    collection.lineage = compute_lineage(collection)
    return collection


def _date(work: Work) -> str | None:
    return next((r.document.date for r in work.versions if r.document.date), None)


def _series(works: list[Work]) -> list[Series]:
    """Works with the same English title (case and spacing aside), oldest first, one series each."""
    groups: dict[str, Series] = {}
    for work in works:
        title = work.title("en")
        key = " ".join(title.casefold().split())
        groups.setdefault(key, Series(title, [])).works.append(work)
    return list(groups.values())
