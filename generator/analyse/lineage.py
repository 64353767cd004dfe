"""The lineage of paragraphs across a series: what each paragraph continues.

Each resolution of a series is negotiated by amending the one before, so
most paragraphs continue one of the earlier text, renumbered, moved, split,
merged or updated.  For each pair of consecutive resolutions (in the one
language every resolution of the series is read in), the method is:

1. Texts are compared as words, in lower case, with the small words that
   carry no subject (the, of, and ...) left out for the similarity.  Two
   kinds of evidence are measured for each pair of paragraphs: their
   similarity (the Indel, i.e. longest-common-subsequence, similarity of
   their word sequences, 0 to 1), and the runs of five words they share that
   stand in no other paragraph of either text (reused wording, as opposed
   to the names and formulas every paragraph repeats).
2. Paragraphs are aligned in order (a dynamic programme over both
   sequences, as text-reuse studies align documents): a pair may be matched
   when its score (the similarity, raised by the shared runs and by a shared
   opening) reaches a threshold, and the alignment that matches the most
   score in order wins.  A paragraph that merely shares a formula with an
   earlier one ("Recalling its resolution ...") scores low and stays new.
3. A paragraph left over is matched out of order to a paragraph left over
   from the earlier text when the evidence is strong (a moved paragraph),
   or takes as its predecessor a paragraph already matched when most of its
   wording comes from it (a split).  A paragraph that takes wording from a
   second earlier paragraph beyond what its predecessor gives it (a clause,
   not a recurring phrase, and not one the second paragraph's own successor
   still holds) records it in `also_from` (a merge); the predecessor is then
   the one whose wording the paragraph opens with.
4. A paragraph whose text equals its predecessor's, once spacing,
   hyphenation and footnote numbers are set aside, is unchanged; any other
   difference makes it changed; without a predecessor it is new.  Earlier
   paragraphs that nothing continues are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Indel, LCSseq

from ..model.collection import Collection, Work
from ..model.document import Paragraph, Resolution
from ..model.lineage import Lineage, Link, Step

# Words that carry no subject: left out of the similarity, kept in the shared runs.
STOPWORDS = frozenset("""
a an the of to in on at by for from with into within between among and or nor as that this these those it its
their his her is are be been was were which who whom whose such also further other all any each including
""".split())
_WORD = re.compile(r"\d+(?:[/.]\d+)+|[^\W_]+")
RUN = 5  # words in a shared run
OPENING = 8  # words in a paragraph's opening

# The score a pair needs to be matched in order, and out of order; the weight
# of shared runs and of a shared opening in the score.
MATCH = 0.3
MOVE = 0.55
RUN_WEIGHT = 0.02
RUN_CAP = 10
OPENING_WEIGHT = 0.15
# A split: a leftover paragraph beside the one that continues an earlier paragraph,
# with this share of its words in that paragraph, in order, and this margin over any other.
SPLIT_CONTAINED = 0.45
SPLIT_MARGIN = 0.15
# A merge: runs a paragraph shares with a second earlier one and not with its predecessor,
# at least this many and this share of that paragraph's runs (a clause, not a recurring phrase).
MERGE_RUNS = 8
MERGE_SHARE = 0.14


def words(text: str) -> list[str]:
    """A text's words in lower case; a hyphenated word is two (evidence-based: evidence, based)."""
    return _WORD.findall(text.lower())


def normalised(text: str) -> str:
    """A text compared for being unchanged: no spacing, no hyphens (line-end hyphenation aside)."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def paragraph_text(p: Paragraph) -> str:
    """A paragraph's whole wording, its items included (footnote numbers are not part of the text)."""
    return " ".join([p.text, *(s.text for s in p.subparagraphs)])


@dataclass
class _Para:
    id: str
    text: str

    @cached_property
    def words(self) -> list[str]:
        return words(self.text)

    @cached_property
    def content(self) -> list[str]:
        return [w for w in self.words if w not in STOPWORDS]

    @cached_property
    def runs(self) -> set[tuple[str, ...]]:
        w = self.words
        return {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}

    @cached_property
    def key(self) -> str:
        return normalised(self.text)


class _Pair:
    """The evidence between the earlier and the later text's paragraphs."""

    def __init__(self, old: list[_Para], new: list[_Para]):
        self.old, self.new = old, new
        frequency = Counter(run for p in old + new for run in p.runs)
        self.rare = {run for run, n in frequency.items() if n <= 2}
        self.sim = [[Indel.normalized_similarity(c.content, p.content) for p in old] for c in new]

    def shared(self, c: _Para, p: _Para) -> set[tuple[str, ...]]:
        return c.runs & p.runs & self.rare

    def score(self, i: int, j: int) -> float:
        c, p = self.new[i], self.old[j]
        if c.key == p.key:
            return 2.0
        opening = Indel.normalized_similarity(c.words[:OPENING], p.words[:OPENING])
        runs = min(len(self.shared(c, p)), RUN_CAP)
        return self.sim[i][j] + RUN_WEIGHT * runs + OPENING_WEIGHT * opening


def align(old: list[_Para], new: list[_Para]) -> tuple[dict[int, int], _Pair]:
    """Match later paragraphs (by index) to earlier ones: in order, then moves."""
    pair = _Pair(old, new)
    n, m = len(new), len(old)
    scores = [[pair.score(i, j) for j in range(m)] for i in range(n)]
    # best[i][j]: the most score matchable among new[:i] and old[:j], in order
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, above = best[i], best[i - 1]
        for j in range(1, m + 1):
            s = scores[i - 1][j - 1]
            take = above[j - 1] + (s - MATCH) if s >= MATCH else -1.0
            row[j] = max(above[j], row[j - 1], take)
    matched: dict[int, int] = {}
    i, j = n, m
    while i and j:
        s = scores[i - 1][j - 1]
        if s >= MATCH and best[i][j] == best[i - 1][j - 1] + (s - MATCH):
            matched[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    taken = set(matched.values())
    moves = sorted(((scores[i][j], i, j) for i in range(n) if i not in matched for j in range(m)
                    if j not in taken and scores[i][j] >= MOVE), reverse=True)
    for _, i, j in moves:
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched, pair


def step(old_res: Resolution, new_res: Resolution, work: str, previous: str) -> Step:
    """The lineage from `old_res` to `new_res` (two resolutions in one language)."""
    old = [_Para(p.id, paragraph_text(p)) for p in old_res.paragraphs]
    new = [_Para(p.id, paragraph_text(p)) for p in new_res.paragraphs]
    matched, pair = align(old, new)
    successor = {j: new[i] for i, j in matched.items()}
    for i in range(len(new)):
        if i not in matched and (j := _split_source(pair, i, matched)) is not None:
            matched[i] = j
    links: list[Link] = []
    for i, c in enumerate(new):
        j = matched.get(i)
        if j is None:
            links.append(Link(c.id, None, "new", 0.0))
            continue
        sources = [j] + [k for k, q in enumerate(old) if k != j and _merged(pair, c, old[j], q, successor.get(k))]
        first = min(sources, key=lambda k: (_first_run(pair, c, old[k]), sources.index(k)))
        p = old[first]
        status = "unchanged" if c.key == p.key else "changed"
        also = tuple(old[k].id for k in sorted(sources) if k != first)
        links.append(Link(c.id, p.id, status, round(pair.sim[i][first], 3), also))
    continued = {k.predecessor for k in links} | {q for k in links for q in k.also_from}
    dropped = [p.id for p in old if p.id not in continued]
    return Step(work, previous, new_res.document.language, links, dropped)


def _merged(pair: _Pair, c: _Para, p: _Para, q: _Para, q_successor: _Para | None) -> bool:
    """Whether `c` takes wording from `q` beyond what its predecessor `p` gives it, wording that
    `q`'s own successor (if another paragraph continues `q`) no longer holds: moved, not repeated."""
    moved = pair.shared(c, q) - p.runs
    if q_successor is not None and q_successor is not c:
        moved -= q_successor.runs
    return len(moved) >= MERGE_RUNS and len(moved) >= MERGE_SHARE * len(q.runs)


def _first_run(pair: _Pair, c: _Para, p: _Para) -> int:
    """Where in `c` the first run it shares with `p` begins (the length of `c` if none)."""
    shared = pair.shared(c, p)
    return next((i for i in range(len(c.words) - RUN + 1) if tuple(c.words[i:i + RUN]) in shared), len(c.words))


def _split_source(pair: _Pair, i: int, matched: dict[int, int]) -> int | None:
    """The earlier paragraph that a leftover paragraph was split from: the one that its neighbour
    continues, when most of its words stand in it, in order, and far fewer in any other."""
    c = pair.new[i]
    if not c.content:
        return None
    contained = sorted(((LCSseq.similarity(c.content, p.content) / len(c.content), j) for j, p in enumerate(pair.old)),
                       reverse=True)
    (best, j), runner_up = contained[0], (contained[1][0] if len(contained) > 1 else 0.0)
    neighbours = {matched.get(i - 1), matched.get(i + 1)}
    if j in neighbours and best >= SPLIT_CONTAINED and best - runner_up >= SPLIT_MARGIN:
        return j
    return None


def lineage_language(works: list[Work]) -> str | None:
    """The language every work of a series is read in (English first), or None."""
    common = set(works[0].languages)
    for w in works[1:]:
        common &= set(w.languages)
    if not common:
        return None
    return "en" if "en" in common else sorted(common)[0]


def compute_lineage(collection: Collection) -> Lineage:
    """Every step of every series in the collection."""
    lineage = Lineage()
    for series in collection.series:
        if len(series.works) < 2:
            continue
        lang = lineage_language(series.works)
        if lang is None:
            continue
        for previous, work in zip(series.works, series.works[1:]):
            old, new = previous.version(lang), work.version(lang)
            assert old is not None and new is not None
            lineage.steps[work.symbol] = step(old, new, work.symbol, previous.symbol)
    return lineage
