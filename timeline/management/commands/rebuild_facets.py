"""Recompute the pre-aggregated timeline facet counts from the events."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from timeline.facet_counts import rebuild


class Command(BaseCommand):
    help = (
        "Recompute the timeline's pre-aggregated facet counts (FacetCount) from "
        "the events. Run once after migrating a new database and after loading "
        "events without the ingestion/correction services (e.g. bench/synth.py)."
    )

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        with transaction.atomic():
            rows = rebuild()
        self.stdout.write(
            f"Rebuilt {rows} facet count rows in {time.perf_counter() - started:.1f} s."
        )
