"""manage.py feeds add|list|poll against a loopback news site."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.timeline.factories import FakePipeline
from tests.timeline.feeds.site import rss, wikinews
from timeline.feeds import services
from timeline.feeds.models import Feed
from timeline.ingestion import store
from timeline.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _setup(monkeypatch, settings):
    monkeypatch.setattr(store, "extract", FakePipeline())
    settings.NEWSLINE_FETCH_ALLOW_PRIVATE = True  # the loopback server
    settings.NEWSLINE_FETCH_HOST_DELAY = 0


@pytest.fixture
def server(httpserver):
    httpserver.no_handler_status_code = 404
    return httpserver


def run(*args) -> str:
    out = StringIO()
    call_command("feeds", *map(str, args), stdout=out)
    return out.getvalue()


def _serve_feed(server, path: str, stories) -> str:
    items = []
    for s in stories:
        server.expect_request(s.path).respond_with_data(
            _page(s), content_type="text/html; charset=utf-8"
        )
        items.append((s.slug, server.url_for(s.path), s))
    server.expect_request(path).respond_with_data(
        rss(server.url_for("/").rstrip("/"), items), content_type="application/rss+xml"
    )
    return server.url_for(path)


def _page(story):
    from tests.timeline.feeds.site import page

    return page(story)


def test_it_adds_a_feed_with_its_story_and_interval():
    out = run(
        "add",
        "https://news.example.org/rss.xml",
        "--story",
        "ukraine-war",
        "--every",
        "2h",
    )

    feed = Feed.objects.get()
    assert (
        out
        == f"Feed {feed.pk} added: https://news.example.org/rss.xml, polled every 2h, story ukraine-war\n"
    )
    assert feed.story == "ukraine-war" and feed.poll_interval == timedelta(hours=2)
    assert feed.active and feed.next_poll is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://news.example.org/rss"], "is not an http:// or https:// URL"),
        (["https://x.example/rss", "--every", "soon"], "is not a number with a unit"),
        (["https://x.example/rss", "--every", "30s"], "shorter than one minute"),
        (["https://x.example/rss", "--story", "no spaces"], "is not a slug"),
    ],
)
def test_it_refuses_a_bad_feed_and_stores_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        run("add", *args)
    assert not Feed.objects.exists()


def test_it_refuses_a_feed_already_followed():
    run("add", "https://news.example.org/rss.xml")
    with pytest.raises(CommandError, match=r"already followed \(feed \d+\)"):
        run("add", "https://news.example.org/rss.xml")


def test_it_lists_feeds_with_their_health(server):
    run("add", "https://news.example.org/rss.xml", "--every", "45m", "--story", "s")
    Feed.objects.create(
        url="https://broken.example.org/feed",
        last_error="https://broken.example.org/feed: HTTP 500",
        last_error_at="2025-01-01T00:00:00Z",
    )

    out = run("list")

    first, second, error_when, error = out.splitlines()
    assert "active  every 45m   ok" in first and "[story s]" in first
    assert "next poll due" in first
    assert "failing" in second and second.endswith("https://broken.example.org/feed")
    assert error.strip() == "https://broken.example.org/feed: HTTP 500"


def test_it_polls_every_feed_and_prints_the_summary(server):
    good = _serve_feed(server, "/rss.xml", wikinews(2))
    run("add", good)
    run("add", server.url_for("/missing.xml"))

    out = StringIO()
    with pytest.raises(CommandError, match=r"1 feed\(s\) or article\(s\) failed"):
        call_command("feeds", "poll", "--all", stdout=out)

    text = out.getvalue()
    assert f"({good}): 2 entries, 2 new, 2 stored" in text
    assert "Articles read: 2" in text and "Articles stored: 2" in text
    assert "Failed: 1" in text
    missing = Feed.objects.get(url=server.url_for("/missing.xml"))
    assert (
        f"failed: feed {missing.pk}: {server.url_for('/missing.xml')}: HTTP 404 NOT FOUND"
        in text
    )
    assert Article.objects.count() == 2


def test_it_polls_the_feeds_given_and_says_when_none_is_due(server):
    url = _serve_feed(server, "/rss.xml", wikinews(1))
    run("add", url)
    feed = Feed.objects.get()

    assert "1 stored" in run("poll", feed.pk)
    assert "No feed was due." in run("poll")
    with pytest.raises(CommandError, match="No feed with id 999"):
        run("poll", 999)


def test_the_loop_polls_each_feed_at_its_interval_until_interrupted(
    server, monkeypatch
):
    url = _serve_feed(server, "/rss.xml", wikinews(2))
    run("add", url, "--every", "10m")
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 1:
            Feed.objects.update(next_poll=None)  # as if ten minutes had passed
            return
        raise KeyboardInterrupt

    monkeypatch.setattr(services, "_sleep", nap)

    out = run("poll", "--loop")

    assert naps[0] == 60.0  # the next poll is 10 minutes away: sleep the cap
    assert naps[1] == 60.0
    pk = Feed.objects.get().pk
    polls = [line for line in out.splitlines() if line.startswith("Feed ")]
    assert polls == [
        f"Feed {pk} ({url}): 2 entries, 2 new, 2 stored",
        f"Feed {pk} ({url}): 2 entries, 0 new, 0 stored",
    ]
    assert "Articles stored: 2" in out
    assert len([r for r, _ in server.log if r.path == "/rss.xml"]) == 2
