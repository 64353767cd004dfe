"""The lineage of paragraphs across a series: what each paragraph continues.

For each pair of consecutive resolutions of a series (a Step), every
paragraph of the later one has a Link: the paragraph of the earlier one it
was made from (or none), its status, and the similarity the link rests on;
paragraphs of the earlier one that nothing continues are dropped.  Lineage
is computed on one language (the one every resolution of the series has).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["unchanged", "changed", "new"]
STATUSES: tuple[Status, ...] = ("unchanged", "changed", "new")


@dataclass(frozen=True)
class Link:
    """Paragraph `paragraph` of the later resolution and what it continues in the earlier one.

    `also_from` lists further paragraphs merged into it; `similarity` (0 to 1)
    is that of its text to the predecessor's, 0 for a new paragraph.
    """

    paragraph: str
    predecessor: str | None
    status: Status
    similarity: float
    also_from: tuple[str, ...] = ()


@dataclass
class Step:
    """The lineage from one resolution (`previous`, a work symbol) to the next (`work`)."""

    work: str
    previous: str
    language: str
    links: list[Link] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def link(self, pid: str) -> Link | None:
        return self._index()[0].get(pid)

    def successors(self, pid: str) -> list[Link]:
        """The links of the later resolution that continue paragraph `pid` of the earlier one."""
        return self._index()[1].get(pid, [])

    def _index(self) -> tuple[dict[str, Link], dict[str, list[Link]]]:
        """Links by paragraph and by what they continue (rebuilt when the list of links changes length)."""
        index = self.__dict__.get("_by")
        if index is None or index[2] != len(self.links):
            by_paragraph = {k.paragraph: k for k in self.links}
            by_source: dict[str, list[Link]] = {}
            for k in self.links:
                for q in dict.fromkeys((k.predecessor, *k.also_from)):
                    if q is not None:
                        by_source.setdefault(q, []).append(k)
            index = self.__dict__["_by"] = (by_paragraph, by_source, len(self.links))
        return index[0], index[1]

    def count(self, status: Status) -> int:
        return sum(1 for k in self.links if k.status == status)


@dataclass
class Lineage:
    """Every step of every series of a collection, by the later work's symbol."""

    steps: dict[str, Step] = field(default_factory=dict)

    def step(self, work: str) -> Step | None:
        return self.steps.get(work)
