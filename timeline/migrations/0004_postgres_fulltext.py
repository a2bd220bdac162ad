"""GIN indexes for full-text search, on PostgreSQL only.

The expressions match timeline.filters.text_match exactly, so the planner
uses them. SQLite searches with LIKE and gets no index (nothing to do).
"""

from django.db import migrations

INDEXES = {
    "event_title_fts_idx": (
        "timeline_event",
        "to_tsvector('english'::regconfig, COALESCE(title, ''))",
    ),
    "mention_sentence_fts_idx": (
        "timeline_mention",
        "to_tsvector('english'::regconfig, COALESCE(sentence, ''))",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression})"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0003_history_reason_text"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
