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
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from timeline.models import (
    Actor,
    ActorKind,
    Country,
    Event,
    EventActor,
    EventCountry,
    Kind,
    Status,
    Story,
)
from timeline.query import facet_counts, facet_index
from timeline.query.filters import TimelineFilters

FACET_LIMIT = 10
# Fields of TimelineFilters each facet reads (skipped when counting it).
SKIP_FIELD = {
    "actor": "actors",
    "org": "organizations",
    "country": "countries",
    "story": "stories",
    "kind": "kinds",
    "status": "statuses",
}

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
    unit: str  # "day", "month", "year", "decade" or "century"
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
    stories: tuple[FacetValue, ...] = ()

    @property
    def total(self) -> int:
        return self.density.total


def date_only(filters: TimelineFilters) -> bool:
    """Nothing but a date range (or nothing) besides the default status, and
    the pre-aggregated FacetCount rows are built: count from those."""
    if not filters.replace(start=None, end=None).is_empty:
        return False
    return facet_counts.ready()


def event_set(filters: TimelineFilters, *, skip: str = "") -> QuerySet:
    """Unordered events matching the filters, shaped for aggregates.

    The same set as filters.apply(skip=...), written for counting every
    match rather than finding the first page: actor, organisation and
    country filters become IN (link-table index ranges) instead of EXISTS
    per event, and with nothing but the default (hide rejected) to apply it
    is a NOT IN over the few rejected events, which SQLite answers from a
    covering index instead of reading every row.
    """
    rest = filters.replace(**{SKIP_FIELD[skip]: ()}) if skip else filters
    if rest.is_empty:
        rejected = Event.objects.filter(status=Status.REJECTED).values("pk")
        return Event.objects.exclude(pk__in=rejected)
    qs = rest.replace(actors=(), organizations=(), countries=()).apply(
        Event.objects.all()
    )
    for ids in (rest.actors, rest.organizations):
        if ids:
            links = EventActor.objects.filter(actor_id__in=ids)
            qs = qs.filter(pk__in=links.values("event_id"))
    if rest.countries:
        links = EventCountry.objects.filter(country__code__in=rest.countries)
        qs = qs.filter(pk__in=links.values("event_id"))
    return qs.order_by()


def restrict_to_events(
    qs: QuerySet, filters: TimelineFilters, *, skip: str = ""
) -> QuerySet:
    """Rows of a model with an `event` FK whose event matches the filters."""
    rest = filters.replace(**{SKIP_FIELD[skip]: ()}) if skip else filters
    if rest.is_empty:
        rejected = Event.objects.filter(status=Status.REJECTED).values("pk")
        return qs.exclude(event_id__in=rejected)
    return qs.filter(event_id__in=event_set(filters, skip=skip).values("pk"))


def link_counts(
    links: QuerySet, key: str, filters: TimelineFilters, *, skip: str
) -> dict[int, int]:
    """{actor_id or country_id: number of matching events} over a link table.

    Grouped on the link table's own (actor|country, start, event) index. With
    only the default filter, everything is counted from the index and the
    links of the few rejected events are subtracted, instead of checking
    every link's event.
    """
    rest = filters.replace(**{SKIP_FIELD[skip]: ()}) if skip else filters
    if date_only(rest):
        facet = "a" if key == "actor_id" else "c"
        pre = facet_counts.range_counts(facet, rest.start, rest.end)
        return {int(k): n for k, n in pre.items()}
    if rest.is_empty:
        counts = dict(links.values_list(key).annotate(n=Count("*")).order_by())
        rejected = Event.objects.filter(status=Status.REJECTED).values("pk")
        for k, n in (
            links.filter(event_id__in=rejected)
            .values_list(key)
            .annotate(n=Count("*"))
            .order_by()
        ):
            counts[k] -= n
        return {k: n for k, n in counts.items() if n > 0}
    matching = links.filter(event_id__in=event_set(filters, skip=skip).values("pk"))
    return dict(matching.values_list(key).annotate(n=Count("*")).order_by())


def _ranked(
    counts: Mapping[int, int],
    fetch,
    selected_ids: set[int],
    limit: int,
) -> list[tuple[object, int]]:
    """Selected values first, then the `limit` most frequent (ties by name).

    fetch(ids) returns the objects for those ids that belong in this facet
    (e.g. only people); it is asked for the most frequent ids in growing
    chunks, so a facet rarely loads more than a few dozen actors. Ties in
    count go by id; ArrayCounts comes ranked already.
    """
    if isinstance(counts, ArrayCounts):
        ranked = counts.ranked
    else:
        ranked = sorted(counts, key=lambda k: (-counts[k], k))
    chosen = {o.id: o for o in fetch(list(selected_ids))} if selected_ids else {}
    others: dict[int, object] = {}
    pos, chunk = 0, max(4 * limit, 40)
    while len(others) < limit and pos < len(ranked):
        ids = [i for i in ranked[pos : pos + chunk] if i not in selected_ids]
        found = {o.id: o for o in fetch(ids)}
        others.update((i, found[i]) for i in ids if i in found)
        pos += chunk
        chunk *= 4  # few queries even when this facet's values are rare
    top = sorted(others.values(), key=lambda o: (-counts[o.id], str(o)))[:limit]
    first = sorted(chosen.values(), key=lambda o: (-counts.get(o.id, 0), str(o)))
    return [(o, counts.get(o.id, 0)) for o in first + top]


class ArrayCounts(Mapping):
    """A numpy bincount (index = id) read as {id: count} of its non-zero
    entries, with the ids ranked by count (ties by id) for _ranked()."""

    def __init__(self, array) -> None:
        self.array = array
        nonzero = np.flatnonzero(array)
        self.ranked = nonzero[np.lexsort((nonzero, -array[nonzero]))].tolist()

    def __getitem__(self, key: int) -> int:
        if 0 <= key < len(self.array) and self.array[key]:
            return int(self.array[key])
        raise KeyError(key)

    def __iter__(self):
        return iter(self.ranked)

    def __len__(self) -> int:
        return len(self.ranked)


def actor_facet(
    filters: TimelineFilters,
    *,
    kind: str = ActorKind.PERSON,
    limit: int = FACET_LIMIT,
    memo: dict | None = None,
    counts: Mapping[int, int] | None = None,
) -> list[FacetValue]:
    """People (kind person, facet 'actor') or organisations ('org') with counts.

    `memo` shares the link counts between the two facets when they are the
    same (neither facet is filtered). `counts`: {actor id: events}, already
    counted (by the facet index).
    """
    person = kind == ActorKind.PERSON
    skip = "actor" if person else "org"
    selected = set(filters.actors if person else filters.organizations)
    if counts is None:
        memo = {} if memo is None else memo
        same = not filters.actors and not filters.organizations
        memo_key = ("actors", "" if same else skip)
        if memo_key not in memo:
            memo[memo_key] = link_counts(
                EventActor.objects.all(), "actor_id", filters, skip=skip
            )
        counts = memo[memo_key]

    def fetch(ids):
        return Actor.objects.filter(id__in=ids, kind=kind).only("id", "name")

    return [
        FacetValue(str(a.id), a.name, n, a.id in selected)
        for a, n in _ranked(counts, fetch, selected, limit)
    ]


def country_facet(
    filters: TimelineFilters,
    *,
    limit: int = FACET_LIMIT,
    counts: Mapping[int, int] | None = None,
) -> list[FacetValue]:
    if counts is None:
        counts = link_counts(
            EventCountry.objects.all(), "country_id", filters, skip="country"
        )
    selected_codes = set(filters.countries)
    selected_ids = (
        set(
            Country.objects.filter(code__in=selected_codes).values_list("id", flat=True)
        )
        if selected_codes
        else set()
    )

    def fetch(ids):
        return Country.objects.filter(id__in=ids).only("id", "code", "name")

    return [
        FacetValue(c.code, c.name, n, c.code in selected_codes)
        for c, n in _ranked(counts, fetch, selected_ids, limit)
    ]


def story_facet(
    filters: TimelineFilters, *, limit: int = FACET_LIMIT
) -> list[FacetValue]:
    """Stories with the number of matching events (other filters applied)
    their articles report: the chosen ones first, then the largest."""
    members = Story.articles.through.objects.filter(
        article__mentions__event__in=event_set(filters, skip="story").values("pk")
    )
    counts = dict(
        members.values_list("story_id")
        .annotate(n=Count("article__mentions__event", distinct=True))
        .order_by()
    )
    chosen = set(filters.stories)
    stories = Story.objects.filter(Q(id__in=counts) | Q(slug__in=chosen))
    ranked = sorted(stories, key=lambda s: (-counts.get(s.id, 0), s.name))
    shown = [s for s in ranked if s.slug in chosen]
    shown += [s for s in ranked if s.slug not in chosen][:limit]
    return [
        FacetValue(s.slug, s.name, counts.get(s.id, 0), s.slug in chosen) for s in shown
    ]


def _start_kind_counts(filters: TimelineFilters) -> list[tuple[date, str, int]]:
    """(start, kind, n) over the filtered set: the kind facet and the density
    chart from one pass when no kind is chosen (then both count one set)."""
    qs = event_set(filters).values_list("start", "kind").annotate(n=Count("id"))
    return list(qs.order_by("start"))


def kind_facet(
    filters: TimelineFilters,
    *,
    memo: dict | None = None,
    counts: Mapping[str, int] | None = None,
) -> list[FacetValue]:
    """Every kind, in the order of Kind, with its count (0 included).

    `memo` shares one (start, kind) pass with density() when no kind is chosen.
    `counts`: {kind: events}, already counted (by the facet index).
    """
    if counts is None:
        counts = _kind_counts(filters, memo)
    return [
        FacetValue(k.value, k.label, counts.get(k.value, 0), k.value in filters.kinds)
        for k in Kind
    ]


def _kind_counts(filters: TimelineFilters, memo: dict | None) -> dict[str, int]:
    """{kind: events} over the filtered set without its kind filter, in SQL."""
    rest = filters.replace(kinds=())
    if date_only(rest):
        return facet_counts.range_counts("k", rest.start, rest.end)
    if memo is not None and not filters.kinds:
        if "start_kind" not in memo:
            memo["start_kind"] = _start_kind_counts(filters)
        counts: dict[str, int] = {}
        for _, kind, n in memo["start_kind"]:
            counts[kind] = counts.get(kind, 0) + n
        return counts
    qs = event_set(filters, skip="kind")
    return dict(qs.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def density(filters: TimelineFilters, *, memo: dict | None = None) -> Density:
    """Events per day, month or year (by start) over the filtered set.

    Counted per start date in SQL (one indexed GROUP BY), bucketed here:
    days for spans up to two months, months up to six years, else years.
    `memo`: the (start, kind) pass kind_facet() made, if it made one.
    """
    if date_only(filters):
        # Month rows from FacetCount, by day only where a month is partial.
        found = facet_counts.bounds(filters.start, filters.end)
        if found is None:
            return Density("month")
        # The same axis as below, to know whether bars are days.
        lo = max(found[0], filters.start) if filters.start else found[0]
        hi = min(found[1], filters.end) if filters.end else found[1]
        if (
            filters.start
            and filters.end
            and (filters.end - filters.start).days <= 6 * 366
        ):
            lo, hi = filters.start, filters.end
        per_day = facet_counts.start_days(
            filters.start, filters.end, by_day=(hi - lo).days <= 62
        )
        first, last = found
    elif memo is not None and "start_kind" in memo:
        per_day = []
        for d, _, n in memo["start_kind"]:
            if per_day and per_day[-1][0] == d:
                per_day[-1] = (d, per_day[-1][1] + n)
            else:
                per_day.append((d, n))
        if not per_day:
            return Density("month")
        first, last = per_day[0][0], per_day[-1][0]
    else:
        qs = event_set(filters)
        per_day = list(
            qs.values_list("start").annotate(n=Count("id")).order_by("start")
        )
        if not per_day:
            return Density("month")
        first, last = per_day[0][0], per_day[-1][0]
    first, last, unit = _axis(filters, first, last)
    counts: dict[date, int] = {}
    for d, n in per_day:
        b = _bucket(unit, max(d, first))
        counts[b] = counts.get(b, 0) + n
    return _bars(unit, first, last, counts, sum(n for _, n in per_day))


def density_from_starts(filters: TimelineFilters, starts) -> Density:
    """density() from the facet index: `starts` are the matching events'
    start days (numpy, days since 1970-01-01, in order), bucketed in numpy."""
    if not len(starts):
        return Density("month")
    first = date.fromordinal(int(starts[0]) + facet_index.EPOCH_ORDINAL)
    last = date.fromordinal(int(starts[-1]) + facet_index.EPOCH_ORDINAL)
    first, last, unit = _axis(filters, first, last)
    buckets = _bucket_starts(unit, first, last)
    # starts is sorted: each bucket's events are one searchsorted range (an
    # event starting before the axis counts in the first bucket).
    edges = [d.toordinal() - facet_index.EPOCH_ORDINAL for d in buckets[1:]]
    cuts = np.searchsorted(starts, edges, side="left").tolist()
    sizes = np.diff([0, *cuts, len(starts)]).tolist()
    return _bars(unit, first, last, dict(zip(buckets, sizes, strict=True)), len(starts))


def _axis(filters: TimelineFilters, first: date, last: date) -> tuple[date, date, str]:
    """The chart's first and last day and its unit, from the data's first
    and last start and the chosen range."""
    if filters.start and filters.end and (filters.end - filters.start).days <= 6 * 366:
        # A chosen range of reasonable length is the axis, empty ends included.
        first, last = filters.start, filters.end
    if filters.start and filters.start > first:
        first = filters.start
    if filters.end and filters.end < last:
        last = filters.end
    # Every match may start before the chosen start (a decade reaching into
    # it): the axis is then the start's own bucket, which they all count in.
    last = max(last, first)
    span_days = (last - first).days
    unit = "day" if span_days <= 62 else "month" if span_days <= 6 * 366 else "year"
    if unit == "year" and last.year - first.year >= 200:
        # At most about 200 bars: dates reach from year 1 to 9998.
        unit = "decade" if last.year - first.year < 2000 else "century"
    return first, last, unit


YEARS_PER = {"year": 1, "decade": 10, "century": 100}


def _bucket(unit: str, d: date) -> date:
    if unit == "day":
        return d
    if unit == "month":
        return d.replace(day=1)
    span = YEARS_PER[unit]
    return date(max(d.year // span * span, 1), 1, 1)  # there is no year 0


def _bars(
    unit: str, first: date, last: date, counts: dict[date, int], total: int
) -> Density:
    """One bar per day, month or year from first to last, empty ones included."""
    bars = []
    for start in _bucket_starts(unit, first, last):
        if unit == "day":
            end = start
            label = f"{start.day} {MONTH_ABBR[start.month - 1]} {start.year}"
        elif unit == "month":
            end = _month_end(start)
            label = f"{MONTH_ABBR[start.month - 1]} {start.year}"
        elif unit == "year":
            end, label = date(start.year, 12, 31), str(start.year)
        else:
            base = start.year // YEARS_PER[unit] * YEARS_PER[unit]
            last_year = min(base + YEARS_PER[unit] - 1, date.max.year)
            end = date(last_year, 12, 31)
            label = f"{base}s" if unit == "decade" else f"{start.year}–{last_year}"
        bars.append(Bar(label, start, end, counts.get(start, 0)))
    return Density(unit, tuple(bars), total, max(b.count for b in bars))


def _bucket_starts(unit: str, first: date, last: date) -> list[date]:
    """The first day of every day, month or year bucket from first to last."""
    out = []
    cursor, stop = _bucket(unit, first), _bucket(unit, last)
    while cursor <= stop:
        out.append(cursor)
        if cursor == stop:  # the next bucket may lie past date.max
            break
        if unit == "day":
            cursor += timedelta(days=1)
        elif unit == "month":
            cursor = _month_end(cursor) + timedelta(days=1)
        else:
            span = YEARS_PER[unit]
            cursor = date(cursor.year // span * span + span, 1, 1)
    return out


def compute_summary(filters: TimelineFilters, *, stamp: str | None = None) -> Summary:
    """Every facet and the density chart: from the process's facet index
    when it is current (see timeline.query.facet_index), else in SQL."""
    # The facet index holds no stories: a story filter is counted in SQL.
    if facet_index.enabled() and not filters.stories:
        if stamp is None:
            stamp = facet_counts.data_stamp()
        index = facet_index.current(stamp)
        if index is not None:
            return summary_from_index(index, filters)
    with facet_counts.reading():
        return _compute_summary(filters)


def summary_from_index(
    index: facet_index.FacetIndex, filters: TimelineFilters
) -> Summary:
    counts = index.counts(filters)
    people = ArrayCounts(counts.people)
    organisations = (
        people
        if counts.organisations is counts.people
        else ArrayCounts(counts.organisations)
    )
    return Summary(
        people=tuple(actor_facet(filters, kind=ActorKind.PERSON, counts=people)),
        organisations=tuple(
            actor_facet(filters, kind=ActorKind.ORGANIZATION, counts=organisations)
        ),
        countries=tuple(country_facet(filters, counts=ArrayCounts(counts.countries))),
        kinds=tuple(kind_facet(filters, counts=counts.kinds)),
        density=density_from_starts(filters, counts.starts),
        stories=tuple(story_facet(filters)),
    )


def _compute_summary(filters: TimelineFilters) -> Summary:
    memo: dict = {}
    return Summary(
        people=tuple(actor_facet(filters, kind=ActorKind.PERSON, memo=memo)),
        organisations=tuple(
            actor_facet(filters, kind=ActorKind.ORGANIZATION, memo=memo)
        ),
        countries=tuple(country_facet(filters)),
        kinds=tuple(kind_facet(filters, memo=memo)),
        density=density(filters, memo=memo),
        stories=tuple(story_facet(filters)),
    )


def timeline_summary(filters: TimelineFilters, *, stamp: str | None = None) -> Summary:
    """compute_summary(), cached per (filters, data stamp) for a short while."""
    seconds = getattr(settings, "NEWSLINE_FACET_CACHE_SECONDS", 60)
    if not seconds:
        return compute_summary(filters, stamp=stamp)
    if stamp is None:
        stamp = facet_counts.data_stamp()
    raw = repr((sorted(filters.to_query()), stamp))
    key = "timeline-summary:" + hashlib.sha256(raw.encode()).hexdigest()
    summary = cache.get(key)
    if summary is None:
        summary = compute_summary(filters, stamp=stamp)
        cache.set(key, summary, seconds)
    return summary
