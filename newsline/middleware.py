"""Middleware: a Content-Security-Policy, and work after the response.

Content-Security-Policy: only our own scripts, styles, images and forms; no
inline script or style, no plugins, no framing. htmx is told not to inject its
indicator <style> (see the htmx-config meta tag in templates/base.html).

The admin login lockout is django-axes' (see newsline/lockout.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

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
