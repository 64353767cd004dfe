"""The command line: python -m generator COMMAND ...

Without --source, a command works on the collection that content/collection.yml
lists (the site's main text first); with --source FILE (once or more), on
those files alone, the first as the main text.  `check --source FILE` reads
one file alone and prints what it holds, so anyone can try the reader on a
resolution of their own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .analyse.annotate import annotate
from .analyse.collection import read_collection
from .export import write_exports
from .model.collection import Collection
from .model.document import Resolution
from .output import atomic_dir
from .read import read_source
from .read.manifest import COLLECTION, load_manifest
from .source import SourceError


def sources(args: argparse.Namespace) -> list[Path]:
    """The files a command reads: --source (and --source-en), else the collection file's list."""
    given = [Path(s) for s in args.source or []] + ([Path(args.source_en)] if getattr(args, "source_en", None) else [])
    return given if given else load_manifest(Path(args.collection))


def describe(path: Path, res: Resolution, indent: str = "") -> list[str]:
    """What one source holds: its heading, its counts, the decisions the reader took."""
    d = res.document
    lines = [f"{indent}{path}: {d.title} ({d.symbol or 'no symbol'}, {d.date}, {d.language})",
             f"{indent}  {len(res.sponsors)} sponsors, {len(res.preambular)} preambular and {len(res.operative)} operative "
             f"paragraphs, {len(res.footnotes)} footnotes, {len(res.references)} references"]
    lines += [f"{indent}  decided: {decision}" for decision in res.decisions]
    return lines


def describe_collection(collection: Collection) -> list[str]:
    """Each resolution of the collection with its versions, their alignment and the lineage against the one before."""
    series = sum(1 for s in collection.series if len(s.works) > 1)
    lines = [f"{len(collection.versions)} texts of {len(collection.works)} resolutions" + (f", in {series} series" if series else "")]
    for work in collection.works:
        lines.append(f"{work.symbol}" + (f" (adopted {work.adopted})" if work.adopted else ""))
        for res in work.versions:
            lines += describe(Path(res.source_path), res, "  ")
        alignment = collection.alignments.get(work.symbol)
        if alignment is not None:
            lines.append(f"  {alignment.b.document.language} aligned with {alignment.a.document.language} by paragraph: "
                         f"{len(alignment.passages)} passages")
            for p in alignment.differences:
                what = [f"cited only in {lang}: {', '.join(ids)}" for lang, ids in
                        ((alignment.a.document.language, p.only_a), (alignment.b.document.language, p.only_b)) if ids]
                if p.years_differ:
                    what.append(f"years {alignment.a.document.language} {', '.join(p.a.years) or '-'} / "
                                f"{alignment.b.document.language} {', '.join(p.b.years) or '-'}")
                lines.append(f"  differs: {p.id} ({p.paragraph}): {'; '.join(what)}")
        step = collection.lineage.step(work.symbol)
        if step is not None:
            lines.append(f"  against {step.previous}: {step.count('unchanged')} unchanged, {step.count('changed')} changed, "
                         f"{step.count('new')} new, {len(step.dropped)} dropped")
    return lines


def cmd_check(args: argparse.Namespace) -> None:
    if args.source and len(args.source) == 1 and not args.source_en:
        path = Path(args.source[0])
        print("\n".join(describe(path, annotate(read_source(path)))))
        return
    print("\n".join(describe_collection(read_collection(sources(args)))))


def cmd_export(args: argparse.Namespace) -> None:
    collection = read_collection(sources(args))
    with atomic_dir(Path(args.out)) as tmp:
        written = write_exports(collection, tmp)
    print(f"wrote {len(written)} files for {len(collection.versions)} texts to {args.out}")


def cmd_build(args: argparse.Namespace) -> None:
    from .build import build_all, docs_for, inputs_digest, languages, up_to_date, write_stamp

    paths = sources(args)
    docs = Path(args.docs)
    stamp = docs.parent / f".{docs.name}.stamp"
    outputs = [Path(args.out), docs] + ([] if args.no_site else [Path(args.site)])
    digest = inputs_digest(paths, Path.cwd(), outputs)
    if not args.force and up_to_date(stamp, digest):
        print("up to date: nothing to rebuild (use --force to rebuild anyway)")
        return
    collection = read_collection(paths)
    build_all(collection, Path(args.out), docs, None if args.no_site else Path(args.site))
    langs = languages(collection)
    built = [f"{args.out}/", f"{docs}/"] + [f"{docs_for(docs, lang)}/" for lang in langs[1:]]
    write_stamp(stamp, digest, outputs + [docs_for(docs, lang) for lang in langs[1:]])
    print(f"built {', '.join(built)}" + ("" if args.no_site else f" and {args.site}/")
          + f" ({len(collection.versions)} texts of {len(collection.works)} resolutions)")


COMMANDS = {
    "check": (cmd_check, "read the sources and print what they hold",
              "python -m generator check --source content/source/A_RES_74_176.en.json"),
    "build": (cmd_build, "generate pages and datasets, then build the sites with MkDocs",
              "python -m generator build"),
    "export": (cmd_export, "write the datasets (resolution.json, ...) into a folder",
               "python -m generator export --out exports"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Publish UN resolutions as a static site and open datasets.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (func, help_text, example) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text, epilog=f"example: {example}")
        p.add_argument("--source", action="append", metavar="FILE",
                       help="a source to read instead of the collection (again for more; the first is the main text)")
        p.add_argument("--source-en", default=None, metavar="FILE", help="one more source, e.g. the English version ('' for none)")
        p.add_argument("--collection", default=str(COLLECTION), metavar="FILE",
                       help="the collection file listing the sources (default: %(default)s)")
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
