"""The parser against the Chinese source: every figure here was read off the text by hand."""

import hashlib

from conftest import SOURCE

SPONSORS = [
    "亚美尼亚", "阿塞拜疆", "白俄罗斯", "多民族玻利维亚国", "中非共和国", "中国", "科特迪瓦",
    "朝鲜民主主义人民共和国", "厄瓜多尔", "赤道几内亚", "危地马拉", "哈萨克斯坦", "肯尼亚",
    "吉尔吉斯斯坦", "尼加拉瓜", "俄罗斯联邦", "塔吉克斯坦", "土库曼斯坦", "乌兹别克斯坦",
    "委内瑞拉玻利瓦尔共和国",
]

PREAMBULAR_LEADS = [
    "再次强烈谴责", "再次关切", "铭记", "认识到", "注意到", "回顾", "又回顾", "表示注意到", "回顾", "重申",
    "回顾", "又回顾", "还回顾", "回顾", "又回顾", "欢迎", "表示注意到", "回顾", "认识到", "又认识到",
    "表示赞赏地注意到", "又表示赞赏地注意到", "回顾", "强调", "认识到", "又认识到", "表示赞赏地注意到", "回顾",
    "强调指出", "认识到", "又认识到", "还认识到", "强调指出", "欢迎", "申明", "表示注意到", "又表示注意到",
    "认识到", "重申", "表示注意到", "又表示注意到", "认识到", "回顾",
]

OPERATIVE_LEADS = [
    "敦促", "敦促", "促请", "回顾", "又回顾", "请", "回顾", "表示声援和同情", "表示支持", "鼓励",
    "表示注意到", "欢迎", "邀请", "表示注意到", "邀请", "促请", "邀请", "重申", "促请", "鼓励",
    "又鼓励", "还鼓励", "促请", "又促请", "注意到", "请", "欢迎", "请",
]

# footnote number -> the (sub-)paragraph whose text carries its marker
FOOTNOTE_HOME = {
    1: "pp-6", 2: "pp-6", 3: "pp-6", 4: "pp-6", 5: "pp-7", 6: "pp-7", 7: "pp-7", 8: "pp-7",
    9: "pp-11", 10: "pp-14", 11: "pp-15", 12: "pp-17", 13: "pp-18", 14: "pp-19", 15: "pp-27",
    16: "pp-33", 17: "pp-40", 18: "pp-41", 19: "pp-41", 20: "pp-41", 21: "pp-42", 22: "op-2",
}


def test_source_is_copied_byte_for_byte():
    # the SHA-256 of ../shared/sources/000_a1a16ac715693a2d.txt
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == "7021b0249fde69cda71a5da2d2f59fdf5961e4044ce2f00facd6df59ede4c0a4"


def test_document(resolution):
    d = resolution.document
    assert d.title == "改进打击贩运人口工作的协调"
    assert d.symbol == "A/C.3/76/L.10/Rev.1"
    assert (d.organ, d.distribution, d.date) == ("大会", "Limited", "2021-11-10")
    assert (d.language, d.original_language, d.session) == ("zh", "en", 76)
    assert (d.committee, d.agenda_item, d.agenda_title) == ("第三委员会", "108", "预防犯罪和刑事司法")
    assert d.document_type == "订正决议草案"
    assert d.metadata["adopted"]["symbol"] == "A/RES/76/186"


def test_sponsors_in_order(resolution):
    assert [s.name for s in resolution.sponsors] == SPONSORS


def test_paragraph_counts_and_ids(resolution):
    assert len(resolution.preambular) == 43
    assert len(resolution.operative) == 28
    assert [p.id for p in resolution.paragraphs[:2]] == ["pp-1", "pp-2"]
    assert resolution.paragraphs[43].id == "op-1"
    assert resolution.paragraphs[-1].id == "op-28"


def test_leads(resolution):
    assert [p.lead for p in resolution.preambular] == PREAMBULAR_LEADS
    assert [p.lead for p in resolution.operative] == OPERATIVE_LEADS
    for p in resolution.paragraphs:
        assert p.text.startswith(p.lead)


def test_subparagraphs_of_pp10(resolution):
    pp10 = resolution.paragraph("pp-10")
    assert pp10.text == "重申制定《全球行动计划》的目的是："
    assert [s.id for s in pp10.subparagraphs] == ["pp-10-a", "pp-10-b", "pp-10-c", "pp-10-d", "pp-10-e", "pp-10-f"]
    assert pp10.subparagraphs[2].text == "促进在国家、区域和国际各级全面、协调且连贯一致地打击贩运人口行为；"
    assert pp10.subparagraphs[3].text.startswith("促进以基于人权且敏感认识性别和年龄问题的方法")
    assert pp10.subparagraphs[5].text.endswith("以及在联合国系统各实体内部的合作与协调，")
    assert all(not p.subparagraphs for p in resolution.paragraphs if p.id != "pp-10")


def test_paragraphs_cut_by_page_breaks_are_joined(resolution):
    pp17 = resolution.paragraph("pp-17").text
    assert "努力实现<2030 年可持续发展议程>的京都宣言》提及要预防" in pp17
    pp23 = resolution.paragraph("pp-23").text
    assert pp23 == ("回顾设立机构间协调小组是为了促进联合国相关机构和参与打击世界各国贩运人口行为的其他国际组织间的合作，"
                    "同时尽量利用区域和国家两级现有机制，并与各国政府、国际及区域组织和其他相关机构交流关于伙伴机构"
                    "打击贩运活动的信息、经验和良好做法，")
    assert "问题特别报告员的报告和人权理事会买卖儿童" in resolution.paragraph("pp-41").text
    assert "并邀请会员国和其他国际及双边捐助方按照联合国的政策" in resolution.paragraph("op-15").text
    assert "于2014年5月21日和22日在曼谷共同主办了" in resolution.paragraph("op-25").text
    assert resolution.paragraph("op-6").text == "请秘书长和大会主席与会员国密切合作及协调，采取一切适当措施安排高级别会议；"
    assert resolution.paragraph("op-7").text.startswith("回顾大会关于指定每年 7 月 30 日为")


def test_no_footnote_text_inside_paragraphs(resolution):
    texts = [f.text for f in resolution.footnotes]
    for p in resolution.paragraphs:
        for _, passage in p.passages:
            for t in texts:
                assert t not in passage.text
            assert not any(ch in passage.text for ch in "⁰¹²³⁴⁵⁶⁷⁸⁹")
            assert "](#)" not in passage.text and "**" not in passage.text


def test_footnotes(resolution):
    assert [f.number for f in resolution.footnotes] == list(range(1, 23))
    assert {f.number: f.paragraph for f in resolution.footnotes} == FOOTNOTE_HOME
    assert resolution.footnote(5).text == "联合国，《条约汇编》，第 2225 卷，第 39574 号。"
    assert resolution.footnote(21).text == "见 CTOC/COP/2020/10，第一.A节。"
    assert resolution.paragraph("pp-41").footnotes == [18, 19, 20]


def test_footnote_marks_sit_where_the_markers_stood(resolution):
    pp6 = resolution.paragraph("pp-6")
    text = pp6.text
    offsets = {n.number: n.offset for n in pp6.body.notes}
    assert text[: offsets[1]].endswith("《2030 年可持续发展议程》，")
    assert text[offsets[1]:].startswith("并回顾可持续发展目标")
    pp19 = resolution.paragraph("pp-19")
    assert pp19.text[: pp19.body.notes[0].offset].endswith("根据其成员和伙伴")
    op2 = resolution.paragraph("op-2")
    assert op2.text[op2.body.notes[0].offset:].startswith("中提及的其他利益攸关方")


def test_lead_spacing_is_dropped(resolution):
    assert resolution.paragraph("pp-19").text.startswith("认识到打击人口贩运机构间协调小组")


def test_references(resolution):
    refs = {r.id: r for r in resolution.references}
    assert len(refs) == 42
    assert refs["ga-res-61-180"].symbol == "A/RES/61/180"
    assert refs["ga-res-64-293"].cited_in == ["pp-9", "pp-43", "fn-22"]
    assert refs["ga-res-68-192"].cited_in == ["pp-11", "op-5"]
    assert refs["ecosoc-res-2017-18"].symbol == "E/RES/2017/18"
    assert refs["ecosoc-res-2021-25"].cited_in == ["pp-13"]
    assert refs["hrc-res-44-4"].symbol == "A/HRC/RES/44/4"
    assert refs["ccpcj-res-27-2"].body == "CCPCJ"
    assert refs["cop-untoc-res-10-1"].cited_in == ["pp-42"]
    assert refs["cop-untoc-res-10-3"].body == "COP-UNTOC"
    for sym in ["A/76/120", "E/2018/30", "A/CONF.234/16", "CTOC/COP/2020/10", "E/2002/68/Add.1", "A/75/53"]:
        assert any(r.symbol == sym and r.kind == "document" for r in refs.values()), sym
    assert refs["unts-2237-39574"].volume == 2237 and refs["unts-2237-39574"].cited_in == ["fn-6"]
    assert refs["sdg-target-16-2"].cited_in == ["fn-4"]
    assert sorted(r for r in refs if r.startswith("ga-res-")) == sorted([
        "ga-res-70-1", "ga-res-64-293", "ga-res-61-180", "ga-res-64-178", "ga-res-67-190", "ga-res-68-192",
        "ga-res-70-179", "ga-res-72-195", "ga-res-74-176", "ga-res-55-67", "ga-res-58-137", "ga-res-59-166",
        "ga-res-61-144", "ga-res-63-156", "ga-res-63-194", "ga-res-71-322", "ga-res-73-189", "ga-res-75-195",
        "ga-res-75-283", "ga-res-71-1",
    ])


def test_citation_spans_cover_the_cited_text(resolution):
    pp11 = resolution.paragraph("pp-11")
    spans = [pp11.text[c.start:c.end] for c in pp11.body.citations]
    assert spans == ["61/180", "64/178", "67/190", "68/192", "70/179", "72/195", "74/176"]
    fn12 = resolution.footnote(12)
    assert [fn12.text[c.start:c.end] for c in fn12.body.citations] == ["A/CONF.234/16"]


def test_parse_decisions_are_recorded(resolution):
    assert resolution.decisions == [
        "line 114: joined to pp-23 although that ended a clause, because it does not open with a known lead phrase"
    ]
