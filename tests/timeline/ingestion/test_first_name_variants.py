"""One person under first-name variants across the database: an article's
"Ken Feinberg" is the stored Kenneth Feinberg (an alias learned under the
merge lock) when the two are reported with one same actor, and `manage.py
remerge` merges the pairs stored before; never a person an admin edited,
never when two stored people would both match, never a nickname of a
person of another story ("Mike Jackson" of a war story is not the singer)."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO
from itertools import count

import pytest
from django.core.management import call_command

from tests.timeline.factories import (
    article_input,
    make_article,
    make_event,
    make_reviewer,
)
from timeline.ingestion.store import ingest
from timeline.models import Actor, ActorAlias, ActorKind, EventActor

pytestmark = pytest.mark.django_db

DAYS = count()
KEN = (
    "Ken Feinberg, the lawyer who will run the fund, said on Tuesday that "
    "claims would be paid within weeks."
)
KEN_BP = (
    "Ken Feinberg, the lawyer who will run the BP fund, met BP's Tony Hayward "
    "on Tuesday and said claims would be paid within weeks."
)


def person(name: str, events: int = 1, *, with_: tuple[str, ...] = ()) -> Actor:
    """A stored person in `events` events, each also of the actors `with_`
    (people, but a one-word name: an organisation)."""
    actor = Actor.objects.create(name=name, kind=ActorKind.PERSON)
    others = [
        Actor.objects.get_or_create(
            name=n, kind=ActorKind.PERSON if " " in n else ActorKind.ORGANIZATION
        )[0]
        for n in with_
    ]
    for i in range(events):
        day = date(2010, 6, 1) + timedelta(days=next(DAYS))
        event = make_event(
            make_article(f"{name} spoke on Monday. Report {actor.pk}-{i}."),
            title=f"{name} spoke",
            start=day,
            end=day,
            value=day.isoformat(),
        )
        EventActor.objects.create(event=event, actor=actor, **event.link_copies())
        for other in others:
            EventActor.objects.create(event=event, actor=other, **event.link_copies())
    return actor


def people(surname: str) -> list[str]:
    return sorted(
        Actor.objects.filter(
            kind=ActorKind.PERSON, name__endswith=" " + surname
        ).values_list("name", flat=True)
    )


def linked(name: str) -> int:
    return EventActor.objects.filter(actor__name=name).count()


def test_a_new_article_s_nickname_is_the_stored_person():
    person("Kenneth Feinberg", events=2, with_=("BP", "Tony Hayward"))
    summary = ingest([article_input(KEN_BP, published=date(2010, 6, 16))])
    assert summary.stored == 1 and summary.events_created >= 1
    assert people("Feinberg") == ["Kenneth Feinberg"]
    assert linked("Kenneth Feinberg") == 3
    alias = ActorAlias.objects.get(normalised="ken feinberg")
    assert alias.actor.name == "Kenneth Feinberg"


def test_a_nickname_with_no_one_in_common_is_another_person():
    person("Kenneth Feinberg", events=2, with_=("Chrysler",))
    ingest([article_input(KEN, published=date(2010, 6, 16))])
    assert people("Feinberg") == ["Ken Feinberg", "Kenneth Feinberg"]
    assert not ActorAlias.objects.filter(normalised="ken feinberg").exists()


GENERAL = (
    "General Sir Mike Jackson, the head of the British army, said on Monday "
    "that the Ministry of Defence would review the case."
)
SINGER = (
    "Michael Jackson died on Thursday at his Los Angeles home. Michael "
    "Jackson was rushed to hospital, where Michael Jackson was pronounced "
    "dead. Michael Jackson had been rehearsing for his London concerts, and "
    "Michael Jackson's doctor Conrad Murray said on Friday that he had "
    "tried to revive him. Jackson was 50."
)


def test_two_stories_nicknames_stay_two_people():
    ingest([article_input(GENERAL, published=date(2005, 2, 23))])
    assert people("Jackson") == ["Mike Jackson"]
    ingest([article_input(SINGER, published=date(2009, 6, 26))])
    assert people("Jackson") == ["Michael Jackson", "Mike Jackson"]
    assert linked("Michael Jackson") >= 2
    assert not ActorAlias.objects.filter(normalised="michael jackson").exists()
    call_command("remerge", stdout=StringIO())  # nor merged later
    assert people("Jackson") == ["Michael Jackson", "Mike Jackson"]


def test_no_stored_person_is_chosen_when_two_would_match():
    person("Kenneth Feinberg")
    person("Kendrick Feinberg")
    ingest([article_input(KEN, published=date(2010, 6, 16))])
    assert "Ken Feinberg" in people("Feinberg")
    assert not ActorAlias.objects.filter(normalised="ken feinberg").exists()


def test_remerge_merges_people_stored_under_first_name_variants():
    person("Ken Feinberg", events=3, with_=("BP", "Tony Hayward"))
    kenneth = person("Kenneth R. Feinberg", events=1, with_=("BP", "Tony Hayward"))
    person("Larry Summers", events=1, with_=("Treasury", "Timothy Geithner"))
    person("Lawrence Summers", events=2, with_=("Treasury", "Timothy Geithner"))
    person("Hillary Clinton", events=1, with_=("Senate",))
    person("Bill Clinton", events=1, with_=("Senate",))
    person("Mike Jackson", events=1, with_=("Ministry of Defence", "Tony Blair"))
    person(
        "Michael Jackson", events=3, with_=("Sony", "Conrad Murray")
    )  # another story
    out = StringIO()
    call_command("remerge", stdout=out)
    assert "Merged 2 people stored under a first-name variant" in out.getvalue()
    assert people("Feinberg") == ["Ken Feinberg"]  # the more reported one
    assert linked("Ken Feinberg") == 4
    assert not Actor.objects.filter(pk=kenneth.pk).exists()
    assert ActorAlias.objects.get(normalised="kenneth r. feinberg").actor.name == (
        "Ken Feinberg"
    )
    assert people("Summers") == ["Lawrence Summers"]
    assert people("Clinton") == ["Bill Clinton", "Hillary Clinton"]
    assert people("Jackson") == ["Michael Jackson", "Mike Jackson"]
    again = StringIO()
    call_command("remerge", stdout=again)  # idempotent
    assert "first-name variant" not in again.getvalue()
    assert people("Feinberg") == ["Ken Feinberg"] and linked("Ken Feinberg") == 4


def test_remerge_leaves_an_edited_person_and_an_ambiguous_name_alone():
    edited = person("Ken Feinberg")
    edited.name = "Ken Feinberg"
    edited._history_user = make_reviewer()
    edited.save()
    person("Kenneth Feinberg", events=2)
    person("Larry Smith")
    person("Lawrence Smith")
    person("Laurence Smith")  # Larry is short for both: no one
    call_command("remerge", stdout=StringIO())
    assert people("Feinberg") == ["Ken Feinberg", "Kenneth Feinberg"]
    assert people("Smith") == ["Larry Smith", "Laurence Smith", "Lawrence Smith"]
