"""Text search (the `q` filter): full-text on PostgreSQL, substring elsewhere."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from timeline.models import Article, Event, Mention
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db


def make_event(title: str, sentence: str) -> Event:
    article = Article.objects.create(
        title=title, published=date(2025, 2, 24), text=f"{title}. {sentence}"
    )
    event = Event.objects.create(
        start=date(2025, 2, 24),
        end=date(2025, 2, 24),
        precision="day",
        value="2025-02-24",
        title=title,
    )
    Mention.objects.create(
        event=event,
        article=article,
        sentence=sentence,
        sentence_start=0,
        sentence_end=len(sentence),
        expression="Monday",
        expression_start=0,
        expression_end=6,
        anchor_date=date(2025, 2, 24),
    )
    return event


def search(q: str) -> set[str]:
    filters = TimelineFilters.from_query({"q": q})
    return set(Event.objects.for_timeline(filters).values_list("title", flat=True))


@pytest.fixture
def events():
    make_event("Zelenskyy meets Starmer", "The leaders met in London on Monday.")
    make_event("UN General Assembly vote", "The assembly voted on a resolution.")
    make_event("Talks in Riyadh", "Delegations held talks in Saudi Arabia.")


def test_it_finds_words_of_the_title_and_the_evidence(events):
    assert search("Starmer") == {"Zelenskyy meets Starmer"}
    assert search("resolution") == {"UN General Assembly vote"}
    assert search("saudi arabia") == {"Talks in Riyadh"}


def test_it_finds_the_start_of_a_word(events):
    assert search("Zelen") == {"Zelenskyy meets Starmer"}
    assert search("Riya") == {"Talks in Riyadh"}


def test_it_finds_nothing_for_absent_words(events):
    assert search("Macron") == set()


def test_it_survives_search_syntax_and_punctuation(events):
    for q in ["'", "&", "a | b", "!!", "(", ":*", "\\", "<->", "%", "_"]:
        assert search(q) == set()  # never an error


def test_it_uses_full_text_search_on_postgresql(events):
    if connection.vendor != "postgresql":
        assert search("meets Starmer") == {"Zelenskyy meets Starmer"}
        return
    # Stemming: "votes" finds "voted"; all words must occur, in any order.
    assert search("votes") == {"UN General Assembly vote"}
    assert search("London leaders") == {"Zelenskyy meets Starmer"}
    assert search("Starmer!") == {"Zelenskyy meets Starmer"}
    filters = TimelineFilters.from_query({"q": "Starmer"})
    sql = str(Event.objects.for_timeline(filters).query)
    assert "to_tsvector" in sql and "@@" in sql


def test_it_has_full_text_indexes_on_postgresql():
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_fts_idx'"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert names == {"event_title_fts_idx", "mention_sentence_fts_idx"}


def test_it_lists_a_common_text_as_it_lists_a_rare_one(monkeypatch):
    """A common text's first page is found by testing events newest first
    (PostgreSQL: a per-event full-text test; SQLite: LIKE) instead of from
    the index matches: the same events in the same order either way."""
    from timeline.query import filters as filters_module
    from timeline.query.events import page_events

    for day in range(1, 13):
        e = make_event(f"Talks {day}", "Envoys met in Geneva." if day % 3 else "None.")
        Event.objects.filter(pk=e.pk).update(start=date(2025, 1, day))
        Event.objects.filter(pk=e.pk).update(end=date(2025, 1, day))
    make_event("Ministers met", "Nothing said.")
    f = TimelineFilters.from_query({"q": "met"})
    by_index = list(page_events(f).values_list("id", flat=True))
    monkeypatch.setattr(filters_module, "TRIGRAM_COMMON", 2)
    common = page_events(f)
    if connection.vendor == "postgresql":
        assert "to_tsvector" in str(common.query) and "UNION" not in str(common.query)
    assert list(common.values_list("id", flat=True)) == by_index
    assert len(by_index) == 9
