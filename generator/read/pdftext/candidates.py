"""Where a footnote reference may stand in the body text, and how strongly.

Footnote references are plain digits, so every run of digits is weighed by
what stands around it, best first:

0. glued to a word, a closing quote or bracket, or to punctuation after one
   (`Development,1`, `pornography7`, `children”,10`, `2016,13`);
1. after a comma, semicolon or colon and one space (`Slavery, 8`);
2. glued to an all-capital word (`UNODC3`);
3. between spaces after a word, a closing quote, a year or a symbol, before
   one of the layout's `spaced_reference` words or another word in lower case
   that the number does not count (`child pornography 4 and the`, `September
   2016 7 and`, `decision 1/CP.13 31 and`, `Human Rights 5 can`), never after a
   word that counts or numbers things (`paragraph 4 and`, `the 17 Goals`);
4. glued to a year that ends a date or a range of years, stands in a list of
   years or names an event (`17 December 20145`, `2014–20245`, `for 2015,
   20162 and 2017`, `the 19952 Review Conference`): the digits after the
   year's four;
5. glued to the number that ends a symbol, where that number would have more
   digits than a symbol's number has (`59/3009`, `1/CP.2126`): its last one or
   two digits.

Ranks 2 to 5 are taken only where nothing better stands in the footnote's
place (see `marks`), and each is recorded as a decision.  A number inside a
symbol (70/1, 1/CP.13, A/66/174/Add.1), a decimal (8.7), a number before a
letter (53rd), a day before a month, a list or a range (`5, 6 and 7`) is never
a reference.
"""

from __future__ import annotations

import re

from .layout import Layout

CLOSERS = "”’\"')]"
_DIGITS = re.compile(r"\d+")
_NEXT_TOKEN = re.compile(r"[ \t\n]{1,3}([^\W\d_]+|[,;.:])")
# A list or a range of small numbers ("5, 6 and 7", "13 to 15"), not a number that goes on as a symbol
# ("and 51/9") nor a year ("in its 2013 2 and 2015 reports").
_LIST_OR_RANGE = re.compile(r"\s*(?:,|and\b|or\b|to\b|-|–)\s*\d{1,3}(?![\d/])")
# Digits that go on after a comma as thousands do ("4,500"), not as a second reference ("Ukraine,4,5").
_THOUSANDS = re.compile(r",\d{3}(?!\d)")

Candidate = tuple[int, int, int]  # (start, end, rank) in the flat text


class Candidates:
    """The places where a footnote reference may stand in one flat text (lines joined by newlines)."""

    def __init__(self, flat: str, layout: Layout):
        self.flat = flat
        self.layout = layout
        year = layout.year.pattern
        symbol = r"[A-Za-z0-9.\-]+/[A-Za-z0-9./\-]*[A-Za-z0-9]"
        self.before_spaced = re.compile(rf"([^\W\d_]+|[{re.escape(CLOSERS)}]|(?<![\d/.]){year}|{symbol})[ \t\n]{{1,3}}$")
        self.dated = re.compile(rf"(?:([A-Z][a-z]+)\s+|{year}[–-])$")
        # "for 2015, 20162 and 2017", "the 20003 and 20104 Review": a list of years (the next one's mark glued too)
        self.year_list = re.compile(rf"\s*(?:,|and\b|or\b)\s*(?:the\s+)?{year}\d{{0,2}}\b")
        self.year_named = re.compile(r"\s+[A-Z][a-z]+")  # an event named by its year: "the 19952 Review Conference"

    def by_number(self) -> dict[int, list[Candidate]]:
        """Every candidate in the text, by the footnote number it would reference."""
        found: dict[int, list[Candidate]] = {}
        for m in _DIGITS.finditer(self.flat):
            rank = self.rank(m.start(), m.end())
            places = [(m.start(), m.end(), rank)] if rank is not None else self.glued(m.start(), m.end())
            for start, end, rank in places:
                found.setdefault(int(self.flat[start:end]), []).append((start, end, rank))
        return found

    def ends_cleanly(self, end: int) -> bool:
        """Whether digits ending at `end` end a token (not a symbol, a decimal or "53rd")."""
        after = self.flat[end:end + 2]
        if after[:1] == "," and after[1:2].isdigit():
            return not _THOUSANDS.match(self.flat, end)
        return not (after[:1] == "/" or after[:1].isalnum() or (after[:1] in ".:-–" and after[1:2].isdigit()))

    def rank(self, start: int, end: int) -> int | None:
        """How strongly the digits flat[start:end] look like a footnote reference (see the module's note)."""
        flat = self.flat
        if end - start > 3 or not self.ends_cleanly(end):
            return None
        prev = flat[start - 1] if start else "\n"
        if prev == "\n" and flat[end:end + 1] == ".":
            return None  # an operative paragraph's number
        if prev.isalpha():
            word = re.search(r"[^\W\d_]+$", flat[max(0, start - 40):start]).group()
            return 2 if word.isupper() else 0
        if prev in CLOSERS:
            return 0
        before = flat[start - 2] if start >= 2 else "\n"
        if prev == "." and "/" in self.token_before(start):
            return None  # the number of a symbol: "1/CP.13", "A/66/174/Add.1"
        if prev in ",;:.":
            if before.isalpha() or before in CLOSERS:
                return 0
            if before.isdigit() and prev in ",;" and end - start < 3:
                return 0  # a year: "held in New York on 19 September 2016,13"
            return None
        if prev not in " \n" or _LIST_OR_RANGE.match(flat, end):
            return None
        if before in ",;:" and start >= 3 and not flat[start - 3].isspace():
            return self._after_punctuation(start, end)
        return 3 if self._spaced(start, end) else None

    def _after_punctuation(self, start: int, end: int) -> int | None:
        """Rank 1, unless the number after ", " is a day or one of a list of small numbers (not one after
        a name that ends in a number: "Agenda 21, 4")."""
        flat = self.flat
        if (w := re.match(r"\s+([A-Z][a-z]+)", flat[end:end + 40])) and w.group(1) in self.layout.months:
            return None  # a day: "on 11, 12 March"
        window = flat[max(0, start - 7):start - 2]  # enough to see a token of up to four characters
        token = window.split()[-1] if window.split() else ""
        if token.isdigit() and len(token) <= 3 and len(token) < len(window):
            named = re.search(r"([^\W\d_]+)\s+\d{1,3}$", flat[max(0, start - 40):start - 2])
            not_after = self.layout.spaced_not_after
            if not named or named.group(1).lower() in not_after or not named.group(1)[0].isupper():
                return None  # a list of small numbers: "paragraphs 5, 6 and 7"
            # a name that ends in a number, "Agenda 21, 4": the 4 may be a reference
        return 1

    def after_a_name(self, start: int) -> bool:
        """Whether digits at `start`, after a space (and a comma), stand after a word or a closing quote, not a number."""
        head = self.flat[max(0, start - 4):start].rstrip(" \n").rstrip(",;:").rstrip(" \n")
        return bool(head) and (head[-1].isalpha() or head[-1] in CLOSERS)

    def goes_on(self, end: int) -> bool:
        """Whether the words after digits ending at `end` go on with the sentence in lower case, not counted by them."""
        follow = _NEXT_TOKEN.match(self.flat, end)
        if follow is None:
            return False
        nxt = follow.group(1)
        return nxt in self.layout.spaced_before or (nxt.islower() and nxt not in self.layout.spaced_not_before)

    def _spaced(self, start: int, end: int) -> bool:
        """A number between spaces after a word, a closing quote, a year or a symbol, before a `spaced_reference` word
        or another word in lower case that it does not count."""
        word = self.word_before(start)
        follow = _NEXT_TOKEN.match(self.flat, end)
        layout = self.layout
        if word is None or follow is None or word in layout.spaced_not_after or word.lower() in layout.spaced_not_after:
            return False
        if layout.year.fullmatch(word) and follow.group(1)[:1].isupper():
            return follow.group(1).lower() not in layout.spaced_not_before  # "the 2010 8 Review Conference"
        return self.goes_on(end)

    def token_before(self, start: int) -> str:
        """What stands glued before `start`, back to the last space."""
        head = self.flat[max(0, start - 40):start]
        return head.split()[-1] if head.split() else ""

    def word_before(self, start: int) -> str | None:
        """The word, closing quote, year or symbol that a spaced number stands after."""
        m = self.before_spaced.search(self.flat[max(0, start - 40):start])
        return m.group(1) if m else None

    def glued(self, start: int, end: int) -> list[Candidate]:
        """Ranks 4 and 5: a reference glued to a year or to a symbol's number (see the module's note)."""
        flat, layout = self.flat, self.layout
        if not self.ends_cleanly(end) or (start and flat[start - 1].isalpha()):
            return []
        if end - start in (5, 6) and layout.year.fullmatch(flat, start, start + 4) and flat[start + 4] != "0":
            m = self.dated.search(flat, max(0, start - 12), start)
            if (m and (m.group(1) is None or m.group(1) in layout.months)) or self.year_list.match(flat, end) \
                    or self.year_named.match(flat, end):
                return [(start + 4, end, 4)]
        if start >= 2 and flat[start - 1] in "/." and flat[start - 2].isalnum() and end - start > layout.symbol_number_digits:
            return [(end - n, end, 5) for n in (1, 2) if end - n > start and flat[end - n] != "0"]
        return []
