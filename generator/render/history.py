"""A paragraph's history across the series, as its page tells it.

Lineage is computed in the language every resolution of the series has
(English); a version in another language (the Chinese draft) takes the
lineage of its counterpart, which has the same paragraph ids.  Walking the
links back from a paragraph gives the resolution where its line begins and
each step since; walking forward gives what the later resolutions made of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.collection import Collection, Work
from ..model.document import Resolution
from ..model.lineage import Link


@dataclass(frozen=True)
class Stage:
    """The paragraph `pid` of resolution `work`; `link` ties it to the stage before (None for the first)."""

    work: Work
    pid: str | None
    link: Link | None
    text: str | None  # its wording, in the lineage's language (None when dropped)

    @property
    def status(self) -> str:
        """unchanged, changed, new; "first" for the first resolution of the series; "dropped"."""
        if self.pid is None:
            return "dropped"
        return self.link.status if self.link is not None else "first"


def _text(work: Work, lang: str, pid: str) -> str:
    version = work.version(lang)
    assert version is not None
    p = version.paragraph(pid)
    return " ".join([p.text, *(s.text for s in p.subparagraphs)])


def history(collection: Collection, res: Resolution, pid: str) -> tuple[list[Stage], list[Stage]]:
    """(the stages up to and including this one, oldest first; the stages after it).

    Both are empty when the paragraph's resolution is in no series of two or more.
    """
    work = collection.work_of(res)
    lineage = collection.lineage
    step = lineage.step(work.symbol)
    following = collection.next(work)
    lang = step.language if step else (lineage.step(following.symbol).language if following and lineage.step(following.symbol) else None)
    if lang is None:
        return [], []
    back: list[Stage] = []
    w: Work | None = work
    current: str | None = pid
    while w is not None and current is not None:
        s = lineage.step(w.symbol)
        link = s.link(current) if s else None
        back.append(Stage(w, current, link, _text(w, lang, current)))
        if link is None or link.predecessor is None:
            break
        w, current = collection.work(s.previous), link.predecessor
    forward: list[Stage] = []
    w, current = work, pid
    while current is not None and (n := collection.next(w)) is not None:
        s = lineage.step(n.symbol)
        if s is None:
            break
        successors = s.successors(current)
        if not successors:
            forward.append(Stage(n, None, None, None))
            break
        link = successors[0]
        forward.append(Stage(n, link.paragraph, link, _text(n, lang, link.paragraph)))
        w, current = n, link.paragraph
    return list(reversed(back)), forward
