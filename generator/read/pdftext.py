"""Read the raw text that a PDF extractor takes from a UN resolution.

The input is a JSON record whose `text` field holds the text of the official
PDF, page after page (content/source/resolution.en.json); its other fields are
ignored.  The text carries the PDF's traces, and the reader removes them on
structural evidence, with the layout facts in content/pdftext.<code>.yml:

* Page furniture.  A page-number, job-number or barcode line anchors a block
  of furniture; the document's symbol, its title and any line that stands,
  word for word, beside anchors at two or more places (a running head) go
  with it, with the blank lines between.  Each such block is a page break.
* Footnotes.  Below a rule (`_____`) at a page foot stand that page's footnote
  definitions, each opening with its number, in sequence.  A line that does
  not open with the next number continues the definition above it (or, right
  below the rule, the last one of the page before).
* Footnote references are plain digits.  The definitions give the numbers in
  sequence and the page of each, so footnote n is looked for after footnote
  n-1's reference and no later than its own page, and only where a reference
  can stand: glued to a word or a closing quote (`Development,1`,
  `pornography7`, `children”,10`, `2016,13`) or after a comma and one space
  (`Slavery, 8`); a glued one is preferred.  A number inside a symbol (70/1),
  a decimal (8.7), a number before a letter (53rd), a day before a month, a
  list or a range (`5, 6 and 7`) is never one.  A number that comes next in
  the sequence, glued or alone at a line end, but has no definition is an
  error.
* Paragraphs are separated by blank lines; a page break is not a paragraph
  break unless the next block opens a new paragraph: a number (`1.`), a letter
  (`(e)`, often alone on its line), or, after a block that ended a clause, a
  preambular lead phrase from content/languages/<code>.yml (after a blank
  line on the same page, also a capitalised participle the lexicon lacks,
  recorded as a decision).  Operative leads are the adverbs and the verb
  ("Also recalls") or a listed phrase ("Calls upon").  The closing formula
  ("53rd plenary meeting" and the date) is not part of the last paragraph.
* A hyphen at a line end (`front-` / `line`) is kept, and the halves are
  joined without a space, unless the text elsewhere writes the two halves
  closed up as one word and never hyphenated (`imple-` / `mentation`): UN
  documents are typeset without word division, so a line-end hyphen is
  normally a real one (`Secretary-General`, `evidence-based`).  Before
  "and"/"or" it is a suspended hyphen (`gender- and age-sensitive`) and the
  space stays.  Every join is recorded in `Resolution.decisions`.

Bad input raises TextFieldError (a SourceError) naming the file and the line
within the `text` field; facts of the heading that disagree with the metadata
file beside the source are bad input too.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from . import cite
from ..knowledge.lexicon import CONTENT, Language, Lexicon, check_keys, compile_pattern, line_of, load_lexicon, load_yaml
from ..model.document import (
    DocumentInfo,
    Footnote,
    NoteRef,
    OperativeParagraph,
    Paragraph,
    Passage,
    PreambularParagraph,
    Resolution,
    SubParagraph,
    paragraph_id,
)
from .text import english_ordinal, load_metadata
from ..source import SourceError, read_text, refuse_unpublishable


class TextFieldError(SourceError):
    """Bad input; `line` counts the lines of the JSON record's `text` field."""

    def __str__(self) -> str:
        if self.line:
            return f"{self.name}: text line {self.line}: {self.message}"
        return f"{self.name}: {self.message}"


# -- the layout file -----------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How PDF-extracted text in one language is laid out (content/pdftext.<code>.yml)."""

    code: str
    furniture: dict[str, re.Pattern]
    footnote_rule: re.Pattern
    footnote_definition: re.Pattern
    header: dict[str, re.Pattern]
    months: frozenset[str]
    adverbs: tuple[str, ...]
    phrases: tuple[str, ...]
    closing: re.Pattern
    suspended_before: frozenset[str]


def _words(value: list, name: str, where: int | None, what: str) -> tuple[str, ...]:
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise SourceError(name, where, f"{what} must be a list of non-empty strings")
    return tuple(value)


_HEADER_GROUPS = {
    "banner": (), "symbol": ("symbol",), "distribution": ("value",), "original": ("value",),
    "adopted": ("type", "organ", "date"), "report": ("committee", "report"), "without_reference": ("report",),
    "numbered_title": ("number", "title"),
}


def _load_layout(path: Path) -> Layout:
    name = str(path)
    data = load_yaml(path)
    check_keys(data, name, {
        "code": str, "furniture": dict, "footnote_rule": str, "footnote_definition": str, "header": dict,
        "months": list, "operative_leads": dict, "closing": str, "suspended_hyphen_before": list,
    })
    if data["code"] != path.stem.split(".", 1)[-1]:
        raise SourceError(name, line_of(data, "code"), f"code {data['code']!r} does not match the file name {path.name!r}")
    furniture = data["furniture"]
    check_keys(furniture, name, {"job_number": str, "barcode": str, "page_number": str})
    header = data["header"]
    check_keys(header, name, {k: str for k in _HEADER_GROUPS})
    leads = data["operative_leads"]
    check_keys(leads, name, {"adverbs": list, "phrases": list})
    return Layout(
        code=data["code"],
        furniture={k: compile_pattern(v, name, line_of(furniture, k)) for k, v in furniture.items()},
        footnote_rule=compile_pattern(data["footnote_rule"], name, line_of(data, "footnote_rule")),
        footnote_definition=compile_pattern(data["footnote_definition"], name, line_of(data, "footnote_definition"), ("number", "text")),
        header={k: compile_pattern(v, name, line_of(header, k), _HEADER_GROUPS[k]) for k, v in header.items()},
        months=frozenset(_words(data["months"], name, line_of(data, "months"), "months")),
        adverbs=tuple(sorted(_words(leads["adverbs"], name, line_of(leads, "adverbs"), "adverbs"), key=len, reverse=True)),
        phrases=tuple(sorted(_words(leads["phrases"], name, line_of(leads, "phrases"), "phrases"), key=len, reverse=True)),
        closing=compile_pattern(data["closing"], name, line_of(data, "closing"), ("meeting",)),
        suspended_before=frozenset(_words(data["suspended_hyphen_before"], name, line_of(data, "suspended_hyphen_before"),
                                          "suspended_hyphen_before")),
    )


@lru_cache(maxsize=8)
def load_layout(code: str, content: Path = CONTENT) -> Layout:
    """The layout of PDF-extracted text in language `code`, validated."""
    path = content / f"pdftext.{code}.yml"
    if not path.exists():
        raise SourceError(str(path), None, f"no layout for PDF-extracted text in language {code!r}")
    return _load_layout(path)


# -- working structures --------------------------------------------------------------------


@dataclass
class _Line:
    number: int  # line number within the `text` field
    text: str  # outer spaces stripped
    page: int = 0
    marks: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, footnote number)


@dataclass
class _Page:
    body: list[_Line] = field(default_factory=list)
    notes: list[_Line] = field(default_factory=list)


@dataclass
class _Note:
    number: int
    line: int
    page: int
    pieces: list[_Line]


@dataclass
class _Block:
    lines: list[_Line]
    after: str  # what separates it from the block before: "start", "blank" or "page"


@dataclass
class _Piece:
    line: int
    lines: list[_Line]
    label: str = ""


@dataclass
class _Para:
    kind: str
    number: int
    line: int
    head: _Piece
    items: list[_Piece] = field(default_factory=list)
    lead: str | None = None

    @property
    def current(self) -> _Piece:
        return self.items[-1] if self.items else self.head

    @property
    def current_id(self) -> str:
        return f"{_para_id(self)}-{self.items[-1].label}" if self.items else _para_id(self)


def _para_id(para: _Para) -> str:
    return paragraph_id(para.kind, para.number)  # type: ignore[arg-type]


_OPERATIVE = re.compile(r"^(\d{1,3})\.(?:\s+(\S.*))?$")
_ITEM = re.compile(r"^\(([a-z])\)(?:\s+(\S.*))?$")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CLOSERS = "”’\"')]"
_LANGUAGE_NAMES = {"Arabic": "ar", "Chinese": "zh", "English": "en", "French": "fr", "Russian": "ru", "Spanish": "es"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _iso_date(text: str) -> str | None:
    try:
        return datetime.strptime(text, "%d %B %Y").date().isoformat()
    except ValueError:
        return None


# -- the reader ----------------------------------------------------------------------------


class PdfTextReader:
    """One reading of one `text`; use `read_pdftext` or `parse_pdftext`."""

    def __init__(self, text: str, name: str, lexicon: Lexicon, metadata: dict | None):
        self.name = name
        self.lines = [_Line(i + 1, t.strip()) for i, t in enumerate(text.split("\n"))]
        self.lexicon = lexicon
        self.metadata = metadata or {}
        self.decisions: list[str] = []

    def error(self, line: int | None, message: str) -> TextFieldError:
        return TextFieldError(self.name, line, message)

    def read(self) -> Resolution:
        opening = self._find_opening()
        document = self._header(self.lines[:opening])
        pages = self._pages(self.lines[opening + 1:], document)
        notes = self._definitions(pages)
        body = [line for page in pages for line in page.body]
        self.vocabulary = _Vocabulary(body + [line for page in pages for line in page.notes])
        self._find_marks(body, notes)
        paras = self._structure(self._blocks(body))
        paragraphs, homes = self._paragraphs(paras)
        footnotes = self._footnotes(notes, homes)
        references = cite.find_references(paragraphs, footnotes, self.lang, self.lexicon, document.organ)
        return Resolution(
            document=document,
            sponsors=[],
            paragraphs=paragraphs,
            footnotes=footnotes,
            references=references,
            decisions=sorted(self.decisions, key=_decision_line),
            source_name=Path(self.name).name,
        )

    def _find_opening(self) -> int:
        for index, line in enumerate(self.lines):
            for lang in self.lexicon.languages.values():
                if line.text == lang.opening:
                    self.lang: Language = lang
                    self.layout = load_layout(lang.code)
                    return index
        openings = " or ".join(repr(lang.opening) for lang in self.lexicon.languages.values())
        raise self.error(1, f"no opening line ({openings}) found: is this a General Assembly resolution?")

    # -- header --------------------------------------------------------------------------

    def _header(self, lines: list[_Line]) -> DocumentInfo:
        """Read the masthead and the heading.

        Lines that say what they are on their own (symbol, date, session...) are
        read one by one; the lines between them are joined and read together
        (the heading "Resolution adopted by ... / on 16 December 2021", a title
        wrapped over two lines).
        """
        fields: dict = {"language": self.lang.code}
        for group in _blank_separated(lines):
            pending: list[_Line] = []
            for line in group:
                text = _squash(line.text)
                if self._is_anchor(text) or self._header_line(text, line.number, fields):
                    self._header_chunk(pending, fields)
                    pending = []
                else:
                    pending.append(line)
            self._header_chunk(pending, fields)
        if "_title" not in fields:
            raise self.error(lines[-1].number if lines else 1, "no title: expected a line such as '12/345. Title' before the opening")
        title_line, fields["title"] = fields.pop("_title")
        number = fields.pop("_number", None)
        symbol_line = fields.pop("_symbol_line", None)
        fields.pop("_agenda_line", None)
        meta_symbol = self.metadata.get("symbol")
        if meta_symbol and fields.get("symbol") and meta_symbol != fields["symbol"]:
            raise self.error(symbol_line, f"the text's symbol {fields['symbol']} differs from the metadata file's {meta_symbol}")
        fields["symbol"] = fields.get("symbol") or meta_symbol
        if number and fields["symbol"] and not fields["symbol"].endswith("/" + number.replace(" ", "")):
            self.decisions.append(f"text line {title_line}: the resolution number {number} is not the end of the symbol {fields['symbol']}")
        for key in ("date", "distribution", "document_type"):
            known = self.metadata.get(key)
            if known is not None and key in fields and str(known) != fields[key]:
                raise self.error(lines[0].number if lines else 1,
                                 f"the heading gives the {key} as {fields[key]!r}, the metadata file as {str(known)!r}")
        fields.setdefault("original_language", self.metadata.get("original_language"))
        fields["metadata"] = self.metadata
        return DocumentInfo(**fields)

    def _header_line(self, text: str, number: int, fields: dict) -> bool:
        """Read one header line that says what it is on its own; False if it does not."""
        pats, lang = self.layout.header, self.lang
        organs = {n for b in self.lexicon.bodies for n in b.names.get(lang.code, ())}
        if pats["banner"].match(text):
            pass
        elif "organ" not in fields and text in organs:
            fields["organ"] = text
        elif "symbol" not in fields and (m := pats["symbol"].match(text)):
            fields["symbol"], fields["_symbol_line"] = m.group("symbol"), number
        elif m := pats["distribution"].match(text):
            fields["distribution"] = m.group("value")
        elif m := pats["original"].match(text):
            fields["original_language"] = _LANGUAGE_NAMES.get(m.group("value"), m.group("value"))
        elif "date" not in fields and (iso := _iso_date(text)):
            fields["date"] = iso
        elif m := lang.header["session"].match(text):
            try:
                fields["session"] = english_ordinal(m.group("n"))
            except ValueError:
                raise self.error(number, f"cannot read the session number {m.group('n')!r}") from None
        elif lang.header["committee"].match(text):
            fields["committee"] = text
        elif m := lang.header["agenda_item"].match(text):
            fields["agenda_item"], fields["_agenda_line"] = m.group("n"), number
        else:
            return False
        return True

    def _header_chunk(self, lines: list[_Line], fields: dict) -> None:
        """Read lines of the heading that only make sense together."""
        if not lines:
            return
        pats = self.layout.header
        text = _squash(" ".join(line.text for line in lines))
        first = lines[0].number
        if m := pats["adopted"].match(text):
            fields["document_type"] = m.group("type").lower()
            date = _iso_date(m.group("date"))
            if date is None:
                raise self.error(first, f"cannot read the date {m.group('date')!r}")
            self._agrees("date", date, first)
        elif m := pats["report"].match(text):
            fields["committee"] = m.group("committee")
            self._agrees("committee", m.group("committee"), first)
            self._agrees("report", m.group("report"), first)
        elif m := pats["without_reference"].match(text):
            self._agrees("report", m.group("report"), first)
        elif m := pats["numbered_title"].match(text):
            fields["_title"], fields["_number"] = (first, m.group("title")), m.group("number")
        elif "_agenda_line" in fields and "agenda_title" not in fields and first > fields["_agenda_line"]:
            fields["agenda_title"] = text
        elif "_title" not in fields and "document_type" in fields:
            fields["_title"] = (first, text)
        else:
            raise self.error(first, f"unexpected text in the heading: {text[:60]!r}")

    def _agrees(self, key: str, value: str, line: int) -> None:
        """Check a fact of the adoption against the metadata file's `adopted` entry."""
        adopted = self.metadata.get("adopted")
        known = adopted.get(key) if isinstance(adopted, dict) else None
        if known is not None and str(known) != value:
            raise self.error(line, f"the text gives the {key} of adoption as {value!r}, the metadata file as {str(known)!r}")

    def _is_anchor(self, text: str) -> bool:
        return any(p.match(text) for p in self.layout.furniture.values())

    # -- pages ---------------------------------------------------------------------------

    def _pages(self, lines: list[_Line], document: DocumentInfo) -> list[_Page]:
        """Drop the furniture blocks; split the rest into pages, each into body and notes."""
        heads = {t for t in (document.symbol, document.title) if t}
        anchors = [i for i, line in enumerate(lines) if self._is_anchor(line.text)]
        heads |= self._running_heads(lines, anchors)

        def furniture(i: int) -> bool:
            text = _squash(lines[i].text)
            return not text or self._is_anchor(text) or text in heads

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
        pages = [_Page()]
        in_notes = False
        for i, line in enumerate(lines):
            if i in breaks and (pages[-1].body or pages[-1].notes):
                pages.append(_Page())
                in_notes = False
            if i in dropped:
                continue
            line.page = len(pages) - 1
            if self.layout.footnote_rule.match(line.text):
                in_notes = True
            elif in_notes:
                pages[-1].notes.append(line)
            else:
                pages[-1].body.append(line)
        return pages

    def _running_heads(self, lines: list[_Line], anchors: list[int]) -> set[str]:
        """Lines repeated, word for word, within three lines of an anchor: running heads."""
        seen: dict[str, set[int]] = {}
        for a in anchors:
            for i in range(max(0, a - 3), min(len(lines), a + 4)):
                text = _squash(lines[i].text)
                if (not text or self._is_anchor(text) or text[-1] in ".,;:" or text[0].isdigit()
                        or self.layout.footnote_rule.match(text)):
                    continue
                seen.setdefault(text, set()).add(i)
        return {t for t, places in seen.items() if len(places) >= 2}

    # -- footnote definitions ------------------------------------------------------------

    def _definitions(self, pages: list[_Page]) -> list[_Note]:
        """Read the footnote definitions below each page's rule, checking their sequence.

        A line that does not open with a number continues the definition
        above it, or, right below the rule, the last definition of the page
        before; after a blank line it is an error.
        """
        notes: list[_Note] = []
        defined: dict[int, int] = {}
        for index, page in enumerate(pages):
            before = "rule"
            for line in page.notes:
                if not line.text:
                    before = "blank" if before != "rule" else "rule"
                    continue
                m = self.layout.footnote_definition.match(line.text)
                expected = notes[-1].number + 1 if notes else 1
                if m and (int(m.group("number")) == expected or before != "line"):
                    number = int(m.group("number"))
                    if number in defined:
                        raise self.error(line.number, f"footnote {number} is defined twice (first at text line {defined[number]})")
                    if number != expected:
                        gap = f"the footnote definitions go from {expected - 1} to {number}" if expected > 1 else (
                            f"the first footnote definition is {number}")
                        raise self.error(line.number, f"footnote {expected} is never defined: {gap}")
                    defined[number] = line.number
                    notes.append(_Note(number, line.number, index, [_Line(line.number, m.group("text"), index)]))
                elif notes and (before == "line" or (before == "rule" and notes[-1].page < index)):
                    if before == "rule":
                        self.decisions.append(f"text line {line.number}: footnote {notes[-1].number} continues at the foot of the next page")
                    notes[-1].pieces.append(line)
                else:
                    raise self.error(line.number, f"text below the footnote rule that is not a footnote definition: {line.text[:60]!r}")
                before = "line"
        return notes

    # -- footnote references -------------------------------------------------------------

    def _find_marks(self, body: list[_Line], notes: list[_Note]) -> None:
        """Find each footnote's reference in the body; store it on its line."""
        flat = "\n".join(line.text for line in body)
        starts: list[int] = []
        offset = 0
        for line in body:
            starts.append(offset)
            offset += len(line.text) + 1
        page_end: list[int] = []  # page_end[p]: where the body of page p (and of the pages before) ends
        for line, start in zip(body, starts):
            page_end.extend([page_end[-1] if page_end else -1] * (line.page + 1 - len(page_end)))
            page_end[line.page] = start + len(line.text)
        candidates: dict[int, list[tuple[int, int, int]]] = {}
        for m in _DIGITS.finditer(flat):
            rank = self._rank(flat, m.start(), m.end())
            if rank is not None:
                candidates.setdefault(int(m.group()), []).append((m.start(), m.end(), rank))
        chosen: list[tuple[int, int, int]] = []
        previous = -1
        for note in notes:
            limit = page_end[min(note.page, len(page_end) - 1)] if page_end else -1
            options = [c for c in candidates.get(note.number, []) if previous < c[0] <= limit]
            if not options:
                where = "" if not chosen else f" after footnote {note.number - 1}'s"
                raise self.error(note.line, f"footnote {note.number} is defined but never referenced: "
                                            f"no reference{where} on its page or before")
            start, end, rank = min(options, key=lambda c: (c[2], c[0]))
            if rank == 2:
                line = body[bisect_right(starts, start) - 1]
                self.decisions.append(f"text line {line.number}: took the {note.number} after an all-capital word "
                                      f"as footnote {note.number}'s reference")
            chosen.append((start, end, note.number))
            previous = start
        self._check_undefined(flat, starts, body, candidates, chosen, {n.number for n in notes})
        for start, end, number in chosen:
            index = bisect_right(starts, start) - 1
            body[index].marks.append((start - starts[index], end - starts[index], number))

    def _rank(self, flat: str, start: int, end: int) -> int | None:
        """How strongly the digits flat[start:end] look like a footnote reference.

        0: glued to a word, a closing quote or bracket, or to punctuation after
        one; 1: after a comma, semicolon or colon and one space; 2: glued to an
        all-capital word; None: not a reference at all.
        """
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
        if prev in _CLOSERS:
            return 0
        before = flat[start - 2] if start >= 2 else "\n"
        if prev in ",;:.":
            if before.isalpha() or before in _CLOSERS:
                return 0
            if before.isdigit() and prev in ",;" and end - start < 3:
                return 0  # a year: "held in New York on 19 September 2016,13"
            return None
        if prev in " \n" and before in ",;:" and start >= 3 and not flat[start - 3].isspace():
            rest = flat[end:end + 40]
            if re.match(r"\s*(?:,|and\b|or\b|to\b|-|–)\s*\d", rest):
                return None  # a list or a range: "paragraphs 5, 6 and 7"
            if (w := re.match(r"\s+([A-Z][a-z]+)", rest)) and w.group(1) in self.layout.months:
                return None  # a day: "on 11, 12 March"
            window = flat[max(0, start - 7):start - 2]  # enough to see a token of up to four characters
            token = window.split()[-1] if window.split() else ""
            if token.isdigit() and len(token) <= 3 and len(token) < len(window):
                return None  # a list of small numbers
            return 1
        return None

    def _check_undefined(self, flat: str, starts: list[int], body: list[_Line], candidates: dict,
                         chosen: list[tuple[int, int, int]], defined: set[int]) -> None:
        """A number that comes next in the sequence, glued to a word or alone at a line end
        after a comma, is a reference, defined or not."""
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
                    line = body[bisect_right(starts, start) - 1]
                    raise self.error(line.number, f"footnote {number} is referenced but never defined")

    # -- blocks and paragraphs -----------------------------------------------------------

    def _blocks(self, body: list[_Line]) -> list[_Block]:
        """Split the body at blank lines, page breaks and marker-only lines."""
        blocks: list[_Block] = []
        gap = "start"
        last_page = body[0].page if body else 0
        for line in body:
            if line.page != last_page:
                gap = "page"
                last_page = line.page
            if not line.text:
                if gap != "page" and blocks:
                    gap = "blank"
                continue
            if gap or not blocks or _marker_only(line.text):
                blocks.append(_Block([line], gap or "blank"))
            else:
                blocks[-1].lines.append(line)
            gap = ""
        return blocks

    def _structure(self, blocks: list[_Block]) -> list[_Para]:
        """Group the blocks into paragraphs and items, on numbering, letters and leads."""
        paras: list[_Para] = []
        operative_seen: dict[int, int] = {}
        closing: int | None = None
        for block in blocks:
            first = block.lines[0]
            if closing is not None:
                self._after_closing(block, closing)
            elif (m := self.layout.closing.match(first.text)) and paras:
                closing = first.number
                self._agrees("meeting", m.group("meeting"), first.number)
                self.decisions.append(f"text line {first.number}: the closing formula {first.text!r} is not part of {_para_id(paras[-1])}")
                if len(block.lines) > 1:
                    self._after_closing(_Block(block.lines[1:], "blank"), closing)
            elif m := _OPERATIVE.match(first.text):
                paras.append(self._operative(block, m, operative_seen))
            elif m := _ITEM.match(first.text):
                self._item(block, m, paras)
            else:
                self._preambular_or_continuation(block, paras)
        if not operative_seen:
            last = paras[-1].line if paras else (self.lines[-1].number if self.lines else 1)
            raise self.error(last, "no operative paragraphs (numbered 1., 2., ...) found")
        return paras

    def _after_closing(self, block: _Block, closing: int) -> None:
        """Only the date may follow the closing formula."""
        first = block.lines[0]
        date = _iso_date(first.text)
        if len(block.lines) > 1 or date is None:
            raise self.error(first.number, f"text after the closing formula (text line {closing}): {first.text[:60]!r}")
        self._agrees("date", date, first.number)

    def _operative(self, block: _Block, m: re.Match, seen: dict[int, int]) -> _Para:
        first = block.lines[0]
        number = int(m.group(1))
        expected = len(seen) + 1
        if number in seen:
            raise self.error(first.number, f"duplicate operative paragraph number {number} (first at text line {seen[number]})")
        if number != expected:
            raise self.error(first.number, f"operative paragraph {expected} is missing: the numbering goes from {expected - 1} to {number}")
        seen[number] = first.number
        lines = self._rest(first, m.start(2) if m.group(2) else None) + block.lines[1:]
        return _Para("operative", number, first.number, _Piece(first.number, lines))

    def _item(self, block: _Block, m: re.Match, paras: list[_Para]) -> None:
        first = block.lines[0]
        if not paras:
            raise self.error(first.number, f"lettered item ({m.group(1)}) before any paragraph")
        para = paras[-1]
        expected = chr(ord("a") + len(para.items))
        if m.group(1) != expected:
            raise self.error(first.number, f"item ({m.group(1)}) where item ({expected}) was expected in {_para_id(para)}")
        lines = self._rest(first, m.start(2) if m.group(2) else None) + block.lines[1:]
        para.items.append(_Piece(first.number, lines, label=m.group(1)))

    def _preambular_or_continuation(self, block: _Block, paras: list[_Para]) -> None:
        """A block without a number or letter opens a preambular paragraph or continues one.

        It opens one where the block before ended a clause and it opens with a
        lead phrase (from the lexicon, or, after a blank line on the same page,
        a capitalised participle); otherwise it continues the paragraph or item
        before, across the page break or blank line.
        """
        first = block.lines[0]
        text = _squash(" ".join(line.text for line in block.lines[:2]))
        lead = self._preambular_lead(text)
        if not paras:
            lead = lead or self._guessed_lead(text, first.number)
            if lead is None:
                raise self.error(first.number, "the first paragraph does not open with a known lead phrase (see content/languages/)")
            paras.append(_Para("preambular", 1, first.number, _Piece(first.number, list(block.lines)), lead=lead))
            return
        para = paras[-1]
        terminated = self._terminated(para.current)
        if para.kind == "preambular" and terminated:
            if lead is None and block.after == "blank":
                lead = self._guessed_lead(text, first.number)
            if lead is not None:
                paras.append(_Para("preambular", para.number + 1, first.number, _Piece(first.number, list(block.lines)), lead=lead))
                return
        if terminated:
            why = "the paragraphs are numbered" if para.kind == "operative" else "it does not open with a known lead phrase"
            self.decisions.append(f"text line {first.number}: joined to {para.current_id} although that ended a clause, because {why}")
        para.current.lines.extend(block.lines)

    @staticmethod
    def _rest(line: _Line, start: int | None) -> list[_Line]:
        """The part of a marker line after its marker, if any, keeping its marks."""
        if start is None:
            return []
        marks = [(s - start, e - start, n) for s, e, n in line.marks if s >= start]
        return [_Line(line.number, line.text[start:], line.page, marks)]

    def _terminated(self, piece: _Piece) -> bool:
        if not piece.lines:
            return False
        last = piece.lines[-1]
        text = last.text
        for start, _, _ in sorted(last.marks, reverse=True):
            text = text[:start]
        return text.rstrip().endswith(self.lang.terminators)

    def _preambular_lead(self, text: str) -> str | None:
        for lead in self.lang.leads:
            if text.startswith(lead) and (len(text) == len(lead) or not text[len(lead)].isalnum()):
                return lead
        return None

    def _guessed_lead(self, text: str, line: int) -> str | None:
        """A capitalised participle not in the lexicon ("Deploring"), with "also"/"further"."""
        m = re.match(r"([A-Z][a-z]+ing)(?: (also|further))?\b", text)
        if not m:
            return None
        self.decisions.append(f"text line {line}: took {m.group(0)!r} as a preambular lead phrase, although the lexicon does not list it")
        return m.group(0)

    def _operative_lead(self, text: str, pid: str, line: int) -> str:
        rest, lead = text, ""
        while True:
            adverb = next((a for a in self.layout.adverbs if rest.startswith(a + " ")), None)
            if adverb is None:
                break
            lead += adverb + " "
            rest = rest[len(adverb) + 1:]
        if lead:
            rest = rest[:1].upper() + rest[1:]
        phrase = next((p for p in self.layout.phrases if rest.startswith(p) and (len(rest) == len(p) or not rest[len(p)].isalnum())), None)
        if phrase is None:
            m = re.match(r"[A-Z][a-z]+\b", rest)
            if not m:
                self.decisions.append(f"text line {line}: {pid} does not open with a capitalised verb; no lead phrase")
                return ""
            phrase = m.group()
        return text[: len(lead) + len(phrase)]

    # -- passages ------------------------------------------------------------------------

    def _passage(self, lines: list[_Line], owner: str, homes: dict[int, tuple[str, int]] | None) -> Passage:
        text = ""
        notes: list[NoteRef] = []
        previous: _Line | None = None
        for line in lines:
            clean, local = _clean(line)
            if not clean:
                continue
            if not text:
                base = 0
                text = clean
            elif text.endswith("-") and previous is not None:
                text, base = self._mend(text, clean, previous, line)
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

    def _mend(self, text: str, clean: str, previous: _Line, line: _Line) -> tuple[str, int]:
        """Join a line to a text that ends with a hyphen; return (text, offset of the line)."""
        head = re.search(r"([^\W\d_]*)-$", text[-80:]).group(1)
        tail_match = re.match(r"[^\W\d_]+", clean)
        tail = tail_match.group() if tail_match else ""
        if tail.lower() in self.layout.suspended_before or not head or not tail:
            if head and tail:
                self.decisions.append(f"text line {previous.number}: kept {head}- {tail} apart: a suspended hyphen before {tail!r}")
            joined = text + " "
            return joined + clean, len(joined)
        if self.vocabulary.closed(head, tail) and not self.vocabulary.hyphenated(head, tail):
            self.decisions.append(f"text line {previous.number}: joined {head}-/{tail} as {head + tail!r}: "
                                  "the text writes it closed up elsewhere")
            return text[:-1] + clean, len(text) - 1
        why = "the text writes it so elsewhere" if self.vocabulary.hyphenated(head, tail) else (
            f"the text never writes {head + tail!r}, and UN documents are set without word division")
        self.decisions.append(f"text line {previous.number}: kept the hyphen in {head}-{tail} at a line break: {why}")
        return text + clean, len(text)

    def _paragraphs(self, paras: list[_Para]) -> tuple[list[Paragraph], dict[int, tuple[str, int]]]:
        homes: dict[int, tuple[str, int]] = {}
        out: list[Paragraph] = []
        for para in paras:
            pid = paragraph_id(para.kind, para.number)  # type: ignore[arg-type]
            body = self._passage(para.head.lines, pid, homes)
            if not body.text:
                raise self.error(para.line, f"{pid} is empty")
            if para.kind == "operative":
                lead = self._operative_lead(body.text, pid, para.line)
                cls: type[Paragraph] = OperativeParagraph
            else:
                lead = para.lead if para.lead and body.text.startswith(para.lead) else (self._preambular_lead(body.text) or "")
                cls = PreambularParagraph
            paragraph = cls(id=pid, number=para.number, lead=lead, body=body, line=para.line)
            for item in para.items:
                sid = f"{pid}-{item.label}"
                sub = self._passage(item.lines, sid, homes)
                if not sub.text:
                    raise self.error(item.line, f"item ({item.label}) of {pid} is empty")
                paragraph.subparagraphs.append(SubParagraph(sid, item.label, sub, item.line))
            out.append(paragraph)
        return out, homes

    def _footnotes(self, notes: list[_Note], homes: dict[int, tuple[str, int]]) -> list[Footnote]:
        footnotes: list[Footnote] = []
        for note in notes:
            if note.number not in homes:
                raise self.error(note.line, f"footnote {note.number} is defined but its reference is not in any paragraph")
            body = self._passage(note.pieces, f"fn-{note.number}", None)
            footnotes.append(Footnote(note.number, body, homes[note.number][0], note.line))
        return footnotes


class _Vocabulary:
    """The words of a text, for deciding what a hyphen at a line end is."""

    def __init__(self, lines: list[_Line]):
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


def _decision_line(decision: str) -> int:
    m = re.match(r"text line (\d+)", decision)
    return int(m.group(1)) if m else 0


def _marker_only(text: str) -> bool:
    return bool(re.match(r"^(?:\d{1,3}\.|\([a-z]\))$", text))


def _blank_separated(lines: list[_Line]) -> list[list[_Line]]:
    groups: list[list[_Line]] = [[]]
    for line in lines:
        if line.text:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _clean(line: _Line) -> tuple[str, list[tuple[int, int]]]:
    """One line without its footnote references, spaces squashed; (text, [(offset, number)])."""
    out = ""
    notes: list[tuple[int, int]] = []
    pos = 0
    for start, end, number in sorted(line.marks):
        out += _squash(line.text[pos:start])
        out = out.rstrip()
        notes.append((len(out), number))
        pos = end
    out += _squash(line.text[pos:])
    out = out.strip()
    return out, [(min(o, len(out)), n) for o, n in notes]


# -- entry points --------------------------------------------------------------------------


def parse_pdftext(text: str, name: str = "<text>", lexicon: Lexicon | None = None, metadata: dict | None = None) -> Resolution:
    """Read the text of a PDF-extracted resolution (the `text` field) into a Resolution."""
    if not text.strip():
        raise TextFieldError(name, None, "the `text` field is empty")
    if "\x00" in text:
        raise TextFieldError(name, text[: text.index("\x00")].count("\n") + 1, "the `text` field contains NUL characters")
    try:
        refuse_unpublishable(text, name)
    except SourceError as err:
        raise TextFieldError(name, err.line, err.message) from None
    return PdfTextReader(text.replace("\r\n", "\n").replace("\r", "\n"), name, lexicon or load_lexicon(), metadata).read()


def read_record(path: Path) -> str:
    """The `text` field of a JSON record, or SourceError."""
    raw = read_text(path)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        raise SourceError(str(path), err.lineno, f"invalid JSON: {err.msg} (column {err.colno})") from None
    if not isinstance(record, dict):
        raise SourceError(str(path), 1, f"expected a JSON object with a `text` field, found {type(record).__name__}")
    if "text" not in record:
        raise SourceError(str(path), 1, "the JSON record has no `text` field")
    if not isinstance(record["text"], str):
        raise SourceError(str(path), 1, f"the `text` field must be a string, found {type(record['text']).__name__}")
    return record["text"]


def read_pdftext(path: Path, lexicon: Lexicon | None = None) -> Resolution:
    """Read a JSON record of PDF-extracted text, with the metadata file beside it."""
    return parse_pdftext(read_record(path), str(path), lexicon, load_metadata(path))
