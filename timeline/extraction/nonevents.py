"""What is not an event: conditions, opinions, habits, generic facts.

An occurrence, a report of one, an announcement or a scheduled occurrence is
an event; a sentence whose main predicate states a condition ("The GM equity
is largely uninvestable", "The streak is the index's best"), an opinion, a
habit or a generic fact ("the iTunes store accounts for 70% of sales") is not,
nor a date that only marks a comparison ("its lowest level since April
1997"). Read from the parse: copular and stative main predicates, the simple
present of a done event, and the preposition over the date. Nor are
forecasts about no actor, questions, conditions and their consequences,
counterfactuals, habits, comparisons and their base periods, a figure's level,
running rate or poll finding, verbless fragments and captions; and a
date that belongs to another thing in the sentence (an event noun in a
prepositional phrase, an aside, a dated name, the end of a done period)
dates no event of the predicate.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
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
# Verbs that put a forecast in the clause they govern ("predicts that the
# rate will top out", "the economy is expected to shrink").
FORECAST_VERBS = frozenset(
    ["predict", "forecast", "project", "estimate", "expect", "anticipate"]
)
_MODALS = frozenset({"should", "would", "could", "might", "must", "ought"})
# Modals of a possibility: "That may take all of Tuesday".
_POSSIBLE = frozenset({"may", "might", "could"})
# ... and of an expectation about a thing: "the aircraft should enter airline
# service in 2008", "That should enable it to ... reinstate dividends".
_EXPECTED = _POSSIBLE | {"should"}
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# Verbs whose complement clause is a guess, not a report: "comments suggesting
# the oil giant could reinstate its dividend".
_SPECULATING = frozenset(["suggest", "indicate", "signal", "hint", "imply"])
# Linking verbs: with an adjective they state a condition or an opinion ("BP
# now looks undervalued"); without one they can tell an occurrence ("appeared
# in court").
_LINKING = frozenset(["look", "seem", "appear", "sound", "feel"])
# Participles of a state of mind: "is frustrated" tells how someone is.
_PSYCH_PARTICIPLES = frozenset(
    [
        "frustrate",
        "worry",
        "concern",
        "please",
        "disappoint",
        "satisfy",
        "convince",
        "determine",
        "interest",
        "surprise",
        "shock",
        "anger",
        "alarm",
        "delight",
        "confuse",
        "encourage",
        "relieve",
        "upset",
        "scare",
        "frighten",
        "excite",
        "impress",
        "puzzle",
        "annoy",
        "irritate",
        "dismay",
        "baffle",
        "embarrass",
        "horrify",
        "amaze",
    ]
)
_CONDITIONS = frozenset({"if", "unless"})
_CAPTION_VERBS = frozenset({"show", "picture", "photograph"})
# Prepositions that place the predicate after another thing ("before" is
# also a place: "testify before two Senate committees").
_TEMPORAL_PREPS = frozenset({"after", "since", "following", "until"})
# Adverbs of frequency: what they modify is a habit.
_FREQUENCY = frozenset(
    [
        "often",
        "usually",
        "always",
        "sometimes",
        "frequently",
        "regularly",
        "typically",
        "normally",
        "generally",
        "rarely",
        "seldom",
        "routinely",
        "customarily",
    ]
)
_FIRST_PERSON = frozenset({"i", "me", "you", "we", "us"})
# Names that hold a date-like word: "Reporter of the Year", "Decade".
_AWARD_WORDS = frozenset({"Year", "Decade", "Century", "Month", "Week"})
# Entity labels of an actor: a forecast about one is its plan, not a forecast.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _heads(tok: Token, limit: int, *, stop: Token | None = None) -> Iterator[Token]:
    """The heads above `tok`, nearest first, at most `limit` of them; the walk
    ends at the root, and before `stop` (the predicate) when given."""
    for _ in range(limit):
        head = tok.head
        if head.i == tok.i or (stop is not None and head.i == stop.i):
            return
        yield head
        tok = head


def _eventive_argument(
    verb: Token, deps: frozenset[str] = _SUBJECT_DEPS | _COMPLEMENTS | {"dobj"}
) -> bool:
    """A subject or complement that names an event: 'The meeting was on Monday'.

    A copula's complement says what the subject is: only an eventive one ("It
    was the first attack since ...") tells an occurrence; "the spill was an
    uncontrolled calamity" describes one."""
    return any(c.dep_ in deps and is_event_nominal(c) for c in verb.children)


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
    if _past_form(verb.lower_):
        return False  # the small model tags some past forms VBP: "forces retook"
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


@lru_cache(maxsize=4096)
def _past_form(word: str) -> bool:
    """'retook', 'pushed': a past form of a verb and never a present one."""
    from lemminflect import getAllLemmas, getInflection

    for lemma in getAllLemmas(word).get("VERB", ()):
        present = getInflection(lemma, "VBP") + getInflection(lemma, "VBZ")
        if word in getInflection(lemma, "VBD") and word not in present:
            return True
    return False


def non_event_reason(
    verb: Token,
    span: Span,
    *,
    scheduled: bool,
    past: bool = False,
    chronology: bool = False,
    precision: str | None = None,
    days_before: int = 0,
) -> str | None:
    """Why the predicate `verb`, dated by `span`, states no event; None if it does.

    `scheduled`: the date lies after the publication date (a present tense
    then announces a scheduled occurrence: "the summit opens on March 3").
    `past`: the date ends before the publication date ("could not reach the
    site on Monday" tells what happened, not what may).
    `chronology`: the date opens a line of a chronology ("30 September 2011
    Paramedics tell the court ..."): its present is the historical present of
    a done event, and the parser's attaching the date to the subject's noun
    makes neither the day the subject nor the noun a dated thing ("27
    September 2011 Opening arguments take place ...").
    `precision`: the date's own precision ("decade" for "in the 1990s").
    `days_before`: how many days the date ends before the publication date
    (0 when it does not).
    """
    if _names_an_event(span):
        return "'the fall of communism' names an event, not the autumn"
    if not chronology and _is_about_the_date(span, verb):
        return "the date is the subject: the sentence is about the day"
    if _names_an_award(span):
        return "the date word is part of a name ('Reporter of the Year')"
    if _in_an_aside(span, verb):
        return "the date belongs to an aside, not to the predicate"
    if _dates_a_noun_of_an_argument(span, verb):
        return "the date modifies a noun in an argument and dates that noun's event"
    if _dates_another_event(span, verb) or _dates_a_goal_noun(span, verb):
        return "the date belongs to another event named in the sentence"
    if past and _done_before_the_date(span, verb):
        return "the date is a bound, the act was done before it ('flowed out before June 3')"
    if verb.pos_ not in ("VERB", "AUX"):
        return "a fragment without a verb ('3.15 pm CDT: Oh dear.')"
    if _dated_heading(span, verb):
        return "a dated heading: its only verb is in a relative clause"
    if _compares(verb):
        return "a comparison ('than it did before ...', 'as was done in ...')"
    if verb.dep_ == "acl" and _lemma(verb) in _CAPTION_VERBS and verb.tag_ == "VBN":
        return "a caption ('Lawyers for Dr Murray, shown in 2010, ...')"
    if _habitual(verb):
        return "a habit ('often', 'rarely'), not an occurrence"
    if _is_question(span, verb):
        return "a question, not a report"
    if (
        _ends_a_period(span)
        and (not _future(verb) or _ends_a_span(span, opened_by_a_date=True))
    ) or _lasts_until(span, verb):
        return "the date ends a period ('barred him until April 2009')"
    if _is_condition(verb) or _conditional_consequence(verb):
        return "a condition ('if ...'), not an occurrence"
    if _counterfactual(verb):
        return "what should or could have happened, not what did"
    if _is_forecast(verb):
        return "a forecast, not an occurrence"
    if not past and _expected_at(verb):
        return "what is expected at the date, no act ('the first point release, which is expected in late May')"
    if not past and _intended(span, verb):
        return "an intention, not an occurrence ('the aircraft they intend to launch into service in November 2006')"
    if days_before > _LONG_BEFORE and _birth(verb):
        return (
            "a birth long before the story: a profile's background ('was born in 1955')"
        )
    if _speculation(verb):
        return "a guess about what may happen to an unnamed thing ('That may take')"
    if (not past or _forecast_now(verb)) and _possibility(verb, span):
        return (
            "a possibility about a thing, no one's act ('winds could move the spill')"
        )
    if _hope_of_no_one(verb) or _past_hope(verb, scheduled=scheduled, past=past):
        return "a hope, no one's act ('it is hoped ...', 'had hoped to have it ready for 2012')"
    if precision == "decade" and _background_of_an_era(span, verb):
        return "a state or a background over a decade ('had worked ... in the 1990s')"
    if _forecast_of_a_course(verb, precision):
        return "a forecast of a thing's course ('the economy will worsen in 2009')"
    if _projected_share(verb):
        return "a projection of a share ('only 7 percent would be spent in 2009')"
    if _lets_us(verb):
        return "the writer's address to the reader ('let's go back to 1999')"
    if _since_a_record(verb):
        return (
            "a record's start ('the most tepid growth ... since data collection began')"
        )
    if _reporter_patter(verb):
        return "a reporter's note ('did not immediately return a telephone message on Monday')"
    if _open_question(verb):
        return "an open question ('how the virus will behave later this year')"
    if _a_goal(verb):
        return "a plan's goal ('The plan ... is to end Ford's losses by 2008')"
    if not past and _deadline_of_no_occurrence(span, verb):
        return "a deadline of what is not done ('isn't expected to be completed before August', 'options ... to exercise by 2018')"
    if not past and _foreseen_by(span, verb):
        return "a forecast of what a thing will have become by the date ('the spill was expected to become the largest ever ... by Thursday')"
    if past and _future_of_a_past_thing(span, verb):
        return "a future's object dated in the past ('will beat last year's profit')"
    if _press_review(span, verb):
        return "a press review ('writes Jonathan Jones in today's Guardian')"
    if _still_holding(span, verb):
        return "a holding that lasts ('At the end of 2009, trusts still held $350,000 in BP stock')"
    if _continued_state(verb):
        return "a state that goes on ('the economy would continue to be slow in 2009')"
    if precision == "year" and _yearly_statistic(span, verb):
        return "a figure's move over a year ('tripled in 2004, doubled in 2005')"
    if precision in _PERIODS and _count_of_a_period(span, verb):
        return "a count of a period ('In the year's first half, 316 properties went through foreclosure')"
    if _as_of_tally(span, verb) or _sources_tally(span, verb):
        return "a tally or a state as of the date ('As of June 1, 150 cases had been confirmed')"
    if _since_state(span, verb) or _since_start(span, verb):
        return (
            "a state or a running total since the date ('have received ... since May')"
        )
    if _total_by(span, verb):
        return "a running total or a projection reached by the date ('By 2008, BP had paid')"
    if _projects_a_figure(verb):
        return (
            "a projection of a figure ('will grow to 90 million barrels a day by 2015')"
        )
    if _so_far_this(span, verb):
        return (
            "a running total this year ('have plunged more than 68% this year-to-date')"
        )
    if _over_a_period(span, verb):
        return "a trend or a total over a period ('rose 40% over the past decade')"
    if _same_period_base(span, verb):
        return "the date is a comparison's base period ('In the same period a year earlier, Bank of America had gained $704 million')"
    if precision in _REACHED_PRECISIONS and _reached_by(span, verb, precision):
        return "a total or a state reached by the date ('that soared to more than $21 billion by 2004', 'by 2008, Democrats had nearly pulled even')"
    if _states_a_level(verb):
        return "a level, not a move ('the federal funds rate was hovering around 6%', 'unemployment stood at 6.7 percent')"
    if _running_rate(span, verb):
        return "a rate that runs on ('The tube was siphoning off 5,000 barrels a day')"
    if _poll_finding(span, verb):
        return "a poll's finding, a statistic ('Nearly three-fourths of those surveyed Monday and Tuesday say ...')"
    if _dates_a_comparison(span, verb) or _dates_a_baseline(span, verb):
        return "the date only marks a comparison"
    if _dates_a_change_base(span, verb):
        return "the date is the base a change is measured from ('up from 64 percent in May')"
    if not chronology and _dates_a_thing(span, verb):
        return "the date dates a thing, not an occurrence"
    lemma = _lemma(verb)
    copula = lemma == "be" and not _has(verb, {"auxpass"})
    if (
        copula
        and _has(verb, _COMPLEMENTS)
        and not _eventive_argument(verb, _COMPLEMENTS)
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
    if copula and _bare_copula(span, verb):
        return "a copula with no complement ('but hasn't been this year', 'the panic that there was in November')"
    if _first_person_comment(verb):
        return "a first-person comment outside reported speech"
    if _states_an_opinion(verb) or any(
        c.dep_ == "ccomp" and c.i > verb.i and _states_an_opinion(c)
        for c in verb.children
        if lexicon().verbs.get(lemma) in _SPEECH_KINDS
    ):
        return "a linking verb with an adjective states a condition or an opinion"
    if _lemma(verb) in _LINKING and _linked_to_be(verb):
        return "a linking verb over a noun or 'to be' states how things are ('there now appear set to be only three')"
    if _quoted_opinion(verb):
        return "a quoted opinion: the quote says what something is, not what happened"
    if _state_of_mind(verb) and not scheduled:
        return "a present passive of a state of mind ('Scalise is frustrated')"
    if (
        lemma in STATIVE_VERBS
        and not _eventive_argument(verb)
        and not (lemma == "have" and _has(verb, {"ccomp", "xcomp"}))
    ):
        return "a stative predicate states a condition"
    if _simple_present(verb) and not scheduled and not chronology:
        kind = lexicon().verbs.get(lemma)
        if kind not in _SPEECH_KINDS:
            return "the simple present states a habit or a generic fact"
    return None


def _is_about_the_date(span: Span, verb: Token) -> bool:
    """'Sunday was chosen as its date', 'Today marked a day in history', 'The
    70s turned into the 80s' (a subject that is another date)."""
    return any(
        c.dep_ in _SUBJECT_DEPS
        and (span.start <= c.i < span.end or c.ent_type_ == "DATE")
        for c in verb.children
    )


def _first_person_comment(verb: Token) -> bool:
    """'I was sitting outside a cafe', 'we are told by industry apologists':
    the writer or a commenter, no news."""
    from timeline.extraction.titles import speaker_of, subject_of

    subject = subject_of(verb)
    if subject is None or subject.lower_ not in _FIRST_PERSON:
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
        if head.pos_ in ("VERB", "AUX") and _superlative_argument(head, before):
            return True
    for head in _heads(span.root, 6, stop=verb):
        if head.lower_ == "since" and head.head.pos_ in ("NOUN", "ADJ", "ADV"):
            return True
        if _lemma(head) in _COMPARING or head.lower_ in _COMPARING:
            return True
    return False


_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "conj", "parataxis"})


def _superlative_argument(verb: Token, since: int) -> bool:
    """'The peso rose to its strongest level against the U.S. dollar since
    November': a superlative in the verb's own arguments before its "since"
    (not inside a clause of theirs) makes the date a comparison's base."""
    for child in verb.children:
        if child.i >= since or child.dep_ in _CLAUSES:
            continue
        for t in child.subtree:
            if t.i < since and (t.tag_ in ("JJS", "RBS") or t.lower_ == "first"):
                if t.i > 0 and t.doc[t.i - 1].lower_ == "at":
                    continue  # "at least", "at most": a bound, no superlative
                if not any(h.dep_ in _CLAUSES for h in _heads(t, 8, stop=verb)):
                    return True
    return False


# A time told from another one: a comparison's baseline ("from a year
# earlier", "up from 14% a year ago", "from the previous year").
_RELATIVE_PAST = re.compile(
    r"(?i)\b(?:ago|earlier|before|previous|prior|last|same|year-ago)\b"
)
_BASELINE_PREPS = frozenset({"from", "versus", "vs", "vs."})


def _dates_a_baseline(span: Span, verb: Token) -> bool:
    """'Toyota reported a 32% drop in US sales from a year earlier', 'its share
    ... rose to 17%, up from 14% a year ago': a figure's change from a time
    told from another time; the date is the baseline, not an occurrence (the
    change's own date, "last month", still is one)."""
    if not _RELATIVE_PAST.search(span.text):
        return False
    for head in _heads(span.root, 4, stop=verb):
        if head.lower_ in _BASELINE_PREPS and head.dep_ == "prep":
            return any(t.ent_type_ in _FIGURES or t.text == "%" for t in verb.subtree)
    return False


# Words a change is measured with: "a 2.99 percent decrease from the close of
# trading Wednesday", "shares rose 5 percent from ...", "up from 64 percent in May".
_CHANGE_LEMMAS = frozenset(
    {
        *("increase", "decrease", "rise", "fall", "drop", "decline", "gain"),
        *("jump", "climb", "slip", "slide", "sink", "plunge", "surge", "soar"),
        *("tumble", "dip", "grow", "shrink", "edge", "advance", "retreat"),
        *("rebound", "lose", "add"),
    }
)
_DEADLINE_COMPARATIVES = frozenset({"later", "earlier", "sooner", "before", "after"})
_SPAN_ENDS = frozenset({"to", "through", "thru", "until", "till", "-", "and"})


def _measures_a_change(tok: Token, base: Token) -> bool:
    """'up', 'higher', 'a 2.99 percent decrease', 'rose 5 percent': a word a
    change of a figure hangs on (a verb or noun of change with its figure, not
    "dropped from FTSE4Good")."""
    if tok.lower_ in _CHANGE_WORDS or tok.tag_ in ("JJR", "RBR"):
        return True
    return _lemma(tok) in _CHANGE_LEMMAS and _has_a_number(tok, base)


def _has_a_number(word: Token, base: Token) -> bool:
    """'rose 5 percent from', 'an increase of 54 points from', 'up from 64
    percent': the change has a figure (not "dropped from FTSE4Good")."""
    inside = {t.i for t in base.subtree}  # the base's own figure does not count
    return any(
        t.like_num or t.ent_type_ in _FIGURES or t.text == "%"
        for t in word.subtree
        if t.i not in inside and t.ent_type_ not in ("DATE", "TIME")
    )


def _dates_a_change_base(span: Span, verb: Token) -> bool:
    """'a 2.99 percent decrease from the close of trading Wednesday', 'an
    increase of 54 points from March 12 2009', '-- up from 64 percent in May',
    '33 percent higher than the amount collected on Sunday': the date sits in
    the "from" or "than" phrase a change is measured from; the change itself
    happened at another time (its own date, or the article's), so the date
    dates no event. The walk goes up through a noun's own clause ("the amount
    collected on Sunday") but not out of the predicate's; "from Monday to
    Friday" is a span, not a base."""
    doc = span.doc
    tok = span.root
    for _ in range(10):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.dep_ == "prep" and not span.start <= head.i < span.end:
            if head.lower_ == "than":
                # "no later than Friday" is a deadline, not a base
                return head.head.lower_ not in _DEADLINE_COMPARATIVES
            if head.lower_ == "from" and _measures_a_change(head.head, head):
                opens_a_span = (
                    span.start <= tok.i < span.end
                    and span.end < len(doc)
                    and doc[span.end].lower_ in _SPAN_ENDS
                )
                return not opens_a_span
        if head.pos_ in ("VERB", "AUX") and (
            head.dep_ not in ("acl", "relcl") or _finite_relative(head)
        ):
            return False
        if head.i == verb.i and verb.dep_ not in ("acl", "relcl"):
            return False
        tok = head
    return False


def _finite_relative(verb: Token) -> bool:
    """'closer than Hurricane Alex, which interrupted the cleanup operations
    last week': a finite relative clause on the compared noun tells an event of
    its own, dated by its own date; a participle's ("the amount collected on
    Sunday") only names the base."""
    if verb.dep_ != "relcl":
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


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
    if head.i == verb.i or span.start <= head.i < span.end:
        return False
    if head.pos_ == "PROPN" and root.dep_ in ("compound", "nummod", "amod"):
        # a dated name: "BP's sponsorship of the 2012 Games"
        return head.dep_ not in _SUBJECT_DEPS
    if head.pos_ != "NOUN":
        return False
    if is_event_nominal(head):
        return False
    return noun_kind(head) not in _FIGURE_KINDS


def _names_an_award(span: Span) -> bool:
    """'Reporter of the Year', 'Campaign of the Decade': a title, not a date."""
    last = span[-1]
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (
        last.text in _AWARD_WORDS
        and before is not None
        and before.lower_ == "of"
        and span.start + len(span) - 1 > span.start  # "the Year", not bare "Year"
    )


def _asides(sent: Span) -> list[tuple[int, int]]:
    """Token ranges inside parentheses or brackets."""
    out = []
    opened = None
    for t in sent:
        if t.text in ("(", "[") and opened is None:
            opened = t.i
        elif t.text in (")", "]") and opened is not None:
            out.append((opened, t.i))
            opened = None
    return out


def _in_an_aside(span: Span, verb: Token) -> bool:
    """'The Unified Command (set up ... on the explosion on 20 April) posted the
    first clip': a date in parentheses dates the aside, not the verb outside."""
    for a, b in _asides(span.sent):
        if a < span.start and span.end - 1 < b and not a < verb.i < b:
            return True
    return False


def _dates_another_event(span: Span, verb: Token) -> bool:
    """'interviewed him two days after Jackson's death on 25 June 2009', 'brought
    up his support for the 1991 Gulf war': the date modifies a noun naming
    another event inside a prepositional phrase of the predicate; it dates
    that event, not the predicate. A dated subject or object ("The April 20
    explosion killed 11", "held a vote on Monday") is the predicate's own."""
    for head in _heads(span.root, 8, stop=verb):
        if (
            not span.start <= head.i < span.end
            and head.pos_ == "NOUN"
            and head.dep_ == "pobj"
            and (is_event_nominal(head) or head.head.lower_ in _TEMPORAL_PREPS)
        ):  # "to relieve Ford after a US$ 1.6 billion loss last year"
            return not _right_after(head, verb)
        if head.pos_ in ("VERB", "AUX"):
            return False
    return False


# Prepositions whose noun is a goal or a bound of the predicate, not its time:
# "forward a framework agreement ... to next week's World Health Assembly",
# "prepared for Monday's vote", "resigned ahead of Sunday's election".
_GOAL_PREPS = frozenset(
    {"to", "toward", "towards", "for", "before", "ahead", "until", "till", "since"}
)


def _dates_a_goal_noun(span: Span, verb: Token) -> bool:
    """'including its gaps to next week's World Health Assembly (WHA)': a
    possessive date ("next week's", "Monday's") of a noun the predicate goes
    to, is for, or comes before or since dates that noun's event, not the
    predicate ("spoke at Monday's meeting", "won Sunday's election" keep it)."""
    root = span.root
    if root.dep_ != "poss" or not any(
        c.dep_ == "case" for c in root.children
    ):  # "next week's": the date's own "'s"
        return False
    noun = root.head
    if noun.dep_ != "pobj" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        prep = prep.head  # "ahead of Sunday's election"
    return prep.lower_ in _GOAL_PREPS and any(up.i == verb.i for up in _heads(prep, 8))


def _done_before_the_date(span: Span, verb: Token) -> bool:
    """'between 20,000 and 40,000 barrels ... flowed out before June 3',
    'those who joined before April 2006': a past act before a date happened at
    some time before it, not on it. Not a clock time, nor a bound with its
    distance ("shortly before 10 p.m.", "two days before Christmas")."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "before" or prep.head.i != verb.i:
        return False
    if any(c.dep_ in ("advmod", "npadvmod") for c in prep.children):
        return False
    clock = re.compile(r"\d[:.]\d\d|^[ap]\.?m\.?$|^(?:noon|midnight)$", re.I)
    return not any(t.ent_type_ == "TIME" or clock.search(t.text) for t in span)


_NOUN_CHAIN = frozenset({"NOUN", "PROPN", "ADJ"})
_DETERMINERS = frozenset({"DT", "PRP$"})


def _prenominal_noun(span: Span) -> Token | None:
    """The noun a date stands before as its modifier, between the noun's
    determiner and the noun ("the April 20 well explosion", "an April 20
    explosion", "its 2009 profit"), read from the words around it: the small
    model often parses the date as the noun phrase's head."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].tag_ not in _DETERMINERS:
        return None
    noun = None
    for tok in doc[span.end : min(len(doc), span.end + 4)]:
        if tok.pos_ not in _NOUN_CHAIN or tok.ent_type_ in ("DATE", "TIME"):
            break
        noun = tok if tok.pos_ == "NOUN" else noun
    if noun is None or noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "NOUN":
        return None
    return noun


def _dates_a_noun_of_an_argument(span: Span, verb: Token) -> bool:
    """'At a hearing on Tuesday into the April 20 explosion ...', 'raised the
    specter of wide liability for BP ... after an April 20 explosion': a date
    before a noun dates that noun's event; below the predicate and not its
    subject or direct object ("The April 20 explosion killed 11", "won the
    2008 election"), it dates no event of the predicate. Read from the date's
    own attachment (the parse may hang the phrase on the date) and the noun's.
    """
    noun = _prenominal_noun(span)
    if noun is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if noun_kind(noun) in _FIGURE_KINDS and not is_event_nominal(noun):
        return False  # "its 2009 profit": a period's figure
    for tok in (span.root, noun):
        if tok.head.i == verb.i and tok.dep_ in _SUBJECT_DEPS | {"dobj", "attr"}:
            return False
    # the phrase must hang below the predicate: a date of another clause
    # ("..., the April 20 explosion killed 11") is another predicate's
    return any(
        up.i == verb.i
        for tok in (span.root, noun)
        for up in itertools.chain((tok,), _heads(tok, 9))
    )


_CLOSING = frozenset({'"', "”", "’", "'", ")"})
# Clauses that tell a fact inside a question: "Do they prefer the brashness of
# John McCain, who on Wednesday abruptly suspended his campaign ...?"
_TOLD_CLAUSES = frozenset({"relcl", "advcl"})
# Words of the longest question; a longer "sentence" ending with "?" is a run
# of glued lines ("The questions, set out in a letter to Mr Hayward on Sunday
# ... include allegations that BP: Went against ... The pun - ancient
# artform, or the lowest form of wit?", 129 words).
_QUESTION_WORDS = 60


def _is_question(span: Span, verb: Token) -> bool:
    """'If all this was happening 60 years ago, where would we be now?', '7.41
    pm: Did anybody inform Hayward about a ... memo back in April ...?' (a
    line's own question: its "\n" is no word). A quoted question ends a
    report ("Malia asked him this week: “Did you plug the hole yet,
    daddy?”"), and a relative or adverbial clause of a question tells a fact
    ("John McCain, who ... on Wednesday abruptly suspended his campaign"):
    neither is the question; nor is a run of glued lines that a question
    ends."""
    words = [t for t in span.sent if not t.is_space]
    last = [t for t in words if t.text not in _CLOSING]
    if not last or last[-1].text != "?" or words[0].text in ('"', "“"):
        return False
    if _quoted(words, last[-1]):
        return False  # the sentence ends with a quoted question
    if sum(not t.is_punct for t in words) > _QUESTION_WORDS:
        return False  # a run of glued lines: its last "?" is the last line's
    return not any(
        tok.dep_ in _TOLD_CLAUSES for tok in itertools.chain((verb,), _heads(verb, 12))
    )


def _quoted(words: list[Token], mark: Token) -> bool:
    """`mark` lies inside a quotation opened before it in `words` (closed
    after it, or on a later line: "sent this message out on Twitter:
    “Extreme Greenies: see now why we push ... ?")."""
    inside = False
    for tok in words:
        if tok.i >= mark.i:
            break
        if tok.text == "“":
            inside = True
        elif tok.text == "”":
            inside = False
        elif tok.text == '"':
            inside = not inside
    return inside


def _is_condition(verb: Token) -> bool:
    """'if the vote goes against them in May', 'unless talks resume Monday'."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


def _counterfactual(verb: Token) -> bool:
    """'Britain should have signed it in 2001', 'could have been avoided'."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and "have" in aux and any(a in _MODALS for a in aux)


def _is_forecast(verb: Token) -> bool:
    """'predicts that the U.S. unemployment rate will top out at 7.5 percent in
    the third quarter', 'the economy is expected to shrink in 2009': a future
    or possible clause under a forecasting verb, about no actor; and under a
    verb of hoping ("BP officials hope the container will begin funneling oil
    from the leak next week"). An actor's expected step ("Toyota is expected
    to report ...") is a scheduled event, and an actor's hoped one ("the
    company is now hoping to seal the well by mid-July") its plan."""
    from timeline.extraction.titles import subject_of

    head = verb.head
    if verb.dep_ == "ccomp" and (
        _lemma(head) in FORECAST_VERBS
        or (_is_hoping(head, _WISHING) and _same_line(head, verb))
    ):  # "BP officials hope the container will begin funneling oil next week"
        modal = any(
            c.dep_ == "aux" and c.lower_ in _MODALS | {"will", "'ll", "shall"}
            for c in verb.children
        )
        if not modal:
            return False
    elif _lemma(verb) in FORECAST_VERBS and _has(verb, {"auxpass"}):
        if not _has(verb, {"xcomp"}):
            return False
    else:
        return False
    subject = subject_of(verb)
    if subject is None:
        return False
    if subject.pos_ in ("PRON", "PROPN") or is_event_nominal(subject):
        return False
    return subject.ent_type_ not in _ACTOR_LABELS  # "the U.S. unemployment rate"


def _expected_at(verb: Token) -> bool:
    """'the first "point" release (10.4.1) ..., which is expected in late
    May', 'when it is released, expected in late 2006': a passive or
    participial verb of forecasting with no clause of what is expected to
    happen dates the expectation of a thing, no one's act (an actor's
    expected step, "Toyota is expected to report ...", has its infinitive
    and stays)."""
    if _lemma(verb) not in _FORESEEING or verb.tag_ != "VBN":
        return False
    if _has(verb, {"xcomp", "ccomp", "dobj"}):
        return False
    if _has(verb, {"aux"}) and not _has(verb, {"auxpass"}):
        return False  # "analysts had expected in May": an active perfect
    return _has(verb, {"auxpass"}) or verb.dep_ in ("acl", "advcl", "amod")


_INTENDING = frozenset(["intend", "aim"])


def _intended(span: Span, verb: Token) -> bool:
    """'Singapore Airlines will display the aircraft they intend to launch
    into passenger-carrying service in November 2006': a date in the
    infinitive of an intention or an aim dates what someone means to do, no
    act (an actor's plan, "BP plans to boost ... by early next week", stays a
    scheduled step; a date of the telling, "BP announced three weeks ago that
    it intended to set up ...", is outside the infinitive)."""
    if _lemma(verb) not in _INTENDING:
        return False
    for c in verb.children:
        if c.dep_ != "xcomp" or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children
        ):
            continue
        sub = [t.i for t in c.subtree]
        if sub and min(sub) <= span.start and span.end - 1 <= max(sub):
            return True
    return False


# A birth this many days before the story is a profile's background.
_LONG_BEFORE = 3650


def _birth(verb: Token) -> bool:
    """'Jobs, born in San Francisco on February 24, 1955, has built ...', 'In
    1980, the new Department of Education was born': a birth years before the
    story is background (the passive or the participle, not "bore")."""
    if _lemma(verb) != "bear" or verb.tag_ != "VBN":
        return False
    return _has(verb, {"auxpass"}) or verb.dep_ in ("acl", "advcl", "amod")


def _same_line(a: Token, b: Token) -> bool:
    """No line break between the two tokens (a clause hung on a verb of the
    line before is a misparse: "“I hope they do ...”\nMost of the relatives
    will attend today's service")."""
    lo, hi = sorted((a.i, b.i))
    return "\n" not in a.doc[lo:hi].text


def _habitual(verb: Token) -> bool:
    """'is often accompanied by a fine bottle of wine in the evening', 'has
    rarely given interviews since 1970'."""
    return any(c.dep_ == "advmod" and c.lower_ in _FREQUENCY for c in verb.children)


def _right_after(nominal: Token, verb: Token) -> bool:
    """'the gloom that descended ... after the anti-Iraq war demonstrations in
    February 2003': a done predicate right after a dated event (no "two days"
    between them) shares its date, at that precision."""
    prep = nominal.head
    if prep.lower_ not in ("after", "following") or not is_event_nominal(nominal):
        return False
    if any(c.dep_ == "npadvmod" for c in prep.children):
        return False  # "two days after Jackson's death on 25 June"
    return not any(
        c.dep_ == "aux" and (c.lower_ in _MODALS or c.lower_ in ("will", "to"))
        for c in verb.children
    )


def _compares(verb: Token) -> bool:
    """'the U.S. imports more oil now than it did before the Sept. 11, 2001,
    terror attacks', 'as was done off Saudi Arabia in the 1990s': a clause
    that only says how something compares with what happened then."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if "than" in marks:
        return True
    if "as" in marks and not _has(verb, _SUBJECT_DEPS - {"expl"}):
        return True
    return _lemma(verb) == "do" and not _has(verb, {"dobj", "ccomp", "xcomp", "prt"})


_PERIOD_ENDS = frozenset({"until", "till", "through", "thru"})


def _ends_a_period(span: Span) -> bool:
    """'barred him from working until April 2009', 'lost revenue from July
    through December', 'received 862 citations between 2007 and 2010': the
    date is where a period ends, not when anything happened."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    if before.lower_ in _PERIOD_ENDS:
        return True
    if before.lower_ == "to" and span.start > 1 and doc[span.start - 2].lower_ == "up":
        return True
    return _ends_a_span(span)


_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def _ends_a_span(span: Span, *, opened_by_a_date: bool = False) -> bool:
    """'will receive six new A330-300E aircraft from 2009 to 2011': the end of
    a span opened by another date, which is the span's event (also a plan's).
    `opened_by_a_date`: the opener must be a date of its own (a year or a
    month), not a bare day ("between 11 and 15 August" has one date only)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in ("to", "and", "-", "–"):
        return False
    window = doc[max(span.sent.start, span.start - 8) : span.start - 1]
    if opened_by_a_date:
        opener = any(
            t.ent_type_ == "DATE" and (_is_year(t) or t.lower_.rstrip(".") in _MONTHS)
            for t in window
        )
    else:
        opener = any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in window)
    return opener and any(t.lower_ in ("from", "between") for t in window)


# Verbs that move a thing to a date: "The double-deck commercial aircrafts'
# delivery ... will be delayed until October 2007" dates the delivery then.
_DELAYING = frozenset(["delay", "postpone", "defer", "reschedule", "push", "put"])


def _lasts_until(span: Span, verb: Token) -> bool:
    """'will ... suspend exploratory drilling in the Arctic until at least
    next year', 'BP says it will withhold dividends until the end of the
    year': an affirmative predicate over "until" + the date (also past "at
    least" or "after") lasts until it; the date is its end, not its day. A
    negated one is done then ("BP will not make a decision ... until late
    July"), and so is one moved to it ("will be delayed until October
    2007")."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in ("until", "till"):
        return False
    if prep.head.i != verb.i or _lemma(verb) in _DELAYING:
        return False
    return not any(c.dep_ == "neg" for c in verb.children)


def _conditional_consequence(verb: Token) -> bool:
    """'if the oil was leaking out through different parts of the well, it
    would probably take until the middle of August': what would follow a
    condition."""
    modal = any(
        c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "'d")
        for c in verb.children
    )
    return modal and any(c.dep_ == "advcl" and _is_condition(c) for c in verb.children)


def _future(verb: Token) -> bool:
    """'BP says it will withhold dividends until the end of the year': a plan
    dated by the end of its period (a done one is not: "barred him until")."""
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "would", "wo")
        for c in verb.children
    )


def _aux_words(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _since_state(span: Span, verb: Token) -> bool:
    """'have received only $5,000 in claims payments since May', 'has been
    going on since the 1980s', 'have wiped ... off the energy giant's market
    value since April': a perfect or progressive over "since" + the date is a
    state or a running total, not an occurrence on that date."""
    doc = span.doc
    before = span.start - 1
    if before < 0 or doc[before].lower_ != "since" or doc[before].dep_ != "prep":
        return False
    if doc[before].head.i != verb.i:
        return False
    aux = _aux_words(verb)
    perfect = verb.tag_ == "VBN" and any(
        a in ("have", "has", "had", "'ve") for a in aux
    )
    progressive = verb.tag_ == "VBG" and any(
        a in ("is", "are", "am", "was", "were", "been", "'s", "'re") for a in aux
    )
    return perfect or progressive


# Verbs of a standing figure: "the toll stood at 150", "iTunes held 19 percent".
_TALLY_VERBS = frozenset({"be", "hold", "stand", "number", "reach"})


def _as_of_tally(span: Span, verb: Token) -> bool:
    """'As of 1700 BST on 15 June 2009, 76 countries have officially reported
    35,928 cases', 'About 145,000 claims had been submitted as of August 7':
    "as of" + the date gives the day a count or a state was read, not when
    anything happened, unless a done occurrence is the predicate ("As of
    14:48 UTC, the primary UK index, the FTSE 100, dropped in value by
    6.50%": a simple past)."""
    doc = span.doc
    start = _as_of_start(span)
    if start is None:
        return False
    if (
        verb.tag_ == "VBD"
        and not _aux_words(verb)
        and _lemma(verb) not in STATIVE_VERBS | _TALLY_VERBS
    ):
        return False  # a done occurrence; not a state ("iTunes held 19 percent")
    # a clock time reads a day's move as it goes ("as of 18:00 UTC, it had
    # fallen 260.77 points"): the day's occurrence, as with "by 17:30 UTC"
    return not any(_CLOCK_WORD.match(t.text) for t in doc[start : span.end])


def _as_of_start(span: Span) -> int | None:
    """Where the "as of" over the date starts: right before it ("as of August
    7"), or before a clock time of that day ("As of 1700 BST on 15 June
    2009")."""
    doc = span.doc
    of = span.start - 1
    if of >= 1 and doc[of].lower_ == "of" and doc[of - 1].lower_ == "as":
        return of - 1
    if of < 0 or doc[of].lower_ not in ("on", "at"):
        return None
    for i in range(of - 1, max(0, of - 5), -1):
        tok = doc[i]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.lower_ == "of" and i >= 1 and doc[i - 1].lower_ == "as":
            return i - 1
    return None


def _since_start(span: Span, verb: Token) -> bool:
    """'Since the Deepwater Horizon drilling rig disaster on April 20, BP
    shares have lost about $85 billion in value', 'Ryanair has been attempting
    to take over Aer Lingus since December': the date dates the start of a
    perfect's or a progressive's period (through a "since" phrase or clause
    over the predicate, not right after "since": `_since_state`), and the
    predicate is a trend, a total or a state since then, not an occurrence on
    that date. A gerund after "since" keeps the date of its own occurrence
    ("since becoming BP's chief executive in 2007")."""
    if not (_perfect(verb) or _progressive(verb)):
        return False
    for tok in itertools.chain((span.root,), _heads(span.root, 7, stop=verb)):
        if tok.tag_ == "VBG" and tok.head.lower_ == "since":
            return False  # "since becoming BP's chief executive in 2007"
        if tok.lower_ == "since" or any(
            c.dep_ == "mark" and c.lower_ == "since" for c in tok.children
        ):
            return True
    return False


def _speculation(verb: Token) -> bool:
    """'That may take all of Tuesday', 'That effort could get started next
    week': a possibility about a thing only pointed at; and 'comments
    suggesting the oil giant could reinstate its dividend in 2011': a guess
    under a verb of indication."""
    # "That may take all of Tuesday and possibly run into Wednesday", "That
    # should enable it to shrink its debt and reinstate dividends next year"
    while (verb.dep_ == "conj" and not _has(verb, _SUBJECT_DEPS | {"aux"})) or (
        verb.dep_ == "xcomp" and not _has(verb, _SUBJECT_DEPS)
    ):
        verb = verb.head
    aux = _aux_words(verb)
    if not any(a in _EXPECTED for a in aux):
        return False
    if verb.dep_ == "ccomp" and _lemma(verb.head) in _SPECULATING:
        return True
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.lower_ in _DEMONSTRATIVES and c.tag_ == "DT":
            return True  # "That may take"
        return c.pos_ == "NOUN" and any(
            d.dep_ == "det" and d.lower_ in _DEMONSTRATIVES for d in c.children
        )  # "That effort could"
    return False


# Verbs of a phase or an occurrence: a thing's possible start is a plan's date
# ("which could happen by mid- to late August": the bottom kill's).
_PHASES = frozenset(
    ["start", "begin", "commence", "end", "finish", "resume", "happen", "occur"]
)


def _possibility(verb: Token, span: Span) -> bool:
    """'winds forecast later this week could move the spill towards the
    Mississippi and Alabama coasts', 'Oil could reach landfall in the
    Mississippi Delta region by late Friday', 'the leak might not be stopped
    before August': what may happen to or by a thing is a forecast, not an
    occurrence; a passive one is someone's possible act unless negated.
    An actor's possible step ("BP could start its static kill by this
    weekend"), a possible event ("The vote could come on Tuesday") and a
    phase or an occurrence ("The static kill ... could start late Monday", "a
    pull-out of US troops could take place next spring") stay."""
    if _lemma(verb) in _PHASES or (
        _lemma(verb) == "take" and any(c.lower_ == "place" for c in verb.children)
    ):
        return False  # "The static kill ... could start late Monday": a plan's phase
    if not any(
        c.dep_ == "aux" and c.lower_ in _EXPECTED and not span.start <= c.i < span.end
        for c in verb.children
    ):
        return False  # the date's own "May" read as a modal is none
    if _has(verb, {"auxpass"}) and not _has(verb, {"neg"}):
        return False  # someone's possible act: "the contract may be signed on September 12"
    return _a_things_subject(verb)


def _a_things_subject(verb: Token) -> bool:
    """The verb's subject is a thing, no actor's and no event: "the
    spill", "winds", not "BP", "BP's relief well" or "The vote"."""
    from timeline.extraction.titles import subject_of

    subject = subject_of(verb)
    if subject is None or subject.pos_ != "NOUN" or is_event_nominal(subject):
        return False
    if subject.ent_type_ in _ACTOR_LABELS:
        return False
    if not (
        subject.is_lower
        or subject.tag_ == "NNS"
        or _has(subject, {"det", "poss", "amod", "compound"})
    ):
        return False  # a name read as a noun: "Zelenskyy could potentially visit"
    # a thing of an actor's is still the actor's ("BP's relief well")
    return not any(
        c.dep_ in ("poss", "compound") and c.ent_type_ in _ACTOR_LABELS
        for c in subject.children
    )


def _states_an_opinion(verb: Token) -> bool:
    """'BP now looks undervalued versus its peers': a linking verb and its
    adjective complement."""
    return _lemma(verb) in _LINKING and _has(verb, {"acomp"})


def _linked_to_be(verb: Token) -> bool:
    """'after this weekend there now appear set to be only three', 'seemed a
    lifetime away': a linking verb over a noun (or through "set to" / "likely
    to" over the copula "be") says how things are; "appears to have begun"
    (a verb) and "appeared on television" (a place) are occurrences."""
    for c in verb.children:
        if c.dep_ in ("attr", "oprd") and c.pos_ in ("NOUN", "PRON", "NUM"):
            return True
        if c.dep_ in ("xcomp", "oprd", "acomp"):
            for inner in itertools.chain(
                [c], (g for g in c.children if g.dep_ == "xcomp")
            ):
                if (
                    _lemma(inner) == "be"
                    and inner.tag_ == "VB"
                    and not _has(inner, {"auxpass"})
                    and _has(inner, _COMPLEMENTS | {"expl", "prep"})
                ):
                    return True
    return False


_OPEN_QUOTES = frozenset({"“", '"', "‘", "``", "'"})


def _quoted_opinion(verb: Token) -> bool:
    """'“It was an unprecedented string of bad news,” Simon Hawkins ... said
    last month', '“It's a disaster zone,” Joye told reporters ... Tuesday
    morning': a verb of saying whose only report is a quote before it, and the
    quote a copula that says what something is (no event named, no figure
    moved), about no first person (the speaker's own stance is a statement).
    """
    if lexicon().verbs.get(_lemma(verb)) not in _SPEECH_KINDS:
        return False
    reported = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if len(reported) != 1 or reported[0].i > verb.i:
        return False
    clause = reported[0]
    edge = clause.left_edge.i
    doc = verb.doc
    if not any(
        0 <= i < len(doc) and doc[i].text in _OPEN_QUOTES for i in (edge, edge - 1)
    ):
        return False
    if _lemma(clause) != "be" or _has(clause, {"auxpass"}):
        return False
    if any(
        c.dep_ in _SUBJECT_DEPS and c.lower_ in _FIRST_PERSON for c in clause.children
    ):
        return False  # "“I was gung-ho for this test,” said Adm Thad Allen"
    complements = [c for c in clause.children if c.dep_ in _COMPLEMENTS]
    return (
        bool(complements)
        and not _eventive_argument(clause, _COMPLEMENTS)
        and not _reports_a_change(clause)
        and not any(
            c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "xcomp", "advcl")
            for c in clause.children
        )
        # a clause inside the complement tells more ("the kind of moment where
        # you think: ...")
        and not any(t.pos_ in ("VERB", "AUX") for c in complements for t in c.subtree)
    )


def _state_of_mind(verb: Token) -> bool:
    """'8.49 pm: Scalise is frustrated': a present passive of a verb of feeling,
    with no agent, tells how someone is."""
    if verb.tag_ != "VBN" or _lemma(verb) not in _PSYCH_PARTICIPLES:
        return False
    if _has(verb, {"agent"}):
        return False
    return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _dated_heading(span: Span, verb: Token) -> bool:
    """'A summary of events Friday, June 25, Day 66 of the Gulf of Mexico oil
    spill that began with the April 20 explosion ...': a verbless noun phrase
    holds the date, and the verb found for it only qualifies one of its nouns
    (a relative clause): a page's heading, not a report."""
    sent = span.sent
    if sent.root.pos_ in ("VERB", "AUX") or not sent.start <= verb.i < sent.end:
        return False
    if verb.dep_ != "relcl":
        return False
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return True


def _names_an_event(span: Span) -> bool:
    """'after the fall of communism': "fall" with an "of" phrase is a noun of
    an event (the fall of a city, a regime), not the season."""
    doc = span.doc
    last = span[-1]
    return (
        last.lower_ in ("fall", "spring")
        and span.end < len(doc)
        and doc[span.end].lower_ == "of"
        and doc[span.end].head.i == last.i
    )


# Verbs of a state coming about: progressive, with "by" + a date, a projection.
_BECOMING = frozenset(
    [
        "become",
        "grow",
        "rise",
        "climb",
        "fall",
        "drop",
        "increase",
        "decrease",
        "decline",
        "reach",
        "approach",
        "shrink",
        "double",
    ]
)
_PERFECT_AUX = frozenset({"have", "has", "had", "'ve", "'d"})
_PROGRESSIVE_AUX = frozenset({"is", "are", "am", "was", "were", "been", "'s", "'re"})


def _perfect(verb: Token) -> bool:
    """'had paid', 'has risen', not 'will have drilled' (a plan)."""
    aux = _aux_words(verb)
    return (
        verb.tag_ == "VBN"
        and any(a in _PERFECT_AUX for a in aux)
        and not any(a in ("will", "'ll", "shall", "would") for a in aux)
    )


def _progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(a in _PROGRESSIVE_AUX for a in _aux_words(verb))


def _governing_prep(span: Span, verb: Token, *, anywhere: bool = False) -> Token | None:
    """The preposition right before the date, if it attaches to the verb, to
    its infinitive ("is expected to reach ... by 2020") or to its object, or
    `anywhere`."""
    if span.start == 0:
        return None
    prep = span.doc[span.start - 1]
    if prep.dep_ != "prep":
        return None
    head = prep.head
    if anywhere or head.i == verb.i:
        return prep
    if head.dep_ in ("xcomp", "attr", "dobj") and head.head.i == verb.i:
        return prep  # "There had been reports for the past week"
    return None


def _total_by(span: Span, verb: Token) -> bool:
    """'By 2008, BP had paid over $2 billion in compensation claims', 'are
    becoming 85% obese by 2040', 'is expected to reach 10 million by 2020':
    "by" + the date with a perfect or a progressive is a total or a state
    reached by then; under a verb of forecasting, a projection."""
    prep = _governing_prep(span, verb)
    if prep is None or prep.lower_ != "by":
        return False
    clock = any(t.ent_type_ == "TIME" or _CLOCK_WORD.match(t.text) for t in span)
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    if {"from", "to"} <= preps and not clock and _has_a_figure(verb, span):
        # a figure's move reached by then: "saw her investment ... grow from
        # a minimum of $15,000 to a minimum of $50,000 by the end of 2009"
        return True
    if _perfect(verb):
        # a total is a figure ("had paid over $2 billion", "had confirmed
        # 44,287 cases"): "By the following day this theory had been
        # abandoned" tells an occurrence; and a clock time of the day dates a
        # move ("By 17:30 UTC, the index had fallen by almost six per cent")
        if clock:
            return False
        return _has_a_figure(verb, span)
    if _progressive(verb):
        # a state coming about ("are becoming 85% obese"), not a plan ("are
        # planning to withdraw ... by early next year", "is going back"); in
        # the past, a state reached by then ("By 2001, Corrigan was working as
        # an ambulance technician", "By the Fifties, research was hinting")
        if prep.head.i != verb.i:
            return False
        return _lemma(verb) in _BECOMING or any(
            a in ("was", "were") for a in _aux_words(verb)
        )
    forecast = (verb.dep_ == "xcomp" and _lemma(verb.head) in FORECAST_VERBS) or (
        _lemma(verb) in FORECAST_VERBS and prep.head.dep_ == "xcomp"
    )
    # a projection is a figure reached: "expected to increase to 57% by the
    # end of this year"; not "the sale ... is expected to be completed by Dec. 28"
    return forecast and _has_a_figure(verb, span)


# Verbs of a figure's size or move: in the future or a possibility, with a
# figure, they forecast a quantity ("could cost as much as $20 billion by
# 2015"), not an act anyone is scheduled to do ("will vote on Monday").
_QUANTITY_VERBS = _BECOMING | frozenset(
    [
        "cost",
        "total",
        "exceed",
        "top",
        "surpass",
        "amount",
        "expand",
        "contract",
        "jump",
        "soar",
        "plunge",
        "slump",
        "tumble",
        "triple",
        "halve",
    ]
)
# Verbs whose size needs no figure: "is projected to double by 2012".
_MULTIPLYING = frozenset({"double", "triple", "halve"})
_PROJECTING_AUX = frozenset({"will", "'ll", "shall", "would", "could", "may", "might"})


def _projects_a_figure(verb: Token) -> bool:
    """'Global demand will grow to 90 million barrels a day by 2015', 'The
    cleanup could cost as much as $20 billion', 'is expected to reach 10
    million', 'is projected to double by 2012': a figure's size or move in
    the future or as a possibility (or under a verb of forecasting) is a
    forecast of a quantity, not a scheduled occurrence. The figure must be
    the verb's own (not in a clause below it); a date is none."""
    if _lemma(verb) in FORECAST_VERBS and _has(verb, {"auxpass"}):
        verb = next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"),
            verb,
        )
    elif not any(
        c.dep_ == "aux" and c.lower_ in _PROJECTING_AUX for c in verb.children
    ):
        return False
    lemma = _lemma(verb)
    if lemma not in _QUANTITY_VERBS:
        return False
    if lemma in _MULTIPLYING:
        return True
    return any(
        (t.ent_type_ in _TOTALS or t.text == "%") and _in_the_clause(t, verb)
        for t in verb.subtree
        if t.ent_type_ not in ("DATE", "TIME")
    )


# Verbs of a thing's course: with "will" over a period, a forecast.
_COURSE_VERBS = _QUANTITY_VERBS | frozenset(
    [
        "worsen",
        "improve",
        "recover",
        "rebound",
        "reverse",
        "continue",
        "gain",
        "dip",
        "slow",
        "weaken",
        "strengthen",
        "ease",
        "peak",
        "deteriorate",
        "stabilise",
        "stabilize",
    ]
)
_WILL = frozenset({"will", "'ll", "shall", "wo"})
# Forecasting verbs of what is to come (an estimate may be of the past).
_FORESEEING = FORECAST_VERBS - {"estimate"}
# Precisions of a period: "in August", "in 2009", "next week" (a day is a
# scheduled occurrence: "fares will rise on January 2").
_FORECAST_PERIODS = frozenset({"week", "month", "quarter", "year", "decade"})


def _forecast_of_a_course(verb: Token, precision: str | None) -> bool:
    """'In August, the Gulf currents will reverse', 'the economy will worsen
    in 2009', 'Annualised sales of vehicles ... are predicted to have dipped
    below nine million in March': a thing's course over a period, told with
    "will" or under a passive verb of forecasting, is a forecast, not an
    occurrence. An actor's or an event's ("BP will increase its payout in
    2011", "The vote will be held in May") and a day's ("fares will rise on
    January 2") stay; so does a verb of no course ("The law will take effect
    in July")."""
    if precision not in _FORECAST_PERIODS or _lemma(verb) not in _COURSE_VERBS:
        return False
    head = verb.head
    foreseen = (
        verb.dep_ == "xcomp" and _lemma(head) in _FORESEEING and _has(head, {"auxpass"})
    )  # "are predicted to have dipped", "is expected to worsen"
    future = any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children)
    if not (foreseen or future) or _has(verb, {"auxpass"}):
        return False
    return _a_things_subject(verb)


def _in_the_clause(tok: Token, verb: Token) -> bool:
    """`tok` hangs below `verb` through no other verb (a figure of a relative
    clause, "who will call for ... 135,000 troops", is that clause's)."""
    return all(h.pos_ not in ("VERB", "AUX") for h in _heads(tok, 20, stop=verb))


def _has_a_figure(verb: Token, span: Span) -> bool:
    return any(
        t.ent_type_ in _TOTALS for t in verb.subtree if not span.start <= t.i < span.end
    )


_TOTALS = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})
_CLOCK_WORD = re.compile(r"\d{1,2}[:.]\d\d$")
_PERIOD_WORDS = frozenset({"past", "last", "previous", "preceding"})
_SPANNING = frozenset({"over", "in", "during", "throughout", "within"})
_PERIOD_UNITS = frozenset({"year", "decade", "month", "week", "century"})
_LONG_UNITS = frozenset({"year", "decade", "century"})


_THIS_PERIOD = re.compile(r"(?i)^this (?:year|month)$")
_LOSING = frozenset(["lose", "gain", "shed", "add"])


def _so_far_this(span: Span, verb: Token) -> bool:
    """'stocks for both banks have plunged more than 68% this year-to-date',
    'continuing their trend of having risen 23 percent this year', 'has lost
    a quarter of its value during this month': a perfect of a figure's move
    over the period up to now is a running total, not an occurrence ("BP
    this month turned down Alabama's claim", a simple past, stays)."""
    if not _THIS_PERIOD.match(span.text):
        return False
    perfect = _perfect(verb) or (verb.tag_ == "VBN" and "having" in _aux_words(verb))
    if not perfect or _lemma(verb) not in _QUANTITY_VERBS | _LOSING:
        return False
    return any(
        (
            t.ent_type_ in _TOTALS
            or t.text == "%"
            or t.lower_ in ("quarter", "half", "third")
        )
        and _in_the_clause(t, verb)
        for t in verb.subtree
        if not span.start <= t.i < span.end
    )


def _simple_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" and not _aux_words(verb)


def _over_a_period(span: Span, verb: Token) -> bool:
    """'has risen 40% over the past decade', 'the economy expanded at a steady
    clip from 2003 to 2007', 'there were more than 7,000 spills between 1970
    and 2000': a perfect over the period up to now, or a span of years
    opened by the date, tells a trend or a total, not an occurrence."""
    if _future(verb):  # a plan: "will receive six aircraft from 2009 to 2011"
        return False
    if lexicon().verbs.get(_lemma(verb)) in _SPEECH_KINDS:
        return False  # a report: "the bank reported profit ... from 2000 to 2006"
    prep = _governing_prep(span, verb)
    # the period up to now, the whole expression: "the past year", "the last
    # five years" (not "the first quarter of last year", a point)
    words = [t.lower_ for t in span if t.dep_ != "det"]
    spanning = (
        prep is not None
        and (
            prep.lower_ in _SPANNING or (prep.lower_ == "for" and _lemma(verb) == "be")
        )
    )  # "There had been reports for the past week", not "posted a profit for the last year"
    if (
        spanning
        and words
        and words[0] in _PERIOD_WORDS
        and span[-1].lemma_.lower() in _PERIOD_UNITS
        and (
            _perfect(verb)
            or _progressive(verb)
            or (_simple_past(verb) and span[-1].lemma_.lower() in _LONG_UNITS)
        )
    ):
        # a simple past over a long period up to now is a state or a trend
        # too ("Taiwan found a powerful new friend over the past year"); over
        # a week, an occurrence ("In the past week, the United States
        # submitted its second request")
        return True
    prep = _governing_prep(span, verb, anywhere=True)
    if prep is None or prep.lower_ not in ("from", "between"):
        return False
    doc = span.doc
    joint = doc[span.end] if span.end < len(doc) else None
    if joint is None or joint.lower_ not in ("to", "and", "through", "until", "-", "–"):
        return False
    years = [t for t in doc[span.end + 1 : span.end + 4] if _is_year(t)]
    first = [t for t in span if _is_year(t)]
    return bool(years and first) and years[0].text != first[-1].text


def _is_year(tok: Token) -> bool:
    return tok.like_num and len(tok.text) == 4 and tok.text[:2] in ("18", "19", "20")


# Verbs of a hope or an expectation: "had hoped to have it ready for 2012".
_HOPING = frozenset(
    ["hope", "expect", "plan", "intend", "bank", "count", "wish", "aim"]
)
_WISHING = frozenset(["hope", "wish"])


def _is_hoping(tok: Token, verbs: frozenset[str] = _HOPING) -> bool:
    """A verb of hoping, whatever the small model's lemma ("hoped" -> "hop")."""
    if tok.pos_ != "VERB":
        return False
    return _lemma(tok) in verbs or not verbs.isdisjoint(_verb_lemmas(tok.lower_))


@lru_cache(maxsize=4096)
def _verb_lemmas(word: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas

    return tuple(getAllLemmas(word).get("VERB", ()))


def _hoped(verb: Token) -> Token | None:
    """The verb of hoping `verb` is or completes ("had hoped to have ..."), if any."""
    for tok in (verb, verb.head):
        if _is_hoping(tok):
            return tok
        if tok.dep_ not in ("xcomp", "ccomp"):
            return None
    return None


def _hope_of_no_one(verb: Token) -> bool:
    """'said it is hoped the first aircraft can be tested in 2010': an
    impersonal passive of hoping ("it is hoped", "it was wished") and the
    clause it governs tell a hope, no one's plan or act (an expectation is
    one's scheduled act: "It was widely expected that BP would proceed on
    Sunday with a so-called “top kill” operation")."""
    hope = verb.head if verb.dep_ == "ccomp" else verb
    if not _is_hoping(hope, _WISHING) or not _has(hope, {"auxpass"}):
        return False
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in hope.children)


def _past_hope(verb: Token, *, scheduled: bool, past: bool) -> bool:
    """'Boeing had hoped to have their's ready for 2012', 'Many were banking on
    this year as the “big one”': a pluperfect of hoping over a date after the
    publication, or a past progressive of hoping over one not yet over, tells
    what was hoped (and did not come about), not a plan; a day come keeps the
    hope's telling ("They had hoped to begin the test Monday but delayed it",
    published that Monday)."""
    hope = _hoped(verb)
    if hope is None:
        return False
    aux = _aux_words(hope)
    if hope.tag_ == "VBN" and any(a in ("had", "'d") for a in aux):
        return scheduled
    return not past and hope.tag_ == "VBG" and any(a in ("was", "were") for a in aux)


# Prepositions and phase verbs of a period: "during the 1980s", "Starting in
# the 1990s".
_DURING = frozenset({"during", "throughout", "since", "from", "through"})


def _background_of_an_era(span: Span, verb: Token) -> bool:
    """'Bolten himself had worked for the influential investment bank in
    Europe in the 1990s', 'Cleveland's prospects had soared ... earlier this
    decade', 'During the 1980s Spielberg planned to transform ...', 'Starting
    in the 1990s, the flood of cheap products from China kept global inflation
    low', 'the “boxy” cars of the 70s and 80s': a decade with a perfect or a
    progressive, over "during" or "starting in", or of a noun, tells a career,
    a trend or a background, not an occurrence. A simple past in a decade
    stays ("In the 1980s, Hackworth returned to the US").

    So does a decade in a relative clause, which describes its noun ("the
    original angry young men who revolutionised British theater in the
    1950s", "a former eye doctor who merged his group with al-Qaida in the late
    90s"), and a run of decades ("Afghanistan produced thousands of jihadists
    in the 1980s and 1990s"): a background, whatever the tense."""
    if _perfect(verb) or _progressive(verb):
        return True
    if verb.dep_ == "relcl" or _decades_run(span):
        return True
    # the decade itself is the preposition's object ("during the last crisis a
    # decade ago" dates the crisis: "Suharto stepped down" stays)
    tok = span.root
    while tok.dep_ == "conj" and tok.head.ent_type_ == "DATE":
        tok = tok.head  # "the 70s and 80s"
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.dep_ == "prep" and prep.lower_ in _DURING:
        return True
    if prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        return True  # "the cars of the 70s"
    head = prep.head
    return (
        prep.lower_ == "in"
        and head.tag_ == "VBG"
        and _lemma(head) in ("start", "begin")
    )  # "Starting in the 1990s"


def _decades_run(span: Span) -> bool:
    """'in the 1980s and 1990s': the decade joined to another one."""
    root = span.root
    joined = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        joined.append(root.head)
    return any(
        t.ent_type_ == "DATE" and t.i not in range(span.start, span.end) for t in joined
    )


def _projected_share(verb: Token) -> bool:
    """'concluded that only 7 percent would be spent in 2009 and 31 percent in
    2010': a figure as the subject of a modal or a future ("would be spent",
    "could go to ...") is a projection of a share, not anyone's act."""
    if not any(c.dep_ == "aux" and c.lower_ in _PROJECTING_AUX for c in verb.children):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.ent_type_ in _FIGURES or c.text == "%")
        for c in verb.children
    )


def _forecast_now(verb: Token) -> bool:
    """'Forecasters say the edge of the tropical storm could reach the spill
    area by early on Saturday', 'federal government projections show a “high
    probability” oil could reach ... Breton Sound on Saturday': a possibility
    reported or shown in the present tense is a forecast whatever day the date
    was read as (a past "could" of a done
    day, "could not reach the site on Monday", is told in the past)."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.tag_ in ("VBZ", "VBP")
        and (
            lexicon().verbs.get(_lemma(head)) in _SPEECH_KINDS
            or _lemma(head) in _SHOWING
        )
        and not _has(verb, {"neg"})
    )


# Present verbs of what data or models show: "projections show a “high
# probability” oil could reach ...".
_SHOWING = _SPECULATING | FORECAST_VERBS | {"show"}


def _open_question(verb: Token) -> bool:
    """'a good indicator of how the virus will behave in Europe and North
    America later this year': a future or a possibility inside an indirect
    question ("how", "whether") is what is asked, not what is scheduled."""
    if verb.dep_ not in ("pcomp", "ccomp", "xcomp", "advcl", "pobj"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _PROJECTING_AUX for c in verb.children):
        return False
    return any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "whether")
        for c in verb.children
    )


# Precisions of a period a count can be a statistic of (not a day's count:
# "204 new cases were confirmed on Tuesday" stays).
_PERIODS = frozenset({"month", "quarter", "year"})
# Prepositions of a whole period: "in 2007", "during the first half".
_WITHIN = frozenset({"in", "during", "throughout", "over", "for"})


# Kinds of a predicate whose count is an event's toll: "15 workers died in an
# explosion", "killed 12 people".
_TOLL_KINDS = frozenset({"death", "attack", "disaster"})


def _counted_subject(verb: Token) -> bool:
    """The clause's subject is a figure: a count of things ("316 properties",
    "8,000 homes", "Nearly 60 pelican chicks") or a share ("80 percent of
    airline passengers")."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.ent_type_ in ("PERCENT", "MONEY") or c.text == "%":
            return True
        return c.pos_ == "NOUN" and any(
            n.dep_ == "nummod" and n.like_num and n.ent_type_ in ("CARDINAL", "")
            for n in c.children
        )
    return False


def _dates_the_clause(span: Span, verb: Token) -> bool:
    """The date hangs on the predicate as a period it happened in: "In the
    year's first half", "Last year alone", "in March" (not a date of one of
    its nouns: "the 2008 election")."""
    root = span.root
    if root.head.i == verb.i:
        return root.dep_ in ("npadvmod", "advmod", "tmod")
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in _WITHIN
        and prep.head.i == verb.i
    )


def _count_of_a_period(span: Span, verb: Token) -> bool:
    """'In the year's first half, 316 properties went through foreclosure',
    'Last year alone, 8,000 homes went into foreclosure in the city', '80
    percent of airline passengers traveled ... in 2008': a count or a share as
    the subject of a simple past over a month, a quarter or a year, reported
    by no one, is a statistic of the period, not an occurrence. A day's count
    ("204 new cases were confirmed on Tuesday"), an actor's act ("PNC slashed
    3,400 jobs in 2007", "200 million inoculations were purchased by the US
    government in 1976", "in 1989 nearly 300 theologians signed The Cologne
    Declaration"), an event's toll ("In 2005, 15 workers died in an explosion
    at BP's Texas refinery") and a report ("Ford said 4,000 jobs were cut")
    stay.
    """
    if lexicon().verbs.get(_lemma(verb)) in _SPEECH_KINDS:
        return False
    aux = _aux_words(verb)
    if verb.tag_ == "VBD" and aux:
        return False
    if verb.tag_ == "VBN" and not (aux and all(a in ("was", "were") for a in aux)):
        return False
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    if not _counted_subject(verb) or not _dates_the_clause(span, verb):
        return False
    if lexicon().verbs.get(_lemma(verb)) in _TOLL_KINDS or _has(
        verb, {"dobj", "ccomp", "xcomp"}
    ):
        return False  # a toll ("15 workers died"), an act ("300 theologians signed X")
    for c in verb.children:
        if c.dep_ == "agent" and any(t.ent_type_ in _ACTOR_LABELS for t in c.subtree):
            return False  # "were purchased by the US government"
        if c.dep_ in ("prep", "agent") and any(
            t.dep_ == "pobj" and is_event_nominal(t) for t in c.subtree
        ):
            return False  # an event's toll: "died in an explosion", "by the accident"
    return not _reported(verb)


def _reported(verb: Token) -> bool:
    """The clause is the report of someone named ("Ford said that its share
    rose"), not the writer's ("It should be mentioned that ...")."""
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or lexicon().verbs.get(_lemma(head)) not in _SPEECH_KINDS:
        return False
    return any(
        c.dep_ in ("nsubj", "agent") or (c.dep_ == "nsubjpass" and c.lower_ != "it")
        for c in head.children
    )


# A source's count: "according to WHO's tally", "according to official figures".
_COUNTS = frozenset(
    ["tally", "count", "figure", "figures", "data", "statistic", "statistics", "toll"]
)


def _sources_tally(span: Span, verb: Token) -> bool:
    """'Some 5,251 people have been infected in 30 countries, according to
    WHO's tally on Tuesday': a date of the count a figure is "according to"
    gives the day the count was read, as "as of" does; a perfect or a present
    there is a running total, not an occurrence ("12 people were killed,
    according to police figures on Monday", a simple past, stays)."""
    root = span.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    count = root.head.head
    if _lemma(count) not in _COUNTS or count.dep_ != "pobj":
        return False
    to = count.head
    if to.lower_ != "to" or to.head.lower_ != "according" or to.head.head.i != verb.i:
        return False
    if not (_perfect(verb) or _simple_present(verb) or _lemma(verb) in _TALLY_VERBS):
        return False
    return _has_a_figure(verb, span)


def _yearly_statistic(span: Span, verb: Token) -> bool:
    """'the stock capital of Apple Inc tripled in 2004, doubled in 2005 and
    increased by 16 percent in 2006': a figure's move in a whole year, told
    in the simple past with its figure and reported by no one (the writer's "It should be
    mentioned that ..." is no one), is a statistic of the year, not
    an occurrence ("Ford said that its share ... rose to 17%" is a report;
    "In 2009, Fiat bought a twenty percent stake" an act)."""
    lemma = _lemma(verb)
    if lemma not in _QUANTITY_VERBS or _aux_words(verb):
        return False
    if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and verb.dep_ == "conj"):
        return False
    if lemma not in _MULTIPLYING and not any(
        (t.ent_type_ in _TOTALS or t.text == "%") and _in_the_clause(t, verb)
        for t in verb.subtree
        if not span.start <= t.i < span.end
    ):
        return False  # no figure: "When he became chief executive in 2007"
    prep = _governing_prep(span, verb)
    if prep is None or prep.lower_ not in ("in", "during"):
        return False
    # reported by someone ("Ford said"), not the writer's "It should be mentioned"
    return not _reported(verb)


# What a reporter asks for: "did not return a telephone message", "did not
# respond to requests for comment", "could not be reached for comment".
_INQUIRIES = frozenset(
    ["call", "message", "email", "e-mail", "request", "inquiry", "query", "comment"]
)


def _reporter_patter(verb: Token) -> bool:
    """'Feick did not immediately return a telephone message on Monday seeking
    additional details': a negated reply to the reporter's call or message
    (or "could not be reached for comment") tells how the story was reported,
    not news; so does "could not be reached", whatever follows."""
    if not _has(verb, {"neg"}):
        return False
    lemma = _lemma(verb)
    if lemma == "reach" and _has(verb, {"auxpass"}):
        if any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in verb.children):
            return True  # "was traveling ... and could not be reached late last week"
        objects = [t for t in verb.subtree if t.dep_ == "pobj"]
    elif lemma in ("return", "respond", "reply"):
        objects = [
            t
            for t in verb.subtree
            if t.dep_ in ("dobj", "pobj") and _in_the_clause(t, verb)
        ]
    else:
        return False
    return any(_lemma(t) in _INQUIRIES for t in objects)


def _lets_us(verb: Token) -> bool:
    """'To understand the role of that relationship ..., let's go back to
    1999.': the writer's "let's" invites the reader, it tells no news."""
    head = verb.head
    return (
        _lemma(head) == "let"
        and head.i != verb.i
        and head.tag_ == "VB"  # an imperative, not "If they'd let us go out"
        and not _has(head, _SUBJECT_DEPS | {"aux"})
        and any(
            c.dep_ == "nsubj" and c.lower_ in ("'s", "’s", "us") for c in verb.children
        )
    )


def _since_a_record(verb: Token) -> bool:
    """'the most tepid growth over any eight-year span since data collection
    began seven decades ago': a "since" clause of a superlative or a first
    whose verb is a start ("since records began") only says how far back the
    record goes; its date is no occurrence of the story ("for the first time
    since the rig exploded a month ago" dates the explosion)."""
    if _lemma(verb) not in ("begin", "start", "commence"):
        return False
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "since" for c in verb.children
    ):
        return False
    head = verb.head
    if head.pos_ not in ("NOUN", "ADJ", "ADV"):
        return False
    return any(
        (t.tag_ in ("JJS", "RBS") or t.lower_ in _SINCE_MARKERS) and t.i < verb.i
        for t in head.subtree
        if not verb.left_edge.i <= t.i <= verb.right_edge.i
    )


# Nouns of an aim: "The plan is to ...", "The goal is to ...".
_GOALS = frozenset(
    ["plan", "aim", "goal", "target", "objective", "intention", "ambition", "purpose"]
)


def _a_goal(verb: Token) -> bool:
    """'The plan, called "Way Forward", ... is to end Ford's North American
    losses by 2008', 'the goal was to free the saw and finish the cut later
    in the day': an infinitive complement of "be" under a noun of an aim (or
    the infinitive coordinated with it) says what is aimed at, not what
    happened or was scheduled."""
    if _lemma(verb) == "be":  # the date read as the copula's: "is to end ..."
        infinitive = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if infinitive is None:
            return False
        head, verb = verb, infinitive
    else:
        while verb.dep_ == "conj" and verb.tag_ == "VB":
            verb = verb.head  # "the goal was to free the saw and finish the cut"
        head = verb.head
        if verb.dep_ != "xcomp" or _lemma(head) != "be":
            return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and _lemma(c) in _GOALS
        for c in head.children
    )


# Prepositions of a deadline: "by June", "before August", "until the end of
# the month" (the small model reads a passive's "by June" as its agent).
_DEADLINES = frozenset({"by", "before", "until", "till"})
# Verbs of asking for a thing to be done: what is asked for by a date is not
# done at it ("Airbus has asked that a decision ... be made before the end of
# the month").
_REQUESTING = frozenset(
    ["ask", "urge", "request", "demand", "recommend", "insist", "propose"]
)


def _deadline(span: Span) -> Token | None:
    """The preposition of a deadline that governs the date, if any."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "agent"):
        return None
    return prep if prep.lower_ in _DEADLINES else None


def _deadline_of_no_occurrence(span: Span, verb: Token) -> bool:
    """'The first of the wells isn't expected to be completed before August',
    'Aer Lingus also have options of six more A350s to exercise by 2018',
    'Airbus has asked that a decision on how the project is to procced be
    made before the end of the month': a deadline (a date still to come) of
    what is expected not to be done by then, of a noun's infinitive (an
    option's, a target's) or of what someone asks for dates no occurrence.
    A scheduled step by a deadline stays ("Congress will pass legislation by
    August", "the sale ... is expected to be completed by Dec. 28"), and so
    do a plan's target ("It also plans to cut two Chrysler plants in an
    attempt to make Chrysler business profitable by 2008") and an actor's act
    not done until a date ("BP will not make a decision on its next dividend
    payment until late July": it is made then)."""
    prep = _deadline(span)
    if prep is None or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    dated = prep.head
    if (
        dated.tag_ == "VB"
        and (_planned(dated, verb) is None or prep.lower_ == "by")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in dated.children)
        and (
            (dated.dep_ == "acl" and dated.head.pos_ == "NOUN")
            or (  # "have options ... to exercise", parsed as "have"'s infinitive
                dated.dep_ == "xcomp"
                and _lemma(dated.head) == "have"
                and _has(dated.head, {"dobj"})
            )
        )
    ):
        return True  # "options ... to exercise by 2018"
    if _negated_expectation(dated) and (
        prep.lower_ in ("by", "before") or not _actors_act(dated)
    ):
        return True
    return any(h.pos_ == "VERB" and _lemma(h) in _REQUESTING for h in _heads(dated, 6))


# Verbs of planning: a step of an actor's plan by a deadline is scheduled.
_PLANNING = frozenset(["plan", "intend", "aim", "seek", "schedule", "prepare"])
_PERSONAL = frozenset({"he", "she", "it", "we", "they", "i", "you"})


def _planned(tok: Token, verb: Token) -> Token | None:
    """The verb of planning between `tok` and the predicate `verb`, if any."""
    for head in itertools.chain([verb], _heads(tok, 6, stop=verb)):
        if head.pos_ == "VERB" and _lemma(head) in _PLANNING:
            return head
    return None


def _actors_act(verb: Token) -> bool:
    """'BP will not make a decision', 'she would not give the boxer an
    audience': the subject (of the verb or of the verb it completes) is an
    actor or a person, and the verb active."""
    from timeline.extraction.titles import subject_of

    subject = subject_of(verb)
    if subject is None or _has(verb, {"auxpass"}):
        return False
    return (
        subject.ent_type_ in _ACTOR_LABELS
        or subject.pos_ == "PROPN"
        or subject.lower_ in _PERSONAL
    )


def _negated_expectation(verb: Token) -> bool:
    """'isn't expected to be completed', 'won't be sealed', 'may not be
    stopped': a negated future, modal or expectation over the verb."""
    tok = verb
    for _ in range(3):
        aux = _aux_words(tok)
        if _has(tok, {"neg"}) and (
            _lemma(tok) in FORECAST_VERBS
            or any(a in _MODALS or a in _WILL or a == "may" for a in aux)
        ):
            return True
        if tok.dep_ not in ("xcomp", "ccomp"):
            return False
        tok = tok.head
    return False


def _foreseen_by(span: Span, verb: Token) -> bool:
    """'the BP spill was expected to become the largest ever in the Gulf by
    Thursday': what a thing or an event is expected or predicted to become,
    reach or grow to by a date is a forecast, at any precision (an actor's
    step, "the sale ... is expected to be completed by Dec. 28", stays)."""
    prep = _deadline(span)
    if prep is None or prep.lower_ != "by":
        return False
    course = prep.head
    head = course.head
    if not (
        course.dep_ == "xcomp"
        and _lemma(course) in _COURSE_VERBS
        and _lemma(head) in _FORESEEING
        and _has(head, {"auxpass"})
        and head.i == verb.i
    ):
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.ent_type_ in _ACTOR_LABELS:
        return False
    return is_event_nominal(subject) or _a_things_subject(course)


def _future_of_a_past_thing(span: Span, verb: Token) -> bool:
    """'Toyota is expected to report that it will beat last year's profit of
    $11 billion': a date gone by, as the possessive of a future verb's
    argument, dates that thing (the profit), not what will happen."""
    root = span.root
    if root.dep_ != "poss" or not any(
        c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children
    ):
        return False
    return root.head.head.i == verb.i and root.head.dep_ in ("dobj", "pobj", "attr")


def _press_review(span: Span, verb: Token) -> bool:
    """'Martin Samuels, writing in today's Times, observes that ...', '...,"
    writes Jonathan Jones in today's Guardian': a writer's words in the
    present under a paper's edition of the day ("in today's Times") review
    the press; "Paulson wrote in Tuesday's Washington Post" (a past) stays."""
    if verb.tag_ not in ("VBZ", "VBG"):
        return False
    if (
        _lemma(verb) != "write"
        and lexicon().verbs.get(_lemma(verb)) not in _SPEECH_KINDS
    ):
        return False
    root = span.root
    if root.dep_ != "poss" or root.head.dep_ != "pobj" or root.head.pos_ != "PROPN":
        return False
    prep = root.head.head
    return prep.lower_ == "in" and prep.head.i == verb.i


def _continued_state(verb: Token) -> bool:
    """'the American economy would continue to be slow in 2009': "continue to
    be" with an adjective or a noun states a condition, as "be" does."""
    if _lemma(verb) != "continue":
        return False
    return any(
        c.dep_ == "xcomp" and _lemma(c) == "be" and _has(c, _COMPLEMENTS)
        for c in verb.children
    )


def _still_holding(span: Span, verb: Token) -> bool:
    """'At the end of 2009, however, Heinz family trusts still held between
    $350,000 and $750,000 in BP stock': "still" with a figure in the clause
    tells what lasted to the date, not what happened on it ("The rebels
    still attacked the town on Monday" has no figure and stays)."""
    if not any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children):
        return False
    if _perfect(verb) or _progressive(verb) or _future(verb):
        return False
    return _has_a_figure(verb, span)


# What a copula's clause holds when it says what or where something is.
_COPULA_FILLERS = frozenset(
    {"attr", "acomp", "prep", "xcomp", "ccomp", "oprd", "dobj", "advcl", "agent"}
)


def _bare_copula(span: Span, verb: Token) -> bool:
    """'“This is the way Grand Isle is supposed to be but hasn't been this
    year,”': a negated or perfect "be" whose complement is left out points
    back at a state; '“There's not that panic that there was in
    November”': an existential whose noun is the one before it counts that
    noun's state. "There was an explosion at the plant on Monday" (its
    noun) and "The vote will be Monday" (neither negated nor perfect) stay."""
    if any(
        c.dep_ in _COPULA_FILLERS
        and not c.left_edge.i <= span.start < c.right_edge.i + 1  # the date's own "in"
        for c in verb.children
    ):
        return False
    if _has(verb, {"expl"}):
        return not _has(verb, {"nsubj", "attr"})
    return _has(verb, {"neg"}) or _perfect(verb)


# A comparison's base period told as such: "the same period a year earlier",
# "the same month a year ago", "the year-earlier quarter".
_SAME_PERIOD = re.compile(
    r"(?i)\b(?:same (?:period|quarter|month|week|time|day|season|half)|"
    r"year-(?:earlier|ago)|year earlier|prior-year)\b"
)


def _same_period_base(span: Span, verb: Token) -> bool:
    """'In the same period a year earlier, Bank of America had gained $704
    million', 'sales ... rose 43% in February compared to the same period last
    year': a date named as "the same period" (or "the year-earlier quarter")
    is a comparison's base, with a figure in the clause; it dates the figure
    the news is measured against, not an occurrence ("The bank slashed 3,400
    jobs a year earlier", no "same", stays)."""
    if not _SAME_PERIOD.search(span.text):
        return False
    if "same" not in span.text.lower() and not any(
        t.lower_ in ("earlier", "ago") and t.dep_ == "amod" for t in span
    ):
        return False  # "a year earlier" alone is an ordinary date
    doc = span.doc
    told = doc[span.start : min(len(doc), span.end + 5)].text
    if not _RELATIVE_PAST.search(told.replace("same", "")) and not re.search(
        r"(?i)\bcompar", span.sent.text
    ):
        return False  # "during the same period that Dr Murray was giving ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "the $565 million profit reaped during the same period of the last
        # year": the participle names the compared figure
        return any(_figure(t) for t in verb.head.children if t.dep_ == "nummod") or (
            _figure(verb.head)
        )
    return any(
        _figure(t) and _in_the_clause(t, verb)
        for t in verb.subtree
        if not span.start <= t.i < span.end and t.ent_type_ not in ("DATE", "TIME")
    )


# Precisions of a period a total is reached by ("by 2004", "by the end of
# 2009"); a day's ("By Monday") is a step of the story.
_REACHED_PRECISIONS = frozenset({"month", "quarter", "year", "decade"})
_LONG_REACHED = frozenset({"year", "decade"})


def _reached_by(span: Span, verb: Token, precision: str) -> bool:
    """'that soared to more than $21 billion by 2004', 'But by 2008, Democrats
    had nearly pulled even with Republicans on BP donations': "by" + a month,
    a year or a decade over a simple past of a figure's size or move (with
    its figure) tells what was reached by then; over a perfect, by a year or
    a decade, what had come about some time before it. Neither happened on
    the date. A future or a possibility is a plan or a forecast (other rules),
    and "By Monday" (a day) is left alone."""
    prep = _governing_prep(span, verb)
    if prep is None or prep.lower_ != "by" or prep.head.i != verb.i:
        return False
    if _future(verb) or any(a in _MODALS or a == "may" for a in _aux_words(verb)):
        return False
    if _perfect(verb):
        return precision in _LONG_REACHED
    if not _simple_past(verb) or _lemma(verb) not in _QUANTITY_VERBS:
        return False
    return any(
        (t.ent_type_ in _TOTALS or t.text == "%") and _in_the_clause(t, verb)
        for t in verb.subtree
        if not span.start <= t.i < span.end and t.ent_type_ not in ("DATE", "TIME")
    )


# Verbs of a level a figure is at: "hovering around 6%", "stood at 6.7
# percent", "averaged 2 percent", "were valued at $441.8 million".
_HOVERING = frozenset(["hover", "average", "linger", "idle"])
_AT_LEVEL = frozenset(["stand", "sit", "value"])


def _figure(tok: Token) -> bool:
    return tok.ent_type_ in _TOTALS or tok.text == "%"


def _states_a_level(verb: Token) -> bool:
    """'on Friday the federal funds rate was hovering around 6%', 'Last month,
    unemployment stood at 6.7 percent', 'U.S. landings of shrimp were valued
    at $441.8 million in 2008': a figure's level (hovering, averaging, standing
    or valued at a figure) is a state, not a move; "Unemployment rose to 10%
    in October" (a move) stays. "stand" and "value" need "at" and a figure
    ("stood before the court" is no level); a passive "put"/"estimated at"
    is someone's estimate of a level."""
    lemma = _lemma(verb)
    if _reported(verb):
        return False  # a report of the level is a report
    if lemma in _HOVERING:
        return any(_figure(t) and _in_the_clause(t, verb) for t in verb.subtree)
    if lemma not in _AT_LEVEL:
        return False
    if lemma == "value" and not _has(verb, {"auxpass"}):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "at"
        and any(_figure(t) and t.ent_type_ != "TIME" for t in c.subtree)
        for c in verb.children
    )


# A rate: "5,000 barrels a day", "$100m per day", "15,000 barrels daily".
_RATE_UNITS = frozenset({"day", "hour", "week", "month", "year", "minute", "second"})
_RATE_ADVERBS = frozenset({"daily", "hourly", "weekly", "monthly", "annually"})


def _rate(tok: Token) -> bool:
    if tok.lower_ in _RATE_ADVERBS:
        return True
    if _lemma(tok) not in _RATE_UNITS:
        return False
    return any(
        c.lower_ in ("a", "an", "per", "each", "every") for c in tok.children
    ) or (tok.head.lower_ == "per")


def _running_rate(span: Span, verb: Token) -> bool:
    """'The tube was siphoning off 5,000 barrels a day', 'A cap ... is now
    said to be collecting about 15,000 barrels daily': a progressive with a
    figure per day (an hour, a week) tells a process going on at a rate, a
    statistic, not an occurrence; a done "collected 15,000 barrels on Sunday"
    (no progressive) stays. The rate must be the clause's own."""
    if not _progressive(verb) or _future(verb) or _reported(verb):
        return False  # "BP said this morning it was now spending $100m a day"
    figure = False
    rate = False
    for t in verb.subtree:
        if span.start <= t.i < span.end or not _in_the_clause(t, verb):
            continue
        figure = figure or (_figure(t) and t.ent_type_ not in ("DATE", "TIME"))
        rate = rate or _rate(t)
    return figure and rate


# What a share of the people asked said or thought in a poll.
_POLL_WORDS = frozenset(
    ["poll", "survey", "surveyed", "polled", "respondent", "questioned", "interviewed"]
)
_OPINION_VERBS = frozenset(
    [
        *("say", "think", "believe", "support", "oppose", "favor", "favour"),
        *("approve", "disapprove", "back", "want", "expect", "prefer", "trust"),
        *("agree", "disagree", "rate", "view", "feel", "consider", "blame"),
    ]
)
_SHARES = frozenset(
    [
        *("majority", "minority", "plurality", "half", "third", "quarter"),
        *("fourth", "fifth", "percent", "proportion", "share", "most"),
    ]
)
_ASKING = frozenset(["survey", "poll", "question", "interview", "ask"])
_PUBLISHING = frozenset(["release", "publish", "issue", "announce", "report"])


def _share_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.ent_type_ == "PERCENT" or c.text == "%" or _lemma(c) in _SHARES:
            return c
        if any(n.dep_ == "nummod" and n.ent_type_ == "PERCENT" for n in c.children):
            return c
    return None


def _poll_finding(span: Span, verb: Token) -> bool:
    """'Nearly three-fourths of those surveyed Monday and Tuesday say BP is
    doing a "poor" ... job', '52 percent of voters said in a poll ...': what
    a share of the people asked says or thinks is a poll's statistic. The
    poll's publication stays an event: a date on "released"/"published"
    ("a poll released on Tuesday showed ..." has the poll as subject anyway)."""
    if verb.dep_ == "acl" and _lemma(verb) in _ASKING:
        # "those surveyed Monday and Tuesday": the days the people were asked
        for head in _heads(verb, 4):
            if head.pos_ in ("VERB", "AUX"):
                verb = head
                break
    if _lemma(verb) not in _OPINION_VERBS:
        return False
    subject = _share_subject(verb)
    if subject is None:
        return False
    if not any(_lemma(t) in _POLL_WORDS or t.lower_ in _POLL_WORDS for t in span.sent):
        return False
    return not any(_lemma(h) in _PUBLISHING for h in _heads(span.root, 6, stop=verb))
