import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction

from tests.timeline.factories import make_article, make_event, make_reviewer
from timeline.models import (
    Actor,
    ActorAlias,
    Country,
    Event,
    EventActor,
    EventCountry,
    Status,
    text_sha256,
)

pytestmark = pytest.mark.django_db


def test_it_hashes_normalised_text():
    a = make_article("Officials  met\n on Monday. ")
    assert a.text_sha256 == text_sha256("Officials met on Monday.")


def test_it_rejects_duplicate_article_text():
    make_article("The same text.")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("The  same\ttext.")


def test_it_rejects_event_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start=date(2025, 2, 24), end=date(2025, 2, 23))


@pytest.mark.parametrize(
    "field,value",
    [("precision", "fortnight"), ("status", "maybe"), ("kind", "party")],
)
def test_it_only_takes_listed_values(field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(**{field: value})


def test_it_seeds_countries_from_pycountry():
    assert Country.objects.count() >= 249
    assert Country.objects.get(code="RU").name == "Russia"
    assert Country.objects.get(code="UA").name == "Ukraine"


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Status.VERIFIED},
        {"status": Status.REJECTED},
        {"corrected_fields": ["title"]},
        {"is_manual": True},
    ],
)
def test_an_event_an_admin_touched_says_so(changes):
    assert not Event(status=Status.EXTRACTED).is_admin_touched()
    assert Event(**changes).is_admin_touched()


def test_a_corrected_field_is_admin_touched_but_not_the_others():
    event = Event(status=Status.EXTRACTED, corrected_fields=["title"])
    assert event.is_admin_touched("title")
    assert not event.is_admin_touched("actors")
    assert Event(status=Status.VERIFIED).is_admin_touched("actors")


def test_an_actor_a_person_edited_or_whose_events_they_set_is_admin_touched():
    actor = Actor.objects.create(name="Obama", kind="person")  # by extraction
    event = make_event()
    EventActor.objects.create(event=event, actor=actor, **event.link_copies())
    assert not actor.is_admin_touched()
    event.corrected_fields = ["actors"]
    event.save()
    assert actor.is_admin_touched()
    event.corrected_fields = ["title"]
    event.save()
    assert not actor.is_admin_touched()
    alias = ActorAlias(actor=actor, alias="Mr Obama")
    alias._history_user = make_reviewer()
    alias.save()
    assert actor.is_admin_touched()


def test_it_links_actors_and_countries_with_the_event_date():
    event = make_event()
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    EventActor.objects.create(event=event, actor=putin, **event.link_copies())
    EventCountry.objects.create(
        event=event, country=Country.objects.get(code="RU"), **event.link_copies()
    )
    assert list(event.actors.all()) == [putin]
    assert [c.code for c in event.countries.all()] == ["RU"]


def test_it_normalises_aliases():
    actor = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    alias = ActorAlias.objects.create(actor=actor, alias="  The  ZELENSKY ")
    assert alias.normalised == "zelensky"


def test_it_refuses_a_duplicate_actor_name_of_a_kind():
    Actor.objects.create(name="United Nations", kind="organization")
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.create(name="United Nations", kind="organization")


def test_it_splits_the_sentence_around_the_expression():
    a = make_article("Officials met on Monday.")
    event = make_event(a)
    m = event.mentions.get()
    assert m.sentence_parts == ("Officials met on ", "Monday", ".")


def test_the_feed_models_are_timeline_models_without_the_admin_loading_them():
    """timeline.models does not import the feed package (layers); the app
    registers its models while Django loads models (TimelineConfig)."""
    code = (
        "import django\n"
        "from django.conf import settings\n"
        "settings.configure(INSTALLED_APPS=['django.contrib.contenttypes',"
        " 'django.contrib.auth', 'simple_history', 'timeline'])\n"
        "django.setup()\n"
        "from django.apps import apps\n"
        "print(sorted(m.__name__ for m in apps.get_app_config('timeline')"
        ".get_models() if m.__module__ == 'timeline.feeds.models'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["['Feed',", "'FeedEntry']"]
