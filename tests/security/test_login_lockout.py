"""Repeated failed admin logins lock the username out for that address."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "editor", password="correct horse battery staple", is_staff=True
    )


def attempt(client, password, username="editor", ip="203.0.113.5"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def test_it_locks_after_the_configured_number_of_failures(client, staff, settings):
    settings.NEWSLINE_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        assert attempt(client, "wrong").status_code == 200
    locked = attempt(client, "correct horse battery staple")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert int(locked.headers["Retry-After"]) == settings.NEWSLINE_LOGIN_LOCKOUT_SECONDS
    assert "_auth_user_id" not in client.session


def test_it_still_lets_the_right_password_in_before_the_limit(client, staff, settings):
    settings.NEWSLINE_LOGIN_MAX_FAILURES = 3
    attempt(client, "wrong")
    attempt(client, "wrong")
    response = attempt(client, "correct horse battery staple")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_it_forgets_failures_after_a_successful_login(client, staff, settings):
    settings.NEWSLINE_LOGIN_MAX_FAILURES = 3
    attempt(client, "wrong")
    attempt(client, "wrong")
    assert attempt(client, "correct horse battery staple").status_code == 302
    client.logout()
    attempt(client, "wrong")
    attempt(client, "wrong")
    assert attempt(client, "correct horse battery staple").status_code == 302


def test_it_locks_per_username_and_address(client, staff, settings):
    settings.NEWSLINE_LOGIN_MAX_FAILURES = 2
    attempt(client, "wrong")
    attempt(client, "wrong")
    assert attempt(client, "wrong").status_code == 429
    # Another address, and another username, are not locked.
    assert attempt(client, "wrong", ip="198.51.100.7").status_code == 200
    assert attempt(client, "wrong", username="someone").status_code == 200
    # Case and spaces do not dodge the lock.
    assert attempt(client, "wrong", username=" EDITOR ").status_code == 429


def test_it_escapes_the_username_on_the_lockout_page(client, settings):
    settings.NEWSLINE_LOGIN_MAX_FAILURES = 1
    name = "<script>alert(1)</script>"
    attempt(client, "wrong", username=name)
    body = attempt(client, "wrong", username=name).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_it_unlocks_when_the_window_has_passed(client, staff, settings):
    settings.NEWSLINE_LOGIN_MAX_FAILURES = 1
    attempt(client, "wrong")
    assert attempt(client, "wrong").status_code == 429
    cache.clear()  # what the cache's expiry does after the lockout window
    assert attempt(client, "correct horse battery staple").status_code == 302
