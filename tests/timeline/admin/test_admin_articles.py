from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from tests.timeline.factories import VOTE_1, VOTE_2, FakePipeline, event
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


def wsgi_post(client, path: str, data: dict):
    """POST through Django's WSGI handler as a server would, logged in as
    `client`'s user; the response is returned unclosed (as when it is being
    written to the client). Closing it is the server's last step."""
    from django.core import signals
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import close_old_connections
    from django.test import RequestFactory

    token = "a" * 32  # an unmasked CSRF secret, in the cookie and the header
    environ = RequestFactory().post(path, data).environ
    environ["HTTP_COOKIE"] = (
        f"sessionid={client.cookies['sessionid'].value}; csrftoken={token}"
    )
    environ["HTTP_X_CSRFTOKEN"] = token
    # as the test client does: keep the test's database connection open
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        return WSGIHandler()(environ, lambda status, headers: None)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_it_stores_a_pasted_article_and_extracts_after_the_response(staff, pipeline):
    from django.core import signals
    from django.db import close_old_connections

    response = wsgi_post(
        staff,
        ADD,
        form(title="UN vote", source_url="https://example.org/v", publisher="Ex"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    # Stored and answered; extraction has not run yet.
    assert article.extraction_status == ExtractionStatus.PENDING
    assert pipeline.calls == []

    signals.request_finished.disconnect(close_old_connections)
    try:
        response.close()  # the server has sent the response
    finally:
        signals.request_finished.connect(close_old_connections)

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


# --- permissions and bulk work (#16.6) ---------------------------------------


def test_it_offers_re_extract_only_to_staff_who_may_change_articles(client, pipeline):
    from django.contrib.auth.models import Permission

    viewer = User.objects.create_user("viewer", password="pw-viewer-1", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    article = Article.objects.create(
        text=VOTE_1,
        published=date(2025, 2, 26),
        extraction_status=ExtractionStatus.DONE,
    )
    assert "reextract_selected" not in client.get(LIST).content.decode()
    response = client.post(
        LIST, {"action": "reextract_selected", "_selected_action": [article.pk]}
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert pipeline.calls == []


def test_it_queues_a_bulk_re_extraction_beyond_what_one_process_runs(
    staff, pipeline, settings
):
    settings.NEWSLINE_MAX_INPROCESS_EXTRACTIONS = 2
    articles = [
        Article.objects.create(text=f"{VOTE_1} ({i})", published=date(2025, 2, 26))
        for i in range(5)
    ]
    response = staff.post(
        LIST,
        {
            "action": "reextract_selected",
            "_selected_action": [a.pk for a in articles],
        },
        follow=True,
    )
    assert "3 of them stay pending" in response.content.decode()
    statuses = [a.extraction_status for a in Article.objects.order_by("id").only("id")]
    assert statuses == ["done", "done", "pending", "pending", "pending"]
    assert sum(n for n, _, _ in pipeline.calls) == 2


def test_it_hands_re_extraction_to_the_workers_when_there_is_a_broker(
    staff, pipeline, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from timeline import tasks

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    queued = []
    monkeypatch.setattr(tasks.extract_article, "delay", queued.append)
    articles = [
        Article.objects.create(text=f"{VOTE_1} ({i})", published=date(2025, 2, 26))
        for i in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            LIST,
            {
                "action": "reextract_selected",
                "_selected_action": [a.pk for a in articles],
            },
        )
    assert sorted(queued) == sorted(a.pk for a in articles)
    assert pipeline.calls == []
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {
        "pending"
    }


def test_it_deletes_an_article_with_the_events_only_it_reported(staff):
    from tests.timeline.factories import make_article, make_event

    gone, kept = make_article("Officials met on Monday."), make_article()
    only = make_event(gone, title="only this article")
    verified = make_event(gone, at=100, status="verified", title="verified")
    url = reverse("admin:timeline_article_delete", args=[gone.pk])
    assert staff.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=gone.pk).exists()
    assert not Event.objects.filter(pk=only.pk).exists()
    assert Event.objects.filter(pk=verified.pk).exists()  # admin work is kept
    assert Article.objects.filter(pk=kept.pk).exists()


def test_its_bulk_delete_goes_through_the_same_rule(staff):
    from tests.timeline.factories import make_article, make_event

    a, b = make_article("Text A on Monday."), make_article("Text B on Monday.")
    only = [make_event(a, title="A"), make_event(b, title="B")]
    rejected = make_event(b, at=100, status="rejected", title="rejected")
    response = staff.post(
        LIST,
        {"action": "delete_selected", "_selected_action": [a.pk, b.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Article.objects.exists()
    assert not Event.objects.filter(pk__in=[e.pk for e in only]).exists()
    assert Event.objects.filter(pk=rejected.pk).exists()


def test_the_article_form_carries_its_stories(staff, pipeline):
    from timeline.models import Story
    from timeline.query.facet_counts import data_stamp

    libya = Story.objects.create(name="Libya war", slug="libya-war")
    nato = Story.objects.create(name="NATO", slug="nato")
    staff.post(ADD, form(stories=[libya.pk]))
    article = Article.objects.get()
    assert list(article.stories.all()) == [libya]
    before = data_stamp()
    url = reverse("admin:timeline_article_change", args=[article.pk])
    response = staff.post(
        url,
        {
            "title": "Vote",
            "source_url": "",
            "publisher": "",
            "stories": [libya.pk, nato.pk],
        },
    )
    assert response.status_code == 302
    assert set(article.stories.all()) == {libya, nato}
    assert data_stamp() != before  # the page's cached story counts are renewed
    assert (
        "libya-war"
        in staff.get(reverse("admin:timeline_story_changelist")).content.decode()
    )


def test_the_story_admin_needs_staff(client):
    response = client.get(reverse("admin:timeline_story_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_it_shows_and_filters_near_duplicates_with_a_link_to_the_original(staff):
    original = Article.objects.create(
        title="<b>Original</b>", text="The council voted.", published=date(2025, 2, 26)
    )
    copy = Article.objects.create(
        title="Syndicated copy",
        text="The council voted, sites said.",
        published=date(2025, 2, 27),
        duplicate_of=original,
    )

    html = staff.get(LIST).content.decode()
    link = reverse("admin:timeline_article_change", args=[original.pk])
    assert f'<a href="{link}">&lt;b&gt;Original&lt;/b&gt;</a>' in html  # escaped

    copies = staff.get(LIST, {"copy": "yes"}).context["cl"].result_list
    originals = staff.get(LIST, {"copy": "no"}).context["cl"].result_list
    assert [a.pk for a in copies] == [copy.pk]
    assert [a.pk for a in originals] == [original.pk]

    change = reverse("admin:timeline_article_change", args=[original.pk])
    html = staff.get(change).content.decode()
    assert "Near-duplicates of this article" in html
