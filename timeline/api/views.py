"""The read-only JSON API: events, their counts (summary), actors, countries.

Events take exactly the timeline page's filters (TimelineFilters and
Event.objects.for_timeline), so the API, the exports and the page agree.
Unlike the page, which drops a bad value with a note, the API answers any
note with 400 and a JSON error, so a client never silently gets something
other than what it asked for.

Pagination is keyset ("cursor") pagination over (start, id), with the
page's cursor format (timeline/query/cursors.py), so page 2,000 costs what
page 1 costs.

The routes, their parameter schemas and the OpenAPI document are in
timeline/api/routes.py (django-ninja), which checks each parameter against
its documented schema and then calls the views here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views import defaults

from timeline.api.serializers import EventRow, attach, event_dict, event_values
from timeline.keyevents.data import (
    InvalidKeyRequest,
    cached_key_events,
    key_request,
)
from timeline.keyevents.rank import KeyDate, RankedEvent
from timeline.models import (
    Actor,
    ActorKind,
    Country,
    Event,
    EventActor,
    EventCountry,
    Status,
    may_review,
)
from timeline.query.cursors import Cursor, InvalidCursor
from timeline.query.events import page_events
from timeline.query.facets import FacetValue, Summary, timeline_summary
from timeline.query.filters import TimelineFilters

# Paths that answer errors as JSON (see bad_request).
JSON_PATHS = ("/api/", "/export/")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_ACTOR_QUERY_CHARS = 100


class SafeJSONEncoder(DjangoJSONEncoder):
    """JSON with <, > and & as \\u escapes: the same data for any JSON parser,
    but no markup a browser could ever sniff out of a response."""

    def encode(self, o: Any) -> str:
        return (
            super()
            .encode(o)
            .replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
        )


def allow_any_origin(response: HttpResponse) -> HttpResponse:
    """Public read-only data: any site's script may read it (e.g. TimelineJS
    loading the export). Without credentials, so staff-only data never leaks."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_response(data: Any, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data,
        status=status,
        encoder=SafeJSONEncoder,
        safe=False,
        json_dumps_params={"ensure_ascii": False},
    )
    allow_any_origin(response)
    return response


def error_response(error: str, details: Iterable[str] = (), *, status: int = 400):
    return json_response({"error": error, "details": list(details)}, status=status)


class BadRequest(ValueError):
    """A parameter the API cannot use; becomes a 400 JSON answer."""

    def __init__(self, error: str, details: Iterable[str] = ()) -> None:
        super().__init__(error)
        self.error = error
        self.details = list(details)


def reject_nul(request: HttpRequest) -> None:
    """NUL can't be stored or searched (PostgreSQL refuses it in text)."""
    bad = sorted({k for k, v in request.GET.lists() if any("\x00" in x for x in v)})
    if bad:
        raise BadRequest(
            "Invalid parameters.", [f"{k}: contains a NUL character." for k in bad]
        )


def parse_filters(request: HttpRequest) -> TimelineFilters:
    """The page's filters from the query string; any note is a BadRequest."""
    reject_nul(request)
    try:
        filters = TimelineFilters.from_query(
            request.GET, allow_status=may_review(request.user)
        )
    except ValueError as exc:  # a value the parser let through but can't use
        raise BadRequest("Invalid filter parameters.", [str(exc)]) from None
    if filters.notes:
        raise BadRequest("Invalid filter parameters.", filters.notes)
    return filters


def _is_number(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts '²', which int() refuses."""
    return text.isascii() and text.isdigit()


def parse_limit(params: Mapping, *, default: int = DEFAULT_LIMIT) -> int:
    raw = params.get("limit")
    if raw in (None, ""):
        return default
    if not _is_number(str(raw)) or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadRequest(
            "Invalid limit.",
            [f"limit={raw!r}: use a whole number from 1 to {MAX_LIMIT}."],
        )
    return int(raw)


def parse_cursor(request: HttpRequest, order: str) -> Cursor | None:
    """The `cursor` parameter; an invalid one is a BadRequest."""
    raw = request.GET.get("cursor", "")
    if not raw:
        return None
    try:
        return Cursor.decode(raw, order)
    except InvalidCursor as exc:
        raise BadRequest("Invalid cursor.", [exc.detail]) from None


# --- URLs ---------------------------------------------------------------------


def _events_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("api:events"))


def _page_url(request: HttpRequest, **changes: str) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        params[key] = value
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


# --- Views -------------------------------------------------------------------


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: the API and the downloads answer JSON, pages Django's HTML.

    Django refuses some requests before any view runs (more than
    DATA_UPLOAD_MAX_NUMBER_FIELDS parameters, a body too big), so api_view
    never sees them.
    """
    if not request.path_info.startswith(JSON_PATHS):
        return defaults.bad_request(request, exception)
    if isinstance(exception, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return error_response(
            f"Invalid parameters: more than {limit:,} parameters.",
            [f"Send at most {limit:,} query parameters."],
        )
    return error_response("Bad request.")


def api_view(view):
    """Turn BadRequest into a 400 JSON answer."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except BadRequest as exc:
            return error_response(exc.error, exc.details)

    return wrapped


@api_view
def events(request: HttpRequest) -> HttpResponse:
    """Events matching the page's filters, newest (or oldest) first."""
    filters = parse_filters(request)
    refuse_key_view(filters)
    limit = parse_limit(request.GET)
    if "page" in request.GET or "offset" in request.GET:
        raise BadRequest(
            "Invalid parameters.",
            ["page/offset: events are paged by cursor; follow the 'next' link."],
        )
    after = parse_cursor(request, filters.order)
    rows = attach(
        event_values(page_events(filters, after=after))[: limit + 1], stories=True
    )
    has_next = len(rows) > limit
    rows = rows[:limit]
    next_cursor = (
        Cursor.after_row(filters.order, rows[-1]).encode() if has_next else None
    )
    base_url = _events_url(request)
    return json_response(
        {
            "results": [event_dict(e, base_url=base_url) for e in rows],
            "next": _page_url(request, cursor=next_cursor) if next_cursor else None,
            "next_cursor": next_cursor,
            "limit": limit,
            "order": filters.order,
        }
    )


def _counts(values: Iterable[FacetValue]) -> list[dict[str, Any]]:
    return [
        {
            "key": v.key,
            "label": v.label,
            "count": v.count,
            "selected": v.selected,
            "exact": v.exact,
        }
        for v in values
    ]


def summary_dict(summary: Summary) -> dict[str, Any]:
    """The page's counts and chart as JSON; `exact: false` marks an estimate."""
    density = summary.density
    return {
        "total": summary.total,
        "exact": summary.exact,
        "kinds": _counts(summary.kinds),
        "people": _counts(summary.people),
        "organisations": _counts(summary.organisations),
        "countries": _counts(summary.countries),
        "stories": _counts(summary.stories),
        "chart": {
            "unit": density.unit,
            "exact": density.exact,
            "bars": [
                {"label": b.label, "start": b.start, "end": b.end, "count": b.count}
                for b in density.bars
            ],
        },
    }


@api_view
def summary(request: HttpRequest) -> HttpResponse:
    """What the page counts for these filters: the total, each facet's values
    and the density chart (estimated for a large set, see facets.is_large)."""
    filters = parse_filters(request)
    refuse_key_view(filters)
    return json_response(summary_dict(timeline_summary(filters)))


# --- Key events ----------------------------------------------------------------


def refuse_key_view(filters: TimelineFilters) -> None:
    """/api/events/ pages every event; the key events have their own route."""
    if filters.view == "key":
        raise BadRequest(
            "Invalid parameters.",
            ["view=key: the key events are at /api/key-events/."],
        )


def parse_key_request(request: HttpRequest, filters: TimelineFilters):
    """The key-events request (dates, per_date, unit); a BadRequest if bad."""
    try:
        return key_request(request.GET, filters)
    except InvalidKeyRequest as exc:
        raise BadRequest("Invalid key-events parameters.", exc.details) from None


def _lead_with(row: EventRow, ranked: RankedEvent) -> EventRow:
    """The row with the source the ranking chose (its clearest statement of
    the event) first: sources[0].evidence is the event's summary."""
    chosen = ranked.first_source
    for i, source in enumerate(row.sources):
        if (
            source.article_id == chosen.article_id
            and source.sentence == chosen.sentence
        ):
            row.sources.insert(0, row.sources.pop(i))
            break
    return row


def key_event_rows(
    filters: TimelineFilters, key_req, *, max_sources: int | None = None
) -> list[tuple[KeyDate, list[EventRow]]]:
    """Each key date with its events as rows (best first), each row's
    chosen source first, at most `max_sources` sources."""
    key_dates = cached_key_events(filters, key_req)
    ids = [e.event_id for k in key_dates for e in k.events]
    events = event_values(Event.objects.filter(id__in=ids))
    rows = {r.id: r for r in attach(events, stories=True)}
    out = []
    for k in key_dates:
        chosen = [
            _lead_with(rows[e.event_id], e) for e in k.events if e.event_id in rows
        ]
        if max_sources is not None:
            for row in chosen:
                del row.sources[max_sources:]
        out.append((k, chosen))
    return out


@api_view
def key_events(request: HttpRequest) -> HttpResponse:
    """The key dates of the filtered events, in date order, each with its
    most important events (best first) as /api/events/ shows them."""
    filters = parse_filters(request)
    found = key_event_rows(filters, parse_key_request(request, filters))
    base_url = _events_url(request)
    return json_response(
        {
            "dates": [
                {
                    "date": k.date,
                    "score": k.score,
                    "events": [event_dict(e, base_url=base_url) for e in rows],
                }
                for k, rows in found
            ]
        }
    )


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One event; rejected events exist only for reviewers (may_review)."""
    if pk >= 2**63:  # no such id; the database can't even compare it
        return error_response("Not found.", [f"No event with id {pk}."], status=404)
    qs = Event.objects.visible_to(request.user)
    found = attach(event_values(qs.filter(pk=pk)), stories=True)
    if not found:
        return error_response("Not found.", [f"No event with id {pk}."], status=404)
    return json_response(event_dict(found[0], base_url=_events_url(request)))


@api_view
def actors(request: HttpRequest) -> HttpResponse:
    """People and organisations by name; `q` searches names and aliases."""
    reject_nul(request)
    q = " ".join(request.GET.getlist("q")).strip()
    if len(q) > MAX_ACTOR_QUERY_CHARS:
        raise BadRequest(
            "Invalid q.", [f"q: at most {MAX_ACTOR_QUERY_CHARS} characters."]
        )
    kind = request.GET.get("kind", "")
    if kind == "organisation":  # the British spelling the page shows
        kind = ActorKind.ORGANIZATION
    if kind and kind not in ActorKind.values:
        raise BadRequest(
            "Invalid kind.", [f"kind={kind!r}: use person or organization."]
        )
    limit = parse_limit(request.GET)
    offset_raw = request.GET.get("offset", "0") or "0"
    if not _is_number(offset_raw) or len(offset_raw) > 9:
        raise BadRequest("Invalid offset.", [f"offset={offset_raw!r}: not a number."])
    offset = int(offset_raw)
    qs = Actor.objects.order_by("name", "id")
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(aliases__alias__icontains=q)).distinct()
    rows = list(qs.values("id", "name", "kind")[offset : offset + limit + 1])
    has_next = len(rows) > limit
    rows = rows[:limit]
    counts = dict(
        EventActor.objects.filter(actor_id__in=[r["id"] for r in rows])
        .exclude(event__status=Status.REJECTED)
        .values_list("actor_id")
        .annotate(n=Count("event_id"))
    )
    for row in rows:
        row["event_count"] = counts.get(row["id"], 0)
    return json_response(
        {
            "results": rows,
            "next": (
                _page_url(request, offset=str(offset + limit)) if has_next else None
            ),
        }
    )


def countries(request: HttpRequest) -> HttpResponse:
    """Countries that have (visible) events, or every country with ?all=1."""
    # All links (an index-only count), minus the few of rejected events:
    # much cheaper than joining every link to its event.
    counts = dict(
        EventCountry.objects.order_by()
        .values_list("country_id")
        .annotate(n=Count("id"))
    )
    for country_id, n in (
        EventCountry.objects.filter(event__status=Status.REJECTED)
        .order_by()
        .values_list("country_id")
        .annotate(n=Count("id"))
    ):
        counts[country_id] -= n
    counts = {k: v for k, v in counts.items() if v > 0}
    show_all = request.GET.get("all") in ("1", "true", "yes")
    rows = [
        {"code": c.code, "name": c.name, "event_count": counts.get(c.id, 0)}
        for c in Country.objects.order_by("name")
        if show_all or c.id in counts
    ]
    return json_response({"results": rows})


__all__ = [
    "BadRequest",
    "SafeJSONEncoder",
    "actors",
    "countries",
    "event_detail",
    "events",
    "key_events",
    "parse_filters",
]
