"""The API keeps its own contract: schemathesis sends what /api/openapi.json
describes (valid and invalid requests, every operation, other methods) to
the live test server and fails on any check: no server error, every status,
content type, header and body as documented, valid data accepted, invalid
data refused, 405 for unsupported methods.

A bounded, seeded run (hypothesis derandomized), so it is the same run
every time; tests/timeline/api/test_api.py holds the specific cases.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
)

from tests.timeline.factories import make_reported_event, make_reviewer
from timeline.api.routes import FilterQuery, newsline_api
from timeline.query.filters import TimelineFilters

MAX_EXAMPLES = 30


@pytest.fixture
def events(transactional_db):
    make_reported_event(
        title="Ministers met",
        people=("Anna Bauer",),
        orgs=("NATO",),
        countries=("UA", "PL"),
    )
    make_reported_event(start=date(2024, 5, 1), kind="vote", countries=("FR",))
    make_reported_event(start=date(2023, 1, 9), title="Rejected", status="rejected")


def served_document() -> dict:
    return json.loads(json.dumps(newsline_api.get_openapi_schema(path_prefix="")))


# The document /api/openapi.json serves (test_it_serves_the_generated_document
# checks they are the same). Loaded at collection: schemathesis' lazy
# from_fixture loader does not work with this pytest.
schema = schemathesis.openapi.from_dict(served_document())
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
    deterministic=True,
    database="none",
)


def documented_400(query: dict, *, reviewer: bool = False) -> bool:
    """Well-formed values the API refuses, as docs/api.md says, which no
    JSON schema can express: `status` is for reviewers only, a cursor is
    opaque (only one from a `next` link is valid), and a start after the
    end is a mistake the page fixes with a note but the API refuses."""
    start, end = query.get("start"), query.get("end")
    return bool(
        (query.get("status") and not reviewer)
        or query.get("cursor")
        or (start and end and str(start) > str(end))
    )


def negates_one_alternative(case) -> bool:
    """A "negative" case of schemathesis 4.32 that only breaks the `const`
    of one anyOf branch (the empty value a form sends) with a value another
    branch accepts (actor=0, a valid id): valid data, which the API rightly
    accepts (schemathesis issue #3962)."""
    meta = case.meta
    description = getattr(getattr(meta, "phase", None), "data", None)
    description = getattr(description, "description", "") or ""
    return bool(
        meta
        and meta.generation.mode.is_negative
        and description.startswith("violates `const` at ")
        and "/anyOf/" in description
    )


def check(case, base_url: str, *, reviewer: bool = False, **kwargs) -> None:
    excluded = []
    if documented_400(case.query or {}, reviewer=reviewer):
        excluded.append(positive_data_acceptance)
    if negates_one_alternative(case):
        excluded.append(negative_data_rejection)
    case.call_and_validate(
        base_url=base_url, checks=CHECKS.get_all(), excluded_checks=excluded, **kwargs
    )


SEEDED = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def reviewer_cookie(transactional_db) -> str:
    client = Client()
    client.force_login(make_reviewer())
    name = django_settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


@schema.parametrize()
@SEEDED
def test_it_answers_as_its_openapi_document_says(case, live_server, events):
    check(case, live_server.url)


@schema.parametrize()
@SEEDED
def test_it_answers_reviewers_as_its_openapi_document_says(
    case, live_server, events, reviewer_cookie
):
    """Reviewers may filter by `status`: every valid value is accepted."""
    check(case, live_server.url, reviewer=True, headers={"Cookie": reviewer_cookie})


def test_it_documents_exactly_the_page_filters():
    """The API's filter parameters are TimelineFilters' own: a parameter
    added to one and not the other fails here."""
    assert set(FilterQuery.model_fields) == set(TimelineFilters.PARAMETERS)


def test_it_lists_every_parameter_the_filters_read():
    """TimelineFilters.PARAMETERS is what from_query reads, no more, no less."""
    read: set[str] = set()

    class Recorder(dict):
        def getlist(self, name: str) -> list[str]:
            read.add(name)
            return []

        def get(self, name: str, default=None):
            read.add(name)
            return default

    TimelineFilters.from_query(Recorder(), allow_status=True)
    assert read == set(TimelineFilters.PARAMETERS)


@pytest.mark.django_db
def test_it_serves_the_generated_document(client):
    response = client.get("/api/openapi.json")
    assert response.json() == served_document()
    assert set(response.json()["paths"]) == {
        "/api/events/",
        "/api/summary/",
        "/api/events/{id}/",
        "/api/key-events/",
        "/api/actors/",
        "/api/countries/",
        "/export/events.csv",
        "/export/events.timeline.json",
        "/export/events.ics",
    }
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/api/events/", "/export/events.csv", "/export/events.timeline.json"]
)
def test_it_takes_the_empty_fields_of_the_page_form(client, path):
    """The page's filter form sends its empty fields; its export links carry
    them on. An empty value is no value, not a 400."""
    make_reported_event()
    query = "actor=&org=&country=&kind=&start=&end=&q=&order="
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_it_pages_actors_with_empty_fields(client):
    response = client.get("/api/actors/?q=&kind=&limit=&offset=")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,detail",
    [
        (
            "/api/actors/?offset=-3",
            "offset: Input should be greater than or equal to 0.",
        ),
        ("/api/events/?limit=0", "limit: Input should be greater than or equal to 1."),
        ("/api/events/-1/", "id: Input should be greater than or equal to 0."),
        ("/api/events/abc/", "id: Input should be a valid integer"),
    ],
)
def test_it_names_the_parameter_and_its_problem_in_json(client, url, detail):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["details"][0].startswith(detail)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/events/", "/api/events/1/", "/api/openapi.json", "/export/events.csv"],
)
def test_it_answers_other_methods_with_405(path):
    # Without a CSRF token, as any API client: a 403 (CSRF) before, not a 405.
    response = Client(enforce_csrf_checks=True).post(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET"


@pytest.mark.django_db
def test_it_answers_a_download_too_many_as_documented(client, settings):
    settings.NEWSLINE_MAX_EXPORTS = 1
    make_reported_event()
    first = client.get("/export/events.csv")  # holds the one slot while streaming
    busy = client.get("/export/events.ics")
    try:
        assert busy.status_code == 429
        document = served_document()
        documented = document["paths"]["/export/events.ics"]["get"]["responses"]
        assert "Retry-After" in documented["429"]["headers"]
        assert busy["Retry-After"] == "30"
        assert documented["429"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }
        error = document["components"]["schemas"]["Error"]
        assert set(busy.json()) == set(error["properties"]) == set(error["required"])
    finally:
        first.close()
