"""Input hygiene (timeline/extraction/hygiene.py): page furniture and reader
comments found on real scraped pages, and no event made from them.

Timeline17 articles are read from ../shared/t17 at test time by their id
(their text is not ours to copy into the repository); those tests skip when
the data is absent.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED, needs_shared
from timeline.extraction.hygiene import (
    BLOG,
    BYLINE,
    CAPTION,
    CHAT,
    COMMENT,
    COPYRIGHT,
    CORRECTION,
    CREDIT,
    DATED_LIST,
    FACT_BOX,
    FRAGMENT,
    HEADING,
    LISTING,
    NAVIGATION,
    RELATED,
    SHARE,
    TIMESTAMP,
    TRANSCRIPT,
    Screen,
    dated_list_spans,
    furniture_spans,
    line_hash,
    normalise_line,
)
from timeline.extraction.nlp import get_nlp
from timeline.extraction.pipeline import extract
from timeline.extraction.temporal.tagger import tag_timexes
from timeline.extraction.types import Document

from .realtext import events_in

T17 = SHARED / "t17"
SAMPLES = Path(__file__).resolve().parents[3] / "samples"  # shipped


@cache
def _collection(name: str) -> dict[str, dict]:
    path = T17 / f"{name}.articles.jsonl"
    with path.open(encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def t17(article_id: str) -> dict:
    """A Timeline17 article by id; skips the test when ../shared is absent."""
    needs_shared("t17")
    return _collection(article_id.split("/", 1)[0])[article_id]


def _reasons(text: str, piece: str) -> set[str]:
    """The reasons whose spans, together, cover all of `piece` (first copy)."""
    start = text.index(piece)
    end = start + len(piece)
    spans = furniture_spans(text)
    return {
        reason
        for reason in {s.reason for s in spans}
        if Screen([s for s in spans if s.reason == reason]).covered(start, end)
        == end - start
    }


def _untouched(text: str, piece: str) -> bool:
    start = text.index(piece)
    return Screen(furniture_spans(text)).covered(start, start + len(piece)) == 0


# (article id, furniture in it, what finds it, real news in the same article)
REAL_FURNITURE = [
    (
        "Finan_washingtonpost/2009-06-11/1357.htm.txt",
        "By Ezra Klein | June 11, 2009; 8:20 AM ET",
        BYLINE,
        None,
    ),
    (
        "MJ_bbc/2011-07-26/330.htm.txt",
        "Page last updated at 08:03 GMT, Tuesday, 26 July 2011 09:03 UK",
        TIMESTAMP,
        None,
    ),
    (  # "Thursday" whole, not cut at "Thu" (issue #12, seed 2424)
        "MJ_bbc/2011-02-03/362.htm.txt",
        "Page last updated at 11:14 GMT, Thursday, 3 February 2011",
        TIMESTAMP,
        None,
    ),
    (
        "MJ_bbc/2010-06-24/1075.htm.txt",
        "Page last updated at 08:58 GMT, Thursday, 24 June 2010 09:58 UK",
        TIMESTAMP,
        None,
    ),
    (
        "MJ_bbc/2011-09-30/1193.htm.txt",
        "30 September 2011 Last updated at 06:15 GMT Help",
        TIMESTAMP,
        None,
    ),
    (
        "H1N1_reuters/2009-04-15/193.htm.txt",
        "HONG KONG | Wed Apr 15, 2009 5:56 am EDT",
        TIMESTAMP,
        None,
    ),
    (
        "H1N1_guardian/2009-04-26/1194.htm.txt",
        "Photograph: Miguel Tovar\\/AP",
        CAPTION,
        "Health officials across the world scrambled to contain the outbreak",
    ),
    (
        "bpoil_washingtonpost/2010-07-21/283.htm.txt",
        "(Alex Brandon - AP)",
        CAPTION,
        None,
    ),
    (
        "bpoil_reuters/2010-09-09/1984.htm.txt",
        "(Reporting by Tom Bergin; Editing by Hans Peters)",
        CREDIT,
        None,
    ),
    (
        "Finan_washingtonpost/2008-10-15/2149.htm.txt",
        "To Refresh Page: Press the F5 key on your keyboard or click here.",
        NAVIGATION,
        None,
    ),
    (
        "H1N1_bbc/2009-05-31/937.htm.txt",
        "Read the speech in full here.",
        NAVIGATION,
        None,
    ),
    (
        "H1N1_reuters/2009-05-18/340.htm.txt",
        "Click here for PDF.",
        NAVIGATION,
        None,
    ),
    (
        "bpoil_washingtonpost/2010-05-02/278.htm.txt",
        "-- photos",
        RELATED,
        None,
    ),
    (
        "Finan_washingtonpost/2008-10-09/677.htm.txt",
        "Permalink | Comments (2)",
        SHARE,
        "Economy Watch is taking a holiday break.",
    ),
    (
        "bpoil_foxnews/2010-05-04/1686.htm.txt",
        "Content and Programming Copyright 2010 Fox News Network, Inc..",
        COPYRIGHT,
        None,
    ),
    (
        "bpoil_bbc/2010-07-12/1327.htm.txt",
        "NEW CAP FOR LEAKING OIL WELL",
        HEADING,
        None,
    ),
    (
        "bpoil_foxnews/2010-06-12/1090.htm.txt",
        "(INAUDIBLE)",
        TRANSCRIPT,
        None,
    ),
    (
        "H1N1_reuters/2009-03-14/594.htm.txt",
        "Views expressed in the comments do not represent those of Reuters.",
        COMMENT,
        None,
    ),
    (
        "bpoil_reuters/2010-05-10/2067.htm.txt",
        "2 Chronicles 7:14 God's Word is very much relevant today, you know!",
        COMMENT,
        "The stock dropped as low as 540.7 p in London, its lowest level since "
        "November.",
    ),
    (
        "Finan_washingtonpost/2008-10-13/1057.htm.txt",
        "| Report abuse",
        COMMENT,
        None,
    ),
    (
        "H1N1_bbc/2009-06-01/75.htm.txt",
        "At 12:35 pm on 03 Jun 2009, MajorGallagher wrote:",
        COMMENT,
        None,
    ),
    (
        # The day as an ordinal: "21st Jun 2010" (the BBC's other format).
        "bpoil_bbc/2010-06-21/2075.htm.txt",
        "At 21:31 21st Jun 2010, Ebi35 wrote:",
        COMMENT,
        None,
    ),
    (
        "bpoil_foxnews/2010-06-03/748.htm.txt",
        "Shown here is the shoreline of Orange Beach",
        CAPTION,
        None,
    ),
    (
        "bpoil_reuters/2010-06-18/741.htm.txt",
        "Picture credit: BP CEO Tony Hayward walks past protesters",
        CAPTION,
        None,
    ),
    (
        "IraqWar_guardian/2005-11-13/45.htm.txt",
        "This article appeared on p15 of the Observer Review section",
        NAVIGATION,
        None,
    ),
    (
        "bpoil_reuters/2010-05-05/1538.htm.txt",
        "(c) Capitol News Company, LLC 2010",
        COPYRIGHT,
        None,
    ),
    (
        "bpoil_foxnews/2010-08-23/1946.htm.txt",
        "TEXAS CITY 46-DAY TOXIC CHEMICAL RELEASE, APRIL 6, 2010",
        HEADING,
        "As production from the Prudhoe Bay field on Alaska's North Slope declined",
    ),
]


@pytest.mark.parametrize(
    ("article_id", "furniture", "reason", "news"),
    REAL_FURNITURE,
    ids=[f"{r[2]}:{r[0]}" for r in REAL_FURNITURE],
)
def test_it_finds_furniture_on_real_pages(article_id, furniture, reason, news):
    text = t17(article_id)["text"]
    assert reason in _reasons(text, furniture)
    if news is not None:
        assert _untouched(text, news)


def test_it_ends_each_comment_at_its_signature_and_keeps_the_story():
    text = t17("Finan_washingtonpost/2008-09-16/995.htm.txt")["text"]
    screen = Screen(furniture_spans(text))
    # Comments, with their "Posted by: name | date time | Report abuse".
    for comment in (
        "FAr too much is being made of the repeal of Glass-Steagal",
        "Posted by: Nclwtk | September 17, 2008 10:53 AM | Report abuse",
    ):
        start = text.index(comment)
        assert screen.covered(start, start + len(comment)) == len(comment)
    # The post above them is not.
    story = "The crisis that has seized Wall Street over the last few days"
    assert _untouched(text, story)


def test_it_leaves_clean_news_alone():
    seed = (SAMPLES / "ukraine-2025-02-24.txt").read_text(encoding="utf-8")
    assert furniture_spans(seed) == []
    with (SAMPLES / "wikinews-meantime.jsonl").open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    flagged = [s for t in texts for s in furniture_spans(t)]
    # One line of 120 articles, a stray quote mark ("Jim. ''").
    assert len(flagged) <= 2
    assert {s.reason for s in flagged} <= {FRAGMENT}


def test_it_reads_a_cnn_comment_block():
    text = (
        "Jurors heard from the coroner on Friday.\n"
        "I can't believe this is still going on.\n"
        "jenny42 April 8, 2011 at 12:19 pm | Reply\n"
        "He should have been charged years ago, by next week it will be over.\n"
        "Mike April 8, 2011 at 1:02 pm | Reply\n"
    )
    screen = Screen(furniture_spans(text))
    assert screen.covered(0, len("Jurors heard from the coroner on Friday.")) == 0
    for piece in ("April 8, 2011 at 12:19 pm | Reply", "by next week it will be over"):
        start = text.index(piece)
        assert screen.covered(start, start + len(piece)) == len(piece)


def test_it_flags_a_short_label_but_not_a_dateline():
    assert {s.reason for s in furniture_spans("Change to 1992")} == {FRAGMENT}
    assert furniture_spans("WASHINGTON, March 3\nThe Senate voted on Monday.") == []


def test_it_normalises_lines_for_repetition():
    assert normalise_line("  Views expressed in the COMMENTS…  ") == (
        "views expressed in the comments"
    )
    assert line_hash("Send us an e-mail.") == line_hash("send us an  e-mail")
    assert line_hash("Send us an e-mail.") != line_hash("Send us a letter.")


# --- no events from furniture: the real model on real text -----------------------


def _events(text: str, published: date):
    (extraction,) = extract([Document(text, published, "1")])
    return extraction


def test_it_makes_no_event_from_a_page_stamp_but_still_tags_it():
    article = t17("MJ_bbc/2011-09-30/1193.htm.txt")
    text = article["text"]
    stamp = text.index("30 September 2011 Last updated")
    result = _events(text, date.fromisoformat(article["published"]))
    assert any(t.start == stamp for t in result.timexes)  # the timex stays
    assert not any(
        e.expression_start < stamp + 48 and e.expression_end > stamp
        for e in result.events
    )


def test_it_makes_no_page_updated_event_from_a_thursday_stamp():
    """BBC's "Page last updated at 11:14 GMT, Thursday, 3 February 2011", glued
    to the lead: the review's "Page updated" event (seed 2424)."""
    article = t17("MJ_bbc/2011-02-03/362.htm.txt")
    text = article["text"]
    stamp = text.index("Thursday, 3 February 2011")
    result = _events(text, date.fromisoformat(article["published"]))
    assert any(t.start == stamp for t in result.timexes)  # the timex stays
    assert not any(e.expression_start == stamp for e in result.events)
    assert any(e.kind == "death" for e in result.events)  # the story's events stay


def test_it_makes_no_event_from_reader_comments():
    article = t17("Finan_washingtonpost/2008-10-13/1057.htm.txt")
    text = article["text"]
    screen = Screen(furniture_spans(text))
    result = _events(text, date.fromisoformat(article["published"]))
    first_signature = text.index("| Report abuse")
    stamps = [t for t in result.timexes if t.start > first_signature]
    assert stamps  # comment timestamps are there to be tagged …
    assert result.events  # … the story still has its events …
    for e in result.events:  # … and none comes from a comment
        assert not screen.excludes(
            sentence=(e.sentence_start, e.sentence_end),
            expression=(e.expression_start, e.expression_end),
            text=text,
        )
        assert e.expression_start < first_signature or e.expression_start > max(
            s.end for s in screen.spans if s.reason == COMMENT
        )


@pytest.mark.parametrize(
    "text",
    [
        "Change to 1992",  # a page control
        "Views expressed in the comments do not represent ours.\n"
        "50 years later it hasn't worked in Korea.\n"
        "This discussion is now closed.",
        "Reader comments\nIt will be over by next week, mark my words.\n"
        "jenny42 April 8, 2011 at 12:19 pm | Reply",
        "jenny42 April 8, 2011 at 12:19 pm | Reply",
    ],
    ids=["change-to-1992", "50-years-later", "it-will-be", "comment-timestamp"],
)
def test_it_regression_makes_no_event_from_issue_12_rows(text):
    result = _events(text, date(2011, 4, 8))
    assert result.events == ()


def test_it_keeps_the_news_of_a_page_with_furniture():
    article = t17("H1N1_reuters/2009-04-15/193.htm.txt")
    text = article["text"]
    result = _events(text, date.fromisoformat(article["published"]))
    stamp = text.index("HONG KONG | Wed Apr 15, 2009 5:56 am EDT")
    assert result.events
    assert all(not (stamp <= e.expression_start < stamp + 40) for e in result.events)


# The examples issue #12 names (a CNN page), each with what finds it.
ISSUE_EXAMPLES = [
    ("By the CNN Wire Staff", BYLINE),
    ("updated 6:46 a.m. EST, Mon March 14, 2011", TIMESTAMP),
    ("RETWEET", SHARE),
    ("E-mail to a friend", SHARE),
    ("Related: Japan quake timeline | Nuclear fears | Live blog", RELATED),
    ("Click here for the full story.", NAVIGATION),
    ("Copyright 2011 CNN. All rights reserved.", COPYRIGHT),
    ("(BEGIN VIDEO CLIP)", TRANSCRIPT),
    ("ANDERSON COOPER, CNN ANCHOR:", TRANSCRIPT),
    ("Mike April 8, 2011 at 12:19 pm | Reply", COMMENT),
]


@pytest.mark.parametrize(("line", "reason"), ISSUE_EXAMPLES)
def test_it_finds_the_furniture_issue_12_names(line, reason):
    text = f"{line}\nTokyo (CNN) -- Japan said a second blast hit the plant on Monday."
    assert reason in _reasons(text, line.rstrip(":"))
    assert _untouched(text, "Japan said a second blast hit the plant on Monday.")


_PIECES = st.sampled_from(
    [
        "By Jane Doe | ",
        "April 8, 2011 at 12:19 pm | Reply\n",
        "Posted by: x | May 1, 2010 4:27 PM | Report abuse ",
        "This discussion is now closed.\n",
        "Views expressed in the comments are theirs.\n",
        "CLICK HERE ",
        "(AP Photo) ",
        "The senate voted on Monday. ",
        "\n",
        " | ",
        "At 1:02 pm on 29 May 2009, bob wrote: ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=25))
def test_it_returns_sorted_spans_inside_any_text(pieces):
    text = "".join(pieces)
    spans = furniture_spans(text)
    assert spans == sorted(spans, key=lambda s: (s.start, s.end))
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    screen = Screen(spans)
    assert 0 <= screen.covered(0, len(text)) <= len(text)


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # "In this image taken from video provided by BP PLC at 12:23 a.m. EDT, ..."
        ("bpoil_foxnews/2010-09-04/1673.htm.txt", "In this image taken from video"),
        # "A logo is seen at a BP fuel station in London July 27, 2010."
        ("bpoil_reuters/2010-09-10/899.htm.txt", "A logo is seen at a BP"),
        # "Andrew Marshall, former Reuters Baghdad bureau chief This article
        # appeared on p56 of the MediaGuardian section ..."
        ("IraqWar_guardian/2005-09-05/180.htm.txt", "This article appeared on p56"),
        # "SOURCES: BP, Gulf Coast Claims Facility, NOAA | The Washington Post - Oct. 20, 2010"
        ("bpoil_washingtonpost/2010-10-20/2104.htm.txt", "SOURCES: BP, Gulf Coast"),
    ],
)
def test_it_makes_no_event_from_captions_page_notes_or_source_lines(
    article_id, fragment
):
    assert events_in(article_id, fragment) == []


def test_it_makes_no_event_from_a_programme_promotion():
    # 'Watch “The O'Reilly Factor” weeknights at 8 p.m. and 11 p.m. ET!'
    assert (
        events_in("bpoil_foxnews/2010-06-16/44.htm.txt", "weeknights at 8 p.m.") == []
    )


def test_it_makes_no_event_from_a_programme_listing():
    # "This Prom will be broadcast on BBC Four at 7.30 pm tonight, and is
    # repeated on BBC Radio 3 on Thursday 26 August at 2.45 pm."
    found = events_in("MJ_bbc/2010-08-01/601.htm.txt", "This Prom will be broadcast")
    assert found == []


@pytest.mark.parametrize(
    ("article_id", "box", "news"),
    [
        (
            "Finan_washingtonpost/2009-01-26/1866.htm.txt",
            "Alma Mater: Dartmouth College, Bachelor's Degree, 1983; Johns Hopkins"
            " School for Advanced International Studies, Master's, 1985",
            "Geithner was born in New York City in 1961",
        ),
        (
            "Finan_washingtonpost/2009-05-24/1066.htm.txt",
            "Alma Mater: Yale University, B.A. (history), 1987; Oxford University,"
            " M. Phil, 1989; Yale Law School, J.D., 1992",
            "Barr grew up with a mom",
        ),
    ],
)
def test_it_finds_a_fact_box_and_keeps_the_sentence_glued_to_it(article_id, box, news):
    text = t17(article_id)["text"]
    assert FACT_BOX in _reasons(text, box)
    assert _untouched(text, news)
    found = events_in(article_id, box)
    assert [e.expression for e in found if e.expression_start < text.index(news)] == []


def test_a_sentence_with_semicolons_and_years_is_no_fact_box():
    text = "Note: BP said on Monday 2010; it was 2011 again."
    assert [s for s in furniture_spans(text) if s.reason == FACT_BOX] == []


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # "This post was last changed at 06:36 PM, April 2 2005, at a time when ..."
        ("IraqWar_guardian/2005-04-02/134.htm.txt", "This post was last changed"),
        # "A version appeared on p1 of the Main section section of the Guardian on
        # 22.57 BST on Wednesday 25 August 2010 ..."
        ("bpoil_guardian/2010-08-25/1633.htm.txt", "A version appeared on p1"),
        # a wire photo's caption: "A BP petrol station is reflected in a car, in
        # London April 28, 2009."
        ("bpoil_reuters/2010-07-25/1008.htm.txt", "A BP petrol station is reflected"),
    ],
)
def test_it_makes_no_event_from_a_post_note_a_version_note_or_a_wire_caption(
    article_id, fragment
):
    assert events_in(article_id, fragment) == []


def test_a_dated_sentence_with_a_place_is_no_caption():
    text = "BP shares fell 3 percent, in London April 28, 2009, after the report."
    assert furniture_spans(text) == []


def test_it_makes_no_event_from_a_caption_note():
    # "Illustration: Eric Gay\/AP (This caption was amended on 6 May 2010."
    assert (
        events_in("bpoil_guardian/2010-05-05/307.htm.txt", "This caption was amended")
        == []
    )


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # "Wednesday: BP Chairman Carl-Henric Svanberg (left), CEO Tony Hayward and
        # Managing Director Bob Dudley leave the White House after their meeting ..."
        ("bpoil_foxnews/2010-06-21/941.htm.txt", "Svanberg (left), CEO Tony Hayward"),
        # "July 17, 2010: The containment stack is shown at the site of the ..."
        (
            "bpoil_foxnews/2010-07-18/1322.htm.txt",
            "July 17, 2010: The containment stack",
        ),
    ],
)
def test_it_makes_no_event_from_a_caption_by_its_position_cue_or_leading_date(
    article_id, fragment
):
    assert events_in(article_id, fragment) == []


def test_a_party_letter_is_no_caption_cue():
    text = "Gov. Bobby Jindal (R) has reacted with fury to the moratorium on Monday."
    assert furniture_spans(text) == []


def test_it_screens_a_programme_schedule_page_by_its_shape():
    # BBC Network Radio's weekly listing: slots that open lines ("6.00-7.00 pm
    # BBC RADIO 5 LIVE ...", "From 5pm, ...") and blurbs in prose ("Miller and
    # Pinter went to Turkey in 1985 to protest ..."): no event from it
    for article_id, blurb in (
        ("MJ_bbc/2009-10-23/394.htm.txt", "are announced today"),
        ("MJ_bbc/2010-04-16/716.htm.txt", "Miller and Pinter went to Turkey"),
    ):
        text = t17(article_id)["text"]
        assert LISTING in _reasons(text, blurb)
        assert events_in(article_id, blurb) == []


def test_a_news_page_with_clock_times_is_no_schedule():
    # one "From 9pm" or a time range in a story makes no listing
    text = (
        "Polls open from 7.00-10.00 pm in most states.\n"
        "From 9pm, officials began counting the votes.\n"
        "The governor conceded on Wednesday.\n"
    )
    assert [s for s in furniture_spans(text) if s.reason == LISTING] == []
    for row in map(json.loads, (SAMPLES / "wikinews-meantime.jsonl").open()):
        assert [s for s in furniture_spans(row["text"]) if s.reason == LISTING] == []


def test_a_live_blogs_entry_stamp_dates_no_event():
    # "2.05 pm: Svanberg explains that oil production is an inherently risky
    # business, ...": the stamp is furniture and dates nothing
    article_id = "bpoil_guardian/2010-06-04/796.htm.txt"
    assert TIMESTAMP in _reasons(t17(article_id)["text"], "2.05 pm:")
    assert events_in(article_id, "Svanberg explains that oil production") == []


def test_a_live_blog_entry_keeps_its_own_date():
    # "2.45 pm: Investors are asking for more details about exactly what went
    # wrong on the Deepwater Horizon before it exploded on 20 April, ...": the
    # stamp is out, the explosion's own date stays
    found = events_in("bpoil_guardian/2010-06-04/796.htm.txt", "exploded on 20 April")
    assert [e.expression for e in found] == ["20 April"]


@pytest.mark.parametrize(
    "fragment",
    [
        # "11.39 pm: Time to wrap things up for the night, since ..."
        "Time to wrap things up for the night",
        # "5.30 pm: Good afternoon, this is Richard Adams in the Guardian's
        # Washington DC bureau, taking over from Adam's excellent work."
        "Good afternoon, this is Richard Adams",
        # "That's all from me in London, but stay tuned, ..."
        "That's all from me in London",
    ],
)
def test_it_makes_no_event_from_a_live_blogs_own_chatter(fragment):
    article_id = "bpoil_guardian/2010-09-08/1134.htm.txt"
    assert BLOG in _reasons(t17(article_id)["text"], fragment)
    assert events_in(article_id, fragment) == []


def test_chatter_words_outside_a_live_blog_are_news():
    text = "Good afternoon, the minister said as he arrived in Paris on Monday.\n"
    assert [s for s in furniture_spans(text) if s.reason == BLOG] == []


def test_it_makes_no_event_from_a_publication_note_or_a_blog_byline_stamp():
    # "A version appeared in the Guardian on 12.46 BST on Sunday 30 May 2010 ..."
    assert (
        events_in("bpoil_guardian/2010-05-30/1775.htm.txt", "A version appeared") == []
    )
    # "James Reynolds | 07:37 UK time, Friday, 29 May 2009 China is taking the
    # H1N1 threat pretty seriously.": the stamp is the date, not the news's
    article_id = "H1N1_bbc/2009-05-29/67.htm.txt"
    assert BYLINE in _reasons(t17(article_id)["text"], "07:37 UK time")
    found = events_in(article_id, "James Reynolds | 07:37")
    assert [e for e in found if e.expression == "Friday, 29 May 2009"] == []


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # a photo caption led by a day without its year: "July 6: Barges lined up
        # to block oil are seen from the air in Chef Menteur Pass, ..."
        ("bpoil_foxnews/2010-07-08/1763.htm.txt", "Barges lined up to block oil"),
        # "Sept. 18: Workers on the drilling floor are seen on from the window ..."
        ("bpoil_foxnews/2010-09-19/1482.htm.txt", "Workers on the drilling floor"),
        # a moderator's notice: "12th August 2011 - 23:07 This comment was
        # removed because the moderators found it broke the house rules."
        ("MJ_bbc/2011-07-26/1179.htm.txt", "This comment was removed"),
        # a poll's methodology: "The national telephone poll was conducted for
        # Fox News by Opinion Dynamics Corp. among 900 registered voters from May
        # 18 to May 19."
        ("bpoil_foxnews/2010-05-20/365.htm.txt", "telephone poll was conducted"),
        # "ICM interviewed a random sample of 1,005 adults aged 18 + by telephone
        # between July 15 and 17."
        ("IraqWar_guardian/2005-07-19/182.htm.txt", "interviewed a random sample"),
    ],
)
def test_it_makes_no_event_from_a_dated_caption_a_moderators_notice_or_a_poll_note(
    article_id, fragment
):
    assert events_in(article_id, fragment) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police interviewed 12 people on Monday about the attack.",
        "June 4: BP said it would try again on Saturday.",
        "The poll, released on Monday, showed support falling.",
    ],
)
def test_news_near_a_caption_or_poll_shape_is_not_furniture(text):
    assert furniture_spans(text) == []


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # a caption led by two agencies' credit and its date: "AFP\/Getty
        # Images June 28: Tropical Storm Alex is seen churning ..."
        ("bpoil_foxnews/2010-06-29/1665.htm.txt", "Tropical Storm Alex is seen"),
        # a corrections notice: "The following correction was printed in the
        # Guardian's Corrections and clarifications column, Sunday March 27,
        # 2005 In the article below we said ..."
        ("IraqWar_guardian/2005-03-20/24.htm.txt", "The following correction"),
        # "The following correction was printed in the Observer's For the
        # record column, Sunday 20 June 2010 We reported below that ..."
        ("bpoil_guardian/2010-06-13/1826.htm.txt", "For the record column"),
        # a live chat's reader question: "Santa Fe, N.M.: What's your
        # first-priority crisis fix? ... I guess I'm asking what the
        # government could do for us today to stabilize things ..."
        ("Finan_washingtonpost/2008-10-09/1724.htm.txt", "I guess I'm asking"),
    ],
)
def test_it_makes_no_event_from_a_credited_caption_a_correction_or_a_reader_question(
    article_id, fragment
):
    assert events_in(article_id, fragment) == []


def test_a_chat_keeps_the_hosts_answers_and_screens_the_readers_questions():
    text = t17("Finan_washingtonpost/2008-10-09/1724.htm.txt")["text"]
    assert CHAT in _reasons(text, "Santa Fe, N.M.: What's your first-priority")
    assert _untouched(text, "Your wish list is long")


def test_a_columns_labelled_paragraphs_are_no_chat():
    # "Two-Day Ohio Tour: Obama should spend ...", "Town Hall Tryout: ...": a
    # column's labelled paragraphs, none answered by the most frequent label
    # next, are no reader questions (the page's later sentences stay news)
    text = t17("Finan_washingtonpost/2008-09-16/995.htm.txt")["text"]
    assert [s for s in furniture_spans(text) if s.reason == CHAT] == []


@pytest.mark.parametrize(
    "text",
    [
        # a dateline and a labelled quote are no chat: one label, no host
        "WASHINGTON: The Senate voted on Monday.\nObama: Is this fair?\n"
        "Obama: We will act.\nPelosi: Why now?\n",
        # a correction reported as news
        "The newspaper printed a correction on Monday after the minister complained.",
    ],
)
def test_news_in_a_chat_or_correction_shape_is_not_furniture(text):
    assert [s for s in furniture_spans(text) if s.reason in (CHAT, CORRECTION)] == []


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # where a person is in the picture: "Health Minister Jose Angel Cordova
        # (pictured above with President Felipe Calderon last week; ...)"
        ("H1N1_reuters/2009-05-04/421.htm.txt", "pictured above with"),
        # a promo after a dash: "-- Watch “Hannity” weeknights at 9 p.m. ET!"
        ("bpoil_foxnews/2010-06-18/411.htm.txt", "weeknights at 9 p.m. ET"),
        # a run of related-link teasers cut short: "... settlement between BP PLC
        # and... British oil giant BP has agreed ..., the... BP PLC reached a
        # settlement late Friday night ..., a federal judge said..."
        ("bpoil_foxnews/2010-04-29/652.htm.txt", "BP PLC reached a settlement late"),
    ],
)
def test_it_makes_no_event_from_a_pictured_aside_a_promo_or_a_teaser_run(
    article_id, fragment
):
    assert events_in(article_id, fragment) == []


def test_a_caption_before_an_inline_photo_credit_is_furniture():
    text = t17("H1N1_guardian/2009-04-27/599.htm.txt")["text"]
    assert CAPTION in _reasons(text, "The Wall Street Bull awaits quarterly reports")
    assert _untouched(text, "US jobless claims fell 14,000 this week")


def test_an_ellipsis_between_sentences_is_no_teaser_run():
    # "... including the blowout preventer... Only seven of the 126 onboard the
    # Deepwater Horizon were BP employees... Blowout preventers are used ..."
    text = t17("bpoil_guardian/2010-05-11/97.htm.txt")["text"]
    assert _untouched(text, "Only seven of the 126 onboard")


def test_it_screens_a_page_of_readers_posts():
    # A BBC page of family-history queries: readers' posts quoted under the
    # sender's first name, each introduced by the site with the full name.
    text = t17("MJ_bbc/2010-06-29/1069.htm.txt")["text"]
    screen = Screen(furniture_spans(text))
    for post in (
        "Margi Kelly would like information about a relative from Knighton",
        "I am looking for any information or photo of my 2nd cousin",
        "Rosalyn Fisher of Ottawa sent us this reply",
        "married Elizabeth Hekin in Guilsfield church in 1795",
    ):
        start = text.index(post)
        assert screen.covered(start, start + len(post)) == len(post), post
        assert COMMENT in _reasons(text, post)
    # Posts are most of the page: all of it is readers' words, the posts
    # under no name too.
    assert Screen(furniture_spans(text)).covered(0, len(text)) == len(text)
    assert COMMENT in _reasons(text, "Lauri-Ann Lowe from Victoria, BC Canada")


def test_it_keeps_a_hearings_quoted_speakers():
    # A live blog of a hearing quotes its speakers under their names in the
    # first person ("Hayward: “I'm not prepared ...”"): they are not readers.
    text = t17("bpoil_guardian/2010-06-17/1029.htm.txt")["text"]
    assert _untouched(text, "Based on what I know, this was a tragic accident")


def test_it_needs_several_introduced_posts_for_a_page_of_them():
    posts = [
        ("Ann Jones asked about her family from Brecon.", "Ann", "I am looking for"),
        ("Tom Price sent us this reply.", "Tom", "My grandfather was"),
        ("Mary Hughes would like help.", "Mary", "I have found them"),
        ("Dan Roberts from Ohio wrote in.", "Dan", "We never knew"),
    ]
    page = "".join(
        f"{intro}\n{name}: “{words} a farmer in 1881.”\n"
        for intro, name, words in posts
    )
    spans = furniture_spans(page)
    assert Screen(spans).covered(0, len(page)) >= len(page) - len(posts)
    assert {s.reason for s in spans} == {COMMENT}
    # Three are a letter page's quotations, not a page of posts.
    three = page.split("Dan Roberts")[0]
    assert furniture_spans(three) == []
    # Posts below a longer story: the posts only, the story untouched.
    story = "The council voted on Monday to close the library in Brecon.\n" * 12
    spans = furniture_spans(story + page)
    assert Screen(spans).covered(0, len(story)) == 0
    assert Screen(spans).covered(len(story), len(story + page)) >= len(page) - 4


def test_it_screens_readers_posts_after_a_closing_notice():
    # A BBC Learning English page: a prompt, "This topic has now closed.",
    # then readers' sentences under no name ("It was a bolt from the blue
    # when he told me yesterday that ..."); the prompt is the site's.
    text = t17("H1N1_bbc/2009-05-06/398.htm.txt")["text"]
    for post in (
        "It was a bolt from the blue when he told me yesterday",
        "One day moring in 1997, a news came as a bolt in the blue",
    ):
        assert COMMENT in _reasons(text, post), post
    assert _untouched(text, "Tell me about a piece of news which came as a bolt")
    # A Have Your Say debate: the site's news summary above the notice stays.
    text = t17("H1N1_bbc/2009-04-30/278.htm.txt")["text"]
    assert _untouched(text, "Almost 900 cases had been confirmed across five")
    assert COMMENT in _reasons(text, "Alan Davies interview this morning")


def test_a_closing_notice_opens_posts_only_when_readers_speak_after_it():
    news = "The council voted on Monday to close the library in Brecon.\n" * 12
    posts = "I went there every week with my children.\n" * 12
    assert furniture_spans("This debate is now closed.\n" + news) == []
    spans = furniture_spans("This debate is now closed.\n" + posts)
    assert Screen(spans).covered(0, len(posts)) == len(posts)
    # A story's comments closed at its foot: the story stays.
    assert _untouched(news + "This discussion is now closed.\n" + posts, "The council")


def test_it_screens_a_writers_bio_at_the_pages_foot():
    text = t17("H1N1_reuters/2009-05-01/616.htm.txt")["text"]
    for line in (
        "Ben Klayman is based in Detroit and in April was named leader",
        "He joined Reuters in Detroit in 1998 to cover autos.",
        "Ben graduated from Washington University in St. Louis in 1989",
    ):
        assert BYLINE in _reasons(text, line), line
    assert _untouched(text, "Tests are being run to see if it was the H1N1 virus.")


def test_a_writer_in_the_news_is_no_bio():
    story = "The council voted on Monday to close the library in Brecon.\n"
    arrest = "John Smith is a reporter for the Post who was arrested on Monday.\n"
    # Another line after it, about something else: news, not a bio.
    page = story + arrest + "The embassy declined to comment.\n"
    assert _untouched(page, "John Smith is a reporter")
    # Far from the page's foot: the story's own line.
    page = story + arrest + "He was held in Cairo.\n" + story * 30
    assert _untouched(page, "John Smith is a reporter")


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # "A worker ties a boom used to mop oil from the Deepwater Horizon spill
        # from a beach in Gulf Shores, Alabama, June 24, 2010."
        ("bpoil_reuters/2010-08-13/2069.htm.txt", "A worker ties a boom"),
        # "White House Press Secretary Robert Gibbs briefs reporters at the
        # White House in Washington, Wednesday, May 5, 2010."
        ("bpoil_foxnews/2010-05-05/258.htm.txt", "Robert Gibbs briefs reporters"),
        # "President Barack Obama waves after arriving at Tyndall Air Force
        # Base in Panama City, Fla., Saturday, Aug. 14, 2010."
        ("bpoil_foxnews/2010-08-14/680.htm.txt", "President Barack Obama waves"),
    ],
)
def test_a_wire_caption_ending_in_its_place_and_date_makes_no_event(
    article_id, fragment
):
    assert events_in(article_id, fragment) == []


@pytest.mark.parametrize(
    "text",
    [
        # prose dates with "on": "he met their leaders at Runnymede, near London
        # on 15 June 1215."
        "This finally turned the barons against him and he met their leaders at "
        "Runnymede, near London on 15 June 1215.",
        # a past tense is prose's
        "Hayward said he was in Washington, June 17, 2010.",
    ],
)
def test_prose_ending_in_a_place_and_date_is_no_wire_caption(text):
    assert [s for s in furniture_spans(text) if s.reason == CAPTION] == []


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        # "May 5: A platform is surrounded by the oil spill ... River." and the
        # next line opens "Reuters British Petroleum was able to cap ..."
        ("bpoil_foxnews/2010-05-05/1536.htm.txt", "May 5: A platform is surrounded"),
        # "May 6: The oil containment box is lowered into the Gulf ...", "AP"
        ("bpoil_foxnews/2010-05-09/2167.htm.txt", "May 6: The oil containment box"),
        # "May 4: Workers put the finishing touches on the Pollution Control
        # Dome in Port Fourchon.", then a line "AFP"
        ("bpoil_foxnews/2010-05-05/526.htm.txt", "May 4: Workers put the finishing"),
    ],
)
def test_a_day_led_caption_before_its_credit_makes_no_event(article_id, fragment):
    assert CAPTION in _reasons(t17(article_id)["text"], fragment)
    assert events_in(article_id, fragment) == []


def test_a_chronology_line_is_no_credited_caption():
    # a chronology's entries follow one another, with no credit between them
    page = (
        "May 5: BP says it has shut one of three leaks.\n"
        "May 6: The containment box is lowered into the Gulf.\n"
        "Reuters reported the box had been lowered.\n"
    )
    assert _untouched(page, "May 5: BP says it has shut one of three leaks.")
    assert _untouched(page, "May 6: The containment box is lowered into the Gulf.")


def test_a_video_grab_and_what_it_shows_is_a_caption():
    # "Corrected: BP halts video of leaking pipe, blames dirty lens A video
    # grab, taken from a BP live video feed, shows a robotic arm ..., May 27,
    # 2010." (a headline glued to the caption)
    article_id = "bpoil_reuters/2010-05-27/1627.htm.txt"
    text = t17(article_id)["text"]
    assert CAPTION in _reasons(text, "A video grab, taken from a BP live video feed")
    assert [e.expression for e in events_in(article_id, "A video grab")] == []
    # "This image made from video released by British Petroleum (BP PLC) shows
    # the gushing oil well in the Gulf of Mexico."
    line = (
        "This image made from video released by British Petroleum (BP PLC) shows "
        "the gushing oil well in the Gulf of Mexico."
    )
    assert CAPTION in _reasons(line, line)


@pytest.mark.parametrize(
    "text",
    [
        # prose about a picture names no video and no releaser
        "The new image also shows that sizable patches have broken away and are "
        "moving to the north and east, Graber said.",
        "A famous photograph of a celebratory banquet at the Berlin Festival in "
        "the summer of 1929 shows a group of internationally distinguished "
        "conductors.",
    ],
)
def test_prose_about_a_picture_is_no_caption(text):
    assert [s for s in furniture_spans(text) if s.reason == CAPTION] == []


def test_a_bio_that_opens_with_a_post_at_a_news_organisation_is_screened():
    # "Eric Auchard is editiorial innovation director at Reuters News.", then
    # "He began covering politics for Reuters in in California in 1992, ..."
    article_id = "H1N1_reuters/2009-04-28/1204.htm.txt"
    text = t17(article_id)["text"]
    assert BYLINE in _reasons(text, "He began covering politics for Reuters")
    assert events_in(article_id, "He began covering politics") == []


def test_a_wire_photos_date_line_and_a_programme_listing_are_screened():
    # "Multiple Coast Guard helicopters ... responded to rescue the Deepwater
    # Horizon's 126 person crew.\nPicture taken April 21, 2010.\nHOUSTON | ..."
    article_id = "bpoil_reuters/2010-04-22/1230.htm.txt"
    text = t17(article_id)["text"]
    assert CAPTION in _reasons(text, "Picture taken April 21, 2010.")
    assert events_in(article_id, "Picture taken April 21") == []
    # a BBC programme's listing: "Watch the next program on Saturday, 29
    # January at 0330 GMT and 1830 GMT and on Sunday, ..."
    article_id = "bpoil_bbc/2011-01-17/5.htm.txt"
    text = t17(article_id)["text"]
    assert NAVIGATION in _reasons(text, "Watch the next program on Saturday")
    assert events_in(article_id, "Watch the next program") == []


def test_prose_about_a_picture_taken_or_a_show_watched_is_kept():
    for line in (
        "The picture was taken by a passer-by on April 21, 2010, police said.",
        "Millions watched the show on Saturday night.",
    ):
        assert [
            s for s in furniture_spans(line) if s.reason in (CAPTION, NAVIGATION)
        ] == []


# --- dated lists and tables ---------------------------------------------------


def _dated_lists(text: str, published: date) -> list[str]:
    """The dates `dated_list_spans` screens in `text` (their words)."""
    doc = get_nlp()(text)
    spans = dated_list_spans(doc, tag_timexes(doc, published))
    assert {s.reason for s in spans} <= {DATED_LIST}
    return [text[s.start : s.end] for s in spans]


CV = "H1N1_reuters/2009-03-14/594.htm.txt"


def test_a_cv_pasted_into_a_comment_dates_no_event():
    # the review of 2.8 (seed 2868): a reader's comment pastes a CV, "1950:
    # Stood first in BA (Hons), Economics, Panjab University, Chandigarh,
    # 1952; Stood first in MA (Economics), ...", and each year was an event
    # ("Stood in MA", organisations "Honoris Causa", "Rajya Sabha 1996" ...)
    article = t17(CV)
    text = article["text"]
    start = text.index("1950: Stood first in BA (Hons)")
    end = text.index("India's Export Trends and Prospects")
    result = _events(text, date.fromisoformat(article["published"]))
    in_cv = [e for e in result.events if start <= e.expression_start < end]
    # of 24 events two remain, "was elected to Rajya Sabha" (June 1995, Aug
    # 2001): the parser gives those fragments a subject
    assert len(in_cv) <= 2, [(e.expression, e.title) for e in in_cv]
    assert {e.expression for e in in_cv} <= {"June 1995", "Aug 2001"}
    # its dates are still tagged
    assert sum(start <= t.start < end for t in result.timexes) >= 40
    assert any(e.expression_start < start for e in result.events)  # the story's


def test_the_cvs_opening_entries_are_a_dated_list():
    line = (
        "1950: Stood first in BA (Hons), Economics, Panjab University, Chandigarh, "
        "1952; Stood first in MA (Economics), Panjab University, Chandigarh, 1954; "
        "Wright's Prize for distinguished performance at St John's College, "
        "Cambridge, 1955 and 1957; Wrenbury scholar, University of Cambridge, 1957; "
        "DPhil (Oxford), DLitt (Honoris Causa)"
    )
    assert _dated_lists(line, date(2009, 3, 14)) == [
        "1950",
        "1952",
        "1954",
        "1955",
        "1957",
        "1957",
    ]


def test_a_schedule_of_festivals_is_a_dated_list():
    # IraqWar_guardian/2005-12-13/166: a film festival calendar
    line = (
        "Toronto, September 7 - 16 Deauville, September 1 - 10 Telluride, "
        "September 1 - 4 Venice, August 30 - September 9"
    )
    assert len(_dated_lists(line, date(2005, 12, 13))) >= 4


def test_a_chronology_whose_line_breaks_were_lost_is_no_dated_list():
    # four entries of the BBC's trial timeline (MJ_bbc/2011-11-30/176) on one
    # line: each entry is a clause
    line = (
        "28 June 2009 Los Angeles police interview Dr Murray for three hours. "
        "22 July 2009 The doctor's clinic in Houston is raided by officers from the "
        "Drug Enforcement Agency (DEA) looking for evidence of manslaughter. "
        "28 July 2009 Dr Murray's home is also raided. "
        "29 August 2009 Jackson's death is ruled a homicide by the Los Angeles "
        "coroner."
    )
    assert _dated_lists(line, date(2011, 11, 30)) == []
    events = _events(line, date(2011, 11, 30)).events
    assert {e.expression for e in events} >= {"22 July 2009", "29 August 2009"}


def test_a_chronology_article_has_no_dated_list():
    for article_id in (
        "MJ_bbc/2011-11-30/176.htm.txt",
        "bpoil_reuters/2010-06-03/364.htm.txt",
    ):
        article = t17(article_id)
        assert (
            _dated_lists(article["text"], date.fromisoformat(article["published"]))
            == []
        )


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # wikinews-meantime-58772: three dated events in one sentence
        (
            "It should be mentioned that the stock capital of Apple Inc tripled in "
            "2004, doubled in 2005 and increased by 16 percent in 2006.",
            date(2007, 1, 18),
        ),
        # IraqWar_guardian/2005-08-25/165: four years, written into the clause
        (
            "But whether the \u201cAmerican century\u201d that began in 1945 will last "
            "until 2045, 2035 or only 2025, its end can already be glimpsed on the "
            "horizon.",
            date(2005, 8, 25),
        ),
    ],
)
def test_prose_with_several_dates_is_no_dated_list(text, published):
    assert _dated_lists(text, published) == []
