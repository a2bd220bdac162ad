"""axe-core in headless Chromium on every page and after each HTMX
interaction (open an event's evidence, filter, show more, staff edits):
any violation fails, and so does a colour contrast axe cannot decide. Every
page's sub-requests (styles, scripts, the favicon) must succeed."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command

from tests.browser import axe
from tests.browser.test_timeline import CHROMIUM_ARGS, ROOT
from tests.conftest import require_binary
from tests.timeline.factories import make_report, make_reported_event
from timeline.models import Article, Event, Kind, Modality
from timeline.web.views import PAGE_SIZE

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "pw-a11y-correct-horse-42"
NOT_FOUND_CONSOLE = (
    "console: Failed to load resource: the server responded with a status of "
    "404 (Not Found)"
)


@pytest.fixture
def browser():
    # Per test, as in the staff and embed tests: with a module-scoped one
    # the later tests' serialized_rollback found no serialized database to
    # restore (no content types or permissions in test_staff_edit.py).
    chromium = require_binary("chromium", "/usr/bin/chromium")
    axe.require_axe()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def problems() -> list[str]:
    """What went wrong on the page's side: failed requests, script errors."""
    return []


@pytest.fixture
def page(browser, live_server, settings, problems):
    """A page with axe on it that records failed sub-requests and errors;
    the test fails at the end if there were any."""
    settings.NEWSLINE_FACET_CACHE_SECONDS = 0
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    axe.add_axe(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            and problems.append(f"console: {m.text} at {m.location.get('url')}")
        ),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.append(f"{r.status} for {r.url}"),
    )
    page.on(
        "requestfailed",
        lambda r: problems.append(f"request failed: {r.url} ({r.failure})"),
    )
    yield page
    context.close()
    assert problems == [], problems


@pytest.fixture
def events() -> dict[str, Event]:
    """More than a page of events over two years: every kind, people,
    organisations and countries, a scheduled, a possible and a disputed one."""
    article = make_report(title="War at three years")
    kinds = Kind.values
    made = [
        make_reported_event(
            start=date(2025, 3, 20) - timedelta(days=9 * i),
            title=f"Event number {i} in Kyiv",
            kind=kinds[i % len(kinds)],
            people=("Vladimir Putin",) if i % 3 == 0 else ("Donald Trump",),
            orgs=("United Nations",) if i % 4 == 0 else (),
            countries=("UA",) if i % 2 == 0 else ("RU", "US"),
            modality=(Modality.SCHEDULED, Modality.POSSIBLE, Modality.DONE)[i % 3],
            date_conflict=i == 5,
            article=article,
        )
        for i in range(PAGE_SIZE + 8)
    ]
    make_reported_event(
        start=date(2024, 1, 1), precision="year", value="2024", title="A year"
    )
    make_reported_event(
        start=date(2010, 1, 1),
        end=date(2019, 12, 31),
        precision="decade",
        value="201X",
        title="A decade",
    )
    return {"first": made[0], "article": article}


def wait_for_count(page, n: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('#event-list li.event').length === n",
        arg=n,
    )


def test_it_has_no_violations_on_the_timeline(events, page):
    page.goto("/")
    axe.check(page, "the timeline /")
    # Every kind's label and "Clear all" have a contrast axe could measure.
    assert page.locator(".event-meta .kind").count() == PAGE_SIZE
    axe.check_contrast_verified(page, ".event-meta .kind")
    axe.check_contrast_verified(page, ".form-actions .button--quiet")

    page.set_viewport_size({"width": 375, "height": 740})
    page.wait_for_function(
        "() => !document.querySelector('details.filters-toggle').open"
    )
    axe.check(page, "the timeline / on a phone")
    page.locator("details.filters-toggle > summary").click()
    axe.check(page, "the timeline / on a phone with the filters open")


def test_it_has_no_violations_oldest_first(events, page):
    page.goto("/?order=oldest")
    assert page.locator(".event-title").first.inner_text() == "A decade"
    axe.check(page, "the timeline oldest first, a decade heading first")


def test_it_has_no_violations_on_a_filtered_timeline(events, page):
    page.goto("/?country=UA&kind=meeting&q=Kyiv&start=2024-01-01")
    assert page.locator(".chip--active").count() == 4
    assert page.locator(".chip--clear").is_visible()
    axe.check(page, "a filtered timeline")
    axe.check_contrast_verified(page, ".chip--clear")
    axe.check_contrast_verified(page, ".chip--active")


def test_it_has_no_violations_on_an_event_page(events, page):
    page.goto(f"/events/{events['first'].id}/")
    axe.check(page, "an event page")


def test_it_has_no_violations_on_an_article_page(events, page):
    page.goto(f"/articles/{events['article'].id}/")
    axe.check(page, "an article page")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("query", ["", "?country=UA&kind=meeting"])
def test_it_has_no_violations_on_the_embed(events, page, query, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"/embed/{query}")
    axe.check(page, f"/embed/{query} ({scheme})")


def test_it_has_no_violations_on_the_type_ahead_page(events, page):
    # Without JavaScript the type-ahead box submits to a page of its own.
    page.goto("/typeahead/actors/?term=Vlad")
    assert page.get_by_role("link", name="Vladimir Putin").count() == 1
    axe.check(page, "the type-ahead page")


def test_it_has_no_violations_on_the_not_found_page(page, problems):
    response = page.goto("/events/999999/")
    assert response.status == 404
    # The page itself is the one 404; its styles, scripts and icon load.
    own = [f"404 for {response.url}", f"{NOT_FOUND_CONSOLE} at {response.url}"]
    assert sorted(problems) == sorted(own), problems
    del problems[:]
    axe.check(page, "the 404 page")


def test_it_has_no_violations_on_the_admin_login(page):
    page.goto("/admin/login/?next=/")
    axe.check(page, "the admin login page")


def test_it_has_no_violations_with_the_seed_articles_events(page):
    """The real pipeline's events: every evidence open at once, the article
    with its date expressions highlighted, an event page."""
    call_command(
        "ingest", str(ROOT / "samples/ukraine-2025-02-24.txt"), published="2025-02-24"
    )
    n = Event.objects.count()
    assert n >= 3
    page.goto("/")
    for link in page.locator("#event-list a.event-open").all():
        link.click()
    page.wait_for_function(
        "n => document.querySelectorAll('#event-list .evidence').length === n", arg=n
    )
    axe.check(page, "/ with every seed event's evidence open")
    page.goto(f"/articles/{Article.objects.get().id}/")
    assert page.locator(".article-text mark").count() >= 3
    axe.check(page, "the seed article's page")
    page.goto(f"/events/{Event.objects.filter(mentions__isnull=False).first().id}/")
    axe.check(page, "a seed event's page")


def test_it_stays_accessible_through_each_htmx_interaction(events, page):
    n_all = Event.objects.count()
    page.goto("/")
    wait_for_count(page, PAGE_SIZE)

    # Open an event's evidence in place.
    first = events["first"]
    page.locator(f"#event-{first.id} a.event-open").click()
    page.locator(f"#event-{first.id}-detail .evidence").wait_for()
    axe.check(page, "/ with an event's evidence open")

    # Show more: the next page joins the list.
    page.get_by_role("link", name="Show more events").click()
    wait_for_count(page, n_all)
    axe.check(page, "/ after showing more events")

    # A filter: the list, counts and active filters are replaced.
    page.locator("label[for='country-UA']").click()
    page.wait_for_url(re.compile(r"country=UA"))
    page.locator(".chip--clear").wait_for()
    axe.check(page, "/ after filtering by a country")

    # Type-ahead suggestions under a facet.
    page.locator("#actor-term").fill("Vlad")
    page.locator("#actor-suggestions a", has_text="Vladimir Putin").wait_for()
    axe.check(page, "/ with type-ahead suggestions")


def test_it_stays_accessible_while_staff_edit(events, page):
    user = get_user_model().objects.create_user(
        "editor", password=PASSWORD, is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="change_event"))
    page.goto("/admin/login/?next=/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/")
    axe.check(page, "/ as staff")

    first = events["first"]
    item = page.locator(f"#event-{first.id}")
    item.locator("summary", has_text="Edit title or date").click()
    axe.check(page, "/ as staff with the edit form open")

    # A date the server refuses: the error is shown in the item.
    item.get_by_label("Date").fill("not a date")
    item.get_by_role("button", name="Save date").click()
    page.locator(f"#event-{first.id} .staff-error").wait_for()
    axe.check(page, "/ as staff after a refused edit")

    item = page.locator(f"#event-{first.id}")
    item.get_by_label("Title").fill("Corrected title in Kyiv")
    item.get_by_role("button", name="Save title").click()
    page.locator(f"#event-{first.id} .event-title", has_text="Corrected").wait_for()
    axe.check(page, "/ as staff after saving a title")

    # A correction verifies the event; verify another, reject a third.
    second, third = Event.objects.exclude(pk=first.pk).order_by("-start")[:2]
    page.locator(f"#event-{second.id}").get_by_role("button", name="Verify").click()
    page.locator(f"#event-{second.id} .status--verified").wait_for()
    axe.check(page, "/ as staff after verifying an event")
    page.locator(f"#event-{third.id}").get_by_role("button", name="Reject").click()
    page.locator(f"#event-{third.id} .status--rejected").wait_for()
    axe.check(page, "/ as staff after rejecting an event")

    # A new date moves the event: the whole list reloads in place.
    item = page.locator(f"#event-{third.id}")
    item.locator("summary", has_text="Edit title or date").click()
    item.get_by_label("Date").fill("2026-01-05")
    item.get_by_role("button", name="Save date").click()
    page.wait_for_function(
        "id => document.querySelector('#event-list li.event').id === id",
        arg=f"event-{third.id}",
    )
    axe.check(page, "/ as staff after a date edit reloaded the list")

    # The status facet, only for staff, through a filter.
    page.locator("label[for='status-verified']").click()
    page.wait_for_url(re.compile(r"status=verified"))
    wait_for_count(page, 3)
    axe.check(page, "/ as staff filtered by review status")


def test_it_serves_the_favicon_every_page_links(events, page):
    for path in (
        "/",
        f"/events/{events['first'].id}/",
        f"/articles/{events['article'].id}/",
        "/embed/",
        "/admin/login/",
    ):
        # networkidle: the browser's own request for the icon is done before
        # the next page (or the context's end) would abort it
        page.goto(path, wait_until="networkidle")
        href = page.locator("link[rel=icon]").get_attribute("href")
        assert href, f"{path} links no favicon"
        icon = page.request.get(href)
        assert icon.ok, (path, href, icon.status)
        assert icon.headers["content-type"].startswith("image/svg+xml")


def test_it_reports_each_problem_readably(page):
    """The check itself: a missing alt text, a low contrast and a contrast
    axe cannot measure (text on a gradient) each fail it, by rule and place."""
    page.goto("/admin/login/")
    page.evaluate(
        """() => {
          const main = document.querySelector("main");
          const img = document.createElement("img");
          img.id = "no-alt";
          img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
          const pale = document.createElement("p");
          pale.id = "pale";
          pale.textContent = "Pale text";
          pale.style.color = "#c8c8c8";
          const faded = document.createElement("p");
          faded.id = "on-gradient";
          faded.textContent = "Text on a gradient";
          faded.style.backgroundImage = "linear-gradient(#fff, #000)";
          main.append(img, pale, faded);
        }"""
    )
    with pytest.raises(pytest.fail.Exception) as failed:
        axe.check(page, "a page with planted problems")
    lines = str(failed.value).splitlines()
    assert lines[0] == "axe-core found 3 problem(s) on a page with planted problems:"
    assert sorted(line.split(": ")[0] for line in lines[1:]) == [
        "  color-contrast (undecided, serious) at #on-gradient",
        "  color-contrast (violation, serious) at #pale",
        "  image-alt (violation, critical) at #no-alt",
    ]
