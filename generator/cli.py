"""The command line: python -m generator COMMAND ..."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .analyse.annotate import annotate
from .export.datasets import write_exports
from .model.document import Resolution
from .output import atomic_dir
from .read.text import parse_file
from .source import SourceError

DEFAULT_SOURCE = Path("content/source/resolution.zh.txt")
# The English version of a source, when --source-en is not given: the .en.json
# file beside it (content/source/resolution.en.json for resolution.zh.txt).
ENGLISH_BESIDE = "{stem}.en.json"


def _load(args: argparse.Namespace) -> Resolution:
    return annotate(parse_file(Path(args.source)))


def read_version(path: Path) -> Resolution:
    """Read a language version: PDF-extracted text in a JSON record (.json), or a text laid out as the source."""
    from .read.pdftext import read_pdftext

    return annotate(read_pdftext(path) if path.suffix == ".json" else parse_file(path))


def english_beside(source: Path) -> Path | None:
    """The English version beside a source, if there is one: resolution.zh.txt -> resolution.en.json."""
    stem = source.stem.rsplit(".", 1)[0] if "." in source.stem else source.stem
    beside = source.with_name(ENGLISH_BESIDE.format(stem=stem))
    return beside if beside.is_file() and beside != source else None


def english_source(args: argparse.Namespace) -> Path | None:
    """The English version to publish beside the source: --source-en, else the one beside the source if it exists."""
    if args.source_en is not None:
        return Path(args.source_en) if args.source_en else None
    return english_beside(Path(args.source))


def cmd_check(args: argparse.Namespace) -> None:
    res = _load(args)
    d = res.document
    print(f"{args.source}: {d.title} ({d.symbol or 'no symbol'}, {d.date}, {d.language})")
    print(f"  {len(res.sponsors)} sponsors, {len(res.preambular)} preambular and {len(res.operative)} operative paragraphs, "
          f"{len(res.footnotes)} footnotes, {len(res.references)} references")
    for decision in res.decisions:
        print(f"  decided: {decision}")
    english = english_source(args)
    if english is not None:
        from .render.compare import align

        other = read_version(english)
        alignment = align(res, other)
        print(f"{english}: {other.document.title} ({other.document.symbol or 'no symbol'}, {other.document.date}, "
              f"{other.document.language}): aligned by paragraph, {len(alignment.passages)} passages")
        for p in alignment.differences:
            what = [f"cited only in {lang}: {', '.join(ids)}" for lang, ids in
                    ((res.document.language, p.only_a), (other.document.language, p.only_b)) if ids]
            if p.years_differ:
                what.append(f"years {res.document.language} {', '.join(p.a.years) or '-'} / "
                            f"{other.document.language} {', '.join(p.b.years) or '-'}")
            print(f"  differs: {p.id} ({p.paragraph}): {'; '.join(what)}")


def cmd_export(args: argparse.Namespace) -> None:
    from .render.compare import align

    res = _load(args)
    english = english_source(args)
    alignment = align(res, read_version(english)) if english else None
    with atomic_dir(Path(args.out)) as tmp:
        written = write_exports(res, tmp, alignment)
    print(f"wrote {len(written)} files to {args.out}" + (f" (with the English version from {english})" if english else ""))


def cmd_build(args: argparse.Namespace) -> None:
    from .build import build_all, docs_for, inputs_digest, up_to_date

    english = english_source(args)
    outputs = [Path(args.out), Path(args.docs)] + ([docs_for(Path(args.docs), "en")] if english else [])
    outputs += [] if args.no_site else [Path(args.site)]
    stamp = Path(args.docs).parent / f".{Path(args.docs).name}.stamp"
    digest = inputs_digest(Path(args.source), Path.cwd(), outputs, (english,) if english else ())
    if not args.force and up_to_date(stamp, digest, outputs):
        print("up to date: nothing to rebuild (use --force to rebuild anyway)")
        return
    res = _load(args)
    other = read_version(english) if english else None
    build_all(res, Path(args.out), Path(args.docs), None if args.no_site else Path(args.site), other=other)
    stamp.write_text(digest + "\n", encoding="utf-8")
    built = [f"{args.out}/", f"{args.docs}/"] + ([f"{docs_for(Path(args.docs), other.document.language)}/"] if other else [])
    print(f"built {', '.join(built)}" + ("" if args.no_site else f" and {args.site}/")
          + (f" (with the {other.document.language} version from {english})" if other else ""))


COMMANDS = {
    "check": (cmd_check, "parse a source and print what it holds", "python -m generator check --source content/source/resolution.zh.txt"),
    "build": (cmd_build, "generate pages and datasets, then build the site with MkDocs", "python -m generator build --source content/source/resolution.zh.txt"),
    "export": (cmd_export, "write the datasets (resolution.json, ...) into a folder", "python -m generator export --source content/source/resolution.zh.txt --out exports"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Publish a UN resolution as a static site and open datasets.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (func, help_text, example) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=f"example: {example}")
        p.add_argument("--source", default=str(DEFAULT_SOURCE), help="the resolution's text (default: %(default)s)")
        if name in ("check", "build", "export"):
            p.add_argument("--source-en", default=None, metavar="FILE",
                           help="its English version, aligned by paragraph and published under /en/ (default: the .en.json "
                                "file beside --source if there is one, e.g. content/source/resolution.en.json; "
                                "'' for none)")
        if name in ("export", "build"):
            p.add_argument("--out", default="exports", help="datasets folder (default: %(default)s)")
        if name == "build":
            p.add_argument("--docs", default="build/docs", help="generated pages folder (default: %(default)s)")
            p.add_argument("--site", default="site", help="built site folder (default: %(default)s)")
            p.add_argument("--no-site", action="store_true", help="generate pages and datasets only; skip MkDocs")
            p.add_argument("--force", action="store_true", help="rebuild even when no input changed")
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except SourceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # MkDocs reports a failed site build with its own exceptions
        from mkdocs.exceptions import MkDocsException

        if not isinstance(err, MkDocsException):
            raise
        print(f"error: the site did not build: {err}", file=sys.stderr)
        return 1
    return 0
