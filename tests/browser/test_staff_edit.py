"""Browser: a staff user corrects an event's date on the timeline page and
the event moves to its new place in the list (headless Chromium)."""

from __future__ import annotations

import os
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from playwright.sync_api import expect, sync_playwright

from tests.browser.test_timeline import CHROMIUM_ARGS
from tests.conftest import require_binary
from timeline.models import Event, Status

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# test makes between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized rollback puts the
    # seeded countries back for the tests that run after this one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "pw-editor-correct-horse-42"


@pytest.fixture
def staff_page(live_server, settings):
    """A Chromium page; cookies over plain http for the live server."""
    chromium = require_binary("chromium", "/usr/bin/chromium")
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()


def make_event(title: str, day: date) -> Event:
    return Event.objects.create(
        start=day,
        end=day,
        precision="day",
        value=day.isoformat(),
        title=title,
        kind="meeting",
    )


def order(page) -> list[str]:
    return page.eval_on_selector_all(
        "#event-list li.event", "items => items.map(li => li.id)"
    )


def test_it_moves_an_event_when_staff_correct_its_date(staff_page):
    user = get_user_model().objects.create_user(
        "editor", password=PASSWORD, is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="change_event"))
    march = make_event("Summit in March", date(2025, 3, 10))
    february = make_event("Talks in February", date(2025, 2, 20))
    january = make_event("Vote in January", date(2025, 1, 5))
    page = staff_page

    page.goto("/admin/login/?next=/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/")
    assert order(page) == [
        f"event-{march.pk}",
        f"event-{february.pk}",
        f"event-{january.pk}",
    ]

    history = page.evaluate("history.length")
    item = page.locator(f"#event-{january.pk}")
    item.locator("summary", has_text="Edit title or date").click()
    item.get_by_label("Date").fill("2025-04-01")
    item.get_by_role("button", name="Save date").click()

    # Newest first: the corrected event now leads the list.
    expect(page.locator("#event-list li.event").first).to_have_id(f"event-{january.pk}")
    assert order(page) == [
        f"event-{january.pk}",
        f"event-{march.pk}",
        f"event-{february.pk}",
    ]
    expect(page.locator(f"#event-{january.pk} time")).to_have_attribute(
        "datetime", "2025-04-01"
    )
    # The list reloaded in place: no new history entry, the same address.
    assert page.evaluate("history.length") == history
    assert page.url.endswith("/")
    january.refresh_from_db()
    assert (january.value, january.start) == ("2025-04-01", date(2025, 4, 1))
    assert january.corrected_fields == ["date"]
    assert january.status == Status.VERIFIED
    assert january.history.first().history_user == user

    # Verify another in place: the item is swapped, the list stays.
    march_item = page.locator(f"#event-{march.pk}")
    march_item.get_by_role("button", name="Verify").click()
    expect(march_item.get_by_role("button", name="Verify")).to_have_count(0)
    march.refresh_from_db()
    assert march.status == Status.VERIFIED
