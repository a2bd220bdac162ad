"""Celery beat polls a feed and a worker ingests its articles: real Redis, a
real worker process (with embedded beat), a loopback news site, real
extraction."""

from __future__ import annotations

import sqlite3

import pytest

from tests.timeline.feeds.site import page, rss, wikinews
from tests.workers import manage, run_worker, worker_env
from timeline.extraction.pipeline import EXTRACTION_VERSION


@pytest.fixture
def server(httpserver):
    httpserver.no_handler_status_code = 404
    return httpserver


def test_beat_polls_a_feed_and_a_worker_ingests_its_articles(
    tmp_path,
    redis_url,
    server,
):
    stories = wikinews(2)
    items = []
    for s in stories:
        server.expect_request(s.path).respond_with_data(
            page(s), content_type="text/html; charset=utf-8"
        )
        items.append((s.slug, server.url_for(s.path), s))
    server.expect_request("/rss.xml").respond_with_data(
        rss(server.url_for("/").rstrip("/"), items), content_type="application/rss+xml"
    )
    db = tmp_path / "beat.sqlite3"
    env = worker_env(db, redis_url)
    env.update(
        NEWSLINE_FETCH_ALLOW_PRIVATE="true",  # the loopback server
        NEWSLINE_FETCH_HOST_DELAY="0",
        NEWSLINE_FEEDS_BEAT_SECONDS="1",
    )
    migrated = manage(env, "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    added = manage(env, "feeds", "add", server.url_for("/rss.xml"), "--every", "1h")
    assert added.returncode == 0, added.stderr

    def articles() -> list[tuple]:
        with sqlite3.connect(db) as conn:
            return conn.execute(
                "SELECT source_url, extraction_status, extraction_version "
                "FROM timeline_article ORDER BY source_url"
            ).fetchall()

    done, output = run_worker(
        env,
        articles,
        lambda rows: len(rows) == 2 and all(st == "done" for _, st, _ in rows),
        "--beat",
        "--schedule",
        str(tmp_path / "beat-schedule"),
    )
    assert done == sorted(
        (server.url_for(s.path), "done", EXTRACTION_VERSION) for s in stories
    ), output[-3000:]
    with sqlite3.connect(db) as conn:
        added, last_success, n_events = conn.execute(
            "SELECT articles_added, last_success,"
            " (SELECT COUNT(*) FROM timeline_event) FROM timeline_feed"
        ).fetchone()
        entries = conn.execute("SELECT state FROM timeline_feedentry").fetchall()
    assert added == 2 and last_success is not None
    assert entries == [("stored",), ("stored",)]
    assert n_events > 0
    for task in (
        "timeline.poll_due_feeds",
        "timeline.poll_feed",
        "timeline.extract_article",
    ):
        assert task in output
    # Polled once: the feed's next poll is an hour away, however often beat ran.
    assert len([r for r, _ in server.log if r.path == "/rss.xml"]) == 1
