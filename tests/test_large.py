"""Large input: a document 100 times the source still parses, annotates and exports, faithfully.

The document is benchmarks/bench.py's `synthetic(text, 100)`: the preamble
and the operative part each repeated 100 times, footnote and operative
numbers shifted in each copy.  Only the generator runs (no MkDocs), so the
test stays quick; time and memory are measured by `make bench`, not here.
"""

import csv
import json
import sys

import pytest

from conftest import ROOT, SOURCE
from generator.analyse.annotate import annotate
from generator.analyse.collection import assemble
from generator.export import write_exports
from generator.read.text import parse_file

sys.path.insert(0, str(ROOT))
from benchmarks.bench import synthetic  # noqa: E402

FACTOR = 100


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    source = folder / "large.zh.txt"
    source.write_text(synthetic(SOURCE.read_text(encoding="utf-8"), FACTOR), encoding="utf-8")
    res = annotate(parse_file(source))
    out = folder / "exports"
    out.mkdir()
    write_exports(assemble([(source, res)]), out)
    return res, out


@pytest.fixture(scope="module")
def data(large):
    return json.loads((large[1] / "resolution.json").read_text(encoding="utf-8"))


def test_counts(large, data):
    res, _ = large
    assert len(res.preambular) == 4300
    assert len(res.operative) == 2800
    assert len(res.footnotes) == 2200
    assert [p["kind"] for p in data["paragraphs"]].count("preambular") == 4300
    assert [p["kind"] for p in data["paragraphs"]].count("operative") == 2800
    assert len(data["footnotes"]) == 2200
    assert data["paragraphs"][-1]["id"] == "op-2800"
    assert data["footnotes"][-1]["id"] == "fn-2200"
    assert sum(len(p["subparagraphs"]) for p in data["paragraphs"]) == 600


def test_every_copy_is_the_source_again(data):
    by_id = {p["id"]: p for p in data["paragraphs"]}
    notes = {f["number"]: f for f in data["footnotes"]}
    last = 99
    assert by_id[f"pp-{43 * last + 10}"]["subparagraphs"][0]["text"] == by_id["pp-10"]["subparagraphs"][0]["text"]
    assert [s["id"] for s in by_id["pp-4267"]["subparagraphs"]] == [f"pp-4267-{x}" for x in "abcdef"]
    assert by_id[f"op-{28 * last + 5}"]["text"] == by_id["op-5"]["text"]
    assert by_id[f"op-{28 * last + 5}"]["text"].startswith("又回顾其第68/192号决议决定利用现有资源")
    assert notes[22 * last + 12]["text"] == notes[12]["text"]
    assert notes[22 * last + 6]["paragraph"] == f"pp-{43 * last + 7}"  # footnote 6 stands in pp-7
    assert by_id[f"pp-{43 * last + 7}"]["footnotes"] == [22 * last + 5, 22 * last + 6, 22 * last + 7, 22 * last + 8]


def test_csv_tables_have_a_row_for_every_passage(large):
    _, out = large
    with (out / "paragraphs.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7100 + 600
    assert rows[-1]["id"] == "op-2800"
    with (out / "footnotes.csv").open(encoding="utf-8-sig", newline="") as f:
        assert sum(1 for _ in csv.DictReader(f)) == 2200


def test_mentions_and_citations_grow_with_the_document(large):
    res, _ = large
    small = annotate(parse_file(SOURCE))
    assert len(res.mentions) == FACTOR * len(small.mentions)
    assert sorted(r.id for r in res.references) == sorted(r.id for r in small.references)
    cited = {r.id: len(r.cited_in) for r in res.references}
    assert cited == {r.id: FACTOR * len(r.cited_in) for r in small.references}
