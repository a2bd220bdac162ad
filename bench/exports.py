"""Exports and API pagination over 100,000 events (SQLite).

    .venv/bin/python bench/exports.py [--events 100000] [--db PATH]

Builds (once) a SQLite database of synthetic events with bench/synth.py, then
for the CSV, TimelineJS and iCalendar exports measures time to first byte,
total time and size (plain run), and peak Python memory (tracemalloc, a
second run, since tracing slows everything down). The same is measured for a
~10% slice, so memory that does not grow with the export shows as equal
peaks. Last, the API: first page vs a page deep in the timeline by cursor.
Results go to stdout as a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchdb import ensure_events, setup  # noqa: E402


def request(path: str, params: dict):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    req = RequestFactory().get(path, params)
    req.user = AnonymousUser()
    return req


def run_export(view, params: dict, *, trace: bool) -> dict:
    from django.db import reset_queries

    reset_queries()
    if trace:
        tracemalloc.start()
        tracemalloc.reset_peak()
    t0, c0 = time.perf_counter(), time.process_time()
    response = view(request("/export/", params))
    chunks = iter(response.streaming_content)
    size = len(next(chunks))
    ttfb = time.perf_counter() - t0
    for chunk in chunks:
        size += len(chunk)
    total = time.perf_counter() - t0
    cpu = time.process_time() - c0
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    response.close()
    return {"ttfb": ttfb, "total": total, "cpu": cpu, "bytes": size, "peak": peak}


def bench_exports(slice_params: dict) -> list[str]:
    from timeline.api import exports
    from timeline.models import Event
    from timeline.query.filters import TimelineFilters

    n_all = Event.objects.for_timeline(TimelineFilters()).count()
    n_slice = Event.objects.for_timeline(
        TimelineFilters.from_query(slice_params)
    ).count()
    rows = [
        "| export | events | time to first byte | total (wall) | CPU | size "
        "| peak Python memory |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, view in (
        ("CSV", exports.export_csv),
        ("TimelineJS JSON", exports.export_timelinejs),
        ("iCalendar", exports.export_ical),
    ):
        for params, n in (({}, n_all), (slice_params, n_slice)):
            timed = run_export(view, params, trace=False)
            traced = run_export(view, params, trace=True)
            rows.append(
                f"| {name} | {n:,} | {timed['ttfb'] * 1000:.0f} ms "
                f"| {timed['total']:.1f} s | {timed['cpu']:.1f} s "
                f"| {timed['bytes'] / 1e6:.1f} MB "
                f"| {traced['peak'] / 1e6:.1f} MB |"
            )
            print(rows[-1], flush=True)
    return rows


def bench_api() -> list[str]:
    from timeline.api import views as api
    from timeline.api.serializers import attach, event_values
    from timeline.models import Event
    from timeline.query.cursors import Cursor
    from timeline.query.filters import TimelineFilters

    qs = Event.objects.for_timeline(TimelineFilters())
    n = qs.count()
    deep = qs.values_list("start", "id")[n - 60]
    rows = [
        "| API request | median of 5 |",
        "|---|---:|",
    ]
    cases = [
        ("`/api/events/?limit=50` (first page)", {"limit": "50"}),
        (
            f"`/api/events/?limit=50&cursor=…` (after row {n - 60:,} of {n:,})",
            {"limit": "50", "cursor": Cursor("newest", *deep).encode()},
        ),
        (
            "`/api/events/?limit=50&country=UA&kind=attack`",
            {"limit": "50", "country": "UA", "kind": "attack"},
        ),
    ]
    for label, params in cases:
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            response = api.events(request("/api/events/", params))
            times.append(time.perf_counter() - t0)
            assert response.status_code == 200, response.content
        times.sort()
        rows.append(f"| {label} | {times[2] * 1000:.1f} ms |")
        print(rows[-1], flush=True)
    for label, view, path, params in (
        ("`/api/countries/` (event counts)", api.countries, "/api/countries/", {}),
        ("`/api/actors/?q=ana`", api.actors, "/api/actors/", {"q": "ana"}),
    ):
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            response = view(request(path, params))
            times.append(time.perf_counter() - t0)
            assert response.status_code == 200, response.content
        times.sort()
        rows.append(f"| {label} | {times[2] * 1000:.1f} ms |")
        print(rows[-1], flush=True)
    # For comparison: the same deep page by OFFSET.
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        attach(event_values(qs)[n - 60 : n - 10])
        times.append(time.perf_counter() - t0)
    times.sort()
    rows.append(
        f"| (OFFSET {n - 60:,} LIMIT 50, same rows, for comparison) | {times[2] * 1000:.1f} ms |"
    )
    print(rows[-1], flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(os.environ.get("TMPDIR", "/tmp"))
        / "newsline-bench-exports.sqlite3",
    )
    parser.add_argument("--api-only", action="store_true", help="skip the exports")
    args = parser.parse_args()
    setup(args.db)
    ensure_events(args.events, seed=7)
    if not args.api_only:
        print("\n".join(bench_exports({"start": "2023-01-01"})))
        print()
    print("\n".join(bench_api()))


if __name__ == "__main__":
    main()
