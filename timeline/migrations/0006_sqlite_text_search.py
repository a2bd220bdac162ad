"""Substring search index for the timeline's free text, on SQLite only.

FTS5 tables with the trigram tokenizer over Event.title and Mention.sentence
(external content: the text stays in its table; triggers keep the index in
step with every INSERT, UPDATE and DELETE, bulk ones included). A quoted
phrase MATCH on a trigram index finds exactly the case-insensitive
substrings that `icontains` finds, without reading every row.
timeline.filters.text_match uses them when they exist. PostgreSQL has its
own full-text indexes (0004).
"""

from django.db import migrations

TABLES = {
    # fts table: (content table, column)
    "timeline_event_fts": ("timeline_event", "title"),
    "timeline_mention_fts": ("timeline_mention", "sentence"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    import sqlite3

    if sqlite3.sqlite_version_info < (3, 34, 0):
        return  # no trigram tokenizer: search keeps using LIKE
    with schema_editor.connection.cursor() as cursor:
        try:
            cursor.execute(
                "CREATE VIRTUAL TABLE temp.newsline_fts_probe "
                "USING fts5(x, tokenize='trigram')"
            )
            cursor.execute("DROP TABLE temp.newsline_fts_probe")
        except Exception:  # SQLite built without FTS5
            return
    for fts, (table, col) in TABLES.items():
        for sql in (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5("
            f"{col}, content='{table}', content_rowid='id', tokenize='trigram')",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {col} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); "
            f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ):
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for fts in TABLES:
        for suffix in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0005_event_updated_index"),
    ]

    operations = [migrations.RunPython(create, drop)]
