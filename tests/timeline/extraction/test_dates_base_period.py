"""Dates that are not the event's own: a comparison's base, a report's period,
"day-to-day" and a past "By late Friday" (issue #12, branch dates11).

Real sentences through the whole pipeline. Wikinews articles are the bundled
sample; Timeline17 articles are read from ../shared/t17 by id at test time
(skipped when absent).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.nlp import get_nlp
from timeline.extraction.temporal.tagger import tag_timexes

from .realtext import article, event_in, events_in


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression"),
    [
        # "The Dow's 344.65-point fall left the index at 11,188.23, a 2.99
        # percent decrease from the close of trading Wednesday." (Thursday)
        ("wikinews-meantime-112579", "decrease from the close of trading", "Wednesday"),
        # "... finished on 7223.98, an increase of 54 points from March 12 2009."
        ("wikinews-meantime-122475", "an increase of 54 points from", "March 12 2009"),
        # "... 14,800 barrels of oil from the leaking well on Monday, 33 percent
        # higher than the amount collected on Sunday ..."
        ("bpoil_reuters/2010-06-08/1745.htm.txt", "higher than the amount", "Sunday"),
        # "An Associated Press poll last month found that 72 percent ... -- up
        # from 64 percent in May and 59 percent in April."
        ("bpoil_foxnews/2010-07-29/2102.htm.txt", "up from 64 percent in May", "May"),
    ],
)
def test_a_comparisons_base_dates_no_event(article_id, fragment, expression):
    found = events_in(article_id, fragment)
    assert [e.title for e in found if e.expression == expression] == []


def test_the_change_keeps_its_own_date():
    # the Monday collection and the poll "last month" stay
    assert event_in("bpoil_reuters/2010-06-08/1745.htm.txt", "higher than", "Monday")
    assert event_in(
        "bpoil_foxnews/2010-07-29/2102.htm.txt", "up from 64 percent", "last month"
    )
    # "the number of confirmed cased in Spain rose from two to 10 on
    # Wednesday": a figure's start, not a date, follows "from"
    assert event_in(
        "H1N1_bbc/2009-04-29/649.htm.txt", "rose from two to 10", "Wednesday"
    )


def test_a_report_of_a_period_is_dated_by_the_article():
    # "GM reported losing US$ 4.8 billion in the fourth quarter of 2005 and a
    # total loss of $8.6 billion for the entire year." (2006-01-27): one
    # event, the report, on the article's day
    found = events_in("wikinews-meantime-31965", "GM reported losing US$ 4.8 billion")
    assert [(e.start, e.precision) for e in found] == [(date(2006, 1, 27), "day")]
    assert "fourth quarter" in found[0].title


def test_a_report_dated_by_its_own_day_drops_the_period():
    # "Other companies also reported February sales today, ..."
    found = events_in("wikinews-meantime-160257", "Other companies also reported")
    assert [e.expression for e in found] == ["today"]
    # "... recently the company reported a second quarter loss of $254
    # million ...": "recently" gives no day, so the report is told as news,
    # on the article's day, not in the quarter
    found = events_in("wikinews-meantime-47720", "reported a second quarter loss")
    report = [e for e in found if e.expression == "a second quarter"]
    assert [e.value for e in report] == ["2006-08-19"]


def test_a_past_report_of_that_time_keeps_its_period():
    # "In the first quarter of last year, GM had reported a loss ..."
    assert event_in(
        "wikinews-meantime-126029",
        "GM had reported a loss",
        "the first quarter of last year",
    )


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # "Mr Svanberg has also said that Chief Executive Tony Hayward would be
        # handing over the day-to-day response to BP managing director Bob Dudley."
        ("bpoil_bbc/2010-06-18/1340.htm.txt", "handing over the day-to-day response"),
        # "... Bob Dudley, took over the day-to-day operations in the Gulf last month."
        ("bpoil_bbc/2010-07-26/2054.htm.txt", "took over the day-to-day operations"),
    ],
)
def test_day_to_day_is_no_day(article_id, fragment):
    assert [e.expression for e in events_in(article_id, fragment)] in (
        [],
        ["last month"],
    )


def test_by_late_friday_with_a_past_verb_is_a_past_day():
    # "By late Friday, federal officials estimated that the slick had reached
    # land ..." in Saturday's (May 1) paper: April 30, not May 7
    event = event_in(
        "bpoil_washingtonpost/2010-05-01/2029.htm.txt",
        "By late Friday, federal officials estimated",
        "late Friday",
    )
    assert event.start == date(2010, 4, 30)


def test_by_thursday_with_would_stays_ahead():
    # "The company said it would begin the drilling by Thursday ..." (Tuesday,
    # April 27): a deadline ahead, April 29
    row = article("bpoil_foxnews/2010-04-27/184.htm.txt")
    text = row["text"]
    at = text.index("would begin the drilling by Thursday") + len(
        "would begin the drilling by "
    )
    timexes = tag_timexes(get_nlp()(text), date.fromisoformat(row["published"]))
    assert [t.value for t in timexes if t.start == at] == ["2010-04-29"]
