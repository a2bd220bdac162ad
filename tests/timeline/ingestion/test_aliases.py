"""Names canonical across the database, through the alias tables (real model)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.factories import article_input, make_reviewer
from timeline.extraction.pipeline import extract
from timeline.extraction.types import Document
from timeline.ingestion.lexicon import NameResolver, build_lexicon
from timeline.ingestion.store import ingest, store_article
from timeline.models import Actor, ActorAlias, ActorKind, Event

pytestmark = pytest.mark.django_db

OBAMA_1 = "President Barack Obama said on Monday that the United States would act."
OBAMA_2 = "Obama said on Wednesday that the mission was limited."
GADDAFI = (
    "Libyan leader Muammar Gaddafi said on Monday that his forces would fight.",
    "Libyan leader Muammar Qaddafi addressed supporters in Tripoli on Tuesday.",
    "Libyan leader Moammar Gadhafi agreed on Wednesday to a ceasefire.",
)


def people() -> list[str]:
    return sorted(
        Actor.objects.filter(kind=ActorKind.PERSON).values_list("name", flat=True)
    )


def item(text: str, day: int, **kw):
    return article_input(text, published=date(2011, 3, day), origin=f"{day}.txt", **kw)


def test_obama_in_a_later_article_is_barack_obama():
    summary = ingest([item(OBAMA_1, 7), item(OBAMA_2, 9)], batch_size=1)
    assert summary.stored == 2
    assert people() == ["Barack Obama"]
    alias = ActorAlias.objects.get(normalised="obama")
    assert alias.actor.name == "Barack Obama"
    later = Event.objects.get(start=date(2011, 3, 9))
    assert [a.name for a in later.actors.all()] == ["Barack Obama"]


def test_obama_in_a_later_run_is_barack_obama():
    ingest([item(OBAMA_1, 7)])
    ingest([item(OBAMA_2, 9)])
    assert people() == ["Barack Obama"]


def test_a_surname_two_known_people_share_is_no_alias():
    ingest([item(OBAMA_1, 7)])
    ingest([item("First lady Michelle Obama visited a school on Tuesday.", 8)])
    assert people() == ["Barack Obama", "Michelle Obama"]
    # "obama" was learned with the first article; the second adds none for it.
    assert list(
        ActorAlias.objects.filter(normalised="obama").values_list(
            "actor__name", flat=True
        )
    ) == ["Barack Obama"]


def test_gaddafi_qaddafi_and_gadhafi_are_one_person():
    ingest([item(text, 7 + i) for i, text in enumerate(GADDAFI)], batch_size=1)
    assert people() == ["Muammar Gaddafi"]
    aliases = set(
        ActorAlias.objects.filter(actor__name="Muammar Gaddafi").values_list(
            "normalised", flat=True
        )
    )
    assert {"gaddafi", "muammar qaddafi", "moammar gadhafi"} <= aliases
    assert Event.objects.filter(actors__name="Muammar Gaddafi").count() == 3


def test_two_workers_with_stale_lexicons_make_one_actor():
    # Both extract before either stores (as two workers at once would).
    lexicon = build_lexicon()
    docs = [Document(t, date(2011, 3, 7 + i)) for i, t in enumerate(GADDAFI[:2])]
    extractions = list(extract(docs, lexicon=lexicon))
    assert extractions[1].events[0].actors == ("Muammar Qaddafi",)
    for i, extraction in enumerate(extractions):
        store_article(
            item=item(GADDAFI[i], 7 + i),
            extraction=extraction,
            resolver=NameResolver(),  # each worker its own
        )
    assert people() == ["Muammar Gaddafi"]
    assert ActorAlias.objects.get(normalised="muammar qaddafi").actor.name == (
        "Muammar Gaddafi"
    )


def test_the_publisher_of_a_dateline_is_no_organisation():
    text = "(CNN) -- Rebel fighters pushed west from Ajdabiya on Sunday."
    ingest([item(text, 7, publisher="CNN")])
    assert not Actor.objects.filter(kind=ActorKind.ORGANIZATION).exists()
    event = Event.objects.get()
    assert [c.code for c in event.countries.all()] == ["LY"]


def test_obama_seen_before_barack_obama_becomes_him():
    # The surname arrives first (an actor "Obama" of its own); when a later
    # article ties it to the full name, the earlier events move to him too.
    ingest([item(OBAMA_2, 9)])
    assert people() == ["Obama"]
    ingest([item(OBAMA_1, 7)])
    assert people() == ["Barack Obama"]
    earlier = Event.objects.get(start=date(2011, 3, 9))
    assert [a.name for a in earlier.actors.all()] == ["Barack Obama"]
    assert ActorAlias.objects.get(normalised="obama").actor.name == "Barack Obama"


def test_obama_and_barack_obama_in_one_article_after_obama_alone():
    ingest([item(OBAMA_2, 9)])
    ingest([item(OBAMA_1 + " " + OBAMA_2.replace("Wednesday", "Thursday"), 10)])
    assert people() == ["Barack Obama"]
    assert Event.objects.filter(actors__name="Barack Obama").count() == 3


def test_a_surname_actor_an_admin_edited_stays_itself():
    ingest([item(OBAMA_2, 9)])
    obama = Actor.objects.get(name="Obama")
    obama._history_user = make_reviewer()
    obama.save()  # an admin's edit of the actor, in its history
    ingest([item(OBAMA_1, 7)])
    assert people() == ["Barack Obama", "Obama"]
    earlier = Event.objects.get(start=date(2011, 3, 9))
    assert [a.name for a in earlier.actors.all()] == ["Obama"]


def test_a_worker_that_resolved_obama_before_another_merged_him_links_barack():
    # Worker A resolved "Obama" to the one-word actor; worker B then stores
    # an article tying him to Barack Obama (the one-word actor is merged
    # away); A's next article, extracted with A's stale lexicon, still says
    # "Obama" and must link the merged person, not the deleted row.
    lexicon = build_lexicon()
    later = OBAMA_2.replace("Wednesday", "Friday")
    docs = [Document(OBAMA_2, date(2011, 3, 9)), Document(later, date(2011, 3, 11))]
    first, second = extract(docs, lexicon=lexicon)
    worker_a = NameResolver()
    store_article(item=item(OBAMA_2, 9), extraction=first, resolver=worker_a)
    ingest([item(OBAMA_1, 7)])  # worker B
    assert people() == ["Barack Obama"]
    store_article(item=item(later, 11), extraction=second, resolver=worker_a)
    assert people() == ["Barack Obama"]
    assert Event.objects.filter(actors__name="Barack Obama").count() == 3


def test_a_person_first_seen_in_capitals_is_stored_in_mixed_case():
    # seed 6363's review: "BARACK OBAMA" from a headline set in capitals
    # became the name shown on 88 events.
    resolver = NameResolver()
    person = resolver.actor_id("BARACK OBAMA", ActorKind.PERSON)
    org = resolver.actor_id("NATO", ActorKind.ORGANIZATION)
    mapping = resolver.create_new()
    assert Actor.objects.get(pk=mapping[person]).name == "Barack Obama"
    assert Actor.objects.get(pk=mapping[org]).name == "NATO"
    # The same person in mixed case is the same actor.
    assert resolver.actor_id("Barack Obama", ActorKind.PERSON) == mapping[person]
