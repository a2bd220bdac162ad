"""Key events, the database side: the date references stored at ingestion,
and the ranking model's input built from an Event queryset."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import QuerySet

from timeline.extraction.types import Timex
from timeline.keyevents.rank import (
    EventInput,
    Evidence,
    KeyDate,
    Request,
    Source,
    rank,
)
from timeline.keyevents.references import referenced_days
from timeline.models import (
    Article,
    DateReference,
    Event,
    EventActor,
    EventCountry,
    Mention,
)


def replace_date_references(*, article: Article, timexes: Iterable[Timex]) -> int:
    """Store the days `article` refers to, replacing what an earlier
    extraction stored. Runs inside the article's ingestion transaction."""
    DateReference.objects.filter(article=article).delete()
    rows = [
        DateReference(article=article, day=day, precision=precision)
        for precision, day in sorted(referenced_days(timexes))
    ]
    DateReference.objects.bulk_create(rows)
    return len(rows)


def _chunks(ids: list[int], size: int = 900) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def model_input(
    events: QuerySet[Event],
    *,
    articles: QuerySet[Article] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> tuple[list[EventInput], Evidence]:
    """The ranking model's input for these (already filtered) events.

    `articles` is the collection the evidence comes from (default: the
    articles reporting the events); references to days outside
    [start - 31 days, end] are not read.
    """
    rows = list(
        events.visible().values_list(
            "id", "start", "end", "precision", "kind", "modality", "title"
        )
    )
    ids = [r[0] for r in rows]
    actors: dict[int, list[str]] = defaultdict(list)
    sources: dict[int, list[Source]] = defaultdict(list)
    reporting: set[int] = set()
    for chunk in _chunks(ids):
        for event_id, actor_id in EventActor.objects.filter(
            event_id__in=chunk
        ).values_list("event_id", "actor_id"):
            actors[event_id].append(f"a{actor_id}")
        for event_id, country_id in EventCountry.objects.filter(
            event_id__in=chunk
        ).values_list("event_id", "country_id"):
            actors[event_id].append(f"c{country_id}")
        for event_id, article_id, published, sentence, origin in (
            Mention.objects.filter(event_id__in=chunk)
            .order_by("id")
            .values_list(
                "event_id",
                "article_id",
                "article__published",
                "sentence",
                "article__duplicate_of_id",
            )
        ):
            source = Source(article_id, published, sentence, origin)
            sources[event_id].append(source)
            reporting.add(source.source_id)
    inputs = [
        EventInput(
            id=i,
            start=s,
            end=e,
            precision=p,
            kind=k,
            modality=m,
            title=t,
            actors=tuple(actors.get(i, ())),
            sources=tuple(sources.get(i, ())),
        )
        for i, s, e, p, k, m, t in rows
    ]
    if articles is None:
        articles = Article.objects.filter(
            id__in=Mention.objects.filter(
                event__in=events.visible().values("id")
            ).values("article_id")
        )
        n_articles = len(reporting)
    else:
        n_articles = articles.originals().count()
    # Subqueries: the collection may hold more articles than SQL parameters.
    # A near-duplicate's references are its original's: counted once.
    refs = DateReference.objects.filter(article__in=articles.originals().values("id"))
    if start is not None:
        refs = refs.filter(day__gte=start - timedelta(days=31))
    if end is not None:
        refs = refs.filter(day__lte=end)
    levels: dict[str, dict[date, list[date]]] = {
        p: defaultdict(list) for p in ("day", "week", "month")
    }
    for day, precision, published in refs.values_list(
        "day", "precision", "article__published"
    ):
        levels[precision][day].append(published)
    evidence = Evidence(
        n_articles=n_articles,
        references=dict(levels["day"]),
        week_references=dict(levels["week"]),
        month_references=dict(levels["month"]),
    )
    return inputs, evidence


def key_events(
    events: QuerySet[Event],
    request: Request,
    *,
    articles: QuerySet[Article] | None = None,
) -> list[KeyDate]:
    """The key dates of a filtered event set (what /api/key-events/ answers)."""
    if request.start is not None:
        events = events.filter(start__gte=request.start)
    if request.end is not None:
        events = events.filter(start__lte=request.end)
    inputs, evidence = model_input(
        events, articles=articles, start=request.start, end=request.end
    )
    return rank(inputs, evidence, request)
