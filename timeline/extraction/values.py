"""From an ISO-TimeML value to a calendar range and its precision."""

from __future__ import annotations

import calendar
import re
from datetime import date

# ASCII digits only: \d would also take "٢٠٢٥", which int() reads as 2025.
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$", re.ASCII)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$", re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.ASCII)
_HALF = re.compile(r"^(\d{4})-H([12])$", re.ASCII)
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$", re.ASCII)
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
# a decade: the tagger writes the 1990s "199X", as events, corrections and
# the timeline store it; TimeML (TimeBank, MEANTIME) writes "199": both read
_DECADE = re.compile(r"^(\d{3})X?$", re.ASCII)

# The supported date range, the one home of it: every date an event can have
# lies in years 1 to 9998, so a reader may always step a day, a month or a
# year past an event's end (9999-12-31 is Python's last date). A period is
# supported only when all of it is: "999X" (9990-9999) and "000X" (0-9) are
# not.
MIN_DATE = date(1, 1, 1)
MAX_DATE = date(9998, 12, 31)

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def event_value(value: str) -> str:
    """A TIMEX3 value in the form events store: a decade as "199X"."""
    return value + "X" if _DECADE.match(value) and not value.endswith("X") else value


def in_supported_range(start: date, end: date) -> bool:
    """Whether start..end lies within MIN_DATE..MAX_DATE."""
    return MIN_DATE <= start <= end <= MAX_DATE


def value_range(value: str) -> tuple[date, date, str] | None:
    """(start, end, precision) for a point-in-time value, or None.

    None for values that are not a calendar range: durations (P3Y), sets,
    PRESENT_REF/PAST_REF/FUTURE_REF, impossible dates and periods outside
    MIN_DATE..MAX_DATE.
    >>> value_range("2025-W08")
    (datetime.date(2025, 2, 17), datetime.date(2025, 2, 23), 'week')
    >>> value_range("199") == value_range("199X")
    True
    >>> value_range("9999-12-31") is None
    True
    """
    period = _calendar_range(value)
    if period is None or not in_supported_range(period[0], period[1]):
        return None
    return period


def _calendar_range(value: str) -> tuple[date, date, str] | None:
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := _WEEK.match(value):
            y, w = int(m[1]), int(m[2])
            start = date.fromisocalendar(y, w, 1)
            if value.endswith("-WE"):
                return (
                    date.fromisocalendar(y, w, 6),
                    date.fromisocalendar(y, w, 7),
                    "week",
                )
            return start, date.fromisocalendar(y, w, 7), "week"
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo), "month"
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter"
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "quarter"
        if m := _SEASON.match(value):
            y = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            end_year = y + 1 if last < first else y
            return date(y, first, 1), _month_end(end_year, last), "month"
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := _DECADE.match(value):
            d = int(m[1]) * 10
            return date(d, 1, 1), date(d + 9, 12, 31), "decade"
    except ValueError:
        return None
    return None
