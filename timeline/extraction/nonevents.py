"""What is not an event: conditions, opinions, habits, generic facts.

An occurrence, a report of one, an announcement or a scheduled occurrence is
an event; a sentence whose main predicate states a condition ("The GM equity
is largely uninvestable", "The streak is the index's best"), an opinion, a
habit or a generic fact ("the iTunes store accounts for 70% of sales") is not,
nor a date that only marks a comparison ("its lowest level since April
1997"). Read from the parse: copular and stative main predicates, the simple
present of a done event, and the preposition over the date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extraction.kinds import is_event_nominal, lexicon, noun_kind

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

# Verbs that state a condition, a belief or a relation, not an occurrence.
STATIVE_VERBS = frozenset(
    [
        "have",
        "own",
        "remain",
        "stay",
        "seem",
        "belong",
        "contain",
        "consist",
        "cost",
        "mean",
        "resemble",
        "exist",
        "lack",
        "know",
        "believe",
        "think",
        "want",
        "like",
        "love",
        "hate",
        "need",
        "prefer",
        "depend",
        "include",
        "involve",
        "represent",
        "account",
        "equal",
        "total",
        "comprise",
        "deserve",
        "matter",
        "live",
    ]
)
# Present-tense verbs that report an occurrence all the same ("Obama says").
_SPEECH_KINDS = frozenset({"statement"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_COMPLEMENTS = frozenset({"attr", "acomp"})
_CHANGE_WORDS = frozenset({"up", "down", "higher", "lower", "off"})
_FIGURES = frozenset({"MONEY", "PERCENT"})
# Kinds whose participants are figures of a period: "the fourth-quarter loss".
_FIGURE_KINDS = frozenset({"economy", "business"})
_COMPARING = frozenset({"compare", "compared", "than"})
_SINCE_MARKERS = frozenset(
    {"first", "not", "never", "highest", "lowest", "worst", "best"}
)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _eventive_argument(verb: Token) -> bool:
    """A subject or complement that names an event: 'The meeting was on Monday'."""
    for c in verb.children:
        if c.dep_ in _SUBJECT_DEPS | _COMPLEMENTS | {"dobj"} and is_event_nominal(c):
            return True
    return False


def _reports_a_change(verb: Token) -> bool:
    """'Sales were up 13 percent', 'unemployment was 8.5%': a figure moved."""
    for c in verb.children:
        if c.dep_ in _COMPLEMENTS | {"advmod", "prep", "npadvmod"}:
            if c.lower_ in _CHANGE_WORDS:
                return True
            if c.dep_ in _COMPLEMENTS and any(
                t.ent_type_ in _FIGURES or t.text == "%" for t in c.subtree
            ):
                return True
    return False


def _has(verb: Token, deps: set[str] | frozenset[str]) -> bool:
    return any(c.dep_ in deps for c in verb.children)


def _simple_present(verb: Token) -> bool:
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def non_event_reason(verb: Token, span: Span, *, scheduled: bool) -> str | None:
    """Why the predicate `verb`, dated by `span`, states no event; None if it does.

    `scheduled`: the date lies after the publication date (a present tense
    then announces a scheduled occurrence: "the summit opens on March 3").
    """
    if _is_about_the_date(span, verb):
        return "the date is the subject: the sentence is about the day"
    if _dates_a_comparison(span, verb):
        return "the date only marks a comparison"
    if _dates_a_thing(span, verb):
        return "the date dates a thing, not an occurrence"
    lemma = _lemma(verb)
    copula = lemma == "be" and not _has(verb, {"auxpass"})
    if (
        copula
        and _has(verb, _COMPLEMENTS)
        and not _eventive_argument(verb)
        and not _reports_a_change(verb)
    ):
        return "a copular predicate states a condition"
    if (
        copula
        and _has(verb, {"prep"})
        and not _has(verb, {"expl"})
        and not _eventive_argument(verb)
    ):
        return "a copular predicate states where or how something is"
    if _first_person_comment(verb):
        return "a first-person comment outside reported speech"
    if (
        lemma in STATIVE_VERBS
        and not _eventive_argument(verb)
        and not (lemma == "have" and _has(verb, {"ccomp", "xcomp"}))
    ):
        return "a stative predicate states a condition"
    if _simple_present(verb) and not scheduled:
        kind = lexicon().verbs.get(lemma)
        if kind not in _SPEECH_KINDS:
            return "the simple present states a habit or a generic fact"
    return None


def _is_about_the_date(span: Span, verb: Token) -> bool:
    """'Sunday was chosen as its date', 'Today marked a day in history'."""
    return any(
        c.dep_ in _SUBJECT_DEPS and span.start <= c.i < span.end for c in verb.children
    )


def _first_person_comment(verb: Token) -> bool:
    """'I was sitting outside a cafe': the writer or a commenter, no news."""
    from timeline.extraction.titles import speaker_of, subject_of

    subject = subject_of(verb)
    if subject is None or subject.lower_ not in ("i", "me", "you"):
        return False
    return speaker_of(verb) is None


def _dates_a_comparison(span: Span, verb: Token) -> bool:
    """'its lowest level since April 1997', 'compared to the same time in 2008',
    'lows not seen since October 1982'."""
    if _lemma(verb) in _COMPARING:
        return True
    doc = span.doc
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "since":
        # a superlative or "first"/"not" just before "since" compares with the date
        window = doc[max(0, before - 5) : before]
        if any(t.tag_ in ("JJS", "RBS") or t.lower_ in _SINCE_MARKERS for t in window):
            return True
        head = doc[before].head
        if head.dep_ == "acl" and head.tag_ == "VBN":
            return True
    tok = span.root
    for _ in range(6):
        head = tok.head
        if head.i == tok.i or head.i == verb.i:
            return False
        if head.lower_ == "since" and head.head.pos_ in ("NOUN", "ADJ", "ADV"):
            return True
        if _lemma(head) in _COMPARING or head.lower_ in _COMPARING:
            return True
        tok = head
    return False


def _dates_a_thing(span: Span, verb: Token) -> bool:
    """'its November 20, 2008 low', 'the 1918 virus', 'the flu virus of 1918':
    the date modifies a noun that names no event (a period's figures, "the
    fourth-quarter profit", are dated all the same)."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in ("poss", "compound", "amod", "nmod", "nummod"):
        return False
    if head.i == verb.i or head.pos_ != "NOUN" or span.start <= head.i < span.end:
        return False
    if is_event_nominal(head):
        return False
    return noun_kind(head) not in _FIGURE_KINDS
