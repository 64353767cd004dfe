"""Where the site is published: its address, when the build knows one.

With an address (`site_url`), MkDocs gives each page its canonical URL, and
the pages' JSON-LD ids are made full against it; without one they stay
relative to the page, and a JSON-LD processor resolves them against the
page's own address.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

# JSON-LD keys whose values are addresses of the site's own pages, written relative to the page.
ADDRESS_KEYS = ("@id", "url")


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
