"""The facets and the density chart (timeline.query.facets.compute_summary)
count what a brute-force pass over every event counts, for random filter
combinations, from the link tables and from the FacetCount rollups alike."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.timeline.factories import make_dated_event, make_titled_article
from timeline.models import Actor, Event, Kind, Status
from timeline.query import facet_counts, facets
from timeline.query.filters import TimelineFilters

pytestmark = pytest.mark.django_db

CODES = ["RU", "UA", "US", "FR"]
WORDS = ["Kyiv", "Moscow", "summit", "ceasefire"]
DATES = [None, date(2019, 6, 1), date(2020, 3, 4), date(2021, 1, 1), date(2022, 12, 31)]


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
        make_dated_event(
            value=value,
            title=f"Officials met in {rng.choice(WORDS)}" if i % 2 else f"Talks {i}",
            kind=rng.choice(Kind.values),
            actors=rng.sample(people, rng.randint(0, 3)) + rng.sample(orgs, i % 2),
            countries=rng.sample(CODES, rng.randint(0, 2)),
            status=rng.choice(statuses),
            # Half the text matches are only in the evidence sentence.
            article=article if i % 3 == 0 else None,
            sentence=f"They gathered in {rng.choice(WORDS)} on Monday.",
            expression="on Monday",
        )
    return {"people": [a.id for a in people], "orgs": [a.id for a in orgs]}


def filters_strategy(data) -> st.SearchStrategy[TimelineFilters]:
    def subset(values, most=2):
        return st.lists(st.sampled_from(values), max_size=most, unique=True).map(tuple)

    # PostgreSQL searches words with stemming, not substrings: the brute
    # force below only knows substrings.
    texts = ["", "Kyiv", "mos", "met in", "a", "nowhere"]
    if connection.vendor != "sqlite":
        texts = [""]
    return st.builds(
        TimelineFilters,
        actors=subset(data["people"] + data["orgs"][:1] + [999_999]),
        organizations=subset(data["orgs"], 1),
        countries=subset(CODES + ["ZZ"]),
        kinds=subset(list(Kind.values)),
        statuses=subset(list(Status.values)),
        start=st.sampled_from(DATES),
        end=st.sampled_from(DATES),
        q=st.sampled_from(texts),
    ).filter(lambda f: not (f.start and f.end and f.start > f.end))


class Brute:
    """Every event with its links, matched in Python."""

    def __init__(self) -> None:
        self.events = list(
            Event.objects.prefetch_related("actors", "countries", "mentions")
        )

    @staticmethod
    def matches(e: Event, f: TimelineFilters, skip: str = "") -> bool:
        actor_ids = {a.id for a in e.actors.all()}
        q = f.q.lower()
        return (
            (e.status in f.statuses if f.statuses else e.status != Status.REJECTED)
            and (not f.actors or skip == "actor" or actor_ids & set(f.actors))
            and (
                not f.organizations or skip == "org" or actor_ids & set(f.organizations)
            )
            and (
                not f.countries
                or skip == "country"
                or {c.code for c in e.countries.all()} & set(f.countries)
            )
            and (not f.kinds or skip == "kind" or e.kind in f.kinds)
            and (not f.start or e.end >= f.start)
            and (not f.end or e.start <= f.end)
            and (
                not q
                or q in e.title.lower()
                or any(q in m.sentence.lower() for m in e.mentions.all())
            )
        )

    def counts(self, f: TimelineFilters, skip: str, key) -> Counter:
        out: Counter = Counter()
        for e in self.events:
            if self.matches(e, f, skip):
                out.update(key(e))
        return out


def facet_counts_of(values) -> dict[str, int]:
    return {v.key: v.count for v in values if v.count}


@pytest.mark.parametrize("rollups", [False, True], ids=["links", "rollups"])
def test_it_counts_what_a_brute_force_pass_counts(data, rollups):
    if rollups:
        facet_counts.rebuild()  # unfiltered and date-only counts from FacetCount
    brute = Brute()

    def people(kind):
        return lambda e: [str(a.id) for a in e.actors.all() if a.kind == kind]

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(filters_strategy(data))
    def check(f):
        summary = facets.compute_summary(f)
        assert facet_counts_of(summary.people) == dict(
            brute.counts(f, "actor", people("person"))
        )
        assert facet_counts_of(summary.organisations) == dict(
            brute.counts(f, "org", people("organization"))
        )
        assert facet_counts_of(summary.countries) == dict(
            brute.counts(f, "country", lambda e: [c.code for c in e.countries.all()])
        )
        assert facet_counts_of(summary.kinds) == dict(
            brute.counts(f, "kind", lambda e: [e.kind])
        )
        starts = [e.start for e in brute.events if brute.matches(e, f)]
        assert summary.total == len(starts)
        bars = summary.density.bars
        for bar in bars:
            first = bar is bars[0]
            assert bar.count == sum(
                1 for d in starts if (first or d >= bar.start) and d <= bar.end
            )

    check()


def test_it_estimates_the_link_counts_of_a_large_set_from_a_sample(
    data, monkeypatch, client
):
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 10)
    monkeypatch.setattr(facets, "SAMPLE_SIZE", 5)
    brute = Brute()
    f = TimelineFilters(kinds=(Kind.STATEMENT, Kind.MEETING, Kind.OTHER, Kind.VOTE))
    matching = [e for e in brute.events if brute.matches(e, f)]
    assert len(matching) > 10
    k = len(matching) // 5
    sampled: Counter = Counter()
    for e in matching:
        if e.id % k == 0:
            sampled.update(c.code for c in e.countries.all())
    summary = facets.compute_summary(f)
    assert facet_counts_of(summary.countries) == {c: k * n for c, n in sampled.items()}
    assert all(not v.exact for v in summary.countries + summary.people)
    # The kinds (counted without the kind filter) and the chart stay exact.
    assert summary.total == len(matching)
    assert facet_counts_of(summary.kinds) == dict(
        brute.counts(f, "kind", lambda e: [e.kind])
    )
    assert all(v.exact for v in summary.kinds)
    html = client.get("/?" + "&".join(f"kind={k}" for k in f.kinds)).content.decode()
    assert "≈</abbr>" in html
    assert "≈" not in client.get("/?q=Kyiv").content.decode()
