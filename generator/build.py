"""The whole build: model -> exports/, generated docs, then MkDocs -> site/.

Each output folder is built aside and swapped in only when complete, so a
failed build leaves the previous outputs as they were.
"""

from __future__ import annotations

from pathlib import Path

from .export import write_exports
from .model import Resolution
from .output import atomic_dir


def write_docs(res: Resolution, docs: Path, exports: Path) -> None:
    """Write every generated page of the site into `docs` (an empty folder)."""
    from . import downloads, indexes, pages

    pages.write_pages(res, docs)
    indexes.write_indexes(res, docs)
    downloads.write_downloads(res, docs, exports)


def build_site(docs: Path, site: Path, config: Path = Path("mkdocs.yml")) -> None:
    """Run MkDocs (strict) on generated docs, into `site`, atomically."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with atomic_dir(site) as tmp:
        cfg = load_config(str(config), docs_dir=str(docs.resolve()), site_dir=str(tmp), strict=True)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()


def build_all(res: Resolution, exports: Path, docs: Path, site: Path | None) -> None:
    with atomic_dir(exports) as tmp:
        write_exports(res, tmp)
    with atomic_dir(docs) as tmp:
        write_docs(res, tmp, exports)
    if site is not None:
        build_site(docs, site)
