"""A title's subject is the clause's own: never the dateline or credit
opening the article, the noun a misparsed "whose" follows, and a phrasal
verb keeps its particle's preposition. Real sentences, whole pipeline
(Timeline17 articles are read from ../shared/t17 at test time, skipped when
absent)."""

from __future__ import annotations

from .realtext import event_in


def test_a_dateline_is_never_the_subject():
    # "(AP Photo/...) (... - AP) LONDON, Feb. 26 -- The Royal Bank of Scotland,
    # a global giant whose ..., reported the largest annual corporate loss ..."
    e = event_in(
        "Finan_washingtonpost/2009-02-27/308.htm.txt", "LONDON, Feb. 26 --", "Feb. 26"
    )
    assert e.title.startswith("The Royal Bank of Scotland reported the largest")
    # "LONDON, Feb. 10 -- Fred, Tom, Andy, ... and Paul ran British banks that
    # lost billions of dollars."
    e = event_in(
        "Finan_washingtonpost/2009-02-11/2035.htm.txt", "LONDON, Feb. 10 --", "Feb. 10"
    )
    assert not e.title.startswith("LONDON")
    assert "ran British banks" in e.title


def test_a_dateline_with_its_region_leaves_the_subject_alone():
    # "MESA, Ariz., Feb. 18 -- President Obama unveiled a foreclosure-prevention
    # package Wednesday ..."
    e = event_in(
        "Finan_washingtonpost/2009-02-19/164.htm.txt", "MESA, Ariz., Feb. 18", "Feb. 18"
    )
    assert e.title.startswith("President Obama unveiled a foreclosure-prevention")


def test_a_misparsed_whose_takes_the_noun_it_follows():
    # "The 787 illustrates the differing strategies adopted by Boeing and
    # Airbus whose double-decker A380 first flew in April 2005 ..."
    e = event_in(
        "wikinews-meantime-73808", "whose double-decker A380 first flew", "April 2005"
    )
    assert e.title.startswith("Airbus’s double-decker A380")


def test_a_particle_keeps_its_preposition():
    # "GM and Chrysler both ran out of operating funds in December, leading to
    # the federal bailout."
    e = event_in("wikinews-meantime-120554", "ran out of operating funds", "December")
    assert e.title == "GM and Chrysler both ran out of operating funds"


def test_a_vague_description_gives_way_to_its_named_speaker():
    # "Karam said the center had passed its last government inspection in May."
    e = event_in(
        "H1N1_reuters/2009-06-06/216.htm.txt",
        "the center had passed its last government inspection",
        "May",
    )
    assert e.title == "Karam said the center had passed its last government inspection"
    # "The New York Times and the Associated Press both report that the number
    # of jobs in the service sector rose in August according to research done
    # by ...": the reporters, and no "according" left dangling
    e = event_in(
        "wikinews-meantime-112579", "the number of jobs in the service sector", "August"
    )
    assert e.title == (
        "The New York Times and the Associated Press reported that the number of"
        " jobs in the service sector rose"
    )


def test_a_bylines_time_stamp_is_not_part_of_the_subject():
    # "... Wednesday 18 May 2005 01.13 BST George Galloway, then a Labor MP,
    # first went to Iraq 10 years ago."
    e = event_in(
        "IraqWar_guardian/2005-05-18/300.htm.txt",
        "George Galloway, then a Labor MP",
        "10 years ago",
    )
    assert e.title == "George Galloway went to Iraq"
    # the evidence starts after the page's stamp, with the story
    assert e.sentence.startswith("George Galloway, then a Labor MP")
