"""Staff-only endpoints refuse everyone else; every state change needs CSRF."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from timeline.models import Event, Status

STAFF_POSTS = {
    "timeline:staff-event-title": {"title": "A new title", "reason": "typo"},
    "timeline:staff-event-date": {"value": "2025-02-25", "reason": "wrong day"},
    "timeline:staff-event-verify": {},
    "timeline:staff-event-reject": {"reason": "not an event"},
}


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user("reader", password="pw-reader-1")


def all_paths(pk: int) -> list[str]:
    """Every non-admin route, with `pk` for its integer arguments."""
    out: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for p in patterns:
            route = str(p.pattern)
            if isinstance(p, URLResolver):
                if route.startswith("admin/"):
                    continue
                walk(p.url_patterns, prefix + route)
            elif isinstance(p, URLPattern):
                path = prefix + route
                if "(?P" in path or "^" in path:
                    continue  # regex routes: none of ours
                path = re.sub(r"<int:\w+>", str(pk), path)
                if "<" not in path:
                    out.append("/" + path)

    walk(get_resolver().url_patterns, "")
    return out


def test_it_refuses_staff_edits_to_anonymous_and_non_staff(client, hostile, reader):
    for who in (None, reader):
        if who:
            client.force_login(who)
        for name, data in STAFF_POSTS.items():
            url = reverse(name, args=[hostile.event.pk])
            assert client.post(url, data).status_code == 403, (who, url)
            assert (
                client.post(url, data, headers={"HX-Request": "true"}).status_code
                == 403
            )
    event = Event.objects.get(pk=hostile.event.pk)
    assert event.title == hostile.event.title
    assert event.status == Status.EXTRACTED
    assert event.value == "2025-02-24"


def test_it_sends_anonymous_and_non_staff_to_the_admin_login(client, hostile, reader):
    urls = [
        "/admin/",
        "/admin/timeline/event/",
        f"/admin/timeline/event/{hostile.event.pk}/change/",
        f"/admin/timeline/article/{hostile.article.pk}/change/",
        "/admin/auth/user/",
    ]
    for who in (None, reader):
        if who:
            client.force_login(who)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302, url
            assert response.headers["Location"].startswith("/admin/login/"), url
        response = client.post(
            f"/admin/timeline/event/{hostile.event.pk}/change/", {"title": "hacked"}
        )
        assert response.status_code in (302, 403)
    assert Event.objects.get(pk=hostile.event.pk).title == hostile.event.title


def test_it_needs_a_csrf_token_for_staff_edits(hostile):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hostile.staff)
    for name, data in STAFF_POSTS.items():
        url = reverse(name, args=[hostile.event.pk])
        assert client.post(url, data).status_code == 403, url
    event = Event.objects.get(pk=hostile.event.pk)
    assert event.title == hostile.event.title and event.status == Status.EXTRACTED
    # With the token the page carries (hx-headers on <body>), the edit works.
    page = client.get(f"/events/{hostile.event.pk}/").content.decode()
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
    url = reverse("timeline:staff-event-verify", args=[hostile.event.pk])
    response = client.post(url, {}, headers={"X-CSRFToken": token})
    assert response.status_code in (200, 302, 303), response.status_code
    assert Event.objects.get(pk=hostile.event.pk).status == Status.VERIFIED


def test_it_needs_a_csrf_token_for_every_state_change(hostile):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hostile.staff)
    paths = all_paths(hostile.event.pk)
    assert "/api/events/" in paths and f"/events/{hostile.event.pk}/" in paths
    for path in paths:
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(path, {})
            assert response.status_code in (403, 405), (method, path)


def test_it_needs_a_csrf_token_for_admin_changes_and_login(hostile):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/admin/login/", {"username": "boss", "password": "pw-for-tests-only"}
    )
    assert response.status_code == 403
    client.force_login(hostile.staff)
    response = client.post(
        f"/admin/timeline/event/{hostile.event.pk}/change/", {"title": "hacked"}
    )
    assert response.status_code == 403
    response = client.post(
        f"/admin/timeline/event/{hostile.event.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert Event.objects.filter(pk=hostile.event.pk).exists()


def test_it_refuses_a_source_url_that_is_not_http(db):
    from django.core.exceptions import ValidationError

    from timeline.models import Article

    for url in (
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://example.org/a",
        "vbscript:msgbox",
    ):
        article = Article(
            title="t", source_url=url, published="2025-02-24", text="Some text."
        )
        with pytest.raises(ValidationError) as info:
            article.full_clean()
        assert "source_url" in info.value.message_dict
    ok = Article(
        title="t",
        source_url="https://news.example.org/a",
        published="2025-02-24",
        text="Some text.",
    )
    ok.full_clean()


# --- review status needs the model permission, not is_staff alone (#16.12) --


@pytest.fixture
def rejected_event(db):
    from tests.timeline.factories import make_event

    return make_event(title="Rejected claim", status=Status.REJECTED)


def _staff_client(*perms: str) -> Client:
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(
        "staffer", password="pw-staffer-1", is_staff=True
    )
    for codename in perms:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return client


def _reads(event: Event) -> dict[str, str]:
    return {
        "page": "/?status=rejected",
        "detail": reverse("timeline:event", args=[event.pk]),
        "api": "/api/events/?status=rejected",
        "api-detail": f"/api/events/{event.pk}/",
        "csv": "/export/events.csv?status=rejected",
    }


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_it_hides_rejected_events_from_staff_without_the_permission(
    rejected_event,
):
    client = _staff_client()
    for name, path in _reads(rejected_event).items():
        response = client.get(path)
        assert "Rejected claim" not in _body(response), name
        assert response.status_code in (200, 400, 404), name


@pytest.mark.parametrize("perm", ["view_event", "change_event"])
def test_it_shows_rejected_events_to_staff_who_may_review(rejected_event, perm):
    client = _staff_client(perm)
    for name, path in _reads(rejected_event).items():
        response = client.get(path)
        assert response.status_code == 200, name
        assert "Rejected claim" in _body(response), name


def test_every_admin_action_declares_the_permissions_it_needs(rf, admin_user):
    """A view-only staff member is offered no action that changes data (#16.6)."""
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = admin_user
    undeclared = [
        f"{model._meta.label}.{name}"
        for model, model_admin in admin.site._registry.items()
        for name, (func, _, _) in model_admin.get_actions(request).items()
        if not getattr(func, "allowed_permissions", None)
    ]
    assert undeclared == []
