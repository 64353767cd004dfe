"""Footnote definitions at the page feet.

Below a rule at a page foot stand that page's footnote definitions, each
opening with its number, in sequence.  A line that does not open with the next
number continues the definition above it (or, right below the rule, the last
one of the page before).  Their references in the text are found by `marks`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Line, Reading
from .pages import Page


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
            if before == "rule" and not notes and reading.layout.document_note.match(line.text):
                reading.decide(line.number, f"the note {line.text[:60]!r} is about the document, not a footnote of its text")
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
