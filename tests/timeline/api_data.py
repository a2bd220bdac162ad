"""Events for the API, export and embed tests, made through the ORM."""

from __future__ import annotations

from datetime import date
from itertools import count

from tests.timeline.factories import add_report, make_story
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


D1, D2, D3 = date(2025, 2, 24), date(2025, 3, 3), date(2025, 3, 10)


def make_key_coverage() -> dict:
    """D1: the vote (4 articles) and a statement (1); D2: the bombing (3);
    D3: a minor meeting (1). A month-precision report from 6 articles must
    never take a day's place."""
    arts = [make_article(title=f"A{i}", published=date(2025, 3, 12)) for i in range(8)]
    vote = make_event(
        title="Council voted sanctions",
        kind="sanctions",
        countries=("LY",),
        start=D1,
        article=arts[0],
        sentence="The Security Council voted for sanctions on Monday.",
    )
    for a in arts[1:4]:
        add_report(
            vote, a, "The Security Council imposed sanctions on Monday, diplomats said."
        )
    statement = make_event(
        title="Minister spoke", kind="statement", start=D1, article=arts[4]
    )
    bombing = make_event(
        title="Port bombed", kind="attack", start=D2, article=arts[1], countries=("LY",)
    )
    for a in arts[2:4]:
        add_report(
            bombing, a, "Aircraft bombed the port of Misrata on Monday, officials said."
        )
    meeting = make_event(title="Envoys met", start=D3, article=arts[5])
    month = make_event(
        title="Talks during March",
        start=date(2025, 3, 1),
        end=date(2025, 3, 31),
        precision="month",
        value="2025-03",
        article=arts[6],
    )
    for a in arts[:6]:
        add_report(month, a, "Talks went on throughout March on Monday and after.")
    story = make_story("Libya war", arts[1], arts[2], arts[3])
    return {
        "vote": vote,
        "statement": statement,
        "bombing": bombing,
        "meeting": meeting,
        "month": month,
        "story": story,
    }
