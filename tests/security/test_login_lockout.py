"""Repeated failed admin logins lock the username out for that address
(django-axes, counting in the database; newsline/lockout.py)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
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
    for _ in range(2):
        assert attempt(client, "wrong").status_code == 200
    # the third failure locks (django-axes answers it with the lockout page)
    assert attempt(client, "wrong").status_code == 429
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
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    settings.NEWSLINE_LOGIN_MAX_FAILURES = 1
    attempt(client, "wrong")
    assert attempt(client, "wrong").status_code == 429
    window = timedelta(seconds=settings.NEWSLINE_LOGIN_LOCKOUT_SECONDS + 1)
    AccessAttempt.objects.update(attempt_time=timezone.now() - window)
    assert attempt(client, "correct horse battery staple").status_code == 302


# --- across processes (#16.5) -------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()[-2000:]
        try:
            if requests.get(url, timeout=10).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} did not come up")


@pytest.mark.django_db(False)
def test_the_lockout_holds_across_two_servers_sharing_the_database(tmp_path):
    """Two gunicorn servers (separate processes, like workers or machines)
    on one database: failures sent to either count towards one lock."""
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "lockout-test-secret-key-not-for-production-0123456789",
        "NEWSLINE_LOGIN_MAX_FAILURES": "5",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    _manage(env, "migrate", "--no-input")
    _manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_user('editor', password={PASSWORD!r}, is_staff=True)",
    )
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "newsline.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base, server in zip(bases, servers, strict=True):
            _wait_until_up(f"{base}/healthz", server)
        browser = requests.Session()  # cookies are per host, not port
        page = browser.get(f"{bases[0]}/admin/login/", timeout=10).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]

        def login(base: str, password: str) -> int:
            return browser.post(
                f"{base}/admin/login/",
                data={
                    "username": "editor",
                    "password": password,
                    "csrfmiddlewaretoken": token,
                    "next": "/admin/",
                },
                headers={"Referer": f"{base}/admin/login/"},
                allow_redirects=False,
                timeout=30,
            ).status_code

        statuses = [login(bases[i % 2], "wrong") for i in range(10)]
        assert statuses == [200] * 4 + [429] * 6
        assert login(bases[0], PASSWORD) == 429
        assert login(bases[1], PASSWORD) == 429
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def test_staff_who_may_delete_clean_up_expired_attempts(admin_client, staff):
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    attempt(admin_client, "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(days=1))
    url = "/admin/axes/accessattempt/"
    ids = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = admin_client.post(
        url, {"action": "cleanup_expired_attempts", "_selected_action": ids}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
