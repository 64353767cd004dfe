"""The lineage of paragraphs across the series, against lineages written down by reading.

tests/data/lineage/<symbol>.yml gives, for every paragraph of a resolution,
the paragraph of the resolution before it that it continues (or none), its
status (unchanged, changed, new), merges (`also_from`) and the paragraphs
dropped; they were written by reading the four texts side by side.  The
precision and recall of the computed predecessor links against them are
written to build/reports/lineage.md.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from generator.analyse.lineage import normalised, step
from generator.model.document import Paragraph, Passage, Resolution, DocumentInfo, paragraph_id

TRUTH = ROOT / "tests" / "data" / "lineage"
REPORT = ROOT / "build" / "reports" / "lineage.md"
PAIRS = [("A/RES/72/195", "A/RES/74/176"), ("A/RES/74/176", "A/RES/76/186"), ("A/RES/76/186", "A/RES/78/228")]


def truth(symbol: str) -> dict:
    return yaml.safe_load((TRUTH / f"{symbol.replace('/', '_')}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(collection):
    """For each pair: (true links, found links, status agreements, paragraphs)."""
    out = {}
    for previous, symbol in PAIRS:
        computed = collection.lineage.step(symbol)
        want = truth(symbol)
        assert computed.previous == previous and want["predecessor_resolution"] == previous
        expected = {pid: (w["predecessor"], w["status"]) for pid, w in want["paragraphs"].items()}
        found = {k.paragraph: (k.predecessor, k.status) for k in computed.links}
        assert list(found) == list(expected)  # the same paragraphs, in the same order
        out[symbol] = (expected, found)
    return out


def precision_recall(expected: dict, found: dict) -> tuple[float, float, float]:
    true_links = {(pid, p) for pid, (p, _) in expected.items() if p}
    found_links = {(pid, p) for pid, (p, _) in found.items() if p}
    right = len(true_links & found_links)
    statuses = sum(1 for pid in expected if expected[pid][1] == found[pid][1]) / len(expected)
    return right / len(found_links), right / len(true_links), statuses


def test_predecessor_links_and_statuses_match_the_reading(scores):
    rows = ["| pair | paragraphs | precision | recall | status right |", "| --- | ---: | ---: | ---: | ---: |"]
    totals = {"expected": {}, "found": {}}
    for (previous, symbol), (expected, found) in zip(PAIRS, scores.values()):
        p, r, s = precision_recall(expected, found)
        rows.append(f"| {previous} → {symbol} | {len(expected)} | {p:.3f} | {r:.3f} | {s:.1%} |")
        totals["expected"].update({(symbol, k): v for k, v in expected.items()})
        totals["found"].update({(symbol, k): v for k, v in found.items()})
        assert p >= 0.98 and r >= 0.98 and s >= 0.98, (symbol, p, r, s)
    p, r, s = precision_recall(totals["expected"], totals["found"])
    rows.append(f"| all three | {len(totals['expected'])} | {p:.3f} | {r:.3f} | {s:.1%} |")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("# Lineage against the hand-written lineages\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print("\n".join(rows))


def test_dropped_and_merged_paragraphs(collection):
    for _, symbol in PAIRS:
        want = truth(symbol)
        computed = collection.lineage.step(symbol)
        assert computed.dropped == (want.get("dropped") or [])
        merged = {pid: w["also_from"] for pid, w in want["paragraphs"].items() if w.get("also_from")}
        assert {k.paragraph: list(k.also_from) for k in computed.links if k.also_from} == merged


def test_the_hard_cases_of_the_series(collection):
    s74, s76, s78 = (collection.lineage.step(s) for _, s in PAIRS)
    # a merge: 74/176 op-11 welcomes the principals' meeting of 72/195 op-10 and takes the briefing clause of op-11
    assert (s74.link("op-11").predecessor, s74.link("op-11").also_from) == ("op-10", ("op-11",))
    # a heavy rewrite that keeps its opening ("Takes note of the briefing(s) for Member States ...")
    assert (s76.link("op-11").predecessor, s76.link("op-11").status) == ("op-10", "changed")
    # a look-alike: 74/176 op-13 stands where 72/195 op-12 stood but shares none of its wording
    assert (s74.link("op-13").predecessor, s74.link("op-13").status) == (None, "new")
    assert s74.dropped == ["op-12"]
    # a split: 76/186 pp-32 becomes 78/228 pp-35 and its "expressing concern" clause pp-36
    assert [k.paragraph for k in s78.successors("pp-32")] == ["pp-35", "pp-36"]
    # a paragraph moved from the operative part into the preamble, merged there
    assert (s78.link("pp-37").predecessor, s78.link("pp-37").also_from) == ("pp-33", ("op-21",))
    # look-alikes of a recital on the Co-Chairs (2022, 2023) are new; the 2021 one continues
    assert [(s78.link(p).predecessor, s78.link(p).status) for p in ("pp-21", "pp-22", "pp-23")] == [
        ("pp-21", "changed"), (None, "new"), (None, "new")]


def test_each_link_records_its_similarity(collection):
    s76 = collection.lineage.step("A/RES/76/186")
    for k in s76.links:
        if k.status == "unchanged":
            assert k.similarity == 1.0
        elif k.status == "new":
            assert k.similarity == 0.0
        else:  # changed: some words alike; 1.0 when only small words or punctuation changed
            assert 0.0 < k.similarity <= 1.0
    assert s76.link("op-27").similarity == pytest.approx(0.97, abs=0.02)  # "to be produced in 2020" -> "in 2022"


def test_unchanged_ignores_spacing_and_hyphenation_only():
    assert normalised("front-\nline  workers") == normalised("frontline workers")
    assert normalised("2019 Co-Chairs") != normalised("2021 Co-Chairs")
    assert normalised("States,") != normalised("States;")


def _res(symbol: str, texts: list[str]) -> Resolution:
    """A resolution of operative paragraphs with the given texts."""
    paragraphs = [Paragraph(paragraph_id("operative", i), i, "", Passage(t), i, kind="operative") for i, t in enumerate(texts, 1)]
    return Resolution(DocumentInfo(title="t", language="en", symbol=symbol), [], paragraphs, [], [])


def test_a_small_pair_of_texts():
    old = _res("A/RES/1/1", [
        "Urges Member States to ratify the Convention and the Protocol supplementing it without delay;",
        "Requests the Secretary-General to report on the implementation of the present resolution in 2020;",
        "Decides to remain seized of the matter and to keep the question under review at its next session;",
        "Recalls its resolution 10/1 on the establishment of the trust fund for victims of trafficking;",
    ])
    new = _res("A/RES/2/2", [
        "Recalls its resolution 12/7 on the appointment of a special envoy on migration and asylum;",
        "Urges Member States to ratify the Convention and the Protocol supplementing it without delay;",
        "Requests the Secretary-General to report on the implementation of the present resolution in 2022;",
        "Recalls its resolution 10/1 on the establishment of the trust fund for victims of trafficking;",
    ])
    s = step(old, new, "A/RES/2/2", "A/RES/1/1")
    assert [(k.paragraph, k.predecessor, k.status) for k in s.links] == [
        ("op-1", None, "new"),  # a look-alike of op-4: same formula, another resolution and subject
        ("op-2", "op-1", "unchanged"),
        ("op-3", "op-2", "changed"),
        ("op-4", "op-4", "unchanged"),
    ]
    assert s.dropped == ["op-3"]
    assert step(old, new, "A/RES/2/2", "A/RES/1/1") == s  # the same input gives the same lineage
