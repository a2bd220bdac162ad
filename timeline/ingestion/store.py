"""Storing articles and what extraction found in them.

One article and its extraction are written in one transaction: an error
halfway leaves nothing of that article, and running again carries on. An
article is identified by the SHA-256 of its normalised text, so the same
text is stored once, also when two processes race (the unique constraint
decides; the loser counts a duplicate).

Extracted events that report an event already on the timeline become
mentions of it (see `timeline.ingestion.merge`). Re-extraction replaces what
extraction made and keeps everything an admin touched: verified, rejected,
corrected and manual events, and the actors and aliases they curated.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from simple_history.utils import bulk_create_with_history

from timeline.domain.corrections import sync_link_copies
from timeline.domain.services import add_to_story, refresh_event_sources
from timeline.extraction.pipeline import EXTRACTION_VERSION, extract
from timeline.extraction.types import Document, ExtractedEvent, Extraction, Lexicon
from timeline.extraction.values import (
    MAX_DATE,
    MIN_DATE,
    in_supported_range,
    value_range,
)
from timeline.ingestion import boilerplate, duplicates, merge
from timeline.ingestion.lexicon import NameResolver, build_lexicon
from timeline.ingestion.sources import ArticleInput, SourceError, printable
from timeline.keyevents.data import replace_date_references
from timeline.models import (
    ActorKind,
    Article,
    Event,
    EventActor,
    EventCountry,
    ExtractionStatus,
    Kind,
    Mention,
    Modality,
    Precision,
    Story,
    text_sha256,
)
from timeline.query import facet_counts

logger = logging.getLogger("newsline.ingest")

MAX_ERROR_CHARS = 2000


class DuplicateArticle(Exception):
    """The article's text is already stored."""

    def __init__(self, article_id: int | None) -> None:
        super().__init__(f"already stored as article {article_id}")
        self.article_id = article_id


@dataclass
class StoreResult:
    """What storing one article's extraction did."""

    article_id: int | None = None
    duplicate: bool = False
    events_created: int = 0
    mentions_merged: int = 0
    conflicts: int = 0
    error: str = ""


@dataclass
class Summary:
    """Totals for one ingest or reextract run."""

    read: int = 0
    stored: int = 0
    queued: int = 0
    duplicates: int = 0
    failures: list[SourceError] = field(default_factory=list)
    events_created: int = 0
    mentions_merged: int = 0
    conflicts: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def add(self, result: StoreResult) -> None:
        self.events_created += result.events_created
        self.mentions_merged += result.mentions_merged
        self.conflicts += result.conflicts


# --- small services -----------------------------------------------------------


def set_event_date(
    *, event: Event, value: str, start: date, end: date, precision: str
) -> None:
    """Change an event's date, keeping the copies of `start` on its links in step.

    EventActor.start and EventCountry.start are copies of Event.start (for
    the by-actor and by-country indexes, LINK_COPIES); every date change of
    ingestion goes through here.
    """
    event.value, event.start, event.end, event.precision = value, start, end, precision
    event.save(update_fields=["value", "start", "end", "precision", "updated"])
    sync_link_copies(event_ids=[event.pk])


def create_article(
    *,
    item: ArticleInput,
    status: str = ExtractionStatus.PENDING,
    stories: Sequence[Story] = (),
) -> Article:
    """Store an article (extraction pending). Raises DuplicateArticle."""
    sha = text_sha256(item.text)
    try:
        with transaction.atomic():
            article = Article(
                text=item.text,
                published=item.published,
                title=item.title,
                source_url=item.source_url,
                publisher=item.publisher,
                external_id=item.external_id,
                extraction_status=status,
            )
            article.save()
            article.stories.add(*stories)
    except IntegrityError:
        existing = (
            Article.objects.filter(text_sha256=sha).values_list("id", flat=True).first()
        )
        if existing is None:
            raise
        raise DuplicateArticle(existing) from None
    return article


# --- storing one extraction ---------------------------------------------------


@dataclass(frozen=True)
class _Clean:
    """An extracted event checked against the model's constraints."""

    event: ExtractedEvent
    kind: str
    precision: str
    modality: str
    title: str
    person_ids: frozenset[int]
    org_ids: frozenset[int]
    country_ids: frozenset[int]
    title_tokens: frozenset[str]
    sentence_tokens: frozenset[str]
    common: frozenset[str]
    numbers: frozenset[str]

    @property
    def actor_ids(self) -> frozenset[int]:
        return self.person_ids | self.org_ids


def _clean(ee: ExtractedEvent, resolver: NameResolver) -> _Clean | None:
    start, end, precision = ee.start, ee.end, ee.precision
    if precision not in Precision.values:
        parsed = value_range(ee.value)
        if parsed is None:
            return None
        start, end, precision = parsed
    if not in_supported_range(start, end):
        return None
    ee = ee if (start, end) == (ee.start, ee.end) else _replace_dates(ee, start, end)
    persons = {resolver.actor_id(n, ActorKind.PERSON) for n in ee.actors}
    orgs = {resolver.actor_id(n, ActorKind.ORGANIZATION) for n in ee.organizations}
    countries = {resolver.country_id(c) for c in ee.countries}
    title = " ".join((ee.title or ee.sentence).split())[:300]
    return _Clean(
        event=ee,
        kind=ee.kind if ee.kind in Kind.values else Kind.OTHER,
        precision=precision,
        modality=ee.modality if ee.modality in Modality.values else Modality.DONE,
        title=title,
        person_ids=frozenset(persons - {None}),
        org_ids=frozenset(orgs - {None}),
        country_ids=frozenset(countries - {None}),
        title_tokens=merge.tokens(title),
        sentence_tokens=merge.tokens(ee.sentence),
        common=merge.common_words(ee.sentence),
        numbers=merge.numbers(ee.sentence, ee.expression),
    )


def _replace_dates(ee: ExtractedEvent, start: date, end: date) -> ExtractedEvent:
    return replace(ee, start=start, end=end)


@dataclass
class _Candidate:
    """An event a report could merge into: a stored one (`id` set; the row is
    loaded only if it is chosen) or one this article is about to create."""

    kind: str
    start: date
    end: date
    title: str
    id: int | None = None
    event: Event | None = None  # the pending event; a stored one once loaded
    actor_ids: set[int] = field(default_factory=set)
    country_ids: set[int] = field(default_factory=set)
    sentences: list[frozenset[str]] = field(default_factory=list)
    numbers: list[frozenset[str]] = field(default_factory=list)
    common: list[frozenset[str]] = field(default_factory=list)
    in_article: bool = False
    conflicts: set[int] = field(default_factory=set)

    @property
    def pending(self) -> bool:
        return self.id is None


_MAX_CANDIDATES = 200
_SENTENCES_PER_EVENT = 5


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _sql(sql: str, params: Sequence[object]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _shift(day: date, days: int) -> date:
    """day + days, kept inside the supported dates (the window of an event
    in year 1 or 9998 would otherwise leave the calendar)."""
    ordinal = day.toordinal() + days
    return date.fromordinal(
        min(max(ordinal, MIN_DATE.toordinal()), MAX_DATE.toordinal())
    )


def _candidates(c: _Clean, in_article: set[int]) -> list[_Candidate]:
    """Stored events of the same kind near the date sharing an actor or
    country; for a report naming neither, the events naming neither whose
    date is compatible.

    One query over the (kind, start) index, with the actor and country tests
    answered by the (actor, start, event) and (country, start, event)
    indexes over the same date window; never a scan of all events. Plain
    SQL: this runs once per extracted event, and building ORM queries cost
    more than running them.
    """
    actor_ids = [a for a in c.actor_ids if a > 0]  # new actors have no events
    country_ids = list(c.country_ids)
    nobody = not (c.actor_ids or c.country_ids)
    if not (actor_ids or country_ids or nobody):
        return []
    ee = c.event
    lo = _shift(ee.start, -merge.LOOKBACK_DAYS)
    hi = _shift(ee.end, merge.CONFLICT_DAYS)
    min_end = _shift(ee.start, -merge.CONFLICT_DAYS)
    qn = connection.ops.quote_name
    day = connection.ops.adapt_datefield_value
    event_t = qn(Event._meta.db_table)
    actor_t = qn(EventActor._meta.db_table)
    country_t = qn(EventCountry._meta.db_table)
    mention_t = qn(Mention._meta.db_table)
    shared, params = [], [c.kind, day(lo), day(hi), day(min_end)]
    for table, column, ids in (
        (actor_t, "actor_id", actor_ids),
        (country_t, "country_id", country_ids),
    ):
        if ids:
            marks = ", ".join(["%s"] * len(ids))
            shared.append(
                f"e.{qn('id')} IN (SELECT {qn('event_id')} FROM {table} "  # noqa: S608
                f"WHERE {qn(column)} IN ({marks}) AND {qn('start')} BETWEEN %s AND %s)"
            )
            params += [*ids, day(lo), day(hi)]
    if nobody:
        # A report naming no one: stored events naming no one either, dated
        # compatibly (merge.dates_compatible), found by the (kind, start) index.
        shared.append(
            f"(NOT EXISTS (SELECT 1 FROM {actor_t} x WHERE x.{qn('event_id')} = e.{qn('id')}) "  # noqa: S608
            f"AND NOT EXISTS (SELECT 1 FROM {country_t} y WHERE y.{qn('event_id')} = e.{qn('id')}) "
            f"AND ((e.{qn('start')} <= %s AND e.{qn('end')} >= %s) "
            f"OR (e.{qn('start')} >= %s AND e.{qn('end')} <= %s)))"
        )
        params += [day(ee.start), day(ee.end), day(ee.start), day(ee.end)]
    rows = _sql(
        f"SELECT e.{qn('id')}, e.{qn('start')}, e.{qn('end')}, e.{qn('title')} "  # noqa: S608
        f"FROM {event_t} e WHERE e.{qn('kind')} = %s "
        f"AND e.{qn('start')} BETWEEN %s AND %s AND e.{qn('end')} >= %s "
        f"AND ({' OR '.join(shared)}) "
        f"ORDER BY e.{qn('start')} DESC, e.{qn('id')} DESC LIMIT {_MAX_CANDIDATES}",
        params,
    )
    if not rows:
        return []
    found = {
        row[0]: _Candidate(
            id=row[0],
            kind=c.kind,
            start=_as_date(row[1]),
            end=_as_date(row[2]),
            title=row[3],
            in_article=row[0] in in_article,
        )
        for row in rows
    }
    ids = list(found)
    marks = ", ".join(["%s"] * len(ids))
    for event_id, which, other_id in _sql(
        f"SELECT {qn('event_id')}, 'a', {qn('actor_id')} FROM {actor_t} "  # noqa: S608
        f"WHERE {qn('event_id')} IN ({marks}) UNION ALL "
        f"SELECT {qn('event_id')}, 'c', {qn('country_id')} FROM {country_t} "
        f"WHERE {qn('event_id')} IN ({marks})",
        ids + ids,
    ):
        cand = found[event_id]
        (cand.actor_ids if which == "a" else cand.country_ids).add(other_id)
    for event_id, sentence, expression in _sql(
        f"SELECT {qn('event_id')}, {qn('sentence')}, {qn('expression')} "  # noqa: S608
        f"FROM {mention_t} "
        f"WHERE {qn('event_id')} IN ({marks})",
        ids,
    ):
        cand = found[event_id]
        if len(cand.sentences) < _SENTENCES_PER_EVENT:
            cand.sentences.append(merge.tokens(sentence))
            cand.common.append(merge.common_words(sentence))
            cand.numbers.append(merge.numbers(sentence, expression))
    return list(found.values())


def _match(
    c: _Clean, pending: list[_Candidate], in_article: set[int]
) -> tuple[_Candidate | None, set[int]]:
    """The event this report merges into, or the stored events whose date it
    contradicts (same kind, actors, countries and wording; close dates)."""
    ee = c.event
    best: tuple[float, _Candidate] | None = None
    conflicts: set[int] = set()
    for cand in _candidates(c, in_article) + pending:
        if cand.kind != c.kind:
            continue
        shared = (c.actor_ids & cand.actor_ids) or (c.country_ids & cand.country_ids)
        nobody = not (
            c.actor_ids or c.country_ids or cand.actor_ids or cand.country_ids
        )
        if not (shared or nobody):
            continue
        score = merge.similarity(
            c.title_tokens, c.sentence_tokens, merge.tokens(cand.title), cand.sentences
        )
        if merge.dates_compatible(ee.start, ee.end, cand.start, cand.end):
            same = merge.same_event(
                kind=c.kind,
                score=score,
                shared_actors=len(c.actor_ids & cand.actor_ids),
                named=bool(shared),
                common=c.common,
                other_common=cand.common,
                numbers=c.numbers,
                other_numbers=cand.numbers,
            )
            if same and (best is None or score > best[0]):
                best = (score, cand)
        elif (
            cand.id is not None
            and not cand.in_article
            and score >= merge.CONFLICT_SIMILARITY
            and c.actor_ids == cand.actor_ids
            and c.country_ids == cand.country_ids
            and merge.dates_close(ee.start, ee.end, cand.start, cand.end)
            and any(merge.numbers_agree(c.numbers, n) for n in cand.numbers)
        ):
            conflicts.add(cand.id)
    if best is not None:
        return best[1], set()
    return None, conflicts


def _remap(c: _Clean, real: dict[int, int]) -> _Clean:
    """The report with temporary actor ids replaced by stored ones."""
    if not real:
        return c
    return replace(
        c,
        person_ids=frozenset(real.get(a, a) for a in c.person_ids),
        org_ids=frozenset(real.get(a, a) for a in c.org_ids),
    )


def _may_change(event: Event, field_name: str) -> bool:
    """Extraction may update this field of a stored event (no admin owns it)."""
    return not event.is_admin_touched(field_name)


def _link_existing(event: Event, c: _Clean) -> None:
    """Add a report's actors and countries to a stored event (unless corrected)."""
    if c.actor_ids and _may_change(event, "actors"):
        have = set(
            EventActor.objects.filter(event=event).values_list("actor_id", flat=True)
        )
        EventActor.objects.bulk_create(
            EventActor(event=event, actor_id=a, **event.link_copies())
            for a in sorted(c.actor_ids - have)
        )
    if c.country_ids and _may_change(event, "countries"):
        have = set(
            EventCountry.objects.filter(event=event).values_list(
                "country_id", flat=True
            )
        )
        EventCountry.objects.bulk_create(
            EventCountry(event=event, country_id=k, **event.link_copies())
            for k in sorted(c.country_ids - have)
        )


def _finer_inside(event: Event, ee: ExtractedEvent) -> bool:
    return (ee.end - ee.start) < (event.end - event.start) and (
        event.start <= ee.start and ee.end <= event.end
    )


def _refine_existing(event: Event, c: _Clean) -> None:
    """A finer date inside a stored extracted event's coarser one replaces it."""
    if _may_change(event, "date") and _finer_inside(event, c.event):
        set_event_date(
            event=event,
            value=c.event.value[:40],
            start=c.event.start,
            end=c.event.end,
            precision=c.precision,
        )


def _new_event(c: _Clean, article: Article, conflicts: set[int]) -> _Candidate:
    ee = c.event
    event = Event(
        start=ee.start,
        end=ee.end,
        precision=c.precision,
        value=ee.value[:40],
        title=c.title,
        kind=c.kind,
        modality=c.modality,
        confidence=ee.confidence,
        date_conflict=bool(conflicts),
        # Reported by this article alone so far.
        source_count=1,
        first_reported=article.published,
    )
    return _Candidate(
        kind=event.kind,
        start=event.start,
        end=event.end,
        title=event.title,
        event=event,
        actor_ids=set(c.actor_ids),
        country_ids=set(c.country_ids),
        sentences=[c.sentence_tokens],
        common=[c.common],
        in_article=True,
        conflicts=conflicts,
    )


def _merge_pending(cand: _Candidate, c: _Clean) -> None:
    """A second report of an event this article creates: widen what it knows."""
    event = cand.event
    assert event is not None
    cand.actor_ids |= c.actor_ids
    cand.country_ids |= c.country_ids
    if len(cand.sentences) < _SENTENCES_PER_EVENT:
        cand.sentences.append(c.sentence_tokens)
        cand.common.append(c.common)
    if _finer_inside(event, c.event):
        event.start, event.end = c.event.start, c.event.end
        event.value, event.precision = c.event.value[:40], c.precision
        cand.start, cand.end = event.start, event.end
    event.confidence = max(event.confidence, c.event.confidence)


def _mention(event: Event, article: Article, c: _Clean) -> Mention:
    ee = c.event
    return Mention(
        event=event,
        article=article,
        sentence=ee.sentence,
        sentence_start=max(ee.sentence_start, 0),
        sentence_end=max(ee.sentence_end, ee.sentence_start, 0),
        expression=ee.expression[:300],
        expression_start=max(ee.expression_start, 0),
        expression_end=max(ee.expression_end, ee.expression_start, 0),
        anchor_date=ee.anchor,
        value=ee.value[:40],
        title=c.title,
        confidence=ee.confidence,
    )


def _clear_extraction(
    article: Article,
) -> tuple[dict[tuple[int, int], Event], set[int]]:
    """Remove what extraction made from this article, keeping admin work.

    Returns the admin-touched events that lost a mention here, keyed by the
    expression offsets the mention had (a new extraction of the same words
    re-attaches to them), and the ids of surviving events that lost one.
    """
    rows = list(
        Mention.objects.filter(article=article).values_list(
            "event_id", "expression_start", "expression_end"
        )
    )
    if not rows:
        return {}, set()
    event_ids = {r[0] for r in rows}
    events = {e.id: e for e in Event.objects.filter(id__in=event_ids)}
    reported_elsewhere = set(
        Mention.objects.filter(event_id__in=event_ids)
        .exclude(article=article)
        .values_list("event_id", flat=True)
    )
    protected: dict[tuple[int, int], Event] = {}
    for event_id, expr_start, expr_end in rows:
        event = events.get(event_id)
        if event is not None and event.is_admin_touched():
            protected.setdefault((expr_start, expr_end), event)
    keep = {i for i, e in events.items() if e.is_admin_touched()} | reported_elsewhere
    Mention.objects.filter(article=article).delete()
    Event.objects.filter(id__in=event_ids - keep).delete()
    return protected, event_ids & keep


# pg_advisory_xact_lock key of the "match, then insert" step ("nwsl").
MERGE_LOCK_KEY = 0x6E77_736C


def serialise_merging() -> None:
    """Writers take turns between looking for an event to merge into and
    inserting a new one, so two workers storing two reports of the same
    event at once cannot both create it. PostgreSQL: a lock held until the
    transaction ends (extraction, the slow part, runs before it). SQLite:
    already so, its transactions begin IMMEDIATE (one writer at a time)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [MERGE_LOCK_KEY])


def link_duplicates(*, articles: QuerySet[Article]) -> int:
    """Detect near-duplicates among stored articles (oldest first) and fix
    the source counts of their events: what ingestion does for each new
    article, re-run on a database ingested before it (`manage.py
    link_duplicates`). One transaction per article; idempotent. Returns
    the number of articles linked as copies."""
    for article_id in articles.order_by("id").values_list("id", flat=True):
        with transaction.atomic():
            serialise_merging()
            article = Article.objects.filter(pk=article_id).first()
            if article is None:
                continue
            before = article.duplicate_of_id
            moved = duplicates.link(article=article)
            if moved or before != article.duplicate_of_id:
                refresh_event_sources(
                    event_ids=Mention.objects.filter(
                        article_id__in=moved | {article.pk}
                    ).values_list("event_id", flat=True)
                )
    return articles.exclude(duplicate_of=None).count()


def _first_in_sentence(done: set[tuple], target: tuple, ee: ExtractedEvent) -> bool:
    """One mention per event and sentence: a second date expression of the
    same sentence that resolves to the same event ("on Tuesday at 18:00
    UTC") adds no second mention of it."""
    key = (target, ee.sentence_start)
    if key in done:
        return False
    done.add(key)
    return True


def apply_extraction(
    *,
    article: Article,
    extraction: Extraction,
    resolver: NameResolver | None = None,
    lock: bool = True,
) -> StoreResult:
    """Replace the article's extracted events with this extraction's, merging
    into events already on the timeline. One transaction.

    Reports are matched first (against stored events and the ones this
    article creates), then new events, their links and all mentions are
    written in bulk.
    """
    resolver = resolver or NameResolver()
    result = StoreResult(article_id=article.pk)
    limit = settings.NEWSLINE_MAX_EVENTS_PER_ARTICLE
    with transaction.atomic():
        serialise_merging()
        if lock:
            # Two workers re-extracting one article take turns (PostgreSQL;
            # SQLite writers are serialised anyway).
            list(Article.objects.select_for_update().filter(pk=article.pk).values("id"))
        # Facet counts: the months of every event this article reported.
        months = facet_counts.months_of(
            event_ids=Mention.objects.filter(article=article).values_list(
                "event_id", flat=True
            )
        )
        protected, touched = _clear_extraction(article)
        seen: set[tuple[int, int]] = set()
        in_sentence: set[tuple] = set()
        pending: list[_Candidate] = []
        reports: list[tuple[_Candidate | Event, _Clean]] = []
        events = list(extraction.events)
        if len(events) > limit:
            logger.warning(
                "article_id=%s events=%d capped_at=%d", article.pk, len(events), limit
            )
            events = events[:limit]
        events = boilerplate.screen(article=article, events=events, protected=protected)
        for ee in events:
            key = (ee.expression_start, ee.sentence_start)
            if key in seen:  # one mention per sentence and expression
                continue
            c = _clean(ee, resolver)
            if c is None:
                continue
            seen.add(key)
            stored = protected.get((ee.expression_start, ee.expression_end))
            if stored is None:
                cand, conflicts = _match(c, pending, touched)
                if cand is not None and cand.pending:
                    if not _first_in_sentence(in_sentence, ("new", id(cand)), ee):
                        continue
                    _merge_pending(cand, c)
                    result.mentions_merged += 1
                    reports.append((cand, c))
                    continue
                if cand is None:
                    cand = _new_event(c, article, conflicts)
                    _first_in_sentence(in_sentence, ("new", id(cand)), ee)
                    pending.append(cand)
                    result.events_created += 1
                    result.conflicts += bool(conflicts)
                    reports.append((cand, c))
                    continue
                stored = Event.objects.get(pk=cand.id)
            if not _first_in_sentence(in_sentence, ("stored", stored.pk), ee):
                continue
            touched.add(stored.pk)
            result.mentions_merged += 1
            reports.append((stored, c))

        # Actors first seen in this article, stored in one go; then the
        # surnames and spellings it tied to them, as aliases.
        real = resolver.create_new(
            context={a for p in pending for a in p.actor_ids if a > 0}
            | {a for _, c in reports for a in c.person_ids | c.org_ids if a > 0}
        )
        # An actor this worker resolved earlier may have been merged into
        # another since (an admin, or another worker's surname): its name
        # resolves to that one now.
        real |= resolver.replace_gone(
            [real.get(a, a) for p in pending for a in p.actor_ids]
            + [real.get(a, a) for _, c in reports for a in c.person_ids | c.org_ids]
        )
        resolver.learn(extraction.aliases)
        for cand in pending:
            cand.actor_ids = {real.get(a, a) for a in cand.actor_ids}
        months |= facet_counts.months_of(
            event_ids=[t.pk for t, _ in reports if isinstance(t, Event)]
        )
        for target, c in reports:
            if isinstance(target, Event):
                c = _remap(c, real)
                _refine_existing(target, c)
                _link_existing(target, c)
        if pending:
            created = bulk_create_with_history([p.event for p in pending], Event)
            for cand, event in zip(pending, created, strict=True):
                cand.event = event
        EventActor.objects.bulk_create(
            EventActor(event=p.event, actor_id=a, **p.event.link_copies())
            for p in pending
            for a in sorted(p.actor_ids)
        )
        EventCountry.objects.bulk_create(
            EventCountry(event=p.event, country_id=k, **p.event.link_copies())
            for p in pending
            for k in sorted(p.country_ids)
        )
        conflicting = set().union(*(p.conflicts for p in pending))
        if conflicting:
            Event.objects.filter(id__in=conflicting).update(date_conflict=True)
        Mention.objects.bulk_create(
            _mention(t.event if isinstance(t, _Candidate) else t, article, c)
            for t, c in reports
        )
        # A surname stored as a person of its own before this article tied it
        # to a full name: its events are that person's now.
        resolver.absorb()
        # A near-duplicate of an earlier article is not an independent source.
        moved = duplicates.link(article=article)
        if moved:
            touched |= set(
                Mention.objects.filter(article_id__in=moved).values_list(
                    "event_id", flat=True
                )
            )
        refresh_event_sources(event_ids=touched)
        # Every day the article refers to, for the key-events ranking.
        replace_date_references(article=article, timexes=extraction.timexes)
        facet_counts.refresh_for_events(
            event_ids=touched | {p.event.pk for p in pending}, before=months
        )
        Article.objects.filter(pk=article.pk).update(
            extraction_status=ExtractionStatus.DONE,
            extraction_version=EXTRACTION_VERSION,
            extraction_error="",
        )
    article.extraction_status = ExtractionStatus.DONE
    article.extraction_version = EXTRACTION_VERSION
    article.extraction_error = ""
    return result


def store_article(
    *,
    item: ArticleInput,
    extraction: Extraction,
    resolver: NameResolver | None = None,
    stories: Sequence[Story] = (),
) -> StoreResult:
    """Store a new article, its extraction and its stories atomically; a
    duplicate is reported, not stored (also when another process stored it
    meanwhile: the caller adds it to its stories)."""
    resolver = resolver or NameResolver()
    sha = text_sha256(item.text)
    try:
        with transaction.atomic():
            article = Article(
                text=item.text,
                published=item.published,
                title=item.title,
                source_url=item.source_url,
                publisher=item.publisher,
                external_id=item.external_id,
            )
            article.save()
            article.stories.add(*stories)
            result = apply_extraction(
                article=article, extraction=extraction, resolver=resolver, lock=False
            )
    except IntegrityError:
        resolver.rollback()
        existing = (
            Article.objects.filter(text_sha256=sha).values_list("id", flat=True).first()
        )
        if existing is None:
            raise
        return StoreResult(article_id=existing, duplicate=True)
    except BaseException:
        resolver.rollback()
        raise
    resolver.commit()
    return result


# --- extraction ----------------------------------------------------------------


def extract_each(
    docs: Sequence[Document],
    *,
    lexicon: Lexicon | None,
    batch_size: int,
    model: str | None = None,
) -> Iterator[tuple[Document, Extraction | None, str]]:
    """(document, extraction, error) for each document, in order.

    Batches go through nlp.pipe; if the batch fails, each document is tried
    alone so one bad document fails only itself.
    """
    done = 0
    try:
        for doc, extraction in zip(
            docs,
            extract(docs, lexicon=lexicon, model=model, batch_size=batch_size),
            strict=True,
        ):
            done += 1
            yield doc, extraction, ""
        return
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:  # noqa: BLE001 - retried one by one below
        logger.exception("batch extraction failed; retrying one by one")
    for doc in docs[done:]:
        try:
            (extraction,) = list(extract([doc], lexicon=lexicon, model=model))
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - reported per document
            yield doc, None, f"extraction failed: {type(exc).__name__}: {exc}"
            continue
        yield doc, extraction, ""


def _log(article_id: int | None, result: StoreResult, seconds: float) -> None:
    logger.info(
        "article_id=%s events_created=%d mentions_merged=%d conflicts=%d seconds=%.3f",
        article_id,
        result.events_created,
        result.mentions_merged,
        result.conflicts,
        seconds,
        extra={
            "article_id": article_id,
            "events_created": result.events_created,
            "mentions_merged": result.mentions_merged,
            "seconds": round(seconds, 3),
        },
    )


# --- whole runs ---------------------------------------------------------------

Tick = Callable[[], None]


NOT_UTF8 = "the text contains a lone surrogate: not encodable as UTF-8"


def _noop() -> None:
    return None


def ingest(
    items: Iterable[ArticleInput | SourceError],
    *,
    batch_size: int = 16,
    queue: bool = False,
    on_article: Tick = _noop,
    model: str | None = None,
    summary: Summary | None = None,
    story: Story | None = None,
) -> Summary:
    """Store articles and their events; `queue` stores them pending and
    enqueues one extraction task per article instead. With `story`, every
    article read joins it, also those already stored (idempotently).

    Totals go into `summary` as the run goes, so a caller still has them when
    the run is interrupted.
    """
    summary = summary if summary is not None else Summary()
    seen: set[str] = set()
    batch: list[tuple[ArticleInput, str]] = []
    lexicon: Lexicon | None = None
    resolver = NameResolver()
    stories = (story,) if story is not None else ()

    def join_story(shas: Iterable[str]) -> None:
        if story is not None:
            add_to_story(
                story=story,
                article_ids=Article.objects.filter(
                    text_sha256__in=list(shas)
                ).values_list("id", flat=True),
            )

    def flush() -> None:
        nonlocal lexicon, resolver
        if not batch:
            return
        stored = set(
            Article.objects.filter(
                text_sha256__in=[sha for _, sha in batch]
            ).values_list("text_sha256", flat=True)
        )
        join_story(stored)
        todo = []
        for item, sha in batch:
            if sha in stored:
                summary.duplicates += 1
                on_article()
            else:
                todo.append(item)
        batch.clear()
        if not todo:
            return
        if queue:
            _enqueue(todo, summary, on_article, stories)
            return
        if lexicon is None or resolver.changed:
            # Names the last batch stored apply to this one.
            lexicon = build_lexicon()
            resolver = NameResolver(preload=True)
        docs = [
            Document(
                text=i.text,
                published=i.published,
                doc_id=str(n),
                publisher=i.publisher,
            )
            for n, i in enumerate(todo)
        ]
        for doc, extraction, error in extract_each(
            docs, lexicon=lexicon, batch_size=batch_size, model=model
        ):
            item = todo[int(doc.doc_id)]
            started = time.perf_counter()
            if extraction is None:
                summary.failures.append(SourceError(item.origin, error))
                on_article()
                continue
            try:
                result = store_article(
                    item=item, extraction=extraction, resolver=resolver, stories=stories
                )
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as exc:  # noqa: BLE001 - reported, the rest goes on
                logger.exception("storing %s failed", printable(item.origin))
                summary.failures.append(
                    SourceError(item.origin, f"{type(exc).__name__}: {exc}")
                )
                on_article()
                continue
            if result.duplicate:
                summary.duplicates += 1
                if story is not None and result.article_id is not None:
                    add_to_story(story=story, article_ids=[result.article_id])
            else:
                summary.stored += 1
                summary.add(result)
                _log(result.article_id, result, time.perf_counter() - started)
            on_article()

    for item in items:
        summary.read += 1
        if isinstance(item, SourceError):
            summary.failures.append(item)
            on_article()
            continue
        try:
            sha = text_sha256(item.text)
        except UnicodeEncodeError:  # a lone surrogate, from a caller's own input
            summary.failures.append(SourceError(item.origin, NOT_UTF8))
            on_article()
            continue
        if sha in seen:
            summary.duplicates += 1
            on_article()
            continue
        seen.add(sha)
        batch.append((item, sha))
        if len(batch) >= batch_size:
            flush()
    flush()
    return summary


def _enqueue(
    items: list[ArticleInput],
    summary: Summary,
    on_article: Tick,
    stories: Sequence[Story] = (),
) -> None:
    for item in items:
        try:
            article = create_article(item=item, stories=stories)
        except DuplicateArticle as dup:
            summary.duplicates += 1
            for story in stories:
                if dup.article_id is not None:
                    add_to_story(story=story, article_ids=[dup.article_id])
            on_article()
            continue
        summary.stored += 1
        summary.queued += 1
        extract_article.delay(article.pk)
        on_article()


def mark_failed(*, article_id: int, error: str) -> None:
    Article.objects.filter(pk=article_id).update(
        extraction_status=ExtractionStatus.FAILED,
        extraction_error=error[:MAX_ERROR_CHARS],
    )


def process_article(
    *, article_id: int, lexicon: Lexicon | None = None, model: str | None = None
) -> StoreResult:
    """Extract one stored article and store its events: the Celery task's body,
    and what runs in-process when there is no broker."""
    started = time.perf_counter()
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        logger.warning("article_id=%s not found (deleted?)", article_id)
        return StoreResult(article_id=article_id, error="no such article")
    doc = Document(
        text=article.text,
        published=article.published,
        doc_id=str(article_id),
        publisher=article.publisher,
    )
    try:
        (extraction,) = list(
            extract([doc], lexicon=lexicon or build_lexicon(), model=model)
        )
        result = apply_extraction(article=article, extraction=extraction)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - recorded on the article
        error = f"{type(exc).__name__}: {exc}"
        logger.exception("article_id=%s extraction failed", article_id)
        mark_failed(article_id=article_id, error=error)
        return StoreResult(article_id=article_id, error=error)
    _log(article_id, result, time.perf_counter() - started)
    return result


def reextract(
    *,
    articles: QuerySet[Article],
    batch_size: int = 16,
    on_article: Tick = _noop,
    model: str | None = None,
) -> Summary:
    """Re-run extraction on stored articles, keeping everything an admin did."""
    summary = Summary()
    lexicon = build_lexicon()
    resolver = NameResolver(preload=True)
    ids = list(articles.order_by("id").values_list("id", flat=True))
    for offset in range(0, len(ids), batch_size):
        chunk = list(Article.objects.filter(id__in=ids[offset : offset + batch_size]))
        chunk.sort(key=lambda a: a.pk)
        by_id = {str(a.pk): a for a in chunk}
        docs = [
            Document(
                text=a.text,
                published=a.published,
                doc_id=str(a.pk),
                publisher=a.publisher,
            )
            for a in chunk
        ]
        for doc, extraction, error in extract_each(
            docs, lexicon=lexicon, batch_size=batch_size, model=model
        ):
            article = by_id[doc.doc_id]
            summary.read += 1
            started = time.perf_counter()
            if extraction is None:
                mark_failed(article_id=article.pk, error=error)
                summary.failures.append(SourceError(f"article {article.pk}", error))
                on_article()
                continue
            try:
                result = apply_extraction(
                    article=article, extraction=extraction, resolver=resolver
                )
            except (KeyboardInterrupt, SystemExit):
                resolver.rollback()
                raise
            except Exception as exc:  # noqa: BLE001 - recorded on the article
                resolver.rollback()
                error = f"{type(exc).__name__}: {exc}"
                logger.exception("article_id=%s re-extraction failed", article.pk)
                mark_failed(article_id=article.pk, error=error)
                summary.failures.append(SourceError(f"article {article.pk}", error))
                on_article()
                continue
            resolver.commit()
            summary.stored += 1
            summary.add(result)
            _log(article.pk, result, time.perf_counter() - started)
            on_article()
    return summary


@shared_task(name="timeline.extract_article", acks_late=True)
def extract_article(article_id: int) -> dict[str, object]:
    """Extract one stored article and store its events (same code either way)."""
    result = process_article(article_id=article_id)
    return {
        "article_id": result.article_id,
        "events_created": result.events_created,
        "mentions_merged": result.mentions_merged,
        "error": result.error,
    }
