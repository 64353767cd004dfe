"""The downloads page, and the datasets published on the site under /data/.

`write_downloads` copies every file of `exports/` (with the folder of a
second language version, en/, if there is one) into `docs/data/`, writes
one JSON record per paragraph into `docs/data/paragraphs/<id>.json`, a
`SHA256SUMS` file beside each set, and `docs/downloads.md`: every file with
its format, size, SHA-256 and what it holds, the encoding chosen for the CSV
files, the licence, and examples of reading the files.

A second language version's site gets a downloads page of its own, for the
files of its folder (exports/en/ -> /en/data/), which links to the Data
Package at the first site's /data/ that describes them (`other`, a
generator.bilingual.View).

Text from the source and from the metadata file goes through
`markup.escape`; interface strings come from content/ui/downloads.<lang>.yml.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from . import compare as bilingual
from ..export.datasets import ALIGNMENT_FILE, LICENCE_KEYS, PACKAGE_FILE, downloads_strings, dump_json, file_infos, paragraph_records, pick, sha256
from ..knowledge.lexicon import load_lexicon
from .markup import escape, escape_html
from ..model.document import Resolution
from ..paths import safe_path
from ..knowledge.ui import strings
from ..urls import UNDOCS

DATA = "data"
RECORDS = "paragraphs"
SUMS = "SHA256SUMS"
_SAFE_URL = re.compile(r"^https?://[^\s()<>\"'`]+$")


def _ui(res: Resolution) -> dict[str, Any]:
    return downloads_strings(res.document.language)


def checksums(files: dict[str, bytes]) -> str:
    """A sha256sum-style listing: `<hex>  <name>` per line, in the given order."""
    return "".join(f"{sha256(data)}  {name}\n" for name, data in files.items())


def export_files(exports: Path) -> dict[str, bytes]:
    """The export files (paths relative to `exports`, en/… in a language's folder) in the order the
    downloads page lists them, then any others by name."""
    present = {p.relative_to(exports).as_posix(): p for p in exports.rglob("*") if p.is_file()}
    base = [info.path for info in file_infos()]
    folders = sorted({name.split("/", 1)[0] for name in present if "/" in name})
    order = base + [ALIGNMENT_FILE, PACKAGE_FILE] + [f"{folder}/{name}" for folder in folders for name in base]
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


def _files_list(ui: dict, files: dict[str, bytes], versions: dict[str, str]) -> list[str]:
    """Each file: its link, then its format and size, then what it holds (a list reads well on a phone).

    A file in a language's folder (en/paragraphs.csv) is described as its
    namesake, as a file of that language's text; `versions`: the strings for
    a second language version (content/ui/bilingual.<lang>.yml, `downloads`).
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
            description = versions["version_file"].format(language=ui["language_names"].get(folder, folder), description=description)
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


def _package_line(ui: dict, other: bilingual.View) -> list[str]:
    """Where the Data Package that describes this version's files stands: the other site's data folder."""
    url = other.other_page("downloads.md") + f"{DATA}/{PACKAGE_FILE}"
    text = other.t("downloads", "package_elsewhere", language=ui["language_names"].get(other.other_lang, other.other_lang))
    return [f'<p>{escape(text)} <a href="{escape_html(url)}">{escape(PACKAGE_FILE)}</a></p>', ""]


def downloads_page(res: Resolution, files: dict[str, bytes], records: dict[str, bytes],
                   other: bilingual.View | None = None) -> str:
    """The Markdown of /downloads/; `other`: the other language version, when the Data Package is on its site."""
    ui = _ui(res)
    enc = ui["encoding"]
    sums = ui["checksums"]
    lines = [_front_matter(res, ui), f"# {escape(ui['title'])}", "", escape(ui["intro"]), ""]
    lines += _files_list(ui, files, strings(res.document.language).get("bilingual", {}).get("downloads", {})) + [""]
    if PACKAGE_FILE not in files and other is not None:
        lines += _package_line(ui, other)
    if records:
        lines += _records_section(ui, records)
    lines += [f"## {escape(enc['heading'])}", ""] + [f"- {escape(item)}" for item in enc["items"]] + [""]
    lines += [f"## {escape(sums['heading'])}", "", f"{escape(sums['text'])} [{DATA}/{SUMS}]({DATA}/{SUMS})", "",
              "```text", checksums(files).rstrip("\n"), "```", ""]
    lines += _licence_section(res, ui)
    if PACKAGE_FILE not in files and other is not None:  # the package stands in the folder above
        lines += _examples_section(res, ui, f"../{PACKAGE_FILE}", f"paragraphs-{res.document.language}")
    else:
        lines += _examples_section(res, ui)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_downloads(res: Resolution, docs: Path, exports: Path, other: bilingual.View | None = None) -> None:
    """Copy the exports to docs/data/, write the per-paragraph records and docs/downloads.md."""
    data = docs / DATA
    data.mkdir(parents=True, exist_ok=True)
    files = export_files(exports)
    for name in files:
        target = safe_path(data, *name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(exports / name, target)
    (data / SUMS).write_text(checksums(files), encoding="utf-8")
    records = record_files(res, "/" + (other.root(other.this) if other is not None else ""))
    folder = data / RECORDS
    folder.mkdir(exist_ok=True)
    for name, content in records.items():
        safe_path(folder, name).write_bytes(content)
    (folder / SUMS).write_text(checksums(records), encoding="utf-8")
    (docs / "downloads.md").write_text(downloads_page(res, files, records, other), encoding="utf-8")
