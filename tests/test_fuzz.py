"""Fuzzing the parser: whatever it is fed, it returns a sound model or refuses with its own error.

Inputs are the real source and the English sample, mutated the way converted and
hand-edited files go wrong (blocks deleted, duplicated, reordered, split and
merged; footnote markers removed or doubled; control characters, direction
marks, zero-width spaces and very long lines inserted), and random text.

For every input `parse_text` either returns a Resolution whose invariants hold
or raises SourceError naming the file and a line of it, with a printable
one-line message.  No other exception, no hang (each example runs under an
alarm), and memory proportional to the input (each example runs under
tracemalloc).

The normal test run uses the quick profile: a few hundred examples, derandomized
so that CI sees the same ones every time.  `tests/fuzz_long.py` runs the same
properties with FUZZ_EXAMPLES examples each, on random seeds.
"""

from __future__ import annotations

import json
import os
import re
import signal
import tracemalloc
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE_EN, SOURCE
from generator.knowledge.countries import load_gazetteer
from generator.export.records import resolution_dict
from generator.knowledge.lexicon import load_lexicon
from generator.model.document import Resolution
from generator.paths import SLUG, part_problem
from generator.read.text import SUPERSCRIPT, parse_text
from generator.source import SourceError, decode

NAME = "fuzz.txt"
ZH = SOURCE.read_text(encoding="utf-8")
EN = SAMPLE_EN.read_text(encoding="utf-8")
LEXICON = load_lexicon()
KNOWN = load_gazetteer().names()
METADATA = {"symbol": "A/C.3/76/L.10/Rev.1"}

# Examples per property: FUZZ_EXAMPLES (the long run) or the quick profile's counts below.
LONG = int(os.environ.get("FUZZ_EXAMPLES", "0"))
# An example that runs longer than this has hung (a normal one takes milliseconds).
HANG_SECONDS = float(os.environ.get("FUZZ_HANG_SECONDS", "20"))
# Peak memory allowed while parsing: this many bytes per input character, plus a floor.
BYTES_PER_CHAR = 600
MEMORY_FLOOR = 4 * 1024 * 1024

# Characters that converters and editors leave in text, and that break naive code:
# control characters (which the parser refuses) and others it must carry as they are.
CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x7f", "\x85", "\uffff"]
SPECIAL = [
    "\r", "\t", "\u00a0", "\u0301", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e",
    "\u2028", "\u2029", "\u2066", "\u3000", "\ufeff", "\ufffd", "\U0001f600", "\U000e0041",
]
# Pieces of the layout the parser looks for.
SYNTAX = [
    "*", "**", "_", "__", "[", "]", "(", ")", "](#)", "#", "- ", "> ", "|", "`", "\\", "{", "}", ".", ",",
    "，", "、", "：", ":", "；", "。", "和", " and ", "(a)", "(b)", "(z)", "- (a) ", "1. ", "2. ", "99. ", "9999. ",
    "大会，", "The General Assembly,", "决议草案", "draft resolution", "又回顾", "*Recalling*", "**敦促**",
    "第1/1号决议", "61/180", "A/76/120", "E/2018/30", "《条约汇编》，第 1 卷，第 2 号", "同上，第 3 卷，第 4 号",
    "具体目标 5.2", "经济及社会理事会", "31 February 2021", "第七十六届会议", "议程项目 108",
] + list(SUPERSCRIPT)
# Runs that made regular expressions or string building quadratic before.
RUNS = ["[", "](", "**", "*", " ", "\u3000", "¹", "¹ ", "1/1 ", "大会第1/1号决议，", "《", "“", "a", "大会", "(", "\u200b", "和", " and "]


def _lines(text: str) -> int:
    """How many lines the parser numbers in `text`."""
    return len(text.lstrip("\ufeff").split("\n"))


class Hang(Exception):
    """The parser ran past HANG_SECONDS."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Hang in the body after `seconds` (a no-op where SIGALRM is missing)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum, frame):
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_SPACE = re.compile(r"\s+")
# What HTML and XML 1.0 cannot carry; no text in the model may hold it.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U0010fffe\U0010ffff]")


class _Unspaced:
    """The input without whitespace, and where each of its lines starts in it."""

    def __init__(self, text: str):
        lines = text.lstrip("\ufeff").split("\n")
        self.starts = [0]
        parts = []
        for line in lines:
            parts.append(_SPACE.sub("", line))
            self.starts.append(self.starts[-1] + len(parts[-1]))
        self.text = "".join(parts)

    def holds(self, passage: str, line: int) -> bool:
        """Whether `passage`, spaces aside, is a subsequence of the input from `line` on."""
        rest = iter(self.text[self.starts[line - 1]:])
        return all(ch in rest for ch in _SPACE.sub("", passage))


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LINK_TARGET = re.compile(r"\]\([^()]*\)")
OPENINGS = ("大会，", "The General Assembly,")


def _body_cjk(text: str) -> tuple[int, int]:
    """Chinese characters after the opening line: (all of them, those inside link targets, which are dropped)."""
    lines = text.lstrip("\ufeff").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() in OPENINGS)
    body = "\n".join(lines[start + 1 :])
    return len(_CJK.findall(body)), sum(len(_CJK.findall(m.group())) for m in _LINK_TARGET.finditer(body))


def check_model(res: Resolution, text: str) -> None:
    """Invariants every parsed resolution must satisfy, whatever its input."""
    source = _Unspaced(text)
    assert isinstance(res, Resolution)
    assert res.document.title.strip()
    assert all(s.name.strip() for s in res.sponsors)
    pp = [p for p in res.paragraphs if p.kind == "preambular"]
    op = [p for p in res.paragraphs if p.kind == "operative"]
    assert [p.id for p in res.paragraphs] == [f"pp-{i}" for i in range(1, len(pp) + 1)] + [f"op-{i}" for i in range(1, len(op) + 1)]
    assert op, "a resolution has operative paragraphs"
    passages = {}
    for paragraph in res.paragraphs:
        assert paragraph.text.startswith(paragraph.lead), (paragraph.id, paragraph.lead, paragraph.text[:40])
        assert paragraph.text
        assert source.holds(paragraph.text, paragraph.line), f"{paragraph.id} is not the text of the input"
        passages[paragraph.id] = paragraph.body
        labels = [s.label for s in paragraph.subparagraphs]
        assert labels == [chr(ord("a") + i) for i in range(len(labels))]
        for sub in paragraph.subparagraphs:
            assert sub.id == f"{paragraph.id}-{sub.label}" and sub.text
            assert source.holds(sub.text, sub.line), f"{sub.id} is not the text of the input"
            passages[sub.id] = sub.body
    for note in res.footnotes:
        assert note.paragraph in passages
        assert note.text, f"footnote {note.number} is empty"
        assert source.holds(note.text, note.line), f"{note.id} is not the text of the input"
        passages[note.id] = note.body
    reference_ids = {r.id for r in res.references}
    for pid in list(passages) + sorted(reference_ids):
        assert SLUG.match(pid) and part_problem(pid) is None, f"id {pid!r} is not safe in a URL or a path"
    strings = [v for v in vars(res.document).values() if isinstance(v, str)] + [s.name for s in res.sponsors]
    strings += [body.text for body in passages.values()] + [p.lead for p in res.paragraphs]
    assert not any(_CONTROL.search(v) for v in strings)
    for pid, body in passages.items():
        assert "\n" not in body.text
        assert not set(body.text) & set(SUPERSCRIPT), f"{pid} keeps a footnote marker"
        offsets = [n.offset for n in body.notes]
        assert offsets == sorted(offsets) and all(0 <= o <= len(body.text) for o in offsets)
        end = 0
        for c in body.citations:
            assert end <= c.start < c.end <= len(body.text)
            assert c.reference_id in reference_ids
            end = c.end
        assert "".join(text for _, text in body.segments()) == body.text
    # nothing of the body is lost: every Chinese character after the opening is in some passage
    kept = sum(len(_CJK.findall(body.text)) for body in passages.values())
    found, in_targets = _body_cjk(text)
    assert found - in_targets <= kept <= found, f"{found} Chinese characters in the body, {kept} in the model"
    referenced = {n.number for pid, body in passages.items() if not pid.startswith("fn-") for n in body.notes}
    assert referenced == {n.number for n in res.footnotes}
    for ref in res.references:
        assert ref.cited_in and set(ref.cited_in) <= set(passages)
    json.dumps(resolution_dict(res), ensure_ascii=False)


def check(text: str) -> Resolution | SourceError:
    """Parse `text`: a sound model or a SourceError that names a line; within time and memory."""
    tracemalloc.start()
    try:
        with time_limit(HANG_SECONDS):
            try:
                res = parse_text(text, NAME, LEXICON, METADATA, KNOWN)
            except SourceError as err:
                res = err
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= BYTES_PER_CHAR * len(text) + MEMORY_FLOOR, f"{peak} bytes for {len(text)} characters"
    if isinstance(res, SourceError):
        assert res.name == NAME
        assert res.line is not None and 1 <= res.line <= _lines(text), (res.line, str(res))
        assert res.message.isprintable(), repr(res.message)
        return res
    check_model(res, text)
    return res


# Examples run per property, for tests/fuzz_long.py's report.
EXAMPLES_RUN: dict[str, int] = {}


def _ran(name: str) -> None:
    EXAMPLES_RUN[name] = EXAMPLES_RUN.get(name, 0) + 1


def fuzz(text: str) -> None:
    """`check`, and note the outcome for hypothesis's statistics."""
    res = check(text)
    event("parsed" if isinstance(res, Resolution) else "refused: " + re.sub(r"\d+|'[^']*'|[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "#", res.message)[:50])


# -- mutations ------------------------------------------------------------------------------


def _index(draw, blocks: list[str]) -> int:
    return draw(st.integers(0, max(len(blocks) - 1, 0)))


def _delete(draw, blocks):
    if blocks:
        del blocks[_index(draw, blocks)]


def _duplicate(draw, blocks):
    if blocks:
        i = _index(draw, blocks)
        blocks.insert(draw(st.integers(0, len(blocks))), blocks[i])


def _move(draw, blocks):
    if blocks:
        block = blocks.pop(_index(draw, blocks))
        blocks.insert(draw(st.integers(0, len(blocks))), block)


def _split(draw, blocks):
    if blocks:
        i = _index(draw, blocks)
        at = draw(st.integers(0, len(blocks[i])))
        gap = draw(st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"]))
        blocks[i] = blocks[i][:at] + gap + blocks[i][at:]


def _merge(draw, blocks):
    if len(blocks) > 1:
        i = draw(st.integers(0, len(blocks) - 2))
        glue = draw(st.sampled_from(["\n", "", " "]))
        blocks[i : i + 2] = [blocks[i] + glue + blocks[i + 1]]


def _markers(draw, blocks):
    """Remove, double or space out the footnote markers of a block."""
    if blocks:
        i = _index(draw, blocks)
        how = draw(st.sampled_from(["remove", "double", "spaced", "shift"]))
        out = []
        for ch in blocks[i]:
            if ch not in SUPERSCRIPT:
                out.append(ch)
            elif how == "double":
                out.append(ch + ch)
            elif how == "spaced":
                out.append(" " + ch + " ")
            elif how == "shift":
                out.append(SUPERSCRIPT[(SUPERSCRIPT.index(ch) + 1) % 10])
        blocks[i] = "".join(out)


def _insert(draw, blocks):
    """Insert a few characters: control, direction and zero-width ones, layout syntax, anything."""
    if blocks:
        i = _index(draw, blocks)
        at = draw(st.integers(0, len(blocks[i])))
        piece = draw(st.lists(st.sampled_from(CONTROLS + SPECIAL + SYNTAX) | st.characters(exclude_categories=["Cs"]), min_size=1, max_size=6))
        blocks[i] = blocks[i][:at] + "".join(piece) + blocks[i][at:]


def _long_run(draw, blocks):
    """A very long line, or a long run inside a line."""
    if blocks:
        i = _index(draw, blocks)
        at = draw(st.integers(0, len(blocks[i])))
        run = draw(st.sampled_from(RUNS + SPECIAL + CONTROLS)) * draw(st.integers(100, 20_000))
        blocks[i] = blocks[i][:at] + run + blocks[i][at:]


def _replace_line(draw, blocks):
    """Replace one line of a block with a line from either text."""
    if blocks:
        i = _index(draw, blocks)
        lines = blocks[i].split("\n")
        lines[draw(st.integers(0, len(lines) - 1))] = draw(st.sampled_from(LINES))
        blocks[i] = "\n".join(lines)


MUTATIONS: list[Callable] = [_delete, _duplicate, _move, _split, _merge, _markers, _insert, _long_run, _replace_line]
LINES = sorted({line for text in (ZH, EN) for line in text.split("\n")})


@st.composite
def mutated(draw, base: str) -> str:
    """`base` after one to five mutations of its blank-line-separated blocks."""
    blocks = base.split("\n\n")
    for _ in range(draw(st.integers(1, 5))):
        draw(st.sampled_from(MUTATIONS))(draw, blocks)
    return "\n\n".join(blocks)


# Random documents: lines of both texts and layout pieces, in any order.
line_soup = st.lists(st.sampled_from(LINES) | st.lists(st.sampled_from(SYNTAX + SPECIAL), max_size=8).map("".join),
                     max_size=80).map("\n".join)
# A document whose head and first paragraph are real and whose body is random lines.
HEADS = [text[: text.index("\n\n", text.index(opening) + len(opening) + 2)] + "\n\n" for text, opening in ((ZH, "大会，"), (EN, "The General Assembly,"))]
body_soup = st.tuples(st.sampled_from(HEADS), line_soup).map("".join)


def fuzz_settings(quick: int):
    """The quick profile's `quick` examples, or FUZZ_EXAMPLES in the long run."""
    return settings(
        max_examples=LONG or quick,
        derandomize=not LONG,
        database=None,
        deadline=None,  # the alarm in check() bounds each example instead
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
        print_blob=True,
    )


@fuzz_settings(quick=150)
@given(mutated(ZH))
def test_fuzz_mutated_chinese_source(text):
    _ran("test_fuzz_mutated_chinese_source")
    fuzz(text)


@fuzz_settings(quick=100)
@given(mutated(EN))
def test_fuzz_mutated_english_sample(text):
    _ran("test_fuzz_mutated_english_sample")
    fuzz(text)


@fuzz_settings(quick=60)
@given(st.text(max_size=2000))
def test_fuzz_random_text(text):
    _ran("test_fuzz_random_text")
    fuzz(text)


@fuzz_settings(quick=80)
@given(line_soup)
def test_fuzz_random_lines(text):
    _ran("test_fuzz_random_lines")
    fuzz(text)


@fuzz_settings(quick=80)
@given(body_soup)
def test_fuzz_random_body(text):
    _ran("test_fuzz_random_body")
    fuzz(text)


@fuzz_settings(quick=40)
@given(st.binary(max_size=400) | mutated(ZH).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzz_bytes_through_decode(data):
    _ran("test_fuzz_bytes_through_decode")
    try:
        text = decode(data, NAME)
    except SourceError as err:
        assert err.name == NAME and err.message.isprintable()
        return
    assert "\r" not in text
    fuzz(text)


FUZZ_TESTS = [
    test_fuzz_mutated_chinese_source,
    test_fuzz_mutated_english_sample,
    test_fuzz_random_text,
    test_fuzz_random_lines,
    test_fuzz_random_body,
    test_fuzz_bytes_through_decode,
]


def test_unmutated_inputs_parse():
    assert isinstance(check(ZH), Resolution)
    assert isinstance(check(EN), Resolution)


def test_a_large_document_parses_in_memory_proportional_to_it():
    last = next(line for line in ZH.split("\n") if line.startswith("28. "))
    extra = "\n\n".join(f"{n}." + last[3:] for n in range(29, 2029))
    text = ZH.rstrip("\n") + "\n\n" + extra + "\n"
    res = check(text)  # within BYTES_PER_CHAR bytes per character
    assert isinstance(res, Resolution)
    assert (len(res.preambular), len(res.operative)) == (43, 2028)
    assert res.paragraph("op-2028").text == res.paragraph("op-28").text


# -- decoded input: what decode() makes of odd files ------------------------------------------


def _decoded(data: bytes) -> Resolution | SourceError:
    try:
        text = decode(data, NAME)
    except SourceError as err:
        return err
    return check(text)


def _with_nul_on_line(number: int) -> bytes:
    lines = ZH.split("\n")
    lines[number - 1] += "\x00"
    return "\n".join(lines).encode("utf-8")


REFUSED_FILES = {
    "BOM only": (b"\xef\xbb\xbf", "fuzz.txt: the file is empty"),
    "BOM and blank lines": (b"\xef\xbb\xbf\r\n \r\n\t\n", "fuzz.txt: the file is empty"),
    "whitespace only": (" \t\n\u3000\n\u00a0\r\n".encode("utf-8"), "fuzz.txt: the file is empty"),
    "NUL only": (b"\x00", "fuzz.txt:1: the file contains NUL bytes: it is not a text file"),
    "NUL in the text": (_with_nul_on_line(30), "fuzz.txt:30: the file contains NUL bytes: it is not a text file"),
    "zero-width space only": ("\u200b\n".encode("utf-8"),
                              "fuzz.txt:1: no opening line ('The General Assembly,' or '大会，') found: is this a General Assembly resolution?"),
    "form feed inside a paragraph": (ZH.replace("国际社会面临", "国际社会\x0c面临").encode("utf-8"),
                                     "fuzz.txt:28: the text contains U+000C, a control character: remove it"),
}


@pytest.mark.parametrize("case", sorted(REFUSED_FILES))
def test_odd_file_is_refused(case):
    data, message = REFUSED_FILES[case]
    res = _decoded(data)
    assert isinstance(res, SourceError)
    assert str(res) == message


def _mixed_line_ends(text: str) -> str:
    return "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(text.split("\n")[:-1]))


SAME_MODEL = {
    "CR-only line ends": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "mixed CRLF and LF": lambda t: _mixed_line_ends(t).encode("utf-8"),
    "BOM and CR-only": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r").encode("utf-8"),
    "BOM and CRLF": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    "form feeds at page breaks": lambda t: t.replace("\n\n", "\n\x0c\n", 3).replace("\n", "\x0c\n", 1).encode("utf-8"),
}


@pytest.mark.parametrize("case", sorted(SAME_MODEL))
@pytest.mark.parametrize("base", ["zh", "en"])
def test_line_ends_and_bom_give_the_same_model(case, base):
    text = {"zh": ZH, "en": EN}[base]
    data = SAME_MODEL[case](text)
    assert data != text.encode("utf-8")
    res = _decoded(data)
    assert isinstance(res, Resolution), str(res)
    assert resolution_dict(res) == resolution_dict(parse_text(text, NAME, LEXICON, METADATA, KNOWN))


# -- kept failing examples --------------------------------------------------------------------

REGRESSIONS_DIR = Path(__file__).parent / "fuzz_regressions"


def _notes(res: Resolution, pid: str) -> list[tuple[int, int]]:
    return [(n.offset, n.number) for n in res.paragraph(pid).body.notes]


# file -> the SourceError message, or (what to look at, what it must be)
REGRESSIONS: dict[str, str | tuple[Callable[[Resolution], object], object]] = {
    # a line of 100,000 "[" took quadratic time in the Markdown link pattern
    "bracket-run.en.txt": (lambda r: (r.paragraph("pp-3").lead, r.paragraph("pp-3").text.count("[")), ("Noting with concern", 100_000)),
    # control characters reached the model (no HTML page or XML file can carry them)
    "control-character.zh.txt": "fuzz.txt:26: the text contains U+001B, a control character: remove it",
    # strptime's ValueError escaped as a traceback
    "impossible-date.en.txt": "fuzz.txt:7: '31 February 2023' is not a valid date",
    # a marker inside an emphasised lead was dropped, and its footnote lost its reference
    "lead-marker-in-emphasis.en.txt": (lambda r: (r.paragraph("pp-1").lead, _notes(r, "pp-1")), ("Recalling", [(9, 1)])),
    # a marker inside a plain lead shifted the text: 又²回顾《 became 又回顾顾《
    "lead-marker-inside.zh.txt": (lambda r: (r.paragraph("pp-2").lead, r.paragraph("pp-2").text, _notes(r, "pp-2")),
                                  ("又回顾", "又回顾《联合国打击跨国有组织犯罪公约》，", [(1, 2)])),
    # 5,000 superscript digits: int() refused more than 4,300 digits with a ValueError
    "long-footnote-marker.zh.txt": "fuzz.txt:22: footnote marker ¹¹¹¹¹¹… has more than 6 digits",
    # the same for a treaty volume of 5,000 digits (cite.py)
    "long-treaty-volume.zh.txt": (lambda r: ([x.id for x in r.references], r.footnote(2).body.citations), (["ga-res-61-180", "ga-res-70-1"], [])),
    # 3,000 citations in one paragraph: finding each one's organ rescanned the paragraph (quadratic)
    "many-citations.zh.txt": (lambda r: (len(r.paragraph("pp-1").body.citations), [x.id for x in r.references]),
                              (3001, ["ga-res-1-1", "ga-res-61-180", "ga-res-70-1", "unts-2225-39574"])),
    # "life, ¹" at the end of a line: the marker's offset lay past the end of the text
    "marker-after-space-at-line-end.en.txt": (lambda r: (r.paragraph("pp-1").text[-18:], len(r.paragraph("pp-1").text), _notes(r, "pp-1")),
                                              ("literacy for life,", 105, [(105, 1)])),
    # a marker inside link text stayed in a footnote's text as a superscript digit
    "marker-inside-link-in-footnote.zh.txt": "fuzz.txt:30: footnote ¹ contains a footnote marker",
    # ... and in a paragraph's, where it was no footnote reference
    "marker-inside-link.zh.txt": (lambda r: (r.paragraph("pp-1").text, _notes(r, "pp-1")), ("回顾大会第 61/180 号决议，", [(12, 1)])),
    # 100,000 spaces then no colon: the lazy sponsor-line pattern backtracked quadratically
    "sponsor-line-spaces.zh.txt": (lambda r: [s.name for s in r.sponsors], ["中国和俄罗斯联邦" + " " * 100_000 + "x"]),
    # 30,000 和 in the sponsor line: every way of splitting it was built at once (quadratic memory)
    "sponsor-separator-run.zh.txt": (lambda r: [s.name for s in r.sponsors], ["中国" + "和" * 30_000 + "俄罗斯联邦"]),
    # two sponsors and no 、: 中国和俄罗斯联邦 was read as one sponsor
    "two-sponsors.zh.txt": (lambda r: [s.name for s in r.sponsors], ["中国", "俄罗斯联邦"]),
}


def test_every_kept_example_has_an_expectation():
    assert sorted(p.name for p in REGRESSIONS_DIR.iterdir()) == sorted(REGRESSIONS)


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_kept_failing_example(name):
    text = (REGRESSIONS_DIR / name).read_bytes().decode("utf-8")
    res = check(text)
    expected = REGRESSIONS[name]
    if isinstance(expected, str):
        assert isinstance(res, SourceError), f"parsed, expected: {expected}"
        assert str(res) == expected
    else:
        assert isinstance(res, Resolution), str(res)
        look, want = expected
        assert look(res) == want


# -- patterns: none may backtrack catastrophically ------------------------------------------------


def _patterns() -> list[tuple[str, re.Pattern]]:
    """Every pattern the parser runs over a whole line or passage: its own and the language files'."""
    from generator.read import cite, text as parse

    found = [(f"parse.{n}", getattr(parse, n)) for n in ("_INLINE", "_FOOTNOTE_DEF", "_ITEM", "_OPERATIVE", "_EMPHASIS_LEAD", "_DATE")]
    found.append(("cite._SYMBOL", cite._SYMBOL))
    for code, lang in sorted(LEXICON.languages.items()):
        found += [(f"{code}.header.{k}", p) for k, p in sorted(lang.header.items())]
        found += [(f"{code}.citations.{k}", p) for k, p in sorted(lang.citations.items())]
        found.append((f"{code}.sponsors", parse.sponsor_pattern(lang)))
    return found


# Long runs of the characters the patterns look for, each ending in something no pattern wants.
_RUN = 100_000
ADVERSARIAL = [c * _RUN + "\x07" for c in " \t1a/.-*_[](¹第，《：和、"] + [
    p * (_RUN // len(p)) + "\x07" for p in ("1/", "a ", "[a](", "**a", "*a ", "A/", "第 1 卷，", "《条约汇编》，", "具体目标 ", "大会第")
]


@pytest.mark.parametrize("name, pattern", _patterns(), ids=[n for n, _ in _patterns()])
def test_pattern_runs_in_linear_time_on_adversarial_lines(name, pattern):
    with time_limit(HANG_SECONDS):
        for text in ADVERSARIAL:
            for _ in pattern.finditer(text):
                pass
