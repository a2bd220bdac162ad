"""Named holidays: fixed, nth-weekday and Easter-based dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from timeline.extraction.temporal.anchors import _YEAR_RE
from timeline.extraction.temporal.context import Context, Result
from timeline.extraction.temporal.dates import _week


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday wd (0 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    return date(y, month, (h + ll - 7 * m + 114) % 31 + 1)


def _holiday_date(name: str, y: int) -> date | None:
    """The (US-centred) calendar day of a named holiday in year y."""
    if "thanksgiving" in name:
        return _nth_weekday(y, 11, 3, 4)
    if "christmas eve" in name:
        return date(y, 12, 24)
    if "christmas" in name:
        return date(y, 12, 25)
    if "new year" in name:
        return date(y, 12, 31) if "eve" in name else date(y, 1, 1)
    if "election" in name:  # the Tuesday after the first Monday of November
        return _nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    if "labor" in name:
        return _nth_weekday(y, 9, 0, 1)
    if "memorial" in name:
        return _nth_weekday(y, 5, 0, -1)
    if "veterans" in name:
        return date(y, 11, 11)
    if "valentine" in name:
        return date(y, 2, 14)
    if "halloween" in name:
        return date(y, 10, 31)
    if "easter" in name:
        return _easter(y)
    return None


def _holiday(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    """A named holiday: its day in the year written, else the occurrence the
    modifier or tense points to ("last Thanksgiving", "will meet on Christmas");
    "the day before (after)" it is a day off ("On the day before Thanksgiving
    in 1991, the U.S. Senate voted ...")."""
    shift = 0
    if m := re.match(r"the day (before|after) ", low):
        shift = -1 if m[1] == "before" else 1
        low = low[m.end() :]
    ym = _YEAR_RE.search(low)
    if ym:
        d = _holiday_date(low, int(ym[1]))
    else:
        dct = ctx.dct
        cands = [
            c
            for y in (dct.year - 1, dct.year, dct.year + 1)
            if (c := _holiday_date(low, y)) is not None
        ]
        if not cands:
            return None
        if low.startswith("last"):
            d = max((c for c in cands if c < dct), default=None)
        elif low.startswith("next"):
            d = min((c for c in cands if c > dct), default=None)
        else:
            t = tense()

            def cost(c: date) -> float:
                delta = (c - dct).days
                dist = float(abs(delta))
                if (t == "past" and delta > 0) or (t == "future" and delta < 0):
                    dist *= 6
                elif t in ("", "present") and delta > 0:
                    dist *= 1.5
                return dist

            d = min(cands, key=cost)
    if d is None:
        return None
    if low.endswith("week"):
        return "DATE", _week(d), ctx.dct
    d += timedelta(days=shift)
    return "DATE", d.isoformat(), ctx.dct
