"""Polling feeds end to end against the loopback news site: entries seen once,
conditional GETs, moved entries, tracking parameters, broken feeds and pages.
Extraction is stubbed (FakePipeline): this is about fetching and storing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.timeline.factories import FakePipeline
from tests.timeline.feeds.site import (
    atom,
    fetcher,
    news_sitemap,
    rss,
    seed_story,
    wikinews,
)
from timeline.domain.services import delete_articles
from timeline.feeds.models import EntryState, Feed, FeedEntry
from timeline.feeds.services import claim_due, poll_due, poll_feed, poll_feeds
from timeline.ingestion import store
from timeline.ingestion.sources import ArticleInput
from timeline.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pipeline(monkeypatch):
    fake = FakePipeline()
    monkeypatch.setattr(store, "extract", fake)
    return fake


def _feed(url: str, **kw) -> Feed:
    return Feed.objects.create(url=url, **kw)


def _poll(feed: Feed, client=None):
    feed.refresh_from_db()
    return poll_feed(feed=feed, fetcher=client or fetcher())


def test_it_stores_each_entry_of_an_rss_feed_once(site):
    stories = wikinews(3)
    items = [(f"urn:wikinews:{s.slug}", site.serve_page(s), s) for s in stories]
    feed = _feed(site.serve("/rss.xml", rss(site.base, items), "application/rss+xml"))

    result = _poll(feed)

    assert result.error == ""
    assert (result.entries, result.new_entries, result.summary.stored) == (3, 3, 3)
    articles = {a.source_url: a for a in Article.objects.all()}
    assert set(articles) == {site.url(s.path) for s in stories}
    first = articles[site.url(stories[0].path)]
    assert first.title == stories[0].title
    assert first.publisher == "Wikinews"
    assert first.published == date.fromisoformat(stories[0].published)
    assert "Northrop Grumman" in first.text
    feed.refresh_from_db()
    assert feed.articles_added == 3 and feed.title == "Wikinews"
    assert feed.last_success is not None and feed.last_error == ""
    assert sorted(FeedEntry.objects.values_list("state", flat=True)) == ["stored"] * 3


def test_a_second_poll_answered_304_fetches_nothing_else(site):
    stories = wikinews(2)
    items = [(s.slug, site.serve_page(s), s) for s in stories]
    body = rss(site.base, items)
    site.server.expect_request(
        "/rss.xml", headers={"If-None-Match": '"v1"'}
    ).respond_with_data("", status=304)
    site.server.expect_request("/rss.xml").respond_with_data(
        body, content_type="application/rss+xml", headers={"ETag": '"v1"'}
    )
    feed = _feed(site.url("/rss.xml"))
    _poll(feed)
    feed.refresh_from_db()
    assert feed.etag == '"v1"'
    pages_before = sum(len(site.requests(s.path)) for s in stories)

    again = _poll(feed)

    assert again.not_modified and again.summary.stored == 0
    assert Article.objects.count() == 2
    assert sum(len(site.requests(s.path)) for s in stories) == pages_before
    assert site.server.log[-1][1].status_code == 304


def test_a_second_poll_of_an_unchanged_feed_stores_nothing_new(site):
    stories = wikinews(2)
    items = [(s.slug, site.serve_page(s), s) for s in stories]
    feed = _feed(site.serve("/rss.xml", rss(site.base, items), "application/rss+xml"))
    _poll(feed)

    again = _poll(feed)

    assert (again.entries, again.new_entries, again.summary.read) == (2, 0, 0)
    assert Article.objects.count() == 2
    assert all(len(site.requests(s.path)) == 1 for s in stories)


def test_an_entry_that_moved_is_not_fetched_again(site):
    story = wikinews(1)[0]
    site.serve_page(story)
    feed = _feed(site.url("/rss.xml"))
    site.server.expect_oneshot_request("/rss.xml").respond_with_data(
        rss(site.base, [("urn:story:1", site.url(story.path), story)]),
        content_type="application/rss+xml",
    )
    _poll(feed)
    moved = site.url("/2008/03/moved.html")
    site.server.expect_request("/rss.xml").respond_with_data(
        rss(site.base, [("urn:story:1", moved, story)]),
        content_type="application/rss+xml",
    )

    result = _poll(feed)

    assert result.new_entries == 0 and Article.objects.count() == 1
    assert site.requests("/2008/03/moved.html") == []
    assert FeedEntry.objects.get().url == moved


def test_tracking_parameters_and_rel_canonical_make_one_article(site):
    story = wikinews(1)[0]
    canonical = site.url(story.path)
    site.server.expect_request("/amp/story").respond_with_data(
        _page_with_canonical(story, canonical), content_type="text/html"
    )
    site.serve_page(story)
    one = _feed(
        site.serve(
            "/a.xml",
            rss(
                site.base,
                [("a-1", canonical + "?utm_source=rss&utm_medium=feed", story)],
            ),
            "application/rss+xml",
        )
    )
    two = _feed(
        site.serve(
            "/b.xml",
            rss(site.base, [("b-1", site.url("/amp/story?fbclid=xyz"), story)]),
            "application/rss+xml",
        )
    )
    three = _feed(
        site.serve(
            "/c.xml",
            rss(site.base, [("c-1", canonical + "#comments", story)]),
            "application/rss+xml",
        )
    )

    results = poll_feeds(feeds=[one, two, three], fetcher=fetcher())

    assert [r.summary.stored for r in results] == [1, 0, 0]
    assert [r.summary.duplicates for r in results] == [0, 1, 1]
    (article,) = Article.objects.all()
    assert article.source_url == canonical
    assert len(site.requests(story.path)) == 1  # "#comments" was not fetched again
    assert set(FeedEntry.objects.values_list("article_id", flat=True)) == {article.pk}


def _page_with_canonical(story, canonical):
    from tests.timeline.feeds.site import page

    return page(story, canonical=canonical)


def test_an_atom_feed_entry_dates_a_page_without_a_date(site):
    seed = seed_story()
    url = site.serve_page(seed, dated=False)
    feed = _feed(
        site.serve(
            "/atom.xml",
            atom(site.base, [("urn:seed", url, seed)]),
            "application/atom+xml",
        )
    )

    result = _poll(feed)

    assert result.summary.stored == 1
    article = Article.objects.get()
    assert article.published == date(2025, 2, 24)
    assert "President Donald Trump continues to progress" in article.text


def test_a_news_sitemap_is_polled_like_a_feed(site):
    stories = wikinews(2)
    entries = [(site.serve_page(s, dated=False), s) for s in stories]
    feed = _feed(
        site.serve("/sitemap-news.xml", news_sitemap(entries), "application/xml")
    )

    result = _poll(feed)

    assert result.summary.stored == 2
    assert sorted(Article.objects.values_list("published", flat=True)) == sorted(
        date.fromisoformat(s.published) for s in stories
    )


def test_a_page_without_any_date_fails_its_entry_with_the_reason(site):
    story = wikinews(1)[0]
    url = site.serve_page(story, dated=False)
    body = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
        f"<item><title>x</title><link>{url}</link><guid>g</guid></item></channel></rss>"
    )
    feed = _feed(site.serve("/rss.xml", body, "application/rss+xml"))

    result = _poll(feed)

    assert Article.objects.count() == 0
    (failure,) = result.summary.failures
    assert failure.origin == url
    assert failure.reason == (
        "the page has no publication date in its metadata and the feed entry has no date"
    )


def test_a_broken_feed_is_recorded_and_the_other_feeds_go_on(site):
    story = wikinews(1)[0]
    broken = _feed(
        site.serve("/broken.xml", "<rss version='2.0'><channel><item><ti", "text/xml")
    )
    missing = _feed(site.url("/gone.xml"))
    good = _feed(
        site.serve(
            "/rss.xml",
            rss(site.base, [("g", site.serve_page(story), story)]),
            "application/rss+xml",
        )
    )

    results = poll_feeds(feeds=[broken, missing, good], fetcher=fetcher())

    assert [bool(r.error) for r in results] == [True, True, False]
    assert results[2].summary.stored == 1
    broken.refresh_from_db()
    missing.refresh_from_db()
    assert "not a readable feed" in broken.last_error and not broken.healthy
    assert missing.last_error == f"{site.url('/gone.xml')}: HTTP 404 NOT FOUND"
    assert missing.last_success is None and missing.last_error_at is not None
    assert Article.objects.count() == 1


def test_an_entry_pointing_at_a_pdf_is_reported_and_the_rest_stored(site):
    stories = wikinews(2)
    pdf = site.serve("/report.pdf", b"%PDF-1.7\n" + b"0" * 5000, "application/pdf")
    items = [
        ("pdf", pdf, stories[0]),
        ("ok", site.serve_page(stories[1]), stories[1]),
    ]
    feed = _feed(site.serve("/rss.xml", rss(site.base, items), "application/rss+xml"))

    result = _poll(feed)

    assert result.summary.stored == 1
    (failure,) = result.summary.failures
    assert failure.origin == pdf
    assert failure.reason == "application/pdf is not a page or feed we can read"
    entry = FeedEntry.objects.get(guid="pdf")
    assert entry.state == EntryState.FAILED and entry.attempts == 1
    feed.refresh_from_db()
    assert feed.last_error.startswith("1 of 2 entries failed; first: ")
    assert feed.last_success is not None


def test_a_failed_entry_is_tried_again_on_the_next_poll(site):
    story = wikinews(1)[0]
    site.server.expect_oneshot_request(story.path).respond_with_data("", status=500)
    feed = _feed(
        site.serve(
            "/rss.xml",
            rss(site.base, [("g", site.url(story.path), story)]),
            "application/rss+xml",
        )
    )
    assert _poll(feed, fetcher(retries=0)).summary.stored == 0
    site.serve_page(story)

    result = _poll(feed, fetcher(retries=0))

    assert result.summary.stored == 1
    entry = FeedEntry.objects.get()
    assert (entry.state, entry.attempts, entry.error) == ("stored", 2, "")


def test_an_article_already_stored_from_a_file_is_not_stored_again(site):
    story = wikinews(1)[0]
    url = site.serve_page(story)
    store.ingest(
        [
            ArticleInput(
                text=_text_of(site, story),
                published=date.fromisoformat(story.published),
                origin="file.html",
            )
        ]
    )
    feed = _feed(
        site.serve(
            "/rss.xml", rss(site.base, [("g", url, story)]), "application/rss+xml"
        )
    )

    result = _poll(feed)

    assert (result.summary.stored, result.summary.duplicates) == (0, 1)
    assert Article.objects.count() == 1
    assert FeedEntry.objects.get().state == EntryState.DUPLICATE


def _text_of(site, story) -> str:
    from timeline.feeds.pages import fetch_article

    return fetch_article(site.url(story.path), fetcher=fetcher()).text


def test_an_article_an_admin_deleted_is_not_fetched_again(site):
    story = wikinews(1)[0]
    url = site.serve_page(story)
    feed = _feed(
        site.serve(
            "/rss.xml", rss(site.base, [("g", url, story)]), "application/rss+xml"
        )
    )
    _poll(feed)
    delete_articles(articles=Article.objects.all())

    result = _poll(feed)

    assert result.new_entries == 0 and Article.objects.count() == 0
    assert len(site.requests(story.path)) == 1


def test_only_due_feeds_are_claimed_and_each_once(site):
    now = timezone.now()
    due = _feed(site.url("/a.xml"))
    later = _feed(site.url("/b.xml"), next_poll=now + timedelta(minutes=5))
    _feed(site.url("/c.xml"), active=False)

    assert claim_due(now=now) == [due.pk]
    assert claim_due(now=now) == []  # claimed: next poll in 30 minutes
    due.refresh_from_db()
    assert due.next_poll == now + timedelta(minutes=30)
    assert claim_due(now=now + timedelta(minutes=6)) == [later.pk]


def test_poll_due_polls_the_due_feeds(site):
    story = wikinews(1)[0]
    _feed(
        site.serve(
            "/rss.xml",
            rss(site.base, [("g", site.serve_page(story), story)]),
            "application/rss+xml",
        )
    )

    results = poll_due(fetcher=fetcher())

    assert [r.summary.stored for r in results] == [1]
    assert poll_due(fetcher=fetcher()) == []  # not due again for 30 minutes


def test_an_entry_with_an_invalid_link_fails_alone(site):
    story = wikinews(1)[0]
    items = [
        ("bad", "http://news.test:99999/x.html", story),
        ("ok", site.serve_page(story), story),
    ]
    feed = _feed(site.serve("/rss.xml", rss(site.base, items), "application/rss+xml"))

    result = _poll(feed)

    assert result.summary.stored == 1
    (failure,) = result.summary.failures
    assert failure.origin == "http://news.test:99999/x.html"
    assert failure.reason.startswith("not a valid URL")


def test_an_unexpected_error_in_one_feed_stops_none_of_the_others(site, monkeypatch):
    from timeline.feeds import services

    story = wikinews(1)[0]
    weird = _feed(site.serve("/weird.xml", "<rss/>", "application/rss+xml"))
    good = _feed(
        site.serve(
            "/rss.xml",
            rss(site.base, [("g", site.serve_page(story), story)]),
            "application/rss+xml",
        )
    )
    real_parse = services.parse

    def parse(body, *, url, fetcher=None):
        if url.endswith("/weird.xml"):
            raise RuntimeError("parser bug")
        return real_parse(body, url=url, fetcher=fetcher)

    monkeypatch.setattr(services, "parse", parse)

    results = poll_feeds(feeds=[weird, good], fetcher=fetcher())

    assert [r.error for r in results] == ["RuntimeError: parser bug", ""]
    assert results[1].summary.stored == 1
    weird.refresh_from_db()
    assert weird.last_error == "RuntimeError: parser bug"


def test_an_entry_without_a_guid_is_known_by_its_canonical_url(site):
    story = wikinews(1)[0]
    url = site.serve_page(story)

    def feed_body(campaign: str) -> str:
        return (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
            f"<item><title>x</title><link>{url}?utm_campaign={campaign}</link>"
            "</item></channel></rss>"
        )

    site.server.expect_oneshot_request("/rss.xml").respond_with_data(
        feed_body("monday"), content_type="application/rss+xml"
    )
    site.server.expect_request("/rss.xml").respond_with_data(
        feed_body("tuesday"), content_type="application/rss+xml"
    )
    feed = _feed(site.url("/rss.xml"))
    _poll(feed)

    again = _poll(feed)

    assert again.new_entries == 0
    assert list(FeedEntry.objects.values_list("guid", "url")) == [(url, url)]


def test_a_feeds_articles_join_its_story_also_when_already_stored(site):
    """Feed.story is the slug of the story its articles join: created with
    the first article; an entry stored before (by another feed) joins too."""
    from timeline.models import Story

    stories = wikinews(2)
    items = [(s.slug, site.serve_page(s), s) for s in stories]
    body = rss(site.base, items)
    first = _feed(
        site.serve("/rss.xml", body, "application/rss+xml"), story="libya-war"
    )
    _poll(first)
    story = Story.objects.get(slug="libya-war")
    assert story.articles.count() == 2
    other = _feed(site.serve("/other.xml", body, "application/rss+xml"), story="world")
    result = _poll(other)
    assert result.summary.stored == 0
    assert Story.objects.get(slug="world").articles.count() == 2
    assert story.articles.count() == 2  # polling again adds nothing twice
    _poll(first)
    assert Story.articles.through.objects.count() == 4
