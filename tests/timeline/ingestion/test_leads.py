"""An article's undated lead stored as an event of its publication day
(ingestion: store.apply_extraction, store._match_lead): it joins the
matching day event of that day or the day before, else makes a new one;
re-extraction keeps one; admin work is kept."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.factories import (
    VOTE_1,
    VOTE_LEAD,
    article_input,
    event,
    extraction,
    lead,
)
from timeline.ingestion.store import apply_extraction, store_article
from timeline.models import Article, Event, Mention, Status

pytestmark = pytest.mark.django_db

MONDAY, TUESDAY = date(2025, 2, 24), date(2025, 2, 25)


def _vote_reported_on_monday() -> Event:
    store_article(
        item=article_input(VOTE_1, published=MONDAY, origin="a.txt"),
        extraction=extraction(event(anchor=MONDAY)),
    )
    return Event.objects.get()


def test_a_lead_joins_the_event_of_the_day_before_it_states():
    vote = _vote_reported_on_monday()
    result = store_article(
        item=article_input(VOTE_LEAD, published=TUESDAY, origin="b.txt"),
        extraction=extraction(lead(published=TUESDAY)),
    )
    assert (result.events_created, result.mentions_merged) == (0, 1)
    vote.refresh_from_db()
    assert (vote.start, vote.end, vote.source_count) == (MONDAY, MONDAY, 2)
    m = Mention.objects.get(dated_by_publication=True)
    assert (m.event, m.expression, m.sentence) == (vote, "", VOTE_LEAD)
    assert m.expression_start == m.expression_end == m.sentence_start


def test_a_lead_naming_another_event_is_a_new_event_of_its_publication_day():
    _vote_reported_on_monday()
    spill = "BP has stopped the flow of oil from its ruptured well in the Gulf."
    store_article(
        item=article_input(spill, published=TUESDAY, origin="b.txt"),
        extraction=extraction(
            lead(
                spill,
                published=TUESDAY,
                kind="other",
                organizations=("BP",),
                countries=("US",),
            )
        ),
    )
    new = Event.objects.exclude(start=MONDAY).get()
    assert (new.start, new.end, new.precision, new.value) == (
        TUESDAY,
        TUESDAY,
        "day",
        "2025-02-25",
    )
    assert (new.title, new.source_count) == (spill.rstrip("."), 1)
    assert not new.date_conflict


def test_a_lead_published_two_days_later_does_not_join_the_event():
    _vote_reported_on_monday()
    later = date(2025, 2, 26)
    store_article(
        item=article_input(VOTE_LEAD, published=later, origin="b.txt"),
        extraction=extraction(lead(published=later)),
    )
    assert sorted(Event.objects.values_list("start", flat=True)) == [MONDAY, later]


def test_a_lead_never_refines_a_coarser_events_date():
    store_article(
        item=article_input(VOTE_1, published=MONDAY, origin="a.txt"),
        extraction=extraction(
            event(
                expression="February",
                value="2025-02",
                start=date(2025, 2, 1),
                end=date(2025, 2, 28),
                precision="month",
                anchor=MONDAY,
            )
        ),
    )
    store_article(
        item=article_input(VOTE_LEAD, published=TUESDAY, origin="b.txt"),
        extraction=extraction(lead(published=TUESDAY)),
    )
    assert sorted(Event.objects.values_list("precision", "start")) == [
        ("day", TUESDAY),
        ("month", date(2025, 2, 1)),
    ]


def test_reextraction_keeps_one_lead_event_and_admin_work():
    store_article(
        item=article_input(VOTE_LEAD, published=TUESDAY, origin="b.txt"),
        extraction=extraction(lead(published=TUESDAY)),
    )
    article = Article.objects.get()
    apply_extraction(article=article, extraction=extraction(lead(published=TUESDAY)))
    assert (Event.objects.count(), Mention.objects.count()) == (1, 1)
    e = Event.objects.get()
    e.status = Status.VERIFIED
    e.title = "The General Assembly condemns the invasion"
    e.save()
    apply_extraction(article=article, extraction=extraction())  # no lead now
    e.refresh_from_db()
    assert (e.status, e.title) == (
        Status.VERIFIED,
        "The General Assembly condemns the invasion",
    )


def test_a_leads_only_extraction_keeps_the_articles_dated_mentions():
    """`manage.py attach_leads` stores leads without touching the rest."""
    text = VOTE_LEAD + " " + VOTE_1
    store_article(
        item=article_input(text, published=TUESDAY, origin="b.txt"),
        extraction=extraction(event(at=len(VOTE_LEAD) + 1, anchor=TUESDAY)),
    )
    article = Article.objects.get()
    version = article.extraction_version
    for _ in range(2):
        apply_extraction(
            article=article,
            extraction=extraction(lead(published=TUESDAY)),
            leads_only=True,
        )
    assert sorted(Mention.objects.values_list("dated_by_publication", flat=True)) == [
        False,
        True,
    ]
    assert Event.objects.count() == 1  # the lead joined the vote of the day before
    article.refresh_from_db()
    assert article.extraction_version == version
