"""Reading sources into the document model.

A source is a text laid out as Markdown-like text (`.txt`, generator.read.text)
or a JSON record of text extracted from a PDF (`.json`,
generator.read.pdftext), each with an optional metadata file beside it
(generator.read.metadata).  `read_source` picks the reader by the file's suffix.
"""

from __future__ import annotations

from pathlib import Path

from ..knowledge.lexicon import line_of
from ..model.document import Resolution
from ..source import SourceError
from .metadata import metadata_path
from .pdftext import TextFieldError, read_pdftext
from .text import parse_file


def read_source(path: Path) -> Resolution:
    """Read one source file, whichever its layout, with the metadata file beside it."""
    res = read_pdftext(path) if path.suffix == ".json" else parse_file(path)
    res.source_path = str(path)
    return res


def symbol_error(path: Path, res: Resolution, message: str) -> SourceError:
    """An error about a source's symbol, at the line that states it: in the text, or in its metadata file."""
    line = res.document.symbol_line
    if line is not None:
        return TextFieldError(str(path), line, message) if path.suffix == ".json" else SourceError(str(path), line, message)
    meta = res.document.metadata
    adopted = meta.get("adopted") if isinstance(meta, dict) else None
    where = line_of(adopted, "symbol") if isinstance(adopted, dict) and "symbol" in adopted else line_of(meta, "symbol")
    return SourceError(str(metadata_path(path)), where, message)
