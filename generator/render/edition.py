"""Where each language version is published, and links between their pages.

An Edition is one language version of one resolution of the collection as
the site publishes it.  Each language has one MkDocs site (the main text's
language at the root, the others at /<lang>/); in it, the version of the
collection's main resolution stands at the site's root and every other
resolution's at a path made from its symbol (generator.urls).  Pages are
named by their Markdown file within their edition (pp/7.md); a link between
two pages of one site is a relative link between their files (MkDocs checks
it), a link to another site a relative URL.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from urllib.parse import quote

from .. import urls
from ..model.collection import Collection, Work
from ..model.document import Resolution


def page_file(pid: str) -> str:
    """The Markdown file of a paragraph page, relative to its edition: pp-7 -> pp/7.md (an item: its paragraph's)."""
    kind, number, _ = urls.split_id(pid)
    return f"{kind}/{number}.md"


def md_url(url: str) -> str:
    """A URL safe inside Markdown link parentheses."""
    return quote(url, safe=":/?#&=%.-_~@!$',;+")


def docs_url(name: str) -> str:
    """The URL MkDocs gives a Markdown file (directory URLs): pp/7.md -> pp/7/, index.md -> ""."""
    stem = name[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(here: str, target: str) -> str:
    """A relative link between two site URLs ("compare/", "en/pp/7/#pp-7"), as the browser resolves it."""
    path, hash_, anchor = target.partition("#")
    folder = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = posixpath.relpath(path or ".", folder.rstrip("/") or ".")
    if path.endswith("/") or not path:
        rel = "./" if rel == "." else rel + "/"
    return rel + hash_ + anchor


def relative(src: str, target: str) -> str:
    """A link from docs file `src` to docs file `target` (which may carry #anchor)."""
    path, hash_, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(src) or ".") if path else ""
    return rel + hash_ + anchor


def page_urls(docs: Path) -> frozenset[str]:
    """The URL of every page in a docs folder."""
    return frozenset(docs_url(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md"))


@dataclass(frozen=True)
class Edition:
    """One language version of a resolution, as the site publishes it."""

    collection: Collection
    res: Resolution

    @property
    def lang(self) -> str:
        return self.res.document.language

    @property
    def work(self) -> Work:
        return self.collection.work_of(self.res)

    @property
    def root(self) -> str:
        """Where its pages stand below the main root: "", "en/", "en/A/RES/10/123/"."""
        return urls.version_root(self.collection, self.res)

    @property
    def prefix(self) -> str:
        """Where its pages stand in its language's site: "" or "A/RES/10/123/"."""
        return urls.version_prefix(self.collection, self.res)

    @property
    def site_root(self) -> str:
        return urls.site_root(self.collection, self.lang)

    @property
    def is_site_home(self) -> bool:
        """Whether it stands at its site's root (and so has the site's indexes and downloads)."""
        return self.prefix == ""

    def src(self, name: str) -> str:
        """A page's file within its site's docs folder: pp/7.md -> A/RES/10/123/pp/7.md."""
        return self.prefix + name

    def url(self, name: str) -> str:
        """A page's URL below the main root: pp/7.md#pp-7-a -> en/A/RES/10/123/pp/7/#pp-7-a."""
        path, hash_, anchor = name.partition("#")
        return self.root + docs_url(path) + hash_ + anchor

    def link(self, name: str, to: Edition, target: str) -> str:
        """A link from this edition's page `name` to page `target` (pp/7.md#pp-7-a) of edition `to`:
        between files within one site, between URLs across sites."""
        if to.lang == self.lang:
            return relative(self.src(name), to.src(target))
        return href(self.url(name), to.url(target))

    def edition(self, res: Resolution) -> Edition:
        return Edition(self.collection, res)

    def counterpart(self, lang: str | None = None) -> Edition | None:
        """The same resolution in another language, if published."""
        other = self.collection.counterpart(self.res, lang)
        return self.edition(other) if other is not None else None

    def in_work(self, work: Work | None, lang: str | None = None) -> Edition | None:
        """Another resolution's version in this edition's language (or in `lang`), if published."""
        if work is None:
            return None
        found = work.version(lang or self.lang)
        return self.edition(found) if found is not None else None


def editions(collection: Collection) -> list[Edition]:
    """Every edition of the collection, the main text first."""
    return [Edition(collection, res) for res in collection.versions]


def sites(collection: Collection) -> dict[str, list[Edition]]:
    """The editions of each language's site, by language, the main text's language first."""
    out: dict[str, list[Edition]] = {}
    for e in editions(collection):
        out.setdefault(e.lang, []).append(e)
    return out


@dataclass(frozen=True)
class Alternate:
    """Another language's site: its language, its name in that language, where it is, its pages."""

    lang: str
    name: str
    root: str  # from this site's root to that one's: "en/" or "../"
    pages: frozenset[str]  # the URLs of its pages, relative to its root ("", "pp/7/")


@dataclass(frozen=True)
class LanguageSwitch:
    """`extra.alternate` of a site's MkDocs config: the language switch on every page.

    The theme shows its language selector when `extra.alternate` is set.  As
    one object, not a list, it makes the theme write no <link rel="alternate">
    either, whose sitemaps the theme's script would fetch on every page.
    overrides/partials/alternate.html links each page to the same page of
    each other site, when it has one, or else to that site's home.
    """

    sites: tuple[Alternate, ...]


def alternate(collection: Collection, this: str, other: str, name: str, pages: frozenset[str]) -> Alternate:
    """The site of language `other` seen from the site of `this`; `name`: `other` in its own language."""
    root = posixpath.relpath(urls.site_root(collection, other) or ".", urls.site_root(collection, this) or ".")
    return Alternate(other, name, root.rstrip("/") + "/", pages)
