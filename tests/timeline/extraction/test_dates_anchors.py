"""Relative dates read from the right anchor (issue #12, branch dates12):
"this weekend" just past, "the day" and "that day" of the story, ranges
written as one date, "1 May last year", "A little over a week ago".

Real articles, tagged whole with the real model (a date's anchor is in the
sentences before it). Wikinews articles are the bundled sample; Timeline17
articles are read from ../shared/t17 by id at test time (skipped when absent).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.nlp import get_nlp
from timeline.extraction.temporal.tagger import tag_timexes

from .realtext import article, events_in


def value_at(article_id: str, fragment: str, expression: str) -> str:
    """The value of `expression` in the sentence holding `fragment`, the whole
    article tagged against its publication date."""
    row = article(article_id)
    text = row["text"]
    at = text.index(fragment)
    doc = get_nlp()(text)
    (sent,) = [s for s in doc.sents if s.start_char <= at < s.end_char]
    got = [
        t.value
        for t in tag_timexes(doc, date.fromisoformat(row["published"]))
        if sent.start_char <= t.start < sent.end_char and t.text == expression
    ]
    assert got, f"no {expression!r} in {sent.text!r}"
    return got[0]


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "value"),
    [
        # "The market has been roiled by the demise of Lehman Brothers and the
        # quick sale of Merrill Lynch to Bank of America for about $50 billion
        # this weekend." (Tuesday 2008-09-16): Sept. 13-14, not 20-21
        (
            "Finan_washingtonpost/2008-09-16/1743.htm.txt",
            "the quick sale of Merrill Lynch",
            "this weekend",
            "2008-W37-WE",
        ),
        # "Earlier in the day, Boeing received a congratulatory letter from
        # Airbus." in a story of the Sunday rollout (2007-07-08), four lines
        # after an aside's "On Saturday, Boeing announced 35 new orders"
        (
            "wikinews-meantime-73808",
            "Earlier in the day, Boeing received",
            "Earlier in the day",
            "2007-07-08",
        ),
        # "The Shanghai Composite Index lost 6.3 percent ... to close the day at
        # 1,723.35." (Monday 2008-10-27), two lines after "On Friday, the
        # trading value for the yen fell"
        (
            "wikinews-meantime-115711",
            "The Shanghai Composite Index lost",
            "the day",
            "2008-10-27",
        ),
        # "Like Bush, Rice was all transformed by the experience of 11
        # September, 2001. That day wiped out any remnant ..." (2005-01-16)
        (
            "IraqWar_guardian/2005-01-16/263.htm.txt",
            "That day wiped out",
            "That day",
            "2001-09-11",
        ),
        # "Lord Goldsmith's 13-page minute was sent to Mr Blair on March 7 2003.
        # On that day, Hans Blix ... declared"
        (
            "IraqWar_guardian/2005-04-28/13.htm.txt",
            "On that day, Hans Blix",
            "that day",
            "2003-03-07",
        ),
        # "... came under attack on the outskirts of the central Iraqi city of
        # Amara on the night of 1 May last year." (2005-03-20): the day
        (
            "IraqWar_guardian/2005-03-20/24.htm.txt",
            "on the night of 1 May last year",
            "1 May last year",
            "2004-05-01",
        ),
        # "... exposure while on business travel in Mexico between April 14-18"
        # (2009-04-30): the week of the trip, not its first day
        (
            "H1N1_guardian/2009-04-30/604.htm.txt",
            "business travel in Mexico between",
            "April 14-18",
            "2009-W16",
        ),
        # "The Japanese economy contracted by 0.9% between April and June":
        # the second quarter, not April
        (
            "wikinews-meantime-116834",
            "contracted by 0.9% between April and June",
            "April and June",
            "2008-Q2",
        ),
        # "A little over a week ago, this global health crisis was triggered
        # when the Mexican government announced ..." (Saturday 2009-05-02):
        # the week before last (April 23-24), not exactly April 25
        (
            "H1N1_bbc/2009-05-02/90.htm.txt",
            "this global health crisis was triggered",
            "A little over a week ago",
            "2009-W17",
        ),
    ],
)
def test_a_relative_date_reads_from_its_anchor(article_id, fragment, expression, value):
    assert value_at(article_id, fragment, expression) == value


def test_a_range_of_months_no_unit_holds_keeps_its_start():
    # "... the blown-out undersea Macondo well, which between April and July
    # dumped millions of gallons": no quarter; April, as before
    assert (
        value_at(
            "bpoil_washingtonpost/2010-09-02/101.htm.txt",
            "between April and July",
            "April",
        )
        == "2010-04"
    )


def test_an_event_over_a_range_is_dated_by_its_unit():
    (event,) = [
        e
        for e in events_in("wikinews-meantime-116834", "between April and June")
        if e.expression == "April and June"
    ]
    assert (event.start, event.end, event.precision) == (
        date(2008, 4, 1),
        date(2008, 6, 30),
        "quarter",
    )
