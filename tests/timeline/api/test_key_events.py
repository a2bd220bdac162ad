"""GET /api/key-events/: the key dates of the filtered events, each with its
best events as /api/events/ shows them."""

from __future__ import annotations

import pytest

from tests.timeline.factories import D1, D2, D3, make_key_coverage

pytestmark = pytest.mark.django_db


@pytest.fixture
def coverage():
    return make_key_coverage()


def key(client, **params):
    response = client.get("/api/key-events/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_it_answers_the_best_days_in_date_order_best_events_first(client, coverage):
    data = key(client, dates=2, per_date=2)
    assert [d["date"] for d in data["dates"]] == [D1.isoformat(), D2.isoformat()]
    day1, day2 = data["dates"]
    assert [e["id"] for e in day1["events"]] == [
        coverage["vote"].id,
        coverage["statement"].id,
    ]
    assert [e["id"] for e in day2["events"]] == [coverage["bombing"].id]
    assert all(isinstance(d["score"], float) for d in data["dates"])
    every = {e["id"] for d in key(client, dates=50)["dates"] for e in d["events"]}
    assert coverage["month"].id not in every  # undated within a day view


def test_it_serialises_events_exactly_as_the_events_api(client, coverage):
    """The same object as /api/events/ (one serializer); only the sources'
    order differs: the chosen clearest statement comes first."""
    [day] = key(client, dates=1, per_date=1)["dates"]
    [event] = day["events"]
    listed = {
        e["id"]: e for e in client.get("/api/events/", {"limit": 200}).json()["results"]
    }[event["id"]]
    assert set(event) == set(listed)
    for field in set(event) - {"sources"}:
        assert event[field] == listed[field], field
    as_key = sorted(event["sources"], key=lambda s: (s["article_id"], s["evidence"]))
    as_list = sorted(listed["sources"], key=lambda s: (s["article_id"], s["evidence"]))
    assert as_key == as_list


def test_it_takes_every_filter_of_the_events_api(client, coverage):
    def days(**params):
        return {
            d["date"]: [e["id"] for e in d["events"]]
            for d in key(client, dates=10, **params)["dates"]
        }

    assert days(kind="attack") == {D2.isoformat(): [coverage["bombing"].id]}
    assert set(days(country="LY")) == {D1.isoformat(), D2.isoformat()}
    assert days(start="2025-03-05", end="2025-03-31") == {
        D3.isoformat(): [coverage["meeting"].id]
    }
    assert days(q="Envoys") == {D3.isoformat(): [coverage["meeting"].id]}
    # The story's articles report the vote and the bombing, not the rest.
    assert days(story="libya-war") == {
        D1.isoformat(): [coverage["vote"].id],
        D2.isoformat(): [coverage["bombing"].id],
    }


def test_it_groups_by_month_and_defaults_to_a_day_per_ten_events(client, coverage):
    [month] = key(client, unit="month", start="2025-03-01", end="2025-03-31")["dates"]
    assert month["date"] == "2025-03-01"
    # 5 events in range: one date (about one per 10, at least one), 3 a date.
    assert len(key(client)["dates"]) == 1
    assert len(key(client, unit="month", dates=5)["dates"]) == 2


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("dates=0", "dates"),
        ("dates=abc", "dates"),
        ("per_date=51", "per_date"),
        ("unit=week", "unit"),
        ("story=not%20a%20slug", "story"),
        ("start=2025-03-01&end=2025-02-01", "start"),
        ("kind=nonsense", "kind"),
    ],
)
def test_it_answers_bad_parameters_with_a_clear_400(client, coverage, query, name):
    response = client.get(f"/api/key-events/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"]
    assert any(name in d for d in body["details"]), body


def test_it_is_in_the_openapi_document(client):
    doc = client.get("/api/openapi.json").json()
    op = doc["paths"]["/api/key-events/"]["get"]
    params = {p["name"] for p in op["parameters"]}
    assert {"dates", "per_date", "unit", "story", "actor", "country", "org"} <= params
    assert {"kind", "q", "start", "end"} <= params
    ok = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/KeyEvents")
