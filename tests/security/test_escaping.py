"""Article and event text with markup is shown escaped everywhere: pages,
HTMX partials, the admin, the API and the exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.security.conftest import (
    ENTITY,
    FORMULA,
    IMG,
    JS_URL,
    SCRIPT,
    assert_escaped_html,
)

HX = {"HX-Request": "true"}


def page_urls(h) -> list[str]:
    return [
        "/",
        "/?q=alert",
        f"/?actor={h.actor.pk}",
        f"/events/{h.event.pk}/",
        f"/articles/{h.article.pk}/",
        "/embed/",
        "/typeahead/actors/?term=script",
        "/typeahead/actors/?term=" + SCRIPT,
    ]


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "partial"])
def test_it_escapes_hostile_text_on_every_page(client, hostile, htmx):
    for url in page_urls(hostile):
        response = client.get(url, headers=HX if htmx else {})
        assert response.status_code == 200, url
        body = response.content.decode()
        for raw in ("<script>alert", "<img src=x onerror", "javascript:alert"):
            if raw == "javascript:alert":
                assert 'href="javascript:' not in body, url
                assert "href='javascript:" not in body, url
            else:
                assert raw not in body, url


def test_it_shows_the_text_literally(client, hostile):
    body = client.get(f"/events/{hostile.event.pk}/").content.decode()
    assert_escaped_html(body)
    # An entity in the source is shown as typed, not decoded.
    assert "Tom &amp;amp; Jerry &amp;lt;b&amp;gt;" in body
    article = client.get(f"/articles/{hostile.article.pk}/").content.decode()
    assert_escaped_html(article)
    assert "Tom &amp;amp; Jerry" in article


def test_it_escapes_hostile_text_for_staff_too(client, hostile):
    client.force_login(hostile.staff)
    for url in page_urls(hostile):
        body = client.get(url).content.decode()
        assert "<script>alert" not in body, url
        assert "<img src=x onerror" not in body, url
        assert 'href="javascript:' not in body, url


def test_it_escapes_hostile_text_in_the_admin(client, hostile):
    client.force_login(hostile.staff)
    urls = []
    for model in admin.site._registry:
        meta = model._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
    urls += [
        reverse("admin:timeline_event_change", args=[hostile.event.pk]),
        reverse("admin:timeline_article_change", args=[hostile.article.pk]),
        reverse("admin:timeline_actor_change", args=[hostile.actor.pk]),
        reverse("admin:timeline_event_changelist") + "?q=alert",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for raw in ("<script>alert", "<img src=x onerror", 'href="javascript:'):
            assert raw not in body, (url, raw)


def test_it_returns_hostile_text_as_json_data(client, hostile):
    for url in [
        "/api/events/",
        f"/api/events/{hostile.event.pk}/",
        "/api/actors/?q=script",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Content-Type"].startswith("application/json")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        json.loads(response.content)
    data = client.get(f"/api/events/{hostile.event.pk}/").json()
    assert SCRIPT in data["title"]  # data, unchanged: the client escapes it


def test_it_neutralises_formulas_in_the_csv_export(client, hostile):
    response = client.get("/export/events.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    cells = [cell for row in rows[1:] for cell in row]
    title = next(c for c in cells if "HYPERLINK" in c)
    assert title.startswith("'=")
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert FORMULA in title and SCRIPT in title  # text kept, as text


def test_it_escapes_html_in_the_timelinejs_export(client, hostile):
    response = client.get("/export/events.timeline.json")
    assert response.status_code == 200
    content = (
        response.content
        if not response.streaming
        else b"".join(response.streaming_content)
    )
    data = json.loads(content)
    strings = json.dumps(data, ensure_ascii=False)
    # TimelineJS renders these fields as HTML: markup must arrive escaped.
    assert "<script>alert" not in strings
    assert "<img src=x onerror" not in strings
    assert 'href=\\"javascript:' not in strings


def test_it_keeps_the_ical_export_plain_text(client, hostile):
    response = client.get("/export/events.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_it_never_links_a_non_http_source_url(client, hostile):
    for url in [f"/events/{hostile.event.pk}/", f"/articles/{hostile.article.pk}/"]:
        body = client.get(url).content.decode().lower()
        assert 'href="javascript:' not in body
        assert "href='javascript:" not in body
    assert JS_URL and IMG and ENTITY  # the fixture's payloads, all used above
