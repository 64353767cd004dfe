"""Escaping: text from the source is published as the text it is, never as markup."""

from __future__ import annotations

import html

# Characters that mean something to Markdown, its extensions (attr_list,
# tables, abbreviations, footnotes) or to template engines.  As numeric
# entities they are inert in Markdown and in HTML alike.
_MARKUP = {ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()#!|~^:$"}
# One table for both: what html.escape(quote=True) writes for its five characters, and the above.
_TABLE = str.maketrans({**{ch: html.escape(ch, quote=True) for ch in "&<>\"'"}, **_MARKUP})


def escape(text: str) -> str:
    """Escape text for a Markdown page or an HTML attribute, inline or in a block."""
    return text.translate(_TABLE)


def escape_html(text: str) -> str:
    """Escape text for plain HTML (where Markdown will not look)."""
    return html.escape(text, quote=True)


def inline(text: str) -> str:
    """Text escaped for a Markdown page, on one line (a line break becomes a space)."""
    return escape(text.replace("\n", " "))
