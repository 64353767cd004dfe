"""Parse the Markdown-like text of a resolution into the document model.

The text is what a PDF converter leaves: page breaks cut paragraphs and drop
blocks of footnote definitions between the halves, footnote markers are
superscript digits, operative paragraphs are numbered.  The parser works from
structural evidence only: numbering, the punctuation a block ends with, and
the lead phrases listed in content/languages/<code>.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .cite import find_references
from ..knowledge.countries import load_gazetteer
from ..knowledge.lexicon import Language, Lexicon, line_of, load_lexicon
from ..model.document import (
    DocumentInfo,
    Footnote,
    NoteRef,
    OperativeParagraph,
    Paragraph,
    Passage,
    PreambularParagraph,
    Resolution,
    Sponsor,
    SubParagraph,
    paragraph_id,
)
from ..source import SourceError, read_text, refuse_unpublishable
from .metadata import adoption, load_metadata, metadata_path, symbol_from_name
from .numbers import chinese_number, english_ordinal

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_INT = str.maketrans(SUPERSCRIPT, "0123456789")
_MARKER = re.compile(f"[{SUPERSCRIPT}]+")
_FOOTNOTE_DEF = re.compile(rf"^\s*([{SUPERSCRIPT}]+)\s*(\S.*)$")
_ITEM = re.compile(r"^\s*(?:[-*+]\s+)?\(([a-z])\)\s*(.*)$")
_OPERATIVE = re.compile(r"^\s*(\d{1,4})\.(?:\s+|(?=\*))(.*)$")
_EMPHASIS_LEAD = re.compile(r"^\s*(\*\*|\*|__|_)(?P<lead>[^*_]+?)\1\s*")
# Every alternative stops at the next delimiter of its own kind, so a line of
# unclosed brackets or asterisks is scanned in linear time.
_INLINE = re.compile(r"\[(?P<link>[^\[\]]*)\]\([^()]*\)|\*\*(?P<bold>.+?)\*\*|(?<!\w)\*(?P<em>[^*\s][^*]*?)\*|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_DATE = re.compile(r"^(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$")
_DISTR = re.compile(r"^Distr\.:\s*(\S.*)$")
_ORIGINAL = re.compile(r"^Original:\s*(\S.*)$")
_LANGUAGE_NAMES = {
    "Arabic": "ar", "Chinese": "zh", "English": "en", "French": "fr", "Russian": "ru", "Spanish": "es",
}
# Longer digit strings are not footnote numbers (and would be slow to convert).
_MAX_NOTE_DIGITS = 6


@dataclass
class _Line:
    number: int
    text: str


@dataclass
class _Piece:
    """A passage under construction: raw text pieces with their lines."""

    line: int
    pieces: list[_Line] = field(default_factory=list)
    label: str = ""  # item letter, for sub-paragraphs

    def append(self, line: _Line) -> None:
        self.pieces.append(line)

    @property
    def last_text(self) -> str:
        return self.pieces[-1].text.rstrip() if self.pieces else ""


@dataclass
class _Para:
    kind: str
    number: int
    line: int
    head: _Piece
    items: list[_Piece] = field(default_factory=list)

    @property
    def current(self) -> _Piece:
        return self.items[-1] if self.items else self.head


class _Halves:
    """The ways `text` divides in two at `separator`, each half stripped and non-empty.

    A half is only cut out when it is short enough to be a known name (`longest`),
    so that a line with many separators costs linear time and memory.
    """

    def __init__(self, text: str, separator: str, longest: int):
        self.text, self.width, self.longest = text, len(separator), longest
        stripped = text.strip()
        self.start = len(text) - len(text.lstrip())
        self.end = self.start + len(stripped)
        # end[i]: just after the last non-space character before i; begin[i]: the first at or after i
        self.ends = [0] * (len(text) + 1)
        for i, ch in enumerate(text):
            self.ends[i + 1] = self.ends[i] if ch.isspace() else i + 1
        self.begins = [len(text)] * (len(text) + 1)
        for i in range(len(text) - 1, -1, -1):
            self.begins[i] = self.begins[i + 1] if text[i].isspace() else i
        cuts = [m.start() for m in re.finditer(re.escape(separator), text)] if separator else []
        self.cuts = [c for c in cuts if self.ends[c] > self.start and self.begins[c + self.width] < self.end]

    def left(self, cut: int) -> str | None:
        end = self.ends[cut]
        return self.text[self.start:end] if end - self.start <= self.longest else None

    def right(self, cut: int) -> str | None:
        begin = self.begins[cut + self.width]
        return self.text[begin:self.end] if self.end - begin <= self.longest else None

    def split(self, cut: int) -> list[str]:
        return [self.text[self.start:self.ends[cut]], self.text[self.begins[cut + self.width]:self.end]]


class _Buffer:
    """Text built piece by piece, with its length at hand in constant time."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0

    def append(self, piece: str) -> None:
        if piece:
            self.pieces.append(piece)
            self.length += len(piece)

    def rstrip(self) -> None:
        """Drop trailing whitespace."""
        while self.pieces:
            last = self.pieces[-1]
            kept = last.rstrip()
            self.length -= len(last) - len(kept)
            if kept:
                self.pieces[-1] = kept
                return
            self.pieces.pop()

    def text(self) -> str:
        return "".join(self.pieces)


@dataclass
class _Note:
    number: int
    line: int
    pieces: list[_Line]


class Parser:
    """One parse of one text; use `parse_text` or `parse_file`."""

    def __init__(self, text: str, name: str, lexicon: Lexicon, metadata: dict | None, known_names: frozenset[str],
                 file_symbol: str | None = None):
        self.name = name
        self.text = text.lstrip("\ufeff")
        self.lines = [_Line(i + 1, t) for i, t in enumerate(self.text.split("\n"))]
        self.lexicon = lexicon
        self.metadata = metadata or {}
        self.known_names = known_names
        self.file_symbol = file_symbol
        self.decisions: list[str] = []

    def error(self, line: int | None, message: str) -> SourceError:
        return SourceError(self.name, line, message)

    # -- top level -------------------------------------------------------------------------

    def parse(self) -> Resolution:
        # what stands at a line's edges is stripped (a form feed between pages, say); the rest is published
        refuse_unpublishable("\n".join(line.text.strip() for line in self.lines), self.name)
        opening_index, lang = self._find_opening()
        self.lang = lang
        document, sponsors = self._parse_header(self.lines[:opening_index])
        paras, notes = self._collect_body(self.lines[opening_index + 1 :])
        paragraphs, note_home = self._build_paragraphs(paras)
        footnotes = self._build_footnotes(notes, note_home)
        references = find_references(paragraphs, footnotes, lang, self.lexicon, document.organ)
        return Resolution(
            document=document,
            sponsors=sponsors,
            paragraphs=paragraphs,
            footnotes=footnotes,
            references=references,
            decisions=self.decisions,
            source_name=Path(self.name).name,
        )

    def _find_opening(self) -> tuple[int, Language]:
        for index, line in enumerate(self.lines):
            stripped = line.text.strip()
            for lang in self.lexicon.languages.values():
                if stripped == lang.opening:
                    return index, lang
        openings = " or ".join(repr(lang.opening) for lang in self.lexicon.languages.values())
        raise self.error(1, f"no opening line ({openings}) found: is this a General Assembly resolution?")

    # -- header ----------------------------------------------------------------------------

    def _parse_header(self, lines: list[_Line]) -> tuple[DocumentInfo, list[Sponsor]]:
        lang = self.lang
        fields: dict = {"language": lang.code}
        sponsors: list[Sponsor] = []
        sponsor_line = None
        rest: list[_Line] = []
        organ_names = {n: b for b in self.lexicon.bodies for n in b.names.get(lang.code, ())}
        sponsor_re = sponsor_pattern(lang)
        agenda_line = None
        for line in lines:
            text = _MARKER.sub("", line.text).strip()
            if not text:
                continue
            squeezed = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text)
            if "organ" not in fields and squeezed in organ_names:
                fields["organ"] = squeezed
            elif m := _DISTR.match(text):
                fields["distribution"] = m.group(1).strip()
            elif m := _DATE.match(text):
                fields["date"] = self._date(text, line.number)
            elif m := _ORIGINAL.match(text):
                name = m.group(1).strip()
                fields["original_language"] = _LANGUAGE_NAMES.get(name, name)
            elif text in _LANGUAGE_NAMES:
                pass  # the language of this version; the opening line already told
            elif m := lang.header["session"].match(text):
                fields["session"] = self._session_number(m.group("n"), line.number)
            elif lang.header["committee"].match(text):
                fields["committee"] = text
            elif m := lang.header["agenda_item"].match(text):
                fields["agenda_item"] = m.group("n")
                agenda_line = line
            elif sponsor_line is None and (m := sponsor_re.search(text)) and text[: m.start()].strip():
                sponsor_line = line
                fields["document_type"] = m.group("type")
                sponsors = self._split_sponsors(text[: m.start()].rstrip(), line.number)
            elif agenda_line is not None and "agenda_title" not in fields and sponsor_line is None:
                fields["agenda_title"] = text
            else:
                rest.append(_Line(line.number, text))
        after = [r for r in rest if sponsor_line is None or r.number > sponsor_line.number]
        if not after:
            where = sponsor_line.number if sponsor_line else (lines[-1].number if lines else 1)
            raise self.error(where, "no title: expected the resolution's title on a line of its own before the opening")
        fields["title"] = lang.joiner.join(r.text for r in after)
        fields["symbol"] = self.metadata.get("symbol")
        if self.file_symbol and fields["symbol"] and fields["symbol"] != self.file_symbol:
            raise SourceError(str(metadata_path(Path(self.name))), line_of(self.metadata, "symbol"),
                              f"the symbol {fields['symbol']} differs from the one the file name {Path(self.name).name} gives, {self.file_symbol}")
        fields["adoption"] = adoption(self.metadata)
        fields["metadata"] = self.metadata
        return DocumentInfo(**fields), sponsors

    def _date(self, text: str, line: int) -> str:
        try:
            return datetime.strptime(text, "%d %B %Y").date().isoformat()
        except ValueError:
            raise self.error(line, f"{text!r} is not a valid date") from None

    def _note_number(self, digits: str, line: int) -> int:
        """A footnote number from its superscript digits."""
        if len(digits) > _MAX_NOTE_DIGITS:
            raise self.error(line, f"footnote marker {digits[:_MAX_NOTE_DIGITS]}… has more than {_MAX_NOTE_DIGITS} digits")
        return int(digits.translate(_SUP_TO_INT))

    def _session_number(self, words: str, line: int) -> int:
        try:
            return chinese_number(words) if self.lang.code == "zh" else english_ordinal(words)
        except ValueError:
            raise self.error(line, f"cannot read the session number {words!r}") from None

    def _split_sponsors(self, text: str, line: int) -> list[Sponsor]:
        lang = self.lang
        parts = [p.strip() for p in text.split(lang.sponsor_separator)]
        last = parts.pop()
        split = self._last_two(last, line, alone=not parts)
        parts.extend(split or [last])
        if any(not p for p in parts):
            raise self.error(line, "empty sponsor name in the list of sponsors")
        return [Sponsor(p) for p in parts]

    def _last_two(self, last: str, line: int, alone: bool) -> list[str] | None:
        """Split the last item of the list (`A和B`, `A and B`) into two names; None if it is one name.

        Names may hold the separator themselves (特立尼达和多巴哥, Trinidad and Tobago), so
        the split with both halves known wins.  A lone item (the list has no other
        separator) is split only then; otherwise a single possible split is taken as it is.
        """
        halves = _Halves(last, self.lang.sponsor_last_separator, max(map(len, self.known_names), default=0))
        if not halves.cuts or last in self.known_names:
            return None
        known = [c for c in halves.cuts if halves.left(c) in self.known_names and halves.right(c) in self.known_names]
        if len(known) == 1:
            return halves.split(known[0])
        if alone:
            return None
        if len(halves.cuts) == 1:
            return halves.split(halves.cuts[0])
        viable = [c for c in halves.cuts if halves.left(c) in self.known_names or halves.right(c) in self.known_names]
        if len(viable) != 1:
            raise self.error(line, f"cannot tell where the last two sponsors divide in {last[:200]!r}: add both names to content/countries.yml")
        left, right = halves.split(viable[0])
        self.decisions.append(f"line {line}: split {last!r} as {left!r} and {right!r}, the split with a known name")
        return [left, right]

    # -- body ------------------------------------------------------------------------------

    def _lead_of(self, text: str) -> str | None:
        """The preambular lead phrase a line opens with, if it opens with one."""
        if m := _EMPHASIS_LEAD.match(text):
            return m.group("lead").strip()
        stripped = _MARKER.sub("", text.lstrip())
        for lead in self.lang.leads:
            if stripped.startswith(lead):
                if self.lang.joiner and len(stripped) > len(lead) and stripped[len(lead)].isalnum():
                    continue  # a whole word only, in languages with spaces
                return lead
        return None

    def _terminated(self, piece: _Piece) -> bool:
        text = _MARKER.sub("", piece.last_text).rstrip()
        text = re.sub(r"(\*\*|\*)$", "", text).rstrip()
        return text.endswith(self.lang.terminators)

    def _collect_body(self, lines: list[_Line]) -> tuple[list[_Para], list[_Note]]:
        paras: list[_Para] = []
        notes: list[_Note] = []
        in_note = False
        operative_seen: dict[int, int] = {}
        for line in lines:
            text = line.text
            if not text.strip():
                in_note = False
                continue
            if m := _FOOTNOTE_DEF.match(text):
                number = self._note_number(m.group(1), line.number)
                notes.append(_Note(number, line.number, [_Line(line.number, m.group(2))]))
                in_note = True
                continue
            if in_note:
                notes[-1].pieces.append(line)
                continue
            if m := _OPERATIVE.match(text):
                number = int(m.group(1))
                expected = len(operative_seen) + 1
                if number in operative_seen:
                    raise self.error(line.number, f"duplicate operative paragraph number {number} (first at line {operative_seen[number]})")
                if number != expected:
                    raise self.error(line.number, f"operative paragraph {expected} is missing: the numbering goes from {expected - 1} to {number}")
                operative_seen[number] = line.number
                paras.append(_Para("operative", number, line.number, _Piece(line.number, [_Line(line.number, m.group(2))])))
                continue
            if m := _ITEM.match(text):
                if not paras:
                    raise self.error(line.number, f"lettered item ({m.group(1)}) before any paragraph")
                para = paras[-1]
                expected = chr(ord("a") + len(para.items))
                if m.group(1) != expected:
                    raise self.error(line.number, f"item ({m.group(1)}) where item ({expected}) was expected in {paragraph_id(para.kind, para.number)}")
                para.items.append(_Piece(line.number, [_Line(line.number, m.group(2))], label=m.group(1)))
                continue
            lead = self._lead_of(text)
            if not paras:
                if operative_seen or lead is None:
                    raise self.error(line.number, "the first paragraph does not open with a known lead phrase (see content/languages/)")
                paras.append(_Para("preambular", 1, line.number, _Piece(line.number, [line])))
                continue
            para = paras[-1]
            terminated = self._terminated(para.current)
            if para.kind == "preambular" and lead is not None and terminated:
                paras.append(_Para("preambular", para.number + 1, line.number, _Piece(line.number, [line])))
                continue
            target = paragraph_id(para.kind, para.number) + (f"-{para.current.label}" if para.items else "")
            if terminated:
                why = "the paragraphs are numbered" if para.kind == "operative" else "it does not open with a known lead phrase"
                self.decisions.append(f"line {line.number}: joined to {target} although that ended a clause, because {why}")
            para.current.append(line)
        return paras, notes

    # -- passages --------------------------------------------------------------------------

    def _split_lead(self, text: str) -> tuple[str, str, str]:
        """Split a paragraph's first line into (raw lead, joiner, rest); the lead keeps its markers."""
        tight = self.lang.joiner == ""
        if m := _EMPHASIS_LEAD.match(text):
            rest = text[m.end():]
            return m.group("lead").strip(), self.lang.joiner if rest else "", rest
        lead = self._lead_of(text)
        if not lead:
            return "", "", text
        end = _skip_unmarked(text, len(lead))
        rest = text[end:]
        return text[:end], "", rest.lstrip() if tight else rest

    def _passage(self, piece: _Piece, owner: str, note_home: dict[int, tuple[str, int]], strip_lead: bool = False) -> tuple[str, Passage]:
        """Clean one passage's pieces to plain text with footnote offsets; return (lead, passage)."""
        joiner = self.lang.joiner
        # (text, line, joiner before it): the lines, with the lead split off the first one
        items = [(raw.text.strip(), raw.number, joiner) for raw in piece.pieces]
        lead_items = 0
        if strip_lead and items:
            first, number, _ = items[0]
            raw_lead, glue, rest = self._split_lead(first)
            items[0:1] = [(raw_lead, number, joiner), (rest, number, glue)]
            lead_items = 1
        parts: list[str] = []
        length = 0  # of "".join(parts), kept so that joining stays linear
        lead_length = 0
        notes: list[NoteRef] = []
        for index, (text, number, glue) in enumerate(items):
            if length and text:
                parts.append(glue)
                length += len(glue)
            out, local = self._clean(text, number, owner, length, note_home)
            parts.append(out)
            length += len(out)
            notes.extend(local)
            if index < lead_items:
                lead_length = length
        body = "".join(parts).rstrip()
        # a marker after trailing space (or on a line of its own) stands at the end
        notes = [n if n.offset <= len(body) else NoteRef(len(body), n.number) for n in notes]
        return body[:lead_length].rstrip(), Passage(body, notes)

    def _clean(self, text: str, line: int, owner: str, base: int, note_home: dict[int, tuple[str, int]]) -> tuple[str, list[NoteRef]]:
        """Drop Markdown syntax and footnote markers from one line of a passage."""
        out = _Buffer()
        notes: list[NoteRef] = []
        tight = self.lang.joiner == ""
        skip_space = False  # whether the text just read ended with a marker
        spaced = False  # whether a space stood before that marker

        def add(chunk: str) -> None:
            nonlocal skip_space
            if skip_space and chunk:
                # A marker stands after the word it annotates: a space before it moves after it.
                if tight or out.length == 0:
                    chunk = chunk.lstrip()
                elif spaced and not chunk[0].isspace():
                    chunk = " " + chunk
                skip_space = False
            out.append(chunk)

        def scan(segment: str) -> None:
            """Read `segment`; the text inside links and emphasis is read the same way."""
            nonlocal skip_space, spaced
            pos = 0
            for m in _INLINE.finditer(segment):
                add(segment[pos : m.start()])
                pos = m.end()
                if m.group("sup") is None:
                    scan(m.group("link") if m.group("link") is not None else (m.group("bold") or m.group("em") or ""))
                    continue
                number = self._note_number(m.group("sup"), line)
                before = out.length
                out.rstrip()
                spaced = spaced if skip_space else out.length < before
                notes.append(NoteRef(base + out.length, number))
                note_home.setdefault(number, (owner, line))
                skip_space = True
            add(segment[pos:])
            if tight:
                skip_space = False  # what follows a closing `](...)` or `*` is not right after the marker

        scan(text)
        result = out.text()
        if not tight:
            result = result.rstrip()
        return result, notes

    def _build_paragraphs(self, paras: list[_Para]) -> tuple[list[Paragraph], dict[int, tuple[str, int]]]:
        note_home: dict[int, tuple[str, int]] = {}
        out: list[Paragraph] = []
        for para in paras:
            pid = paragraph_id(para.kind, para.number)
            lead, body = self._passage(para.head, pid, note_home, strip_lead=True)
            if not body.text:
                raise self.error(para.line, f"{pid} is empty")
            cls = OperativeParagraph if para.kind == "operative" else PreambularParagraph
            paragraph = cls(id=pid, number=para.number, lead=lead, body=body, line=para.line)
            for item in para.items:
                sid = f"{pid}-{item.label}"
                _, sub_body = self._passage(item, sid, note_home)
                if not sub_body.text:
                    raise self.error(item.line, f"item ({item.label}) of {pid} is empty")
                paragraph.subparagraphs.append(SubParagraph(sid, item.label, sub_body, item.line))
            out.append(paragraph)
        if not any(p.kind == "operative" for p in out):
            last = paras[-1].line if paras else (self.lines[-1].number if self.lines else 1)
            raise self.error(last, "no operative paragraphs (numbered 1., 2., ...) found")
        return out, note_home

    def _build_footnotes(self, notes: list[_Note], note_home: dict[int, tuple[str, int]]) -> list[Footnote]:
        defined: dict[int, _Note] = {}
        for note in notes:
            if note.number in defined:
                raise self.error(note.line, f"footnote {_sup(note.number)} is defined twice (first at line {defined[note.number].line})")
            defined[note.number] = note
        for number, (owner, line) in sorted(note_home.items(), key=lambda kv: kv[1][1]):
            if number not in defined:
                raise self.error(line, f"footnote {_sup(number)} is referenced but never defined")
        footnotes: list[Footnote] = []
        for number, note in sorted(defined.items()):
            if number not in note_home:
                raise self.error(note.line, f"footnote {_sup(number)} is defined but never referenced")
            owner = note_home[number][0]
            _, body = self._passage(_Piece(note.line, note.pieces), f"fn-{number}", {})
            if body.notes:
                raise self.error(note.line, f"footnote {_sup(number)} contains a footnote marker")
            footnotes.append(Footnote(number, body, owner, note.line))
        return footnotes


def sponsor_pattern(lang: Language) -> re.Pattern:
    """The end of the sponsors' line: a colon, then the document type (`…：订正决议草案`).

    It is searched for rather than matched after a lazy `^(.+?)` and spaces,
    which backtracks quadratically over a long run of spaces.
    """
    types = "|".join(re.escape(t) for t in lang.document_types)
    return re.compile(rf"[：:]\s*(?P<type>{types})$", re.IGNORECASE)


def _skip_unmarked(text: str, count: int) -> int:
    """The index in `text` just after its first `count` characters that are not footnote markers."""
    seen = 0
    for index, ch in enumerate(text):
        if seen == count:
            return index
        if ch not in SUPERSCRIPT:
            seen += 1
    return len(text)


def _sup(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", SUPERSCRIPT))


def parse_text(text: str, name: str = "<text>", lexicon: Lexicon | None = None, metadata: dict | None = None,
               known_names: frozenset[str] = frozenset(), file_symbol: str | None = None) -> Resolution:
    """Parse decoded text into a Resolution, or raise SourceError; `file_symbol`: what the file's name gives."""
    return Parser(text, name, lexicon or load_lexicon(), metadata, known_names, file_symbol).parse()


def parse_file(path: Path, lexicon: Lexicon | None = None, known_names: frozenset[str] | None = None) -> Resolution:
    """Read, decode and parse a source file laid out as text, with the metadata file beside it."""
    if known_names is None:
        known_names = load_gazetteer().names()
    return parse_text(read_text(path), str(path), lexicon, load_metadata(path), known_names, symbol_from_name(path))
