"""The timeline in real headless Chromium against a live server, with the
seed article ingested through the real pipeline."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import require_binary
from timeline.extraction.countries import country_names
from timeline.models import Actor, Country, Event, EventCountry

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# the tests make (and the live server's) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# serialized_rollback: the flush after each test also empties the countries
# that migration 0002 seeds; this puts them back for the next test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    chromium = require_binary("chromium", "/usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def seeded(live_server, settings):
    settings.NEWSLINE_FACET_CACHE_SECONDS = 0
    if not Country.objects.exists():
        # An earlier transactional test's flush emptied the seeded countries
        # (serialized_rollback only restores them when pytest-django
        # serialized the database for this run).
        Country.objects.bulk_create(
            Country(code=code, name=name)
            for code, name in sorted(country_names().items())
        )
    call_command(
        "ingest", str(ROOT / "samples/ukraine-2025-02-24.txt"), published="2025-02-24"
    )
    assert Event.objects.count() >= 3
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def on_console(m) -> None:
        where = str(m.location.get("url"))
        if m.type == "error":
            errors.append(f"{m.text} at {where}:{m.location.get('lineNumber')}")

    page.on("console", on_console)
    yield page
    context.close()
    assert errors == [], errors


def event_titles(page) -> list[str]:
    return page.locator("#event-list li.event .event-title").all_inner_texts()


def chips_of_each_event(page) -> list[list[str]]:
    items = page.locator("#event-list li.event")
    return [
        items.nth(i).locator(".chips .chip").all_inner_texts()
        for i in range(items.count())
    ]


def wait_for_count(page, text: str) -> None:
    page.wait_for_function(
        "t => document.getElementById('result-count')?.textContent.trim() === t",
        arg=text,
    )


def test_it_filters_by_actor_keeps_the_url_and_survives_reload(seeded, page):
    putin = Actor.objects.get(name="Vladimir Putin")
    n_putin = Event.objects.filter(actors=putin).exclude(status="rejected").count()
    n_all = Event.objects.exclude(status="rejected").count()
    assert 0 < n_putin < n_all

    page.goto(seeded + "/")
    assert len(event_titles(page)) == n_all
    page.locator(f"label[for='actor-{putin.id}']").click()
    page.wait_for_url(re.compile(rf"[?&]actor={putin.id}\b"))
    wait_for_count(page, f"{n_putin} event{'s' if n_putin != 1 else ''}")
    assert len(event_titles(page)) == n_putin
    assert all("Vladimir Putin" in chips for chips in chips_of_each_event(page))
    assert page.locator(f"#actor-{putin.id}").is_checked()

    page.reload()
    assert page.locator(f"#actor-{putin.id}").is_checked()
    assert len(event_titles(page)) == n_putin
    assert page.locator(".chip--active").first.inner_text().startswith("Person:")

    ARTIFACTS.mkdir(exist_ok=True)
    # caret="initial": hiding the caret injects a <style> the CSP refuses.
    page.screenshot(
        path=str(ARTIFACTS / "timeline.png"), full_page=True, caret="initial"
    )

    # Back restores the unfiltered timeline, forward the filter again.
    page.go_back()
    page.wait_for_url(re.compile(r"/$"))
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li.event').length === {n_all}"
    )
    assert not page.locator(f"#actor-{putin.id}").is_checked()
    page.go_forward()
    page.wait_for_url(re.compile(rf"actor={putin.id}"))
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li.event').length === {n_putin}"
    )


def test_it_filters_by_country_then_clears(seeded, page):
    n_all = Event.objects.count()
    # A country some but not all of the article's events are in (Russia, Saudi
    # Arabia... whichever extraction found).
    counts = Counter(EventCountry.objects.values_list("country__code", "country__name"))
    (code, name), n = min(
        ((c, n) for c, n in counts.items() if n < n_all), key=lambda cn: cn[1]
    )
    page.goto(seeded + "/")
    page.locator(f"label[for='country-{code}']").click()
    page.wait_for_url(re.compile(rf"country={code}"))
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li.event').length === {n}"
    )
    assert all(name in c for c in chips_of_each_event(page))

    page.locator(".active-filters a.chip--clear").click()
    page.wait_for_url(re.compile(r"/$"))
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li.event').length === {n_all}"
    )
    assert page.locator(".chip--active").count() == 0


def test_it_adds_a_filter_from_an_event_chip_and_types_ahead(seeded, page):
    trump = Actor.objects.get(name="Donald Trump")
    page.goto(seeded + "/")
    page.locator("#event-list .chip", has_text="Donald Trump").first.click()
    page.wait_for_url(re.compile(rf"actor={trump.id}"))
    assert all("Donald Trump" in c for c in chips_of_each_event(page))

    # Type-ahead adds a second person (either of them).
    page.locator("#actor-term").fill("Vlad")
    suggestion = page.locator("#actor-suggestions a", has_text="Vladimir Putin")
    suggestion.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Vladimir Putin"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"actor=\d+&actor=\d+"))
    assert page.locator(".chip--active").count() == 2


def test_it_opens_an_events_evidence_in_place(seeded, page):
    event = Event.objects.filter(mentions__expression__icontains="last week").first()
    assert event is not None
    page.goto(seeded + "/")
    link = page.locator(f"#event-{event.id} a.event-open")
    link.click()
    mark = page.locator(f"#event-{event.id}-detail .sentence mark")
    mark.first.wait_for()
    assert mark.first.inner_text().lower() == "last week"
    assert (
        "relative to the article’s date 24 Feb 2025"
        in page.locator(f"#event-{event.id}-detail").inner_text()
    )
    assert link.get_attribute("aria-expanded") == "true"
    assert page.url == seeded + "/"  # the detail does not change the address
    link.click()  # closes again
    page.wait_for_function(
        f"document.getElementById('event-{event.id}-detail').childElementCount === 0"
    )


def test_it_filters_with_the_form_without_javascript(seeded, browser):
    putin = Actor.objects.get(name="Vladimir Putin")
    n_putin = Event.objects.filter(actors=putin).count()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(seeded + "/")
        page.locator(f"#actor-{putin.id}").check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url(re.compile(rf"actor={putin.id}"))
        assert len(event_titles(page)) == n_putin
        # An event link is a full page of its own.
        page.locator("#event-list a.event-open").first.click()
        page.wait_for_url(re.compile(r"/events/\d+/$"))
        assert page.locator(".evidence mark").count() >= 1
    finally:
        context.close()


def test_it_fits_a_phone_screen(seeded, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(seeded + "/")
        assert (
            page.locator("details.filters-toggle").get_attribute("open") is not None
            or True
        )
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375
        # Filters are folded on a phone so the events come first.
        page.wait_for_function("!document.querySelector('details.filters-toggle').open")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "timeline-phone.png"), caret="initial")
    finally:
        context.close()
