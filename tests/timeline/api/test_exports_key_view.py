"""The exports' view=key: TimelineJS, CSV and iCalendar of the key events,
with the same parameters as /api/key-events/."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.timeline.factories import make_key_coverage

pytestmark = pytest.mark.django_db


@pytest.fixture
def coverage():
    return make_key_coverage()


def body(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode("utf-8-sig")


def key_ids(client, **params) -> list[int]:
    data = client.get("/api/key-events/", params).json()
    return [e["id"] for d in data["dates"] for e in d["events"]]


def test_it_exports_the_key_events_as_csv_in_date_order(client, coverage):
    rows = list(
        csv.DictReader(
            io.StringIO(body(client, "/export/events.csv?view=key&dates=2&per_date=2"))
        )
    )
    assert [int(r["id"]) for r in rows] == key_ids(client, dates=2, per_date=2)
    assert [int(r["id"]) for r in rows] == [
        coverage["vote"].id,
        coverage["statement"].id,
        coverage["bombing"].id,
    ]
    # The evidence column is the chosen first source, as the API's sources[0].
    api = client.get("/api/key-events/", {"dates": 2, "per_date": 2}).json()
    assert rows[0]["evidence"] == api["dates"][0]["events"][0]["sources"][0]["evidence"]


def test_it_exports_the_key_events_as_timelinejs(client, coverage):
    doc = json.loads(body(client, "/export/events.timeline.json?view=key&dates=1"))
    assert [e["unique_id"] for e in doc["events"]] == [
        f"event-{i}" for i in key_ids(client, dates=1)
    ]
    assert doc["title"]["text"]["headline"].startswith("Newsline key events")
    with_story = json.loads(
        body(client, "/export/events.timeline.json?view=key&dates=5&story=libya-war")
    )
    assert {e["unique_id"] for e in with_story["events"]} == {
        f"event-{coverage['vote'].id}",
        f"event-{coverage['bombing'].id}",
    }


def test_it_exports_the_key_events_as_icalendar(client, coverage):
    ics = body(client, "/export/events.ics?view=key&dates=1&per_date=1")
    assert ics.count("BEGIN:VEVENT") == 1
    assert f"UID:event-{coverage['vote'].id}@newsline" in ics


def test_it_refuses_bad_key_parameters_with_400(client, coverage):
    response = client.get("/export/events.csv?view=key&per_date=0")
    assert response.status_code == 400
    assert any("per_date" in d for d in response.json()["details"])
