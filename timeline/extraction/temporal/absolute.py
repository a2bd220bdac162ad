"""dateparser, used only where it helps: calendar dates the grammar missed.

One DateDataParser per process with fixed settings, created on first use.
It reads only expressions that name a date (digits or a month name), never
free text, so "we" or "may" cannot become dates; relative words are the
grammar's job. A date without a year gets the year nearest the anchor.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from typing import Any

_RELATIVE = re.compile(
    r"\b(?:ago|last|next|this|yesterday|today|tomorrow|now|later|earlier|before|"
    r"after|since|past|coming|previous|following|week|weeks|days?|hours?|minutes?)\b"
)
_HAS_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


@cache
def _parser() -> Any:
    from datetime import datetime

    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime(2000, 1, 1),
            "STRICT_PARSING": False,
        },
    )


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[date, str] | None:
    try:
        data = _parser().get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def parse_absolute(text: str, anchor: date) -> str | None:
    """TIMEX3 value of a calendar date in text ("the 24th of Feb 2022"), or None."""
    if _RELATIVE.search(text):
        return None
    got = _parse(text)
    if got is None:
        return None
    d, period = got
    year = d.year
    if not _HAS_YEAR.search(text):
        # a month (and day) without a year: the occurrence nearest the anchor
        if not re.search(r"[a-z]", text):
            return None
        year = anchor.year
        if (d.month - anchor.month) > 6:
            year -= 1
        elif (anchor.month - d.month) > 6:
            year += 1
    if period == "year":
        return f"{year:04d}"
    if period == "month":
        return f"{year:04d}-{d.month:02d}"
    try:
        return date(year, d.month, d.day).isoformat()
    except ValueError:
        return None
