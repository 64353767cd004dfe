"""The series as data: lineage.csv, series.json, each resolution in every format, one Data Package.

Expected figures come from the lineages written by reading (tests/data/lineage).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import frictionless
import jsonschema
import pytest
from lxml import etree

from test_akn import XSD

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "generator" / "export" / "schema" / "resolution.schema.json")
                    .read_text(encoding="utf-8"))
FOLDERS = {"A/RES/72/195": "en/A/RES/72/195/", "A/RES/74/176": "en/A/RES/74/176/", "A/RES/76/186": "en/",
           "A/RES/78/228": "en/A/RES/78/228/"}
# The paragraphs of 78/228 whose words are those their line had in 72/195 (from tests/data/lineage, by reading).
UNCHANGED_SINCE_72_195 = ["pp-1", "pp-2", "pp-3", "pp-8", "pp-9", "pp-26", "pp-28", "pp-32", "pp-33", "pp-34", "pp-40",
                          "pp-45", "op-2", "op-9", "op-16", "op-19", "op-30"]


def table(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_lineage_csv(built):
    rows = table(built.exports / "lineage.csv")
    assert list(rows[0]) == ["resolution", "paragraph", "predecessor_resolution", "predecessor_paragraph", "status",
                             "similarity", "also_from", "dropped_next"]
    assert [sum(1 for r in rows if r["resolution"] == s) for s in FOLDERS] == [56, 66, 71, 81]
    by = {(r["resolution"], r["paragraph"]): r for r in rows}
    first = by[("A/RES/72/195", "op-12")]
    assert (first["predecessor_resolution"], first["status"], first["dropped_next"]) == ("", "", "true")
    op27 = by[("A/RES/76/186", "op-27")]
    assert (op27["predecessor_resolution"], op27["predecessor_paragraph"], op27["status"]) == ("A/RES/74/176", "op-25", "changed")
    assert 0.9 < float(op27["similarity"]) < 1.0
    merged = by[("A/RES/78/228", "pp-37")]
    assert (merged["predecessor_paragraph"], merged["also_from"]) == ("pp-33", "op-21")
    assert by[("A/RES/78/228", "op-33")]["dropped_next"] == ""  # the last resolution: nothing after it yet


def test_the_lineage_example_of_the_downloads_page_runs(built):
    page = (built.docs / "downloads.md").read_text(encoding="utf-8")
    code = page.split("```python\nimport pandas as pd\n\nlineage", 1)[1].split("```", 1)[0]
    script = "import pandas as pd\n\nlineage" + code
    out = subprocess.run([sys.executable, "-c", script], cwd=built.exports, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == repr(UNCHANGED_SINCE_72_195)


def test_series_json_validates_and_counts(built):
    series = json.loads((built.exports / "series.json").read_text(encoding="utf-8"))
    jsonschema.validate(series, {"$ref": "#/$defs/seriesFile", "$defs": SCHEMA["$defs"]})
    works = series["series"][0]["resolutions"]
    assert [w["symbol"] for w in works] == list(FOLDERS)
    assert [w["against_previous"] and (w["against_previous"]["unchanged"], w["against_previous"]["changed"],
                                       w["against_previous"]["new"], w["against_previous"]["dropped"]) for w in works] == [
        None, (27, 27, 12, 1), (42, 24, 5, 0), (37, 33, 11, 2)]
    assert [[v["language"] for v in w["versions"]] for w in works] == [["en"], ["en"], ["zh", "en"], ["en"]]
    assert works[2]["versions"][0]["data"] == "resolution.json" and works[2]["versions"][1]["data"] == "en/resolution.json"
    assert works[3]["dropped"] == ["pp-5", "op-18"]


@pytest.mark.parametrize("symbol", list(FOLDERS))
def test_each_resolution_in_every_format(built, symbol):
    folder = built.exports / FOLDERS[symbol]
    document = json.loads((folder / "resolution.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, SCHEMA)
    assert document["document"]["symbol"] == symbol
    assert document["document"]["adopted"]["symbol"] == symbol
    xml = etree.parse(str(folder / "resolution.akn.xml"))
    assert etree.XMLSchema(etree.parse(str(XSD))).validate(xml), symbol
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    work = xml.find(".//a:FRBRWork/a:FRBRthis", ns).get("value")
    adopted = document["document"]["adopted"]["date"]
    assert work == f"/akn/un/statement/deliberation/unga/{adopted}/{symbol.replace('/', '-')}/!main"
    rows = table(folder / "paragraphs.csv")
    assert sum(1 for r in rows if not r["parent"]) == len(document["paragraphs"])
    assert all(r["url"].startswith("/" + FOLDERS[symbol]) for r in rows)


def test_one_valid_data_package_with_keys_between_the_tables(built):
    package = json.loads((built.exports / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert {"paragraphs", "paragraphs-en", "paragraphs-en-a-res-72-195", "paragraphs-en-a-res-74-176",
            "paragraphs-en-a-res-78-228", "alignment", "lineage", "series"} <= set(names)
    lineage = next(r for r in package["resources"] if r["name"] == "lineage")
    assert lineage["schema"]["primaryKey"] == ["resolution", "paragraph"]
    assert lineage["schema"]["foreignKeys"] == [{"fields": ["predecessor_resolution", "predecessor_paragraph"],
                                                 "reference": {"resource": "", "fields": ["resolution", "paragraph"]}}]
    report = frictionless.validate(str(built.exports / "datapackage.json"))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])[:10]
