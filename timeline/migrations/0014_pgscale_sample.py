"""Event.sample: a random bucket per event, indexed, for estimating the counts
of large matching sets (timeline.query.facets). Existing events get their
bucket from the database's random()."""

from django.db import migrations, models

import timeline.models


def fill_samples(apps, schema_editor):
    table = schema_editor.quote_name("timeline_event")
    if schema_editor.connection.vendor == "postgresql":
        bucket = f"floor(random() * {timeline.models.SAMPLE_BUCKETS})"
    else:
        bucket = f"abs(random()) % {timeline.models.SAMPLE_BUCKETS}"
    schema_editor.execute(f"UPDATE {table} SET sample = {bucket}")  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0013_keymerge_duplicates"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="sample",
            field=models.PositiveSmallIntegerField(
                default=0,
                editable=False,
                help_text="Random bucket for estimating counts over large sets.",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_samples, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="event",
            name="sample",
            field=models.PositiveSmallIntegerField(
                default=timeline.models.random_sample,
                editable=False,
                help_text="Random bucket for estimating counts over large sets.",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["sample", "start"],
                include=("kind", "status", "end"),
                name="event_sample_idx",
            ),
        ),
    ]
