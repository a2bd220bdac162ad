import json
import logging
import os
import sqlite3
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.timeline.factories import VOTE_1, VOTE_2, FakePipeline, event
from timeline.extraction.pipeline import EXTRACTION_VERSION, extract
from timeline.extraction.types import Document, Lexicon
from timeline.ingestion import store
from timeline.models import Actor, ActorAlias, Article, Event, ExtractionStatus, Mention

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]

HTML = """<html><head><title>Vote</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-02-25">
</head><body><article><p>{text}</p><p>Diplomats said the vote followed weeks
of negotiation between the delegations in New York.</p></article></body></html>"""


@pytest.fixture
def pipeline(monkeypatch):
    fake = FakePipeline()
    monkeypatch.setattr(store, "extract", fake)
    return fake


def run(*args):
    out = StringIO()
    call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue()


def run_failing(*args):
    out = StringIO()
    with pytest.raises(CommandError) as info:
        call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue(), str(info.value)


def test_it_ingests_each_source_type_and_merges_the_same_vote(tmp_path, pipeline):
    txt = tmp_path / "vote.txt"
    txt.write_text(VOTE_1, encoding="utf-8")
    html = tmp_path / "vote.html"
    html.write_text(HTML.format(text=VOTE_2), encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    other = "Russia and Ukraine exchanged prisoners of war on Tuesday in Belarus."
    jsonl.write_text(
        json.dumps({"text": other, "published": "2025-02-26", "id": "x1"}) + "\n",
        encoding="utf-8",
    )
    html_text_start = 0  # trafilatura returns the paragraphs; VOTE_2 comes first
    pipeline.events = {VOTE_1: [event(VOTE_1)]}
    # The HTML text is what trafilatura extracted; register its events by
    # reading it back the way the command will.
    from timeline.ingestion.sources import SourceOptions, read_sources

    (html_item,) = read_sources([html], SourceOptions())
    pipeline.events[html_item.text] = [event(VOTE_2, at=html_text_start)]
    pipeline.events[other] = [
        event(
            other,
            expression="Tuesday",
            value="2025-02-25",
            start=date(2025, 2, 25),
            kind="agreement",
        )
    ]

    out = run(txt, html, jsonl, "--published", "2025-02-26")

    assert "Articles read: 3" in out
    assert "Articles stored: 3" in out
    assert "Skipped as duplicates: 0" in out
    assert "Failed: 0" in out
    assert "Events created: 2" in out
    assert "Mentions merged into existing events: 1" in out
    assert Article.objects.count() == 3
    page = Article.objects.get(publisher="Example News")
    assert page.published == date(2025, 2, 25)  # the page's own date wins
    assert Article.objects.get(external_id="x1").published == date(2025, 2, 26)
    vote = Event.objects.get(kind="vote")
    assert vote.source_count == 2
    assert vote.first_reported == date(2025, 2, 25)


def test_it_skips_duplicates_when_run_again(tmp_path, pipeline):
    path = tmp_path / "a.jsonl"
    rows = [
        {"text": VOTE_1, "published": "2025-02-24"},
        {"text": VOTE_1.replace(" ", "  "), "published": "2025-02-24"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    pipeline.events = {VOTE_1: [event(VOTE_1)]}

    first = run(path)
    second = run(path)

    assert "Articles stored: 1" in first and "Skipped as duplicates: 1" in first
    assert "Articles stored: 0" in second and "Skipped as duplicates: 2" in second
    assert Article.objects.count() == 1
    assert Mention.objects.count() == 1


def test_it_reports_bad_lines_and_files_stores_the_rest_and_exits_non_zero(
    tmp_path, pipeline
):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": VOTE_1, "published": "2025-02-24"})
        + "\n{oops\n"
        + json.dumps({"text": VOTE_2, "published": "2025-02-24"})
        + "\n",
        encoding="utf-8",
    )
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")

    out, error = run_failing(path, binary, "--published", "2025-02-24")

    assert "2 article(s) or file(s) failed" in error
    assert f"failed: {path}:2: not valid JSON" in out
    assert f"failed: {binary}: a binary file" in out
    assert "Articles stored: 2" in out
    assert Article.objects.count() == 2


def test_it_reports_an_extraction_failure_and_keeps_going(tmp_path, monkeypatch):
    def broken(documents, **kwargs):
        for doc in documents:
            if "boom" in doc.text:
                raise ValueError("pipeline exploded")
            yield from FakePipeline()([doc])

    monkeypatch.setattr(store, "extract", broken)
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"text": t, "published": "2025-02-24"})
            for t in ["First one.", "This goes boom.", "Third one."]
        ),
        encoding="utf-8",
    )

    out, _ = run_failing(path)

    assert f"failed: {path}:2: extraction failed: ValueError: pipeline exploded" in out
    assert sorted(Article.objects.values_list("text", flat=True)) == [
        "First one.",
        "Third one.",
    ]


def test_it_batches_through_the_pipeline_with_the_alias_lexicon(tmp_path, pipeline):
    actor = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    ActorAlias.objects.create(actor=actor, alias="Zelensky")
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"text": f"Article number {n}.", "published": "2025-02-24"})
            for n in range(5)
        ),
        encoding="utf-8",
    )

    run(path, "--batch-size", "2")

    assert [(n, size) for n, _, size in pipeline.calls] == [(2, 2), (2, 2), (1, 2)]
    lexicon = pipeline.calls[0][1]
    assert isinstance(lexicon, Lexicon)
    assert lexicon.people["zelensky"] == "Volodymyr Zelenskyy"


@pytest.mark.parametrize(
    "args,message",
    [
        (["a.txt", "b.txt", "--title", "T"], "--title apply to a single"),
        (["a.jsonl", "--publisher", "P"], "--publisher apply to a single"),
        (["a.txt", "--source-url", "javascript:alert(1)"], "not an http"),
        (["a.txt", "--published", "2025-02-30"], "--published: published"),
        (["a.txt", "--batch-size", "0"], "--batch-size"),
    ],
)
def test_it_refuses_bad_options(tmp_path, pipeline, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("ingest", *args, stdout=StringIO())
    assert Article.objects.count() == 0


def test_it_applies_title_url_and_publisher_to_a_single_file(tmp_path, pipeline):
    path = tmp_path / "story.txt"
    path.write_text(VOTE_1, encoding="utf-8")
    run(
        path,
        "--published=2025-02-24",
        "--title=The vote",
        "--source-url=https://example.org/vote",
        "--publisher=Example",
    )
    a = Article.objects.get()
    assert (a.title, a.source_url, a.publisher) == (
        "The vote",
        "https://example.org/vote",
        "Example",
    )


def test_it_queues_one_task_per_article(tmp_path, pipeline):
    # No broker configured: the queued task runs in-process, same code path.
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": VOTE_1, "published": "2025-02-26"})
        + "\n"
        + json.dumps({"text": VOTE_2, "published": "2025-02-25"})
        + "\n",
        encoding="utf-8",
    )
    pipeline.events = {VOTE_1: [event(VOTE_1)], VOTE_2: [event(VOTE_2)]}

    out = run(path, "--queue")

    assert "Articles stored: 2 (2 queued for extraction)" in out
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {
        ExtractionStatus.DONE
    }
    assert Event.objects.get().source_count == 2


def test_it_logs_each_article_at_verbosity_2(tmp_path, pipeline, caplog):
    path = tmp_path / "a.txt"
    path.write_text(VOTE_1, encoding="utf-8")
    pipeline.events = {VOTE_1: [event(VOTE_1)]}
    with caplog.at_level(logging.INFO, logger="newsline.ingest"):
        call_command(
            "ingest", str(path), "--published=2025-02-26", "-v", "2", stdout=StringIO()
        )
    (record,) = [r for r in caplog.records if r.name == "newsline.ingest"]
    assert record.article_id == Article.objects.get().pk
    assert record.events_created == 1
    assert record.seconds >= 0


@pytest.mark.slow
def test_it_ingests_real_text_through_the_real_pipeline(settings, tmp_path):
    seed = settings.NEWSLINE_SAMPLES_DIR / "ukraine-2025-02-24.txt"

    out = run(seed)

    assert "Articles stored: 1" in out
    article = Article.objects.get()
    assert article.published == date(2025, 2, 24)
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_version == EXTRACTION_VERSION
    (expected,) = extract([Document(text=article.text, published=article.published)])
    keys = {(e.expression_start, e.sentence_start) for e in expected.events}
    assert Mention.objects.filter(article=article).count() == len(keys)
    for m in Mention.objects.filter(article=article):
        assert article.text[m.expression_start : m.expression_end] == m.expression
    assert "Skipped as duplicates: 1" in run(seed)


def test_it_stores_each_article_once_when_two_processes_ingest_the_same_file(
    tmp_path,
):
    # Two real processes on one SQLite file: both read the file, both extract,
    # the unique text hash decides and the loser counts a duplicate.
    root = ROOT
    db = tmp_path / "race.sqlite3"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "DATABASE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=f"sqlite:///{db}",
        PYTHONPATH=str(root),
    )
    manage = [sys.executable, "manage.py"]
    migrated = subprocess.run(
        [*manage, "migrate", "--no-input", "-v", "0"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrated.returncode == 0, migrated.stderr
    samples = (root / "samples" / "wikinews-meantime.jsonl").read_text("utf-8")
    source = tmp_path / "six.jsonl"
    source.write_text("\n".join(samples.splitlines()[:6]) + "\n", "utf-8")

    runs = [
        subprocess.Popen(
            [*manage, "ingest", str(source), "--batch-size", "2"],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    stored = duplicates = 0
    for out, _ in outputs:
        for line in out.splitlines():
            if line.startswith("Articles stored: "):
                stored += int(line.split(": ")[1].split()[0])
            if line.startswith("Skipped as duplicates: "):
                duplicates += int(line.split(": ")[1])
    assert (stored, duplicates) == (6, 6)
    with sqlite3.connect(db) as conn:
        n_articles, n_hashes = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT text_sha256) FROM timeline_article"
        ).fetchone()
        orphans = conn.execute(
            "SELECT COUNT(*) FROM timeline_event e WHERE NOT EXISTS "
            "(SELECT 1 FROM timeline_mention m WHERE m.event_id = e.id)"
        ).fetchone()[0]
    assert (n_articles, n_hashes) == (6, 6)
    assert orphans == 0  # the loser's rolled-back events left nothing behind


def test_it_carries_on_after_ctrl_c(tmp_path, pipeline, monkeypatch):
    path = tmp_path / "a.jsonl"
    texts = [f"Article number {n} about a vote." for n in range(3)]
    path.write_text(
        "\n".join(json.dumps({"text": t, "published": "2025-02-24"}) for t in texts),
        encoding="utf-8",
    )
    pipeline.events = {t: [event(t, expression="vote")] for t in texts}
    real_store = store.store_article
    calls = []

    def interrupted(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_store(**kwargs)

    monkeypatch.setattr(store, "store_article", interrupted)
    out, error = run_failing(path)

    assert "Interrupted" in error and "run the same command again" in error
    assert "Articles stored: 1" in out
    assert list(Article.objects.values_list("text", flat=True)) == [texts[0]]
    assert Mention.objects.count() == 1

    monkeypatch.setattr(store, "store_article", real_store)
    again = run(path)
    assert "Articles stored: 2" in again and "Skipped as duplicates: 1" in again
    assert Article.objects.count() == 3


@pytest.mark.parametrize(
    "placeholder", ["9999-12-31", "31/12/9999", "0001-01-01", "1 January 0001"]
)
def test_it_ingests_articles_mentioning_placeholder_dates(tmp_path, placeholder):
    """Real text, real model: a placeholder date is no reason to fail the
    article; events outside years 1 to 9998 are simply not made."""
    text = (
        "Ukraine and Russia met in Riyadh on 24 February 2025, officials said. "
        f"The contract with Kyiv runs until {placeholder}, the ministry said. "
        f"Russia signed the records on {placeholder} in Moscow."
    )
    (tmp_path / "story-2025-02-26.txt").write_text(text, encoding="utf-8")
    run(tmp_path)
    article = Article.objects.get()
    assert article.extraction_status == ExtractionStatus.DONE, article.extraction_error
    assert Event.objects.filter(value="2025-02-24").exists()
    assert not Event.objects.filter(start__year__gte=9999).exists()


def test_it_keeps_every_good_line_and_file_beside_hostile_jsonl(tmp_path, pipeline):
    """Each line and each file is its own unit of failure (issue #16.2)."""
    good = {"published": "2025-02-24"}
    (tmp_path / "a.jsonl").write_text(
        json.dumps({**good, "text": "Line A: the talks went on in Riyadh."}) + "\n",
        encoding="utf-8",
    )
    lines = [
        '{"published": "2025-02-24", "text": "deep", "x": '
        + "[" * 100_000
        + "]" * 100_000
        + "}",
        '{"published": "2025-02-24", "text": "big", "n": ' + "9" * 5000 + "}",
        '{"published": "2025-02-24", "text": "lone \\ud800 surrogate"}',
        '{"published": "2025-02-24", "text": "ok", "title": "bad \\udfff title"}',
        json.dumps({**good, "text": "Line B: the vote was held in New York."}),
    ]
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "c-2025-02-24.txt").write_text(
        "File C: the summit was held in Geneva.", encoding="utf-8"
    )
    out, error = run_failing(tmp_path)
    assert sorted(Article.objects.values_list("text", flat=True)) == [
        "File C: the summit was held in Geneva.",
        "Line A: the talks went on in Riyadh.",
        "Line B: the vote was held in New York.",
    ]
    assert "4 article(s) or file(s) failed" in error
    assert "b.jsonl:1: not valid JSON: nested too deeply" in out
    assert "b.jsonl:2: not valid JSON: an integer of more than" in out
    assert "b.jsonl:3: text contains a lone surrogate" in out
    assert "b.jsonl:4: title contains a lone surrogate" in out


# --- what the command line is given (#16.11) --------------------------------


@pytest.fixture
def deadline():
    """Fail instead of hanging: a blocked open() or read is interrupted."""
    import signal

    def expired(*_):
        pytest.fail("ingest hung")  # not an OSError: no reader swallows it

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_it_refuses_fifos_and_devices_given_as_arguments(tmp_path, pipeline, deadline):
    fifo = tmp_path / "pipe-2025-02-24.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero-2025-02-24.jsonl"
    zero.symlink_to("/dev/zero")
    out, error = run_failing(fifo, zero)
    assert f"{fifo}: not a regular file (a FIFO)" in out
    assert f"{zero}: not a regular file (a device)" in out
    assert "2 article(s) or file(s) failed" in error


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_it_reports_links_and_fifos_inside_a_directory(tmp_path, pipeline, deadline):
    good = tmp_path / "good-2025-02-24.txt"
    good.write_text("The talks went on in Riyadh.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe-2025-02-24.txt")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    (tmp_path / "again-2025-02-24.txt").symlink_to(good)
    out, error = run_failing(tmp_path)
    assert Article.objects.count() == 1
    assert "pipe-2025-02-24.txt: skipped: a FIFO, not a regular file" in out
    assert "zero.jsonl: skipped: a symbolic link" in out
    assert "again-2025-02-24.txt: skipped: a symbolic link" in out
    assert "3 article(s) or file(s) failed" in error


def test_it_escapes_control_characters_in_file_names(tmp_path, pipeline):
    evil = tmp_path / "evil\x1b[2J\x07-2025-02-24.txt"
    evil.write_bytes(b"")
    out, _ = run_failing(tmp_path)
    assert "\x1b" not in out and "\x07" not in out
    assert "evil\\x1b[2J\\x07-2025-02-24.txt: the file is empty" in out


def test_it_refuses_an_oversized_file_without_reading_it(tmp_path, pipeline, settings):
    settings.NEWSLINE_MAX_ARTICLE_CHARS = 1000
    big = tmp_path / "big-2025-02-24.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB the reader must not load
    out, _ = run_failing(big)
    assert "is 50,000,000 bytes, over the limit of 4,000 bytes" in out
