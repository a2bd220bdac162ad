"""The supported date range (years 1 to 9998): enforced where dates come in,
and every reader safe at its edges (issue #16, defect 1)."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.timeline.factories import make_event
from timeline.domain.corrections import correct_event
from timeline.extraction.values import MAX_DATE, MIN_DATE, value_range
from timeline.models import Event

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = ["9999", "9999-Q4", "9999-12-31", "9999-12", "9999-W52", "999X", "000X"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor_client():
    user = get_user_model().objects.create_user(
        "editor", password="pw-editor-123", is_staff=True
    )
    user.user_permissions.add(
        Permission.objects.get(codename="change_event"),
        Permission.objects.get(codename="view_event"),
    )
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(False)
def test_it_defines_the_range_as_years_1_to_9998():
    assert (date(1, 1, 1), date(9998, 12, 31)) == (MIN_DATE, MAX_DATE)
    assert value_range("9998") == (date(9998, 1, 1), date(9998, 12, 31), "year")
    assert value_range("0001-01-01") == (MIN_DATE, MIN_DATE, "day")
    # a decade is supported only when all of it is: the 9990s end in 9999,
    # the "000X" decade starts in year 0
    assert value_range("998X") is not None
    for value in OUT_OF_RANGE:
        assert value_range(value) is None, value


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_it_refuses_dates_outside_the_range_in_the_staff_endpoint(editor_client, value):
    event = make_event()
    response = editor_client.post(
        reverse("timeline:staff-event-date", args=[event.pk]), {"value": value}
    )
    assert response.status_code == 400
    assert "not a calendar date or period" in response.content.decode()
    assert Event.objects.get(pk=event.pk).value == "2025-02-24"


def test_it_refuses_a_range_outside_the_supported_years():
    event = make_event()
    with pytest.raises(ValidationError, match="9998"):
        correct_event(
            event=event,
            user=None,
            changes={"start": "9999-01-01", "end": "9999-12-31", "precision": "year"},
        )
    assert Event.objects.get(pk=event.pk).value == "2025-02-24"


@pytest.fixture
def edge_events():
    """Events stored at the very edges of what a date can hold (as data from
    before the range was enforced may be)."""
    return [
        make_event(
            value="9999",
            start=date(9999, 1, 1),
            end=date(9999, 12, 31),
            precision="year",
            title="Far future",
        ),
        make_event(
            value="999X",
            start=date(9990, 1, 1),
            end=date(9999, 12, 31),
            precision="decade",
            title="Far decade",
        ),
        make_event(value="0001-01-01", start=MIN_DATE, end=MIN_DATE, title="Year one"),
        make_event(title="Ordinary"),
    ]


EDGE_QUERIES = [
    "",
    "?order=oldest",
    "?start=9990-01-01",
    "?end=0001-12-31",
    "?start=9999-12-31",
    "?end=9999-12-31",
    "?start=0001-01-01&end=9999-12-31",
    "?start=9999-12-01&end=9999-12-31",
]


@pytest.mark.parametrize("query", EDGE_QUERIES)
@pytest.mark.parametrize(
    "path",
    ["/", "/api/events/", "/export/events.csv", "/export/events.timeline.json"],
)
def test_it_serves_every_view_with_events_at_the_edges(
    client, edge_events, path, query
):
    response = client.get(path + query)
    assert response.status_code == 200
    if response.streaming and query in ("", "?order=oldest"):
        body = b"".join(response.streaming_content)
        assert b"Far future" in body and b"Year one" in body


def test_it_exports_every_edge_event_to_icalendar(client, edge_events):
    response = client.get("/export/events.ics")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert body.count("BEGIN:VEVENT") == 4
    assert body.rstrip().endswith("END:VCALENDAR")
    assert "DTSTART;VALUE=DATE:99990101" in body


@pytest.mark.parametrize(
    "suffix", ["", "?start__year=9999", "?start__year=9999&start__month=12"]
)
def test_it_lists_edge_events_in_the_admin(admin_client, edge_events, suffix):
    response = admin_client.get(reverse("admin:timeline_event_changelist") + suffix)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "overrides",
    [
        {"value": "9999-12-31"},
        {
            "value": "9999",
            "start": "9999-01-01",
            "end": "9999-12-31",
            "precision": "year",
        },
    ],
)
def test_it_refuses_dates_outside_the_range_in_the_admin_form(admin_client, overrides):
    from tests.timeline.admin.test_admin import change_data

    event = make_event()
    response = admin_client.post(
        reverse("admin:timeline_event_change", args=[event.pk]),
        change_data(event, **overrides),
    )
    assert response.status_code == 200  # the form again, with the error
    assert "9998" in response.content.decode()
    assert Event.objects.get(pk=event.pk).value == "2025-02-24"


def test_it_finds_the_admin_years_with_one_query_per_year_with_events(
    admin_client, edge_events, django_assert_max_num_queries
):
    from timeline.admin import FastYearsQuerySet

    qs = Event.objects.all()
    qs.__class__ = FastYearsQuerySet
    with django_assert_max_num_queries(5):
        years = qs.dates("start", "year")
    assert [d.year for d in years] == [1, 2025, 9990, 9999]


def test_it_charts_years_1_to_9999_in_about_a_hundred_bars(client, edge_events):
    from timeline.query.facets import density
    from timeline.query.filters import TimelineFilters

    response = client.get("/")
    chart = response.context["summary"].density
    assert chart.unit == "century"
    assert len(chart.bars) == 100
    assert (chart.bars[0].label, chart.bars[0].start) == ("1–99", MIN_DATE)
    assert chart.bars[-1].label == "9900–9999"
    assert chart.bars[-1].end == date(9999, 12, 31)
    assert sum(b.count for b in chart.bars) == 4
    assert [b.count for b in chart.bars if b.count] == [1, 1, 2]
    make_event(
        value="8000", start=date(8000, 1, 1), end=date(8000, 12, 31), precision="year"
    )
    decades = density(TimelineFilters(start=date(7000, 1, 1)))
    assert decades.unit == "decade" and len(decades.bars) == 200
    assert (decades.bars[0].label, decades.bars[-1].label) == ("8000s", "9990s")
