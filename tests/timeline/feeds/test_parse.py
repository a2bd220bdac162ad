"""Feeds and sitemaps in every format we read, built from the real samples."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.feeds.site import (
    atom,
    fetcher,
    news_sitemap,
    rss,
    rss1,
    sitemap_index,
    wikinews,
)
from timeline.feeds.parse import FeedError, parse

BASE = "http://news.test"


def _items():
    return [(f"urn:wikinews:{s.slug}", f"{BASE}{s.path}", s) for s in wikinews(3)]


@pytest.mark.parametrize(
    ("build", "kind"), [(rss, "rss20"), (atom, "atom10"), (rss1, "rss10")]
)
def test_it_reads_rss_and_atom_entries_with_their_dates(build, kind):
    items = _items()

    parsed = parse(build(BASE, items).encode(), url=f"{BASE}/feed")

    assert parsed.kind == kind
    assert [e.url for e in parsed.entries] == [link for _, link, _ in items]
    assert [e.title for e in parsed.entries] == [s.title for _, _, s in items]
    assert [e.published for e in parsed.entries] == [
        date.fromisoformat(s.published) for _, _, s in items
    ]
    if kind != "rss10":  # RSS 1.0 items are known by their URL
        assert [e.guid for e in parsed.entries] == [g for g, _, _ in items]


def test_it_reads_rss_0_91():
    body = (
        b"<?xml version='1.0'?><rss version='0.91'><channel><title>Old</title>"
        b"<link>http://news.test/</link><description>d</description>"
        b"<item><title>One</title>"
        b"<link>http://news.test/one.html?utm_source=rss#top</link></item>"
        b"</channel></rss>"
    )

    parsed = parse(body, url=f"{BASE}/rss091")

    assert parsed.kind.startswith("rss09")
    # No guid: known by its canonical URL (no tracking parameters, no fragment)
    assert [(e.guid, e.url, e.published) for e in parsed.entries] == [
        (
            "http://news.test/one.html",
            "http://news.test/one.html?utm_source=rss#top",
            None,
        )
    ]


def test_it_resolves_relative_links_against_the_feed_url():
    story = wikinews(1)[0]
    body = rss(BASE, [("g1", story.path, story)]).encode()

    (entry,) = parse(body, url=f"{BASE}/feeds/all.xml").entries

    assert entry.url == f"{BASE}{story.path}"


def test_it_reads_a_news_sitemap():
    stories = wikinews(2)
    body = news_sitemap([(f"{BASE}{s.path}", s) for s in stories]).encode()

    parsed = parse(body, url=f"{BASE}/sitemap-news.xml")

    assert parsed.kind == "sitemap"
    assert [(e.url, e.title, e.published) for e in parsed.entries] == [
        (f"{BASE}{s.path}", s.title, date.fromisoformat(s.published)) for s in stories
    ]


def test_it_follows_a_sitemap_index_through_the_safe_client(site):
    stories = wikinews(4)
    site.serve(
        "/sitemap-a.xml",
        news_sitemap([(site.url(s.path), s) for s in stories[:2]]),
        "application/xml",
    )
    site.serve(
        "/sitemap-b.xml",
        news_sitemap([(site.url(s.path), s) for s in stories[2:]]),
        "application/xml",
    )
    index = sitemap_index(
        [site.url("/sitemap-a.xml"), site.url("/sitemap-b.xml"), site.url("/gone.xml")]
    )

    parsed = parse(index.encode(), url=site.url("/sitemap.xml"), fetcher=fetcher())

    assert sorted(e.url for e in parsed.entries) == sorted(
        site.url(s.path) for s in stories
    )
    assert len(parsed.problems) == 1 and "gone.xml" in parsed.problems[0]
    assert "HTTP 404" in parsed.problems[0]


@pytest.mark.parametrize(
    "body",
    [
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title>"
        b"<item><title>half an item</ti",
        b"this is not XML at all",
        b"",
    ],
)
def test_it_refuses_a_malformed_feed(body):
    with pytest.raises(FeedError):
        parse(body, url=f"{BASE}/broken.xml")
