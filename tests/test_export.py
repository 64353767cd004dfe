"""The datasets: resolution.json against its schema, the CSV tables, the
per-paragraph records, the downloads page, and reproducible, committed exports."""

from __future__ import annotations

import csv
import copy
import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT, SAMPLE_EN, SOURCE, SOURCE_EN
from generator.analyse.annotate import annotate
from generator.analyse.collection import assemble
from generator.export import write_exports
from generator.model.collection import Collection
from generator.model.document import Resolution
from generator.read import read_source
from generator.read.text import parse_file
from generator.render.downloads import write_downloads
from generator.render.edition import Edition

SCHEMA = json.loads((ROOT / "generator" / "export" / "schema" / "resolution.schema.json").read_text(encoding="utf-8"))
CSV_FILES = ["paragraphs.csv", "footnotes.csv", "sponsors.csv", "references.csv", "citations.csv", "actors.csv", "mentions.csv"]
EXPORT_FILES = ["resolution.json", "resolution.schema.json", "resolution.akn.xml", *CSV_FILES, "datapackage.json"]
# With the English text: its files (but the package) in en/, and the alignment of the two.
BILINGUAL_FILES = EXPORT_FILES + ["alignment.csv"] + [f"en/{name}" for name in EXPORT_FILES if name != "datapackage.json"]
# The whole collection (content/collection.yml): the other resolutions' English texts in their folders, and the series.
OTHER_WORKS = ["en/A/RES/72/195/", "en/A/RES/74/176/", "en/A/RES/78/228/"]
COLLECTION_FILES = BILINGUAL_FILES + ["lineage.csv", "series.json"] + [
    f"{folder}{name}" for folder in OTHER_WORKS for name in EXPORT_FILES if name != "datapackage.json"]

# Texts as they stand in the source (content/source/resolution.zh.txt).
OP_6 = "请秘书长和大会主席与会员国密切合作及协调，采取一切适当措施安排高级别会议；"
PP_10_A = ("促进普遍批准《联合国打击跨国有组织犯罪公约》和《关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的议定书》"
           "以及其他处理贩运人口问题的相关国际文书，并加大现有打击贩运人口文书的执行力度；")
FN_12 = "A/CONF.234/16，第一章，决议 1。"
OP_1 = ("敦促尚未批准或加入《联合国打击跨国有组织犯罪公约》和《联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书》"
        "的会员国考虑优先批准或加入这些文书，同时顾及这些文书在打击贩运人口方面的核心作用，并敦促这些文书的缔约国充分且有效地执行这些文书；")


def load() -> Resolution:
    return annotate(read_source(SOURCE))


def load_english() -> Resolution:
    return annotate(read_source(SOURCE_EN))


def alone(res: Resolution) -> Collection:
    """A collection of the one text `res` (read from SOURCE)."""
    return assemble([(SOURCE, res)])


def both(res: Resolution, english: Resolution) -> Collection:
    """The Chinese text `res` with its English version."""
    return assemble([(SOURCE, res), (SOURCE_EN, english)])


def edition(res: Resolution) -> Edition:
    """The one text `res` as its site publishes it."""
    return Edition(alone(res), res)


@pytest.fixture(scope="module")
def res():
    return load()


@pytest.fixture(scope="module")
def exported(res, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    write_exports(alone(res), out)
    return out


@pytest.fixture(scope="module")
def data(exported) -> dict:
    return json.loads((exported / "resolution.json").read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_exports_are_the_listed_files(exported):
    assert sorted(p.name for p in exported.iterdir()) == sorted(EXPORT_FILES)


def test_json_validates_against_its_schema(data, exported):
    Draft202012Validator.check_schema(SCHEMA)
    errors = [f"{e.json_path}: {e.message}" for e in Draft202012Validator(SCHEMA).iter_errors(data)]
    assert errors == []
    assert data["$schema"] == "resolution.schema.json"
    assert (exported / "resolution.schema.json").read_bytes() == (ROOT / "generator" / "export" / "schema" / "resolution.schema.json").read_bytes()


def test_the_schema_rejects_what_the_contract_forbids(data):
    validator = Draft202012Validator(SCHEMA)
    broken = copy.deepcopy(data)
    broken["paragraphs"][0]["id"] = "paragraph-1"
    del broken["footnotes"][0]["paragraph"]
    broken["document"]["undocumented"] = 1
    messages = [e.message for e in validator.iter_errors(broken)]
    assert any("'paragraph-1' does not match" in m for m in messages)
    assert any("'paragraph' is a required property" in m for m in messages)
    assert any("'undocumented' was unexpected" in m for m in messages)


def test_the_schema_takes_items_of_lists_inside_items(data):
    """An item of a list inside an item (op-5-b-ii in op-5-b) has its parent's id before its own label."""
    validator = Draft202012Validator(SCHEMA)
    nested = copy.deepcopy(data)
    pp10 = next(p for p in nested["paragraphs"] if p["id"] == "pp-10")
    item = copy.deepcopy(pp10["subparagraphs"][1])
    item.update(id="pp-10-b-ii", label="ii", parent="pp-10-b", url="/pp/10/#pp-10-b-ii")
    pp10["subparagraphs"].insert(2, item)
    assert list(validator.iter_errors(nested)) == []
    assert pp10["subparagraphs"][0]["parent"] is None
    item["parent"] = "pp-10-B"
    assert [e.message for e in validator.iter_errors(nested)] == ["'pp-10-B' is not valid under any of the given schemas"]


def _undescribed(node, path: str, defs: dict) -> list[str]:
    out = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict):
                target = defs.get(sub.get("$ref", "").rsplit("/", 1)[-1], {})
                if not sub.get("description") and not target.get("description"):
                    out.append(f"{path}.{name}")
        for key, value in node.items():
            out += _undescribed(value, f"{path}.{key}", defs)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _undescribed(value, f"{path}[{i}]", defs)
    return out


def test_every_field_of_the_schema_is_described_in_prose():
    assert _undescribed(SCHEMA, "$", SCHEMA["$defs"]) == []
    assert all(d.get("description") for d in SCHEMA["$defs"].values())


def test_json_keeps_the_contract_of_issue_2(data):
    doc = data["document"]
    for key in ("title", "symbol", "date", "language", "original_language", "session", "committee", "agenda_item", "agenda_title", "document_type"):
        assert key in doc
    assert (doc["symbol"], doc["date"], doc["session"], doc["agenda_item"]) == ("A/C.3/76/L.10/Rev.1", "2021-11-10", 76, "108")
    assert data["sponsors"][0]["name"] == "亚美尼亚"
    pp10 = next(p for p in data["paragraphs"] if p["id"] == "pp-10")
    assert [s["id"] for s in pp10["subparagraphs"]] == ["pp-10-a", "pp-10-b", "pp-10-c", "pp-10-d", "pp-10-e", "pp-10-f"]
    assert pp10["subparagraphs"][0]["label"] == "a"
    assert pp10["subparagraphs"][0]["text"] == PP_10_A
    op6 = next(p for p in data["paragraphs"] if p["id"] == "op-6")
    assert (op6["kind"], op6["number"], op6["lead"], op6["text"], op6["footnotes"]) == ("operative", 6, "请", OP_6, [])
    fn1 = data["footnotes"][0]
    assert (fn1["number"], fn1["text"], fn1["paragraph"]) == (1, "第 70/1 号决议。", "pp-6")
    ref = next(r for r in data["references"] if r["id"] == "ga-res-61-180")
    assert (ref["symbol"], ref["cited_in"], ref["url"]) == ("A/RES/61/180", ["pp-11"], "https://undocs.org/zh/A/RES/61/180")
    assert doc["frbr_work"] == "/akn/un/statement/deliberation/unga/2021-11-10/A-C.3-76-L.10-Rev.1"


def test_every_csv_opens_in_pandas_and_chinese_round_trips(exported):
    for name in CSV_FILES:
        frame = pd.read_csv(exported / name)
        header = (exported / name).read_bytes().split(b"\r\n", 1)[0].decode("utf-8-sig").split(",")
        assert list(frame.columns) == header, name
    paragraphs = pd.read_csv(exported / "paragraphs.csv", dtype=str, keep_default_na=False).set_index("id")
    assert paragraphs.loc["op-6", "text"] == OP_6
    assert paragraphs.loc["pp-10-a", "text"] == PP_10_A
    assert paragraphs.loc["pp-10-a", "display_label"] == "序言部分第 10 段(a)"
    assert paragraphs.loc["pp-10-a", "parent"] == "pp-10"
    footnotes = pd.read_csv(exported / "footnotes.csv", dtype=str, keep_default_na=False).set_index("id")
    assert footnotes.loc["fn-12", "text"] == FN_12
    sponsors = pd.read_csv(exported / "sponsors.csv", dtype=str, keep_default_na=False)
    assert sponsors["name"].tolist()[-1] == "委内瑞拉玻利瓦尔共和国"


def test_csv_files_have_a_bom_crlf_and_read_cleanly_with_the_csv_module(exported):
    for name in CSV_FILES:
        raw = (exported / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        assert raw.count(b"\n") == raw.count(b"\r\n") and raw.endswith(b"\r\n"), name
    rows = read_csv(exported / "paragraphs.csv")
    assert list(rows[0])[0] == "id" and rows[0]["id"] == "pp-1"
    assert len(rows) == 43 + 6 + 28
    fn = read_csv(exported / "footnotes.csv")
    assert [r["number"] for r in fn] == [str(n) for n in range(1, 23)]
    pp6 = next(r for r in rows if r["id"] == "pp-6")
    assert pp6["footnotes"] == "1|2|3|4"


def test_citations_table_holds_the_citing_words(exported):
    rows = read_csv(exported / "citations.csv")
    pp11 = [(r["reference"], r["text"]) for r in rows if r["passage"] == "pp-11"]
    assert pp11[0] == ("ga-res-61-180", "61/180")
    fn1 = next(r for r in rows if r["passage"] == "fn-1")
    assert (fn1["paragraph"], fn1["footnote"], fn1["reference"]) == ("", "1", "ga-res-70-1")


def test_ids_agree_across_json_csv_and_akn(data, exported):
    from lxml import etree

    json_ids = []
    json_eids = {}
    for p in data["paragraphs"]:
        json_ids.append(p["id"])
        json_eids[p["id"]] = p["akn_eid"]
        for s in p["subparagraphs"]:
            json_ids.append(s["id"])
            json_eids[s["id"]] = s["akn_eid"]
    rows = read_csv(exported / "paragraphs.csv")
    assert [r["id"] for r in rows] == json_ids
    assert {r["id"]: r["akn_eid"] for r in rows} == json_eids
    assert {r["id"]: r["url"] for r in rows} == {p["id"]: p["url"] for p in data["paragraphs"]} | {
        s["id"]: s["url"] for p in data["paragraphs"] for s in p["subparagraphs"]}
    tree = etree.parse(str(exported / "resolution.akn.xml"))
    site_id = "{urn:un-resolution-site:ids}id"
    akn = {el.get(site_id): el.get("eId") for el in tree.iter() if el.get(site_id)}
    notes = {r["id"]: r["akn_eid"] for r in read_csv(exported / "footnotes.csv")}
    assert akn == json_eids | notes
    assert {f["id"]: f["akn_eid"] for f in data["footnotes"]} == notes
    # The URL contract and the naming convention, written out.
    expected = {
        "pp-7": ("/pp/7/", "preamble__recs_1__rec_7"),
        "pp-10-a": ("/pp/10/#pp-10-a", "preamble__recs_1__rec_10__list_1__item_a"),
        "op-5": ("/op/5/", "para_5"),
    }
    by_id = {r["id"]: (r["url"], r["akn_eid"]) for r in rows}
    assert {k: by_id[k] for k in expected} == expected
    assert notes["fn-12"] == "preamble__recs_1__rec_17__p_1__authorialNote_1"
    assert next(f["url"] for f in data["footnotes"] if f["id"] == "fn-12") == "/text/#fn-12"


def test_ids_agree_with_the_built_site(request, exported):
    """Every paragraph URL in the CSV is a page of the built site, with its anchor; /data/ holds the exports."""
    try:
        built = request.getfixturevalue("built")
    except pytest.FixtureLookupError:
        pytest.skip("the shared `built` fixture (tests/conftest.py) is not there yet")
    for row in read_csv(exported / "paragraphs.csv"):
        path, _, anchor = row["url"].partition("#")
        page = built.site / path.strip("/") / "index.html"
        assert page.exists(), row["url"]
        if anchor:
            assert f'id="{anchor}"' in page.read_text(encoding="utf-8"), row["url"]
        if not row["parent"]:
            assert (built.site / "data" / "paragraphs" / f"{row['id']}.json").exists()
    assert (built.site / "downloads" / "index.html").exists()
    for name in EXPORT_FILES:
        assert (built.site / "data" / name).read_bytes() == (built.exports / name).read_bytes(), name


def test_two_builds_give_identical_files(res, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        out.mkdir()
        write_exports(alone(load()), out)
        (out / "docs").mkdir()
        write_downloads(edition(res), out / "docs", out)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) > 80
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_committed_exports_are_what_the_generator_produces(collection, tmp_path, monkeypatch):
    """exports/ is committed: regenerate it with `python -m generator build --no-site` when this fails.

    It holds the collection content/collection.yml lists: the Chinese text's
    files, the English text's in en/, the alignment of the two, the other
    resolutions' English texts in en/A/RES/<n>/<m>/, and the series
    (lineage.csv, series.json).
    """
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_exports(collection, tmp_path)
    committed = ROOT / "exports"
    files = sorted(p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert files == sorted(COLLECTION_FILES)
    stale = [name for name in COLLECTION_FILES if (committed / name).read_bytes() != (tmp_path / name).read_bytes()]
    assert stale == [], f"exports/ is out of date: {stale}; run `python -m generator build --no-site`"


def test_paragraph_records_validate_and_hold_their_footnotes(res, tmp_path, exported):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_downloads(edition(res), docs, exported)
    validator = Draft202012Validator({"$ref": "#/$defs/paragraphRecord", "$defs": SCHEMA["$defs"]})
    records = sorted((docs / "data" / "paragraphs").glob("*.json"))
    assert len(records) == 71
    for path in records:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(record)) == [], path.name
        assert path.stem == record["paragraph"]["id"]
    pp17 = json.loads((docs / "data" / "paragraphs" / "pp-17.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in pp17["footnotes"]] == ["fn-12"]
    assert [r["id"] for r in pp17["references"]] == ["doc-a-conf-234-16"]
    assert pp17["$schema"] == "../resolution.schema.json#/$defs/paragraphRecord"


def test_downloads_page_lists_every_file_with_size_and_sha256(res, tmp_path, exported):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_downloads(edition(res), docs, exported)
    page = (docs / "downloads.md").read_text(encoding="utf-8")
    sums = (docs / "data" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    for name in EXPORT_FILES:
        raw = (exported / name).read_bytes()
        assert (docs / "data" / name).read_bytes() == raw, name
        digest = hashlib.sha256(raw).hexdigest()
        assert f"{digest}  {name}" in page and f"{digest}  {name}" in sums
        assert f"](data/{name})" in page
        assert f"{len(raw):,} 字节" in page
    assert "encoding=&quot;utf-8-sig&quot;" in page
    assert 'fileEncoding = "UTF-8-BOM"' in page
    assert "[United Nations documents, public domain for reproduction](https://www.un.org/en/about-us/terms-of-use)" in page
    record_sums = (docs / "data" / "paragraphs" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(record_sums) == 71
    digest, name = record_sums[0].split("  ")
    assert hashlib.sha256((docs / "data" / "paragraphs" / name).read_bytes()).hexdigest() == digest


def test_the_python_example_on_the_downloads_page_runs(res, tmp_path, exported, monkeypatch, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_downloads(edition(res), docs, exported)
    page = (docs / "downloads.md").read_text(encoding="utf-8")
    code = page.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(exported)
    exec(compile(code, "downloads-example", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out == [OP_1, "A/C.3/76/L.10/Rev.1 71"]


def test_downloads_page_escapes_text_from_the_metadata(tmp_path, exported):
    res = load()
    res.document.metadata = dict(res.document.metadata)
    res.document.metadata["licence"] = {
        "name": "<script>alert(1)</script>",
        "attribution": "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
        "url": "javascript:alert(1)",
    }
    docs = tmp_path / "docs"
    docs.mkdir()
    write_downloads(edition(res), docs, exported)
    page = (docs / "downloads.md").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page
    assert "](javascript:" not in page and "(javascript:" not in page
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in page


def test_english_sample_exports_valid_json(tmp_path):
    res = parse_file(SAMPLE_EN)
    write_exports(assemble([(SAMPLE_EN, res)]), tmp_path)
    data = json.loads((tmp_path / "resolution.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(SCHEMA).iter_errors(data)) == []
    rows = read_csv(tmp_path / "paragraphs.csv")
    assert rows[0]["display_label"] == "Preambular paragraph 1"
    assert next(r for r in rows if r["id"] == "pp-4-a")["display_label"] == "Preambular paragraph 4 (a)"


def test_missing_strings_are_named(monkeypatch):
    import generator.knowledge.ui as export
    from generator.source import SourceError

    monkeypatch.setattr("generator.knowledge.ui.strings", lambda lang: {"site": {}})
    with pytest.raises(SourceError, match="content/ui/downloads.fr.yml: no strings"):
        export.downloads_strings("fr")
    monkeypatch.setattr("generator.knowledge.ui.strings", lambda lang: {"downloads": {"title": "x"}})
    with pytest.raises(SourceError, match="missing strings: description, intro"):
        export.downloads_strings("fr")


def test_a_list_item_with_the_separator_is_refused():
    from generator.export.tables import _cell

    assert _cell([1, 2, 3]) == "1|2|3"
    with pytest.raises(ValueError, match="separator"):
        _cell(["a|b"])


# -- Values that exist once the indexes issue (actors, mentions) is integrated.
# They check real data from content/actors.yml, read by generator.analyse.annotate.


def test_after_indexes_actors_and_mentions_are_exported(data, exported):
    actors = {r["slug"]: r for r in read_csv(exported / "actors.csv")}
    assert actors["secretary-general"]["name"] == "秘书长"
    assert actors["secretary-general"]["url"] == "/actors/secretary-general/"
    mentions = read_csv(exported / "mentions.csv")
    op6 = {(m["actor"], m["role"]) for m in mentions if m["passage"] == "op-6"}
    assert (actors["secretary-general"]["id"], "requested") in op6
    assert len(data["mentions"]) == len(mentions) and len(data["actors"]) == len(actors)


# -- with the English text ---------------------------------------------------------------

# Text as it stands in content/source/A_RES_76_186.en.json (operative paragraph 6).
OP_6_EN = ("Requests the Secretary-General and the President of the General Assembly, in close cooperation and "
           "coordination with Member States, to take all appropriate measures to arrange the high-level meeting;")


@pytest.fixture(scope="module")
def bilingual(res, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bilingual")
    write_exports(both(res, load_english()), out)
    return out


def test_the_english_text_is_exported_in_every_format(bilingual):
    files = sorted(p.relative_to(bilingual).as_posix() for p in bilingual.rglob("*") if p.is_file())
    assert files == sorted(BILINGUAL_FILES)
    data = json.loads((bilingual / "en" / "resolution.json").read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    assert errors == []
    assert data["document"]["symbol"] == "A/RES/76/186" and data["document"]["language"] == "en"
    assert data["document"]["frbr_work"] == "/akn/un/statement/deliberation/unga/2021-12-16/A-RES-76-186"
    assert (len(data["paragraphs"]), len(data["footnotes"]), data["sponsors"]) == (71, 22, [])
    pp10 = next(p for p in data["paragraphs"] if p["id"] == "pp-10")
    assert pp10["url"] == "/en/pp/10/" and pp10["subparagraphs"][0]["url"] == "/en/pp/10/#pp-10-a"
    assert next(f["url"] for f in data["footnotes"] if f["id"] == "fn-12") == "/en/text/#fn-12"
    assert (bilingual / "en" / "resolution.schema.json").read_bytes() == (bilingual / "resolution.schema.json").read_bytes()


def test_the_english_csv_round_trips_in_pandas(bilingual):
    paragraphs = pd.read_csv(bilingual / "en" / "paragraphs.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    op6 = paragraphs.loc[paragraphs["id"] == "op-6"].iloc[0]
    assert op6["text"] == OP_6_EN
    assert (op6["display_label"], op6["url"]) == ("Operative paragraph 6", "/en/op/6/")
    footnotes = pd.read_csv(bilingual / "en" / "footnotes.csv", encoding="utf-8-sig", dtype=str)
    assert footnotes.loc[footnotes["id"] == "fn-12", "text"].item() == "Resolution 76/181, annex."
    assert (bilingual / "en" / "paragraphs.csv").read_bytes().startswith(b"\xef\xbb\xbfid,parent,kind")


def test_the_alignment_table(bilingual):
    rows = read_csv(bilingual / "alignment.csv")
    assert list(rows[0]) == ["id_zh", "id_en", "paragraph", "kind", "citations_differ", "cited_only_zh", "cited_only_en",
                             "years_differ", "years_zh", "years_en"]
    assert len(rows) == 99
    assert all(r["id_zh"] == r["id_en"] for r in rows)
    differ = [r for r in rows if "true" in (r["citations_differ"], r["years_differ"])]
    assert differ == [
        {"id_zh": "fn-12", "id_en": "fn-12", "paragraph": "pp-17", "kind": "footnote", "citations_differ": "true",
         "cited_only_zh": "doc-a-conf-234-16", "cited_only_en": "ga-res-76-181", "years_differ": "false",
         "years_zh": "", "years_en": ""},
        {"id_zh": "op-27", "id_en": "op-27", "paragraph": "op-27", "kind": "paragraph", "citations_differ": "false",
         "cited_only_zh": "", "cited_only_en": "", "years_differ": "true", "years_zh": "2020", "years_en": "2022"},
    ]
    pd.read_csv(bilingual / "alignment.csv", encoding="utf-8-sig")  # and pandas reads it


def test_the_downloads_pages_of_both_texts(res, bilingual, tmp_path):
    english = load_english()
    texts = both(res, english)
    zh_docs, en_docs = tmp_path / "zh", tmp_path / "en"
    zh_docs.mkdir()
    en_docs.mkdir()
    write_downloads(Edition(texts, res), zh_docs, bilingual)
    write_downloads(Edition(texts, english), en_docs, bilingual)  # the English site's files: exports/en/
    zh_page = (zh_docs / "downloads.md").read_text(encoding="utf-8")
    for name in BILINGUAL_FILES:
        assert f"](data/{name})" in zh_page, name
        assert (zh_docs / "data" / name).read_bytes() == (bilingual / name).read_bytes(), name
    assert "英文文本：" in zh_page
    en_page = (en_docs / "downloads.md").read_text(encoding="utf-8")
    assert '<a href="../../data/datapackage.json">datapackage.json</a>' in en_page
    assert sorted(p.name for p in (en_docs / "data").iterdir() if p.is_file()) == sorted(
        [n for n in EXPORT_FILES if n != "datapackage.json"] + ["SHA256SUMS"])
    record = json.loads((en_docs / "data" / "paragraphs" / "op-6.json").read_text(encoding="utf-8"))
    assert record["paragraph"]["url"] == "/en/op/6/" and record["paragraph"]["text"] == OP_6_EN


def test_the_python_example_on_the_english_downloads_page_runs(res, bilingual, tmp_path, monkeypatch, capsys):
    """It runs in the English site's data folder (/en/data/); the Data Package stands in the main site's (/data/)."""
    english = load_english()
    texts = both(res, english)
    docs = tmp_path / "docs"  # the two sites' docs, laid out as the built site is
    write_downloads(Edition(texts, res), docs, bilingual)
    write_downloads(Edition(texts, english), docs / "en", bilingual)
    code = (docs / "en" / "downloads.md").read_text(encoding="utf-8").split("```python\n", 1)[1].split("```", 1)[0]
    assert 'Package("../../data/datapackage.json").get_resource("paragraphs-en")' in code
    monkeypatch.chdir(docs / "en" / "data")
    exec(compile(code, "downloads-example-en", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "A/RES/76/186 71"
    assert out[0].startswith("Urges Member States that have not yet done so")


# -- the whole collection ------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["", "en/", "en/A/RES/72/195/", "en/A/RES/74/176/", "en/A/RES/78/228/"])
def test_every_text_of_the_collection_validates_against_the_schema(built, folder):
    data = json.loads((built.exports / folder / "resolution.json").read_text(encoding="utf-8"))
    assert [f"{e.json_path}: {e.message}" for e in Draft202012Validator(SCHEMA).iter_errors(data)] == []
    adopted = data["document"]["adopted"]
    assert list(adopted) == ["symbol", "date", "meeting", "committee", "report", "report_paragraph", "draft", "source"]
    assert adopted["symbol"] == ("A/RES/76/186" if folder in ("", "en/") else "A/RES/" + folder.split("/RES/")[1].rstrip("/"))
    items = [s for p in data["paragraphs"] for s in p["subparagraphs"]]
    assert items and all("parent" in s for s in items)


def test_the_adoption_is_read_from_the_english_text(built):
    adopted = json.loads((built.exports / "en" / "resolution.json").read_text(encoding="utf-8"))["document"]["adopted"]
    assert adopted == {"symbol": "A/RES/76/186", "date": "2021-12-16", "meeting": "53rd plenary meeting",
                       "committee": "Third Committee", "report": "A/76/463", "report_paragraph": "26",
                       "draft": "A/C.3/76/L.10/Rev.1", "source": "text"}


def test_series_json_validates_against_its_schema(built):
    data = json.loads((built.exports / "series.json").read_text(encoding="utf-8"))
    assert data["$schema"] == "resolution.schema.json#/$defs/seriesFile"
    validator = Draft202012Validator({"$ref": "#/$defs/seriesFile", "$defs": SCHEMA["$defs"]})
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)] == []
    works = data["series"][0]["resolutions"]
    assert [w["symbol"] for w in works] == ["A/RES/72/195", "A/RES/74/176", "A/RES/76/186", "A/RES/78/228"]
    assert [w["previous"] for w in works] == [None, "A/RES/72/195", "A/RES/74/176", "A/RES/76/186"]
    broken = copy.deepcopy(data)
    broken["series"][0]["resolutions"][1]["lineage"][0]["status"] = "moved"
    assert any("'moved' is not one of" in e.message for e in validator.iter_errors(broken))
