"""The downloads page, and the datasets published on the site under /data/.

`write_downloads` copies every file of `exports/` (with the folder of a
second language version, en/, if there is one) into `docs/data/`, writes
one JSON record per paragraph into `docs/data/paragraphs/<id>.json`, a
`SHA256SUMS` file beside each set, and `docs/downloads.md`: every file with
its format, size, SHA-256 and what it holds, the encoding chosen for the CSV
files, the licence, and examples of reading the files.

Each language's site gets a downloads page of its own, for the files of its
folder (exports/en/ -> /en/data/, with the folders of the other resolutions'
English texts inside it), which links to the Data Package at the main site's
/data/ that describes them all.  Where the collection is a series, the page
shows how to ask the lineage a question (lineage.csv).

Text from the source and from the metadata file goes through
`markup.escape`; interface strings come from content/ui/downloads.<lang>.yml.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from .. import urls
from ..export import LINEAGE_FILE, SERIES_FILE
from ..export.package import ALIGNMENT_FILE, PACKAGE_FILE, file_infos, folder_suffix, sha256
from ..export.records import LICENCE_KEYS, dump_json, paragraph_records, pick
from ..knowledge.lexicon import load_lexicon
from ..knowledge.ui import downloads_strings, strings
from ..model.document import Resolution
from ..paths import safe_path
from ..urls import UNDOCS
from .edition import Edition, href
from .markup import escape, escape_html

DATA = "data"
RECORDS = "paragraphs"
SUMS = "SHA256SUMS"
_SAFE_URL = re.compile(r"^https?://[^\s()<>\"'`]+$")


def checksums(files: dict[str, bytes]) -> str:
    """A sha256sum-style listing: `<hex>  <name>` per line, in the given order."""
    return "".join(f"{sha256(data)}  {name}\n" for name, data in files.items())


def export_files(exports: Path, folders: list[str] | None = None) -> dict[str, bytes]:
    """The export files (paths relative to `exports`; en/… in a version's folder) in the order the
    downloads page lists them: `folders` (each ending in "/") in that order, then any others by name."""
    present = {p.relative_to(exports).as_posix(): p for p in exports.rglob("*") if p.is_file()}
    base = [info.path for info in file_infos()]
    if folders is None:
        folders = sorted({name.rsplit("/", 1)[0] + "/" for name in present if "/" in name})
    shared = [ALIGNMENT_FILE, LINEAGE_FILE, SERIES_FILE, PACKAGE_FILE]
    order = base + shared + [f"{folder}{name}" for folder in folders for name in base]
    names = [n for n in order if n in present] + sorted(n for n in present if n not in order)
    return {n: present[n].read_bytes() for n in names}


def record_files(res: Resolution, root: str = "/") -> dict[str, bytes]:
    """One JSON record per paragraph, keyed by file name (pp-7.json); `root`: where the text's site stands."""
    return {f"{pid}.json": dump_json(record).encode("utf-8") for pid, record in paragraph_records(res, root).items()}


def _link(text: str, url: str | None) -> str:
    """A Markdown link to an outside page, or the plain escaped text when the URL is not a plain http(s) one."""
    if url and _SAFE_URL.match(url):
        return f"[{escape(text)}]({url})"
    return escape(text)


def _front_matter(res: Resolution, ui: dict) -> str:
    d = res.document
    description = ui["description"].format(title=d.title, symbol=d.symbol or d.document_type or d.language)
    return "---\n" + f"title: {json.dumps(escape(ui['title']), ensure_ascii=False)}\n" + \
        f"description: {json.dumps(escape(description), ensure_ascii=False)}\n" + "---\n"


def _files_list(ui: dict, files: dict[str, bytes], versions: dict[str, str], folders: dict[str, tuple[str, str | None]]) -> list[str]:
    """Each file: its link, then its format and size, then what it holds (a list reads well on a phone).

    A file in a version's folder (en/paragraphs.csv) is described as its
    namesake, as a file of that version (`folders`: folder -> its language's name,
    and its symbol when it is another resolution's); `versions`: the strings for other versions
    (content/ui/bilingual.<lang>.yml, `downloads`).
    """
    infos = {info.path: info for info in file_infos()}
    lines = []
    for name, data in files.items():
        folder, _, base = name.rpartition("/")
        fmt = infos[base].format if base in infos else base.rsplit(".", 1)[-1]
        size = ui["size"].format(bytes=f"{len(data):,}")
        facts = ui["file_facts"].format(format=ui["formats"].get(fmt, fmt), size=size)
        description = ui["files"].get(base) or (versions["alignment_file"] if base == ALIGNMENT_FILE else "")
        if folder:
            language, symbol = folders.get(folder + "/", (folder, None))
            key = "version_symbol_file" if symbol else "version_file"
            description = versions[key].format(language=language, symbol=symbol, description=description)
        lines.append(f"- [{escape(name)}]({DATA}/{name})  ")
        lines.append(f"  {escape(facts)}  ")
        lines.append(f"  {escape(description)}")
    return lines


def _records_section(ui: dict, records: dict[str, bytes]) -> list[str]:
    text = ui["paragraph_records"]
    first = next(iter(records))
    return [
        f"## {escape(text['heading'])}", "",
        f"{escape(text['text'])} [{escape(first)}]({DATA}/{RECORDS}/{first})", "",
        f"{escape(text['checksums'])} [{DATA}/{RECORDS}/{SUMS}]({DATA}/{RECORDS}/{SUMS})", "",
    ]


def _licence_section(res: Resolution, ui: dict) -> list[str]:
    d = res.document
    lic = pick(d.metadata.get("licence"), LICENCE_KEYS) or dict.fromkeys(LICENCE_KEYS)
    lines = [f"## {escape(ui['licence']['heading'])}", ""]
    if lic["name"] or lic["url"]:
        lines.append(f"- {_link(lic['name'] or lic['url'], lic['url'])}")
    if lic["attribution"]:
        lines.append(f"- {escape(lic['attribution'])}")
    if d.symbol:
        url = UNDOCS.format(lang=d.language, symbol=d.symbol)
        lines.append(f"- {escape(ui['licence']['source'])}: {_link(d.symbol, url)}")
    return lines + [""]


def _example_paragraph(res: Resolution) -> tuple[str, str]:
    """The paragraph the examples read: the first operative paragraph, else the first paragraph."""
    p = (res.operative or res.paragraphs)[0]
    lang = load_lexicon().languages.get(res.document.language)
    return p.id, (lang.label(p.kind, n=p.number) if lang else p.id)


def _examples_section(res: Resolution, ui: dict, package: str = PACKAGE_FILE, resource: str = "paragraphs") -> list[str]:
    """Examples of reading the files, run in their folder; `package`: the Data Package's path from there."""
    ex = ui["examples"]
    pid, label = _example_paragraph(res)
    comment = ex["python_comment"].format(label=label)
    python = f'''import csv
import json

import pandas as pd

paragraphs = pd.read_csv("paragraphs.csv")
{comment}
print(paragraphs.loc[paragraphs["id"] == "{pid}", "text"].item())

with open("footnotes.csv", encoding="utf-8-sig", newline="") as f:
    footnotes = list(csv.DictReader(f))

with open("resolution.json", encoding="utf-8") as f:
    document = json.load(f)
print(document["document"]["symbol"], len(document["paragraphs"]))

from frictionless import Package

rows = Package("{package}").get_resource("{resource}").read_rows()'''
    r = '''paragraphs <- read.csv("paragraphs.csv", fileEncoding = "UTF-8-BOM")
subset(paragraphs, kind == "operative")[, c("id", "text")]'''
    sqlite = '''sqlite3 resolution.db ".import --csv paragraphs.csv paragraphs" \\
  "SELECT id, text FROM paragraphs WHERE kind = 'operative' LIMIT 3;"'''
    return [
        f"## {escape(ex['heading'])}", "",
        f"### {escape(ex['python'])}", "", "```python", python, "```", "",
        f"### {escape(ex['r'])}", "", "```r", r, "```", "",
        f"### {escape(ex['sqlite'])}", "", "```sh", sqlite, "```", "",
    ]


def _lineage_section(ui: dict, where: str) -> list[str]:
    """An example of a question the lineage answers: which paragraphs of the last resolution are unchanged since the first."""
    ex = ui["lineage_example"]
    python = '''import pandas as pd

lineage = pd.read_csv("lineage.csv", dtype=str, keep_default_na=False)
step = lineage.set_index(["resolution", "paragraph"])


def unchanged_since(resolution, paragraph, first):
    """Whether the paragraph has the same words as its line had in resolution `first`."""
    while resolution != first:
        row = step.loc[(resolution, paragraph)]
        if row["status"] != "unchanged":
            return False
        resolution, paragraph = row["predecessor_resolution"], row["predecessor_paragraph"]
    return True


resolutions = list(dict.fromkeys(lineage["resolution"]))  # oldest first
first, last = resolutions[0], resolutions[-1]
print([p for p in lineage.loc[lineage["resolution"] == last, "paragraph"] if unchanged_since(last, p, first)])'''
    return [f"## {escape(ex['heading'])}", "", escape(ex["text"]) + " " + where, "", "```python", python, "```", ""]


def _package_line(ui: dict, text: str, url: str) -> list[str]:
    """Where the Data Package that describes this site's files stands: the main site's data folder."""
    return [f'<p>{escape(text)} <a href="{escape_html(url)}">{escape(PACKAGE_FILE)}</a></p>', ""]


class Downloads:
    """The downloads page of one language's site (`edition`: the edition at its root)."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.collection = edition.collection
        self.res = edition.res
        self.ui = downloads_strings(edition.lang)
        self.versions_ui = strings(edition.lang).get("bilingual", {}).get("downloads", {})
        site = edition.site_root
        self.site_versions = [r for r in self.collection.versions if urls.version_root(self.collection, r).startswith(site)]
        # each version's folder below this site's data folder ("" for this edition's own)
        self.folders = {urls.version_root(self.collection, r)[len(site):]: r for r in self.site_versions}

    def folder_names(self) -> dict[str, tuple[str, str | None]]:
        """Each version's folder -> (its language's name, its symbol if it is not the site's own resolution)."""
        names = self.ui["language_names"]
        own = self.edition.work
        return {folder: (names.get(r.document.language, r.document.language),
                         None if self.collection.work_of(r) is own else r.document.symbol)
                for folder, r in self.folders.items() if folder}

    def package_url(self) -> str:
        """From this site's downloads page to the Data Package at the main site's data folder."""
        return href(self.edition.url("downloads.md"), f"{DATA}/{PACKAGE_FILE}")

    def page(self, files: dict[str, bytes], records: dict[str, bytes]) -> str:
        res, ui = self.res, self.ui
        enc, sums = ui["encoding"], ui["checksums"]
        lines = [_front_matter(res, ui), f"# {escape(ui['title'])}", "", escape(ui["intro"]), ""]
        lines += _files_list(ui, files, self.versions_ui, self.folder_names()) + [""]
        main_site = PACKAGE_FILE in files
        if not main_site:
            others = [r for r in self.collection.versions if r not in self.site_versions]
            language = ", ".join(dict.fromkeys(ui["language_names"].get(r.document.language, r.document.language) for r in others))
            lines += _package_line(ui, self.versions_ui["package_elsewhere"].format(language=language), self.package_url())
        if records:
            lines += _records_section(ui, records)
        lines += [f"## {escape(enc['heading'])}", ""] + [f"- {escape(item)}" for item in enc["items"]] + [""]
        lines += [f"## {escape(sums['heading'])}", "", f"{escape(sums['text'])} [{DATA}/{SUMS}]({DATA}/{SUMS})", "",
                  "```text", checksums(files).rstrip("\n"), "```", ""]
        lines += _licence_section(res, ui)
        if main_site:
            lines += _examples_section(res, ui)
        else:  # the package stands in the main site's data folder
            package = href(f"{self.edition.site_root}{DATA}/", f"{DATA}/{PACKAGE_FILE}")
            lines += _examples_section(res, ui, package, f"paragraphs{folder_suffix(self.edition.site_root)}")
        if self.collection.lineage.steps:
            if LINEAGE_FILE in files:
                where = f"[{LINEAGE_FILE}]({DATA}/{LINEAGE_FILE})"
            else:
                where = f'<a href="{escape_html(href(self.edition.url("downloads.md"), f"{DATA}/{LINEAGE_FILE}"))}">{LINEAGE_FILE}</a>'
            lines += _lineage_section(ui, where)
        return "\n".join(lines).rstrip("\n") + "\n"


def write_downloads(edition: Edition, docs: Path, exports: Path) -> None:
    """Copy this site's exports to docs/data/, write the per-paragraph records of `edition` and docs/downloads.md."""
    downloads = Downloads(edition)
    source = exports / edition.site_root if edition.site_root else exports
    data = docs / DATA
    data.mkdir(parents=True, exist_ok=True)
    files = export_files(source)
    for name in files:
        target = safe_path(data, *name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    (data / SUMS).write_text(checksums(files), encoding="utf-8")
    records = record_files(edition.res, "/" + edition.root)
    folder = data / RECORDS
    folder.mkdir(exist_ok=True)
    for name, content in records.items():
        safe_path(folder, name).write_bytes(content)
    (folder / SUMS).write_text(checksums(records), encoding="utf-8")
    (docs / "downloads.md").write_text(downloads.page(files, records), encoding="utf-8")
