"""Interface strings: content/ui/<part>.<lang>.yml, merged per language."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .lexicon import CONTENT, line_of, load_yaml
from ..source import SourceError


@lru_cache(maxsize=8)
def strings(lang: str, content: Path = CONTENT) -> dict[str, dict]:
    """Every `content/ui/*.<lang>.yml` file, keyed by its part name (`site`, `indexes`...)."""
    merged: dict[str, dict] = {}
    for path in sorted((content / "ui").glob(f"*.{lang}.yml")):
        data = load_yaml(path)
        if not isinstance(data, dict):
            raise SourceError(str(path), 1, "expected a mapping of interface strings")
        for key, value in data.items():
            if not isinstance(value, (str, dict, list)):
                raise SourceError(str(path), line_of(data, key), f"{key!r}: expected a string, a list or a mapping")
        part = path.name[: -len(f".{lang}.yml")]
        merged[part] = dict(data)
    if not merged:
        raise SourceError(str(content / "ui"), None, f"no interface strings for language {lang!r} (content/ui/*.{lang}.yml)")
    return merged


def required(lang: str, part: str, keys: Iterable[str], kind: str, purpose: str) -> dict:
    """One part's strings for `lang`, refusing a missing file or a missing key."""
    ui = strings(lang).get(part)
    name = f"content/ui/{part}.{lang}.yml"
    if ui is None:
        raise SourceError(name, None, f"no {kind} for {purpose}")
    missing = [k for k in keys if k not in ui]
    if missing:
        raise SourceError(name, None, f"missing {kind}: {', '.join(missing)}")
    return ui


# Interface strings the datasets need from content/ui/downloads.<lang>.yml.
DOWNLOADS_KEYS = (
    "title", "description", "intro", "file_facts", "size", "formats", "files", "paragraph_records", "encoding",
    "checksums", "licence", "examples", "subparagraph_label", "akn", "language_names",
)


def downloads_strings(lang: str) -> dict:
    """The datasets' strings for `lang`, checked for completeness."""
    return required(lang, "downloads", DOWNLOADS_KEYS, "strings", "the datasets and the downloads page")


# Strings of the pages' metadata (link previews, JSON-LD): content/ui/metadata.<lang>.yml.
METADATA_KEYS = ("locale", "organization")


def metadata_strings(lang: str) -> dict:
    """The page metadata's strings for `lang`, checked for completeness."""
    return required(lang, "metadata", METADATA_KEYS, "metadata strings", "the pages' link previews and JSON-LD")
