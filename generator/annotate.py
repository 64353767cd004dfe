"""Add curated knowledge to a parsed resolution: sponsors' codes (and, later, actors)."""

from __future__ import annotations

from .countries import load_gazetteer
from .model import Resolution
from .source import SourceError


def annotate_sponsors(res: Resolution) -> None:
    """Give each sponsor its ISO code, English name and regional group; unknown names are errors."""
    gazetteer = load_gazetteer()
    for sponsor in res.sponsors:
        country = gazetteer.lookup(sponsor.name)
        if country is None:
            raise SourceError(res.source_name, None, f"unknown sponsor {sponsor.name!r}: add it to content/countries.yml")
        sponsor.iso3, sponsor.name_en, sponsor.regional_group = country.iso3, country.name_en, country.regional_group


def annotate(res: Resolution) -> Resolution:
    annotate_sponsors(res)
    return res
