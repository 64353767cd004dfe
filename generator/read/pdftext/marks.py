"""Footnote references in the body text.

The definitions give the footnote numbers in sequence and the page of each,
so footnote n's reference stands after footnote n-1's and no later than its
own page, at one of the places `candidates` finds for its number.  All
footnotes are placed at once: of the ways to place every one in order, the
one whose places are the strongest in sum (a dynamic programme over the
footnotes; a glued place and one after a comma count as equally strong, and
ties go to the earlier place), so that a later repetition of a footnote's
number ("report1", "Convention9") cannot take the place of its first
reference ("Assistance 1 and", "1949, 9 to") and crowd out the next footnote's.  A weak place that stands after the same
words as a stronger, later one ("civilian population 17" ... "civilian
population,17") is the first reference to that name, the later one a repeat.  The footnote being due there is what
makes a weak place (a number between spaces, digits glued to a year) a
reference, and such a choice is recorded as a decision.  A number that comes next in the sequence, glued or alone at a
line end, but has no definition is an error.  Later references to a footnote
already referenced are found too (`repeats`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .base import Line, Reading
from .candidates import Candidate, Candidates
from .footnotes import Note


ECHO = 3  # words before two places of one number that show they mark one name


def _cost(place: Candidate) -> int:
    """What taking a place costs: nothing for a strong one (glued, or after a comma and a space), so that of
    two strong places the first is the reference and the later a repeat; a weak one costs its rank."""
    return 0 if place[2] <= 1 else place[2]


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
        chosen = []
        for note, (start, end, rank) in zip(notes, self.place(notes, candidates, page_end)):
            self.explain(note.number, start, end, rank)
            chosen.append((start, end, note.number))
        self.check_undefined(candidates, chosen, {n.number for n in notes})
        chosen += self.repeats(candidates, chosen)
        for start, end, number in chosen:
            index = bisect_right(self.starts, start) - 1
            self.body[index].marks.append((start - self.starts[index], end - self.starts[index], number))

    def place(self, notes: list[Note], candidates: dict[int, list[Candidate]], page_end: list[int]) -> list[Candidate]:
        """One place per footnote, in order, the strongest in sum (see the module's note); an error at the first
        footnote that has no place after a place of the one before it."""
        # best[k]: for each place of footnote k, (the least sum of ranks up to it, the index of footnote k-1's place)
        best: list[list[tuple[int, int]]] = []
        options: list[list[Candidate]] = []
        for k, note in enumerate(notes):
            limit = page_end[min(note.page, len(page_end) - 1)] if page_end else -1
            here = self.echoed(sorted(c for c in candidates.get(note.number, []) if c[0] <= limit))
            row: list[tuple[int, int]] = []
            kept: list[Candidate] = []
            for c in here:
                if k == 0:
                    row.append((_cost(c), -1))
                    kept.append(c)
                    continue
                before = [(cost, i) for i, ((cost, _), p) in enumerate(zip(best[-1], options[-1])) if p[0] < c[0]]
                if before:
                    cost, i = min(before)
                    row.append((cost + _cost(c), i))
                    kept.append(c)
            if not kept:
                where = "" if k == 0 else f" after footnote {notes[k - 1].number}'s"
                raise self.reading.error(note.line, f"footnote {note.number} is defined but never referenced: "
                                                    f"no reference{where} on its page or before")
            best.append(row)
            options.append(kept)
        if not notes:
            return []
        index = min(range(len(best[-1])), key=lambda i: (best[-1][i][0], options[-1][i][0]))
        out: list[Candidate] = []
        for k in range(len(notes) - 1, -1, -1):
            out.append(options[k][index])
            index = best[k][index][1]
        return out[::-1]

    def echoed(self, places: list[Candidate]) -> list[Candidate]:
        """`places` of one number, in order, each as strong as a later one that stands after the same words:
        a name referenced twice is marked twice, and the first of the two is the footnote's reference."""
        out = []
        for i, (start, end, rank) in enumerate(places):
            named = _words_before(self.flat, start, ECHO)
            later = [r for s, _, r in places[i + 1:] if r < rank and _words_before(self.flat, s, ECHO) == named]
            out.append((start, end, min(later, default=rank)))
        return out

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
        ("Organized Crime2"); or after a comma and a space, or between spaces, where the two words before it
        stand in the name its first reference follows ("Organized Crime, 6" after "... Organized Crime, ...
        Children, 6") or where it is the footnote last referenced ("Political Rights, 2 the ... Cultural
        Rights 2 and") or where the sentence goes on after it in lower case ("Climate Change, 11 and the
        Sendai Framework"), when it stands after a name, not a number ("in 2015, 11 States reported"); or
        glued to a year or a symbol where the words before it are those before the first reference
        ("on 17 December 20148" twice)."""
        found = []
        taken = {c[0] for c in chosen}
        firsts = sorted((start, number) for start, _, number in chosen)
        for first, _, number in chosen:
            named = _words_before(self.flat, first, 40)
            for start, end, rank in candidates.get(number, []):
                if start <= first or start in taken or rank == 2:
                    continue
                before = _words_before(self.flat, start, 2)
                last = firsts[bisect_right(firsts, (start, float("inf"))) - 1][1]
                if rank in (4, 5) and not _contains(named, before):
                    continue  # glued to a year or a symbol: only where the first reference's words come again
                if rank in (1, 3) and not (_contains(named, before) or (self.places.after_a_name(start)
                                                                         and (last == number or self.places.goes_on(end)))):
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
