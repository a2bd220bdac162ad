"""Pre-aggregated facet counts: the timeline's counts without scanning links.

FacetCount holds, for visible (not rejected) events, how many start in each
month, each year and all time, per actor, country, kind and in total, per
actor and kind and per country and kind (key "id:kind": one person's,
organisation's or country's total, kinds and chart), plus the longest span
(end - start) per precision. Counts over a date range
[S, E] (events overlapping it: start <= E and end >= S) are then

    sum of the year and month rows wholly inside [S, E]
  + the events starting in the partial first/last months (index range scans)
  + the events starting before S that still reach it (one short index range
    per precision on (precision, start), bounded by that precision's longest
    span),

exact, reading a few hundred rows instead of every link.

Writes: the service functions that create, edit, reject or delete events
call refresh_for_events() / refresh_months() with the months their events
started in before and after the change, inside their transaction; each
refresh recomputes those months from the events and links, then their years
and the all-time rows from the month rows. `manage.py rebuild_facets`
recomputes everything (rebuild()).
"""

from __future__ import annotations

import calendar
import hashlib
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import IntegrityError, connection, transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import TruncMonth, TruncYear

from timeline.models import (
    Article,
    Event,
    EventActor,
    EventCountry,
    FacetCount,
    Kind,
    Mention,
    Status,
)

ALL_TIME = date(1, 1, 1)
FACETS = ("a", "c", "k", "t", "s", "p", "q")
# Per value and kind: "p" an actor's links, "q" a country's, key "id:kind".
BY_KIND = {"a": "p", "c": "q"}
_LINKS = {"a": (EventActor, "actor_id"), "c": (EventCountry, "country_id")}
_MIN, _MAX = date(1, 1, 1), date(9999, 12, 31)


def _month(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _visible() -> QuerySet:
    return Event.objects.exclude(status=Status.REJECTED)


# --- writing ---------------------------------------------------------------


def _month_q(months: set[date] | None, field: str = "start") -> Q:
    if months is None:
        return Q()
    q = Q(pk__in=[])
    for m in months:
        q |= Q(**{f"{field}__gte": m, f"{field}__lt": _next_month(m)})
    return q


def _compute_months(months: set[date] | None) -> list[FacetCount]:
    """Month rows recomputed from the events (all months when None)."""
    events = _visible().filter(_month_q(months)).order_by()
    rows: list[FacetCount] = []

    def add(qs: QuerySet, facet: str, *key_fields: str) -> None:
        for row in (
            qs.annotate(m=TruncMonth("start"))
            .values("m", *key_fields)
            .annotate(n=Count("*"))
        ):
            key = ":".join(str(row[f]) for f in key_fields)
            rows.append(FacetCount(level="m", period=row["m"], facet=facet, key=key))
            rows[-1].n = row["n"]

    add(events, "t")
    add(events, "k", "kind")
    rejected = Event.objects.filter(status=Status.REJECTED).values("pk")
    for through, facet, key in (
        (EventActor, "a", "actor_id"),
        (EventCountry, "c", "country_id"),
    ):
        links = (
            through.objects.filter(_month_q(months))
            .exclude(event_id__in=rejected)
            .order_by()
        )
        add(links, facet, key)
        add(links, BY_KIND[facet], key, "event__kind")
    spans: dict[tuple[date, str], int] = {}
    for start, end, precision in events.exclude(precision="day").values_list(
        "start", "end", "precision"
    ):
        k = (_month(start), precision)
        spans[k] = max(spans.get(k, 0), (end - start).days)
    rows += [
        FacetCount(level="m", period=m, facet="s", key=p, n=n)
        for (m, p), n in spans.items()
    ]
    return rows


def _roll_up(level: str, periods: set[date] | None) -> None:
    """Recompute year rows (level "y") or all-time rows ("a") from the level below."""
    below = "m" if level == "y" else "y"
    src = FacetCount.objects.filter(level=below)
    target = FacetCount.objects.filter(level=level)
    if level == "y" and periods is not None:
        q = Q(pk__in=[])
        for y in periods:
            q |= Q(period__gte=y, period__lte=date(y.year, 12, 1))
        src = src.filter(q)
        target = target.filter(period__in=periods)
    target.exclude(facet__in=("b", "g")).delete()  # markers, not counts
    rows = []
    for agg, facets in ((Sum("n"), ("a", "c", "k", "t", "p", "q")), (Max("n"), ("s",))):
        values = ["facet", "key"] + (["year"] if level == "y" else [])
        qs = src.filter(facet__in=facets).order_by()
        if level == "y":
            qs = qs.annotate(year=TruncYear("period"))
        for row in qs.values(*values).annotate(total=agg):
            period = row["year"] if level == "y" else ALL_TIME
            if row["total"]:
                rows.append(
                    FacetCount(
                        level=level,
                        period=period,
                        facet=row["facet"],
                        key=row["key"],
                        n=row["total"],
                    )
                )
    FacetCount.objects.bulk_create(rows, batch_size=2000)


def refresh_months(*, months: Iterable[date]) -> None:
    """Recompute the counts of events starting in these months (any day in
    the month will do), then bring their years and all time in step. Call
    inside the writer's transaction, after the change.

    The month rows are recomputed from the events; the year and all-time
    counts change by the difference between the old and new month rows (a
    few keys for one article), and the longest spans ("s", a max) of the
    touched years and of all time are recomputed from the rows below.
    """
    months = {_month(m) for m in months}
    if not months:
        return
    with transaction.atomic():
        bump_version()
        # The marker row is the lock that takes concurrent writers in turn
        # (PostgreSQL; SQLite writers are serialised anyway), so no two
        # refreshes read the same month or year rows before either commits.
        marker = FacetCount.objects.select_for_update().filter(
            level="a", facet="b", period=ALL_TIME
        )
        if not list(marker.values_list("pk", flat=True)):
            return  # nothing to keep current until rebuild() has run
        _refresh(months)


def _refresh(months: set[date]) -> None:
    current = FacetCount.objects.filter(level="m", period__in=months)
    delta: dict[tuple[date, str, str], int] = defaultdict(int)
    for period, facet, key, n in current.exclude(facet="s").values_list(
        "period", "facet", "key", "n"
    ):
        delta[(date(period.year, 1, 1), facet, key)] -= n
    current.delete()
    rows = _compute_months(months)
    FacetCount.objects.bulk_create(rows, batch_size=2000)
    for r in rows:
        if r.facet != "s":
            delta[(date(r.period.year, 1, 1), r.facet, r.key)] += r.n
    delta = {k: d for k, d in delta.items() if d}
    years = {date(m.year, 1, 1) for m in months}
    _apply_delta("y", delta)
    overall: dict[tuple[date, str, str], int] = defaultdict(int)
    for (_, facet, key), d in delta.items():
        overall[(ALL_TIME, facet, key)] += d
    _apply_delta("a", {k: d for k, d in overall.items() if d})
    _recompute_spans(years)


def _apply_delta(level: str, delta: dict[tuple[date, str, str], int]) -> None:
    """Add (period, facet, key) -> difference to the rows of this level."""
    if not delta:
        return
    periods = sorted({k[0] for k in delta})
    keys = sorted({k[2] for k in delta})
    existing = {}
    for i in range(0, len(keys), 500):
        for r in FacetCount.objects.filter(
            level=level, period__in=periods, key__in=keys[i : i + 500]
        ):
            if (r.period, r.facet, r.key) in delta:
                existing[(r.period, r.facet, r.key)] = r
    changed, gone, new = [], [], []
    for k, d in delta.items():
        row = existing.get(k)
        if row is None:
            new.append(FacetCount(level=level, period=k[0], facet=k[1], key=k[2], n=d))
        elif row.n + d:
            row.n += d
            changed.append(row)
        else:
            gone.append(row.pk)
    FacetCount.objects.filter(pk__in=gone).delete()
    FacetCount.objects.bulk_update(changed, ["n"], batch_size=500)
    FacetCount.objects.bulk_create(new, batch_size=2000)


def _recompute_spans(years: set[date]) -> None:
    """The longest-span rows ("s") of these years and of all time."""
    for y in years:
        FacetCount.objects.filter(level="y", facet="s", period=y).delete()
        FacetCount.objects.bulk_create(
            FacetCount(level="y", period=y, facet="s", key=key, n=n)
            for key, n in FacetCount.objects.filter(
                level="m",
                facet="s",
                period__gte=y,
                period__lte=date(y.year, 12, 1),
            )
            .order_by()
            .values_list("key")
            .annotate(longest=Max("n"))
            if n
        )
    FacetCount.objects.filter(level="a", facet="s").delete()
    FacetCount.objects.bulk_create(
        FacetCount(level="a", period=ALL_TIME, facet="s", key=key, n=n)
        for key, n in FacetCount.objects.filter(level="y", facet="s")
        .order_by()
        .values_list("key")
        .annotate(longest=Max("n"))
        if n
    )


def months_of(*, event_ids: Iterable[int]) -> set[date]:
    """The months these events start in now (call before and after a change)."""
    ids = list(set(event_ids))
    out: set[date] = set()
    for i in range(0, len(ids), 500):
        out.update(
            _month(d)
            for d in Event.objects.filter(id__in=ids[i : i + 500])
            .values_list("start", flat=True)
            .distinct()
        )
    return out


def refresh_for_events(
    *, event_ids: Iterable[int], before: Iterable[date] = ()
) -> None:
    """refresh_months() for the months these events start in now, plus
    `before` (the months from months_of() taken before the change)."""
    refresh_months(months=set(before) | months_of(event_ids=event_ids))


# Within reading(): answers that do not change during one page's counting.
_MEMO: ContextVar[dict | None] = ContextVar("facet_counts_memo", default=None)


@contextmanager
def reading() -> Iterator[None]:
    """Ask ready() and the longest spans once for all the counts inside."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _memo(name: str, compute):
    memo = _MEMO.get()
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def remembered(key: object, compute: Callable[[], T]) -> T:
    """compute(), once per key within reading() (every call outside it)."""
    return _memo(key, compute)


def ready() -> bool:
    """rebuild() has run: the rows are complete (else the timeline counts
    from the links, exactly but slowly, and refreshes are skipped)."""
    return _memo(
        "ready",
        lambda: FacetCount.objects.filter(
            level="a", facet="b", period=ALL_TIME
        ).exists(),
    )


@transaction.atomic
def rebuild() -> int:
    """Recompute every row from the events; returns the number of rows."""
    # Waits for a refresh in progress (PostgreSQL), as refresh_months() does.
    list(
        FacetCount.objects.select_for_update()
        .filter(level="a", facet="b", period=ALL_TIME)
        .values_list("pk", flat=True)
    )
    FacetCount.objects.all().delete()
    FacetCount.objects.bulk_create(_compute_months(None), batch_size=2000)
    _roll_up("y", None)
    _roll_up("a", None)
    FacetCount.objects.create(level="a", period=ALL_TIME, facet="b", key="", n=1)
    bump_version()
    return FacetCount.objects.count()


# --- the data version --------------------------------------------------------


def _version_row() -> QuerySet:
    return FacetCount.objects.filter(level="a", facet="g", period=ALL_TIME, key="")


def bump_version() -> None:
    """Give the timeline data a new version (row "g", a random number, so a
    rolled-back change can never bring an old version back). Called inside
    the writer's transaction by refresh_months() and rebuild(): a reader
    sees the new version exactly when it sees the change."""
    n = secrets.randbelow(2**31 - 2) + 1
    if _version_row().update(n=n):
        return
    try:
        with transaction.atomic():
            FacetCount.objects.create(
                level="a", facet="g", period=ALL_TIME, key="", n=n
            )
    except IntegrityError:  # created by a concurrent writer meanwhile
        _version_row().update(n=n)


def data_version() -> int:
    """The current data version (0 before any write service or rebuild ran)."""
    return _version_row().values_list("n", flat=True).first() or 0


# --- reading ---------------------------------------------------------------


def _plan(start: date | None, end: date | None) -> tuple[Q, Q]:
    """(FacetCount rows wholly inside the range, Event start ranges left over)."""
    if start is None and end is None:
        return Q(level="a", period=ALL_TIME), Q(pk__in=[])
    lo, hi = start or _MIN, end or _MAX
    first = lo if lo.day == 1 else _next_month(lo)  # first whole month
    last = hi if hi == _month_end(hi) else _month(hi) - timedelta(days=1)
    if first > last:  # no whole month
        return Q(pk__in=[]), Q(start__gte=lo, start__lte=hi)
    edges = Q(start__gte=lo, start__lt=first) | Q(start__gt=last, start__lte=hi)
    y1 = first.year if first.month == 1 else first.year + 1
    y2 = last.year if last.month == 12 else last.year - 1
    if y1 > y2:
        return Q(level="m", period__gte=first, period__lte=last), edges
    rows = Q(level="y", period__gte=date(y1, 1, 1), period__lte=date(y2, 1, 1))
    rows |= Q(level="m", period__gte=first, period__lt=date(y1, 1, 1))
    if y2 < _MAX.year:
        rows |= Q(level="m", period__gte=date(y2 + 1, 1, 1), period__lte=last)
    return rows, edges


def _spanning_in(start: date | None) -> Q:
    """Events that start before `start` and end on or after it."""
    if start is None:
        return Q(pk__in=[])
    longest = _memo(
        "longest",
        lambda: dict(
            FacetCount.objects.filter(level="a", facet="s").values_list("key", "n")
        ),
    )
    q = Q(pk__in=[])
    for precision, days in longest.items():
        q |= Q(
            precision=precision,
            start__gte=start - timedelta(days=days),
            start__lt=start,
        )
    return q & Q(end__gte=start)


Row = tuple[int, date, str]  # an event's id, start and kind


def _spanning_rows(start: date | None) -> list[Row]:
    """Visible events that start before `start` and still reach it."""
    if start is None:
        return []
    return _memo(
        ("spanning", start),
        lambda: list(
            _visible()
            .filter(_spanning_in(start))
            .order_by()
            .values_list("id", "start", "kind")
        ),
    )


def spanning_ids(start: date) -> list[int]:
    """The ids of the visible events that start before `start` and still
    reach it (the rollups must be built: their longest span per precision
    bounds the search)."""
    return [event_id for event_id, _, _ in _spanning_rows(start)]


def _extra_rows(start: date | None, end: date | None) -> list[Row]:
    """The overlapping events the whole-month rows leave out: those starting
    in a partial first or last month, and those starting before `start`."""

    def compute() -> list[Row]:
        _, edges_q = _plan(start, end)
        edges = _visible().filter(edges_q).order_by()
        return list(edges.values_list("id", "start", "kind")) + _spanning_rows(start)

    return _memo(("extra", start, end), compute)


def range_counts(facet: str, start: date | None, end: date | None) -> dict[str, int]:
    """{key: visible events overlapping [start, end]} for facet a/c/k/t."""
    rows_q, _ = _plan(start, end)
    counts: dict[str, int] = defaultdict(int)
    rows = FacetCount.objects.filter(rows_q, facet=facet).order_by()
    if start is None and end is None:  # one all-time row per key
        pairs = rows.values_list("key", "n")
    else:
        pairs = rows.values_list("key").annotate(total=Sum("n"))
    for key, n in pairs:
        counts[key] += n
    extra = _extra_rows(start, end)
    if facet in ("a", "c") and extra:
        through, key = (
            (EventActor, "actor_id") if facet == "a" else (EventCountry, "country_id")
        )
        # The same events as _extra_rows, as a subquery: thousands of ids
        # as parameters cost more to send and parse than to count (1 %
        # of the events are decades, reaching ten years into a range).
        _, edges_q = _plan(start, end)
        events = _visible().filter(edges_q | _spanning_in(start)).order_by()
        for k, n in (
            through.objects.filter(_linked_events(through, events))
            .order_by()
            .values_list(key)
            .annotate(n=Count("*"))
        ):
            counts[str(k)] += n
    elif facet == "k":
        for _, _, kind in extra:
            counts[kind] += 1
    elif facet == "t":
        counts[""] += len(extra)
    return {k: n for k, n in counts.items() if n > 0}


def _linked_events(through, events: QuerySet) -> Q:
    """The link rows (EventActor or EventCountry) of these events.

    On PostgreSQL the events' ids are one array the link table's (event,
    actor|country) unique index is probed with: as an IN subquery the
    planner hashed the events and scanned every link (229,740 rows at
    100,000 events, for the 506 events a year's range leaves to count here:
    83 against 16 ms, docs/query-plans.md, pg14). Elsewhere an IN
    subquery, which SQLite probes already."""
    if connection.vendor != "postgresql":
        return Q(event_id__in=events.values("pk"))
    try:
        sql, params = events.values("pk").query.sql_with_params()
    except EmptyResultSet:  # no event can match
        return Q(pk__in=[])
    q = connection.ops.quote_name
    column = f"{q(through._meta.db_table)}.{q('event_id')}"
    # Only names from the models reach the SQL; the values are parameters.
    return Q(RawSQL(f"{column} = ANY(ARRAY({sql}))", params, BooleanField()))  # noqa: S611


def value_totals(facet: str, ids: Iterable[int]) -> dict[int, int]:
    """{actor id ("a") or country id ("c"): its visible events of all time},
    one all-time row each (the rows must be built: ready())."""
    rows = FacetCount.objects.filter(
        level="a", facet=facet, period=ALL_TIME, key__in=[str(i) for i in ids]
    ).values_list("key", "n")
    return {int(k): n for k, n in rows}


def value_total(facet: str, value: int, *, kinds: Iterable[str] = ()) -> int:
    """One actor's ("a") or country's ("c") visible events of all time of
    these kinds (any when none): its all-time rows (they must be built)."""
    kinds = tuple(kinds)
    if not kinds:
        return value_totals(facet, [value]).get(value, 0)
    rows = FacetCount.objects.filter(
        level="a",
        facet=BY_KIND[facet],
        period=ALL_TIME,
        key__in=[f"{value}:{k}" for k in kinds],
    )
    return rows.aggregate(n=Sum("n"))["n"] or 0


@dataclass(frozen=True)
class ValueCounts:
    """value_counts(): one value's events, exactly, and its sampled links."""

    rows: list[tuple[date, str, int]]  # (month they start in, kind, n)
    span: tuple[date, date] | None  # earliest and latest start
    step: int = 1  # the links counted are those of every step-th event
    links: dict[str, dict[int, int]] = field(default_factory=dict)


def value_months(
    facet: str,
    value: int,
    *,
    kinds: Iterable[str] = (),
    start: date | None = None,
    end: date | None = None,
) -> tuple[list[tuple[date, str, int]], tuple[date, date] | None]:
    """(rows, span) of value_counts(), without counting links."""
    found = value_counts(facet, value, kinds=kinds, start=start, end=end)
    return found.rows, found.span


def value_counts(
    facet: str,
    value: int,
    *,
    kinds: Iterable[str] = (),
    start: date | None = None,
    end: date | None = None,
    events: QuerySet | None = None,
    links: Iterable[str] = (),
    sample_above: int = 0,
    sample_size: int = 1,
) -> ValueCounts:
    """One actor's ("a") or country's ("c") visible events of these kinds
    (any when none) overlapping [start, end], exactly, in one statement:
    the value's "p"/"q" month rows wholly inside the range (a few hundred
    entries of facetcount_value_idx), plus its events starting in a partial
    first or last month or before `start` and still reaching it, and its
    earliest and latest start (its links' copied start, on their (value,
    start) index).

    `links` ("a" actors, "c" countries): also count the links of `events`
    (the set's events without the value filter) linked to the value, over
    every k-th of them by id, k = total // sample_size when the total is
    above sample_above (else 1), read from the value's own links.
    """
    kinds = tuple(kinds) or tuple(Kind.values)
    through, column = _LINKS[facet]
    q = connection.ops.quote_name
    lo, hi = start or _MIN, end or _MAX
    first = lo if lo.day == 1 else _next_month(lo)  # first whole month
    last = hi if hi == _month_end(hi) else _month(hi) - timedelta(days=1)
    month_rows = FacetCount.objects.filter(
        facet=BY_KIND[facet],
        key__in=[f"{value}:{k}" for k in kinds],
        level="m",
        period__gte=first,
        period__lte=last,
    )
    if first <= last:
        edges = Q(start__gte=lo, start__lt=first) | Q(start__gt=last, start__lte=hi)
    else:
        month_rows = month_rows.none()
        edges = Q(start__gte=lo, start__lte=hi)
    extra = _visible().none()
    if start is not None or end is not None:
        linked = Exists(through.objects.filter(event=OuterRef("pk"), **{column: value}))
        # The kinds are tested on what this finds (vxk below): as an index
        # condition, SQLite would walk every event of a kind for ten years
        # instead of the few spanning ones (event_prec_start_idx).
        extra = _visible().filter(edges | _spanning_in(start), linked)
    own = through.objects.filter(
        **{column: value}, start__gte=lo, start__lte=hi, event__kind__in=kinds
    ).exclude(event__status=Status.REJECTED)
    parts = [
        ("vr", month_rows.order_by().values_list("period", "key", "n")),
        ("vx", extra.order_by().values_list("id", "start", "kind")),
        ("vb", own.order_by("start").values_list("start")[:1]),
        ("vB", own.order_by("-start").values_list("start")[:1]),
    ]
    ctes, params = [], []
    materialized = "MATERIALIZED " if materialize_ok() else ""
    sql: dict[str, str] = {}
    later: list = []  # the bounds' parameters: they come after the CTEs
    for name, qs in parts:
        try:
            sql[name], p = qs.query.sql_with_params()
        except EmptyResultSet:
            sql[name], p = "", []
        (params if name in ("vr", "vx") else later).extend(p)
    empty = {
        "vr": f"SELECT {NO_DATE}, {_NO_KEY}, 0 WHERE 1 = 0",
        "vx": f"SELECT {NO_ID}, {NO_DATE}, {_NO_KEY} WHERE 1 = 0",
        "vb": f"SELECT {NO_DATE}",
        "vB": f"SELECT {NO_DATE}",
    }
    for name, columns in (("vr", "m, vkey, n"), ("vx", "ev_id, ev_start, ev_kind")):
        ctes.append(f"{name} ({columns}) AS {materialized}({sql[name] or empty[name]})")
    marks = ", ".join(["%s"] * len(kinds))
    ctes.append(f"vxk AS (SELECT * FROM vx WHERE ev_kind IN ({marks}))")  # noqa: S608
    params.extend(kinds)
    branches = [
        f"SELECT 'r', {NO_ID}, m, vkey, n FROM vr",  # noqa: S608
        f"SELECT 'x', {NO_ID}, ev_start, ev_kind, COUNT(*) FROM vxk "  # noqa: S608
        "GROUP BY ev_start, ev_kind",
        f"SELECT 'b', {NO_ID}, ({sql['vb'] or empty['vb']}), {_NO_KEY}, 0",
        f"SELECT 'B', {NO_ID}, ({sql['vB'] or empty['vB']}), {_NO_KEY}, 0",
    ]
    links = sorted(set(links))
    if links:
        ctes.append(
            "vk (k) AS (SELECT CASE WHEN t > %s THEN t / %s ELSE 1 END FROM "
            "(SELECT (SELECT COALESCE(SUM(n), 0) FROM vr) "
            "+ (SELECT COUNT(*) FROM vxk) AS t) vt)"
        )
        params.extend([sample_above, sample_size])
        # The value's links whose event id is a multiple of k, then their
        # events' other filters: k-th links before any event row is read.
        step = RawSQL("(SELECT k FROM vk)", [], output_field=BigIntegerField())  # noqa: S611
        bound = {"start__lte": end} if end else {}
        ids = (
            through.objects.filter(**{column: value}, **bound)
            .order_by()
            .annotate(r=F("event_id") % step)
            .filter(r=0)
        )
        chosen = (events if events is not None else _visible()).order_by()
        try:
            kth, p = (
                chosen.filter(pk__in=ids.values("event_id"))
                .values("pk")
                .query.sql_with_params()
            )
        except EmptyResultSet:
            kth, p = f"SELECT {NO_ID} WHERE 1 = 0", []
        ctes.append(f"ve (ev_id) AS {materialized}({kth})")
        params.extend(p)
        branches.append(f"SELECT 'k', k, {NO_DATE}, {_NO_KEY}, 0 FROM vk")  # noqa: S608
        for what in links:
            table, key = _LINKS[what]
            branches.append(
                f"SELECT '{what}', {q(key)}, {NO_DATE}, {_NO_KEY}, COUNT(*) "  # noqa: S608
                f"FROM {q(table._meta.db_table)} WHERE {q('event_id')} IN "
                f"(SELECT ev_id FROM ve) GROUP BY {q(key)}"
            )
    params.extend(later)
    # Only names from the models and this module reach the SQL; the values
    # are parameters.
    statement = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(branches)
    counts: dict[tuple[date, str], int] = defaultdict(int)
    days: list[date] = []
    k, linked_counts = 1, {what: {} for what in links}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for tag, key, day, text, n in cursor.fetchall():
            day = as_date(day)
            if tag == "r":
                counts[(day, text.partition(":")[2])] += n
            elif tag == "x":
                counts[(_month(day), text)] += n
                days.append(day)
            elif tag in "bB":
                if day is not None:
                    days.append(day)
            elif tag == "k":
                k = int(key)
            else:
                linked_counts[tag][int(key)] = n
    rows = sorted((m, kind, n) for (m, kind), n in counts.items() if n > 0)
    span = (min(days), max(days)) if rows and days else None
    return ValueCounts(rows, span, k, linked_counts)


def as_date(value) -> date | None:
    """A date from the database (SQLite answers raw queries with text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


# Typed NULLs for the unused columns of a UNION ALL branch (raw statements
# here and in timeline.query.facets).
NO_ID = "CAST(NULL AS BIGINT)"
NO_DATE = "CAST(NULL AS DATE)"
_NO_KEY = "CAST(NULL AS VARCHAR(40))"


def materialize_ok() -> bool:
    """Common table expressions can be MATERIALIZED (PostgreSQL 12+, SQLite
    3.35+): each is then computed once however often it is read."""
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version_info >= (3, 35)
    return connection.vendor == "postgresql"


def start_days(start: date | None, end: date | None, *, by_day: bool) -> list:
    """[(date, n)] of visible events overlapping [start, end] by start date,
    sorted. by_day=False gives whole months as (first of month, n) rows (for
    month or year bars); the partial months and events starting before
    `start` are always by day."""
    days: dict[date, int] = defaultdict(int)
    if by_day:
        lo, hi = start or _MIN, end or _MAX
        inside = _visible().filter(start__gte=lo, start__lte=hi).order_by()
        for d, n in inside.values_list("start").annotate(n=Count("*")):
            days[d] += n
        for _, d, _ in _spanning_rows(start):
            days[d] += 1
        return sorted(days.items())
    lo, hi = start or _MIN, end or _MAX
    first = lo if lo.day == 1 else _next_month(lo)
    last = hi if hi == _month_end(hi) else _month(hi) - timedelta(days=1)
    if first <= last:
        for d, n in FacetCount.objects.filter(
            level="m", facet="t", period__gte=first, period__lte=last
        ).values_list("period", "n"):
            days[d] += n
    for _, d, _ in _extra_rows(start, end):
        days[d] += 1
    return sorted(days.items())


def bounds(start: date | None, end: date | None) -> tuple[date, date] | None:
    """Earliest and latest start of the visible events overlapping the range."""
    lo, hi = start or _MIN, end or _MAX
    inside = _visible().filter(start__gte=lo, start__lte=hi)
    first = inside.order_by("start").values_list("start", flat=True).first()
    last = inside.order_by("-start").values_list("start", flat=True).first()
    before = [d for _, d, _ in _spanning_rows(start)]
    if before:
        first = min(before)
        last = last or max(before)
    if first is None:
        return None
    return first, last


def data_stamp() -> str:
    """Changes when events, mentions or articles are added, edited or removed.

    The data version (facet_counts.bump_version) changes with every write
    through the services, deletions included. Max ids are index lookups;
    max(updated) (indexed) catches edits, since admin saves bump it; both
    also see rows written around the services (bulk loads, tests).
    """
    # One round trip; each lone MAX() in its own subquery is answered from
    # an index (SQLite and PostgreSQL alike).
    q = connection.ops.quote_name
    subqueries = [
        # The (level, facet, ...) unique index finds the version row.
        f"SELECT MAX({q('n')}) FROM {q(FacetCount._meta.db_table)} "  # noqa: S608
        f"WHERE {q('level')} = 'a' AND {q('facet')} = 'g'",
        *(
            f"SELECT MAX({q(column)}) FROM {q(model._meta.db_table)}"  # noqa: S608
            for model, column in (
                (Event, "id"),
                (Event, "updated"),
                (Article, "id"),
                (Mention, "id"),
            )
        ),
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({sq})" for sq in subqueries))
        parts = cursor.fetchone()
    return "|".join(str(p) for p in parts)


T = TypeVar("T")


def cached_while_unchanged(
    name: str, key: object, compute: Callable[[], T], *, stamp: str | None = None
) -> T:
    """compute(), cached per (key, data stamp) for NEWSLINE_FACET_CACHE_SECONDS
    (0: not cached): a write changes the stamp, so nothing stale is served."""
    seconds = getattr(settings, "NEWSLINE_FACET_CACHE_SECONDS", 60)
    if not seconds:
        return compute()
    if stamp is None:
        stamp = data_stamp()
    raw = repr((key, stamp))
    cache_key = f"{name}:" + hashlib.sha256(raw.encode()).hexdigest()
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, seconds)
    return value
