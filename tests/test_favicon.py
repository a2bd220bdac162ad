"""The favicon: every page links it and it is served (browsers otherwise ask
for /favicon.ico, a 404 on every page)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.timeline.factories import make_reported_event

pytestmark = pytest.mark.django_db

ICON = re.compile(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">')


@pytest.fixture
def pages() -> list[str]:
    event = make_reported_event(title="Talks in Kyiv", countries=("UA",))
    article = event.mentions.get().article
    return [
        "/",
        "/?country=UA",
        f"/events/{event.id}/",
        f"/articles/{article.id}/",
        "/embed/",
        "/admin/login/",
    ]


def test_it_is_linked_from_every_page(client, pages):
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert ICON.findall(response.content.decode()) == ["/static/favicon.svg"], path


def test_it_is_served_as_an_svg_image(client, settings):
    # WhiteNoise serves static files (here from the finders, as with DEBUG;
    # production serves the collected copy).
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = client.get("/static/favicon.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    body = b"".join(response.streaming_content)
    root = ET.fromstring(body)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 32 32"
