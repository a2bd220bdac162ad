"""GET /healthz: 200 {"status": "ok"} when the database can serve, else 503.

"Can serve" is what the pages need: the database exists (a missing SQLite
file is reported, never created), every migration is applied, and it takes
writes (logins and staff edits write). The write test is an update of one
row of django_migrations to itself, rolled back: nothing changes, but a
read-only file, a read-only mount or a read-only PostgreSQL transaction
(a standby) fails it. On SQLite it waits for an ingest's write lock like any
writer (at most the busy timeout).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from django.db import DatabaseError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("newsline.health")


@cache
def _latest_migrations() -> frozenset[tuple[str, str]]:
    """The last migration of every app, as this code ships them."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return frozenset(loader.graph.leaf_nodes())


def _sqlite_file() -> Path | None:
    """The SQLite database file, or None (PostgreSQL, an in-memory database)."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return None
    name = str(connection.settings_dict["NAME"])
    if name.startswith("file:"):  # a URI: file:/path/db.sqlite3?mode=rw
        name = name.removeprefix("file:").split("?", 1)[0]
    return Path(name)


def database_problem() -> str | None:
    """Why the database cannot serve the site, or None when it can."""
    path = _sqlite_file()
    if path is not None and not path.is_file():
        return "missing"  # connecting would create an empty file
    applied = MigrationRecorder(connection).applied_migrations()
    if not _latest_migrations() <= set(applied):
        return "not migrated"
    table = connection.ops.quote_name(MigrationRecorder.Migration._meta.db_table)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET app = app "  # noqa: S608 - no user input
                    f"WHERE id = (SELECT MIN(id) FROM {table})"
                )
            transaction.set_rollback(True)
    except DatabaseError as exc:
        logger.error("event=healthz status=error error=%r", str(exc)[:200])
        return "read-only"
    return None


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        problem = database_problem()
    except DatabaseError as exc:
        logger.error("event=healthz status=error error=%r", str(exc)[:200])
        problem = "unavailable"
    if problem:
        if problem != "unavailable":
            logger.error("event=healthz status=error database=%r", problem)
        return JsonResponse({"status": "error", "database": problem}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
