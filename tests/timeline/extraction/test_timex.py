"""The temporal tagger on real sentences parsed by the real spaCy model.

One test per normalisation rule: each sentence goes through get_nlp() and
tag_timexes(), and the test checks the expression found, its TIMEX3 type
and its ISO-TimeML value.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import needs_shared
from timeline.extraction.nlp import get_nlp
from timeline.extraction.temporal.tagger import tag_timexes
from timeline.extraction.types import Timex
from timeline.extraction.values import value_range

from .realtext import article

DCT = date(2025, 2, 24)  # a Monday: the seed article's publication date
# The seed article, shipped in samples/ (the same text as ../shared/samples).
SEED = Path(__file__).resolve().parents[3] / "samples" / "ukraine-2025-02-24.txt"


def tag(text: str, dct: date = DCT) -> list[Timex]:
    return tag_timexes(get_nlp()(text), dct)


def found(text: str, dct: date = DCT) -> dict[str, tuple[str, str]]:
    """{expression text: (type, value)} for every timex in text."""
    return {t.text: (t.type, t.value) for t in tag(text, dct)}


# --- weekdays and tense ---------------------------------------------------


def test_it_reads_a_weekday_in_a_past_sentence_as_the_last_one() -> None:
    wednesday = date(2025, 2, 26)
    assert found("Putin said on Monday that talks had stalled.", wednesday) == {
        "Monday": ("DATE", "2025-02-24")
    }


def test_it_reads_a_weekday_in_a_future_sentence_as_the_next_one() -> None:
    wednesday = date(2025, 2, 26)
    assert found("Macron will visit Kyiv on Monday.", wednesday) == {
        "Monday": ("DATE", "2025-03-03")
    }


def test_it_reads_the_dct_weekday_in_a_past_sentence_as_the_dct() -> None:
    assert found("“We are going to do it,” said Trump on Monday.") == {
        "Monday": ("DATE", "2025-02-24")
    }


def test_it_treats_planned_and_scheduled_as_future() -> None:
    wednesday = date(2025, 2, 26)
    got = found("The ministers are scheduled to meet on Friday.", wednesday)
    assert got == {"Friday": ("DATE", "2025-02-28")}
    got = found("The ministers plan to meet on Tuesday.", wednesday)
    assert got == {"Tuesday": ("DATE", "2025-03-04")}


def test_a_bare_verb_or_gerund_takes_the_tense_of_the_verb_above() -> None:
    # bpoil_guardian/2010-06-15/15 (a Tuesday): "punch", parsed as a bare verb
    # under "will seek", is future; TimeBank AP900815-0044: "withdrawing"
    # completes "will begin"
    got = found(
        "He will seek the same killer punch against Tony Hayward on Thursday, "
        "when BP's CEO appears before a panel of the House energy and commerce "
        "committee.",
        date(2010, 6, 15),
    )
    assert got == {"Thursday": ("DATE", "2010-06-17")}
    got = found(
        "Saddam said he will begin withdrawing troops from Iranian territory on "
        "Friday and release Iranian prisoners of war.",
        date(1990, 8, 15),
    )
    assert got == {"Friday": ("DATE", "1990-08-17")}


def test_a_planned_things_weekday_is_the_nearest_one() -> None:
    # TimeBank APW20000107.0318 (a Friday) and bpoil_reuters/2010-06-05/1192
    # (a Saturday): what was planned for a weekday lies ahead
    got = found(
        "Protesters planned a large demonstration in Little Havana on Saturday "
        "and were planning to drive around Miami International Airport on Monday.",
        date(2000, 1, 7),
    )
    assert got == {
        "Saturday": ("DATE", "2000-01-08"),
        "Monday": ("DATE", "2000-01-10"),
    }
    got = found(
        "Protesters planned an anti-BP rally for Sunday at a BP gas station in "
        "downtown Pensacola.",
        date(2010, 6, 5),
    )
    assert got == {"Sunday": ("DATE", "2010-06-06")}
    # a past act stays past: "he canceled plans to brief reporters"
    got = found("On Tuesday, he canceled plans to brief reporters.", date(2008, 9, 18))
    assert got == {"Tuesday": ("DATE", "2008-09-16")}


def test_it_reads_last_and_next_weekday_relative_to_dct() -> None:
    wednesday = date(2025, 2, 26)
    got = found("They met last Friday and meet again next Friday.", wednesday)
    assert got == {
        "last Friday": ("DATE", "2025-02-21"),
        "next Friday": ("DATE", "2025-02-28"),
    }


def test_it_keeps_late_with_a_weekday() -> None:
    friday = date(2025, 2, 21)
    assert found("The vote was held late Friday.", friday) == {
        "late Friday": ("DATE", "2025-02-21")
    }


def test_it_keeps_the_part_of_a_named_day_as_a_time() -> None:
    friday = date(2025, 2, 21)
    got = found("He was killed Thursday evening and buried Wednesday night.", friday)
    assert got == {
        "Thursday evening": ("TIME", "2025-02-20TEV"),
        "Wednesday night": ("TIME", "2025-02-19TNI"),
    }
    assert found("The blast hit the embassy Friday morning.", date(2025, 2, 22)) == {
        "Friday morning": ("TIME", "2025-02-21TMO")
    }


def test_it_puts_a_deadline_in_the_past_under_a_past_perfect() -> None:
    thursday = date(1990, 8, 16)
    got = found(
        "Only two of the members had filed compliance reports by Wednesday.", thursday
    )
    assert got == {"Wednesday": ("DATE", "1990-08-15")}
    assert found("The reports are due by Wednesday.", thursday) == {
        "Wednesday": ("DATE", "1990-08-22")
    }
    monday = date(1989, 10, 30)
    assert found("The offer had been due to expire Friday evening.", monday) == {
        "Friday evening": ("TIME", "1989-10-27TEV")
    }


def test_it_reads_a_modal_perfect_as_past() -> None:
    friday = date(1989, 10, 27)
    got = found(
        "Concern about the chip may have been responsible for a drop in "
        "Compaq's stock on Wednesday.",
        friday,
    )
    assert got == {"Wednesday": ("DATE", "1989-10-25")}
    assert found("The talks might have collapsed on Tuesday.", friday) == {
        "Tuesday": ("DATE", "1989-10-24")
    }
    # a plain "may" still looks ahead
    assert found("The talks may collapse on Tuesday.", friday) == {
        "Tuesday": ("DATE", "1989-10-31")
    }


def test_it_reads_would_under_a_past_reporting_verb_as_future() -> None:
    wednesday = date(2000, 4, 5)
    got = found(
        "Officials said the father would be traveling to the United States "
        "Thursday with his wife.",
        wednesday,
    )
    assert got == {"Thursday": ("DATE", "2000-04-06")}
    # a conditional "would" with no reporting verb gives no tense: the last one
    assert found("The deal would close on Thursday if approved.", wednesday) == {
        "Thursday": ("DATE", "2000-03-30")
    }


def test_it_reads_an_infinitive_subject_by_the_main_verb() -> None:
    saturday = date(1999, 3, 13)
    got = found(
        "Among the first three former Warsaw Pact countries to accede to NATO on "
        "Friday were also Poland and the Czech Republic.",
        saturday,
    )
    assert got == {"Friday": ("DATE", "1999-03-12")}


def test_it_finds_a_weekday_glued_to_the_next_word() -> None:
    got = found("Zelenskyy met 13 Western leaders in Kyiv MondayWhere they gathered.")
    assert got == {"Monday": ("DATE", "2025-02-24")}


def test_it_reads_until_before_a_weekday_as_future() -> None:
    wednesday = date(2025, 2, 26)
    assert found("The offer was extended until Friday.", wednesday) == {
        "Friday": ("DATE", "2025-02-28")
    }


# --- deictic days and times ------------------------------------------------


def test_it_resolves_today_yesterday_and_tomorrow() -> None:
    got = found("Prices fell yesterday, rose today and may fall tomorrow.")
    assert got == {
        "yesterday": ("DATE", "2025-02-23"),
        "today": ("DATE", "2025-02-24"),
        "tomorrow": ("DATE", "2025-02-25"),
    }


def test_it_types_parts_of_day_as_time() -> None:
    assert found("The talks ended last night.") == {
        "last night": ("TIME", "2025-02-23TNI")
    }
    assert found("The minister spoke this morning.") == {
        "this morning": ("TIME", "2025-02-24TMO")
    }


def test_it_reads_clock_times_on_the_dct_and_marks_utc() -> None:
    got = found("The aircraft took off at 18:00 UTC and landed at 7:15 p.m.")
    assert got == {
        "18:00 UTC": ("TIME", "2025-02-24T18:00Z"),
        "7:15 p.m.": ("TIME", "2025-02-24T19:15"),
    }


def test_it_reads_that_year_against_a_year_written_in_the_sentence() -> None:
    got = found(
        "Imports totaled about $37.3 million in 1988, a small share of the $1.5 "
        "billion in U.S. watch imports that year.",
        date(1989, 11, 2),
    )
    assert got == {"1988": ("DATE", "1988"), "that year": ("DATE", "1988")}
    got = found("Apple released the iPod in 2001 and the following year Mac OS X.")
    assert got["the following year"] == ("DATE", "2002")


def test_it_reads_the_day_before_a_weekday() -> None:
    got = found(
        "The day before last Tuesday's federal court hearing, Manuel went home.",
        date(2000, 2, 24),
    )
    assert got == {"The day before last Tuesday": ("DATE", "2000-02-21")}


def test_it_reads_the_day_as_the_last_day_the_report_named() -> None:
    saturday = date(2009, 4, 4)
    got = found(
        "US stocks rose on Friday despite a report released on the same day. "
        "The Dow posted a modest gain, ending the day at 8,017.",
        saturday,
    )
    assert got == {
        "Friday": ("DATE", "2009-04-03"),
        "the same day": ("DATE", "2009-04-03"),
        "the day": ("DATE", "2009-04-03"),
    }
    # with no day named, the dct's
    assert found("The Dow gained, ending the day at 8,017.", saturday) == {
        "the day": ("DATE", "2009-04-04")
    }


def test_it_gives_a_clock_time_the_day_its_sentence_names() -> None:
    saturday = date(1998, 8, 8)
    got = found(
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a "
        "building.",
        saturday,
    )
    assert got["at about 10:35 a.m."] == ("TIME", "1998-08-07T10:35")
    got = found(
        "The 787 made its first test flight Tuesday in Everett at 18:00 UTC.",
        date(2009, 12, 16),
    )
    assert got["18:00 UTC"] == ("TIME", "2009-12-15T18:00Z")
    # with no day in the sentence, the dct's
    assert found("The plane landed at 6:40 p.m.", saturday) == {
        "6:40 p.m.": ("TIME", "1998-08-08T18:40")
    }


def test_it_resolves_the_next_day_against_a_date_in_the_sentence() -> None:
    t = tag("The deal was signed on March 3, 2021, and announced the next day.")
    assert [(x.text, x.value) for x in t] == [
        ("March 3, 2021", "2021-03-03"),
        ("the next day", "2021-03-04"),
    ]
    assert t[1].anchor == date(2021, 3, 3)
    assert t[0].anchor == DCT


def test_it_gives_days_later_without_a_date_to_count_from_as_a_duration() -> None:
    monday = date(1989, 10, 30)
    assert found("Three days later, the Nasdaq index had recovered.", monday) == {
        "Three days later": ("DURATION", "P3D")
    }
    assert found("A few days later, the company announced cuts.", monday) == {
        "A few days later": ("DURATION", "PXD")
    }
    # with a date in the sentence the offset is a day
    got = found("The deal was signed on March 3, 2021, and announced two days later.")
    assert got["two days later"] == ("DATE", "2021-03-05")
    # a year earlier is a comparison point, a date
    assert found("A year earlier, net income was $2 million.", monday) == {
        "A year earlier": ("DATE", "1988")
    }


# --- weeks, months, quarters, years, decades -------------------------------


def test_it_gives_last_week_and_this_week_as_iso_weeks() -> None:
    got = found("The teams met last week and could meet again this week.")
    assert got == {
        "last week": ("DATE", "2025-W08"),
        "this week": ("DATE", "2025-W09"),
    }
    assert value_range("2025-W08") == (date(2025, 2, 17), date(2025, 2, 23), "week")


def test_it_gives_earlier_this_month_as_the_month() -> None:
    got = found("Trump and Putin spoke for more than an hour Earlier this month.")
    assert got == {
        "more than an hour": ("DURATION", "PT1H"),
        "Earlier this month": ("DATE", "2025-02"),
    }


def test_it_resolves_next_year_and_last_year() -> None:
    got = found("Sales rose last year and will rise again next year.")
    assert got == {"last year": ("DATE", "2024"), "next year": ("DATE", "2026")}


def test_it_resolves_offsets_with_ago_at_the_unit_grain() -> None:
    got = found("The plant closed two years ago and reopened three months ago.")
    assert got == {
        "two years ago": ("DATE", "2023"),
        "three months ago": ("DATE", "2024-11"),
    }


def test_it_gives_many_weeks_ago_as_a_week() -> None:
    got = found("They were caught six weeks ago, and two weeks ago they were freed.")
    assert got == {
        "six weeks ago": ("DATE", "2025-W03"),
        "two weeks ago": ("DATE", "2025-02-10"),
    }


def test_it_reads_a_year_earlier_as_the_previous_year() -> None:
    assert found("Profit was $3 million, up from $2 million a year earlier.") == {
        "a year earlier": ("DATE", "2024")
    }


def test_it_reads_an_ordinal_quarter_in_the_dct_year_or_the_last_one() -> None:
    october = date(2025, 10, 20)
    assert found("Profit rose in the third quarter.", october) == {
        "the third quarter": ("DATE", "2025-Q3")
    }
    january = date(2026, 1, 18)
    assert found("Profit rose in the fourth quarter.", january) == {
        "the fourth quarter": ("DATE", "2025-Q4")
    }


def test_it_reads_the_quarter_ended_a_date_as_that_quarter() -> None:
    october = date(2025, 10, 20)
    got = found("Sales rose 5% in the quarter ended Sept. 30.", october)
    assert got["the quarter"] == ("DATE", "2025-Q3")


def test_it_carries_the_quarter_under_discussion_to_a_year_ago() -> None:
    october = date(2025, 10, 20)
    t = found(
        "Third-quarter profit was $5 million, compared with $4 million a year ago.",
        october,
    )
    assert t == {
        "Third-quarter": ("DATE", "2025-Q3"),
        "a year ago": ("DATE", "2024-Q3"),
    }


def test_it_does_not_take_a_forecast_quarter_as_the_one_under_discussion() -> None:
    got = found(
        "Bethlehem posted a drop in third-quarter profit. Analysts think "
        "steelmakers will report losses through the third quarter of 1990. In the "
        "year-ago period, Bethlehem earned $101.4 million.",
        date(1989, 10, 26),
    )
    assert got == {
        "third-quarter": ("DATE", "1989-Q3"),
        "the third quarter of 1990": ("DATE", "1990-Q3"),
        "the year-ago period": ("DATE", "1988-Q3"),
    }


def test_it_reads_the_same_month_a_year_ago_from_the_month_compared() -> None:
    february = date(2009, 2, 3)
    got = found(
        "Sales fell 35% in January, compared to the same month a year ago.", february
    )
    assert got == {
        "January": ("DATE", "2009-01"),
        "the same month a year ago": ("DATE", "2008-01"),
    }
    got = found("Car sales rose 5% from the same month a year ago.", february)
    assert got == {"the same month a year ago": ("DATE", "2008-02")}


def test_it_dates_named_holidays() -> None:
    got = found(
        "Elian was found on Thanksgiving Day clinging to an inner tube.",
        date(2000, 1, 7),
    )
    assert got == {"Thanksgiving Day": ("DATE", "1999-11-25")}
    assert found("He was rescued last Thanksgiving.", date(2000, 2, 10)) == {
        "last Thanksgiving": ("DATE", "1999-11-25")
    }
    assert found("The race will be decided on Election Day.", date(1998, 10, 26)) == {
        "Election Day": ("DATE", "1998-11-03")
    }
    assert found("Sales over Christmas 2006 doubled.", date(2007, 1, 18)) == {
        "Christmas 2006": ("DATE", "2006-12-25")
    }
    assert found("Protesters prayed as Easter week began.", date(2000, 4, 17)) == {
        "Easter week": ("DATE", "2000-W16")
    }
    assert found("The ship sailed to Easter Island in 1999.", date(2000, 4, 17)) == {
        "1999": ("DATE", "1999")
    }


def test_it_skips_time_words_that_name_a_programme() -> None:
    said = 'Baker, speaking on ABC News\' "This Week," said the request helps.'
    assert found(said, date(1990, 8, 13)) == {}
    assert found("This is VOA Today.", date(1998, 3, 31)) == {}
    assert (
        found('Gonzalez said on CBS\'s "60 Minutes." He left.', date(2000, 4, 17)) == {}
    )
    today = "Today, the right to work is equal to the right to survival."
    assert found(today, date(1998, 3, 5)) == {"Today": ("DATE", "1998-03-05")}


def test_it_reads_decades_and_centuries() -> None:
    got = found("Prices peaked in the 1990s and fell in the late '80s.")
    # The product's form (the issue: "the 1990s" -> 199X); TimeBank and
    # MEANTIME write TimeML's "199", which value_range reads too.
    assert got == {"the 1990s": ("DATE", "199X"), "the late '80s": ("DATE", "198X")}
    assert found("It was the worst war of the 20th century.") == {
        "the 20th century": ("DATE", "19")
    }


def test_it_reads_halves_of_a_year() -> None:
    october = date(1989, 10, 26)
    got = found(
        "Earnings for the last half of 1989 will fall, after a strong first half "
        "of 1989.",
        october,
    )
    assert got == {
        "the last half of 1989": ("DATE", "1989-H2"),
        "first half of 1989": ("DATE", "1989-H1"),
    }
    got = found(
        "Weakness will continue through at least the first two quarters of 1990.",
        october,
    )
    assert got == {"at least the first two quarters of 1990": ("DATE", "1990-H1")}


def test_it_reads_last_and_next_before_a_month_day() -> None:
    april = date(1999, 4, 19)
    got = found("Slepian was shot to death last Oct. 23 at his home.", april)
    assert got == {"last Oct. 23": ("DATE", "1998-10-23")}
    got = found("The new law takes effect next March 1.", april)
    assert got == {"next March 1": ("DATE", "2000-03-01")}


def test_it_reads_a_day_of_the_month_spelled_out() -> None:
    thursday = date(1998, 3, 5)
    got = found(
        "International Women's Day is this coming Sunday, March eighth.", thursday
    )
    assert got == {"this coming Sunday, March eighth": ("DATE", "1998-03-08")}
    got = found("The vote was held on the twenty-first of February.", thursday)
    assert got == {"the twenty-first of February": ("DATE", "1998-02-21")}
    # "May" followed by an ordinal is a modal verb more often than a date
    assert found("We may first ask the court.", thursday) == {}


def test_it_reads_the_second_day_of_a_pair_of_dates() -> None:
    february = date(1999, 2, 10)
    got = found("The summit will be held in Washington on April 24 and 25.", february)
    assert got == {
        "April 24": ("DATE", "1999-04-24"),
        "25": ("DATE", "1999-04-25"),
    }
    # a number after "and" that is not a day of the month stays out
    got = found("Prices rose on May 3 and 4 percent of sellers left.", february)
    assert got == {"May 3": ("DATE", "1998-05-03")}


def test_it_reads_a_weekday_before_a_date_without_a_comma() -> None:
    friday = date(1989, 10, 27)
    got = found("$14 million of that seeped out Friday Oct. 13 alone.", friday)
    assert got == {"Friday Oct. 13": ("DATE", "1989-10-13")}
    # a headline's weekday and the dateline on the next line stay apart
    got = found("Markets to remain closed until Friday\nOctober 26, 1989", friday)
    assert got == {
        "Friday": ("DATE", "1989-10-27"),
        "October 26, 1989": ("DATE", "1989-10-26"),
    }


def test_it_reads_the_early_summer_and_post_years() -> None:
    october = date(1989, 10, 26)
    got = found(
        "Orders have increased from the low levels of the early summer.", october
    )
    assert got == {"the early summer": ("DATE", "1989-SU")}
    got = found("The post-1959 politics have split thousands of families.", october)
    assert got == {"post-1959": ("DATE", "1959")}


def test_it_counts_the_weeks_of_a_month_by_their_thursdays() -> None:
    # 31 March 2009 is a Tuesday: its week is April's, the last of March is W13
    got = found("Car sales rebounded in the last week of March.", date(2009, 4, 1))
    assert got == {"the last week of March": ("DATE", "2009-W13")}
    got = found("The store opens in the first week of June 2009.", date(2009, 4, 1))
    assert got == {"the first week of June 2009": ("DATE", "2009-W23")}


def test_it_reads_the_week_of_a_day_as_that_week() -> None:
    got = found(
        "The case may be resolved in a court hearing the week of March 6.",
        date(2000, 2, 24),
    )
    assert got == {"the week of March 6": ("DATE", "2000-W10")}


def test_it_reads_years_end_and_day_long() -> None:
    october = date(1989, 10, 26)
    got = found("The rules should be in place by year's end.", october)
    assert got == {"year's end": ("DATE", "1989")}
    got = found("Lawyers emerged from their third day-long meeting.", october)
    assert got == {"day-long": ("DURATION", "P1D")}


def test_it_keeps_mid_year_at_year_grain() -> None:
    assert found("The plant is expected to open in mid-2008.") == {
        "mid-2008": ("DATE", "2008")
    }


def test_it_never_invents_a_day_for_a_month() -> None:
    got = found("Russia launched its invasion in February 2022.")
    assert got == {"February 2022": ("DATE", "2022-02")}


def test_it_reads_a_full_date() -> None:
    got = found("Russia launched its invasion of his neighbor February 24, 2022.")
    assert got == {"February 24, 2022": ("DATE", "2022-02-24")}


def test_it_resolves_a_month_without_a_year_by_tense() -> None:
    assert found("The company cut jobs in December.") == {
        "December": ("DATE", "2024-12")
    }
    assert found("The company will cut jobs in December.") == {
        "December": ("DATE", "2025-12")
    }


def test_it_reads_a_present_passive_as_present() -> None:
    wednesday = date(2000, 3, 29)
    got = found(
        "The relatives still had not signed an agreement to hand the child over "
        "if they lose a fight to keep him when the case is heard in May.",
        wednesday,
    )
    assert got == {"May": ("DATE", "2000-05")}
    assert found("The case was heard in May.", wednesday) == {
        "May": ("DATE", "1999-05")
    }


def test_it_reads_is_to_as_future() -> None:
    friday = date(1989, 10, 27)
    got = found("The stock is to resume trading in Paris Tuesday.", friday)
    assert got == {"Tuesday": ("DATE", "1989-10-31")}


def test_it_reads_the_year_ended_a_date_as_a_fiscal_year() -> None:
    got = found("For the year ended Sept. 30, the company earned $5 million.")
    assert got["the year"] == ("DURATION", "P1Y")
    assert found("For the year, volume was flat.") == {"the year": ("DATE", "2025")}


def test_it_reads_the_entire_year_as_the_year_of_its_sentence() -> None:
    got = found(
        "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for "
        "the entire year.",
        date(2006, 1, 27),
    )
    assert got["the entire year"] == ("DATE", "2005")
    assert found("For the year, volume was flat.") == {"the year": ("DATE", "2025")}


def test_it_reads_the_past_year_as_the_previous_year() -> None:
    assert found("Hate groups grew over the past year.") == {
        "the past year": ("DATE", "2024")
    }


def test_it_reads_payable_dates_as_future() -> None:
    october = date(1989, 10, 26)
    got = found("The company declared a dividend, payable Dec. 15.", october)
    assert got == {"Dec. 15": ("DATE", "1989-12-15")}


def test_it_reads_spelled_out_years() -> None:
    got = found("The bombing happened in nineteen ninety-six.", date(1998, 2, 27))
    assert got == {"nineteen ninety-six": ("DATE", "1996")}


def test_it_reads_the_weekend_in_a_past_sentence_as_the_last_one() -> None:
    got = found("Protesters gathered over the weekend.")
    assert got == {"the weekend": ("DATE", "2025-W08-WE")}


# --- durations and sets ----------------------------------------------------


def test_it_types_durations_not_dates() -> None:
    got = found("Ukraine has faced three years of total war.")
    assert got == {"three years": ("DURATION", "P3Y")}
    got = found("Trump and Putin spoke for more than an hour.")
    assert got == {"more than an hour": ("DURATION", "PT1H")}


def test_it_reads_spelled_numbers_in_durations() -> None:
    got = found("In the last twenty four hours the index fell 10%.")
    assert got == {"the last twenty four hours": ("DURATION", "PT24H")}


def test_it_counts_one_unit_when_the_unit_is_singular() -> None:
    monday = date(1989, 10, 30)
    got = found("Dealers placed orders to start the first trading day.", monday)
    assert got == {"the first trading day": ("DURATION", "P1D")}
    assert found("Islam will one day be the second largest religion.") == {
        "one day": ("DATE", "FUTURE_REF")
    }
    assert found("The plant closed for one day.") == {"one day": ("DURATION", "P1D")}


def test_it_keeps_earlier_with_its_count_before_a_non_time() -> None:
    got = found("The loss narrowed from a year earlier on a leap in revenue.")
    assert got == {"a year earlier": ("DATE", "2024")}
    # but "two days later on Monday" is two days and a Monday
    got = found("He left two days later on Monday.")
    assert set(got) == {"two days", "Monday"}


def test_it_keeps_a_year_earlier_length_of_time_a_duration() -> None:
    got = found("Net for the year-earlier nine months included a gain.")
    assert got == {"the year-earlier nine months": ("DURATION", "P9M")}


def test_it_reads_and_a_half_in_durations() -> None:
    assert found("The flight took an hour and a half.") == {
        "an hour and a half": ("DURATION", "PT1H30M")
    }
    assert found("But a minute and a half later, a pilot called.") == {
        "a minute and a half later": ("DURATION", "PT1M30S")
    }


def test_it_gives_unknown_counts_as_x() -> None:
    assert found("Talks could take several months.") == {
        "several months": ("DURATION", "PXM")
    }
    # an unknown number of decades is an unknown number of years ("PXD"
    # would be days)
    assert found("It was a decades-long dispute.") == {
        "decades-long": ("DURATION", "PXY")
    }


def test_it_types_every_week_and_daily_as_sets() -> None:
    got = found("The council meets every week and publishes figures daily.")
    assert got == {"every week": ("SET", "P1W"), "daily": ("SET", "P1D")}


# --- references ------------------------------------------------------------


def test_it_does_not_read_the_future_of_something_as_a_time() -> None:
    assert found("That is very important to the future of our peoples.") == {}
    assert found("Investors worry about the future.") == {
        "the future": ("DATE", "FUTURE_REF")
    }


def test_it_reads_soon_ahead_as_a_future_reference() -> None:
    monday = date(1989, 10, 30)
    assert found("Prosecutors may soon seek an indictment.", monday) == {
        "soon": ("DATE", "FUTURE_REF")
    }
    got = found("He wanted to present the plan to governments very soon.", monday)
    assert got == {"very soon": ("DATE", "FUTURE_REF")}
    # not in the past, nor as a conjunction
    assert found("He was soon released.", monday) == {}
    assert found("He left soon after the attack.", monday) == {}
    assert found("Return the boy as soon as possible.", monday) == {
        "as soon as possible": ("DATE", "FUTURE_REF")
    }


def test_it_reads_then_current_as_the_past() -> None:
    got = found("Holders may buy shares at 50% of the then current market price.")
    assert got == {"current": ("DATE", "PAST_REF")}


def test_it_gives_present_past_and_future_references() -> None:
    got = found("Russia now controls a fifth of Ukraine.")
    assert got == {"now": ("DATE", "PRESENT_REF")}
    got = found("Officials had recently said so.")
    assert got == {"recently": ("DATE", "PAST_REF")}
    got = found("Such wars were common in the past and may return in the future.")
    assert got == {
        "the past": ("DATE", "PAST_REF"),
        "the future": ("DATE", "FUTURE_REF"),
    }


# --- what is not a temporal expression --------------------------------------


def test_it_does_not_read_we_or_may_as_dates() -> None:
    assert tag("We may be wrong, but we think he wants a deal.") == []


def test_it_does_not_tag_ages_rates_or_fractions() -> None:
    assert (
        tag("A 44-year-old man paid $2 million a year for about a quarter of it.") == []
    )
    # an age in decades is no decade of the calendar
    assert tag("Kopp was in his 30s when his father remarried.") == []
    assert tag("She is in her late 40s.") == []


def test_it_does_not_tag_later_alone() -> None:
    # "later" with no unit or anchor is a relation between events, not a time
    # (TimeBank and AQUAINT never annotate it); "later this year" still is
    got = found("He joined NASA in October 1984 and later served as an administrator.")
    assert got == {"October 1984": ("DATE", "1984-10")}
    assert found("The dividend will be reinstated later this year.") == {
        "later this year": ("DATE", "2025")
    }


def test_it_does_not_tag_a_quarterly_dividend() -> None:
    assert found("The company raised its quarterly dividend.") == {}


# --- the seed article --------------------------------------------------------


def test_it_tags_the_seed_article() -> None:
    text = SEED.read_text("utf-8")
    got = [(t.text, t.type, t.value) for t in tag(text)]
    assert ("last week", "DATE", "2025-W08") in got
    assert ("Earlier this month", "DATE", "2025-02") in got
    assert ("February 24, 2022", "DATE", "2022-02-24") in got
    assert ("more than an hour", "DURATION", "PT1H") in got
    assert got.count(("three years", "DURATION", "P3Y")) == 3
    assert got.count(("Monday", "DATE", "2025-02-24")) == 5
    assert all(t.anchor == DCT for t in tag(text))


# --- properties --------------------------------------------------------------

WORDS = [
    "Monday",
    "MondayWhere",
    "last",
    "week",
    "the",
    "third",
    "quarter",
    "of",
    "1990s",
    "'80s",
    "two",
    "years",
    "ago",
    "mid-2008",
    "late",
    "Friday",
    "Dec.",
    "15",
    "31",
    "2025",
    "every",
    "day",
    "now",
    "may",
    "we",
    "said",
    "will",
    "a",
    "year",
    "earlier",
    "7:15",
    "p.m.",
    "UTC",
    "nineteen",
    "ninety-six",
    ",",
    ".",
    "\n",
    "-",
    "$",
    "'",
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    words=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=25),
    dct=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_it_never_crashes_and_offsets_slice_the_text(
    words: list[str], dct: date
) -> None:
    text = " ".join(words)
    timexes = tag(text, dct)
    previous_end = -1
    for t in timexes:
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end  # sorted, no overlaps
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value


@pytest.mark.parametrize(
    "value",
    [
        "2025-W08",
        "2025-02",
        "2025-Q3",
        "2026",
        "199",
        "199X",
        "2025-W08-WE",
        "2025-02-24",
    ],
)
def test_it_produces_values_that_value_range_reads(value: str) -> None:
    assert value_range(value) is not None


def test_it_does_not_read_a_numbered_thing_as_a_year() -> None:
    text = (
        "Whitey MacDonald, chairperson of Local 1520, said the council passed "
        "Resolution 1441 in 2002."
    )
    assert [(t.text, t.value) for t in tag(text)] == [("2002", "2002")]


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council adopted resolution 1973 to protect civilians.",
        "Flight 574 lost contact with the tower.",
        "They drove along Route 66 to the coast.",
        "The Lakers won 1999 to 1850 in the exhibition.",
        "The final vote was 1998 to 1200.",
        "Copper hit 1990 dollars a tonne.",
    ],
    ids=["resolution", "flight", "route", "score", "vote-count", "price"],
)
def test_it_regression_does_not_read_numbers_as_years(text: str) -> None:
    assert [t.value for t in tag(text) if t.value[:2] in ("19", "20")] == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Sales rose from 1990 to 1992.", ["1990", "1992"]),
        ("The plant was shut in 1998 and 1999.", ["1998", "1999"]),
        ("The 1973 war changed the region.", ["1973"]),
        ("Shootings dating to 1994 are unsolved.", ["1994"]),
        ("1999 was a hard year for the firm.", ["1999"]),
    ],
)
def test_it_reads_a_number_as_a_year_where_the_context_makes_it_one(
    text: str, years: list[str]
) -> None:
    assert [t.value for t in tag(text)] == years


def test_it_regression_reads_years_later_without_a_date_as_a_length() -> None:
    # A reader's "50 years later it hasn't worked in Korea" was dated 2061.
    text = "50 years later it hasn't worked in Korea."
    assert found(text, date(2011, 4, 8)) == {"50 years later": ("DURATION", "P50Y")}
    assert found("Two days later, the talks resumed.") == {
        "Two days later": ("DURATION", "P2D")
    }


# --- anchors of a narrative: the last date the article named ----------------


def _article_timexes(article_id: str) -> dict[str, str]:
    """{expression: value} of a whole real article (read at run time)."""
    row = article(article_id)
    text = row["text"]
    return {
        t.text: t.value
        for t in tag_timexes(get_nlp()(text), date.fromisoformat(row["published"]))
    }


def test_it_anchors_the_following_year_at_the_year_the_article_last_named() -> None:
    # "... an explosion at BP's Texas City oil refinery in 2005, killing 15
    # workers. The following year, poor maintenance prompted ...": 2006, not
    # the year after publication (2011)
    got = _article_timexes("bpoil_guardian/2010-06-10/422.htm.txt")
    assert got["The following year"] == "2006"


def test_it_counts_a_year_earlier_from_the_year_the_article_last_named() -> None:
    # "The Health and Safety Executive issued Transocean with an improvement
    # notice in 2006 ... A year earlier, the HSE issued an improvement notice":
    # 2005, not a year before publication (2009)
    got = _article_timexes("bpoil_guardian/2010-05-06/1092.htm.txt")
    assert got["A year earlier"] == "2005"


def test_it_gives_a_day_followed_by_that_year_the_year_last_named() -> None:
    # "... ministers tried, in 2007, ... Straw was lobbied on 15 October and 9
    # November that year by Sir Mark Allen": 2007, not the last 9 November
    got = _article_timexes("bpoil_guardian/2010-07-15/1693.htm.txt")
    assert got["15 October"] == "2007-10-15"
    assert got["9 November"] == "2007-11-09"


def test_it_puts_the_same_day_in_the_month_the_narrative_is_at() -> None:
    # "In May an Exxon Mobil pipeline in Akwa Ibom sprang a leak ... They say
    # the leak was ... isolated on the same day": in May 2010, not on the day
    # the article was published
    got = _article_timexes("bpoil_bbc/2010-06-15/1066.htm.txt")
    assert got["the same day"] == "2010-05"


def test_it_anchors_the_following_month_as_timebank_does() -> None:
    # TimeBank wsj_0786 (read from ../shared/corpora at run time): "... in
    # March ... The following month, the company put itself up for sale" is
    # April 1989 in the gold, not the month after the dct (November)
    path = needs_shared("corpora", "timebank.jsonl")
    with path.open(encoding="utf-8") as fh:
        (doc,) = [d for line in fh if (d := json.loads(line))["doc_id"] == "wsj_0786"]
    (gold,) = [t for t in doc["timexes"] if t["text"] == "The following month"]
    timexes = tag_timexes(get_nlp()(doc["text"]), date.fromisoformat(doc["dct"]))
    (got,) = [t for t in timexes if t.start == gold["start"]]
    assert got.value == gold["value"] == "1989-04"


def test_it_keeps_the_publication_year_for_a_future_following_year() -> None:
    # a sentence about the future counts from its own reference, not the
    # narrative's: no past tense, no narrative anchor
    got = found(
        "In 2005 the refinery exploded. The plant will reopen the following year.",
        date(2010, 6, 10),
    )
    assert got["the following year"] == ("DATE", "2011")


# --- the date a line opens with, the year an essay's narrative is at ---------


def _value_at(article_id: str, before: str, expression: str, after: str = "") -> str:
    """The value of `expression` where the article reads before+expression+after."""
    row = article(article_id)
    text = row["text"]
    at = text.index(before + expression + after) + len(before)
    timexes = tag_timexes(get_nlp()(text), date.fromisoformat(row["published"]))
    (got,) = [t for t in timexes if t.start == at and t.text == expression]
    return got.value


def test_it_counts_today_from_the_date_that_opens_its_line() -> None:
    # "November 18, 2010 House Democrats introduced legislation today ...",
    # crawled on November 17: the line's own day
    got = _value_at(
        "bpoil_washingtonpost/2010-11-17/4.htm.txt", "legislation ", "today"
    )
    assert got == "2010-11-18"


def test_it_counts_last_night_from_a_chronology_entry_s_date() -> None:
    # "September 27: Tony Blair and Gordon Brown were again at odds last night"
    # in a list published on September 30: the night of the 26th
    got = _value_at("IraqWar_guardian/2005-09-30/129.htm.txt", "at odds ", "last night")
    assert got == "2005-09-26TNI"


# A chronology of month-day entries writing no year: the list of British
# deaths in Iraq published on 2 May 2005, "March 21: Eight British servicemen
# died ..." to "May 2: The death of a soldier ... announced".
DEATHS = "IraqWar_guardian/2005-05-02/159.htm.txt"


def test_it_gives_a_chronology_s_entries_the_years_of_their_order() -> None:
    # nearest to the publication date each would be of 2005 (or 2004): the
    # list runs on from March 2003, turning the year at November-January
    assert _value_at(DEATHS, "\n", "March 22", ": Six British") == "2003-03-22"
    assert _value_at(DEATHS, "\n", "November 6", ": A British") == "2003-11-06"
    assert _value_at(DEATHS, "\n", "January 1", ": Two British") == "2004-01-01"
    # a list a little out of order ("June 28: ... June 19: ...") stays in its year
    assert _value_at(DEATHS, "\n", "June 19", ": An airman") == "2004-06-19"
    assert _value_at(DEATHS, "\n", "January 30", ": Ten personnel") == "2005-01-30"
    assert _value_at(DEATHS, "\n", "May 2", ": The death") == "2005-05-02"
    # an entry whose line break was lost ("... Royal Signals March 28: A British
    # soldier of the Tyne-Tees Regiment was found dead ..."): 2005, not the
    # March before the January 30 (2005) entry it is glued to
    assert _value_at(DEATHS, "Signals ", "March 28", ": A British") == "2005-03-28"


def test_it_dates_what_a_chronology_s_entry_tells_in_the_entry_s_year() -> None:
    # "April 22: Lt Alexander Tweedie, 25, was hurt in the accident which killed
    # Lance Corporal Karl Shearer when their vehicle overturned on April 1 ...":
    # April 2003; "March 22: ... collided ... at around 1.30 am": that night
    assert _value_at(DEATHS, "overturned on ", "April 1") == "2003-04-01"
    assert _value_at(DEATHS, "treatment on ", "April 3") == "2003-04-03"
    assert _value_at(DEATHS, "Gulf at ", "around 1.30 am") == "2003-03-22T01:30"


def test_it_keeps_the_dates_outside_a_chronology() -> None:
    # above the list: "died ... on December 17 last year", "announced today"
    assert _value_at(DEATHS, "on ", "December 17 last year") == "2004-12-17"
    assert _value_at(DEATHS, "announced ", "today") == "2005-05-02"


def test_it_reads_a_few_lines_of_a_chronology_without_years() -> None:
    lines = (
        "March 22: Six British servicemen died when two Royal Navy Sea King "
        "helicopters collided over the northern Arabian Gulf at around 1.30 am.\n"
        "November 6: A British serviceman was killed in a road traffic accident "
        "in Basra.\n"
        "Private Ryan Thomas, 1st Battalion, Royal Regiment of Wales.\n"
        "January 1: Two British soldiers were killed in a road traffic accident "
        "in Baghdad in the early hours of the morning.\n"
        "January 7: A British serviceman died following an incident on a "
        "training range near Basra.\n"
    )
    got = found(lines, date(2004, 2, 20))
    assert got["March 22"] == ("DATE", "2003-03-22")
    assert got["November 6"] == ("DATE", "2003-11-06")
    assert got["January 7"] == ("DATE", "2004-01-07")
    # three entries are no chronology: each day is its nearest occurrence
    three = lines.split("January 7")[0]
    assert found(three, date(2004, 2, 20))["March 22"] == ("DATE", "2004-03-22")


def test_it_dates_the_day_before_a_holiday_of_a_year_written_after_it() -> None:
    # "On the day before Thanksgiving in 1991, the U.S. Senate voted to vastly
    # expand the emergency powers of the Federal Reserve." (published 2009):
    # 27 November 1991, not Thanksgiving 2008
    got = _value_at(
        "Finan_washingtonpost/2009-05-30/1950.htm.txt",
        "On ",
        "the day before Thanksgiving in 1991",
    )
    assert got == "1991-11-27"
    assert found("They met the day after Christmas of 2003.", date(2009, 5, 30)) == {
        "the day after Christmas of 2003": ("DATE", "2003-12-26")
    }


def test_it_dates_a_blog_entry_s_lines_by_the_entry_s_stamp() -> None:
    # "Jul 23, 2010 21:29 UTC The Obama administration admitted today ... /
    # Yesterday we heard ..." and, in the entry stamped "Jun 22, 2010 13:39
    # UTC", "Just hours after Barton's remarks on Thursday": each entry's own
    # days, not the crawl's (January 2011)
    article_id = "bpoil_reuters/2011-01-11/1469.htm.txt"
    assert _value_at(article_id, "", "Yesterday", " we heard") == "2010-07-22"
    assert _value_at(article_id, "remarks on ", "Thursday") == "2010-06-17"


def test_it_keeps_a_caption_s_date_to_its_own_sentence() -> None:
    text = (
        "May 10: Boats work with containment boom on the shoreline of Grand Isle. "
        "(AP) Officials said on Tuesday that the leak had slowed."
    )
    got = found(text, date(2010, 5, 12))
    assert got["May 10"] == ("DATE", "2010-05-10")
    assert got["Tuesday"] == ("DATE", "2010-05-11")


def test_it_reads_an_essay_s_bare_months_in_the_year_it_narrates() -> None:
    # a 2005 essay narrating 2003: "... returned to Iraq in December 2002 ...
    # until the week before war began in March 2003. ... in January ... In
    # March, they (the Iraqis) cooperated like hell. In December and January,
    # no.. That is why I gave a critical account on January 27."
    article_id = "IraqWar_guardian/2005-04-28/269.htm.txt"
    assert _value_at(article_id, "In ", "March", ", they") == "2003-03"
    assert _value_at(article_id, "In ", "December", " and") == "2002-12"
    assert _value_at(article_id, "account on ", "January 27") == "2003-01-27"


def test_it_begins_a_narrative_at_one_old_date_its_clause_is_set_at() -> None:
    # "On February 14 2003 he delivered a report to the council ... He
    # followed up on February 28 with a more mixed assessment ... delivered on
    # March 7": 2003, in an article of April 2005
    article_id = "IraqWar_guardian/2005-04-27/167.htm.txt"
    assert _value_at(article_id, "followed up on ", "February 28") == "2003-02-28"
    assert _value_at(article_id, "delivered on ", "March 7") == "2003-03-07"


def test_it_keeps_a_bare_month_in_its_year_after_one_old_date() -> None:
    # one date of the past in a story of now leaves its months in their year
    text = (
        "Two Libyans were charged in the Dec. 21, 1988, bombing of a jet. They "
        "were removed from the list after Libya agreed in April to hand them over."
    )
    assert found(text, date(1999, 6, 7))["April"] == ("DATE", "1999-04")


def test_it_puts_the_same_day_on_the_story_s_day_not_the_interview_s() -> None:
    # "On March 7, Mr Blix pleaded for more time ... Mr Blix said last night:
    # '...' On the same day, the head of the IAEA, Mohamed ElBaradei,
    # reported ...": March 7, 2003, not the night before publication
    article_id = "IraqWar_guardian/2005-04-28/269.htm.txt"
    assert _value_at(article_id, "On ", "the same day") == "2003-03-07"


def test_it_counts_the_following_day_from_the_day_the_story_is_at() -> None:
    # Wikinews: "US stock markets saw an unusually turbulent day yesterday ...
    # (By the following day this theory had been abandoned.)", published on
    # May 7: the 7th, the day after the crash
    got = _value_at("wikinews-meantime-180695", "By ", "the following day")
    assert got == "2010-05-07"


# --- a weekday ahead of publication, the next year of a narrative (dates10) --


def test_it_reads_a_weekday_under_a_present_progressive_as_the_nearest() -> None:
    # "A federal judicial panel is meeting Thursday in Boise, Idaho", published
    # on Tuesday July 27: the coming Thursday, not the one before
    got = _value_at("bpoil_foxnews/2010-07-27/932.htm.txt", "is meeting ", "Thursday")
    assert got == "2010-07-29"
    # "Seize BP is protesting in more than 50 cities from Thursday through
    # Saturday", published on Thursday June 3: that Saturday, the 5th
    got = _value_at("bpoil_foxnews/2010-06-03/636.htm.txt", "through ", "Saturday")
    assert got == "2010-06-05"


def test_it_keeps_a_progressive_s_weekday_of_the_day_before_publication() -> None:
    # "Relatives of the 11 men who died ... are flying over the Gulf of Mexico
    # on Wednesday", on a page dated Thursday: the day before, as on main
    got = _value_at(
        "bpoil_foxnews/2010-06-17/978.htm.txt", "Gulf of Mexico on ", "Wednesday"
    )
    assert got == "2010-06-16"


def test_it_reads_a_bare_weekday_a_thing_is_set_for_as_the_coming_one() -> None:
    # "Two Senate hearings were set for Tuesday, and a House hearing was
    # scheduled for Wednesday", published on Monday May 10
    article_id = "bpoil_foxnews/2010-05-10/216.htm.txt"
    assert _value_at(article_id, "set for ", "Tuesday") == "2010-05-11"
    assert _value_at(article_id, "scheduled for ", "Wednesday") == "2010-05-12"
    # "trying to add additional acts for Sunday", published on Tuesday July 6
    got = _value_at("bpoil_foxnews/2010-07-06/2108.htm.txt", "acts for ", "Sunday")
    assert got == "2010-07-11"


def test_it_keeps_a_past_weekday_s_possessive_after_for() -> None:
    got = found("Two men were arrested for Sunday's attack.", date(2010, 5, 12))
    assert got["Sunday"] == ("DATE", "2010-05-09")


def test_it_counts_the_next_year_from_the_year_the_narrative_is_at() -> None:
    # "But in 2002, when the Environmental Protection Agency submitted a study
    # ..., Bush derided it ... The next year, when the EPA issued its first
    # comprehensive Report on the Environment": 2003, in an article of 2005
    got = _value_at("IraqWar_guardian/2005-09-02/153.htm.txt", "", "The next year")
    assert got == "2003"
    # "..., Ben Bernanke ... said in 2005. It happened the next year."
    got = _value_at(
        "bpoil_washingtonpost/2010-06-06/175.htm.txt", "happened ", "the next year"
    )
    assert got == "2006"


def test_it_keeps_a_past_weekday_a_cancelled_thing_was_planned_for() -> None:
    # AQUAINT APW19991024.0075 (a Sunday): "A memorial service planned at the
    # University of Rochester for Saturday was canceled": the day before
    got = found(
        "A memorial service planned at the University of Rochester for Saturday "
        "was canceled after security plans were leaked.",
        date(1999, 10, 24),
    )
    assert got["Saturday"] == ("DATE", "1999-10-23")


def test_it_keeps_the_day_a_figure_is_for() -> None:
    # "If it collected the same amount the rest of the day, the total for
    # Monday would be more than 15,000 barrels", published on Tuesday June 8
    got = _value_at("bpoil_reuters/2010-06-08/1837.htm.txt", "total for ", "Monday")
    assert got == "2010-06-07"


def test_it_counts_a_quoted_next_week_from_publication() -> None:
    # "... and maybe shut the well in altogether in the next week," he said
    # (a parse reads "shut" as a past verb): the week after publication
    got = _value_at(
        "bpoil_bbc/2010-07-11/1831.htm.txt", "altogether in ", "the next week"
    )
    assert got == "2010-W28"
