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

from . import cite
from .countries import load_gazetteer
from .lexicon import Language, Lexicon, load_lexicon, load_yaml
from .model import (
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
from .source import SourceError, read_text

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_INT = str.maketrans(SUPERSCRIPT, "0123456789")
_MARKER = re.compile(f"[{SUPERSCRIPT}]+")
_FOOTNOTE_DEF = re.compile(rf"^\s*([{SUPERSCRIPT}]+)\s*(\S.*)$")
_ITEM = re.compile(r"^\s*(?:[-*+]\s+)?\(([a-z])\)\s*(.*)$")
_OPERATIVE = re.compile(r"^\s*(\d{1,4})\.(?:\s+|(?=\*))(.*)$")
_EMPHASIS_LEAD = re.compile(r"^\s*(\*\*|\*|__|_)(?P<lead>[^*_]+?)\1\s*")
_INLINE = re.compile(r"\[(?P<link>[^\]]*)\]\([^)]*\)|\*\*(?P<bold>.+?)\*\*|(?<!\w)\*(?P<em>[^*\s][^*]*?)\*|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_DATE = re.compile(r"^(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$")
_DISTR = re.compile(r"^Distr\.:\s*(\S.*)$")
_ORIGINAL = re.compile(r"^Original:\s*(\S.*)$")
_LANGUAGE_NAMES = {
    "Arabic": "ar", "Chinese": "zh", "English": "en", "French": "fr", "Russian": "ru", "Spanish": "es",
}
_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EN_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def chinese_number(text: str) -> int:
    """七十六 -> 76 (numbers below 1,000)."""
    total, digit = 0, None
    for ch in text:
        if ch in _CJK_DIGITS:
            digit = _CJK_DIGITS[ch]
        elif ch == "十":
            total += (digit if digit is not None else 1) * 10
            digit = None
        elif ch == "百":
            total += (digit if digit is not None else 1) * 100
            digit = None
        else:
            raise ValueError(text)
    return total + (digit or 0)


def english_ordinal(text: str) -> int:
    """Seventy-sixth -> 76."""
    total = 0
    for part in text.lower().split("-"):
        if part in _EN_UNITS:
            total += _EN_UNITS[part]
        elif part in _EN_TENS:
            total += _EN_TENS[part]
        else:
            raise ValueError(text)
    return total


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


@dataclass
class _Note:
    number: int
    line: int
    pieces: list[_Line]


class Parser:
    """One parse of one text; use `parse_text` or `parse_file`."""

    def __init__(self, text: str, name: str, lexicon: Lexicon, metadata: dict | None, known_names: frozenset[str]):
        self.name = name
        self.lines = [_Line(i + 1, t) for i, t in enumerate(text.lstrip("\ufeff").split("\n"))]
        self.lexicon = lexicon
        self.metadata = metadata or {}
        self.known_names = known_names
        self.decisions: list[str] = []

    def error(self, line: int | None, message: str) -> SourceError:
        return SourceError(self.name, line, message)

    # -- top level -------------------------------------------------------------------------

    def parse(self) -> Resolution:
        opening_index, lang = self._find_opening()
        self.lang = lang
        document, sponsors = self._parse_header(self.lines[:opening_index])
        paras, notes = self._collect_body(self.lines[opening_index + 1 :])
        paragraphs, note_home = self._build_paragraphs(paras)
        footnotes = self._build_footnotes(notes, note_home)
        references = cite.find_references(paragraphs, footnotes, lang, self.lexicon, document.organ)
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
        types = "|".join(re.escape(t) for t in lang.document_types)
        sponsor_re = re.compile(rf"^(?P<sponsors>.+?)\s*[：:]\s*(?P<type>{types})$", re.IGNORECASE)
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
                fields["date"] = datetime.strptime(text, "%d %B %Y").date().isoformat()
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
            elif sponsor_line is None and (m := sponsor_re.match(text)):
                sponsor_line = line
                fields["document_type"] = m.group("type")
                sponsors = self._split_sponsors(m.group("sponsors"), line.number)
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
        fields["metadata"] = self.metadata
        return DocumentInfo(**fields), sponsors

    def _session_number(self, words: str, line: int) -> int:
        try:
            return chinese_number(words) if self.lang.code == "zh" else english_ordinal(words)
        except ValueError:
            raise self.error(line, f"cannot read the session number {words!r}") from None

    def _split_sponsors(self, text: str, line: int) -> list[Sponsor]:
        lang = self.lang
        parts = [p.strip() for p in text.split(lang.sponsor_separator)]
        last = parts.pop()
        sep = lang.sponsor_last_separator
        cuts = [m.start() for m in re.finditer(re.escape(sep), last)]
        pairs = [(last[:c].strip(), last[c + len(sep):].strip()) for c in cuts]
        pairs = [p for p in pairs if p[0] and p[1]]
        if parts and pairs:
            known = [p for p in pairs if p[0] in self.known_names and p[1] in self.known_names]
            if len(known) == 1:
                pairs = known
            elif len(pairs) > 1:
                viable = [p for p in pairs if p[1] in self.known_names or p[0] in self.known_names]
                if len(viable) != 1:
                    raise self.error(line, f"cannot tell where the last two sponsors divide in {last!r}: add both names to content/countries.yml")
                pairs = viable
                self.decisions.append(f"line {line}: split {last!r} as {pairs[0][0]!r} and {pairs[0][1]!r}, the split with a known name")
            parts.extend(pairs[0])
        else:
            parts.append(last)
        if any(not p for p in parts):
            raise self.error(line, "empty sponsor name in the list of sponsors")
        return [Sponsor(p) for p in parts]

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
                number = int(m.group(1).translate(_SUP_TO_INT))
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

    def _passage(self, piece: _Piece, owner: str, note_home: dict[int, tuple[str, int]], strip_lead: bool = False) -> tuple[str, Passage]:
        """Clean one passage's pieces to plain text with footnote offsets; return (lead, passage)."""
        lead = ""
        parts: list[str] = []
        notes: list[NoteRef] = []
        joiner = self.lang.joiner
        tight = joiner == ""
        for index, raw in enumerate(piece.pieces):
            text = raw.text.strip()
            if index == 0 and strip_lead:
                if m := _EMPHASIS_LEAD.match(text):
                    lead = _INLINE.sub(lambda x: x.group("link") or x.group("bold") or x.group("em") or "", m.group("lead")).strip()
                    text = lead + (" " if not tight and m.end() < len(text) else "") + text[m.end():]
                else:
                    lead = self._lead_of(text) or ""
                    if tight and lead:
                        text = lead + text[len(lead):].lstrip()
            prefix = "".join(parts)
            if prefix and text:
                prefix += joiner
            out, local = self._clean(text, raw.number, owner, len(prefix), note_home)
            parts = [prefix + out]
            notes.extend(local)
        body = "".join(parts)
        return lead, Passage(body.rstrip(), notes)

    def _clean(self, text: str, line: int, owner: str, base: int, note_home: dict[int, tuple[str, int]]) -> tuple[str, list[NoteRef]]:
        """Drop Markdown syntax and footnote markers from one line of a passage."""
        out: list[str] = []
        notes: list[NoteRef] = []
        tight = self.lang.joiner == ""
        skip_space = False
        pos = 0
        for m in _INLINE.finditer(text):
            chunk = text[pos : m.start()]
            if skip_space:
                chunk = chunk.lstrip() if tight else (chunk[1:] if chunk.startswith(" ") and "".join(out).endswith(" ") else chunk)
            out.append(chunk)
            pos = m.end()
            skip_space = False
            if m.group("sup") is not None:
                number = int(m.group("sup").translate(_SUP_TO_INT))
                current = "".join(out)
                if tight:
                    current = current.rstrip()
                out = [current]
                notes.append(NoteRef(base + len(current), number))
                note_home.setdefault(number, (owner, line))
                skip_space = True
            else:
                out.append(m.group("link") if m.group("link") is not None else (m.group("bold") or m.group("em") or ""))
        chunk = text[pos:]
        if skip_space:
            chunk = chunk.lstrip() if tight else (chunk[1:] if chunk.startswith(" ") and "".join(out).endswith(" ") else chunk)
        out.append(chunk)
        result = "".join(out)
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


def _sup(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", SUPERSCRIPT))


def metadata_path(source: Path) -> Path:
    """The metadata file beside a source: resolution.zh.txt -> resolution.zh.meta.yml."""
    return source.with_name(source.stem + ".meta.yml")


def load_metadata(source: Path) -> dict:
    path = metadata_path(source)
    if not path.exists():
        return {}
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise SourceError(str(path), 1, "expected a mapping of facts about the source")
    return dict(data)


def parse_text(text: str, name: str = "<text>", lexicon: Lexicon | None = None, metadata: dict | None = None,
               known_names: frozenset[str] = frozenset()) -> Resolution:
    """Parse decoded text into a Resolution, or raise SourceError."""
    return Parser(text, name, lexicon or load_lexicon(), metadata, known_names).parse()


def parse_file(path: Path, lexicon: Lexicon | None = None, known_names: frozenset[str] | None = None) -> Resolution:
    """Read, decode and parse a source file with the metadata file beside it."""
    if known_names is None:
        known_names = load_gazetteer().names()
    return parse_text(read_text(path), str(path), lexicon, load_metadata(path), known_names)
