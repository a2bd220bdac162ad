"""The "Key events / All events" switch in headless Chromium, with and
without JavaScript: kept in the URL, combined with the filters, and
accessible (axe) in the key view and on /stories/."""

from __future__ import annotations

import os
import re

import pytest

from tests.browser import axe
from tests.browser.test_timeline import CHROMIUM_ARGS
from tests.conftest import require_binary
from tests.timeline.factories import make_key_coverage

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser():
    chromium = require_binary("chromium", "/usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def coverage(live_server, settings):
    settings.NEWSLINE_FACET_CACHE_SECONDS = 0
    return make_key_coverage()


def key_days(page) -> list[str]:
    return page.locator("#event-list .key-day").all_inner_texts()


def event_titles(page) -> list[str]:
    return page.locator("#event-list li.event .event-title").all_inner_texts()


def test_it_switches_views_with_htmx_and_keeps_the_url(coverage, browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    axe.add_axe(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto("/")
        assert len(event_titles(page)) == 5
        page.evaluate("window.__sameDocument = true")
        page.get_by_role("link", name="Key events").click()
        page.wait_for_url(re.compile(r"\?view=key$"))
        page.locator(".key-day").first.wait_for()
        assert page.evaluate("window.__sameDocument === true")  # swapped, not loaded
        assert key_days(page) == ["24 February 2025"]  # 5 events: one key day
        assert page.locator(".key-why").first.inner_text().startswith("Why this day")
        axe.check(page, "the key-events view")

        # A filter keeps the view; the view keeps the filter.
        page.locator("label[for='country-LY']").click()
        page.wait_for_url(re.compile(r"country=LY&view=key"))
        page.wait_for_function(
            "() => document.querySelector('.chip--active .chip-facet')"
        )
        page.get_by_role("link", name="All events").click()
        page.wait_for_url(re.compile(r"\?country=LY$"))
        page.wait_for_function(
            "() => document.querySelectorAll('#event-list li.event').length === 2"
        )
        assert page.locator("#event-list .key-day").count() == 0

        page.go_back()
        page.wait_for_url(re.compile(r"country=LY&view=key"))
        page.locator(".key-day").first.wait_for()
        assert page.evaluate("window.__sameDocument === true")

        page.goto("/stories/")
        axe.check(page, "the stories page")
        page.get_by_role("link", name="Key events of Libya war").click()
        page.wait_for_url(re.compile(r"story=libya-war&view=key"))
        assert set(key_days(page)) <= {"24 February 2025", "3 March 2025"}
    finally:
        context.close()
    assert errors == [], errors


def test_it_switches_views_without_javascript(coverage, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/?dates=2")
        page.get_by_role("link", name="Key events").click()
        page.wait_for_url(re.compile(r"view=key"))
        assert key_days(page) == ["24 February 2025"]
        # The form keeps the view (a hidden field) when it is submitted.
        page.goto("/?view=key&dates=2")
        assert key_days(page) == ["24 February 2025", "3 March 2025"]
        page.locator("#kind-attack").check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url(re.compile(r"kind=attack"))
        assert "view=key" in page.url and "dates=2" in page.url
        assert key_days(page) == ["3 March 2025"]
        assert event_titles(page) == ["Port bombed"]
        page.get_by_role("link", name="All events").click()
        page.wait_for_url(re.compile(r"\?kind=attack$"))
        assert event_titles(page) == ["Port bombed"]
        assert page.locator(".key-day").count() == 0
    finally:
        context.close()
