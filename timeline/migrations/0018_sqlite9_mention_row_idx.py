"""On SQLite, mention_row_idx (id, event_id): a text search counted over
every match (timeline.query.filters.text_match, every=True) reads each
matching mention's event id, and SQLite's mention rows hold the whole
sentence: read from this index instead of the table, a common word's
matches at 100,000 events cost about a third less (docs/benchmarks.md).
The search names the index (INDEXED BY) only where it exists; PostgreSQL
searches its own full-text indexes (0004) and has no use for it.
"""

from django.db import migrations

INDEX = "mention_row_idx"


def row_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON timeline_mention (id, event_id)"
        )


def drop_row_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0017_sqlite7_link_kind"),
    ]

    operations = [
        migrations.RunPython(row_index, drop_row_index),
    ]
