from datetime import date

from timeline.extraction.types import Timex
from timeline.keyevents.references import referenced_days


def timex(value: str, type_: str = "DATE") -> Timex:
    return Timex(start=0, end=1, text="x", type=type_, value=value)


def test_days_times_weeks_and_months_are_references_at_their_precision():
    found = referenced_days(
        [
            timex("2010-04-20"),
            timex("2010-04-20T22:00", "TIME"),  # a time counts as its day
            timex("2010-W17"),
            timex("2010-05"),
        ]
    )

    assert found == {
        ("day", date(2010, 4, 20)),
        ("week", date(2010, 4, 26)),
        ("month", date(2010, 5, 1)),
    }


def test_coarse_vague_and_non_dates_say_nothing_about_a_day():
    found = referenced_days(
        [
            timex("2010-Q2"),
            timex("2010"),
            timex("201X"),
            timex("2010-SU"),  # a season: three months
            timex("PRESENT_REF"),
            timex("P3D", "DURATION"),
            timex("2010-02-30"),  # no such day
            timex("XXXX-04-20"),
        ]
    )

    assert found == set()
