"""Hostile data for the security tests: markup and script in every text field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from timeline.models import (
    Actor,
    Article,
    Country,
    Event,
    EventActor,
    EventCountry,
    Mention,
)

SCRIPT = '<script>alert("xss")</script>'
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(document.cookie)"
ENTITY = "Tom &amp; Jerry &lt;b&gt;"
FORMULA = '=HYPERLINK("http://evil.example","click")'
# The raw markup that must never reach an HTML page unescaped.
RAW = ("<script>alert", "<img src=x onerror", 'href="javascript:', "href='javascript:")


@dataclass
class Hostile:
    article: Article
    event: Event
    actor: Actor
    staff: object


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hostile(db) -> Hostile:
    sentence = f"On Monday {SCRIPT} met {IMG} near {JS_URL} and {ENTITY}."
    text = f"{SCRIPT} headline {IMG}.\n\n{sentence}\n\n{ENTITY} {JS_URL}"
    # Stored past validation (as a legacy row or a raw SQL import would be):
    # the pages must stay safe even then.
    article = Article.objects.create(
        title=f"{SCRIPT} {IMG} {ENTITY}",
        source_url=JS_URL,
        publisher=f"{IMG} Press",
        published=date(2025, 2, 24),
        text=text,
        extraction_status="done",
    )
    event = Event.objects.create(
        start=date(2025, 2, 24),
        end=date(2025, 2, 24),
        precision="day",
        value="2025-02-24",
        title=f"{FORMULA} {SCRIPT} {IMG} {JS_URL} {ENTITY}",
        kind="meeting",
        source_count=1,
        first_reported=date(2025, 2, 24),
    )
    actor = Actor.objects.create(name=f"{SCRIPT}{IMG}", kind="person")
    EventActor.objects.create(event=event, actor=actor, **event.link_copies())
    EventCountry.objects.create(
        event=event, country=Country.objects.get(code="UA"), **event.link_copies()
    )
    s_start = text.index(sentence)
    Mention.objects.create(
        event=event,
        article=article,
        sentence=sentence,
        sentence_start=s_start,
        sentence_end=s_start + len(sentence),
        expression="On Monday",
        expression_start=s_start,
        expression_end=s_start + len("On Monday"),
        anchor_date=date(2025, 2, 24),
    )
    staff = get_user_model().objects.create_superuser(
        "boss", "boss@example.org", "pw-for-tests-only"
    )
    return Hostile(article=article, event=event, actor=actor, staff=staff)


def assert_escaped_html(body: str) -> None:
    for raw in RAW:
        assert raw not in body, f"unescaped {raw!r} in the page"
    assert "&lt;script&gt;alert(" in body
