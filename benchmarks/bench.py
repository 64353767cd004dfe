"""The benchmark behind `make bench`: builders' time and memory, growth, the series
against the single document, readers' bytes.

Writes benchmarks/results.md (a table per part) and prints it.  Each figure
is the median of several runs; each run is a fresh subprocess, so peak memory
(ru_maxrss) belongs to that run alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "content" / "source" / "resolution.zh.txt"
PYTHON = sys.executable
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_RE = re.compile(f"[{SUP}]+")

# One run of the pipeline in a child process; prints a JSON line of stage timings.
STAGES = r"""
import json, resource, sys, time
from pathlib import Path
t = time.perf_counter
marks = {}
start = t()
from generator.read import read_source
from generator.analyse.annotate import annotate
from generator.analyse.collection import assemble
from generator.output import atomic_dir
from generator.export import write_exports
from generator.build import build_site, write_site_docs
marks["import"] = t() - start
src, out = Path(sys.argv[1]), Path(sys.argv[2])
with_site = sys.argv[3] == "1"
s = t(); res = read_source(src); marks["parse"] = t() - s
s = t(); annotate(res); marks["annotate"] = t() - s
s = t(); collection = assemble([(src, res)]); marks["collect"] = t() - s
s = t()
with atomic_dir(out / "exports") as tmp:
    write_exports(collection, tmp)
marks["exports"] = t() - s
s = t()
with atomic_dir(out / "docs") as tmp:
    write_site_docs(collection, res.document.language, tmp, out / "exports")
marks["pages"] = t() - s
marks["generator"] = t() - start
if with_site:
    s = t(); build_site(out / "docs", out / "site", Path("mkdocs.yml")); marks["mkdocs"] = t() - s
marks["total"] = t() - start
marks["paragraphs"] = len(res.paragraphs)
marks["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(marks))
"""


def _sup(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", SUP))


def _unsup(s: str) -> int:
    return int(s.translate(str.maketrans(SUP, "0123456789")))


def synthetic(text: str, factor: int) -> str:
    """The source with its preamble and operative part each repeated `factor` times.

    Footnote numbers and operative numbers are shifted in each copy so the
    result is a valid document `factor` times the size.
    """
    lines = text.split("\n")
    opening = next(i for i, line in enumerate(lines) if line.strip() in ("大会，", "The General Assembly,"))
    first_op = next(i for i, line in enumerate(lines) if re.match(r"^1\.\s", line) and i > opening)
    head, preamble, operative = lines[: opening + 1], lines[opening + 1 : first_op], lines[first_op:]
    notes = max(_unsup(m) for m in _SUP_RE.findall(text))
    ops = max(int(m) for m in re.findall(r"(?m)^(\d+)\.\s", "\n".join(operative)))

    def shift(block: list[str], copy: int) -> list[str]:
        out = []
        for line in block:
            line = _SUP_RE.sub(lambda m: _sup(_unsup(m.group(0)) + copy * notes), line)
            line = re.sub(r"^(\d+)\.(\s)", lambda m: f"{int(m.group(1)) + copy * ops}.{m.group(2)}", line)
            out.append(line)
        return out

    body_pre = [line for c in range(factor) for line in shift(preamble, c)]
    body_op = [line for c in range(factor) for line in shift(operative, c) + [""]]
    return "\n".join(head + body_pre + body_op)


def run_pipeline(source: Path, with_site: bool) -> dict:
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([PYTHON, "-c", STAGES, str(source), out, "1" if with_site else "0"],
                              cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_runs(source: Path, with_site: bool, runs: int) -> dict:
    results = [run_pipeline(source, with_site) for _ in range(runs)]
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def mkdocs_only(runs: int, config: str = "mkdocs.yml") -> float:
    """A plain `mkdocs build` of the already-generated pages (build/docs, build/docs-en)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            s = time.perf_counter()
            subprocess.run([str(Path(PYTHON).parent / "mkdocs"), "build", "-q", "-f", config, "-d", out], cwd=ROOT,
                           check=True, capture_output=True)
            times.append(time.perf_counter() - s)
    return statistics.median(times)


def whole_build(runs: int, sources: list[Path] | None = None) -> tuple[float, float, int]:
    """`python -m generator build --force` (what `make site` runs after set-up), of the collection or of
    `sources` alone: (median seconds, peak MB, pages published in all sites, redirects to them aside)."""
    import resource

    times, pages = [], 0
    given = [arg for source in sources or [] for arg in ("--source", str(source))]
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            s = time.perf_counter()
            subprocess.run([PYTHON, "-m", "generator", "build", "--force", *given, "--out", f"{out}/exports", "--docs",
                            f"{out}/build/docs", "--site", f"{out}/site"], cwd=ROOT, check=True, capture_output=True)
            times.append(time.perf_counter() - s)
            pages = sum(1 for page in Path(out, "site").rglob("index.html") if b'http-equiv="refresh"' not in page.read_bytes())
    return statistics.median(times), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, pages


def lineage_scores() -> list[str]:
    """Precision and recall of the computed predecessor links against the lineages written by reading (tests/data/lineage)."""
    import yaml

    sys.path.insert(0, str(ROOT))
    from generator.analyse.collection import read_collection
    from generator.read.manifest import COLLECTION, load_manifest

    collection = read_collection(load_manifest(ROOT / COLLECTION))
    out = ["\n## Lineage against the lineages written by reading\n",
           "| pair | paragraphs | precision | recall | status right |", "|---|---:|---:|---:|---:|"]
    for path in sorted((ROOT / "tests" / "data" / "lineage").glob("*.yml")):
        truth = yaml.safe_load(path.read_text(encoding="utf-8"))
        step = collection.lineage.step(truth["resolution"])
        want = {pid: (w["predecessor"], w["status"]) for pid, w in truth["paragraphs"].items()}
        got = {k.paragraph: (k.predecessor, k.status) for k in step.links}
        true_links = {(pid, p) for pid, (p, _) in want.items() if p}
        found = {(pid, p) for pid, (p, _) in got.items() if p}
        right = len(true_links & found)
        status = sum(want[pid][1] == got.get(pid, (None, None))[1] for pid in want) / len(want)
        out.append(f"| {truth['predecessor_resolution']} → {truth['resolution']} | {len(want)} | "
                   f"{right / len(found):.3f} | {right / len(true_links):.3f} | {status:.1%} |")
    return out


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def reader_bytes(site: Path) -> list[tuple[str, int, int, int, int, int]]:
    """For home, a paragraph page and the full text, in gzip bytes: the page's own HTML, the
    stylesheets, scripts and icon it links, the search worker and index the theme fetches
    at load (shared by every page, cached after the first), the total, and the requests."""
    rows = []
    for label, rel in (("home", "index.html"), ("paragraph /op/5/", "op/5/index.html"), ("full text /text/", "text/index.html"),
                       ("series /series/", "series/index.html"), ("English paragraph /en/op/5/", "en/op/5/index.html"),
                       ("changes /en/changes/", "en/changes/index.html"),
                       ("English of 74/176, /en/A/RES/74/176/op/4/", "en/A/RES/74/176/op/4/index.html")):
        page = site / rel
        html = page.read_bytes()
        assets = set(re.findall(rb'<(?:script[^>]*\bsrc|link[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref)="([^"]+)"', html))
        shared = sum(gz((page.parent / a.decode().split("?")[0]).resolve().read_bytes()) for a in assets)
        config = json.loads(re.search(rb'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        base = (page.parent / config["base"]).resolve()
        search = [base / "search" / "search_index.json"]
        if config.get("search"):
            workers = [config["search"].split("?")[0]] + re.findall(r"worker=([^&]+)", config["search"])
            search += [base / "assets/javascripts/workers" / Path(w).name for w in workers]
        searched = sum(gz(p.read_bytes()) for p in search if p.is_file())
        rows.append((label, gz(html), shared, searched, gz(html) + shared + searched, 1 + len(assets) + len(search)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description="Benchmark the builders and the readers' bytes.")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--factors", default="1,10,100")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results.md"))
    args = ap.parse_args()

    text = SOURCE.read_text(encoding="utf-8")
    lines = ["# Benchmark results\n",
             f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
             f"{_cpu_count()} cores. Medians of {args.runs} runs; each run a fresh process.\n"]

    whole = median_runs(SOURCE, True, args.runs)
    plain = mkdocs_only(args.runs)
    plain_en = mkdocs_only(args.runs, "mkdocs.en.yml") if (ROOT / "build" / "docs-en").exists() else None
    make_site, make_site_mb, _ = whole_build(args.runs)
    lines.append("## Builder (the source, 1×)\n")
    lines.append("| stage | seconds |\n|---|---:|")
    for k in ("import", "parse", "annotate", "collect", "exports", "pages", "generator", "mkdocs", "total"):
        lines.append(f"| {k} | {whole[k]:.3f} |")
    lines.append(f"| plain `mkdocs build` of the generated pages | {plain:.3f} |")
    if plain_en is not None:
        lines.append(f"| plain `mkdocs build` of the English pages | {plain_en:.3f} |")
    lines.append(f"| whole `make site` build (`python -m generator build --force`: the series, both languages) | {make_site:.3f} |")
    lines.append(f"\nChinese pipeline: generator share {whole['generator'] / whole['total']:.1%} of its total "
                 f"(generator {whole['generator']:.2f} s, of which imports {whole['import']:.2f} s; MkDocs {whole['mkdocs']:.2f} s); "
                 f"peak memory {whole['peak_mb']:.0f} MB. Whole build peak memory {make_site_mb:.0f} MB.\n")

    lines.append("## Growth\n")
    lines.append("| size | paragraphs | generator s | ms per paragraph | whole build s | ms per paragraph | peak MB |\n|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (int(f) for f in args.factors.split(",")):
            src = Path(tmp) / f"x{factor}.zh.txt"
            src.write_text(synthetic(text, factor), encoding="utf-8")
            runs = args.runs if factor <= 10 else 1
            r = median_runs(src, True, runs)
            n = r["paragraphs"]
            lines.append(f"| {factor}× | {n:.0f} | {r['generator']:.2f} | {1000 * r['generator'] / n:.2f} | "
                         f"{r['total']:.2f} | {1000 * r['total'] / n:.2f} | {r['peak_mb']:.0f} |")

    lines.append("\n## The series against the single document\n")
    single_sources = [SOURCE, ROOT / "content" / "source" / "A_RES_76_186.en.json"]
    single, _, single_pages = whole_build(args.runs, single_sources)
    series, _, series_pages = whole_build(args.runs)
    per_single, per_series = 1000 * single / single_pages, 1000 * series / series_pages
    lines.append("| build | pages | seconds | ms per page |\n|---|---:|---:|---:|")
    lines.append(f"| 76/186 alone (Chinese draft and English text) | {single_pages} | {single:.2f} | {per_single:.1f} |")
    lines.append(f"| the whole series (4 resolutions, 5 texts) | {series_pages} | {series:.2f} | {per_series:.1f} |")
    lines.append(f"\nCost per published page, series against single: ratio {per_series / per_single:.2f} (budget ≤ 1.00). "
                 "One MkDocs build per language, whatever the number of resolutions.")
    lines += lineage_scores()

    site = ROOT / "site"
    if (site / "index.html").exists():
        lines.append("\n## Readers (gzip bytes, first visit)\n")
        lines.append("| page | own HTML | CSS, JS, icon | search worker + index | total | requests |\n|---|---:|---:|---:|---:|---:|")
        for label, own, shared, searched, total, reqs in reader_bytes(site):
            lines.append(f"| {label} | {own:,} | {shared:,} | {searched:,} | {total:,} | {reqs} |")
        lines.append("\nBudgets (checked by tests/test_budgets.py): a paragraph page's own HTML ≤ 15 KB, "
                     "a first visit ≤ 150 KB, the search index ≤ 100 KB, all gzip.")
        for name, index in (("Chinese", site / "search" / "search_index.json"), ("English", site / "en" / "search" / "search_index.json")):
            if index.exists():
                lines.append(f"\n{name} search index: {index.stat().st_size:,} bytes, {gz(index.read_bytes()):,} gzip.")

    report = "\n".join(lines) + "\n"
    Path(args.out).write_text(report, encoding="utf-8")
    print(report)


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
