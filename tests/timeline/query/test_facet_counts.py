"""Pre-aggregated facet counts (timeline.query.facet_counts): exact, and kept
current by the services that write events."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count

from tests.timeline.factories import (
    VOTE_1,
    VOTE_2,
    article_input,
    event,
    extraction,
    make_dated_event,
)
from timeline.domain.corrections import (
    correct_event,
    create_manual_event,
    merge_actors,
    merge_events,
    reject_events,
    verify_events,
)
from timeline.domain.services import delete_articles
from timeline.ingestion.store import store_article
from timeline.models import (
    Actor,
    Article,
    Country,
    Event,
    EventActor,
    EventCountry,
    FacetCount,
    Status,
)
from timeline.query import facet_counts, facets
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db

VALUES = ["2019", "2020-W10", "2021-03", "2021-Q2", "2022-12-31", "201X", "202X"]
RANGES = [
    (None, None),
    (date(2021, 1, 1), date(2021, 12, 31)),
    (date(2021, 3, 15), date(2022, 2, 3)),
    (date(2020, 3, 4), date(2020, 3, 9)),
    (None, date(2021, 4, 30)),
    (date(2021, 5, 2), None),
    (date(2019, 12, 31), date(2023, 1, 1)),
    (date(2030, 1, 1), None),
]


@pytest.fixture(autouse=True)
def _no_cache(settings):
    """The pre-aggregated counts, not the facet cache, answer every test."""
    settings.NEWSLINE_FACET_CACHE_SECONDS = 0
    cache.clear()


@pytest.fixture
def user():
    return get_user_model().objects.create_user("ed", password="x", is_staff=True)


@pytest.fixture
def data():
    rng = random.Random(5)
    people = [Actor.objects.create(name=f"P{i}", kind="person") for i in range(6)]
    orgs = [Actor.objects.create(name=f"O{i}", kind="organization") for i in range(3)]
    codes = ["RU", "UA", "US", "FR"]
    events = []
    for i in range(60):
        if i % 3:
            value = date(2019, 1, 1).fromordinal(
                date(2019, 1, 1).toordinal() + rng.randrange(4 * 365)
            )
            value = value.isoformat()
        else:
            value = rng.choice(VALUES)
        events.append(
            make_dated_event(
                value=value,
                kind=rng.choice(["vote", "call", "meeting", "attack"]),
                actors=rng.sample(people, rng.randint(0, 3)) + rng.sample(orgs, 1),
                countries=rng.sample(codes, rng.randint(0, 2)),
                status=Status.REJECTED if i % 11 == 0 else Status.EXTRACTED,
            )
        )
    return {"people": people, "orgs": orgs, "events": events}


def brute(facet: str, start: date | None, end: date | None) -> dict[str, int]:
    events = Event.objects.exclude(status=Status.REJECTED)
    if start:
        events = events.filter(end__gte=start)
    if end:
        events = events.filter(start__lte=end)
    if facet == "a":
        qs = EventActor.objects.filter(event__in=events).values_list("actor_id")
    elif facet == "c":
        qs = EventCountry.objects.filter(event__in=events).values_list("country_id")
    elif facet == "k":
        qs = events.values_list("kind")
    else:
        return {"": events.count()} if events.exists() else {}
    return {str(k): n for k, n in qs.annotate(n=Count("*")).order_by()}


def rows() -> set[tuple]:
    """Every count row (not the data version, which every write changes)."""
    counts = FacetCount.objects.exclude(facet="g")
    return set(counts.values_list("level", "period", "facet", "key", "n"))


def brute_value(
    facet: str, value: int, kinds: tuple[str, ...], start: date | None, end: date | None
) -> tuple[list[tuple[date, str, int]], tuple[date, date] | None]:
    """value_months counted from the events themselves."""
    events = Event.objects.exclude(status=Status.REJECTED)
    if facet == "a":
        events = events.filter(actors__id=value)
    else:
        events = events.filter(countries__id=value)
    if kinds:
        events = events.filter(kind__in=kinds)
    if start:
        events = events.filter(end__gte=start)
    if end:
        events = events.filter(start__lte=end)
    counts: dict[tuple[date, str], int] = {}
    for d, kind in events.values_list("start", "kind"):
        key = (d.replace(day=1), kind)
        counts[key] = counts.get(key, 0) + 1
    starts = list(events.values_list("start", flat=True))
    span = (min(starts), max(starts)) if starts else None
    return sorted((m, k, n) for (m, k), n in counts.items()), span


def assert_exact() -> None:
    """The rows equal a rebuild, and every range equals a brute-force count,
    in total and for each person, organisation and country."""
    incremental = rows()
    facet_counts.rebuild()
    assert incremental == rows()
    values = [("a", a) for a in Actor.objects.values_list("id", flat=True)] + [
        ("c", c) for c in EventCountry.objects.values_list("country_id", flat=True)
    ]
    for facet, value in sorted(set(values)):
        # A value's all-time total (facets._shared_sets compares them).
        months, _ = brute_value(facet, value, (), None, None)
        total = sum(n for _, _, n in months)
        expected = {value: total} if total else {}
        assert facet_counts.value_totals(facet, [value]) == expected, (facet, value)
    for start, end in RANGES:
        for facet in "ackt":
            assert facet_counts.range_counts(facet, start, end) == brute(
                facet, start, end
            ), (facet, start, end)
        for facet, value in sorted(set(values)):
            for kinds in ((), ("vote",), ("call", "attack")):
                found = facet_counts.value_months(
                    facet, value, kinds=kinds, start=start, end=end
                )
                assert found == brute_value(facet, value, kinds, start, end), (
                    facet,
                    value,
                    kinds,
                    start,
                    end,
                )


def test_it_counts_every_range_exactly(data):
    facet_counts.rebuild()
    assert facet_counts.ready()
    assert_exact()


def test_it_counts_a_ranges_extra_links_from_the_index_on_postgresql(data):
    """The events a range's whole months leave out (those starting in a
    partial month, or before the range and still reaching it) have their
    people and countries counted from the link tables' (event, value)
    index, probed with an array of their ids on PostgreSQL (an IN subquery
    there hashed them against every link); exactly what a brute force
    counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    facet_counts.rebuild()
    start, end = date(2021, 3, 15), date(2022, 2, 3)
    with facet_counts.reading():
        assert facet_counts._extra_rows(start, end)
        for facet in "ac":
            with CaptureQueriesContext(connection) as ctx:
                counts = facet_counts.range_counts(facet, start, end)
            assert counts == brute(facet, start, end)
            probed = [q for q in ctx.captured_queries if "= ANY(ARRAY(" in q["sql"]]
            assert len(probed) == (connection.vendor == "postgresql")


def test_it_gives_the_page_the_same_summary_as_counting_the_links(data):
    one_value = [
        {"actors": (data["people"][0].id,)},
        {"organizations": (data["orgs"][1].id,)},
        {"countries": ("UA",)},
        {"countries": ("ZZ",)},  # unknown: nothing matches
    ]
    filters = (
        [TimelineFilters(start=s, end=e) for s, e in RANGES]
        + [
            TimelineFilters(kinds=("vote",), end=date(2021, 6, 30)),
            TimelineFilters(countries=("UA",), start=date(2021, 1, 1)),
        ]
        # One person's, organisation's or country's events (the per-value
        # rollups, once built), with kinds and ranges, partial months too.
        + [
            TimelineFilters(**value, kinds=kinds, start=s, end=e)
            for value in one_value
            for kinds in ((), ("vote", "call"))
            for s, e in RANGES
        ]
    )
    by_links = [facets.compute_summary(f) for f in filters]  # not built yet
    assert not facet_counts.ready()
    facet_counts.rebuild()
    assert [facets.compute_summary(f) for f in filters] == by_links


def test_it_keeps_counts_when_an_admin_rejects_corrects_and_merges(data, user):
    facet_counts.rebuild()
    events = [e for e in data["events"] if e.status != Status.REJECTED]
    reject_events(events=events[:3], user=user)
    assert_exact()
    verify_events(events=[data["events"][0]], user=user)  # was rejected
    assert_exact()
    correct_event(
        event=events[4],
        user=user,
        changes={
            "value": "2018-07-04",
            "kind": "attack",
            "actors": [data["people"][5]],
            "countries": [Country.objects.get(code="DE")],
        },
    )
    assert_exact()
    correct_event(event=events[5], user=user, changes={"status": Status.REJECTED})
    assert_exact()
    merge_events(target=events[6], others=events[7:9], user=user)
    assert_exact()
    merge_actors(target=data["people"][0], others=data["people"][1:3], user=user)
    assert_exact()
    create_manual_event(
        user=user,
        fields={"value": "2021-05", "title": "By hand", "actors": data["orgs"][:2]},
    )
    assert_exact()


def test_it_keeps_counts_when_ingestion_adds_merges_and_deletes(db):
    facet_counts.rebuild()  # an empty database, built
    store_article(
        item=article_input(title="one"),
        extraction=extraction(event(actors=("Antonio Guterres",))),
    )
    assert_exact()
    assert facet_counts.range_counts("t", None, None) == {"": 1}
    store_article(
        item=article_input(VOTE_2, title="two"),
        extraction=extraction(
            event(VOTE_2, value="2025-02", start=date(2025, 2, 1), precision="month")
        ),
    )
    assert_exact()
    store_article(
        item=article_input(VOTE_1 + " Later.", title="three"),
        extraction=extraction(
            event(
                value="2024-W10",
                start=date(2024, 3, 4),
                end=date(2024, 3, 10),
                precision="week",
                kind="attack",
                countries=("FR",),
            )
        ),
    )
    assert_exact()
    delete_articles(articles=Article.objects.filter(title="three"))
    assert_exact()
    assert (
        facet_counts.range_counts("c", None, None).get(
            str(Country.objects.get(code="FR").pk)
        )
        is None
    )


def test_it_does_nothing_until_built(data, user):
    reject_events(events=data["events"][1:2], user=user)
    assert not FacetCount.objects.exclude(facet="g").exists()  # only the version
    assert not facet_counts.ready()


def test_it_answers_in_few_queries_whatever_the_data(
    data, django_assert_max_num_queries
):
    facet_counts.rebuild()
    for filters in (
        TimelineFilters(),
        TimelineFilters(start=date(2021, 3, 15), end=date(2022, 2, 3)),
    ):
        with django_assert_max_num_queries(16):
            facets.compute_summary(filters)
