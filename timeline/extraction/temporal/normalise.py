"""Normalisation rules for temporal expressions (ISO-TimeML values).

Every rule is general: it reads the expression, the document creation time
(dct), a reference date the sentence moved to, and the tense of the verb the
expression attaches to. Granularity follows the text: "last week" is a week,
"March" a month; a day is never invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.extraction.temporal.acceptance import _accept, _past_verb
from timeline.extraction.temporal.context import Context, Result
from timeline.extraction.temporal.holidays import _holiday
from timeline.extraction.temporal.resolvers import (
    _century,
    _decade,
    _deictic,
    _duration,
    _explicit,
    _half,
    _iso,
    _month,
    _quarter_value,
    _ref,
    _relunit,
    _set,
    _spacy_fallback,
    _time,
    _week_of,
    _weekday,
    _year,
    _yearago,
)


def normalise(
    family: str, surface: str, ctx: Context, tense: Callable[[], str]
) -> Result | None:
    """(type, value, anchor) for a matched expression, or None to drop it."""
    low = re.sub(r"\s+", " ", surface.lower()).strip()
    if not _accept(family, surface, low, ctx):
        return None
    ctx._explicit = False
    ctx._topic_quarter = False
    ctx._forecast = False
    if family == "explicit":
        return _explicit(low, ctx, tense)
    if family == "iso":
        return _iso(low, ctx)
    if family == "month":
        return _month(low, ctx, tense)
    if family == "year":
        return _year(low, ctx)
    if family == "quarter":
        return _quarter_value(low, ctx, tense)
    if family == "half":
        return _half(low, ctx)
    if family == "decade":
        return _decade(low, ctx)
    if family == "century":
        return _century(low, ctx)
    if family == "weekday":
        return _weekday(low, ctx, tense)
    if family == "time":
        return _time(low, ctx, tense)
    if family == "deictic":
        return _deictic(low, ctx, tense)
    if family == "relunit":
        return _relunit(low, ctx, tense)
    if family == "duration":
        return _duration(low, ctx, tense)
    if family == "yearago":
        return _yearago(low, ctx)
    if family == "set":
        return _set(low, ctx)
    if family == "ref":
        if low.endswith("soon") and (
            _past_verb(ctx, ctx.start, ctx.start + len(surface))
            or re.search(r"\bas\s+$", ctx.text[ctx.start - 4 : ctx.start])
        ):
            return None  # "he was soon released", "as soon as Tuesday"
        return _ref(low, ctx)
    if family == "sameday":
        # "ending the day at 8,017": the day the report is about, the last one
        # it named just before ("stocks closed higher on Friday ..."), else
        # the story's day
        day = ctx.the_day()
        return "DATE", day.isoformat(), day
    if family == "weekof":
        return _week_of(low, ctx, tense)
    if family == "holiday":
        return _holiday(low, ctx, tense)
    if family == "spacy":
        return _spacy_fallback(low, ctx, tense)
    return None
