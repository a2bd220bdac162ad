"""manage.py rebuild_facets: the pre-aggregated facet counts from scratch."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.timeline.factories import make_dated_event
from timeline.models import Actor, FacetCount
from timeline.query import facet_counts

pytestmark = pytest.mark.django_db


def test_it_builds_counts_for_events_loaded_around_the_services():
    alice = Actor.objects.create(name="Alice", kind="person")
    make_dated_event(value="2025-01-05", actors=[alice], countries=["RU"])
    make_dated_event(value="2024-03", actors=[alice], kind="vote")
    make_dated_event(value="2024-03-02", actors=[alice], status="rejected")
    assert not facet_counts.ready()

    out = StringIO()
    call_command("rebuild_facets", stdout=out)

    assert "Rebuilt" in out.getvalue()
    assert facet_counts.ready()
    assert facet_counts.range_counts("a", None, None) == {str(alice.pk): 2}
    assert facet_counts.range_counts("k", None, None) == {"meeting": 1, "vote": 1}


def test_it_replaces_stale_rows():
    FacetCount.objects.create(level="a", period=facet_counts.ALL_TIME, facet="t", n=99)
    call_command("rebuild_facets", stdout=StringIO())
    assert facet_counts.range_counts("t", None, None) == {}


def test_it_only_builds_once_when_asked_if_needed():
    alice = Actor.objects.create(name="Alice", kind="person")
    make_dated_event(value="2025-01-05", actors=[alice])
    call_command("rebuild_facets", "--if-needed", stdout=StringIO())
    assert facet_counts.ready()
    FacetCount.objects.filter(level="a", facet="t").update(n=7)  # a later change

    out = StringIO()
    call_command("rebuild_facets", "--if-needed", stdout=out)

    assert "nothing to do" in out.getvalue()
    assert FacetCount.objects.get(level="a", facet="t").n == 7
