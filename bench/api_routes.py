"""What django-ninja's routing and parameter validation add to an API request.

    .venv/bin/python bench/api_routes.py [--events 1000] [--db PATH]

The same requests through the view alone (timeline/api/views.py, as
bench/exports.py measures it) and through its route (timeline/api/routes.py:
ninja checks every parameter against its schema, then calls the view), on a
small SQLite database of synthetic events (bench/synth.py), so the fixed
cost per request shows. Median of 7 runs of 300 requests each; Markdown for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchdb import ensure_events, setup  # noqa: E402

REQUESTS = [
    ("/api/events/", {"limit": "50"}),
    (
        "/api/events/",
        {"limit": "50", "country": "UA", "kind": "attack", "start": "2020-01-01"},
    ),
    ("/api/actors/", {"q": "ana", "limit": "50"}),
]


def per_request_us(call, path: str, params: dict, *, n: int = 300) -> float:
    runs = []
    for _ in range(7):
        t0 = time.perf_counter()
        for _ in range(n):
            response = call(path, params)
        runs.append((time.perf_counter() - t0) / n * 1e6)
        assert response.status_code == 200, response.content
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(tempfile.gettempdir()) / "newsline-bench-api-routes.sqlite3",
    )
    args = parser.parse_args()
    setup(args.db)
    ensure_events(args.events, seed=7)

    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.urls import resolve

    from timeline.api import views as api

    views = {"/api/events/": api.events, "/api/actors/": api.actors}
    factory = RequestFactory()

    def request(path: str, params: dict):
        req = factory.get(path, params)
        req.user = AnonymousUser()
        return req

    def view_alone(path: str, params: dict):
        return views[path](request(path, params))

    def routed(path: str, params: dict):
        return resolve(path).func(request(path, params))

    print(f"{args.events:,} events, {os.cpu_count()} CPUs")
    print("| request | view alone | through the ninja route | difference |")
    print("|---|---:|---:|---:|")
    for path, params in REQUESTS:
        view_alone(path, params), routed(path, params)  # warm up
        alone = per_request_us(view_alone, path, params)
        through = per_request_us(routed, path, params)
        query = "&".join(f"{k}={v}" for k, v in params.items())
        print(
            f"| `{path}?{query}` | {alone / 1000:.2f} ms | {through / 1000:.2f} ms "
            f"| {through - alone:+.0f} µs |"
        )


if __name__ == "__main__":
    main()
