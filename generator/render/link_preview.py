"""Link previews: the OpenGraph and Twitter card tags of a page, for the card a chat or social app shows.

Made at MkDocs time (generator/mkdocs_hook.py, on_page_context) from what
the page already says about itself, and written by overrides/main.html:

- og:title: the page's title as its <title> gives it (the document's title
  on the home page);
- og:description: the page's meta description, which on a paragraph page
  is the paragraph's own text (generator.render.pages), else the site's;
- og:url: the page's canonical URL, only when the build knows the site's
  address (generator.render.site_address): a card never names an invented host;
- og:locale, and og:locale:alternate for each other language version of
  the site (content/ui/metadata.<lang>.yml);
- og:site_name, og:type (website for the home page, article for the
  others) and twitter:card "summary" (a title and description card).

Titles and descriptions reach MkDocs escaped by the generator; they are
taken back to plain text and escaped once more for the attribute, as the
generator escapes every text (generator.render.markup.escape: markup characters
as character references too).  There is no preview image: a card without
one shows the title and the description.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .markup import escape
from ..knowledge.ui import metadata_strings


def _plain(value: Any) -> str:
    """Text that the generator escaped for HTML (or plain text) as plain text, tags dropped."""
    return Markup(str(value)).striptags()


def page_title(page: Any, config: Any) -> str:
    """The page's title as the theme's <title> starts (the site's name on the home page), as plain text."""
    if page.meta.get("title"):
        return _plain(page.meta["title"])
    if page.title and not page.is_homepage:
        return _plain(page.title)
    return _plain(config.site_name)


def page_description(page: Any, config: Any) -> str | None:
    """The page's meta description (the site's when it has none), as plain text."""
    value = page.meta.get("description") or config.site_description
    return _plain(value) if value else None


def preview_tags(page: Any, config: Any) -> list[tuple[str, str, Markup]]:
    """(attribute, key, content) of each <meta> tag of the page's link preview, content escaped."""
    lang = config.theme.get("language") or "zh"
    alternates = getattr(config.extra.get("alternate"), "sites", ())
    tags = [
        ("property", "og:type", "website" if page.is_homepage else "article"),
        ("property", "og:site_name", _plain(config.site_name)),
        ("property", "og:title", page_title(page, config)),
        ("property", "og:description", page_description(page, config)),
        ("property", "og:url", page.canonical_url),
        ("property", "og:locale", metadata_strings(lang)["locale"]),
        *(("property", "og:locale:alternate", metadata_strings(alt.lang)["locale"]) for alt in alternates),
        ("name", "twitter:card", "summary"),
    ]
    return [(attribute, key, Markup(escape(value))) for attribute, key, value in tags if value]
