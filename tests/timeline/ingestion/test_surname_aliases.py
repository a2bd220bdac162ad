"""A surname alias learned for the first person stored with it is decided
again when a far more reported namesake is stored later ("Jackson": Frank G.
Jackson, Cleveland's mayor, ingested first, then Michael Jackson in many
more articles); admin-edited aliases never change; the events linked
through the stale alias follow it (ingestion and `manage.py remerge`)."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO
from itertools import count

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.timeline.factories import (
    article_input,
    make_article,
    make_event,
    make_reviewer,
)
from timeline.ingestion.lexicon import NameResolver, _articles_naming
from timeline.ingestion.store import ingest
from timeline.models import Actor, ActorAlias, ActorKind, EventActor

pytestmark = pytest.mark.django_db

MAYOR = "Mayor Frank G. Jackson said on Monday that Cleveland would cut jobs."
SURNAME = "Jackson said on Monday that the lawsuit would be filed."
DAYS = count()
SINGER = "Michael Jackson's family spoke on Monday about the singer."


def person(name: str) -> Actor:
    return Actor.objects.get_or_create(name=name, kind=ActorKind.PERSON)[0]


def learned_alias(actor: Actor, alias: str = "Jackson") -> ActorAlias:
    obj = ActorAlias(actor=actor, alias=alias)
    obj._change_reason = "learned by extraction"
    obj.save()
    return obj


def reported(actor: Actor, text: str, n: int = 1) -> list:
    """`n` articles with this text, each with an event linked to `actor`."""
    events = []
    for i in range(n):
        day = date(2009, 1, 1) + timedelta(days=next(DAYS))  # events apart
        event = make_event(
            make_article(f"{text} Report {actor.pk}-{i}."),
            title=text.split(" on ")[0],
            start=day,
            end=day,
            value=day.isoformat(),
        )
        EventActor.objects.create(event=event, actor=actor, **event.link_copies())
        events.append(event)
    return events


@pytest.fixture
def stale():
    """The database after the mayor came first and the singer's articles
    after: "jackson" still means the mayor; one event (an article that says
    only "Jackson") was linked to him through it."""
    mayor, singer = person("Frank G. Jackson"), person("Michael Jackson")
    learned_alias(mayor)
    (own,) = reported(mayor, MAYOR)
    (through_alias,) = reported(mayor, SURNAME)
    through_alias.title = "Frank G. Jackson said"  # titled by the alias's person
    through_alias.save()
    reported(singer, SINGER, n=6)
    return mayor, singer, own, through_alias


def redecide(*surnames: str) -> int:
    with transaction.atomic():
        return NameResolver().redecide(surnames or None)


def alias_of(key: str = "jackson") -> list[str]:
    return list(
        ActorAlias.objects.filter(normalised=key).values_list("actor__name", flat=True)
    )


def names(event) -> list[str]:
    return sorted(event.actors.values_list("name", flat=True))


def test_the_alias_goes_to_the_far_more_reported_namesake(stale):
    mayor, singer, own, through_alias = stale
    assert redecide("jackson") == 1
    assert alias_of() == ["Michael Jackson"]
    assert names(through_alias) == ["Michael Jackson"]  # linked by "Jackson" alone
    through_alias.refresh_from_db()
    assert through_alias.title == "Michael Jackson said"
    assert names(own) == ["Frank G. Jackson"]  # his article names him in full
    reason = ActorAlias.history.filter(normalised="jackson").first()
    assert "Michael Jackson now" in reason.history_change_reason
    assert redecide("jackson") == 0  # decided: nothing changes again
    assert names(through_alias) == ["Michael Jackson"]


def test_an_alias_still_right_stays(stale):
    mayor, singer, *_ = stale
    reported(
        mayor, MAYOR.replace("jobs", "taxes"), n=40
    )  # the mayor is the far more reported now
    assert redecide() == 0
    assert alias_of() == ["Frank G. Jackson"]


def test_an_ambiguous_surname_means_no_one():
    mayor, singer = person("Frank G. Jackson"), person("Michael Jackson")
    learned_alias(mayor)
    reported(mayor, MAYOR, n=2)
    reported(singer, SINGER, n=3)
    (alone,) = reported(mayor, SURNAME)
    (beside_singer,) = reported(mayor, "Michael Jackson died. " + SURNAME)
    assert redecide() == 1
    assert alias_of() == []
    assert names(beside_singer) == ["Michael Jackson"]  # the one its article names
    assert names(alone) == []  # "Jackson" alone is no one now


def test_an_alias_an_admin_edited_never_changes(stale):
    alias = ActorAlias.objects.get(normalised="jackson")
    alias._history_user = make_reviewer()
    alias.save()
    assert redecide() == 0
    assert alias_of() == ["Frank G. Jackson"]


def test_events_whose_actors_an_admin_set_keep_them(stale):
    *_, through_alias = stale
    through_alias.corrected_fields = ["actors"]
    through_alias.save()
    assert redecide() == 1
    assert names(through_alias) == ["Frank G. Jackson"]


def test_remerge_relinks_and_absorbs_by_the_right_alias(stale):
    mayor, singer, own, through_alias = stale
    bare = person("Jackson")  # stored before any alias applied to it
    (bare_event,) = reported(bare, "Jackson met the band on Monday in London.")
    call_command("remerge", stdout=StringIO())
    assert alias_of() == ["Michael Jackson"]
    assert names(through_alias) == ["Michael Jackson"]
    assert names(bare_event) == ["Michael Jackson"]
    assert names(own) == ["Frank G. Jackson"]
    call_command("remerge", stdout=StringIO())  # again: nothing changes
    assert alias_of() == ["Michael Jackson"]
    assert names(through_alias) == ["Michael Jackson"]


def test_ingesting_the_singer_s_article_redecides_the_alias(stale):
    # A real pipeline run: the article names Michael Jackson in full and
    # then "Jackson" alone, tying the surname to him.
    text = (
        "Michael Jackson died on June 25 in Los Angeles. "
        "Jackson had been rehearsing on Wednesday for a series of concerts."
    )
    summary = ingest(
        [article_input(text, published=date(2009, 6, 27), origin="mj.txt")]
    )
    assert summary.stored == 1
    assert alias_of() == ["Michael Jackson"]
    assert names(stale[3]) == ["Michael Jackson"]


def test_only_the_articles_reporting_the_namesakes_events_are_counted(stale):
    # the count reads the namesakes' own coverage, not every article's text
    # (it runs inside the merge lock): an article naming the singer in full
    # with no event of either Jackson is not read
    mayor, singer, *_ = stale
    make_article("Michael Jackson's album was mentioned in a review.")
    named = _articles_naming("jackson")
    assert named == {mayor: 1, singer: 6}
