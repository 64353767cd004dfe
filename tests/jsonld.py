"""The pages' JSON-LD, read as a JSON-LD processor reads it: PyLD, never reaching the network.

The pages name schema.org's context by its address ("@context":
"https://schema.org"); the document loader serves it from
tests/data/schema.org.context.jsonld, a small stand-in written for these tests:
schema.org's vocabulary as the default (@vocab) and, as schema.org's own
context does for properties whose values are URLs, `sameAs` typed as an IRI.
Any other address fails the test.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pyld import jsonld

CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "schema.org.context.jsonld"
CONTEXT_ADDRESSES = ("https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/")
SCHEMA = "https://schema.org/"


def load_document(url: str, options: dict | None = None) -> dict[str, Any]:
    """PyLD's document loader: schema.org's context from the local copy, nothing else."""
    if url not in CONTEXT_ADDRESSES:
        raise AssertionError(f"the JSON-LD processor asked for {url}: the tests reach no network")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))}


class _Scripts(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)  # a script's text is not HTML: no character references
        self.found: list[str] = []
        self._open = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self._open = tag == "script" and ("type", "application/ld+json") in attrs
        if self._open:
            self.found.append("")

    def handle_endtag(self, tag):
        self._open = False

    def handle_data(self, data):
        if self._open:
            self.found[-1] += data


def blocks(html: str) -> list[Any]:
    """The JSON of each <script type="application/ld+json"> of a page."""
    return [json.loads(text) for text in _Scripts(html).found]


def nodes(data: Any, base: str) -> dict[str, dict[str, Any]]:
    """The graph of `data`, flattened (every IRI full, against the page's address `base`), by node id."""
    flat = jsonld.flatten(data, None, {"base": base, "documentLoader": load_document})
    return {node["@id"]: node for node in flat}


def types(node: dict[str, Any]) -> list[str]:
    return [t.removeprefix(SCHEMA) for t in node.get("@type", [])]


def values(node: dict[str, Any], term: str) -> list[str]:
    """The values of schema.org property `term` of an expanded node: literals' values, nodes' ids."""
    return [v.get("@value", v.get("@id")) for v in node.get(SCHEMA + term, [])]


def value(node: dict[str, Any], term: str) -> str:
    """The single value of `term` (the test fails if there is not exactly one)."""
    found = values(node, term)
    assert len(found) == 1, (term, found)
    return found[0]
