from datetime import date

from django.http import QueryDict

from timeline.query.filters import TimelineFilters


def parse(query: str, **kw) -> TimelineFilters:
    return TimelineFilters.from_query(QueryDict(query), **kw)


def test_it_reads_every_facet():
    f = parse(
        "actor=3&actor=4&org=7&country=ru&kind=vote&start=2025-01-01"
        "&end=2025-02-28&q=summit&order=oldest"
    )
    assert f.actors == (3, 4)
    assert f.organizations == (7,)
    assert f.countries == ("RU",)
    assert f.kinds == ("vote",)
    assert (f.start, f.end) == (date(2025, 1, 1), date(2025, 2, 28))
    assert f.q == "summit"
    assert f.order == "oldest"
    assert f.notes == ()


def test_it_ignores_ids_that_are_not_ascii_digits():
    f = parse("actor=%C2%B2&actor=5&org=%D9%A3")  # "²", Arabic-Indic 3
    assert f.actors == (5,)
    assert f.organizations == ()
    assert len(f.notes) == 2


def test_it_notes_bad_dates_and_swaps_reversed_ranges():
    assert parse("start=notadate").start is None
    assert "not a date" in parse("start=notadate").notes[0]
    f = parse("start=2025-03-01&end=2025-01-01")
    assert (f.start, f.end) == (date(2025, 1, 1), date(2025, 3, 1))


def test_it_only_lets_staff_filter_by_status():
    assert parse("status=rejected").statuses == ()
    assert parse("status=rejected", allow_status=True).statuses == ("rejected",)


def test_it_round_trips_through_the_query_string():
    f = parse("actor=3&country=UA&kind=call&start=2025-02-01&q=phone&order=oldest")
    again = parse("&".join(f"{k}={v}" for k, v in f.to_query()))
    assert again == f
