import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import require_binary
from tests.timeline.ingestion.factories import VOTE_1, FakePipeline, event
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    binary = require_binary("redis-server", "/usr/bin/redis-server")
    port = _free_port()
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


def _env(db: Path, broker: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CELERY_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=f"sqlite:///{db}",
        CELERY_BROKER_URL=broker,
        PYTHONPATH=str(ROOT),
        NEWSLINE_LOG_LEVEL="INFO",
    )
    return env


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_it_ingests_through_a_redis_queue_and_a_celery_worker(tmp_path, redis_url):
    db = tmp_path / "queue.sqlite3"
    env = _env(db, redis_url)
    migrated = _manage(env, "migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr

    samples = ROOT / "samples" / "wikinews-meantime.jsonl"
    rows = [json.loads(line) for line in samples.read_text("utf-8").splitlines()[:4]]
    rows.append(rows[0])  # a duplicate is skipped, not queued
    source = tmp_path / "four.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")

    queued = _manage(env, "ingest", "--queue", str(source))
    assert queued.returncode == 0, queued.stderr
    assert "Articles stored: 4 (4 queued for extraction)" in queued.stdout
    assert "Skipped as duplicates: 1" in queued.stdout
    with sqlite3.connect(db) as conn:
        statuses = [
            r[0] for r in conn.execute("SELECT extraction_status FROM timeline_article")
        ]
    assert statuses == ["pending"] * 4  # nothing extracted until a worker runs

    celery = Path(sys.executable).with_name("celery")
    worker = subprocess.Popen(
        [
            str(celery),
            "-A",
            "newsline",
            "worker",
            "--pool=solo",
            "-c",
            "1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 240
        done = []
        while time.monotonic() < deadline and worker.poll() is None:
            with sqlite3.connect(db) as conn:
                done = conn.execute(
                    "SELECT extraction_status, extraction_version FROM timeline_article"
                ).fetchall()
            if all(status != "pending" for status, _ in done):
                break
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            output, _ = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
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
