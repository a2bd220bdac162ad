"""Staff corrections: timeline/domain/corrections.py."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests.timeline.factories import (
    add_mention,
    make_article,
    make_event,
    stale_link_copies,
)
from timeline.domain.corrections import (
    correct_event,
    merge_actors,
    merge_countries,
    merge_events,
    reject_events,
    resolve_date,
    split_mention,
    value_for_range,
    verify_events,
)
from timeline.domain.services import refresh_event_sources
from timeline.models import (
    Actor,
    ActorAlias,
    Article,
    Country,
    CountryAlias,
    Event,
    EventActor,
    EventCountry,
    Mention,
    Status,
)
from timeline.query.facets import compute_summary
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "editor", password="pw-editor-123", is_staff=True
    )


def link(event: Event, *, actors=(), countries=()) -> None:
    for a in actors:
        EventActor.objects.create(event=event, actor=a, **event.link_copies())
    for c in countries:
        EventCountry.objects.create(event=event, country=c, **event.link_copies())


def test_it_marks_changed_fields_corrected_and_verifies(staff):
    event = make_event()
    out = correct_event(
        event=event,
        user=staff,
        changes={"title": "Leaders met", "kind": "meeting", "value": "2025-03"},
        reason="wrong month",
    )
    out.refresh_from_db()
    assert out.title == "Leaders met"
    assert (out.start, out.end, out.precision) == (
        date(2025, 3, 1),
        date(2025, 3, 31),
        "month",
    )
    # kind was unchanged: not marked.
    assert out.corrected_fields == ["date", "title"]
    assert out.status == Status.VERIFIED


def test_it_moves_the_start_copy_on_links_when_the_date_changes(staff):
    event = make_event()
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    ru = Country.objects.get(code="RU")
    link(event, actors=[putin], countries=[ru])
    correct_event(event=event, user=staff, changes={"value": "2024-W08"})
    assert EventActor.objects.get(event=event).start == date(2024, 2, 19)
    assert EventCountry.objects.get(event=event).start == date(2024, 2, 19)


def test_it_copies_a_corrected_kind_onto_the_links(staff):
    """The links' kind is a copy of the event's: the facets read one
    value's events of a kind from the links alone."""
    event = make_event(kind="statement")
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    ru = Country.objects.get(code="RU")
    link(event, actors=[putin], countries=[ru])
    correct_event(
        event=event, user=staff, changes={"kind": "meeting", "actors": [putin, zel]}
    )
    assert set(EventActor.objects.values_list("kind", flat=True)) == {"meeting"}
    assert EventCountry.objects.get(event=event).kind == "meeting"
    assert stale_link_copies() == []
    summary = compute_summary(TimelineFilters(actors=(putin.pk,), kinds=("meeting",)))
    assert summary.total == 1
    assert [(c.key, c.count) for c in summary.countries] == [("RU", 1)]
    correct_event(event=event, user=staff, changes={"kind": "call"})
    assert stale_link_copies() == []
    gone = compute_summary(TimelineFilters(actors=(putin.pk,), kinds=("meeting",)))
    assert gone.total == 0 and not [c for c in gone.countries if c.count]


def test_it_replaces_actors_and_countries_and_notes_them_in_history(staff):
    event = make_event()
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    un = Actor.objects.create(name="United Nations", kind="organization")
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    ru, ua = Country.objects.get(code="RU"), Country.objects.get(code="UA")
    link(event, actors=[putin, un], countries=[ru])
    correct_event(
        event=event,
        user=staff,
        changes={"actors": [zel, un], "countries": [ru, ua]},
        reason="per the sentence",
    )
    event.refresh_from_db()
    assert set(event.actors.all()) == {zel, un}
    assert set(event.countries.all()) == {ru, ua}
    assert EventActor.objects.get(event=event, actor=zel).start == event.start
    assert event.corrected_fields == ["actors", "countries"]
    record = event.history.first()
    assert record.history_user == staff
    assert record.history_change_reason == (
        "per the sentence; "
        "actors: United Nations, Vladimir Putin -> United Nations, Volodymyr Zelenskyy; "
        "countries: Russia -> Russia, Ukraine"
    )


def test_it_records_before_and_after_with_the_user(staff):
    event = make_event(title="Officials met")
    correct_event(
        event=event, user=staff, changes={"title": "Ministers met"}, reason="typo"
    )
    new, old = event.history.all()[:2]
    delta = new.diff_against(old)
    changes = {c.field: (c.old, c.new) for c in delta.changes}
    assert changes["title"] == ("Officials met", "Ministers met")
    assert changes["status"] == ("extracted", "verified")
    assert new.history_user == staff
    assert new.history_change_reason == "typo"


@pytest.mark.parametrize(
    "changes,field,words",
    [
        ({"value": "next week"}, "value", "not a calendar date"),
        ({"value": "P3Y"}, "value", "not a calendar date"),
        (
            {"start": date(2025, 3, 2), "end": date(2025, 3, 1)},
            "end",
            "before the start",
        ),
        (
            {"value": "2025-02", "start": date(2025, 3, 1), "end": date(2025, 3, 2)},
            "value",
            "does not cover",
        ),
        ({"start": "24/02/2025"}, "start", "not a date"),
        ({"kind": "party"}, "kind", "not one of"),
        ({"title": "  "}, "title", "empty"),
        ({"title": "x" * 301}, "title", "longer than 300"),
        ({"precision": "fortnight"}, "precision", "not one of"),
    ],
)
def test_it_refuses_bad_input_and_changes_nothing(staff, changes, field, words):
    event = make_event()
    before = Event.objects.filter(pk=event.pk).values().get()
    with pytest.raises(ValidationError) as exc:
        correct_event(event=event, user=staff, changes=changes)
    assert field in exc.value.message_dict
    assert words in " ".join(exc.value.message_dict[field])
    assert Event.objects.filter(pk=event.pk).values().get() == before
    assert event.history.count() == 1


def test_it_refuses_an_unknown_field(staff):
    event = make_event()
    with pytest.raises(ValidationError, match="confidence"):
        correct_event(event=event, user=staff, changes={"confidence": 1.0})


def test_it_derives_the_value_when_only_the_range_changes():
    event = make_event()
    new = resolve_date(
        event=event,
        changes={
            "start": date(2025, 4, 1),
            "end": date(2025, 6, 30),
            "precision": "quarter",
        },
    )
    assert new["value"] == "2025-Q2"
    # A range inside the value's period keeps the value.
    new = resolve_date(
        event=event,
        changes={
            "value": "2025-02",
            "start": date(2025, 2, 10),
            "end": date(2025, 2, 20),
            "precision": "week",
        },
    )
    assert new["value"] == "2025-02"


@pytest.mark.parametrize(
    "start,end,precision,value",
    [
        (date(2025, 2, 24), date(2025, 2, 24), "day", "2025-02-24"),
        (date(2025, 2, 17), date(2025, 2, 23), "week", "2025-W08"),
        (date(2025, 2, 1), date(2025, 2, 28), "month", "2025-02"),
        (date(2025, 1, 1), date(2025, 12, 31), "year", "2025"),
        (date(2020, 1, 1), date(2029, 12, 31), "decade", "202X"),
        (date(2025, 2, 2), date(2025, 2, 28), "month", None),
    ],
)
def test_it_names_the_value_of_an_exact_period(start, end, precision, value):
    assert value_for_range(start, end, precision) == value


def test_it_verifies_and_rejects_in_bulk_with_history(staff):
    a, b = make_event(), make_event(title="Other")
    assert verify_events(events=[a, b], user=staff, reason="checked") == 2
    assert set(Event.objects.values_list("status", flat=True)) == {"verified"}
    assert reject_events(events=Event.objects.filter(pk=b.pk), user=staff) == 1
    b.refresh_from_db()
    assert b.status == Status.REJECTED
    last = b.history.first()
    assert last.history_user == staff and last.status == "rejected"
    assert a.history.first().history_change_reason == "checked"


def test_it_merges_events_keeping_every_mention(staff):
    art1, art2 = make_article(), make_article("Leaders met on Monday in Kyiv.")
    target, other, third = make_event(), make_event(title="b"), make_event(title="c")
    m1 = add_mention(target, art1)
    m2 = add_mention(other, art2)
    m3 = add_mention(third, art1, at=100)
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    link(target, actors=[putin])
    link(other, actors=[putin, zel], countries=[Country.objects.get(code="UA")])
    merged = merge_events(target=target, others=[other, third], user=staff)
    assert set(merged.mentions.values_list("pk", flat=True)) == {m1.pk, m2.pk, m3.pk}
    assert not Event.objects.filter(pk__in=[other.pk, third.pk]).exists()
    assert set(merged.actors.all()) == {putin, zel}
    assert [c.code for c in merged.countries.all()] == ["UA"]
    assert merged.source_count == 2
    assert merged.status == Status.VERIFIED
    assert other.history.first().history_type == "-"
    assert other.history.first().history_user == staff


def test_it_gives_the_links_a_merge_moves_the_targets_kind(staff):
    target = make_event(kind="statement")
    day = date(2025, 3, 1)
    other = make_event(
        title="b", kind="meeting", value="2025-03-01", start=day, end=day
    )
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    link(other, actors=[zel], countries=[Country.objects.get(code="UA")])
    merged = merge_events(target=target, others=[other], user=staff)
    assert EventActor.objects.get(event=merged).kind == "statement"
    assert EventCountry.objects.get(event=merged).start == target.start
    assert stale_link_copies() == []


def test_it_refuses_to_merge_an_event_with_itself(staff):
    event = make_event()
    with pytest.raises(ValidationError, match="at least one other"):
        merge_events(target=event, others=[event], user=staff)


def test_it_splits_a_mention_into_its_own_event(staff):
    art1, art2 = make_article(), make_article("Leaders met on Monday in Kyiv.")
    event = make_event()
    keep = add_mention(event, art1)
    out = add_mention(event, art2, value="2025-03")
    ua = Country.objects.get(code="UA")
    link(event, countries=[ua])
    refresh_event_sources(event_ids=[event.pk])
    new = split_mention(mention=out, user=staff, reason="different meeting")
    event.refresh_from_db()
    assert list(event.mentions.all()) == [keep]
    assert list(new.mentions.all()) == [out]
    assert (new.value, new.start, new.end, new.precision) == (
        "2025-03",
        date(2025, 3, 1),
        date(2025, 3, 31),
        "month",
    )
    assert new.title == "mention at 0"
    assert new.status == Status.VERIFIED
    assert EventCountry.objects.get(event=new).start == date(2025, 3, 1)
    assert stale_link_copies() == []
    assert (event.source_count, new.source_count) == (1, 1)
    assert Mention.objects.count() == 2
    assert new.history.first().history_user == staff


def test_it_will_not_split_an_events_only_mention(staff):
    event = make_event()
    only = add_mention(event, make_article())
    with pytest.raises(ValidationError, match="only evidence"):
        split_mention(mention=only, user=staff)
    assert Event.objects.count() == 1


def test_it_merges_actors_moving_links_and_recording_aliases(staff):
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    dup = Actor.objects.create(name="Zelensky", kind="person")
    ActorAlias.objects.create(actor=dup, alias="President Zelensky")
    ActorAlias.objects.create(actor=dup, alias="Volodymyr Zelenskyy")
    both, only_dup, only_zel = make_event(), make_event(), make_event()
    link(both, actors=[zel, dup])
    link(only_dup, actors=[dup])
    link(only_zel, actors=[zel])
    merge_actors(target=zel, others=[dup], user=staff, reason="same person")
    assert not Actor.objects.filter(pk=dup.pk).exists()
    assert sorted(
        EventActor.objects.filter(actor=zel).values_list("event_id", flat=True)
    ) == sorted([both.pk, only_dup.pk, only_zel.pk])
    assert EventActor.objects.count() == 3
    assert sorted(zel.aliases.values_list("normalised", flat=True)) == [
        "president zelensky",
        "zelensky",
    ]
    alias = zel.aliases.get(normalised="zelensky")
    record = alias.history.first()
    assert record.history_user == staff
    assert "same person" in record.history_change_reason


def test_it_merges_countries(staff):
    ua = Country.objects.get(code="UA")
    fake = Country.objects.create(code="XU", name="Ukrainia")
    CountryAlias.objects.create(country=fake, alias="Ukrainian SSR")
    event = make_event()
    link(event, countries=[fake, ua])
    other = make_event()
    link(other, countries=[fake])
    merge_countries(target=ua, others=[fake], user=staff)
    assert not Country.objects.filter(pk=fake.pk).exists()
    assert EventCountry.objects.filter(country=ua).count() == 2
    assert set(ua.aliases.values_list("normalised", flat=True)) >= {
        "ukrainia",
        "ukrainian ssr",
    }


# --- end to end: corrections against the real ingestion pipeline -------------

ARTICLE = (
    "Kyiv talks\n\n"
    "Ukrainian President Zelensky met UN Secretary-General Antonio Guterres in "
    "Kyiv on Monday to discuss grain exports. The United Nations General Assembly "
    "voted on 24 February 2025 to condemn the invasion. Russian President "
    "Vladimir Putin said on Friday that Russia would continue its operations.\n"
)


def ingest(tmp_path, text: str = ARTICLE, name: str = "talks.txt") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("ingest", str(path), published="2025-03-03", stdout=StringIO())
    return Article.objects.order_by("-id").first()


def reextract_all() -> None:
    call_command("reextract", all=True, stdout=StringIO())


def event_of(sentence_part: str) -> Event:
    return Event.objects.get(mentions__sentence__contains=sentence_part)


def test_it_keeps_a_correction_through_reextract_all(tmp_path, staff):
    ingest(tmp_path)
    meeting = event_of("Guterres")
    assert meeting.value == "2025-03-03"
    guterres = Actor.objects.get(name="Antonio Guterres")
    correct_event(
        event=meeting,
        user=staff,
        changes={
            "title": "Zelensky and Guterres discuss grain",
            "value": "2025-03-04",
            "actors": [guterres],
            "countries": [],
        },
    )
    n_events = Event.objects.count()

    reextract_all()

    meeting = event_of("Guterres")
    assert meeting.title == "Zelensky and Guterres discuss grain"
    assert (meeting.value, meeting.start) == ("2025-03-04", date(2025, 3, 4))
    assert list(meeting.actors.all()) == [guterres]
    assert not meeting.countries.exists()
    assert EventActor.objects.get(event=meeting).start == date(2025, 3, 4)
    assert meeting.status == Status.VERIFIED
    assert meeting.corrected_fields == ["date", "title", "actors", "countries"]
    assert Event.objects.count() == n_events


def test_it_never_brings_back_a_rejected_event(tmp_path, staff):
    article = ingest(tmp_path)
    vote = event_of("General Assembly")
    reject_events(events=[vote], user=staff)

    reextract_all()
    ingest(tmp_path)  # the same article again
    call_command("reextract", article=[article.pk], stdout=StringIO())

    assert Article.objects.count() == 1
    votes = Event.objects.filter(mentions__sentence__contains="General Assembly")
    assert list(votes) == [vote]
    assert votes.get().status == Status.REJECTED
    assert not Event.objects.visible().filter(kind="vote").exists()


def test_it_maps_a_merged_actors_name_in_new_articles(tmp_path, staff):
    ingest(tmp_path)
    dup = Actor.objects.get(name="Zelensky")
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    meeting = event_of("Guterres")
    merge_actors(target=zel, others=[dup], user=staff)
    assert zel in meeting.actors.all()
    assert not Actor.objects.filter(name="Zelensky").exists()

    ingest(
        tmp_path,
        "Zelensky speaks\n\nPresident Zelensky spoke to the Ukrainian parliament "
        "on Wednesday about the talks.\n",
        name="speech.txt",
    )

    speech = event_of("parliament")
    assert zel in speech.actors.all()
    assert not Actor.objects.filter(name="Zelensky").exists()
    # And re-extraction of the first article maps it the same way.
    reextract_all()
    assert zel in event_of("Guterres").actors.all()
    assert not Actor.objects.filter(name="Zelensky").exists()


def test_it_maps_an_alias_the_admin_added_in_new_articles(tmp_path, staff):
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    alias = ActorAlias(actor=zel, alias="Zelensky")
    alias._history_user = staff
    alias.save()

    ingest(tmp_path)

    assert zel in event_of("Guterres").actors.all()
    assert not Actor.objects.filter(name="Zelensky").exists()


def test_it_keeps_a_merge_and_a_split_through_reextract_all(tmp_path, staff):
    ingest(tmp_path)
    meeting, statement = event_of("Guterres"), event_of("Putin")
    merged = merge_events(target=meeting, others=[statement], user=staff)
    assert merged.mentions.count() == 2

    reextract_all()

    assert event_of("Guterres") == event_of("Putin") == merged
    assert Event.objects.count() == 2  # the merged one and the vote
    moved = Mention.objects.get(sentence__contains="Putin")
    split = split_mention(mention=moved, user=staff)

    reextract_all()

    assert event_of("Putin") == split
    assert event_of("Guterres") == merged
    assert merged.mentions.count() == 1
    assert Event.objects.count() == 3
