"""Member States: names as UN documents write them, ISO 3166-1 codes, regional groups.

pycountry supplies codes, English short names and Chinese names; the curated
table in content/countries.yml adds the official UN forms it lacks.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from .lexicon import CONTENT, check_keys, line_of, load_yaml
from ..source import SourceError


@dataclass(frozen=True)
class Country:
    iso3: str
    name_en: str
    regional_group: str | None


@dataclass(frozen=True)
class RegionalGroup:
    """A United Nations regional group: its code, names by language and members (ISO3)."""

    code: str
    names: dict[str, str]
    members: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.code


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, str]          # any known form -> iso3
    groups: dict[str, str]           # iso3 -> regional group code
    english: dict[str, str]          # iso3 -> English short name
    regional_groups: tuple[RegionalGroup, ...] = ()

    def group(self, code: str) -> RegionalGroup:
        for g in self.regional_groups:
            if g.code == code:
                return g
        raise KeyError(code)

    def names(self) -> frozenset[str]:
        return frozenset(self.by_name)

    def lookup(self, name: str) -> Country | None:
        iso3 = self.by_name.get(name)
        if iso3 is None:
            return None
        return Country(iso3, self.english[iso3], self.groups.get(iso3))


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = CONTENT / "countries.yml") -> Gazetteer:
    """Merge pycountry's names with the curated table; validate the table."""
    name = str(path)
    data = load_yaml(path)
    check_keys(data, name, {"names": dict}, {"regional_groups": dict})
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    by_name: dict[str, str] = {}
    english: dict[str, str] = {}
    for c in pycountry.countries:
        english[c.alpha_3] = getattr(c, "common_name", None) or c.name
        for form in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name), zh.gettext(c.name)}:
            by_name.setdefault(form, c.alpha_3)
    for iso3, forms in data["names"].items():
        if pycountry.countries.get(alpha_3=iso3) is None:
            raise SourceError(name, line_of(data["names"], iso3), f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
        check_keys(forms, name, {}, {"zh": list, "en": list})
        for lang, values in forms.items():
            for value in values:
                if not isinstance(value, str) or not value:
                    raise SourceError(name, line_of(forms, lang), f"{iso3}.{lang}: names must be non-empty strings")
                by_name[value] = iso3
        if forms.get("en"):
            english[iso3] = forms["en"][0]
    groups: dict[str, str] = {}
    regional: list[RegionalGroup] = []
    for group, entry in (data.get("regional_groups") or {}).items():
        where = line_of(data["regional_groups"], group)
        check_keys(entry, name, {"members": list}, {"zh": str, "en": str})
        for code in entry["members"]:
            if not isinstance(code, str) or pycountry.countries.get(alpha_3=code) is None:
                raise SourceError(name, where, f"{group}: {code!r} is not an ISO 3166-1 alpha-3 code")
            if code in groups:
                raise SourceError(name, where, f"{code} is in two regional groups ({groups[code]} and {group})")
            groups[code] = group
        names = {lang: entry[lang] for lang in ("zh", "en") if lang in entry}
        regional.append(RegionalGroup(group, names, tuple(entry["members"])))
    return Gazetteer(by_name, groups, english, tuple(regional))
