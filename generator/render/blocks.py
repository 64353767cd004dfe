"""Pieces every generated page is made of: front matter, table cells, labels of
places in the text, and interface strings looked up with a clear error."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..knowledge.lexicon import CONTENT, Language
from ..model.document import Resolution
from ..source import SourceError
from ..urls import paragraph_url, split_id, text_url
from .markup import escape

_SAFE_URL = re.compile(r"^https://[A-Za-z0-9.\-]+/[A-Za-z0-9._~/?&=%+\-]*$")


@dataclass(frozen=True)
class Ui:
    """The `indexes` interface strings of one language, checked for what the pages need."""

    lang: str
    data: dict

    def get(self, *keys: str) -> str | dict:
        node = self.data
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                raise SourceError(str(CONTENT / "ui" / f"indexes.{self.lang}.yml"), None, f"missing interface string {'.'.join(keys)!r}")
            node = node[key]
        return node

    def text(self, *keys: str, **values: object) -> str:
        value = self.get(*keys)
        if not isinstance(value, str):
            raise SourceError(str(CONTENT / "ui" / f"indexes.{self.lang}.yml"), None, f"{'.'.join(keys)!r} must be a string")
        return value.format(**values)


class Links:
    """Links from one generated page to others, by their site URL."""

    def __init__(self, docs: Path):
        self.docs = docs

    def to(self, url: str, here: str) -> str:
        """`url` ("/pp/7/#pp-7-a") as a link from the Markdown file `here` ("actors/unodc.md")."""
        path, _, anchor = url.partition("#")
        rel = path.strip("/")
        candidates = [f"{rel}.md", f"{rel}/index.md"] if rel else ["index.md"]
        target = next((c for c in candidates if (self.docs / c).is_file()), None)
        if target is None:
            return url
        link = posixpath.relpath(target, posixpath.dirname(here) or ".")
        return link + (f"#{anchor}" if anchor else "")


def front_matter(title: str, description: str) -> str:
    """YAML front matter (JSON strings are valid YAML); index pages rank below paragraphs in search.

    The theme writes both values into the page's <title> and meta description
    as they are, so they are escaped here like any other text.
    """
    return (f"---\ntitle: {json.dumps(escape(title), ensure_ascii=False)}\n"
            f"description: {json.dumps(escape(description), ensure_ascii=False)}\n"
            "search:\n  boost: 0.2\n---\n\n")


def cell(text: str) -> str:
    """Source text for a Markdown table cell: escaped, on one line."""
    return escape(" ".join(text.split()))


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = [row(headers), row(["---"] * len(headers))] + [row(r) for r in rows]
    return "\n".join(lines) + "\n"


def external(text: str, url: str | None) -> str:
    """A Markdown link to an official page, or the escaped text alone when there is no safe URL."""
    if url and _SAFE_URL.match(url):
        return f"[{escape(text)}]({url})"
    return escape(text)


def place_url(pid: str) -> str:
    """Where a passage id lives on the site: paragraphs on their page, footnotes on /text/."""
    return text_url(pid) if pid.startswith("fn-") else paragraph_url(pid)


def place_label(res: Resolution, pid: str, language: Language, ui: Ui) -> str:
    """序言部分第 7 段, 序言部分第 10 段（a）, 脚注 14（序言部分第 19 段）."""
    if pid.startswith("fn-"):
        note = res.footnote(int(pid[3:]))
        return ui.text("labels", "footnote_in", n=note.number, paragraph=place_label(res, note.paragraph, language, ui))
    kind, number, letter = split_id(pid)
    label = language.label("preambular" if kind == "pp" else "operative", n=number)
    return ui.text("labels", "subparagraph", paragraph=label, label=letter) if letter else label


def format_date(iso: str | None, site_ui: dict) -> str:
    """An ISO date as the site's language writes it (content/ui/site.<lang>.yml: `date`, `month_names`); "" for none."""
    if not iso:
        return ""
    year, month, day = (int(x) for x in iso.split("-"))
    names = site_ui.get("month_names") or [str(m) for m in range(1, 13)]
    return site_ui["date"].format(year=year, month=month, day=day, month_name=names[month - 1])
