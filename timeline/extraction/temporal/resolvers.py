"""One normalisation rule per grammar family: explicit dates, ISO dates,
months, years, quarters, halves, decades, centuries, times, weekdays,
deictic words ("yesterday"), relative units ("last week"), durations, sets,
references ("now", "soon"), "the week of", and the dateparser fallback."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from timeline.extraction.temporal.anchors import (
    _DAY_RE,
    _MONTH_RE,
    _WD_RE,
    _YEAR_RE,
    _clock,
    _day_of,
    _day_word,
    _find_year,
    _narrated_year_anchor,
    _part,
    _resolve_weekday,
    _resolve_year_for,
    _sentence_year,
)
from timeline.extraction.temporal.context import Context, Result
from timeline.extraction.temporal.dates import _month_shift, _quarter, _safe_date, _week
from timeline.extraction.temporal.grammar import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
)
from timeline.extraction.temporal.holidays import _nth_weekday
from timeline.extraction.temporal.numbers import (
    _UNIT_RE,
    _unit_of,
    duration_value,
    parse_number,
    shifted_value,
)

_REL_DAY = re.compile(r"(last|next|this past|this coming)\s")
_REL_YEAR = re.compile(r"\b(last|this|next) year$")


def _explicit(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    mm = _MONTH_RE.search(low)
    if not mm:
        return None
    month = MONTHS[mm[1]]
    rest = low[: mm.start()] + " " + low[mm.end() :]
    # drop clock times before reading the day and year
    rest_nc = re.sub(
        r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d{2}", " ", rest
    )
    ym = _YEAR_RE.search(rest_nc)
    year = int(ym[1]) if ym else None
    rest_ny = _YEAR_RE.sub(" ", rest_nc)
    dm = _DAY_RE.search(rest_ny)
    day = int(dm[1]) if dm else _day_word(rest_ny)
    anchor = ctx.anchor
    if year is None and day is not None and (rel := _REL_DAY.match(low)):
        # "last Oct. 23": the latest such day before the dct; "next May 1":
        # the first after it
        past = rel[1] in ("last", "this past")
        year = ctx.dct.year
        d0 = _safe_date(year, month, day)
        if d0 is not None and past and d0 >= ctx.dct:
            year -= 1
        elif d0 is not None and not past and d0 <= ctx.dct:
            year += 1
        ctx._explicit = False
    elif year is None and (rel_year := _REL_YEAR.search(low)):
        # "1 May last year": that day of the year before the dct's
        year = ctx.today.year + {"last": -1, "this": 0, "next": 1}[rel_year[1]]
        ctx._explicit = True
    elif year is None:
        entry = ctx.entry()
        if entry is not None and entry.start == ctx.start:
            year = entry.day.year  # the entry's own date: its year in the list
        elif (sent_year := _sentence_year(ctx, tense)) is not None:
            year = sent_year
        elif entry is not None:
            # "April 22: Lt Alexander Tweedie ... was hurt in the accident
            # ... on April 1": the occurrence nearest to the entry's day
            year = _resolve_year_for(entry.day, month, day, tense())
        elif (told := _that_year(ctx)) is not None and tense() == "past":
            year = told  # "in 2007 ... lobbied on 15 October and 9 November that year"
        elif (narrated := _narrated_year_anchor(ctx, tense)) is not None:
            year = _resolve_year_for(narrated, month, day, "narrative")
        else:
            year = _resolve_year_for(ctx.dct, month, day, tense())
        ctx._explicit = False
    else:
        ctx._explicit = True
    if day is None:
        return "DATE", f"{year:04d}-{month:02d}", anchor
    d = _safe_date(year, month, day)
    if d is None:
        return None
    clock = (
        _clock(low)
        if re.search(r"\d\s*(?:a\.m|p\.m|am|pm)|\d:\d\d|noon|midnight", low)
        else None
    )
    if clock:
        return "TIME", f"{d.isoformat()}T{clock}", anchor
    return "DATE", d.isoformat(), anchor


# "9 November that year", "15 October and 9 November that year", "May of that year"
_THAT_YEAR = re.compile(
    r"(?:\s*(?:,|and|or)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)?,?\s+(?:of\s+)?that\s+(?:same\s+)?year\b"
)


def _that_year(ctx: Context) -> int | None:
    """The year of a month or day followed by "that year": the year of the last
    date the document named, when the sentence has none of its own."""
    if ctx.sent_anchor is not None or ctx.sent_any_year is not None:
        return None
    if ctx.doc_last is None or not _THAT_YEAR.match(ctx.text, ctx.end):
        return None
    return int(ctx.doc_last[:4])


def _iso(low: str, ctx: Context) -> Result | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", low):
        y = int(m[3])
        if y < 100:
            y += 1900 if y > (ctx.dct.year % 100) + 1 else 2000
        d = _safe_date(y, int(m[1]), int(m[2])) or _safe_date(y, int(m[2]), int(m[1]))
    else:
        return None
    if d is None:
        return None
    ctx._explicit = True
    return "DATE", d.isoformat(), ctx.dct


def _month(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    mm = _MONTH_RE.search(low)
    if not mm:
        return None
    month = MONTHS[mm[1]]
    anchor = ctx.dct
    if (found := _find_year(low)) is not None:
        ctx._explicit = True
        year = found
    elif "last year" in low:
        year = anchor.year - 1
    elif "next year" in low:
        year = anchor.year + 1
    elif "this year" in low:
        year = anchor.year
    elif re.search(r"\blast\b|\bthis past\b", low):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif re.search(r"\bnext\b|\bthis coming\b", low):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif re.search(r"\bthis\b", low):
        year = anchor.year
    elif (sent_year := _sentence_year(ctx, tense)) is not None:
        year = sent_year
    elif (entry := ctx.entry()) is not None:
        year = _resolve_year_for(entry.day, month, None, tense())
    elif (narrated := _narrated_year_anchor(ctx, tense)) is not None:
        year = _resolve_year_for(narrated, month, None, "narrative")
    else:
        year = _resolve_year_for(anchor, month, None, tense())
    return "DATE", f"{year:04d}-{month:02d}", anchor


_HALF_RE = re.compile(r"\b(first|second|latter|last)\s+half\s+of\s+")


def _year(low: str, ctx: Context) -> Result | None:
    if m := re.fullmatch(r"'(\d\d)", low):
        yy = int(m[1])
        century = ctx.dct.year // 100 - (1 if yy > ctx.dct.year % 100 else 0)
        return "DATE", f"{century * 100 + yy:04d}", ctx.dct
    year = _find_year(low)
    if year is None:
        return None
    ctx._explicit = True
    if hm := _HALF_RE.search(low):
        # "the first half of 1989", "the last half of 1989": a half year
        return "DATE", f"{year:04d}-H{1 if hm[1] == 'first' else 2}", ctx.dct
    for name, code in SEASONS.items():
        if name in low:
            return "DATE", f"{year:04d}-{code}", ctx.dct
    return "DATE", f"{year:04d}", ctx.dct


_ENDED_RE = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to)\s+(?:on\s+)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|"
    r"Dec\.)\s*\d{1,2}(?:,?\s+(\d{4}))?"
)
_Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}
_Q_MONTH = {"march": 1, "june": 2, "september": 3, "december": 4}


def _quarter_value(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    anchor = ctx.dct
    if m := re.search(r"\bq([1-4])\b|\b([1-4])q\b", low):
        q = int(m[1] or m[2])
        ym = _YEAR_RE.search(low)
        y2 = re.search(r"'(\d\d)", low)
        year = int(ym[1]) if ym else (2000 + int(y2[1]) if y2 else anchor.year)
        return "DATE", f"{year:04d}-Q{q}", anchor
    plural = bool(re.search(r"quarters\b", low))
    if "period" in low:
        q0 = ctx.doc_quarter
        ym = _YEAR_RE.search(low)
        if q0 is None:
            return ("DATE", ym[1], anchor) if ym else None
        return "DATE", (ym[1] if ym else q0[:4]) + q0[4:], anchor
    q = None
    for word, n in {**_Q_ORD, **_Q_MONTH}.items():
        if re.search(rf"\b(?:fiscal-)?{word}\b", low):
            q = n
            break
    ym = _YEAR_RE.search(low)
    year: int | None = int(ym[1]) if ym else None
    ctx._explicit = ym is not None  # "the fourth quarter of 2005" gives its year
    if year is None:
        if "last year" in low:
            year = anchor.year - 1
        elif "next year" in low:
            year = anchor.year + 1
        elif "this year" in low:
            year = anchor.year
    ago = bool(re.search(r"year-ago|year-earlier|a year (?:ago|earlier)", low))
    if plural and q is None:
        if re.search(r"\b(?:last|past|previous|recent)\b", low):
            return "DURATION", "PXQ", anchor
        return (
            "DATE",
            "FUTURE_REF" if "coming" in low or "future" in low else "PAST_REF",
            anchor,
        )
    if plural:
        return "SET", f"XXXX-Q{q}", anchor
    if q is None and not plural and (m := _ENDED_RE.match(ctx.text, ctx.end)):
        month = MONTHS[m[1].lower().rstrip(".")]
        y = int(m[2]) if m[2] else _resolve_year_for(anchor, month, 28, "past")
        ctx._topic_quarter = not ago
        return "DATE", f"{y - (1 if ago else 0):04d}-Q{(month - 1) // 3 + 1}", anchor
    if q is None:
        # "the quarter", "the latest quarter", "this quarter": the quarter under
        # discussion, else the one a report published at dct is about
        if "current" in low or re.match(r"this\b", low):
            base_y, base_q = anchor.year, _quarter(anchor)
        elif (
            ctx.doc_quarter
            and not re.search(r"\blast\b|\bprevious\b", low)
            and ctx.doc_quarter < f"{anchor.year:04d}-Q{_quarter(anchor)}"
        ):
            # a finished quarter the document is about (not one still running)
            base_y, base_q = int(ctx.doc_quarter[:4]), int(ctx.doc_quarter[-1])
        elif re.search(r"\bnext\b", low):
            y, m = _month_shift(anchor.year, anchor.month, 3)
            base_y, base_q = y, (m - 1) // 3 + 1
        else:
            ref = anchor - timedelta(days=45)
            base_y, base_q = ref.year, _quarter(ref)
        if year is not None:
            base_y = year
        if ago:
            base_y -= 1
        else:
            ctx._topic_quarter = True
        return "DATE", f"{base_y:04d}-Q{base_q}", anchor
    if year is None:
        if (sent_year := _sentence_year(ctx, tense)) is not None:
            year = sent_year
        else:
            year = anchor.year
            if q > _quarter(anchor) and tense() != "future":
                year -= 1
    if ago:
        year -= 1
    else:
        ctx._topic_quarter = True
        ctx._forecast = (year, q) >= (anchor.year, _quarter(anchor)) and (
            tense() == "future"
        )
    return "DATE", f"{year:04d}-Q{q}", anchor


def _half(low: str, ctx: Context) -> Result | None:
    ym = _YEAR_RE.search(low)
    year = int(ym[1]) if ym else ctx.dct.year
    if "last year" in low:
        year = ctx.dct.year - 1
    elif "next year" in low:
        year = ctx.dct.year + 1
    h = 1 if "first" in low else 2
    return "DATE", f"{year:04d}-H{h}", ctx.dct


def _decade(low: str, ctx: Context) -> Result | None:
    if m := re.search(r"(1[5-9]|20)(\d)0'?s", low):
        return "DATE", f"{m[1]}{m[2]}X", ctx.dct
    if m := re.search(r"'(\d)0s|(?<!\d)(\d)0s", low):
        digit = int(m[1] or m[2])
        century = ctx.dct.year // 100
        if digit > (ctx.dct.year % 100) // 10:
            century -= 1
        return "DATE", f"{century}{digit}X", ctx.dct
    for word, digit in DECADE_WORDS.items():
        if word in low:
            return "DATE", f"19{digit}X", ctx.dct
    return None


def _century(low: str, ctx: Context) -> Result | None:
    if m := re.search(r"(\d{1,2})(?:st|nd|rd|th)", low):
        n = int(m[1])
    else:
        n = next((v for k, v in ORDINALS.items() if k in low), None)
        if n is None:
            return None
    return "DATE", f"{n - 1:02d}", ctx.dct


_WEEKDAY_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:on\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _time(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    clock = _clock(low)
    if clock is None:
        return None
    day = _day_of(low, ctx, tense)
    if day is None and (
        m := _WEEKDAY_AFTER.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 40))
    ):
        # "at about 10:35 a.m. (0735 GMT) Friday": the day named just after
        day = _resolve_weekday(ctx.today, WEEKDAYS[m[1].lower()], "", tense())
    # "made its first flight Tuesday ... at 18:00 UTC": the day of the sentence
    day = day or ctx.sent_day or ctx.anchor
    return "TIME", f"{day.isoformat()}T{clock}", ctx.dct


def _weekday(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    day = _day_of(low, ctx, tense)
    if day is None:
        return None
    if re.search(r"\d\s*(?:a\.m|p\.m|am|pm)|\d:\d\d|noon|midnight", low):
        clock = _clock(low)
        if clock:
            return "TIME", f"{day.isoformat()}T{clock}", ctx.dct
    if part := _part(low):
        # "Friday morning", "Wednesday night": a part of that day (TimeML TIME)
        return "TIME", f"{day.isoformat()}T{part}", ctx.dct
    return "DATE", day.isoformat(), ctx.dct


def _deictic(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    anchor = ctx.anchor
    if (m := re.match(r"(?:the )?day (before|after) (.*)", low)) and _WD_RE.search(
        m[2]
    ):
        # "the day before last Tuesday's hearing": that weekday, a day off
        d = _day_of(m[2], ctx, tense)
        if d is not None:
            d += timedelta(days=-1 if m[1] == "before" else 1)
            return "DATE", d.isoformat(), ctx.dct
    if (
        re.search(r"\b(?:next|following|previous)\s+day\b", low)
        and ctx.sent_anchor is None
        and ctx.sent_day is None
        and ctx.doc_day is not None
        and tense() == "past"
    ):
        # "... a turbulent day yesterday ... its worst fall since 1987 ... (By
        # the following day this theory had been abandoned.)": a day from the
        # last day the story named
        anchor = ctx.doc_day
    if re.search(r"\b(?:next|following)\s+day|day after", low):
        d = anchor + timedelta(days=1)
        if "tomorrow" in low:
            d = ctx.today + timedelta(days=2)
        return "DATE", d.isoformat(), anchor
    if re.search(r"\bprevious\s+day|day before", low):
        d = anchor - timedelta(days=1)
        if "yesterday" in low:
            d = ctx.today - timedelta(days=2)
        return "DATE", d.isoformat(), anchor
    if re.search(r"\bsame\s+day", low):
        # "a report released on the same day": the day under discussion; after
        # a month ("In May ... a leak ... isolated on the same day"), in it
        month = ctx.doc_last if ctx.doc_last and len(ctx.doc_last) == 7 else None
        if month and ctx.narrated_anchor("month") and tense() == "past":
            return "DATE", month, ctx.dct
        day = ctx.sent_anchor or ctx.sent_day or ctx.doc_day or ctx.dct
        return "DATE", day.isoformat(), day
    if re.search(r"\bthat\s+day", low):
        day = _that_day(ctx) or anchor
        return "DATE", day.isoformat(), day
    if "midday" in low:
        return "TIME", f"{ctx.dct.isoformat()}T12:00", ctx.dct
    part = _part(low)
    if part and re.search(r"\b(?:next|following|previous)\b", low):
        step = -1 if "previous" in low else 1
        d = anchor + timedelta(days=step)
        return "TIME", f"{d.isoformat()}T{part}", anchor
    if re.search(r"\bthat\b", low):
        return "TIME", f"{anchor.isoformat()}T{part or 'DT'}", anchor
    if low.startswith("last") and part:
        d = ctx.today - timedelta(days=1)
        return "TIME", f"{d.isoformat()}T{part}", ctx.dct
    day = _day_of(low, ctx, tense)
    if day is None:
        if part is None:
            return None
        day = ctx.today
    if part and not re.fullmatch(
        r"(?:early |late |earlier |later )?(?:today|yesterday|tomorrow)", low
    ):
        return "TIME", f"{day.isoformat()}T{part}", ctx.dct
    return "DATE", day.isoformat(), ctx.dct


def _that_day(ctx: Context) -> date | None:
    """The day "that day" points back to: the sentence's own, else the last
    day the document named when that was its last date ("Rice was all
    transformed by the experience of 11 September, 2001. That day wiped out
    ..."; "sent to Mr Blair on March 7 2003. On that day, Hans Blix ...");
    not the publication day."""
    if day := ctx.sent_anchor or ctx.sent_day:
        return day
    if ctx.doc_last is not None and len(ctx.doc_last) == 10:
        return ctx.doc_day
    return None


_REL_PAST = re.compile(r"\b(?:last|past|previous|this past)\b")
_REL_NEXT = re.compile(r"\b(?:next|coming|this coming)\b")


def _season_value(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    name = next((n for n in SEASONS if n in low), None)
    if name is None:
        return None
    code = SEASONS[name]
    y = ctx.dct.year
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if _REL_PAST.search(low):
        if start_month + 3 <= ctx.dct.month or (code == "WI" and ctx.dct.month >= 3):
            pass
        else:
            y -= 1
        if code == "WI":
            y = ctx.dct.year - 1
    elif _REL_NEXT.search(low) and start_month <= ctx.dct.month:
        y += 1
    return "DATE", f"{y:04d}-{code}", ctx.dct


def _relunit(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    dct = ctx.dct
    if re.search(r"mid-?year|year-?\s?end|year['\u2019]s end|end of the year", low):
        return "DATE", f"{dct.year:04d}", dct
    if "end of the month" in low:
        return "DATE", f"{dct.year:04d}-{dct.month:02d}", dct
    if re.search(
        r"same|corresponding|comparable|year-ago|year-earlier|last year", low
    ) and re.search(r"period|time|month|week", low):
        # the period the sentence compares: its month or quarter, a year back
        month = ctx.sent_month or f"{dct.year:04d}-{dct.month:02d}"
        if "month" in low or (ctx.sent_month and not ctx.sent_quarter):
            return "DATE", f"{int(month[:4]) - 1:04d}-{month[5:]}", dct
        if ctx.sent_quarter or ctx.doc_quarter:
            q = ctx.sent_quarter or ctx.doc_quarter or ""
            return "DATE", f"{int(q[:4]) - 1:04d}-{q[5:]}", dct
        return "DATE", f"{dct.year - 1:04d}", dct
    unit = _unit_of(low)
    if unit is None:
        return _season_value(low, ctx, tense)
    anchor = ctx.anchor
    if (
        ctx.sent_anchor is None
        and ctx.sent_any_year is not None
        and unit in ("year", "decade")
    ):
        # "in June 1998 ... later that year", "$37 million in 1988, ... of the
        # $1.5 billion in imports that year": the sentence's own year
        anchor = date(ctx.sent_any_year, 7, 1)
    # "the following week", "that year", "the previous month": anchored; in a
    # sentence narrating the past with no date of its own, at the last date
    # the document named ("in 2005 ... The following year, ...")
    next_told = None
    if _narrated_next(low, ctx, tense):
        told_at = ctx.narrated_anchor(unit) or anchor
        if _a_unit_before(told_at, dct, unit):
            next_told = told_at
    if re.search(r"\b(?:following|that)\b|\bthe previous\b", low) or next_told:
        if next_told is not None:
            anchor = next_told
        elif (narrated := ctx.narrated_anchor(unit)) is not None and tense() == "past":
            anchor = narrated
        sign = (
            1
            if re.search(r"\b(?:following|next)\b", low)
            else (-1 if "previous" in low else 0)
        )
        v = (
            shifted_value(anchor, 1, unit, sign)
            if sign
            else shifted_value(anchor, 0, unit, 1)
        )
        if unit == "weekend":
            v = None
        return ("DATE", v, anchor) if v else None
    if re.search(r"\b(?:the past|the last)\b", low) and unit not in (
        "weekend",
        "year",
        "week",
        "month",
    ):
        if re.search(
            r"\b(?:week|month|year|decade|century)s?\s+(?:before|ago|earlier)", low
        ):
            pass
        else:
            return "DURATION", duration_value(1, unit), dct
    sign = 0
    if _REL_PAST.search(low):
        sign = -1
    elif _REL_NEXT.search(low):
        sign = 1
    if unit == "weekend":
        if sign == 0 and _weekend_past(low, ctx, tense):
            # the weekend just past (or this one, if dct falls in it)
            sat = dct - timedelta(days=(dct.weekday() - 5) % 7)
            return "DATE", _week(sat) + "-WE", dct
        if sign == 0 and dct.weekday() >= 5 and not re.search(r"\bthis\b", low):
            sign = 1  # "will meet at the weekend" on a Sunday: the next one
        # else the weekend of the dct's week: a future "the weekend" on a
        # Friday is the next day's, not the week after's
        base = dct + timedelta(weeks=sign)
        return "DATE", _week(base) + "-WE", dct
    if re.fullmatch(
        r"the (?:entire |full |whole )?(?:fiscal |calendar )?(?:week|month|year)", low
    ):
        if unit == "year":
            if re.match(
                r"\s+(?:ended|ending|that\s+ended|to)\b",
                ctx.text[ctx.end : ctx.end + 16],
            ):
                return (
                    "DURATION",
                    "P1Y",
                    dct,
                )  # "the year ended Sept. 30": a fiscal year
            # "$8.6 billion in the fourth quarter of 2005 and for the year":
            # the year the sentence is about
            return "DATE", f"{ctx.sent_any_year or dct.year:04d}", dct
        if unit == "week":
            return "DATE", f"{dct.year:04d}-WXX", dct
        return "DATE", f"{dct.year:04d}-XX", dct
    if unit == "century" and sign == 0:
        return "DATE", f"{dct.year // 100:02d}", dct
    v = shifted_value(dct, 1, unit, sign) if sign else shifted_value(dct, 0, unit, 1)
    if v is None:
        return None
    return "DATE", v, dct


def _weekend_past(low: str, ctx: Context, tense: Callable[[], str]) -> bool:
    """Whether "the weekend" / "this weekend" is the one just past. "The
    weekend" is, unless the sentence is future; "this weekend" only when a
    past verb of its own tells it ("the quick sale of Merrill Lynch ... this
    weekend", "BP responded this weekend with a new plan" on a Tuesday). Not
    a noun's ("this weekend's meeting of the Group of 20" under "wasn't
    enthusiastic" is the coming one), a deadline ("by this weekend"), a
    modal's ("may gain approval to operate this weekend") nor a present's
    ("celebrates its 50th birthday this weekend")."""
    t = tense()
    if t == "future":
        return False
    if not re.search(r"\bthis\b", low):
        return True
    if t != "past" or re.match(r"['’]s\b", ctx.text[ctx.end : ctx.end + 3]):
        return False
    if _DEADLINE_BEFORE.search(ctx.text[max(0, ctx.start - 12) : ctx.start]):
        return False
    return not _under_a_modal(ctx)


_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|through)\s+$", re.I)
_MODALS = {"may", "might", "could", "can", "should", "would", "must", "will", "shall"}


def _under_a_modal(ctx: Context) -> bool:
    """Whether the verb an expression hangs on has a modal ("could start")."""
    span = ctx.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        if tok.head is tok:
            return False
        tok = tok.head
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children)


def _narrated_next(low: str, ctx: Context, tense: Callable[[], str]) -> bool:
    """Whether "the next year/month/week" tells a past story's next step
    ("Bernanke ... said in 2005. It happened the next year."; "in 2002, ...
    Bush derided it ... The next year, when the EPA issued its first ...
    Report"): counted, like "the following year", from the date the narrative
    is at, not from publication. In the past tense, or opening its sentence
    with no tense to go by (a clause the parser left unattached); never in
    the future ("the next year will be decisive")."""
    if not re.fullmatch(r"the next (?:year|month|week)", low):
        return False
    t = tense()
    if t == "past":
        return True
    before = ctx.text[max(0, ctx.start - 6) : ctx.start]
    opens = ctx.start == 0 or re.search(r"(?:[.!?][\"”’]?\s+|\n\s*)$", before)
    return t == "" and bool(opens)


def _a_unit_before(at: date, dct: date, unit: str) -> bool:
    """Whether a narrative's date lies in a year, month or week before the
    document's (so its "next" one is not publication's)."""
    if unit == "year":
        return at.year < dct.year
    if unit == "month":
        return (at.year, at.month) < (dct.year, dct.month)
    return (dct - at).days >= 7


# "A little over a week ago", "about two weeks ago": not that very day
_APPROX = re.compile(
    r"(?:a little |just |well |slightly )?(?:over|more than|under|less than)\b|"
    r"(?:about|around|nearly|almost|roughly|approximately|some|close to)\b"
)
_SINGULAR_UNIT = re.compile(
    r"(?:^|[\s-])(?:day|night|week|fortnight|month|quarter|year|hour|minute)(?:-long)?$"
)
_OFFSET_RE = re.compile(r"\b(ago|earlier|later|before|after|from now|since)\b")


def _duration(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    # "the year-earlier nine months": a length of time, a year back
    low = re.sub(r"\b(?:year-earlier|year-ago|comparable) ", "", low)
    unit = _unit_of(low)
    if unit is None:
        if re.search(r"a while|a long time", low):
            return "DURATION", "PXX", ctx.dct
        return None
    body = low
    body = re.sub(
        r"\b(?:about|around|nearly|almost|approximately|roughly|more than|less than|"
        r"fewer than|at least|at most|up to|over|under|just|only|barely|no more than|"
        r"no less than|well over|close to|upwards of|the better part of|a little over|"
        r"a little more than|the|past|last|next|first|coming|latest|previous|following|"
        r"final|remaining|initial|same|other|more|additional|extra|straight|"
        r"consecutive|full|long|short|recent|in|for|or so|trading|business|calendar|"
        r"working|old|ago|earlier|later|before|after|from now|ahead|since|to come)\b",
        " ",
        body,
    )
    body = _UNIT_RE.sub(" ", body).replace("-", " ").strip()
    # no count left ("recent weeks", "the past few days"): unknown
    n = parse_number(body) if body else None
    if n is None and not body and _SINGULAR_UNIT.search(low):
        n = 1  # "a day-long meeting", "the first trading day": one unit
    if low == "one day" and re.search(
        r"\b(?:will|would|could|may|might|can|shall|'ll|to)\s+$",
        ctx.text[max(0, ctx.start - 8) : ctx.start],
    ):
        return "DATE", "FUTURE_REF", ctx.dct  # "Islam will one day be ..."
    if re.match(r"(?:the )?future ", low):
        return "DATE", "FUTURE_REF", ctx.dct  # "future quarters"
    off = _OFFSET_RE.search(low)
    if off and off[1] != "since":
        sign = -1 if off[1] in ("ago", "earlier", "before") else 1
        anchor = ctx.dct if off[1] in ("ago", "from now") else ctx.anchor
        if (
            off[1] == "earlier"
            and unit in ("year", "month")
            and (narrated := ctx.narrated_anchor(unit)) is not None
            and tense() == "past"
        ):
            # "... an improvement notice in 2006. A year earlier, the HSE
            # issued ...": counted from the last date the narrative named
            anchor = narrated
        if (
            off[1] in ("earlier", "later")
            and ctx.sent_anchor is None
            and (
                unit in ("day", "night", "hour", "minute", "second")
                or off[1] == "later"
            )
        ):
            # "Three days later", "a day earlier": counted from an event the
            # narrative is about, not from the dct; with no date in the sentence
            # to count from, the text gives only the length (as TimeBank does);
            # "50 years later" is never 50 years after the publication date
            return "DURATION", duration_value(n, unit), ctx.dct
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor
        # "a year ago" in a sentence about a quarter is that quarter a year back
        if unit == "year" and n == 1 and (q := ctx.sent_quarter or ctx.doc_quarter):
            return (
                "DATE",
                f"{int(q[:4]) - 1:04d}-{q[5:]}",
                anchor,
            )
        if unit == "week" and n == int(n) and n <= 2 and not _APPROX.match(low):
            # "a week ago", "two weeks ago": the day that many weeks back;
            # further back ("six weeks ago") the week is all the text gives
            v: str | None = (anchor + timedelta(weeks=int(n) * sign)).isoformat()
        else:
            v = shifted_value(anchor, n, unit, sign)
        if v is None:
            return "DURATION", duration_value(n, unit), anchor
        if unit in ("hour", "minute", "second"):
            return "TIME", v, anchor
        return "DATE", v, anchor
    if re.fullmatch(r"(?:the )?(?:weeks|months|years|days)", low.strip()):
        return "DURATION", duration_value(None, unit), ctx.dct
    return "DURATION", duration_value(n, unit), ctx.dct


_SET_UNITS = {
    "day": "P1D",
    "daily": "P1D",
    "nightly": "P1D",
    "night": "P1D",
    "week": "P1W",
    "weekly": "P1W",
    "biweekly": "P2W",
    "month": "P1M",
    "monthly": "P1M",
    "year": "P1Y",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hour": "PT1H",
    "hourly": "PT1H",
    "quarter": "P3M",
    "quarterly": "P3M",
    "minute": "PT1M",
    "morning": "P1D",
    "evening": "P1D",
    "afternoon": "P1D",
}


def _set(low: str, ctx: Context) -> Result | None:
    if m := _WD_RE.search(low):
        wd = WEEKDAYS[m[1]] + 1
        part = _part(low)
        return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), ctx.dct
    if (mm := _MONTH_RE.search(low)) and re.search(r"\b(?:every|each)\b", low):
        return "SET", f"XXXX-{MONTHS[mm[1]]:02d}", ctx.dct
    if m := re.search(r"(?:every|each|per)\s+(?:other\s+)?(.+)", low):
        rest = m[1]
        unit = _unit_of(rest)
        if unit:
            nb = _UNIT_RE.sub(" ", rest).strip()
            n = parse_number(nb) if nb else 1
            if "other" in low:
                n = 2
            return "SET", duration_value(n or 1, unit), ctx.dct
        word = rest.strip().rstrip("s")
        return ("SET", _SET_UNITS[word], ctx.dct) if word in _SET_UNITS else None
    if m := re.search(r"(?:a|per)\s+(day|week|month|year)", low):
        return "SET", _SET_UNITS[m[1]], ctx.dct
    word = low.strip()
    return ("SET", _SET_UNITS[word], ctx.dct) if word in _SET_UNITS else None


_PRESENT = {
    "now",
    "right now",
    "just now",
    "currently",
    "nowadays",
    "these days",
    "at present",
    "the present",
    "presently",
    "current",
    "this moment",
    "that moment",
    "this crucial moment",
}
_FUTURE = {"soon", "very soon", "shortly", "as soon as possible"}


def _ref(low: str, ctx: Context) -> Result | None:
    low = re.sub(r"\s+", " ", low)
    if low == "the time being":
        return "DATE", "PRESENT_REF", ctx.dct
    if low in ("current", "currently") and re.search(
        r"\bthen[\s-]+$", ctx.text[max(0, ctx.start - 6) : ctx.start]
    ):
        return "DATE", "PAST_REF", ctx.dct  # "the then current market price"
    if low in _PRESENT:
        return "DATE", "PRESENT_REF", ctx.dct
    if low == "annual":
        return "DURATION", "P1Y", ctx.dct
    if (
        low in _FUTURE
        or "future" in low
        or re.search(r"near term|short term|long term|medium term", low)
    ):
        return "DATE", "FUTURE_REF", ctx.dct
    return "DATE", "PAST_REF", ctx.dct


def _yearago(low: str, ctx: Context) -> Result | None:
    q = ctx.sent_quarter or ctx.doc_quarter
    if q:
        return "DATE", f"{int(q[:4]) - 1:04d}-{q[5:]}", ctx.dct
    return "DATE", f"{ctx.dct.year - 1:04d}", ctx.dct


def _week_of(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    if re.match(r"the week of ", low):
        got = _explicit(low[len("the week of ") :], ctx, tense)
        if got is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", got[1]):
            return None
        return "DATE", _week(date.fromisoformat(got[1])), got[2]
    got = _month(re.sub(r"^.*\bweek of ", "", low), ctx, tense)
    if got is None:
        return None
    y, m = int(got[1][:4]), int(got[1][5:7])
    # a week belongs to the month that holds its Thursday (ISO 8601), so the
    # weeks of a month are those of its Thursdays
    if re.search(r"\b(?:last|final)\b", low):
        d = _nth_weekday(y, m, 3, -1)
    else:
        nth = {"first": 0, "second": 1, "third": 2, "fourth": 3}
        k = next((v for w, v in nth.items() if w in low), 0)
        d = _nth_weekday(y, m, 3, 1) + timedelta(weeks=k)
    return "DATE", _week(d), ctx.dct


def _spacy_fallback(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    """A spaCy DATE/TIME entity the grammar did not match: read it with
    dateparser when it names a calendar date, else skip it."""
    from timeline.extraction.temporal.absolute import parse_absolute

    if not _MONTH_RE.search(low) and not re.search(
        r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}", low
    ):
        return None
    got = parse_absolute(low, ctx.anchor)
    if got is None:
        return None
    return "DATE", got, ctx.anchor
