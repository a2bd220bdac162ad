"""The timeline page's key-events view (/?view=key) and its switch."""

from __future__ import annotations

import pytest

from tests.timeline.factories import make_key_coverage

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def coverage():
    return make_key_coverage()


def test_it_shows_the_key_days_in_date_order_with_why(client, coverage):
    html = client.get("/?view=key&dates=2&per_date=2").content.decode()
    first, second = html.index("24 February 2025"), html.index("3 March 2025")
    assert first < second
    vote, statement = (
        html.index("Council voted sanctions"),
        html.index("Minister spoke"),
    )
    assert first < vote < statement < second < html.index("Port bombed")
    assert "Envoys met" not in html  # not one of the 2 key days
    assert "Talks during March" not in html  # month precision: no day of its own
    assert "Why this day: the day is referred to by" in html
    assert "Key event: reported by 4 of 8 articles" in html


def test_it_offers_the_switch_as_real_links_keeping_the_filters(client, coverage):
    html = client.get("/?country=LY&view=key").content.decode()
    assert 'href="/?country=LY">All events' in html
    assert 'href="/?country=LY&amp;view=key" aria-current="page">Key events' in html
    assert '<input type="hidden" name="view" value="key">' in html
    plain = client.get("/?country=LY").content.decode()
    assert 'href="/?country=LY&amp;view=key">Key events' in plain
    assert 'aria-current="page">All events' in plain


def test_it_keeps_the_view_in_facet_links_and_downloads(client, coverage):
    html = client.get("/?view=key&dates=3").content.decode()
    assert "/export/events.csv?view=key&amp;dates=3" in html
    assert "/api/key-events/?view=key&amp;dates=3" in html
    assert '<input type="hidden" name="dates" value="3">' in html
    # a chip (filter link) on an event keeps the view
    assert 'class="chip chip--country" href="/?country=LY&amp;view=key"' in html


def test_it_filters_the_key_view_like_the_list(client, coverage):
    html = client.get("/?view=key&story=libya-war&dates=10").content.decode()
    assert "Council voted sanctions" in html and "Port bombed" in html
    assert "Minister spoke" not in html and "Envoys met" not in html


def test_it_notes_bad_key_parameters_and_uses_the_defaults(client, coverage):
    html = client.get("/?view=key&dates=zero&unit=week").content.decode()
    assert "Ignored dates=&#x27;zero&#x27;: use a whole number from 1 to 500." in html
    assert "Ignored unit=&#x27;week&#x27;: use day, month, year." in html
    assert "Council voted sanctions" in html  # the default request


def test_it_answers_htmx_with_the_timeline_partial(client, coverage):
    html = client.get("/?view=key", headers=HX).content.decode()
    assert "<html" not in html
    assert "Why this day" in html and 'id="filter-form"' in html


def test_it_says_when_there_are_no_key_events(client):
    html = client.get("/?view=key").content.decode()
    assert "No key events." in html
