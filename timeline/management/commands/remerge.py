"""manage.py remerge: apply today's merge rule to the stored events."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from timeline.ingestion.remerge import absorb_first_names, absorb_surnames, remerge
from timeline.models import Event


class Command(BaseCommand):
    help = (
        "Merge stored extracted events that the current merge rule calls one "
        "event (after a change of the rule), without re-extracting: mentions "
        "move, source and facet counts follow; events an admin touched are "
        "left alone. People stored under a surname that an alias now ties to "
        "a full name, and people stored twice under first-name variants (Ken / "
        "Kenneth Feinberg), are merged into that person first. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        people = absorb_surnames()
        if people:
            self.stdout.write(
                f"Merged {people} people stored under a surname into the "
                "person it names."
            )
        variants = absorb_first_names()
        if variants:
            self.stdout.write(
                f"Merged {variants} people stored under a first-name variant "
                "(Ken / Kenneth) into the other."
            )
        before = Event.objects.count()
        merged = remerge()
        self.stdout.write(
            f"Merged {merged} of {before} events into others "
            f"({time.perf_counter() - started:.1f} s)."
        )
