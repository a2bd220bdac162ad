"""remerge: events stored apart under an older merge rule are merged by
today's, without re-extraction; admin work and distinct events are left
alone. Real Timeline17 sentences (../shared, read at test time)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.factories import stale_link_copies
from tests.timeline.ingestion.test_merge_paraphrase import (
    CALL_1,
    CALL_2,
    LEADERS,
    report,
)
from timeline.ingestion import merge
from timeline.ingestion.remerge import remerge
from timeline.models import Event, EventActor, Mention, Status

pytestmark = pytest.mark.django_db

SATURDAY = date(2010, 6, 12)


@pytest.fixture
def stored_apart(monkeypatch):
    """The phone call reported twice, stored under the old rule (no paraphrases)."""
    with monkeypatch.context() as m:
        m.setattr(merge, "PARAPHRASE_SIMILARITY", 1.01)
        report("bpoil_bbc", CALL_2, day=SATURDAY, kind="call", **LEADERS)
        report("bpoil_bbc", CALL_1, day=SATURDAY, kind="call", **LEADERS)
    assert Event.objects.count() == 2
    return list(Event.objects.order_by("id"))


def test_it_merges_what_todays_rule_calls_one_event(stored_apart):
    first, second = stored_apart
    assert remerge() == 1
    (ev,) = Event.objects.all()
    assert ev.pk == first.pk  # into the earliest
    assert ev.source_count == 2
    assert Mention.objects.filter(event=ev).count() == 2
    assert EventActor.objects.filter(event=ev).count() == 2
    assert stale_link_copies() == []
    assert remerge() == 0  # again: nothing new


def test_events_an_admin_touched_are_left_alone(stored_apart):
    first, _ = stored_apart
    Event.objects.filter(pk=first.pk).update(status=Status.VERIFIED)
    assert remerge() == 0
    assert Event.objects.count() == 2


def test_different_events_of_one_day_stay_apart():
    bp = {
        "actors": (),
        "organizations": ("BP",),
        "countries": (),
        "expression": "Friday",
    }
    friday = date(2010, 6, 18)
    report(
        "bpoil_bbc",
        "BP shares fell 0.6% on Friday, after climbing almost 7% a day earlier.",
        day=friday,
        kind="economy",
        **bp,
    )
    report(
        "bpoil_bbc",
        "On Friday, rating agency Moody's downgraded BP's credit rating by three "
        "notches, following similar moves by the other two rating agencies "
        "earlier this week.",
        day=friday,
        kind="economy",
        **bp,
    )
    assert remerge() == 0
    assert Event.objects.count() == 2
