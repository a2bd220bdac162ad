"""ISO 3166 countries by the names news writes them with."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import pycountry

from timeline.extraction.names import normalise_alias

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

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
    for alias, code in _data()["aliases"].items():
        names[normalise_alias(alias)] = code
    return names


@cache
def _data() -> dict:
    return json.loads(
        resources.files("timeline.extraction")
        .joinpath("data", "countries.json")
        .read_text("utf-8")
    )


@cache
def institution_countries() -> dict[str, str]:
    """Normalised name of a stock index or a national public body -> the
    country it belongs to ("Nikkei" -> JP, "NHS" -> GB, "Congressional Budget
    Office" -> US): general knowledge, `institutions` in data/countries.json."""
    return {
        normalise_alias(name): code
        for name, code in _data().get("institutions", {}).items()
    }


# What follows an index's name ("the Nikkei 225 index", "Dow Jones Industrial
# Average"): not part of the name looked up.
_INDEX_TAIL = ("index", "indices", "indexes", "average", "industrial", "industrials")


def index_country(name: str) -> str | None:
    """The country of a stock index named `name`: a known index ("the Dow
    Jones Industrial Average", "Nikkei 225" -> JP), else the country its own
    words name ("the Argentinean MERVAL index" -> AR, "the Brazilian Bovespa");
    None when neither says."""
    words = normalise_alias(name).split()
    while words and words[-1] in _INDEX_TAIL:
        words.pop()
    known = institution_countries()
    aliases = country_aliases()
    for n in range(len(words), 0, -1):
        code = known.get(" ".join(words[:n]))
        if code:
            return code
    codes = {aliases[w] for w in words if w in aliases}
    if len(codes) == 1:
        return codes.pop()
    for i in range(1, len(words)):  # "the Argentinean MERVAL": the name after it
        code = known.get(" ".join(words[i:]))
        if code:
            return code
    return None


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


# Currency words that are also everyday English ("the mark", "the sum"):
# never read as a currency.
_COMMON_WORDS = frozenset(
    ["mark", "sum", "sol", "real", "gold", "som", "kip", "dram", "convertible"]
)


@cache
def currency_countries() -> dict[str, str]:
    """A currency's word -> the one country it is the money of: "won" -> KR,
    "yen" -> JP, "ringgit" -> MY, "yuan" -> CN (pycountry's ISO 4217 names,
    whose code starts with the country's ISO 3166 code). Words several
    countries' currencies share ("dollar", "peso", "franc") are left out."""
    exact: dict[str, set[str]] = {}
    parts: dict[str, set[str]] = {}
    codes = country_names()
    for currency in pycountry.currencies:
        country = currency.alpha_3[:2]
        if country not in codes or "(" in currency.name:
            continue  # funds and units of account ("Mexican Unidad de Inversion (UDI)")
        if any(
            w.isupper() and normalise_alias(w) not in country_aliases()
            for w in currency.name.split()
        ):
            continue  # "WIR Euro": a fund's, not "UAE Dirham"
        words = currency.name.lower().split()
        if len(words) == 1:
            exact.setdefault(words[0], set()).add(country)
        parts.setdefault(words[-1], set()).add(country)
        if len(words) == 2 and normalise_alias(words[0]) not in country_aliases():
            parts.setdefault(words[0], set()).add(country)  # "Yuan Renminbi"
    found = {w: c.pop() for w, c in parts.items() if len(c) == 1}
    found.update({w: c.pop() for w, c in exact.items() if len(c) == 1})
    return {
        w: c
        for w, c in found.items()
        if w not in _COMMON_WORDS
        and w.isalpha()
        and normalise_alias(w) not in country_aliases()
    }


@cache
def _institution_pattern() -> re.Pattern[str]:
    # As written (case matters: "the Nikkei", not "nikkei"), names of 4
    # characters or more ("Dow", "SET", "IPC" are words or other things).
    names = sorted(
        (n for n in _data().get("institutions", {}) if len(n) >= 4),
        key=len,
        reverse=True,
    )
    return re.compile(
        r"(?<![\w&/-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w&/-])"
    )


def institution_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of the stock indices and national bodies `text`
    names as they are written, whatever a tagger made of them ("For the day,
    the Nikkei closed down 6.4 percent" -> JP)."""
    known = institution_countries()
    return [
        (m.start(), m.end(), known[normalise_alias(m.group(0))])
        for m in _institution_pattern().finditer(text)
    ]


# The article's main country: named at least this often, and either three in
# five of its country mentions or this many times the next country.
MAIN_MENTIONS = 2
MAIN_LEAD = 2


def main_country(counts: Mapping[str, int]) -> str | None:
    """The country an article is about, from how often it names each (its
    places, demonyms and capitals): the one named at least 3 times and in 3
    of 5 country mentions, or else at least MAIN_MENTIONS times and
    MAIN_LEAD times as often as any other ("London" and "British" 14 times,
    Iraq 5 times: Britain). None when no country leads so."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    code, n = ranked[0]
    if n >= 3 and 5 * n >= 3 * sum(counts.values()):
        return code
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= MAIN_MENTIONS and n >= MAIN_LEAD * second:
        return code
    return None


# "Brazilian-born", "German-made": where someone or something comes from.
_ORIGIN_PARTICIPLES = frozenset(
    ["born", "bred", "raised", "educated", "trained", "made", "built", "designed"]
)
_SUBJECTS = frozenset(["nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"])


def owns_an_object(tok: Token, *, named: bool = False) -> bool:
    """A possessive whose noun is no subject: "approved a drug maker's
    vaccine" (the owner does not act); with `named`, only of a thing's name
    ("antivirals like Roche's Tamiflu", not "at BP's failure to plug")."""
    return (
        tok.dep_ == "poss"
        and tok.head.dep_ not in _SUBJECTS
        and (not named or tok.head.pos_ == "PROPN")
    )


def only_a_modifier(doc: Doc, start: int, end: int) -> bool:
    """A country word at tokens [start, end) that says where someone or
    something comes from, not where the event is: "the Brazilian-born
    striker", "approved a Swiss drug maker's vaccine" (the demonym of a
    possessor that does not act)."""
    if end + 1 < len(doc) and doc[end].text == "-":
        return doc[end + 1].lower_ in _ORIGIN_PARTICIPLES
    last = doc[end - 1]
    return last.dep_ in ("amod", "compound") and owns_an_object(last.head)
