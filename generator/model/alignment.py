"""Two language versions of one resolution, aligned passage by passage.

The versions share their ids (pp-7 in one is pp-7 in the other, and so are
pp-10-a and fn-12); for each passage the alignment keeps what a translation
leaves unchanged: the documents it cites and the years it writes in figures.
generator.analyse.align builds it, checking that the two have the same
structure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from .document import Reference, Resolution

PassageKind = Literal["paragraph", "subparagraph", "footnote"]


@dataclass(frozen=True)
class Side:
    """What one version's passage holds that a translation keeps: its citations and years."""

    text: str
    cited: tuple[str, ...]  # reference ids, in reading order, each once
    years: tuple[str, ...]  # sorted, each once


@dataclass(frozen=True)
class AlignedPassage:
    """One passage (pp-7, pp-10-a, fn-12) in both versions; `paragraph` is the paragraph it belongs to."""

    id: str
    paragraph: str
    kind: PassageKind
    a: Side
    b: Side

    @property
    def only_a(self) -> tuple[str, ...]:
        return tuple(r for r in self.a.cited if r not in self.b.cited)

    @property
    def only_b(self) -> tuple[str, ...]:
        return tuple(r for r in self.b.cited if r not in self.a.cited)

    @property
    def citations_differ(self) -> bool:
        return set(self.a.cited) != set(self.b.cited)

    @property
    def years_differ(self) -> bool:
        return self.a.years != self.b.years

    @property
    def differs(self) -> bool:
        return self.citations_differ or self.years_differ

    def swapped(self) -> AlignedPassage:
        return AlignedPassage(self.id, self.paragraph, self.kind, self.b, self.a)


@dataclass(frozen=True)
class Alignment:
    """Version `a` and version `b` of a resolution, passage by passage, in reading order."""

    a: Resolution
    b: Resolution
    passages: tuple[AlignedPassage, ...]

    @property
    def differences(self) -> list[AlignedPassage]:
        return [p for p in self.passages if p.differs]

    def differences_in(self, pid: str) -> list[AlignedPassage]:
        """The differing passages of paragraph `pid`: its own text, its items and its footnotes."""
        return [p for p in self.passages if p.paragraph == pid and p.differs]

    def swapped(self) -> Alignment:
        """The same alignment seen from version `b`."""
        return Alignment(self.b, self.a, tuple(p.swapped() for p in self.passages))

    @cached_property
    def references(self) -> dict[str, Reference]:
        """Every reference of either version by id (version `a`'s where both cite it)."""
        out = {r.id: r for r in self.b.references}
        out.update({r.id: r for r in self.a.references})
        return out
