"""`manage.py ingest` given bad input reports each problem clearly, by file
(and line), stores everything valid and nothing partial."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from timeline.models import Article, Event, Mention

pytestmark = pytest.mark.django_db

GOOD_A = "Ukraine and Russia held talks in Riyadh on Monday. The talks went on."
GOOD_B = "The UN General Assembly voted on 24 February 2025 on a resolution."


def ingest(*paths, **options) -> tuple[str, bool]:
    out = io.StringIO()
    failed = False
    try:
        call_command(
            "ingest", *[str(p) for p in paths], stdout=out, stderr=out, **options
        )
    except CommandError as exc:
        out.write(f"\nCommandError: {exc}")
        failed = True
    return out.getvalue(), failed


@pytest.fixture
def bad_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "2025-01-01-binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x89PNG\r\n\x1a\n")
    (d / "2025-01-01-empty.txt").write_bytes(b"")
    (d / "2025-01-01-blank.txt").write_text("   \n\n\t \n", encoding="utf-8")
    (d / "2025-01-01-latin1.txt").write_bytes(
        "Caf\xe9 owners met on Monday in Paris.\n".encode("latin-1")
    )
    (d / "2025-01-01-huge.txt").write_text(
        "The minister met officials on Monday in Paris. " * 420_000,
        encoding="utf-8",
    )  # about 20 MB
    lines = [
        json.dumps(
            {"id": "a", "title": "Good A", "published": "2025-02-24", "text": GOOD_A}
        ),
        '{"id": "b", "title": "Broken", "published": "2025-02-24", "text": ',
        json.dumps(
            {
                "id": "c",
                "title": "Future",
                "published": "2999-01-01",
                "text": GOOD_A + " x",
            }
        ),
        json.dumps(
            {
                "id": "d",
                "title": "Impossible",
                "published": "2025-02-30",
                "text": GOOD_A + " y",
            }
        ),
        json.dumps({"id": "e", "title": "No text", "published": "2025-02-24"}),
        json.dumps(
            {
                "id": "f",
                "title": "Bad URL",
                "published": "2025-02-24",
                "text": GOOD_B + " z",
                "source_url": "javascript:alert(1)",
            }
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps(
            {"id": "g", "title": "Good B", "published": "2025-02-25", "text": GOOD_B}
        ),
    ]
    (d / "mixed.jsonl").write_bytes(
        ("\n".join(lines) + "\n").encode("utf-8") + b"\xff\xfe broken bytes line\n"
    )
    return d


def test_it_reports_each_bad_input_and_stores_the_valid_rest(bad_dir):
    output, failed = ingest(bad_dir)
    assert failed, output
    expectations = {
        "2025-01-01-binary.txt": "binary",
        "2025-01-01-empty.txt": "empty",
        "2025-01-01-latin1.txt": "UTF-8",
        "2025-01-01-huge.txt": "NEWSLINE_MAX_ARTICLE_CHARS",
        "mixed.jsonl:2": "JSON",
        "mixed.jsonl:3": "future",
        "mixed.jsonl:4": "2025-02-30",
        "mixed.jsonl:9": "UTF-8",
    }
    lines = output.splitlines()
    for where, why in expectations.items():
        hits = [line for line in lines if where in line]
        assert hits, f"nothing reported for {where}:\n{output}"
        assert any(why in line for line in hits), (where, why, hits)
    for where in ("mixed.jsonl:5", "mixed.jsonl:6", "mixed.jsonl:7"):
        assert any(where in line for line in lines), f"{where} not reported"
    assert set(Article.objects.values_list("title", flat=True)) == {"Good A", "Good B"}
    assert "Traceback" not in output


def test_it_leaves_nothing_partial_from_refused_input(bad_dir):
    ingest(bad_dir)
    stored = set(Article.objects.values_list("pk", flat=True))
    assert len(stored) == 2
    assert set(Mention.objects.values_list("article_id", flat=True)) <= stored
    for event in Event.objects.all():
        assert event.mentions.exists()
        assert event.start <= event.end


def test_it_stores_nothing_twice_when_run_again(bad_dir):
    ingest(bad_dir)
    counts = (Article.objects.count(), Event.objects.count(), Mention.objects.count())
    output, _ = ingest(bad_dir)
    assert (
        Article.objects.count(),
        Event.objects.count(),
        Mention.objects.count(),
    ) == counts


def test_it_survives_future_and_impossible_dates_in_the_text(tmp_path):
    text = (
        "The ceasefire was signed on 30 February 2025, officials said. "
        "A summit is planned for 1 January 2999 in Geneva. "
        "Ministers met on 31 April 2025 and again on 99/99/2025. "
        "The vote took place on 3 March 2025."
    )
    path = tmp_path / "2025-03-05-dates.txt"
    path.write_text(text, encoding="utf-8")
    output, failed = ingest(path)
    assert not failed, output
    article = Article.objects.get()
    assert article.text.startswith("The ceasefire")
    for event in Event.objects.all():
        assert date(1000, 1, 1) <= event.start <= event.end <= date(3000, 12, 31)
    assert Event.objects.filter(start=date(2025, 3, 3)).exists()


def test_it_caps_the_events_of_one_article(tmp_path, settings):
    settings.NEWSLINE_MAX_EVENTS_PER_ARTICLE = 3
    days = [f"The ministers met on {d} March 2025 in Paris." for d in range(1, 11)]
    path = tmp_path / "2025-03-20-many.txt"
    path.write_text(" ".join(days), encoding="utf-8")
    output, failed = ingest(path)
    assert not failed, output
    assert Article.objects.count() == 1
    assert 1 <= Event.objects.count() <= 3
