"""Corpus-level boilerplate: a line one source repeats in MIN_ARTICLES
articles stops being events and sources (timeline.ingestion.boilerplate)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.factories import article_input, event, extraction
from timeline.extraction.hygiene import line_hash
from timeline.ingestion import boilerplate
from timeline.ingestion.store import apply_extraction, store_article
from timeline.models import (
    Article,
    BoilerplateLine,
    BoilerplateSighting,
    Event,
    FacetCount,
    Mention,
    Status,
)
from timeline.query import facet_counts

pytestmark = pytest.mark.django_db

# A standing paragraph a site prints under every story about the spill.
STOCK = (
    "The Deepwater Horizon rig exploded on April 20, killing 11 workers and "
    "starting the leak."
)
OWN = [
    "BP said on Monday that the cap was holding.",
    "Engineers began pumping mud into the well on Tuesday.",
    "The coast guard widened the fishing ban on Wednesday.",
    "Officials met the company's chief executive on Thursday.",
]


def _item(n: int, publisher: str = "Gulf News"):
    return article_input(f"{OWN[n]}\n{STOCK}", publisher=publisher)


def _events(n: int):
    own = event(
        OWN[n],
        expression=OWN[n].rsplit(" ", 1)[1].rstrip("."),
        value=f"2010-07-{12 + n:02d}",
        start=date(2010, 7, 12 + n),
        kind="statement",
        organizations=(),
        countries=("US",),
    )
    stock = event(
        STOCK,
        at=len(OWN[n]) + 1,
        expression="April 20",
        value="2010-04-20",
        start=date(2010, 4, 20),
        kind="attack",
        organizations=(),
        countries=("US",),
    )
    return extraction(own, stock)


def _store(n: int, publisher: str = "Gulf News"):
    return store_article(item=_item(n, publisher), extraction=_events(n))


def _stock_mentions() -> int:
    return Mention.objects.filter(sentence=STOCK).count()


def _stock_line() -> BoilerplateLine:
    return BoilerplateLine.objects.get(line_hash=line_hash(STOCK))


def _facet_rows() -> set[tuple]:
    return set(
        FacetCount.objects.exclude(facet="g").values_list(
            "level", "period", "facet", "key", "n"
        )
    )


def _assert_facets_exact() -> None:
    incremental = _facet_rows()
    facet_counts.rebuild()
    assert incremental == _facet_rows()


def test_it_retracts_the_earlier_copies_when_the_third_article_arrives():
    facet_counts.rebuild()
    _store(0)
    _store(1)
    stock_event = Event.objects.filter(mentions__sentence=STOCK).distinct().get()
    assert stock_event.source_count == 2  # two copies still look like two sources
    assert _stock_mentions() == 2

    result = _store(2)

    assert _stock_mentions() == 0
    assert not Event.objects.filter(pk=stock_event.pk).exists()
    assert result.events_created == 1  # only the article's own news
    assert Event.objects.count() == 3
    assert set(Event.objects.values_list("source_count", flat=True)) == {1}
    line = _stock_line()
    assert (line.source_key, line.line_hash, line.articles) == (
        "p:gulf news",
        line_hash(STOCK),
        3,
    )
    _assert_facets_exact()

    _store(3)  # a fourth copy makes nothing either
    assert _stock_mentions() == 0
    assert _stock_line().articles == 4
    assert boilerplate.is_boilerplate(
        article=Article.objects.get(text__startswith=OWN[3]), pos=len(OWN[3]) + 1
    )


def test_it_counts_an_article_once_however_often_it_is_reextracted():
    _store(0)
    first = Article.objects.get()
    for _ in range(3):
        apply_extraction(article=first, extraction=_events(0))
    assert _stock_line().articles == 1
    assert BoilerplateSighting.objects.filter(line=_stock_line()).count() == 1
    _store(1)
    apply_extraction(
        article=Article.objects.get(text__startswith=OWN[1]), extraction=_events(1)
    )
    assert _stock_line().articles == 2
    assert _stock_mentions() == 2  # not yet boilerplate
    _store(2)
    assert _stock_mentions() == 0
    # Re-extracting an earlier copy now makes nothing from the line.
    apply_extraction(article=first, extraction=_events(0))
    assert _stock_mentions() == 0
    assert _stock_line().articles == 3


def test_it_keeps_an_event_an_admin_verified():
    _store(0)
    _store(1)
    stock_event = Event.objects.filter(mentions__sentence=STOCK).distinct().get()
    stock_event.status = Status.VERIFIED
    stock_event.save(update_fields=["status"])

    _store(2)

    stock_event.refresh_from_db()
    assert stock_event.status == Status.VERIFIED
    assert stock_event.source_count == 2  # its mentions are kept too
    assert _stock_mentions() == 2


def test_it_counts_each_source_apart():
    _store(0, publisher="Gulf News")
    _store(1, publisher="Gulf News")
    _store(2, publisher="Coast Daily")
    assert _stock_mentions() == 3
    stock = BoilerplateLine.objects.filter(line_hash=line_hash(STOCK))
    assert sorted(stock.values_list("articles", flat=True)) == [
        1,
        2,
    ]
    assert (
        Event.objects.filter(mentions__sentence=STOCK).distinct().get().source_count
        == 3
    )


def test_it_keys_a_source_by_publisher_then_host_then_collection():
    assert Article(publisher=" The  Guardian ").source_key() == "p:the guardian"
    assert (
        Article(source_url="https://www.bbc.co.uk/news/1").source_key() == "h:bbc.co.uk"
    )
    assert Article(external_id="bpoil_bbc/2010-06-01/1.htm").source_key() == (
        "c:bpoil_bbc"
    )
    assert Article().source_key() == ""


def test_it_ignores_short_lines():
    short = "On Monday."
    item = article_input(f"{OWN[0]}\n{short}", publisher="Gulf News")
    ev = event(short, at=len(OWN[0]) + 1, expression="Monday", organizations=())
    store_article(item=item, extraction=extraction(ev))
    assert not BoilerplateLine.objects.exists()
