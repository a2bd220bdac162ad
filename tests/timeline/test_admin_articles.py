from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from tests.timeline.ingestion.factories import VOTE_1, VOTE_2, FakePipeline, event
from timeline.ingestion import store
from timeline.models import Article, Event, ExtractionStatus

pytestmark = pytest.mark.django_db

ADD = reverse("admin:timeline_article_add")
LIST = reverse("admin:timeline_article_changelist")


@pytest.fixture
def pipeline(monkeypatch):
    fake = FakePipeline({VOTE_1: [event(VOTE_1)], VOTE_2: [event(VOTE_2)]})
    monkeypatch.setattr(store, "extract", fake)
    return fake


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("editor", "e@example.org", "pw-123-long!")
    client.force_login(user)
    return client


def form(**kw):
    data = {
        "text": VOTE_1,
        "published": "2025-02-26",
        "title": "",
        "source_url": "",
        "publisher": "",
    }
    data.update(kw)
    return data


def test_it_stores_a_pasted_article_and_extracts_after_commit(
    staff, pipeline, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = staff.post(
            ADD,
            form(title="UN vote", source_url="https://example.org/v", publisher="Ex"),
        )
        assert response.status_code == 302
        article = Article.objects.get()
        # Stored, but extraction waits for the commit.
        assert article.extraction_status == ExtractionStatus.PENDING
        assert pipeline.calls == []
    assert len(callbacks) == 1
    callbacks[0]()

    article.refresh_from_db()
    assert (article.title, article.source_url, article.publisher) == (
        "UN vote",
        "https://example.org/v",
        "Ex",
    )
    assert article.extraction_status == ExtractionStatus.DONE
    assert Event.objects.get().mentions.get().article == article


@pytest.mark.parametrize(
    "data,field,message",
    [
        (form(text="   "), "text", "This field is required"),
        (
            form(published=(timezone.localdate() + timedelta(days=2)).isoformat()),
            "published",
            "is in the future",
        ),
        (form(source_url="ftp://example.org/x"), "source_url", "is not an http"),
    ],
    ids=["empty", "future date", "not http"],
)
def test_it_refuses_bad_input_and_stores_nothing(staff, pipeline, data, field, message):
    response = staff.post(ADD, data)

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    assert Article.objects.count() == 0


def test_it_refuses_an_article_already_stored(staff, pipeline):
    existing = Article.objects.create(text=VOTE_1, published=date(2025, 2, 26))
    response = staff.post(ADD, form(text="  " + VOTE_1 + "\n"))

    assert response.status_code == 200
    assert f"already stored (article {existing.pk})" in response.content.decode()
    assert Article.objects.count() == 1


def test_it_lists_date_publisher_events_and_extraction_status(staff, pipeline):
    result = store.store_article(
        item=store.ArticleInput(
            text=VOTE_1,
            published=date(2025, 2, 26),
            origin="t",
            title="<script>alert(1)</script>",
            publisher="Example News",
        ),
        extraction=store.Extraction(doc_id="1", timexes=(), events=(event(VOTE_1),)),
    )
    Article.objects.create(
        text="Waiting.", published=date(2025, 2, 20), extraction_status="failed"
    )

    response = staff.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "Example News" in html
    assert "column-event_count" in html
    rows = {a.pk: a for a in response.context["cl"].result_list}
    assert rows[result.article_id].n_events == 1
    assert "failed" in html and "done" in html


def test_it_reextracts_selected_articles(
    staff, pipeline, django_capture_on_commit_callbacks
):
    article = Article.objects.create(text=VOTE_1, published=date(2025, 2, 26))
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            LIST,
            {"action": "reextract_selected", "_selected_action": [article.pk]},
        )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert Event.objects.count() == 1


def test_it_keeps_the_text_read_only_on_an_existing_article(staff, pipeline):
    article = Article.objects.create(text=VOTE_1, published=date(2025, 2, 26))
    response = staff.post(
        reverse("admin:timeline_article_change", args=[article.pk]),
        {"title": "Renamed", "source_url": "", "publisher": "", "text": "Changed!"},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.text) == ("Renamed", VOTE_1)


def test_it_does_not_let_non_staff_add_articles(client, pipeline):
    user = User.objects.create_user("reader", "r@example.org", "pw-123-long!")
    client.force_login(user)

    response = client.post(ADD, form())

    assert response.status_code in (302, 403)
    assert Article.objects.count() == 0
