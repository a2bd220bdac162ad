"""EventActor.kind and EventCountry.kind: copies of their event's kind (as
`start` is, timeline.models.LINK_COPIES), and the (actor|country, kind,
start, event) indexes: "one value's events of some kinds" is then an index
range of the link table, read without an event row (the facet sets of
timeline.query.facets._value_links; docs/query-plans.md, sqlite7).

The copies are filled from the events with one UPDATE per table (UPDATE ...
FROM on PostgreSQL: one join, not a statement per row), before the indexes
are built.
"""

from django.db import migrations, models

KINDS = [
    ("statement", "statement"),
    ("meeting", "meeting / visit / talks"),
    ("call", "call"),
    ("agreement", "agreement / negotiation"),
    ("vote", "vote / legislation"),
    ("election", "election"),
    ("aid", "aid"),
    ("sanctions", "sanctions / pressure"),
    ("demand", "demand / threat"),
    ("protest", "protest"),
    ("attack", "attack / fighting"),
    ("legal", "arrest / legal"),
    ("appointment", "appointment / resignation"),
    ("economy", "economy / markets"),
    ("business", "business"),
    ("disaster", "disaster / accident"),
    ("health", "health"),
    ("death", "death"),
    ("other", "other"),
]
LINK_TABLES = ("timeline_eventactor", "timeline_eventcountry")


def copy_kinds(apps, schema_editor):
    q = schema_editor.quote_name
    event = q("timeline_event")
    for table in map(q, LINK_TABLES):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"UPDATE {table} AS l SET {q('kind')} = e.{q('kind')} "  # noqa: S608
                f"FROM {event} AS e WHERE e.{q('id')} = l.{q('event_id')} "
                f"AND l.{q('kind')} <> e.{q('kind')}"
            )
        else:
            # A correlated lookup by primary key per row: what SQLite's
            # UPDATE ... FROM (3.33+) would do, on any version.
            schema_editor.execute(
                f"UPDATE {table} SET {q('kind')} = (SELECT e.{q('kind')} "  # noqa: S608
                f"FROM {event} e WHERE e.{q('id')} = {table}.{q('event_id')})"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0016_sqlite5_event_covering"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventactor",
            name="kind",
            field=models.CharField(choices=KINDS, default="other", max_length=20),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="eventcountry",
            name="kind",
            field=models.CharField(choices=KINDS, default="other", max_length=20),
            preserve_default=False,
        ),
        migrations.RunPython(copy_kinds, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="eventactor",
            index=models.Index(
                fields=["actor", "kind", "event", "start"], name="eventactor_kind_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="eventcountry",
            index=models.Index(
                fields=["country", "kind", "event", "start"],
                name="eventcountry_kind_idx",
            ),
        ),
    ]
