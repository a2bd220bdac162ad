"""A benchmark's SQLite database of synthetic events, built once and reused."""

from __future__ import annotations

import os
import time
from pathlib import Path


def setup(db: Path) -> None:
    """Point Django at the benchmark database and migrate it."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def ensure_events(n: int, *, seed: int) -> None:
    """Top the database up to n synthetic events (bench.synth.generate)."""
    from bench.synth import generate
    from timeline.models import Event

    have = Event.objects.count()
    if have < n:
        t0 = time.perf_counter()
        generate(n - have, seed=seed)
        print(f"generated {n - have} events in {time.perf_counter() - t0:.1f} s")
