import pytest

from tests.timeline.feeds.site import Site


@pytest.fixture
def site(httpserver) -> Site:
    """The loopback news site; unknown paths (robots.txt included) are 404."""
    httpserver.no_handler_status_code = 404
    return Site(httpserver)
