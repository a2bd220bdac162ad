"""Data builders for the timeline page tests."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache

from timeline.extraction.values import value_range
from timeline.models import (
    Actor,
    Article,
    Country,
    Event,
    EventActor,
    EventCountry,
    Mention,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Facet counts are cached; each test starts from an empty cache.
    cache.clear()
    yield
    cache.clear()


def make_article(text: str = "", **kw) -> Article:
    text = text or "Officials met on Monday in Kyiv."
    return Article.objects.create(
        text=text,
        title=kw.pop("title", "A report"),
        publisher=kw.pop("publisher", "Example News"),
        published=kw.pop("published", date(2025, 2, 24)),
        **kw,
    )


def make_event(
    *,
    value: str = "2025-02-24",
    title: str = "Officials met",
    kind: str = "meeting",
    actors=(),
    countries=(),
    article: Article | None = None,
    expression: str = "on Monday",
    sentence: str | None = None,
    **kw,
) -> Event:
    start, end, precision = value_range(value)
    event = Event.objects.create(
        start=start,
        end=end,
        precision=precision,
        value=value,
        title=title,
        kind=kind,
        source_count=1 if article else 0,
        **kw,
    )
    for a in actors:
        EventActor.objects.create(event=event, actor=a, start=start)
    for code in countries:
        EventCountry.objects.create(
            event=event, country=Country.objects.get(code=code), start=start
        )
    if article is not None:
        sentence = sentence or f"{title} {expression}."
        at = article.text.find(sentence)
        if at < 0:
            at = 1000 + Mention.objects.filter(article=article).count() * 500
        e0 = at + sentence.find(expression)
        Mention.objects.create(
            event=event,
            article=article,
            sentence=sentence,
            sentence_start=at,
            sentence_end=at + len(sentence),
            expression=expression,
            expression_start=e0,
            expression_end=e0 + len(expression),
            anchor_date=article.published,
            value=value,
            title=title,
        )
    return event


@pytest.fixture
def people(db):
    return {
        "putin": Actor.objects.create(name="Vladimir Putin", kind="person"),
        "trump": Actor.objects.create(name="Donald Trump", kind="person"),
        "un": Actor.objects.create(name="United Nations", kind="organization"),
    }


@pytest.fixture
def timeline(people):
    """A small timeline around the seed article's events."""
    art = make_article(
        "Trump and Putin spoke earlier this month. They met last week in Riyadh.",
        title="War at three years",
    )
    events = {
        "spoke": make_event(
            value="2025-02",
            title="Trump and Putin spoke",
            kind="call",
            actors=[people["trump"], people["putin"]],
            countries=["RU", "US"],
            article=art,
            expression="earlier this month",
            sentence="Trump and Putin spoke earlier this month.",
        ),
        "met": make_event(
            value="2025-W08",
            title="They met in Riyadh",
            actors=[people["trump"], people["putin"]],
            countries=["SA"],
            article=art,
            expression="last week",
            sentence="They met last week in Riyadh.",
        ),
        "vote": make_event(
            value="2025-02-24",
            title="UN vote on Ukraine",
            kind="vote",
            actors=[people["un"]],
            countries=["UA"],
        ),
        "invasion": make_event(
            value="2022-02-24",
            title="Russia invaded Ukraine",
            kind="attack",
            countries=["RU", "UA"],
        ),
        "summit": make_event(
            value="2025-Q2",
            title="A summit may follow",
            kind="meeting",
            modality="possible",
            actors=[people["trump"]],
        ),
    }
    events["article"] = art
    return events
