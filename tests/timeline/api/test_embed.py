import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from tests.timeline.factories import make_reported_event
from tests.timeline.web.conftest import _fresh_cache  # noqa: F401  (autouse)
from timeline.models import Event
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db


def event_ids(response) -> list[int]:
    return [int(i) for i in re.findall(r'id="event-(\d+)"', response.content.decode())]


def test_it_can_be_framed_by_other_sites(client):
    make_reported_event()
    response = client.get("/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors *" in csp
    assert "script-src" not in csp and "default-src 'none'" in csp
    # Only the embed: the rest of the site still refuses frames.
    other = client.get("/api/countries/")
    assert other["X-Frame-Options"] == "DENY"
    assert "frame-ancestors *" not in other.get("Content-Security-Policy", "")


def test_it_can_be_framed_only_by_configured_sites(client, settings):
    settings.NEWSLINE_EMBED_ORIGINS = [
        "https://news.example.org",
        "https://*.example.net",
    ]
    csp = client.get("/embed/")["Content-Security-Policy"]
    assert csp.endswith(
        "frame-ancestors https://news.example.org https://*.example.net"
    )


@pytest.mark.parametrize(
    "value", ["https://a.example; script-src *", "'unsafe-inline'"]
)
def test_it_refuses_an_embed_origin_that_is_not_one(value):
    env = {**os.environ, "NEWSLINE_EMBED_ORIGINS": value}
    result = subprocess.run(
        [sys.executable, "-c", "import tests.settings"],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "NEWSLINE_EMBED_ORIGINS" in result.stderr


def test_it_needs_no_inline_styles_or_scripts(client):
    make_reported_event()
    html = client.get("/embed/").content.decode()
    assert "<style" not in html and " style=" not in html and "<script" not in html
    assert "/static/css/embed.css" in html


def test_it_shows_the_filtered_events_like_the_api(client):
    for i in range(6):
        make_reported_event(
            title=f"Event {i}",
            start=date(2025, 1, 1) + timedelta(days=i),
            countries=("UA",) if i % 2 else ("FR",),
        )
    response = client.get("/embed/", {"country": "UA", "order": "oldest"})
    expected = list(
        Event.objects.for_timeline(
            TimelineFilters.from_query({"country": "UA", "order": "oldest"})
        ).values_list("id", flat=True)
    )
    assert event_ids(response) == expected
    api = client.get("/api/events/", {"country": "UA", "order": "oldest"}).json()
    assert [e["id"] for e in api["results"]] == expected


def test_it_has_no_chrome_admin_links_forms_or_scripts(client):
    make_reported_event(title="A summit")
    staff = User.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(staff)
    html = client.get("/embed/").content.decode()
    assert "A summit" in html
    assert "/admin" not in html
    assert "<form" not in html and "<script" not in html
    assert "site-header" not in html
    assert "csrf" not in html.lower()


def test_it_opens_links_in_a_new_tab(client):
    make_reported_event(countries=("UA",))
    html = client.get("/embed/", {"country": "UA"}).content.decode()
    assert '<base target="_blank">' in html
    assert 'rel="noopener"' in html
    assert "http://testserver/?country=UA" in html
    event = Event.objects.get()
    assert f'href="http://testserver/events/{event.id}/"' in html


def test_it_ignores_staff_filters_even_for_staff(client):
    make_reported_event(title="Kept")
    make_reported_event(title="Rejected one", status="rejected")
    staff = User.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(staff)
    html = client.get("/embed/", {"status": "rejected"}).content.decode()
    assert "Rejected one" not in html and "Kept" in html


def test_it_escapes_titles(client):
    make_reported_event(title="<script>alert(1)</script>")
    html = client.get("/embed/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_notes_bad_filters_instead_of_failing(client):
    make_reported_event()
    response = client.get("/embed/", {"country": "Narnia", "cursor": "zzz"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ignored country=&#x27;Narnia&#x27;" in html
    assert "invalid" in html


def test_it_pages_with_more_links(client):
    made = [
        make_reported_event(title=f"E{i}", start=date(2024, 1, 1) + timedelta(days=i))
        for i in range(30)
    ]
    first = client.get("/embed/")
    ids = event_ids(first)
    assert len(ids) == 25
    more = re.search(
        r'href="(/embed/\?[^"]+)" target="_self">More', first.content.decode()
    )
    assert more
    second = client.get(more.group(1).replace("&amp;", "&"))
    ids += event_ids(second)
    assert sorted(ids) == sorted(e.id for e in made) and len(set(ids)) == 30
    assert "More events" not in second.content.decode()


def test_it_survives_unusable_ids(client):
    make_reported_event(title="Still shown")
    for params in ({"actor": "²"}, {"q": "a\x00b"}):
        response = client.get("/embed/", params)
        assert response.status_code == 200
        assert "Still shown" in response.content.decode()
