"""The timeline page: full page, its HTMX partials, filters, facets, paging."""

from __future__ import annotations

import base64
import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.timeline.factories import (
    make_dated_event,
    make_reviewer,
    make_titled_article,
)
from timeline.models import Actor, Event
from timeline.query.cursors import Cursor
from timeline.web import views

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def event_ids(html: str) -> list[int]:
    return [
        int(i) for i in re.findall(r'<li class="event[^"]*" id="event-(\d+)"', html)
    ]


def after(event: Event, order: str = "newest") -> str:
    """The cursor that continues a list after `event`."""
    event.refresh_from_db()
    return Cursor.after_row(order, event).encode()


def test_it_renders_the_full_page_newest_first(client, timeline):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html and 'id="filter-form"' in html
    assert "HX-Request" in response.headers["Vary"]
    ids = event_ids(html)
    assert ids[0] == timeline["summit"].id  # Q2 2025 starts 1 Apr: newest
    assert ids[-1] == timeline["invasion"].id
    assert "5 events" in html


def test_it_orders_oldest_first_on_request(client, timeline):
    html = client.get("/?order=oldest").content.decode()
    assert event_ids(html)[0] == timeline["invasion"].id
    assert 'value="oldest" id="order-oldest" checked' in html


def test_it_shows_dates_at_their_precision_with_headings(client, timeline):
    html = client.get("/").content.decode()
    assert ">week of 17 Feb 2025</time>" in html
    assert ">February 2025</time>" in html
    assert ">24 Feb 2025</time>" in html
    assert ">Q2 2025</time>" in html
    assert '<h3 class="year-heading">2025</h3>' in html
    assert '<h4 class="group-heading">February 2025</h4>' in html
    assert '<h3 class="year-heading">2022</h3>' in html


def test_it_marks_possible_and_scheduled_events(client, timeline):
    html = client.get("/").content.decode()
    assert 'class="modality modality--possible">Possible<' in html


def test_it_shows_chips_that_add_their_filter(client, timeline, people):
    html = client.get("/?kind=call").content.decode()
    putin = people["putin"].id
    assert f'href="/?actor={putin}&amp;kind=call"' in html
    assert 'href="/?country=RU&amp;kind=call"' in html


def chips_of(html: str, event: Event) -> list[str]:
    """The chip links of one event item, in order."""
    item = html.split(f'id="event-{event.id}"', 1)[1].split("</article>", 1)[0]
    return re.findall(r'<a class="chip chip--\w+" href="([^"]*)">', item)


def test_it_links_each_chip_to_the_filters_with_it_added(client, timeline, people):
    putin, trump = people["putin"].id, people["trump"].id
    html = client.get(f"/?actor={putin}&kind=call&q=spoke").content.decode()
    # Trump before Putin as linked; an added value takes its canonical place,
    # a value already chosen links to the same filters.
    assert chips_of(html, timeline["spoke"]) == [
        f"/?actor={putin}&amp;actor={trump}&amp;kind=call&amp;q=spoke",
        f"/?actor={putin}&amp;kind=call&amp;q=spoke",
        f"/?actor={putin}&amp;country=RU&amp;kind=call&amp;q=spoke",
        f"/?actor={putin}&amp;country=US&amp;kind=call&amp;q=spoke",
    ]


def test_it_shows_a_chip_on_every_event_it_belongs_to(client, timeline, people):
    html = client.get("/").content.decode()
    trump = f"/?actor={people['trump'].id}"
    for name in ("spoke", "met", "summit"):
        assert trump in chips_of(html, timeline[name])
    assert chips_of(html, timeline["vote"]) == [
        f"/?org={people['un'].id}",
        "/?country=UA",
    ]


def test_it_shows_chips_on_an_event_item_rendered_alone(rf, timeline, people):
    """Staff corrections answer with one item, fetched without the list's
    prefetched rows: its chips come from the event's relations."""
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = User(is_staff=False)
    event = Event.objects.get(pk=timeline["vote"].pk)
    html = render_to_string(
        "timeline/index.html#event-item", {"event": event}, request=request
    )
    assert chips_of(html, event) == [f"/?org={people['un'].id}", "/?country=UA"]


def test_it_links_each_event_to_its_detail_in_place(client, timeline):
    html = client.get("/").content.decode()
    e = timeline["met"].id
    assert f'href="/events/{e}/"' in html
    assert f'hx-get="/events/{e}/" hx-target="#event-{e}-detail"' in html


def test_it_answers_htmx_with_the_timeline_partial(client, timeline):
    response = client.get("/?kind=vote", headers=HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="filter-form"' in html and 'id="results-heading"' in html
    assert event_ids(html) == [timeline["vote"].id]


def test_it_answers_a_history_restore_with_the_full_page(client, timeline):
    headers = {**HX, "HX-History-Restore-Request": "true"}
    html = client.get("/?kind=vote", headers=headers).content.decode()
    assert "<html" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("actor={putin}", ["met", "spoke"]),
        ("actor={putin}&actor={trump}", ["summit", "met", "spoke"]),
        ("org={un}", ["vote"]),
        ("country=RU", ["spoke", "invasion"]),
        ("country=ru&country=SA", ["met", "spoke", "invasion"]),
        ("kind=attack", ["invasion"]),
        ("start=2025-02-20&end=2025-02-28", ["vote", "met", "spoke"]),
        ("q=riyadh", ["met"]),
        ("actor={trump}&country=SA", ["met"]),
    ],
)
def test_it_filters(client, timeline, people, query, expected):
    query = query.format(**{k: v.id for k, v in people.items()})
    html = client.get(f"/?{query}").content.decode()
    assert event_ids(html) == [timeline[name].id for name in expected]
    assert f"{len(expected)} event" in html


def test_it_shows_active_filters_with_remove_links(client, timeline, people):
    putin = people["putin"].id
    html = client.get(f"/?actor={putin}&kind=call").content.decode()
    assert 'aria-label="Remove filter Person: Vladimir Putin"' in html
    assert 'href="/?kind=call" aria-label="Remove filter Person' in html
    assert f'href="/?actor={putin}" aria-label="Remove filter Kind: call"' in html


def test_it_counts_facets_skipping_their_own_filter(client, timeline, people):
    putin = people["putin"].id
    html = client.get(f"/?actor={putin}").content.decode()
    # People: counted without the actor filter, so Trump stays choosable.
    assert re.search(r"Donald Trump <span class=\"count\">\(3\)", html)
    assert re.search(r"Vladimir Putin <span class=\"count\">\(2\)", html)
    assert f'value="{putin}" id="actor-{putin}" checked' in html
    # Countries: counted within Putin's events.
    assert re.search(r"Saudi Arabia <span class=\"count\">\(1\)", html)
    assert "Ukraine <span" not in html


def test_it_notes_bad_parameters_and_never_fails(client, timeline):
    response = client.get(
        "/?start=notadate&actor=999999&actor=abc&country=XX&country=Narnia"
        "&kind=party&order=sideways&page=99999999999&cursor=nope"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ignored start=&#x27;notadate&#x27;: not a date" in html
    assert "Ignored actor=999999: no such person or organisation." in html
    assert "Ignored actor=&#x27;abc&#x27;: not an id." in html
    assert "Ignored country=XX: no such country." in html
    assert "Ignored kind=&#x27;party&#x27;" in html
    assert "Ignored page" in html
    assert "Ignored cursor=&#x27;nope&#x27;" in html
    assert len(event_ids(html)) == 5  # the bad filters were dropped


@pytest.mark.parametrize(
    "query",
    [
        "page=99999999999",
        "cursor=99999999999999999999999",
        "cursor=" + Cursor(order="newest", start=date(2025, 1, 1), pk=999999).encode(),
        "start=2025-13-45",
        "end=0000-00-00",
        "actor=" + "9" * 40,
        "q=" + "x" * 5000,
        "q=%00%ff",
        "country=%C3%A9%C3%A9",
        "actor_term=" + "p" * 500,
    ],
)
def test_it_never_answers_500(client, timeline, query):
    assert client.get(f"/?{query}").status_code == 200
    assert client.get(f"/?{query}", headers=HX).status_code == 200


def test_it_hides_review_status_filter_from_the_public(client, timeline):
    html = client.get("/?status=rejected").content.decode()
    assert "only staff can filter by review status" in html
    assert 'id="facet-status"' not in html


def test_it_lets_staff_see_rejected_events(client, timeline):
    timeline["vote"].status = "rejected"
    timeline["vote"].save()
    assert timeline["vote"].id not in event_ids(client.get("/").content.decode())
    staff = make_reviewer()
    client.force_login(staff)
    html = client.get("/?status=rejected").content.decode()
    assert event_ids(html) == [timeline["vote"].id]
    assert 'id="facet-status"' in html
    assert 'class="status status--rejected"' in html


def test_it_escapes_user_text(client, people):
    evil = Actor.objects.create(name="<script>alert(1)</script>", kind="person")
    make_dated_event(title="<img src=x onerror=alert(2)>", actors=[evil])
    html = client.get(f"/?actor={evil.id}&q=<img").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_it_renders_a_density_chart_with_bar_links(client, timeline):
    html = client.get("/").content.decode()
    assert '<svg class="density-chart"' in html
    # Feb 2022 .. Apr 2025: monthly bars, each a link narrowing the dates.
    assert (
        'href="/?start=2025-02-01&amp;end=2025-02-28" aria-label="Feb 2025: 3 events"'
        in html
    )
    assert "<title>Feb 2022: 1 event</title>" in html
    assert "Events per month" in html


def test_it_draws_each_bar_to_scale_from_the_baseline(client):
    for n, day in ((9, 3), (7, 10), (1, 20)):
        for _ in range(n):
            make_dated_event(title="Vote", value=f"2025-02-{day:02d}")
    html = client.get("/?start=2025-02-01&end=2025-02-28").content.decode()
    bars = re.findall(
        r'<rect x="\d+" y="([\d.]+)" width="\d+" height="([\d.]+)"><title>'
        r"(\d+) Feb 2025: (\d+) events?</title>",
        html,
    )
    assert len(bars) == 28
    for y, h, _, _ in bars:
        # Short numbers (60 - 46.67 is 13.329999999999998), on the baseline.
        assert re.fullmatch(r"\d+(\.\d{1,2})?", y), y
        assert float(y) + float(h) == pytest.approx(60)
    heights = {int(day): float(h) for _, h, day, count in bars if int(count)}
    assert heights == {
        3: 60,
        10: pytest.approx(60 * 7 / 9, abs=0.01),
        20: pytest.approx(60 / 9, abs=0.01),
    }


def test_it_renders_day_bars_for_a_short_range(client, timeline):
    html = client.get("/?start=2025-02-01&end=2025-02-28").content.decode()
    assert "Events per day" in html
    # Bars count events by their first day: the month, the week, the day.
    assert 'aria-label="1 Feb 2025: 1 event"' in html
    assert 'aria-label="17 Feb 2025: 1 event"' in html
    assert 'aria-label="24 Feb 2025: 1 event"' in html
    assert "<title>2 Feb 2025: 0 events</title>" in html


def test_it_links_downloads_with_the_current_filters(client, timeline, people):
    putin = people["putin"].id
    html = client.get(f"/?actor={putin}&cursor=").content.decode()
    for path in (
        "/export/events.csv",
        "/export/events.timeline.json",
        "/export/events.ics",
        "/api/events/",
    ):
        assert f'href="{path}?actor={putin}"' in html


def test_it_pages_with_show_more(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    events = [
        make_dated_event(value=f"2025-01-{d:02d}", title=f"Event {d}")
        for d in range(1, 8)
    ]
    html = client.get("/").content.decode()
    assert event_ids(html) == [e.id for e in events[::-1][:3]]
    more = re.search(r'<a class="button" href="([^"]+)"', html)[1].replace("&amp;", "&")
    assert more == f"/?cursor={after(events[4])}"
    assert 'hx-trigger="revealed, click"' in html

    page2 = client.get(more, headers=HX).content.decode()
    assert "<html" not in page2 and 'id="filter-form"' not in page2
    assert event_ids(page2) == [events[3].id, events[2].id, events[1].id]
    # Same month as the previous page: no repeated heading.
    assert "January 2025" not in page2 and "year-heading" not in page2

    last = client.get(f"/?cursor={after(events[1])}", headers=HX).content.decode()
    assert event_ids(last) == [events[0].id]
    assert "Show more" not in last

    # Without JavaScript the same link is a full page continuing the list.
    full = client.get(more).content.decode()
    assert "<html" in full and event_ids(full)[0] == events[3].id


def test_it_pages_oldest_first_too(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    events = [make_dated_event(value=f"2025-01-{d:02d}") for d in range(1, 5)]
    html = client.get("/?order=oldest").content.decode()
    assert event_ids(html) == [events[0].id, events[1].id]
    page2 = client.get(
        f"/?order=oldest&cursor={after(events[1], 'oldest')}", headers=HX
    )
    assert event_ids(page2.content.decode()) == [events[2].id, events[3].id]


def test_its_query_count_does_not_grow_with_events(
    client, people, django_assert_max_num_queries
):
    art = make_titled_article()
    for i in range(60):
        make_dated_event(
            value=date(2024, 1 + i % 12, 1 + i % 28).isoformat(),
            title=f"Event {i}",
            actors=[people["putin"], people["un"]],
            countries=["RU", "UA"],
            article=art if i % 2 else None,
        )
    putin = people["putin"].id
    with django_assert_max_num_queries(24):
        assert client.get(f"/?actor={putin}&country=RU").status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get("/").status_code == 200
    last = Event.objects.order_by("start", "id").last()
    with django_assert_max_num_queries(8):
        assert client.get(f"/?cursor={after(last)}", headers=HX).status_code == 200


def test_it_includes_the_staff_hook_only_for_staff(client, timeline, settings):
    html = client.get("/").content.decode()
    assert "event-staff" not in html or "staff" not in html.split("event-list")[1]
    staff = User.objects.create_user("ed2", password="pw", is_staff=True)
    client.force_login(staff)
    assert client.get("/").status_code == 200


def test_it_renders_one_event_item_by_partial_name(rf, timeline):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = User(is_staff=False)
    event = views.events_for_list(Event.objects.filter(pk=timeline["met"].pk)).get()
    html = render_to_string(
        "timeline/index.html#event-item", {"event": event}, request=request
    )
    assert html.strip().startswith(
        f'<li class="event event--done" id="event-{event.id}"'
    )


def test_it_shows_server_side_typeahead_matches_without_js(client, timeline, people):
    html = client.get("/?actor_term=put").content.decode()
    putin = people["putin"].id
    assert f'<a href="/?actor={putin}">Vladimir Putin</a>' in html


def test_it_says_when_nothing_matches(client, timeline):
    html = client.get("/?q=nothing-like-this").content.decode()
    assert "No events match these filters." in html
    assert client.get(reverse("timeline:index")).status_code == 200


@pytest.mark.parametrize("raw", ["²", "①", "٣", "１２"])
def test_it_ignores_a_cursor_of_non_ascii_digits(client, timeline, raw):
    bad = base64.urlsafe_b64encode(f"n|2025-01-01|{raw}".encode()).decode()
    response = client.get("/", {"cursor": bad})
    assert response.status_code == 200
    assert "Ignored cursor=" in response.content.decode()
    assert len(event_ids(response.content.decode())) == 5


def test_it_notes_an_old_show_more_link(client, timeline):
    html = client.get(f"/?after={timeline['vote'].id}").content.decode()
    assert "Ignored after: &#x27;Show more&#x27; links now carry a cursor" in html
    assert len(event_ids(html)) == 5


def test_it_ignores_a_cursor_of_the_other_order(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    events = [make_dated_event(value=f"2025-01-{d:02d}") for d in range(1, 5)]
    html = client.get(f"/?order=oldest&cursor={after(events[1])}").content.decode()
    assert "Ignored cursor=" in html
    assert event_ids(html) == [events[0].id, events[1].id]


def test_it_continues_after_the_last_event_shown_was_deleted(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    events = [make_dated_event(value=f"2025-01-{d:02d}") for d in range(1, 6)]
    cursor = after(events[3])
    Event.objects.filter(pk=events[3].pk).delete()
    page2 = client.get(f"/?cursor={cursor}", headers=HX).content.decode()
    assert event_ids(page2) == [events[2].id, events[1].id]


def test_its_show_more_cursor_is_the_apis_cursor(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    events = [make_dated_event(value=f"2025-01-{d:02d}") for d in range(1, 6)]
    html = client.get("/").content.decode()
    cursor = re.search(r'<a class="button" href="/\?cursor=([^"&]+)"', html)[1]
    api = client.get("/api/events/", {"cursor": cursor, "limit": 2}).json()
    assert [e["id"] for e in api["results"]] == [events[2].id, events[1].id]
    assert client.get("/api/events/", {"limit": 2}).json()["next_cursor"] == cursor


@pytest.mark.parametrize("path", ["/", "/embed/"])
def test_it_ignores_a_search_with_a_nul_character(client, timeline, path):
    response = client.get(path + "?q=a%00b")
    assert response.status_code == 200
    assert "NUL" in response.content.decode()
    assert len(event_ids(response.content.decode())) == 5 or path == "/embed/"


def test_it_answers_too_many_parameters_with_a_400_page(client):
    response = client.get("/?" + "&".join(f"p{i}=1" for i in range(1001)))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
