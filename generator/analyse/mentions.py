"""Actors: the curated gazetteer (content/actors.yml), their mentions and roles.

A mention is found wherever one of an actor's forms stands in a passage;
scanning left to right, the longest form wins at each position, so
联合国毒品和犯罪问题办公室 is one actor and 大会主席 is not 大会.  Text inside
quotation marks and title brackets is a title, not a mention, unless the form
itself is written with the brackets (《…巴厘进程》).  Back-forms (该办公室) resolve to the one
actor named earlier in the same paragraph whose name ends with their noun.

In an operative paragraph the verb that opens it, and every verb that opens
a later clause, gives a role to its object: the first actor after the verb
(not one after a preposition, nor one inside a relative clause that ends in
的 before another actor: 邀请担任协调小组协调人的毒品和犯罪问题办公室), and the actors
joined to it by connectors (、, 和, 以及 ...).  Every other actor
is a plain "mention".  All the words these rules use are in the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..knowledge.actors import MENTION, Form, Gazetteer, Rules, noun_fits
from ..knowledge.lexicon import load_lexicon
from ..model.document import Actor, Mention, Passage, Resolution

# -- finding ----------------------------------------------------------------------------


@dataclass
class Hit:
    """A form found in a passage; `targets` are actor ids (after back-references resolve)."""

    start: int
    end: int
    form: Form
    targets: tuple[str, ...]


def mask_quotes(text: str, pairs: tuple[str, ...]) -> str:
    """`text` with quoted and titled material (brackets included) blanked, offsets kept."""
    out = list(text)
    for pair in pairs:
        opening, closing = pair[0], pair[1]
        depth, start = 0, 0
        for i, ch in enumerate(text):
            if ch == opening and (depth == 0 or opening != closing):
                if depth == 0:
                    start = i
                depth += 1
            elif ch == closing and depth:
                depth -= 1
                if depth == 0:
                    out[start:i + 1] = " " * (i + 1 - start)
    return "".join(out)


class Finder:
    """Scans passages of one language for actor forms."""

    def __init__(self, gazetteer: Gazetteer, lang: str, quotes: tuple[str, ...]):
        self.gazetteer = gazetteer
        self.rules = gazetteer.rules.get(lang)
        self.quotes = quotes
        self.quote_chars = {ch for q in quotes for ch in q}
        index: dict[str, list[Form]] = {}
        for form in gazetteer.forms(lang):
            index.setdefault(form.text[0], []).append(form)
        self.index = {k: sorted(v, key=lambda f: len(f.text), reverse=True) for k, v in index.items()}

    def _bounded(self, text: str, start: int, end: int) -> bool:
        if not self.rules or not self.rules.word_boundaries:
            return True
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return not (before.isalnum() or after.isalnum())

    def scan(self, text: str, masked: str) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        while i < len(text):
            found = None
            for ch in dict.fromkeys((text[i], masked[i])):
                for form in self.index.get(ch, ()):
                    source = text if self.quote_chars & set(form.text) else masked
                    end = i + len(form.text)
                    if source.startswith(form.text, i) and self._bounded(text, i, end):
                        if found is None or len(form.text) > len(found.text):
                            found = form
                        break
            if found is None:
                i += 1
                continue
            hits.append(Hit(i, i + len(found.text), found, found.targets))
            i += len(found.text)
        return hits


def resolve_back(hits: list[Hit], earlier: list[str], gazetteer: Gazetteer, lang: str) -> list[str]:
    """Give each back-form the single earlier actor its noun fits; return the unresolved forms."""
    unresolved = []
    named = list(earlier)
    for hit in hits:
        if hit.form.suffix is None:
            named.extend(t for t in hit.targets if t not in named)
            continue
        rules = gazetteer.rules[lang]
        fits = [a for a in named if any(noun_fits(n, hit.form.suffix, rules) for n in gazetteer.names(gazetteer.actor(a), lang))]
        if len(fits) == 1:
            hit.targets = (fits[0],)
        else:
            unresolved.append(hit.form.text)
    return unresolved


# -- roles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """A clause of an operative paragraph: its verb's span and the role it gives."""

    verb_start: int
    verb_end: int
    role: str | None


def clauses(masked: str, rules: Rules, directive: frozenset[str]) -> list[Clause]:
    """The clauses that open with an operative verb, at the start or after a clause mark.

    After a directive verb (请, 鼓励 ...), a verb that follows a bare clause mark
    continues the object's task; it opens a new clause only after a prefix (并, 此外 ...).
    """
    found: list[Clause] = []
    starts = [0] + [i + 1 for i, ch in enumerate(masked) if ch in rules.clause_marks]
    for start in starts:
        pos = start
        while pos < len(masked) and masked[pos].isspace():
            pos += 1
        m = rules.clause.match(masked, pos)
        if m is None:
            if start == 0:
                found.append(Clause(0, 0, None))
            continue
        role = rules.verbs[m.group("verb").casefold()]
        if start and not m.group("prefix") and found and found[-1].role in directive:
            continue
        found.append(Clause(m.start("verb"), m.end("verb"), role))
    return found


def _starts_with_any(text: str, words: tuple[str, ...]) -> bool:
    return any(text.startswith(w) for w in words)


def _ends_with_preposition(gap: str, rules: Rules) -> bool:
    gap = gap.rstrip()
    for p in rules.prepositions:
        if gap.endswith(p):
            before = gap[: -len(p)]
            if not rules.word_boundaries or not before or not before[-1].isalnum():
                return True
    return False


def objects(masked: str, hits: list[Hit], clause: Clause, end: int, rules: Rules) -> set[int]:
    """Indexes into `hits` of the actors that are the object of the clause's verb."""
    units = [i for i, h in enumerate(hits) if h.targets and clause.verb_end <= h.start < end]
    heads: set[int] = set()
    prev = clause.verb_end
    marks = set(rules.clause_marks)
    for n, i in enumerate(units):
        hit = hits[i]
        gap = masked[prev:hit.start]
        if not heads:
            if marks & set(gap):
                break
            nxt = hits[units[n + 1]].start if n + 1 < len(units) else end
            after = masked[hit.end:nxt]
            modifier = (gap.strip() != "" and n + 1 < len(units) and not marks & set(after)
                        and not _starts_with_any(after.lstrip(), rules.connectors)
                        and not _starts_with_any(after, rules.connectors)
                        and any(m in after for m in rules.modifier_marks))
            if not _ends_with_preposition(gap, rules) and not modifier:
                heads.add(i)
        else:
            connector = next((c for c in rules.connectors if gap.startswith(c)), None)
            if connector is None or marks & set(gap[len(connector):]):
                break
            heads.add(i)
        prev = hit.end
    return heads


def roles_for(masked: str, hits: list[Hit], rules: Rules, directive: frozenset[str]) -> dict[int, str]:
    """The role of each hit (by index) that some clause's verb gives a role."""
    found = clauses(masked, rules, directive)
    out: dict[int, str] = {}
    for n, clause in enumerate(found):
        if clause.role is None:
            continue
        end = found[n + 1].verb_start if n + 1 < len(found) else len(masked)
        for i in objects(masked, hits, clause, end, rules):
            out[i] = clause.role
    return out


# -- context ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """The stretch of a passage shown around a mention; `cut_*` when it was shortened."""

    start: int
    end: int
    cut_start: bool
    cut_end: bool


def context(text: str, start: int, end: int, rules: Rules | None, window: int = 60) -> Context:
    """The sentence around text[start:end], cut to whole clauses within `window` characters each side."""
    sentence_marks = rules.sentence_marks if rules else "。；;."
    clause_marks = rules.clause_marks if rules else "，；。：,;:."
    lo = max((text.rfind(m, 0, start) for m in sentence_marks), default=-1) + 1
    hits = [i for i in (text.find(m, end) for m in sentence_marks) if i >= 0]
    hi = min(hits) + 1 if hits else len(text)
    a, b = max(lo, start - window), min(hi, end + window)
    if a > lo:
        marks = [text.rfind(m, a, start) for m in clause_marks]
        best = max(marks, default=-1)
        a = best + 1 if best >= 0 else a
    if b < hi:
        marks = [i for i in (text.find(m, end, b) for m in clause_marks) if i >= 0]
        b = min(marks) + 1 if marks else b
    while a < start and text[a].isspace():
        a += 1
    return Context(a, b, a > lo, b < hi)


def excerpt(text: str, ctx: Context) -> str:
    return ("…" if ctx.cut_start else "") + text[ctx.start:ctx.end].strip() + ("…" if ctx.cut_end else "")


# -- the whole resolution ---------------------------------------------------------------


def _passages(res: Resolution) -> list[tuple[str, str, Passage, bool]]:
    """(id, scope, passage, operative main text) in reading order, each passage followed by its footnotes."""
    notes: dict[str, list] = {}
    for note in res.footnotes:
        notes.setdefault(note.paragraph, []).append(note)
    out = []
    for p in res.paragraphs:
        for pid, passage in p.passages:
            out.append((pid, p.id, passage, p.kind == "operative" and pid == p.id))
            for note in sorted(notes.get(pid, []), key=lambda f: f.number):
                out.append((note.id, note.id, note.body, False))
    return out


def find_mentions(res: Resolution, gazetteer: Gazetteer) -> tuple[list[Actor], list[Mention], list[str]]:
    """Every mention of a known actor, with its role; the actors named; notes on unresolved back-forms."""
    lang = res.document.language
    rules = gazetteer.rules.get(lang)
    if rules is None:
        return [], [], []
    language = load_lexicon().languages.get(lang)
    finder = Finder(gazetteer, lang, language.quotes if language else ())
    mentions: list[Mention] = []
    notes: list[str] = []
    named_in: dict[str, list[str]] = {}
    for pid, scope, passage, operative in _passages(res):
        text = passage.text
        masked = mask_quotes(text, finder.quotes)
        hits = finder.scan(text, masked)
        earlier = named_in.setdefault(scope, [])
        for form in resolve_back(hits, earlier, gazetteer, lang):
            notes.append(f"{pid}: {form!r} left unresolved: the paragraph names no single actor it can stand for")
        for hit in hits:
            earlier.extend(t for t in hit.targets if t not in earlier)
        roles = roles_for(masked, hits, rules, gazetteer.directive_roles) if operative else {}
        for i, hit in enumerate(hits):
            if not hit.targets:
                continue
            ctx = context(text, hit.start, hit.end, rules)
            for actor_id in hit.targets:
                mentions.append(Mention(actor_id, pid, roles.get(i, MENTION), hit.start, hit.end, excerpt(text, ctx)))
    used = {m.actor for m in mentions}
    actors = [replace(a, aliases=list(a.aliases)) for a in gazetteer.actors if a.id in used]
    return actors, mentions, notes
