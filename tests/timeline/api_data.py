"""Events for the API, export and embed tests, made through the ORM."""

from __future__ import annotations

from datetime import date
from itertools import count

from timeline.models import (
    Actor,
    Article,
    Country,
    Event,
    EventActor,
    EventCountry,
    Mention,
)

_n = count(1)


def make_article(**kw) -> Article:
    i = next(_n)
    defaults = dict(
        title=f"Report {i}",
        source_url=f"https://news.example.org/{i}",
        publisher="Example News",
        published=date(2025, 3, 1),
        text=f"Article {i}: officials met on Monday.",
    )
    defaults.update(kw)
    return Article.objects.create(**defaults)


def make_event(
    *,
    start: date = date(2025, 2, 24),
    end: date | None = None,
    precision: str = "day",
    value: str | None = None,
    title: str = "Officials met",
    kind: str = "meeting",
    people: tuple[str, ...] = (),
    orgs: tuple[str, ...] = (),
    countries: tuple[str, ...] = (),
    sentence: str = "Officials met on Monday in Kyiv.",
    article: Article | None = None,
    **kw,
) -> Event:
    end = end or start
    value = value or start.isoformat()
    event = Event.objects.create(
        start=start,
        end=end,
        precision=precision,
        value=value,
        title=title,
        kind=kind,
        source_count=1,
        **kw,
    )
    for name in people:
        actor, _ = Actor.objects.get_or_create(name=name, kind="person")
        EventActor.objects.create(event=event, actor=actor, start=start)
    for name in orgs:
        actor, _ = Actor.objects.get_or_create(name=name, kind="organization")
        EventActor.objects.create(event=event, actor=actor, start=start)
    for code in countries:
        EventCountry.objects.create(
            event=event, country=Country.objects.get(code=code), start=start
        )
    article = article or make_article()
    at = next(_n) * 1000
    Mention.objects.create(
        event=event,
        article=article,
        sentence=sentence,
        sentence_start=at,
        sentence_end=at + len(sentence),
        expression="on Monday",
        expression_start=at + 14,
        expression_end=at + 23,
        anchor_date=article.published,
        value=value,
    )
    return event
