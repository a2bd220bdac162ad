from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.timeline.factories import (
    VOTE_1,
    FakePipeline,
    article_input,
    event,
    extraction,
)
from timeline.extraction.pipeline import EXTRACTION_VERSION
from timeline.ingestion import store
from timeline.models import Article, Event, ExtractionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def pipeline(monkeypatch):
    fake = FakePipeline()
    monkeypatch.setattr(store, "extract", fake)
    return fake


def stored_vote():
    result = store.store_article(
        item=article_input(VOTE_1), extraction=extraction(event(VOTE_1))
    )
    return Article.objects.get(pk=result.article_id), Event.objects.get()


def test_it_reextracts_an_article_keeping_an_admin_correction(pipeline):
    article, e = stored_vote()
    e.title = "UN condemns the invasion"
    e.corrected_fields = ["title"]
    e.save()
    dropped = Event.objects.create(
        start=date(2025, 1, 1),
        end=date(2025, 1, 1),
        precision="day",
        value="2025-01-01",
        title="Only extraction made this",
    )
    store.Mention.objects.create(
        event=dropped,
        article=article,
        sentence="x",
        sentence_start=500,
        sentence_end=501,
        expression="x",
        expression_start=500,
        expression_end=501,
        anchor_date=article.published,
        value="2025-01-01",
    )
    pipeline.events = {VOTE_1: [event(VOTE_1, title="A new title")]}
    out = StringIO()

    call_command("reextract", "--article", str(article.pk), stdout=out)

    assert "Articles re-extracted: 1" in out.getvalue()
    e.refresh_from_db()
    assert e.title == "UN condemns the invasion"
    assert not Event.objects.filter(pk=dropped.pk).exists()
    assert list(Event.objects.all()) == [e]


def test_it_reextracts_stale_pending_and_failed_articles_by_default(pipeline):
    current, _ = stored_vote()
    stale = Article.objects.create(
        text="An old one.", published=date(2025, 1, 1), extraction_version="0.0"
    )
    stale.extraction_status = ExtractionStatus.DONE
    stale.save()
    failed = Article.objects.create(
        text="A failed one.",
        published=date(2025, 1, 1),
        extraction_status=ExtractionStatus.FAILED,
        extraction_error="boom",
    )

    call_command("reextract", stdout=StringIO())

    assert pipeline.calls[0][0] == 2
    for a in (stale, failed):
        a.refresh_from_db()
        assert (a.extraction_status, a.extraction_version, a.extraction_error) == (
            ExtractionStatus.DONE,
            EXTRACTION_VERSION,
            "",
        )


def test_it_marks_an_article_failed_when_extraction_breaks(monkeypatch):
    article, _ = stored_vote()

    def broken(documents, **kwargs):
        raise RuntimeError("model missing")
        yield  # pragma: no cover

    monkeypatch.setattr(store, "extract", broken)
    out = StringIO()
    with pytest.raises(CommandError, match="1 article"):
        call_command("reextract", "--all", stdout=out)

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.FAILED
    assert "model missing" in article.extraction_error
    assert Event.objects.count() == 1  # nothing removed on failure
    assert f"failed: article {article.pk}" in out.getvalue()


def test_it_refuses_an_unknown_article(pipeline):
    with pytest.raises(CommandError, match="No article with id 999"):
        call_command("reextract", "--article", "999", stdout=StringIO())
