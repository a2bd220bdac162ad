"""Fixtures for the timeline page tests (the builders: tests/timeline/factories.py)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.timeline.factories import make_dated_event, make_titled_article
from timeline.models import Actor


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Facet counts are cached; each test starts from an empty cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def people(db):
    return {
        "putin": Actor.objects.create(name="Vladimir Putin", kind="person"),
        "trump": Actor.objects.create(name="Donald Trump", kind="person"),
        "un": Actor.objects.create(name="United Nations", kind="organization"),
    }


@pytest.fixture
def timeline(people):
    """A small timeline around the seed article's events."""
    art = make_titled_article(
        "Trump and Putin spoke earlier this month. They met last week in Riyadh.",
        title="War at three years",
    )
    events = {
        "spoke": make_dated_event(
            value="2025-02",
            title="Trump and Putin spoke",
            kind="call",
            actors=[people["trump"], people["putin"]],
            countries=["RU", "US"],
            article=art,
            expression="earlier this month",
            sentence="Trump and Putin spoke earlier this month.",
        ),
        "met": make_dated_event(
            value="2025-W08",
            title="They met in Riyadh",
            actors=[people["trump"], people["putin"]],
            countries=["SA"],
            article=art,
            expression="last week",
            sentence="They met last week in Riyadh.",
        ),
        "vote": make_dated_event(
            value="2025-02-24",
            title="UN vote on Ukraine",
            kind="vote",
            actors=[people["un"]],
            countries=["UA"],
        ),
        "invasion": make_dated_event(
            value="2022-02-24",
            title="Russia invaded Ukraine",
            kind="attack",
            countries=["RU", "UA"],
        ),
        "summit": make_dated_event(
            value="2025-Q2",
            title="A summit may follow",
            kind="meeting",
            modality="possible",
            actors=[people["trump"]],
        ),
    }
    events["article"] = art
    return events
