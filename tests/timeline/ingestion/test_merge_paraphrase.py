"""Paraphrases: reports of one event of a specific kind, worded differently
by different articles, merge; different events of the same day stay apart.
Real sentences of different Timeline17 articles (read from ../shared at
test time, never committed)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache

import pytest

from tests.conftest import SHARED
from tests.timeline.factories import article_input, event
from timeline.extraction.types import Extraction
from timeline.ingestion import merge
from timeline.ingestion.store import store_article
from timeline.models import Event

pytestmark = pytest.mark.django_db

T17 = SHARED / "t17"


@cache
def _articles(collection: str) -> list[tuple[str, date]]:
    path = T17 / f"{collection}.articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} absent (Timeline17 is read from ../shared at test time)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(r["text"], date.fromisoformat(r["published"])) for r in rows]


def report(collection: str, sentence: str, *, day: date, kind: str, **who):
    """Store the first real article holding `sentence`, with one event on it."""
    text, published = next((t, p) for t, p in _articles(collection) if sentence in t)
    ee = event(
        sentence,
        at=text.index(sentence),
        expression=who.pop("expression"),
        value=day.isoformat(),
        start=day,
        kind=kind,
        anchor=published,
        **who,
    )
    return store_article(
        item=article_input(text, published=published),
        extraction=Extraction(doc_id="1", timexes=(), events=(ee,)),
    )


CALL_1 = "Mr Obama spoke to UK Prime Minister David Cameron by telephone on Saturday."
CALL_2 = (
    "Mr Cameron will discuss the issue with US President Barack Obama during "
    "their regular phone call on Saturday."
)
LEADERS = {
    "actors": ("Barack Obama", "David Cameron"),
    "organizations": (),
    "countries": ("US", "GB"),
    "expression": "Saturday",
}


def test_the_phone_call_announced_and_reported_is_one_event():
    assert merge.jaccard(merge.tokens(CALL_1), merge.tokens(CALL_2)) < (
        merge.MERGE_SIMILARITY
    )  # the old wording test kept them apart
    day = date(2010, 6, 12)
    report("bpoil_bbc", CALL_2, day=day, kind="call", **LEADERS)
    second = report("bpoil_bbc", CALL_1, day=day, kind="call", **LEADERS)
    assert second.mentions_merged == 1
    (ev,) = Event.objects.all()
    assert ev.source_count == 2


def test_the_same_words_as_a_statement_stay_apart():
    # A broad kind: one actor says many things on one day.
    day = date(2010, 6, 12)
    report("bpoil_bbc", CALL_2, day=day, kind="statement", **LEADERS)
    report("bpoil_bbc", CALL_1, day=day, kind="statement", **LEADERS)
    assert Event.objects.count() == 2


def test_two_market_events_of_one_friday_stay_apart():
    bp = {
        "actors": (),
        "organizations": ("BP",),
        "countries": (),
        "expression": "Friday",
    }
    day = date(2010, 6, 18)
    report(
        "bpoil_bbc",
        "BP shares fell 0.6% on Friday, after climbing almost 7% a day earlier.",
        day=day,
        kind="economy",
        **bp,
    )
    report(
        "bpoil_bbc",
        "On Friday, rating agency Moody's downgraded BP's credit rating by three "
        "notches, following similar moves by the other two rating agencies "
        "earlier this week.",
        day=day,
        kind="economy",
        **bp,
    )
    assert Event.objects.count() == 2
