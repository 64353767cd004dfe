"""Bad input: a clear message naming file and line, exit status 2, nothing written."""

import pytest

from conftest import SOURCE, replace_line
from generator.cli import main

TEXT = SOURCE.read_text(encoding="utf-8")


CASES = {
    "empty": (b"", "bad.txt: the file is empty"),
    "blank": (b"\n  \n\n", "bad.txt: the file is empty"),
    "gb18030": (TEXT.encode("gb18030"), "bad.txt:5: the file is not UTF-8 (byte 0xb4); it looks like GB18030 (GBK/GB2312); "
                "convert it to UTF-8 (for example: iconv -f GB18030 -t UTF-8)"),
    "utf16": (TEXT.encode("utf-16"), "bad.txt:1: the file is UTF-16; convert it to UTF-8"),
    "undefined-footnote": (TEXT.replace("²² 第64/293号决议。", "").encode(), "bad.txt:168: footnote ²² is referenced but never defined"),
    "unreferenced-footnote": (TEXT.replace("行动计划》²²中提及", "行动计划》中提及").encode(), "bad.txt:182: footnote ²² is defined but never referenced"),
    "duplicate-footnote": (TEXT.replace("¹⁹ A/76/170。", "¹⁸ A/76/170。").encode(), "bad.txt:176: footnote ¹⁸ is defined twice (first at line 158)"),
    "duplicate-operative": (replace_line(TEXT, 185, TEXT.split("\n")[184].replace("7. ", "6. ", 1)).encode(),
                            "bad.txt:185: duplicate operative paragraph number 6 (first at line 184)"),
    "missing-operative": (replace_line(TEXT, 185, TEXT.split("\n")[184].replace("7. ", "8. ", 1)).encode(),
                          "bad.txt:185: operative paragraph 7 is missing: the numbering goes from 6 to 8"),
    "no-title": (replace_line(TEXT, 22, "").encode(), "bad.txt:20: no title: expected the resolution's title on a line of its own before the opening"),
    "no-opening": (replace_line(TEXT, 24, "").encode(),
                   "bad.txt:1: no opening line ('The General Assembly,' or '大会，') found: is this a General Assembly resolution?"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_refused_and_nothing_is_written(case, tmp_path, capsys):
    data, message = CASES[case]
    source = tmp_path / "bad.txt"
    source.write_bytes(data)
    out = tmp_path / "exports"
    out.mkdir()
    (out / "resolution.json").write_text("previous build\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())

    import os
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        status = main(["export", "--source", "bad.txt", "--out", "exports"])
    finally:
        os.chdir(cwd)

    err = capsys.readouterr().err
    assert status == 2
    assert err == f"error: {message}\n"
    assert "Traceback" not in err
    assert (out / "resolution.json").read_text(encoding="utf-8") == "previous build\n"
    assert sorted(p.name for p in out.iterdir()) == ["resolution.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_missing_file(tmp_path, capsys):
    status = main(["check", "--source", str(tmp_path / "nowhere.txt")])
    assert status == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nowhere.txt'}: cannot read the file: No such file or directory\n"


def test_good_export_replaces_the_previous_one(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "stale.json").write_text("{}", encoding="utf-8")
    assert main(["export", "--source", str(SOURCE), "--out", str(out)]) == 0
    assert (out / "resolution.json").exists()
    assert not (out / "stale.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["exports"]
