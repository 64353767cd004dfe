"""Where the site is published: its address, when the build knows one, and never an invented one.

The address is `SITE_URL` (mkdocs.yml: `site_url: !ENV SITE_URL`), or a
`site_url` written into the config.  With one, MkDocs gives each page its
canonical URL and the pages give full URLs wherever one is needed: the
canonical link, og:url, the JSON-LD ids, the citation and the sitemap.

Without one (a local build), nothing names a host: no canonical link, no
og:url, no sitemap (the sitemap protocol wants full URLs, and an empty one
says nothing), JSON-LD ids relative to the page (a JSON-LD processor resolves
them against the page's own address), and the paragraph pages' permalink and
citation filled in by the browser from the address it is reading
(overrides/assets/site/site.js).  The build says so once, on stderr.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO
from urllib.parse import urljoin

NOTE = ("note: no site address (SITE_URL, or site_url in mkdocs.yml): the pages get no canonical link, og:url "
        "or full URLs and no sitemap is written; to publish, build with SITE_URL=https://host/path/")
# JSON-LD keys whose values are addresses of the site's own pages, written relative to the page.
ADDRESS_KEYS = ("@id", "url")

_noted = False


def configure(config: Any, stream: TextIO | None = None) -> str | None:
    """Settle a MkDocs config's address (mkdocs_hook.on_config); return it, or None when there is none.

    An empty `site_url` counts as none.  Without an address the note is
    printed, once per process (a build runs MkDocs once per language site,
    `mkdocs serve` once per change).
    """
    address = config.site_url or None
    config.site_url = address
    if address is None:
        note_missing(stream)
    return address


def without_sitemap(output: str, template_name: str, config: Any) -> str:
    """A theme template's output (mkdocs_hook.on_post_template), emptied for the sitemap of a site without an address.

    MkDocs writes no file for a template whose output is empty.
    """
    return "" if template_name == "sitemap.xml" and not config.site_url else output


def note_missing(stream: TextIO | None = None) -> None:
    """Say once, on stderr, that the build has no address."""
    global _noted
    if not _noted:
        _noted = True
        print(NOTE, file=stream or sys.stderr)


def resolve(data: Any, page_url: str | None) -> Any:
    """`data` (JSON-LD) with its page addresses made full against `page_url`, or left relative when that is None."""
    if page_url is None:
        return data
    if isinstance(data, list):
        return [resolve(item, page_url) for item in data]
    if isinstance(data, dict):
        return {key: urljoin(page_url, value) if key in ADDRESS_KEYS and isinstance(value, str) else resolve(value, page_url)
                for key, value in data.items()}
    return data
