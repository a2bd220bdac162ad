"""The timeline's list: the events matching a TimelineFilters, in order, one
page after a cursor (timeline.query.cursors), read from the database's indexes.

The page, the API and the embed page through these; the facets and the
density chart count the same set (timeline.query.facets).
"""

from __future__ import annotations

from django.db.models import QuerySet

from timeline.models import Event, EventActor, EventCountry
from timeline.query.cursors import Cursor
from timeline.query.filters import TimelineFilters, country_ids, text_match

# Below this many links, a filter on actors/countries drives the list from
# the link table's index (few rows to fetch and sort); above it, walking the
# events by date and checking EXISTS finds a page's worth sooner.
LINK_DRIVE_MAX = 3000


def timeline_events(filters: TimelineFilters) -> QuerySet:
    """The filtered, ordered events, planned for SQLite and PostgreSQL alike.

    The filters' EXISTS clauses are right but, for an actor or country with
    few events, make the database walk every event by date to find them.
    One index-only COUNT per chosen facet, capped, says which case we are in.
    """
    qs = Event.objects.for_timeline(filters.replace(q=""))
    if filters.q:
        qs = qs.filter(text_match(filters.q, scan_if_common=True))
    links = []
    if filters.actors:
        links.append(EventActor.objects.filter(actor_id__in=filters.actors))
    if filters.organizations:
        links.append(EventActor.objects.filter(actor_id__in=filters.organizations))
    if filters.countries:
        links.append(
            EventCountry.objects.filter(country_id__in=country_ids(filters.countries))
        )
    best = None
    for link in links:
        # Cut short past the bound: a frequent value's every link (145,000
        # index entries at 1M events, 20 ms) need not be counted to know.
        n = link.order_by().values("pk")[: LINK_DRIVE_MAX + 1].count()
        if n <= LINK_DRIVE_MAX and (best is None or n < best[0]):
            best = (n, link)
    if best is not None:
        qs = qs.filter(pk__in=best[1].values("event_id"))
    return qs


def page_events(filters: TimelineFilters, *, after: Cursor | None = None) -> QuerySet:
    """The matching events after the cursor `after` (timeline.query.cursors),
    in the list's order (filters.order); slice it for a page."""
    qs = timeline_events(filters)
    if after is not None:
        qs = after.rows_after(qs)
    return qs
