"""Article admin: staff paste an article; extraction runs off the request.

With no Celery broker the extraction runs in-process once the response is
sent; with one, a worker picks it up. The list's status column shows when it
is done (pending, done, failed).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from timeline.domain.services import delete_articles
from timeline.ingestion.sources import InvalidArticle, check_text, check_url
from timeline.ingestion.sources import parse_published as _parse_published
from timeline.models import Article, ExtractionStatus, Story, text_sha256
from timeline.query import facet_counts
from timeline.tasks import extract_off_request


def _sentence(exc: Exception) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:] + "."


class ArticleChangeForm(forms.ModelForm):
    """Title, URL and publisher; the text and date stay as extracted from."""

    source_url = forms.URLField(
        required=False,
        max_length=2000,
        assume_scheme="https",
        label="Source URL",
        help_text="http:// or https:// only.",
    )

    class Meta:
        model = Article
        fields = ["title", "source_url", "publisher", "stories"]

    def clean_source_url(self) -> str:
        try:
            return check_url(self.cleaned_data.get("source_url") or "")
        except InvalidArticle as exc:
            raise forms.ValidationError(_sentence(exc)) from None


class ArticleAddForm(ArticleChangeForm):
    """Paste an article: text and publication date, optional title/URL/publisher.
    Or give only its URL: the page is fetched and read (timeline.feeds)."""

    text = forms.CharField(
        widget=forms.Textarea,
        required=False,
        help_text="Paste the article, or leave this empty and give its source "
        "URL: the page is fetched and its text, title, publisher and date read.",
    )
    published = forms.DateField(
        required=False,
        help_text="The date relative expressions ('on Monday') are resolved "
        "against. Not in the future. Read from the page when a URL is fetched.",
    )

    class Meta:
        model = Article
        fields = ["text", "published", "title", "source_url", "publisher", "stories"]
        help_texts = {
            "published": "The date relative expressions ('on Monday') are "
            "resolved against. Not in the future.",
        }

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            return ""  # clean() fetches it from the URL, or says what is missing
        try:
            check_text(text)
        except InvalidArticle as exc:
            raise forms.ValidationError(_sentence(exc)) from None
        existing = (
            Article.objects.filter(text_sha256=text_sha256(text))
            .values_list("id", flat=True)
            .first()
        )
        if existing is not None:
            raise forms.ValidationError(
                f"This article is already stored (article {existing})."
            )
        return text

    def clean_published(self):
        if self.cleaned_data["published"] is None:
            return None
        try:
            return _parse_published(self.cleaned_data["published"])
        except InvalidArticle as exc:
            raise forms.ValidationError(_sentence(exc)) from None

    def clean(self):
        data = super().clean()
        if self.errors or data.get("text"):
            if not self.errors and data.get("published") is None:
                self.add_error("published", "This field is required.")
            return data
        url = data.get("source_url")
        if not url:
            self.add_error(
                "text",
                "This field is required: paste the article's text, or give its "
                "source URL to fetch it.",
            )
            return data
        from timeline.feeds.services import fetch_url_article

        try:
            item = fetch_url_article(
                url=url,
                published=data.get("published"),
                title=data.get("title", ""),
                publisher=data.get("publisher", ""),
            )
        except InvalidArticle as exc:
            self.add_error("source_url", _sentence(exc))
            return data
        data.update(
            text=item.text,
            published=item.published,
            title=item.title,
            publisher=item.publisher,
            source_url=item.source_url,
        )
        return data


class DuplicateFilter(admin.SimpleListFilter):
    """Originals or near-duplicates (timeline.ingestion.duplicates links
    them at ingestion; a copy is not an independent source)."""

    title = "near-duplicate"
    parameter_name = "copy"

    def lookups(self, request, model_admin):
        return [("yes", "near-duplicates"), ("no", "originals")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(duplicate_of__isnull=False)
        if self.value() == "no":
            return queryset.originals()
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleChangeForm
    list_display = [
        "__str__",
        "published",
        "publisher",
        "event_count",
        "extraction_status",
        "copy_of",
    ]
    list_filter = ["extraction_status", "stories", DuplicateFilter]
    search_fields = ["title", "publisher", "external_id"]
    autocomplete_fields = ["stories"]
    date_hierarchy = "published"
    actions = ["reextract_selected"]
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return (
            super()
            .get_queryset(request)
            .select_related("duplicate_of")
            .defer("text", "duplicate_of__text")
            .annotate(n_events=Count("mentions__event", distinct=True))
        )

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: Article) -> int:
        return getattr(obj, "n_events", 0)

    @admin.display(description="near-duplicate of")
    def copy_of(self, obj: Article):
        """The earlier article this one repeats: its events count it once."""
        if obj.duplicate_of_id is None:
            return "-"
        url = reverse("admin:timeline_article_change", args=[obj.duplicate_of_id])
        return format_html('<a href="{}">{}</a>', url, obj.duplicate_of)

    @admin.display(description="near-duplicates of this article")
    def copy_count(self, obj: Article) -> int:
        return obj.copies.count() if obj.pk else 0

    # Deletes go through the service: the events only these articles
    # reported go too, those an admin touched stay, the counts follow.
    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        delete_articles(articles=Article.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        delete_articles(articles=queryset)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ArticleAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ArticleAddForm.Meta.fields
        return [
            "title",
            "source_url",
            "publisher",
            "stories",
            "published",
            "external_id",
            "extraction_status",
            "extraction_version",
            "extraction_error",
            "ingested_at",
            "copy_of",
            "copy_count",
            "text",
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        # The text and date are what the events were extracted from.
        return [
            "published",
            "external_id",
            "extraction_status",
            "extraction_version",
            "extraction_error",
            "ingested_at",
            "copy_of",
            "copy_count",
            "text",
        ]

    def save_model(self, request, obj, form, change) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        obj.extraction_status = ExtractionStatus.PENDING
        super().save_model(request, obj, form, change)
        extract_off_request(request=request, article_ids=[obj.pk])

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        if "stories" in form.changed_data:
            # The page's cached counts for ?story= must see the new members.
            facet_counts.bump_version()

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            "Events are extracted once the article is saved; the list's status "
            "column shows pending, done or failed.",
            messages.INFO,
        )
        return super().response_add(request, obj, post_url_continue)

    @admin.action(
        description="Re-extract events (keeps admin corrections)",
        permissions=["change"],
    )
    def reextract_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Marks the articles pending and queues them; never extracts in the
        request (see timeline.tasks.extract_off_request)."""
        ids = list(queryset.order_by("id").values_list("id", flat=True))
        Article.objects.filter(id__in=ids).update(
            extraction_status=ExtractionStatus.PENDING, extraction_error=""
        )
        queued = extract_off_request(request=request, article_ids=ids)
        message = (
            f"Re-extraction of {len(ids)} article(s) queued; the status column "
            "shows when it is done."
        )
        if queued < len(ids):
            message += (
                f" {len(ids) - queued} of them stay pending: run "
                "`manage.py reextract` (or start Celery workers) to extract them."
            )
        self.message_user(request, message, messages.SUCCESS)


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    """Stories: named sets of articles (`manage.py ingest --story`, feeds)."""

    list_display = ["name", "slug", "article_count", "created"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Story]:
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, obj: Story) -> int:
        return getattr(obj, "n_articles", 0)
