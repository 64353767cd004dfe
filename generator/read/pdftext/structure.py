"""Paragraphs and items: the body's blocks grouped on numbering, labels and leads.

Paragraphs are separated by blank lines; a page break is not a paragraph
break unless the next block opens a new paragraph: a number (`1.`), an item
label (`(e)`, `(iv)`, often alone on its line), or, after a block that ended
a clause, a preambular lead phrase from content/languages/<code>.yml (after a
blank line on the same page, also a capitalised participle the lexicon lacks,
recorded as a decision).  Operative leads are the adverbs and the verb ("Also
recalls") or a listed phrase ("Calls upon").  The closing formula ("53rd
plenary meeting" and the date) is not part of the last paragraph; a text
whose last paragraph does not end a sentence has been cut short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model.document import paragraph_id
from ..items import ItemPlacer, is_label
from .base import Line, Reading, iso_date, squash

_OPERATIVE = re.compile(r"^(\d{1,3})\.(?:\s+(\S.*))?$")
_ITEM = re.compile(r"^\(([a-z]{1,5})\)(?:\s+(\S.*))?$")
# What opens a preambular paragraph the lexicon does not know: a capitalised word, the
# adverbs before a participle or adjective ("Seriously concerned"), then "also"/"further".
_GUESSED_LEAD = re.compile(r"(?:[A-Z][a-z]+ly (?:[a-z]+ly )*[a-z]+|[A-Z][a-z]+)(?: (?:also|further))?(?=[ ,]|$)")


@dataclass
class Block:
    lines: list[Line]
    after: str  # what separates it from the block before: "start", "blank" or "page"


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


def blocks(body: list[Line]) -> list[Block]:
    """Split the body at blank lines, page breaks and marker-only lines."""
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
        else:
            out[-1].lines.append(line)
        gap = ""
    return out


class Structure:
    """Groups the blocks of one text into paragraphs and items."""

    def __init__(self, reading: Reading):
        self.reading = reading
        self.paras: list[Para] = []
        self.operative_seen: dict[int, int] = {}
        self.closing: Closing | None = None

    def read(self, blocks: list[Block], last_line: int) -> tuple[list[Para], Closing | None]:
        layout = self.reading.layout
        for block in blocks:
            first = block.lines[0]
            if self.closing is not None:
                self._after_closing(block)
            elif (m := layout.closing.match(first.text)) and self.paras:
                self.closing = Closing(m.group("meeting"), None, first.number)
                self.reading.decide(first.number, f"the closing formula {first.text!r} is not part of {self.paras[-1].id}")
                if len(block.lines) > 1:
                    self._after_closing(Block(block.lines[1:], "blank"))
            elif m := _OPERATIVE.match(first.text):
                self.paras.append(self._operative(block, m))
            elif (m := _ITEM.match(first.text)) and is_label(m.group(1)):
                self._item(block, m)
            else:
                self._preambular_or_continuation(block)
        if not self.operative_seen:
            last = self.paras[-1].line if self.paras else last_line
            raise self.reading.error(last, "no operative paragraphs (numbered 1., 2., ...) found")
        self._check_complete()
        return self.paras, self.closing

    def _check_complete(self) -> None:
        """The last paragraph ends a sentence; otherwise the text was cut short."""
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
        if len(block.lines) > 1 or date is None or self.closing.date is not None:
            raise self.reading.error(first.number, f"text after the closing formula (text line {self.closing.line}): {first.text[:60]!r}")
        self.closing.date = date

    def _operative(self, block: Block, m: re.Match) -> Para:
        first = block.lines[0]
        number = int(m.group(1))
        seen = self.operative_seen
        expected = len(seen) + 1
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

    def _preambular_or_continuation(self, block: Block) -> None:
        """A block without a number or label opens a preambular paragraph or continues one.

        It opens one where the block before ended a clause and it opens with a
        lead phrase (from the lexicon, or, after a blank line on the same page,
        a capitalised participle); otherwise it continues the paragraph or item
        before, across the page break or blank line.
        """
        paras, reading = self.paras, self.reading
        first = block.lines[0]
        text = squash(" ".join(line.text for line in block.lines[:2]))
        lead = preambular_lead(reading, text)
        if not paras:
            lead = lead or self._guessed_lead(text, first.number)
            if lead is None:
                raise reading.error(first.number, "the first paragraph does not open with a known lead phrase (see content/languages/)")
            paras.append(Para("preambular", 1, first.number, Piece(first.number, list(block.lines)), lead=lead))
            return
        para = paras[-1]
        ended = terminated(para.current, reading.lang.terminators)
        if para.kind == "preambular" and ended:
            if lead is None and block.after == "blank":
                lead = self._guessed_lead(text, first.number)
            if lead is not None:
                paras.append(Para("preambular", para.number + 1, first.number, Piece(first.number, list(block.lines)), lead=lead))
                return
        if ended:
            why = "the paragraphs are numbered" if para.kind == "operative" else "it does not open with a known lead phrase"
            reading.decide(first.number, f"joined to {para.current_id} although that ended a clause, because {why}")
        para.current.lines.extend(block.lines)

    def _guessed_lead(self, text: str, line: int) -> str | None:
        """The opening phrase of a paragraph whose lead the lexicon lacks, after a blank line:
        a capitalised participle ("Deploring"), or adverbs and a participle or adjective
        ("Seriously concerned", "Deeply alarmed"), with "also"/"further"; else its first word."""
        m = _GUESSED_LEAD.match(text)
        if not m:
            return None
        lead = m.group(0)
        self.reading.decide(line, f"took {lead!r} as a preambular lead phrase, although the lexicon does not list it")
        return lead


def rest(line: Line, start: int | None) -> list[Line]:
    """The part of a marker line after its marker, if any, keeping its marks."""
    if start is None:
        return []
    marks = [(s - start, e - start, n) for s, e, n in line.marks if s >= start]
    return [Line(line.number, line.text[start:], line.page, marks)]


def last_text(piece: Piece) -> str:
    """A passage's last line without its footnote references (only the references: the words after them stay)."""
    if not piece.lines:
        return ""
    last = piece.lines[-1]
    text = last.text
    for start, end, _ in sorted(last.marks, reverse=True):
        text = text[:start] + text[end:]
    return text.rstrip()


def terminated(piece: Piece, terminators: tuple[str, ...]) -> bool:
    """Whether a passage's last line ends with one of `terminators`, its footnote references aside."""
    return last_text(piece).endswith(terminators)


def preambular_lead(reading: Reading, text: str) -> str | None:
    for lead in reading.lang.leads:
        if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
            return lead
    return None


def operative_lead(reading: Reading, text: str, pid: str, line: int) -> str:
    """The opening phrase of an operative paragraph: its adverbs and verb, or a listed phrase."""
    layout = reading.layout
    remaining, lead = text, ""
    while True:
        adverb = next((a for a in layout.adverbs if remaining.startswith(a + " ")), None)
        if adverb is None:
            break
        lead += adverb + " "
        remaining = remaining[len(adverb) + 1:]
    if lead:
        remaining = remaining[:1].upper() + remaining[1:]
    phrase = next((p for p in layout.phrases if remaining.startswith(p) and (len(remaining) == len(p) or not remaining[len(p)].isalnum())), None)
    if phrase is None:
        m = re.match(r"[A-Z][a-z]+\b", remaining)
        if not m:
            reading.decide(line, f"{pid} does not open with a capitalised verb; no lead phrase")
            return ""
        phrase = m.group()
    return text[: len(lead) + len(phrase)]
