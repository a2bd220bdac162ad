"""The days an article refers to, from its date expressions. No Django.

Every point-in-time expression counts, not only those that became events:
"the well exploded on 20 April" in the background of a July article says
20 April mattered. A time ("20 April at 10pm") counts as its day; a week or a
month is kept at its own precision (its first day stands for it), weaker
evidence the ranking may use. Quarters, years and vaguer values say nothing
about a day and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from timeline.extraction.types import Timex
from timeline.extraction.values import value_range

REFERENCE_PRECISIONS = ("day", "week", "month")


def referenced_days(timexes: Iterable[Timex]) -> set[tuple[str, date]]:
    """{(precision, first day)} for the DATE/TIME expressions of one article."""
    out: set[tuple[str, date]] = set()
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        parsed = value_range(t.value)
        if parsed is None:
            continue
        start, end, precision = parsed
        if precision == "month" and (start.year, start.month) != (end.year, end.month):
            continue  # a season: three months, no better than a quarter
        if precision in REFERENCE_PRECISIONS:
            out.add((precision, start))
    return out
