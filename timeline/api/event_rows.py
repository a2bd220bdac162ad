"""Events as plain rows for the API and the exports.

An EventRow carries what both read (the event's fields, its people,
organisations, countries and sources), loaded for a batch of events with one
query per relation and no model instances. prefetch_related builds a model
instance and a related-manager queryset per row; that was most of the time
of a large export and of an API page (see docs/benchmarks.md, "Exports").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date, datetime

from django.db.models import QuerySet

from timeline.models import ActorKind, EventActor, EventCountry, Mention


@dataclass(slots=True)
class Source:
    article_id: int
    title: str
    source_url: str
    publisher: str
    published: date
    sentence: str
    expression: str


@dataclass(slots=True)
class EventRow:
    id: int
    start: date
    end: date
    precision: str
    value: str
    title: str
    kind: str
    status: str
    modality: str
    source_count: int
    updated: datetime | None
    people: list[tuple[int, str]] = field(default_factory=list)  # (id, name)
    organisations: list[tuple[int, str]] = field(default_factory=list)
    countries: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    sources: list[Source] = field(default_factory=list)  # oldest article first
    stories: list[str] = field(default_factory=list)  # slugs; only if asked for


EVENT_FIELDS = [f.name for f in dataclass_fields(EventRow)][:11]


def event_values(qs: QuerySet) -> QuerySet:
    """The queryset's events as tuples EventRow(*row) takes, in its order."""
    return qs.values_list(*EVENT_FIELDS)


def attach(
    rows: Iterable[tuple], *, max_sources: int | None = None, stories: bool = False
) -> list[EventRow]:
    """EventRows for a batch of event tuples, with their related rows (3
    queries; `stories`: a 4th, the slugs of the stories reporting each)."""
    events = {row[0]: EventRow(*row) for row in rows}
    if not events:
        return []
    ids = list(events)
    for event_id, actor_id, name, kind in (
        EventActor.objects.filter(event_id__in=ids)
        .order_by("actor__name", "actor_id")
        .values_list("event_id", "actor_id", "actor__name", "actor__kind")
    ):
        event = events[event_id]
        if kind == ActorKind.ORGANIZATION:
            event.organisations.append((actor_id, name))
        else:
            event.people.append((actor_id, name))
    for event_id, code, name in (
        EventCountry.objects.filter(event_id__in=ids)
        .order_by("country__name")
        .values_list("event_id", "country__code", "country__name")
    ):
        events[event_id].countries.append((code, name))
    for event_id, *source in (
        Mention.objects.filter(event_id__in=ids)
        .order_by("article__published", "id")
        .values_list(
            "event_id",
            "article_id",
            "article__title",
            "article__source_url",
            "article__publisher",
            "article__published",
            "sentence",
            "expression",
        )
    ):
        sources = events[event_id].sources
        if max_sources is None or len(sources) < max_sources:
            sources.append(Source(*source))
    if stories:
        for event_id, slug in (
            Mention.objects.filter(event_id__in=ids, article__stories__isnull=False)
            .order_by("article__stories__slug")
            .values_list("event_id", "article__stories__slug")
            .distinct()
        ):
            events[event_id].stories.append(slug)
    return list(events.values())


def chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def iter_rows(
    qs: QuerySet, *, chunk_size: int, max_sources: int | None = None
) -> Iterator[EventRow]:
    """Every event of the queryset, streamed: one cursor over the events
    (QuerySet.iterator), related rows fetched per chunk."""
    cursor = event_values(qs).iterator(chunk_size=chunk_size)
    for chunk in chunks(cursor, chunk_size):
        yield from attach(chunk, max_sources=max_sources)
