"""One web page made into an article, read as an HTML file is read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline.feeds.fetch import HTML_TYPES, Fetcher
from timeline.feeds.urls import canonical_url
from timeline.ingestion.sources import (
    ArticleInput,
    MissingDate,
    SourceOptions,
    html_to_input,
)


def fetch_article(
    url: str,
    *,
    fetcher: Fetcher,
    fallback_date: date | None = None,
    options: SourceOptions | None = None,
    hint: str = ": pass --published",
) -> ArticleInput:
    """Fetch `url` and read it with trafilatura: text, title, publisher and
    date from the page; `fallback_date` (a feed entry's date) when the page
    has none. The source URL is the page's rel=canonical, else the URL it was
    fetched from, canonicalised (tracking parameters dropped).

    Raises FetchError (could not fetch) or InvalidArticle (nothing to store;
    MissingDate, ending with `hint`, when no date is known).
    """
    options = options or SourceOptions()
    fetched = fetcher.get(url, accept=HTML_TYPES)
    body: str | bytes = fetched.body
    if fetched.charset:
        try:
            body = fetched.body.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            body = fetched.body  # trafilatura sniffs the encoding itself
    try:
        item = html_to_input(
            body,
            origin=url,
            options=replace(options, published=options.published or fallback_date),
        )
    except MissingDate:
        raise MissingDate(
            f"the page has no publication date in its metadata{hint}"
        ) from None
    source = options.source_url or canonical_url(item.source_url or fetched.url)
    return replace(item, source_url=source)
