"""A chronology's entries: a line opened by its date, told in the historical
present ("30 September 2011 Paramedics tell the court ...").

Real text: a BBC trial timeline, a Reuters factbox and a Fox News gallery of
the Timeline17 collections, read from ../shared at run time (skipped when it
is absent).
"""

from __future__ import annotations

from datetime import date

from .realtext import event_in, events_in

TIMELINE = "MJ_bbc/2011-11-30/176.htm.txt"


def test_an_entry_in_the_historical_present_is_an_event():
    event = event_in(TIMELINE, "Dr Murray weeps in court", "27 October 2011")
    assert event.start == date(2011, 10, 27)
    assert event.title.startswith("Dr Murray wept in court")


def test_the_date_opening_an_entry_is_not_its_subject():
    # The parser hangs "30 September 2011" on "Paramedics" (the subject).
    event = event_in(TIMELINE, "Paramedics tell the court", "30 September 2011")
    assert event.start == date(2011, 9, 30)
    assert event.title.startswith("Paramedics told the court")


def test_entries_of_one_clause_are_events():
    begin = event_in(TIMELINE, "Preliminary hearings begin", "4 January 2011")
    assert begin.title == "Preliminary hearings began"
    jury = event_in(TIMELINE, "goes to the jury", "3 November 2011")
    assert jury.start == date(2011, 11, 3)


def test_a_date_opening_an_entry_does_not_date_the_subjects_noun():
    # The parser reads "27 September 2011 Opening arguments" as dated
    # arguments (a thing), "8 December 2010 California medical board" as a
    # dated board: in an entry the date is the clause's.
    opening = event_in(TIMELINE, "Opening arguments take place", "27 September 2011")
    assert opening.start == date(2011, 9, 27)
    assert opening.title.startswith("Opening arguments took place")
    board = event_in(TIMELINE, "California medical board allows", "8 December 2010")
    assert board.start == date(2010, 12, 8)
    jury = event_in(TIMELINE, "Jury selection begins", "April 2011")
    assert jury.title == "Jury selection began"


def test_an_entry_after_a_dash_is_an_event():
    # A wire's factbox: "April 25 - The Coast Guard approves a plan ..."
    event = event_in(
        "bpoil_reuters/2010-06-03/364.htm.txt",
        "The Coast Guard approves a plan",
        "April 25",
    )
    assert event.start == date(2010, 4, 25)
    assert event.title.startswith("The Coast Guard approved a plan")


def test_a_gallery_caption_after_a_colon_is_no_entry():
    caption = "A young heron sits dying amidst oil"
    assert not events_in("bpoil_foxnews/2010-05-24/912.htm.txt", caption)
