"""A title keeps its words whole and its clause's own parts: a phrasal
verb's particle ("passed away"), both halves of a hyphenated word
("ill-prepared"), the subject the parse hung on "been", the noun a relative
clause with no relative word is about ("the budget he will submit"), a
participle subject as a passive, and "it" or "its" as the named body of the
clause above. Real sentences, whole pipeline (Timeline17 articles are read
from ../shared/t17 at test time, skipped when absent)."""

from __future__ import annotations

from .realtext import event_in


def test_a_phrasal_verbs_adverb_stays():
    # "... have been dealing with Jackson's accounts since the singer passed
    # away two years ago."
    e = event_in(
        "MJ_bbc/2011-09-15/443.htm.txt", "the singer passed away", "two years ago"
    )
    # the singer is the article's main person (actors14), so the title names him
    assert e.title == "Michael Jackson passed away"


def test_a_hyphenated_word_is_not_cut_in_half():
    # "... a possible swine flu pandemic that the most populous countries in
    # Asia, China and India, would be ill-prepared to handle."
    e = event_in("H1N1_reuters/2009-04-27/1003.htm.txt", "ill-prepared", "Monday")
    assert "would be ill-prepared to handle" in e.title
    assert " -prepared" not in e.title


def test_a_complement_keeps_the_subject_the_parse_hung_on_been():
    # "... said that health officials believe more than 100 people at the St
    # Francis Preparatory School had been sickened, with 28 cases confirmed."
    e = event_in("H1N1_guardian/2009-04-28/239.htm.txt", "had been sickened", "today")
    assert e.title.endswith(
        "said that health officials believe more than 100 people had been sickened"
    )


def test_a_relative_clause_without_a_relative_word_keeps_its_noun():
    # "Mr. Obama said the budget he will submit tomorrow will reflect ..."
    e = event_in(
        "Finan_washingtonpost/2009-02-25/249.htm.txt", "he will submit", "tomorrow"
    )
    assert e.title == "Obama will submit the budget"
    # "... humiliating looters they had detained at an aid camp in Basra,
    # southern Iraq, in May 2003."
    e = event_in(
        "IraqWar_guardian/2005-01-19/72.htm.txt", "they had detained", "May 2003"
    )
    assert e.title.startswith("They had detained looters at an aid camp")


def test_a_participle_subject_is_told_as_a_passive():
    # "BP said the capping stack placed on top of the well in July was
    # removed on Thursday."
    e = event_in(
        "bpoil_bbc/2010-09-03/1743.htm.txt", "the capping stack placed", "July"
    )
    assert e.title == "The capping stack was placed on top of the well"


def test_it_in_what_a_named_body_said_is_that_body():
    # "The National Oceanic and Atmospheric Administration said on Friday it
    # had begun work to survey a new ship anchorage site ..."
    e = event_in("bpoil_reuters/2010-05-30/901.htm.txt", "it had begun work", "Friday")
    assert e.title.startswith(
        "The National Oceanic and Atmospheric Administration had begun work"
    )
    # "... EDT ROBERT, Louisiana (Reuters) - BP Plc said on Monday it will
    # again attempt to contain oil gushing deep in the Gulf of Mexico, ..."
    e = event_in(
        "bpoil_reuters/2010-05-10/2067.htm.txt", "it will again attempt", "Monday"
    )
    assert e.title.startswith("BP Plc will attempt to contain oil")


def test_its_is_the_named_subject_of_the_clause_above():
    # "... and Chile reported two new cases, adding to its first two cases
    # reported on Sunday."
    e = event_in(
        "H1N1_reuters/2009-05-18/1041.htm.txt", "adding to its first", "Sunday"
    )
    assert e.title == "Chile’s first two cases were reported"
