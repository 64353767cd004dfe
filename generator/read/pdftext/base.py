"""What every stage of one reading shares: the lines of the `text` field, the
error they raise, the decisions they record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ...knowledge.lexicon import Language, Lexicon
from ...source import SourceError
from .layout import Layout


class TextFieldError(SourceError):
    """Bad input; `line` counts the lines of the JSON record's `text` field."""

    def __str__(self) -> str:
        if self.line:
            return f"{self.name}: text line {self.line}: {self.message}"
        return f"{self.name}: {self.message}"


@dataclass
class Line:
    number: int  # line number within the `text` field
    text: str  # outer spaces stripped
    page: int = 0
    marks: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, footnote number)


@dataclass
class Reading:
    """One reading of one text: its name, language, layout and metadata, and the decisions taken."""

    name: str
    lexicon: Lexicon
    metadata: dict
    lang: Language
    layout: Layout
    decisions: list[str] = field(default_factory=list)

    def error(self, line: int | None, message: str) -> TextFieldError:
        return TextFieldError(self.name, line, message)

    def decide(self, line: int, message: str) -> None:
        """Record a decision taken where the text is ambiguous."""
        self.decisions.append(f"text line {line}: {message}")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def iso_date(text: str) -> str | None:
    """11 January 2022 -> 2022-01-11, or None."""
    try:
        return datetime.strptime(text, "%d %B %Y").date().isoformat()
    except ValueError:
        return None


def blank_separated(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def decision_line(decision: str) -> int:
    m = re.match(r"text line (\d+)", decision)
    return int(m.group(1)) if m else 0
