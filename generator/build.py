"""The whole build: model -> exports/, generated docs, then MkDocs -> site/.

With a second language version of the resolution (the English original
beside the Chinese draft), the build aligns the two by paragraph
(generator.bilingual: SourceError if their structure differs, before
anything is written), writes the second version's datasets into
exports/<lang>/ and its pages into a docs folder of its own (build/docs-en
beside build/docs), and builds its site with mkdocs.<lang>.yml into
site/<lang>/, inside the site folder, so that it is swapped in with it.
Each site gets a language switch to the other (generator.bilingual.LanguageSwitch).

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

from . import bilingual
from .export import write_exports
from .model import Resolution
from .output import atomic_dir, staged


def write_docs(res: Resolution, docs: Path, exports: Path, other: bilingual.View | None = None) -> None:
    """Write every generated page of the site into `docs` (an empty folder); `other`: the other language version."""
    from . import downloads, indexes, pages

    pages.write_pages(res, docs, other)
    indexes.write_indexes(res, docs, other)
    downloads.write_downloads(res, docs, exports, other)


def generate(res: Resolution, exports: Path, docs: Path, other: Resolution | None = None,
             other_docs: Path | None = None) -> bilingual.Alignment | None:
    """Write the datasets and the docs of `res`, and of its other language version `other` if given.

    `other` goes into exports/<lang>/ and `other_docs`; the two are aligned
    first (SourceError before anything is written if they do not align).
    Every folder must exist and be empty.  Returns the alignment, if any.
    """
    alignment = bilingual.align(res, other) if other is not None else None
    write_exports(res, exports, alignment)
    if alignment is None:
        write_docs(res, docs, exports)
        return None
    lang = other.document.language
    if other_docs is None:
        raise ValueError("a second language version needs a docs folder of its own")
    write_docs(res, docs, exports, bilingual.View(alignment, res.document.language))
    write_docs(other, other_docs, exports / lang, bilingual.View(alignment, lang))
    bilingual.write_pages(alignment, {res.document.language: docs, lang: other_docs})
    return alignment


MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def config_for(config: Path, lang: str) -> Path:
    """The MkDocs config of a second language version's site: mkdocs.yml -> mkdocs.en.yml."""
    return config.with_name(f"{config.stem}.{lang}{config.suffix}")


def docs_for(docs: Path, lang: str) -> Path:
    """The docs folder of a second language version: build/docs -> build/docs-en."""
    return docs.with_name(f"{docs.name}-{lang}")


def run_mkdocs(docs: Path, out: Path, config: Path = MKDOCS_YML, site_url: str | None = None,
               alternate: bilingual.LanguageSwitch | None = None):
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
    with atomic_dir(site) as tmp:
        run_mkdocs(docs, tmp, config)


@contextmanager
def build_date(res: Resolution) -> Iterator[str]:
    """Give MkDocs the build date the datasets use, for the sitemap's <lastmod> and sitemap.xml.gz's header.

    MkDocs dates every page with SOURCE_DATE_EPOCH, or else with the day it
    runs.  When SOURCE_DATE_EPOCH is not set, it is set, for the length of the
    block, to midnight UTC of the document's own date (what the Akoma Ntoso
    file gives as its date, generator.akn.manifestation_date), so that a
    rebuild on another day gives the same bytes.
    """
    from .akn import manifestation_date

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


def build_all(res: Resolution, exports: Path, docs: Path, site: Path | None, config: Path = MKDOCS_YML,
              other: Resolution | None = None) -> None:
    """Write the datasets and the docs and (unless `site` is None) build the site, all or nothing.

    `other`, a second language version of `res` (the English original), is
    aligned with it first, then published beside it: exports/<lang>/, the
    docs folder docs_for(docs, lang) and site/<lang>/ (see the module's note).
    """
    lang = other.document.language if other is not None else None
    extra_docs = [docs_for(docs, lang)] if lang else []
    targets = [exports, docs, *extra_docs] + ([site] if site is not None else [])
    with staged(*targets) as folders:
        alignment = generate(res, folders[0], folders[1], other, folders[2] if lang else None)
        if site is not None:
            with build_date(res):
                if alignment is None:
                    run_mkdocs(folders[1], folders[-1], config)
                else:
                    build_sites(alignment, {res.document.language: folders[1], lang: folders[2]}, folders[-1], config)


def build_sites(alignment: bilingual.Alignment, docs: dict[str, Path], site: Path, config: Path) -> None:
    """Build the primary version's site into `site` and the other's into `site`/<lang>/, each switching to the other."""
    primary, other = alignment.a.document.language, alignment.b.document.language

    def switch(here: str, there: str) -> bilingual.LanguageSwitch:
        return bilingual.LanguageSwitch((bilingual.alternate(alignment, here, bilingual.page_urls(docs[there])),))

    # The primary site first: MkDocs empties the folder it builds into.
    cfg = run_mkdocs(docs[primary], site, config, alternate=switch(primary, other))
    site_url = urljoin(cfg.site_url, f"{other}/") if cfg.site_url else None
    run_mkdocs(docs[other], site / other, config_for(config, other), site_url=site_url, alternate=switch(other, primary))


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def inputs_digest(source: Path, root: Path, outputs: list[Path], others: tuple[Path, ...] = ()) -> str:
    """A digest of everything a build reads (the source, `others` for other language versions, the site's
    address), and of where it writes."""
    h = hashlib.sha256()
    inputs = [p for s in (source, *others) for p in (s, s.with_name(s.stem + ".meta.yml"))]
    inputs += [root / name for name in ("content", "generator", "overrides")] + sorted(root.glob("mkdocs*.yml"))
    for path in inputs:
        for f in _files(path) if path.exists() else []:
            h.update(str(f.resolve()).encode() + b"\0" + f.read_bytes() + b"\0")
    h.update("\0".join(str(o.resolve()) for o in outputs).encode())
    h.update(b"\0SITE_URL=" + os.environ.get("SITE_URL", "").encode())  # the site's address (generator/site_address.py)
    return h.hexdigest()


def up_to_date(stamp: Path, digest: str, outputs: list[Path]) -> bool:
    """True when the last build read the same inputs and its outputs are all still there."""
    return stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest and all(o.exists() for o in outputs)
