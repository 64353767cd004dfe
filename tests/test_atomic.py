"""Atomic output: a build that fails or is killed leaves the previous exports/, docs and site/ exactly as they were.

The previous outputs are a copy of the session's normal build (the `built`
fixture); each failing build is fed the small source tests/data/untrusted.zh.txt,
whose outputs differ from them in every dataset and page, so a half-done
swap could not go unseen.
"""

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT
from generator import output
from generator.analyse.collection import read_collection
from generator.build import build_all
from generator.cli import main

UNTRUSTED = ROOT / "tests" / "data" / "untrusted.zh.txt"
OUTPUTS = ("exports", "docs", "docs-en", "site")


def digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (and every empty folder) with the SHA-256 of its bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir() and not any(path.iterdir()):
            out[rel + "/"] = "empty"
    return out


@pytest.fixture
def previous(built, tmp_path):
    """A folder holding a previous good build: exports/, docs/, docs-en/, site/ (copies of the session's build)."""
    out = tmp_path / "out"
    out.mkdir()
    shutil.copytree(built.exports, out / "exports")
    shutil.copytree(built.docs, out / "docs")
    shutil.copytree(built.docs_en, out / "docs-en")
    shutil.copytree(built.site, out / "site")
    return out


def state(out: Path) -> dict[str, dict[str, str]]:
    return {name: digest(out / name) for name in OUTPUTS}


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name not in OUTPUTS)


def untrusted_build(out: Path) -> None:
    with contextlib.chdir(ROOT):
        build_all(read_collection([UNTRUSTED]), out / "exports", out / "docs", out / "site")


def test_the_previous_build_is_a_real_one(previous):
    before = state(previous)
    assert len(before["exports"]) >= 10 and len(before["docs"]) >= 80 and len(before["site"]) >= 100
    assert "pp/43/index.html" in before["site"] and "op/28/index.html" in before["site"]
    assert "en/op/28/index.html" in before["site"] and "op/28.md" in before["docs-en"]


def test_bad_input_writes_nothing(previous, tmp_path):
    before = state(previous)
    bad = tmp_path / "bad.zh.txt"
    bad.write_text(UNTRUSTED.read_text(encoding="utf-8").replace("¹ 见", "³ 见"), encoding="utf-8")
    with contextlib.chdir(ROOT):
        status = main(["build", "--source", str(bad), "--out", str(previous / "exports"),
                       "--docs", str(previous / "docs"), "--site", str(previous / "site"), "--force"])
    assert status == 2
    assert state(previous) == before
    assert leftovers(previous) == []


def test_an_exception_midway_through_the_pages_changes_nothing(previous, monkeypatch):
    from generator.render import pages

    before = state(previous)
    real = pages.write_pages

    def write_some_then_fail(edition, docs, *args, **kwargs):
        real(edition, docs, *args, **kwargs)
        assert (docs / "pp" / "1.md").is_file()  # pages were written (into the staging folder)
        raise RuntimeError("disk full")

    monkeypatch.setattr(pages, "write_pages", write_some_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        untrusted_build(previous)
    assert state(previous) == before
    assert leftovers(previous) == []


def test_a_failed_mkdocs_run_changes_neither_site_nor_exports_nor_docs(previous, monkeypatch):
    """The datasets and pages were complete when MkDocs failed: they must not be published either."""
    from mkdocs.exceptions import Abort

    from generator.render import pages

    before = state(previous)
    real = pages.write_pages

    def write_a_broken_link(edition, docs, *args, **kwargs):
        real(edition, docs, *args, **kwargs)
        with (docs / "pp" / "1.md").open("a", encoding="utf-8") as f:
            f.write("\n[broken](../nowhere.md)\n")  # a warning, and the build is strict

    monkeypatch.setattr(pages, "write_pages", write_a_broken_link)
    with pytest.raises(Abort):
        untrusted_build(previous)
    assert state(previous) == before
    assert leftovers(previous) == []


# A build in its own process that stops in the middle of MkDocs: after MkDocs
# has written a few pages, it says so in a marker file and waits to be killed.
KILLED_BUILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    import mkdocs.utils
    from generator.analyse.collection import read_collection
    from generator.build import build_all

    out, marker = Path({out!r}), Path({marker!r})
    real, written = mkdocs.utils.write_file, []

    def write_file(content, path):
        real(content, path)
        written.append(path)
        if len(written) == 3:
            marker.write_text("\\n".join(written))
            time.sleep(120)

    mkdocs.utils.write_file = write_file
    build_all(read_collection([Path({source!r})]), out / "exports", out / "docs", out / "site")
""")


def run_until_marker(script: str, marker: Path, timeout: float = 90) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if proc.poll() is not None:
            pytest.fail(f"the build ended before the marker: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            pytest.fail("the build never reached the marker")
        time.sleep(0.05)
    return proc


def test_a_build_killed_during_mkdocs_changes_nothing_and_the_next_build_tidies_up(previous, tmp_path):
    before = state(previous)
    marker = tmp_path / "marker"
    proc = run_until_marker(KILLED_BUILD.format(root=str(ROOT), out=str(previous), marker=str(marker), source=str(UNTRUSTED)),
                            marker)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert state(previous) == before
    # what the killed build left: its three staging folders, the site's half-written
    left = leftovers(previous)
    assert [name.split("-", 1)[0] for name in left] == [".docs.new", ".exports.new", ".site.new"]
    assert all(name.split("-")[1] == str(proc.pid) for name in left)
    half_site = previous / next(n for n in left if n.startswith(".site."))
    assert 1 <= len([p for p in half_site.rglob("*.html")]) <= 3
    assert Path(marker.read_text().splitlines()[0]).is_relative_to(half_site)

    untrusted_build(previous)  # the next build succeeds, and removes what the dead one left
    assert leftovers(previous) == []
    data = json.loads((previous / "exports" / "resolution.json").read_text(encoding="utf-8"))
    assert data["document"]["title"].startswith("不可信文本<script>")
    assert (previous / "site" / "pp" / "4" / "index.html").is_file()
    assert not (previous / "site" / "pp" / "43").exists()


def test_staging_folders_of_a_running_build_are_left_alone(tmp_path):
    """Only folders of processes that no longer run are removed: a build running beside this one keeps its own."""
    target = tmp_path / "site"
    mine = tmp_path / f".site.new-{os.getppid()}-abc"  # the parent process (pytest's runner) is alive
    dead = tmp_path / ".site.new-999999999-abc"
    other = tmp_path / ".elsewhere.new-999999999-abc"
    for folder in (mine, dead, other):
        folder.mkdir()
    output.tidy(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, other.name])


# A build in its own process, killed between the two renames that swap the
# site in: the old site has been moved aside and the new one not yet moved in.
KILLED_IN_SWAP = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from generator.analyse.collection import read_collection
    from generator.build import build_all

    out = Path({out!r})
    real = Path.rename

    def rename(self, target):
        result = real(self, target)
        if Path(target).name == ".site.old":
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    Path.rename = rename
    build_all(read_collection([Path({source!r})]), out / "exports", out / "docs", out / "site")
""")


def test_a_site_caught_between_its_two_renames_comes_back(previous, monkeypatch):
    """The one moment a kill can leave an output missing: the next build puts the previous one back first.

    The datasets and docs were swapped in just before (microseconds earlier, see
    generator/output.py): they are the new build's, whole.
    """
    site_before = digest(previous / "site")
    script = KILLED_IN_SWAP.format(root=str(ROOT), out=str(previous), source=str(UNTRUSTED))
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    assert not (previous / "site").exists()
    assert digest(previous / ".site.old") == site_before

    from generator.render import pages

    monkeypatch.setattr(pages, "write_pages", lambda *args, **kwargs: (_ for _ in ()).throw(RuntimeError("fail")))
    with pytest.raises(RuntimeError):
        untrusted_build(previous)
    assert digest(previous / "site") == site_before
    assert leftovers(previous) == []
    data = json.loads((previous / "exports" / "resolution.json").read_text(encoding="utf-8"))
    assert data["document"]["title"].startswith("不可信文本<script>")
    assert (previous / "docs" / "data" / "resolution.json").read_bytes() == (previous / "exports" / "resolution.json").read_bytes()
