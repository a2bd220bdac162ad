"""Celery tasks. With CELERY_BROKER_URL unset they run in-process (eagerly).

Each task has the time limits of CELERY_TASK_SOFT_TIME_LIMIT and
CELERY_TASK_TIME_LIMIT (settings, NEWSLINE_TASK_TIME_LIMIT): a task past the
soft limit records its article as failed.
"""

from __future__ import annotations

from collections.abc import Sequence

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

# The extraction task lives with the code it queues for (ingestion.store);
# imported here so Celery registers it with the app's other tasks.
from timeline.ingestion.store import extract_article, process_article


@shared_task(name="timeline.poll_due_feeds")
def poll_due_feeds() -> list[int]:
    """Celery beat's entry: claim the due feeds and queue one poll each."""
    from timeline.feeds.services import claim_due

    ids = claim_due()
    for feed_id in ids:
        poll_feed.delay(feed_id)
    return ids


@shared_task(name="timeline.poll_feed", acks_late=True)
def poll_feed(feed_id: int) -> dict[str, object]:
    """Poll one (claimed) feed; each new article is stored and queued for
    extraction as its own `timeline.extract_article` task."""
    from django.conf import settings

    from timeline.feeds.fetch import Fetcher, FetchPolicy
    from timeline.feeds.models import Feed
    from timeline.feeds.services import poll_feed as poll

    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return {"feed_id": feed_id, "error": "no such feed"}
    with Fetcher(FetchPolicy.from_settings()) as fetcher:
        result = poll(
            feed=feed, fetcher=fetcher, queue=bool(settings.CELERY_BROKER_URL)
        )
    return {
        "feed_id": feed_id,
        "new_entries": result.new_entries,
        "stored": result.summary.stored,
        "error": result.error,
    }


def extract_off_request(*, request: HttpRequest, article_ids: Sequence[int]) -> int:
    """Extract stored (pending) articles without holding the request.

    With a broker: one task each for the workers. Without one: in this
    process once the response is sent (the request's transaction has
    committed by then), at most
    NEWSLINE_MAX_INPROCESS_EXTRACTIONS of them; the rest stay pending for
    `manage.py reextract`. Returns how many will be extracted.
    """
    from newsline.middleware import run_after_response

    ids = list(article_ids)
    if settings.CELERY_BROKER_URL:
        # once committed, so the worker finds the articles
        transaction.on_commit(lambda: [extract_article.delay(i) for i in ids])
        return len(ids)
    ids = ids[: settings.NEWSLINE_MAX_INPROCESS_EXTRACTIONS]

    def work() -> None:
        for article_id in ids:
            process_article(article_id=article_id)

    if ids:
        run_after_response(request, work)
    return len(ids)
