"""What the rules read in an expression and its sentence: parts of the day,
weekdays, months, years, days and clock times, resolved against the anchor."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from timeline.extraction.temporal.context import Context
from timeline.extraction.temporal.dates import _safe_date
from timeline.extraction.temporal.grammar import (
    ORDINALS,
    PARTS_OF_DAY,
    SPELLED_YEAR,
    WEEKDAYS,
)
from timeline.extraction.temporal.numbers import parse_number

# --- rules -----------------------------------------------------------------

_PART_RE = re.compile(
    r"(mid-?afternoon|morning|afternoon|evening|overnight|tonight|night)"
)


def _part(low: str) -> str | None:
    m = _PART_RE.search(low)
    return PARTS_OF_DAY.get(m[1].replace("mid-", "mid ")) if m else None


def _resolve_weekday(anchor: date, wd: int, low: str, tense: str) -> date:
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if re.search(r"\b(?:last|previous|this past)\b", low):
        return anchor - timedelta(days=back or 7)
    if re.search(r"\b(?:next|following|this coming|coming)\b", low):
        return anchor + timedelta(days=fwd or 7)
    if tense == "future":
        return anchor + timedelta(days=fwd)
    if tense == "present":
        return (
            anchor + timedelta(days=fwd)
            if fwd < back
            else anchor - timedelta(days=back)
        )
    return anchor - timedelta(days=back)


def _resolve_year_for(anchor: date, month: int, day: int | None, tense: str) -> int:
    """The year of a month (and day) given without one: the nearest occurrence,
    where one on the wrong side of the anchor for the tense counts 6x as far
    (tense "narrative": from the date a story is at, one before it 1.5x)."""
    best: tuple[float, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            delta = ((y * 12 + month) - (anchor.year * 12 + anchor.month)) * 30.0
        else:
            d = _safe_date(y, month, day)
            if d is None:
                continue
            delta = float((d - anchor).days)
        dist = abs(delta)
        if (tense == "past" and delta > 0) or (tense == "future" and delta < 0):
            dist *= 6
        elif tense in ("", "present") and delta > 0:
            dist *= 1.5  # news reports the past more often than the future
        elif tense == "narrative" and delta < 0:
            dist *= 1.5  # a story told in order moves on ("in February 2004
            # ... in August"), though it may look back
        if best is None or dist < best[0]:
            best = (dist, y)
    return anchor.year if best is None else best[1]


_MONTH_RE = re.compile(
    r"(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])"
)
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_SPELLED_YEAR_RE = re.compile(SPELLED_YEAR)


def _find_year(low: str) -> int | None:
    """A year written in digits or words ("nineteen ninety-six")."""
    if ym := _YEAR_RE.search(low):
        return int(ym[1])
    if sm := _SPELLED_YEAR_RE.search(low):
        words = sm[0].replace("-", " ").split()
        if words[0] == "two":
            rest = " ".join(w for w in words[2:] if w != "and")
            n = parse_number(rest) if rest else 0
            return 2000 + int(n) if n is not None else None
        rest = " ".join(w for w in words[1:] if w not in ("hundred", "and"))
        n = parse_number(rest) if rest else 0
        return 1900 + int(n) if n is not None else None
    return None


_DAY_RE = re.compile(r"(?<![\d:])([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_WD_RE = re.compile(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_CLOCK_RE = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?|(noon)|(midnight)"
)


def _clock(low: str) -> str | None:
    zone = "Z" if re.search(r"\b(?:utc|gmt|z)\b", low) else ""
    got = _clock_only(low)
    return got + zone if got else None


def _clock_only(low: str) -> str | None:
    if m := re.search(r"\b([01]\d|2[0-3])([0-5]\d)\s+(?:utc|gmt|z)\b", low):
        return f"{m[1]}:{m[2]}"
    if "noon" in low:
        return "12:00"
    if "midnight" in low:
        return "24:00"
    m = re.search(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|am|pm)?", low)
    if not m:
        return None
    h = int(m[1])
    mi = int(m[2]) if m[2] else 0
    ampm = (m[3] or "").replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _day_of(low: str, ctx: Context, tense: Callable[[], str]) -> date | None:
    """The calendar day a deictic word or weekday in the text names."""
    today = ctx.today
    if "yesterday" in low:
        return today - timedelta(days=1)
    if "tomorrow" in low:
        return today + timedelta(days=1)
    if "today" in low or "tonight" in low:
        return today
    if m := _WD_RE.search(low):
        return _resolve_weekday(today, WEEKDAYS[m[1]], low, tense())
    return None


def _sentence_year(ctx: Context, tense: Callable[[], str]) -> int | None:
    """The year of a dated month or day earlier in the sentence, unless the
    tense points the other way ("in July 1997 ... will join on March 12")."""
    y = ctx.sent_year
    if y is None:
        return None
    t = tense()
    if (t == "future" and y < ctx.dct.year) or (t == "past" and y > ctx.dct.year):
        return None
    return y


_NARRATIVE_REACH = 600  # characters a narrated date carries to a bare month


def _narrated_year_anchor(ctx: Context, tense: Callable[[], str]) -> date | None:
    """Where an essay's narrative is when a month or day comes without a year:
    the date the document named just before ("... returned to Iraq in December
    2002 ... until war began in March 2003. ... In January ... On March 7 ..."),
    when it and the date before it are months or days a year or more before
    the document's own date and the sentence, naming no date of its own, does
    not tell the future. Else None."""
    narrated = ctx.narrated_anchor("month")
    if narrated is None or ctx.start - ctx.doc_last_at > _NARRATIVE_REACH:
        return None
    if ctx.doc_old_run < 2:
        return None  # one old date in a story of now ("the Dec. 21, 1988,
        # bombing ... Gadhafi agreed in April") leaves the story in its year
    return narrated if tense() != "future" else None


_DAY_WORD_RE = re.compile(
    r"\b(?:(twenty|thirty)[-\s])?(first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b"
)


def _day_word(low: str) -> int | None:
    """A day of the month spelled out: 'eighth' -> 8, 'twenty-first' -> 21."""
    m = _DAY_WORD_RE.search(low)
    if not m:
        return None
    n = 30 if m[2] == "thirtieth" else ORDINALS[m[2]]
    return n + {"twenty": 20, "thirty": 30, None: 0}[m[1]]
