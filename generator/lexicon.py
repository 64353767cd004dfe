"""Curated knowledge from `content/`: YAML loaded safely and validated on load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .source import SourceError

CONTENT = Path(__file__).resolve().parent.parent / "content"


class _Loader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys and remembers line numbers."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise SourceError(loader.name, line, f"duplicate key {key!r} (first at line {seen[key]})")
        seen[key] = line
    mapping = _LineDict(loader.construct_pairs(node, deep=True))
    mapping.lines = seen
    mapping.line = node.start_mark.line + 1
    return mapping


class _LineDict(dict):
    lines: dict
    line: int


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


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


def line_of(mapping: Any, key: str | None = None) -> int | None:
    """The line of `key` in a mapping loaded by load_yaml (or of the mapping itself)."""
    if key is not None and hasattr(mapping, "lines"):
        return mapping.lines.get(key)
    return getattr(mapping, "line", None)


def check_keys(mapping: Any, name: str, required: dict[str, type | tuple], optional: dict[str, type | tuple] | None = None) -> None:
    """Refuse unknown keys, missing keys and values of the wrong type."""
    optional = optional or {}
    if not isinstance(mapping, dict):
        raise SourceError(name, line_of(mapping), f"expected a mapping, found {type(mapping).__name__}")
    for key, value in mapping.items():
        if key not in required and key not in optional:
            raise SourceError(name, line_of(mapping, key), f"unknown key {key!r}")
        want = required.get(key, optional.get(key))
        if not isinstance(value, want):
            kinds = want if isinstance(want, tuple) else (want,)
            names = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
            raise SourceError(name, line_of(mapping, key), f"{key!r} must be {names}, found {type(value).__name__}")
    for key in required:
        if key not in mapping:
            raise SourceError(name, line_of(mapping), f"missing key {key!r}")


def _check_str_list(value: Any, name: str, where: int | None, what: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise SourceError(name, where, f"{what} must be a list of non-empty strings")


def _compile(pattern: str, name: str, where: int | None) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as err:
        raise SourceError(name, where, f"invalid pattern {pattern!r}: {err}") from None


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
    )
    for key in ("terminators", "document_types"):
        _check_str_list(data[key], name, line_of(data, key), key)
    check_keys(data["header"], name, {"session": str, "committee": str, "agenda_item": str})
    leads = data["preambular_leads"]
    check_keys(leads, name, {"prefixes": list, "verbs": list})
    if leads["prefixes"]:
        _check_str_list(leads["prefixes"], name, line_of(leads, "prefixes"), "prefixes")
    _check_str_list(leads["verbs"], name, line_of(leads, "verbs"), "verbs")
    cites = data["citations"]
    check_keys(cites, name, {"resolution": str, "treaty": str, "ibid": str, "sdg_target": str, "quotes": list})
    _check_str_list(cites["quotes"], name, line_of(cites, "quotes"), "quotes")
    if any(len(q) != 2 for q in cites["quotes"]):
        raise SourceError(name, line_of(cites, "quotes"), "each quote pair must be two characters, an opening and a closing one")
    check_keys(data["labels"], name, {k: str for k in ("preambular", "operative", "resolution", "treaty", "sdg_target")})
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
        header={k: _compile(v, name, line_of(data["header"], k)) for k, v in data["header"].items()},
        leads=tuple(sorted(all_leads, key=len, reverse=True)),
        citations={k: _compile(v, name, line_of(cites, k)) for k, v in cites.items() if k != "quotes"},
        quotes=tuple(cites["quotes"]),
        labels=dict(data["labels"]),
    )


def _load_bodies(path: Path) -> tuple[Body, ...]:
    name = str(path)
    data = load_yaml(path)
    if not isinstance(data, list):
        raise SourceError(name, 1, "expected a list of organs")
    bodies: list[Body] = []
    codes: set[str] = set()
    for item in data:
        check_keys(item, name, {"code": str, "names": dict, "symbol": (str, type(None))})
        if item["code"] in codes:
            raise SourceError(name, line_of(item, "code"), f"duplicate organ code {item['code']!r}")
        codes.add(item["code"])
        for lang, names in item["names"].items():
            _check_str_list(names, name, line_of(item["names"], lang), f"names.{lang}")
        if item["symbol"] is not None and "{number}" not in item["symbol"]:
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
