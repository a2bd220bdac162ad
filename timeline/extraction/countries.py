"""ISO 3166 countries by the names news writes them with."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import pycountry

from timeline.extraction.names import normalise_alias

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


@cache
def country_aliases() -> dict[str, str]:
    """Normalised name, demonym, capital or metonym -> ISO alpha-2 code.

    pycountry's names, the short names above, and the shipped aliases
    (timeline/extraction/data/countries.json), which win.
    """
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[normalise_alias(value)] = c.alpha_2
    for code, short in country_names().items():
        names.setdefault(normalise_alias(short), code)
    data = (
        resources.files("timeline.extraction")
        .joinpath("data", "countries.json")
        .read_text("utf-8")
    )
    for alias, code in json.loads(data)["aliases"].items():
        names[normalise_alias(alias)] = code
    return names


def country_code(name: str) -> str | None:
    """ISO alpha-2 code for a country's name, demonym, capital or metonym.

    "Russia", "Russian", "Moscow", "the Kremlin" -> "RU"; None if unknown.
    Uses the default alias data (timeline/extraction/data/countries.json) and
    pycountry's names; a two-letter code is returned as is when it is one.
    """
    text = name.strip()
    if len(text) == 2 and text.upper() in country_names():
        return text.upper()
    return country_aliases().get(normalise_alias(text))
