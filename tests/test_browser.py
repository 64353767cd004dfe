"""The reading site in Debian's Chromium: footnotes, copy link, cite, Chinese search, no outside requests."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# Chinese queries, typed through an input method, and a paragraph each must
# list among its first five results.  Each pair was checked by reading the text.
SEARCHES = [
    ("京都宣言", "pp/17/"),        # 《…京都宣言》 of the Fourteenth Crime Congress
    ("器官", "pp/12/"),            # 器官捐献和移植 … 贩运人体器官
    ("信托基金", "pp/38/"),        # 联合国…受害者自愿信托基金
    ("信托基金", "op/26/"),        # … 自愿信托基金资金管理人的身份
    ("家庭团聚", "op/24/"),        # 支持贩运人口行为受害人的家庭团聚
    ("秘书长", "op/28/"),          # 请秘书长向大会第七十八届会议提交…报告
    ("秘书长", "op/6/"),           # 请秘书长和大会主席…安排高级别会议
    ("世界打击贩运人口行为日", "op/7/"),
    ("冠状病毒病", "pp/4/"),       # 冠状病毒病(COVID-19)大流行
    ("喀土穆", "pp/36/"),          # 在喀土穆召开的非洲之角…会议
    ("巴西利亚", "pp/37/"),        # 于巴西利亚举行的第四次…会议
    ("不受惩罚", "pp/22/"),        # 贩运受害者不受惩罚
    ("全球人口贩运问题报告", "op/27/"),
    ("童兵", "pp/6/"),             # 招募和利用童兵
    ("残疾人", "op/23/"),          # 涉及儿童和残疾人的…
    ("因特网", "op/16/"),          # 贩运者滥用因特网进行招募
    ("难民和移民", "pp/18/"),      # 《关于难民和移民的纽约宣言》
    ("大会主席", "op/6/"),          # 请秘书长和大会主席与会员国密切合作
]

# Queries whose words stand together in these paragraphs only (checked with a
# text search of the source): the results list these paragraph pages and no other.
EXACT = [
    ("家庭团聚", {"op/24/"}),
    ("京都宣言", {"pp/17/"}),
    ("不受惩罚", {"pp/22/"}),
    ("大会主席", {"op/6/"}),
    ("难民和移民", {"pp/18/"}),
    ("因特网", {"pp/32/", "op/16/"}),
    ("童兵", {"pp/6/"}),
]


@pytest.fixture
def context(browser, base_url):
    """A browser context that records every request it makes."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    origin = urlsplit(base_url)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"{origin.scheme}://{origin.netloc}")
    ctx.requests = []
    ctx.on("request", lambda request: ctx.requests.append(request.url))
    yield ctx
    ctx.close()


def _outside(requests: list[str], base_url: str) -> list[str]:
    """The requests that went anywhere but the site (data: and blob: URLs stay in the page)."""
    site = urlsplit(base_url).netloc
    return [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != site]


def test_footnote_and_back_reference(context, base_url):
    page = context.new_page()
    page.goto(base_url + "pp/7/")
    ref = page.locator("#fnref-6 a.footnote-ref")
    assert ref.get_attribute("aria-label") == "脚注 6"
    ref.hover()
    tooltip = page.locator(".md-tooltip2", has_text="同上，第 2237 卷，第 39574 号")
    tooltip.wait_for(state="visible")
    ref.click()
    page.wait_for_function("location.hash === '#fn-6'")
    note = page.locator("#fn-6")
    assert note.is_visible()
    assert "同上，第 2237 卷，第 39574 号。" in note.inner_text()
    assert note.evaluate("el => el.matches(':target')")
    back = note.locator("a.footnote-backref")
    assert back.get_attribute("aria-label") == "返回正文中脚注 6 的位置"
    back.click()
    page.wait_for_function("location.hash === '#fnref-6'")
    assert page.locator("#fnref-6").evaluate("el => el.matches(':target')")
    assert page.locator("#fnref-6").is_visible()


def test_copy_link_and_cite(context, base_url):
    from playwright.sync_api import expect

    page = context.new_page()
    page.goto(base_url + "op/5/")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith("/op/5/")
    page.get_by_role("button", name="复制链接").click()
    status = page.locator(".para-tools__status")
    expect(status).to_have_text("链接已复制")
    assert page.evaluate("navigator.clipboard.readText()") == canonical

    page.locator(".para-tools__cite > summary").click()
    citation = page.locator("textarea[data-copy-source=citation]")
    assert citation.is_visible()
    expected = f"大会订正决议草案《改进打击贩运人口工作的协调》（A/C.3/76/L.10/Rev.1），执行部分第 5 段，{canonical}"
    assert citation.input_value() == expected
    page.get_by_role("button", name="复制引文").click()
    expect(status).to_have_text("引文已复制")
    assert page.evaluate("navigator.clipboard.readText()") == expected


PLACEHOLDER = "键入以开始搜索"  # the theme's "type to start searching"
INITIALISING = "正在初始化"


def _search(page, cdp, base_url: str, query: str) -> list[str]:
    """Type `query` the way an input method does; return the result pages (op/24/), best first."""
    field = page.locator("input[data-md-component=search-query]")
    meta = page.locator(".md-search-result__meta")
    field.click()
    field.fill("")
    page.wait_for_function(f"document.querySelector('.md-search-result__meta').textContent.includes('{PLACEHOLDER}')",
                           timeout=10_000)
    cdp.send("Input.imeSetComposition", {"text": "pinyin", "selectionStart": 6, "selectionEnd": 6})
    cdp.send("Input.insertText", {"text": query})
    page.wait_for_function(f"!/{PLACEHOLDER}|{INITIALISING}/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=10_000)
    assert field.input_value() == query
    assert meta.inner_text()
    items = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(i => i.querySelector('a').href)")
    page.keyboard.press("Escape")
    site = urlsplit(base_url).path
    return [urlsplit(url).path.removeprefix(site) for url in items]


@pytest.mark.parametrize("query, expected", SEARCHES)
def test_chinese_search_finds_the_paragraph(searcher, query, expected):
    results = searcher(query)
    assert expected in results[:5], f"{query}: {results[:8]}"


@pytest.mark.parametrize("query, expected", EXACT)
def test_chinese_search_lists_only_the_paragraphs_that_hold_the_words(searcher, query, expected):
    paragraphs = {page for page in searcher(query) if page.startswith(("pp/", "op/"))}
    assert paragraphs == expected


@pytest.fixture(scope="module")
def searcher(browser, base_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(base_url)
    cdp = ctx.new_cdp_session(page)
    yield functools.partial(_search, page, cdp, base_url)
    ctx.close()


def test_search_needs_no_network_once_loaded(context, base_url):
    page = context.new_page()
    page.goto(base_url + "pp/1/")
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    cdp = context.new_cdp_session(page)
    assert "op/24/" in _search(page, cdp, base_url, "家庭团聚")[:5]
    context.set_offline(False)


def test_no_request_leaves_the_site(context, base_url, built):
    kinds = ["", "pp/7/", "op/5/", "pp/10/", "text/", "404.html"]
    kinds += [f"{name}/" for name in ("sponsors", "actors", "references", "downloads", "series") if (built.site / name).is_dir()]
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    for path in kinds:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    page.goto(base_url + "pp/7/")
    page.locator("#fnref-5 a.footnote-ref").hover()
    _search(page, cdp, base_url, "秘书长")
    page.wait_for_load_state("networkidle")
    assert len(context.requests) > len(kinds)
    assert _outside(context.requests, base_url) == []
