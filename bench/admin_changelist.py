"""Corrections admin over 100,000 events (SQLite): is it usable?

    .venv/bin/python bench/admin_changelist.py [--events 100000] [--db PATH]

Builds (once) a SQLite database of synthetic events with bench/synth.py, then
requests the admin pages staff use (event list plain, filtered, searched,
drilled down by date, deep pages; an event's change form; actor and country
lists; actor autocomplete) through the Django test client as a superuser.
Each is requested once to warm up, then 5 times; the median time and the
number of SQL queries are printed as a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchdb import ensure_events, setup  # noqa: E402


def measure(client, url: str, params: dict, repeat: int = 5) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            response = client.get(url, params)
            times.append(time.perf_counter() - t0)
    assert response.status_code == 200
    return (
        statistics.median(times) * 1000,
        len(queries.captured_queries),
        len(response.content),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(os.environ.get("TMPDIR", "/tmp")) / "newsline-bench-admin.sqlite3",
    )
    args = parser.parse_args()
    setup(args.db)
    ensure_events(args.events, seed=11)

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from timeline.models import Actor, Event, Mention

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    events = reverse("admin:timeline_event_changelist")
    busy = Mention.objects.values("event_id").order_by("-event_id").first()["event_id"]
    year = (
        Event.objects.order_by("start")
        .values_list("start", flat=True)[Event.objects.count() // 2]
        .year
    )
    word = Event.objects.values_list("title", flat=True).first().split()[0]
    actor = Actor.objects.order_by("id").first().name[:4]
    cases = [
        ("event list, page 1", events, {}),
        ("event list, page 1000 (offset 50,000)", events, {"p": "999"}),
        ("filter status=verified", events, {"status__exact": "verified"}),
        (
            "filter kind=meeting + date conflict",
            events,
            {"kind__exact": "meeting", "date_conflict__exact": "1"},
        ),
        (f"date hierarchy year={year}", events, {"start__year": str(year)}),
        (f"search {word!r} (title + evidence)", events, {"q": word}),
        (
            "event change form (mentions inline)",
            reverse("admin:timeline_event_change", args=[busy]),
            {},
        ),
        ("event history", reverse("admin:timeline_event_history", args=[busy]), {}),
        ("actor list (event counts)", reverse("admin:timeline_actor_changelist"), {}),
        (
            "country list (event counts)",
            reverse("admin:timeline_country_changelist"),
            {},
        ),
        (
            f"actor autocomplete {actor!r}",
            reverse("admin:autocomplete"),
            {
                "app_label": "timeline",
                "model_name": "event",
                "field_name": "actors",
                "term": actor,
            },
        ),
    ]
    n = Event.objects.count()
    print(f"\n{n:,} events, {Mention.objects.count():,} mentions, SQLite\n")
    print("| page | median ms | queries | KB |")
    print("|---|---:|---:|---:|")
    for label, url, params in cases:
        ms, queries, size = measure(client, url, params)
        print(f"| {label} | {ms:.0f} | {queries} | {size / 1024:.0f} |")


if __name__ == "__main__":
    main()
