"""?country=: the codes are resolved to ids once, so the list, the facets
and the link-driven page compare EventCountry's indexed country id and never
join Country on its code (issue #14: 1.7 s at 1,000,000 events on PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.timeline.factories import make_reported_event
from timeline.models import Country, Event
from timeline.query.events import page_events
from timeline.query.facets import compute_summary, event_set
from timeline.query.filters import TimelineFilters, country_ids

pytestmark = pytest.mark.django_db

COUNTRY_TABLE = f'"{Country._meta.db_table}"'


@pytest.fixture
def events():
    ua = make_reported_event(title="Kyiv talks", countries=("UA",))
    fr = make_reported_event(
        title="Paris summit", countries=("FR",), start=date(2025, 3, 1)
    )
    both = make_reported_event(
        title="Joint statement", countries=("UA", "FR"), start=date(2025, 3, 2)
    )
    none = make_reported_event(title="Vote held", start=date(2025, 3, 3))
    return ua, fr, both, none


def test_it_resolves_codes_to_ids_and_drops_unknown_ones():
    ua, fr = Country.objects.get(code="UA"), Country.objects.get(code="FR")
    assert sorted(country_ids(("UA", "FR", "ZZ"))) == sorted([ua.pk, fr.pk])
    assert country_ids(("ZZ",)) == []


def test_it_filters_on_the_country_id_without_joining_countries(events):
    ua, fr, both, none = events
    filters = TimelineFilters(countries=("UA",))
    qs = filters.apply(Event.objects.all())
    assert COUNTRY_TABLE not in str(qs.query)
    assert set(qs) == {ua, both}
    assert set(TimelineFilters(countries=("UA", "FR")).apply(Event.objects.all())) == {
        ua,
        fr,
        both,
    }


def test_it_matches_nothing_for_an_unknown_country(events):
    filters = TimelineFilters(countries=("ZZ",))
    assert list(filters.apply(Event.objects.all())) == []
    assert list(page_events(filters)) == []
    assert event_set(filters).count() == 0


def test_the_page_and_its_counts_never_join_countries_on_the_code(events):
    ua, fr, both, none = events
    filters = TimelineFilters(countries=("FR",), kinds=("meeting",))
    with CaptureQueriesContext(connection) as queries:
        page = list(page_events(filters))
        matched = event_set(filters).count()
    assert page == [both, fr]
    assert matched == 2
    joins = [q["sql"] for q in queries if f"JOIN {COUNTRY_TABLE}" in q["sql"]]
    assert joins == []


def test_the_country_facet_marks_the_chosen_country(events):
    summary = compute_summary(TimelineFilters(countries=("UA",)))
    chosen = {c.key: c.selected for c in summary.countries}
    assert chosen["UA"] is True
    assert chosen.get("FR") is False
