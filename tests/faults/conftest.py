"""Throw-away databases that `manage.py` subprocesses can share with a test.

SQLite: files in tmp_path. PostgreSQL (when DATABASE_URL is postgres://): new
databases on that server, copied from a migrated template, dropped after.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]


def is_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres", "pgsql"))


@dataclass
class FaultDB:
    url: str

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        env.update(
            DJANGO_SETTINGS_MODULE="tests.settings",
            DATABASE_URL=self.url,
            PYTHONPATH=str(ROOT),
            NEWSLINE_LOG_FORMAT="keyvalue",
        )
        return env

    def manage(self, *args: str, **kwargs) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **kwargs,
        )

    def run(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def query(self, sql: str) -> list[tuple]:
        if self.url.startswith("sqlite"):
            con = sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=30)
            try:
                return con.execute(sql).fetchall()
            finally:
                con.close()
        import psycopg

        with psycopg.connect(self.url) as con:
            return con.execute(sql).fetchall()


class Databases:
    """Makes FaultDBs from one migrated template (migrating once is slow)."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.made: list[str] = []
        if is_postgres():
            cfg = dj_database_url.parse(os.environ["DATABASE_URL"])
            auth = cfg["USER"] + (f":{cfg['PASSWORD']}" if cfg["PASSWORD"] else "")
            self.server = f"postgres://{auth}@{cfg['HOST']}:{cfg['PORT'] or 5432}"
            self.template = self._pg_create(
                f"newsline_faults_tpl_{uuid.uuid4().hex[:8]}"
            )
        else:
            self.template = FaultDB(f"sqlite:///{tmp / 'template.sqlite3'}")
        result = self.template.run("migrate", "--no-input", "-v", "0")
        assert result.returncode == 0, result.stderr

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as con:
            con.execute(sql)

    def _pg_create(self, name: str, template: str = "") -> FaultDB:
        extra = f' TEMPLATE "{template}"' if template else ""
        self._admin(f'CREATE DATABASE "{name}"{extra}')
        self.made.append(name)
        return FaultDB(f"{self.server}/{name}")

    def new(self) -> FaultDB:
        name = f"newsline_faults_{uuid.uuid4().hex[:8]}"
        if is_postgres():
            return self._pg_create(name, self.template.url.rsplit("/", 1)[1])
        path = self.tmp / f"{name}.sqlite3"
        src = sqlite3.connect(self.template.url.removeprefix("sqlite:///"))
        dst = sqlite3.connect(path)
        src.backup(dst)
        src.close()
        dst.close()
        return FaultDB(f"sqlite:///{path}")

    def drop_all(self) -> None:
        if is_postgres():
            for name in reversed(self.made):
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def databases(tmp_path_factory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("faultdbs"))
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """The first 12 sample articles, as a JSONL file."""
    lines = (ROOT / "samples" / "wikinews-meantime.jsonl").read_text("utf-8")
    path = tmp_path_factory.mktemp("articles") / "articles.jsonl"
    path.write_text("\n".join(lines.splitlines()[:12]) + "\n", encoding="utf-8")
    return path


def snapshot(db: FaultDB) -> dict[str, tuple]:
    """Per article (by text hash): status and how many mentions it has."""
    rows = db.query(
        "SELECT a.text_sha256, a.extraction_status, "
        "(SELECT COUNT(*) FROM timeline_mention m WHERE m.article_id = a.id) "
        "FROM timeline_article a"
    )
    return {sha: (status, n) for sha, status, n in rows}


@pytest.fixture(scope="module")
def reference(databases, articles) -> dict[str, tuple]:
    """What an uninterrupted ingest of `articles` stores."""
    db = databases.new()
    result = db.run("ingest", str(articles))
    assert result.returncode == 0, result.stdout + result.stderr
    snap = snapshot(db)
    assert len(snap) == 12
    assert sum(n for _, n in snap.values()) > 0
    return snap
