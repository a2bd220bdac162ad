"""manage.py ingest --story NAME: the articles join the story (created if
new); ingesting again adds membership, never duplicates."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.timeline.factories import FakePipeline
from timeline.ingestion import store
from timeline.models import Article, Story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pipeline(monkeypatch):
    fake = FakePipeline()
    monkeypatch.setattr(store, "extract", fake)
    return fake


def jsonl(path, *texts):
    path.write_text(
        "".join(
            json.dumps({"text": t, "published": "2011-03-01"}) + "\n" for t in texts
        ),
        encoding="utf-8",
    )
    return path


def run(*args):
    out = StringIO()
    call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue()


def members(slug: str) -> set[str]:
    return set(Story.objects.get(slug=slug).articles.values_list("text", flat=True))


def test_it_creates_the_story_and_adds_every_article(tmp_path):
    run(
        jsonl(tmp_path / "a.jsonl", "Rebels took Brega.", "NATO struck Tripoli."),
        "--story",
        "Libya war",
    )
    story = Story.objects.get()
    assert (story.name, story.slug) == ("Libya war", "libya-war")
    assert members("libya-war") == {"Rebels took Brega.", "NATO struck Tripoli."}


def test_ingesting_again_adds_membership_idempotently(tmp_path):
    first = jsonl(tmp_path / "a.jsonl", "Rebels took Brega.", "NATO struck Tripoli.")
    run(first, "--story", "Libya war")
    out = run(first, "--story", "Libya  war")  # same slug, same story
    assert "Skipped as duplicates: 2" in out
    assert Story.objects.count() == 1 and Article.objects.count() == 2
    assert Story.articles.through.objects.count() == 2
    # Already stored articles join another story too; a new one is stored.
    run(
        jsonl(tmp_path / "b.jsonl", "NATO struck Tripoli.", "Aid reached Benghazi."),
        "--story",
        "NATO campaign",
    )
    assert members("nato-campaign") == {"NATO struck Tripoli.", "Aid reached Benghazi."}
    assert members("libya-war") == {"Rebels took Brega.", "NATO struck Tripoli."}
    tripoli = Article.objects.get(text="NATO struck Tripoli.")
    assert set(tripoli.stories.values_list("slug", flat=True)) == {
        "libya-war",
        "nato-campaign",
    }


def test_it_joins_queued_articles_to_the_story(tmp_path):
    run(
        jsonl(tmp_path / "a.jsonl", "Rebels took Brega."),
        "--queue",
        "--story",
        "Libya war",
    )
    run(
        jsonl(tmp_path / "a.jsonl", "Rebels took Brega."), "--queue", "--story", "Brega"
    )
    assert members("libya-war") == members("brega") == {"Rebels took Brega."}


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "the story name is empty"),
        ("!!!", "no letters or digits"),
        ("x" * 201, "longer than 200"),
    ],
)
def test_it_refuses_a_story_name_it_cannot_use_and_stores_nothing(tmp_path, name, why):
    with pytest.raises(CommandError, match=why):
        run(jsonl(tmp_path / "a.jsonl", "Rebels took Brega."), "--story", name)
    assert not Story.objects.exists() and not Article.objects.exists()


def test_a_run_that_stores_nothing_leaves_no_new_story(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match="failed"):
        run(bad, "--story", "Libya war")
    assert not Story.objects.exists()
    # An existing story is never removed, even when nothing joins it.
    Story.objects.create(name="Libya war", slug="libya-war")
    with pytest.raises(CommandError, match="failed"):
        run(bad, "--story", "Libya war")
    assert Story.objects.filter(slug="libya-war").exists()
