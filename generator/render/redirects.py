"""Symbol addresses of the editions that stand at a site's root.

Every resolution's English pages stand under a path made from its symbol
(/en/A/RES/10/123/op/5/), but the main resolution's stand at the root of
their site (/en/op/5/).  So that its symbol's address leads there too, the
build writes, after MkDocs, a small page at each such address (home, full
text, each paragraph) that sends the reader on: a refresh, a canonical link
when the site's address is known, and a plain link for a reader without either.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from .. import urls
from ..knowledge.ui import strings
from .edition import Edition, docs_url, href, page_file
from .markup import escape_html

_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
{canonical}</head>
<body>
<p><a href="{target}">{text}</a></p>
</body>
</html>
"""


def redirect_pages(edition: Edition) -> dict[str, str]:
    """Each page's address under the edition's symbol path (relative to its site root) -> the page it leads to."""
    if not edition.is_site_home:
        return {}
    symbol_root = urls.symbol_path(edition.work.symbol)
    names = ["index.md", "text.md"] + [page_file(p.id) for p in edition.res.paragraphs]
    return {symbol_root + docs_url(name): docs_url(name) for name in names}


def write_redirects(edition: Edition, site: Path, site_url: str | None = None) -> int:
    """Write the edition's redirect pages into its built `site` folder; return how many.

    With the site's address (`site_url`, of this language's site), each names
    its target as canonical; without one, no page names a host (generator.render.site_address).
    """
    ui = strings(edition.lang)["series"]
    title = ui["resolution_title"].format(number=edition.work.number)
    pages = redirect_pages(edition)
    for address, target in pages.items():
        link = escape_html(href(address, target))
        canonical = f'<link rel="canonical" href="{escape_html(urljoin(site_url, target))}">\n' if site_url else ""
        path = site.joinpath(*address.split("/")) / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_PAGE.format(lang=edition.lang, title=escape_html(title), target=link, canonical=canonical,
                                     text=escape_html(title)), encoding="utf-8", newline="\n")
    return len(pages)
