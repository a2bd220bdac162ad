"""Article admin: adding an article runs extraction after commit."""

from django.contrib import admin

from timeline.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "published", "publisher", "extraction_status"]
    search_fields = ["title", "publisher"]
    date_hierarchy = "published"
