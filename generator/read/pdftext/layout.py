"""The layout facts of PDF-extracted text in one language (content/pdftext.<code>.yml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...knowledge.lexicon import CONTENT, check_keys, check_text, compile_pattern, line_of, load_yaml
from ...source import SourceError


@dataclass(frozen=True)
class Layout:
    """How PDF-extracted text in one language is laid out."""

    code: str
    furniture: dict[str, re.Pattern]
    footnote_rule: re.Pattern
    footnote_definition: re.Pattern
    document_note: re.Pattern
    header: dict[str, re.Pattern]
    months: frozenset[str]
    adverbs: tuple[str, ...]
    phrases: tuple[str, ...]
    closing: re.Pattern
    suspended_before: frozenset[str]
    spaced_before: frozenset[str]
    spaced_not_after: frozenset[str]
    spaced_not_before: frozenset[str]
    year: re.Pattern
    symbol_number_digits: int
    single_opening: str
    sentence_ends: tuple[str, ...]
    guessed_lead: GuessedLead
    unsupported: Unsupported


@dataclass(frozen=True)
class GuessedLead:
    """What a preambular lead the lexicon lacks looks like: `pattern` (its participle or adjective
    in the group `word` after adverbs), and `participle`, what that word must be after a page break."""

    pattern: re.Pattern
    participle: re.Pattern


@dataclass(frozen=True)
class Unsupported:
    """What the layouts the reader refuses look like (see generator/read/pdftext/unsupported.py)."""

    annex: re.Pattern
    decimal_item: re.Pattern
    table_cell: re.Pattern


_HEADER_GROUPS = {
    "banner": (), "symbol": ("symbol",), "distribution": ("value",), "original": ("value",),
    "adopted": ("type", "organ", "date"), "report": ("committee", "report"), "without_reference": ("report",),
    "numbered_title": ("number", "title"),
}


def _words(value: list, name: str, where: int | None, what: str) -> tuple[str, ...]:
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise SourceError(name, where, f"{what} must be a list of non-empty strings")
    return tuple(value)


def _load_layout(path: Path) -> Layout:
    name = str(path)
    data = load_yaml(path)
    check_keys(data, name, {
        "code": str, "furniture": dict, "footnote_rule": str, "footnote_definition": str, "header": dict,
        "months": list, "operative_leads": dict, "closing": str, "suspended_hyphen_before": list,
        "spaced_reference": dict, "year": str, "symbol_number_digits": int, "single_opening": str,
        "sentence_ends": list, "guessed_lead": dict, "unsupported": dict, "document_note": str,
    })
    if data["code"] != path.stem.split(".", 1)[-1]:
        raise SourceError(name, line_of(data, "code"), f"code {data['code']!r} does not match the file name {path.name!r}")
    furniture = data["furniture"]
    check_keys(furniture, name, {"job_number": str, "barcode": str, "page_number": str})
    header = data["header"]
    check_keys(header, name, {k: str for k in _HEADER_GROUPS})
    leads = data["operative_leads"]
    check_keys(leads, name, {"adverbs": list, "phrases": list})
    spaced = data["spaced_reference"]
    check_keys(spaced, name, {"before": list, "not_after": list, "not_before": list})
    guessed = data["guessed_lead"]
    check_keys(guessed, name, {"pattern": str, "participle": str})
    unsupported = data["unsupported"]
    check_keys(unsupported, name, {"annex": str, "decimal_item": str, "table_cell": str})

    def words(mapping: dict, key: str, what: str) -> tuple[str, ...]:
        return _words(mapping[key], name, line_of(mapping, key), what)

    def pattern(mapping: dict, key: str, groups: tuple[str, ...] = ()) -> re.Pattern:
        return compile_pattern(mapping[key], name, line_of(mapping, key), groups)

    check_text(data, "single_opening", name)
    year = pattern(data, "year")
    if year.groups or not year.fullmatch("2019"):
        raise SourceError(name, line_of(data, "year"), "year must be a pattern without groups that matches 2019")
    if data["symbol_number_digits"] < 1:
        raise SourceError(name, line_of(data, "symbol_number_digits"), "symbol_number_digits must be at least 1")

    return Layout(
        code=data["code"],
        furniture={k: pattern(furniture, k) for k in furniture},
        footnote_rule=pattern(data, "footnote_rule"),
        footnote_definition=pattern(data, "footnote_definition", ("number", "text")),
        document_note=pattern(data, "document_note", ()),
        header={k: pattern(header, k, _HEADER_GROUPS[k]) for k in header},
        months=frozenset(words(data, "months", "months")),
        adverbs=tuple(sorted(words(leads, "adverbs", "adverbs"), key=len, reverse=True)),
        phrases=tuple(sorted(words(leads, "phrases", "phrases"), key=len, reverse=True)),
        closing=pattern(data, "closing", ("meeting",)),
        suspended_before=frozenset(words(data, "suspended_hyphen_before", "suspended_hyphen_before")),
        spaced_before=frozenset(words(spaced, "before", "spaced_reference.before")),
        spaced_not_after=frozenset(words(spaced, "not_after", "spaced_reference.not_after")),
        spaced_not_before=frozenset(words(spaced, "not_before", "spaced_reference.not_before")),
        year=year,
        symbol_number_digits=data["symbol_number_digits"],
        single_opening=data["single_opening"],
        sentence_ends=words(data, "sentence_ends", "sentence_ends"),
        guessed_lead=GuessedLead(pattern(guessed, "pattern", ("word",)), pattern(guessed, "participle")),
        unsupported=Unsupported(*(pattern(unsupported, k) for k in ("annex", "decimal_item", "table_cell"))),
    )


@lru_cache(maxsize=8)
def load_layout(code: str, content: Path = CONTENT) -> Layout:
    """The layout of PDF-extracted text in language `code`, validated."""
    path = content / f"pdftext.{code}.yml"
    if not path.exists():
        raise SourceError(str(path), None, f"no layout for PDF-extracted text in language {code!r}")
    return _load_layout(path)


def layout_codes(content: Path = CONTENT) -> tuple[str, ...]:
    """The languages that have a layout file."""
    return tuple(sorted(p.name.split(".")[1] for p in content.glob("pdftext.*.yml")))
