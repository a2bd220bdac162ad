"""Recompute the pre-aggregated timeline facet counts from the events."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from timeline.query.facet_counts import ready, rebuild


class Command(BaseCommand):
    help = (
        "Recompute the timeline's pre-aggregated facet counts (FacetCount) from "
        "the events. Run once after migrating a new database and after loading "
        "events without the ingestion/correction services (e.g. bench/synth.py)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="Only when the counts were never built (a new database).",
        )

    def handle(self, *args, **options) -> None:
        if options["if_needed"] and ready():
            self.stdout.write("Facet counts are built and kept current; nothing to do.")
            return
        started = time.perf_counter()
        with transaction.atomic():
            rows = rebuild()
        self.stdout.write(
            f"Rebuilt {rows} facet count rows in {time.perf_counter() - started:.1f} s."
        )
