"""Backfill: the publication-dated lead events of articles stored before
extraction made them (timeline/extraction/leads.py).

Ingestion stores an article's lead events with its other events, in its
transaction (`store.apply_extraction`). A database ingested before that has
none: `attach_leads` parses each article's opening again
(`pipeline.extract_leads`, not the whole text) and stores its lead events
the way ingestion does (`apply_extraction(leads_only=True)`: the article's
lead mentions replaced, its other mentions, date references and extraction
version kept; admin-touched events protected as everywhere), one
transaction per article, oldest first (a lead joins the events of the days
before it, as at ingestion). A second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from timeline.extraction.pipeline import extract_leads
from timeline.extraction.types import Document, Extraction
from timeline.ingestion.lexicon import NameResolver, build_lexicon
from timeline.ingestion.store import apply_extraction
from timeline.models import Article


def attach_leads(
    *,
    articles: QuerySet[Article],
    batch_size: int = 16,
    model: str | None = None,
    on_article: Callable[[], None] = lambda: None,
) -> tuple[int, int]:
    """Store the lead events of `articles` (see the module's docstring);
    returns (articles read, lead mentions stored)."""
    lexicon = build_lexicon()
    resolver = NameResolver(preload=True)
    ids = list(articles.order_by("published", "id").values_list("id", flat=True))
    read = stored = 0
    for offset in range(0, len(ids), batch_size):
        chunk = {
            a.pk: a
            for a in Article.objects.filter(id__in=ids[offset : offset + batch_size])
        }
        docs = [
            Document(
                text=a.text,
                published=a.published,
                doc_id=str(a.pk),
                publisher=a.publisher,
            )
            for a in (chunk[i] for i in ids[offset : offset + batch_size] if i in chunk)
        ]
        for doc_id, events in extract_leads(
            docs, lexicon=lexicon, model=model, batch_size=batch_size
        ):
            try:
                result = apply_extraction(
                    article=chunk[int(doc_id)],
                    extraction=Extraction(doc_id=doc_id, timexes=(), events=events),
                    resolver=resolver,
                    leads_only=True,
                )
            except BaseException:
                resolver.rollback()
                raise
            resolver.commit()
            read += 1
            stored += result.events_created + result.mentions_merged
            on_article()
    return read, stored
