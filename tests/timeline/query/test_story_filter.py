"""?story=<slug>: one filter in TimelineFilters, the same events on the page,
its facets and chart, the API, the exports and the embed."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from tests.timeline.factories import (
    add_report,
    make_report,
    make_reported_event,
    make_story,
)
from timeline.domain.services import add_to_story
from timeline.query.facets import compute_summary
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    """Libya: articles a1, a3; Haiti: a2, a3. e1 from a1, e2 from a2, e3
    reported by a2 and a3 (so in both stories), e4 from an article in none."""
    a1, a2, a3, a4 = (make_report(title=f"A{i}") for i in range(1, 5))
    e1 = make_reported_event(title="Sanctions imposed", article=a1, countries=("LY",))
    e2 = make_reported_event(
        title="Earthquake struck", article=a2, start=date(2025, 3, 3)
    )
    e3 = make_reported_event(title="Aid pledged", article=a2, start=date(2025, 3, 10))
    add_report(e3, a3)
    e4 = make_reported_event(title="Unrelated vote", article=a4)
    libya = make_story("Libya war", a1, a3)
    haiti = make_story("Haiti earthquake", a2, a3)
    return {"e": (e1, e2, e3, e4), "libya": libya, "haiti": haiti}


def ids(events) -> set[int]:
    return {e.id for e in events}


def test_it_parses_repeatable_story_slugs_and_notes_bad_ones():
    f = TimelineFilters.from_query({"story": ["libya-war,haiti", "bad slug!"]})
    assert f.stories == ("libya-war", "haiti")
    assert f.notes == ("Ignored story='bad slug!': not a story slug.",)
    assert ("story", "haiti") in f.to_query()
    assert not f.is_empty


def test_it_filters_events_by_their_articles_stories(stories):
    from timeline.models import Event

    e1, e2, e3, e4 = stories["e"]

    def matching(*slugs):
        return ids(Event.objects.for_timeline(TimelineFilters(stories=slugs)))

    assert matching("libya-war") == ids([e1, e3])
    assert matching("haiti-earthquake") == ids([e2, e3])
    assert matching("libya-war", "haiti-earthquake") == ids([e1, e2, e3])
    assert matching("no-such-story") == set()


def test_it_counts_facets_and_the_chart_within_the_story(stories):
    summary = compute_summary(TimelineFilters(stories=("libya-war",)))
    assert summary.total == 2
    assert {(v.key, v.count, v.selected) for v in summary.stories} == {
        # the story facet skips its own filter: what choosing another adds
        ("libya-war", 2, True),
        ("haiti-earthquake", 2, False),
    }
    assert [(v.key, v.count) for v in summary.countries] == [("LY", 1)]


def test_it_filters_the_page_with_a_chip_and_a_story_facet(client, stories):
    html = client.get("/?story=libya-war").content.decode()
    assert "Sanctions imposed" in html and "Aid pledged" in html
    assert "Earthquake struck" not in html
    assert '<span class="chip-facet">Story:</span> Libya war' in html
    assert 'name="story" value="libya-war" id="story-libya-war" checked' in html
    assert 'id="story-haiti-earthquake"' in html


def test_it_notes_an_unknown_story_on_the_page(client, stories):
    html = client.get("/?story=atlantis").content.decode()
    assert "Ignored story=atlantis: no such story." in html
    assert "Unrelated vote" in html  # the rest of the filters still apply


def test_it_refuses_a_bad_story_slug_in_the_api(client, stories):
    response = client.get("/api/events/?story=no%20spaces")
    assert response.status_code == 400
    assert "story" in json.dumps(response.json())


def test_it_filters_the_exports_and_the_embed(client, stories):
    e1, e2, e3, e4 = stories["e"]
    body = b"".join(client.get("/export/events.csv?story=libya-war").streaming_content)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {int(r["id"]) for r in rows} == ids([e1, e3])
    tl = json.loads(
        b"".join(
            client.get("/export/events.timeline.json?story=libya-war").streaming_content
        )
    )
    assert {e["unique_id"] for e in tl["events"]} == {
        f"event-{e1.id}",
        f"event-{e3.id}",
    }
    ics = b"".join(client.get("/export/events.ics?story=libya-war").streaming_content)
    assert ics.count(b"BEGIN:VEVENT") == 2
    html = client.get("/embed/?story=haiti-earthquake").content.decode()
    assert "Earthquake struck" in html and "Sanctions imposed" not in html


def test_it_sees_new_members_at_once_despite_the_facet_cache(client, stories):
    """Joining a story changes the data version: cached counts are not reused."""
    e1, e2, e3, e4 = stories["e"]
    assert "2 events" in client.get("/?story=libya-war").content.decode()
    article = e4.mentions.get().article
    assert add_to_story(story=stories["libya"], article_ids=[article.id]) == 1
    assert "3 events" in client.get("/?story=libya-war").content.decode()
    # Idempotent: already a member, nothing joins.
    assert add_to_story(story=stories["libya"], article_ids=[article.id]) == 0


def test_the_api_event_object_names_its_stories(client, stories):
    e1, e2, e3, e4 = stories["e"]
    rows = {e["id"]: e for e in client.get("/api/events/").json()["results"]}
    assert rows[e3.id]["stories"] == ["haiti-earthquake", "libya-war"]
    assert rows[e1.id]["stories"] == ["libya-war"]
    assert rows[e4.id]["stories"] == []
    one = client.get(f"/api/events/{e3.id}/").json()
    assert one["stories"] == ["haiti-earthquake", "libya-war"]
