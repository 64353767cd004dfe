"""The URL contract: where each paragraph, footnote and cited document lives."""

from __future__ import annotations

import re

from .model.document import Reference

# undocs.org serves official documents by symbol, in each official language.
UNDOCS = "https://undocs.org/{lang}/{symbol}"
UNTS = "https://treaties.un.org/doc/Publication/UNTS/Volume%20{volume}/v{volume}.pdf"
SDG_TARGET = "https://unstats.un.org/sdgs/metadata/?Text=&Goal={goal}&Target={target}"

_ID = re.compile(r"^(pp|op)-([1-9][0-9]*)(?:-([a-z]))?$")


def split_id(pid: str) -> tuple[str, int, str | None]:
    """pp-10-a -> ("pp", 10, "a"); refuses anything that is not a paragraph id."""
    m = _ID.match(pid)
    if not m:
        raise ValueError(f"not a paragraph id: {pid!r}")
    return m.group(1), int(m.group(2)), m.group(3)


def paragraph_path(pid: str) -> str:
    """The site path of a paragraph page: pp-7 -> pp/7/ (sub-paragraphs: their parent's)."""
    kind, number, _ = split_id(pid)
    return f"{kind}/{number}/"


def paragraph_url(pid: str) -> str:
    """Root-relative URL: pp-7 -> /pp/7/, pp-10-a -> /pp/10/#pp-10-a."""
    kind, number, letter = split_id(pid)
    return f"/{kind}/{number}/" + (f"#{pid}" if letter else "")


def text_url(anchor: str) -> str:
    """The full-text page with an anchor: /text/#op-5, /text/#fn-12."""
    return f"/text/#{anchor}"


def reference_url(ref: Reference, lang: str) -> str | None:
    """The official page of a cited document, in the site's language where one exists."""
    if ref.symbol:
        return UNDOCS.format(lang=lang, symbol=ref.symbol)
    if ref.kind == "treaty" and ref.volume is not None:
        return UNTS.format(volume=ref.volume, number=ref.number)
    if ref.kind == "sdg-target" and ref.number:
        goal, _, target = ref.number.partition(".")
        return SDG_TARGET.format(goal=goal, target=ref.number)
    return None
