"""Ingest the bundled sample articles once, so a new install shows a timeline.

The seed article and the 120 Wikinews articles go through the real ingest
path (extraction, merging); articles already stored are skipped quickly.
"""

from __future__ import annotations

import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from timeline.ingestion.progress import summary_lines
from timeline.ingestion.sources import (
    ArticleInput,
    SourceError,
    SourceOptions,
    make_input,
    read_jsonl_file,
)
from timeline.ingestion.store import ingest
from timeline.management.commands.ingest import quiet_ingest_log
from timeline.models import Article, text_sha256

SEED = ("ukraine-2025-02-24.txt", date(2025, 2, 24), "Ukraine: three years of war")
WIKINEWS = "wikinews-meantime.jsonl"


def sample_inputs() -> list[ArticleInput | SourceError]:
    samples = settings.NEWSLINE_SAMPLES_DIR
    name, published, title = SEED
    items: list[ArticleInput | SourceError] = [
        make_input(
            text=(samples / name).read_text("utf-8"),
            published=published,
            title=title,
            origin=str(samples / name),
        )
    ]
    for item in read_jsonl_file(samples / WIKINEWS, SourceOptions()):
        if isinstance(item, ArticleInput) and not item.publisher:
            item = ArticleInput(**{**item.__dict__, "publisher": "Wikinews"})
        items.append(item)
    return items


class Command(BaseCommand):
    help = "Ingest the sample articles (skipped when they are already stored)."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        items = sample_inputs()
        hashes = {text_sha256(i.text) for i in items if isinstance(i, ArticleInput)}
        stored = Article.objects.filter(text_sha256__in=hashes).count()
        if stored == len(items):
            self.stdout.write(f"Sample articles: all {stored} already stored.")
            return
        self.stdout.write(
            f"Sample articles: ingesting {len(items) - stored} (first start only, "
            "about a minute)..."
        )
        self.stdout.flush()
        with quiet_ingest_log(options["verbosity"]):
            summary = ingest(items)
        for line in summary_lines(summary, seconds=time.monotonic() - started):
            self.stdout.write("Sample articles: " + line)
        if summary.failed:
            raise CommandError(f"{summary.failed} sample article(s) failed.")
