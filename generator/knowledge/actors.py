"""Actors: the curated gazetteer of the States, organs, offices, officials,
mechanisms and groups a resolution speaks of or to (content/actors.yml),
with their names and forms in each language and the rules by which their
mentions and roles are read (generator.analyse.mentions), validated on load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from slugify import slugify

from .lexicon import CONTENT, check_keys, line_of, load_yaml
from ..model.document import Actor
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
