"""The API's routes and its OpenAPI document, both from one definition
(django-ninja): the parameters each operation takes and the JSON it answers
are the pydantic schemas below, so /api/openapi.json cannot drift from what
the views accept.

Ninja checks each parameter against its schema (a bad one answers 400 with
the API's JSON error); the views then parse the filters with the page's own
TimelineFilters (timeline/query/filters.py), which stays the one implementation
of what a filter means. tests/timeline/api/test_api_contract.py checks that the
documented filter parameters are exactly TimelineFilters.PARAMETERS.
"""

from __future__ import annotations

import datetime
from datetime import date
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError
from pydantic import BeforeValidator

from timeline.api import exports
from timeline.api import views as api
from timeline.api.serializers import Event, KindName, StatusName
from timeline.keyevents.data import MAX_KEY_DATES, MAX_PER_DATE
from timeline.keyevents.rank import UNITS
from timeline.models import ActorKind
from timeline.query.filters import MAX_MULTI, MAX_QUERY_CHARS, ORDERS, VIEWS

MAX_ID = 10**18 - 1  # TimelineFilters takes ids of at most 18 digits
MAX_OFFSET = 10**9 - 1
# An empty value is no value (the page's form sends its empty fields).
Blank = Literal[""]
# Text a database can search: no NUL (PostgreSQL refuses it in text).
NO_NUL = r"^[^\x00]*$"


def _split_commas(value: Any) -> Any:
    """`actor=1,2` is `actor=1&actor=2`, as on the page."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        return [p.strip() for v in value for p in str(v).split(",") if p.strip()]
    return value


def _many(item: Any, description: str) -> Any:
    """A repeatable parameter. maxItems is documented, not checked here:
    TimelineFilters refuses more than MAX_MULTI values (counted after the
    commas are split) with its own note."""
    return Annotated[
        list[item | Blank],
        BeforeValidator(_split_commas),
        Field(
            default=[],
            description=description,
            json_schema_extra={"maxItems": MAX_MULTI},
        ),
    ]


Id = Annotated[int, Field(ge=0, le=MAX_ID)]
CountryCode = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")]
StorySlug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]{1,100}$")]


class FilterQuery(Schema):
    """The timeline page's filters (TimelineFilters.PARAMETERS)."""

    actor: _many(Id, "Person ids (repeat or comma-separate; any of them).")
    org: _many(Id, "Organisation ids (any of them).")
    country: _many(CountryCode, "ISO 3166-1 alpha-2 codes (any of them).")
    story: _many(StorySlug, "Story slugs (any of them): events their articles report.")
    kind: _many(KindName, "Event kinds (any of them).")
    status: _many(
        StatusName,
        "Review status: staff with the view or change event permission only "
        "(others get 400). Default: all but rejected.",
    )
    start: date | Blank = Field(
        "", description="Events whose range ends on or after this date."
    )
    end: date | Blank = Field(
        "", description="Events whose range starts on or before this date."
    )
    q: str = Field(
        "",
        max_length=MAX_QUERY_CHARS,
        pattern=NO_NUL,
        description="Text in the title or an evidence sentence.",
    )
    order: Literal[(*ORDERS, "")] = Field(
        "newest", description="Newest or oldest first, by (start, id)."
    )
    view: Literal[(*VIEWS, "")] = Field(
        "all",
        description="all: every event; key: the key events (the exports; "
        "/api/key-events/ answers them as JSON, /api/events/ refuses it).",
    )


class KeyParams(Schema):
    """The key-events request (timeline/keyevents): over start..end."""

    dates: Annotated[int, Field(ge=1, le=MAX_KEY_DATES)] | Blank = Field(
        "",
        description="At most this many key dates (default: one per 10 "
        "events of the filtered set, at most 50).",
    )
    per_date: Annotated[int, Field(ge=1, le=MAX_PER_DATE)] | Blank = Field(
        "", description="At most this many events a date, best first (default 3)."
    )
    unit: Literal[(*UNITS, "")] = Field("day", description="Key days, months or years.")


class KeyEventsQuery(FilterQuery, KeyParams):
    pass


class ExportQuery(FilterQuery, KeyParams):
    """view=key exports the key events (dates, per_date, unit as for
    /api/key-events/), in date order."""


class Limit(Schema):
    limit: Annotated[int, Field(ge=1, le=api.MAX_LIMIT)] | Blank = Field(
        api.DEFAULT_LIMIT, description="Page size."
    )


class EventPageQuery(FilterQuery, Limit):
    view: Literal["all", ""] = Field(
        "all", description="all only: the key events are at /api/key-events/."
    )
    cursor: str = Field(
        "",
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]*$",
        description="Opaque; from the previous page's `next` (400 if made up).",
    )


class TimelineJSQuery(ExportQuery):
    group: Literal["kind", "country"] = Field(
        "kind", description="Group rows by kind or by (first) country."
    )


class ActorQuery(Limit):
    q: str = Field(
        "",
        max_length=api.MAX_ACTOR_QUERY_CHARS,
        pattern=NO_NUL,
        description="Text in a name or alias.",
    )
    kind: Literal["person", "organization", "organisation", ""] = Field(
        "", description="person or organization (or organisation)."
    )
    offset: Annotated[int, Field(ge=0, le=MAX_OFFSET)] | Blank = Field(
        0, description="Rows to skip."
    )


class CountryQuery(Schema):
    all: Literal["1", "true", "yes", "0", "false", "no", ""] = Field(
        "", description="1: every country, not only those with events."
    )


# --- Responses (the JSON shapes of timeline/api/views.py) -------------------------


class Error(Schema):
    error: str
    details: list[str]


class EventPage(Schema):
    results: list[Event]
    next: str | None = Field(description="The next page, or null on the last page.")
    next_cursor: str | None
    limit: int
    order: Literal[ORDERS]


class SummaryQuery(FilterQuery):
    view: Literal["all", ""] = Field(
        "all", description="all only: the counts are of every matching event."
    )


class FacetCount(Schema):
    key: str = Field(description="The filter value: an id, a country code, a kind.")
    label: str
    count: int
    selected: bool = Field(description="Chosen in the filters.")
    exact: bool = Field(
        description="false: estimated from a random sample of the events "
        "(the page shows it as ≈)."
    )


class ChartBar(Schema):
    label: str
    start: date
    end: date
    count: int


class Chart(Schema):
    unit: Literal["day", "month", "year", "decade", "century"]
    exact: bool = Field(description="false: the bars are estimated from a sample.")
    bars: list[ChartBar]


class TimelineSummary(Schema):
    total: int = Field(description="How many events match the filters.")
    exact: bool = Field(
        description="false: the total is estimated from a random sample "
        "(a large matching set; NEWSLINE_ESTIMATE_ABOVE)."
    )
    kinds: list[FacetCount]
    people: list[FacetCount]
    organisations: list[FacetCount]
    countries: list[FacetCount]
    stories: list[FacetCount]
    chart: Chart


class Actor(Schema):
    id: int
    name: str
    kind: Literal[tuple(ActorKind.values)]
    event_count: int


class ActorPage(Schema):
    results: list[Actor]
    next: str | None


class Country(Schema):
    code: str
    name: str
    event_count: int


class CountryList(Schema):
    results: list[Country]


class KeyDate(Schema):
    date: datetime.date = Field(
        description="The day (or the first day of the month or year)."
    )
    score: float = Field(description="How much the coverage comes back to it.")
    events: list[Event] = Field(
        description="Its most important events, best first; each event's "
        "first source is its clearest statement."
    )


class KeyEvents(Schema):
    dates: list[KeyDate] = Field(description="In date order.")


class TimelineJS(Schema):
    """TimelineJS3's JSON format (https://timeline.knightlab.com/docs/json-format.html)."""

    title: dict[str, Any] | None = None
    events: list[dict[str, Any]]


# --- The API -----------------------------------------------------------------

newsline_api = NinjaAPI(
    title="Newsline API",
    version="1",
    description=(
        "Read-only access to the Newsline timeline. Events take the timeline "
        "page's filters; any invalid parameter answers 400."
    ),
    openapi_url=None,  # served by openapi_document, with the API's headers
    docs_url=None,
    urls_namespace="api",
)

# The routes that take TimelineFilters.
FILTERED = {
    "events",
    "summary",
    "key-events",
    "export-csv",
    "export-timelinejs",
    "export-ical",
}


def _download(description: str, media_type: str = "") -> dict:
    """What the schemas cannot say of a download: its headers, a body that is
    not JSON, and the Retry-After of a 429 (timeline/api/exports.py one_slot)."""
    ok: dict[str, Any] = {
        "description": description,
        "headers": {
            "Content-Disposition": {
                "schema": {"type": "string"},
                "description": "attachment; filename=...",
            }
        },
    }
    if media_type:
        ok["content"] = {media_type: {"schema": {"type": "string"}}}
    busy = {
        "description": "Too many downloads at once in this server process.",
        "headers": {
            "Retry-After": {
                "schema": {"type": "integer"},
                "description": "Seconds to wait before trying again.",
            }
        },
    }
    return {"responses": {200: ok, 429: busy}}


@csrf_exempt  # nothing to protect: GET only, like the routes below
@require_GET
def openapi_document(request: HttpRequest) -> HttpResponse:
    """GET /api/openapi.json: the OpenAPI 3.1 document of the routes below."""
    return api.json_response(newsline_api.get_openapi_schema(path_prefix=""))


@newsline_api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Ninja's parameter errors as the API's 400 JSON error; where the
    filters' own parser names the problem, in its words (as on the page)."""
    try:
        api.reject_nul(request)
        name = request.resolver_match.url_name if request.resolver_match else ""
        if name in FILTERED:
            filters = api.parse_filters(request)
            if name in ("events", "summary"):
                api.refuse_key_view(filters)
            else:
                api.parse_key_request(request, filters)
    except api.BadRequest as bad:
        return api.error_response(bad.error, bad.details)
    details: dict[str, str] = {}
    for err in exc.errors:
        # loc is ("query", "params", name, ...) for a parameter of a query
        # schema, ("path", name, ...) for a path one, then places inside its
        # type (list index, union member): the first problem of each is enough.
        loc = [str(p) for p in err.get("loc", ())][1:]
        if loc[:1] == ["params"]:
            loc = loc[1:]
        name = loc[0] if loc else "parameters"
        details.setdefault(name, f"{name}: {err.get('msg', 'invalid')}.")
    return api.error_response("Invalid parameters.", details.values())


@newsline_api.get(
    "/api/events/",
    response={200: EventPage, 400: Error},
    url_name="events",
    operation_id="listEvents",
    summary="Events matching the filters (cursor pagination).",
)
def list_events(request: HttpRequest, params: Query[EventPageQuery]) -> HttpResponse:
    return api.events(request)


@newsline_api.get(
    "/api/summary/",
    response={200: TimelineSummary, 400: Error},
    url_name="summary",
    operation_id="getSummary",
    summary="Counts of the events matching the filters: total, facets, chart.",
)
def get_summary(request: HttpRequest, params: Query[SummaryQuery]) -> HttpResponse:
    return api.summary(request)


@newsline_api.get(
    "/api/key-events/",
    response={200: KeyEvents, 400: Error},
    url_name="key-events",
    operation_id="listKeyEvents",
    summary="The key dates of the filtered events, each with its best events.",
)
def list_key_events(
    request: HttpRequest, params: Query[KeyEventsQuery]
) -> HttpResponse:
    return api.key_events(request)


@newsline_api.get(
    "/api/events/{id}/",
    response={200: Event, 400: Error, 404: Error},
    url_name="event",
    operation_id="getEvent",
    summary="One event (rejected ones only for reviewers).",
)
def get_event(
    request: HttpRequest, id: Path[Annotated[int, Field(ge=0)]]
) -> HttpResponse:  # noqa: A002
    return api.event_detail(request, id)


@newsline_api.get(
    "/api/actors/",
    response={200: ActorPage, 400: Error},
    url_name="actors",
    operation_id="listActors",
    summary="People and organisations by name.",
)
def list_actors(request: HttpRequest, params: Query[ActorQuery]) -> HttpResponse:
    return api.actors(request)


@newsline_api.get(
    "/api/countries/",
    response={200: CountryList, 400: Error},
    url_name="countries",
    operation_id="listCountries",
    summary="Countries with events (every country with all=1).",
)
def list_countries(request: HttpRequest, params: Query[CountryQuery]) -> HttpResponse:
    return api.countries(request)


@newsline_api.get(
    "/export/events.csv",
    response={400: Error, 429: Error},
    url_name="export-csv",
    operation_id="exportCsv",
    summary="CSV download of the filtered timeline (UTF-8, BOM).",
    openapi_extra=_download("CSV", "text/csv"),
)
def export_csv(request: HttpRequest, params: Query[ExportQuery]) -> HttpResponse:
    return exports.export_csv(request)


@newsline_api.get(
    "/export/events.timeline.json",
    response={200: TimelineJS, 400: Error, 429: Error},
    url_name="export-timelinejs",
    operation_id="exportTimelineJS",
    summary="TimelineJS3 JSON of the filtered timeline (a download).",
    openapi_extra=_download("TimelineJS3 JSON"),
)
def export_timelinejs(
    request: HttpRequest, params: Query[TimelineJSQuery]
) -> HttpResponse:
    return exports.export_timelinejs(request)


@newsline_api.get(
    "/export/events.ics",
    response={400: Error, 429: Error},
    url_name="export-ical",
    operation_id="exportIcal",
    summary="iCalendar of the filtered timeline (all-day events).",
    openapi_extra=_download("iCalendar", "text/calendar"),
)
def export_ical(request: HttpRequest, params: Query[ExportQuery]) -> HttpResponse:
    return exports.export_ical(request)
