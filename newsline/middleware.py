"""Security middleware: a Content-Security-Policy and an admin login lockout.

Content-Security-Policy: only our own scripts, styles, images and forms; no
inline script or style, no plugins, no framing. htmx is told not to inject its
indicator <style> (see the htmx-config meta tag in templates/base.html).

Login lockout: after NEWSLINE_LOGIN_MAX_FAILURES failed admin logins for one
username from one IP address within NEWSLINE_LOGIN_LOCKOUT_SECONDS, further
attempts for that username from that address are answered 429 without checking
the password, until the window has passed. Counts live in Django's cache: the
default in-process cache counts per gunicorn worker (so the effective limit is
at most workers x the setting); set CACHE_URL=redis://... to share them.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import escape

logger = logging.getLogger("newsline.request")

DEFAULT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class ContentSecurityPolicyMiddleware:
    """Adds Content-Security-Policy (settings.NEWSLINE_CSP) to every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = getattr(settings, "NEWSLINE_CSP", DEFAULT_CSP)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = self.policy
        return response


def _lockout_key(request: HttpRequest, username: str) -> str:
    ip = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{username.strip().casefold()}|{ip}".encode()).hexdigest()
    return f"newsline:login-failures:{digest}"


class LoginLockoutMiddleware:
    """Locks an admin username out for one IP after repeated failed logins."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path != reverse("admin:login"):
            return self.get_response(request)
        limit = settings.NEWSLINE_LOGIN_MAX_FAILURES
        window = settings.NEWSLINE_LOGIN_LOCKOUT_SECONDS
        username = str(request.POST.get("username", ""))[:150]
        key = _lockout_key(request, username)
        failures = cache.get(key, 0)
        if failures >= limit:
            minutes = max(1, round(window / 60))
            response = HttpResponse(
                "<!doctype html><title>Too many failed logins</title>"
                f"<p>Too many failed logins for {escape(username)!s}. "
                f"Try again in {minutes} minutes.</p>",
                status=429,
            )
            response.headers["Retry-After"] = str(window)
            return response
        response = self.get_response(request)
        # The admin redirects after a successful login and shows the form
        # again (200) after a failed one; a CSRF failure (403) is not counted.
        if response.status_code == 200:
            try:
                failures = cache.incr(key)
            except ValueError:
                cache.set(key, 1, timeout=window)
            else:
                cache.touch(key, timeout=window)
        elif response.status_code in (301, 302, 303):
            cache.delete(key)
        return response


class AfterResponseMiddleware:
    """Work a view defers (run_after_response) runs once the response is sent.

    The WSGI server closes the response after writing it to the client
    (gunicorn, runserver and Django's test client alike); the deferred work
    runs then, in the same worker thread, so the user never waits for it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.after_response = []  # type: ignore[attr-defined]
        response = self.get_response(request)
        for work in request.after_response:  # type: ignore[attr-defined]
            # Django's own hook for work at close (the response's closers).
            response._resource_closers.append(_logged(work))
        return response


def _logged(work: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        try:
            work()
        except Exception:  # noqa: BLE001 - the response is sent; log it
            logger.exception("work after the response failed")

    return run


def run_after_response(request: HttpRequest, work: Callable[[], object]) -> None:
    """Run `work` after the response to `request` is sent (now, if the
    request did not pass through AfterResponseMiddleware)."""
    pending = getattr(request, "after_response", None)
    if pending is None:
        work()
    else:
        pending.append(work)
