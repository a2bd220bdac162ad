"""Canonical article URLs: how an entry or a page is recognised again."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url


def canonical_url(url: str) -> str:
    """`url` with the scheme and host lower-cased, the default port, the
    fragment and tracking parameters (utm_*, fbclid, gclid, ...) removed and
    the query sorted (courlan's rules). Not an http(s) URL: returned trimmed."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return url
    try:
        normal = normalize_url(url)
    except ValueError:
        return url
    return urlunsplit(urlsplit(normal)._replace(fragment=""))
