"""Reading input files: decoding, line endings, and the error every reader raises."""

from __future__ import annotations

import re
from pathlib import Path


class SourceError(Exception):
    """Bad input: a message that names the file and, where it can, the line."""

    def __init__(self, name: str, line: int | None, message: str):
        super().__init__(message)
        self.name = name
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.name}:{self.line}" if self.line else self.name
        return f"{where}: {self.message}"


# Characters that neither HTML nor XML 1.0 can carry: C0 controls other than
# tab and line ends (form feed and vertical tab too), DEL and the C1 controls,
# lone surrogates and the noncharacters.  No faithful page or dataset can hold them.
_UNPUBLISHABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)


def _describe(ch: str) -> str:
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate"
    if code < 0xA0:
        return "a control character"
    return "a noncharacter"


def refuse_unpublishable(text: str, name: str) -> None:
    """Raise SourceError at the first character that no page or dataset could carry."""
    if m := _UNPUBLISHABLE.search(text):
        line = text.count("\n", 0, m.start()) + 1
        raise SourceError(name, line, f"the text contains U+{ord(m.group()):04X}, {_describe(m.group())}: remove it")


_GUESSES = (("gb18030", "GB18030 (GBK/GB2312)"), ("big5", "Big5"), ("shift_jis", "Shift JIS"))


def _guess_encoding(data: bytes) -> str | None:
    """Name a legacy encoding that decodes `data` to mostly CJK text, if one does."""
    for codec, label in _GUESSES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        if cjk and cjk >= 0.2 * len(text.strip()):
            return label
    return None


def decode(data: bytes, name: str) -> str:
    """UTF-8 bytes to text with LF line endings; a BOM is dropped."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(name, 1, "the file is UTF-16; convert it to UTF-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        hint = f"it looks like {guess}; convert it to UTF-8 (for example: iconv -f {guess.split()[0]} -t UTF-8)" if guess else "convert it to UTF-8"
        raise SourceError(name, line, f"the file is not UTF-8 (byte 0x{data[err.start]:02x}); {hint}") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SourceError(name, line, "the file contains NUL bytes: it is not a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(name, None, "the file is empty")
    return text


def read_text(path: Path) -> str:
    """Read and decode a source file, or raise SourceError."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(str(path), None, f"cannot read the file: {err.strerror}") from None
    return decode(data, str(path))
