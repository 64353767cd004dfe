"""The collection file (content/collection.yml): which sources the site publishes.

It lists source files, relative to the folder the collection file names
(`folder`), the site's main text first.  Everything else (which resolution
each text is, its language, the series they form) the texts say themselves.
"""

from __future__ import annotations

from pathlib import Path

from ..knowledge.lexicon import check_keys, line_of, load_yaml
from ..source import SourceError

COLLECTION = Path("content/collection.yml")


def load_manifest(path: Path = COLLECTION) -> list[Path]:
    """The source files a collection file lists, the main text first, each checked to exist once."""
    name = str(path)
    if not path.is_file():
        raise SourceError(name, None, "no collection file: list the sources to publish, or name one with --source")
    data = load_yaml(path)
    check_keys(data, name, {"folder": str, "sources": list}, where=1)
    sources = data["sources"]
    if not sources:
        raise SourceError(name, line_of(data, "sources"), "the collection lists no sources")
    folder = path.parent / data["folder"]
    seen: dict[str, int | None] = {}
    paths = []
    for index, entry in enumerate(sources):
        line = line_of(sources, index)
        if not isinstance(entry, str) or not entry.strip():
            raise SourceError(name, line, f"a source must be a file name, not {entry!r}")
        if entry in seen:
            raise SourceError(name, line, f"{entry} is listed twice (first at line {seen[entry]})")
        seen[entry] = line
        source = folder / entry
        if not source.is_file():
            raise SourceError(name, line, f"{source} does not exist")
        paths.append(source)
    return paths
