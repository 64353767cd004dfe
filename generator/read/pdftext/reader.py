"""The reader: one pass from the `text` field to a Resolution.

heading -> pages (furniture dropped, page feet apart) -> footnote
definitions -> footnote references (marks, at candidates) -> blocks ->
paragraphs and items -> passages -> cited documents.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...knowledge.lexicon import Lexicon
from ...model.document import Resolution
from ..cite import find_references
from .base import Line, Reading, TextFieldError, decision_line, squash
from .footnotes import definitions
from .heading import Heading
from .layout import layout_codes, load_layout
from .marks import Marks
from .pages import split_pages
from .passages import Passages, Vocabulary
from .structure import Closing, Structure, blocks


def _opening(lines: list[Line], lexicon: Lexicon, name: str) -> tuple[int, str, bool]:
    """The opening line's index, its language, and whether it is the layout's opening without the comma
    (a resolution of one unnumbered operative paragraph)."""
    singles = {load_layout(code).single_opening: code for code in layout_codes() if code in lexicon.languages}
    for index, line in enumerate(lines):
        text = squash(line.text).strip()
        for lang in lexicon.languages.values():
            if text == lang.opening:
                return index, lang.code, False
        if text in singles:
            return index, singles[text], True
    openings = " or ".join(repr(lang.opening) for lang in lexicon.languages.values())
    raise TextFieldError(name, 1, f"no opening line ({openings}) found: is this a General Assembly resolution?")


def read_text_field(text: str, name: str, lexicon: Lexicon, metadata: dict, file_symbol: str | None = None) -> Resolution:
    """Read the (decoded, checked) `text` field of a record into a Resolution."""
    lines = [Line(i + 1, t.strip()) for i, t in enumerate(text.split("\n"))]
    opening, code, single = _opening(lines, lexicon, name)
    reading = Reading(name, lexicon, metadata, lexicon.languages[code], load_layout(code))
    heading = Heading(reading, file_symbol)
    document = heading.read(lines[:opening])
    pages = split_pages(reading, lines[opening + 1:], document)
    notes = definitions(reading, pages)
    body = [line for page in pages for line in page.body]
    Marks(reading, body).find(notes)
    structure = Structure(reading, single)
    paras, closing = structure.read(blocks(body, structure.opens), lines[-1].number if lines else 1)
    if closing is not None:
        _closing(reading, heading, document, closing)
    passages = Passages(reading, Vocabulary(body + [line for page in pages for line in page.notes]))
    paragraphs, homes = passages.paragraphs(paras)
    footnotes = passages.footnotes(notes, homes)
    references = find_references(paragraphs, footnotes, reading.lang, lexicon, document.organ)
    return Resolution(
        document=document,
        sponsors=[],
        paragraphs=paragraphs,
        footnotes=footnotes,
        references=references,
        decisions=sorted(reading.decisions, key=decision_line),
        source_name=Path(name).name,
    )


def _closing(reading: Reading, heading: Heading, document, closing: Closing) -> None:
    """The meeting and date of the closing lines: they agree with the heading and the metadata."""
    heading.agrees("meeting", closing.meeting, closing.line)
    adoption = document.adoption
    if closing.date is not None:
        heading.agrees("date", closing.date, closing.line)
        if adoption is not None and adoption.date and adoption.date != closing.date:
            raise reading.error(closing.line, f"the closing lines date the meeting {closing.date}, "
                                              f"the heading the adoption {adoption.date}")
    if adoption is not None:
        document.adoption = replace(adoption, meeting=closing.meeting)
