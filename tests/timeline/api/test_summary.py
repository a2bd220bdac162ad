"""GET /api/summary/: the page's counts for the filters, each marked exact or
estimated (a large set is counted on a sample, timeline.query.facets)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.factories import make_dated_event
from timeline.models import SAMPLE_BUCKETS, Actor, Event, Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(settings):
    settings.NEWSLINE_FACET_CACHE_SECONDS = 0
    person = Actor.objects.create(name="Anna Costa", kind="person")
    for day in range(1, 41):
        make_dated_event(
            value=date(2024, 1 + day % 12, 1 + day % 28).isoformat(),
            title=f"Talks {day}",
            kind=Kind.MEETING if day % 2 else Kind.STATEMENT,
            actors=[person] if day <= 4 else [],
            countries=["FR"],
        )
    return person


def test_it_counts_exactly_what_the_page_counts(client, events):
    body = client.get(f"/api/summary/?actor={events.id}").json()
    assert body["total"] == 4 and body["exact"] is True
    assert body["chart"]["exact"] is True
    assert sum(b["count"] for b in body["chart"]["bars"]) == 4
    kinds = {k["key"]: (k["count"], k["exact"]) for k in body["kinds"]}
    assert kinds[Kind.MEETING] == (2, True) and kinds[Kind.STATEMENT] == (2, True)
    assert body["people"] == [
        {
            "key": str(events.id),
            "label": "Anna Costa",
            "count": 4,
            "selected": True,
            "exact": True,
        }
    ]


def test_it_marks_the_estimates_of_a_large_set(client, events, settings):
    settings.NEWSLINE_SAMPLE_ROWS = 5
    settings.NEWSLINE_ESTIMATE_ABOVE = 8
    for pk in Event.objects.values_list("pk", flat=True):
        Event.objects.filter(pk=pk).update(sample=0 if pk % 2 else SAMPLE_BUCKETS - 1)
    body = client.get("/api/summary/?country=FR").json()
    assert body["exact"] is False and body["chart"]["exact"] is False
    assert body["total"] == sum(b["count"] for b in body["chart"]["bars"])
    assert body["total"] > 8
    assert body["kinds"] and all(k["exact"] is False for k in body["kinds"])
    assert body["countries"][0]["key"] == "FR"
    assert body["countries"][0]["exact"] is False


def test_it_refuses_a_bad_filter_as_the_events_do(client, events):
    response = client.get("/api/summary/?kind=party")
    assert response.status_code == 400
    assert "kind" in " ".join(response.json()["details"])
    assert client.get("/api/summary/?view=key").status_code == 400
