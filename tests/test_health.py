"""GET /healthz answers whether the database is reachable."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_it_answers_503_when_the_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_it_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_it_refuses_posts(client):
    assert client.post("/healthz").status_code in (403, 405)


# --- what serving needs (#16.9) ---------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import django; django.setup();"
    "from django.test import Client;"
    "r = Client().get('/healthz');"
    "print(r.status_code, r.json()['database'])"
)


def probe(database_url: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsline.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "health-test-secret-key-not-for-production-0123456789",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


@pytest.mark.django_db(False)
def test_it_answers_503_for_a_missing_sqlite_file_and_creates_nothing(tmp_path):
    path = tmp_path / "missing.sqlite3"
    assert probe(f"sqlite:///{path}") == "503 missing"
    assert not path.exists()


@pytest.mark.django_db(False)
def test_it_answers_503_for_an_unmigrated_database(tmp_path):
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()
    assert probe(f"sqlite:///{path}") == "503 not migrated"


def test_it_answers_503_when_the_database_refuses_writes(client):
    from django.db import connection

    # the test's transaction is rolled back afterwards (PostgreSQL cannot
    # make it read-write again)
    read_only = {
        "sqlite": ("PRAGMA query_only = 1", "PRAGMA query_only = 0"),
        "postgresql": ("SET TRANSACTION READ ONLY", ""),
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(read_only[0])
    try:
        response = client.get("/healthz")
    finally:
        if read_only[1]:
            with connection.cursor() as cursor:
                cursor.execute(read_only[1])
    assert (response.status_code, response.json()["database"]) == (503, "read-only")


def test_it_leaves_the_database_as_it_was(client):
    from django.db.migrations.recorder import MigrationRecorder

    before = list(MigrationRecorder.Migration.objects.values_list().order_by("id"))
    assert client.get("/healthz").status_code == 200
    after = list(MigrationRecorder.Migration.objects.values_list().order_by("id"))
    assert after == before
