"""Ranges written as one date: "April 14-18", "between April and June".

A span's value is the calendar unit that holds it, when one does: the days
"between April 14-18" are that ISO week (not April 14, its first day), the
months "between April and June" that quarter (not April). A span no unit
holds keeps its first date's value.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.extraction.temporal.dates import _safe_date, _week
from timeline.extraction.types import Timex

# "April 14-18", "Sept. 15 - 19, 2008", "July 19 to 23": the last day, a year
_DAY_END = re.compile(
    r"\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b)\s*([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?![-–.:/]?\d|\s*(?:%|percent|per\b|a\.m|p\.m|am\b|pm\b|[A-Za-z]+\s+(?:19|20)\d\d))"
    r"(?:,?\s+((?:19|20)\d\d)\b)?"
)
# "between April and June", "from January to March 2003"
_MONTH_LINK = re.compile(r"\s+(?:and|to|through|until|till)\s+|\s*[-–]\s*")
_SPAN_OPENER = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_QUARTERS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}
_HALVES = {(1, 6): "H1", (7, 12): "H2"}


def day_range(text: str, end: int, value: str) -> tuple[int, str] | None:
    """(the range's end, its value) for a day followed by a later day of its
    month ("April 14-18"): the ISO week both lie in, else their month; None
    when no range follows, or for two days running (a two-day meeting is
    dated by its first)."""
    m = _DAY_END.match(text, end)
    if m is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    start = date.fromisoformat(value)
    year = int(m[2]) if m[2] else start.year
    first = _safe_date(year, start.month, start.day)
    last = _safe_date(year, start.month, int(m[1]))
    if first is None or last is None or (last - first).days < 2:
        return None  # "the June 23-24 ministerial meeting": its first day
    if _week(first) == _week(last):
        return m.end(), _week(first)
    return m.end(), f"{year:04d}-{first.month:02d}"


def month_span(text: str, first: Timex, second: Timex) -> str | None:
    """The quarter or half "between April and June" covers, from its two
    months' timexes; None unless "between" or "from" opens the span, only a
    link word parts them, and the months make a quarter or a half."""
    if not _SPAN_OPENER.search(text[max(0, first.start - 9) : first.start]):
        return None
    if not _MONTH_LINK.fullmatch(text[first.end : second.start]):
        return None
    if not all(re.fullmatch(r"\d{4}-\d\d", t.value) for t in (first, second)):
        return None
    m1, m2 = int(first.value[5:]), int(second.value[5:])
    unit = _QUARTERS.get((m1, m2)) or _HALVES.get((m1, m2))
    if unit is None:
        return None
    # the year the second month is written with ("between January and March
    # 2003"), else the first's
    year = second.value[:4] if re.search(r"\d{4}", second.text) else first.value[:4]
    return f"{year}-{unit}"


def join_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """The timexes with each range written as one date made one timex: "April
    14-18" (its week or month), "between April and June" (its quarter)."""
    out: list[Timex] = []
    k = 0
    while k < len(timexes):
        t = timexes[k]
        k += 1
        if t.type == "DATE" and (got := day_range(text, t.end, t.value)):
            end, value = got
            while k < len(timexes) and timexes[k].start < end:
                k += 1  # the range's own year ("Sept. 15 - 19, 2008")
            t = Timex(t.start, end, text[t.start : end], "DATE", value, t.anchor)
        elif k < len(timexes) and (value := month_span(text, t, timexes[k])):
            end = timexes[k].end
            k += 1
            t = Timex(t.start, end, text[t.start : end], "DATE", value, t.anchor)
        out.append(t)
    return out
