"""One person under first-name variants ("Ken" / "Kenneth Feinberg").

The rule (`names.first_name_variant`) on the `nicknames` dataset, then the
real model on real Timeline17 articles (read from ../shared at test time,
skipped when it is absent) that name one person both ways.
"""

from __future__ import annotations

import pytest

from timeline.extraction.entities import EntityResolver, PeopleIndex
from timeline.extraction.names import (
    first_name_variant,
    given_name_variants,
    is_given_name,
    same_person_name,
)
from timeline.extraction.nlp import get_nlp
from timeline.extraction.types import Lexicon

from . import realtext


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ken Feinberg", "Kenneth Feinberg"),
        ("Larry Summers", "Lawrence Summers"),
        ("Kenneth R. Feinberg", "Ken Feinberg"),
        ("Bob Dudley", "Robert Dudley"),
        ("Bill Clinton", "William J. Clinton"),
    ],
)
def test_a_nickname_and_its_name_with_one_surname_are_one_person(a, b):
    assert first_name_variant(a, b)
    assert first_name_variant(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bill Clinton", "Hillary Clinton"),  # two first names
        ("Ken Feinberg", "Kenneth Starr"),  # two surnames
        ("Kenneth R. Feinberg", "Ken J. Feinberg"),  # two middle initials
        ("Ken Feinberg", "Ken Feinberg"),  # the same name: no variant
        ("Larry", "Lawrence"),  # no surname
    ],
)
def test_other_people_are_not_first_name_variants(a, b):
    assert not first_name_variant(a, b)


def test_given_names_come_from_the_nicknames_dataset():
    assert given_name_variants("Larry", "Lawrence")
    assert given_name_variants("mike", "Michael")
    assert not given_name_variants("Michael", "Michelle")


def test_a_known_person_is_found_under_a_nickname_unless_two_would_match():
    index = PeopleIndex(["Kenneth Feinberg", "Lawrence Summers", "Ken Salazar"])
    assert index.variant_of("Ken Feinberg") == "Kenneth Feinberg"
    assert index.variant_of("Larry Summers") == "Lawrence Summers"
    assert index.variant_of("Kenneth Salazar") == "Ken Salazar"
    two = PeopleIndex(["Kenneth Feinberg", "Kendrick Feinberg"])
    assert two.variant_of("Ken Feinberg") is None  # both would match


def _people(article_id: str, lexicon: Lexicon | None = None) -> set[str]:
    doc = get_nlp()(realtext.article(article_id)["text"])
    resolved = EntityResolver(lexicon).resolve(doc)
    return {m.value for m in resolved.mentions if m.kind == "person"}


@pytest.mark.parametrize(
    ("article_id", "short", "full"),
    [
        ("bpoil_guardian/2010-06-16/1777.htm.txt", "Ken Feinberg", "Kenneth Feinberg"),
        ("H1N1_guardian/2009-04-28/519.htm.txt", "Mike Bloomberg", "Michael Bloomberg"),
        ("bpoil_foxnews/2010-06-21/941.htm.txt", "Bob Dudley", "Robert Dudley"),
    ],
)
def test_an_article_naming_one_person_two_ways_has_one_person(article_id, short, full):
    text = realtext.article(article_id)["text"]
    assert short in text and full in text  # the text is real
    people = _people(article_id)
    assert len({short, full} & people) == 1, people


def test_a_stored_person_is_met_under_a_nickname_in_real_text():
    article_id = "bpoil_guardian/2010-06-16/1777.htm.txt"
    lexicon = Lexicon(people={"lawrence feinberg": "Lawrence Feinberg"})
    people = _people(
        article_id, Lexicon(people={"kenneth feinberg": "Kenneth Feinberg"})
    )
    assert "Kenneth Feinberg" in people and "Ken Feinberg" not in people
    assert "Lawrence Feinberg" not in _people(article_id, lexicon)


@pytest.mark.parametrize(
    ("word", "given"),
    [
        ("Daniel", True),
        ("Kate", True),
        ("Motors", False),
        ("League", False),
        ("D.", False),
    ],
)
def test_a_given_name_is_one_of_the_nicknames_dataset(word, given):
    assert is_given_name(word) is given


def test_a_nickname_is_no_stored_person_whose_surname_others_share():
    # "Michael Jackson" is neither of a stored Mike and Lisa P. Jackson
    shared = PeopleIndex(["Mike Jackson", "Lisa P. Jackson"])
    assert shared.variant_of("Michael Jackson") is None
    # the one stored Feinberg (with or without his initial) under a nickname
    one = PeopleIndex(["Kenneth R. Feinberg", "Lisa P. Jackson"])
    assert one.variant_of("Ken Feinberg") == "Kenneth R. Feinberg"
    # a middle name the stored person lacks contradicts
    assert PeopleIndex(["Mike Jackson"]).variant_of("Michael Joseph Jackson") is None
    assert PeopleIndex(["Mike Jackson"]).variant_of("Michael Jackson") == (
        "Mike Jackson"  # ingestion decides by whom they are reported with
    )


def test_an_article_s_full_name_is_not_a_stored_nickname_variant():
    # the article's "Michael Jackson" is not the stored Mike Jackson (a
    # general of another story): extraction keeps its own name
    text = (
        "Michael Jackson died on Thursday at his Los Angeles home. "
        "Michael Jackson had been rehearsing for his London concerts."
    )
    doc = get_nlp()(text)
    lexicon = Lexicon(people={"mike jackson": "Mike Jackson"})
    people = {
        m.value
        for m in EntityResolver(lexicon).resolve(doc).mentions
        if m.kind == "person"
    }
    assert people == {"Michael Jackson"}


# -- a middle initial or a generation on one side (branch names14) ------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ben Bernanke", "Ben S. Bernanke"),
        ("Timothy Geithner", "Timothy F. Geithner"),
        ("Henry Paulson", "Henry M. Paulson Jr"),
        ("Hank Paulson", "Henry M. Paulson Jr."),
        ("Larry Summers", "Lawrence H. Summers"),
    ],
)
def test_a_middle_initial_or_generation_on_one_side_is_one_person(a, b):
    assert same_person_name(a, b)
    assert same_person_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("George W. Bush", "George H. W. Bush"),  # two middle initials
        ("Jesse Jackson Sr.", "Jesse Jackson Jr."),  # two generations
        ("Michael Jackson", "Janet Jackson"),  # two first names
        ("Ben Bernanke", "Ben Bernanke"),  # the same writing
    ],
)
def test_other_writings_are_not_one_person(a, b):
    assert not same_person_name(a, b)


def test_a_stored_name_with_a_generation_is_found_by_its_surname():
    # "Henry M. Paulson Jr" was filed under "jr"; "Henry Paulson" of a later
    # article is him (initials and the generation aside)
    index = PeopleIndex(["Henry M. Paulson Jr", "Lawrence Summers"])
    assert index.variant_of("Henry Paulson", nicknames=False) == "Henry M. Paulson Jr"
    assert index.variant_of("Hank Paulson") == "Henry M. Paulson Jr"
    assert index.variant_of("Hank Paulson", nicknames=False) is None


@pytest.mark.parametrize(
    ("article_id", "one", "other"),
    [
        # "Treasury Secretary Henry M. Paulson Jr." then "Henry Paulson" (5)
        ("Finan_washingtonpost/2008-10-03/1522.htm.txt", "Henry Paulson", "Paulson Jr"),
        # "Timothy F. Geithner" once beside "Timothy Geithner"; "Hank Paulson"
        # beside "Henry M. Paulson Jr."
        (
            "Finan_washingtonpost/2009-02-11/846.htm.txt",
            "Timothy Geithner",
            "F. Geithner",
        ),
        ("Finan_washingtonpost/2009-02-11/846.htm.txt", "Henry M. Paulson Jr", "Hank"),
    ],
)
def test_one_person_written_with_and_without_initials_in_real_text(
    article_id, one, other
):
    people = {m.value for m in realtext.mentions_of(article_id) if m.kind == "person"}
    assert one in people
    assert not {p for p in people if other in p}
