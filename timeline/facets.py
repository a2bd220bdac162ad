"""Facet counts and the density chart for a TimelineFilters, as QuerySets.

Each facet is counted over the events that match every *other* filter (its
own filter is skipped), so choosing "Donald Trump" does not hide the other
people you could add to the choice. Counts are aggregate queries on
EventActor/EventCountry (indexed by actor/country), top N only.

`timeline_summary()` bundles everything the page needs and caches it briefly
(see FACET_CACHE_SECONDS): the counts are exact for the data at the time they
were computed; a new article or a staff edit changes the cache key.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, Max, QuerySet, Value, When

from timeline.filters import TimelineFilters
from timeline.models import (
    ActorKind,
    Article,
    Event,
    EventActor,
    EventCountry,
    Kind,
    Mention,
    Status,
)

FACET_LIMIT = 10
# Fields of TimelineFilters each facet reads (skipped when counting it).
SKIP_FIELD = {
    "actor": "actors",
    "org": "organizations",
    "country": "countries",
    "kind": "kinds",
    "status": "statuses",
}


@dataclass(frozen=True)
class FacetValue:
    key: str  # the query-string value: an actor id, a country code, a kind
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Bar:
    label: str  # "Feb 2025", "2025", "24 Feb 2025"
    start: date
    end: date
    count: int


@dataclass(frozen=True)
class Density:
    unit: str  # "day", "month" or "year"
    bars: tuple[Bar, ...] = ()
    total: int = 0
    max_count: int = 0


@dataclass(frozen=True)
class Summary:
    people: tuple[FacetValue, ...] = ()
    organisations: tuple[FacetValue, ...] = ()
    countries: tuple[FacetValue, ...] = ()
    kinds: tuple[FacetValue, ...] = ()
    density: Density = field(default_factory=lambda: Density("month"))

    @property
    def total(self) -> int:
        return self.density.total


def restrict_to_events(
    qs: QuerySet, filters: TimelineFilters, *, skip: str = ""
) -> QuerySet:
    """Rows of a model with an `event` FK whose event matches the filters.

    With nothing but the default (hide rejected) left to apply, this is a
    NOT IN over the few rejected events instead of an IN over all of them.
    """
    rest = filters.replace(**{SKIP_FIELD[skip]: ()}) if skip else filters
    if rest.is_empty:
        rejected = Event.objects.filter(status=Status.REJECTED).values("pk")
        return qs.exclude(event_id__in=rejected)
    events = filters.apply(Event.objects.all(), skip=skip).order_by().values("pk")
    return qs.filter(event_id__in=events)


def _top(rows: list[dict], selected: set[str], limit: int) -> list[dict]:
    """Selected values first (always shown), then the top `limit` others."""
    chosen = [r for r in rows if r["key"] in selected]
    others = [r for r in rows if r["key"] not in selected][:limit]
    return chosen + others


def _selected_first(field_name: str, selected) -> Case | Value:
    if not selected:
        return Value(1, output_field=IntegerField())
    return Case(
        When(**{f"{field_name}__in": list(selected)}, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )


def actor_facet(
    filters: TimelineFilters, *, kind: str = ActorKind.PERSON, limit: int = FACET_LIMIT
) -> list[FacetValue]:
    """People (kind person, facet 'actor') or organisations ('org') with counts."""
    person = kind == ActorKind.PERSON
    skip = "actor" if person else "org"
    selected_ids = filters.actors if person else filters.organizations
    qs = restrict_to_events(
        EventActor.objects.filter(actor__kind=kind), filters, skip=skip
    )
    rows = (
        qs.values("actor_id", "actor__name")
        .annotate(n=Count("id"), first=_selected_first("actor_id", selected_ids))
        .order_by("first", "-n", "actor__name")[: limit + len(selected_ids)]
    )
    selected = {str(i) for i in selected_ids}
    items = [
        {"key": str(r["actor_id"]), "label": r["actor__name"], "n": r["n"]}
        for r in rows
    ]
    return [
        FacetValue(r["key"], r["label"], r["n"], r["key"] in selected)
        for r in _top(items, selected, limit)
    ]


def country_facet(
    filters: TimelineFilters, *, limit: int = FACET_LIMIT
) -> list[FacetValue]:
    qs = restrict_to_events(EventCountry.objects.all(), filters, skip="country")
    codes = filters.countries
    rows = (
        qs.values("country__code", "country__name")
        .annotate(n=Count("id"), first=_selected_first("country__code", codes))
        .order_by("first", "-n", "country__name")[: limit + len(codes)]
    )
    items = [
        {"key": r["country__code"], "label": r["country__name"], "n": r["n"]}
        for r in rows
    ]
    selected = set(codes)
    return [
        FacetValue(r["key"], r["label"], r["n"], r["key"] in selected)
        for r in _top(items, selected, limit)
    ]


def kind_facet(filters: TimelineFilters) -> list[FacetValue]:
    """Every kind, in the order of Kind, with its count (0 included)."""
    qs = filters.apply(Event.objects.all(), skip="kind").order_by()
    counts = dict(
        qs.values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
    )
    return [
        FacetValue(k.value, k.label, counts.get(k.value, 0), k.value in filters.kinds)
        for k in Kind
    ]


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


MONTH_ABBR = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
]


def density(filters: TimelineFilters) -> Density:
    """Events per day, month or year (by start) over the filtered set.

    Counted per start date in SQL (one indexed GROUP BY), bucketed here:
    days for spans up to two months, months up to six years, else years.
    """
    qs = filters.apply(Event.objects.all()).order_by()
    per_day = list(qs.values_list("start").annotate(n=Count("id")).order_by("start"))
    if not per_day:
        return Density("month")
    first, last = per_day[0][0], per_day[-1][0]
    if filters.start and filters.end and (filters.end - filters.start).days <= 6 * 366:
        # A chosen range of reasonable length is the axis, empty ends included.
        first, last = filters.start, filters.end
    if filters.start and filters.start > first:
        first = filters.start
    if filters.end and filters.end < last:
        last = filters.end
    span_days = (last - first).days
    unit = "day" if span_days <= 62 else "month" if span_days <= 6 * 366 else "year"

    def bucket(d: date) -> date:
        if unit == "day":
            return d
        if unit == "month":
            return d.replace(day=1)
        return date(d.year, 1, 1)

    counts: dict[date, int] = {}
    for d, n in per_day:
        b = bucket(max(d, first))
        counts[b] = counts.get(b, 0) + n
    bars = []
    cursor = bucket(first)
    stop = bucket(last)
    while cursor <= stop:
        if unit == "day":
            end, label, nxt = (
                cursor,
                f"{cursor.day} {MONTH_ABBR[cursor.month - 1]} {cursor.year}",
                cursor + timedelta(days=1),
            )
        elif unit == "month":
            end = _month_end(cursor)
            label = f"{MONTH_ABBR[cursor.month - 1]} {cursor.year}"
            nxt = end + timedelta(days=1)
        else:
            end, label = date(cursor.year, 12, 31), str(cursor.year)
            nxt = date(cursor.year + 1, 1, 1)
        bars.append(Bar(label, cursor, end, counts.get(cursor, 0)))
        cursor = nxt
    total = sum(n for _, n in per_day)
    return Density(unit, tuple(bars), total, max(b.count for b in bars))


def data_stamp() -> str:
    """Changes when events, mentions or articles are added, edited or removed.

    Max ids are index lookups; max(updated) (indexed) catches edits, since
    admin saves bump it. Deletions are not seen: the short cache lifetime
    bounds how long a deleted event's counts linger.
    """
    # One aggregate per query: SQLite answers a lone MAX() from the index.
    parts = [
        Event.objects.aggregate(m=Max("id"))["m"],
        Event.objects.aggregate(m=Max("updated"))["m"],
        Article.objects.aggregate(m=Max("id"))["m"],
        Mention.objects.aggregate(m=Max("id"))["m"],
    ]
    return "|".join(str(p) for p in parts)


def compute_summary(filters: TimelineFilters) -> Summary:
    return Summary(
        people=tuple(actor_facet(filters, kind=ActorKind.PERSON)),
        organisations=tuple(actor_facet(filters, kind=ActorKind.ORGANIZATION)),
        countries=tuple(country_facet(filters)),
        kinds=tuple(kind_facet(filters)),
        density=density(filters),
    )


def timeline_summary(filters: TimelineFilters) -> Summary:
    """compute_summary(), cached per (filters, data stamp) for a short while."""
    seconds = getattr(settings, "NEWSLINE_FACET_CACHE_SECONDS", 60)
    if not seconds:
        return compute_summary(filters)
    raw = repr((sorted(filters.to_query()), data_stamp()))
    key = "timeline-summary:" + hashlib.sha256(raw.encode()).hexdigest()
    summary = cache.get(key)
    if summary is None:
        summary = compute_summary(filters)
        cache.set(key, summary, seconds)
    return summary
