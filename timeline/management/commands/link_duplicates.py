"""manage.py link_duplicates: detect near-duplicate articles already stored."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from timeline.ingestion.store import link_duplicates
from timeline.models import Article


class Command(BaseCommand):
    help = (
        "Detect near-duplicate articles (syndicated copies, updated versions) "
        "among the stored articles and count each group once in the events' "
        "source counts. Ingestion does this for every new article; run this "
        "once on a database ingested before it. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet", action="store_true", help="print nothing but errors"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        copies = link_duplicates(articles=Article.objects.all())
        if not options["quiet"]:
            self.stdout.write(
                f"{copies} of {Article.objects.count()} articles are near-duplicates "
                f"of an earlier one ({time.perf_counter() - started:.1f} s)."
            )
