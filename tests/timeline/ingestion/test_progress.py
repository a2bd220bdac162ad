from io import StringIO

from timeline.ingestion.progress import Progress, estimate_total, summary_lines
from timeline.ingestion.sources import SourceError
from timeline.ingestion.store import Summary


def test_it_draws_done_rate_and_time_left_on_a_terminal(monkeypatch):
    clock = iter([100.0, 101.0, 102.0, 102.0])
    monkeypatch.setattr(
        "timeline.ingestion.progress.time.monotonic", lambda: next(clock)
    )
    out = StringIO()
    progress = Progress(out, total=4, enabled=True)

    progress.tick()  # 1 done after 1 s
    progress.tick()  # 2 done after 2 s
    progress.finish()

    last = out.getvalue().rstrip("\n").split("\r")[-1]
    assert "2/4 articles" in last
    assert "1.0/s" in last
    assert "ETA 0:02" in last
    assert out.getvalue().endswith("\n")


def test_it_stays_quiet_when_not_on_a_terminal():
    out = StringIO()
    progress = Progress(out, total=3, enabled=False)
    progress.tick()
    progress.finish()
    assert out.getvalue() == ""


def test_it_counts_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    (tmp_path / "c.md").write_text("ignored", encoding="utf-8")
    assert estimate_total([tmp_path]) == 3


def test_it_summarises_with_each_failure_and_its_reason():
    summary = Summary(
        read=3, stored=1, duplicates=1, events_created=4, mentions_merged=2
    )
    summary.failures.append(SourceError("a.jsonl:7", "not valid JSON"))
    lines = summary_lines(summary, seconds=1.5)
    assert lines[:6] == [
        "Articles read: 3",
        "Articles stored: 1",
        "Skipped as duplicates: 1",
        "Failed: 1",
        "Events created: 4",
        "Mentions merged into existing events: 2",
    ]
    assert lines[-1] == "  failed: a.jsonl:7: not valid JSON"
