"""Staff controls on the timeline page: timeline/web/staff.py."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from tests.timeline.factories import make_event
from timeline.models import Actor, Event, EventActor, Status

pytestmark = pytest.mark.django_db

ACTIONS = [
    ("staff-event-title", {"title": "Hijacked"}),
    ("staff-event-date", {"value": "1999"}),
    ("staff-event-verify", {}),
    ("staff-event-reject", {}),
]
HX = {
    "HTTP_HX_REQUEST": "true",
    "HTTP_HX_CURRENT_URL": "http://testserver/?kind=meeting",
}


def snapshot(event: Event) -> dict:
    return Event.objects.filter(pk=event.pk).values().get()


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user(
        "editor", password="pw-editor-123", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="change_event"))
    return user


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def url(name: str, event: Event) -> str:
    return reverse(f"timeline:{name}", args=[event.pk])


# --- who may ----------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "reader", "staff-without-permission"])
@pytest.mark.parametrize("name,data", ACTIONS)
def test_it_answers_403_to_anyone_but_staff_editors(client, who, name, data):
    event = make_event()
    before = snapshot(event)
    if who == "reader":
        client.force_login(get_user_model().objects.create_user("reader"))
    elif who == "staff-without-permission":
        client.force_login(
            get_user_model().objects.create_user("intern", is_staff=True)
        )
    response = client.post(url(name, event), data, **HX)
    assert response.status_code == 403
    assert snapshot(event) == before


def test_it_answers_403_to_an_inactive_staff_user(client, editor):
    editor.is_active = False
    editor.save()
    client.force_login(editor)
    event = make_event()
    assert client.post(url("staff-event-verify", event), **HX).status_code == 403


@pytest.mark.parametrize("name,data", ACTIONS)
def test_it_refuses_a_post_without_a_valid_csrf_token(editor, name, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    event = make_event()
    before = snapshot(event)
    response = client.post(url(name, event), data, **HX)
    assert response.status_code == 403
    response = client.post(
        url(name, event), data, HTTP_X_CSRFTOKEN="not-the-token", **HX
    )
    assert response.status_code == 403
    assert snapshot(event) == before


def test_it_accepts_the_token_the_page_gives(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    event = make_event()
    page = client.get(reverse("timeline:index"))
    token = page.cookies["csrftoken"].value
    response = client.post(
        url("staff-event-verify", event), HTTP_X_CSRFTOKEN=token, **HX
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.status == Status.VERIFIED


@pytest.mark.parametrize("name,data", ACTIONS)
def test_it_only_takes_posts(editor_client, name, data):
    event = make_event()
    assert editor_client.get(url(name, event), data).status_code == 405


def test_it_shows_the_controls_to_staff_editors_only(client, editor_client):
    event = make_event()
    title_url = url("staff-event-title", event)
    assert title_url not in client.get(reverse("timeline:index")).content.decode()
    client.force_login(get_user_model().objects.create_user("reader"))
    assert title_url not in client.get(reverse("timeline:index")).content.decode()
    body = editor_client.get(reverse("timeline:index")).content.decode()
    assert title_url in body
    assert url("staff-event-reject", event) in body
    assert 'name="csrfmiddlewaretoken"' in body


# --- what they do -----------------------------------------------------------


def test_it_edits_the_title_and_answers_with_the_event_item(editor_client, editor):
    event = make_event()
    response = editor_client.post(
        url("staff-event-title", event), {"title": "Ministers <met>"}, **HX
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="event-{event.pk}"' in body
    assert "Ministers &lt;met&gt;" in body and "<met>" not in body
    assert "<html" not in body
    event.refresh_from_db()
    assert event.title == "Ministers <met>"
    assert event.corrected_fields == ["title"]
    assert event.status == Status.VERIFIED
    assert event.history.first().history_user == editor


def test_it_corrects_the_date_and_reloads_the_list_in_place(editor_client):
    event = make_event()
    putin = Actor.objects.create(name="Vladimir Putin", kind="person")
    EventActor.objects.create(event=event, actor=putin, **event.link_copies())
    response = editor_client.post(
        url("staff-event-date", event), {"value": "2024-W08"}, **HX
    )
    assert response.status_code == 200
    # The page's list reloads itself on this event (no history entry).
    assert response["HX-Trigger-After-Swap"] == "newsline:list-changed"
    assert "HX-Location" not in response
    assert f'id="event-{event.pk}"' in response.content.decode()
    event.refresh_from_db()
    assert (event.value, event.start, event.end, event.precision) == (
        "2024-W08",
        date(2024, 2, 19),
        date(2024, 2, 25),
        "week",
    )
    assert event.corrected_fields == ["date"]
    assert EventActor.objects.get(event=event).start == date(2024, 2, 19)


def test_it_gives_staff_a_list_that_reloads_on_a_moved_event(editor_client):
    make_event()
    html = editor_client.get("/?kind=meeting").content.decode()
    listener = html.split('hx-trigger="newsline:list-changed from:body"')[0]
    assert 'hx-get="/?kind=meeting"' in listener.rsplit("<div", 1)[1]
    assert "css/staff.css" in html.split("</head>")[0]
    assert html.count("css/staff.css") == 1


def test_it_never_sends_the_list_reload_off_the_timeline(editor_client):
    event = make_event()
    response = editor_client.post(
        url("staff-event-date", event),
        {"value": "2024"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="https://evil.example/?x=1",
    )
    # Only the page's own path and query are reused, never another site.
    assert response["HX-Trigger-After-Swap"] == "newsline:list-changed"
    html = response.content.decode()
    assert "evil.example" not in html
    assert 'name="next" value="/?x=1"' in html


def test_it_answers_with_the_item_when_the_date_stays_in_place(editor_client):
    event = make_event(
        value="2025-02",
        precision="month",
        start=date(2025, 2, 1),
        end=date(2025, 2, 28),
    )
    # Same start: the event does not move; only its item changes.
    response = editor_client.post(
        url("staff-event-date", event), {"value": "2025-02-01"}, **HX
    )
    assert response.status_code == 200
    assert "HX-Trigger-After-Swap" not in response
    assert f'id="event-{event.pk}"' in response.content.decode()


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("staff-event-date", {"value": "next Tuesday"}, "not a calendar date"),
        ("staff-event-date", {"value": ""}, "not a calendar date"),
        ("staff-event-title", {"title": "   "}, "title is empty"),
        ("staff-event-title", {"title": "x" * 400}, "longer than 300"),
    ],
)
def test_it_explains_bad_input_and_changes_nothing(editor_client, name, data, message):
    event = make_event()
    before = snapshot(event)
    response = editor_client.post(url(name, event), data, **HX)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="alert"' in body and message in body
    assert snapshot(event) == before
    # Without htmx: a 400 that says why.
    response = editor_client.post(url(name, event), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot(event) == before


def test_it_verifies_and_rejects(editor_client):
    event = make_event()
    response = editor_client.post(url("staff-event-verify", event), **HX)
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.status == Status.VERIFIED
    assert url("staff-event-verify", event) not in response.content.decode()
    response = editor_client.post(url("staff-event-reject", event), **HX)
    event.refresh_from_db()
    assert event.status == Status.REJECTED
    assert url("staff-event-reject", event) not in response.content.decode()
    # Rejected events leave the public timeline.
    assert (
        "Officials met" not in Client().get(reverse("timeline:index")).content.decode()
    )


def test_it_works_without_javascript(editor_client):
    event = make_event()
    response = editor_client.post(
        url("staff-event-title", event), {"title": "New", "next": "/?kind=meeting"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/?kind=meeting#event-{event.pk}"
    response = editor_client.post(
        url("staff-event-verify", event), {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/#event-{event.pk}"


def test_it_answers_404_for_a_missing_event(editor_client):
    response = editor_client.post(
        reverse("timeline:staff-event-verify", args=[999999]), **HX
    )
    assert response.status_code == 404


# --- sanitised input (#16.10) ------------------------------------------------


def test_it_refuses_a_title_with_a_nul_and_changes_nothing(editor_client):
    event = make_event()
    before = snapshot(event)
    response = editor_client.post(url("staff-event-title", event), {"title": "A\x00B"})
    assert response.status_code == 400
    assert "control character (U+0000)" in response.content.decode()
    assert snapshot(event) == before


def test_it_folds_line_breaks_in_a_title_to_one_line(editor_client):
    event = make_event()
    title = "Talks\r\nEND:VEVENT\r\nBEGIN:VEVENT\nin\tRiyadh"
    editor_client.post(url("staff-event-title", event), {"title": title})
    assert Event.objects.get(pk=event.pk).title == (
        "Talks END:VEVENT BEGIN:VEVENT in Riyadh"
    )
    ics = b"".join(editor_client.get("/export/events.ics").streaming_content)
    assert ics.count(b"\r\nBEGIN:VEVENT\r\n") == 1  # no line of its own


@pytest.mark.parametrize("value", ["٢٠٢٥", "２０２５-02", "2025-٠٢-24", "१९९X"])
def test_it_refuses_a_date_in_non_ascii_digits(editor_client, value):
    event = make_event()
    before = snapshot(event)
    response = editor_client.post(url("staff-event-date", event), {"value": value})
    assert response.status_code == 400
    assert snapshot(event) == before
