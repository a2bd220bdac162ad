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
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from timeline.corrections import sync_link_starts
from timeline.extraction.pipeline import EXTRACTION_VERSION, extract
from timeline.extraction.types import Document, ExtractedEvent, Extraction, Lexicon
from timeline.extraction.values import value_range
from timeline.ingestion import merge
from timeline.ingestion.lexicon import NameResolver, build_lexicon
from timeline.ingestion.sources import ArticleInput, SourceError
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
    Status,
    text_sha256,
)
from timeline.services import refresh_event_sources

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


def is_admin_touched(event: Event) -> bool:
    """Verified, rejected, corrected or hand-made: extraction never removes it."""
    return (
        event.is_manual
        or event.status != Status.EXTRACTED
        or bool(event.corrected_fields)
    )


def set_event_date(
    *, event: Event, value: str, start: date, end: date, precision: str
) -> None:
    """Change an event's date, keeping the copies of `start` on its links in step.

    EventActor.start and EventCountry.start are copies of Event.start (for
    the by-actor and by-country indexes); every date change goes through here.
    """
    event.value, event.start, event.end, event.precision = value, start, end, precision
    event.save(update_fields=["value", "start", "end", "precision", "updated"])
    sync_link_starts(event_ids=[event.pk])


def create_article(
    *, item: ArticleInput, status: str = ExtractionStatus.PENDING
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
    if start > end:
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
    )


def _replace_dates(ee: ExtractedEvent, start: date, end: date) -> ExtractedEvent:
    from dataclasses import replace

    return replace(ee, start=start, end=end)


@dataclass
class _Candidate:
    event: Event
    actor_ids: set[int] = field(default_factory=set)
    country_ids: set[int] = field(default_factory=set)
    sentences: list[frozenset[str]] = field(default_factory=list)
    in_article: bool = False


_MAX_CANDIDATES = 200
_SENTENCES_PER_EVENT = 5


def _candidates(c: _Clean, article_id: int) -> list[_Candidate]:
    """Events of the same kind near the date sharing an actor or a country.

    Reads the (actor, start, event) and (country, start, event) indexes over a
    date window, never all events.
    """
    ee = c.event
    lo = ee.start - timedelta(days=merge.LOOKBACK_DAYS)
    hi = ee.end + timedelta(days=merge.CONFLICT_DAYS)
    ids: set[int] = set()
    if c.actor_ids:
        ids.update(
            EventActor.objects.filter(
                actor_id__in=c.actor_ids, start__range=(lo, hi)
            ).values_list("event_id", flat=True)[: _MAX_CANDIDATES * 4]
        )
    if c.country_ids:
        ids.update(
            EventCountry.objects.filter(
                country_id__in=c.country_ids, start__range=(lo, hi)
            ).values_list("event_id", flat=True)[: _MAX_CANDIDATES * 4]
        )
    if not ids:
        return []
    events = list(
        Event.objects.filter(
            id__in=ids,
            kind=c.kind,
            end__gte=ee.start - timedelta(days=merge.CONFLICT_DAYS),
        ).order_by("-start", "-id")[:_MAX_CANDIDATES]
    )
    if not events:
        return []
    found = {e.id: _Candidate(event=e) for e in events}
    for event_id, actor_id in EventActor.objects.filter(event_id__in=found).values_list(
        "event_id", "actor_id"
    ):
        found[event_id].actor_ids.add(actor_id)
    for event_id, country_id in EventCountry.objects.filter(
        event_id__in=found
    ).values_list("event_id", "country_id"):
        found[event_id].country_ids.add(country_id)
    for event_id, art_id, sentence in Mention.objects.filter(
        event_id__in=found
    ).values_list("event_id", "article_id", "sentence"):
        cand = found[event_id]
        if art_id == article_id:
            cand.in_article = True
        if len(cand.sentences) < _SENTENCES_PER_EVENT:
            cand.sentences.append(merge.tokens(sentence))
    return list(found.values())


def _match(c: _Clean, article_id: int) -> tuple[Event | None, list[int]]:
    """The event this report merges into, or the events its date conflicts with."""
    ee = c.event
    best: tuple[float, Event] | None = None
    conflicts: list[int] = []
    for cand in _candidates(c, article_id):
        e = cand.event
        shared = (c.actor_ids & cand.actor_ids) or (c.country_ids & cand.country_ids)
        if not shared:
            continue
        score = merge.similarity(
            c.title_tokens, c.sentence_tokens, merge.tokens(e.title), cand.sentences
        )
        if merge.dates_compatible(ee.start, ee.end, e.start, e.end):
            if score >= merge.MERGE_SIMILARITY and (best is None or score > best[0]):
                best = (score, e)
        elif (
            not cand.in_article
            and score >= merge.CONFLICT_SIMILARITY
            and c.actor_ids == cand.actor_ids
            and c.country_ids == cand.country_ids
            and merge.dates_close(ee.start, ee.end, e.start, e.end)
        ):
            conflicts.append(e.id)
    if best is not None:
        return best[1], []
    return None, conflicts


def _link(event: Event, c: _Clean, *, existing: bool) -> None:
    """Add the report's actors and countries to the event (unless corrected)."""
    actor_ids, country_ids = set(c.actor_ids), set(c.country_ids)
    if existing:
        if (
            event.is_manual
            or event.status != Status.EXTRACTED
            or event.is_corrected("actors")
        ):
            actor_ids = set()
        if (
            event.is_manual
            or event.status != Status.EXTRACTED
            or event.is_corrected("countries")
        ):
            country_ids = set()
        if actor_ids:
            actor_ids -= set(
                EventActor.objects.filter(event=event).values_list(
                    "actor_id", flat=True
                )
            )
        if country_ids:
            country_ids -= set(
                EventCountry.objects.filter(event=event).values_list(
                    "country_id", flat=True
                )
            )
    if actor_ids:
        EventActor.objects.bulk_create(
            EventActor(event=event, actor_id=a, start=event.start)
            for a in sorted(actor_ids)
        )
    if country_ids:
        EventCountry.objects.bulk_create(
            EventCountry(event=event, country_id=k, start=event.start)
            for k in sorted(country_ids)
        )


def _refine(event: Event, c: _Clean) -> None:
    """A finer date inside an extracted event's coarser one replaces it."""
    ee = c.event
    if (
        event.is_manual
        or event.status != Status.EXTRACTED
        or event.is_corrected("date")
    ):
        return
    finer = (ee.end - ee.start) < (event.end - event.start)
    if finer and event.start <= ee.start and ee.end <= event.end:
        set_event_date(
            event=event,
            value=ee.value[:40],
            start=ee.start,
            end=ee.end,
            precision=c.precision,
        )


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
        if event is not None and is_admin_touched(event):
            protected.setdefault((expr_start, expr_end), event)
    keep = {i for i, e in events.items() if is_admin_touched(e)} | reported_elsewhere
    Mention.objects.filter(article=article).delete()
    Event.objects.filter(id__in=event_ids - keep).delete()
    return protected, event_ids & keep


def apply_extraction(
    *,
    article: Article,
    extraction: Extraction,
    resolver: NameResolver | None = None,
) -> StoreResult:
    """Replace the article's extracted events with this extraction's, merging
    into events already on the timeline. One transaction."""
    resolver = resolver or NameResolver()
    result = StoreResult(article_id=article.pk)
    limit = settings.NEWSLINE_MAX_EVENTS_PER_ARTICLE
    with transaction.atomic():
        protected, touched = _clear_extraction(article)
        seen: set[tuple[int, int]] = set()
        mentions: list[Mention] = []
        events = list(extraction.events)
        if len(events) > limit:
            logger.warning(
                "article_id=%s events=%d capped_at=%d", article.pk, len(events), limit
            )
            events = events[:limit]
        for ee in events:
            key = (ee.expression_start, ee.sentence_start)
            if key in seen:  # one mention per sentence and expression
                continue
            c = _clean(ee, resolver)
            if c is None:
                continue
            seen.add(key)
            target = protected.get((ee.expression_start, ee.expression_end))
            conflicts: list[int] = []
            if target is None:
                target, conflicts = _match(c, article.pk)
            if target is not None:
                _refine(target, c)
                _link(target, c, existing=True)
                result.mentions_merged += 1
            else:
                target = Event.objects.create(
                    start=c.event.start,
                    end=c.event.end,
                    precision=c.precision,
                    value=c.event.value[:40],
                    title=c.title,
                    kind=c.kind,
                    modality=c.modality,
                    confidence=c.event.confidence,
                    date_conflict=bool(conflicts),
                )
                _link(target, c, existing=False)
                result.events_created += 1
                if conflicts:
                    Event.objects.filter(id__in=conflicts).update(date_conflict=True)
                    result.conflicts += 1
            touched.add(target.pk)
            # Saved now: later events of this article may merge into this one
            # and compare against its evidence sentence.
            mention = _mention(target, article, c)
            mention.save()
            mentions.append(mention)
        refresh_event_sources(event_ids=touched)
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
) -> StoreResult:
    """Store a new article and its extraction atomically; a duplicate is
    reported, not stored (also when another process stored it meanwhile)."""
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
            result = apply_extraction(
                article=article, extraction=extraction, resolver=resolver
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


def _noop() -> None:
    return None


def ingest(
    items: Iterable[ArticleInput | SourceError],
    *,
    batch_size: int = 16,
    queue: bool = False,
    on_article: Tick = _noop,
    model: str | None = None,
) -> Summary:
    """Store articles and their events; `queue` stores them pending and
    enqueues one extraction task per article instead."""
    summary = Summary()
    seen: set[str] = set()
    batch: list[tuple[ArticleInput, str]] = []
    lexicon: Lexicon | None = None
    resolver = NameResolver()

    def flush() -> None:
        nonlocal lexicon
        if not batch:
            return
        stored = set(
            Article.objects.filter(
                text_sha256__in=[sha for _, sha in batch]
            ).values_list("text_sha256", flat=True)
        )
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
            _enqueue(todo, summary, on_article)
            return
        if lexicon is None:
            lexicon = build_lexicon()
        docs = [
            Document(text=i.text, published=i.published, doc_id=str(n))
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
                    item=item, extraction=extraction, resolver=resolver
                )
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as exc:  # noqa: BLE001 - reported, the rest goes on
                logger.exception("storing %s failed", item.origin)
                summary.failures.append(
                    SourceError(item.origin, f"{type(exc).__name__}: {exc}")
                )
                on_article()
                continue
            if result.duplicate:
                summary.duplicates += 1
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
        sha = text_sha256(item.text)
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


def _enqueue(items: list[ArticleInput], summary: Summary, on_article: Tick) -> None:
    from timeline.tasks import extract_article

    for item in items:
        try:
            article = create_article(item=item)
        except DuplicateArticle:
            summary.duplicates += 1
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
        text=article.text, published=article.published, doc_id=str(article_id)
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
    resolver = NameResolver()
    ids = list(articles.order_by("id").values_list("id", flat=True))
    for offset in range(0, len(ids), batch_size):
        chunk = list(Article.objects.filter(id__in=ids[offset : offset + batch_size]))
        chunk.sort(key=lambda a: a.pk)
        by_id = {str(a.pk): a for a in chunk}
        docs = [
            Document(text=a.text, published=a.published, doc_id=str(a.pk))
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
