"""Paths: nothing from the input can make the generator write outside its output folders."""

import os

import pytest

from conftest import SOURCE
from generator.read.text import parse_file
from generator.paths import check_slug, part_problem, safe_path
from generator.source import SourceError


def test_safe_path_joins_plain_parts(tmp_path):
    assert safe_path(tmp_path, "pp", "7", "index.md") == tmp_path / "pp" / "7" / "index.md"
    assert safe_path(tmp_path, "actors", "秘书长", "index.md") == tmp_path / "actors" / "秘书长" / "index.md"
    assert safe_path(tmp_path) == tmp_path


@pytest.mark.parametrize(
    "parts, problem",
    [
        (("..",), "'..' is not a file or folder name"),
        (("actors", ".."), "'..' is not a file or folder name"),
        ((".",), "'.' is not a file or folder name"),
        (("",), "'' is not a file or folder name"),
        (("../../etc/passwd",), "'../../etc/passwd' contains a path separator"),
        (("actors", "../../../outside"), "'../../../outside' contains a path separator"),
        (("/etc/passwd",), "'/etc/passwd' contains a path separator"),
        (("/tmp",), "'/tmp' contains a path separator"),
        (("..\\..\\windows",), "'..\\\\..\\\\windows' contains a path separator"),
        (("C:evil",), "'C:evil' contains ':' (a drive or stream name on Windows)"),
        (("a\x00b",), "'a\\x00b' contains a control character"),
        (("line\nbreak",), "'line\\nbreak' contains a control character"),
        ((" padded",), "' padded' begins or ends with a space or ends with a dot"),
        (("trailing.",), "'trailing.' begins or ends with a space or ends with a dot"),
        (("x" * 256,), "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… is longer than 255 bytes"),
        ((7,), "7 is not a string"),
    ],
)
def test_safe_path_refuses_parts_that_climb_out(tmp_path, parts, problem):
    with pytest.raises(SourceError) as caught:
        safe_path(tmp_path, *parts)
    assert str(caught.value) == f"{tmp_path}: refusing to write outside the output folder: {problem}"


def test_safe_path_refuses_a_symlink_that_leads_out(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "actors")
    with pytest.raises(SourceError) as caught:
        safe_path(out, "actors", "index.md")
    assert str(caught.value) == f"{out}: refusing to write outside the output folder: 'actors/index.md' leads to {elsewhere / 'index.md'}"


def test_part_problem_accepts_the_names_the_site_uses():
    for part in ("pp", "op", "7", "pp-10-a", "fn-12", "index.md", "resolution.json", "secretary-general", "秘书长"):
        assert part_problem(part) is None


@pytest.mark.parametrize("slug", ["secretary-general", "unodc", "iom-2", "a"])
def test_check_slug_accepts_url_slugs(slug):
    assert check_slug(slug, "actors.yml", 3) == slug


@pytest.mark.parametrize("slug", ["../x", "/abs", "a/b", "Upper", "two--hyphens", "-lead", "trail-", "秘书长", "with space", "", None, "a.b"])
def test_check_slug_refuses_anything_else(slug):
    with pytest.raises(SourceError) as caught:
        check_slug(slug, "actors.yml", 3)
    assert str(caught.value) == (f"actors.yml:3: slug {slug!r} must be lower-case letters a-z, digits and single hyphens "
                                 "(e.g. 'special-rapporteur')")


def test_every_id_the_parser_makes_is_a_safe_path_part():
    res = parse_file(SOURCE)
    ids = [p.id for p in res.paragraphs] + [s.id for p in res.paragraphs for s in p.subparagraphs]
    ids += [f.id for f in res.footnotes] + [r.id for r in res.references]
    assert len(ids) == 71 + 6 + 22 + 42
    assert [i for i in ids if part_problem(i) is not None or not i.isascii() or i != i.lower()] == []


def test_ids_built_from_hostile_citations_stay_safe():
    from generator.read.cite import resolution_id, symbol_id

    assert resolution_id("GA", "../61/180") == "ga-res-61-180"
    assert resolution_id("GA", "١٢/٣") == "ga-res-12-3"
    assert symbol_id("A/../../etc") == "doc-a-etc"
