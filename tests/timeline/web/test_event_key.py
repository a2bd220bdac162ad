"""/events/<id>/key/: whether an event is a key event of its stories'
timelines, and why, in the evidence's own terms."""

from __future__ import annotations

import pytest

from tests.timeline.factories import D3, make_key_coverage
from timeline.keyevents import data
from timeline.models import Article, DateReference, Event

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def coverage():
    return make_key_coverage()


def test_it_says_why_an_event_is_a_key_event_of_its_story(client, coverage):
    html = client.get(f"/events/{coverage['vote'].id}/key/").content.decode()
    assert "Libya war:</strong>" in html
    assert "a key event of" in html and "under 24 February 2025" in html
    # Reported by the story's three articles, not the collection's eight.
    assert "Key event: reported by 3 of 3 articles" in html
    assert 'href="/?story=libya-war&amp;view=key"' in html


def test_it_says_when_an_event_is_not_key_with_its_evidence(client, coverage):
    html = client.get(f"/events/{coverage['meeting'].id}/key/").content.decode()
    # In no story: the whole collection's timeline, which it is not part of.
    assert "All articles:</strong>" in html
    assert "not among" in html
    assert "The evidence: reported by 1 of 8 articles;" in html
    assert "the day is referred to by 0 articles" in html


def test_it_counts_the_articles_referring_to_the_day_once_per_original(
    client, coverage
):
    a5, a6, a7 = (Article.objects.get(title=f"A{i}") for i in (5, 6, 7))
    Article.objects.filter(pk=a6.pk).update(duplicate_of=a5)  # a copy of A5
    for article in (a5, a6, a7):
        DateReference.objects.create(article=article, day=D3)
    html = client.get(f"/events/{coverage['meeting'].id}/key/").content.decode()
    assert "the day is referred to by 2 articles" in html


def test_the_event_page_loads_the_answer_into_itself_and_links_to_it(client, coverage):
    html = client.get(f"/events/{coverage['vote'].id}/").content.decode()
    url = f"/events/{coverage['vote'].id}/key/"
    assert f'hx-get="{url}" hx-trigger="load"' in html
    assert f'<a href="{url}">' in html  # without JavaScript: a real link
    part = client.get(url, headers=HX).content.decode()
    assert "<html" not in part and 'id="key-status"' in part


def test_it_does_not_rank_a_collection_too_large_for_a_page_view(
    client, coverage, monkeypatch
):
    monkeypatch.setattr(data, "KEY_STATUS_MAX_EVENTS", 2)
    html = client.get(f"/events/{coverage['meeting'].id}/key/").content.decode()
    assert "too many events to rank here" in html
    assert "reported by 1 of 8 articles" in html
    # A story is still ranked, however large the collection.
    html = client.get(f"/events/{coverage['vote'].id}/key/").content.decode()
    assert "Key event: reported by 3 of 3 articles" in html


def test_it_hides_an_event_the_visitor_may_not_see(client, coverage):
    Event.objects.filter(pk=coverage["vote"].pk).update(status="rejected")
    assert client.get(f"/events/{coverage['vote'].id}/key/").status_code == 404
