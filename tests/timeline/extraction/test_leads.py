"""An article's undated lead as an event of its publication day
(timeline/extraction/leads.py): the real model on real Timeline17 articles,
read from ../shared/t17 at test time (skipped when absent)."""

from __future__ import annotations

from datetime import date

from timeline.extraction.leads import reports_the_day
from timeline.extraction.pipeline import extract_leads
from timeline.extraction.types import Document, Timex

from . import realtext

WHO_WARNS = "H1N1_guardian/2009-04-25/89.htm.txt"
FEATURE = "H1N1_guardian/2009-04-02/100.htm.txt"  # "When Ros Atkins ... came back"
COLUMN = "H1N1_guardian/2009-04-27/1002.htm.txt"  # a heading glued to its lead


def _leads(article_id: str):
    return [e for e in realtext.events_of(article_id) if e.dated_by_publication]


def test_it_dates_an_undated_lead_by_the_articles_publication():
    (who, *_) = _leads(WHO_WARNS)
    assert who.sentence.startswith(
        "The World Health Organisation has warned countries to be on alert"
    )
    assert (who.start, who.end, who.precision) == (date(2009, 4, 25),) * 2 + ("day",)
    assert who.expression == "" and who.expression_start == who.sentence_start
    assert who.title.startswith("The World Health Organisation has warned countries")
    assert "World Health Organization" in who.organizations
    assert who.modality == "done"
    row = realtext.article(WHO_WARNS)
    text = row["text"]
    assert text[who.sentence_start : who.sentence_end] == who.sentence


def test_a_dated_sentence_is_not_a_lead_event_and_keeps_its_own_date():
    events = realtext.events_of(WHO_WARNS)
    dated = [e for e in events if not e.dated_by_publication]
    assert dated
    leads = {e.sentence_start for e in _leads(WHO_WARNS)}
    assert not leads & {e.sentence_start for e in dated}
    assert all(e.expression for e in dated)


def test_a_features_scene_and_a_glued_heading_are_not_lead_events():
    assert not [e for e in _leads(FEATURE) if "Ros Atkins" in e.sentence]
    assert not [e for e in _leads(COLUMN) if "lays bare" in e.sentence]


def test_the_opening_alone_gives_the_leads_a_full_extraction_gives():
    """`extract_leads` (the backfill) parses the first 3,000 characters."""
    docs = []
    for article_id in (WHO_WARNS, FEATURE, COLUMN):
        row = realtext.article(article_id)
        docs.append(
            Document(row["text"], date.fromisoformat(row["published"]), article_id)
        )
    got = {doc_id: events for doc_id, events in extract_leads(docs)}
    for article_id in (WHO_WARNS, FEATURE, COLUMN):
        assert [(e.sentence_start, e.title, e.kind) for e in got[article_id]] == [
            (e.sentence_start, e.title, e.kind) for e in _leads(article_id)
        ]


def test_a_column_a_comment_and_a_glued_heading_make_no_lead_event():
    """Real Washington Post pages: an investment column ("'Buy and hold'
    has proved a good method ..."), an analysis opening on "Thus, ...", and
    a page whose heading runs into its lead ("Probe Into Fannie Mae,
    Freddie Mac Widens District-based Fannie Mae said ...")."""
    for article_id in (
        "Finan_washingtonpost/2009-04-12/1508.htm.txt",
        "Finan_washingtonpost/2008-09-30/570.htm.txt",
        "Finan_washingtonpost/2008-10-01/1854.htm.txt",
    ):
        assert _leads(article_id) == [], article_id


def test_only_a_report_of_the_days_news_has_lead_events():
    """The opening must date something to the publication day or the day
    before; a date later in the article, or another day, does not count."""
    friday = date(2009, 4, 24)

    def tx(start: int, value: str, kind: str = "DATE") -> Timex:
        return Timex(start=start, end=start + 8, text="x", type=kind, value=value)

    assert reports_the_day([tx(100, "2009-04-23")], friday, end=3000)
    assert reports_the_day([tx(10, "2009-04-24T10:32", "TIME")], friday, end=3000)
    assert not reports_the_day([tx(3500, "2009-04-24")], friday, end=3000)
    assert not reports_the_day([tx(100, "2009-04-22")], friday, end=3000)
    assert not reports_the_day([tx(100, "2009-W17")], friday, end=3000)
    assert not reports_the_day([tx(100, "P3D", "DURATION")], friday, end=3000)
