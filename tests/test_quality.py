"""The web's quality bars on the built site: axe-core, the Nu HTML Checker, Lighthouse, a quiet console.

The site is served on 127.0.0.1 as GitHub Pages serves it (under its own
path, gzipped, 404.html for a missing page).  Every page kind is checked at a
desktop and a phone width; the tools (axe-core, vnu.jar, Lighthouse) come
from the npm registry (`npm ci`).  Where Chromium, Java or those tools are
missing the tests skip with a message, except in CI (REQUIRE_BROWSER=1),
where they fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from browser import CHROMIUM, FLAGS, require_chromium, require_file, require_program
from conftest import ROOT

NODE = ROOT / "node_modules"
AXE = NODE / "axe-core" / "axe.min.js"
VNU = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE / ".bin" / "lighthouse"
REPORT = ROOT / "build" / "reports" / "lighthouse.md"

# One page of each kind.
PAGES = {
    "home": "/",
    "preambular paragraph": "/pp/7/",
    "preambular paragraph with sub-paragraphs": "/pp/10/",
    "operative paragraph": "/op/5/",
    "full text": "/text/",
    "sponsors": "/sponsors/",
    "actors": "/actors/",
    "actor": "/actors/secretary-general/",
    "references": "/references/",
    "downloads": "/downloads/",
    "not found": "/404.html",
    "side by side": "/compare/",
    "differences": "/differences/",
    "English home": "/en/",
    "English paragraph with sub-paragraphs": "/en/pp/10/",
    "English paragraph with a difference": "/en/pp/17/",
    "English operative paragraph": "/en/op/5/",
    "English full text": "/en/text/",
    "English side by side": "/en/compare/",
    "English differences": "/en/differences/",
    "English actors": "/en/actors/",
    "English actor": "/en/actors/secretary-general/",
    "English references": "/en/references/",
    "English downloads": "/en/downloads/",
    "series": "/series/",
    "English series": "/en/series/",
    "English changes": "/en/changes/",
    "English home of an earlier resolution": "/en/A/RES/74/176/",
    "English paragraph of an earlier resolution": "/en/A/RES/74/176/op/5/",
    "English full text of an earlier resolution": "/en/A/RES/74/176/text/",
    "English changes of an earlier resolution": "/en/A/RES/74/176/changes/",
}
LIGHTHOUSE_PAGES = {"home": "/", "paragraph": "/op/5/", "full text": "/text/", "English paragraph": "/en/op/5/",
                    "side by side": "/compare/", "series": "/series/", "changes": "/en/changes/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# axe-core runs at a desktop width and again at a phone's.
PHONE = {"width": 375, "height": 812}


def _axe(page) -> list[dict]:
    """axe-core's violations on the page as it stands, then at a phone's width."""
    require_file(AXE, "axe-core")
    page.add_script_tag(path=str(AXE))
    found = []
    for width in ("desktop", "phone"):
        if width == "phone":
            page.set_viewport_size(PHONE)
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        found += [{"width": width, "id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]
    return found


def _headings(page) -> list[int]:
    return page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => Number(h.tagName[1]))")


def _open(browser, url: str):
    """A fresh page that records console messages and every request it makes."""
    context = browser.new_context()
    page = context.new_page()
    page.console_messages = []
    page.requests = []
    page.on("console", lambda m: page.console_messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: page.console_messages.append(f"pageerror: {e}"))
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    return context, page


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_axe_console_and_requests(kind, browser, site_url):
    context, page = _open(browser, site_url + PAGES[kind])
    try:
        assert page.evaluate("document.documentElement.lang") == ("en" if PAGES[kind].startswith("/en/") else "zh")
        levels = _headings(page)
        assert levels[:1] == [1] and levels.count(1) == 1, levels
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"a heading level skipped: {levels}"
        assert _axe(page) == []
        assert page.console_messages == []
        assert [u for u in page.requests if not u.startswith(site_url + "/")] == []
    finally:
        context.close()


def _settled(page, selector: str) -> None:
    """Wait until the element's markup stops changing: the theme renders search results in batches as the
    worker answers, and axe must see the list, not a list half drawn."""
    previous = None
    for _ in range(40):
        current = page.inner_html(selector)
        if current == previous:
            return
        previous = current
        page.wait_for_timeout(250)
    raise AssertionError(f"{selector} kept changing")


@pytest.mark.parametrize("home, query, name", [("/", "秘书长", "查找"), ("/en/", "Secretary-General", "Search")])
def test_axe_on_the_search_overlay_with_results(browser, site_url, home, query, name):
    context, page = _open(browser, site_url + home)
    try:
        page.keyboard.press("s")
        page.fill("input[data-md-component=search-query]", query)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        _settled(page, ".md-search-result__list")
        assert page.get_by_role("dialog", name=name).is_visible()
        assert _axe(page) == []
        assert page.console_messages == []
        assert [u for u in page.requests if not u.startswith(site_url + "/")] == []
    finally:
        context.close()


def _link_names(page, selector: str) -> list[tuple[str, str]]:
    """(text, accessible name) of each link that `selector` matches, names as Chromium computes them."""
    links = page.locator(selector)
    out = []
    for i in range(links.count()):
        link = links.nth(i)
        name = re.match(r'- link "(.*?)"', link.aria_snapshot())
        out.append((link.inner_text().strip(), name.group(1) if name else ""))
    return out


# The accessible names of footnote references and back-references, per language.
NOTE_NAMES = {
    "zh": ("脚注 {n}", "返回正文中脚注 {n} 的位置"),
    "en": ("Footnote {n}", "Back to the reference to footnote {n}"),
}


@pytest.mark.parametrize("path", ["/pp/7/", "/text/", "/en/pp/7/"])
def test_footnote_links_have_accessible_names(browser, site_url, path):
    """Screen readers announce "脚注 6" and "返回正文中脚注 6 的位置", not "6" and "↩"."""
    ref_name, back_name = NOTE_NAMES["en" if path.startswith("/en/") else "zh"]
    context, page = _open(browser, site_url + path)
    try:
        refs = _link_names(page, "a.footnote-ref")
        backs = _link_names(page, "a.footnote-backref")
        assert refs and backs
        assert [name for text, name in refs] == [ref_name.format(n=text) for text, _ in refs]
        numbers = [int(li.get_attribute("id")[3:]) for li in page.locator(".footnote li[id^=fn-]").all()
                   for _ in li.locator("a.footnote-backref").all()]
        assert [name for _, name in backs] == [back_name.format(n=n) for n in numbers]
        assert all(text.startswith("↩") for text, _ in backs)
    finally:
        context.close()
    if path == "/pp/7/":
        assert refs == [("5", "脚注 5"), ("6", "脚注 6"), ("7", "脚注 7"), ("8", "脚注 8")]
    if path == "/en/pp/7/":
        assert refs == [("5", "Footnote 5"), ("6", "Footnote 6"), ("7", "Footnote 7"), ("8", "Footnote 8")]


def test_every_page_is_valid_html(built):
    require_file(VNU, "vnu.jar")
    require_program("java", "default-jre-headless")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(built.site)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    found = [f"{m.get('url', '').split('/site')[-1]}: {m['message']}" for m in messages]
    assert found == []
    assert len(list(built.site.rglob("*.html"))) > 71


def _lighthouse(url: str, out: Path) -> dict[str, int]:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(FLAGS)}"],
        check=True, env=env, capture_output=True, timeout=240,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    return {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}


def test_lighthouse_scores(site_url, tmp_path):
    require_chromium()
    require_file(LIGHTHOUSE, "lighthouse")
    scores = {name: _lighthouse(site_url + path, tmp_path / f"{i}.json") for i, (name, path) in enumerate(LIGHTHOUSE_PAGES.items())}
    for i, (name, path) in enumerate(LIGHTHOUSE_PAGES.items()):
        # Performance is measured in time, which a busy 2-core machine stretches: a page below the bar
        # is measured once more, and keeps the better run (a real regression fails both).
        if scores[name]["performance"] < 95:
            again = _lighthouse(site_url + path, tmp_path / f"{i}-again.json")
            scores[name] = max(scores[name], again, key=lambda s: s["performance"])
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    rows = ["| page | " + " | ".join(CATEGORIES) + " |", "|---|" + "---:|" * len(CATEGORIES)]
    rows += [f"| {name} | " + " | ".join(str(s[c]) for c in CATEGORIES) + " |" for name, s in scores.items()]
    REPORT.write_text("Lighthouse, mobile profile, served with gzip on 127.0.0.1\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    low = {f"{name} {c}": s[c] for name, s in scores.items() for c in CATEGORIES if s[c] < 95}
    assert low == {}
