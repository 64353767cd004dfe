"""A collection of resolutions: works, their language versions, and the series they form.

In the terms of FRBR and Akoma Ntoso, each resolution is a Work (identified
by its symbol of adoption, A/RES/12/345) with one or more Expressions: its
language versions, here parsed Resolutions (the English adopted text, the
draft that became it, in another language).  Works that renew one another (the same title,
adopted session after session) form a Series.  Writers ask the collection for
what they need: a version in another language, the resolution before this
one, the lineage of a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .alignment import Alignment
from .document import Resolution
from .lineage import Lineage


def work_symbol(res: Resolution) -> str | None:
    """The symbol of the work a version belongs to: the resolution it was adopted as, else its own symbol."""
    d = res.document
    if d.adoption is not None and d.adoption.symbol:
        return d.adoption.symbol
    return d.symbol


@dataclass
class Work:
    """One resolution, with its language versions in the order they were read."""

    symbol: str
    versions: list[Resolution] = field(default_factory=list)

    @property
    def number(self) -> str:
        """A/RES/12/345 -> 12/345 (the symbol itself when it is not a resolution's)."""
        return self.symbol.split("/RES/", 1)[1] if "/RES/" in self.symbol else self.symbol

    @property
    def adopted(self) -> str | None:
        """The day of adoption, as any version states it."""
        return next((r.document.adoption.date for r in self.versions if r.document.adoption and r.document.adoption.date), None)

    @property
    def session(self) -> int | None:
        return next((r.document.session for r in self.versions if r.document.session), None)

    @property
    def languages(self) -> list[str]:
        return [r.document.language for r in self.versions]

    def version(self, lang: str) -> Resolution | None:
        return next((r for r in self.versions if r.document.language == lang), None)

    def title(self, lang: str = "en") -> str:
        """The title in `lang`, else in the first version's language."""
        res = self.version(lang) or self.versions[0]
        return res.document.title


@dataclass
class Series:
    """Works that renew one another, oldest first; `title` is their shared English title."""

    title: str
    works: list[Work]


@dataclass
class Collection:
    """Every resolution the site publishes; `main` is the version at the site's root."""

    works: list[Work]
    main: Resolution
    alignments: dict[str, Alignment] = field(default_factory=dict)  # work symbol -> its versions aligned
    series: list[Series] = field(default_factory=list)
    lineage: Lineage = field(default_factory=Lineage)

    @property
    def versions(self) -> list[Resolution]:
        """Every version: the main text first, then the others, oldest work first."""
        return [self.main] + [r for w in self.works for r in w.versions if r is not self.main]

    @property
    def main_work(self) -> Work:
        return self.work_of(self.main)

    def work(self, symbol: str) -> Work:
        for w in self.works:
            if w.symbol == symbol:
                return w
        raise KeyError(symbol)

    def work_of(self, res: Resolution) -> Work:
        for w in self.works:
            if any(v is res for v in w.versions):
                return w
        raise KeyError(res.document.symbol)

    def counterpart(self, res: Resolution, lang: str | None = None) -> Resolution | None:
        """The same work in another language (`lang`, or the first other one), if the collection has it."""
        for other in self.work_of(res).versions:
            if other is not res and (lang is None or other.document.language == lang):
                return other
        return None

    def alignment(self, res: Resolution) -> Alignment | None:
        """The alignment of `res` with its counterpart, seen from `res` (its `a`), if the work has two versions."""
        found = self.alignments.get(self.work_of(res).symbol)
        if found is None:
            return None
        return found if found.a is res else found.swapped()

    def lineage_language(self, work: Work) -> str | None:
        """The language a work's lineage is read in: that of its step, or of the next work's (for the first of
        a series); None outside a series."""
        step = self.lineage.step(work.symbol)
        following = self.next(work)
        step = step or (self.lineage.step(following.symbol) if following else None)
        return step.language if step else None

    def series_of(self, work: Work) -> Series | None:
        return next((s for s in self.series if any(w is work for w in s.works)), None)

    def previous(self, work: Work) -> Work | None:
        """The resolution this one renews: the one before it in its series."""
        series = self.series_of(work)
        if series is None:
            return None
        index = next(i for i, w in enumerate(series.works) if w is work)
        return series.works[index - 1] if index else None

    def next(self, work: Work) -> Work | None:
        """The resolution that renews this one."""
        series = self.series_of(work)
        if series is None:
            return None
        index = next(i for i, w in enumerate(series.works) if w is work)
        return series.works[index + 1] if index + 1 < len(series.works) else None
