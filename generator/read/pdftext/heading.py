"""The masthead and the heading of a resolution: symbol, dates, session,
agenda item, how it was adopted, and its title.

Lines that say what they are on their own (the symbol, a date, the session)
are read one by one; the lines between them are joined and read together
(the heading "Resolution adopted by ... / on 16 December 2021", a title or an
agenda item's title wrapped over several lines; the titles of several agenda
items, one after another, each opening a line with a capital).  The masthead's
"United Nations" is read once: a title may wrap before those words.
"""

from __future__ import annotations

import re

from ...model.document import Adoption, DocumentInfo
from ..numbers import english_ordinal
from .base import Line, Reading, blank_separated, iso_date, squash

LANGUAGE_NAMES = {"Arabic": "ar", "Chinese": "zh", "English": "en", "French": "fr", "Russian": "ru", "Spanish": "es"}


def is_anchor(reading: Reading, text: str) -> bool:
    """Whether a line is page furniture that anchors a block of it (page or job number, barcode)."""
    return any(p.match(text) for p in reading.layout.furniture.values())


class Heading:
    """One reading of the lines before the opening ("The General Assembly,")."""

    def __init__(self, reading: Reading, file_symbol: str | None = None):
        self.reading = reading
        self.file_symbol = file_symbol
        self.fields: dict = {"language": reading.lang.code}
        self.adoption: dict = {}
        self.lines: dict[str, int] = {}  # where a fact was read

    def read(self, lines: list[Line]) -> DocumentInfo:
        reading = self.reading
        for group in blank_separated(lines):
            pending: list[Line] = []
            for line in group:
                text = squash(line.text)
                if is_anchor(reading, text) or self._line(text, line.number):
                    self._chunk(pending)
                    pending = []
                else:
                    pending.append(line)
            self._chunk(pending)
        fields = self.fields
        if "_title" not in fields:
            raise reading.error(lines[-1].number if lines else 1, "no title: expected a line such as '12/345. Title' before the opening")
        title_line, fields["title"] = fields.pop("_title")
        number = fields.pop("_number", None)
        meta_symbol = reading.metadata.get("symbol")
        if meta_symbol and fields.get("symbol") and meta_symbol != fields["symbol"]:
            raise reading.error(self.lines.get("symbol"), f"the text's symbol {fields['symbol']} differs from the metadata file's {meta_symbol}")
        if self.file_symbol and fields.get("symbol") and self.file_symbol != fields["symbol"]:
            raise reading.error(self.lines.get("symbol"), f"the text's symbol {fields['symbol']} differs from the one "
                                                          f"its file name gives, {self.file_symbol}")
        fields["symbol"] = fields.get("symbol") or meta_symbol
        fields["symbol_line"] = self.lines.get("symbol")
        if number and fields["symbol"] and not fields["symbol"].endswith("/" + number.replace(" ", "")):
            raise reading.error(title_line, f"the resolution number {number} does not match the symbol {fields['symbol']}")
        for key in ("date", "distribution", "document_type"):
            known = reading.metadata.get(key)
            if known is not None and key in fields and str(known) != fields[key]:
                raise reading.error(lines[0].number if lines else 1,
                                    f"the heading gives the {key} as {fields[key]!r}, the metadata file as {str(known)!r}")
        fields.setdefault("original_language", reading.metadata.get("original_language"))
        if self.adoption:
            adopted_here = fields.get("document_type") == "resolution"
            fields["adoption"] = Adoption(symbol=fields["symbol"] if adopted_here else None,
                                          draft=_text(reading.metadata.get("draft")), **self.adoption)
        fields["metadata"] = reading.metadata
        return DocumentInfo(**fields)

    def _line(self, text: str, number: int) -> bool:
        """Read one line that says what it is on its own; False if it does not."""
        reading, fields = self.reading, self.fields
        pats, lang = reading.layout.header, reading.lang
        organs = {n for b in reading.lexicon.bodies for n in b.names.get(lang.code, ())}
        if "banner" not in self.lines and pats["banner"].match(text):
            self.lines["banner"] = number  # once: a title may wrap before "United Nations"
        elif "organ" not in fields and text in organs:
            fields["organ"] = text
        elif "symbol" not in fields and (m := pats["symbol"].match(text)):
            fields["symbol"], self.lines["symbol"] = m.group("symbol"), number
        elif m := pats["distribution"].match(text):
            fields["distribution"] = m.group("value")
        elif m := pats["original"].match(text):
            fields["original_language"] = LANGUAGE_NAMES.get(m.group("value"), m.group("value"))
        elif "date" not in fields and (iso := iso_date(text)):
            fields["date"] = iso
        elif m := lang.header["session"].match(text):
            try:
                fields["session"] = english_ordinal(m.group("n"))
            except ValueError:
                raise reading.error(number, f"cannot read the session number {m.group('n')!r}") from None
        elif lang.header["committee"].match(text):
            fields["committee"] = text
        elif "agenda_item" not in fields and (m := lang.header["agenda_item"].match(text)):
            fields["agenda_item"], self.lines["agenda"] = m.group("n"), number
        else:
            return False
        return True

    def _chunk(self, lines: list[Line]) -> None:
        """Read lines of the heading that only make sense together."""
        if not lines:
            return
        reading, fields = self.reading, self.fields
        pats = reading.layout.header
        text = squash(" ".join(line.text for line in lines))
        first = lines[0].number
        if m := pats["adopted"].match(text):
            fields["document_type"] = m.group("type").lower()
            date = iso_date(m.group("date"))
            if date is None:
                raise reading.error(first, f"cannot read the date {m.group('date')!r}")
            self.agrees("date", date, first)
            self.adoption["date"] = date
        elif m := pats["report"].match(text):
            fields["committee"] = m.group("committee")
            self.agrees("committee", m.group("committee"), first)
            self.agrees("report", m.group("report"), first)
            self.adoption.update(committee=m.group("committee"), report=m.group("report"),
                                 report_paragraph=m.groupdict().get("paragraph"))
        elif m := pats["without_reference"].match(text):
            self.agrees("report", m.group("report"), first)
            self.adoption.update(report=m.group("report"))
        elif "_title" not in fields and (m := pats["numbered_title"].match(text)):
            fields["_title"], fields["_number"] = (first, m.group("title")), m.group("number")
        elif text.startswith("["):
            raise reading.error(first, f"cannot read the bracket {text[:80]!r}: expected '[on the report of the ... "
                                       "Committee (symbol)]' or '[without reference to a Main Committee (symbol)]'")
        elif "agenda" in self.lines and "agenda_title" not in fields and first > self.lines["agenda"] and "document_type" not in fields:
            fields["agenda_title"] = self._agenda_titles(lines)
        elif "_title" not in fields and "document_type" in fields:
            fields["_title"] = (first, text)
        else:
            raise reading.error(first, f"unexpected text in the heading: {text[:60]!r}")

    def _agenda_titles(self, lines: list[Line]) -> str | None:
        """The title of each agenda item, joined by "; ".  Several items' titles stand one after
        another, each opening a line with a capital; where more lines open with one than there are
        items, the titles cannot be told apart and none is read (recorded as a decision)."""
        count = len(re.findall(r"\d+", self.fields["agenda_item"]))
        starts = [i for i, line in enumerate(lines) if i == 0 or line.text[:1].isupper()]
        if count == 1:
            return squash(" ".join(line.text for line in lines))
        if len(starts) != count:
            self.reading.decide(lines[0].number, f"did not read the titles of agenda items {self.fields['agenda_item']}: "
                                                 f"{len(starts)} of their lines open with a capital, not {count}")
            return None
        bounds = starts + [len(lines)]
        return "; ".join(squash(" ".join(line.text for line in lines[a:b])) for a, b in zip(bounds, bounds[1:]))

    def agrees(self, key: str, value: str, line: int) -> None:
        """Check a fact of the adoption against the metadata file's `adopted` entry, if it has one."""
        adopted = self.reading.metadata.get("adopted")
        known = adopted.get(key) if isinstance(adopted, dict) else None
        if known is not None and str(known) != value:
            raise self.reading.error(line, f"the text gives the {key} of adoption as {value!r}, the metadata file as {str(known)!r}")


def _text(value: object) -> str | None:
    return None if value is None else str(value)
