"""Staff corrections on the timeline page: edit title and date, verify, reject.

HTMX posts (CSRF-checked) answered with the updated event item; without
JavaScript the same forms post and redirect back to the page. Anyone who is
not active staff with the change-event permission gets 403, never a login
redirect (an htmx swap of a login page would be nonsense).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from timeline.domain.corrections import correct_event, reject_events, verify_events
from timeline.models import Event
from timeline.query.filters import TimelineFilters

FRAGMENT = "timeline/index.html#event-item"
LIST_CHANGED = "newsline:list-changed"


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """403 unless the user is active staff allowed to change events."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not (
            user.is_authenticated
            and user.is_active
            and user.is_staff
            and user.has_perm("timeline.change_event")
        ):
            return HttpResponseForbidden(
                "Only staff who may change events can do this.",
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return wrapped


def _page_url(request: HttpRequest) -> str:
    """The timeline page the request came from (our own path, its query)."""
    index = reverse("timeline:index")
    current = request.htmx.current_url if request.htmx else None
    if current:
        parts = urlsplit(current)
        if parts.path == index:
            return f"{index}?{parts.query}" if parts.query else index
    return index


def _filters(request: HttpRequest) -> TimelineFilters:
    query = urlsplit(_page_url(request)).query
    return TimelineFilters.from_query(QueryDict(query), allow_status=True)


def _respond(
    request: HttpRequest,
    event_id: int,
    *,
    error: str = "",
    moved: bool = False,
) -> HttpResponse:
    if not request.htmx:
        if error:
            return HttpResponseBadRequest(
                f"Nothing was changed: {error}",
                content_type="text/plain; charset=utf-8",
            )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            target = reverse("timeline:index")
        return HttpResponseRedirect(f"{target.split('#')[0]}#event-{event_id}")
    event = get_object_or_404(
        Event.objects.prefetch_related("actors", "countries"), pk=event_id
    )
    context = {
        "event": event,
        "filters": _filters(request),
        "is_staff": True,
        "staff_error": error,
        "staff_next": _page_url(request),
    }
    response = render(request, FRAGMENT, context)
    if moved:
        # The date changed, so the event belongs elsewhere in the list: the
        # page's list reloads itself on this event (same filters; see the
        # hidden listener in timeline/index.html) once the item is swapped
        # (htmx fires it on the body when the item it came from is gone).
        # Unlike HX-Location, it adds no entry to the browser's history.
        response["HX-Trigger-After-Swap"] = LIST_CHANGED
    return response


def _correct(request: HttpRequest, pk: int, changes: dict[str, Any]) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    try:
        correct_event(
            event=event,
            user=request.user,
            changes=changes,
            reason=request.POST.get("reason", "")[:1000],
        )
    except ValidationError as exc:
        return _respond(request, pk, error=" ".join(exc.messages))
    return _respond(request, pk)


@require_POST
@staff_required
@vary_on_headers("HX-Request")
def edit_title(request: HttpRequest, pk: int) -> HttpResponse:
    return _correct(request, pk, {"title": request.POST.get("title", "")})


@require_POST
@staff_required
@vary_on_headers("HX-Request")
def edit_date(request: HttpRequest, pk: int) -> HttpResponse:
    """The new date as a TIMEX3 value (2025-02-24, 2025-W08, 2025-02, 2025)."""
    event = get_object_or_404(Event, pk=pk)
    before = event.start
    try:
        event = correct_event(
            event=event,
            user=request.user,
            changes={"value": request.POST.get("value", "")},
            reason=request.POST.get("reason", "")[:1000],
        )
    except ValidationError as exc:
        return _respond(request, pk, error=" ".join(exc.messages))
    return _respond(request, pk, moved=event.start != before)


@require_POST
@staff_required
@vary_on_headers("HX-Request")
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    verify_events(events=[event], user=request.user)
    return _respond(request, pk)


@require_POST
@staff_required
@vary_on_headers("HX-Request")
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=pk)
    reject_events(events=[event], user=request.user)
    return _respond(request, pk)
