"""Feed admin: each feed's health (last success, last error, next poll) and a
"Poll now" action; the entries seen, read-only."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.text import Truncator

from timeline.feeds.models import Feed, FeedEntry


def _queue_polls(feed_ids: list[int]) -> None:
    from timeline.tasks import poll_feed

    for feed_id in feed_ids:
        poll_feed.delay(feed_id)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "story",
        "active",
        "health",
        "last_success",
        "next_poll",
        "articles_added",
        "error",
    ]
    list_filter = ["active", "story"]
    search_fields = ["url", "title", "story"]
    actions = ["poll_now"]
    fields = [
        "url",
        "title",
        "story",
        "active",
        "poll_interval",
        "last_polled",
        "next_poll",
        "last_success",
        "last_error_at",
        "last_error",
        "articles_added",
        "etag",
        "last_modified",
    ]
    readonly_fields = [
        "last_polled",
        "next_poll",
        "last_success",
        "last_error_at",
        "last_error",
        "articles_added",
        "etag",
        "last_modified",
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="health", boolean=True)
    def health(self, obj: Feed) -> bool:
        return obj.healthy

    @admin.display(description="last error")
    def error(self, obj: Feed) -> str:
        if obj.healthy:
            return ""
        return Truncator(obj.last_error).chars(120)  # escaped by the template

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        from timeline.feeds.services import claim

        ids = []
        for feed in queryset:
            claim(feed=feed)  # the next scheduled poll is one interval from now
            ids.append(feed.pk)
        transaction.on_commit(lambda: _queue_polls(ids))
        if settings.CELERY_BROKER_URL:
            text = f"Polling {len(ids)} feed(s) queued; the list shows the results."
        else:
            text = f"Polled {len(ids)} feed(s); the list shows the results."
        self.message_user(request, text, messages.SUCCESS)


@admin.register(FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "feed", "state", "published", "attempts", "first_seen"]
    list_filter = ["state", "feed"]
    search_fields = ["url", "title", "guid"]
    list_select_related = ["feed"]
    readonly_fields = [f.name for f in FeedEntry._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
