"""Export the collection as data: for each language version of each resolution,
resolution.json (the public data contract), its JSON Schema, CSV tables and
Akoma Ntoso XML, in a folder of its own (the main text's at the top, the
others' under en/ or en/A/RES/10/123/, as their pages are under /en/ and
/en/A/RES/10/123/); alignment.csv pairs the two language versions of the main
resolution; lineage.csv and series.json give the lineage of every paragraph
across the series; one datapackage.json describes them all.

Every file is a pure function of the collection, so two builds from the same
input give byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

from .. import urls
from ..model.collection import Collection
from ..model.document import Resolution
from ..paths import safe_path
from .akn import AKN_FILE, akn_bytes
from .package import ALIGNMENT_FILE, PACKAGE_FILE, datapackage_dict
from .records import JSON_FILE, SCHEMA_FILE, SERIES_FILE, dump_json, resolution_dict, series_dict
from .tables import LINEAGE_FILE, TABLES, alignment_table, csv_bytes, lineage_table

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "resolution.schema.json"

__all__ = ["ALIGNMENT_FILE", "JSON_FILE", "LINEAGE_FILE", "PACKAGE_FILE", "SCHEMA_FILE", "SERIES_FILE",
           "export_contents", "version_contents", "write_exports"]


def version_contents(res: Resolution, root: str = "/") -> dict[str, bytes]:
    """The files of one language version (all but datapackage.json), keyed by file name; its site is at `root`."""
    contents: dict[str, bytes] = {
        JSON_FILE: dump_json(resolution_dict(res, root)).encode("utf-8"),
        SCHEMA_FILE: SCHEMA_PATH.read_bytes(),
        AKN_FILE: akn_bytes(res),
    }
    for table in TABLES:
        contents[table.path] = csv_bytes(table, res, root)
    return contents


def export_contents(collection: Collection) -> dict[str, bytes]:
    """Every export file's bytes, keyed by its path in the exports folder, datapackage.json last."""
    contents: dict[str, bytes] = {}
    for res in collection.versions:
        folder = urls.version_root(collection, res)
        contents.update({f"{folder}{name}": data for name, data in version_contents(res, f"/{folder}").items()})
    alignment = collection.alignment(collection.main)
    alignment_csv = alignment_table(alignment) if alignment is not None else None
    if alignment_csv is not None:
        contents[ALIGNMENT_FILE] = csv_bytes(alignment_csv, collection.main)
    lineage_csv = lineage_table(collection) if collection.lineage.steps else None
    if lineage_csv is not None:
        contents[LINEAGE_FILE] = csv_bytes(lineage_csv, collection.main)
        contents[SERIES_FILE] = dump_json(series_dict(collection)).encode("utf-8")
    contents[PACKAGE_FILE] = dump_json(datapackage_dict(collection, contents, alignment_csv, lineage_csv)).encode("utf-8")
    return contents


def write_exports(collection: Collection, out: Path) -> list[Path]:
    """Write the datasets into `out` (an empty folder); return the files written."""
    written = []
    for name, data in export_contents(collection).items():
        path = safe_path(out, *name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
