"""Writes that span several models. Keyword-only arguments, one job each."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Min, QuerySet
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from timeline.models import Article, Event, Mention, Story
from timeline.query import facet_counts


def refresh_event_sources(*, event_ids: Iterable[int]) -> None:
    """Recompute the denormalised source count (independent articles: a
    near-duplicate counts with the article it copies) and first-reported date."""
    ids = list(set(event_ids))
    if not ids:
        return
    stats = (
        Mention.objects.filter(event_id__in=ids)
        .values("event_id")
        .annotate(
            n=Count(Coalesce("article__duplicate_of_id", "article_id"), distinct=True),
            first=Min("article__published"),
        )
    )
    seen = {row["event_id"]: row for row in stats}
    events = list(Event.objects.filter(id__in=ids).only("id"))
    for event in events:
        row = seen.get(event.id)
        event.source_count = row["n"] if row else 0
        event.first_reported = row["first"] if row else None
    Event.objects.bulk_update(events, ["source_count", "first_reported"])


@transaction.atomic
def retract_mentions(*, mention_ids: Iterable[int]) -> int:
    """Take back mentions extraction should not have made (boilerplate).

    Mentions of events an admin touched are kept. An event left with no
    mention is deleted; the others get their source counts recomputed, and
    the facet counts of every month involved are refreshed. Returns the
    number of mentions deleted.
    """
    mentions = list(
        Mention.objects.filter(id__in=set(mention_ids)).select_related("event")
    )
    doomed = [m for m in mentions if not m.event.is_admin_touched()]
    if not doomed:
        return 0
    event_ids = {m.event_id for m in doomed}
    months = facet_counts.months_of(event_ids=event_ids)
    Mention.objects.filter(id__in=[m.id for m in doomed]).delete()
    still_reported = set(
        Mention.objects.filter(event_id__in=event_ids).values_list(
            "event_id", flat=True
        )
    )
    Event.objects.filter(id__in=event_ids - still_reported).delete()
    refresh_event_sources(event_ids=still_reported)
    facet_counts.refresh_for_events(event_ids=still_reported, before=months)
    return len(doomed)


def _relink_copies(*, article_ids: list[int]) -> None:
    """Copies of an article about to be deleted stay one source: the
    earliest remaining copy becomes the article the others copy."""
    copies: dict[int, list[int]] = {}
    for copy_id, origin_id in (
        Article.objects.filter(duplicate_of_id__in=article_ids)
        .exclude(id__in=article_ids)
        .order_by("id")
        .values_list("id", "duplicate_of_id")
    ):
        copies.setdefault(origin_id, []).append(copy_id)
    for first, *rest in copies.values():
        Article.objects.filter(id=first).update(duplicate_of=None)
        Article.objects.filter(id__in=rest).update(duplicate_of=first)


@transaction.atomic
def delete_articles(*, articles: QuerySet[Article]) -> tuple[int, dict[str, int]]:
    """Delete articles, and the events that only they reported: every
    delete of articles (admin, commands, tests) goes through here, since a
    plain QuerySet.delete() would leave those events and the counts behind.

    Events an admin verified, rejected, corrected or made by hand are kept
    (without the deleted mentions), so no admin work is lost.
    """
    article_ids = list(articles.values_list("id", flat=True))
    event_ids = set(
        Mention.objects.filter(article_id__in=article_ids).values_list(
            "event_id", flat=True
        )
    )
    still_reported = set(
        Mention.objects.filter(event_id__in=event_ids)
        .exclude(article_id__in=article_ids)
        .values_list("event_id", flat=True)
    )
    orphans = [
        e
        for e in Event.objects.filter(id__in=event_ids - still_reported)
        if not e.is_admin_touched()
    ]
    _relink_copies(article_ids=article_ids)
    months = facet_counts.months_of(event_ids=[e.id for e in orphans])
    result = Article.objects.filter(id__in=article_ids).delete()
    Event.objects.filter(id__in=[e.id for e in orphans]).delete()
    refresh_event_sources(event_ids=event_ids - {e.id for e in orphans})
    facet_counts.refresh_months(months=months)
    return result


# --- stories -------------------------------------------------------------------

MAX_STORY_NAME = 200


class InvalidStory(ValueError):
    """A story name that cannot name a story."""


def story_named(*, name: str) -> tuple[Story, bool]:
    """The story whose slug this name makes ("Libya war" -> libya-war),
    created (with this name) if there is none yet; and whether it was."""
    name = " ".join(str(name).split())
    if not name:
        raise InvalidStory("the story name is empty")
    if len(name) > MAX_STORY_NAME:
        raise InvalidStory(f"the story name is longer than {MAX_STORY_NAME} characters")
    slug = slugify(name)[:100].strip("-")
    if not slug:
        raise InvalidStory(
            f"the story name {name!r} has no letters or digits to make its slug from"
        )
    return Story.objects.get_or_create(slug=slug, defaults={"name": name})


def forget_story_if_empty(*, story: Story) -> bool:
    """Delete a story no article joined (one a failed run just made)."""
    if story.articles.exists():
        return False
    story.delete()
    return True


def add_to_story(*, story: Story, article_ids: Iterable[int]) -> int:
    """Make these articles members of the story; members already are kept
    as they are (idempotent). Returns how many joined."""
    through = Article.stories.through
    ids = sorted(set(article_ids))
    added = 0
    with transaction.atomic():
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            have = set(
                through.objects.filter(story=story, article_id__in=chunk).values_list(
                    "article_id", flat=True
                )
            )
            rows = [
                through(story_id=story.pk, article_id=a) for a in chunk if a not in have
            ]
            through.objects.bulk_create(rows, ignore_conflicts=True)
            added += len(rows)
        if added:
            # The page's cached counts for ?story= must see the new members.
            facet_counts.bump_version()
    return added
