"""The feed admin (health, Poll now) and the article form's URL mode."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone

from tests.timeline.factories import FakePipeline
from tests.timeline.feeds.site import page, rss, wikinews
from timeline.feeds.models import Feed
from timeline.ingestion import store
from timeline.models import Article

pytestmark = pytest.mark.django_db

FEEDS = reverse("admin:timeline_feed_changelist")
ADD_ARTICLE = reverse("admin:timeline_article_add")


@pytest.fixture(autouse=True)
def _setup(monkeypatch, settings):
    monkeypatch.setattr(store, "extract", FakePipeline())
    settings.NEWSLINE_FETCH_ALLOW_PRIVATE = True  # the loopback server
    settings.NEWSLINE_FETCH_HOST_DELAY = 0


@pytest.fixture
def server(httpserver):
    httpserver.no_handler_status_code = 404
    return httpserver


@pytest.fixture
def staff(client):
    user = User.objects.create_superuser("editor", "e@example.org", "pw-123-long!")
    client.force_login(user)
    return client


def serve(server, story, **kw) -> str:
    server.expect_request(story.path).respond_with_data(
        page(story, **kw), content_type="text/html; charset=utf-8"
    )
    return server.url_for(story.path)


def test_the_feed_list_shows_health_and_escapes_errors(staff):
    now = timezone.now()
    Feed.objects.create(
        url="https://ok.example.org/rss",
        last_success=now,
        next_poll=now + timedelta(minutes=30),
    )
    Feed.objects.create(
        url="https://bad.example.org/rss",
        last_error="https://bad.example.org/rss: <script>alert(1)</script>",
        last_error_at=now,
    )

    response = staff.get(FEEDS)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'alt="True"' in html and 'alt="False"' in html  # health icons
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_poll_now_polls_the_selected_feeds(
    staff, server, django_capture_on_commit_callbacks
):
    stories = wikinews(2)
    items = [(s.slug, serve(server, s), s) for s in stories]
    server.expect_request("/rss.xml").respond_with_data(
        rss(server.url_for("/").rstrip("/"), items), content_type="application/rss+xml"
    )
    feed = Feed.objects.create(url=server.url_for("/rss.xml"))

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            FEEDS, {"action": "poll_now", "_selected_action": [feed.pk]}, follow=True
        )

    assert "Polled 1 feed(s)" in response.content.decode()
    feed.refresh_from_db()
    assert feed.articles_added == 2 and feed.last_success is not None
    assert feed.next_poll > timezone.now() + timedelta(minutes=29)
    assert Article.objects.count() == 2


def test_poll_now_needs_the_change_permission(client, server):
    user = User.objects.create_user("viewer", password="pw-123-long!", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_feed"))
    client.force_login(user)
    feed = Feed.objects.create(url=server.url_for("/rss.xml"))

    response = client.post(FEEDS, {"action": "poll_now", "_selected_action": [feed.pk]})

    assert server.log == []
    feed.refresh_from_db()
    assert feed.last_polled is None
    assert response.status_code in (200, 403)


def _form(**kw):
    data = {"text": "", "published": "", "title": "", "source_url": "", "publisher": ""}
    data.update(kw)
    return data


def test_the_article_form_fetches_a_url_instead_of_pasted_text(staff, server):
    story = wikinews(1)[0]
    url = serve(server, story)

    response = staff.post(ADD_ARTICLE, _form(source_url=url + "?utm_source=x"))

    assert response.status_code == 302, response.content.decode()[-2000:]
    article = Article.objects.get()
    assert article.source_url == url
    assert article.title == story.title and article.publisher == "Wikinews"
    assert str(article.published) == story.published
    assert "Northrop Grumman" in article.text


def test_the_article_form_reports_a_page_it_cannot_use(staff, server):
    story = wikinews(1)[0]
    url = serve(server, story, dated=False)

    missing = staff.post(ADD_ARTICLE, _form(source_url=server.url_for("/gone.html")))
    undated = staff.post(ADD_ARTICLE, _form(source_url=url))
    nothing = staff.post(ADD_ARTICLE, _form())

    assert "HTTP 404 NOT FOUND." in missing.content.decode()
    assert (
        "The page has no publication date in its metadata: give the publication date."
        in undated.content.decode()
    )
    assert (
        "paste the article&#x27;s text, or give its source URL"
        in nothing.content.decode()
    )
    assert not Article.objects.exists()
    dated = staff.post(ADD_ARTICLE, _form(source_url=url, published="2008-03-01"))
    assert dated.status_code == 302
    again = staff.post(ADD_ARTICLE, _form(source_url=url))
    assert "This URL is already stored" in again.content.decode()


def test_pasted_text_still_needs_a_date(staff):
    response = staff.post(ADD_ARTICLE, _form(text="The UN voted on Monday."))

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Article.objects.exists()


def test_staff_add_a_feed_in_the_admin_and_bad_values_are_named(staff):
    add = reverse("admin:timeline_feed_add")
    assert staff.get(add).status_code == 200
    data = {
        "url": "https://news.example.org/rss.xml",
        "title": "",
        "story": "ukraine-war",
        "active": "on",
        "poll_interval": "00:00:30",
    }

    too_often = staff.post(add, data)
    not_http = staff.post(add, {**data, "url": "ftp://news.example.org/rss"})
    added = staff.post(add, {**data, "poll_interval": "00:15:00"})

    assert (
        "Ensure this value is greater than or equal to 0:01:00"
        in too_often.content.decode()
    )
    assert "Enter a valid URL." in not_http.content.decode()
    assert added.status_code == 302
    feed = Feed.objects.get()
    assert (feed.story, feed.poll_interval) == ("ukraine-war", timedelta(minutes=15))
    change = staff.get(reverse("admin:timeline_feed_change", args=[feed.pk]))
    assert change.status_code == 200 and "Last success" in change.content.decode()
