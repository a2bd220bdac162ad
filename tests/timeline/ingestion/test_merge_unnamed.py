"""Reports that name no actor and no country: the same event from two
articles merges, different events stay apart. Real sentences from
Timeline17 articles (../shared/t17, read at test time, never committed)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache

import pytest

from tests.conftest import SHARED, needs_shared
from tests.timeline.factories import article_input, event
from timeline.extraction.types import Extraction
from timeline.ingestion.store import store_article
from timeline.models import Event

pytestmark = pytest.mark.django_db

T17 = SHARED / "t17"


@cache
def _articles(collection: str) -> dict[str, tuple[str, date]]:
    path = needs_shared("t17", f"{collection}.articles.jsonl")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        out[a["id"]] = (" ".join(a["text"].split()), date.fromisoformat(a["published"]))
    return out


def store_report(
    collection: str,
    article_id: str,
    sentence: str,
    *,
    expression: str,
    day: date,
    kind: str = "other",
):
    """Store the real article with one event: `sentence`, dated `day`."""
    text, published = _articles(collection)[article_id]
    at = text.index(sentence)
    ee = event(
        sentence,
        at=at,
        expression=expression,
        value=day.isoformat(),
        start=day,
        kind=kind,
        organizations=(),
        countries=(),
        anchor=published,
    )
    return store_article(
        item=article_input(text, published=published),
        extraction=Extraction(doc_id="1", timexes=(), events=(ee,)),
    )


def test_the_well_sealed_on_19_september_is_one_event_from_two_articles():
    sealed = date(2010, 9, 19)
    store_report(
        "bpoil_bbc",
        "bpoil_bbc/2010-11-29/1706.htm.txt",
        "The well was permanently sealed on 19 September.",
        expression="19 September",
        day=sealed,
    )
    second = store_report(
        "bpoil_bbc",
        "bpoil_bbc/2010-10-25/794.htm.txt",
        "The well was finally permanently sealed on 19 September.",
        expression="19 September",
        day=sealed,
    )

    assert (second.events_created, second.mentions_merged) == (0, 1)
    e = Event.objects.get()
    assert (e.start, e.source_count) == (sealed, 2)


def test_the_cost_bp_stated_on_monday_is_one_event_however_worded():
    monday = date(2010, 6, 14)
    store_report(
        "bpoil_bbc",
        "bpoil_bbc/2010-06-14/209.htm.txt",
        "The company said on Monday that its response to the incident has so far "
        "cost $1.6 bn.",
        expression="Monday",
        day=monday,
        kind="statement",
    )
    store_report(
        "bpoil_bbc",
        "bpoil_bbc/2010-06-15/2135.htm.txt",
        "The incident has so far cost BP $1.6 bn, the energy giant said on Monday.",
        expression="Monday",
        day=monday,
        kind="statement",
    )

    assert Event.objects.get().source_count == 2


def test_two_reader_comments_of_the_same_evening_stay_apart():
    evening = date(2009, 6, 23)
    store_report(
        "H1N1_bbc",
        "H1N1_bbc/2009-06-22/1022.htm.txt",
        "At 8:42 pm on 23 Jun 2009, MidnightStoker: Nil Desperandum!",
        expression="8:42 pm on 23 Jun 2009",
        day=evening,
        kind="statement",
    )
    store_report(
        "H1N1_bbc",
        "H1N1_bbc/2009-05-21/1153.htm.txt",
        "At 10:17 pm on 23 Jun 2009, toodarnhot wrote:",
        expression="10:17 pm on 23 Jun 2009",
        day=evening,
        kind="statement",
    )

    assert Event.objects.count() == 2


def unnamed(sentence: str, expression: str = "Monday", **kw):
    return event(sentence, expression=expression, organizations=(), countries=(), **kw)


def test_the_same_words_with_other_figures_are_another_event():
    store_article(
        item=article_input(
            "Shares in the oil company fell 6.62% in London trading on Monday after the leak estimate was raised."
        ),
        extraction=Extraction(
            doc_id="1",
            timexes=(),
            events=(
                unnamed(
                    "Shares in the oil company fell 6.62% in London trading on Monday after the leak estimate was raised."
                ),
            ),
        ),
    )
    result = store_article(
        item=article_input(
            "Shares in the oil company fell 1.75% in London trading on Monday after the leak estimate was raised."
        ),
        extraction=Extraction(
            doc_id="1",
            timexes=(),
            events=(
                unnamed(
                    "Shares in the oil company fell 1.75% in London trading on Monday after the leak estimate was raised."
                ),
            ),
        ),
    )

    assert result.events_created == 1
    assert Event.objects.count() == 2


def test_a_report_naming_no_one_does_not_merge_into_one_naming_someone():
    store_article(
        item=article_input("The UN General Assembly voted on Monday on the text."),
        extraction=Extraction(
            doc_id="1",
            timexes=(),
            events=(event("The UN General Assembly voted on Monday on the text."),),
        ),
    )
    store_article(
        item=article_input("The assembly voted on Monday on the text."),
        extraction=Extraction(
            doc_id="1",
            timexes=(),
            events=(unnamed("The assembly voted on Monday on the text."),),
        ),
    )

    assert Event.objects.count() == 2
