"""Interface strings: content/ui/<part>.<lang>.yml, merged per language."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .lexicon import CONTENT, line_of, load_yaml
from .source import SourceError


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
