"""Feeds and news sitemaps, parsed from bytes we fetched ourselves.

RSS 0.9x/1.0/2.0 and Atom go through feedparser (handed a byte stream, so it
never fetches or opens anything); news sitemaps (`<urlset>` with
`<news:news>` entries, and sitemap index files, whose children are fetched
through our own `Fetcher`) through ultimate-sitemap-parser.
"""

from __future__ import annotations

import calendar
import io
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import feedparser
from usp.fetch_parse import XMLSitemapParser
from usp.objects.sitemap import InvalidSitemap
from usp.web_client.abstract_client import (
    AbstractWebClient,
    AbstractWebClientResponse,
    AbstractWebClientSuccessResponse,
    WebClientErrorResponse,
)

from timeline.feeds.fetch import FEED_TYPES, Fetcher, FetchError
from timeline.feeds.urls import canonical_url

_SITEMAP_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:urlset|sitemapindex)[\s>]")
_SNIFF = 4096


class FeedError(Exception):
    """The document is not a feed or sitemap we can read."""


@dataclass(frozen=True)
class Entry:
    """One item of a feed: its id, the page it points at, and its date."""

    guid: str
    url: str
    title: str = ""
    published: date | None = None


@dataclass
class ParsedFeed:
    kind: str  # "rss20", "atom10", ..., "sitemap"
    title: str = ""
    entries: list[Entry] = field(default_factory=list)
    # Sub-sitemaps or entries that could not be read, with why.
    problems: list[str] = field(default_factory=list)


def parse(body: bytes, *, url: str, fetcher: Fetcher | None = None) -> ParsedFeed:
    """The entries of a feed or news sitemap; FeedError if it is neither.

    `fetcher` fetches the children of a sitemap index (without one they are
    reported as problems)."""
    if _SITEMAP_ROOT.search(body[:_SNIFF]):
        return _parse_sitemap(body, url=url, fetcher=fetcher)
    return _parse_feed(body, url=url)


# --- RSS and Atom ------------------------------------------------------------


def _day(parsed: object) -> date | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).date()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _parse_feed(body: bytes, *, url: str) -> ParsedFeed:
    doc = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": url},
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    entries: list[Entry] = []
    problems: list[str] = []
    for number, item in enumerate(doc.entries, start=1):
        link = (item.get("link") or "").strip()
        if not link:
            problems.append(f"entry {number} has no link")
            continue
        entries.append(
            Entry(
                # No id: the entry is known by its canonical URL, so a link
                # whose tracking parameters change is still the same entry.
                guid=(item.get("id") or canonical_url(link)).strip()[:500],
                url=link,
                title=(item.get("title") or "").strip()[:500],
                published=_day(
                    item.get("published_parsed") or item.get("updated_parsed")
                ),
            )
        )
    if doc.get("bozo") and not entries:
        reason = doc.get("bozo_exception")
        raise FeedError(f"not a readable feed: {reason or 'malformed XML'}")
    if not doc.get("version") and not entries:
        raise FeedError("not an RSS or Atom feed, nor a sitemap")
    return ParsedFeed(
        kind=doc.get("version") or "feed",
        title=(doc.feed.get("title") or "").strip()[:500],
        entries=entries,
        problems=problems,
    )


# --- sitemaps ------------------------------------------------------------------


class _Success(AbstractWebClientSuccessResponse):
    def __init__(self, url: str, status: int, body: bytes) -> None:
        self._url, self._status, self._body = url, status, body

    def status_code(self) -> int:
        return self._status

    def status_message(self) -> str:
        return "OK"

    def header(self, case_insensitive_name: str) -> str | None:
        return None

    def raw_data(self) -> bytes:
        return self._body

    def url(self) -> str:
        return self._url


class _SafeWebClient(AbstractWebClient):
    """ultimate-sitemap-parser's web client, fetching through our Fetcher."""

    def __init__(self, fetcher: Fetcher | None) -> None:
        self.fetcher = fetcher

    def set_max_response_data_length(
        self, max_response_data_length: int | None
    ) -> None:
        return None  # our FetchPolicy's limit applies

    def get(self, url: str) -> AbstractWebClientResponse:
        if self.fetcher is None:
            return WebClientErrorResponse("sub-sitemaps are not fetched here", False)
        try:
            fetched = self.fetcher.get(url, accept=FEED_TYPES)
            body = _gunzip(fetched.body, self.fetcher.policy.max_bytes)
        except FetchError as exc:
            return WebClientErrorResponse(str(exc), False)
        return _Success(fetched.url, fetched.status, body)


def _gunzip(body: bytes, limit: int) -> bytes:
    """A .xml.gz sitemap inflated, refusing more than `limit` bytes."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflate = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        data = inflate.decompress(body, limit + 1)
    except zlib.error as exc:
        raise FetchError(f"a corrupt gzip sitemap: {exc}") from None
    if inflate.unconsumed_tail or len(data) > limit:
        raise FetchError(f"the sitemap inflates to over {limit:,} bytes")
    return data


def _parse_sitemap(body: bytes, *, url: str, fetcher: Fetcher | None) -> ParsedFeed:
    parser = XMLSitemapParser(
        url=url,
        content=body.decode("utf-8-sig", errors="replace"),
        recursion_level=0,
        web_client=_SafeWebClient(fetcher),
        parent_urls=set(),
    )
    sitemap = parser.sitemap()
    if isinstance(sitemap, InvalidSitemap):
        raise FeedError(f"not a readable sitemap: {sitemap.reason}")
    problems = [
        f"{s.url}: {s.reason}"
        for s in sitemap.all_sitemaps()
        if isinstance(s, InvalidSitemap)
    ]
    entries = []
    for page in sitemap.all_pages():
        story = page.news_story
        if story is None:
            continue  # a plain sitemap lists every page of a site, not news
        published = story.publish_date
        entries.append(
            Entry(
                guid=canonical_url(page.url)[:500],
                url=page.url,
                title=(story.title or "").strip()[:500],
                published=published.astimezone(UTC).date()
                if published and published.tzinfo
                else (published.date() if published else None),
            )
        )
    return ParsedFeed(kind="sitemap", entries=entries, problems=problems)
