"""Corpus-level boilerplate: text one source repeats on page after page.

A sidebar, a standing disclaimer or a wire service's background paragraph
appears verbatim in many articles of the same source. It is not news each
time, and its copies are not independent sources. While an article's
extraction is stored (inside its transaction), every line that holds one of
its events is counted, per source (`Article.source_key()`: publisher, else
URL host, else the collection), in distinct articles: `BoilerplateLine` keeps
the count and `BoilerplateSighting` the (line, article) pairs already
counted, so re-extracting an article counts nothing twice. A line seen in
MIN_ARTICLES distinct articles of its source is boilerplate: it makes no
events, and the article whose count reaches the threshold retracts the
mentions the earlier copies made (`services.retract_mentions`: source counts
and facet counts follow; events an admin touched keep theirs).

Concurrency: lines are inserted with INSERT … ON CONFLICT DO NOTHING and
counted with UPDATE … SET articles = articles + 1, which takes the row's
lock, so two workers counting the same line wait for each other and exactly
one of them sees the count reach the threshold (PostgreSQL, READ COMMITTED;
SQLite has one writer at a time). The one that does sees the other's
committed mentions and retracts them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from django.db.models import F

from timeline.domain.services import retract_mentions
from timeline.extraction.hygiene import line_at, line_hash, normalise_line
from timeline.extraction.types import ExtractedEvent
from timeline.models import Article, BoilerplateLine, BoilerplateSighting, Mention

# Distinct articles of one source a line must be in to be boilerplate. Two is
# too few: a story and its update, or two reports quoting the same statement,
# share sentences verbatim and are two real sources. Furniture and stock
# paragraphs recur on many pages (on Timeline17 a line in 3 or more articles
# of a collection is a sidebar, a disclaimer, a photo caption or a wire
# service's background paragraph in the samples checked; see
# docs/extraction.md, "Input hygiene").
MIN_ARTICLES = 3
# Shorter lines (after normalisation) are not counted: too little to be sure
# two copies are the same text rather than the same few words.
MIN_LINE_CHARS = 20


def _line_key(text: str, pos: int) -> str | None:
    start, end = line_at(text, pos)
    line = text[start:end]
    if len(normalise_line(line)) < MIN_LINE_CHARS:
        return None
    return line_hash(line)


def screen(
    *,
    article: Article,
    events: Sequence[ExtractedEvent],
    protected: Collection[tuple[int, int]] = (),
) -> list[ExtractedEvent]:
    """Count the article's event lines and return the events not on a
    boilerplate line (or whose expression offsets are in `protected`: an
    admin-touched event re-attaches there). Call inside the article's
    ingestion transaction."""
    text = article.text
    by_hash: dict[str, list[ExtractedEvent]] = {}
    keys: list[str | None] = []
    for ee in events:
        key = _line_key(text, ee.sentence_start)
        keys.append(key)
        if key is not None:
            by_hash.setdefault(key, []).append(ee)
    if not by_hash:
        return list(events)
    source = article.source_key()
    hashes = sorted(by_hash)
    BoilerplateLine.objects.bulk_create(
        [BoilerplateLine(source_key=source, line_hash=h) for h in hashes],
        ignore_conflicts=True,
    )
    ids = dict(
        BoilerplateLine.objects.filter(
            source_key=source, line_hash__in=hashes
        ).values_list("line_hash", "id")
    )
    counted = set(
        BoilerplateSighting.objects.filter(
            article=article, line_id__in=ids.values()
        ).values_list("line_id", flat=True)
    )
    new = sorted(set(ids.values()) - counted)
    BoilerplateSighting.objects.bulk_create(
        [BoilerplateSighting(line_id=i, article=article) for i in new],
        ignore_conflicts=True,
    )
    BoilerplateLine.objects.filter(id__in=new).update(articles=F("articles") + 1)
    counts = dict(
        BoilerplateLine.objects.filter(id__in=ids.values()).values_list(
            "id", "articles"
        )
    )
    crossed = [i for i in new if counts[i] == MIN_ARTICLES]
    if crossed:
        retract(line_ids=crossed, except_article=article.pk)
    boiler = {h for h, i in ids.items() if counts[i] >= MIN_ARTICLES}
    return [
        ee
        for ee, key in zip(events, keys, strict=True)
        if key not in boiler or (ee.expression_start, ee.expression_end) in protected
    ]


def retract(*, line_ids: Sequence[int], except_article: int | None = None) -> int:
    """Retract the mentions other articles made from these lines."""
    hashes = set(
        BoilerplateLine.objects.filter(id__in=line_ids).values_list(
            "line_hash", flat=True
        )
    )
    article_ids = set(
        BoilerplateSighting.objects.filter(line_id__in=line_ids)
        .exclude(article_id=except_article)
        .values_list("article_id", flat=True)
    )
    doomed: list[int] = []
    for article in Article.objects.filter(id__in=article_ids).only("id", "text"):
        for mention_id, start in Mention.objects.filter(article=article).values_list(
            "id", "sentence_start"
        ):
            if _line_key(article.text, start) in hashes:
                doomed.append(mention_id)
    return retract_mentions(mention_ids=doomed)


def is_boilerplate(*, article: Article, pos: int) -> bool:
    """Is the line of `article.text` at offset `pos` boilerplate of its source?"""
    key = _line_key(article.text, pos)
    return (
        key is not None
        and BoilerplateLine.objects.filter(
            source_key=article.source_key(),
            line_hash=key,
            articles__gte=MIN_ARTICLES,
        ).exists()
    )
