"""datapackage.json: a Frictionless Data Package that `frictionless validate`
finds valid, describing every export with Table Schemas, keys, licence and source."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import frictionless
import pytest

from conftest import SOURCE, SOURCE_EN
from generator.analyse.collection import read_collection
from generator.export import write_exports

CSV_FILES = ["paragraphs.csv", "footnotes.csv", "sponsors.csv", "references.csv", "citations.csv", "actors.csv", "mentions.csv"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    write_exports(read_collection([SOURCE]), out)
    return out


@pytest.fixture(scope="module")
def package(exported) -> dict:
    return json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_reports_the_package_valid(exported):
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])[:10]
    assert {task.name for task in report.tasks} == {
        "resolution", "resolution-schema", "resolution-akn",
        "paragraphs", "footnotes", "sponsors", "references", "citations", "actors", "mentions",
    }


def test_every_file_is_described_with_its_size_and_hash(exported, package):
    described = {r["path"]: r for r in package["resources"]}
    on_disk = {p.name for p in exported.iterdir()} - {"datapackage.json"}
    assert set(described) == on_disk
    for name, resource in described.items():
        raw = (exported / name).read_bytes()
        assert resource["bytes"] == len(raw), name
        assert resource["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest(), name
        assert resource["title"] and resource["description"], name
    assert described["resolution.akn.xml"]["mediatype"] == "application/akn+xml"
    for name in CSV_FILES:
        assert described[name]["encoding"] == "utf-8"
        assert described[name]["dialect"]["lineTerminator"] == "\r\n"
        fields = described[name]["schema"]["fields"]
        assert all(f["description"] for f in fields), name
        header = (exported / name).read_bytes().split(b"\r\n", 1)[0].decode("utf-8-sig").split(",")
        assert [f["name"] for f in fields] == header, name


def test_keys_tie_the_tables_together(package):
    schemas = {r["name"]: r.get("schema", {}) for r in package["resources"]}
    assert schemas["paragraphs"]["primaryKey"] == ["id"]
    kind = next(f for f in schemas["paragraphs"]["fields"] if f["name"] == "kind")
    assert kind["constraints"] == {"required": True, "enum": ["preambular", "operative"]}
    assert schemas["footnotes"]["primaryKey"] == ["number"]
    assert schemas["citations"]["primaryKey"] == ["passage", "start"]
    assert schemas["mentions"]["primaryKey"] == ["passage", "start", "actor"]
    keys = {(name, tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
            for name, schema in schemas.items() for fk in schema.get("foreignKeys", [])}
    assert keys == {
        ("paragraphs", ("parent",), "", ("id",)),
        ("footnotes", ("paragraph",), "paragraphs", ("id",)),
        ("citations", ("reference",), "references", ("id",)),
        ("citations", ("paragraph",), "paragraphs", ("id",)),
        ("citations", ("footnote",), "footnotes", ("number",)),
        ("mentions", ("actor",), "actors", ("id",)),
        ("mentions", ("paragraph",), "paragraphs", ("id",)),
        ("mentions", ("footnote",), "footnotes", ("number",)),
    }


def test_a_broken_foreign_key_is_caught(exported, tmp_path):
    for p in exported.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    path = tmp_path / "citations.csv"
    path.write_bytes(path.read_bytes().replace(b",ga-res-61-180,", b",ga-res-0-0,", 1))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    errors = {(task.name, e.type) for task in report.tasks for e in task.errors}
    assert ("citations", "foreign-key") in errors
    assert ("citations", "hash-count") in errors


def test_licence_and_source(package):
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["name"] == "a-c-3-76-l-10-rev-1"
    assert package["title"] == "改进打击贩运人口工作的协调"
    assert package["licenses"] == [{"title": "United Nations documents, public domain for reproduction",
                                    "path": "https://www.un.org/en/about-us/terms-of-use"}]
    assert package["attribution"].startswith("© United Nations.")
    assert {"title": "A/C.3/76/L.10/Rev.1, United Nations Official Document System",
            "path": "https://undocs.org/zh/A/C.3/76/L.10/Rev.1"} in package["sources"]


def test_frictionless_reads_the_chinese_text_without_the_bom(exported):
    resource = frictionless.Package(str(exported / "datapackage.json")).get_resource("paragraphs")
    rows = resource.read_rows()
    assert resource.encoding == "utf-8-sig"
    assert list(rows[0].keys())[0] == "id"
    op6 = next(r for r in rows if r["id"] == "op-6")
    assert op6["text"] == "请秘书长和大会主席与会员国密切合作及协调，采取一切适当措施安排高级别会议；"
    pp6 = next(r for r in rows if r["id"] == "pp-6")
    assert pp6["footnotes"] == [1, 2, 3, 4]


# -- with the English text: one package for both, and the alignment -----------------------


@pytest.fixture(scope="module")
def exported_both(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports-both")
    write_exports(read_collection([SOURCE, SOURCE_EN]), out)
    return out


def test_one_package_describes_both_texts_and_their_alignment(exported_both):
    report = frictionless.validate(str(exported_both / "datapackage.json"))
    assert report.valid, report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])[:10]
    tables = ["paragraphs", "footnotes", "sponsors", "references", "citations", "actors", "mentions"]
    files = ["resolution", "resolution-schema", "resolution-akn"]
    assert [task.name for task in report.tasks] == files + tables + [f"{n}-en" for n in files + tables] + ["alignment"]
    package = json.loads((exported_both / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    on_disk = {p.relative_to(exported_both).as_posix() for p in exported_both.rglob("*") if p.is_file()} - {"datapackage.json"}
    assert set(described) == on_disk
    for path, resource in described.items():
        raw = (exported_both / path).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest(), path
    english = described["en/paragraphs.csv"]
    assert english["name"] == "paragraphs-en" and english["language"] == "en"
    assert english["title"] == "Paragraphs: English text (A/RES/76/186)"
    assert {"title": "A/RES/76/186, United Nations Official Document System", "path": "https://undocs.org/en/A/RES/76/186"} \
        in package["sources"]
    keys = {(r["name"], tuple(fk["fields"]), fk["reference"]["resource"]) for r in package["resources"]
            for fk in r.get("schema", {}).get("foreignKeys", []) if r["name"].endswith("-en") or r["name"] == "alignment"}
    assert ("citations-en", ("reference",), "references-en") in keys
    assert ("paragraphs-en", ("parent",), "") in keys
    assert ("alignment", ("paragraph",), "paragraphs") in keys and ("alignment", ("paragraph",), "paragraphs-en") in keys
    fields = {f["name"]: f for f in described["alignment.csv"]["schema"]["fields"]}
    assert fields["citations_differ"]["type"] == "boolean" and fields["years_zh"]["itemType"] == "integer"


def test_frictionless_reads_the_alignment(exported_both):
    rows = frictionless.Package(str(exported_both / "datapackage.json")).get_resource("alignment").read_rows()
    fn12 = next(r for r in rows if r["id_zh"] == "fn-12")
    assert (fn12["citations_differ"], fn12["cited_only_zh"], fn12["cited_only_en"]) == (True, ["doc-a-conf-234-16"], ["ga-res-76-181"])
    op27 = next(r for r in rows if r["id_zh"] == "op-27")
    assert (op27["years_differ"], op27["years_zh"], op27["years_en"]) == (True, [2020], [2022])
    assert sum(r["citations_differ"] or r["years_differ"] for r in rows) == 2


def test_a_broken_key_between_the_alignment_and_the_english_paragraphs_is_caught(exported_both, tmp_path):
    for p in exported_both.rglob("*"):
        if p.is_file():
            target = tmp_path / p.relative_to(exported_both)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(p.read_bytes())
    path = tmp_path / "en" / "paragraphs.csv"
    path.write_bytes(path.read_bytes().replace(b"\r\nop-28,", b"\r\nop-99,", 1))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    errors = {(task.name, e.type) for task in report.tasks for e in task.errors}
    assert ("alignment", "foreign-key") in errors and ("paragraphs-en", "hash-count") in errors
