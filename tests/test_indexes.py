"""The index pages: sponsors (with codes, groups and the chart), actors and references."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, SOURCE

from generator.analyse import annotate as annotate_module
from generator.analyse.annotate import annotate
from generator.analyse.collection import assemble
from generator.cli import main
from generator.knowledge.countries import load_gazetteer
from generator.knowledge.lexicon import load_lexicon
from generator.read.text import parse_file
from generator.render.edition import Edition
from generator.render.indexes import printed_in, treaty_names, write_indexes
from generator.source import SourceError

COUNTRIES_YML = ROOT / "content" / "countries.yml"

SPONSORS = [
    ("亚美尼亚", "ARM", "Armenia", "EEG"),
    ("阿塞拜疆", "AZE", "Azerbaijan", "EEG"),
    ("白俄罗斯", "BLR", "Belarus", "EEG"),
    ("多民族玻利维亚国", "BOL", "Bolivia (Plurinational State of)", "GRULAC"),
    ("中非共和国", "CAF", "Central African Republic", "AG"),
    ("中国", "CHN", "China", "APG"),
    ("科特迪瓦", "CIV", "Côte d'Ivoire", "AG"),
    ("朝鲜民主主义人民共和国", "PRK", "Democratic People's Republic of Korea", "APG"),
    ("厄瓜多尔", "ECU", "Ecuador", "GRULAC"),
    ("赤道几内亚", "GNQ", "Equatorial Guinea", "AG"),
    ("危地马拉", "GTM", "Guatemala", "GRULAC"),
    ("哈萨克斯坦", "KAZ", "Kazakhstan", "APG"),
    ("肯尼亚", "KEN", "Kenya", "AG"),
    ("吉尔吉斯斯坦", "KGZ", "Kyrgyzstan", "APG"),
    ("尼加拉瓜", "NIC", "Nicaragua", "GRULAC"),
    ("俄罗斯联邦", "RUS", "Russian Federation", "EEG"),
    ("塔吉克斯坦", "TJK", "Tajikistan", "APG"),
    ("土库曼斯坦", "TKM", "Turkmenistan", "APG"),
    ("乌兹别克斯坦", "UZB", "Uzbekistan", "APG"),
    ("委内瑞拉玻利瓦尔共和国", "VEN", "Venezuela (Bolivarian Republic of)", "GRULAC"),
]

CHART_ALT = (
    "按联合国区域组分列的提案国：非洲国家组 4 个（该组共 54 个会员国）；亚洲-太平洋国家组 7 个（该组共 54 个会员国）；"
    "东欧国家组 4 个（该组共 23 个会员国）；拉丁美洲和加勒比国家组 5 个（该组共 33 个会员国）；"
    "西欧和其他国家组 0 个（该组共 29 个会员国）。"
)

# resolutions without a symbol -> the report that prints them (footnotes 11 and 21)
PRINTED_IN = {
    "ccpcj-res-27-2": "doc-e-2018-30",
    "cop-untoc-res-10-1": "doc-ctoc-cop-2020-10",
    "cop-untoc-res-10-3": "doc-ctoc-cop-2020-10",
}

TREATY_NAMES = {
    "unts-2225-39574": "《联合国打击跨国有组织犯罪公约》",
    "unts-2237-39574": "《关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书》",
    "unts-2171-27531": "《儿童权利公约关于买卖儿童、儿童卖淫和儿童色情制品问题的任择议定书》",
    "unts-266-3822": "《废止奴隶制、奴隶贩卖及类似奴隶制的制度与习俗补充公约》",
}


def edition(source: Path = SOURCE) -> Edition:
    """The text `source` alone, annotated, as its site publishes it."""
    res = annotate(parse_file(source))
    return Edition(assemble([(source, res)]), res)


@pytest.fixture(scope="session")
def res():
    return annotate(parse_file(SOURCE))


@pytest.fixture(scope="session")
def site(built):
    """The site built once (the shared `built` fixture)."""
    return built


@pytest.fixture(scope="session")
def docs(tmp_path_factory):
    """The index pages alone, written from the source (links fall back to root-relative URLs)."""
    root = tmp_path_factory.mktemp("indexes-docs")
    write_indexes(edition(), root)
    return root


# -- sponsors ---------------------------------------------------------------------------


def test_sponsors_have_codes_names_and_groups(res):
    assert [(s.name, s.iso3, s.name_en, s.regional_group) for s in res.sponsors] == SPONSORS


def test_regional_groups_cover_the_193_member_states():
    gazetteer = load_gazetteer()
    sizes = {g.code: len(g.members) for g in gazetteer.regional_groups}
    assert sizes == {"AG": 54, "APG": 54, "EEG": 23, "GRULAC": 33, "WEOG": 29}
    members = [c for g in gazetteer.regional_groups for c in g.members]
    assert len(members) == len(set(members)) == 193
    assert {c: gazetteer.groups[c] for c in ("USA", "TUR", "ISR", "KIR", "CYP", "KAZ", "CUB")} == {
        "USA": "WEOG", "TUR": "WEOG", "ISR": "WEOG", "KIR": "APG", "CYP": "APG", "KAZ": "APG", "CUB": "GRULAC"}
    assert [g.name("zh") for g in gazetteer.regional_groups] == [
        "非洲国家组", "亚洲-太平洋国家组", "东欧国家组", "拉丁美洲和加勒比国家组", "西欧和其他国家组"]


def test_unknown_sponsor_fails_the_build_naming_it(tmp_path, capsys):
    text = SOURCE.read_text(encoding="utf-8").replace("阿塞拜疆、", "火星共和国、", 1)
    source = tmp_path / "resolution.zh.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "exports"
    assert main(["export", "--source", str(source), "--out", str(out)]) == 2
    assert capsys.readouterr().err == "error: resolution.zh.txt: unknown sponsor '火星共和国': add it to content/countries.yml\n"
    assert not out.exists()


def test_sponsor_outside_every_regional_group_fails(tmp_path, monkeypatch):
    path = tmp_path / "countries.yml"
    text = COUNTRIES_YML.read_text(encoding="utf-8")
    assert "ALB, ARM, AZE," in text
    path.write_text(text.replace("ALB, ARM, AZE,", "ALB, AZE,"), encoding="utf-8")
    monkeypatch.setattr(annotate_module, "load_gazetteer", lambda: load_gazetteer(path))
    with pytest.raises(SourceError) as err:
        annotate(parse_file(SOURCE))
    assert str(err.value) == ("resolution.zh.txt: sponsor '亚美尼亚' (ARM) is in no regional group: "
                              "add it to regional_groups in content/countries.yml")


def test_a_state_in_two_groups_is_refused(tmp_path):
    path = tmp_path / "countries.yml"
    text = COUNTRIES_YML.read_text(encoding="utf-8")
    path.write_text(text.replace("DZA, AGO,", "DZA, ARM, AGO,"), encoding="utf-8")
    with pytest.raises(SourceError, match=r"countries.yml:\d+: ARM is in two regional groups \(AG and EEG\)"):
        load_gazetteer(path)


def test_sponsors_page(docs):
    page = (docs / "sponsors.md").read_text(encoding="utf-8")
    assert "# 提案国\n" in page
    assert "本订正决议草案由以下 20 个会员国提出" in page
    assert f"![{CHART_ALT}](sponsors/regional-groups.svg)" in page
    assert "| 1 | 亚美尼亚 | ARM | Armenia | 东欧国家组 |" in page
    assert "| 20 | 委内瑞拉玻利瓦尔共和国 | VEN | Venezuela &#40;Bolivarian Republic of&#41; | 拉丁美洲和加勒比国家组 |" in page
    assert "| 西欧和其他国家组 (WEOG) | 0 | 29 | — |" in page


def test_chart_is_self_contained_and_right(docs, res, tmp_path):
    chart = (docs / "sponsors" / "regional-groups.svg").read_text(encoding="utf-8")
    assert chart.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert chart.count("http") == 1  # the namespace, nothing fetched
    for banned in ("<script", "href", "url(", "@import", "<image", "<foreignObject", "@font-face"):
        assert banned not in chart
    assert f"<desc id=\"chart-desc\">{CHART_ALT}</desc>" in chart
    assert chart.count('fill="#0b5cad"/>') == 20 + 1  # one square per sponsor, one in the legend
    assert chart.count('fill="#d0d7de"/>') == 193 - 20 + 1
    assert ">CHN · PRK · KAZ · KGZ · TJK · TKM · UZB</text>" in chart
    again = tmp_path / "again"
    write_indexes(edition(), again)
    assert (again / "sponsors" / "regional-groups.svg").read_bytes() == chart.encode("utf-8")


def test_index_pages_are_deterministic(docs, tmp_path):
    write_indexes(edition(), tmp_path)
    files = sorted(p.relative_to(docs) for p in docs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    for f in files:
        assert (docs / f).read_bytes() == (tmp_path / f).read_bytes(), f


# -- actors -----------------------------------------------------------------------------


def test_actor_index_lists_actors_by_type_with_counts(docs, res):
    page = (docs / "actors" / "index.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", page, re.M)
    assert headings == ["国家和国家集团（4）", "机关和政府间机构（6）", "官员（8）", "联合国实体（15）", "组织（16）",
                        "机制（6）", "倡议和进程（5）", "其他利益攸关方（8）"]
    assert ("| [会员国](member-states.md) | Member States | 29 | 24 | 敦促 2 · 邀请 5 · 鼓励 4 · 促请 4 · 欢迎 1 |") in page
    assert "| [秘书长](secretary-general.md) | Secretary-General | 5 | 5 | 请 3 |" in page
    for actor in res.actors:
        assert f"]({actor.slug}.md)" in page
        assert (docs / "actors" / f"{actor.slug}.md").is_file()


def test_actor_page_rows(docs):
    page = (docs / "actors" / "secretary-general.md").read_text(encoding="utf-8")
    assert "# 秘书长\n" in page
    assert "| [执行部分第 6 段](/op/6/) | 请 | 请<mark>秘书长</mark>和大会主席与会员国密切合作及协调，采取一切适当措施安排高级别会议； |" in page
    assert "| [序言部分第 40 段](/pp/40/) | 提及 | 表示注意到<mark>秘书长</mark>的报告， |" in page
    unodc = (docs / "actors" / "united-nations-office-on-drugs-and-crime.md").read_text(encoding="utf-8")
    assert "[脚注 14（序言部分第 19 段）](/text/#fn-14)" in unodc
    assert "- 文中其他称法：该办公室" in unodc
    assert "| [执行部分第 10 段](/op/10/) | 鼓励 | 鼓励<mark>联合国毒品和犯罪问题办公室</mark>与联合国系统外的相关国际组织合作，… |" in unodc


def test_source_text_is_escaped_on_actor_pages(tmp_path):
    text = SOURCE.read_text(encoding="utf-8")
    old = "与会员国密切合作及协调"
    source = tmp_path / "resolution.zh.txt"
    source.write_text(text.replace(old, "与会员国<script>alert(1)</script>{: .x} | 密切合作及协调", 1), encoding="utf-8")
    docs = tmp_path / "docs"
    write_indexes(edition(source), docs)
    page = (docs / "actors" / "secretary-general.md").read_text(encoding="utf-8")
    assert "<script>" not in page and "{: .x}" not in page
    assert "与会员国&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;&#123;&#58; .x&#125; &#124; 密切合作及协调" in page


# -- references -------------------------------------------------------------------------


def test_printed_in_and_treaty_names(res):
    assert printed_in(res) == PRINTED_IN
    assert treaty_names(res, load_lexicon().languages["zh"]) == TREATY_NAMES


def expected_url(ref, res) -> str:
    if ref.symbol:
        return f"https://undocs.org/zh/{ref.symbol}"
    if ref.id in PRINTED_IN:
        return f"https://undocs.org/zh/{res.reference(PRINTED_IN[ref.id]).symbol}"
    if ref.kind == "treaty":
        return f"https://treaties.un.org/doc/Publication/UNTS/Volume%20{ref.volume}/v{ref.volume}.pdf"
    goal = ref.number.split(".")[0]
    return f"https://unstats.un.org/sdgs/metadata/?Text=&Goal={goal}&Target={ref.number}"


def test_every_citation_is_listed_with_a_working_link(docs, res):
    page = (docs / "references.md").read_text(encoding="utf-8")
    cited = set()
    for p in res.paragraphs:
        for _, passage in p.passages:
            cited |= {c.reference_id for c in passage.citations}
    for f in res.footnotes:
        cited |= {c.reference_id for c in f.body.citations}
    assert len(cited) == len(res.references) == 42
    links = re.findall(r"\]\((https://[^)]+)\)", page)
    for rid in sorted(cited):
        ref = res.reference(rid)
        assert expected_url(ref, res) in links, rid
        row = next(line for line in page.splitlines() if expected_url(ref, res) in line and
                   (ref.kind == "treaty" or line.startswith(f"| {ref.label.replace('(', '&#40;').replace(')', '&#41;')} |")))
        for owner in ref.cited_in:
            kind, _, number = owner.partition("-")
            target = f"/text/#{owner}" if kind == "fn" else f"/{kind}/{number.split('-')[0]}/"
            assert f"]({target}" in row, (rid, owner)
    assert "| 预防犯罪和刑事司法委员会第 27/2 号决议 | 载于 [E/2018/30](https://undocs.org/zh/E/2018/30) | [序言部分第 15 段](/pp/15/) |" in page
    assert ("| 《联合国打击跨国有组织犯罪公约》 | [第 2225 卷，第 39574 号](https://treaties.un.org/doc/Publication/UNTS/"
            "Volume%202225/v2225.pdf) | [脚注 5（序言部分第 7 段）](/text/#fn-5) |") in page


def test_no_link_points_nowhere(docs):
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\]\(\s*(#\s*)?\)", text), page
        for target in re.findall(r"\]\(([^)]*)\)", text):
            assert target.startswith(("https://", "/", "sponsors/")) or target.endswith(".md"), (page, target)


# -- the built site ---------------------------------------------------------------------


@pytest.mark.slow
def test_site_has_the_index_pages_with_working_links(site, res):
    built = Path(site.site)
    for page in ["sponsors/index.html", "sponsors/regional-groups.svg", "actors/index.html", "references/index.html"]:
        assert (built / page).is_file(), page
    for actor in res.actors:
        assert (built / "actors" / actor.slug / "index.html").is_file(), actor.slug
    html = (built / "actors" / "secretary-general" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../op/6/"' in html and "<mark>秘书长</mark>" in html
    assert '<img alt="' + CHART_ALT + '" src="regional-groups.svg"' in (built / "sponsors" / "index.html").read_text(encoding="utf-8")
    for page in ["sponsors", "actors", "references"] + [f"actors/{a.slug}" for a in res.actors]:
        folder = built / page
        text = (folder / "index.html").read_text(encoding="utf-8")
        assert 'href="#"' not in text and 'href=""' not in text, page
        for href in re.findall(r'href="(\.[^"#]*)', text):
            target = (folder / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), (page, href)
