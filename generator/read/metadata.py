"""The metadata file beside a source: what the text itself does not say.

`resolution.zh.txt` has `resolution.zh.meta.yml` beside it.  Each fact may
carry a note of where it comes from (`<fact>_source`); the file is validated
on load, and a fact that disagrees with the text is refused by the readers.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from ..knowledge.lexicon import check_keys, line_of, load_yaml
from ..model.document import Adoption
from ..source import SourceError, refuse_unpublishable


def metadata_path(source: Path) -> Path:
    """The metadata file beside a source: resolution.zh.txt -> resolution.zh.meta.yml."""
    return source.with_name(source.stem + ".meta.yml")


# What the metadata file beside a source may say.  Each fact may carry a note of
# where it comes from, `<fact>_source`; `adopted` and `licence` are mappings
# (their required keys, then their optional ones).
_FACTS = ("symbol", "document_type", "distribution", "date", "original_language", "draft")
_METADATA_OPTIONAL: dict[str, type] = {
    **{k: str for k in _FACTS}, **{f"{k}_source": str for k in _FACTS}, "text_source": str, "adopted": dict, "licence": dict,
}
_ADOPTED = ({"symbol": str, "date": str},
            {"meeting": str, "source": str, "report": str, "report_paragraph": int, "committee": str, "draft": str})
_LICENCE = ({"name": str, "attribution": str, "url": str}, {"source": str})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_metadata(source: Path) -> dict:
    """The facts the metadata file beside `source` adds (empty if there is none), validated."""
    path = metadata_path(source)
    if not path.exists():
        return {}
    name = str(path)
    data = load_yaml(path)
    check_keys(data, name, {}, _METADATA_OPTIONAL, where=1)
    for key, (required, optional) in (("adopted", _ADOPTED), ("licence", _LICENCE)):
        if key in data:
            check_keys(data[key], name, required, optional)
    for where, key in ((data, "date"), (data.get("adopted") or {}, "date")):
        if key in where and not _is_iso_date(where[key]):
            what = "adopted.date" if where is not data else "date"
            raise SourceError(name, line_of(where, key), f"{what} {where[key]!r} is not a date written YYYY-MM-DD")
    licence = data.get("licence")
    if licence is not None and not licence["url"].startswith(("https://", "http://")):
        raise SourceError(name, line_of(licence, "url"), f"licence.url {licence['url']!r} must be an http(s) address")
    for value, line in _strings(data):
        try:
            refuse_unpublishable(value, name)
        except SourceError as err:
            raise SourceError(name, line, err.message) from None
    return data


def _is_iso_date(text: str) -> bool:
    try:
        return bool(_ISO_DATE.match(text)) and bool(datetime.strptime(text, "%Y-%m-%d"))
    except ValueError:
        return False


def _strings(data: dict) -> list[tuple[str, int | None]]:
    """Every string value of a loaded mapping, nested ones too, with its line."""
    found: list[tuple[str, int | None]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            found.extend(_strings(value))
        elif isinstance(value, str):
            found.append((value, line_of(data, key)))
    return found


def adoption(metadata: dict) -> Adoption | None:
    """The adoption a draft's metadata file records (`adopted:`), or None."""
    adopted = metadata.get("adopted")
    if not isinstance(adopted, dict):
        return None
    paragraph = adopted.get("report_paragraph")
    return Adoption(symbol=adopted.get("symbol"), date=adopted.get("date"), meeting=adopted.get("meeting"),
                    committee=adopted.get("committee"), report=adopted.get("report"),
                    report_paragraph=None if paragraph is None else str(paragraph),
                    draft=adopted.get("draft"), source=" ".join(str(adopted.get("source") or "the metadata file").split()))


# A file named after its symbol: A_RES_12_345.en.json, A_C.3_12_L.34_Rev.1.zh.txt.
_SYMBOL_NAME = re.compile(r"^[A-Z][A-Za-z0-9.\-]*(?:_[A-Za-z0-9.\-]+)+$")
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2,3}$")


def symbol_from_name(path: Path) -> str | None:
    """The symbol a file's name gives (A_RES_12_345.en.json -> A/RES/12/345), or None for another name."""
    stem = _LANGUAGE_SUFFIX.sub("", path.name[: -len(path.suffix)] if path.suffix else path.name)
    return stem.replace("_", "/") if _SYMBOL_NAME.match(stem) else None
