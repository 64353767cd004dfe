"""Reproducible builds: the same input gives byte-identical exports/, docs and site/, whatever the day, path or zone.

Two checkouts (copies of content/, generator/, overrides/ and mkdocs*.yml) in
different temporary folders each run `python -m generator build --force`
(the collection content/collection.yml lists): one in Los Angeles time with
its clock 400 days ahead, the other in Kiribati time (UTC+14), each with its
own hash seed, neither with SOURCE_DATE_EPOCH.  Every file must match.

SOURCE_DATE_EPOCH, when it is set, dates every dataset and the sitemap
(test_the_build_date_...); unset, each document's own date does, so a build
with it set differs from one without only in those dates.

Neither build has SITE_URL, as on a developer's machine: they are the
suite's builds without a site address, which must invent none (the session's
site, conftest.built, is the one with an address).
"""

import gzip
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import lxml.etree
import pytest

from conftest import ROOT
from generator.build import build_date
from generator.read.text import parse_file
from generator.render.site_address import NOTE
from generator.source import SourceError
from jsonld import blocks, nodes, value

CHECKOUT = ("content", "generator", "overrides")  # and every mkdocs*.yml
DOCUMENT_DATE = "2021-11-10"  # the source's own date line: 10 November 2021
DOCUMENT_MIDNIGHT = 1636502400  # 2021-11-10T00:00:00Z
DAYS_AHEAD = 400

# `python -m generator build --force` with the clock moved forward, as on a later day.
LATER = f"""
import datetime, os, runpy, sys, time
real_time = time.time
time.time = lambda: real_time() + {DAYS_AHEAD} * 86400

class Later(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.fromtimestamp(time.time(), tz)

datetime.datetime = Later
import generator, mkdocs.utils
assert generator.__file__.startswith(os.getcwd()), generator.__file__
sys.stderr.write("mkdocs would date pages " + mkdocs.utils.get_build_date() + "\\n")
sys.argv = ["generator", "build", "--force"]
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def checkout(where: Path) -> Path:
    where.mkdir(parents=True)
    for name in CHECKOUT:
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy2(config, where / config.name)
    return where


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "TZ", "PYTHONHASHSEED", "SITE_URL")}
    proc = subprocess.run([sys.executable, *args], cwd=cwd, env=base | env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path, str]:
    a = checkout(tmp_path_factory.mktemp("one") / "checkout")
    b = checkout(tmp_path_factory.mktemp("two") / "a much longer path" / "to another checkout")
    later = run(["-c", LATER], a, {"TZ": "America/Los_Angeles", "PYTHONHASHSEED": "1"})
    run(["-m", "generator", "build", "--force"], b, {"TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "2"})
    return a, b, later.stderr


def test_the_first_build_ran_on_a_later_day(two_builds):
    *_, stderr = two_builds
    said = stderr.split("mkdocs would date pages ", 1)[1].split("\n", 1)[0]
    expected = (datetime.now(timezone.utc) + timedelta(days=DAYS_AHEAD)).date()
    assert abs(datetime.fromisoformat(said).date() - expected) <= timedelta(days=1)


@pytest.mark.parametrize("output", ["exports", "site", "build", "build/docs-en"])
def test_two_builds_are_byte_identical(two_builds, output):
    a, b, _ = two_builds
    one, two = files(a / output), files(b / output)
    if output == "build":  # the up-to-date stamp digests the checkout's own paths, by design
        assert one.pop(".docs.stamp") != two.pop(".docs.stamp")
    assert len(one) > 10
    assert sorted(one) == sorted(two)
    differ = [name for name in one if one[name] != two[name]]
    assert differ == []


def test_the_sitemap_is_dated_with_the_document(built):
    site = built.site  # the build with an address: without one there is no sitemap
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = lxml.etree.fromstring(xml.encode("utf-8")).findall("{*}url")
    assert len([u for u in urls if "/pp/" in u.findtext("{*}loc") or "/op/" in u.findtext("{*}loc")]) == 71
    assert {u.findtext("{*}lastmod") for u in urls} == {DOCUMENT_DATE}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == xml
    assert struct.unpack("<I", packed[4:8])[0] == DOCUMENT_MIDNIGHT  # the gzip header's MTIME
    assert packed[10:22] == b"sitemap.xml\0"  # FNAME: the bare file name, no checkout path


def test_the_build_date_comes_from_the_document_unless_source_date_epoch_is_set(monkeypatch):
    res = parse_file(ROOT / "content" / "source" / "resolution.zh.txt")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with build_date(res) as day:
        assert day == DOCUMENT_DATE
        assert os.environ["SOURCE_DATE_EPOCH"] == str(DOCUMENT_MIDNIGHT)
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1639656000")  # 2021-12-16T12:00:00Z
    with build_date(res) as day:
        assert day == "2021-12-16"
        assert os.environ["SOURCE_DATE_EPOCH"] == "1639656000"
    assert os.environ["SOURCE_DATE_EPOCH"] == "1639656000"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(SourceError, match="'yesterday' is not a whole number of seconds since 1970"):
        with build_date(res):
            pass


# -- without an address ---------------------------------------------------------------------

# The hosts a file of the site names: the documents it cites (undocs.org, the
# Treaty Series, the SDG metadata), the licence's page, schema.org (the JSON-LD
# context), and the namespaces and schemas of its SVG, XML and JSON files.
OUTSIDE_HOSTS = {"undocs.org", "treaties.un.org", "unstats.un.org", "www.un.org", "schema.org", "www.w3.org",
                 "json-schema.org", "docs.oasis-open.org", "datapackage.org"}
TEXT_FILES = (".html", ".xml", ".json", ".txt", ".csv", ".svg")


def test_a_build_without_an_address_says_so_once(two_builds):
    *_, stderr = two_builds
    assert stderr.count(NOTE) == 1, stderr[-2000:]  # one note for the two language sites


def test_a_build_without_an_address_names_no_host_of_its_own(two_builds):
    site = two_builds[0] / "site"
    assert sorted(p.name for p in site.rglob("sitemap*")) == []
    hosts: set[str] = set()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        assert b"example.github.io" not in data and b"host.example" not in data, path
        if path.suffix in TEXT_FILES:
            hosts |= {h.decode() for h in re.findall(rb"https?://([A-Za-z0-9.-]+)", data)}
    assert hosts == OUTSIDE_HOSTS


def test_without_an_address_pages_carry_relative_ids_and_no_canonical_link(two_builds):
    site = two_builds[0] / "site"
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 2 * 71
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html and 'property="og:url"' not in html, path
        if '<meta http-equiv="refresh"' in html:  # a symbol address that leads on: no metadata of its own
            continue
        [data] = blocks(html)
        ids = re.findall(r'"@id":"([^"]*)"', json.dumps(data, separators=(",", ":")))
        assert ids and not [i for i in ids if "://" in i], path
    # a processor resolves them against wherever the page is read
    pp7 = (site / "pp" / "7" / "index.html").read_text(encoding="utf-8")
    [data] = blocks(pp7)
    g = nodes(data, "http://127.0.0.1:8000/pp/7/")
    assert value(g["http://127.0.0.1:8000/pp/7/"], "isPartOf") == "http://127.0.0.1:8000/"
    # the permalink and citation wait for the browser to give them the address it reads
    assert '<div class="para-tools" role="group" aria-label="本段工具" data-here hidden>' in pp7
    assert '<input type="url" readonly value="" data-copy-source="link">' in pp7


@pytest.mark.browser
def test_without_an_address_the_browser_fills_in_the_one_it_reads(two_builds, browser):
    from webserver import serve

    with serve(two_builds[0] / "site") as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(base + "/pp/7/#pp-7")
            assert page.locator(".para-tools").is_visible()
            assert page.locator('[data-copy-source="link"]').input_value() == base + "/pp/7/"
            assert page.locator('[data-copy-source="citation"]').input_value() == (
                f"大会订正决议草案《改进打击贩运人口工作的协调》（A/C.3/76/L.10/Rev.1），序言部分第 7 段，{base}/pp/7/")
            assert page.locator(".para-tools__print").text_content() == base + "/pp/7/"
            page.goto(base + "/en/op/5/")
            assert page.locator('[data-copy-source="citation"]').input_value().endswith(
                f"Operative paragraph 5, {base}/en/op/5/")
        finally:
            context.close()
