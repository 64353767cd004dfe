"""Passages: the lines of a paragraph, item or footnote joined into one text,
with the offsets of its footnote references.

A hyphen at a line end (`front-` / `line`) is kept, and the halves are joined
without a space, unless the text elsewhere writes the two halves closed up
as one word and never hyphenated (`imple-` / `mentation`): UN documents are
typeset without word division, so a line-end hyphen is normally a real one
(`Secretary-General`, `evidence-based`).  Before "and"/"or" it is a
suspended hyphen (`gender- and age-sensitive`) and the space stays.  Every
join is recorded in the reading's decisions.
"""

from __future__ import annotations

import re

from ...model.document import Footnote, NoteRef, OperativeParagraph, Paragraph, Passage, PreambularParagraph, SubParagraph
from .base import Line, Reading, squash
from .footnotes import Note
from .leads import operative_lead, preambular_lead
from .structure import Para, item_id

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

Homes = dict[int, tuple[str, int]]  # footnote number -> (the passage id whose text references it, its line)


class Vocabulary:
    """The words of a text, for deciding what a hyphen at a line end is."""

    def __init__(self, lines: list[Line]):
        self.words: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        for line in lines:
            for token in _WORD.findall(line.text.lower()):
                parts = token.split("-")
                self.words.update(parts)
                self.pairs.update(zip(parts, parts[1:]))

    def closed(self, head: str, tail: str) -> bool:
        return (head + tail).lower() in self.words

    def hyphenated(self, head: str, tail: str) -> bool:
        return (head.lower(), tail.lower()) in self.pairs


class Passages:
    """Builds the model's paragraphs and footnotes from the grouped lines."""

    def __init__(self, reading: Reading, vocabulary: Vocabulary):
        self.reading = reading
        self.vocabulary = vocabulary

    def passage(self, lines: list[Line], owner: str, homes: Homes | None) -> Passage:
        text = ""
        notes: list[NoteRef] = []
        previous: Line | None = None
        for line in lines:
            clean, local = clean_line(line)
            if not clean:
                continue
            if not text:
                base = 0
                text = clean
            elif text.endswith("-") and previous is not None:
                text, base = self.mend(text, clean, previous)
            else:
                text += " "
                base = len(text)
                text += clean
            for offset, number in local:
                notes.append(NoteRef(base + offset, number))
                if homes is not None:
                    homes.setdefault(number, (owner, line.number))
            previous = line
        return Passage(text, notes)

    def mend(self, text: str, clean: str, previous: Line) -> tuple[str, int]:
        """Join a line to a text that ends with a hyphen; return (text, offset of the line)."""
        layout, vocabulary, reading = self.reading.layout, self.vocabulary, self.reading
        head = re.search(r"([^\W\d_]*)-$", text[-80:]).group(1)
        tail_match = re.match(r"[^\W\d_]+", clean)
        tail = tail_match.group() if tail_match else ""
        if tail.lower() in layout.suspended_before or not head or not tail:
            if head and tail:
                reading.decide(previous.number, f"kept {head}- {tail} apart: a suspended hyphen before {tail!r}")
            joined = text + " "
            return joined + clean, len(joined)
        if vocabulary.closed(head, tail) and not vocabulary.hyphenated(head, tail):
            reading.decide(previous.number, f"joined {head}-/{tail} as {head + tail!r}: the text writes it closed up elsewhere")
            return text[:-1] + clean, len(text) - 1
        why = "the text writes it so elsewhere" if vocabulary.hyphenated(head, tail) else (
            f"the text never writes {head + tail!r}, and UN documents are set without word division")
        reading.decide(previous.number, f"kept the hyphen in {head}-{tail} at a line break: {why}")
        return text + clean, len(text)

    def paragraphs(self, paras: list[Para]) -> tuple[list[Paragraph], Homes]:
        homes: Homes = {}
        out: list[Paragraph] = []
        for para in paras:
            pid = para.id
            body = self.passage(para.head.lines, pid, homes)
            if not body.text:
                raise self.reading.error(para.line, f"{pid} is empty")
            if para.kind == "operative":
                lead = operative_lead(self.reading, body.text, pid, para.line)
                cls: type[Paragraph] = OperativeParagraph
            else:
                lead = para.lead if para.lead and body.text.startswith(para.lead) else (preambular_lead(self.reading, body.text) or "")
                cls = PreambularParagraph
            paragraph = cls(id=pid, number=para.number, lead=lead, body=body, line=para.line)
            for item in para.items:
                sid = item_id(pid, item.path)
                sub = self.passage(item.lines, sid, homes)
                if not sub.text:
                    raise self.reading.error(item.line, f"item ({item.path[-1]}) of {pid} is empty")
                parent = item_id(pid, item.path[:-1]) if len(item.path) > 1 else None
                paragraph.subparagraphs.append(SubParagraph(sid, item.path[-1], sub, item.line, parent=parent))
            out.append(paragraph)
        return out, homes

    def footnotes(self, notes: list[Note], homes: Homes) -> list[Footnote]:
        footnotes: list[Footnote] = []
        for note in notes:
            if note.number not in homes:
                raise self.reading.error(note.line, f"footnote {note.number} is defined but its reference is not in any paragraph")
            body = self.passage(note.pieces, f"fn-{note.number}", None)
            footnotes.append(Footnote(note.number, body, homes[note.number][0], note.line))
        return footnotes


def clean_line(line: Line) -> tuple[str, list[tuple[int, int]]]:
    """One line without its footnote references, spaces squashed; (text, [(offset, number)])."""
    out = ""
    notes: list[tuple[int, int]] = []
    pos = 0
    marks = sorted(line.marks)
    for k, (start, end, number) in enumerate(marks):
        between = line.text[pos:start]
        if k and marks[k - 1][1] == pos and between.strip() == ",":
            between = ""  # the comma between two references ("Ukraine,7,8") goes with them
        out += squash(between)
        out = out.rstrip()
        notes.append((len(out), number))
        pos = end
    out += squash(line.text[pos:])
    out = out.strip()
    return out, [(min(o, len(out)), n) for o, n in notes]
