from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

import timeline.admin_articles  # noqa: F401  (Article admin: ingestion owns it)
from timeline.models import (
    Actor,
    ActorAlias,
    Country,
    CountryAlias,
    Event,
    Mention,
)


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


class CountryAliasInline(admin.TabularInline):
    model = CountryAlias
    extra = 1


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["start", "precision", "title", "kind", "status", "source_count"]
    list_filter = ["status", "kind", "precision", "date_conflict"]
    search_fields = ["title"]
    date_hierarchy = "start"


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["expression", "event", "article"]
    list_select_related = ["event", "article"]
    raw_id_fields = ["event", "article"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias"]
    inlines = [ActorAliasInline]


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code", "aliases__alias"]
    inlines = [CountryAliasInline]
