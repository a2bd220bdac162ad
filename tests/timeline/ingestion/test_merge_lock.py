"""Two workers storing reports of the same event at the same moment create
it once. PostgreSQL needs the merge lock (pg_advisory_xact_lock); SQLite
already lets one writer at a time in (IMMEDIATE transactions), and its
in-memory test database cannot be shared by threads, so these run on
PostgreSQL (`make test-postgres`, which CI runs)."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from django.db import connection, connections

from tests.timeline.factories import VOTE_1, VOTE_2, article_input, event, extraction
from timeline.ingestion.store import MERGE_LOCK_KEY, store_article
from timeline.models import Article, Event, Mention

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's merge lock"
    ),
]


def _store(text: str, sentence: str, day: date, errors: list) -> None:
    try:
        store_article(
            item=article_input(text, published=day + timedelta(days=2)),
            extraction=extraction(event(sentence, value=day.isoformat(), start=day)),
        )
    except Exception as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)
    finally:
        connection.close()  # this thread's own connection


def test_it_waits_for_the_merge_lock():
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MERGE_LOCK_KEY])
        errors: list = []
        worker = threading.Thread(
            target=_store, args=(VOTE_1, VOTE_1, date(2025, 2, 24), errors)
        )
        worker.start()
        worker.join(timeout=1.5)
        assert worker.is_alive()  # waiting for the lock
        assert not Article.objects.exists()
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [MERGE_LOCK_KEY])
        worker.join(timeout=60)
        assert not worker.is_alive() and not errors
        assert Article.objects.count() == 1
    finally:
        other.close()


@pytest.mark.parametrize("round_", range(3))
def test_it_creates_an_event_reported_twice_at_once_only_once(round_):
    day = date(2025, 2, 24) - timedelta(weeks=round_)
    texts = [f"{VOTE_1} Round {round_}.", f"{VOTE_2} Round {round_}."]
    errors: list = []
    barrier = threading.Barrier(2)

    def run(text: str, sentence: str) -> None:
        barrier.wait(timeout=30)
        _store(text, sentence, day, errors)

    workers = [
        threading.Thread(target=run, args=(text, sentence))
        for text, sentence in zip(texts, (VOTE_1, VOTE_2), strict=True)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert not errors
    assert Article.objects.count() == 2
    assert Event.objects.count() == 1
    assert Mention.objects.filter(event=Event.objects.get()).count() == 2
