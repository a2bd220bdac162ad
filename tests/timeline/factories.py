"""The test factories: every test builds its data here.

- Models: make_article, make_event, add_mention (plain rows); make_dated_event
  and make_titled_article (an event dated by its TimeML value, with actors,
  countries and evidence, as the pages show it); make_reported_event and
  make_report (an event with named people, organisations and countries,
  reported by an article with a unique URL, as the API and exports show it);
  make_reviewer.
- Extraction results, built by hand so storing and merging are tested
  deterministically: event, extraction, article_input, FakePipeline (a
  stand-in for the pipeline that returns them), VOTE_1, VOTE_2.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import count

from timeline.extraction.types import Document, ExtractedEvent, Extraction, Lexicon
from timeline.extraction.values import value_range
from timeline.ingestion.sources import ArticleInput
from timeline.models import (
    LINK_COPIES,
    Actor,
    Article,
    Country,
    Event,
    EventActor,
    EventCountry,
    Mention,
    Story,
)


def make_article(text: str = "Officials met on Monday in Kyiv.", **kw) -> Article:
    return Article.objects.create(
        text=text, published=kw.pop("published", date(2025, 2, 24)), **kw
    )


def add_mention(
    event: Event, article: Article, at: int = 0, value: str | None = None
) -> Mention:
    """The article's text as evidence at offset `at`, "Monday" as expression."""
    i = article.text.index("Monday")
    return Mention.objects.create(
        event=event,
        article=article,
        sentence=article.text,
        sentence_start=at,
        sentence_end=at + len(article.text),
        expression="Monday",
        expression_start=at + i,
        expression_end=at + i + 6,
        anchor_date=article.published,
        value=value or event.value,
        title=f"mention at {at}",
    )


def make_event(article: Article | None = None, at: int = 0, **kw) -> Event:
    defaults = dict(
        start=date(2025, 2, 24),
        end=date(2025, 2, 24),
        precision="day",
        value="2025-02-24",
        title="Officials met",
        kind="meeting",
    )
    defaults.update(kw)
    event = Event.objects.create(**defaults)
    if article is not None:
        add_mention(event, article, at)
    return event


def make_reviewer(username: str = "reviewer"):
    """Active staff with the view-event permission: sees review status."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(
        username, password="pw-reviewer-1", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    return user


def stale_link_copies() -> list[tuple[str, int, int]]:
    """The EventActor/EventCountry rows whose copies of their event's start
    and kind (LINK_COPIES) are not the event's own: (table, event id, actor
    or country id) each; [] when every copy is current."""
    stale = []
    for through, key in ((EventActor, "actor_id"), (EventCountry, "country_id")):
        for event_id, value, *copies in through.objects.values_list(
            "event_id", key, *LINK_COPIES
        ):
            event = Event.objects.values_list(*LINK_COPIES).get(pk=event_id)
            if tuple(copies) != event:
                stale.append((through.__name__, event_id, value))
    return sorted(stale)


def link_countries(event: Event, codes: Iterable[str]) -> None:
    """Link `event` to the seeded countries with these ISO codes."""
    for code in codes:
        EventCountry.objects.create(
            event=event, country=Country.objects.get(code=code), **event.link_copies()
        )


# --- Pages: events dated by their value ---------------------------------------


def make_titled_article(text: str = "", **kw) -> Article:
    """An article with a title and a publisher, as the pages show one."""
    text = text or "Officials met on Monday in Kyiv."
    return Article.objects.create(
        text=text,
        title=kw.pop("title", "A report"),
        publisher=kw.pop("publisher", "Example News"),
        published=kw.pop("published", date(2025, 2, 24)),
        **kw,
    )


def make_dated_event(
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
    """An event dated by its TimeML `value` (its range and precision follow),
    linked to Actor objects and country codes, with a mention in `article`."""
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
        EventActor.objects.create(event=event, actor=a, **event.link_copies())
    link_countries(event, countries)
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


# --- API and exports: events with named actors and a report --------------------

_n = count(1)


def make_report(**kw) -> Article:
    """An article with a unique title and source URL, from Example News."""
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


def make_reported_event(
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
    """An event with people, organisations (by name) and countries, reported
    by one article (a new report unless `article` is given)."""
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
        EventActor.objects.create(event=event, actor=actor, **event.link_copies())
    for name in orgs:
        actor, _ = Actor.objects.get_or_create(name=name, kind="organization")
        EventActor.objects.create(event=event, actor=actor, **event.link_copies())
    link_countries(event, countries)
    article = article or make_report()
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


# --- Extraction results and a stand-in pipeline ----------------------------

VOTE_1 = (
    "The UN General Assembly voted on Monday on a resolution condemning "
    "Russia's invasion of Ukraine."
)
VOTE_2 = (
    "On Monday the UN General Assembly voted for a resolution that condemns "
    "the Russian invasion of Ukraine, diplomats said."
)


def event(
    sentence: str = VOTE_1,
    *,
    expression: str = "Monday",
    at: int = 0,
    value: str = "2025-02-24",
    start: date = date(2025, 2, 24),
    end: date | None = None,
    precision: str = "day",
    kind: str = "vote",
    title: str = "",
    actors: tuple[str, ...] = (),
    organizations: tuple[str, ...] = ("United Nations General Assembly",),
    countries: tuple[str, ...] = ("UA", "RU"),
    anchor: date = date(2025, 2, 26),
    modality: str = "done",
    confidence: float = 0.8,
) -> ExtractedEvent:
    """An extracted event whose sentence starts at offset `at` of its article."""
    offset = sentence.find(expression)
    offset = max(offset, 0)
    return ExtractedEvent(
        value=value,
        start=start,
        end=end or start,
        precision=precision,
        title=title or sentence.rstrip("."),
        kind=kind,
        sentence=sentence,
        sentence_start=at,
        sentence_end=at + len(sentence),
        expression=expression,
        expression_start=at + offset,
        expression_end=at + offset + len(expression),
        anchor=anchor,
        actors=actors,
        organizations=organizations,
        countries=countries,
        modality=modality,
        confidence=confidence,
    )


def extraction(*events: ExtractedEvent, doc_id: str = "1") -> Extraction:
    return Extraction(doc_id=doc_id, timexes=(), events=tuple(events))


def article_input(
    text: str = VOTE_1,
    *,
    published: date = date(2025, 2, 26),
    origin: str = "test.txt",
    **kw,
) -> ArticleInput:
    return ArticleInput(text=text, published=published, origin=origin, **kw)


class FakePipeline:
    """Stands in for timeline.extraction.pipeline.extract: events per text.

    Records the lexicons and batch sizes it was called with.
    """

    def __init__(self, events: dict[str, list[ExtractedEvent]] | None = None):
        self.events = events or {}
        self.calls: list[tuple[int, Lexicon | None, int]] = []

    def __call__(
        self,
        documents: Iterable[Document],
        *,
        lexicon: Lexicon | None = None,
        model: str | None = None,
        batch_size: int = 16,
    ) -> Iterator[Extraction]:
        docs = list(documents)
        self.calls.append((len(docs), lexicon, batch_size))
        for doc in docs:
            yield Extraction(
                doc_id=doc.doc_id,
                timexes=(),
                events=tuple(self.events.get(doc.text, ())),
            )


# --- Stories and key events ----------------------------------------------------


def make_story(name: str = "Libya war", *articles: Article, slug: str = "") -> Story:
    """A story (slug from the name unless given) holding these articles."""
    from django.utils.text import slugify

    story = Story.objects.create(name=name, slug=slug or slugify(name))
    story.articles.add(*articles)
    return story


def add_report(event: Event, article: Article, sentence: str = "") -> Mention:
    """Another article's evidence for `event`: `sentence`, dated "on Monday"."""
    sentence = sentence or f"{event.title} on Monday, {article.title} reports."
    i = sentence.index("on Monday")
    at = 10_000 + Mention.objects.filter(article=article).count() * 1000
    return Mention.objects.create(
        event=event,
        article=article,
        sentence=sentence,
        sentence_start=at,
        sentence_end=at + len(sentence),
        expression="on Monday",
        expression_start=at + i,
        expression_end=at + i + 9,
        anchor_date=article.published,
        value=event.value,
        title=event.title,
    )


D1, D2, D3 = date(2025, 2, 24), date(2025, 3, 3), date(2025, 3, 10)


def make_key_coverage() -> dict:
    """D1: the vote (4 articles) and a statement (1); D2: the bombing (3);
    D3: a minor meeting (1). A month-precision report from 6 articles must
    never take a day's place."""
    arts = [make_report(title=f"A{i}", published=date(2025, 3, 12)) for i in range(8)]
    vote = make_reported_event(
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
    statement = make_reported_event(
        title="Minister spoke", kind="statement", start=D1, article=arts[4]
    )
    bombing = make_reported_event(
        title="Port bombed", kind="attack", start=D2, article=arts[1], countries=("LY",)
    )
    for a in arts[2:4]:
        add_report(
            bombing, a, "Aircraft bombed the port of Misrata on Monday, officials said."
        )
    meeting = make_reported_event(title="Envoys met", start=D3, article=arts[5])
    month = make_reported_event(
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
