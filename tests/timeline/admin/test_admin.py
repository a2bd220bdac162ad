"""The corrections admin: events, evidence, actors, countries, history."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.timeline.factories import add_mention, make_article, make_event
from timeline.models import (
    Actor,
    ActorAlias,
    Country,
    Event,
    EventActor,
    EventCountry,
    Mention,
    Status,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:timeline_event_changelist"


def change_data(event: Event, **overrides) -> dict:
    """What the change form posts, as a browser would send it."""
    mentions = list(event.mentions.all())
    data = {
        "title": event.title,
        "value": event.value,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "precision": event.precision,
        "kind": event.kind,
        "modality": event.modality,
        "status": event.status,
        "edit_actors": [str(a.pk) for a in event.actors.all()],
        "edit_countries": [str(c.pk) for c in event.countries.all()],
        "reason": "",
        "mentions-TOTAL_FORMS": str(len(mentions)),
        "mentions-INITIAL_FORMS": str(len(mentions)),
        "mentions-MIN_NUM_FORMS": "0",
        "mentions-MAX_NUM_FORMS": "1000",
    }
    for i, m in enumerate(mentions):
        data[f"mentions-{i}-id"] = str(m.pk)
        data[f"mentions-{i}-event"] = str(event.pk)
    if event.date_conflict:
        data["date_conflict"] = "on"
    data.update(overrides)
    return data


def change_url(event: Event) -> str:
    return reverse("admin:timeline_event_change", args=[event.pk])


# --- access -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        CHANGELIST,
        "admin:timeline_actor_changelist",
        "admin:timeline_country_changelist",
    ],
)
def test_it_sends_anonymous_and_non_staff_users_to_the_login(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    user = get_user_model().objects.create_user("reader", password="pw-reader-123")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_it_refuses_staff_without_the_event_permissions(client):
    user = get_user_model().objects.create_user(
        "intern", password="pw-intern-123", is_staff=True
    )
    client.force_login(user)
    event = make_event(make_article())
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.post(change_url(event), change_data(event)).status_code == 403
    mention = event.mentions.get()
    split = reverse("admin:timeline_event_split", args=[event.pk, mention.pk])
    assert client.post(split).status_code == 403
    # May view but not change: still no split, no edit.
    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    assert client.get(reverse(CHANGELIST)).status_code == 200
    assert client.post(split).status_code == 403
    response = client.post(change_url(event), change_data(event, title="Nope"))
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title == "Officials met"


# --- changelist -------------------------------------------------------------


def populate(n: int, offset: int = 0) -> None:
    putin = Actor.objects.get_or_create(name="Vladimir Putin", kind="person")[0]
    un = Actor.objects.get_or_create(name="United Nations", kind="organization")[0]
    ru, ua = Country.objects.get(code="RU"), Country.objects.get(code="UA")
    for i in range(offset, offset + n):
        article = make_article(f"Story {i}: officials met on Monday in Kyiv.")
        event = make_event(article, title=f"Event {i}")
        for actor in (putin, un):
            EventActor.objects.create(event=event, actor=actor, **event.link_copies())
        for country in (ru, ua):
            EventCountry.objects.create(
                event=event, country=country, **event.link_copies()
            )


def test_it_lists_events_with_their_sources_actors_and_countries(admin_client):
    populate(2)
    response = admin_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Event 1" in body
    assert "Vladimir Putin, United Nations" in body or (
        "United Nations, Vladimir Putin" in body
    )
    assert "RU, UA" in body or "UA, RU" in body


def test_it_lists_events_without_n_plus_one_queries(
    admin_client, django_assert_max_num_queries
):
    populate(3)
    url = reverse(CHANGELIST)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url).status_code == 200
    populate(40, offset=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="field-title"') == 43
    # The filtered and searched list too.
    with django_assert_max_num_queries(len(few.captured_queries) + 1):
        response = admin_client.get(
            url, {"q": "officials", "status__exact": "extracted"}
        )
    assert response.status_code == 200


def test_it_searches_titles_and_evidence(admin_client):
    make_event(make_article("The summit in Geneva on Monday ended."), title="Summit")
    make_event(make_article("Talks resumed on Monday in Riyadh."), title="Talks")
    body = admin_client.get(reverse(CHANGELIST), {"q": "Geneva"}).content.decode()
    assert "Summit" in body and "Talks</a>" not in body


def test_it_filters_by_status_and_conflict(admin_client):
    make_event(title="Plain")
    make_event(title="Conflicted", date_conflict=True, status=Status.VERIFIED)
    body = admin_client.get(
        reverse(CHANGELIST), {"date_conflict__exact": "1"}
    ).content.decode()
    assert "Conflicted" in body and "Plain" not in body
    body = admin_client.get(
        reverse(CHANGELIST), {"status__exact": "extracted"}
    ).content.decode()
    assert "Plain" in body and "Conflicted" not in body


# --- editing ----------------------------------------------------------------


def test_it_marks_an_edit_corrected_and_records_it_with_user_and_reason(
    admin_client, admin_user
):
    event = make_event(make_article())
    response = admin_client.post(
        change_url(event),
        change_data(event, title="Ministers met", reason="title was vague"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event.refresh_from_db()
    assert event.title == "Ministers met"
    assert event.corrected_fields == ["title"]
    assert event.status == Status.VERIFIED
    record = event.history.first()
    assert record.history_user == admin_user
    assert record.history_change_reason == "title was vague"
    history = admin_client.get(
        reverse("admin:timeline_event_history", args=[event.pk])
    ).content.decode()
    assert "Officials met" in history and "Ministers met" in history
    assert "title was vague" in history
    assert admin_user.username in history


def test_it_derives_the_range_when_only_the_value_changes(admin_client):
    event = make_event()
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    EventActor.objects.create(event=event, actor=putin, **event.link_copies())
    response = admin_client.post(change_url(event), change_data(event, value="2024-11"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.start, event.end, event.precision) == (
        date(2024, 11, 1),
        date(2024, 11, 30),
        "month",
    )
    assert event.corrected_fields == ["date"]
    assert EventActor.objects.get(event=event).start == date(2024, 11, 1)


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"value": "soon"}, "not a calendar date"),
        ({"start": "2025-02-25", "end": "2025-02-24"}, "before the start"),
        (
            {"value": "2025-01", "start": "2025-02-01", "end": "2025-02-02"},
            "does not cover",
        ),
    ],
)
def test_it_refuses_an_inconsistent_date_and_changes_nothing(
    admin_client, overrides, message
):
    event = make_event()
    response = admin_client.post(change_url(event), change_data(event, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    event.refresh_from_db()
    assert (event.value, event.start, event.status) == (
        "2025-02-24",
        date(2025, 2, 24),
        Status.EXTRACTED,
    )
    assert event.corrected_fields == []


def test_it_corrects_actors_and_countries_with_before_and_after_in_history(
    admin_client,
):
    event = make_event()
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    un = Actor.objects.create(name="United Nations", kind="organization")
    EventActor.objects.create(event=event, actor=putin, **event.link_copies())
    ua = Country.objects.get(code="UA")
    response = admin_client.post(
        change_url(event),
        change_data(
            event,
            edit_actors=[str(zel.pk), str(un.pk)],
            edit_countries=[str(ua.pk)],
        ),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert set(event.actors.all()) == {zel, un}
    assert list(event.countries.all()) == [ua]
    assert event.corrected_fields == ["actors", "countries"]
    reason = event.history.first().history_change_reason
    assert "actors: Vladimir Putin -> United Nations, Volodymyr Zelenskyy" in reason
    assert "countries: none -> Ukraine" in reason


def test_it_adds_a_manual_event(admin_client):
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    response = admin_client.post(
        reverse("admin:timeline_event_add"),
        {
            "title": "Speech to parliament",
            "value": "2025-W10",
            "kind": "statement",
            "modality": "done",
            "status": "verified",
            "edit_actors": [str(zel.pk)],
            "reason": "missed by extraction",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(title="Speech to parliament")
    assert event.is_manual and event.status == Status.VERIFIED
    assert (event.start, event.end, event.precision) == (
        date(2025, 3, 3),
        date(2025, 3, 9),
        "week",
    )
    assert EventActor.objects.get(event=event, actor=zel).start == date(2025, 3, 3)


def test_it_reverts_from_history(admin_client):
    event = make_event()
    admin_client.post(change_url(event), change_data(event, title="Wrong title"))
    event.refresh_from_db()
    original = event.history.earliest()
    url = reverse(
        "admin:timeline_event_simple_history",
        args=[event.pk, original.history_id],
    )
    page = admin_client.get(url)
    assert page.status_code == 200
    data = change_data(event, title="Officials met", reason="revert")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Officials met"
    assert event.history.first().history_change_reason == "revert"


# --- evidence -----------------------------------------------------------------


def test_it_shows_the_evidence_escaped_with_the_expression_marked(admin_client):
    article = make_article("<b>Leaders</b> met on Monday & talked.")
    event = make_event(article)
    body = admin_client.get(change_url(event)).content.decode()
    assert "&lt;b&gt;Leaders&lt;/b&gt; met on <mark>Monday</mark> &amp; talked." in body
    assert reverse("admin:timeline_article_change", args=[article.pk]) in body
    assert "<b>Leaders</b>" not in body


def test_it_splits_a_mention_out_from_the_inline(admin_client):
    event = make_event(make_article())
    other = add_mention(event, make_article("Leaders met on Monday in Kyiv."))
    url = reverse("admin:timeline_event_split", args=[event.pk, other.pk])
    assert url in admin_client.get(change_url(event)).content.decode()
    assert admin_client.get(url).status_code == 405
    response = admin_client.post(url)
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.event_id != event.pk
    assert response["Location"] == change_url(other.event)
    assert Mention.objects.count() == 2
    assert event.mentions.count() == 1


def test_it_splits_mentions_with_the_mention_action(admin_client):
    event = make_event(make_article())
    other = add_mention(event, make_article("Leaders met on Monday in Kyiv."))
    response = admin_client.post(
        reverse("admin:timeline_mention_changelist"),
        {"action": "split", "_selected_action": [str(other.pk)]},
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.event_id != event.pk
    assert Event.objects.count() == 2


# --- actions ------------------------------------------------------------------


def test_it_verifies_and_rejects_in_bulk(admin_client, admin_user):
    a, b = make_event(title="A"), make_event(title="B")
    url = reverse(CHANGELIST)
    admin_client.post(url, {"action": "verify", "_selected_action": [a.pk, b.pk]})
    assert set(Event.objects.values_list("status", flat=True)) == {"verified"}
    admin_client.post(url, {"action": "reject", "_selected_action": [b.pk]})
    b.refresh_from_db()
    assert b.status == Status.REJECTED
    assert b.history.first().history_user == admin_user


def test_it_merges_events_after_choosing_the_one_to_keep(admin_client):
    keep = make_event(make_article(), title="Keep")
    gone = make_event(make_article("Leaders met on Monday in Kyiv."), title="Gone")
    url = reverse(CHANGELIST)
    selected = {"action": "merge", "_selected_action": [keep.pk, gone.pk]}
    page = admin_client.post(url, selected)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Choose the event to keep" in body and "Gone" in body
    assert Event.objects.count() == 2
    response = admin_client.post(url, {**selected, "post": "yes", "target": keep.pk})
    assert response.status_code == 302
    assert list(Event.objects.all()) == [keep]
    assert keep.mentions.count() == 2


def test_it_asks_again_when_no_target_is_chosen(admin_client):
    a, b = make_event(title="A"), make_event(title="B")
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "merge", "_selected_action": [a.pk, b.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert "Choose the event to keep." in response.content.decode()
    assert Event.objects.count() == 2


def test_it_merges_actors_into_the_chosen_one(admin_client, admin_user):
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    dup = Actor.objects.create(name="Zelensky", kind="person")
    event = make_event()
    EventActor.objects.create(event=event, actor=dup, **event.link_copies())
    url = reverse("admin:timeline_actor_changelist")
    selected = {"action": "merge", "_selected_action": [zel.pk, dup.pk]}
    page = admin_client.post(url, selected)
    assert "Choose the actor to keep" in page.content.decode()
    response = admin_client.post(
        url, {**selected, "post": "yes", "target": zel.pk, "reason": "duplicate"}
    )
    assert response.status_code == 302
    assert list(event.actors.all()) == [zel]
    alias = ActorAlias.objects.get(actor=zel)
    assert alias.alias == "Zelensky"
    assert alias.history.first().history_user == admin_user
    body = admin_client.get(url).content.decode()
    assert "Zelensky" in body  # as an alias in the list


def test_it_searches_actors_by_alias_and_autocompletes_them(admin_client):
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    ActorAlias.objects.create(actor=zel, alias="Zelensky")
    body = admin_client.get(
        reverse("admin:timeline_actor_changelist"), {"q": "zelensky"}
    ).content.decode()
    assert "Volodymyr Zelenskyy" in body
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "timeline",
            "model_name": "event",
            "field_name": "actors",
            "term": "Volod",
        },
    )
    assert response.status_code == 200
    assert response.json()["results"][0]["text"] == "Volodymyr Zelenskyy"


def test_it_records_alias_edits_with_the_reason(admin_client, admin_user):
    zel = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    response = admin_client.post(
        reverse("admin:timeline_actor_change", args=[zel.pk]),
        {
            "name": zel.name,
            "kind": zel.kind,
            "reason": "common spelling",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
            "aliases-0-alias": "Zelensky",
            "aliases-0-actor": str(zel.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    record = ActorAlias.objects.get(actor=zel).history.get()
    assert record.history_user == admin_user
    assert record.history_change_reason == "common spelling"


def test_it_offers_only_the_years_that_have_events(admin_client):
    for year in (2019, 2021, 2023):
        day = date(year, 5, 1)
        make_event(title=f"In {year}", start=day, end=day, value=day.isoformat())
    body = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert "?start__year=2019" in body and "?start__year=2023" in body
    assert "?start__year=2021" in body and "?start__year=2020" not in body
    body = admin_client.get(reverse(CHANGELIST), {"start__year": "2021"}).content
    assert b"In 2021" in body and b"In 2019" not in body


def test_it_offers_reject_instead_of_bulk_delete(admin_client):
    make_event()
    body = admin_client.get(reverse(CHANGELIST)).content.decode()
    assert 'value="reject"' in body and 'value="merge"' in body
    assert 'value="delete_selected"' not in body


def test_it_merges_countries_into_the_chosen_one(admin_client):
    ua = Country.objects.get(code="UA")
    dup = Country.objects.create(code="XU", name="Ukrainia")
    event = make_event()
    EventCountry.objects.create(event=event, country=dup, **event.link_copies())
    response = admin_client.post(
        reverse("admin:timeline_country_changelist"),
        {
            "action": "merge",
            "_selected_action": [ua.pk, dup.pk],
            "post": "yes",
            "target": ua.pk,
        },
    )
    assert response.status_code == 302
    assert list(event.countries.all()) == [ua]
    assert ua.aliases.filter(normalised="ukrainia").exists()
