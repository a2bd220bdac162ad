"""A chronology of month-day entries that writes no years: "March 21: Eight
British servicemen died ... April 6: Three soldiers were killed ..." in a list
published years later. Each entry's year follows from the order of the
entries and the document's date, not from the nearest occurrence of each day
taken alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from timeline.extraction.temporal.dates import _safe_date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<m1>{_MONTH})[ \t]+(?P<d1>{_DAY})|(?P<d2>{_DAY})[ \t]+(?P<m2>{_MONTH}))"
    r"(?:,?[ \t]+(?P<y>1[5-9]\d\d|20\d\d))?"
)
# an entry: a month and day (and perhaps a year) opening a line or a sentence
# ("Here is the full list: March 21: ..."), then a colon or a dash before a
# capital ("April 25 - The Coast Guard approves ..."); or, a colon and a
# capital after it, anywhere (a list whose line breaks were lost: "... Acting
# Lance Corporal Steven Jones, Royal Signals March 28: A British soldier ...")
ENTRY = re.compile(
    rf"(?:^|(?<=[.:;!?])[ \t]+)[ \t]*{_DATE}"
    r"(?=[ \t]*:|[ \t]+[-\u2013\u2014][ \t]+[A-Z\"\u201c])",
    re.MULTILINE,
)
_GLUED = re.compile(rf"(?<=[^\s.:;!?][ \t]){_DATE}(?=:[ \t]+[A-Z\"\u201c])")
MIN_ENTRIES = 4  # fewer dated lines are not a chronology
_SAME_YEAR_BACK = 45  # days an entry may step back in an ascending list (and
# forward in a descending one) and stay in its year: a list a little out of
# order ("June 28: ... June 19: ..."), not a turn of the year


@dataclass(frozen=True)
class Entry:
    start: int  # where the entry's date begins
    end: int  # where the entry's text ends (the next entry, or its line's end)
    day: date


def _day_of_year(month: int, day: int) -> int:
    return (month - 1) * 31 + day


def chronicle(text: str, dct: date) -> list[Entry]:
    """The entries of the document's chronology with their years, or []."""
    found = []
    matches = sorted(
        [*ENTRY.finditer(text), *_GLUED.finditer(text)], key=lambda m: m.start()
    )
    for m in matches:
        month = _MONTHS[(m["m1"] or m["m2"])[:3].lower()]
        day = int(re.match(r"\d+", m["d1"] or m["d2"])[0])
        year = int(m["y"]) if m["y"] else None
        start = m.start("m1") if m["m1"] else m.start("d2")
        found.append((start, month, day, year))
    if len(found) < MIN_ENTRIES or all(f[3] is not None for f in found):
        return []
    keys = [_day_of_year(f[1], f[2]) for f in found]
    ups = sum(b > a for a, b in zip(keys, keys[1:], strict=False))
    downs = sum(b < a for a, b in zip(keys, keys[1:], strict=False))
    step = 1 if ups >= downs else -1  # ascending: the year goes up at a turn
    # each entry's year relative to the first one's: it changes where the
    # list turns the year (an ascending list steps back, a descending one on)
    rel = [0]
    for a, b in zip(keys, keys[1:], strict=False):
        turned = (b - a) * step < -_SAME_YEAR_BACK
        rel.append(rel[-1] + (step if turned else 0))
    years = _years(found, rel, step, dct)
    out = []
    for i, (start, month, day, _) in enumerate(found):
        d = _safe_date(years[i], month, day)
        if d is None:
            continue
        if i + 1 < len(found):
            end = found[i + 1][0]
        else:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
        out.append(Entry(start, end, d))
    return out


def _years(
    found: list[tuple[int, int, int, int | None]], rel: list[int], step: int, dct: date
) -> list[int]:
    """Each entry's year: counted from the nearest entry before it that writes
    its year (or, before the first such, the one after it); in a list that
    writes none, from the document's date: the entry nearest to it (the last
    of an ascending list, the first of a descending one) is its occurrence
    nearest the document's date, one after the date counting 6 times as far
    (as a day without a year in a past sentence is resolved: a chronology
    tells what happened): a list of 2003 to 2 May 2005 published on 2 May
    2005 ends in 2005, a list of 20 April to 5 August published (its page
    first dated) on 15 June is of that year."""
    written = [i for i, f in enumerate(found) if f[3] is not None]
    years = []
    for i in range(len(found)):
        before = [j for j in written if j <= i]
        j = before[-1] if before else (written[0] if written else None)
        if j is None:
            k = len(found) - 1 if step > 0 else 0
            _, month, day, _ = found[k]
            years.append(_nearest_year(dct, month, day) + rel[i] - rel[k])
        else:
            years.append(found[j][3] + rel[i] - rel[j])
    return years


def entry_at(entries: list[Entry], at: int) -> Entry | None:
    """The entry whose text holds position `at`."""
    for e in entries:
        if e.start <= at < e.end:
            return e
    return None


def _nearest_year(dct: date, month: int, day: int) -> int:
    def cost(y: int) -> float:
        d = _safe_date(y, month, day) or date(y, month, 28)
        delta = (d - dct).days
        return delta * 6.0 if delta > 0 else -delta

    return min((dct.year - 1, dct.year, dct.year + 1), key=cost)
