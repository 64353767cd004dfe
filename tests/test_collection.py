"""The collection: every resolution of the series, its language versions, and the relations between them.

What the texts say of themselves (symbols, dates of adoption) was read off
the sources by hand; so were the counts printed by `check`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from generator.analyse.collection import read_collection
from generator.cli import main
from generator.source import SourceError

SOURCES = ROOT / "content" / "source"
SERIES = ["A/RES/72/195", "A/RES/74/176", "A/RES/76/186", "A/RES/78/228"]


def test_works_versions_and_series(collection):
    assert [w.symbol for w in collection.works] == SERIES
    assert [w.adopted for w in collection.works] == ["2017-12-19", "2019-12-18", "2021-12-16", "2023-12-19"]
    assert [w.languages for w in collection.works] == [["en"], ["en"], ["zh", "en"], ["en"]]
    assert collection.main.document.symbol == "A/C.3/76/L.10/Rev.1"
    assert collection.main_work.symbol == "A/RES/76/186"
    assert [(s.title, [w.number for w in s.works]) for s in collection.series] == [
        ("Improving the coordination of efforts against trafficking in persons", ["72/195", "74/176", "76/186", "78/228"])]


def test_a_writer_asks_the_collection(collection):
    zh = collection.main
    en = collection.counterpart(zh, "en")
    assert en.document.symbol == "A/RES/76/186" and en.source_name == "A_RES_76_186.en.json"
    assert collection.counterpart(en) is zh
    work = collection.work_of(zh)
    assert collection.previous(work).symbol == "A/RES/74/176"
    assert collection.next(work).symbol == "A/RES/78/228"
    assert collection.previous(collection.work("A/RES/72/195")) is None
    assert collection.next(collection.work("A/RES/78/228")) is None
    assert collection.alignment(zh).a is zh and collection.alignment(en).a is en
    assert collection.alignment(collection.work("A/RES/74/176").versions[0]) is None
    assert [r.source_name for r in collection.versions] == [
        "resolution.zh.txt", "A_RES_72_195.en.json", "A_RES_74_176.en.json", "A_RES_76_186.en.json", "A_RES_78_228.en.json"]


def test_the_english_heading_and_closing_lines_are_read_not_copied(collection):
    adoption = collection.work("A/RES/78/228").version("en").document.adoption
    assert (adoption.symbol, adoption.date, adoption.meeting, adoption.committee, adoption.report, adoption.report_paragraph,
            adoption.source) == ("A/RES/78/228", "2023-12-19", "50th plenary meeting", "Third Committee", "A/78/482", "29", "text")
    draft = collection.main.document.adoption  # the draft cannot say it was adopted: its metadata file does
    assert (draft.symbol, draft.date, draft.meeting) == ("A/RES/76/186", "2021-12-16", "53rd plenary meeting")
    assert draft.source.startswith("A/RES/76/186, its heading")


def test_check_prints_the_whole_collection(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "5 texts of 4 resolutions, in 1 series"
    assert "A/RES/74/176 (adopted 2019-12-18)" in out
    counts = [line.rsplit(", ", 1)[0] for line in out if line.endswith(" references")]  # the references are another test's
    assert counts == ["    0 sponsors, 34 preambular and 22 operative paragraphs, 14 footnotes",
                      "    0 sponsors, 40 preambular and 26 operative paragraphs, 23 footnotes",
                      "    20 sponsors, 43 preambular and 28 operative paragraphs, 22 footnotes",
                      "    0 sponsors, 43 preambular and 28 operative paragraphs, 22 footnotes",
                      "    0 sponsors, 48 preambular and 33 operative paragraphs, 34 footnotes"]
    assert "  against A/RES/76/186: 37 unchanged, 33 changed, 11 new, 2 dropped" in out
    assert "  en aligned with zh by paragraph: 99 passages" in out


def test_check_reads_one_file_alone(capsys):
    assert main(["check", "--source", str(SOURCES / "A_RES_72_195.en.json")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{SOURCES / 'A_RES_72_195.en.json'}: Improving the coordination of efforts against trafficking in persons "
                      "(A/RES/72/195, 2018-01-23, en)")
    assert out[1].startswith("  0 sponsors, 34 preambular and 22 operative paragraphs, 14 footnotes, ")
    assert "  decided: text line 74: took the 4 standing between spaces after 'pornography' as footnote 4's reference" in out


# -- bad input --------------------------------------------------------------------------------


def _copy(tmp_path: Path, name: str, as_name: str) -> Path:
    target = tmp_path / as_name
    shutil.copyfile(SOURCES / name, target)
    return target


def test_two_sources_claiming_the_same_symbol_are_refused(tmp_path):
    a = _copy(tmp_path, "A_RES_74_176.en.json", "A_RES_74_176.en.json")
    b = _copy(tmp_path, "A_RES_74_176.en.json", "another.en.json")
    with pytest.raises(SourceError) as caught:
        read_collection([a, b])
    assert str(caught.value) == (f"{b}: text line 2: A/RES/74/176 in en is read already from {a}: "
                                 "two sources cannot be the same version of one resolution")


def test_a_symbol_that_disagrees_with_the_file_name_is_refused(tmp_path):
    wrong = _copy(tmp_path, "A_RES_74_176.en.json", "A_RES_74_177.en.json")
    with pytest.raises(SourceError) as caught:
        read_collection([wrong])
    assert str(caught.value) == (f"{wrong}: text line 2: the text's symbol A/RES/74/176 differs from the one its file "
                                 "name gives, A/RES/74/177")


def test_a_truncated_file_is_refused(tmp_path):
    record = json.loads((SOURCES / "A_RES_74_176.en.json").read_text(encoding="utf-8"))
    lines = record["text"].split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("26. Requests the Secretary-General to submit"))
    record["text"] = "\n".join(lines[: cut + 2])  # "... at its seventy-sixth session," and the file ends
    path = tmp_path / "A_RES_74_176.en.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_collection([path])
    assert caught.value.line == cut + 2
    assert caught.value.message == "the text ends in the middle of op-26, without a full stop: is the file cut short?"


def test_a_text_that_is_not_a_resolution_is_refused(tmp_path, capsys):
    path = tmp_path / "letter.json"
    path.write_text(json.dumps({"text": "Letter dated 1 May 2020 from the Permanent Representative\n\nSir,\n"}), encoding="utf-8")
    assert main(["check", "--source", str(path)]) == 2
    assert capsys.readouterr().err == (f"error: {path}: text line 1: no opening line ('The General Assembly,' or '大会，') "
                                       "found: is this a General Assembly resolution?\n")


@pytest.mark.parametrize("body, line, message", [
    ("folder: source\nsources: []\n", 2, "the collection lists no sources"),
    ("folder: source\nsources:\n  - resolution.zh.txt\n  - resolution.zh.txt\n", 4, "resolution.zh.txt is listed twice (first at line 3)"),
    ("folder: source\nsources:\n  - nowhere.txt\n", 3, "does not exist"),
    ("sources:\n  - resolution.zh.txt\n", 1, "missing key 'folder'"),
])
def test_the_collection_file_is_validated(tmp_path, capsys, body, line, message):
    path = tmp_path / "collection.yml"
    path.write_text(body, encoding="utf-8")
    (tmp_path / "source").mkdir()
    shutil.copyfile(SOURCES / "resolution.zh.txt", tmp_path / "source" / "resolution.zh.txt")
    assert main(["check", "--collection", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}:{line}: ") and message in err


def test_a_failed_build_leaves_the_previous_one(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "marker").write_text("previous build", encoding="utf-8")
    wrong = _copy(tmp_path, "A_RES_74_176.en.json", "A_RES_74_177.en.json")
    status = main(["export", "--source", str(SOURCES / "resolution.zh.txt"), "--source", str(wrong), "--out", str(out)])
    assert status == 2
    assert [p.name for p in out.iterdir()] == ["marker"]
