"""Facet counts and density data for the timeline (timeline.query.facets)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache

from tests.timeline.factories import make_dated_event
from timeline.models import Actor, ActorKind, Kind
from timeline.query import facets
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def data(db):
    a = Actor.objects.create(name="Alice", kind="person")
    b = Actor.objects.create(name="Bob", kind="person")
    c = Actor.objects.create(name="Carol", kind="person")
    org = Actor.objects.create(name="Org", kind="organization")
    events = [
        make_dated_event(value="2025-01-05", actors=[a, b, org], countries=["RU"]),
        make_dated_event(
            value="2025-01-20", actors=[a], countries=["RU", "UA"], kind="call"
        ),
        make_dated_event(value="2025-03", actors=[b, c], countries=["UA"], kind="vote"),
        make_dated_event(value="2024-06-01", actors=[a], kind="attack"),
        make_dated_event(value="2024-06-02", actors=[c], status="rejected"),
    ]
    return {"a": a, "b": b, "c": c, "org": org, "events": events}


def f(**kw) -> TimelineFilters:
    return TimelineFilters(**kw)


def counts(values) -> dict[str, int]:
    return {v.label: v.count for v in values}


def test_it_counts_people_and_leaves_out_rejected_events(data):
    assert counts(facets.actor_facet(f())) == {"Alice": 3, "Bob": 2, "Carol": 1}


def test_it_counts_organisations_separately(data):
    assert counts(facets.actor_facet(f(), kind=ActorKind.ORGANIZATION)) == {"Org": 1}


def test_it_skips_the_facets_own_filter(data):
    chosen = f(actors=(data["c"].id,))
    people = facets.actor_facet(chosen)
    # Carol's choice does not narrow the people facet...
    assert counts(people) == {"Carol": 1, "Alice": 3, "Bob": 2}
    assert [v.selected for v in people] == [True, False, False]
    # ...but it narrows every other facet.
    assert counts(facets.country_facet(chosen)) == {"Ukraine": 1}
    assert counts(facets.kind_facet(chosen))["vote / legislation"] == 1
    assert sum(counts(facets.kind_facet(chosen)).values()) == 1


def test_it_keeps_selected_values_beyond_the_top_n(data):
    chosen = f(actors=(data["c"].id,))
    people = facets.actor_facet(chosen, limit=1)
    assert [(v.label, v.selected) for v in people] == [
        ("Carol", True),
        ("Alice", False),
    ]


def test_it_combines_other_filters(data):
    chosen = f(countries=("RU",), kinds=("call",))
    assert counts(facets.actor_facet(chosen)) == {"Alice": 1}
    # Countries skip their own filter but keep the kind.
    assert counts(facets.country_facet(chosen)) == {"Russia": 1, "Ukraine": 1}
    kinds = counts(facets.kind_facet(chosen))
    assert len(kinds) == len(Kind.values)  # every kind, 0 included
    assert {label: n for label, n in kinds.items() if n} == {
        "meeting / visit / talks": 1,
        "call": 1,
    }


def test_it_counts_staff_status_filters(data):
    rejected = f(statuses=("rejected",))
    assert counts(facets.actor_facet(rejected)) == {"Carol": 1}


def test_it_buckets_density_by_month_for_medium_spans(data):
    d = facets.density(f())
    assert d.unit == "month"
    assert d.total == 4
    assert [(b.label, b.count) for b in d.bars][:2] == [
        ("Jun 2024", 2 - 1),
        ("Jul 2024", 0),
    ]
    assert [(b.label, b.count) for b in d.bars][-3:] == [
        ("Jan 2025", 2),
        ("Feb 2025", 0),
        ("Mar 2025", 1),
    ]
    assert d.bars[-1].start == date(2025, 3, 1) and d.bars[-1].end == date(2025, 3, 31)


def test_it_buckets_density_by_day_and_by_year(data):
    d = facets.density(f(start=date(2025, 1, 1), end=date(2025, 1, 31)))
    assert d.unit == "day" and len(d.bars) == 31
    assert d.bars[4].count == 1 and d.bars[19].count == 1
    make_dated_event(value="2005-05-05")
    d = facets.density(f())
    assert d.unit == "year" and d.bars[0].label == "2005" and d.bars[-1].label == "2025"
    assert d.bars[-1].count == 3


def test_it_has_no_bars_for_no_events(db):
    assert facets.density(f()).bars == ()
    assert facets.compute_summary(f()).total == 0


def test_it_caches_the_summary_until_the_data_changes(data, django_assert_num_queries):
    first = facets.timeline_summary(f())
    assert first.total == 4
    with django_assert_num_queries(1):  # only the data stamp
        assert facets.timeline_summary(f()) == first
    make_dated_event(value="2025-02-02", actors=[data["a"]])
    assert facets.timeline_summary(f()).total == 5


def test_it_sees_edits_through_the_stamp(data):
    assert counts(facets.timeline_summary(f()).kinds)["call"] == 1
    event = data["events"][1]
    event.kind = "vote"
    event.save()
    assert counts(facets.timeline_summary(f()).kinds)["call"] == 0


def test_it_can_be_told_not_to_cache(data, settings, django_assert_max_num_queries):
    settings.NEWSLINE_FACET_CACHE_SECONDS = 0
    facets.timeline_summary(f())
    # 9 counting queries + 1 asking whether the pre-aggregated counts are built
    with django_assert_max_num_queries(10):
        facets.timeline_summary(f())


def test_it_charts_events_that_start_before_the_chosen_start(data, client):
    # Only a decade reaches into the range: every match starts before it.
    dora = Actor.objects.create(name="Dora", kind="person")
    make_dated_event(value="201X", actors=[dora])
    d = facets.compute_summary(f(start=date(2019, 6, 1), actors=(dora.id,))).density
    assert (d.total, len(d.bars), d.bars[0].count) == (1, 1, 1)
    assert d.bars[0].start == date(2019, 6, 1)
    response = client.get(f"/?actor={dora.id}&start=2019-06-01")
    assert response.status_code == 200
