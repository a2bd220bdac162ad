"""Two ingests at once count a repeated line once per article and retract
all its copies (SQLite, and PostgreSQL when DATABASE_URL is postgres://)."""

from __future__ import annotations

import json

from tests.faults.conftest import ROOT
from timeline.extraction.hygiene import line_hash

STOCK = (
    "The Deepwater Horizon rig exploded on April 20, 2010, killing 11 workers "
    "and starting the leak."
)


def _write(path, rows) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_it_counts_and_retracts_a_repeated_line_with_two_ingests_at_once(
    databases, tmp_path
):
    sample = (ROOT / "samples" / "wikinews-meantime.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in sample.splitlines()[:6]]
    for row in rows:
        row["text"] = row["text"].rstrip() + "\n" + STOCK
        row["publisher"] = "Gulf Times"
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write(first, rows[0::2])
    _write(second, rows[1::2])
    db = databases.new()

    one = db.manage("ingest", "--batch-size", "1", str(first))
    two = db.manage("ingest", "--batch-size", "1", str(second))
    out1, err1 = one.communicate(timeout=600)
    out2, err2 = two.communicate(timeout=600)
    assert one.returncode == 0, out1 + err1
    assert two.returncode == 0, out2 + err2
    assert "Traceback" not in err1 + err2

    assert db.query("SELECT COUNT(*) FROM timeline_article") == [(6,)]
    key = line_hash(STOCK)
    assert db.query(
        "SELECT source_key, articles FROM timeline_boilerplateline "
        f"WHERE line_hash = '{key}'"  # noqa: S608 - a hex digest
    ) == [("p:gulf times", 6)]
    assert db.query(
        "SELECT COUNT(*) FROM timeline_boilerplatesighting s "
        "JOIN timeline_boilerplateline l ON l.id = s.line_id "
        f"WHERE l.line_hash = '{key}'"  # noqa: S608 - a hex digest
    ) == [(6,)]
    # No copy of the line is evidence for anything, whichever worker stored it.
    assert db.query(
        "SELECT COUNT(*) FROM timeline_mention "
        "WHERE sentence LIKE '%Deepwater Horizon rig exploded%'"
    ) == [(0,)]
    assert db.query(
        "SELECT COUNT(*) FROM timeline_event e WHERE NOT EXISTS "
        "(SELECT 1 FROM timeline_mention m WHERE m.event_id = e.id)"
    ) == [(0,)]
    # Source counts agree with the mentions left.
    assert db.query(
        "SELECT COUNT(*) FROM timeline_event e WHERE e.source_count <> "
        "(SELECT COUNT(DISTINCT m.article_id) FROM timeline_mention m "
        "WHERE m.event_id = e.id)"
    ) == [(0,)]
    # The articles' own news is there.
    assert db.query("SELECT COUNT(*) FROM timeline_mention")[0][0] > 0
