"""Page furniture and page feet.

A page-number, job-number or barcode line anchors a block of furniture; the
document's symbol, its title (on one line, or wrapped over several lines that
spell it between them) and any line that stands, word for word, beside
anchors at two or more places (a running head) go with it, with the blank
lines between.  Each such block is a page break.  Below a rule (`_____`)
stand the page's footnote definitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model.document import DocumentInfo
from .base import Line, Reading, squash
from .heading import is_anchor

_NEAR = 8  # how many lines from an anchor a running head may stand


@dataclass
class Page:
    body: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)


def split_pages(reading: Reading, lines: list[Line], document: DocumentInfo) -> list[Page]:
    """Drop the furniture blocks; split the rest into pages, each into body and notes."""
    heads = {t for t in (document.symbol, document.title) if t}
    anchors = [i for i, line in enumerate(lines) if is_anchor(reading, line.text)]
    heads |= running_heads(reading, lines, anchors)
    titled = title_lines(lines, anchors, document.title) if document.title else set()

    def furniture(i: int) -> bool:
        text = squash(lines[i].text)
        return not text or is_anchor(reading, text) or text in heads or i in titled

    dropped: set[int] = set()
    breaks: set[int] = set()
    for a in anchors:
        if a in dropped:
            continue
        lo = a
        while lo > 0 and furniture(lo - 1):
            lo -= 1
        hi = a
        while hi + 1 < len(lines) and furniture(hi + 1):
            hi += 1
        dropped.update(range(lo, hi + 1))
        breaks.add(hi + 1)
    pages = [Page()]
    in_notes = False
    for i, line in enumerate(lines):
        if i in breaks and (pages[-1].body or pages[-1].notes):
            pages.append(Page())
            in_notes = False
        if i in dropped:
            continue
        line.page = len(pages) - 1
        if reading.layout.footnote_rule.match(line.text):
            in_notes = True
        elif in_notes:
            pages[-1].notes.append(line)
        else:
            pages[-1].body.append(line)
    return pages


def title_lines(lines: list[Line], anchors: list[int], title: str) -> set[int]:
    """The lines near an anchor that spell the title between them: a running head wrapped over
    several lines, however its lines break."""
    letters = "".join(title.split())
    found: set[int] = set()
    for a in anchors:
        for start in range(max(0, a - _NEAR), min(len(lines), a + _NEAR)):
            spelt = ""
            for end in range(start, min(len(lines), start + _NEAR)):
                spelt += "".join(lines[end].text.split())
                if not lines[end].text or not letters.startswith(spelt):
                    break
                if spelt == letters:
                    found.update(range(start, end + 1))
    return found


def running_heads(reading: Reading, lines: list[Line], anchors: list[int]) -> set[str]:
    """Lines repeated, word for word, within three lines of an anchor: running heads."""
    seen: dict[str, set[int]] = {}
    for a in anchors:
        for i in range(max(0, a - 3), min(len(lines), a + 4)):
            text = squash(lines[i].text)
            if (not text or is_anchor(reading, text) or text[-1] in ".,;:" or text[0].isdigit()
                    or reading.layout.footnote_rule.match(text)):
                continue
            seen.setdefault(text, set()).add(i)
    return {t for t, places in seen.items() if len(places) >= 2}
