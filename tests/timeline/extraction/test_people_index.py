"""Known people across articles: variant spellings and learned aliases."""

from __future__ import annotations

from timeline.extraction.entities import PeopleIndex, learn_aliases, spelling_key


def test_transliterations_of_one_surname_share_a_key():
    keys = {spelling_key(s) for s in ("Gaddafi", "Qaddafi", "Gadhafi", "al-Qadhafi")}
    assert len(keys) == 1
    assert spelling_key("Zelensky") == spelling_key("Zelenskyy")
    assert spelling_key("Hayward") != spelling_key("Howard")
    assert spelling_key("Clinton") != spelling_key("Clayton")


def test_a_variant_spelling_is_the_one_known_person():
    index = PeopleIndex(["Muammar Gaddafi", "Barack Obama", "Tony Hayward"])
    assert index.variant_of("Muammar Qaddafi") == "Muammar Gaddafi"
    assert index.variant_of("Moammar Gadhafi") == "Muammar Gaddafi"
    assert index.variant_of("Qaddafi") == "Muammar Gaddafi"
    # Same surname spelling: not a variant (the surname rule decides that).
    assert index.variant_of("Michelle Obama") is None
    # A different first name is a different person.
    assert index.variant_of("Saif Qaddafi") is None
    assert index.variant_of("Tony Howard") is None


def test_two_known_people_under_one_spelling_key_make_a_variant_ambiguous():
    index = PeopleIndex(["Muammar Gaddafi", "Hannibal Gadhafi"])
    assert index.variant_of("Qaddafi") is None
    assert index.variant_of("Muammar Qaddafi") == "Muammar Gaddafi"


def test_it_learns_a_surname_only_when_no_other_known_person_has_it():
    known = {"barack obama": "Barack Obama"}
    found = [("obama", "Barack Obama")]
    assert learn_aliases(known=known, found=found) == {"obama": "Barack Obama"}
    known["michelle obama"] = "Michelle Obama"
    assert learn_aliases(known=known, found=found) == {}


def test_it_never_overrides_an_alias_or_a_full_name():
    known = {
        "barack obama": "Barack Obama",
        "bush": "George W. Bush",
        "george bush": "George Bush",
    }
    found = [
        ("bush", "George Bush"),
        ("george bush", "George W. Bush"),
        ("obama", "Barack Obama"),
    ]
    assert learn_aliases(known=known, found=found) == {"obama": "Barack Obama"}


def test_a_one_word_actor_gives_way_to_the_full_name():
    known = {"wolfowitz": "Wolfowitz", "paul wolfowitz": "Paul Wolfowitz"}
    learned = learn_aliases(known=known, found=[("wolfowitz", "Paul Wolfowitz")])
    assert learned == {"wolfowitz": "Paul Wolfowitz"}


def test_a_shared_surname_goes_to_a_far_more_reported_person():
    known = {"michael jackson": "Michael Jackson", "lisa jackson": "Lisa Jackson"}
    found = [("jackson", "Michael Jackson")]
    events = {"Michael Jackson": 86, "Lisa Jackson": 8}
    assert learn_aliases(known=known, found=found, events=events) == {
        "jackson": "Michael Jackson"
    }
    events = {"Michael Jackson": 30, "Lisa Jackson": 8}
    assert learn_aliases(known=known, found=found, events=events) == {}


def test_a_middle_initial_is_the_same_person():
    index = PeopleIndex(["Thad Allen", "Mary Landry"])
    assert index.variant_of("Thad W. Allen") == "Thad Allen"
    assert index.variant_of("Woody Allen") is None
    assert index.variant_of("Thad Allen") is None  # itself, no variant


def test_a_short_surname_without_initials_is_the_one_known_with_them():
    # "George Bush" beside a stored "George W Bush": one person; not when
    # George H. W. Bush is stored too, and a name with initials never
    # becomes a stored bare one (that "George Bush" may be either man)
    assert PeopleIndex(["George W Bush"]).variant_of("George Bush") == "George W Bush"
    both = PeopleIndex(["George W Bush", "George H. W. Bush"])
    assert both.variant_of("George Bush") is None
    assert PeopleIndex(["George Bush"]).variant_of("George H. W. Bush") is None
    assert PeopleIndex(["George W Bush"]).variant_of("Laura Bush") is None
    assert PeopleIndex(["Dan Ray"]).variant_of("Dan Rey") is None  # no spellings
