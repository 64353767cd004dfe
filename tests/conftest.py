"""Shared fixtures: the project's paths and the parsed source."""

from pathlib import Path

import pytest

from generator.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "source" / "resolution.zh.txt"
SAMPLE_EN = ROOT / "tests" / "data" / "sample.en.txt"


@pytest.fixture(scope="session")
def resolution():
    return parse_file(SOURCE)


@pytest.fixture(scope="session")
def sample_en():
    return parse_file(SAMPLE_EN)
