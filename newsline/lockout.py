"""The admin login lockout, counted by django-axes in the database.

After NEWSLINE_LOGIN_MAX_FAILURES failed logins for one username from one
address within NEWSLINE_LOGIN_LOCKOUT_SECONDS, that username is locked for
that address: every further attempt (even with the right password) answers
429 until the window has passed. The failures are rows of axes'
AccessAttempt table, so every gunicorn worker and every server sharing the
database counts the same failures; staff see and clear them in the admin
(Axes -> Access attempts) or with `manage.py axes_reset`. These functions
are the callables settings.py hands axes.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.html import escape


def failure_limit(request: HttpRequest, credentials: Any) -> int:
    return settings.NEWSLINE_LOGIN_MAX_FAILURES


def cool_off(request: HttpRequest | None = None) -> timedelta:
    return timedelta(seconds=settings.NEWSLINE_LOGIN_LOCKOUT_SECONDS)


def username(request: HttpRequest, credentials: Any) -> str:
    """The username as counted: case and surrounding spaces do not dodge it."""
    raw = (credentials or {}).get("username")
    if raw is None:
        raw = request.POST.get("username", "")
    return str(raw).strip().casefold()[:150]


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: Any = None,
) -> HttpResponse:
    window = settings.NEWSLINE_LOGIN_LOCKOUT_SECONDS
    minutes = max(1, round(window / 60))
    name = str(request.POST.get("username", ""))[:150]
    response = HttpResponse(
        "<!doctype html><title>Too many failed logins</title>"
        f"<p>Too many failed logins for {escape(name)}. "
        f"Try again in {minutes} minutes.</p>",
        status=429,
    )
    response.headers["Retry-After"] = str(window)
    return response
