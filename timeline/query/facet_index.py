"""An in-memory, columnar copy of what the timeline's filters and counts read.

Counting a facet over a filtered set in SQL is a join of a link table with
the filtered events: linear in the size of that set, 150-300 ms at 100,000
events on SQLite for a frequent actor or a common word. Here every event's
start, end, kind and status, and every actor and country link, sit in numpy
arrays (about 6 MB per 100,000 events); a filter becomes a boolean mask over
the events and a facet's counts one `bincount` over its links: a few
milliseconds, whatever the filter. Only the text search still asks the
database (for the ids of the matching events).

Freshness. The arrays are tagged with a stamp: the data version every write
service changes inside its transaction (`facet_counts.bump_version()`, from
`refresh_months()`), plus `facet_counts.data_stamp()` (highest ids and last edit),
which also sees rows written around the services. Each request reads the
stamp (one query of five indexed lookups); when it has changed the index is
rebuilt (about 1 s at 100,000 events), unless this process rebuilt it a moment
ago: a rebuild may take at most 1/REBUILD_DUTY of the time, and in between
`current()` answers None and the caller counts in SQL as before (exact,
slower). A burst of ingestion therefore never turns every page into a
rebuild. One index per process; a thread that finds another one building
does not wait for it.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.conf import settings
from django.db import DatabaseError, connection

from timeline.models import (
    Country,
    Event,
    EventActor,
    EventCountry,
    Kind,
    Mention,
    Status,
)
from timeline.query import facet_counts
from timeline.query.filters import TimelineFilters, text_match, text_match_rowids

logger = logging.getLogger(__name__)

KINDS: tuple[str, ...] = tuple(Kind.values)
STATUSES: tuple[str, ...] = tuple(Status.values)
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}
_STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}
_REJECTED = _STATUS_CODE[Status.REJECTED]
_EPOCH = np.datetime64("1970-01-01", "D")
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

CHUNK_ROWS = 20_000  # rows fetched at a time while building
_NO_EVENTS = (
    np.zeros(0, np.int64),
    np.zeros(0, np.int32),
    np.zeros(0, np.int32),
    np.zeros(0, np.int8),
    np.zeros(0, np.int8),
)

# A rebuild may take at most this share of the process's time (1/10): after
# a rebuild that took t seconds, the next one waits REBUILD_DUTY * t.
REBUILD_DUTY = 10


def _days(values: list) -> np.ndarray:
    """ISO dates ("2025-02-24") as int32 days since 1970-01-01."""
    if not values:
        return np.zeros(0, dtype=np.int32)
    return (np.array(values, dtype="datetime64[D]") - _EPOCH).astype(np.int32)


def _day(d: date) -> int:
    return d.toordinal() - EPOCH_ORDINAL


@dataclass(frozen=True)
class Counts:
    """Facet counts over one filter set, each excluding its own facet's filter."""

    people: np.ndarray  # events per actor id (index = actor id)
    organisations: np.ndarray  # the same array as people when neither is chosen
    countries: np.ndarray  # events per country id
    kinds: dict[str, int]
    starts: np.ndarray  # start days (since 1970) of the matching events, in order


class FacetIndex:
    """The events and links of one data version, as arrays.

    Events are ordered by (start, id); link arrays hold event positions in
    that order, sorted by actor / country id so one value's events are a
    slice.
    """

    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        self._last_parts: tuple[TimelineFilters, dict[str, np.ndarray]] | None = None
        with connection.cursor() as cursor:
            # Dates as ISO text: numpy parses them in C, without the
            # driver's per-value conversion.
            chunks = []
            for rows in self._fetch(
                cursor,
                Event,
                "id",
                "start",
                "end",
                "kind",
                "status",
                text=("start", "end"),
            ):
                ids, starts, ends, kinds, statuses = zip(*rows, strict=True)
                chunks.append(
                    (
                        np.array(ids, dtype=np.int64),
                        _days(list(starts)),
                        _days(list(ends)),
                        np.array([_KIND_CODE.get(k, -1) for k in kinds], np.int8),
                        np.array([_STATUS_CODE.get(x, -1) for x in statuses], np.int8),
                    )
                )
            ids, start, end, kind, status = (
                np.concatenate(column)
                for column in zip(*chunks or [_NO_EVENTS], strict=True)
            )
            order = np.lexsort((ids, start))  # by (start, id)
            self.ids, self.start, self.end = ids[order], start[order], end[order]
            self.kind, self.status = kind[order], status[order]
            # Event id -> position (ids are dense: one int32 per id).
            top = int(self.ids.max()) + 1 if len(self.ids) else 1
            self.position = np.full(top, -1, dtype=np.int32)
            self.position[self.ids] = np.arange(len(self.ids), dtype=np.int32)
            self.actor_event, self.actor_key = self._links(
                cursor, EventActor, "actor_id"
            )
            self.country_event, self.country_key = self._links(
                cursor, EventCountry, "country_id"
            )
            # Mention id -> event position, for text matches on sentences.
            mention_ids, mention_events = self._pairs(cursor, Mention, "id", "event_id")
            top = int(mention_ids.max()) + 1 if len(mention_ids) else 1
            self.mention_event = np.full(top, -1, dtype=np.int32)
            self.mention_event[mention_ids] = self._positions(mention_events)
        self.country_ids = dict(Country.objects.values_list("code", "id"))

    @staticmethod
    def _fetch(
        cursor, model, *columns: str, text: tuple[str, ...] = ()
    ) -> Iterator[list[tuple]]:
        """All rows of a model's table, these columns (those in `text` cast to
        text), in chunks, so that building never holds every row as Python
        objects. Only column names from this module reach the SQL."""
        quote = connection.ops.quote_name
        names = ", ".join(
            f"CAST({quote(c)} AS TEXT)" if c in text else quote(c) for c in columns
        )
        sql = f"SELECT {names} FROM {quote(model._meta.db_table)}"  # noqa: S608
        cursor.execute(sql)
        while rows := cursor.fetchmany(CHUNK_ROWS):
            yield rows

    def _pairs(self, cursor, model, a: str, b: str) -> tuple[np.ndarray, np.ndarray]:
        chunks = [
            np.fromiter(
                itertools.chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows)
            )
            for rows in self._fetch(cursor, model, a, b)
        ]
        flat = np.concatenate(chunks or [np.zeros(0, np.int64)]).reshape(-1, 2)
        return flat[:, 0], flat[:, 1]

    def _positions(self, event_ids: np.ndarray) -> np.ndarray:
        """Positions of these event ids (-1 for an id the index lacks)."""
        positions = np.full(len(event_ids), -1, dtype=np.int32)
        known = event_ids < len(self.position)
        positions[known] = self.position[event_ids[known]]
        return positions

    def _links(self, cursor, model, key: str) -> tuple[np.ndarray, np.ndarray]:
        event_ids, keys = self._pairs(cursor, model, "event_id", key)
        positions = self._positions(event_ids)
        keep = positions >= 0
        positions, keys = positions[keep], keys[keep]
        order = np.argsort(keys, kind="stable")
        return positions[order], keys[order].astype(np.int32)

    @property
    def nbytes(self) -> int:
        arrays = (
            self.ids,
            self.start,
            self.end,
            self.kind,
            self.status,
            self.position,
            self.actor_event,
            self.actor_key,
            self.country_event,
            self.country_key,
            self.mention_event,
        )
        return sum(a.nbytes for a in arrays)

    # --- masks ---------------------------------------------------------

    def _linked(self, events: np.ndarray, keys: np.ndarray, wanted) -> np.ndarray:
        """Events linked to any of the wanted keys (an actor or country id)."""
        mask = np.zeros(len(self.ids), dtype=bool)
        for k in wanted:
            lo, hi = np.searchsorted(keys, [k, k + 1])
            mask[events[lo:hi]] = True
        return mask

    def _text(self, q: str) -> np.ndarray:
        mask = np.zeros(len(self.ids), dtype=bool)
        found = text_match_rowids(q)
        if found is None:  # no trigram index here: ask for the events
            event_ids = list(
                Event.objects.filter(text_match(q)).values_list("id", flat=True)
            )
            mention_ids: list[int] = []
        else:
            event_ids, mention_ids = found
        positions = self._positions(np.array(event_ids, dtype=np.int64))
        mask[positions[positions >= 0]] = True
        mentions = np.array(mention_ids, dtype=np.int64)
        mentions = mentions[mentions < len(self.mention_event)]
        positions = self.mention_event[mentions]
        mask[positions[positions >= 0]] = True
        return mask

    def parts(self, filters: TimelineFilters) -> dict[str, np.ndarray]:
        """One mask per filter, keyed like facets.SKIP_FIELD (the list and
        the counts of one request share them: the last answer is kept)."""
        key = filters.replace(order="newest")
        last = self._last_parts
        if last is not None and last[0] == key:
            return last[1]
        out = self._parts(filters)
        self._last_parts = (key, out)
        return out

    def _parts(self, filters: TimelineFilters) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        if filters.statuses:
            codes = [_STATUS_CODE[s] for s in filters.statuses]
            out["status"] = np.isin(self.status, codes)
        else:
            out["status"] = self.status != _REJECTED
        if filters.actors:
            out["actor"] = self._linked(
                self.actor_event, self.actor_key, filters.actors
            )
        if filters.organizations:
            out["org"] = self._linked(
                self.actor_event, self.actor_key, filters.organizations
            )
        if filters.countries:
            wanted = [
                self.country_ids[c] for c in filters.countries if c in self.country_ids
            ]
            out["country"] = self._linked(self.country_event, self.country_key, wanted)
        if filters.kinds:
            out["kind"] = np.isin(self.kind, [_KIND_CODE[k] for k in filters.kinds])
        dates = np.ones(len(self.ids), dtype=bool)
        if filters.start:
            dates &= self.end >= _day(filters.start)
        if filters.end:
            dates &= self.start <= _day(filters.end)
        if filters.start or filters.end:
            out["date"] = dates
        if filters.q:
            out["q"] = self._text(filters.q)
        return out

    @staticmethod
    def combine(parts: dict[str, np.ndarray], *, skip: str = "") -> np.ndarray:
        masks = [m for name, m in parts.items() if name != skip]
        result = masks[0].copy()
        for m in masks[1:]:
            result &= m
        return result

    def mask(self, filters: TimelineFilters, *, skip: str = "") -> np.ndarray:
        """Events matching the filters (as filters.apply(skip=...) selects)."""
        return self.combine(self.parts(filters), skip=skip)

    def page(
        self,
        filters: TimelineFilters,
        *,
        after: tuple[date, int] | None,
        limit: int,
    ) -> list[int]:
        """Ids of the first `limit` matching events in the list's order
        (filters.order), after the keyset `after` = (start, id) if given,
        as the page's "show more" and the API's cursor ask."""
        positions = np.flatnonzero(self.mask(filters))  # in (start, id) order
        if after is not None:
            day, pk = _day(after[0]), after[1]
            lo, hi = np.searchsorted(self.start, [day, day + 1])
            same_day = self.ids[lo:hi]  # sorted by id
            if filters.order == "oldest":
                cut = lo + int(np.searchsorted(same_day, pk, side="right"))
                positions = positions[np.searchsorted(positions, cut) :]
            else:
                cut = lo + int(np.searchsorted(same_day, pk, side="left"))
                positions = positions[: np.searchsorted(positions, cut)]
        if filters.order == "oldest":
            chosen = positions[:limit]
        else:
            chosen = positions[::-1][:limit]
        return self.ids[chosen].tolist()

    # --- counts --------------------------------------------------------

    @staticmethod
    def _count(events: np.ndarray, keys: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return np.bincount(keys[mask[events]], minlength=1)

    def counts(self, filters: TimelineFilters) -> Counts:
        parts = self.parts(filters)
        full = self.combine(parts)
        people = self._count(
            self.actor_event, self.actor_key, self.combine(parts, skip="actor")
        )
        if filters.actors or filters.organizations:
            organisations = self._count(
                self.actor_event, self.actor_key, self.combine(parts, skip="org")
            )
        else:
            organisations = people
        countries = self._count(
            self.country_event, self.country_key, self.combine(parts, skip="country")
        )
        per_kind = np.bincount(
            self.kind[self.combine(parts, skip="kind")].astype(np.intp) + 1,
            minlength=len(KINDS) + 1,
        )[1:]
        return Counts(
            people=people,
            organisations=organisations,
            countries=countries,
            kinds={k: int(n) for k, n in zip(KINDS, per_kind.tolist(), strict=True)},
            starts=self.start[full],  # already in date order
        )


class _Holder:
    """The process's index, and when it was last rebuilt."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: FacetIndex | None = None
        self.key: tuple = ()
        self.next_build = 0.0


_holder = _Holder()


def enabled() -> bool:
    return bool(getattr(settings, "NEWSLINE_FACET_INDEX", True))


def current(stamp: str) -> FacetIndex | None:
    """The index for this data stamp, built if it may be (see the module
    docstring); None when the caller should count in SQL instead."""
    if not enabled():
        return None
    key = (connection.alias, str(connection.settings_dict.get("NAME")), stamp)
    index = _holder.index
    if index is not None and _holder.key == key:
        return index
    if time.monotonic() < _holder.next_build:
        return None
    if not _holder.lock.acquire(blocking=False):
        return None  # another thread is building it
    try:
        if _holder.index is not None and _holder.key == key:
            return _holder.index
        began = time.monotonic()
        index = FacetIndex(stamp)
        took = time.monotonic() - began
        _holder.index, _holder.key = index, key
        _holder.next_build = time.monotonic() + REBUILD_DUTY * took
        return index
    finally:
        _holder.lock.release()


def warm() -> bool:
    """Build the index now (a server worker's start-up); False if the
    database cannot answer yet, which the first request will retry."""
    try:
        return current(facet_counts.data_stamp()) is not None
    except DatabaseError as exc:
        logger.warning("facet index not built at start-up: %s", exc)
        return False


def forget() -> None:
    """Drop the process's index (tests, and after restoring a backup)."""
    with _holder.lock:
        _holder.index, _holder.key, _holder.next_build = None, (), 0.0
