"""Ingestion survives a killed worker and concurrent runs (SQLite, and
PostgreSQL when DATABASE_URL is postgres://)."""

from __future__ import annotations

import random
import signal
import time

from tests.faults.conftest import snapshot


def test_it_leaves_no_partial_article_when_killed_and_rerun_finishes(
    databases, articles, reference
):
    db = databases.new()
    proc = db.manage("ingest", "-v", "2", "--batch-size", "1", str(articles))
    stored_lines = 0
    deadline = time.monotonic() + 300
    # Kill (SIGKILL: no cleanup at all) while the 4th article is being stored.
    while stored_lines < 3 and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if "article_id=" in line and "logger=newsline.ingest" in line:
            stored_lines += 1
    assert stored_lines == 3, "ingest ended before the kill"
    time.sleep(random.Random(0).uniform(0.0, 0.05))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    after_kill = snapshot(db)
    assert 3 <= len(after_kill) < 12
    for sha, state in after_kill.items():
        # Each stored article is complete: done, with all its mentions.
        assert state == reference[sha]
    assert db.query(
        "SELECT COUNT(*) FROM timeline_event e WHERE NOT EXISTS "
        "(SELECT 1 FROM timeline_mention m WHERE m.event_id = e.id)"
    ) == [(0,)]

    rerun = db.run("ingest", str(articles))
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"Skipped as duplicates: {len(after_kill)}" in rerun.stdout
    assert snapshot(db) == reference


def test_it_stores_each_article_once_with_two_ingests_at_once(
    databases, articles, reference
):
    db = databases.new()
    first = db.manage("ingest", "--batch-size", "2", str(articles))
    second = db.manage("ingest", "--batch-size", "2", str(articles))
    out1, err1 = first.communicate(timeout=600)
    out2, err2 = second.communicate(timeout=600)
    assert first.returncode == 0, out1 + err1
    assert second.returncode == 0, out2 + err2
    assert "Traceback" not in err1 + err2
    snap = snapshot(db)
    assert snap == reference
    assert db.query(
        "SELECT COUNT(*) FROM (SELECT text_sha256 FROM timeline_article "
        "GROUP BY text_sha256 HAVING COUNT(*) > 1) d"
    ) == [(0,)]
    # No mention stored twice (one article may cite an event in two sentences).
    assert db.query(
        "SELECT COUNT(*) FROM (SELECT article_id, event_id, sentence_start "
        "FROM timeline_mention GROUP BY article_id, event_id, sentence_start "
        "HAVING COUNT(*) > 1) d"
    ) == [(0,)]

    def stored(out: str) -> int:
        line = next(x for x in out.splitlines() if x.startswith("Articles stored:"))
        return int(line.split(":")[1])

    assert stored(out1) + stored(out2) == 12
