"""Actors: the gazetteer, every mention and the roles of the operative paragraphs.

The expected mentions below were read off the text by hand, paragraph by
paragraph (each list is every actor the passage names, in reading order).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE_EN, SOURCE

from generator.analyse import annotate as annotate_module
from generator.knowledge.actors import load_actors
from generator.analyse.annotate import annotate
from generator.cli import main
from generator.read.text import parse_file
from generator.source import SourceError

ACTORS_YML = ROOT / "content" / "actors.yml"

# passage id -> [(actor id, role, the words in the text)] in reading order
EXPECTED = {
    "op-1": [("member-states", "urged", "会员国"), ("states-parties", "urged", "缔约国")],
    "op-2": [
        ("member-states", "urged", "会员国"),
        ("stakeholders", "urged", "利益攸关方"),
        ("cop-untoc", "invited", "联合国打击跨国有组织犯罪公约缔约方会议"),
        ("international-organizations", "invited", "国际、区域和次区域组织"),
        ("regional-organizations", "invited", "国际、区域和次区域组织"),
    ],
    "op-3": [("governments", "called-upon", "各国政府")],
    "op-6": [
        ("secretary-general", "requested", "秘书长"),
        ("president-of-the-general-assembly", "requested", "大会主席"),
        ("member-states", "mention", "会员国"),
    ],
    "op-7": [
        ("general-assembly", "mention", "大会"),
        ("member-states", "welcomed", "会员国"),
        ("un-system", "welcomed", "联合国各机构"),
        ("international-organizations", "welcomed", "国际组织"),
        ("civil-society", "welcomed", "民间社会"),
        ("stakeholders", "invited", "利益攸关方"),
    ],
    "op-8": [("civil-society", "mention", "民间社会")],
    "op-9": [
        ("unodc", "supported", "联合国毒品和犯罪问题办公室"),
        ("secretary-general", "requested", "秘书长"),
        ("ccpcj", "mention", "预防犯罪和刑事司法委员会"),
        ("member-states", "invited", "会员国"),
        ("unodc", "mention", "该办公室"),
        ("member-states", "mention", "会员国"),
    ],
    # "鼓励 X 与……合作，邀请此类组织……": the invitation is part of what the
    # Office is encouraged to do, not an invitation by the Assembly.
    "op-10": [
        ("unodc", "encouraged", "联合国毒品和犯罪问题办公室"),
        ("un-system", "mention", "联合国系统"),
        ("international-organizations", "mention", "国际组织"),
        ("member-states", "mention", "会员国"),
        ("icat", "mention", "打击人口贩运机构间协调小组"),
        ("member-states", "mention", "会员国"),
        ("icat", "mention", "协调小组"),
    ],
    "op-12": [
        ("icat", "welcomed", "机构间协调小组"),
        ("unodc", "requested", "联合国毒品和犯罪问题办公室"),
        ("icat", "mention", "协调小组"),
        ("icat", "mention", "协调小组"),
        ("osce", "noted", "欧洲安全与合作组织"),
        ("icat", "mention", "协调小组"),
        ("eu-anti-trafficking-coordinator", "noted", "欧洲联盟反贩运协调人"),
        ("icat", "mention", "协调小组"),
        ("oas", "welcomed", "美洲国家组织"),
        ("cbss", "welcomed", "波罗的海国家理事会"),
        ("icat", "mention", "协调小组"),
    ],
    "op-13": [
        ("regional-organizations", "invited", "区域组织"),
        ("un-system", "mention", "联合国机构"),
        ("icat", "mention", "机构间协调小组"),
    ],
    # the Group is inside the relative clause "担任……协调人的": the Office is invited
    "op-15": [
        ("icat", "mention", "机构间协调小组"),
        ("unodc", "invited", "联合国毒品和犯罪问题办公室"),
        ("un-system", "invited", "联合国系统其他相关机构"),
        ("member-states", "invited", "会员国"),
        ("donors", "invited", "捐助方"),
        ("united-nations", "mention", "联合国"),
        ("unodc", "mention", "该办公室"),
    ],
    "op-19": [
        ("member-states", "called-upon", "会员国"),
        ("international-organizations", "called-upon", "国际组织"),
        ("civil-society", "called-upon", "民间社会组织"),
        ("private-sector", "called-upon", "私营部门"),
    ],
    "op-22": [
        ("member-states", "encouraged", "会员国"),
        ("sr-trafficking", "mention", "人权理事会贩运人口特别是贩运妇女和儿童问题特别报告员"),
        ("special-procedures", "mention", "特别程序"),
        ("sr-violence-against-women", "mention", "人权理事会暴力侵害妇女及其原因和后果问题特别报告员"),
        ("srsg-violence-against-children", "mention", "暴力侵害儿童问题秘书长特别代表"),
        ("sr-sale-of-children", "mention", "人权理事会买卖儿童和儿童性剥削(包括儿童卖淫、儿童色情制品和其他儿童性虐待材料)问题特别报告员"),
        ("sr-slavery", "mention", "人权理事会当代形式奴隶制包括其原因和后果问题特别报告员"),
    ],
    "op-23": [
        ("member-states", "called-upon", "会员国"),
        ("member-states", "invited", "会员国"),
        ("un-system", "mention", "联合国机构"),
        ("international-organizations", "mention", "国际组织"),
    ],
    "op-25": [
        ("unodc", "noted", "联合国毒品和犯罪问题办公室"),
        ("sr-trafficking", "noted", "贩运人口特别是贩运妇女和儿童问题特别报告员"),
        ("ohchr", "noted", "联合国人权事务高级专员办事处"),
        ("national-rapporteurs", "mention", "贩运人口问题国家报告员"),
        ("states", "mention", "各国"),
        ("unodc", "requested", "联合国毒品和犯罪问题办公室"),
        ("states", "mention", "各国"),
        ("member-states", "mention", "会员国"),
        ("member-states", "invited", "会员国"),
    ],
    "op-26": [
        ("unodc", "requested", "联合国毒品和犯罪问题办公室"),
        ("trust-fund-victims-of-trafficking", "mention", "联合国贩运人口特别是贩运妇女和儿童行为受害者自愿信托基金"),
        ("states", "mention", "各国"),
        ("stakeholders", "mention", "利益攸关方"),
        ("trust-fund-victims-of-trafficking", "mention", "该信托基金"),
    ],
    # "由……编写的": the Office is the author of what is welcomed, not its object
    "op-27": [
        ("unodc", "mention", "联合国毒品和犯罪问题办公室"),
        ("unodc", "mention", "该办公室"),
        ("member-states", "encouraged", "会员国"),
        ("unodc", "mention", "该办公室"),
    ],
    "op-28": [("secretary-general", "requested", "秘书长"), ("general-assembly", "mention", "大会")],
    # preambular paragraphs give no roles, even where a verb such as 请 stands
    "pp-43": [
        ("general-assembly", "mention", "大会"),
        ("secretary-general", "mention", "秘书长"),
        ("general-assembly", "mention", "大会"),
        ("un-system", "mention", "联合国系统"),
    ],
    # "理事会" stands for the Economic and Social Council named before it
    "pp-13": [("ecosoc", "mention", "经济及社会理事会"), ("ecosoc", "mention", "理事会")],
    # the General Assembly inside the quoted title is not a mention
    "pp-16": [("general-assembly", "mention", "大会"), ("general-assembly", "mention", "大会")],
    "pp-17": [("crime-congress", "mention", "联合国预防犯罪和刑事司法大会")],
    "pp-19": [("icat", "mention", "打击人口贩运机构间协调小组")],
    "pp-41": [
        ("sr-trafficking", "mention", "人权理事会贩运人口特别是贩运妇女和儿童问题特别报告员"),
        ("sr-slavery", "mention", "人权理事会当代形式奴役包括其原因和后果问题特别报告员"),
        ("sr-sale-of-children", "mention", "人权理事会买卖儿童和儿童性剥削(包括儿童卖淫、儿童色情制品和其他儿童性虐待材料)问题特别报告员"),
    ],
    "pp-42": [
        ("cop-untoc", "mention", "公约缔约方会议"),
        ("states-parties", "mention", "缔约国"),
        ("cop-untoc", "mention", "缔约方大会"),
    ],
    "pp-10-e": [
        ("un-system", "mention", "联合国系统"),
        ("states", "mention", "各国"),
        ("stakeholders", "mention", "利益攸关方"),
        ("private-sector", "mention", "私营部门"),
        ("civil-society", "mention", "民间社会"),
        ("media", "mention", "媒体"),
    ],
    # "公共和私营部门" is the public and private spheres of target 5.2
    "pp-6": [("general-assembly", "mention", "大会")],
    "fn-5": [],
    "fn-14": [
        ("unodc", "mention", "联合国毒品和犯罪问题办公室"),
        ("icao", "mention", "国际民用航空组织"),
        ("interpol", "mention", "国际刑事警察组织(国际刑警组织)"),
        ("ilo", "mention", "国际劳工组织"),
        ("iom", "mention", "国际移民组织"),
        ("unaids", "mention", "联合国艾滋病毒/艾滋病联合规划署"),
        ("ohchr", "mention", "联合国人权事务高级专员办事处"),
        ("unhcr", "mention", "联合国难民事务高级专员公署"),
        ("unicef", "mention", "联合国儿童基金会"),
        ("undp", "mention", "联合国开发计划署"),
        ("unesco", "mention", "联合国教育、科学及文化组织"),
        ("un-women", "mention", "联合国促进性别平等和增强妇女权能署(妇女署)"),
        ("unicri", "mention", "联合国区域间犯罪和司法研究所"),
        ("unfpa", "mention", "联合国人口基金"),
        ("world-bank", "mention", "世界银行"),
        ("dpo", "mention", "秘书处和平行动部"),
        ("dppa", "mention", "秘书处政治和建设和平事务部"),
        ("cted", "mention", "反恐怖主义委员会执行局"),
        ("icmpd", "mention", "国际移民政策发展中心"),
        ("osrsg-sexual-violence-in-conflict", "mention", "负责冲突中性暴力问题秘书长特别代表办公室"),
        ("office-on-genocide-prevention", "mention", "防止灭绝种族罪行和保护责任办公室"),
        ("osce", "mention", "欧洲安全与合作组织"),
        ("icat", "mention", "机构间协调小组"),
        ("sr-trafficking", "mention", "人权理事会贩运人口特别是贩运妇女和儿童问题特别报告员"),
        ("council-of-europe", "mention", "欧洲委员会"),
        ("oas", "mention", "美洲国家组织"),
        ("cbss", "mention", "波罗的海国家理事会"),
    ],
    # the Bali Process is written as a title, and named with its brackets
    "fn-15": [
        ("alliance-8-7", "mention", "目标 8.7 联盟"),
        ("financial-sector-commission", "mention", "金融部门打击奴役和贩运行为倡议"),
        ("bali-process", "mention", "《关于偷运人口、贩运人口和有关跨国犯罪的巴厘进程》"),
    ],
}


@pytest.fixture(scope="session")
def annotated():
    return annotate(parse_file(SOURCE))


def passage_text(res, pid: str) -> str:
    if pid.startswith("fn-"):
        return res.footnote(int(pid[3:])).text
    return dict(res.paragraph(pid).passages)[pid].text


@pytest.mark.parametrize("pid", sorted(EXPECTED))
def test_mentions_and_roles(annotated, pid):
    text = passage_text(annotated, pid)
    found = [(m.actor, m.role, text[m.start:m.end]) for m in annotated.mentions if m.paragraph == pid]
    assert found == EXPECTED[pid]


def test_op6_requested_with_sentence(annotated):
    m = next(m for m in annotated.mentions if m.paragraph == "op-6" and m.actor == "secretary-general")
    assert (m.role, m.start, m.end) == ("requested", 1, 4)
    assert m.sentence == "请秘书长和大会主席与会员国密切合作及协调，采取一切适当措施安排高级别会议；"


def test_names_nested_in_longer_names_are_not_mentions(annotated):
    # 大会 inside 大会主席, 缔约方大会 and 预防犯罪和刑事司法大会; 人权理事会 inside the rapporteurs' titles
    assert not [m for m in annotated.mentions if m.actor == "general-assembly" and m.paragraph in ("op-6", "pp-17", "pp-42")]
    assert not [m for m in annotated.mentions if m.actor == "human-rights-council" and m.paragraph in ("pp-41", "op-22", "fn-14")]
    assert not [m for m in annotated.mentions if m.actor == "secretary-general" and m.paragraph in ("op-22", "fn-14")]


def test_every_mention_points_to_a_listed_actor(annotated):
    ids = [a.id for a in annotated.actors]
    assert len(ids) == len(set(ids))
    assert {m.actor for m in annotated.mentions} == set(ids)
    # an actor of the gazetteer that the text never names gets no entry
    assert "secretariat" not in ids


def test_actor_fields(annotated):
    unodc = next(a for a in annotated.actors if a.id == "unodc")
    assert (unodc.slug, unodc.name, unodc.name_en, unodc.acronym_en, unodc.type) == (
        "united-nations-office-on-drugs-and-crime", "联合国毒品和犯罪问题办公室",
        "United Nations Office on Drugs and Crime", "UNODC", "office")
    women = next(a for a in annotated.actors if a.id == "un-women")
    assert (women.acronym, women.acronym_en) == ("妇女署", "UN-Women")
    icat = next(a for a in annotated.actors if a.id == "icat")
    assert icat.aliases == ["机构间协调小组", "协调小组"]
    assert icat.slug == "inter-agency-coordination-group-against-trafficking-in-persons"


def test_gazetteer_slugs_are_unique_and_safe():
    gazetteer = load_actors()
    slugs = [a.slug for a in gazetteer.actors]
    assert len(slugs) == len(set(slugs))
    assert all(s and "/" not in s and ".." not in s for s in slugs)
    assert gazetteer.actor("sr-sale-of-children").slug == "special-rapporteur-on-the-sale-and-sexual-exploitation-of-children"


def test_english_sample_roles():
    res = annotate(parse_file(SAMPLE_EN))
    found = [(m.paragraph, m.actor, m.role) for m in res.mentions]
    assert found == [
        ("pp-4-c", "ecosoc", "mention"),
        ("op-1", "member-states", "urged"),
        ("op-2", "secretary-general", "requested"),
        ("op-2", "general-assembly", "mention"),
        ("op-3", "human-rights-council", "invited"),
    ]


def test_ambiguous_back_reference_is_left_unresolved_and_reported(tmp_path):
    text = SOURCE.read_text(encoding="utf-8")
    old = "**表示支持**联合国毒品和犯罪问题办公室的活动"
    assert old in text
    source = tmp_path / "resolution.zh.txt"
    source.write_text(text.replace(old, "**表示支持**联合国毒品和犯罪问题办公室和防止灭绝种族罪行和保护责任办公室的活动"), encoding="utf-8")
    res = annotate(parse_file(source))
    op9 = [(m.actor, m.role) for m in res.mentions if m.paragraph == "op-9"]
    assert ("unodc", "mention") not in op9
    assert "op-9: '该办公室' left unresolved: the paragraph names no single actor it can stand for" in res.decisions


# -- a gazetteer that does not hold together is refused ------------------------------


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = ACTORS_YML.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "actors.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_compound_form_pointing_to_a_missing_actor(tmp_path):
    path = broken(tmp_path, "国际及区域组织: [international-organizations, regional-organizations]",
                  "国际及区域组织: [international-organizations, regional-orgs]")
    with pytest.raises(SourceError) as err:
        load_actors(path)
    assert str(err.value) == (f"{path}:{line_of(path, '国际及区域组织:')}: compound form '国际及区域组织' points to actor "
                              "'regional-orgs', which is not defined")


def test_back_reference_that_fits_no_actor(tmp_path):
    path = broken(tmp_path, "      该基金: 基金\n", "      该基金: 基金\n      该法庭: 法庭\n")
    with pytest.raises(SourceError) as err:
        load_actors(path)
    assert str(err.value) == f"{path}:{line_of(path, '该法庭')}: back-reference '该法庭' resolves to no actor: no zh name ends with '法庭'"


def test_one_form_for_two_actors(tmp_path):
    path = broken(tmp_path, "aliases: [经社理事会]", "aliases: [经社理事会, 人权理事会]")
    with pytest.raises(SourceError) as err:
        load_actors(path)
    assert "form '人权理事会' names two different things (actor ecosoc and actor human-rights-council)" in str(err.value)


def test_unknown_type_and_bad_slug(tmp_path):
    path = broken(tmp_path, "name_en: World Bank\n    type: organization", "name_en: World Bank\n    type: bank")
    with pytest.raises(SourceError, match=r"actor 'world-bank': unknown type 'bank'"):
        load_actors(path)
    path = broken(tmp_path, "name_en: World Bank\n", "name_en: World Bank\n    slug: ../../etc\n")
    with pytest.raises(SourceError, match=r"slug '\.\./\.\./etc' must be lower-case letters"):
        load_actors(path)
    path = broken(tmp_path, "name_en: World Bank\n", "name_en: World Bank\n    slug: bank-of-the-world\n")
    with pytest.raises(SourceError, match=r"slug 'bank-of-the-world' must be the slug of name_en \('world-bank'\)"):
        load_actors(path)


def test_build_refuses_a_broken_gazetteer_with_file_and_alias(tmp_path, monkeypatch, capsys):
    path = broken(tmp_path, "政府间及非政府组织: [intergovernmental-organizations, non-governmental-organizations]",
                  "政府间及非政府组织: [intergovernmental-organizations, ngos]")
    monkeypatch.setattr(annotate_module, "load_actors", lambda: load_actors(path))
    out = tmp_path / "out"
    assert main(["export", "--source", str(SOURCE), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (f"error: {path}:{line_of(path, '  政府间及非政府组织:')}: compound form '政府间及非政府组织' points to actor "
                   "'ngos', which is not defined\n")
    assert not out.exists()
