"""Downloads of a filtered timeline: CSV, TimelineJS3 JSON and iCalendar.

Every export streams: events are read with QuerySet.iterator(chunk_size=...),
actors, countries and sources are fetched per chunk, and each chunk is
written out before the next is read. A 100,000-event export starts at once
and holds one chunk in memory (see bench/exports.py).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.html import escape

from timeline.api.serializers import EventRow, chunks, iter_rows
from timeline.api.views import (
    BadRequest,
    allow_any_origin,
    api_view,
    error_response,
    key_event_rows,
    parse_filters,
    parse_key_request,
)
from timeline.models import Event, Kind, Precision
from timeline.query.filters import TimelineFilters

CHUNK_SIZE = 1000
# Sources listed per event in an export: enough to cite, bounded in size.
MAX_SOURCES = 5


def iter_events(qs, *, chunk_size: int | None = None) -> Iterator[EventRow]:
    """The events of a filtered queryset, in its order, read chunk by chunk."""
    return iter_rows(qs, chunk_size=chunk_size or CHUNK_SIZE, max_sources=MAX_SOURCES)


def is_web_url(url: str) -> bool:
    """An http(s) URL with nothing that could break out of a link or a line
    (rows written by bulk loads never went through the model's validator)."""
    return url.lower().startswith(("http://", "https://")) and not any(
        ch.isspace() or ord(ch) < 32 or ch in '<>"' for ch in url
    )


def describe(filters: TimelineFilters) -> str:
    """A short human description of the filters, for export titles."""
    parts = [f"{k}={v}" for k, v in filters.to_query() if k not in ("order", "view")]
    title = "Newsline key events" if filters.view == "key" else "Newsline timeline"
    return title + (f" ({', '.join(parts)})" if parts else "")


def filename(filters: TimelineFilters, ext: str) -> str:
    return f"newsline-timeline-{datetime.now(UTC):%Y%m%d}.{ext}"


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return allow_any_origin(response)


# --- CSV ---------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "start",
    "end",
    "precision",
    "value",
    "title",
    "kind",
    "status",
    "modality",
    "actors",
    "organisations",
    "countries",
    "source_count",
    "source_urls",
    "evidence",
]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: formula triggers get a leading '."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def csv_row(event: EventRow) -> list[str]:
    sources = event.sources
    return [
        str(event.id),
        event.start.isoformat(),
        event.end.isoformat(),
        event.precision,
        csv_cell(event.value),
        csv_cell(event.title),
        event.kind,
        event.status,
        event.modality,
        csv_cell("; ".join(name for _, name in event.people)),
        csv_cell("; ".join(name for _, name in event.organisations)),
        csv_cell("; ".join(code for code, _ in event.countries)),
        str(event.source_count),
        csv_cell(" ".join(m.source_url for m in sources if m.source_url)),
        csv_cell(sources[0].sentence if sources else ""),
    ]


def iter_csv(events: Iterable[EventRow]) -> Iterator[str]:
    """CSV text in pieces: a BOM so spreadsheets read UTF-8, then the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    for chunk in chunks(events, 200):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(csv_row(e) for e in chunk)
        yield buffer.getvalue()


# --- TimelineJS3 -------------------------------------------------------------

# Which date parts each precision can state (TimelineJS date objects).
_DATE_PARTS = {
    Precision.DAY: ("year", "month", "day"),
    Precision.WEEK: ("year", "month", "day"),
    Precision.MONTH: ("year", "month"),
    Precision.QUARTER: ("year", "month"),
    Precision.YEAR: ("year",),
    Precision.DECADE: ("year",),
}


def tl_date(day: date, precision: str) -> dict[str, int]:
    parts = _DATE_PARTS.get(precision, ("year", "month", "day"))
    return {part: getattr(day, part) for part in parts}


def tl_event(event: EventRow, *, group: str = "kind") -> dict:
    start = tl_date(event.start, event.precision)
    end = tl_date(event.end, event.precision)
    sources = event.sources
    paragraphs = [f"<p>{escape(m.sentence)}</p>" for m in sources[:1]]
    links = [
        f'<a href="{escape(m.source_url)}" target="_blank" rel="noopener">'
        f"{escape(m.publisher or m.title or m.source_url)}</a>"
        for m in sources
        if is_web_url(m.source_url)
    ]
    if links:
        paragraphs.append(f"<p>Sources: {', '.join(links)}</p>")
    if group == "country":
        group_name = event.countries[0][1] if event.countries else "No country"
    else:
        group_name = Kind(event.kind).label if event.kind in Kind.values else ""
    item: dict = {
        "start_date": start,
        "text": {"headline": escape(event.title), "text": "".join(paragraphs)},
        "group": escape(group_name),
        "unique_id": f"event-{event.id}",
    }
    if end != start:
        item["end_date"] = end
    return item


def _tl_dumps(obj: object) -> str:
    # The same JSON for any parser; no raw markup characters in the file.
    return (
        json.dumps(obj, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def iter_timelinejs(
    events: Iterable[EventRow], *, title: str, group: str = "kind"
) -> Iterator[str]:
    """A TimelineJS3 JSON document, streamed event by event."""
    head = {"title": {"text": {"headline": escape(title), "text": ""}}}
    yield _tl_dumps(head)[:-1] + ', "events": ['
    first = True
    for chunk in chunks(events, 200):
        parts = [_tl_dumps(tl_event(e, group=group)) for e in chunk]
        yield ("" if first else ",") + ",\n".join(parts)
        first = False
    yield "]}\n"


# --- iCalendar (RFC 5545) ----------------------------------------------------


def ical_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def ical_line(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line + "\r\n"
    out: list[str] = []
    limit = 75
    while raw:
        cut = min(limit, len(raw))
        while cut < len(raw) and (raw[cut] & 0xC0) == 0x80:
            cut -= 1  # don't split a multi-byte character
        out.append(raw[:cut].decode("utf-8"))
        raw = raw[cut:]
        limit = 74  # continuation lines start with a space
    return "\r\n ".join(out) + "\r\n"


def ical_event(event: EventRow, *, stamp: str) -> str:
    sources = event.sources
    description = [f"{event.value} ({event.precision})"]
    for m in sources:
        cite = ", ".join(p for p in (m.publisher, m.published.isoformat()) if p)
        description.append(f"“{m.sentence}” ({cite})")
        if m.source_url:
            description.append(m.source_url)
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.id}@newsline",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
        # DTEND is the day after (exclusive); 9999-12-31 has none, so an event
        # ending then (outside the supported range, stored before it was
        # enforced) ends on its last day.
        f"DTEND;VALUE=DATE:{event.end + timedelta(days=event.end < date.max):%Y%m%d}",
        f"SUMMARY:{ical_text(event.title)}",
        f"DESCRIPTION:{ical_text(chr(10).join(description))}",
        f"CATEGORIES:{ical_text(event.kind)}",
        "TRANSP:TRANSPARENT",
    ]
    if sources and is_web_url(sources[0].source_url):
        lines.append(f"URL:{sources[0].source_url}")
    if event.updated:
        lines.append(f"LAST-MODIFIED:{event.updated.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    lines.append("END:VEVENT")
    return "".join(ical_line(line) for line in lines)


def iter_ical(events: Iterable[EventRow], *, title: str) -> Iterator[str]:
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    yield "".join(
        ical_line(line)
        for line in (
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Newsline//Timeline export//EN",
            "CALSCALE:GREGORIAN",
            f"X-WR-CALNAME:{ical_text(title)}",
        )
    )
    for chunk in chunks(events, 200):
        yield "".join(ical_event(e, stamp=stamp) for e in chunk)
    yield "END:VCALENDAR\r\n"


# --- Views -------------------------------------------------------------------


class _Slots:
    """Downloads streaming in this process (a 100,000-event export takes
    10-15 s of CPU): at most settings.NEWSLINE_MAX_EXPORTS at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_use = 0

    def take(self) -> bool:
        with self.lock:
            if self.in_use >= settings.NEWSLINE_MAX_EXPORTS:
                return False
            self.in_use += 1
            return True

    def give(self) -> None:
        with self.lock:
            self.in_use -= 1


_slots = _Slots()
RETRY_AFTER_SECONDS = 30


class _Held:
    """The streamed content; gives the slot back when the stream ends or is
    closed (finished, failed or the client went away), exactly once."""

    def __init__(self, content: Iterable) -> None:
        self._it = iter(content)
        self._held = True

    def __iter__(self) -> _Held:
        return self

    def __next__(self):
        try:
            return next(self._it)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self._held:
            self._held = False
            _slots.give()
        close = getattr(self._it, "close", None)
        if close is not None:
            close()


def one_slot(view):
    """Answer 429 (with Retry-After) rather than start one more download
    than the process allows; the slot is held while the file streams."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _slots.take():
            response = error_response(
                "Too many downloads at once.",
                [f"Try again in {RETRY_AFTER_SECONDS} seconds."],
                status=429,
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            _slots.give()
            raise
        if not response.streaming:
            _slots.give()
            return response
        response.streaming_content = _Held(response.streaming_content)
        return response

    return wrapped


def _filtered(
    request: HttpRequest,
) -> tuple[TimelineFilters, Iterator[EventRow]]:
    filters = parse_filters(request)
    key_req = parse_key_request(request, filters)  # refused even without view=key
    if filters.view == "key":
        # A few hundred events at most: the key dates in date order, each
        # day's events best first, each with its chosen source first.
        found = key_event_rows(filters, key_req, max_sources=MAX_SOURCES)
        return filters, iter([row for _, rows in found for row in rows])
    return filters, iter_events(Event.objects.for_timeline(filters))


@api_view
@one_slot
def export_csv(request: HttpRequest) -> HttpResponse:
    filters, events = _filtered(request)
    response = StreamingHttpResponse(
        iter_csv(events), content_type="text/csv; charset=utf-8"
    )
    return _attachment(response, filename(filters, "csv"))


@api_view
@one_slot
def export_timelinejs(request: HttpRequest) -> HttpResponse:
    group = request.GET.get("group", "kind")
    if group not in ("kind", "country"):
        raise BadRequest("Invalid group.", [f"group={group!r}: use kind or country."])
    filters, events = _filtered(request)
    response = StreamingHttpResponse(
        iter_timelinejs(events, title=describe(filters), group=group),
        content_type="application/json; charset=utf-8",
    )
    return _attachment(response, filename(filters, "timeline.json"))


@api_view
@one_slot
def export_ical(request: HttpRequest) -> HttpResponse:
    filters, events = _filtered(request)
    response = StreamingHttpResponse(
        iter_ical(events, title=describe(filters)),
        content_type="text/calendar; charset=utf-8",
    )
    return _attachment(response, filename(filters, "ics"))
