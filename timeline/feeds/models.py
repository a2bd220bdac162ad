"""Feeds Newsline follows, and the entries it has seen in them.

Imported by `timeline.models`, so the models belong to the timeline app.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from timeline.validators import check_http_url

MIN_INTERVAL = timedelta(minutes=1)
DEFAULT_INTERVAL = timedelta(minutes=30)
# A failing entry is tried again on the next polls, this many times in all.
MAX_ENTRY_ATTEMPTS = 3


def validate_feed_url(value: str) -> None:
    check_http_url(value)


class FeedQuerySet(models.QuerySet):
    def due(self, now: datetime | None = None) -> FeedQuerySet:
        """Active feeds whose next poll has come (or that were never polled)."""
        now = now or timezone.now()
        return self.filter(active=True).filter(
            Q(next_poll__isnull=True) | Q(next_poll__lte=now)
        )


class Feed(models.Model):
    """An RSS/Atom feed or a news sitemap, polled every `poll_interval`."""

    url = models.URLField(
        max_length=2000,
        unique=True,
        validators=[validate_feed_url],
        help_text="RSS, Atom or news sitemap (http or https).",
    )
    title = models.CharField(max_length=500, blank=True)
    story = models.SlugField(
        max_length=100,
        blank=True,
        help_text="The slug of the story its articles join (the story is "
        "created with the first article polled).",
    )
    active = models.BooleanField(default=True)
    poll_interval = models.DurationField(
        default=DEFAULT_INTERVAL,
        validators=[MinValueValidator(MIN_INTERVAL)],
        help_text="How often to poll, e.g. 00:30:00 (at least one minute).",
    )
    last_polled = models.DateTimeField(null=True, blank=True, editable=False)
    next_poll = models.DateTimeField(null=True, blank=True, editable=False)
    last_success = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    articles_added = models.PositiveIntegerField(default=0, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["active", "next_poll"], name="feed_due_idx")]

    def __str__(self) -> str:
        return self.title or self.url

    def next_poll_after(self, polled: datetime) -> datetime:
        return polled + max(self.poll_interval, MIN_INTERVAL)

    @property
    def healthy(self) -> bool:
        """Its last poll succeeded (or it was never polled)."""
        if self.last_error_at is None:
            return True
        return self.last_success is not None and self.last_success >= self.last_error_at


class EntryState(models.TextChoices):
    STORED = "stored", "stored"
    DUPLICATE = "duplicate", "already stored"
    FAILED = "failed", "failed"


class FeedEntryQuerySet(models.QuerySet):
    def settled(self) -> FeedEntryQuerySet:
        """Entries not to fetch again: stored, duplicates, or given up on."""
        return self.filter(
            Q(state__in=[EntryState.STORED, EntryState.DUPLICATE])
            | Q(attempts__gte=MAX_ENTRY_ATTEMPTS)
        )


class FeedEntry(models.Model):
    """An entry seen in a feed: by GUID (or id) and by canonical URL."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    guid = models.CharField(max_length=500)
    url = models.CharField(max_length=2000, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=EntryState.choices)
    # Deleting an article keeps the entry: what an admin deleted is not
    # fetched again.
    article = models.ForeignKey(
        "timeline.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feed_entries",
    )
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    first_seen = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = FeedEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "feed entries"
        constraints = [
            models.UniqueConstraint(fields=["feed", "guid"], name="feedentry_guid_uniq")
        ]

    def __str__(self) -> str:
        return self.title or self.url
