"""Small model factories shared by the model, admin and corrections tests."""

from __future__ import annotations

from datetime import date

from timeline.models import Article, Event, Mention, Story


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
