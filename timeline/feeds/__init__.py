"""Following the web: article URLs, RSS/Atom feeds and news sitemaps.

- `fetch`: a polite, SSRF-safe HTTP client (httpx underneath).
- `urls`: canonical URLs (tracking parameters and fragments dropped).
- `parse`: feeds (feedparser) and news sitemaps (ultimate-sitemap-parser)
  parsed from bytes already fetched; neither library fetches anything itself.
- `pages`: one fetched page made into an `ArticleInput`.
- `models`: Feed and FeedEntry (imported by `timeline.models`); `admin`.
- `services`: adding and polling feeds, ingesting URL lists.

Scheduling: Celery beat (`timeline.tasks.poll_due_feeds`) with a broker, or
`manage.py feeds poll --loop` (`services.follow`) without one.
"""
