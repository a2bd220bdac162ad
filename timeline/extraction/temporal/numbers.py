"""Numbers written or spelled out, time units, and the values of durations
and shifts ("three weeks" -> P3W, "two months ago" -> a month value)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from timeline.extraction.temporal.dates import _month_shift, _week
from timeline.extraction.temporal.grammar import (
    UNITS_WORDS,
)

_NUM_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)?")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """'two' -> 2, 'twenty four' -> 24, '1 1/2' -> 1.5, 'several' -> None."""
    t = text.lower().replace("-", " ").strip()
    t = re.sub(r"\b(?:a )?couple(?: of)?\b", "2", t)
    if re.search(r"\b(?:few|several|some|many|dozens|hundreds|number)\b", t):
        return None
    half = 0.5 if re.search(r"and a half|1/2", t) else 0.0
    t = re.sub(r"and a half|\d/\d", "", t)
    total = 0.0
    current = 0.0
    seen = False
    for tok in _NUM_TOKEN.findall(t):
        if tok[0].isdigit():
            current += float(tok.replace(",", ""))
            seen = True
        elif tok in UNITS_WORDS:
            current += UNITS_WORDS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        elif tok == "and":
            continue
        else:
            return None
    if not seen:
        return None
    return total + current + half


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_UNIT_CODES = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "night": ("", "D"),
    "week": ("", "W"),
    "weekend": ("", "WE"),
    "fortnight": ("", "2W"),
    "month": ("", "M"),
    "quarter": ("", "Q"),
    "semester": ("", "M6"),
    "year": ("", "Y"),
    "decade": ("", "DE"),
    "century": ("", "CE"),
}
_UNIT_RE = re.compile(
    r"(second|minute|hour|day|night|weekend|week|fortnight|month|quarter|semester|"
    r"year|decade|centur(?:y|ie))s?(?![a-z])"
)


def _unit_of(low: str) -> str | None:
    found = _UNIT_RE.findall(low)
    if not found:
        return None
    u = found[-1]
    return "century" if u.startswith("centur") else u


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration for n units (X when n is not given)."""
    if unit == "decade":
        return f"P{_fmt_num(n * 10)}Y" if n is not None else "PXY"
    if unit == "century":
        return f"P{_fmt_num(n * 100)}Y" if n is not None else "PXC"
    if unit == "fortnight":
        return f"P{_fmt_num(n * 2)}W" if n is not None else "PXW"
    if unit == "semester":
        return f"P{_fmt_num(n * 6)}M" if n is not None else "PXM"
    if unit == "weekend":
        return f"P{_fmt_num(n * 2)}D" if n is not None else "PXD"
    prefix, code = _UNIT_CODES[unit]
    num = "X" if n is None else _fmt_num(n)
    if n is not None and n != int(n):
        # 1.5 hours -> PT1H30M; 1.5 years -> P18M
        if unit == "hour":
            return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M"
        if unit == "minute":
            return f"PT{int(n)}M{int(round((n - int(n)) * 60))}S"
        if unit == "year":
            return f"P{int(round(n * 12))}M"
        if unit == "day":
            return f"PT{int(round(n * 24))}H"
    return f"P{prefix}{num}{code}"


def shifted_value(anchor: date, n: float, unit: str, sign: int) -> str | None:
    """The date n units before (sign -1) or after (+1) anchor, at that unit's grain."""
    k = int(n) * sign
    if n != int(n):
        return None
    if unit in ("day", "night"):
        return (anchor + timedelta(days=k)).isoformat()
    if unit == "week":
        return _week(anchor + timedelta(weeks=k))
    if unit == "fortnight":
        return _week(anchor + timedelta(weeks=2 * k))
    if unit == "month":
        y, m = _month_shift(anchor.year, anchor.month, k)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, m = _month_shift(anchor.year, anchor.month, 3 * k)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + k:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * k) // 10:03d}X"
    if unit == "century":
        return f"{(anchor.year + 100 * k) // 100:02d}"
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat()
    return None
