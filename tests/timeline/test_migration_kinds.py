"""0010_event_kinds: the seven old kinds keep their events; back, the new
ones fold into "other" so the old constraint holds."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("timeline", "0009_boilerplate")]
AFTER = [("timeline", "0010_event_kinds")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _event(apps, kind: str, **extra):
    Event = apps.get_model("timeline", "Event")
    return Event.objects.create(
        start=date(2025, 2, 24),
        end=date(2025, 2, 24),
        precision="day",
        value="2025-02-24",
        title=f"A {kind} event",
        kind=kind,
        **extra,
    )


@pytest.mark.django_db(transaction=True)
def test_it_keeps_old_kinds_and_folds_new_ones_back_into_other():
    old = _migrate(BEFORE)
    kept = {k: _event(old, k).pk for k in ("statement", "meeting", "attack", "other")}
    corrected = _event(old, "vote", corrected_fields=["kind"]).pk

    new = _migrate(AFTER)
    Event = new.get_model("timeline", "Event")
    assert {k: Event.objects.get(pk=pk).kind for k, pk in kept.items()} == {
        k: k for k in kept
    }
    assert Event.objects.get(pk=corrected).kind == "vote"
    aid = _event(new, "aid").pk
    protest = _event(new, "protest", corrected_fields=["kind"]).pk

    back = _migrate(BEFORE)
    Event = back.get_model("timeline", "Event")
    assert Event.objects.get(pk=aid).kind == "other"
    assert Event.objects.get(pk=protest).kind == "other"
    assert Event.objects.get(pk=kept["attack"]).kind == "attack"
    _migrate(AFTER)  # leave the database as the other tests expect it
