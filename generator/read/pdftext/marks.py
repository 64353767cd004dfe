"""Footnote references in the body text.

The definitions give the footnote numbers in sequence and the page of each,
so footnote n is looked for after footnote n-1's reference and no later than
its own page, at the best of the places `candidates` finds for its number;
the footnote being due next there is what makes a weak place (a number between
spaces, digits glued to a year) a reference, and such a choice is recorded as
a decision.  A number that comes next in the sequence, glued or alone at a
line end, but has no definition is an error.  Later references to a footnote
already referenced are found too (`repeats`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .base import Line, Reading
from .candidates import Candidate, Candidates
from .footnotes import Note


def _words_before(flat: str, position: int, count: int) -> list[str]:
    """The last `count` words before `position` (what a footnote reference stands after)."""
    return re.findall(r"[^\W\d_]+", flat[max(0, position - 12 * count):position])[-count:]


def _contains(words: list[str], run: list[str]) -> bool:
    return len(run) > 0 and any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


class Marks:
    """The search for each footnote's reference in the body text."""

    def __init__(self, reading: Reading, body: list[Line]):
        self.reading = reading
        self.body = body
        self.flat = "\n".join(line.text for line in body)
        self.places = Candidates(self.flat, reading.layout)
        self.starts: list[int] = []
        offset = 0
        for line in body:
            self.starts.append(offset)
            offset += len(line.text) + 1

    def line_at(self, offset: int) -> Line:
        return self.body[bisect_right(self.starts, offset) - 1]

    def page_ends(self) -> list[int]:
        """Where the body of each page (and of the pages before it) ends, by page."""
        ends: list[int] = []
        for line, start in zip(self.body, self.starts):
            ends.extend([ends[-1] if ends else -1] * (line.page + 1 - len(ends)))
            ends[line.page] = start + len(line.text)
        return ends

    def find(self, notes: list[Note]) -> None:
        """Find each footnote's reference in the body; store it on its line."""
        page_end = self.page_ends()
        candidates = self.places.by_number()
        chosen: list[tuple[int, int, int]] = []
        previous = -1
        for note in notes:
            limit = page_end[min(note.page, len(page_end) - 1)] if page_end else -1
            options = [c for c in candidates.get(note.number, []) if previous < c[0] <= limit]
            if not options:
                where = "" if not chosen else f" after footnote {note.number - 1}'s"
                raise self.reading.error(note.line, f"footnote {note.number} is defined but never referenced: "
                                                    f"no reference{where} on its page or before")
            start, end, rank = min(options, key=lambda c: (c[2], c[0]))
            self.explain(note.number, start, end, rank)
            chosen.append((start, end, note.number))
            previous = start
        self.check_undefined(candidates, chosen, {n.number for n in notes})
        chosen += self.repeats(candidates, chosen)
        for start, end, number in chosen:
            index = bisect_right(self.starts, start) - 1
            self.body[index].marks.append((start - self.starts[index], end - self.starts[index], number))

    def explain(self, number: int, start: int, end: int, rank: int) -> None:
        """Record why a weak place (rank 2 and up) was taken as footnote `number`'s reference."""
        due = "it is the footnote due there"
        where, why = {
            2: ("after an all-capital word", ""),
            3: (f"standing between spaces after {self.places.word_before(start)!r}", ""),
            4: (f"glued to the year {self.flat[start - 4:start]}", due),
            5: (f"at the end of {self.places.token_before(end)!r}", f"{due}, and a symbol's number has "
                                                                     f"at most {self.reading.layout.symbol_number_digits} digits"),
        }.get(rank, ("", ""))
        if where:
            self.reading.decide(self.line_at(start).number, f"took the {number} {where} as footnote {number}'s reference"
                                                            + (f": {why}" if why else ""))

    def repeats(self, candidates: dict[int, list[Candidate]], chosen: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Later references to a footnote already referenced: its number again, glued to a word
        ("Organized Crime2"), or after a comma and a space where the two words before it stand in the
        name its first reference follows ("Organized Crime, 6" after "... Organized Crime, ... Children, 6")."""
        found = []
        taken = {c[0] for c in chosen}
        for first, _, number in chosen:
            named = _words_before(self.flat, first, 40)
            for start, end, rank in candidates.get(number, []):
                if start <= first or start in taken or rank > 1:
                    continue
                before = _words_before(self.flat, start, 2)
                if rank == 1 and not _contains(named, before):
                    continue
                found.append((start, end, number))
                taken.add(start)
                self.reading.decide(self.line_at(start).number, f"took the {number} after {' '.join(before)!r} "
                                                               f"as a further reference to footnote {number}")
        return found

    def check_undefined(self, candidates: dict[int, list[Candidate]], chosen: list[tuple[int, int, int]],
                        defined: set[int]) -> None:
        """A number that comes next in the sequence, glued to a word or alone at a line end
        after a comma, is a reference, defined or not."""
        flat = self.flat
        taken = {c[0] for c in chosen}
        positions = [c[0] for c in chosen]
        for number, options in sorted(candidates.items()):
            if number in defined:
                continue
            for start, end, rank in options:
                line_end = flat.find("\n", end)
                at_line_end = not flat[end:line_end if line_end >= 0 else len(flat)].strip()
                if start in taken or not (rank == 0 or (rank == 1 and at_line_end)):
                    continue
                before = bisect_right(positions, start) - 1
                last = chosen[before][2] if before >= 0 else 0
                if number == last + 1:
                    raise self.reading.error(self.line_at(start).number, f"footnote {number} is referenced but never defined")
