"""A news site for the feed tests, built from the real sample articles.

Pages wrap the Wikinews sample (samples/wikinews-meantime.jsonl) and the seed
article (samples/ukraine-2025-02-24.txt) in HTML with their metadata; feeds
and sitemaps list them. Served by pytest-httpserver on loopback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pytest_httpserver import HTTPServer

from timeline.feeds.fetch import Fetcher, FetchPolicy, HostGate

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
HOST = "news.test"  # mapped to 127.0.0.1 by the test resolver


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    text: str
    published: str  # YYYY-MM-DD

    @property
    def path(self) -> str:
        return f"/news/{self.slug}.html"


def wikinews(n: int) -> list[Story]:
    lines = (SAMPLES / "wikinews-meantime.jsonl").read_text("utf-8").splitlines()
    stories = []
    for line in lines[:n]:
        row = json.loads(line)
        stories.append(
            Story(
                slug=row["id"],
                title=row["title"],
                text=row["text"],
                published=row["published"],
            )
        )
    return stories


def seed_story() -> Story:
    text = (SAMPLES / "ukraine-2025-02-24.txt").read_text("utf-8")
    return Story(
        slug="ukraine-2025-02-24",
        title="Trump continues push to end the war in Ukraine",
        text=text,
        published="2025-02-24",
    )


def page(story: Story, *, dated: bool = True, canonical: str = "") -> str:
    """An article page with Open Graph metadata, as news sites publish them."""
    paragraphs = "\n".join(
        f"<p>{escape(p)}</p>" for p in story.text.split("\n") if p.strip()
    )
    meta = [
        f"<title>{escape(story.title)} - Wikinews</title>",
        '<meta property="og:site_name" content="Wikinews">',
        f'<meta property="og:title" content="{escape(story.title)}">',
    ]
    if dated:
        meta.append(
            f'<meta property="article:published_time" content="{story.published}">'
        )
    if canonical:
        meta.append(f'<link rel="canonical" href="{escape(canonical)}">')
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        + "".join(meta)
        + "</head><body><header><nav><a href='/'>Home</a></nav></header>"
        + f"<article><h1>{escape(story.title)}</h1>{paragraphs}</article>"
        + "<footer>Content is available under CC BY 2.5.</footer></body></html>"
    )


def rfc822(day: str) -> str:
    from datetime import UTC, date, datetime, time
    from email.utils import format_datetime

    d = date.fromisoformat(day)
    return format_datetime(datetime.combine(d, time(12, 0), UTC))


def rss(base: str, items: list[tuple[str, str, Story]], title: str = "Wikinews") -> str:
    """RSS 2.0; items are (guid, link, story)."""
    body = "".join(
        f"<item><title>{escape(s.title)}</title><link>{escape(link)}</link>"
        f"<guid isPermaLink='false'>{escape(guid)}</guid>"
        f"<pubDate>{rfc822(s.published)}</pubDate></item>"
        for guid, link, s in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{escape(title)}</title><link>{escape(base)}/</link>"
        f"<description>Latest news</description>{body}</channel></rss>"
    )


def atom(base: str, items: list[tuple[str, str, Story]]) -> str:
    entries = "".join(
        f"<entry><id>{escape(guid)}</id><title>{escape(s.title)}</title>"
        f"<link rel='alternate' href='{escape(link)}'/>"
        f"<updated>{s.published}T12:00:00Z</updated></entry>"
        for guid, link, s in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?>"
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>Wikinews Atom</title>"
        f"<id>{escape(base)}/atom</id><updated>2025-02-24T12:00:00Z</updated>"
        f"{entries}</feed>"
    )


def rss1(base: str, items: list[tuple[str, str, Story]]) -> str:
    """RSS 1.0 (RDF)."""
    lis = "".join(f"<rdf:li rdf:resource='{escape(link)}'/>" for _, link, _ in items)
    body = "".join(
        f"<item rdf:about='{escape(link)}'><title>{escape(s.title)}</title>"
        f"<link>{escape(link)}</link><dc:date>{s.published}</dc:date></item>"
        for _, link, s in items
    )
    return (
        "<?xml version='1.0'?><rdf:RDF "
        "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
        "xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
        f"<channel rdf:about='{escape(base)}/rdf'><title>Wikinews RDF</title>"
        f"<link>{escape(base)}/</link><items><rdf:Seq>{lis}</rdf:Seq></items></channel>"
        f"{body}</rdf:RDF>"
    )


def news_sitemap(items: list[tuple[str, Story]]) -> str:
    urls = "".join(
        f"<url><loc>{escape(link)}</loc><news:news><news:publication>"
        "<news:name>Wikinews</news:name><news:language>en</news:language>"
        f"</news:publication><news:publication_date>{s.published}"
        f"</news:publication_date><news:title>{escape(s.title)}</news:title>"
        "</news:news></url>"
        for link, s in items
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
        f"{urls}</urlset>"
    )


def sitemap_index(locations: list[str]) -> str:
    body = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>" for u in locations)
    return (
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"{body}</sitemapindex>"
    )


class Site:
    """The loopback server seen as http://news.test:PORT."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.base = f"http://{HOST}:{server.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve_page(self, story: Story, **kw) -> str:
        self.server.expect_request(story.path).respond_with_data(
            page(story, **kw), content_type="text/html; charset=utf-8"
        )
        return self.url(story.path)

    def serve(self, path: str, body: str | bytes, content_type: str, **kw) -> str:
        self.server.expect_request(path).respond_with_data(
            body, content_type=content_type, **kw
        )
        return self.url(path)

    def requests(self, path: str) -> list:
        return [r for r, _ in self.server.log if r.path == path]


def loopback_resolver(mapping: dict[str, str] | None = None):
    table = {HOST: "127.0.0.1", **(mapping or {})}

    def resolve(host: str, port: int) -> list[str]:
        from timeline.feeds.fetch import FetchError

        if host not in table:
            raise FetchError(f"cannot resolve {host}: not in the test resolver")
        return [table[host]]

    return resolve


def policy(**kw) -> FetchPolicy:
    values = dict(
        user_agent="Newsline/1.0 (+https://newsline.example/contact)",
        connect_timeout=2,
        read_timeout=2,
        total_timeout=10,
        host_delay=0,
        retries=2,
        max_retry_after=5,
        allow_private=True,
    )
    values.update(kw)
    return FetchPolicy(**values)


def fetcher(
    *, resolver_map: dict[str, str] | None = None, sleeps=None, **kw
) -> Fetcher:
    return Fetcher(
        policy(**kw),
        resolver=loopback_resolver(resolver_map),
        gate=HostGate(),  # no waits carried over from another test
        sleep=(sleeps.append if sleeps is not None else (lambda s: None)),
    )
