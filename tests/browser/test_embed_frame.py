"""The embed in real headless Chromium, framed by another site's page: it
loads there with its stylesheet (its CSP allows both), while the full
timeline refuses to be framed."""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser.test_timeline import CHROMIUM_ARGS
from tests.conftest import require_binary
from tests.timeline.factories import make_reported_event

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def newsroom(live_server):
    """A newsroom's story page on another origin (127.0.0.1; the app is on
    localhost), framing the given app paths. A real local server: Chromium
    blocks public pages from framing local ones."""
    assert "localhost" in live_server.url
    frames: dict[str, str] = {}

    class Story(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = "<!doctype html><title>Story</title>" + "".join(
                f'<iframe id="{name}" src="{live_server.url}{path}" '
                'width="600" height="400"></iframe>'
                for name, path in frames.items()
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Story)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/story", frames
    server.shutdown()
    server.server_close()


@pytest.fixture
def page():
    chromium = require_binary("chromium", "/usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


def settled_frames(page, count: int, timeout: float = 15.0) -> dict[str, str]:
    """The story's frames by id once each has finished navigating: its URL,
    or Chromium's error page for a frame the browser refused to show."""
    deadline = time.monotonic() + timeout
    while True:
        urls = {
            f.name or f.frame_element().get_attribute("id"): f.url
            for f in page.main_frame.child_frames
        }
        if len(urls) == count and all(
            u not in ("", "about:blank") for u in urls.values()
        ):
            return urls
        if time.monotonic() > deadline:
            pytest.fail(f"the story's frames did not finish loading: {urls}")
        page.wait_for_timeout(100)


def test_it_shows_in_another_sites_frame(newsroom, page):
    story_url, frames = newsroom
    make_reported_event(title="Talks in Kyiv", countries=("UA",))
    make_reported_event(title="Summit in Paris", countries=("FR",))
    frames.update({"embed": "/embed/?country=UA", "full": "/?country=UA"})
    page.goto(story_url)

    embed = page.frame_locator("#embed")
    embed.locator(".embed-event").first.wait_for(timeout=15_000)
    assert embed.locator(".embed-event a").all_inner_texts() == ["Talks in Kyiv"]
    # The stylesheet applied (a blocked style would leave list bullets).
    style = embed.locator("ol.embed-events").evaluate(
        "el => getComputedStyle(el).listStyleType"
    )
    assert style == "none"

    # The full page in the same story is refused by the browser.
    urls = settled_frames(page, 2)
    assert urls["embed"].endswith("/embed/?country=UA")
    assert urls["full"].startswith("chrome-error:"), urls


def test_it_refuses_sites_not_in_embed_origins(newsroom, page, settings):
    settings.NEWSLINE_EMBED_ORIGINS = ["https://news.example.org"]
    story_url, frames = newsroom
    make_reported_event(title="Talks in Kyiv", countries=("UA",))
    frames.update({"embed": "/embed/?country=UA"})
    page.goto(story_url)
    urls = settled_frames(page, 1)
    assert urls["embed"].startswith("chrome-error:"), urls
    assert page.frame_locator("#embed").locator(".embed-event").count() == 0
