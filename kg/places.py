"""Place words that are not entities but tell a class: demonyms and ISO country and region names."""

from __future__ import annotations

import gettext
from functools import cache

from kg.data import load_yaml
from kg.names import fold

# Regions of these countries are common enough in French news to tell a name's class.
_REGION_COUNTRIES = {"FR", "US", "DE", "ES", "IT", "GB", "BE", "CH", "CA", "CN", "IN", "RU", "BR", "MX", "AU", "PK"}


def _forms(masculine: str) -> set[str]:
    """Masculine, feminine and plural forms of a French demonym."""
    if masculine.endswith("e"):
        feminine = masculine
    elif masculine.endswith(("ien", "éen", "en")) or masculine.endswith("on"):
        feminine = masculine + "ne"
    elif masculine.endswith("c"):
        feminine = masculine + "que"
    else:
        feminine = masculine + "e"
    forms = {masculine, feminine, feminine + "s"}
    forms.add(masculine if masculine.endswith(("s", "x")) else masculine + "s")
    return forms


@cache
def demonyms() -> dict[str, str]:
    """Every folded form of a demonym -> the French label of its place."""
    return {fold(form): place for word, place in load_yaml("demonyms.yml").items() for form in _forms(word)}


@cache
def known_places() -> frozenset[str]:
    """Folded French names of all countries (ISO 3166-1) and of the regions of major countries."""
    import pycountry

    names: set[str] = set()
    countries = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for country in pycountry.countries:
        names.add(fold(countries.gettext(country.name)))
        names.add(fold(getattr(country, "common_name", country.name)))
    regions = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    for region in pycountry.subdivisions:
        if region.country_code in _REGION_COUNTRIES:
            names.add(fold(regions.gettext(region.name)))
    return frozenset(n for n in names if len(n) > 3)
