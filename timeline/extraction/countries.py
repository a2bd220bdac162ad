"""ISO 3166 countries by the names news writes them with."""

from __future__ import annotations

from functools import cache

import pycountry

# Short names where pycountry's official name is not what news uses.
SHORT_NAMES = {
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "PS": "Palestine",
    "RU": "Russia",
    "TR": "Turkey",
    "US": "United States",
    "VA": "Vatican City",
}


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the short English name news uses."""
    names = {}
    for c in pycountry.countries:
        names[c.alpha_2] = SHORT_NAMES.get(
            c.alpha_2, getattr(c, "common_name", None) or c.name
        )
    return names


def country_name(code: str) -> str:
    return country_names().get(code.upper(), code)


def country_code(name: str) -> str | None:
    """ISO alpha-2 code for a country's name, demonym, capital or metonym.

    "Russia", "Russian", "Moscow", "the Kremlin" -> "RU"; None if unknown.
    Uses the default alias data (timeline/extraction/data/countries.json) and
    pycountry's names; a two-letter code is returned as is when it is one.
    """
    from timeline.extraction.entities import default_lexicon, normalise_alias

    text = name.strip()
    if len(text) == 2 and text.upper() in country_names():
        return text.upper()
    return default_lexicon().countries.get(normalise_alias(text))
