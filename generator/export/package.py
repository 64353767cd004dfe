"""datapackage.json: the Frictionless Data Package that describes every file of the datasets.

Each language version of each resolution has the same files, in a folder of
its own (the main text's at the top, the others' under en/ or
en/A/RES/10/123/); their resources are named after the folder
(paragraphs, paragraphs-en, paragraphs-en-a-res-10-123).  alignment.csv,
lineage.csv and series.json relate them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from slugify import slugify

from .. import urls
from ..model.collection import Collection
from ..model.document import Resolution
from .akn import AKN_FILE
from .records import JSON_FILE, LICENCE_KEYS, SCHEMA_FILE, SERIES_FILE, pick, text_or_none
from .tables import CSV_NEWLINE, LINEAGE_FILE, TABLES, Table, language_name

PACKAGE_FILE = "datapackage.json"
ALIGNMENT_FILE = "alignment.csv"
# Data Package v2: list fields, typed resources and "sha256:" hashes are v2 features.
DATA_PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


@dataclass(frozen=True)
class FileInfo:
    """A file of the dataset, as the Data Package and the downloads page describe it."""

    path: str
    name: str
    title: str
    description: str
    format: str
    mediatype: str
    table: Table | None = None


def file_infos() -> list[FileInfo]:
    """Every file of one version's folder, in the order they are listed."""
    files = [
        FileInfo(JSON_FILE, "resolution", "The whole document",
                 "The document model as JSON: metadata, sponsors, paragraphs with their items, footnotes, cited documents, actors and mentions, with character offsets of footnote markers and citations. Described by resolution.schema.json.",
                 "json", "application/json"),
        FileInfo(SCHEMA_FILE, "resolution-schema", "JSON Schema of resolution.json",
                 "JSON Schema (draft 2020-12) that documents every field of resolution.json, of the per-paragraph records and of series.json.",
                 "json", "application/schema+json"),
        FileInfo(AKN_FILE, "resolution-akn", "Akoma Ntoso 3.0 XML",
                 "The document in OASIS Akoma Ntoso 3.0 following the AKN4UN conventions: preface, preamble (recitals), main body (paragraphs), footnotes as authorialNote, citations as ref, FRBR metadata. Each element that has a site id carries it in a site:id attribute.",
                 "xml", "application/akn+xml"),
    ]
    for t in TABLES:
        files.append(FileInfo(t.path, t.name, t.title, t.description, "csv", "text/csv", table=t))
    return files


def series_info() -> FileInfo:
    return FileInfo(SERIES_FILE, "series", "The series",
                    "Each resolution of the series with its symbol, adoption, versions and counts, and against the one "
                    "before it how many paragraphs are unchanged, changed, new and dropped, with every paragraph's "
                    "lineage. Described by resolution.schema.json (#/$defs/seriesFile).",
                    "json", "application/json")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_suffix(folder: str) -> str:
    """The suffix of a version's resource names: "" -> "", "en/" -> "-en", "en/A/RES/10/123/" -> "-en-a-res-10-123"."""
    return f"-{slugify(folder)}" if folder else ""


def resource(info: FileInfo, data: bytes) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": info.name,
        "type": "table" if info.table is not None else ("json" if info.format == "json" else "file"),
        "path": info.path,
        "title": info.title,
        "description": info.description,
        "format": info.format,
        "mediatype": info.mediatype,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{sha256(data)}",
    }
    if info.table is not None:
        out["dialect"] = {"delimiter": ",", "lineTerminator": CSV_NEWLINE, "quoteChar": '"', "doubleQuote": True, "header": True}
        out["schema"] = info.table.schema()
    return out


def what(res: Resolution) -> str:
    """The English text (A/RES/10/123)."""
    d = res.document
    return f"{language_name(d.language)} text" + (f" ({d.symbol})" if d.symbol else "")


def _version_resource(info: FileInfo, data: bytes, res: Resolution, folder: str) -> dict[str, Any]:
    """A file of a version in a folder of its own: its name and its keys' resources suffixed with the folder."""
    out = resource(info, data)
    suffix = folder_suffix(folder)
    out.update({
        "name": f"{info.name}{suffix}",
        "path": f"{folder}{info.path}",
        "title": f"{info.title}: {what(res)}",
        "description": f"The {what(res)}: {info.description}",
        "language": res.document.language,
    })
    if "schema" in out:
        schema = dict(out["schema"])
        keys = [{**fk, "reference": {**fk["reference"], "resource": fk["reference"]["resource"] and f"{fk['reference']['resource']}{suffix}"}}
                for fk in schema.get("foreignKeys", [])]
        if keys:
            schema["foreignKeys"] = keys
        out["schema"] = schema
    return out


def _sources(res: Resolution) -> list[dict[str, str]]:
    d = res.document
    sources = []
    if d.symbol:
        sources.append({"title": f"{d.symbol}, United Nations Official Document System", "path": urls.UNDOCS.format(lang=d.language, symbol=d.symbol)})
    text_source = text_or_none(d.metadata.get("text_source"))
    if text_source:
        sources.append({"title": text_source})
    return sources


def datapackage_dict(collection: Collection, contents: dict[str, bytes], alignment: Table | None = None,
                     lineage: Table | None = None) -> dict[str, Any]:
    """The Data Package descriptor for the files in `contents` (path -> bytes)."""
    main = collection.main
    d = main.document
    licence = pick(d.metadata.get("licence"), LICENCE_KEYS) or {}
    symbol = f"{d.symbol} " if d.symbol else ""
    description = (
        f"The {language_name(d.language)} text of United Nations document {symbol}({d.title}) as structured data: "
        "JSON with a JSON Schema, CSV tables with Table Schemas, and Akoma Ntoso XML. "
        "CSV files are UTF-8 with a byte-order mark and CRLF line endings."
    )
    others = [res for res in collection.versions if res is not main]
    if others:
        folders = "; ".join(f"{urls.version_root(collection, res)} for the {what(res)}" for res in others)
        description += f" The same files for the other texts are in their folders: {folders}."
    if ALIGNMENT_FILE in contents:
        description += (f" {ALIGNMENT_FILE} pairs the paragraphs, items and footnotes of the two language versions of "
                        f"{collection.main_work.symbol} and tells where they cite different documents or give different years.")
    if LINEAGE_FILE in contents:
        description += (f" {LINEAGE_FILE} and {SERIES_FILE} give the lineage of every paragraph across the series: what it "
                        "continues in the resolution before, and whether it is unchanged, changed or new.")
    package: dict[str, Any] = {
        "$schema": DATA_PACKAGE_PROFILE,
        "name": slugify(d.symbol or d.title) or "resolution",
        "title": d.title,
        "description": description,
        "language": d.language,
    }
    if licence.get("name") or licence.get("url"):
        entry = {"title": licence.get("name") or licence.get("url")}
        if licence.get("url"):
            entry["path"] = licence["url"]
        package["licenses"] = [entry]
    attributions = [(pick(res.document.metadata.get("licence"), LICENCE_KEYS) or {}).get("attribution") for res in collection.versions]
    attributions = list(dict.fromkeys(a for a in attributions if a))
    if attributions:
        package["attribution"] = " ".join(attributions)
    sources = [s for res in collection.versions for s in _sources(res)]
    if sources:
        package["sources"] = sources
    resources = []
    for res in collection.versions:
        folder = urls.version_root(collection, res)
        for info in file_infos():
            if f"{folder}{info.path}" in contents:
                data = contents[f"{folder}{info.path}"]
                resources.append(resource(info, data) if not folder else _version_resource(info, data, res, folder))
    for table in (alignment, lineage):
        if table is not None and table.path in contents:
            info = FileInfo(table.path, table.name, table.title, table.description, "csv", "text/csv", table=table)
            resources.append(resource(info, contents[table.path]))
    if SERIES_FILE in contents:
        resources.append(resource(series_info(), contents[SERIES_FILE]))
    package["resources"] = resources
    return package
