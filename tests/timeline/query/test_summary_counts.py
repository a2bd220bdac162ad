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
from timeline.models import SAMPLE_BUCKETS, Actor, Event, Kind, Status
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


def _linked(kind):
    return lambda e: [str(a.id) for a in e.actors.all() if a.kind == kind]


def assert_facets_match(summary, brute, f) -> None:
    """The summary's four facets count what the brute-force pass counts."""
    assert facet_counts_of(summary.people) == dict(
        brute.counts(f, "actor", _linked("person"))
    )
    assert facet_counts_of(summary.organisations) == dict(
        brute.counts(f, "org", _linked("organization"))
    )
    assert facet_counts_of(summary.countries) == dict(
        brute.counts(f, "country", lambda e: [c.code for c in e.countries.all()])
    )
    assert facet_counts_of(summary.kinds) == dict(
        brute.counts(f, "kind", lambda e: [e.kind])
    )


@pytest.mark.parametrize("rollups", [False, True], ids=["links", "rollups"])
def test_it_counts_what_a_brute_force_pass_counts(data, rollups):
    if rollups:
        facet_counts.rebuild()  # unfiltered and date-only counts from FacetCount
    brute = Brute()

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(filters_strategy(data))
    def check(f):
        summary = facets.compute_summary(f)
        assert_facets_match(summary, brute, f)
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


def put_in_sample(every: int) -> None:
    """Every `every`-th event (by id) in the sample (Event.sample 0), the
    others never in it (the last bucket)."""
    for pk in Event.objects.values_list("pk", flat=True):
        sample = 0 if pk % every == 0 else SAMPLE_BUCKETS - 1
        Event.objects.filter(pk=pk).update(sample=sample)


@pytest.fixture
def estimating(data, settings):
    """Thresholds lowered so that the 50 events are a large table and a
    set of more than 8 events a large set."""
    settings.NEWSLINE_SAMPLE_ROWS = 5
    settings.NEWSLINE_ESTIMATE_ABOVE = 8
    settings.NEWSLINE_FACET_CACHE_SECONDS = 0
    put_in_sample(3)
    return data


def test_it_samples_only_a_table_of_several_samples(data, settings):
    size = Event.objects.order_by("-id").values_list("id", flat=True)[0]
    settings.NEWSLINE_SAMPLE_ROWS = size // facets.SAMPLE_WORTH + 1
    assert facets.estimate_share() == SAMPLE_BUCKETS  # every event: exact
    settings.NEWSLINE_SAMPLE_ROWS = 5
    assert facets.estimate_share() == max(1, SAMPLE_BUCKETS * 5 // size)
    settings.NEWSLINE_ESTIMATE_ABOVE = 8
    assert facets.is_large(9) and not facets.is_large(8)


def test_it_estimates_every_count_of_a_large_set_from_the_sample(estimating):
    brute = Brute()
    share = facets.estimate_share()
    assert share < SAMPLE_BUCKETS

    def scaled(n: int) -> int:
        return round(n * SAMPLE_BUCKETS / share)

    f = TimelineFilters(kinds=(Kind.STATEMENT, Kind.MEETING, Kind.OTHER, Kind.VOTE))
    sampled = [e for e in brute.events if brute.matches(e, f) and e.pk % 3 == 0]
    assert scaled(len(sampled)) > 8
    summary = facets.compute_summary(f)
    assert summary.total == sum(b.count for b in summary.density.bars)
    by_month = Counter(e.start.replace(day=1) for e in sampled)
    assert summary.total == sum(scaled(n) for n in by_month.values())
    assert not summary.exact and not summary.density.exact
    # Kinds count every visible event but the kind filter: sampled too.
    visible = [e for e in brute.events if e.status != Status.REJECTED]
    kinds = Counter(e.kind for e in visible if e.pk % 3 == 0)
    assert facet_counts_of(summary.kinds) == {k: scaled(n) for k, n in kinds.items()}
    countries = Counter(c.code for e in sampled for c in e.countries.all())
    assert facet_counts_of(summary.countries) == {
        c: scaled(n) for c, n in countries.items()
    }
    values = summary.kinds + summary.countries + summary.people
    assert values and all(not v.exact for v in values)


def test_it_counts_a_small_set_exactly_when_it_samples(estimating):
    rare = Actor.objects.create(name="Rarely Seen", kind="person")
    event = make_dated_event(value="2020-05-01", title="A rare meeting", actors=[rare])
    Event.objects.filter(pk=event.pk).update(sample=SAMPLE_BUCKETS - 1)
    summary = facets.compute_summary(TimelineFilters(actors=(rare.id,)))
    assert summary.total == 1 and summary.exact and summary.density.exact
    # The people are counted over every event (their own filter left out):
    # a large set, estimated.
    assert summary.people[0].label == "Rarely Seen"
    assert all(not v.exact for v in summary.people)
    # Its kinds count the events of that person, whatever their kind.
    assert facet_counts_of(summary.kinds) == {"meeting": 1}
    assert all(v.exact for v in summary.kinds)


def test_it_marks_the_estimates_on_the_page(estimating, client):
    html = client.get("/?kind=statement&kind=meeting&kind=other").content.decode()
    count = html.split('id="result-count">', 1)[1].split("</span>", 1)[0]
    assert count.startswith("<abbr") and "≈</abbr>" in count
    assert "Estimated events per" in html
    kinds = html.split('id="facet-kind"', 1)[1].split("</fieldset>", 1)[0]
    assert kinds.count("≈</abbr>") == len(Kind)
    rare = Actor.objects.create(name="Rarely Seen", kind="person")
    event = make_dated_event(value="2020-05-01", title="A rare meeting", actors=[rare])
    Event.objects.filter(pk=event.pk).update(sample=SAMPLE_BUCKETS - 1)
    html = client.get(f"/?actor={rare.id}").content.decode()
    count = html.split('id="result-count">', 1)[1].split("</span>", 1)[0]
    assert count == "1 event"
    kinds = html.split('id="facet-kind"', 1)[1].split("</fieldset>", 1)[0]
    assert "≈" not in kinds and "Estimated events per" not in html


def test_it_estimates_a_set_of_chosen_links_from_the_sample(estimating):
    """People and countries chosen: the sampled events are tested for them
    one by one (timeline.query.facets._linked_to)."""
    brute = Brute()
    share = facets.estimate_share()
    people = estimating["people"]
    f = TimelineFilters(actors=(people[0], people[1]), countries=("RU", "UA", "US"))
    sampled = [e for e in brute.events if brute.matches(e, f) and e.pk % 3 == 0]
    months = Counter(e.start.replace(day=1) for e in sampled)
    expected = sum(round(n * SAMPLE_BUCKETS / share) for n in months.values())
    assert expected > 8
    summary = facets.compute_summary(f)
    assert summary.total == expected and not summary.exact
    # The kinds count the same links without the kind filter: the same set.
    kinds = Counter(e.kind for e in sampled)
    assert facet_counts_of(summary.kinds) == {
        k: round(n * SAMPLE_BUCKETS / share) for k, n in kinds.items()
    }
    unknown = facets.compute_summary(f.replace(countries=("ZZ",)))
    assert unknown.total == 0


def test_it_estimates_a_text_search_on_a_smaller_sample(estimating, monkeypatch):
    """A text's sets are sampled more thinly (each sampled event's title and
    mentions are searched one by one)."""
    from timeline.query import filters as filters_module

    monkeypatch.setattr(filters_module, "TRIGRAM_COMMON", 1)  # the per-event test
    brute = Brute()
    share = max(1, facets.estimate_share() // facets.TEXT_SHARE)
    f = TimelineFilters(q="Kyiv")
    sampled = [e for e in brute.events if brute.matches(e, f) and e.pk % 3 == 0]
    assert sampled
    months = Counter(e.start.replace(day=1) for e in sampled)
    summary = facets.compute_summary(f)
    assert not summary.exact
    assert summary.total == sum(
        round(n * SAMPLE_BUCKETS / share) for n in months.values()
    )


@pytest.mark.parametrize("sampled", [False, True], ids=["exact", "sampled"])
def test_it_counts_one_values_events_from_its_rollups(
    data, monkeypatch, settings, sampled
):
    """One person, organisation or country: the total, kinds and chart
    exactly from the per-value rollups, even where the table is sampled;
    its link counts from every k-th of its events, or from the sample
    where the table is sampled (estimated either way)."""
    facet_counts.rebuild()
    if sampled:
        settings.NEWSLINE_SAMPLE_ROWS = 5  # a sampled table: 50 events
        settings.NEWSLINE_ESTIMATE_ABOVE = 8
        put_in_sample(3)
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 6)
    monkeypatch.setattr(facets, "SAMPLE_SIZE", 3)
    brute = Brute()
    estimated = expected = 0
    for f in (
        TimelineFilters(organizations=(data["orgs"][0],)),
        TimelineFilters(countries=("RU",)),
        TimelineFilters(actors=(data["people"][1],)),
    ):
        matching = [e for e in brute.events if brute.matches(e, f)]
        assert len(matching) > 6, f  # large: its links are sampled
        summary = facets.compute_summary(f)
        assert summary.total == len(matching) and summary.exact
        assert summary.density.exact
        assert sum(b.count for b in summary.density.bars) == len(matching)
        assert facet_counts_of(summary.kinds) == dict(
            brute.counts(f, "kind", lambda e: [e.kind])
        )
        assert all(v.exact for v in summary.kinds)
        if f.actors:
            continue  # the people are every event's (a rollup), not sampled
        people = summary.people
        assert all(not v.exact for v in people)
        k = len(matching) // 3
        sampled_people: Counter = Counter()
        for e in matching:
            if (e.pk % 3 == 0) if sampled else (e.id % k == 0):
                sampled_people.update(
                    str(a.id) for a in e.actors.all() if a.kind == "person"
                )
        share = facets.estimate_share()
        assert facet_counts_of(people) == {
            a: round(n * SAMPLE_BUCKETS / share) if sampled else n * k
            for a, n in sampled_people.items()
        }
        estimated += len(people)
        expected += len(sampled_people)
    # Which events are read depends on their ids (a database's sequences are
    # not reset between tests): on PostgreSQL, late in a run, the k-th events
    # may hold no person at all. The counts above are compared either way.
    assert estimated == expected


@pytest.mark.parametrize("rollups", [False, True], ids=["links", "rollups"])
def test_it_reads_the_sets_sharing_a_link_range_once(data, rollups):
    """Person, country, kind and range chosen: the people are counted over
    the set without the person, the countries without the country, the
    kinds without the kind, the chart over all four. The three sets with
    the smaller link range (by the rollups; without them the person's) are
    read from one set of its events in the range (a kind test and a probe
    for the other link on its rows), so the statement reads events for two
    sets, not four, and counts what the brute force counts."""
    from django.test.utils import CaptureQueriesContext

    if rollups:
        facet_counts.rebuild()
    brute = Brute()
    # An event with a person and a country in the range: the set is not empty.
    e = next(
        e
        for e in brute.events
        if e.status != Status.REJECTED
        and e.start >= date(2019, 6, 1)
        and [a for a in e.actors.all() if a.kind == "person"]
        and e.countries.all()
    )
    f = TimelineFilters(
        actors=(next(a.id for a in e.actors.all() if a.kind == "person"),),
        countries=(e.countries.all()[0].code,),
        kinds=(e.kind,),
        start=date(2019, 6, 1),
        end=date(2022, 12, 31),
    )
    sets = [f.replace(actors=()), f, f.replace(countries=()), f.replace(kinds=())]
    with facet_counts.reading():
        bases, derived = facets._shared_sets(sets)
    assert len(bases) == 1 and len(derived) == 3
    # The base is read from the smaller link range (ties: the person's).
    visible = Event.objects.exclude(status=Status.REJECTED)
    by_person = visible.filter(actors__in=f.actors).count() if rollups else 0
    by_country = visible.filter(countries__code__in=f.countries).count()
    assert bases == [
        f.replace(countries=(), kinds=())
        if by_person <= by_country
        else f.replace(actors=(), kinds=())
    ]
    with CaptureQueriesContext(connection) as ctx:
        summary = facets.compute_summary(f)
    (statement,) = [
        q["sql"] for q in ctx.captured_queries if "MATERIALIZED" in q["sql"]
    ]
    # One SELECT of event rows per set read from the events; with the
    # rollups none on SQLite: the sets are one value's events in the range,
    # read from its links (test_it_reads_a_date_ranges_sets_from_the_links_alone).
    from_links = rollups and connection.vendor == "sqlite"
    assert statement.count('"timeline_event"."kind" AS "kind"') == (
        0 if from_links else 2
    )

    assert_facets_match(summary, brute, f)
    starts = [e.start for e in brute.events if brute.matches(e, f)]
    assert summary.total == len(starts) > 0
    assert sum(b.count for b in summary.density.bars) == len(starts)


def test_it_probes_a_sampled_sets_one_value_link_on_postgresql(estimating, monkeypatch):
    """Person, country, kind and range chosen, the sets estimated from the
    sample: the sets read from a shared base of sampled events test each of
    its rows for their other one-value link, an EXISTS per row, on
    PostgreSQL (a join there hashed the value's every link: a frequent
    country's 17,792 at 100,000 events, for 162 sampled rows); SQLite
    keeps its join (a probe per row already). Same counts either way."""
    from django.test.utils import CaptureQueriesContext

    people = Counter(
        a.id
        for e in Brute().events
        for a in e.actors.all()
        if a.kind == "person" and e.status != Status.REJECTED
    )
    f = TimelineFilters(
        actors=(people.most_common(1)[0][0],),
        countries=("RU",),
        kinds=(Kind.STATEMENT, Kind.MEETING, Kind.VOTE, Kind.CALL),
        start=date(2019, 6, 1),
        end=date(2022, 12, 31),
    )
    with CaptureQueriesContext(connection) as ctx:
        summary = facets.compute_summary(f)
    (sampled,) = [
        q["sql"]
        for q in ctx.captured_queries
        if "MATERIALIZED" in q["sql"] and '"timeline_event"."sample" <' in q["sql"]
    ]
    assert " AS MATERIALIZED (SELECT b0.ev_id" in sampled  # a derived set
    assert (" j0 ON " in sampled) == (connection.vendor == "sqlite")
    monkeypatch.setattr(facets, "_probes_only", lambda share: False)
    with CaptureQueriesContext(connection) as ctx:
        joined = facets.compute_summary(f)
    assert any(" j0 ON " in q["sql"] for q in ctx.captured_queries)
    assert summary == joined


def test_it_reads_a_large_value_and_kind_set_from_every_kth_link(data, monkeypatch):
    """Person, country and kinds chosen: the people are counted over the
    country's events of those kinds. That set is one value's (of some
    kinds), so its size is known from the rollups; when it is large, only
    the events of the country's links whose event id is a multiple of k are
    read (k as ever: size // SAMPLE_SIZE), and its people are counted from
    them, scaled and marked, as from the whole set's every k-th event. The
    kinds, total and chart stay exact."""
    import re

    from django.test.utils import CaptureQueriesContext

    facet_counts.rebuild()
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 4)
    monkeypatch.setattr(facets, "SAMPLE_SIZE", 2)
    brute = Brute()
    kinds = tuple(Kind.values[:-2])
    f = TimelineFilters(actors=(data["people"][0],), countries=("RU",), kinds=kinds)
    people_set = f.replace(actors=())
    matching = [e for e in brute.events if brute.matches(e, people_set)]
    assert len(matching) > 4  # large
    k = len(matching) // 2
    with facet_counts.reading():
        plan = facets._kth_plan(people_set, {"a": "people"})
        # A set asked for more than link counts is read whole.
        assert facets._kth_plan(people_set, {"a": "people", "k": "kinds"}) is None
    assert (plan.size, plan.k) == (len(matching), k)
    sampled: Counter = Counter()
    for e in matching:
        if e.id % k == 0:
            sampled.update(str(a.id) for a in e.actors.all() if a.kind == "person")
    with CaptureQueriesContext(connection) as ctx:
        summary = facets.compute_summary(f)
    (statement,) = [
        q["sql"] for q in ctx.captured_queries if "MATERIALIZED" in q["sql"]
    ]
    # The country's links are cut to every k-th event before any event row.
    assert re.search(rf'"event_id" % {k}\) = 0', statement)
    assert facet_counts_of(summary.people) == {a: n * k for a, n in sampled.items()}
    assert summary.people and all(not v.exact for v in summary.people)
    assert facet_counts_of(summary.kinds) == dict(
        brute.counts(f, "kind", lambda e: [e.kind])
    )
    assert all(v.exact for v in summary.kinds)
    assert summary.total == sum(1 for e in brute.events if brute.matches(e, f))


@pytest.mark.parametrize("rollups", [False, True], ids=["links", "rollups"])
def test_it_reads_one_values_sets_from_its_links_alone(data, rollups):
    """Person, country and kind chosen, no dates: every set the facets
    count is one value's events of some kinds, or two values' intersected.
    They are read from the links alone (their copies of the events' kind
    and start, on the (value, kind, event, start) indexes), the two
    values' ranges by INTERSECT, and count what the brute force counts."""
    from django.test.utils import CaptureQueriesContext

    if rollups:
        facet_counts.rebuild()
    brute = Brute()
    e = next(
        e
        for e in brute.events
        if e.status != Status.REJECTED
        and [a for a in e.actors.all() if a.kind == "person"]
        and e.countries.all()
    )
    f = TimelineFilters(
        actors=(next(a.id for a in e.actors.all() if a.kind == "person"),),
        countries=(e.countries.all()[0].code,),
        kinds=(e.kind,),
    )
    with CaptureQueriesContext(connection) as ctx:
        summary = facets.compute_summary(f)
    (statement,) = [
        q["sql"] for q in ctx.captured_queries if "MATERIALIZED" in q["sql"]
    ]
    assert "INTERSECT" in statement
    # No set is read from the event rows (only the rejected ones' ids).
    assert '"timeline_event"."kind"' not in statement

    assert_facets_match(summary, brute, f)
    starts = [e.start for e in brute.events if brute.matches(e, f)]
    assert summary.total == len(starts) > 0
    assert sum(b.count for b in summary.density.bars) == len(starts)


def test_it_reads_a_date_ranges_sets_from_the_links_alone(data):
    """Person, country, kind and a date range chosen (rollups built): each
    set is one value's events of some kinds overlapping the range, or two
    values' intersected. They are read from the links alone: the links'
    copy of the start in the range, and the few events that start before
    it and still reach it by id (from the rollups' longest spans); the
    counts are the brute force's, for any person, country, kind and range."""
    from django.test.utils import CaptureQueriesContext

    facet_counts.rebuild()
    brute = Brute()
    # Events starting before a range and reaching into it: "201X" and years.
    assert any(e.start < date(2020, 3, 4) <= e.end for e in brute.events)
    people = st.sampled_from(data["people"] + data["orgs"][:1])
    ranges = st.tuples(st.sampled_from(DATES), st.sampled_from(DATES)).filter(
        lambda r: (r[0] or r[1]) and not (r[0] and r[1] and r[0] > r[1])
    )

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        people,
        st.sampled_from(CODES),
        st.lists(st.sampled_from(list(Kind.values)), min_size=1, max_size=2),
        ranges,
    )
    def check(person, code, kinds, dates):
        f = TimelineFilters(
            actors=(person,),
            countries=(code,),
            kinds=tuple(sorted(set(kinds))),
            start=dates[0],
            end=dates[1],
        )
        with CaptureQueriesContext(connection) as ctx:
            summary = facets.compute_summary(f)
        statements = [
            q["sql"] for q in ctx.captured_queries if "MATERIALIZED" in q["sql"]
        ]
        (statement,) = statements
        if connection.vendor == "sqlite":  # PostgreSQL reads ranges from events
            assert "INTERSECT" in statement
            # No set is read from the event rows (only the rejected ones' ids).
            assert '"timeline_event"."kind"' not in statement
        assert_facets_match(summary, brute, f)
        starts = [e.start for e in brute.events if brute.matches(e, f)]
        assert summary.total == len(starts)
        assert sum(b.count for b in summary.density.bars) == len(starts)

    check()
