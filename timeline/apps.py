from importlib import import_module

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "timeline"

    def import_models(self) -> None:
        """timeline.models, then the models kept beside their own code
        (timeline/feeds/models.py): timeline models too, registered while
        Django loads models, without timeline.models importing the feed
        package (the layers in pyproject.toml)."""
        super().import_models()
        import_module("timeline.feeds.models")
