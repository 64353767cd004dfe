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

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from slugify import slugify

from .lexicon import CONTENT, check_keys, line_of, load_lexicon, load_yaml
from ..model.document import Actor, Mention, Passage, Resolution
from ..source import SourceError

MENTION = "mention"
_CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANG_KEYS: dict[str, Any] = {
    "verbs": dict, "clause_prefixes": list, "clause_marks": list, "sentence_marks": list,
    "connectors": list, "prepositions": list, "modifier_marks": list, "word_boundaries": bool,
    "back_references": dict, "compounds": dict, "ignore": list,
}
_ACTOR_REQUIRED = {"id": str, "name": str, "name_en": str, "type": str}
_ACTOR_OPTIONAL = {"aliases": list, "acronym": str, "acronym_en": str, "aliases_en": list, "slug": str}


@dataclass(frozen=True)
class Rules:
    """How mentions and roles are read in one language."""

    code: str
    verbs: dict[str, str]
    clause: re.Pattern
    clause_marks: str
    sentence_marks: str
    connectors: tuple[str, ...]
    prepositions: tuple[str, ...]
    modifier_marks: tuple[str, ...]
    word_boundaries: bool
    back_references: dict[str, str]
    compounds: dict[str, tuple[str, ...]]
    ignore: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    """A string that names actors (`targets`), refers back to one (`suffix`), or names none."""

    text: str
    targets: tuple[str, ...] = ()
    suffix: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    path: str
    actors: tuple[Actor, ...]
    aliases_en: dict[str, tuple[str, ...]]
    types: tuple[str, ...]
    directive_roles: frozenset[str]
    rules: dict[str, Rules]

    def actor(self, actor_id: str) -> Actor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role a mention can have, "mention" first, then as the verbs list them."""
        out = [MENTION]
        for r in self.rules.values():
            out.extend(v for v in r.verbs.values() if v not in out)
        return tuple(out)

    def names(self, actor: Actor, lang: str) -> tuple[str, ...]:
        """The forms of an actor in a language: name, acronym, aliases, and 名称(简称)."""
        if lang == "en":
            base, acronym, aliases = actor.name_en, actor.acronym_en, self.aliases_en.get(actor.id, ())
            bracketed = (f"{base} ({acronym})",) if acronym else ()
        else:
            base, acronym, aliases = actor.name, actor.acronym, tuple(actor.aliases)
            bracketed = (f"{base}({acronym})", f"{base}（{acronym}）") if acronym else ()
        forms = (base, *bracketed, *((acronym,) if acronym else ()), *aliases)
        return tuple(dict.fromkeys(forms))

    def forms(self, lang: str) -> list[Form]:
        rules = self.rules.get(lang)
        if rules is None:
            return []
        out = [Form(text, (a.id,)) for a in self.actors for text in self.names(a, lang)]
        out += [Form(text, ids) for text, ids in rules.compounds.items()]
        out += [Form(text, (), suffix) for text, suffix in rules.back_references.items()]
        out += [Form(text) for text in rules.ignore]
        return out


# -- loading ----------------------------------------------------------------------------


def _strings(value: Any, name: str, where: int | None, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise SourceError(name, where, f"{what} must be a list of non-empty strings")
    return tuple(value)


def _load_rules(code: str, data: Any, name: str, actor_ids: set[str]) -> Rules:
    check_keys(data, name, _LANG_KEYS)
    for key in ("clause_prefixes", "clause_marks", "sentence_marks", "connectors", "prepositions", "modifier_marks", "ignore"):
        if data[key]:
            _strings(data[key], name, line_of(data, key), f"{code}.{key}")
    verbs: dict[str, str] = {}
    for verb, role in data["verbs"].items():
        if not isinstance(role, str) or not _CODE.match(role) or role == MENTION:
            raise SourceError(name, line_of(data["verbs"], verb), f"{code}.verbs: {verb!r} must map to a role code such as 'requested'")
        verbs[str(verb).casefold()] = role
    compounds: dict[str, tuple[str, ...]] = {}
    for form, ids in data["compounds"].items():
        where = line_of(data["compounds"], form)
        ids = _strings(ids, name, where, f"{code}.compounds[{form!r}]")
        for actor_id in ids:
            if actor_id not in actor_ids:
                raise SourceError(name, where, f"compound form {form!r} points to actor {actor_id!r}, which is not defined")
        compounds[str(form)] = ids
    back = {}
    for form, suffix in data["back_references"].items():
        if not isinstance(suffix, str) or not suffix:
            raise SourceError(name, line_of(data["back_references"], form), f"back-reference {form!r} must map to the noun it stands for")
        back[str(form)] = suffix
    prefixes = sorted(data["clause_prefixes"], key=len, reverse=True)
    words = sorted(verbs, key=len, reverse=True)
    gap = r"\s*" if data["word_boundaries"] else ""
    prefix_re = "|".join(re.escape(p) for p in prefixes) or "(?!)"
    end = r"(?!\w)" if data["word_boundaries"] else ""
    clause = re.compile(rf"(?P<prefix>(?:(?:{prefix_re}){gap})*)(?P<verb>{'|'.join(re.escape(w) for w in words) or '(?!)'}){end}", re.IGNORECASE)
    return Rules(
        code=code,
        verbs=verbs,
        clause=clause,
        clause_marks="".join(data["clause_marks"]),
        sentence_marks="".join(data["sentence_marks"]),
        connectors=tuple(sorted(data["connectors"], key=len, reverse=True)),
        prepositions=tuple(data["prepositions"]),
        modifier_marks=tuple(data["modifier_marks"]),
        word_boundaries=data["word_boundaries"],
        back_references=back,
        compounds=compounds,
        ignore=tuple(data["ignore"]),
    )


def _load_actor(item: Any, name: str, types: tuple[str, ...]) -> tuple[Actor, tuple[str, ...]]:
    check_keys(item, name, _ACTOR_REQUIRED, _ACTOR_OPTIONAL)
    where = line_of(item)
    actor_id = item["id"]
    if not _CODE.match(actor_id):
        raise SourceError(name, line_of(item, "id"), f"actor id {actor_id!r}: use lower-case letters, digits and hyphens")
    if item["type"] not in types:
        raise SourceError(name, line_of(item, "type"), f"actor {actor_id!r}: unknown type {item['type']!r} (known: {', '.join(types)})")
    for key in ("name", "name_en", "acronym", "acronym_en"):
        if key in item and not item[key].strip():
            raise SourceError(name, line_of(item, key), f"actor {actor_id!r}: {key} is empty")
    aliases = _strings(item.get("aliases", []), name, line_of(item, "aliases"), f"{actor_id}.aliases") if item.get("aliases") else ()
    aliases_en = _strings(item.get("aliases_en", []), name, line_of(item, "aliases_en"), f"{actor_id}.aliases_en") if item.get("aliases_en") else ()
    full = slugify(item["name_en"])
    slug = item.get("slug") or full
    if not _CODE.match(slug):
        raise SourceError(name, line_of(item, "slug") or where, f"actor {actor_id!r}: slug {slug!r} must be lower-case letters, digits and hyphens")
    if slug != full and not full.startswith(slug + "-"):
        raise SourceError(name, line_of(item, "slug"), f"actor {actor_id!r}: slug {slug!r} must be the slug of name_en ({full!r}) or its first words")
    actor = Actor(
        id=actor_id, slug=slug, name=item["name"], name_en=item["name_en"], type=item["type"],
        aliases=list(aliases), acronym=item.get("acronym"), acronym_en=item.get("acronym_en"),
    )
    return actor, aliases_en


@lru_cache(maxsize=4)
def load_actors(path: Path = CONTENT / "actors.yml") -> Gazetteer:
    """Load and validate the gazetteer: every id, type, form and pointer is checked."""
    name = str(path)
    data = load_yaml(path)
    check_keys(data, name, {"types": list, "directive_roles": list, "languages": dict, "actors": list})
    types = _strings(data["types"], name, line_of(data, "types"), "types")
    actors: list[Actor] = []
    aliases_en: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int | None] = {}
    slugs: dict[str, str] = {}
    for item in data["actors"]:
        actor, en = _load_actor(item, name, types)
        if actor.id in lines:
            raise SourceError(name, line_of(item, "id"), f"duplicate actor id {actor.id!r} (first at line {lines[actor.id]})")
        if actor.slug in slugs:
            raise SourceError(name, line_of(item), f"actors {slugs[actor.slug]!r} and {actor.id!r} have the same slug {actor.slug!r}: set `slug` on one")
        lines[actor.id], slugs[actor.slug] = line_of(item), actor.id
        actors.append(actor)
        aliases_en[actor.id] = en
    directive = set(_strings(data["directive_roles"], name, line_of(data, "directive_roles"), "directive_roles"))
    rules = {code: _load_rules(code, block, name, set(lines)) for code, block in data["languages"].items()}
    gazetteer = Gazetteer(name, tuple(actors), aliases_en, types, frozenset(directive), rules)
    unknown = directive - set(gazetteer.roles)
    if unknown:
        raise SourceError(name, line_of(data, "directive_roles"), f"directive role(s) {', '.join(sorted(unknown))} are given by no verb")
    for code in rules:
        _check_forms(gazetteer, code, data["languages"][code], lines)
    return gazetteer


def _check_forms(gazetteer: Gazetteer, lang: str, block: Any, lines: dict[str, int | None]) -> None:
    """No form may name two things; every back-reference must be able to resolve."""
    seen: dict[str, Form] = {}
    for form in gazetteer.forms(lang):
        other = seen.get(form.text)
        if other is not None and other != form:
            where = lines.get(form.targets[0]) if len(form.targets) == 1 else line_of(block)
            raise SourceError(gazetteer.path, where, f"{lang} form {form.text!r} names two different things ({_what(other)} and {_what(form)})")
        seen[form.text] = form
    rules = gazetteer.rules[lang]
    for text, suffix in rules.back_references.items():
        if not any(noun_fits(n, suffix, rules) for a in gazetteer.actors for n in gazetteer.names(a, lang)):
            raise SourceError(gazetteer.path, line_of(block["back_references"], text),
                              f"back-reference {text!r} resolves to no actor: no {lang} name ends with {suffix!r}")


def noun_fits(name: str, noun: str, rules: Rules) -> bool:
    """Can a back-form with this noun stand for an actor of this name? (ends with it; in English, holds the word)"""
    if rules.word_boundaries:
        return re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", name) is not None
    return name.endswith(noun)


def _what(form: Form) -> str:
    if form.suffix:
        return f"a back-reference to …{form.suffix}"
    return "actor " + "+".join(form.targets) if form.targets else "an ignored phrase"


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
