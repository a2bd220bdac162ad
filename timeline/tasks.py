"""Celery tasks. With CELERY_BROKER_URL unset they run in-process (eagerly)."""

from __future__ import annotations

from celery import shared_task

from timeline.ingestion.store import process_article


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
