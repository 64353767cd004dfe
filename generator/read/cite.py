"""Find the documents a resolution cites and mark them in its passages.

Four kinds: numbered resolutions of an organ (61/180), documents by symbol
(A/76/120), treaties by United Nations Treaty Series volume and number, and
Sustainable Development Goal targets.  The patterns live in the language file.
"""

from __future__ import annotations

import bisect
import re

from ..knowledge.lexicon import Body, Language, Lexicon
from ..model.document import Citation, Footnote, Paragraph, Passage, Reference

# A document symbol: upper-case series, then slash-separated parts (A/76/120,
# A/CONF.234/16, E/2002/68/Add.1, CTOC/COP/2020/10); it must hold a digit.
_SYMBOL = re.compile(r"(?<![A-Za-z0-9/.\-])[A-Z][A-Z]*(?:\.\d+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+")


# A "volume" with more digits than this is not a treaty citation (and would be slow to convert).
_MAX_VOLUME_DIGITS = 6


def id_token(text: str) -> str:
    """Text as a piece of an id: digits of any script as ASCII, lower-case, other runs as one hyphen."""
    ascii_digits = "".join(str(int(ch)) if ch.isdecimal() else ch for ch in text)
    return re.sub(r"[^a-z0-9]+", "-", ascii_digits.lower()).strip("-")


def symbol_id(symbol: str) -> str:
    return "doc-" + id_token(symbol)


def resolution_id(body: str, number: str) -> str:
    return f"{id_token(body)}-res-{id_token(number)}"


class _Spans:
    """Non-overlapping spans of a text, kept sorted so that a look-up is a bisection."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps no span."""
        index = bisect.bisect_right(self.starts, start)
        if index and self.ends[index - 1] > start:
            return False
        return index == len(self.starts) or self.starts[index] >= end

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


class _Finder:
    def __init__(self, lang: Language, lexicon: Lexicon, organ: str | None):
        self.lang = lang
        self.lexicon = lexicon
        self.refs: dict[str, Reference] = {}
        names = [(n, b) for b in lexicon.bodies for n in b.names.get(lang.code, ())]
        self.names = sorted(names, key=lambda nb: len(nb[0]), reverse=True)
        self.default = next((b for n, b in names if n == organ), lexicon.bodies[0])
        self.last_treaty: Reference | None = None

    def _add(self, ref: Reference, owner: str) -> Reference:
        known = self.refs.setdefault(ref.id, ref)
        if owner not in known.cited_in:
            known.cited_in.append(owner)
        return known

    def _masked(self, text: str) -> str:
        """`text` with quoted and titled material blanked out, offsets kept."""
        out = list(text)
        for pair in self.lang.quotes:
            opening, closing = pair[0], pair[1]
            depth_start = None
            for i, ch in enumerate(text):
                if ch == opening and depth_start is None:
                    depth_start = i
                elif ch == closing and depth_start is not None:
                    for j in range(depth_start, i + 1):
                        out[j] = " "
                    depth_start = None
        return "".join(out)

    def _named_bodies(self, masked: str) -> list[tuple[int, Body]]:
        """(end, body) of each organ named in `masked`, left to right, longest name first."""
        found: list[tuple[int, Body]] = []
        i = 0
        while i < len(masked):
            for name, body in self.names:
                if masked.startswith(name, i):
                    found.append((i + len(name), body))
                    i += len(name) - 1
                    break
            i += 1
        return found

    def _body_before(self, named: list[tuple[int, Body]], ends: list[int], start: int) -> Body:
        """The organ named last before offset `start`, or the document's own."""
        index = bisect.bisect_right(ends, start)
        return named[index - 1][1] if index else self.default

    def passage(self, passage: Passage, owner: str) -> None:
        text = passage.text
        spans: list[tuple[int, int, Reference]] = []
        taken = _Spans()
        free = taken.free

        def add(start: int, end: int, ref: Reference) -> None:
            spans.append((start, end, ref))
            taken.add(start, end)

        for m in self.lang.citations["ibid"].finditer(text):
            if self.last_treaty is not None and (ref := self._treaty(m)):
                add(m.start(), m.end(), ref)
        for m in self.lang.citations["treaty"].finditer(text):
            if free(m.start(), m.end()) and (ref := self._treaty(m)):
                add(m.start(), m.end(), ref)
        for m in _SYMBOL.finditer(text):
            symbol = m.group(0).rstrip(".-")
            if not any(ch.isdigit() for ch in symbol) or not free(m.start(), m.start() + len(symbol)):
                continue
            ref = Reference(symbol_id(symbol), "document", symbol, symbol=symbol)
            add(m.start(), m.start() + len(symbol), ref)
        for m in self.lang.citations["sdg_target"].finditer(text):
            if free(m.start(), m.end()):
                number = m.group("number")
                label = self.lang.label("sdg_target", number=number)
                ref = Reference(f"sdg-target-{id_token(number)}", "sdg-target", label, number=number)
                add(m.start(), m.end(), ref)
        named = self._named_bodies(self._masked(text))
        ends = [end for end, _ in named]
        for m in self.lang.citations["resolution"].finditer(text):
            start, end = m.span("number")
            if not free(start, end):
                continue
            number = m.group("number")
            body = self._body_before(named, ends, start)
            label = self.lang.label("resolution", body=body.names.get(self.lang.code, (body.code,))[0], number=number)
            symbol = body.symbol.format(number=number) if body.symbol else None
            ref = Reference(resolution_id(body.code, number), "resolution", label, number=number, body=body.code, symbol=symbol)
            add(start, end, ref)
        spans.sort(key=lambda s: s[0])
        passage.citations = [Citation(s, e, self._add(ref, owner).id) for s, e, ref in spans]

    def _treaty(self, m: re.Match) -> Reference | None:
        if len(m.group("volume")) > _MAX_VOLUME_DIGITS:
            return None
        volume, number = int(m.group("volume")), m.group("number")
        label = self.lang.label("treaty", volume=volume, number=number)
        self.last_treaty = Reference(f"unts-{volume}-{id_token(number)}", "treaty", label, number=number, volume=volume)
        return self.last_treaty


def find_references(paragraphs: list[Paragraph], footnotes: list[Footnote], lang: Language, lexicon: Lexicon,
                    organ: str | None) -> list[Reference]:
    """Mark citations in every passage; return the references in reading order.

    Each footnote is read right after the passage that references it.
    """
    finder = _Finder(lang, lexicon, organ)
    by_owner: dict[str, list[Footnote]] = {}
    for note in footnotes:
        by_owner.setdefault(note.paragraph, []).append(note)
    for paragraph in paragraphs:
        for owner, passage in paragraph.passages:
            finder.passage(passage, owner)
            for note in by_owner.get(owner, []):
                finder.passage(note.body, note.id)
    return list(finder.refs.values())
