"""Curated knowledge from `content/`: YAML loaded safely and validated on load."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..source import SourceError

CONTENT = Path(__file__).resolve().parents[2] / "content"


class _Loader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys and aliases, and remembers line numbers."""

    name: str

    def compose_node(self, parent: Any, index: Any) -> Any:
        # An alias shares one value in many places; written out (to JSON, say) it can
        # grow without bound ("billion laughs").  Curated files have no need of them.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise SourceError(self.name, event.start_mark.line + 1, f"alias *{event.anchor} is not allowed: write the value out")
        return super().compose_node(parent, index)


class _LineDict(dict):
    """A mapping from load_yaml: `line` is where it starts, `lines` where each key stands."""

    lines: dict
    line: int


class _LineList(list):
    """A sequence from load_yaml: `line` is where it starts, `lines` where each item stands."""

    lines: list
    line: int


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise SourceError(loader.name, line, f"a key must be a plain value, not {_kind(key)}") from None
        if key in seen:
            raise SourceError(loader.name, line, f"duplicate key {key!r} (first at line {seen[key]})")
        seen[key] = line
    mapping = _LineDict(loader.construct_pairs(node, deep=True))
    mapping.lines = seen
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode, deep: bool = False) -> list:
    sequence = _LineList(loader.construct_sequence(node, deep=True))
    sequence.lines = [item.start_mark.line + 1 for item in node.value]
    sequence.line = node.start_mark.line + 1
    return sequence


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path) -> Any:
    """Load a YAML file safely; syntax errors and duplicate keys name file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(str(path), None, f"cannot read the file: {err}") from None
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        raise SourceError(str(path), mark.line + 1 if mark else None, f"invalid YAML: {err.problem}") from None
    finally:
        loader.dispose()


def line_of(node: Any, key: Any = None) -> int | None:
    """The line of `key` in a mapping or of item `key` in a list loaded by load_yaml;
    without `key`, the line where the mapping or list starts."""
    lines = getattr(node, "lines", None)
    if key is not None and isinstance(lines, dict) and key in lines:
        return lines[key]
    if key is not None and isinstance(lines, list) and isinstance(key, int) and 0 <= key < len(lines):
        return lines[key]
    return getattr(node, "line", None)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def check_keys(mapping: Any, name: str, required: dict[str, type | tuple], optional: dict[str, type | tuple] | None = None,
               where: int | None = None) -> None:
    """Refuse unknown keys, missing keys and values of the wrong type.

    `where` is the line to name when `mapping` is not a mapping (and so has no line of its own).
    """
    optional = optional or {}
    if not isinstance(mapping, dict):
        raise SourceError(name, line_of(mapping) or where, f"expected a mapping, found {_kind(mapping)}")
    for key, value in mapping.items():
        if key not in required and key not in optional:
            raise SourceError(name, line_of(mapping, key), f"unknown key {key!r}")
        want = required.get(key, optional.get(key))
        kinds = want if isinstance(want, tuple) else (want,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):  # yes/no is no number
            names = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
            raise SourceError(name, line_of(mapping, key), f"{key!r} must be {names}, found {_kind(value)}")
    for key in required:
        if key not in mapping:
            raise SourceError(name, line_of(mapping) or where, f"missing key {key!r}")


def check_text(mapping: Any, key: str, name: str) -> None:
    """Refuse an empty string as the value of `key`."""
    if not mapping[key].strip():
        raise SourceError(name, line_of(mapping, key), f"{key!r} must not be empty")


def _check_str_list(value: Any, name: str, where: int | None, what: str, allow_empty: bool = False) -> None:
    if not isinstance(value, list):
        raise SourceError(name, where, f"{what} must be a list of non-empty strings, found {_kind(value)}")
    if not value and not allow_empty:
        raise SourceError(name, where, f"{what} must list at least one string")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item:
            found = "an empty string" if item == "" else _kind(item)
            raise SourceError(name, line_of(value, index) or where, f"{what} must be a list of non-empty strings, found {found}")


def compile_pattern(pattern: str, name: str, where: int | None, groups: tuple[str, ...] = ()) -> re.Pattern:
    """Compile a pattern from a language file; it must define `groups` and must not match empty text."""
    try:
        compiled = re.compile(pattern)
    except re.error as err:
        raise SourceError(name, where, f"invalid pattern {pattern!r}: {err}") from None
    missing = [g for g in groups if g not in compiled.groupindex]
    if missing:
        raise SourceError(name, where, f"pattern {pattern!r} lacks the named group(s) {', '.join(f'(?P<{g}>...)' for g in missing)}")
    if compiled.search("") is not None:
        raise SourceError(name, where, f"pattern {pattern!r} matches empty text")
    return compiled


def check_template(template: str, fields: set[str], name: str, where: int | None, what: str) -> None:
    """A str.format template may name only `fields`, plainly (no attributes or indexes)."""
    try:
        used = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
    except ValueError as err:
        raise SourceError(name, where, f"{what}: invalid template {template!r} ({err})") from None
    unknown = sorted(used - fields)
    if unknown:
        allowed = ", ".join("{" + f + "}" for f in sorted(fields)) or "no fields"
        raise SourceError(name, where, f"{what}: unknown field {{{unknown[0]}}} in {template!r} (allowed: {allowed})")
    try:
        template.format(**{f: 1 for f in fields})
    except (ValueError, KeyError, IndexError, AttributeError) as err:
        raise SourceError(name, where, f"{what}: invalid template {template!r} ({err})") from None


@dataclass(frozen=True)
class Language:
    """How a text in one language is laid out (content/languages/<code>.yml)."""

    code: str
    name: str
    opening: str
    joiner: str
    terminators: tuple[str, ...]
    document_types: tuple[str, ...]
    sponsor_separator: str
    sponsor_last_separator: str
    header: dict[str, re.Pattern]
    leads: tuple[str, ...]
    citations: dict[str, re.Pattern]
    quotes: tuple[str, ...]
    labels: dict[str, str]

    def label(self, kind: str, **values: Any) -> str:
        return self.labels[kind].format(**values)


@dataclass(frozen=True)
class Body:
    """An organ that issues numbered resolutions (content/bodies.yml)."""

    code: str
    names: dict[str, tuple[str, ...]]
    symbol: str | None


# The named groups each pattern of a language file must define.
_HEADER_GROUPS = {"session": ("n",), "committee": (), "agenda_item": ("n",)}
_CITATION_GROUPS = {"resolution": ("number",), "treaty": ("volume", "number"), "ibid": ("volume", "number"), "sdg_target": ("number",)}
# The fields each label template may use.
_LABEL_FIELDS = {"preambular": {"n"}, "operative": {"n"}, "resolution": {"body", "number"}, "treaty": {"volume", "number"},
                 "sdg_target": {"number"}}


def _load_language(path: Path) -> Language:
    name = str(path)
    data = load_yaml(path)
    check_keys(
        data,
        name,
        {
            "code": str, "name": str, "opening": str, "joiner": str, "terminators": list,
            "document_types": list, "sponsor_separator": str, "sponsor_last_separator": str,
            "header": dict, "preambular_leads": dict, "citations": dict, "labels": dict,
        },
        where=1,
    )
    for key in ("code", "name", "opening", "sponsor_separator", "sponsor_last_separator"):
        check_text(data, key, name)
    for key in ("terminators", "document_types"):
        _check_str_list(data[key], name, line_of(data, key), key)
    check_keys(data["header"], name, {k: str for k in _HEADER_GROUPS})
    leads = data["preambular_leads"]
    check_keys(leads, name, {"prefixes": list, "verbs": list})
    _check_str_list(leads["prefixes"], name, line_of(leads, "prefixes"), "prefixes", allow_empty=True)
    _check_str_list(leads["verbs"], name, line_of(leads, "verbs"), "verbs")
    cites = data["citations"]
    check_keys(cites, name, {**{k: str for k in _CITATION_GROUPS}, "quotes": list})
    _check_str_list(cites["quotes"], name, line_of(cites, "quotes"), "quotes", allow_empty=True)
    for index, pair in enumerate(cites["quotes"]):
        if len(pair) != 2:
            raise SourceError(name, line_of(cites["quotes"], index), f"quote pair {pair!r} must be two characters, an opening and a closing one")
    check_keys(data["labels"], name, {k: str for k in _LABEL_FIELDS})
    for key, fields in _LABEL_FIELDS.items():
        check_template(data["labels"][key], fields, name, line_of(data["labels"], key), f"labels.{key}")
    if data["code"] != path.stem:
        raise SourceError(name, line_of(data, "code"), f"code {data['code']!r} does not match the file name {path.stem!r}")
    verbs = leads["verbs"]
    all_leads = set(verbs) | {p + v for p in leads["prefixes"] for v in verbs}
    return Language(
        code=data["code"],
        name=data["name"],
        opening=data["opening"],
        joiner=data["joiner"],
        terminators=tuple(data["terminators"]),
        document_types=tuple(sorted(data["document_types"], key=len, reverse=True)),
        sponsor_separator=data["sponsor_separator"],
        sponsor_last_separator=data["sponsor_last_separator"],
        header={k: compile_pattern(v, name, line_of(data["header"], k), _HEADER_GROUPS[k]) for k, v in data["header"].items()},
        leads=tuple(sorted(all_leads, key=len, reverse=True)),
        citations={k: compile_pattern(v, name, line_of(cites, k), _CITATION_GROUPS[k]) for k, v in cites.items() if k != "quotes"},
        quotes=tuple(cites["quotes"]),
        labels=dict(data["labels"]),
    )


_BODY_CODE = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


def _load_bodies(path: Path) -> tuple[Body, ...]:
    name = str(path)
    data = load_yaml(path)
    if not isinstance(data, list) or not data:
        raise SourceError(name, line_of(data) or 1, "expected a non-empty list of organs")
    bodies: list[Body] = []
    codes: set[str] = set()
    for index, item in enumerate(data):
        check_keys(item, name, {"code": str, "names": dict, "symbol": (str, type(None))}, where=line_of(data, index))
        if not _BODY_CODE.match(item["code"]):
            raise SourceError(name, line_of(item, "code"), f"code {item['code']!r} must be letters, digits and hyphens (it becomes part of ids and URLs)")
        if item["code"] in codes:
            raise SourceError(name, line_of(item, "code"), f"duplicate organ code {item['code']!r}")
        codes.add(item["code"])
        for lang, names in item["names"].items():
            if not isinstance(lang, str):
                raise SourceError(name, line_of(item["names"], lang), f"names: {lang!r} is not a language code")
            _check_str_list(names, name, line_of(item["names"], lang), f"names.{lang}")
        if item["symbol"] is not None:
            check_template(item["symbol"], {"number"}, name, line_of(item, "symbol"), "symbol")
            if "{number}" not in item["symbol"]:
                raise SourceError(name, line_of(item, "symbol"), "symbol must contain {number}")
        bodies.append(Body(item["code"], {k: tuple(v) for k, v in item["names"].items()}, item["symbol"]))
    return tuple(bodies)


@dataclass(frozen=True)
class Lexicon:
    languages: dict[str, Language]
    bodies: tuple[Body, ...]

    def body(self, code: str) -> Body:
        for b in self.bodies:
            if b.code == code:
                return b
        raise KeyError(code)


@lru_cache(maxsize=4)
def load_lexicon(content: Path = CONTENT) -> Lexicon:
    """Load every language file and the organs, validating each."""
    files = sorted((content / "languages").glob("*.yml"))
    if not files:
        raise SourceError(str(content / "languages"), None, "no language files (*.yml) found")
    languages = {lang.code: lang for lang in map(_load_language, files)}
    return Lexicon(languages, _load_bodies(content / "bodies.yml"))
