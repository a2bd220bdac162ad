import json
import re
from datetime import date, timedelta

import pytest

from tests.timeline.factories import make_report, make_reported_event, make_reviewer
from timeline.models import Actor, ActorAlias, Event, Mention
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db


def get_json(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def all_ids(client, params=None):
    """Follow `next` links; every id seen, in order."""
    ids = []
    data = get_json(client, "/api/events/", params)
    ids += [e["id"] for e in data["results"]]
    while data["next"]:
        data = get_json(client, data["next"])
        ids += [e["id"] for e in data["results"]]
    return ids


def test_it_lists_events_with_stable_fields(client):
    art = make_report(title="UN report", publisher="Wire", published=date(2025, 2, 25))
    event = make_reported_event(
        title="Zelenskyy met Macron",
        people=("Volodymyr Zelenskyy", "Emmanuel Macron"),
        orgs=("NATO",),
        countries=("UA", "FR"),
        sentence="Zelenskyy met Macron on Monday.",
        article=art,
    )
    data = get_json(client, "/api/events/")
    [row] = data["results"]
    assert data["next"] is None
    assert row["id"] == event.id
    assert row["start"] == row["end"] == "2025-02-24"
    assert (row["precision"], row["value"]) == ("day", "2025-02-24")
    assert (row["title"], row["kind"], row["status"]) == (
        "Zelenskyy met Macron",
        "meeting",
        "extracted",
    )
    assert row["modality"] == "done"
    assert sorted(a["name"] for a in row["actors"]) == [
        "Emmanuel Macron",
        "Volodymyr Zelenskyy",
    ]
    assert [o["name"] for o in row["organisations"]] == ["NATO"]
    nato = Actor.objects.get(name="NATO")
    assert row["organisations"][0]["id"] == nato.id
    assert sorted(c["code"] for c in row["countries"]) == ["FR", "UA"]
    assert {"code": "FR", "name": "France"} in row["countries"]
    assert row["source_count"] == 1
    assert row["sources"] == [
        {
            "article_id": art.id,
            "title": "UN report",
            "source_url": art.source_url,
            "publisher": "Wire",
            "published": "2025-02-25",
            "evidence": "Zelenskyy met Macron on Monday.",
            "expression": "on Monday",
        }
    ]
    assert row["url"].endswith(f"/api/events/{event.id}/")


def test_it_applies_the_page_filters(client):
    ua = make_reported_event(title="In Ukraine", countries=("UA",), kind="attack")
    fr = make_reported_event(title="In France", countries=("FR",), kind="meeting")
    old = make_reported_event(title="Old", start=date(2020, 1, 1), countries=("UA",))
    rejected = make_reported_event(title="Rejected", status="rejected")
    assert all_ids(client, {"country": "UA"}) == [ua.id, old.id]
    assert all_ids(client, {"kind": "meeting"}) == [fr.id, old.id]
    assert all_ids(client, {"start": "2021-01-01"}) == [fr.id, ua.id]
    assert all_ids(client, {"q": "france"}) == [fr.id]
    assert rejected.id not in all_ids(client)
    assert all_ids(client, {"order": "oldest"})[0] == old.id


@pytest.mark.parametrize(
    "params",
    [
        {"country": "UA", "kind": "attack"},
        {"start": "2024-06-01", "end": "2025-01-31"},
        {"q": "met", "order": "oldest"},
        {"actor": "PERSON"},
        {},
    ],
)
def test_it_returns_what_the_timeline_queryset_returns(client, params):
    for i in range(12):
        make_reported_event(
            title=f"Event {i} met" if i % 2 else f"Event {i}",
            start=date(2024, 1, 1) + timedelta(days=40 * i),
            kind="attack" if i % 3 else "meeting",
            countries=("UA",) if i % 4 else ("FR",),
            people=("Anna Bauer",) if i % 5 else (),
        )
    if "actor" in params:
        params = {"actor": str(Actor.objects.get(name="Anna Bauer").id)}
    expected = list(
        Event.objects.for_timeline(TimelineFilters.from_query(params)).values_list(
            "id", flat=True
        )
    )
    assert expected
    assert all_ids(client, {**params, "limit": "5"}) == expected


def test_it_matches_the_page_for_the_same_filters(client):
    for i in range(8):
        make_reported_event(
            title=f"Event {i}",
            start=date(2025, 1, 1) + timedelta(days=i),
            countries=("UA",) if i % 2 else ("FR",),
        )
    for params in ({"country": "UA"}, {"country": "FR", "order": "oldest"}, {}):
        page = client.get("/", params)
        assert page.status_code == 200
        page_ids = [
            int(i) for i in re.findall(r'id="event-(\d+)"', page.content.decode())
        ]
        assert page_ids and all_ids(client, params) == page_ids


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_it_visits_every_event_once_with_the_cursor(client, order):
    # Many events share a day, so ties on start are broken by id.
    made = [
        make_reported_event(
            title=f"E{i}", start=date(2025, 1, 1) + timedelta(days=i % 4)
        )
        for i in range(23)
    ]
    ids = all_ids(client, {"limit": "3", "order": order})
    assert len(ids) == len(set(ids)) == 23
    assert set(ids) == {e.id for e in made}
    key = {e.id: (e.start, e.id) for e in made}
    assert [key[i] for i in ids] == sorted(key.values(), reverse=order == "newest")


def test_it_keeps_the_filters_in_the_next_link(client):
    for i in range(5):
        make_reported_event(title=f"UA {i}", countries=("UA",))
        make_reported_event(title=f"FR {i}", countries=("FR",))
    data = get_json(client, "/api/events/", {"country": "UA", "limit": "2"})
    assert "country=UA" in data["next"]
    assert all_ids(client, {"country": "UA", "limit": "2"}) == list(
        Event.objects.filter(countries__code="UA")
        .order_by("-start", "-id")
        .values_list("id", flat=True)
    )


@pytest.mark.parametrize(
    "params,detail",
    [
        ({"country": "Ukraine"}, "country"),
        ({"kind": "party"}, "kind"),
        ({"start": "yesterday"}, "start"),
        ({"actor": "abc"}, "actor"),
        ({"order": "random"}, "order"),
        ({"status": "rejected"}, "staff"),
        ({"limit": "0"}, "limit"),
        ({"limit": "10000"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"limit": "²"}, "limit"),
        ({"actor": "²"}, ""),
        ({"q": "a\x00b"}, "NUL"),
        ({"page": "2"}, "cursor"),
        ({"cursor": "not-a-cursor!"}, "cursor"),
        ({"cursor": "eA"}, "cursor"),
        ({"country": ",".join(["UA"] * 30)}, "first 20"),
    ],
)
def test_it_answers_bad_parameters_with_400_json(client, params, detail):
    make_reported_event()
    data = get_json(client, "/api/events/", params, status=400)
    assert data["error"]
    assert any(detail in d for d in data["details"]), data


def test_it_rejects_a_cursor_of_the_other_order(client):
    for i in range(3):
        make_reported_event(start=date(2025, 1, 1 + i))
    data = get_json(client, "/api/events/", {"limit": "1"})
    cursor = data["next_cursor"]
    bad = get_json(
        client, "/api/events/", {"cursor": cursor, "order": "oldest"}, status=400
    )
    assert "order" in bad["details"][0]


def test_it_lets_staff_filter_by_status(client):
    make_reported_event(title="Kept")
    rejected = make_reported_event(title="Rejected", status="rejected")
    staff = make_reviewer()
    client.force_login(staff)
    assert all_ids(client, {"status": "rejected"}) == [rejected.id]


def test_it_bounds_the_queries_of_a_page(client, django_assert_max_num_queries):
    art = make_report()
    for i in range(30):
        e = make_reported_event(
            title=f"E{i}",
            people=(f"Person {i}", "Anna Bauer"),
            orgs=("NATO",),
            countries=("UA", "PL"),
            article=art,
        )
        Mention.objects.create(
            event=e,
            article=make_report(),
            sentence="Again.",
            sentence_start=0,
            sentence_end=6,
            expression="again",
            expression_start=0,
            expression_end=5,
            anchor_date=date(2025, 3, 1),
            value=e.value,
        )
    get_json(client, "/api/events/", {"limit": "30"})  # builds the facet index
    # The data stamp, the events, their actors, countries, sources and stories.
    with django_assert_max_num_queries(6):
        data = get_json(client, "/api/events/", {"limit": "30"})
    assert len(data["results"]) == 30
    assert all(len(r["sources"]) == 2 for r in data["results"])


def test_it_escapes_markup_in_json(client):
    make_reported_event(title="<script>alert(1)</script> & more")
    response = client.get("/api/events/")
    assert b"<script>" not in response.content
    assert json.loads(response.content)["results"][0]["title"] == (
        "<script>alert(1)</script> & more"
    )


def test_it_shows_one_event(client, django_assert_max_num_queries):
    event = make_reported_event(title="One", people=("Anna Bauer",))
    # the event, its actors, countries, sources and stories
    with django_assert_max_num_queries(5):
        data = get_json(client, f"/api/events/{event.id}/")
    assert data["id"] == event.id and data["actors"][0]["name"] == "Anna Bauer"


def test_it_hides_rejected_events_from_the_public(client):
    event = make_reported_event(status="rejected")
    data = get_json(client, f"/api/events/{event.id}/", status=404)
    assert data["error"] == "Not found."
    get_json(client, "/api/events/999999/", status=404)
    get_json(client, f"/api/events/{2**64}/", status=404)


def test_it_searches_actors_by_name_alias_and_kind(client):
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    ActorAlias.objects.create(actor=zel, alias="Zelensky")
    Actor.objects.create(name="Zelda Org", kind="organization")
    make_reported_event(people=("Volodymyr Zelenskyy",))
    make_reported_event(people=("Volodymyr Zelenskyy",), status="rejected")
    data = get_json(client, "/api/actors/", {"q": "zel"})
    assert [a["name"] for a in data["results"]] == ["Volodymyr Zelenskyy", "Zelda Org"]
    assert data["results"][0]["event_count"] == 1
    by_alias = get_json(client, "/api/actors/", {"q": "zelensky", "kind": "person"})
    assert [a["id"] for a in by_alias["results"]] == [zel.id]
    orgs = get_json(client, "/api/actors/", {"kind": "organisation"})
    assert [a["name"] for a in orgs["results"]] == ["Zelda Org"]
    get_json(client, "/api/actors/", {"kind": "robot"}, status=400)
    get_json(client, "/api/actors/", {"q": "x" * 101}, status=400)
    get_json(client, "/api/actors/", {"offset": "-3"}, status=400)
    get_json(client, "/api/actors/", {"q": "\x00"}, status=400)


def test_it_pages_actors(client):
    for i in range(7):
        Actor.objects.create(name=f"Person {i}", kind="person")
    data = get_json(client, "/api/actors/", {"limit": "3"})
    names = [a["name"] for a in data["results"]]
    while data["next"]:
        data = get_json(client, data["next"])
        names += [a["name"] for a in data["results"]]
    assert names == [f"Person {i}" for i in range(7)]


def test_it_lists_countries_with_events_or_all(client):
    make_reported_event(countries=("UA", "FR"))
    make_reported_event(countries=("UA",))
    make_reported_event(countries=("DE",), status="rejected")
    data = get_json(client, "/api/countries/")
    assert [(c["code"], c["event_count"]) for c in data["results"]] == [
        ("FR", 1),
        ("UA", 2),
    ]
    everything = get_json(client, "/api/countries/", {"all": "1"})
    assert len(everything["results"]) > 200


def test_it_answers_as_its_openapi_description_says(client):
    from openapi_schema_validator import OAS31Validator
    from openapi_spec_validator import validate
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    spec = get_json(client, "/api/openapi.json")
    validate(spec)
    registry = Registry().with_resource(
        "urn:newsline", Resource.from_contents(spec, default_specification=DRAFT202012)
    )

    def check(schema, data):
        OAS31Validator(
            {"$ref": f"urn:newsline#/components/schemas/{schema}"}, registry=registry
        ).validate(data)

    event = make_reported_event(
        people=("Anna Bauer",), orgs=("NATO",), countries=("UA",)
    )
    check("EventPage", get_json(client, "/api/events/", {"limit": "1"}))
    check("Event", get_json(client, f"/api/events/{event.id}/"))
    check("ActorPage", get_json(client, "/api/actors/"))
    check("CountryList", get_json(client, "/api/countries/"))
    check("Error", get_json(client, "/api/events/", {"kind": "x"}, status=400))


def test_it_serves_an_openapi_description(client):
    spec = get_json(client, "/api/openapi.json")
    assert spec["openapi"].startswith("3.1")
    assert {
        "/api/events/",
        "/api/events/{id}/",
        "/api/actors/",
        "/api/countries/",
    } <= set(spec["paths"])
    fields = spec["components"]["schemas"]["Event"]["properties"]
    row = get_json(client, f"/api/events/{make_reported_event().id}/")
    assert set(row) == set(fields)


def test_it_lets_other_sites_read_it_without_credentials(client):
    response = client.get("/api/countries/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert client.get("/api/events/", {"kind": "x"})["Access-Control-Allow-Origin"]


def test_it_only_answers_get(client):
    response = client.post("/api/events/")
    assert response.status_code in (403, 405)


@pytest.mark.parametrize(
    "path",
    ["/api/events/", "/api/actors/", "/api/countries/", "/export/events.csv"],
)
def test_it_answers_too_many_parameters_with_400_json(client, path):
    query = "&".join(f"p{i}=1" for i in range(1001))
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "more than 1,000 parameters" in response.json()["error"]
