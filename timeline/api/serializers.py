"""The one Event serializer: events as plain rows (EventRow), their JSON shape
(event_dict) and its schema (Event, the OpenAPI document's), for the API, the
exports and the embed.

An EventRow carries what they all read (the event's fields, its people,
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
from typing import Any, Literal

from django.db.models import QuerySet
from ninja import Field, Schema

from timeline.models import (
    ActorKind,
    EventActor,
    EventCountry,
    Kind,
    Mention,
    Modality,
    Precision,
    Status,
)


@dataclass(slots=True)
class SourceRow:
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
    sources: list[SourceRow] = field(default_factory=list)  # oldest article first
    stories: list[str] = field(default_factory=list)  # slugs; only if asked for

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label if self.kind in Kind.values else self.kind

    @property
    def actors(self) -> list[tuple[int, str]]:
        """People and organisations together, by name (as Event.actors)."""
        return sorted([*self.people, *self.organisations], key=lambda a: (a[1], a[0]))


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
    if max_sources == 0:  # e.g. the embed, which shows no sources
        return list(events.values())
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
            sources.append(SourceRow(*source))
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


# --- The JSON shape and its schema (OpenAPI: timeline/api/routes.py) ---------

KindName = Literal[tuple(Kind.values)]
StatusName = Literal[tuple(Status.values)]


class Named(Schema):
    id: int
    name: str


class CountryRef(Schema):
    code: str
    name: str


class Source(Schema):
    article_id: int
    title: str
    source_url: str
    publisher: str
    published: date | None
    evidence: str = Field(description="The sentence that reports the event.")
    expression: str = Field(description="The date expression in that sentence.")


class Event(Schema):
    id: int
    url: str = Field(json_schema_extra={"format": "uri"})
    start: date
    end: date
    precision: Literal[tuple(Precision.values)]
    value: str = Field(
        description="ISO-TimeML value, e.g. 2025-02-24, 2025-W08, 2025-02."
    )
    title: str
    kind: KindName
    status: StatusName
    modality: Literal[tuple(Modality.values)]
    actors: list[Named] = Field(description="People.")
    organisations: list[Named]
    countries: list[CountryRef]
    source_count: int
    sources: list[Source]
    stories: list[str] = Field(
        description="Slugs of the stories whose articles report it."
    )


def source_dict(source: SourceRow) -> dict[str, Any]:
    return {
        "article_id": source.article_id,
        "title": source.title,
        "source_url": source.source_url,
        "publisher": source.publisher,
        "published": source.published,
        "evidence": source.sentence,
        "expression": source.expression,
    }


def event_dict(event: EventRow, *, base_url: str = "") -> dict[str, Any]:
    """An event as the API shows it (the `Event` schema, field for field);
    base_url is the absolute /api/events/."""
    return {
        "id": event.id,
        "url": f"{base_url}{event.id}/",
        "start": event.start,
        "end": event.end,
        "precision": event.precision,
        "value": event.value,
        "title": event.title,
        "kind": event.kind,
        "status": event.status,
        "modality": event.modality,
        "actors": [{"id": i, "name": name} for i, name in event.people],
        "organisations": [{"id": i, "name": name} for i, name in event.organisations],
        "countries": [{"code": c, "name": name} for c, name in event.countries],
        "source_count": event.source_count,
        "sources": [source_dict(m) for m in event.sources],
        "stories": event.stories,
    }
