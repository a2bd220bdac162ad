"""Temporal expressions: find, type and normalise them (TIMEX3).

`tag_timexes(doc, dct)` runs the compiled grammar of `grammar` over the
text, keeps the longest non-overlapping matches, adds spaCy DATE/TIME entities
the grammar missed, and normalises each one with the rules of
`normalise`: relative expressions against the document creation time
(dct) or a date the sentence moved its reference to, with the tense of the
verb the expression hangs on in the dependency parse.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from timeline.extraction.nlp import doc_text
from timeline.extraction.temporal.context import Context
from timeline.extraction.temporal.grammar import PATTERNS, TRIGGER, trigger_families
from timeline.extraction.temporal.normalise import normalise
from timeline.extraction.temporal.ranges import join_ranges
from timeline.extraction.temporal.tense import REPORTING, tense_of
from timeline.extraction.types import Timex

_MARGIN = 90
_FAMILY_RANK = {name: i for i, (name, _) in enumerate(PATTERNS)}
_STRIP_LEFT = ("on ", "in ", "at ", "by ", "since ", "until ", "for ", "from ")


def _windows(text: str) -> list[tuple[int, int, set[str]]]:
    """Stretches of text around temporal trigger words, with the pattern
    families those words can take part in: the grammar only runs there, which
    keeps tagging cheap next to the parser."""
    out: list[tuple[int, int, set[str]]] = []
    n = len(text)
    for m in TRIGGER.finditer(text):
        start = max(0, m.start() - _MARGIN)
        end = min(n, m.end() + _MARGIN)
        # end on a word boundary so that boundary checks see the next character
        while end < n and not text[end - 1].isspace():
            end += 1
        families = _families(m[0])
        if out and start <= out[-1][1]:
            prev = out[-1]
            out[-1] = (prev[0], max(prev[1], end), prev[2] | families)
        else:
            out.append((start, end, set(families)))
    return out


@lru_cache(maxsize=2048)
def _families(word: str) -> frozenset[str]:
    return trigger_families(word)


def _candidates(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    windows = _windows(text)
    for family, pattern in PATTERNS:
        for ws, we, families in windows:
            if family not in families:
                continue
            for m in pattern.finditer(text, ws, we):
                start, end = m.span()
                # trailing spaces or commas never belong to an expression
                while end > start and text[end - 1] in " ,\n\t":
                    end -= 1
                if end > start and not _day_to_day(text, end):
                    found.append((start, end, family))
    return found


_TO_DAY = re.compile(r"(?i)[\s-]*to[\s-]*day\b")


def _day_to_day(text: str, end: int) -> bool:
    """'took over the day-to-day operations', 'handing over the day-to-day
    response': "the day" of the adjective "day-to-day" is no day at all."""
    return text[end - 3 : end].lower() == "day" and bool(_TO_DAY.match(text, end))


def _select(cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest first (then earliest, then family order), no overlaps."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], _FAMILY_RANK.get(c[2], 99)))
    taken: list[tuple[int, int, str]] = []
    occupied: list[tuple[int, int]] = []
    for s, e, fam in cands:
        if any(s < oe and os < e for os, oe in occupied):
            continue
        taken.append((s, e, fam))
        occupied.append((s, e))
    taken.sort()
    return taken


def _spacy_extra(
    doc: Doc, text: str, taken: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """spaCy DATE/TIME entities that no grammar match touches."""
    extra = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        if any(s < te and ts < e for ts, te, _ in taken):
            continue
        low = text[s:e].lower()
        for prefix in _STRIP_LEFT:
            if low.startswith(prefix):
                s += len(prefix)
                low = low[len(prefix) :]
        while e > s and text[e - 1] in " ,.\n":
            e -= 1
        if e > s:
            extra.append((s, e, "spacy"))
    return extra


def tag_timexes(doc: Doc, dct: date) -> list[Timex]:
    """All temporal expressions in a parsed document, normalised against dct."""
    text = doc_text(doc)
    taken = _select(_candidates(text))
    taken = sorted(taken + _spacy_extra(doc, text, taken))
    ctx = Context(doc=doc, dct=dct, text=text)
    out: list[Timex] = []
    for start, end, family in taken:
        surface = text[start:end]
        ctx.enter(start)
        ctx.end = end
        result = normalise(
            family, surface, ctx, lambda s=start, e=end: tense_of(doc, s, e, text)
        )
        if result is None:
            continue
        typ, value, anchor = result
        out.append(Timex(start, end, surface, typ, value, anchor))
        if not (
            family == "deictic" and ctx.doc_old_run and _reporting(doc, start, end)
        ):
            # "Mr Blix said last night: ..." in a narrative of 2003 is the
            # interview's day, not the story's next step ("On March 7, ...
            # On the same day, ElBaradei reported"): it leaves the story's date
            ctx.remember(typ, value, start)
            if (
                ctx.doc_old_run == 1
                and family == "explicit"
                and ctx._explicit
                and _sets_the_scene(doc, start, end)
            ):
                # "On February 14 2003 he delivered a report ...": a story of
                # that time begins (not "the Dec. 21, 1988, bombing")
                ctx.doc_old_run = 2
        if family in ("explicit", "iso"):
            ctx.open_line(start, end, value)
        if family == "explicit" and (
            second := _second_day(text, end, value, anchor, taken)
        ):
            out.append(second)
    return join_ranges(text, out)


def _sets_the_scene(doc: Doc, start: int, end: int) -> bool:
    """Whether a date that opens its sentence is the time of its clause's verb
    ("On February 14 2003 he delivered ..."), not a noun's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if span.start - span.sent.start > 3:
        return False  # not fronted: "a day before the window was to close on
        # September 1, 2006, they demanded ..." tells one step, then goes on
    if span.start > 0 and doc[span.start - 1].tag_ in ("DT", "PRP$", "POS"):
        return False  # "the Dec. 21, 1988, bombing": a noun's date
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ != "npadvmod":
        return False
    return head.pos_ in ("VERB", "AUX")


def _reporting(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression dates a reporting verb ("said last night")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.head.lemma_ in REPORTING


_AND_DAY = re.compile(r"\s+(?:and|or|&)\s+([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b")


def _second_day(
    text: str,
    end: int,
    value: str,
    anchor: date | None,
    taken: list[tuple[int, int, str]],
) -> Timex | None:
    """The second day of "April 24 and 25": the same month, that day."""
    m = _AND_DAY.match(text, end)
    if not m or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    if re.match(
        r"\s*(?:[,.]\d|%|percent|per|million|billion|[a-zA-Z])", text[m.end() :]
    ):
        return None  # "March 3 and 4 percent", "May 5 and 6 others"
    if re.match(r",?\s+(?:1[5-9]|20)\d\d\b", text[m.end() :]):
        return None  # "March 3 and 4, 1998": the year is the pair's, left alone
    s, e = m.start(1), m.end(1)
    if any(s < te and ts < e for ts, te, _ in taken):
        return None
    try:
        day = date.fromisoformat(value[:8] + f"{int(m[1]):02d}")
    except ValueError:
        return None
    return Timex(s, e, text[s:e], "DATE", day.isoformat(), anchor)
