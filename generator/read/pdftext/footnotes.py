"""Footnote definitions at the page feet, and their references in the text.

Below a rule at a page foot stand that page's footnote definitions, each
opening with its number, in sequence.  A line that does not open with the next
number continues the definition above it (or, right below the rule, the last
one of the page before).

Footnote references are plain digits.  The definitions give the numbers in
sequence and the page of each, so footnote n is looked for after footnote
n-1's reference and no later than its own page, and only where a reference
can stand, best first:

0. glued to a word, a closing quote or bracket, or to punctuation after one
   (`Development,1`, `pornography7`, `children”,10`, `2016,13`);
1. after a comma, semicolon or colon and one space (`Slavery, 8`);
2. glued to an all-capital word (`UNODC3`), recorded as a decision;
3. between spaces after a word, before one of the layout's `spaced_reference`
   words (`child pornography 4 and the`), never after a word that counts or
   numbers things (`paragraph 4 and`, `the 17 Goals`), recorded as a decision.

A number inside a symbol (70/1), a decimal (8.7), a number before a letter
(53rd), a day before a month, a list or a range (`5, 6 and 7`) is never one.
A number that comes next in the sequence, glued or alone at a line end, but
has no definition is an error.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .base import Line, Reading
from .pages import Page

_DIGITS = re.compile(r"\d+")
CLOSERS = "”’\"')]"
_WORD_BEFORE = re.compile(r"([^\W\d_]+|[”’\"')\]])[ \t\n]{1,3}$")
_NEXT_TOKEN = re.compile(r"[ \t\n]{1,3}([^\W\d_]+|[,;.:])")


def _words_before(flat: str, position: int, count: int) -> list[str]:
    """The last `count` words before `position` (what a footnote reference stands after)."""
    return re.findall(r"[^\W\d_]+", flat[max(0, position - 12 * count):position])[-count:]


def _contains(words: list[str], run: list[str]) -> bool:
    return len(run) > 0 and any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


@dataclass
class Note:
    number: int
    line: int
    page: int
    pieces: list[Line]


def definitions(reading: Reading, pages: list[Page]) -> list[Note]:
    """Read the footnote definitions below each page's rule, checking their sequence.

    A line that does not open with a number continues the definition above
    it, or, right below the rule, the last definition of the page before;
    after a blank line it is an error.
    """
    notes: list[Note] = []
    defined: dict[int, int] = {}
    for index, page in enumerate(pages):
        before = "rule"
        for line in page.notes:
            if not line.text:
                before = "blank" if before != "rule" else "rule"
                continue
            m = reading.layout.footnote_definition.match(line.text)
            expected = notes[-1].number + 1 if notes else 1
            if m and (int(m.group("number")) == expected or before != "line"):
                number = int(m.group("number"))
                if number in defined:
                    raise reading.error(line.number, f"footnote {number} is defined twice (first at text line {defined[number]})")
                if number != expected:
                    gap = f"the footnote definitions go from {expected - 1} to {number}" if expected > 1 else (
                        f"the first footnote definition is {number}")
                    raise reading.error(line.number, f"footnote {expected} is never defined: {gap}")
                defined[number] = line.number
                notes.append(Note(number, line.number, index, [Line(line.number, m.group("text"), index)]))
            elif notes and (before == "line" or (before == "rule" and notes[-1].page < index)):
                if before == "rule":
                    reading.decide(line.number, f"footnote {notes[-1].number} continues at the foot of the next page")
                notes[-1].pieces.append(line)
            else:
                raise reading.error(line.number, f"text below the footnote rule that is not a footnote definition: {line.text[:60]!r}")
            before = "line"
    return notes


class Marks:
    """The search for each footnote's reference in the body text."""

    def __init__(self, reading: Reading, body: list[Line]):
        self.reading = reading
        self.body = body
        self.flat = "\n".join(line.text for line in body)
        self.starts: list[int] = []
        offset = 0
        for line in body:
            self.starts.append(offset)
            offset += len(line.text) + 1

    def line_at(self, offset: int) -> Line:
        return self.body[bisect_right(self.starts, offset) - 1]

    def find(self, notes: list[Note]) -> None:
        """Find each footnote's reference in the body; store it on its line."""
        flat, body, starts = self.flat, self.body, self.starts
        page_end: list[int] = []  # page_end[p]: where the body of page p (and of the pages before) ends
        for line, start in zip(body, starts):
            page_end.extend([page_end[-1] if page_end else -1] * (line.page + 1 - len(page_end)))
            page_end[line.page] = start + len(line.text)
        candidates: dict[int, list[tuple[int, int, int]]] = {}
        for m in _DIGITS.finditer(flat):
            rank = self.rank(m.start(), m.end())
            if rank is not None:
                candidates.setdefault(int(m.group()), []).append((m.start(), m.end(), rank))
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
            line = self.line_at(start)
            if rank == 2:
                self.reading.decide(line.number, f"took the {note.number} after an all-capital word as footnote {note.number}'s reference")
            elif rank == 3:
                word = _WORD_BEFORE.search(flat[max(0, start - 40):start]).group(1)
                self.reading.decide(line.number, f"took the {note.number} standing between spaces after {word!r} "
                                                 f"as footnote {note.number}'s reference")
            chosen.append((start, end, note.number))
            previous = start
        self.check_undefined(candidates, chosen, {n.number for n in notes})
        chosen += self.repeats(candidates, chosen)
        for start, end, number in chosen:
            index = bisect_right(starts, start) - 1
            body[index].marks.append((start - starts[index], end - starts[index], number))

    def repeats(self, candidates: dict, chosen: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
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

    def rank(self, start: int, end: int) -> int | None:
        """How strongly the digits flat[start:end] look like a footnote reference (see the module's note)."""
        flat, layout = self.flat, self.reading.layout
        if end - start > 3:
            return None
        after = flat[end:end + 2]
        if after[:1] == "/" or after[:1].isalpha() or (after[:1] in ".,:-–" and after[1:2].isdigit()):
            return None
        prev = flat[start - 1] if start else "\n"
        if prev == "\n" and after[:1] == ".":
            return None  # an operative paragraph's number
        if prev.isalpha():
            word = re.search(r"[^\W\d_]+$", flat[max(0, start - 40):start]).group()
            return 2 if word.isupper() else 0
        if prev in CLOSERS:
            return 0
        before = flat[start - 2] if start >= 2 else "\n"
        if prev in ",;:.":
            if before.isalpha() or before in CLOSERS:
                return 0
            if before.isdigit() and prev in ",;" and end - start < 3:
                return 0  # a year: "held in New York on 19 September 2016,13"
            return None
        if prev in " \n" and before in ",;:" and start >= 3 and not flat[start - 3].isspace():
            rest = flat[end:end + 40]
            if re.match(r"\s*(?:,|and\b|or\b|to\b|-|–)\s*\d", rest):
                return None  # a list or a range: "paragraphs 5, 6 and 7"
            if (w := re.match(r"\s+([A-Z][a-z]+)", rest)) and w.group(1) in layout.months:
                return None  # a day: "on 11, 12 March"
            window = flat[max(0, start - 7):start - 2]  # enough to see a token of up to four characters
            token = window.split()[-1] if window.split() else ""
            if token.isdigit() and len(token) <= 3 and len(token) < len(window):
                return None  # a list of small numbers
            return 1
        if prev in " \n" and (word := _WORD_BEFORE.search(flat[max(0, start - 40):start])):
            follow = _NEXT_TOKEN.match(flat, end)
            if (follow and follow.group(1) in layout.spaced_before
                    and word.group(1) not in layout.spaced_not_after and word.group(1).lower() not in layout.spaced_not_after):
                return 3
        return None

    def check_undefined(self, candidates: dict, chosen: list[tuple[int, int, int]], defined: set[int]) -> None:
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
