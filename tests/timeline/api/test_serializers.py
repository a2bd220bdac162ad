"""The one Event serializer: its rows, its JSON shape and the schema the
OpenAPI document shows are the same fields."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.factories import make_reported_event
from timeline.api.serializers import (
    Event,
    Source,
    attach,
    event_dict,
    event_values,
)
from timeline.models import Event as EventModel

pytestmark = pytest.mark.django_db


def rows():
    return attach(event_values(EventModel.objects.order_by("id")))


def test_it_writes_exactly_the_fields_of_its_schema_in_their_order():
    make_reported_event(people=("Anna Bauer",), orgs=("NATO",), countries=("UA",))
    data = event_dict(rows()[0], base_url="https://example.org/api/events/")
    assert list(data) == list(Event.model_fields)
    assert list(data["sources"][0]) == list(Source.model_fields)
    assert (
        Event.model_validate(data).url
        == f"https://example.org/api/events/{data['id']}/"
    )


def test_it_lists_people_and_organisations_together_by_name_for_the_embed():
    make_reported_event(
        start=date(2025, 2, 24),
        kind="meeting",
        people=("Zoe Adams", "Anna Bauer"),
        orgs=("NATO",),
    )
    row = rows()[0]
    assert [name for _, name in row.actors] == ["Anna Bauer", "NATO", "Zoe Adams"]
    # the label the model shows (Event.get_kind_display)
    assert row.kind_label == "meeting / visit / talks"
    assert row.kind_label == EventModel(kind="meeting").get_kind_display()


def test_it_reads_no_sources_when_none_are_shown(django_assert_num_queries):
    make_reported_event()
    with django_assert_num_queries(3):  # events, actors, countries: no mentions
        (row,) = attach(event_values(EventModel.objects.order_by("id")), max_sources=0)
    assert row.sources == []
