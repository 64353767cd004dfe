"""Configuration: the YAML files in content/ are loaded safely and validated.

Each test copies content/ to a temporary folder, breaks one file in one way and
checks that loading it fails with a SourceError naming the file and the line.
"""

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from generator.knowledge.countries import load_gazetteer
from generator.knowledge.lexicon import load_lexicon, load_yaml
from generator.read.text import load_metadata
from generator.source import SourceError

CONTENT = ROOT / "content"


@pytest.fixture
def content(tmp_path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def _break(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` in `path` by `new`; return the line `old` started on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path.name}"
    start = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.count("\n", 0, start) + 1


def _append(path: Path, lines: str) -> int:
    """Append `lines` to `path`; return the line number of the first one."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + lines, encoding="utf-8")
    return text.count("\n") + 1


def _refused(load, expected: str) -> None:
    with pytest.raises(SourceError) as caught:
        load()
    assert str(caught.value) == expected


def test_the_shipped_content_loads():
    lexicon = load_lexicon(CONTENT)
    assert sorted(lexicon.languages) == ["en", "zh"]
    assert lexicon.bodies[0].code == "GA"
    assert load_metadata(CONTENT / "source" / "resolution.zh.txt")["symbol"] == "A/C.3/76/L.10/Rev.1"


# -- the language files --------------------------------------------------------------------

LANGUAGE_CASES = {
    # name: (file, old text, new text, line offset from old's line, message)
    "unknown key": ("zh.yml", 'joiner: ""\n', 'joiner: ""\njoinr: " "\n', 1, "unknown key 'joinr'"),
    "unknown nested key": ("zh.yml", "  committee: ", "  sesion: '^x$'\n  committee: ", 0, "unknown key 'sesion'"),
    "string for a list": ("zh.yml", 'terminators: ["，"', 'terminators: "，" #["，"', 0, "'terminators' must be list, found str"),
    "number for a string": ("zh.yml", 'joiner: ""', "joiner: 3", 0, "'joiner' must be str, found int"),
    "boolean for a string": ("en.yml", 'opening: "The General Assembly,"', "opening: yes", 0, "'opening' must be str, found bool"),
    "mapping for a list": ("zh.yml", "document_types: [订正决议草案, 决议草案, 决议]", "document_types: {a: 1}", 0,
                           "'document_types' must be list, found a mapping"),
    "number in a list": ("zh.yml", "    - 回顾\n", "    - 回顾\n    - 42\n", 1, "verbs must be a list of non-empty strings, found int"),
    "empty string in a list": ("en.yml", "    - Recalling\n", "    - Recalling\n    - ''\n", 1,
                               "verbs must be a list of non-empty strings, found an empty string"),
    "empty list": ("zh.yml", "document_types: [订正决议草案, 决议草案, 决议]", "document_types: []", 0, "document_types must list at least one string"),
    "empty opening": ("zh.yml", 'opening: "大会，"', 'opening: ""', 0, "'opening' must not be empty"),
    "empty separator": ("zh.yml", 'sponsor_separator: "、"', 'sponsor_separator: ""', 0, "'sponsor_separator' must not be empty"),
    "invalid pattern": ("zh.yml", "  committee: '^第[一二三四五六]委员会$'", "  committee: '^第[一二三四五六委员会$'", 0,
                        "invalid pattern '^第[一二三四五六委员会$': unterminated character set at position 2"),
    "pattern without its group": ("zh.yml", "(?P<n>[零〇", "([零〇", 0,
                                  "pattern '^第([零〇一二三四五六七八九十百]+)届会议$' lacks the named group(s) (?P<n>...)"),
    "pattern matching nothing": ("en.yml", "  sdg_target: '\\b[Tt]argets?\\s+(?P<number>\\d{1,2}\\.[0-9a-z]{1,2})'",
                                 "  sdg_target: '(?P<number>\\d*)'", 0, "pattern '(?P<number>\\\\d*)' matches empty text"),
    "label with an unknown field": ("zh.yml", '  preambular: "序言部分第 {n} 段"', '  preambular: "序言部分第 {m} 段"', 0,
                                    "labels.preambular: unknown field {m} in '序言部分第 {m} 段' (allowed: {n})"),
    "label reaching into an object": ("en.yml", '  resolution: "{body} resolution {number}"', '  resolution: "{body.__class__} {number}"', 0,
                                      "labels.resolution: unknown field {body.__class__} in '{body.__class__} {number}' (allowed: {body}, {number})"),
    "quote pair of three": ("zh.yml", '"《》", ', '"《》》", ', 0, "quote pair '《》》' must be two characters, an opening and a closing one"),
    "code not the file name": ("zh.yml", "code: zh", "code: cn", 0, "code 'cn' does not match the file name 'zh'"),
    "YAML syntax": ("zh.yml", "document_types: [订正决议草案, 决议草案, 决议]", "document_types: [订正决议草案, 决议草案", 1,
                    "invalid YAML: expected ',' or ']', but got ':'"),
}


@pytest.mark.parametrize("case", sorted(LANGUAGE_CASES))
def test_a_broken_language_file_is_refused_with_file_and_line(content, case):
    file, old, new, offset, message = LANGUAGE_CASES[case]
    path = content / "languages" / file
    line = _break(path, old, new) + offset
    _refused(lambda: load_lexicon(content), f"{path}:{line}: {message}")


def test_a_duplicate_key_is_refused(content):
    path = content / "languages" / "zh.yml"
    first = _line_of(path, "name: 中文")
    line = _break(path, "name: 中文\n", "name: 中文\nname: Chinese\n") + 1
    _refused(lambda: load_lexicon(content), f"{path}:{line}: duplicate key 'name' (first at line {first})")


def test_a_duplicate_nested_key_is_refused(content):
    path = content / "languages" / "en.yml"
    first = _line_of(path, "  session: '^(?P<n>[A-Za-z-]+) session$'")
    line = _break(path, "  committee: ", "  session: '^(?P<n>x)$'\n  committee: ")
    _refused(lambda: load_lexicon(content), f"{path}:{line}: duplicate key 'session' (first at line {first})")


def test_a_missing_key_names_the_mapping(content):
    path = content / "languages" / "zh.yml"
    _break(path, 'joiner: ""\n', "")
    first_key = next(i for i, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text and not text.startswith("#"))
    _refused(lambda: load_lexicon(content), f"{path}:{first_key}: missing key 'joiner'")


def test_an_empty_language_file_is_refused(content):
    path = content / "languages" / "en.yml"
    path.write_text("# nothing here\n", encoding="utf-8")
    _refused(lambda: load_lexicon(content), f"{path}:1: expected a mapping, found null")


# -- unsafe YAML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, tag",
    [
        ("!!python/object:os.system {}", "tag:yaml.org,2002:python/object:os.system"),
        ("!!python/object/apply:os.system ['touch {marker}']", "tag:yaml.org,2002:python/object/apply:os.system"),
        ("!!python/name:os.system ''", "tag:yaml.org,2002:python/name:os.system"),
    ],
)
def test_python_tags_are_refused_and_never_run(content, tmp_path, value, tag):
    marker = tmp_path / "ran"
    path = content / "languages" / "zh.yml"
    line = _break(path, "name: 中文", "name: " + value.replace("{marker}", str(marker)))
    _refused(lambda: load_lexicon(content), f"{path}:{line}: invalid YAML: could not determine a constructor for the tag '{tag}'")
    assert not marker.exists()


def test_aliases_are_refused(content):
    path = content / "languages" / "zh.yml"
    _break(path, 'opening: "大会，"', 'opening: &o "大会，"')
    line = _append(path, "extra: *o\n")
    _refused(lambda: load_lexicon(content), f"{path}:{line}: alias *o is not allowed: write the value out")


def test_a_billion_laughs_file_is_refused_before_it_grows(tmp_path):
    path = tmp_path / "laughs.yml"
    path.write_text("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n", encoding="utf-8")
    _refused(lambda: load_yaml(path), f"{path}:2: alias *a is not allowed: write the value out")


def test_a_list_as_a_key_is_refused(tmp_path):
    path = tmp_path / "keys.yml"
    path.write_text("ok: 1\n? [a, b]\n: 2\n", encoding="utf-8")
    _refused(lambda: load_yaml(path), f"{path}:2: a key must be a plain value, not a list")


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.yml"
    path.write_bytes("name: café\n".encode("latin-1"))
    with pytest.raises(SourceError) as caught:
        load_yaml(path)
    assert str(caught.value).startswith(f"{path}: cannot read the file: 'utf-8' codec can't decode byte 0xe9")


# -- the organs ----------------------------------------------------------------------------

BODY_CASES = {
    "unknown key": ("  symbol: \"A/RES/{number}\"\n", "  symbol: \"A/RES/{number}\"\n  colour: blue\n", 1, "unknown key 'colour'"),
    "duplicate organ": ("- code: HRC", "- code: GA", 0, "duplicate organ code 'GA'"),
    "code with a slash": ("- code: HRC", "- code: HRC/x", 0, "code 'HRC/x' must be letters, digits and hyphens (it becomes part of ids and URLs)"),
    "symbol without the number": ('symbol: "E/RES/{number}"', 'symbol: "E/RES/x"', 0, "symbol must contain {number}"),
    "symbol with another field": ('symbol: "E/RES/{number}"', 'symbol: "E/RES/{year}/{number}"', 0,
                                  "symbol: unknown field {year} in 'E/RES/{year}/{number}' (allowed: {number})"),
    "names not a mapping": ("    zh: [人权理事会]\n    en: [Human Rights Council]\n", "    - 人权理事会\n", -1, "'names' must be dict, found a list"),
    "number for a name": ("    zh: [人权理事会]", "    zh: [7]", 0, "names.zh must be a list of non-empty strings, found int"),
    "wrong type of symbol": ('symbol: "S/RES/{number}"', "symbol: [S]", 0, "'symbol' must be str or null, found a list"),
}


@pytest.mark.parametrize("case", sorted(BODY_CASES))
def test_a_broken_organs_file_is_refused_with_file_and_line(content, case):
    old, new, offset, message = BODY_CASES[case]
    path = content / "bodies.yml"
    line = _break(path, old, new) + offset
    _refused(lambda: load_lexicon(content), f"{path}:{line}: {message}")


def test_an_organ_that_is_not_a_mapping_is_refused(content):
    path = content / "bodies.yml"
    line = _append(path, "- GA\n")
    _refused(lambda: load_lexicon(content), f"{path}:{line}: expected a mapping, found str")


def test_an_empty_list_of_organs_is_refused(content):
    path = content / "bodies.yml"
    path.write_text("[]\n", encoding="utf-8")
    _refused(lambda: load_lexicon(content), f"{path}:1: expected a non-empty list of organs")


# -- the gazetteer (its loader is countries.py; the YAML rules are load_yaml's) -------------


def test_countries_duplicate_key_and_python_tag_are_refused(content):
    path = content / "countries.yml"
    line = _break(path, "  GTM:\n", "  BOL:\n    zh: [x]\n  GTM:\n")
    _refused(lambda: load_gazetteer(path), f"{path}:{line}: duplicate key 'BOL' (first at line {_line_of(path, '  BOL:')})")
    shutil.copy(CONTENT / "countries.yml", path)
    line = _break(path, "    en: [Guatemala]", "    en: !!python/object/apply:os.getcwd []")
    _refused(lambda: load_gazetteer(path), f"{path}:{line}: invalid YAML: could not determine a constructor for the tag "
                                           "'tag:yaml.org,2002:python/object/apply:os.getcwd'")


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines.index(text) + 1


# -- the metadata file beside the source ----------------------------------------------------

META_CASES = {
    "unknown key": ("symbol: A/C.3/76/L.10/Rev.1\n", "symbol: A/C.3/76/L.10/Rev.1\nsymbl: x\n", 1, "unknown key 'symbl'"),
    "unknown nested key": ("  meeting: 53rd plenary meeting\n", "  meeting: 53rd plenary meeting\n  vote: none\n", 1, "unknown key 'vote'"),
    "date as a YAML date": ('  date: "2021-12-16"', "  date: 2021-12-16", 0, "'date' must be str, found date"),
    "date that is no date": ('  date: "2021-12-16"', '  date: "2021-02-30"', 0, "adopted.date '2021-02-30' is not a date written YYYY-MM-DD"),
    "javascript licence url": ("  url: https://www.un.org/en/about-us/terms-of-use", "  url: javascript:alert(1)", 0,
                               "licence.url 'javascript:alert(1)' must be an http(s) address"),
    "control character": ("symbol: A/C.3/76/L.10/Rev.1", 'symbol: "A/C.3/76/L.10/Rev.1\\e"', 0,
                          "the text contains U+001B, a control character: remove it"),
    "list for a string": ("symbol: A/C.3/76/L.10/Rev.1", "symbol: [A/C.3/76/L.10/Rev.1]", 0, "'symbol' must be str, found a list"),
}


@pytest.mark.parametrize("case", sorted(META_CASES))
def test_a_broken_metadata_file_is_refused_with_file_and_line(content, case):
    old, new, offset, message = META_CASES[case]
    source = content / "source" / "resolution.zh.txt"
    path = content / "source" / "resolution.zh.meta.yml"
    line = _break(path, old, new) + offset
    _refused(lambda: load_metadata(source), f"{path}:{line}: {message}")
