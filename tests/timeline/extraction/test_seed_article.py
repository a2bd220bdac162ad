"""The seed article against its hand-made gold events (../shared/samples).

Runs the whole pipeline (real spaCy model, real temporal tagger): every
required event is found with the gold date, precision, evidence, actors and
countries; no event comes from a not-event expression; at most two events
are neither required nor acceptable.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SHARED
from timeline.extraction.countries import country_name
from timeline.extraction.kinds import KINDS
from timeline.extraction.pipeline import extract
from timeline.extraction.titles import TITLE_MAX_CHARS, TITLE_MAX_WORDS
from timeline.extraction.types import Document

TEXT = Path(__file__).resolve().parents[3] / "samples" / "ukraine-2025-02-24.txt"
GOLD = SHARED / "samples" / "ukraine-2025-02-24.gold.json"  # the gold: not shipped

pytestmark = pytest.mark.shared("samples/ukraine-2025-02-24.gold.json")


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text("utf-8"))


@pytest.fixture(scope="module")
def events(gold):
    document = Document(
        text=TEXT.read_text("utf-8"),
        published=date.fromisoformat(gold["published"]),
        doc_id=gold["article"],
    )
    (extraction,) = list(extract([document]))
    return extraction.events


def matches(event, item: dict) -> bool:
    return (
        event.value == item["value"]
        and event.precision == item["precision"]
        and item["sentence"] in event.sentence
    )


def describe(events) -> str:
    return "\n".join(f"{e.value} {e.expression!r}: {e.sentence[:70]}" for e in events)


def test_it_finds_every_required_event_with_its_date_and_participants(gold, events):
    for item in gold["required"]:
        found = [e for e in events if matches(e, item)]
        assert found, f"missing {item['what']!r}; events:\n{describe(events)}"
        event = found[0]
        assert item["expression"] in event.expression
        names = {country_name(c) for c in event.countries}
        assert set(item["countries"]) <= names, (item["what"], names)
        assert set(item["actors"]) <= set(event.actors), (item["what"], event.actors)
        assert set(item.get("organizations", [])) <= set(event.organizations), (
            item["what"],
            event.organizations,
        )


def test_it_makes_no_event_from_a_duration(gold, events):
    for item in gold["not_events"]:
        expression = item["expression"].lower()
        assert not [e for e in events if expression in e.expression.lower()], item


def test_it_makes_at_most_two_events_outside_the_gold(gold, events):
    known = gold["required"] + gold["acceptable"]
    extra = [e for e in events if not any(matches(e, item) for item in known)]
    assert len(extra) <= 2, describe(extra)


def test_it_gives_every_event_a_readable_title_and_a_kind(events):
    for event in events:
        assert 0 < len(event.title) <= TITLE_MAX_CHARS
        assert len(event.title.split()) <= TITLE_MAX_WORDS
        assert event.title != event.sentence
        assert event.kind in KINDS
        assert 0 < event.confidence <= 1
