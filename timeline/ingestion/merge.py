"""When two extracted events are the same event: pure functions, no database.

Two reports are the same event when their dates are compatible (the ranges
overlap with the finer one inside the coarser), they share an actor or a
country, they are of the same kind, and their wording is similar (for a
specific kind, a little overlap is enough when it is about what happened,
see `paraphrase`); two
reports that name no actor and no country at all need wording much closer
and the same figures. When
everything but the date matches, the sources disagree on the date: that is
a conflict to flag, not a merge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

# Similar enough wording to merge (token Jaccard of title or sentence).
MERGE_SIMILARITY = 0.3
# Paraphrases: reports of a specific kind (a disaster, a vote, an attack, a
# death...) sharing a participant and a compatible date are one event when
# their wording overlaps this much ("the 20 April explosion that killed 11
# workers" / "the accident on 20 April when the Deepwater Horizon rig blew
# up"). Broad kinds (a statement, "other") keep MERGE_SIMILARITY: one actor
# says many things on one day.
PARAPHRASE_SIMILARITY = 0.15
BROAD_KINDS = frozenset({"statement", "other"})
# Two reports naming no actor and no country ("The well was permanently
# sealed on 19 September"): only wording this close, with the same figures.
UNNAMED_SIMILARITY = 0.55
# So similar that a different date means the sources disagree.
CONFLICT_SIMILARITY = 0.5
# Dates further apart than this are different events, not a disagreement.
CONFLICT_DAYS = 31
# How far back a coarser event's start may lie (a year-precision event
# starts on 1 January).
LOOKBACK_DAYS = 400

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "said",
        "says",
        "she",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "after",
        "before",
        "also",
        "over",
        "than",
        "then",
        "there",
        "these",
        "those",
        "not",
        "but",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "week",
        "month",
        "year",
        "last",
        "next",
    ]
)
_STEM = 6  # crude stemming: condemns/condemning, russia/russian


def tokens(text: str) -> frozenset[str]:
    """Content words, lower-cased and cut to a common prefix."""
    return frozenset(
        w[:_STEM]
        for w in _WORD.findall(text.casefold())
        if w not in _STOP and (len(w) > 1 or w.isdigit())
    )


_NUMBER = re.compile(r"\d+")


def numbers(sentence: str, expression: str = "") -> frozenset[str]:
    """The numbers a sentence states, apart from its date expression."""
    if expression:
        sentence = sentence.replace(expression, " ", 1)
    return frozenset(_NUMBER.findall(sentence))


def numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """One report's numbers are among the other's ("93 votes" vs "93 to 18");
    "6.62% lower" and "1.75% lower" are different days, not a disagreement."""
    return a <= b or b <= a


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(
    title: frozenset[str],
    sentence: frozenset[str],
    other_title: frozenset[str],
    other_sentences: Iterable[frozenset[str]],
) -> float:
    """The best of title-vs-title and sentence-vs-any-evidence-sentence."""
    best = jaccard(title, other_title)
    for s in other_sentences:
        best = max(best, jaccard(sentence, s))
    return best


def common_words(text: str) -> frozenset[str]:
    """The content words not written with a capital (nor digits): what is
    said happened ("explosion", "workers", "sanctions"), not who or when."""
    return frozenset(
        w[:_STEM]
        for w in _WORD.findall(text)
        if w[:1].islower() and w.casefold() not in _STOP and len(w) > 1
    )


def paraphrase(
    kind: str,
    score: float,
    shared_actors: int,
    common: frozenset[str],
    other_common: Iterable[frozenset[str]],
) -> bool:
    """Two reports of a specific kind sharing a participant, on compatible
    dates, worded a little alike (`score` >= PARAPHRASE_SIMILARITY): one
    event if they also share a word of what happened, or two people or
    organisations (the call between two leaders, whatever words). Names
    alone do not make the same event: "Ukraine and Russia exchanged
    prisoners" is not the vote condemning Russia's invasion of Ukraine."""
    if kind in BROAD_KINDS or score < PARAPHRASE_SIMILARITY:
        return False
    return shared_actors >= 2 or any(common & c for c in other_common)


def same_event(
    *,
    kind: str,
    score: float,
    shared_actors: int,
    named: bool,
    common: frozenset[str],
    other_common: Iterable[frozenset[str]],
    numbers: frozenset[str],
    other_numbers: Sequence[frozenset[str]],
) -> bool:
    """Two reports of one kind on compatible dates, worded `score` alike,
    sharing a participant (`named`; `shared_actors` of them people or
    organisations) or both naming no one: are they one event?"""
    if named:
        return score >= MERGE_SIMILARITY or paraphrase(
            kind, score, shared_actors, common, other_common
        )
    # No participants to go by: the wording and the figures must agree.
    return score >= UNNAMED_SIMILARITY and (
        not other_numbers or any(numbers_agree(numbers, n) for n in other_numbers)
    )


def dates_compatible(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """One range lies inside the other (so they overlap, finer in coarser)."""
    return (a_start <= b_start and b_end <= a_end) or (
        b_start <= a_start and a_end <= b_end
    )


def dates_close(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """The ranges are at most CONFLICT_DAYS apart (or overlap)."""
    gap = max((b_start - a_end).days, (a_start - b_end).days, 0)
    return gap <= CONFLICT_DAYS
