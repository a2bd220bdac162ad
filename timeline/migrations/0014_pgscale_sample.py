"""Event.sample: a random bucket per event, indexed, for estimating the counts
of large matching sets (timeline.query.facets). Existing events get their
bucket from the database's random().

Adding the column makes SQLite rebuild timeline_event, which drops the
triggers that keep its trigram search index in step (0006): they are made
again afterwards, either way (as in 0010).
"""

from importlib import import_module

from django.db import migrations, models

import timeline.models

_fts = import_module("timeline.migrations.0006_sqlite_text_search")


def fill_samples(apps, schema_editor):
    table = schema_editor.quote_name("timeline_event")
    buckets = timeline.models.SAMPLE_BUCKETS
    if schema_editor.connection.vendor == "postgresql":
        bucket = f"floor(random() * {buckets})"
    else:
        bucket = f"abs(random()) % {buckets}"
    schema_editor.execute(f"UPDATE {table} SET sample = {bucket}")  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0013_keymerge_duplicates"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _fts.create),
        migrations.AddField(
            model_name="event",
            name="sample",
            field=models.PositiveSmallIntegerField(
                default=timeline.models.random_sample,
                editable=False,
                help_text="Random bucket for estimating counts over large sets.",
            ),
        ),
        migrations.RunPython(fill_samples, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["sample", "kind", "start"],
                include=("id", "status", "end"),
                name="event_sample_idx",
            ),
        ),
        migrations.RunPython(_fts.create, migrations.RunPython.noop),
    ]
