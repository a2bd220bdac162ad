"""Key events, the database side: the date references stored at ingestion,
and the ranking model's input built from an Event queryset."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Min, QuerySet

from timeline.extraction.types import Timex
from timeline.keyevents.rank import (
    UNITS,
    EventInput,
    Evidence,
    KeyDate,
    RankedEvent,
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
    Status,
    Story,
)
from timeline.query import facet_counts
from timeline.query.filters import TimelineFilters

# Bounds of the key-events parameters (`dates=`, `per_date=`).
MAX_KEY_DATES = 500
MAX_PER_DATE = 50

# An event's key status is worked out against its stories' timelines; an
# event in no story against the whole collection, unless it holds more
# events than this (ranking them all is a batch job, not a page view).
KEY_STATUS_MAX_EVENTS = 20_000


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


def _lead_starts(articles: QuerySet[Article]) -> dict[int, int]:
    """For each of these articles, where its lead starts: the first of its
    sentences stating a visible event (any event, not only those ranked)."""
    return dict(
        Mention.objects.filter(article_id__in=articles.order_by().values("id"))
        .exclude(event__status=Status.REJECTED)
        .order_by()
        .values("article_id")
        .annotate(first=Min("sentence_start"))
        .values_list("article_id", "first")
    )


def model_input(
    events: QuerySet[Event],
    *,
    articles: QuerySet[Article] | None = None,
    start: date | None = None,
    end: date | None = None,
    sources_in_articles: bool = False,
) -> tuple[list[EventInput], Evidence]:
    """The ranking model's input for these (already filtered) events.

    `articles` is the collection the evidence comes from (default: the
    articles reporting the events); `sources_in_articles`: an event's
    sources are only its mentions in those articles (a story's articles:
    reports from outside the story do not count). References to days
    outside [start - 31 days, end] are not read.
    """
    rows = list(
        events.visible().values_list(
            "id", "start", "end", "precision", "kind", "modality", "title"
        )
    )
    # The related rows of the same events by subquery: no id list to build
    # (a Python IN list of thousands of ids cost more than the queries).
    chosen = events.visible().order_by().values("id")
    actors: dict[int, list[str]] = defaultdict(list)
    sources: dict[int, list[Source]] = defaultdict(list)
    reporting: set[int] = set()
    for event_id, actor_id in EventActor.objects.filter(
        event_id__in=chosen
    ).values_list("event_id", "actor_id"):
        actors[event_id].append(f"a{actor_id}")
    for event_id, country_id in EventCountry.objects.filter(
        event_id__in=chosen
    ).values_list("event_id", "country_id"):
        actors[event_id].append(f"c{country_id}")
    mentions = Mention.objects.filter(event_id__in=chosen)
    if sources_in_articles and articles is not None:
        mentions = mentions.filter(article_id__in=articles.values("id"))
    leads = _lead_starts(
        articles
        if articles is not None
        else Article.objects.filter(id__in=mentions.order_by().values("article_id"))
    )
    for event_id, article_id, published, sentence, origin, at in mentions.order_by(
        "id"
    ).values_list(
        "event_id",
        "article_id",
        "article__published",
        "sentence",
        "article__duplicate_of_id",
        "sentence_start",
    ):
        source = Source(
            article_id, published, sentence, origin, lead=leads.get(article_id) == at
        )
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
    sources_in_articles: bool = False,
) -> list[KeyDate]:
    """The key dates of a filtered event set (what /api/key-events/ answers)."""
    if request.start is not None:
        events = events.filter(start__gte=request.start)
    if request.end is not None:
        events = events.filter(start__lte=request.end)
    inputs, evidence = model_input(
        events,
        articles=articles,
        start=request.start,
        end=request.end,
        sources_in_articles=sources_in_articles,
    )
    return rank(inputs, evidence, request)


class InvalidKeyRequest(ValueError):
    """Key-events parameters that cannot be used; `details` names each."""

    def __init__(self, details: list[str]) -> None:
        super().__init__("; ".join(details))
        self.details = details


def key_request(params: Mapping, filters: TimelineFilters) -> Request:
    """The key-events request of a query string (`dates=`, `per_date=`,
    `unit=`) over the filters' date range. Raises InvalidKeyRequest."""
    problems: list[str] = []

    def number(name: str, top: int) -> int | None:
        raw = str(params.get(name) or "").strip()
        if not raw:
            return None
        if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= top:
            return int(raw)
        problems.append(f"{name}={raw!r}: use a whole number from 1 to {top}.")
        return None

    dates = number("dates", MAX_KEY_DATES)
    per_date = number("per_date", MAX_PER_DATE)
    unit = str(params.get("unit") or "day")
    if unit not in UNITS:
        problems.append(f"unit={unit!r}: use {', '.join(UNITS)}.")
        unit = "day"
    if problems:
        raise InvalidKeyRequest(problems)
    return Request(
        start=filters.start,
        end=filters.end,
        dates=dates,
        per_date=per_date,
        unit=unit,
    )


def filtered_key_events(filters: TimelineFilters, request: Request) -> list[KeyDate]:
    """The key dates of the timeline's filtered events (the page's key view,
    /api/key-events/ and the exports' view=key). The evidence is the
    filtered stories' articles (their reports of each event, the days they
    refer to), or every article without a story filter."""
    # One order whatever the page shows: the same input, the same result.
    events = Event.objects.for_timeline(filters.replace(order="newest"))
    if not filters.stories:
        return key_events(events, request, articles=Article.objects.all())
    members = Article.stories.through.objects.filter(story__slug__in=filters.stories)
    articles = Article.objects.filter(id__in=members.values("article_id"))
    # The story is the collection: its articles' reports and references only.
    return key_events(events, request, articles=articles, sources_in_articles=True)


def cached_key_events(filters: TimelineFilters, request: Request) -> list[KeyDate]:
    """filtered_key_events(), cached per (filters, request, data stamp) for
    as long as the timeline's summaries (NEWSLINE_FACET_CACHE_SECONDS)."""
    return facet_counts.cached_while_unchanged(
        "key-events",
        (sorted(filters.to_query()), request),
        lambda: filtered_key_events(filters, request),
    )


@dataclass(frozen=True)
class KeyStatus:
    """Why an event is, or is not, a key event of one story's timeline (the
    whole collection's when `story` is None), in the evidence's own terms."""

    story: Story | None
    articles: int  # independent articles of the story
    reports: int  # of them reporting the event
    day_references: int  # of them referring to the event's day
    key_date: KeyDate | None  # the key date the event is shown under
    ranked: RankedEvent | None  # the event among that date's key events
    ranked_here: bool = True  # False: too large a collection to rank here

    @property
    def is_key(self) -> bool:
        return self.ranked is not None

    def explain(self) -> str:
        day = (
            "the day is referred to by"
            f" {self.day_references} article{'s' if self.day_references != 1 else ''}"
        )
        return f"reported by {self.reports} of {self.articles} articles; {day}"


def key_status(event: Event) -> list[KeyStatus]:
    """The event's key status in each story its articles belong to (the
    whole collection if none), from the same ranking as the key view."""
    stories = list(
        Story.objects.filter(articles__mentions__event=event)
        .distinct()
        .order_by("name", "id")
    )
    return [_key_status(event, story) for story in (stories or [None])]


def _key_status(event: Event, story: Story | None) -> KeyStatus:
    if story is None:
        filters = TimelineFilters()
        articles = Article.objects.all()
        ranked_here = Event.objects.visible().count() <= KEY_STATUS_MAX_EVENTS
    else:
        filters = TimelineFilters(stories=(story.slug,))
        articles = Article.objects.filter(stories=story)
        ranked_here = True
    originals = articles.originals()
    reporting = Mention.objects.filter(
        event=event, article__in=articles.values("id")
    ).values_list("article_id", "article__duplicate_of_id")
    reports = len({origin or article for article, origin in reporting})
    day_references = (
        DateReference.objects.filter(
            article__in=originals.values("id"), day=event.start, precision="day"
        )
        .values("article_id")
        .distinct()
        .count()
    )
    key_date = ranked = None
    if ranked_here:
        for found in cached_key_events(filters, key_request({}, filters)):
            for candidate in found.events:
                if candidate.event_id == event.id:
                    key_date, ranked = found, candidate
    return KeyStatus(
        story=story,
        articles=originals.count(),
        reports=reports,
        day_references=day_references,
        key_date=key_date,
        ranked=ranked,
        ranked_here=ranked_here,
    )
