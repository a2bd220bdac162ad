"""Polling feeds from a local server: time, requests made, articles per second.

    .venv/bin/python bench/feeds.py [--feeds 20] [--entries 50]
                                    [--full-feeds 2] [--full-entries 10]

A threaded HTTP server on loopback serves `--feeds` RSS feeds of `--entries`
entries each; every entry is its own article page, made from the 120 Wikinews
sample articles (samples/wikinews-meantime.jsonl) with a line naming the desk
and entry, so each page is a distinct text. Single process, a fresh SQLite
file database (WAL), NEWSLINE_FETCH_HOST_DELAY=0 (a real host gets one
request a second by default, which then dominates: 50 entries >= 50 s).

Two figures, said which is which:

1. fetch + parse + store, extraction stubbed OUT (each article stored with
   an empty extraction): the cost of following feeds itself, on the full
   `--feeds` x `--entries` set; then a second poll of every feed (answered
   304 Not Modified);
2. the full path with the real spaCy extraction, on `--full-feeds` x
   `--full-entries` entries (extraction dominates; see "Ingestion").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsline.settings"
    os.environ["NEWSLINE_FETCH_ALLOW_PRIVATE"] = "true"  # the loopback server
    os.environ["NEWSLINE_FETCH_HOST_DELAY"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_site(server, *, prefix: str, feeds: int, entries: int) -> list[str]:
    """Serve `feeds` feeds of `entries` distinct pages; return the feed URLs."""
    from werkzeug.wrappers import Response

    from tests.timeline.feeds.site import Story, page, rss

    rows = [
        json.loads(line)
        for line in (ROOT / "samples" / "wikinews-meantime.jsonl")
        .read_text("utf-8")
        .splitlines()
    ]
    pages: dict[str, bytes] = {}
    feed_bodies: dict[str, bytes] = {}
    base = server.url_for("/").rstrip("/")
    urls = []
    n = 0
    for f in range(feeds):
        items = []
        for e in range(entries):
            row = rows[n % len(rows)]
            n += 1
            story = Story(
                slug=f"{prefix}-{f}-{e}",
                title=row["title"],
                text=row["text"] + f"\nFiled by desk {prefix} {f}, entry {e}.",
                published=row["published"],
            )
            pages[story.path] = page(story).encode()
            items.append((f"urn:{prefix}:{f}:{e}", base + story.path, story))
        path = f"/{prefix}/feed-{f}.xml"
        feed_bodies[path] = rss(base, items, title=f"Desk {f}").encode()
        urls.append(base + path)

    def handler(request):
        if request.path in pages:
            return Response(pages[request.path], content_type="text/html")
        if request.path in feed_bodies:
            etag = f'"{request.path}"'
            if request.headers.get("If-None-Match") == etag:
                return Response(status=304)
            return Response(
                feed_bodies[request.path],
                content_type="application/rss+xml",
                headers={"ETag": etag},
            )
        return Response("not found", status=404)

    from pytest_httpserver.httpserver import URIPattern

    class Prefix(URIPattern):
        def match(self, uri: str) -> bool:
            return uri.startswith((f"/{prefix}/", f"/news/{prefix}-"))

    server.expect_request(Prefix()).respond_with_handler(handler)
    return urls


def poll_all(urls: list[str]) -> tuple[dict, float, float, int]:
    from timeline.feeds.fetch import Fetcher, FetchPolicy
    from timeline.feeds.models import Feed
    from timeline.feeds.services import poll_feeds
    from timeline.ingestion.store import Summary

    feeds = [Feed.objects.get_or_create(url=u)[0] for u in urls]
    summary = Summary()
    wall, cpu = time.perf_counter(), time.process_time()
    with Fetcher(FetchPolicy.from_settings()) as fetcher:
        results = poll_feeds(feeds=feeds, fetcher=fetcher, summary=summary)
        requests = fetcher.requests
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    errors = [r.error for r in results if r.error]
    totals = {
        "stored": summary.stored,
        "duplicates": summary.duplicates,
        "failed": summary.failed,
        "events": summary.events_created,
        "not_modified": sum(r.not_modified for r in results),
        "errors": errors[:3],
    }
    return totals, wall, cpu, requests


def row(label: str, totals: dict, wall: float, cpu: float, requests: int) -> str:
    n = totals["stored"]
    return (
        f"| {label} | {requests} | {n} | {totals['duplicates']} | {totals['failed']} "
        f"| {wall:.1f} | {cpu:.1f} | {n / wall if n else 0:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--full-feeds", type=int, default=2)
    parser.add_argument("--full-entries", type=int, default=10)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="newsline-bench-")
    setup(Path(tmp.name) / "bench.sqlite3")

    import logging

    from pytest_httpserver import HTTPServer

    from timeline.extraction.types import Extraction
    from timeline.ingestion import store

    logging.getLogger("newsline.ingest").setLevel(logging.WARNING)
    logging.getLogger("newsline.feeds").setLevel(logging.WARNING)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)

    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.no_handler_status_code = 404  # robots.txt: none, everything allowed
    server.start()
    try:
        print(
            "| run | requests | stored | duplicates | failed | wall s | CPU s | articles/s |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        stubbed = build_site(server, prefix="s", feeds=args.feeds, entries=args.entries)
        real_extract = store.extract

        def no_extraction(documents, **kwargs):
            for doc in documents:
                yield Extraction(doc_id=doc.doc_id, timexes=(), events=())

        store.extract = no_extraction
        try:
            label = f"{args.feeds} x {args.entries}, extraction stubbed out, first poll"
            print(row(label, *poll_all(stubbed)), flush=True)
            label = f"{args.feeds} x {args.entries}, second poll (304)"
            print(row(label, *poll_all(stubbed)), flush=True)
        finally:
            store.extract = real_extract
        full = build_site(
            server, prefix="f", feeds=args.full_feeds, entries=args.full_entries
        )
        totals, wall, cpu, requests = poll_all(full)
        label = f"{args.full_feeds} x {args.full_entries}, full path (real extraction)"
        print(row(label, totals, wall, cpu, requests))
        print(f"events created on the full path: {totals['events']}")
    finally:
        server.clear()
        server.stop()


if __name__ == "__main__":
    main()
