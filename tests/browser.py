"""Debian's Chromium for the browser tests: where it is, how to start it, when to skip.

A developer without Chromium (or the other tools the quality checks need)
sees the tests skipped with a message saying what to install; CI sets
REQUIRE_BROWSER=1 (.ci/run), and there a missing tool fails the test.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NoReturn

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium reaches for Google's hosts at start-up.
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only", "--no-default-browser-check",
]


def missing(message: str) -> NoReturn:
    """Skip the test because a tool is missing, or fail it where REQUIRE_BROWSER=1 (CI)."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (REQUIRE_BROWSER=1: not skipped)")
    pytest.skip(message)


def require_chromium() -> str:
    """The Chromium path, or a skip (a failure in CI)."""
    if not Path(CHROMIUM).exists():
        missing(f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set CHROMIUM=...)")
    return CHROMIUM


def require_file(path: Path, what: str) -> Path:
    """A tool installed from the npm registry, or a skip (a failure in CI)."""
    if not path.exists():
        missing(f"{what} not found at {path}: run `npm ci` (make test does)")
    return path


def require_program(name: str, package: str) -> str:
    """A program on PATH, or a skip (a failure in CI)."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} not found: apt-get install {package}")
    return found


def launch(playwright):
    """Start headless Chromium through Playwright, never downloading a browser."""
    return playwright.chromium.launch(executable_path=require_chromium(), args=[f for f in FLAGS if f != "--headless=new"])


@contextmanager
def chromium() -> Iterator:
    """A running headless Chromium (a Playwright Browser), closed on exit."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            yield browser
        finally:
            browser.close()
