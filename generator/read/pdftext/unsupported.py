"""Layouts the reader refuses, each with the line and the reason.

Some resolutions hold more than paragraphs and items: headings between
operative paragraphs (the sections of a financing resolution), tables (a scale
of assessments), items numbered 1.1, 1.2 ..., or an annex after the closing
formula.  Reading them as paragraph text would give a structure that looks
right and is not, so they are refused; the layout's `unsupported` patterns
(content/pdftext.<code>.yml) say what each looks like.
"""

from __future__ import annotations

from .base import Line, Reading, squash

QUOTES = "“‘\"'"


def opens_capitalised(text: str) -> bool:
    return text.lstrip(QUOTES)[:1].isupper()


def refuse_decimal_item(reading: Reading, first: Line) -> None:
    """Items numbered 1.1, 1.2 ... under a paragraph."""
    if m := reading.layout.unsupported.decimal_item.match(first.text):
        raise reading.error(first.number, f"an item numbered {m.group(0).strip()!r}: decimal-numbered items are not supported")


def refuse_unnumbered(reading: Reading, owner: str, ended: str, lines: list[Line]) -> None:
    """A capitalised block without a number or label after operative text that ended with `ended`
    (a sentence or a lead-in): a table, a heading, or text the reader cannot place."""
    first = lines[0]
    text = squash(" ".join(line.text for line in lines))
    shown = text[:60]
    unsupported = reading.layout.unsupported
    if any(unsupported.table_cell.match(line.text) for line in lines):
        raise reading.error(first.number, f"a table after {owner} ({shown!r}): tables are not supported")
    if ended == ":":
        raise reading.error(first.number, f"unnumbered text after {owner}, which ends with a colon ({shown!r}): "
                                          "text set out in full (a declaration, a quotation), which the reader "
                                          "does not support")
    if not text.endswith(reading.lang.terminators):
        raise reading.error(first.number, f"an unnumbered heading between operative paragraphs ({shown!r}): "
                                          "sections are not supported")
    raise reading.error(first.number, f"an unnumbered block after {owner}, which ended a sentence ({shown!r}): "
                                      "neither a numbered paragraph nor an item")


def refuse_annex(reading: Reading, first: Line, closing_line: int) -> None:
    """An annex after the closing formula."""
    if reading.layout.unsupported.annex.match(squash(first.text)):
        raise reading.error(first.number, f"an annex after the closing formula (text line {closing_line}): "
                                          "annexes are not supported")


def refuse_unended_recital(reading: Reading, pid: str, text: str, line: int) -> None:
    """A preambular paragraph ends a clause (a comma, mostly); one that does not has taken in a heading
    (between the preamble's paragraphs, or before the operative part) or a title set on its own."""
    if not text.rstrip("”’\"')] ").endswith(reading.lang.terminators):
        raise reading.error(line, f"{pid} ends without punctuation ({text[-50:]!r}): a heading in the preamble or "
                                  "before the operative part? Sections are not supported")
