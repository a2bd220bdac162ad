"""manage.py attach_leads: the lead events of articles already stored."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from timeline.ingestion.leads import attach_leads
from timeline.models import Article


class Command(BaseCommand):
    help = (
        "Store the events that the stored articles' undated leads state, dated "
        "by their publication (ingestion does this for every new article; run "
        "this once on a database ingested before it). Parses each article's "
        "opening only; one transaction per article; safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet", action="store_true", help="print nothing but errors"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        read, stored = attach_leads(articles=Article.objects.all())
        if not options["quiet"]:
            self.stdout.write(
                f"{stored} lead mentions in {read} articles "
                f"({time.perf_counter() - started:.1f} s)."
            )
