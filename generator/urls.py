"""The URL contract: where each resolution, paragraph, footnote and cited document lives.

The main text stands at the site's root (/pp/7/); another language version
of the same resolution at its language's root (/en/pp/7/); a version of any
other resolution of the collection below its language's root at a path made
from its symbol (/en/A/RES/10/123/pp/7/).  Paths within a version are the
same everywhere: pp/N/, op/N/ (items as anchors: #pp-10-a), text/ (anchors
#op-5, #fn-12).
"""

from __future__ import annotations

import re

from .model.collection import Collection
from .model.document import Reference, Resolution

# undocs.org serves official documents by symbol, in each official language.
UNDOCS = "https://undocs.org/{lang}/{symbol}"
UNTS = "https://treaties.un.org/doc/Publication/UNTS/Volume%20{volume}/v{volume}.pdf"
SDG_TARGET = "https://unstats.un.org/sdgs/metadata/?Text=&Goal={goal}&Target={target}"

_ID = re.compile(r"^(pp|op)-([1-9][0-9]*)(?:-([a-z]+(?:-[a-z]+)*))?$")


def split_id(pid: str) -> tuple[str, int, str | None]:
    """pp-10-a -> ("pp", 10, "a"), op-5-b-ii -> ("op", 5, "b-ii"); refuses anything that is not a paragraph id."""
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


def symbol_path(symbol: str) -> str:
    """A/RES/10/123 -> A/RES/10/123/ (a symbol's characters are safe in a path)."""
    return symbol.strip("/") + "/"


def site_root(collection: Collection, lang: str) -> str:
    """Where the site of a language stands below the main root: "" for the main text's, else "en/"."""
    return "" if lang == collection.main.document.language else f"{lang}/"


def version_root(collection: Collection, res: Resolution) -> str:
    """Where a version's pages stand below the main root: "", "en/" or "en/A/RES/10/123/".

    A language's site has at its root the version of the main resolution in
    that language, or, when the main resolution has none, the language's first.
    """
    lang = res.document.language
    root = site_root(collection, lang)
    work = collection.work_of(res)
    at_root = collection.main_work.version(lang) or next(v for v in collection.versions if v.document.language == lang)
    return root if res is at_root else root + symbol_path(work.symbol)


def version_prefix(collection: Collection, res: Resolution) -> str:
    """Where a version's pages stand within its language's site: "" or "A/RES/10/123/"."""
    return version_root(collection, res)[len(site_root(collection, res.document.language)):]
