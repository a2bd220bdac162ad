"""manage.py ingest URL... and --urls FILE: pages fetched from a loopback
server and ingested as HTML files are. (File ingestion: test_ingest.py.)"""

from __future__ import annotations

import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.timeline.factories import FakePipeline
from tests.timeline.feeds.site import page, seed_story, wikinews
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


def serve(server, story, **kw) -> str:
    server.expect_request(story.path).respond_with_data(
        page(story, **kw), content_type="text/html; charset=utf-8"
    )
    return server.url_for(story.path)


def run(*args) -> str:
    out = StringIO()
    call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue()


def test_it_fetches_and_ingests_article_urls(server):
    stories = wikinews(2)
    urls = [serve(server, s) for s in stories]

    out = run(*urls)

    assert "Articles read: 2" in out and "Articles stored: 2" in out
    article = Article.objects.get(source_url=urls[0])
    assert article.title == stories[0].title
    assert article.publisher == "Wikinews"
    assert article.published == date.fromisoformat(stories[0].published)


def test_it_reads_a_url_list_and_reports_each_failure(server, tmp_path):
    story = wikinews(1)[0]
    good = serve(server, story)
    server.expect_request("/slides.png").respond_with_data(
        b"\x89PNG", content_type="image/png"
    )
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# today's reading\n"
        f"{good}\n\n"
        "ftp://news.example.org/x\n"
        f"{server.url_for('/gone.html')}\n"
        f"{server.url_for('/slides.png')}\n",
        "utf-8",
    )
    out = StringIO()

    with pytest.raises(CommandError, match=r"3 article\(s\) or file\(s\) failed"):
        call_command("ingest", "--urls", str(listing), stdout=out)

    text = out.getvalue()
    assert "Articles read: 4" in text and "Articles stored: 1" in text
    assert (
        "failed: ftp://news.example.org/x: URL 'ftp://news.example.org/x' is not an http:// or https:// URL"
        in text
    )
    assert f"failed: {server.url_for('/gone.html')}: HTTP 404 NOT FOUND" in text
    assert (
        f"failed: {server.url_for('/slides.png')}: image/png is not a page or feed we can read"
        in text
    )
    assert Article.objects.count() == 1


def test_a_url_already_stored_is_a_duplicate_and_not_fetched_again(server):
    story = wikinews(1)[0]
    url = serve(server, story)
    run(url)

    out = run(url + "?utm_source=newsletter&utm_campaign=daily")

    assert "Skipped as duplicates: 1" in out and "Articles stored: 0" in out
    assert len([r for r, _ in server.log if r.path == story.path]) == 1


def test_published_dates_a_page_without_a_date(server):
    seed = seed_story()
    url = serve(server, seed, dated=False)

    with pytest.raises(CommandError):
        out = StringIO()
        call_command("ingest", url, stdout=out)
    assert (
        "the page has no publication date in its metadata: pass --published"
        in out.getvalue()
    )

    run(url, "--published", "2025-02-24")
    assert Article.objects.get().published == date(2025, 2, 24)


def test_title_and_publisher_apply_to_a_single_url(server):
    url = serve(server, wikinews(1)[0])

    run(url, "--title", "Tanker deal", "--publisher", "Desk")

    article = Article.objects.get()
    assert (article.title, article.publisher) == ("Tanker deal", "Desk")
    with pytest.raises(CommandError, match="apply to a single"):
        run(url, url + "?x=1", "--title", "Two")


def test_it_refuses_a_private_address_by_default(server, settings):
    settings.NEWSLINE_FETCH_ALLOW_PRIVATE = False
    url = serve(server, wikinews(1)[0])
    out = StringIO()

    with pytest.raises(CommandError):
        call_command("ingest", url, stdout=out)

    assert re.search(
        r"localhost resolves to (127\.0\.0\.1|::1), a loopback address "
        r"\(set NEWSLINE_FETCH_ALLOW_PRIVATE=true",
        out.getvalue(),
    )
    assert server.log == []


def test_it_names_a_missing_url_list_and_an_empty_call(tmp_path):
    with pytest.raises(CommandError, match=r"--urls .*nowhere.txt: cannot be read"):
        run("--urls", tmp_path / "nowhere.txt")
    with pytest.raises(CommandError, match="Give files, directories or URLs"):
        run()
    assert not Article.objects.exists()
