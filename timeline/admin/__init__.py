"""Admin for corrections: events, their evidence, actors, countries, aliases.

Every change goes through timeline.domain.corrections, so what an admin edits is
marked corrected (extraction never overwrites it) and recorded by
django-simple-history with the user and the reason typed in the form.
The Article admin lives in timeline/admin/articles.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

import timeline.admin.articles  # noqa: F401  (Article admin: ingestion owns it)
import timeline.admin.axes  # noqa: F401  (django-axes admin, permission-checked)
import timeline.admin.feeds  # noqa: F401  (Feed admin)
from timeline.domain.corrections import (
    DATE_FIELDS,
    correct_event,
    create_manual_event,
    merge_actors,
    merge_countries,
    merge_events,
    reject_events,
    resolve_date,
    split_mention,
    verify_events,
)
from timeline.models import (
    Actor,
    ActorAlias,
    Country,
    CountryAlias,
    Event,
    EventActor,
    EventCountry,
    EventQuerySet,
    Mention,
)

REASON_HELP = "Optional: why you changed it. Kept in the history with your name."
MERGE_TEMPLATE = "admin/timeline/merge_confirmation.html"
MAX_MERGE = 100


def _count_of(through: type, key: str) -> Coalesce:
    """Links per row as a correlated subquery: computed only for the page shown."""
    counts = (
        through.objects.filter(**{key: OuterRef("pk")})
        .order_by()
        .values(key)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


class FastYearsQuerySet(EventQuerySet):
    """dates(..., "year") without truncating every row.

    The admin's date hierarchy asks for the distinct years of the whole
    (filtered) list; SQLite computes that with a Python function per row
    (about a second at 100,000 events). Instead: from the first event, one
    indexed "first start on or after 1 January of the next year" lookup per
    year that has events, so events in year 1 and in 2025 cost two lookups,
    not two thousand.
    """

    def dates(self, field_name: str, kind: str, order: str = "ASC"):  # type: ignore[override]
        if kind != "year":
            return super().dates(field_name, kind, order)
        base = self.order_by(field_name).values_list(field_name, flat=True)
        years = []
        found = base.first()
        while found is not None:
            years.append(date(found.year, 1, 1))
            if found.year == date.max.year:
                break
            found = base.filter(
                **{f"{field_name}__gte": date(found.year + 1, 1, 1)}
            ).first()
        return years if order == "ASC" else years[::-1]


class EventChangeList(ChangeList):
    def get_filters(self, request):
        # Django turns the date hierarchy's year/month into a range ending a
        # year/month later, which overflows in 9999; the plain start__year
        # and start__month lookups (also a range on the index) cannot.
        hierarchy, self.date_hierarchy = self.date_hierarchy, None
        try:
            return super().get_filters(request)
        finally:
            self.date_hierarchy = hierarchy

    def get_queryset(self, request, exclude_parameters=None):
        qs = super().get_queryset(request, exclude_parameters)
        fast = qs._chain()
        fast.__class__ = FastYearsQuerySet
        return fast


# --- merge via a confirmation page ---------------------------------------


def _merge_action(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: QuerySet,
    *,
    service: Callable[..., Any],
    describe: Callable[[Any], str],
) -> HttpResponse | None:
    """Admin action: show the selected objects, let the admin pick the one to
    keep, then merge the others into it."""
    opts = modeladmin.model._meta
    if not modeladmin.has_change_permission(request):
        raise PermissionDenied
    objects = list(queryset[: MAX_MERGE + 1])
    if len(objects) < 2:
        modeladmin.message_user(
            request,
            f"Select at least two {opts.verbose_name_plural} to merge.",
            messages.WARNING,
        )
        return None
    if len(objects) > MAX_MERGE:
        modeladmin.message_user(
            request,
            f"Merge at most {MAX_MERGE} {opts.verbose_name_plural} at a time.",
            messages.WARNING,
        )
        return None
    error = ""
    if request.POST.get("post") == "yes":
        chosen = request.POST.get("target", "")
        target = next((o for o in objects if str(o.pk) == chosen), None)
        if target is None:
            error = f"Choose the {opts.verbose_name} to keep."
        else:
            try:
                service(
                    target=target,
                    others=[o for o in objects if o.pk != target.pk],
                    user=request.user,
                    reason=request.POST.get("reason", "")[:1000],
                )
            except ValidationError as exc:
                error = _errors(exc)
            else:
                modeladmin.message_user(
                    request,
                    f"Merged {len(objects) - 1} {opts.verbose_name_plural} into "
                    f"“{target}”.",
                    messages.SUCCESS,
                )
                return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {opts.verbose_name_plural}",
        "opts": opts,
        "objects": [(o, describe(o)) for o in objects],
        "action": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "error": error,
        "reason": request.POST.get("reason", ""),
        "media": modeladmin.media,
    }
    return TemplateResponse(request, MERGE_TEMPLATE, context)


# --- events -------------------------------------------------------------------


class EventForm(forms.ModelForm):
    edit_actors = forms.ModelMultipleChoiceField(
        Actor.objects.all(),
        required=False,
        label="Actors",
        help_text="People and organisations.",
        widget=AutocompleteSelectMultiple(Event._meta.get_field("actors"), admin.site),
    )
    edit_countries = forms.ModelMultipleChoiceField(
        Country.objects.all(),
        required=False,
        label="Countries",
        widget=AutocompleteSelectMultiple(
            Event._meta.get_field("countries"), admin.site
        ),
    )
    reason = forms.CharField(
        required=False, max_length=1000, help_text=REASON_HELP, strip=True
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "value",
            "start",
            "end",
            "precision",
            "kind",
            "modality",
            "status",
            "date_conflict",
        ]
        widgets = {"title": forms.TextInput(attrs={"class": "vTextField", "size": 90})}
        help_texts = {
            "value": "Change only the value (2025-02-24, 2025-W08, 2025-02, "
            "2025-Q1, 2025) and start, end and precision follow."
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("start", "end", "precision"):
            self.fields[name].required = False
        if self.instance.pk:
            self.fields["edit_actors"].initial = list(
                EventActor.objects.filter(event_id=self.instance.pk).values_list(
                    "actor_id", flat=True
                )
            )
            self.fields["edit_countries"].initial = list(
                EventCountry.objects.filter(event_id=self.instance.pk).values_list(
                    "country_id", flat=True
                )
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if any(f in self.errors for f in DATE_FIELDS):
            return cleaned
        changes = {
            f: cleaned.get(f) for f in DATE_FIELDS if cleaned.get(f) not in (None, "")
        }
        if self.instance.pk:
            # Compare with the stored row, not the form's instance: on a
            # history revert the instance holds the old version's values.
            base = Event.objects.get(pk=self.instance.pk)
        else:
            base = Event(value="", start=None, end=None, precision="")
        try:
            cleaned.update(resolve_date(event=base, changes=changes))
        except ValidationError as exc:
            self.add_error(None, exc)
        return cleaned

    def _post_clean(self) -> None:
        # The event's own constraints are checked by the corrections service;
        # skip the model's full_clean on a half-filled date.
        if not self.errors:
            super()._post_clean()


class MentionInline(admin.TabularInline):
    """The evidence, read-only: sentence with the date expression marked."""

    model = Mention
    fk_name = "event"
    fields = ["evidence", "source", "value", "anchor_date", "split"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "evidence (mentions)"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Mention]:
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="sentence")
    def evidence(self, mention: Mention) -> str:
        before, expression, after = mention.sentence_parts
        return format_html("{}<mark>{}</mark>{}", before, expression, after)

    @admin.display(description="article")
    def source(self, mention: Mention) -> str:
        article = mention.article
        url = reverse("admin:timeline_article_change", args=[article.pk])
        return format_html(
            '<a href="{}">{}</a> ({})', url, str(article), article.published
        )

    @admin.display(description="")
    def split(self, mention: Mention) -> str:
        url = reverse("admin:timeline_event_split", args=[mention.event_id, mention.pk])
        return format_html(
            '<button type="submit" class="button" formaction="{}" '
            'formnovalidate title="Move this mention into an event of its own">'
            "Split out</button>",
            url,
        )


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventForm
    list_display = [
        "start",
        "value",
        "precision",
        "title",
        "kind",
        "status",
        "sources",
        "actor_names",
        "country_names",
        "date_conflict",
    ]
    list_display_links = ["start", "title"]
    list_filter = ["status", "kind", "precision", "date_conflict", "is_manual"]
    search_fields = ["title", "mentions__sentence"]
    search_help_text = "Title or the evidence sentences."
    date_hierarchy = "start"
    show_full_result_count = False
    list_per_page = 50
    actions = ["verify", "reject", "merge"]
    readonly_fields = [
        "corrected_fields",
        "is_manual",
        "confidence",
        "source_count",
        "first_reported",
        "created",
        "updated",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    ("value", "start", "end", "precision"),
                    ("kind", "modality"),
                    ("status", "date_conflict"),
                ]
            },
        ),
        ("Who and where", {"fields": ["edit_actors", "edit_countries"]}),
        ("Why", {"fields": ["reason"]}),
        ("Review", {"fields": readonly_fields}),
    ]

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type:
        return EventChangeList

    def get_actions(self, request: HttpRequest) -> dict:
        # Deleting extracted events in bulk would let the next ingestion bring
        # them back; rejecting keeps them out for good.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_inlines(self, request: HttpRequest, obj: Event | None) -> list:
        return [MentionInline] if obj is not None else []

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        # Two queries for the whole page, whatever its length.
        return super().get_queryset(request).prefetch_related("actors", "countries")

    @admin.display(description="sources", ordering="source_count")
    def sources(self, event: Event) -> int:
        return event.source_count

    @admin.display(description="actors")
    def actor_names(self, event: Event) -> str:
        return ", ".join(a.name for a in event.actors.all())

    @admin.display(description="countries")
    def country_names(self, event: Event) -> str:
        return ", ".join(c.code for c in event.countries.all())

    def save_model(
        self, request: HttpRequest, obj: Event, form: EventForm, change: bool
    ) -> None:
        data = form.cleaned_data
        fields = {name: data[name] for name in EventForm.Meta.fields if name in data}
        fields["actors"] = list(data.get("edit_actors") or [])
        fields["countries"] = list(data.get("edit_countries") or [])
        if change:
            saved = correct_event(
                event=obj, user=request.user, changes=fields, reason=data["reason"]
            )
        else:
            saved = create_manual_event(
                user=request.user, fields=fields, reason=data["reason"]
            )
        obj.pk = saved.pk
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change) -> None:
        # Links were written by the service; the mention inline is read-only.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description="Verify the selected events", permissions=["change"])
    def verify(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        n = verify_events(events=queryset.only("pk"), user=request.user)
        self.message_user(request, f"Verified {n} events.", messages.SUCCESS)

    @admin.action(
        description="Reject the selected events (hidden, never re-ingested)",
        permissions=["change"],
    )
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        n = reject_events(events=queryset.only("pk"), user=request.user)
        self.message_user(request, f"Rejected {n} events.", messages.SUCCESS)

    @admin.action(
        description="Merge the selected events into one (keeps every mention)",
        permissions=["change"],
    )
    def merge(self, request: HttpRequest, queryset: QuerySet[Event]):
        return _merge_action(
            self,
            request,
            queryset.order_by("start", "pk"),
            service=merge_events,
            describe=lambda e: (
                f"{e.value} · {e.get_status_display()} · {e.source_count} sources"
            ),
        )

    def get_urls(self):
        urls = [
            path(
                "<int:event_id>/split/<int:mention_id>/",
                self.admin_site.admin_view(self.split_view),
                name="timeline_event_split",
            )
        ]
        return urls + super().get_urls()

    def split_view(
        self, request: HttpRequest, event_id: int, mention_id: int
    ) -> HttpResponse:
        return _split_view(self, request, event_id=event_id, mention_id=mention_id)


def _split_view(
    modeladmin: EventAdmin, request: HttpRequest, *, event_id: int, mention_id: int
) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    mention = get_object_or_404(Mention, pk=mention_id, event_id=event_id)
    if not modeladmin.has_change_permission(request, mention.event):
        raise PermissionDenied
    try:
        new = split_mention(
            mention=mention,
            user=request.user,
            reason=request.POST.get("reason", "")[:1000],
        )
    except ValidationError as exc:
        modeladmin.message_user(request, _errors(exc), messages.ERROR)
        return HttpResponseRedirect(
            reverse("admin:timeline_event_change", args=[event_id])
        )
    modeladmin.message_user(
        request,
        f"Split the mention out into a new event “{new}”.",
        messages.SUCCESS,
    )
    return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[new.pk]))


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["expression", "value", "event", "article"]
    list_select_related = ["event", "article"]
    raw_id_fields = ["event", "article"]
    search_fields = ["sentence", "expression"]
    show_full_result_count = False
    actions = ["split"]

    @admin.action(
        description="Split the selected mentions into events of their own",
        permissions=["change"],
    )
    def split(self, request: HttpRequest, queryset: QuerySet[Mention]) -> None:
        done, failed = 0, []
        for mention in queryset[:MAX_MERGE]:
            try:
                split_mention(mention=mention, user=request.user)
                done += 1
            except ValidationError as exc:
                failed.append(_errors(exc))
        if done:
            self.message_user(
                request, f"Split {done} mentions into new events.", messages.SUCCESS
            )
        for message in failed:
            self.message_user(request, message, messages.WARNING)


# --- actors and countries -------------------------------------------------------


class ReasonForm(forms.ModelForm):
    reason = forms.CharField(
        required=False, max_length=1000, help_text=REASON_HELP, strip=True
    )


class ReasonAdmin(SimpleHistoryAdmin):
    """Saves the form's reason into the history of the object and its inlines."""

    def save_model(self, request, obj, form, change) -> None:
        obj._change_reason = form.cleaned_data.get("reason") or None
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        reason = form.cleaned_data.get("reason") or None
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj._history_user = request.user
            obj._change_reason = reason
            obj.delete()
        for obj in instances:
            obj._history_user = request.user
            obj._change_reason = reason
            obj.save()
        formset.save_m2m()


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    fields = ["alias", "normalised"]
    readonly_fields = ["normalised"]
    extra = 1


class CountryAliasInline(admin.TabularInline):
    model = CountryAlias
    fields = ["alias", "normalised"]
    readonly_fields = ["normalised"]
    extra = 1


class ActorForm(ReasonForm):
    class Meta:
        model = Actor
        fields = ["name", "kind"]


class CountryForm(ReasonForm):
    class Meta:
        model = Country
        fields = ["code", "name"]


@admin.register(Actor)
class ActorAdmin(ReasonAdmin):
    form = ActorForm
    list_display = ["name", "kind", "event_count", "alias_list"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias"]
    show_full_result_count = False
    inlines = [ActorAliasInline]
    actions = ["merge"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return (
            super()
            .get_queryset(request)
            .annotate(n_events=_count_of(EventActor, "actor"))
            .prefetch_related("aliases")
        )

    @admin.display(description="events", ordering="n_events")
    def event_count(self, actor: Actor) -> int:
        return actor.n_events

    @admin.display(description="aliases")
    def alias_list(self, actor: Actor) -> str:
        return format_html_join(", ", "{}", ((a.alias,) for a in actor.aliases.all()))

    @admin.action(
        description="Merge the selected actors into one (moves every event link, "
        "keeps the names as aliases)",
        permissions=["change"],
    )
    def merge(self, request: HttpRequest, queryset: QuerySet[Actor]):
        return _merge_action(
            self,
            request,
            queryset,
            service=merge_actors,
            describe=lambda a: f"{a.get_kind_display()} · {a.n_events} events",
        )


@admin.register(Country)
class CountryAdmin(ReasonAdmin):
    form = CountryForm
    list_display = ["name", "code", "event_count", "alias_list"]
    search_fields = ["name", "code", "aliases__alias"]
    show_full_result_count = False
    inlines = [CountryAliasInline]
    actions = ["merge"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Country]:
        return (
            super()
            .get_queryset(request)
            .annotate(n_events=_count_of(EventCountry, "country"))
            .prefetch_related("aliases")
        )

    @admin.display(description="events", ordering="n_events")
    def event_count(self, country: Country) -> int:
        return country.n_events

    @admin.display(description="aliases")
    def alias_list(self, country: Country) -> str:
        return format_html_join(", ", "{}", ((a.alias,) for a in country.aliases.all()))

    @admin.action(
        description="Merge the selected countries into one (moves every event "
        "link, keeps the names as aliases)",
        permissions=["change"],
    )
    def merge(self, request: HttpRequest, queryset: QuerySet[Country]):
        return _merge_action(
            self,
            request,
            queryset,
            service=merge_countries,
            describe=lambda c: f"{c.code} · {c.n_events} events",
        )


@admin.register(ActorAlias)
class ActorAliasAdmin(SimpleHistoryAdmin):
    """Aliases on their own, for their history (edit them on the actor)."""

    list_display = ["alias", "actor", "normalised"]
    list_select_related = ["actor"]
    search_fields = ["alias", "actor__name"]
    autocomplete_fields = ["actor"]


@admin.register(CountryAlias)
class CountryAliasAdmin(SimpleHistoryAdmin):
    list_display = ["alias", "country", "normalised"]
    list_select_related = ["country"]
    search_fields = ["alias", "country__name"]
    autocomplete_fields = ["country"]
