"""Read the raw text that a PDF extractor takes from a UN resolution.

The input is a JSON record whose `text` field holds the text of the official
PDF, page after page (content/source/*.en.json); its other fields
are ignored.  The text carries the PDF's traces (page furniture, footnotes at
the page feet, references as plain digits, hyphenated line ends), and the
reader removes them on structural evidence, with the layout facts in
content/pdftext.<code>.yml.  Each stage is a module of its own: `heading`,
`pages`, `footnotes` (definitions), `marks` (references, at the places
`candidates` finds), `structure` (with `leads` and `unsupported`, the layouts
it refuses), `passages`, run in order by `reader`.

Bad input raises TextFieldError (a SourceError) naming the file and the line
within the `text` field; facts of the heading that disagree with the metadata
file beside the source are bad input too.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...knowledge.lexicon import Lexicon, load_lexicon
from ...model.document import Resolution
from ...source import SourceError, read_text, refuse_unpublishable
from ..metadata import load_metadata, symbol_from_name
from .base import TextFieldError
from .layout import Layout, load_layout
from .reader import read_text_field

__all__ = ["Layout", "TextFieldError", "load_layout", "parse_pdftext", "read_pdftext", "read_record"]


def parse_pdftext(text: str, name: str = "<text>", lexicon: Lexicon | None = None, metadata: dict | None = None,
                  file_symbol: str | None = None) -> Resolution:
    """Read the text of a PDF-extracted resolution (the `text` field) into a Resolution.

    `file_symbol`: the symbol the file's name gives, which the text's must equal.
    """
    if not text.strip():
        raise TextFieldError(name, None, "the `text` field is empty")
    if "\x00" in text:
        raise TextFieldError(name, text[: text.index("\x00")].count("\n") + 1, "the `text` field contains NUL characters")
    try:
        refuse_unpublishable(text, name)
    except SourceError as err:
        raise TextFieldError(name, err.line, err.message) from None
    return read_text_field(text.replace("\r\n", "\n").replace("\r", "\n"), name, lexicon or load_lexicon(), metadata or {},
                           file_symbol)


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
    return parse_pdftext(read_record(path), str(path), lexicon, load_metadata(path), symbol_from_name(path))
