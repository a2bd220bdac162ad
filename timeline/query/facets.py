"""Facet counts and the density chart for a TimelineFilters, as QuerySets.

Each facet is counted over the events that match every *other* filter (its
own filter is skipped), so choosing "Donald Trump" does not hide the other
people you could add to the choice. Counts are aggregate queries on
EventActor/EventCountry (indexed by actor/country), top N only.

`timeline_summary()` bundles everything the page needs and caches it briefly
(see FACET_CACHE_SECONDS): the counts are exact for the data at the time they
were computed; a new article or a staff edit changes the cache key.

Large sets on a large table are estimated, not counted (the one home of that
rule: estimate_share, is_large, _count_in_one_statement): the counts are made
first over a random share of the events (Event.sample < p, indexed), and a
set found to hold more than NEWSLINE_ESTIMATE_ABOVE events keeps those
counts, scaled up and marked (FacetValue.exact, Density.exact: "≈" on the
page, "exact": false in /api/summary/); smaller sets are counted exactly.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    DateField,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.expressions import RawSQL

from timeline.models import (
    SAMPLE_BUCKETS,
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
from timeline.query import facet_counts
from timeline.query.facet_counts import NO_DATE, NO_ID
from timeline.query.filters import TimelineFilters, text_match
from timeline.query.filters import country_ids as _country_ids

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
    exact: bool = True  # False: estimated from a sample (shown as "≈ n")


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
    exact: bool = True  # False: the total and bars are estimated from a sample


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

    @property
    def exact(self) -> bool:
        """The total (and the chart) were counted, not estimated."""
        return self.density.exact


def country_ids(codes: tuple[str, ...]) -> list[int]:
    """filters.country_ids(), looked up once per codes within
    facet_counts.reading(): a page's counts ask it for every set and every
    probe (eight round trips for the combined filters)."""
    codes = tuple(codes)
    return list(
        facet_counts.remembered(("country ids", codes), lambda: _country_ids(codes))
    )


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
    covering index instead of reading every row; a text is every match's
    id from the text indexes (text_match(every=True)).
    """
    rest = filters.replace(**{SKIP_FIELD[skip]: ()}) if skip else filters
    if rest.is_empty:
        rejected = Event.objects.filter(status=Status.REJECTED).values("pk")
        return Event.objects.exclude(pk__in=rejected)
    qs = rest.replace(actors=(), organizations=(), countries=(), q="").apply(
        Event.objects.all()
    )
    if rest.q:
        qs = qs.filter(text_match(rest.q, every=True))
    # The links' copied start bounds them by the chosen end (an event
    # starting after it cannot match), on their (actor|country, start,
    # event) indexes.
    bound = {"start__lte": rest.end} if rest.end else {}
    chosen = [
        EventActor.objects.filter(actor_id__in=ids, **bound)
        for ids in (rest.actors, rest.organizations)
        if ids
    ]
    if rest.countries:
        chosen.append(
            EventCountry.objects.filter(
                country_id__in=country_ids(rest.countries), **bound
            )
        )
    # Nested, the link filters intersect on the link indexes alone, before
    # any event row is read.
    inner = None
    for links in reversed(chosen):
        if inner is not None:
            links = links.filter(event_id__in=inner)
        inner = links.values("event_id")
    if inner is not None:
        qs = qs.filter(pk__in=inner)
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
    count go by id.
    """
    # By count, ties by id: sorted by id, then stably by count (C-level keys:
    # a thousand people's counts at 100,000 events).
    ranked = sorted(sorted(counts), key=counts.__getitem__, reverse=True)
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


def actor_facet(
    filters: TimelineFilters,
    *,
    kind: str = ActorKind.PERSON,
    limit: int = FACET_LIMIT,
    memo: dict | None = None,
) -> list[FacetValue]:
    """People (kind person, facet 'actor') or organisations ('org') with counts.

    `memo` shares the link counts between the two facets when they are the
    same (neither facet is filtered).
    """
    person = kind == ActorKind.PERSON
    skip = "actor" if person else "org"
    selected = set(filters.actors if person else filters.organizations)
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

    exact = not memo.get(("approximate", "people" if person or same else "orgs"))
    return [
        FacetValue(str(a.id), a.name, n, a.id in selected, exact)
        for a, n in _ranked(counts, fetch, selected, limit)
    ]


def country_facet(
    filters: TimelineFilters,
    *,
    limit: int = FACET_LIMIT,
    memo: dict | None = None,
) -> list[FacetValue]:
    if memo is not None and "countries" in memo:
        counts = memo["countries"]
    else:
        counts = link_counts(
            EventCountry.objects.all(), "country_id", filters, skip="country"
        )
    selected_codes = set(filters.countries)
    selected_ids = set(country_ids(filters.countries)) if selected_codes else set()

    def fetch(ids):
        return Country.objects.filter(id__in=ids).only("id", "code", "name")

    exact = not (memo or {}).get(("approximate", "countries"))
    return [
        FacetValue(c.code, c.name, n, c.code in selected_codes, exact)
        for c, n in _ranked(counts, fetch, selected_ids, limit)
    ]


def story_facet(
    filters: TimelineFilters, *, limit: int = FACET_LIMIT
) -> list[FacetValue]:
    """Stories with the number of matching events (other filters applied)
    their articles report: the chosen ones first, then the largest."""
    if not Story.objects.exists():
        # Nothing to count (PostgreSQL would still join every mention).
        return []
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
) -> list[FacetValue]:
    """Every kind, in the order of Kind, with its count (0 included).

    `memo` shares one (start, kind) pass with density() when no kind is chosen.
    """
    counts = _kind_counts(filters, memo)
    exact = not (memo or {}).get(("approximate", "kinds"))
    return [
        FacetValue(
            k.value, k.label, counts.get(k.value, 0), k.value in filters.kinds, exact
        )
        for k in Kind
    ]


def _kind_counts(filters: TimelineFilters, memo: dict | None) -> dict[str, int]:
    """{kind: events} over the filtered set without its kind filter, in SQL."""
    rest = filters.replace(kinds=())
    if memo is not None and "kinds" in memo:
        return memo["kinds"]
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
    elif memo is not None and "per_day" in memo:
        # Per day, or per month with the first and last day apart.
        per_day = memo["per_day"]
        if not per_day:
            return Density("month")
        first, last = memo.get("bounds") or (per_day[0][0], per_day[-1][0])
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
    exact = not (memo or {}).get(("approximate", "per_day"))
    return _bars(unit, first, last, counts, sum(n for _, n in per_day), exact=exact)


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
    unit: str,
    first: date,
    last: date,
    counts: dict[date, int],
    total: int,
    *,
    exact: bool = True,
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
    return Density(unit, tuple(bars), total, max(b.count for b in bars), exact)


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


def compute_summary(filters: TimelineFilters) -> Summary:
    """Every facet and the density chart, counted in the database."""
    with facet_counts.reading():
        return _compute_summary(filters)


def _compute_summary(filters: TimelineFilters) -> Summary:
    memo: dict = {}
    _count_in_one_statement(filters, memo)
    return Summary(
        people=tuple(actor_facet(filters, kind=ActorKind.PERSON, memo=memo)),
        organisations=tuple(
            actor_facet(filters, kind=ActorKind.ORGANIZATION, memo=memo)
        ),
        countries=tuple(country_facet(filters, memo=memo)),
        kinds=tuple(kind_facet(filters, memo=memo)),
        density=density(filters, memo=memo),
        stories=tuple(story_facet(filters)),
    )


def _count_in_one_statement(filters: TimelineFilters, memo: dict) -> None:
    """Every count the rollups cannot give, from one SQL statement, into `memo`.

    Each facet counts over the events matching every filter but its own;
    those event sets are common table expressions, each MATERIALIZED once
    (a set is found once however many facets count over it), and every
    count a GROUP BY over a set: its people and organisations (the link
    table's (event, actor) unique index), countries, kinds, start days.
    Date-only sets are left to the FacetCount rollups (facet_counts).

    Large sets are estimated (see estimate_share): the statement first runs
    over the sampled events only; a set found larger than
    NEWSLINE_ESTIMATE_ABOVE keeps those counts, scaled up and marked
    approximate, and only the smaller sets are counted again over every
    event.
    """
    asks: list[tuple[str, TimelineFilters, str]] = []  # (memo slot, set, what)
    same = not filters.actors and not filters.organizations
    for skip, slot in (("actor", "people"), ("org", "orgs")):
        rest = filters.replace(**{SKIP_FIELD[skip]: ()})
        if not date_only(rest):
            asks.append((slot, rest, "a"))
        if same:
            break  # the two facets count the same links
    for skip, slot, what in (("country", "countries", "c"), ("kind", "kinds", "k")):
        rest = filters.replace(**{SKIP_FIELD[skip]: ()})
        if not date_only(rest):
            asks.append((slot, rest, what))
    if not date_only(filters):
        asks.append(("per_day", filters, "d"))
    if not asks:
        return
    sets: dict[TimelineFilters, dict[str, str]] = {}  # set -> {what: slot}
    for slot, rest, what in asks:
        sets.setdefault(rest.replace(order="newest", notes=()), {})[what] = slot
    todo = []
    share = estimate_share()
    for rest, wanted in sets.items():
        one = _one_value(rest)
        if one is None:
            todo.append((rest, wanted))
            continue
        # One person's, organisation's or country's events: the total,
        # kinds and chart from its rollups. Its link counts too, from every
        # k-th of its events, unless the table is sampled: the sample's
        # statement below is then cheaper than reading the value's every
        # link (a frequent person at 1M events: about 50 ms instead of 90).
        links = {w: slot for w, slot in wanted.items() if w in ("a", "c")}
        rows = {w: slot for w, slot in wanted.items() if w not in links}
        here = wanted if share >= SAMPLE_BUCKETS else rows
        if here:
            found = _value_counts(rest, here, *one)
            _keep(memo, found, 0, rest, here, share=SAMPLE_BUCKETS, same=same)
        if links and here is rows:
            todo.append((rest, links))
    if not todo:
        return
    if filters.q and share < SAMPLE_BUCKETS:
        # Text is tested event by event on a sample (_share_of): a smaller one.
        share = max(1, share // TEXT_SHARE)
    if share < SAMPLE_BUCKETS:
        # Sets that are small for sure are counted exactly without asking.
        small = {r: _surely_small(r) for r, _ in todo}
        few = [(r, w) for r, w in todo if small[r]]
        maybe = [(r, w) for r, w in todo if not small[r]]
        found = _set_counts(maybe, share) if maybe else {}
        for i, (rest, wanted) in enumerate(maybe):
            if is_large(_scaled(found[f"n{i}"][0][3], share)):
                _keep(memo, found, i, rest, wanted, share=share, same=same)
            else:
                few.append((rest, wanted))
        todo = few
    if todo:
        found = _set_counts(todo, SAMPLE_BUCKETS)
        for i, (rest, wanted) in enumerate(todo):
            _keep(memo, found, i, rest, wanted, share=SAMPLE_BUCKETS, same=same)


def _one_value(filters: TimelineFilters) -> tuple[str, int] | None:
    """("a", actor id) or ("c", country id) when the set is the events of
    one person, organisation or country and the rollups are built:
    facet_counts.value_counts then counts its total, kinds and chart
    exactly from that value's rows.

    With kinds or a date range besides (facet_counts.value_counts counts
    those exactly too) the set is left to _set_counts: such sets are a
    fraction of the value's events, and probing the value's every link for
    them cost more than the shared statement (SQLite 100k, combined filters:
    510-630 ms instead of 330-350, docs/benchmarks.md).
    """
    if filters.kinds or filters.start or filters.end:
        return None
    return _value_of(filters)


def _value_of(filters: TimelineFilters) -> tuple[str, int] | None:
    """_one_value(), kinds allowed: ("a" | "c", id) when the set is one
    value's events (of some kinds) and the rollups are built."""
    if not facet_counts.ready():
        return None
    return _link_range(filters)


def _link_range(filters: TimelineFilters) -> tuple[str, int] | None:
    """("a" | "c", id) when the set is one person's, organisation's or
    country's visible events (of some kinds, in a date range) and nothing
    else: its rows are then that value's links (_value_links). A range
    with a start needs the rollups (the events that start before it and
    still reach it, facet_counts.spanning_ids), and no more than
    SPANNING_MOST of those."""
    if filters.q or filters.stories or filters.statuses:
        return None
    if (filters.start or filters.end) and connection.vendor != "sqlite":
        # PostgreSQL keeps a range's sets on the event rows: the plan measured
        # at 1,000,000 events (docs/benchmarks.md, sqlite8); the link-only
        # range was not measured there on a quiet machine.
        return None
    if filters.start and (
        not facet_counts.ready()
        or len(facet_counts.spanning_ids(filters.start)) > SPANNING_MOST
    ):
        return None
    chosen = [
        (facet, values)
        for facet, values in (
            ("a", filters.actors),
            ("a", filters.organizations),
            ("c", filters.countries),
        )
        if values
    ]
    if len(chosen) != 1 or len(chosen[0][1]) != 1:
        return None
    facet, (value,) = chosen[0]
    if facet == "c":
        found = country_ids((value,))
        if len(found) != 1:
            return None  # an unknown country: the statement finds nothing
        value = found[0]
    return facet, value


def _value_counts(
    rest: TimelineFilters, wanted: dict[str, str], facet: str, value: int
) -> dict[str, list[tuple]]:
    """What _set_counts gives for one set (as its set 0), for the events of
    one value (_one_value), from one statement (facet_counts.value_counts):
    the total, kinds and months exact from the rollups; the link counts
    from every k-th of its events by id (k = its size // SAMPLE_SIZE above
    SAMPLE_ABOVE events, as _set_counts does), found from the value's own
    links rather than from every event of the set."""
    others = rest.replace(actors=(), organizations=(), countries=())
    counted = facet_counts.value_counts(
        facet,
        value,
        kinds=rest.kinds,
        start=rest.start,
        end=rest.end,
        events=others.apply(Event.objects.all()),
        links=wanted.keys() & {"a", "c"},
        sample_above=SAMPLE_ABOVE,
        sample_size=SAMPLE_SIZE,
    )
    found: dict[str, list[tuple]] = defaultdict(list)
    found["n0"].append((None, None, None, sum(n for _, _, n in counted.rows)))
    day, kind = "d" in wanted, "k" in wanted
    if day or kind:
        grouped: dict[tuple, int] = defaultdict(int)
        for month, k, n in counted.rows:
            grouped[(month if day else None, k if kind else None)] += n
        found[f"{'d' * day}{'k' * kind}0"] = [
            (None, m, k, n) for (m, k), n in grouped.items()
        ]
    if day:
        first, last = counted.span or (None, None)
        found["r0"].append((None, first, None, 0))
        found["R0"].append((None, last, None, 0))
    if counted.links:
        found["k0"].append((counted.step, None, None, 0))
        for what, by_key in counted.links.items():
            found[f"{what}0"] = [
                (k, None, None, n * counted.step) for k, n in by_key.items()
            ]
    return found


def estimate_share() -> int:
    """p such that the events with Event.sample < p are a random sample of
    about NEWSLINE_SAMPLE_ROWS of them (the table's size read as its largest
    id: one index lookup, and deleted events only make the sample smaller),
    or SAMPLE_BUCKETS (every event: nothing is estimated) when the table
    holds fewer than SAMPLE_WORTH samples' worth of events: reading a larger
    share than that, then counting the small sets again, would not pay."""
    rows = settings.NEWSLINE_SAMPLE_ROWS
    size = Event.objects.order_by().aggregate(n=Max("id"))["n"] or 0
    if size < SAMPLE_WORTH * rows:
        return SAMPLE_BUCKETS
    return max(1, SAMPLE_BUCKETS * rows // size)


def _surely_small(filters: TimelineFilters) -> bool:
    """A chosen person, organisation or country set has at most
    NEWSLINE_ESTIMATE_ABOVE links (an index range cut short there), so the
    matching set cannot be large: no need to sample it."""
    limit = settings.NEWSLINE_ESTIMATE_ABOVE
    chosen = [
        EventActor.objects.filter(actor_id__in=ids)
        for ids in (filters.actors, filters.organizations)
        if ids
    ]
    if filters.countries:
        chosen.append(
            EventCountry.objects.filter(country_id__in=country_ids(filters.countries))
        )
    return any(
        links.order_by().values("pk")[: limit + 1].count() <= limit for links in chosen
    )


def is_large(events: int) -> bool:
    """A set this large is estimated from the sample instead of counted."""
    return events > settings.NEWSLINE_ESTIMATE_ABOVE


def _scaled(n: int, share: int) -> int:
    """A count over the sample (sample < share) as a count over every event."""
    if share >= SAMPLE_BUCKETS:
        return n
    return round(n * SAMPLE_BUCKETS / share)


def _share_of(filters: TimelineFilters, share: int) -> QuerySet:
    """The events matching the filters with Event.sample < share (every
    matching event at SAMPLE_BUCKETS: event_set).

    A share is read from the sample index (which holds what the date, kind
    and status filters read), and the events it leaves are then tested for
    the chosen people, organisations and countries on the links' (event,
    actor|country) unique indexes (_linked_to): a few thousand probes,
    instead of intersecting the chosen values' every link first as
    event_set does.
    """
    if share >= SAMPLE_BUCKETS:
        return event_set(filters)
    rest = filters.replace(actors=(), organizations=(), countries=(), q="")
    qs = rest.apply(Event.objects.filter(sample__lt=share)).order_by()
    if filters.q:
        # A common text is tested on each sampled event (its title, then its
        # mentions) rather than finding its every match in the text indexes.
        qs = qs.filter(text_match(filters.q, scan_if_common=True))
    chosen = [
        (table, column, list(ids))
        for table, column, ids, asked in (
            (EventActor, "actor_id", filters.actors, filters.actors),
            (EventActor, "actor_id", filters.organizations, filters.organizations),
            (
                EventCountry,
                "country_id",
                country_ids(filters.countries),
                filters.countries,
            ),
        )
        if asked
    ]
    # Without other filters the first chosen value's links may be hashed
    # against the whole sample; the events that leaves, or that the other
    # filters leave (a few thousand), are probed for the rest.
    for i, (table, column, ids) in enumerate(chosen):
        probe = i > 0 or not rest.is_empty
        qs = qs.filter(_linked_to(table, column, ids, probe=probe))
    return qs


def _linked_to(links, column: str, ids: list[int], *, probe: bool) -> Q:
    """The event has a link to one of these ids.

    Unprobed, the planner may hash the ids' links (as cheap as probing every
    sampled event); `probe` tests the events the other filters leave one by
    one on the links' (event, actor|country) unique indexes, where
    PostgreSQL would otherwise hash every link of each chosen value (100,000
    rows for a frequent person, as many for a frequent country). OFFSET 0
    keeps its EXISTS a probe per event; elsewhere EXISTS is one already.
    """
    if not ids:
        return Q(pk__in=[])  # an unknown country: nothing matches
    if connection.vendor != "postgresql" or not probe:
        return Q(
            Exists(links.objects.filter(event=OuterRef("pk"), **{f"{column}__in": ids}))
        )
    q = connection.ops.quote_name
    sql, params = _probe_sql(links, column, ids, f"{q(Event._meta.db_table)}.{q('id')}")
    return Q(RawSQL(sql, params, BooleanField()))  # noqa: S611


def _probe_sql(links, column: str, ids: list[int], outer: str) -> tuple[str, list]:
    """SQL true when the event whose id is `outer` (a column reference) has
    a link to one of these ids: one probe of the link table's (event,
    actor|country) unique index per outer row (_linked_to)."""
    if not ids:
        return "1 = 0", []  # an unknown country: nothing matches
    q = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    # SQLite's EXISTS is a probe already (and it has no OFFSET without LIMIT).
    offset = " OFFSET 0" if connection.vendor == "postgresql" else ""
    # Only names from the models and the caller reach the SQL; the ids are
    # parameters.
    sql = (
        f"EXISTS (SELECT 1 FROM {q(links._meta.db_table)} l "  # noqa: S608
        f"WHERE l.{q('event_id')} = {outer} AND l.{q(column)} IN ({marks}){offset})"
    )
    return sql, list(ids)


# The link filters a materialized set's rows can be tested for, one probe
# each (_probe_sql): the TimelineFilters field, its link table and column.
_LINK_FIELDS = {
    "actors": (EventActor, "actor_id"),
    "organizations": (EventActor, "actor_id"),
    "countries": (EventCountry, "country_id"),
}


@dataclass(frozen=True)
class _Derived:
    """A set read from an earlier set of the statement (its common table
    expression `parent`), keeping the rows of these kinds (if any) and
    linked to these values: (TimelineFilters field, values) pairs."""

    parent: str
    kinds: tuple[str, ...]
    links: tuple[tuple[str, tuple], ...]


def _shared_sets(
    sets: list[TimelineFilters], *, alone: set[int] | None = None
) -> tuple[list[TimelineFilters], dict[int, _Derived]]:
    """Which sets of one statement are read from another set's rows instead
    of from the events: (bases, derived), bases the extra sets to
    materialize first (b0, b1, ...), derived[i] how set i (s{i}) is read,
    in an order where every parent comes before the sets read from it.

    A set with chosen people, organisations or countries is read from its
    smallest link range (its driver; by the values' all-time rollup rows,
    else the first chosen): its base is the set without its kinds
    and its other link filters, which are then tested on the base's rows
    (the kind is a column of the set; a link one probe per row). The sets a
    page asks for leave out one filter each, so several share a base: it is
    then materialized once (or is one of them), and each of them read from
    it, or from a sibling whose filters it extends (the combined filters:
    two sets of event rows read instead of four, docs/benchmarks.md). A
    base shared by no other set is not made: such a set is materialized
    from its own filters, as before.
    """
    sizes: dict[tuple[str, tuple], int] = {}

    def size(link: tuple[str, tuple]) -> int:
        """The link range's size: its values' events, one rollup row each."""
        if link not in sizes:
            name, values = link
            ids = country_ids(values) if name == "countries" else list(values)
            facet = "c" if name == "countries" else "a"
            sizes[link] = sum(facet_counts.value_totals(facet, ids).values())
        return sizes[link]

    # Without the rollups (before rebuild_facets) the first link drives:
    # the same set, read perhaps from the larger range.
    compare = facet_counts.ready()
    groups: dict[TimelineFilters, list[tuple[int, frozenset]]] = {}
    for i, f in enumerate(sets):
        if alone and i in alone:
            continue  # read its own way (the sets in `alone`)
        chosen = [(name, getattr(f, name)) for name in _LINK_FIELDS if getattr(f, name)]
        if not chosen:
            continue  # no link range to read it from
        # Looked up only to choose (ties: the first).
        driver = min(chosen, key=size) if len(chosen) > 1 and compare else chosen[0]
        others = [link for link in chosen if link != driver]
        base = f.replace(kinds=(), **{name: () for name, _ in others})
        extras = frozenset(others + ([("kinds", f.kinds)] if f.kinds else []))
        groups.setdefault(base, []).append((i, extras))
    bases: list[TimelineFilters] = []
    derived: dict[int, _Derived] = {}
    for base, members in groups.items():
        if len(members) < 2:
            continue
        own = [i for i, extras in members if not extras]
        if own:
            root = f"s{own[0]}"
        else:
            bases.append(base)
            root = f"b{len(bases) - 1}"
        done: list[tuple[frozenset, str]] = [(frozenset(), root)]
        for i, extras in sorted(members, key=lambda m: len(m[1])):
            if not extras:
                continue
            # The parent whose filters it extends with the fewest probes
            # left: the most link filters already applied.
            have, parent = max(
                (d for d in done if d[0] < extras),
                key=lambda d: (sum(n != "kinds" for n, _ in d[0]), len(d[0])),
            )
            todo = extras - have
            kinds = next((v for n, v in todo if n == "kinds"), ())
            links = sorted(link for link in todo if link[0] != "kinds")
            if compare:  # the smallest first: the most selective probe
                links.sort(key=size)
            derived[i] = _Derived(parent, kinds, tuple(links))
            done.append((extras, f"s{i}"))
    return bases, derived


@dataclass(frozen=True)
class _Kth:
    """A set read from every k-th event (by id) of one value's links: its
    size (from the value's all-time rollup rows) is above SAMPLE_ABOVE, and
    only its link counts are asked, which count every k-th event anyway."""

    facet: str  # "a" (an actor's links) or "c" (a country's)
    value: int
    size: int  # the set's events, exactly
    k: int


def _kth_plan(rest: TimelineFilters, wanted: Mapping[str, str]) -> _Kth | None:
    """How set `rest` is read from its value's k-th links (_Kth), or None
    when it is read whole: it asks for more than link counts, is not one
    value's events (of some kinds), or is not large. k is the rule of
    _set_counts (size // SAMPLE_SIZE above SAMPLE_ABOVE), the size counted
    from the rollups instead of from the set: the same events are counted,
    and the set's other events are never read (the people of a frequent
    country's statements: half its links read instead of all)."""
    if not wanted.keys() <= {"a", "c"} or rest.start or rest.end:
        return None  # (a range's size is not an all-time rollup row)
    one = _value_of(rest)
    if one is None:
        return None
    facet, value = one
    size = facet_counts.value_total(facet, value, kinds=rest.kinds)
    if size <= SAMPLE_ABOVE:
        return None
    return _Kth(facet, value, size, size // SAMPLE_SIZE)


def _value_links(
    rest: TimelineFilters,
    facet: str,
    value: int,
    *,
    k: int = 1,
    hide_rejected: bool = True,
) -> QuerySet:
    """The set of one value's events (of some kinds; _link_range) as its
    links' (event id, start, kind), every k-th event by id: the kind and
    start are copies on the link rows (LINK_COPIES), so the set is one
    range of eventactor_kind_idx / eventcountry_kind_idx, cut to every k-th
    event on it, and no event row is read but the few rejected ones' ids
    (event_status_start_idx), which are left out (unless `hide_rejected`
    is False: the caller does it)."""
    table, column = (
        (EventActor, "actor_id") if facet == "a" else (EventCountry, "country_id")
    )
    links = table.objects.filter(**{column: value}).order_by()
    if rest.kinds:
        links = links.filter(kind__in=rest.kinds)
    links = _dated(links, rest)
    if k > 1:
        links = links.annotate(r=F("event_id") % k).filter(r=0)
    if hide_rejected:
        rejected = Event.objects.filter(status=Status.REJECTED).values("pk")
        links = links.exclude(event_id__in=rejected)
    return links.values_list("event_id", "start", "kind")


class _Tested(Func):
    """A column tested on the rows the other conditions find, not searched
    for by an index of its own: SQLite's unary plus (elsewhere the column).
    A link's start so is a test of each entry of its value's range of the
    (value, kind, event, start) index, in that order (_intersect_sql), not
    a MULTI-INDEX OR of (value, start) ranges, the link rows read and
    sorted (24 against 13 ms at 100k)."""

    template = "%(expressions)s"

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="+%(expressions)s")


def _dated(links: QuerySet, rest: TimelineFilters) -> QuerySet:
    """The links of the events overlapping rest's date range (end >= start
    of the range, start <= its end), from the links' copy of the start:
    those starting in the range, and those of the events that start before
    it and still reach it (facet_counts.spanning_ids: a few ids)."""
    if not rest.start and not rest.end:
        return links
    links = links.alias(on=_Tested(F("start"), output_field=DateField()))
    if rest.end:
        links = links.filter(on__lte=rest.end)
    if rest.start:
        within = Q(on__gte=rest.start)
        spanning = facet_counts.spanning_ids(rest.start)
        links = links.filter(within | Q(event_id__in=spanning) if spanning else within)
    return links


def _derived_sql(
    d: _Derived, *, hide_rejected: bool = False, probe: bool = False
) -> tuple[str, list]:
    """The SELECT of a derived set (_shared_sets) over its parent's rows.

    A link to one value is a join (an event has at most one link to it: the
    (event, value) pair is unique), to several a probe (_probe_sql).
    `probe`: every link a probe, one value too (_probes_only: a sampled
    parent's few rows, where PostgreSQL hashed the value's every link for
    the join). `hide_rejected`: the parent's rows include the rejected
    events (a base of one value's links, _value_links), left out here after
    the other tests, on the few rows they leave (the test names the last
    joined link, so SQLite makes it there)."""
    q = connection.ops.quote_name
    parent = d.parent
    joins, conditions, params, where_params = [], [], [], []
    last = f"{parent}.ev_id"
    if d.kinds:
        conditions.append(f"{parent}.ev_kind IN ({', '.join(['%s'] * len(d.kinds))})")
        where_params.extend(d.kinds)
    for n, (name, values) in enumerate(d.links):
        table, column = _LINK_FIELDS[name]
        ids = country_ids(values) if name == "countries" else list(values)
        if len(ids) == 1 and not probe:
            joins.append(
                f"JOIN {q(table._meta.db_table)} j{n} ON j{n}.{q('event_id')} = "
                f"{parent}.ev_id AND j{n}.{q(column)} = %s"
            )
            params.append(ids[0])
            last = f"j{n}.{q('event_id')}"
            continue
        sql, p = _probe_sql(table, column, ids, f"{parent}.ev_id")
        conditions.append(sql)
        where_params.extend(p)
    if hide_rejected:
        rejected, p = (
            Event.objects.filter(status=Status.REJECTED)
            .order_by()
            .values("pk")
            .query.sql_with_params()
        )
        conditions.append(f"NOT ({last} IN ({rejected}))")
        where_params.extend(p)
    where = " AND ".join(conditions) or "1 = 1"
    # Only names from this module and the models reach the SQL; the values
    # are parameters.
    return (
        f"SELECT {parent}.ev_id, {parent}.ev_start, {parent}.ev_kind "  # noqa: S608
        f"FROM {parent} {' '.join(joins)} WHERE {where}",
        params + where_params,
    )


def _probes_only(share: int) -> bool:
    """The derived sets of a statement over the sampled events (share <
    SAMPLE_BUCKETS) test each parent row for its one-value links too, on
    PostgreSQL: the parent holds at most share / SAMPLE_BUCKETS (1 /
    SAMPLE_WORTH or less) of its driver's links, the smallest chosen range,
    and so of the tested value's; but PostgreSQL, estimating a materialized
    set's rows far above that, joined by hashing the value's every link (a
    frequent country's 17,792 at 100,000 events for 162 sampled rows, its
    177,586 at 1,000,000: docs/query-plans.md, pg14). SQLite's join is a
    probe per row already."""
    return share < SAMPLE_BUCKETS and connection.vendor == "postgresql"


def _intersect_sql(
    links: tuple[str, int], base: TimelineFilters, d: _Derived
) -> tuple[str, list] | None:
    """A derived set (_shared_sets) of a base of one value's links (`links`,
    _value_links; `base` its filters, for its date range) whose other links
    are each to one value: the INTERSECT of the value ranges, kinds, dates
    and all ((event id, start, kind): the copies of start and kind are the
    same on every link of an event), merged in
    (kind, event, start) order, the order of the (value, kind, event, start)
    indexes: two index ranges read side by side instead of a probe per
    link; then the rejected events left out. None when a link filter names
    several values (or none: an unknown country)."""
    chosen = TimelineFilters(kinds=d.kinds, start=base.start, end=base.end)
    sides = [_value_links(chosen, *links, hide_rejected=False)]
    for name, values in d.links:
        ids = country_ids(values) if name == "countries" else list(values)
        if len(ids) != 1:
            return None
        facet = "c" if name == "countries" else "a"
        sides.append(_value_links(chosen, facet, ids[0], hide_rejected=False))
    merged = sides[0].intersection(*sides[1:]).order_by("kind", "event_id", "start")
    sql, params = merged.query.sql_with_params()
    rejected, p = (
        Event.objects.filter(status=Status.REJECTED)
        .order_by()
        .values("pk")
        .query.sql_with_params()
    )
    # Only names from the models reach the SQL; the values are parameters.
    return (
        f"SELECT m.event_id, m.start, m.kind FROM ({sql}) m "  # noqa: S608
        f"WHERE NOT (m.event_id IN ({rejected}))",
        [*params, *p],
    )


def _set_counts(
    todo: list[tuple[TimelineFilters, dict[str, str]]], share: int
) -> dict[str, list[tuple]]:
    """One statement counting what each set wants, over the events with
    sample < share: {tag: [(key, day, kind, n)]}, tags as built below."""
    q = connection.ops.quote_name
    links = {
        "a": (q(EventActor._meta.db_table), q("actor_id")),
        "c": (q(EventCountry._meta.db_table), q("country_id")),
    }
    materialized = "MATERIALIZED " if facet_counts.materialize_ok() else ""
    month = _month_sql()
    ctes, branches, params = [], [], []

    def materialize(
        name: str, rest: TimelineFilters, plan: _Kth | None = None, *, base=False
    ) -> tuple[str, int] | None:
        """Add set `name`; the value whose links it holds, rejected events
        included (a base read by the sets derived from it), else None."""
        one = _link_range(rest) if share >= SAMPLE_BUCKETS else None
        how, raw = materialized, False
        if one is not None:
            # A base of one value's links is not copied first: each set read
            # from it reads the range itself (its kinds a range of the
            # index, not a test of every row copied), and leaves out the
            # rejected events after its own tests (_derived_sql).
            raw = base and bool(materialized)
            events = _value_links(
                rest, *one, k=plan.k if plan else 1, hide_rejected=not raw
            )
            if raw:
                how = "NOT MATERIALIZED "
        else:
            events = _share_of(rest, share).values_list("id", "start", "kind")
        try:
            sql, p = events.query.sql_with_params()
        except EmptyResultSet:  # a filter that cannot match (an unknown country)
            columns = ", ".join(q(c) for c in ("id", "start", "kind"))
            sql = f"SELECT {columns} FROM {q(Event._meta.db_table)} WHERE 1 = 0"  # noqa: S608
            p = []
        ctes.append(f"{name} (ev_id, ev_start, ev_kind) AS {how}({sql})")
        params.extend(p)
        return one if raw else None

    kth: dict[int, _Kth] = {}
    if share >= SAMPLE_BUCKETS and facet_counts.ready():
        for i, (rest, wanted) in enumerate(todo):
            if plan := _kth_plan(rest, wanted):
                kth[i] = plan
    bases, derived = _shared_sets([rest for rest, _ in todo], alone=set(kth))
    raw = {
        f"b{j}": (materialize(f"b{j}", base, base=True), base)
        for j, base in enumerate(bases)
    }
    for i, (rest, _) in enumerate(todo):
        if i not in derived:
            materialize(f"s{i}", rest, kth.get(i))
    for i, d in derived.items():  # parents first
        own, base = raw.get(d.parent, (None, None))
        merged = _intersect_sql(own, base, d) if own and d.links else None
        sql, p = merged or _derived_sql(
            d, hide_rejected=own is not None, probe=_probes_only(share)
        )
        ctes.append(f"s{i} (ev_id, ev_start, ev_kind) AS {materialized}({sql})")
        params.extend(p)
    for i, (_, wanted) in enumerate(todo):
        if i in kth:
            # Its size and k known beforehand: s{i} holds its k-th events only.
            ctes.append(
                f"k{i} (k, n) AS {materialized}(SELECT CAST(%s AS BIGINT), "
                "CAST(%s AS BIGINT))"
            )
            params.extend([kth[i].k, kth[i].size])
            branches.append(
                f"SELECT 'n{i}', {NO_ID}, {NO_DATE}, {_NO_KIND}, n FROM k{i}"  # noqa: S608
            )
        else:
            branches.append(
                f"SELECT 'n{i}', {NO_ID}, {NO_DATE}, {_NO_KIND}, COUNT(*) FROM s{i}"  # noqa: S608
            )
        if i in kth:
            branches.append(f"SELECT 'k{i}', k, {NO_DATE}, {_NO_KIND}, 0 FROM k{i}")  # noqa: S608
        elif links.keys() & wanted.keys():
            # Every k-th event (by id) of a large set stands for k events
            # in its link counts (k = 1 up to SAMPLE_ABOVE events).
            ctes.append(
                f"k{i} (k) AS {materialized}(SELECT CASE WHEN COUNT(*) > %s "  # noqa: S608
                f"THEN COUNT(*) / %s ELSE 1 END FROM s{i})"
            )
            params.extend([SAMPLE_ABOVE, SAMPLE_SIZE])
            branches.append(f"SELECT 'k{i}', k, {NO_DATE}, {_NO_KIND}, 0 FROM k{i}")  # noqa: S608
        for what in sorted(wanted.keys() & links.keys()):
            table, key = links[what]
            branches.append(
                f"SELECT '{what}{i}', l.{key}, {NO_DATE}, {_NO_KIND}, "  # noqa: S608
                f"COUNT(*) * (SELECT k FROM k{i}) "
                f"FROM {table} l WHERE l.{q('event_id')} IN (SELECT ev_id "
                f"FROM s{i}, k{i} WHERE ev_id %% k{i}.k = 0) GROUP BY l.{key}"
            )
        day, kind = "d" in wanted, "k" in wanted
        if day or kind:
            # Months, not days: a few hundred groups instead of thousands;
            # a chart of days asks again (_keep).
            cols = [month] * day + ["ev_kind"] * kind
            branches.append(
                f"SELECT '{'d' * day}{'k' * kind}{i}', {NO_ID}, "  # noqa: S608
                f"{month if day else NO_DATE}, "
                f"{'ev_kind' if kind else _NO_KIND}, COUNT(*) "
                f"FROM s{i} GROUP BY {', '.join(cols)}"
            )
        if day:
            branches.append(
                f"SELECT 'r{i}', {NO_ID}, MIN(ev_start), {_NO_KIND}, 0 FROM s{i} "  # noqa: S608
                f"UNION ALL SELECT 'R{i}', {NO_ID}, MAX(ev_start), {_NO_KIND}, 0 "
                f"FROM s{i}"
            )
    # Only names from this module and the models reach the SQL; the filter
    # values are parameters of the event sets.
    statement = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(branches)
    found: dict[str, list[tuple]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for tag, key, day, kind, n in cursor.fetchall():
            found[tag].append((key, facet_counts.as_date(day), kind, n))
    return found


def _keep(
    memo: dict,
    found: dict[str, list[tuple]],
    i: int,
    rest: TimelineFilters,
    wanted: dict[str, str],
    *,
    share: int,
    same: bool,
) -> None:
    """Set i's counts from _set_counts into `memo`, scaled from the sample
    (and marked approximate) when share < SAMPLE_BUCKETS."""
    estimated = share < SAMPLE_BUCKETS
    step = found[f"k{i}"][0][0] if found[f"k{i}"] else 1
    for what, slot in wanted.items():
        if what in ("a", "c"):
            linked = found[f"{what}{i}"]
            if estimated:
                counts = {int(k): _scaled(n, share) for k, _, _, n in linked}
            else:
                counts = {int(k): n for k, _, _, n in linked}
            if step > 1 or estimated:
                memo[("approximate", slot)] = True
            if slot == "people":
                memo[("actors", "" if same else "actor")] = counts
            elif slot == "orgs":
                memo[("actors", "org")] = counts
            else:
                memo[slot] = counts
    day, kind = "d" in wanted, "k" in wanted
    rows = found[f"{'d' * day}{'k' * kind}{i}"]
    if kind:
        kinds: dict[str, int] = defaultdict(int)
        for _, _, k, n in rows:
            kinds[k] += n
        memo[wanted["k"]] = {k: _scaled(n, share) for k, n in kinds.items()}
        if estimated:
            memo[("approximate", wanted["k"])] = True
    if day:
        if estimated:
            memo[("approximate", "per_day")] = True
        first, last = found[f"r{i}"][0][1], found[f"R{i}"][0][1]
        if first is None:
            memo["per_day"] = []
        elif _axis(rest, first, last)[2] == "day":
            memo["per_day"] = [
                (d, _scaled(n, share))
                for d, n in _share_of(rest, share)
                .values_list("start")
                .annotate(n=Count("id"))
                .order_by("start")
            ]
        else:
            months: dict[date, int] = defaultdict(int)
            for _, d, _, n in rows:
                months[d] += n
            memo["per_day"] = [
                (d, _scaled(n, share)) for d, n in sorted(months.items())
            ]
            memo["bounds"] = (first, last)


# A text filter's sets are estimated on 1 / TEXT_SHARE of the usual sample:
# each sampled event's title and mentions are searched one by one.
TEXT_SHARE = 8

# Sampling starts at a table of this many samples (NEWSLINE_SAMPLE_ROWS):
# 160,000 events by default, so 100,000 are counted exactly as before.
SAMPLE_WORTH = 8

# A set of more events than this has its link counts (people, organisations,
# countries) estimated from every k-th event, k = its size // SAMPLE_SIZE,
# and shown as approximate ("≈"); kinds, the chart and the total stay exact
# unless the whole set is estimated (is_large, on the Event.sample rows).
SAMPLE_ABOVE = 5000
SAMPLE_SIZE = 2500

# A set of one value's events in a date range is read from its links
# (_link_range) when at most this many events start before the range and
# still reach it (their ids are a list in the statement).
SPANNING_MOST = 500


def _month_sql() -> str:
    """The first day of ev_start's month, in this database's SQL."""
    if connection.vendor == "postgresql":
        return "CAST(DATE_TRUNC('month', ev_start) AS DATE)"
    return "SUBSTR(ev_start, 1, 8) || '01'"


_NO_KIND = "CAST(NULL AS VARCHAR(20))"


def timeline_summary(filters: TimelineFilters, *, stamp: str | None = None) -> Summary:
    """compute_summary(), cached per (filters, data stamp) for a short while."""
    return facet_counts.cached_while_unchanged(
        "timeline-summary",
        sorted(filters.to_query()),
        lambda: compute_summary(filters),
        stamp=stamp,
    )
