from datetime import date

from timeline.ingestion.merge import (
    dates_close,
    dates_compatible,
    jaccard,
    numbers,
    numbers_agree,
    tokens,
)


def test_it_compares_content_words_with_a_common_stem():
    a = tokens("The Assembly voted on Monday, condemning Russia's invasion.")
    b = tokens("On Monday the assembly voted and condemns the Russian invasion.")
    assert "monday" not in a and "the" not in a
    assert jaccard(a, b) == 1.0
    assert jaccard(a, frozenset()) == 0.0


def test_it_takes_a_finer_date_inside_a_coarser_one_as_compatible():
    feb = (date(2025, 2, 1), date(2025, 2, 28))
    day = (date(2025, 2, 24), date(2025, 2, 24))
    week = (date(2025, 2, 24), date(2025, 3, 2))
    assert dates_compatible(*feb, *day) and dates_compatible(*day, *feb)
    assert not dates_compatible(*feb, *week)  # overlapping, but neither inside
    assert not dates_compatible(*day, date(2025, 2, 25), date(2025, 2, 25))


def test_it_calls_dates_a_month_apart_close():
    assert dates_close(
        date(2025, 2, 1), date(2025, 2, 1), date(2025, 3, 4), date(2025, 3, 4)
    )
    assert not dates_close(
        date(2025, 2, 1), date(2025, 2, 1), date(2025, 3, 5), date(2025, 3, 5)
    )


def test_it_reads_the_numbers_apart_from_the_date_expression():
    assert numbers("93 countries voted on 24 February.", "24 February") == {"93"}
    assert numbers_agree(frozenset({"93"}), frozenset({"93", "18"}))
    assert not numbers_agree(frozenset({"6", "62"}), frozenset({"1", "75"}))
