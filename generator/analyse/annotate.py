"""Add curated knowledge to a parsed resolution: sponsors' codes, actors and their mentions."""

from __future__ import annotations

from ..knowledge.actors import load_actors
from .mentions import find_mentions
from ..knowledge.countries import load_gazetteer
from ..model.document import Resolution
from ..source import SourceError

COUNTRIES = "content/countries.yml"


def annotate_sponsors(res: Resolution) -> None:
    """Give each sponsor its ISO code, English name and regional group; unknown names are errors."""
    gazetteer = load_gazetteer()
    for sponsor in res.sponsors:
        country = gazetteer.lookup(sponsor.name)
        if country is None:
            raise SourceError(res.source_name, None, f"unknown sponsor {sponsor.name!r}: add it to {COUNTRIES}")
        if country.regional_group is None:
            raise SourceError(res.source_name, None,
                              f"sponsor {sponsor.name!r} ({country.iso3}) is in no regional group: add it to regional_groups in {COUNTRIES}")
        sponsor.iso3, sponsor.name_en, sponsor.regional_group = country.iso3, country.name_en, country.regional_group


def annotate_actors(res: Resolution) -> None:
    """Fill `res.actors` and `res.mentions` from content/actors.yml; note back-forms left unresolved."""
    actors, mentions, notes = find_mentions(res, load_actors())
    res.actors, res.mentions = actors, mentions
    res.decisions.extend(notes)


def annotate(res: Resolution) -> Resolution:
    annotate_sponsors(res)
    annotate_actors(res)
    return res
