"""A chrome-less, read-only timeline for newsroom pages to put in an iframe.

Same filters as the page (public view: never staff-only filters), no site
header, no admin links, no forms or scripts. Links open the full site in a
new tab. Only this view may be framed: X-Frame-Options exempt, and its own
Content-Security-Policy with frame-ancestors from NEWSLINE_EMBED_ORIGINS
(default: any site).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from timeline.api.serializers import attach, event_values
from timeline.query.cursors import Cursor, InvalidCursor
from timeline.query.events import page_events
from timeline.query.filters import TimelineFilters

EMBED_PAGE_SIZE = 25


@require_GET
@xframe_options_exempt
def embed(request: HttpRequest) -> HttpResponse:
    # Read-only and public: staff filters are not offered even to staff.
    try:
        if any("\x00" in v for _, vs in request.GET.lists() for v in vs):
            raise ValueError("a parameter contains a NUL character.")
        filters = TimelineFilters.from_query(request.GET, allow_status=False)
        notes = list(filters.notes)
    except ValueError as exc:  # a value the parser let through but can't use
        filters, notes = TimelineFilters(), [f"Ignored the filters: {exc}"]
    cursor = request.GET.get("cursor", "")
    after = None
    if cursor:
        try:
            after = Cursor.decode(cursor, filters.order)
        except InvalidCursor:
            notes.append("Ignored an invalid 'more' link; showing the first events.")
    qs = page_events(filters, after=after)
    rows = attach(event_values(qs[: EMBED_PAGE_SIZE + 1]), max_sources=0)
    more_url = None
    if len(rows) > EMBED_PAGE_SIZE:
        rows = rows[:EMBED_PAGE_SIZE]
        query = [
            *filters.to_query(),
            ("cursor", Cursor.after_row(filters.order, rows[-1]).encode()),
        ]
        more_url = f"{request.path}?{urlencode(query)}"
    query = urlencode(filters.to_query())
    full_url = request.build_absolute_uri(
        reverse("timeline:index") + (f"?{query}" if query else "")
    )
    ctx = {
        "filters": filters,
        "notes": notes,
        "events": rows,
        "more_url": more_url,
        "full_url": full_url,
        "first_page_url": f"{request.path}?{query}" if cursor else None,
    }
    response = render(request, "timeline/embed.html", ctx)
    # Framed on other sites: never leak our URLs with their filters onwards.
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    # Its own policy (the site-wide one forbids framing): no scripts at all,
    # our stylesheet, and framing by the sites NEWSLINE_EMBED_ORIGINS allows.
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        "base-uri 'self'; form-action 'none'; "
        f"frame-ancestors {' '.join(settings.NEWSLINE_EMBED_ORIGINS) or '*'}"
    )
    return response
