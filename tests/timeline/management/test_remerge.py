"""manage.py remerge: reports what it merged."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.timeline.factories import make_event
from tests.timeline.ingestion.test_remerge import stored_apart  # noqa: F401 - fixture
from timeline.models import Actor, ActorAlias, ActorKind, Event, EventActor

pytestmark = pytest.mark.django_db


def test_it_merges_and_says_how_many(stored_apart):  # noqa: F811 - the fixture
    out = StringIO()
    call_command("remerge", stdout=out)
    assert "Merged 1 of 2 events" in out.getvalue()
    assert Event.objects.count() == 1


def test_it_merges_a_surname_stored_as_a_person_of_its_own():
    # A database from before the rule: "Obama" and Barack Obama apart, with
    # the alias that ties them already stored.
    barack = Actor.objects.create(name="Barack Obama", kind=ActorKind.PERSON)
    obama = Actor.objects.create(name="Obama", kind=ActorKind.PERSON)
    ActorAlias.objects.create(actor=barack, alias="Obama")
    event = make_event()
    EventActor.objects.create(event=event, actor=obama, **event.link_copies())
    out = StringIO()
    call_command("remerge", stdout=out)
    assert "Merged 1 people stored under a surname" in out.getvalue()
    assert list(event.actors.values_list("name", flat=True)) == ["Barack Obama"]
    assert not Actor.objects.filter(name="Obama").exists()
    call_command("remerge", stdout=StringIO())  # again: nothing changes
    assert list(event.actors.values_list("name", flat=True)) == ["Barack Obama"]
