"""Free-text search through the SQLite trigram indexes (migration 0006)."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.timeline.factories import make_dated_event, make_titled_article
from timeline.models import Event, Mention
from timeline.query import filters as filters_module
from timeline.query.facets import event_set
from timeline.query.filters import TimelineFilters, text_match

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-only index"),
]


def found(q: str, **kw) -> set[str]:
    return set(
        Event.objects.filter(text_match(q, **kw)).values_list("title", flat=True)
    )


@pytest.fixture
def events(db):
    art = make_titled_article(
        'Ministers met in Riyadh on Monday. 100% sure, said "Ed".'
    )
    make_dated_event(
        title="Ministers met in Riyadh",
        article=art,
        expression="on Monday",
        sentence="Ministers met in Riyadh on Monday.",
    )
    make_dated_event(
        title="A quiet day",
        article=art,
        expression="Monday",
        sentence='100% sure, said "Ed" on Monday.',
    )
    make_dated_event(title="Talks in GENEVA")


def test_it_uses_the_index_and_matches_like_icontains(events):
    assert filters_module._sqlite_trigram_ready()
    assert found("riyadh") == {"Ministers met in Riyadh"}
    assert found("geneva") == {"Talks in GENEVA"}
    assert found("in ") == {"Ministers met in Riyadh", "Talks in GENEVA"}
    # Sentences count too, and quotes or % are plain text.
    assert found('said "Ed"') == {"A quiet day"}
    assert found("100%") == {"A quiet day"}
    assert found("nowhere") == set()


def test_it_keeps_the_index_in_step_with_edits_and_deletes(events):
    event = Event.objects.get(title="Talks in GENEVA")
    event.title = "Talks in Vienna"
    event.save()
    assert found("geneva") == set() and found("vienna") == {"Talks in Vienna"}
    Event.objects.filter(title="Ministers met in Riyadh").update(title="Renamed")
    assert found("riyadh") == {"Renamed"}  # the sentence still says Riyadh
    Mention.objects.filter(event__title="Renamed").delete()
    assert found("riyadh") == set()


def test_it_falls_back_to_like_for_short_text_and_missing_triggers(events):
    assert found("in") == {"Ministers met in Riyadh", "Talks in GENEVA"}
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER timeline_event_fts_au")
    assert not filters_module._sqlite_trigram_ready()
    assert found("geneva") == {"Talks in GENEVA"}


def test_it_scans_for_common_text_with_the_same_results(events, monkeypatch):
    monkeypatch.setattr(filters_module, "TRIGRAM_COMMON", 1)
    assert filters_module._sqlite_trigram_common("riyadh")
    assert found("riyadh", scan_if_common=True) == {"Ministers met in Riyadh"}
    f = TimelineFilters(q="monday")
    assert set(f.apply(Event.objects.all()).values_list("title", flat=True)) == {
        "Ministers met in Riyadh",
        "A quiet day",
    }


def plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(row[-1] for row in cursor.fetchall())


def test_it_counts_every_match_from_one_list_of_both_indexes(events):
    for q in ("riyadh", "geneva", "in ", 'said "Ed"', "100%", "monday", "nowhere"):
        assert found(q, every=True) == found(q), q
    # One IN over the title and sentence matches, each sentence match's event
    # read from mention_row_idx (migration 0018), not from its mention row.
    qs = Event.objects.filter(text_match("monday", every=True))
    assert "UNION ALL" in str(qs.query)
    assert "COVERING INDEX mention_row_idx" in plan(qs)
    # The facets count a text's sets that way.
    counted = event_set(TimelineFilters(q="monday"))
    assert "UNION ALL" in str(counted.query)
    assert set(counted.values_list("title", flat=True)) == found("monday")


def test_it_counts_every_match_without_the_mention_index_too(events):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {filters_module.MENTION_ROW_INDEX}")
    qs = Event.objects.filter(text_match("monday", every=True))
    assert "mention_row_idx" not in str(qs.query)
    assert found("monday", every=True) == {"Ministers met in Riyadh", "A quiet day"}
