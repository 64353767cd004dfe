"""MkDocs hook for the reading site (mkdocs.yml: `hooks: [generator/mkdocs_hook.py]`).

- Under `mkdocs serve`, regenerates the docs folder when anything in
  `content/` changed (mkdocs.yml has `watch: [content]`), writing only the
  files whose bytes differ so the server does not loop.  The sources are
  `$SOURCE` alone, or the collection content/collection.yml lists; the docs
  are those of the site's language (`mkdocs serve -f mkdocs.en.yml`
  previews the English site).
- Gives the templates the interface strings (`config.extra.ui`), and the
  site the document's title as its name (from the home page's front matter).
- Settles the site's address (generator.render.site_address: none is invented),
  and gives each page its link-preview tags and JSON-LD
  (generator.render.link_preview, generator.render.structured_data).
- Keeps the navigation to pages that exist: other parts of the generator add
  sponsors, actors, references and downloads pages; until they do, their
  nav entries are left out.  Nav titles come from content/ui/site.<lang>.yml.
- Drops a generated line marked `<!-- optional -->` whose link target is not
  part of the site (see generator.render.pages).
- Removes `autocomplete` from the theme's drawer and search toggles: HTML
  allows it on text-like inputs only, not on checkboxes (the Nu HTML Checker
  flags it).  The theme writes them outside any template block, so no
  override can; overrides/assets/site/site.js does the attribute's job.
"""

from __future__ import annotations

import filecmp
import hashlib
import logging
import os
import posixpath
import re
import shutil
import sys
import tempfile
from pathlib import Path

from markupsafe import Markup

log = logging.getLogger("mkdocs.hooks.generator")

ROOT = Path(__file__).resolve().parent.parent
SERVE_FLAG = "GENERATOR_MKDOCS_SERVE"
STAMP = "GENERATOR_MKDOCS_CONTENT"
OPTIONAL = "<!-- optional -->"
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        os.environ[SERVE_FLAG] = "1"


def on_config(config):
    if str(ROOT) not in sys.path:  # `mkdocs serve` may run without the project on the path
        sys.path.insert(0, str(ROOT))
    if os.environ.get(SERVE_FLAG):
        _regenerate_if_changed(Path(config.docs_dir), config.theme.get("language") or "zh")
    from generator.render.pages import site_strings
    from generator.render.site_address import configure as configure_address

    configure_address(config)
    lang = config.theme.get("language") or "zh"
    ui = site_strings(lang)
    config.extra["ui"] = {lang: ui}
    home = _front_matter(Path(config.docs_dir) / "index.md")
    if home.get("site_name"):
        # escaped by the generator already: Markup stops the theme's `| e` from escaping it twice
        config.site_name = Markup(home["site_name"])
    if not config.site_description:
        config.site_description = ui["site_description"]
    return config


def _front_matter(path: Path) -> dict:
    from mkdocs.utils.meta import get_data

    if not path.is_file():
        return {}
    return get_data(path.read_text(encoding="utf-8"))[1]


def on_files(files, config):
    """Keep nav entries whose files exist; title them from the interface strings."""
    lang = config.theme.get("language") or "zh"
    titles = config.extra["ui"][lang]["nav"]
    present = {f.src_uri for f in files}
    if config.nav:
        config.nav = _prune_nav(config.nav, present, titles)
    return files


def _prune_nav(items: list, present: set[str], titles: dict[str, str]) -> list:
    out = []
    for item in items:
        if isinstance(item, str):
            if item in present or "://" in item:
                out.append({titles[item]: item} if item in titles else item)
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    kept = _prune_nav(value, present, titles)
                    if kept:
                        out.append({title: kept})
                elif value in present or "://" in str(value):
                    out.append({title: value})
    return out


def on_page_markdown(markdown: str, page, config, files):
    """Drop optional links whose targets are missing; unmark the others."""
    if OPTIONAL not in markdown:
        return markdown
    present = {f.src_uri for f in files}
    base = posixpath.dirname(page.file.src_uri)
    lines = []
    for line in markdown.split("\n"):
        if line.rstrip().endswith(OPTIONAL):
            targets = [t.split("#", 1)[0] for t in _LINK.findall(line)]
            resolved = [posixpath.normpath(posixpath.join(base, t)) for t in targets if t and "://" not in t]
            if not all(t in present for t in resolved):
                continue
            line = line.rstrip()[: -len(OPTIONAL)].rstrip()
        lines.append(line)
    return "\n".join(lines)


def on_page_context(context, page, config, nav):
    """Give the page its link-preview tags and its JSON-LD (overrides/main.html writes them)."""
    from generator.render.link_preview import preview_tags
    from generator.render.structured_data import page_script

    page.meta["link_preview"] = preview_tags(page, config)
    page.meta["json_ld"] = page_script(page, config)
    return context


def on_post_page(output: str, page, config) -> str:
    return drop_checkbox_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    """The same for the theme's static pages (404.html); no sitemap without the site's address."""
    from generator.render.site_address import without_sitemap

    output_content = without_sitemap(output_content, template_name, config)
    if template_name.endswith(".html"):
        return drop_checkbox_autocomplete(output_content)
    return output_content


def drop_checkbox_autocomplete(html: str) -> str:
    """`html` without the `autocomplete` attribute on checkboxes, where HTML does not allow it."""
    return _CHECKBOX.sub(lambda m: re.sub(r'\s+autocomplete="[^"]*"', "", m.group(0)), html)


# -- regeneration under `mkdocs serve` ----------------------------------------------


def _fingerprint(sources: list[Path]) -> str:
    h = hashlib.sha256("\0".join(str(s) for s in sources).encode())
    content = ROOT / "content"
    for path in sorted(p for p in content.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(content)).encode())
        h.update(path.read_bytes())
    for source in sources:
        if source.is_file():
            h.update(source.read_bytes())
    return h.hexdigest()


def _regenerate_if_changed(docs: Path, lang: str) -> None:
    from generator.read.manifest import COLLECTION, load_manifest
    from generator.source import SourceError

    single = os.environ.get("SOURCE")
    try:
        sources = [Path(single)] if single else load_manifest(ROOT / COLLECTION)
    except SourceError as err:
        log.error("not regenerated: %s", err)
        return
    sources = [s if s.is_absolute() else ROOT / s for s in sources]
    stamp = _fingerprint(sources)
    if os.environ.get(STAMP) == stamp:
        return
    _clear_caches()
    from generator.analyse.collection import read_collection
    from generator.build import generate, languages

    try:
        collection = read_collection(sources)
        with tempfile.TemporaryDirectory(prefix="mkdocs-serve-") as tmp:
            exports = Path(tmp) / "exports"
            exports.mkdir()
            folders = {code: Path(tmp) / f"docs-{code}" for code in languages(collection)}
            for folder in folders.values():
                folder.mkdir()
            generate(collection, exports, folders)
            changed = _sync(folders.get(lang) or next(iter(folders.values())), docs)
    except SourceError as err:
        log.error("not regenerated: %s", err)
        return
    os.environ[STAMP] = stamp
    log.info("regenerated %s from %s (%d files changed)", docs, ", ".join(str(s) for s in sources), changed)


def _clear_caches() -> None:
    """Forget what the generator cached from content/ (lexicon, interface strings...)."""
    for name, module in list(sys.modules.items()):
        if name == "generator" or name.startswith("generator."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                    value.cache_clear()


def _sync(src: Path, dst: Path) -> int:
    """Make `dst` hold what `src` holds, touching only files that differ."""
    changed = 0
    dst.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(src) for p in src.rglob("*") if p.is_file()}
    for rel in sorted(wanted):
        target = dst / rel
        if target.is_file() and filecmp.cmp(src / rel, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src / rel, target)
        changed += 1
    for path in sorted(dst.rglob("*"), reverse=True):
        rel = path.relative_to(dst)
        if path.is_file() and rel not in wanted:
            path.unlink()
            changed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed
