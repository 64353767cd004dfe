"""Paragraphs and items: the body's blocks grouped on numbering, labels and leads.

Paragraphs are separated by blank lines; a page break is not a paragraph
break unless the next block opens a new paragraph: a number (`1.`), an item
label (`(e)`, `(iv)`, `(aa)`, often alone on its line), or, after a block that
ended a clause, a preambular lead phrase (see `leads`: one the lexicon lists,
or one guessed from its form and recorded as a decision).  Where the
extraction lost the blank line, a line that opens with a number, a label or a
listed lead after a line that ended a clause opens a block of its own
(recorded as a decision).  A resolution that
opens without the comma ("The General Assembly") has no preamble and one
unnumbered operative paragraph.  Headings, tables, decimal items and annexes
are refused (see `unsupported`).  The closing formula ("53rd plenary meeting"
and the date) is not part of the last paragraph; a text whose last paragraph
does not end a sentence has been cut short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ...model.document import paragraph_id
from ..items import ItemPlacer, is_label
from .base import Line, Reading, iso_date, squash
from .leads import guessed_lead, preambular_lead
from .unsupported import opens_capitalised, refuse_annex, refuse_decimal_item, refuse_unended_recital, refuse_unnumbered

_OPERATIVE = re.compile(r"^(\d{1,3})\.(?:\s+(\S.*))?$")
_BARE_NUMBER = re.compile(r"^(\d{1,3})()$")
_ITEM = re.compile(r"^\(([a-z]{1,5})\)(?:\s+(\S.*))?$")


@dataclass
class Block:
    lines: list[Line]
    after: str  # what separates it from the block before: "start", "blank", "page" or "line" (nothing)


@dataclass
class Piece:
    line: int
    lines: list[Line]
    path: list[str] = field(default_factory=list)  # an item's labels from the outermost list: ["b", "ii"]


@dataclass
class Para:
    kind: str
    number: int
    line: int
    head: Piece
    items: list[Piece] = field(default_factory=list)
    lead: str | None = None
    placer: ItemPlacer = field(default_factory=ItemPlacer)

    @property
    def id(self) -> str:
        return paragraph_id(self.kind, self.number)  # type: ignore[arg-type]

    @property
    def current(self) -> Piece:
        return self.items[-1] if self.items else self.head

    @property
    def current_id(self) -> str:
        return item_id(self.id, self.items[-1].path) if self.items else self.id


@dataclass
class Closing:
    """The closing formula after the last paragraph: the meeting and its date."""

    meeting: str
    date: str | None
    line: int


def item_id(pid: str, path: list[str]) -> str:
    """op-5 and ["b", "ii"] -> op-5-b-ii."""
    return "-".join([pid, *path])


def marker_only(text: str) -> bool:
    return bool(re.match(r"^(?:\d{1,3}\.|\([a-z]{1,5}\))$", text))


def blocks(body: list[Line], opens: Callable[[Line, Line], bool]) -> list[Block]:
    """Split the body at blank lines, page breaks and marker-only lines, and at a line that `opens`
    a paragraph or item after the line before it (where the extraction lost the blank line)."""
    out: list[Block] = []
    gap = "start"
    last_page = body[0].page if body else 0
    for line in body:
        if line.page != last_page:
            gap = "page"
            last_page = line.page
        if not line.text:
            if gap != "page" and out:
                gap = "blank"
            continue
        if gap or not out or marker_only(line.text):
            out.append(Block([line], gap or "blank"))
        elif opens(out[-1].lines[-1], line):
            out.append(Block([line], "line"))
        else:
            out[-1].lines.append(line)
        gap = ""
    return out


class Structure:
    """Groups the blocks of one text into paragraphs and items."""

    def __init__(self, reading: Reading, single: bool = False):
        self.reading = reading
        self.single = single  # the text opened without the comma: one unnumbered operative paragraph
        self.paras: list[Para] = []
        self.operative_seen: dict[int, int] = {}
        self.closing: Closing | None = None

    def opens(self, before: Line, line: Line) -> bool:
        """Whether `line` opens a paragraph or an item although no blank line stands before it: the line
        before ended a clause, and it opens with a number, a label or a lead phrase the lexicon lists."""
        if not clean_text(before).endswith(self.reading.lang.terminators):
            return False
        numbered = (m := _OPERATIVE.match(line.text)) and m.group(2)
        labelled = (m := _ITEM.match(line.text)) and is_label(m.group(1)) and m.group(2)
        return bool(numbered or labelled or preambular_lead(self.reading, line.text))

    def read(self, blocks: list[Block], last_line: int) -> tuple[list[Para], Closing | None]:
        layout = self.reading.layout
        for block in blocks:
            first = block.lines[0]
            if block.after == "line":
                self.reading.decide(first.number, "took this line as opening a paragraph or item, although no blank "
                                                  "line stands before it: the line before ended a clause")
            if self.closing is not None:
                self._after_closing(block)
            elif (m := layout.closing.match(first.text)) and self.paras:
                self.closing = Closing(m.group("meeting"), None, first.number)
                self.reading.decide(first.number, f"the closing formula {first.text!r} is not part of {self.paras[-1].id}")
                if len(block.lines) > 1:
                    self._after_closing(Block(block.lines[1:], "blank"))
            elif m := _OPERATIVE.match(first.text):
                self.paras.append(self._operative(block, m))
            elif m := self._bare_number(block):
                self.reading.decide(first.number, f"took the line {first.text!r} as operative paragraph {m.group(1)}'s "
                                                  "number, although it has no full stop: it is the number due")
                self.paras.append(self._operative(block, m))
            elif (m := _ITEM.match(first.text)) and is_label(m.group(1)):
                self._item(block, m)
            else:
                refuse_decimal_item(self.reading, first)
                self._unnumbered(block)
        if not self.operative_seen:
            last = self.paras[-1].line if self.paras else last_line
            raise self.reading.error(last, "no operative paragraphs (numbered 1., 2., ...) found")
        self._check_complete()
        return self.paras, self.closing

    def _bare_number(self, block: Block) -> re.Match | None:
        """A line that is only the next operative number without its full stop ("26"), after an operative
        paragraph that ended, before a capitalised verb: the source lost the stop."""
        m = _BARE_NUMBER.match(block.lines[0].text)
        if not m or not self.operative_seen or int(m.group(1)) != len(self.operative_seen) + 1 or len(block.lines) < 2:
            return None
        last = self.paras[-1]
        if last.kind != "operative" or not last_text(last.current).endswith((";", ".")) or not block.lines[1].text[:1].isupper():
            return None
        return m

    def _check_complete(self) -> None:
        """Each preambular paragraph ends a clause, and the last paragraph a sentence (else the text was cut short)."""
        for para in self.paras:
            if para.kind == "preambular":
                piece = para.current
                line = piece.lines[-1].number if piece.lines else piece.line
                refuse_unended_recital(self.reading, para.current_id, last_text(piece), line)
        last = self.paras[-1]
        piece = last.current
        text = last_text(piece).rstrip("”’\"')] ")
        if not text.endswith("."):
            line = piece.lines[-1].number if piece.lines else piece.line
            raise self.reading.error(line, f"the text ends in the middle of {last.current_id}, without a full stop: "
                                           "is the file cut short?")

    def _after_closing(self, block: Block) -> None:
        """Only the date may follow the closing formula."""
        first = block.lines[0]
        date = iso_date(squash(first.text))
        assert self.closing is not None
        refuse_annex(self.reading, first, self.closing.line)
        if len(block.lines) > 1 or date is None or self.closing.date is not None:
            raise self.reading.error(first.number, f"text after the closing formula (text line {self.closing.line}): {first.text[:60]!r}")
        self.closing.date = date

    def _operative(self, block: Block, m: re.Match) -> Para:
        first = block.lines[0]
        number = int(m.group(1))
        seen = self.operative_seen
        expected = len(seen) + 1
        if self.single:
            raise self.reading.error(first.number, f"a numbered paragraph ({number}.) in a resolution that opens "
                                                   f"{self.reading.layout.single_opening!r}, without the comma, "
                                                   "and so has one unnumbered operative paragraph")
        if number in seen:
            raise self.reading.error(first.number, f"duplicate operative paragraph number {number} (first at text line {seen[number]})")
        if number != expected:
            raise self.reading.error(first.number, f"operative paragraph {expected} is missing: the numbering goes from {expected - 1} to {number}")
        seen[number] = first.number
        lines = rest(first, m.start(2) if m.group(2) else None) + block.lines[1:]
        return Para("operative", number, first.number, Piece(first.number, lines))

    def _item(self, block: Block, m: re.Match) -> None:
        first = block.lines[0]
        label = m.group(1)
        if not self.paras:
            raise self.reading.error(first.number, f"item ({label}) before any paragraph")
        para = self.paras[-1]
        path = para.placer.place(label)
        if path is None:
            raise self.reading.error(first.number, f"item ({label}) where item ({para.placer.expected()}) was expected in {item_id(para.id, para.placer.owner())}")
        if para.placer.moved:
            moved = para.items[-1]
            self.reading.decide(moved.line, f"took item (i) of {para.id} as the first of a list inside item (h), "
                                             "because item (ii) follows it")
        lines = rest(first, m.start(2) if m.group(2) else None) + block.lines[1:]
        para.items.append(Piece(first.number, lines, path=path))

    def _unnumbered(self, block: Block) -> None:
        """A block without a number or label opens a preambular paragraph or continues one.

        It opens one where the block before ended a clause and it opens with a
        lead phrase; otherwise it continues the paragraph or item before,
        across the page break or blank line.  After operative text that ended
        a sentence, a capitalised block is no continuation and is refused.
        """
        paras, reading = self.paras, self.reading
        first = block.lines[0]
        text = squash(" ".join(line.text for line in block.lines[:2]))
        if not paras:
            self._first(block, text)
            return
        para = paras[-1]
        ending = last_text(para.current)
        if para.kind == "operative" and ending.endswith(reading.layout.sentence_ends) and opens_capitalised(text):
            refuse_unnumbered(reading, para.current_id, ending[-1], block.lines)
        ended = ending.endswith(reading.lang.terminators)
        if para.kind == "preambular" and ended:
            lead = preambular_lead(reading, text) or guessed_lead(reading, text, block.after, first.number)
            if lead is not None:
                paras.append(Para("preambular", para.number + 1, first.number, Piece(first.number, list(block.lines)), lead=lead))
                return
        if ended:
            why = "the paragraphs are numbered" if para.kind == "operative" else "it does not open with a known lead phrase"
            reading.decide(first.number, f"joined to {para.current_id} although that ended a clause, because {why}")
        para.current.lines.extend(block.lines)

    def _first(self, block: Block, text: str) -> None:
        """The first paragraph: a preambular one with its lead, or the one unnumbered operative paragraph."""
        first = block.lines[0]
        piece = Piece(first.number, list(block.lines))
        if self.single:
            if lead := preambular_lead(self.reading, text):
                raise self.reading.error(first.number, f"the opening {self.reading.layout.single_opening!r} has no comma, "
                                                       f"so one unnumbered operative paragraph should follow, "
                                                       f"but a preambular paragraph ({lead!r}) does")
            self.operative_seen[1] = first.number
            self.paras.append(Para("operative", 1, first.number, piece))
            return
        lead = preambular_lead(self.reading, text) or guessed_lead(self.reading, text, block.after, first.number)
        if lead is None:
            raise self.reading.error(first.number, "the first paragraph does not open with a known lead phrase (see content/languages/)")
        self.paras.append(Para("preambular", 1, first.number, piece, lead=lead))


def rest(line: Line, start: int | None) -> list[Line]:
    """The part of a marker line after its marker, if any, keeping its marks."""
    if start is None:
        return []
    marks = [(s - start, e - start, n) for s, e, n in line.marks if s >= start]
    return [Line(line.number, line.text[start:], line.page, marks)]


def clean_text(line: Line) -> str:
    """A line without its footnote references (only the references: the words after them stay)."""
    text = line.text
    for start, end, _ in sorted(line.marks, reverse=True):
        text = text[:start] + text[end:]
    return text.rstrip()


def last_text(piece: Piece) -> str:
    """A passage's last line without its footnote references."""
    return clean_text(piece.lines[-1]) if piece.lines else ""
