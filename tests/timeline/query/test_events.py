"""The timeline's list (timeline.query.events): which index drives it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.timeline.factories import make_dated_event
from timeline.models import Actor
from timeline.query import events
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db


def test_it_counts_a_values_links_only_up_to_the_bound(monkeypatch):
    """A frequent value's links are not all counted to learn that there are
    more than LINK_DRIVE_MAX; the list is the same either way."""
    monkeypatch.setattr(events, "LINK_DRIVE_MAX", 3)
    often = Actor.objects.create(name="Often Seen", kind="person")
    rare = Actor.objects.create(name="Rarely Seen", kind="person")
    for day in range(1, 8):
        make_dated_event(value=f"2024-05-0{day}", actors=[often] + [rare] * (day < 3))
    for actors in ((often.id,), (rare.id,), (often.id, rare.id)):
        f = TimelineFilters(actors=actors)
        with CaptureQueriesContext(connection) as ctx:
            found = list(events.page_events(f).values_list("id", flat=True))
        expected = list(
            f.apply(events.Event.objects.all()).values_list("id", flat=True)
        )
        assert found == expected and found
        counts = [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"]]
        assert counts and all("LIMIT 4" in sql for sql in counts), counts
