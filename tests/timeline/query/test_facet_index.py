"""The in-memory facet index (timeline.query.facet_index): the same events and
counts as the SQL it stands in for, and never out of date."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.timeline.factories import make_dated_event, make_titled_article
from timeline.domain.corrections import reject_events
from timeline.models import Actor, Event, Kind, Status
from timeline.query import facet_counts, facet_index, facets
from timeline.query.facet_counts import data_stamp
from timeline.query.filters import TimelineFilters
from timeline.web.views import timeline_events

pytestmark = pytest.mark.django_db

CODES = ["RU", "UA", "US", "FR"]
WORDS = ["Kyiv", "Moscow", "summit", "ceasefire"]
DATES = [None, date(2019, 6, 1), date(2020, 3, 4), date(2021, 1, 1), date(2022, 12, 31)]


@pytest.fixture(autouse=True)
def _no_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def data(db):
    rng = random.Random(3)
    people = [Actor.objects.create(name=f"P{i}", kind="person") for i in range(5)]
    orgs = [Actor.objects.create(name=f"O{i}", kind="organization") for i in range(3)]
    article = make_titled_article("Text of the report.")
    statuses = [Status.EXTRACTED] * 6 + [Status.VERIFIED, Status.REJECTED]
    for i in range(50):
        day = date.fromordinal(date(2019, 1, 1).toordinal() + rng.randrange(4 * 365))
        value = rng.choice(
            [day.isoformat(), day.strftime("%Y-%m"), str(day.year), "201X"]
        )
        word = rng.choice(WORDS)
        make_dated_event(
            value=value,
            title=f"Officials met in {word}" if i % 2 else f"Talks {i}",
            kind=rng.choice(Kind.values),
            actors=rng.sample(people, rng.randint(0, 3)) + rng.sample(orgs, i % 2),
            countries=rng.sample(CODES, rng.randint(0, 2)),
            status=rng.choice(statuses),
            # Half the text matches are only in the evidence sentence.
            article=article if i % 3 == 0 else None,
            sentence=f"They gathered in {rng.choice(WORDS)} on Monday.",
            expression="on Monday",
        )
    return {
        "people": [a.id for a in people],
        "orgs": [a.id for a in orgs],
    }


def filters_strategy(data) -> st.SearchStrategy[TimelineFilters]:
    def subset(values, most=2):
        return st.lists(st.sampled_from(values), max_size=most, unique=True).map(tuple)

    return st.builds(
        TimelineFilters,
        actors=subset(data["people"] + data["orgs"][:1] + [999_999]),
        organizations=subset(data["orgs"], 1),
        countries=subset(CODES + ["ZZ"]),
        kinds=subset(list(Kind.values)),
        statuses=subset(list(Status.values)),
        start=st.sampled_from(DATES),
        end=st.sampled_from(DATES),
        q=st.sampled_from(["", "Kyiv", "mos", "met in", "a", "nowhere"]),
        order=st.sampled_from(["newest", "oldest"]),
    ).filter(lambda f: not (f.start and f.end and f.start > f.end))


def sql_summary(filters: TimelineFilters) -> facets.Summary:
    with facet_counts.reading():
        return facets._compute_summary(filters)


def sql_page(filters: TimelineFilters, after: tuple | None, n: int) -> list[int]:
    qs = timeline_events(filters)
    if after is not None:
        if filters.order == "newest":
            rows = [e for e in qs if (e.start, e.id) < after]
        else:
            rows = [e for e in qs if (e.start, e.id) > after]
        return [e.id for e in rows[:n]]
    return list(qs.values_list("id", flat=True)[:n])


def test_it_counts_what_sql_counts(data):
    index = facet_index.FacetIndex("test")

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(filters_strategy(data))
    def check(filters):
        assert facets.summary_from_index(index, filters) == sql_summary(filters)

    check()


def test_it_pages_like_sql(data):
    index = facet_index.FacetIndex("test")
    events = list(Event.objects.order_by("start", "id"))
    ids = [e.id for e in events]
    # Cursors at events, and at (day, id) keys no event has (a cursor
    # handed out before its event was deleted or re-dated).
    keys = st.one_of(
        st.none(),
        st.sampled_from(events).map(lambda e: (e.start, e.id)),
        st.tuples(
            st.sampled_from([d for d in DATES if d] + [e.start for e in events[:5]]),
            st.integers(min(ids) - 1, max(ids) + 1),
        ),
    )

    @settings(
        max_examples=100,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(filters_strategy(data), keys)
    def check(filters, after):
        assert index.page(filters, after=after, limit=7) == sql_page(filters, after, 7)

    check()


def test_it_serves_the_same_page_as_sql(client, data, settings):
    people, orgs = data["people"], data["orgs"]
    urls = [
        "/",
        f"/?actor={people[0]}",
        f"/?org={orgs[0]}&country=UA",
        "/?kind=vote&kind=call&order=oldest",
        "/?start=2020-01-01&end=2020-12-31",
        "/?q=Kyiv",
        f"/?actor={people[1]}&q=met&start=2019-06-01",
    ]

    def page(url: str) -> bytes:  # without the per-request CSRF token
        return re.sub(rb"[A-Za-z0-9]{64}", b"TOKEN", client.get(url).content)

    on = [page(url) for url in urls]
    assert facet_index._holder.index is not None  # the index was used
    settings.NEWSLINE_FACET_INDEX = False
    cache.clear()
    off = [page(url) for url in urls]
    assert on == off
    assert b"Officials met in" in on[0]


def test_it_sees_a_write_through_the_services(data, monkeypatch):
    monkeypatch.setattr(facet_index, "REBUILD_DUTY", 0)
    user = get_user_model().objects.create_user("ed", is_staff=True)
    first = facet_index.current(data_stamp())
    total = facets.summary_from_index(first, TimelineFilters()).total
    version = facet_counts.data_version()
    event = Event.objects.exclude(status=Status.REJECTED).first()
    reject_events(events=[event], user=user)
    assert facet_counts.data_version() != version
    second = facet_index.current(data_stamp())
    assert second is not first
    assert facets.summary_from_index(second, TimelineFilters()).total == total - 1


def test_it_sees_rows_written_around_the_services(data, monkeypatch):
    monkeypatch.setattr(facet_index, "REBUILD_DUTY", 0)
    first = facet_index.current(data_stamp())
    make_dated_event(value="2030-01-01", title="Later")
    second = facet_index.current(data_stamp())
    assert second is not first
    assert facets.summary_from_index(second, TimelineFilters(q="Later")).total == 1


def test_it_counts_in_sql_until_a_rebuild_is_due(client, data, monkeypatch):
    monkeypatch.setattr(facet_index, "REBUILD_DUTY", 10**6)
    assert facet_index.current(data_stamp()) is not None
    make_dated_event(value="2030-01-01", title="Later", kind="vote")
    assert facet_index.current(data_stamp()) is None  # rebuilt too recently
    html = client.get("/?q=Later").content.decode()
    assert "Later" in html and ">1 event<" in html
    # The page still counted the new event, in SQL.
    summary = facets.timeline_summary(TimelineFilters(kinds=("vote",)))
    assert summary == sql_summary(TimelineFilters(kinds=("vote",)))


def test_it_does_not_wait_for_another_thread_building(data):
    with facet_index._holder.lock:
        assert facet_index.current(data_stamp()) is None
    assert facet_index.current(data_stamp()) is not None


def test_it_is_not_built_when_turned_off(client, data, settings):
    settings.NEWSLINE_FACET_INDEX = False
    assert client.get("/").status_code == 200
    assert facet_index.current(data_stamp()) is None
    assert facet_index._holder.index is None


def test_it_changes_the_data_version_on_rebuild(data):
    before = facet_counts.data_version()
    facet_counts.rebuild()
    assert facet_counts.data_version() not in (0, before)


def test_it_holds_every_event_and_link(data):
    index = facet_index.FacetIndex("test")
    assert sorted(index.ids.tolist()) == sorted(
        Event.objects.values_list("id", flat=True)
    )
    assert list(index.start) == sorted(index.start.tolist())
    assert index.nbytes > 0


def test_it_answers_the_api_as_sql_does(client, data, settings):
    people = data["people"]
    urls = [
        "/api/events/?limit=7",
        f"/api/events/?actor={people[0]}&limit=3",
        "/api/events/?kind=vote&kind=call&order=oldest&limit=4",
        "/api/events/?q=Kyiv&start=2020-01-01&limit=5",
    ]

    def pages(url: str) -> list[dict]:
        out = []
        while url and len(out) < 20:
            body = client.get(url).json()
            out.append(body)
            url = body["next"]
        return out

    on = [pages(url) for url in urls]
    assert facet_index._holder.index is not None  # the index was used
    settings.NEWSLINE_FACET_INDEX = False
    off = [pages(url) for url in urls]
    assert on == off
    assert (
        sum(len(p["results"]) for p in on[0])
        == Event.objects.exclude(status=Status.REJECTED).count()
    )
