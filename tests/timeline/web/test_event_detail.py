"""An event's detail: a full page, and the partial the timeline opens in place."""

from __future__ import annotations

import pytest

from tests.timeline.factories import (
    make_dated_event,
    make_reviewer,
    make_titled_article,
)

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def test_it_renders_the_full_page_with_evidence(client, timeline):
    event = timeline["met"]
    response = client.get(f"/events/{event.id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and '<h1 id="event-heading">They met in Riyadh</h1>' in html
    assert "They met <mark>last week</mark> in Riyadh." in html
    assert "HX-Request" in response.headers["Vary"]


def test_it_explains_how_the_date_was_resolved(client, timeline):
    html = client.get(f"/events/{timeline['met'].id}/").content.decode()
    assert (
        "‘last week’, relative to the article’s date 24 Feb 2025 → "
        "week of 17–23 Feb 2025"
    ) in html


def test_it_names_the_article_with_a_link(client, timeline):
    art = timeline["article"]
    art.source_url = "https://news.example.org/a"
    art.save()
    html = client.get(f"/events/{timeline['spoke'].id}/").content.decode()
    assert f'href="/articles/{art.id}/"' in html
    assert "War at three years</a>, Example News," in html
    assert '<time datetime="2025-02-24">24 Feb 2025</time>' in html
    assert (
        'href="https://news.example.org/a" rel="noopener noreferrer nofollow"' in html
    )


def test_it_answers_htmx_with_the_detail_partial(client, timeline):
    response = client.get(f"/events/{timeline['met'].id}/", headers=HX)
    html = response.content.decode()
    assert "<html" not in html and "<h1" not in html
    assert html.lstrip().startswith('<section class="evidence"')
    assert "<mark>last week</mark>" in html


def test_it_lists_every_source(client, timeline):
    event = timeline["met"]
    other = make_titled_article("Elsewhere: they met last week.", title="Second source")
    from timeline.models import Mention

    Mention.objects.create(
        event=event,
        article=other,
        sentence="Elsewhere: they met last week.",
        sentence_start=0,
        sentence_end=30,
        expression="last week",
        expression_start=20,
        expression_end=29,
        anchor_date=other.published,
        value="2025-W08",
    )
    html = client.get(f"/events/{event.id}/", headers=HX).content.decode()
    assert "Evidence (2)" in html
    assert "Elsewhere: they met <mark>last week</mark>." in html
    assert "Second source" in html


def test_it_escapes_sentences_and_titles(client):
    art = make_titled_article("<b>x</b>", title="<script>t()</script>")
    event = make_dated_event(
        title="<script>alert(1)</script>",
        article=art,
        sentence="<script>s()</script> on Monday <i>",
        expression="on Monday",
    )
    html = client.get(f"/events/{event.id}/").content.decode()
    assert "<script>alert(1)" not in html and "<script>s()" not in html
    assert "<script>t()" not in html and "<i>" not in html
    assert "&lt;script&gt;s()&lt;/script&gt; <mark>on Monday</mark> &lt;i&gt;" in html


def test_it_hides_rejected_events_from_the_public(client, timeline):
    event = timeline["vote"]
    event.status = "rejected"
    event.save()
    assert client.get(f"/events/{event.id}/").status_code == 404
    client.force_login(make_reviewer())
    html = client.get(f"/events/{event.id}/").content.decode()
    assert 'class="status status--rejected"' in html


def test_it_answers_404_for_a_missing_event(client, db):
    assert client.get("/events/999999/").status_code == 404
    assert client.get("/events/99999999999999999999/").status_code == 404


def test_it_shows_an_event_without_evidence(client, timeline):
    html = client.get(f"/events/{timeline['vote'].id}/").content.decode()
    assert "No evidence recorded" in html


def test_its_query_count_is_bounded(client, timeline, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(f"/events/{timeline['met'].id}/")
