import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.timeline.factories import VOTE_1, FakePipeline, event
from tests.workers import manage, run_worker, worker_env
from timeline.extraction.pipeline import EXTRACTION_VERSION
from timeline.ingestion import store
from timeline.models import Article, Event, ExtractionStatus
from timeline.tasks import extract_article

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_it_extracts_a_stored_article_in_process_without_a_broker(monkeypatch):
    monkeypatch.setattr(store, "extract", FakePipeline({VOTE_1: [event(VOTE_1)]}))
    article = Article.objects.create(text=VOTE_1, published=date(2025, 2, 26))
    assert article.extraction_status == ExtractionStatus.PENDING

    result = extract_article.delay(article.pk).get()

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_version == EXTRACTION_VERSION
    assert result["events_created"] == 1
    assert Event.objects.get().mentions.get().article == article


@pytest.mark.django_db
def test_it_marks_the_article_failed_when_extraction_raises(monkeypatch):
    def broken(documents, **kwargs):
        raise ValueError("bad input")
        yield  # pragma: no cover

    monkeypatch.setattr(store, "extract", broken)
    article = Article.objects.create(text=VOTE_1, published=date(2025, 2, 26))

    result = extract_article.delay(article.pk).get()

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.FAILED
    assert article.extraction_error == "ValueError: bad input"
    assert result["error"] == "ValueError: bad input"


@pytest.mark.django_db
def test_it_does_nothing_for_a_deleted_article(monkeypatch):
    fake = FakePipeline()
    monkeypatch.setattr(store, "extract", fake)

    result = extract_article.delay(123456).get()

    assert result["error"] == "no such article"
    assert fake.calls == []


# --- a real Redis broker and a real Celery worker process ----------------------


def test_it_ingests_through_a_redis_queue_and_a_celery_worker(tmp_path, redis_url):
    db = tmp_path / "queue.sqlite3"
    env = worker_env(db, redis_url)
    migrated = manage(env, "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr

    samples = ROOT / "samples" / "wikinews-meantime.jsonl"
    rows = [json.loads(line) for line in samples.read_text("utf-8").splitlines()[:4]]
    rows.append(rows[0])  # a duplicate is skipped, not queued
    source = tmp_path / "four.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")

    queued = manage(env, "ingest", "--queue", str(source))
    assert queued.returncode == 0, queued.stderr
    assert "Articles stored: 4 (4 queued for extraction)" in queued.stdout
    assert "Skipped as duplicates: 1" in queued.stdout
    with sqlite3.connect(db) as conn:
        statuses = [
            r[0] for r in conn.execute("SELECT extraction_status FROM timeline_article")
        ]
    assert statuses == ["pending"] * 4  # nothing extracted until a worker runs

    def statuses_and_versions() -> list[tuple]:
        with sqlite3.connect(db) as conn:
            return conn.execute(
                "SELECT extraction_status, extraction_version FROM timeline_article"
            ).fetchall()

    done, output = run_worker(
        env,
        statuses_and_versions,
        lambda rows: all(status != "pending" for status, _ in rows),
    )
    assert done == [("done", EXTRACTION_VERSION)] * 4, output[-3000:]
    with sqlite3.connect(db) as conn:
        n_events, n_mentions = conn.execute(
            "SELECT (SELECT COUNT(*) FROM timeline_event),"
            " (SELECT COUNT(*) FROM timeline_mention)"
        ).fetchone()
        per_article = conn.execute(
            "SELECT COUNT(DISTINCT article_id) FROM timeline_mention"
        ).fetchone()[0]
    assert n_events > 0 and n_mentions >= n_events
    assert per_article >= 3
    assert "timeline.extract_article" in output
    assert "article_id=" in output  # the structured per-article log line


def test_tasks_have_time_limits():
    from django.conf import settings

    from newsline.celery import app

    assert app.conf.task_soft_time_limit == settings.CELERY_TASK_SOFT_TIME_LIMIT > 0
    assert app.conf.task_time_limit > app.conf.task_soft_time_limit


@pytest.mark.django_db
def test_a_task_past_its_soft_time_limit_fails_its_article(monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    def too_slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(store, "extract", too_slow)
    article = Article.objects.create(text=VOTE_1, published=date(2025, 2, 26))
    extract_article.delay(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.FAILED
    assert "SoftTimeLimitExceeded" in article.extraction_error
