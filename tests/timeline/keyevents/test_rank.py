"""The key-events model on small hand-made inputs: each signal, the
"undated-within-range never crowds out dated" rule, the explanations."""

import math
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from timeline.keyevents.rank import (
    SUMMARY_COEFFICIENTS,
    SUMMARY_TRAINING,
    EventInput,
    Evidence,
    Request,
    Source,
    _Candidate,
    _select,
    _Vectors,
    _Vocabulary,
    centroid,
    cosine,
    default_dates,
    rank,
    summary_candidates,
    tfidf,
)

D1, D2, D3 = date(2010, 4, 20), date(2010, 5, 2), date(2010, 6, 16)
_ids = iter(range(1, 10_000))


def sources(day: date, n: int, *, sentence: str = "", lag: int = 1, first_article=0):
    # By default a sentence of its own (no two events say the same thing).
    text = sentence or " ".join(f"{chr(97 + j)}{first_article}" for j in range(10))
    return tuple(
        Source(first_article + i, day + timedelta(days=lag), text) for i in range(n)
    )


def ev(day: date, n: int = 1, *, precision="day", end=None, **kw) -> EventInput:
    kw.setdefault("sources", sources(day, n, first_article=next(_ids) * 100))
    return EventInput(
        id=next(_ids),
        start=day,
        end=end or day,
        precision=precision,
        **kw,
    )


NO_EVIDENCE = Evidence(n_articles=100)


def days(key_dates):
    return [k.date for k in key_dates]


def test_it_picks_the_days_whose_events_more_articles_report():
    events = [ev(D1, 9), ev(D2, 1), ev(D3, 4)]

    assert days(rank(events, NO_EVIDENCE, Request(dates=2))) == [D1, D3]


def test_it_counts_an_article_once_however_often_it_reports_the_event():
    same_article = tuple(
        Source(7, D2, f"The vote {i} passed on {D2}.") for i in range(6)
    )
    events = [ev(D1, 2), ev(D2, sources=same_article)]

    (key,) = rank(events, NO_EVIDENCE, Request(dates=1))

    assert key.date == D1
    assert key.events[0].reports == 2


def test_articles_referring_to_a_day_make_it_key_even_with_fewer_reports():
    events = [ev(D1, 3), ev(D2, 2)]
    referred = Evidence(
        n_articles=100,
        references={D2: [D2 + timedelta(days=i) for i in range(30)], D1: [D1]},
    )

    assert days(rank(events, referred, Request(dates=1))) == [D2]
    assert days(rank(events, NO_EVIDENCE, Request(dates=1))) == [D1]


def test_a_day_still_referred_to_weeks_later_beats_one_referred_to_only_at_once():
    events = [ev(D1, 1), ev(D2, 1)]
    evidence = Evidence(
        n_articles=100,
        references={
            D1: [D1] * 10,  # ten articles the same day
            D2: [D2 + timedelta(days=30 + i) for i in range(10)],  # a month on
        },
    )

    (key,) = rank(events, evidence, Request(dates=1))

    assert key.date == D2
    assert (key.references, key.lasting_references) == (10, 10)


def test_references_to_the_week_and_month_are_weaker_evidence_for_the_day():
    events = [ev(D1, 1), ev(D2, 1)]
    monday = D2 - timedelta(days=D2.weekday())
    week_only = Evidence(n_articles=100, week_references={monday: [D2] * 40})
    day_refs = Evidence(
        n_articles=100,
        references={D1: [D1] * 2},
        week_references=week_only.week_references,
    )

    assert days(rank(events, week_only, Request(dates=1))) == [D2]
    assert days(rank(events, day_refs, Request(dates=1))) == [D1]


def test_within_a_day_more_sources_rank_first_and_at_most_per_date_are_kept():
    a = ev(
        D1,
        1,
        sources=sources(
            D1, 1, sentence="The rig exploded in the Gulf of Mexico killing workers."
        ),
    )
    b = ev(
        D1,
        5,
        sources=sources(
            D1,
            5,
            sentence="BP said the oil well was leaking crude into the sea.",
            first_article=500,
        ),
    )
    c = ev(
        D1,
        3,
        sources=sources(
            D1,
            3,
            sentence="Coast guard ships searched for eleven missing crew members.",
            first_article=900,
        ),
    )

    (key,) = rank([a, b, c], NO_EVIDENCE, Request(dates=1, per_date=2))

    assert [e.event_id for e in key.events] == [b.id, c.id]


def test_events_reported_later_and_as_they_happened_rank_higher():
    at_once_and_later = ev(
        D1,
        sources=(
            Source(
                1, D1, "The rig exploded in the Gulf of Mexico, killing eleven men."
            ),
            Source(
                2, D1 + timedelta(days=40), "The April rig explosion killed eleven men."
            ),
        ),
    )
    only_at_once = ev(
        D1,
        sources=(
            Source(
                3,
                D1,
                "Shares in the drilling company fell sharply in New York trading.",
            ),
            Source(
                4,
                D1 + timedelta(days=1),
                "Shares in the drilling contractor dropped on the news.",
            ),
        ),
    )
    (key,) = rank([only_at_once, at_once_and_later], NO_EVIDENCE, Request(dates=1))

    assert key.events[0].event_id == at_once_and_later.id
    assert (key.events[0].lasting, key.events[0].early) == (1, True)


def test_statements_and_unlikely_modalities_weigh_less():
    said = ev(
        D1,
        3,
        kind="statement",
        sources=sources(
            D1,
            3,
            sentence="The minister said the response had been adequate and well run.",
        ),
    )
    done = ev(
        D1,
        3,
        kind="vote",
        sources=sources(
            D1,
            3,
            sentence="The senate voted to raise the liability cap for oil companies.",
            first_article=50,
        ),
    )
    maybe = ev(
        D1,
        3,
        kind="vote",
        modality="possible",
        sources=sources(
            D1,
            3,
            sentence="Congress could vote to ban deepwater drilling in the coming months.",
            first_article=80,
        ),
    )

    (key,) = rank([said, maybe, done], NO_EVIDENCE, Request(dates=1, per_date=3))

    assert [e.event_id for e in key.events] == [done.id, said.id, maybe.id]


def test_events_of_prominent_actors_rank_higher():
    # "BP" acts in many events of the set, "Acme" in one.
    others = [ev(D2 + timedelta(days=i), 1, actors=("BP",)) for i in range(5)]
    bp = ev(
        D1,
        2,
        actors=("BP",),
        sources=sources(
            D1, 2, sentence="BP began drilling a relief well to stop the leaking oil."
        ),
    )
    acme = ev(
        D1,
        2,
        actors=("Acme",),
        sources=sources(
            D1,
            2,
            sentence="Acme signed a contract to supply booms along the coastline.",
            first_article=70,
        ),
    )

    key = next(
        k
        for k in rank([acme, bp, *others], NO_EVIDENCE, Request(dates=6))
        if k.date == D1
    )

    assert [e.event_id for e in key.events] == [bp.id, acme.id]


def test_an_event_dated_only_by_its_year_never_crowds_out_dated_ones():
    year_event = ev(date(2010, 1, 1), 50, precision="year", end=date(2010, 12, 31))
    month_event = ev(
        date(2010, 4, 1),
        precision="month",
        end=date(2010, 4, 30),
        sources=sources(D1, 50, sentence="Oil prices rose through April."),
    )
    dated = ev(D1, 1)
    evidence = Evidence(n_articles=100, references={date(2010, 1, 1): [D1] * 50})

    day_view = rank(
        [year_event, month_event, dated],
        evidence,
        Request(start=date(2010, 4, 1), end=date(2010, 4, 30), dates=3),
    )
    month_view = rank(
        [year_event, month_event, dated], evidence, Request(unit="month", dates=3)
    )

    assert days(day_view) == [D1]
    assert [e.event_id for e in day_view[0].events] == [dated.id]
    assert days(month_view) == [date(2010, 4, 1)]
    assert {e.event_id for e in month_view[0].events} == {month_event.id, dated.id}


def test_it_keeps_to_the_range_and_answers_in_date_order():
    events = [ev(D3, 9), ev(D1, 5), ev(D2, 7)]

    assert days(rank(events, NO_EVIDENCE, Request(dates=5))) == [D1, D2, D3]
    assert days(rank(events, NO_EVIDENCE, Request(start=D2, end=D3, dates=5))) == [
        D2,
        D3,
    ]


def test_month_and_year_units_group_the_days():
    events = [ev(D1, 2), ev(D1 + timedelta(days=3), 2), ev(D2, 1), ev(D3, 1)]

    months = rank(events, NO_EVIDENCE, Request(unit="month", dates=1))
    years = rank(events, NO_EVIDENCE, Request(unit="year"))

    assert days(months) == [date(2010, 4, 1)]
    assert months[0].reports == 4
    assert days(years) == [date(2010, 1, 1)]


def test_defaults_one_date_per_ten_events_at_most_fifty_three_events_a_date():
    assert (default_dates(3), default_dates(95), default_dates(2000)) == (1, 10, 50)
    events = [ev(D1 + timedelta(days=i % 30), 1) for i in range(200)]

    key_dates = rank(events, NO_EVIDENCE)

    assert len(key_dates) == 20
    assert max(len(k.events) for k in key_dates) == 3


def test_the_same_statement_twice_is_not_two_of_the_days_events():
    text = "The Senate passed the climate bill by 60 votes to 40 on Thursday."
    a = ev(D1, 4, sources=sources(D1, 4, sentence=text))
    b = ev(
        D1,
        3,
        sources=sources(
            D1,
            3,
            sentence="On Thursday the Senate passed the climate bill, 60 votes to 40.",
            first_article=40,
        ),
    )
    c = ev(
        D1,
        1,
        sources=sources(
            D1,
            1,
            sentence="Protesters gathered outside the oil company's London headquarters.",
            first_article=80,
        ),
    )

    (key,) = rank([a, b, c], NO_EVIDENCE, Request(dates=1, per_date=2))

    assert [e.event_id for e in key.events] == [a.id, c.id]


def test_the_first_source_is_the_clearest_statement_of_the_event():
    other = ev(
        D1,
        sources=sources(
            D1,
            2,
            sentence="Crews fought the fire on the oil rig for two days.",
        ),
    )
    target = ev(
        D1,
        sources=(
            Source(1, D1 + timedelta(days=1), "Share this | Reply"),
            Source(
                2,
                D1 + timedelta(days=1),
                "The oil rig exploded in the Gulf of Mexico on Tuesday night.",
            ),
            Source(
                3,
                D1 + timedelta(days=1),
                "It was, as one resident who has lived on the coast for more than "
                "sixty years and seen many storms come and go put it to reporters "
                "gathered at the harbour on a grey and windy afternoon, a very bad "
                "day for everyone who lives here.",
            ),
            Source(4, D1 + timedelta(days=1), "Visitors to the town stayed away."),
        ),
    )

    (key,) = rank([other, target], NO_EVIDENCE, Request(dates=1, per_date=2))

    chosen = {e.event_id: e.first_source.article_id for e in key.events}
    assert chosen[target.id] == 2


def test_each_result_says_why_with_its_numbers():
    events = [
        ev(
            D1,
            sources=(
                Source(
                    1, D1, "The rig exploded in the Gulf of Mexico, killing eleven men."
                ),
                Source(
                    2, D1 + timedelta(days=10), "The April 20 explosion killed eleven."
                ),
                Source(3, D1 + timedelta(days=1), "The rig exploded and sank."),
            ),
        )
    ]
    evidence = Evidence(
        n_articles=396, references={D1: [D1, D1, D1 + timedelta(days=9)]}
    )

    (key,) = rank(events, evidence, Request(dates=1))

    assert key.explain() == (
        "the day is referred to by 3 articles (1 a week or more later); "
        "its events are reported by 3"
    )
    assert key.events[0].explain() == (
        "reported by 3 of 396 articles, 1 of them a week or more later, "
        "first as it happened"
    )


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"unit": "week"}, "unit must be one of day, month, year"),
        ({"dates": 0}, "dates must be at least 1"),
        ({"per_date": 0}, "per_date must be at least 1"),
        ({"start": D2, "end": D1}, "is after end"),
    ],
)
def test_bad_requests_are_refused_with_the_reason(kw, message):
    with pytest.raises(ValueError, match=message):
        Request(**kw)


def test_a_month_lasts_from_its_last_day_on():
    events = [ev(D1, 1)]
    evidence = Evidence(
        n_articles=10,
        references={
            D1: [date(2010, 5, 3)] * 4 + [date(2010, 6, 1)] * 2,  # 3 and 32 days on
        },
        month_references={date(2010, 4, 1): [date(2010, 5, 20)]},
    )

    (key,) = rank(events, evidence, Request(unit="month"))

    assert (key.date, key.references, key.lasting_references) == (
        date(2010, 4, 1),
        7,
        3,
    )
    assert key.explain().startswith("the month is referred to by 7 articles (3 ")


def test_rare_words_weigh_more_and_the_same_sentence_is_closest():
    vocab = _Vocabulary(
        collection=Counter({"rig": 9, "oil": 9, "sealed": 1}), n_articles=10
    )

    v = tfidf(frozenset({"rig", "oil", "sealed"}), vocab)

    assert v["sealed"] > v["rig"] == v["oil"]
    assert cosine(v, v) == pytest.approx(1.0)
    assert cosine(v, tfidf(frozenset({"vote"}), vocab)) == 0.0
    assert cosine(v, centroid([v, v])) == pytest.approx(1.0)
    assert centroid([]) == {}


def test_the_first_source_is_the_sentence_closest_to_what_the_day_says():
    # Two reports of one event say it in other words, each in words one
    # other article uses (so the story uses both alike); the day's other
    # event is told in the words of the first, a later day's in those of the
    # second: the day's centroid decides.
    on_day = "Engineers capped the leaking well on Thursday."
    other = "Officials praised the careful crews on Thursday."
    event = ev(D1, sources=(Source(1, D1, other), Source(2, D1, on_day)))
    same_day = ev(D1, sources=(Source(3, D1, "Engineers capped the leaking well."),))
    later = ev(D2, sources=(Source(4, D2, "Officials praised the careful crews."),))

    key_dates = rank(
        [event, same_day, later], NO_EVIDENCE, Request(dates=2, per_date=1)
    )

    (key,) = [k for k in key_dates if k.date == D1]
    assert [(e.event_id, e.first_source.sentence) for e in key.events] == [
        (event.id, on_day)
    ]


def _candidate(sentence: str, value: float) -> _Candidate:
    event = ev(D1, sources=(Source(1, D1, sentence),))
    return _Candidate(event, event.sources[0], value, value, 1, 0, True)


def test_a_days_next_event_is_one_that_says_something_new():
    vocab = _Vocabulary(collection=Counter(), n_articles=10)
    first = _candidate(
        "The rig exploded in the Gulf of Mexico overnight, killing workers.", 1.0
    )
    again = _candidate(
        "Rescuers searched the Gulf of Mexico for workers from the rig.", 0.8
    )
    new = _candidate("Shares in the company fell sharply in London trading.", 0.7)

    chosen = _select([first, again, new], _Vectors(vocab), 2)

    # `again` is worth more alone, but much of it is what `first` said
    assert chosen == [first, new]
    assert _select([first, again], _Vectors(vocab), 2) == [first, again]


def test_a_syndicated_copy_counts_once():
    copies = ev(
        D1,
        sources=(
            Source(1, D1, "The rig exploded."),
            Source(2, D1, "The rig exploded.", origin=1),
            Source(3, D1, "The rig exploded.", origin=1),
        ),
    )
    (key,) = rank([copies], NO_EVIDENCE, Request(dates=1))
    assert key.events[0].reports == 1 and key.reports == 1


def test_an_articles_lead_is_preferred_as_the_days_summary(monkeypatch):
    # Two reports of one event, alike in every other way (length, words used
    # by one article each, one day): the later one leads its article (the
    # first sentence stating an event), the earlier one is further down.
    aside = "Engineers finally capped the leaking well near Venice."
    lead = "Crews sealed the ruptured pipe off Louisiana yesterday."
    event = ev(
        D1,
        sources=(
            Source(1, D1, aside),
            Source(2, D1 + timedelta(days=1), lead, lead=True),
        ),
    )

    def first_source():
        (key,) = rank([event], NO_EVIDENCE, Request(dates=1, per_date=1))
        return key.events[0].first_source.sentence

    assert first_source() == lead
    monkeypatch.setattr("timeline.keyevents.rank.W_LEAD", 0.0)
    assert first_source() == aside  # without the rule: the earliest report


def _values(events, coefficients, monkeypatch):
    monkeypatch.setattr("timeline.keyevents.rank.SUMMARY_COEFFICIENTS", coefficients)
    (candidates,) = summary_candidates(
        events, NO_EVIDENCE, Request(dates=1, per_date=3)
    ).values()
    return {c.source.sentence: c.value for c in candidates}


def test_the_learned_value_is_the_product_to_the_fitted_power(monkeypatch):
    # The shipped coefficients (bench/keyevents_learn.py) put the product
    # of the hand-set factors to a power: what it orders first stays first.
    power = SUMMARY_COEFFICIENTS["product"]
    events = [
        ev(D1, 3, sources=sources(D1, 3, sentence="The rig exploded in the Gulf.")),
        ev(D1, sources=(Source(9, D1, "Crews fought the fire all night long."),)),
    ]

    learned = _values(events, {"product": power}, monkeypatch)
    product = _values(events, {}, monkeypatch)

    assert learned == {s: pytest.approx(v**power) for s, v in product.items()}


def test_the_story_centroid_is_weighed_again_on_top_of_the_product(monkeypatch):
    # Branch key14: the shipped value is the product to its power times
    # exp(W * cosine with the story centroid), W from the module (2).
    w = SUMMARY_COEFFICIENTS["story_centroid"]
    power = SUMMARY_COEFFICIENTS["product"]
    gulf = "BP said oil from the Gulf well reached the coast of Louisiana."
    events = [
        ev(D1, 3, sources=sources(D1, 3, sentence=gulf)),
        ev(D1, sources=(Source(9, D1, "Crews fought the fire all night long."),)),
        ev(D2, 2, sources=sources(D2, 2, sentence="BP oil reached the Gulf coast.")),
    ]
    monkeypatch.setattr("timeline.keyevents.rank.SUMMARY_COEFFICIENTS", {})
    req = Request(dates=2, per_date=3)
    cands = summary_candidates(events, NO_EVIDENCE, req)[D1]
    story = {c.source.sentence: c.features["story_centroid"] for c in cands}
    product = {c.source.sentence: c.value for c in cands}
    monkeypatch.setattr(
        "timeline.keyevents.rank.SUMMARY_COEFFICIENTS",
        {"product": power, "story_centroid": w},
    )
    learned = {
        c.source.sentence: c.value
        for c in summary_candidates(events, NO_EVIDENCE, req)[D1]
    }

    assert w > 0 and story[gulf] > story["Crews fought the fire all night long."]
    assert learned == {
        s: pytest.approx(v**power * math.exp(w * story[s])) for s, v in product.items()
    }


def test_the_heaviest_coefficient_decides_the_days_summary(monkeypatch):
    # Two reports of one event, alike in every way but the heaviest feature
    # (the product: here the later report leads its article); with that
    # coefficient at 0 every candidate is worth the same and the earliest
    # report is chosen.
    heaviest = "product"
    aside = "Engineers finally capped the leaking well near Venice."
    lead = "Crews sealed the ruptured pipe off Louisiana yesterday."
    event = ev(
        D1,
        sources=(
            Source(1, D1, aside),
            Source(2, D1 + timedelta(days=1), lead, lead=True),
        ),
    )

    def first_source(coefficients):
        monkeypatch.setattr(
            "timeline.keyevents.rank.SUMMARY_COEFFICIENTS", coefficients
        )
        (key,) = rank([event], NO_EVIDENCE, Request(dates=1, per_date=1))
        return key.events[0].first_source.sentence

    assert first_source(SUMMARY_COEFFICIENTS) == lead
    only = {heaviest: SUMMARY_COEFFICIENTS[heaviest]}
    assert first_source(only) == lead
    assert first_source({heaviest: 0.0}) == aside


def test_the_learned_power_lets_a_days_next_event_say_something_new(monkeypatch):
    # Worth half the best alone, a sentence saying something new beats one
    # worth nine tenths that repeats much of the best's words; under the
    # product (MMR's redundancy weighed against value / best) it does not.
    vocab = _Vocabulary(collection=Counter(), n_articles=10)
    power = SUMMARY_COEFFICIENTS["product"]
    best, again, new = (
        "The rig exploded in the Gulf of Mexico overnight, killing workers.",
        "Rescuers searched the Gulf of Mexico for workers from the rig.",
        "Shares in the company fell sharply in London trading.",
    )

    def second(exponent):
        worth = ((best, 1.0), (again, 0.9), (new, 0.5))
        cands = [_candidate(s, v**exponent) for s, v in worth]
        return _select(cands, _Vectors(vocab), 2)[1].source.sentence

    assert second(1.0) == again
    assert second(power) == new


def test_the_coefficients_are_finite_features_with_their_training_command():
    event = ev(D1, sources=(Source(1, D1, "The rig exploded in the Gulf."),))
    (candidates,) = summary_candidates([event], NO_EVIDENCE, Request(dates=1)).values()
    names = set(candidates[0].features)

    assert SUMMARY_COEFFICIENTS and set(SUMMARY_COEFFICIENTS) <= names
    assert all(math.isfinite(w) for w in SUMMARY_COEFFICIENTS.values())
    command = SUMMARY_TRAINING.split()
    assert command[:2] == [".venv/bin/python", "bench/keyevents_learn.py"]
    assert (Path(__file__).resolve().parents[3] / command[1]).is_file()
