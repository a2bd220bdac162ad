"""A title keeps what completes its verb and is built on the act, not on the
document it was done in: a manner adverb after a verb with nothing else
("performed particularly badly"), no date opener left bare ("starting"), and
a document's or broadcast's date ("in a press release released earlier
today", "In his interview ... that aired this morning") tells what was said
or done in it. Real sentences, whole pipeline (Timeline17 articles are read
from ../shared/t17 at test time, skipped when absent)."""

from __future__ import annotations

from .realtext import event_in


def test_a_manner_adverb_completes_a_verb_with_nothing_after_it():
    # "South American markets performed particularly badly today."
    e = event_in("wikinews-meantime-115587", "South American markets", "today")
    assert e.title == "South American markets performed particularly badly"
    # "The Merval index is another one that fared badly today."
    e = event_in("wikinews-meantime-114565", "The Merval index", "today")
    assert e.title == "The Merval index fared badly"


def test_a_date_opener_with_its_date_gone_goes_too():
    # "... and that applications can be submitted starting next month."
    e = event_in(
        "wikinews-meantime-214601", "applications can be submitted", "next month"
    )
    assert e.title == "Applications can be submitted"


def test_a_documents_date_tells_what_was_done_in_it():
    # "The US Treasury described the government's bail-out plan in a press
    # release released earlier today.": not "A press release was released"
    e = event_in("wikinews-meantime-113330", "in a press release", "earlier today")
    assert e.title == (
        "The US Treasury described the government's bail-out plan in a press release"
    )


def test_an_adjective_parsed_as_an_adverb_completes_the_verb():
    # "This week, five year seven pupils at Alleyn's school in Dulwich,
    # south-east London, tested positive for the virus."
    e = event_in(
        "H1N1_guardian/2009-05-05/411.htm.txt",
        "tested positive for the virus",
        "This week",
    )
    assert e.title.endswith("tested positive for the virus")


def test_a_broadcasts_date_tells_what_was_said_in_it():
    # "In his interview with NBC's Matt Lauer that aired this morning, Barack
    # Obama acknowledged that he'll be a one-term president ..."
    e = event_in(
        "Finan_washingtonpost/2009-02-02/1153.htm.txt",
        "NBC's Matt Lauer that aired",
        "this morning",
    )
    assert e.title.startswith("Barack Obama acknowledged that")
    # "In an internal report released Wednesday, BP stood by its decision, ..."
    e = event_in(
        "bpoil_foxnews/2010-09-09/1492.htm.txt",
        "In an internal report released Wednesday",
        "Wednesday",
    )
    assert e.title == "BP stood by its decision"


def test_what_a_report_found_before_found_is_its_finding():
    # '"The Texas City disaster was caused by organisational and safety
    # deficiencies at all levels of the BP corporation," the 2007 report found.'
    e = event_in(
        "bpoil_guardian/2010-05-02/215.htm.txt", "the 2007 report found", "2007"
    )
    assert e.title.startswith(
        "The report found: The Texas City disaster was caused by organisational"
    )


def test_what_was_said_hung_on_the_dates_words_is_said():
    # "... but family members had said as recently as Saturday that he was
    # making some progress.": not "Family members had said"
    e = event_in(
        "H1N1_reuters/2009-05-18/1196.htm.txt",
        "family members had said as recently as Saturday",
        "Saturday",
    )
    assert e.title == "Family members had said that he was making some progress"


def test_a_name_ending_in_a_number_keeps_its_first_words():
    # "... in preparations for the Group of 20 economic summit scheduled for
    # April 2 in London, ...": not "20 economic summit will be scheduled"
    e = event_in(
        "Finan_washingtonpost/2009-03-18/1643.htm.txt",
        "Group of 20 economic summit scheduled",
        "April 2",
    )
    assert e.title == "The Group of 20 economic summit is scheduled"


def test_a_document_in_a_phrase_of_a_noun_tells_nothing_done_in_it():
    # "This comes despite a report released by the US Labor Department on the
    # same day, which said ...": "despite" is no act done in the report
    e = event_in(
        "wikinews-meantime-124259", "despite a report released by", "the same day"
    )
    assert not e.title.startswith("This comes")
