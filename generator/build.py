"""The whole build: collection -> exports/, generated docs, then MkDocs -> site/.

Each language has one site: the main text's language at the root of site/,
every other language's in site/<lang>/, each built by MkDocs from a docs
folder of its own (build/docs, build/docs-en) with its own config
(mkdocs.yml, mkdocs.<lang>.yml); however many resolutions a language's site
holds, there is one MkDocs build and one theme per language.  Each site gets
a language switch to the others (generator.render.edition.LanguageSwitch).

All output folders are built aside and swapped in together only when every
one of them is complete (generator.output.staged), so a failed build (bad
input, an exception, a failed MkDocs run, a killed process) leaves the
previous exports, docs and site as they were, and never a new site beside
old datasets or the reverse.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Iterator
from urllib.parse import urljoin

from .export import write_exports
from .export.akn import manifestation_date
from .knowledge.ui import strings
from .model.collection import Collection
from .output import staged
from .render import changes, compare, downloads, indexes, pages, series
from .render.redirects import write_redirects
from .render.edition import LanguageSwitch, alternate, page_urls, sites


def write_site_docs(collection: Collection, lang: str, docs: Path, exports: Path) -> None:
    """Write every generated page of one language's site into `docs` (an empty folder)."""
    editions = sites(collection)[lang]
    for edition in editions:
        pages.write_pages(edition, docs)
        if collection.alignment(edition.res) is not None:
            compare.write_pages(edition, docs)
        changes.write_changes(edition, docs)
    home = next(e for e in editions if e.is_site_home)
    indexes.write_indexes(home, docs)
    downloads.write_downloads(home, docs, exports)
    series.write_series(home, docs)


def generate(collection: Collection, exports: Path, docs: dict[str, Path]) -> None:
    """Write the datasets and every site's docs (`docs`: language -> its empty folder)."""
    write_exports(collection, exports)
    for lang, folder in docs.items():
        write_site_docs(collection, lang, folder, exports)


MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def config_for(config: Path, lang: str) -> Path:
    """The MkDocs config of a second language version's site: mkdocs.yml -> mkdocs.en.yml."""
    return config.with_name(f"{config.stem}.{lang}{config.suffix}")


def docs_for(docs: Path, lang: str) -> Path:
    """The docs folder of a second language version: build/docs -> build/docs-en."""
    return docs.with_name(f"{docs.name}-{lang}")


def run_mkdocs(docs: Path, out: Path, config: Path = MKDOCS_YML, site_url: str | None = None,
               alternate: LanguageSwitch | None = None):
    """Run MkDocs (strict) on generated docs, into the folder `out`; return the config it ran with.

    `site_url` replaces the config's; `alternate` becomes `extra.alternate`
    (the language switch of overrides/partials/alternate.html).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides = {"site_url": site_url} if site_url is not None else {}
    cfg = load_config(str(config), docs_dir=str(docs.resolve()), site_dir=str(out), strict=True, **overrides)
    if alternate is not None:
        cfg.extra["alternate"] = alternate
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return cfg


def build_site(docs: Path, site: Path, config: Path = MKDOCS_YML) -> None:
    """Run MkDocs (strict) on generated docs, into `site`, atomically."""
    from .output import atomic_dir

    with atomic_dir(site) as tmp:
        run_mkdocs(docs, tmp, config)


@contextmanager
def build_date(res) -> Iterator[str]:
    """Give MkDocs the build date the datasets use, for the sitemap's <lastmod> and sitemap.xml.gz's header.

    MkDocs dates every page with SOURCE_DATE_EPOCH, or else with the day it
    runs.  When SOURCE_DATE_EPOCH is not set, it is set, for the length of the
    block, to midnight UTC of the document's own date (what the Akoma Ntoso
    file gives as its date, generator.akn.manifestation_date), so that a
    rebuild on another day gives the same bytes.
    """
    day = manifestation_date(res)  # also checks a SOURCE_DATE_EPOCH that is set
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield day
        return
    midnight = datetime.combine(date.fromisoformat(day), time(0), tzinfo=timezone.utc)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield day
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def languages(collection: Collection) -> list[str]:
    """The languages of the collection's sites, the main text's first."""
    return list(sites(collection))


def build_all(collection: Collection, exports: Path, docs: Path, site: Path | None, config: Path = MKDOCS_YML) -> None:
    """Write the datasets and the docs of every site and (unless `site` is None) build the sites, all or nothing.

    The main language's docs go into `docs`, another language's into
    docs_for(docs, lang), its site into `site`/<lang>/.
    """
    langs = languages(collection)
    folders = [docs] + [docs_for(docs, lang) for lang in langs[1:]]
    targets = [exports, *folders] + ([site] if site is not None else [])
    with staged(*targets) as staged_folders:
        docs_by_lang = dict(zip(langs, staged_folders[1:1 + len(langs)]))
        generate(collection, staged_folders[0], docs_by_lang)
        if site is not None:
            with build_date(collection.main):
                build_sites(collection, docs_by_lang, staged_folders[-1], config)


def build_sites(collection: Collection, docs: dict[str, Path], site: Path, config: Path) -> None:
    """Build the main language's site into `site` and each other language's into `site`/<lang>/, each switching to the others."""
    langs = list(docs)
    main = langs[0]
    pages_of = {lang: page_urls(folder) for lang, folder in docs.items()}

    def switch(here: str) -> LanguageSwitch | None:
        others = [lang for lang in langs if lang != here]
        if not others:
            return None
        return LanguageSwitch(tuple(alternate(collection, here, lang, strings(lang)["site"]["languages"][lang], pages_of[lang])
                                    for lang in others))

    # The main site first: MkDocs empties the folder it builds into.
    cfg = run_mkdocs(docs[main], site, config, alternate=switch(main))
    for lang in langs[1:]:
        site_url = urljoin(cfg.site_url, f"{lang}/") if cfg.site_url else None
        run_mkdocs(docs[lang], site / lang, config_for(config, lang), site_url=site_url, alternate=switch(lang))
    for lang in langs[1:]:  # the main site's root is the main text's own address
        site_url = urljoin(cfg.site_url, f"{lang}/") if cfg.site_url else None
        write_redirects(next(e for e in sites(collection)[lang] if e.is_site_home), site / lang, site_url)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def inputs_digest(sources: list[Path], root: Path, outputs: list[Path]) -> str:
    """A digest of everything a build reads (the sources and their metadata files, content/, the code, the
    site's address), and of where it writes."""
    h = hashlib.sha256()
    inputs = [p for s in sources for p in (s, s.with_name(s.stem + ".meta.yml"))]
    inputs += [root / name for name in ("content", "generator", "overrides")] + sorted(root.glob("mkdocs*.yml"))
    for path in inputs:
        for f in _files(path) if path.exists() else []:
            h.update(str(f.resolve()).encode() + b"\0" + f.read_bytes() + b"\0")
    h.update("\0".join(str(o.resolve()) for o in outputs).encode())
    h.update(b"\0SITE_URL=" + os.environ.get("SITE_URL", "").encode())  # the site's address (generator/render/site_address.py)
    return h.hexdigest()


def write_stamp(stamp: Path, digest: str, outputs: list[Path]) -> None:
    """Record the digest of a build's inputs and the folders it wrote."""
    stamp.write_text("\n".join([digest, *(str(o) for o in outputs)]) + "\n", encoding="utf-8")


def up_to_date(stamp: Path, digest: str) -> bool:
    """True when the last build read the same inputs and the folders it wrote are all still there."""
    if not stamp.exists():
        return False
    recorded = stamp.read_text(encoding="utf-8").splitlines()
    return bool(recorded) and recorded[0] == digest and all(Path(o).exists() for o in recorded[1:])
