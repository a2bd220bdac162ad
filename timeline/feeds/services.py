"""Following feeds: adding them, polling them, ingesting what they point at.

A poll fetches the feed conditionally (ETag / Last-Modified), takes the
entries it has not seen (by GUID in that feed, and by canonical URL in any
feed or article), fetches each entry's page and ingests it through
`timeline.ingestion.store.ingest` (atomic per article, deduplicated by text),
then records on each entry what became of it. A broken feed or page is
recorded and reported; the other feeds and entries go on.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from timeline.domain.services import add_to_story, story_named
from timeline.feeds.fetch import FEED_TYPES, Fetcher, FetchError, FetchPolicy
from timeline.feeds.models import MIN_INTERVAL, EntryState, Feed, FeedEntry
from timeline.feeds.pages import fetch_article
from timeline.feeds.parse import Entry, FeedError, parse
from timeline.feeds.urls import canonical_url
from timeline.ingestion.sources import (
    ArticleInput,
    InvalidArticle,
    SourceError,
    SourceOptions,
    check_url,
)
from timeline.ingestion.store import Summary, ingest
from timeline.models import Article, text_sha256

logger = logging.getLogger("newsline.feeds")

Tick = Callable[[], None]
MAX_ERROR_CHARS = 2000

_sleep = time.sleep  # the embedded loop's sleep (tests replace it)
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd])\s*$", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def _noop() -> None:
    return None


def _reason(exc: Exception, url: str) -> str:
    """The error without the URL it starts with (the origin names it)."""
    return str(exc).removeprefix(f"{url}: ")


class InvalidFeed(ValueError):
    """A feed's URL or settings are wrong; the message names the problem."""


def parse_interval(text: str) -> timedelta:
    """'30m', '2h', '1d', '90s' as a timedelta (at least one minute)."""
    m = _INTERVAL.match(text or "")
    if not m:
        raise InvalidFeed(
            f"interval {text!r} is not a number with a unit, e.g. 30m, 2h or 1d"
        )
    every = timedelta(**{_UNITS[m[2].lower()]: int(m[1])})
    if every < MIN_INTERVAL:
        raise InvalidFeed(f"interval {text!r} is shorter than one minute")
    return every


def add_feed(
    *, url: str, story: str = "", every: timedelta | None = None, title: str = ""
) -> Feed:
    """A new active feed; InvalidFeed for a bad URL or one already followed."""
    try:
        url = check_url(url)
    except InvalidArticle as exc:
        raise InvalidFeed(str(exc).replace("source URL", "feed URL")) from None
    if not url:
        raise InvalidFeed("the feed URL is empty")
    if story and not re.fullmatch(r"[-a-zA-Z0-9_]{1,100}", story):
        raise InvalidFeed(f"story {story!r} is not a slug (letters, digits, - and _)")
    existing = Feed.objects.filter(url=url).values_list("id", flat=True).first()
    if existing is not None:
        raise InvalidFeed(f"{url} is already followed (feed {existing})")
    try:
        with transaction.atomic():
            return Feed.objects.create(
                url=url,
                story=story,
                title=title,
                poll_interval=every or Feed._meta.get_field("poll_interval").default,
            )
    except IntegrityError:
        raise InvalidFeed(f"{url} is already followed") from None


# --- one poll --------------------------------------------------------------------


@dataclass
class PollResult:
    """What polling one feed did; `summary` has the article totals."""

    feed_id: int
    url: str
    not_modified: bool = False
    entries: int = 0
    new_entries: int = 0
    error: str = ""
    summary: Summary = field(default_factory=Summary)


def claim(*, feed: Feed, now: datetime | None = None) -> bool:
    """Mark the feed polled now and schedule its next poll; False if another
    process claimed it first (the compare-and-set on next_poll decides)."""
    now = now or timezone.now()
    claimed = Feed.objects.filter(pk=feed.pk, next_poll=feed.next_poll).update(
        last_polled=now, next_poll=feed.next_poll_after(now)
    )
    return bool(claimed)


def claim_due(*, now: datetime | None = None) -> list[int]:
    """The ids of the due feeds this process claimed (each claimed once)."""
    now = now or timezone.now()
    return [feed.pk for feed in Feed.objects.due(now) if claim(feed=feed, now=now)]


def _record_failure(feed_id: int, error: str) -> None:
    Feed.objects.filter(pk=feed_id).update(
        last_error=error[:MAX_ERROR_CHARS], last_error_at=timezone.now()
    )


@dataclass
class _Pending:
    entry: Entry
    canonical: str
    known: FeedEntry | None
    item: ArticleInput | None = None
    error: str = ""
    state: str = ""
    article_id: int | None = None


def stored_url(url: str) -> int | None:
    """The article stored under this canonical URL (by a feed or `ingest`)."""
    article = Article.objects.filter(source_url=url).values_list("id", flat=True)
    found = article.first()
    if found is not None:
        return found
    return (
        FeedEntry.objects.filter(url=url, article__isnull=False)
        .values_list("article_id", flat=True)
        .first()
    )


def poll_feed(
    *,
    feed: Feed,
    fetcher: Fetcher,
    queue: bool = False,
    on_article: Tick = _noop,
    batch_size: int = 16,
) -> PollResult:
    """Poll one feed (already claimed) and ingest its new entries."""
    result = PollResult(feed_id=feed.pk, url=feed.url)
    summary = result.summary
    try:
        fetched = fetcher.get(
            feed.url,
            accept=FEED_TYPES,
            etag=feed.etag,
            last_modified=feed.last_modified,
        )
        if fetched.not_modified:
            result.not_modified = True
            Feed.objects.filter(pk=feed.pk).update(last_success=timezone.now())
            return result
        parsed = parse(fetched.body, url=fetched.url, fetcher=fetcher)
    except (FetchError, FeedError) as exc:
        result.error = str(exc) if isinstance(exc, FetchError) else f"{feed.url}: {exc}"
        summary.failures.append(SourceError(f"feed {feed.pk}", result.error))
        _record_failure(feed.pk, result.error)
        logger.warning("feed_id=%s poll failed: %s", feed.pk, result.error)
        return result

    result.entries = len(parsed.entries)
    known = {
        e.guid: e
        for e in feed.entries.filter(guid__in=[x.guid for x in parsed.entries])
    }
    pending: list[_Pending] = []
    seen_guids: set[str] = set()
    for entry in parsed.entries:
        if entry.guid in seen_guids:
            continue
        seen_guids.add(entry.guid)
        canonical = canonical_url(entry.url)
        old = known.get(entry.guid)
        if old is not None:
            if old.url != canonical:  # the entry moved: same GUID, new URL
                FeedEntry.objects.filter(pk=old.pk).update(url=canonical)
            if FeedEntry.objects.settled().filter(pk=old.pk).exists():
                continue
        pending.append(_Pending(entry=entry, canonical=canonical, known=old))
    result.new_entries = len(pending)

    def items() -> Iterator[ArticleInput | SourceError]:
        for p in pending:
            already = stored_url(p.canonical)
            if already is not None:
                p.state, p.article_id = EntryState.DUPLICATE, already
                summary.read += 1
                summary.duplicates += 1
                on_article()
                continue
            try:
                p.item = fetch_article(
                    p.entry.url,
                    fetcher=fetcher,
                    fallback_date=p.entry.published,
                    hint=" and the feed entry has no date",
                )
            except (FetchError, InvalidArticle) as exc:
                p.state, p.error = EntryState.FAILED, _reason(exc, p.entry.url)
                yield SourceError(p.entry.url, p.error)
                continue
            except Exception as exc:  # noqa: BLE001 - one page fails only itself
                logger.exception("feed_id=%s entry %s failed", feed.pk, p.entry.url)
                p.state, p.error = EntryState.FAILED, f"{type(exc).__name__}: {exc}"
                yield SourceError(p.entry.url, p.error)
                continue
            sha = text_sha256(p.item.text)
            already = stored_url(p.item.source_url) if p.item.source_url else None
            if already is None:
                already = (
                    Article.objects.filter(text_sha256=sha)
                    .values_list("id", flat=True)
                    .first()
                )
            if already is not None:
                p.state, p.article_id = EntryState.DUPLICATE, already
                summary.read += 1
                summary.duplicates += 1
                on_article()
                continue
            p.state = EntryState.STORED
            yield p.item

    stored_before = summary.stored
    # Feed.story is the slug of the story its articles join.
    story = story_named(name=feed.story)[0] if feed.story else None
    ingest(
        items(),
        batch_size=batch_size,
        queue=queue,
        on_article=on_article,
        summary=summary,
        story=story,
    )
    failures = {f.origin: f.reason for f in summary.failures}
    for p in pending:
        if p.state == EntryState.STORED and p.item is not None:
            p.article_id = (
                Article.objects.filter(text_sha256=text_sha256(p.item.text))
                .values_list("id", flat=True)
                .first()
            )
            if p.article_id is None:
                p.state = EntryState.FAILED
                p.error = failures.get(p.item.origin, "not stored")
        _save_entry(feed, p)
    if story is not None:  # entries already stored (by URL) join it too
        add_to_story(
            story=story, article_ids=[p.article_id for p in pending if p.article_id]
        )

    added = summary.stored - stored_before
    failed = [p for p in pending if p.state == EntryState.FAILED]
    update: dict[str, object] = {
        "last_success": timezone.now(),
        "etag": fetched.etag[:500],
        "last_modified": fetched.last_modified[:100],
        "articles_added": F("articles_added") + added,
    }
    if parsed.title and not feed.title:
        update["title"] = parsed.title
    problems = [f"{p.entry.url}: {p.error}" for p in failed] + parsed.problems
    if problems:
        update["last_error"] = (
            f"{len(problems)} of {result.entries} entries failed; first: {problems[0]}"
        )[:MAX_ERROR_CHARS]
        update["last_error_at"] = timezone.now()
        result.error = str(update["last_error"])
    Feed.objects.filter(pk=feed.pk).update(**update)
    logger.info(
        "feed_id=%s entries=%d new=%d stored=%d duplicates=%d failed=%d",
        feed.pk,
        result.entries,
        result.new_entries,
        added,
        summary.duplicates,
        len(failed),
    )
    return result


def _poll_safely(
    *, feed: Feed, fetcher: Fetcher, queue: bool, on_article: Tick
) -> PollResult:
    """poll_feed, with an unexpected error recorded on the feed instead of
    stopping the feeds after it (stored articles stay stored)."""
    try:
        return poll_feed(feed=feed, fetcher=fetcher, queue=queue, on_article=on_article)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - recorded on the feed
        logger.exception("feed_id=%s poll failed", feed.pk)
        result = PollResult(feed_id=feed.pk, url=feed.url)
        result.error = f"{type(exc).__name__}: {exc}"
        result.summary.failures.append(SourceError(f"feed {feed.pk}", result.error))
        _record_failure(feed.pk, result.error)
        return result


def _save_entry(feed: Feed, p: _Pending) -> None:
    values = {
        "url": p.canonical[:2000],
        "title": p.entry.title,
        "published": p.entry.published,
        "state": p.state,
        "article_id": p.article_id,
        "error": p.error[:MAX_ERROR_CHARS],
    }
    if p.known is not None:
        FeedEntry.objects.filter(pk=p.known.pk).update(
            attempts=F("attempts") + 1, **values
        )
        return
    try:
        with transaction.atomic():
            FeedEntry.objects.create(feed=feed, guid=p.entry.guid, attempts=1, **values)
    except IntegrityError:  # another poll of the same feed recorded it first
        FeedEntry.objects.filter(feed=feed, guid=p.entry.guid).update(**values)


# --- runs ------------------------------------------------------------------------


def poll_feeds(
    *,
    feeds: Iterable[Feed],
    fetcher: Fetcher | None = None,
    queue: bool = False,
    on_article: Tick = _noop,
    summary: Summary | None = None,
) -> list[PollResult]:
    """Claim and poll each feed in turn; one feed's failure stops none of the
    others. Article totals accumulate in `summary`."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(FetchPolicy.from_settings())
    results = []
    try:
        for feed in feeds:
            claim(feed=feed)
            result = _poll_safely(
                feed=feed, fetcher=fetcher, queue=queue, on_article=on_article
            )
            results.append(result)
            if summary is not None:
                _merge(summary, result.summary)
    finally:
        if own:
            fetcher.close()
    return results


def poll_due(
    *,
    fetcher: Fetcher | None = None,
    queue: bool = False,
    on_article: Tick = _noop,
    summary: Summary | None = None,
) -> list[PollResult]:
    """Poll every active feed whose time has come."""
    ids = claim_due()
    own = fetcher is None
    fetcher = fetcher or Fetcher(FetchPolicy.from_settings())
    results = []
    try:
        for feed in Feed.objects.filter(pk__in=ids):
            result = _poll_safely(
                feed=feed, fetcher=fetcher, queue=queue, on_article=on_article
            )
            results.append(result)
            if summary is not None:
                _merge(summary, result.summary)
    finally:
        if own:
            fetcher.close()
    return results


def seconds_to_next_poll(*, now: datetime | None = None, cap: float = 60.0) -> float:
    """How long the embedded loop may sleep before a feed is due."""
    now = now or timezone.now()
    nxt = (
        Feed.objects.filter(active=True, next_poll__isnull=False)
        .order_by("next_poll")
        .values_list("next_poll", flat=True)
        .first()
    )
    if Feed.objects.due(now).exists():
        return 0.0
    if nxt is None:
        return cap
    return min(max((nxt - now).total_seconds(), 0.0), cap)


def follow(
    *,
    should_stop: Callable[[], bool],
    sleep: Callable[[float], None] | None = None,
    on_article: Tick = _noop,
    summary: Summary | None = None,
    on_poll: Callable[[PollResult], None] | None = None,
) -> None:
    """The embedded scheduler: poll due feeds, sleep until the next is due,
    until `should_stop()`. Extraction runs in-process (or is queued when a
    Celery broker is configured)."""
    from django.conf import settings

    queue = bool(settings.CELERY_BROKER_URL)
    sleep = sleep or _sleep
    while not should_stop():
        for result in poll_due(queue=queue, on_article=on_article, summary=summary):
            if on_poll is not None:
                on_poll(result)
        if should_stop():
            return
        sleep(max(seconds_to_next_poll(), 1.0))


def _merge(total: Summary, part: Summary) -> None:
    total.read += part.read
    total.stored += part.stored
    total.queued += part.queued
    total.duplicates += part.duplicates
    total.failures.extend(part.failures)
    total.events_created += part.events_created
    total.mentions_merged += part.mentions_merged
    total.conflicts += part.conflicts


# --- article URLs (manage.py ingest URL...) ---------------------------------------


def read_urls(
    urls: Iterable[str],
    *,
    fetcher: Fetcher,
    options: SourceOptions | None = None,
    summary: Summary,
    on_article: Tick = _noop,
) -> Iterator[ArticleInput | SourceError]:
    """Each URL's page as an article (for `ingest`); a URL already stored
    (same canonical URL) counts as a duplicate in `summary` without being
    fetched, a page that fails is a SourceError."""
    options = options or SourceOptions()
    for url in urls:
        url = url.strip()
        try:
            check_url(url)
        except InvalidArticle as exc:
            yield SourceError(url, str(exc).replace("source URL", "URL"))
            continue
        if stored_url(canonical_url(url)) is not None:
            summary.read += 1
            summary.duplicates += 1
            on_article()
            continue
        try:
            item = fetch_article(url, fetcher=fetcher, options=options)
        except (FetchError, InvalidArticle) as exc:
            yield SourceError(url, _reason(exc, url))
            continue
        if item.source_url and stored_url(item.source_url) is not None:
            summary.read += 1
            summary.duplicates += 1
            on_article()
            continue
        yield item


def fetch_url_article(
    *, url: str, published: date | None = None, title: str = "", publisher: str = ""
) -> ArticleInput:
    """One article page fetched for the admin's add form; InvalidArticle
    (fetch errors included) with a message for the form, also when the URL
    or the page's text is already stored."""
    with Fetcher(FetchPolicy.from_settings()) as fetcher:
        if (found := stored_url(canonical_url(url))) is not None:
            raise InvalidArticle(f"this URL is already stored (article {found})")
        try:
            item = fetch_article(
                url,
                fetcher=fetcher,
                options=SourceOptions(
                    published=published, title=title, publisher=publisher
                ),
                hint=": give the publication date",
            )
        except FetchError as exc:
            raise InvalidArticle(_reason(exc, url)) from None
    found = stored_url(item.source_url) if item.source_url else None
    if found is None:
        found = (
            Article.objects.filter(text_sha256=text_sha256(item.text))
            .values_list("id", flat=True)
            .first()
        )
    if found is not None:
        raise InvalidArticle(f"this article is already stored (article {found})")
    return item
