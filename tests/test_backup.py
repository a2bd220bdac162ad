"""Backup and restore (README "Backup and restore") loses nothing.

The documented commands: `manage.py dumpdata --natural-foreign
--natural-primary --exclude contenttypes --exclude auth.permission
--exclude sessions -o backup.json.gz`, then on an empty, migrated database
`manage.py loaddata backup.json.gz`.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import UTC, date, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.dateparse import parse_datetime

from bench.synth import generate
from timeline.models import Actor, ActorAlias, Article, Event, Mention

TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")

BACKUP_ARGS = [
    "--natural-foreign",
    "--natural-primary",
    "--exclude",
    "contenttypes",
    "--exclude",
    "auth.permission",
    "--exclude",
    "sessions",
]


def dump(path) -> list[dict]:
    call_command("dumpdata", *BACKUP_ARGS, "-o", str(path), verbosity=0)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [as_values(row) for row in json.load(fh)]


def as_values(row: dict) -> dict:
    """Timestamps as datetimes, so "12:00:00.000Z" and "12:00:00Z" are equal.

    Django's JSON dumps keep milliseconds. A time less than a millisecond
    past the second dumps as ".000Z", restores as a whole second and dumps
    again without the fraction: the same instant, spelt differently.
    """
    fields = {
        name: parse_datetime(value)
        if isinstance(value, str) and TIMESTAMP.fullmatch(value)
        else value
        for name, value in row["fields"].items()
    }
    return {**row, "fields": fields}


@pytest.mark.django_db(transaction=True)
def test_it_restores_everything_from_a_dump(tmp_path):
    generate(300, seed=3)
    user = get_user_model().objects.create_user(
        "editor", password="pw-for-tests-only", is_staff=True
    )
    event = Event.objects.order_by("pk").first()
    event.title = 'Corrected: "<b>Kyiv</b>" & Kharkiv — ünïcödé'
    event.corrected_fields = ["title"]
    event._change_reason = "editor fixed the title"
    event.save()
    ActorAlias.objects.create(actor=Actor.objects.first(), alias="The Boss")
    # A time under a millisecond past the second (see as_values).
    Mention.objects.filter(pk=Mention.objects.order_by("pk")[0].pk).update(
        created=datetime(2026, 3, 1, 12, 0, 0, 500, tzinfo=UTC)
    )
    counts = {
        model: model.objects.count()
        for model in (Article, Event, Mention, Actor, ActorAlias)
    }
    before = dump(tmp_path / "backup.json.gz")
    assert len(before) > 1000

    call_command("flush", "--no-input", verbosity=0)
    assert Event.objects.count() == 0
    call_command("loaddata", str(tmp_path / "backup.json.gz"), verbosity=0)

    after = dump(tmp_path / "again.json.gz")
    assert after == before
    assert {m: m.objects.count() for m in counts} == counts
    restored = Event.objects.get(pk=event.pk)
    assert restored.title == event.title
    assert restored.corrected_fields == ["title"]
    assert restored.history.first().history_change_reason == "editor fixed the title"
    assert (
        get_user_model()
        .objects.get(username="editor")
        .check_password("pw-for-tests-only")
    )
    # Users are keyed by username (natural key), so their ids may change.
    assert get_user_model().objects.get(username="editor").is_staff == user.is_staff
    # Sequences continue after the restored ids: new rows do not collide.
    new = Event.objects.create(
        start=date(2026, 1, 1),
        end=date(2026, 1, 1),
        precision="day",
        value="2026-01-01",
        title="After the restore",
    )
    assert new.pk > max(e["pk"] for e in before if e["model"] == "timeline.event")
