"""On SQLite, event_row_idx (id, status, kind, start, end): the facet sets
(timeline.query.facets._set_counts) read each event of a link range for
what the filters test, and SQLite's table rows (title, value, corrections,
...) are several times wider than these columns: read from this index
alone, the combined filters' two sets cost a fifth less at 100,000 events
(docs/benchmarks.md). PostgreSQL has event_id_covering_idx (migration
0015) instead.
"""

from django.db import migrations


def covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            'CREATE INDEX event_row_idx ON timeline_event (id, status, kind, start, "end")'
        )


def drop_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS event_row_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0015_pg4_value_rollups"),
    ]

    operations = [
        migrations.RunPython(covering_index, drop_covering_index),
    ]
