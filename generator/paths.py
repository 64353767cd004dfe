"""Output paths from ids and slugs: nothing the input says can lead outside the output folder.

Every file the generator writes under an output folder should be named with
`safe_path(root, *parts)`, where each part is one path component (a folder or
file name) and may come from the input: an id, a slug, a number.
"""

from __future__ import annotations

import re
from pathlib import Path

from .source import SourceError

# A slug in a URL (/actors/<slug>/): lower-case ASCII words joined by hyphens.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Longest file name most file systems accept, in UTF-8 bytes.
_MAX_NAME_BYTES = 255
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def part_problem(part: object) -> str | None:
    """Why `part` cannot be one component of an output path, or None if it can."""
    if not isinstance(part, str):
        return f"{part!r} is not a string"
    if part in ("", ".", ".."):
        return f"{part!r} is not a file or folder name"
    if "/" in part or "\\" in part:
        return f"{part!r} contains a path separator"
    if ":" in part:
        return f"{part!r} contains ':' (a drive or stream name on Windows)"
    if _CONTROL.search(part):
        return f"{part!r} contains a control character"
    if part != part.strip() or part.endswith("."):
        return f"{part!r} begins or ends with a space or ends with a dot"
    if len(part.encode("utf-8")) > _MAX_NAME_BYTES:
        return f"{part[:40]!r}… is longer than {_MAX_NAME_BYTES} bytes"
    return None


def safe_path(root: Path, *parts: str) -> Path:
    """`root / part / part ...`, refusing any part that could climb out of `root`.

    Raises SourceError (naming `root`) for `..`, absolute paths, separators,
    drive names, control characters, and for a path that leads outside `root`
    through a symbolic link already there.
    """
    for part in parts:
        problem = part_problem(part)
        if problem:
            raise SourceError(str(root), None, f"refusing to write outside the output folder: {problem}")
    path = root.joinpath(*parts)
    base = root.resolve()
    if not path.resolve().is_relative_to(base):
        raise SourceError(str(root), None, f"refusing to write outside the output folder: {'/'.join(parts)!r} leads to {path.resolve()}")
    return path


def check_slug(slug: object, name: str, line: int | None) -> str:
    """Return `slug` if it is a URL slug (lower-case ASCII words and hyphens); else SourceError at name:line."""
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise SourceError(name, line, f"slug {slug!r} must be lower-case letters a-z, digits and single hyphens (e.g. 'special-rapporteur')")
    return slug
