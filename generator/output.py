"""Atomic output: build into temporary folders, then swap them into place.

Every output folder (`exports/`, the generated docs, `site/`) is built in a
temporary folder beside it, named `.<name>.new-<pid>-<random>`.  Only when
all of them are complete are they swapped in, one rename pair each:
`<name>` -> `.<name>.old`, the new folder -> `<name>`, then the old one is
removed.  So a failed build (bad input, an exception, a killed process)
leaves every previous output as it was.

What a killed process can leave behind is tidied by the next build that
stages the same outputs: temporary folders of processes that no longer run
are removed, and an output caught between its two renames (the output
missing, `.<name>.old` present) gets its previous contents back.  The swaps
of several outputs follow one another within microseconds; a kill in that
window leaves each output whole, some old and some new, never half-written
or missing (after the next build's tidying).  Two builds writing the same
outputs at the same time are not supported.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def _old(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def _prefix(target: Path) -> str:
    return f".{target.name}.new-"


def _alive(pid: int) -> bool:
    """Is a process with this id running (as far as this process can tell)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def tidy(target: Path) -> None:
    """Undo what a killed build left beside `target` (see the module's note)."""
    old = _old(target)
    if not target.exists() and old.is_dir():
        old.rename(target)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    if not target.parent.is_dir():
        return
    owner = re.compile(re.escape(_prefix(target)) + r"(\d+)-")
    for leftover in target.parent.iterdir():
        m = owner.match(leftover.name)
        if m and leftover.is_dir() and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1))):
            shutil.rmtree(leftover, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    old = _old(target)
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


@contextmanager
def staged(*targets: Path) -> Iterator[list[Path]]:
    """Yield an empty folder beside each target; when the body succeeds, each replaces its target.

    If the body raises, every target is left as it was and the temporary
    folders are removed (after a kill, the next call removes them).
    """
    targets = tuple(t.resolve() for t in targets)
    if len(set(targets)) != len(targets):
        raise ValueError(f"the same output folder is named twice: {[str(t) for t in targets]}")
    folders: list[Path] = []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            tidy(target)
            folder = Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{os.getpid()}-", dir=target.parent))
            folder.chmod(0o755)
            folders.append(folder)
        yield list(folders)
    except BaseException:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    for folder, target in zip(folders, targets):
        _swap(folder, target)


@contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside `target`; on success it replaces `target` (see `staged`)."""
    with staged(target) as (folder,):
        yield folder
