"""The 404 page: the site's own layout (landmarks, a heading, the way back),
not Django's bare "Not Found"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/events/999999/", "/articles/999999/", "/nowhere/"])
def test_it_shows_the_site_page_for_an_unknown_address(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    html = response.content.decode()
    assert '<main id="main"' in html
    assert '<h1 class="page-title">Page not found</h1>' in html
    assert '<a href="/">Go to the timeline</a>' in html
    assert '<link rel="icon" href="/static/favicon.svg"' in html


def test_it_keeps_the_api_answering_in_json(client):
    response = client.get("/api/events/999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/")
