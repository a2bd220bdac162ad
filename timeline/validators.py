"""Field validators shared by the timeline's models and the feeds' models
(a leaf module, so neither models module imports the other for them)."""

from __future__ import annotations

from django.core.validators import URLValidator

_http_url = URLValidator(schemes=["http", "https"])


def check_http_url(value: str) -> None:
    """Raise ValidationError unless `value` is an http(s) URL."""
    _http_url(value)
