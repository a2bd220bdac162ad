"""Events: one per sentence and point-in-time temporal expression.

The date comes from the TIMEX3 value (values.value_range); what happened comes
from the dependency parse: the verb that governs the date expression (or, in
reported speech, the reported verb the date belongs to) is the predicate. A
predicate that states a condition, opinion or habit makes no event
(nonevents.py); the predicate's clause makes the title (titles.py), the
predicate and its arguments the kind (kinds.py), modal and future
auxiliaries the modality.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from timeline.extraction.entities import (
    ArticleEntities,
    governing_subject,
    participant_offsets,
    pronoun_reporter,
)
from timeline.extraction.kinds import KINDS, STATEMENT, classify, lexicon
from timeline.extraction.nlp import doc_text
from timeline.extraction.nonevents import non_event_reason
from timeline.extraction.titles import (
    SUBJECT_DEPS,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    ArticleContext,
    build_title,
    tidy,
)
from timeline.extraction.types import ExtractedEvent, Timex
from timeline.extraction.values import event_value, value_range

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["KINDS", "TITLE_MAX_CHARS", "TITLE_MAX_WORDS", "build_events"]


def _w(words: str) -> list[str]:
    return words.split()


POINT_TYPES = frozenset({"DATE", "TIME"})

POSSIBLE_MODALS = frozenset(_w("could may might can should would 'd"))
FUTURE_AUX = frozenset(_w("will shall 'll wo"))
SCHEDULING_LEMMAS = frozenset(
    _w("plan schedule expect set due intend aim prepare propose go")
)
_SUBJECT_DEPS = SUBJECT_DEPS
# Verbs of a phase: "a two-day trip beginning on Monday" dates the trip's verb.
_ASPECTUAL = frozenset(_w("begin start commence end finish continue resume"))
_DATE_PARTS = frozenset({"case", "det", "predet", "amod", "nummod", "quantmod"})
_BAD_STARTS = frozenset({"CCONJ", "SCONJ", "VERB", "AUX", "PART", "ADP", "PUNCT"})


def build_events(
    doc: Doc,
    timexes: Iterable[Timex],
    entities: ArticleEntities,
    dct: date,
) -> list[ExtractedEvent]:
    """The events of a parsed article, in text order."""
    text = doc_text(doc)
    timexes = list(timexes)
    events = []
    all_spans: list[Span] | None = None

    def spans_in(sent: Span) -> list[Span]:
        """The date expressions of the sentence, as spans."""
        nonlocal all_spans
        if all_spans is None:
            all_spans = [
                s
                for t in timexes
                if 0 <= t.start < t.end <= len(text)
                and (s := doc.char_span(t.start, t.end, alignment_mode="expand"))
                is not None
                and len(s)
            ]
        return [s for s in all_spans if sent.start <= s.start < sent.end]

    seen: set[tuple[int, int]] = set()
    reported: set[tuple[int, int]] = set()  # (sentence, verb) re-dated reports
    # where a quarter's, month's or year's expression starts, a duration's
    # ("an annual profit") and one with no day to give ("recently the company
    # reported a second quarter loss"): none dates a report
    periods = {
        t.start
        for t in timexes
        if t.type not in POINT_TYPES
        or (r := value_range(t.value)) is None
        or r[2] in _PERIODS
    }
    sents: list[Span] | None = None
    sent_starts: list[int] = []
    context: ArticleContext | None = None
    for tx in timexes:
        if tx.type not in POINT_TYPES:
            continue
        rng = value_range(tx.value)
        if rng is None:
            continue
        if not (0 <= tx.start < tx.end <= len(text)):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if sents is None:  # once per document, and only if there is a date
            context = ArticleContext(doc, entities)
            sents = context.sents
            sent_starts = [x.start for x in sents]
        assert context is not None
        k = bisect_right(sent_starts, span.start) - 1
        sent = sents[k]
        if k + 1 < len(sents) and _is_dateline(text, sent, span):
            # "BUDAPEST, March 12 (Xinhua) --" + the sentence it dates.
            sent = doc[sent.start : sents[k + 1].end]
        story = _agency_story(doc, sents, k, tx)
        if story is not None:
            # "... By Maggie Fox, Health and Science Editor WASHINGTON, April
            # 30 (Reuters) - New tests are being shipped": the dateline's date
            # dates the story's first sentence, never the headline glued
            # before it; a story sentence with a date of its own has its event
            if any(s.start_char >= story.start_char for s in spans_in(story.sent)):
                continue
            sent = doc[sent.start : story.end]
        s_start, s_end = _evidence_bounds(text, sent, tx.start, tx.end)
        if _stamp_before_dateline(text, s_start, s_end, tx, spans_in(sent)):
            continue
        line_start, s_start = s_start, _after_dateline(text, s_start, tx.start)
        if story is not None:
            s_start = max(s_start, story.start_char)
        if (s_start, tx.start) in seen:
            continue
        seen.add((s_start, tx.start))
        start, end, precision = rng
        timex_tokens = {t.i for t in span}
        aligned = span.start_char == tx.start and span.end_char == tx.end
        governor = _reported(
            _governor(span, sent) if story is None else story.root, span
        )
        if story is not None and not s_start <= governor.idx < s_end:
            continue  # the story's verb is on another line of a garbled page
        verb = _lift(governor)
        modality = _modality(governor, start, end, dct)
        chronology = _chronology_entry(text, tx.start, tx.end)
        if (
            non_event_reason(
                verb,
                span,
                scheduled=start > dct,
                past=end < dct,
                chronology=chronology,
                precision=precision,
                days_before=max(0, (dct - end).days),
            )
            is not None
        ):
            continue
        if (
            start > dct
            and governor.i == verb.i
            and _done_before(verb)
            and not _written_day(span, verb)
        ):
            continue  # "She pledged legislation by August": the noun's deadline
        line_tokens = {t.i for t in sent if s_start <= t.idx < s_end}
        if line_tokens and _verbless(doc, line_tokens, span):
            continue
        if _reports_a_period(verb, span, precision, end, dct):
            # "GM reported losing US$ 4.8 billion in the fourth quarter of
            # 2005": the report is the event, not the quarter; it takes its own
            # date ("reported February sales today") or, told as news, the
            # article's day, once per predicate
            if (s_start, verb.i) in reported or _dated_otherwise(
                spans_in(sent), span, governor, verb, periods
            ):
                continue
            reported.add((s_start, verb.i))
            if verb.lemma_.lower() in _REPORT_LEMMAS:
                timex_tokens = set()  # the title keeps "for the fourth quarter"
            start = end = dct
            precision = "day"
            value = dct.isoformat()
        else:
            value = event_value(tx.value)
        skip = _date_tokens(doc, timex_tokens) | _same_predicate_dates(
            doc, spans_in(sent), span, governor
        )
        skip |= {t.i for t in sent if line_start <= t.idx < s_start}  # dateline
        skip |= _emptied(sent, skip)
        off_line = (
            {t.i for t in sent if t.i not in line_tokens} if line_tokens else set()
        )
        title = build_title(
            context, verb, sent, skip, off_line=off_line, modality=modality
        ) or _fallback_title(sent, skip | off_line)
        if not title:
            continue
        kind = classify(verb, span)
        if kind == "other" and governor.i != verb.i:
            kind = classify(governor, span)  # "plans to stand down"
        actors, countries, orgs = entities.involved(
            s_start, s_end, participants=participant_offsets(verb), verb=verb
        )
        if (
            not actors and not orgs and (doer := governing_subject(verb)) is not None
        ):  # "The company said two more plants will close": the company's
            if doer.pos_ == "PRON":
                person = context.resolve(doer, doer.head)
                if person in entities.people():
                    actors = (person,)
            elif name := _company_for(doer, entities, context):
                orgs = (name,)
        if not actors and not orgs and (doer := _passive_doer(verb)) is not None:
            # "Boeing has received five orders ... for the 777-200LR since it
            # was announced in February 2000": the company that governs it
            orgs = tuple(
                dict.fromkeys(
                    m.value
                    for m in entities.within(doer.left_edge.idx, doer.idx + len(doer))
                    if m.kind == "organization"
                )
            )
        if (speaker := pronoun_reporter(verb)) is not None:
            # "He said a colleague told him that an inspection ... found":
            # the speaker's, as a named one's ("..., Akdag said")
            person = (
                context.resolve(speaker, speaker.head)
                if speaker.pos_ == "PRON"
                else entities.office_holder(speaker)  # "BP's new chief executive said"
            )
            if person in entities.people() and person not in actors:
                actors = (*actors, person)
        events.append(
            ExtractedEvent(
                value=value,
                start=start,
                end=end,
                precision=precision,
                title=title,
                kind=kind,
                sentence=text[s_start:s_end],
                sentence_start=s_start,
                sentence_end=s_end,
                expression=text[tx.start : tx.end],
                expression_start=tx.start,
                expression_end=tx.end,
                anchor=tx.anchor or dct,
                actors=actors,
                countries=countries,
                organizations=orgs,
                modality=modality,
                confidence=_confidence(tx, precision, verb, aligned, modality),
            )
        )
    return events


def _passive_doer(verb: Token) -> Token | None:
    """'Boeing has received five orders from two customers for the 777-200LR
    since it was announced in February 2000': an agentless passive of a
    thing ("it", a common noun) in an adverbial clause is its governing
    clause's named company's doing (the company's plane, announced by it).
    The governing subject, a company's name; None otherwise."""
    if (
        verb.dep_ != "advcl"
        or not any(c.dep_ == "auxpass" for c in verb.children)
        or any(c.dep_ == "agent" for c in verb.children)
    ):
        return None
    undergoer = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if undergoer is None or not (
        undergoer.lower_ == "it"
        or (undergoer.pos_ == "NOUN" and not undergoer.ent_type_)
    ):
        return None
    doer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.pos_ != "PROPN" or doer.ent_type_ != "ORG":
        return None
    return doer


def _company_for(
    description: Token, entities: ArticleEntities, context: ArticleContext
) -> str | None:
    """The company a governing description stands for: the one titles find
    for it ("the airline" after "Qantas"), but the article's main company
    over one its window names only as an owner ("Among the applications
    demonstrated were EA's Spore, AOL's AIM ... The company also announced"
    in an Apple story)."""
    name = context.nearest_company(description)
    main = entities.main_company
    if name is None or main is None or name == main:
        return name
    text = doc_text(context.doc)
    named = [
        m
        for m in entities.within(context.window_start(description), description.idx)
        if m.value == name
    ]
    if named and all(text[m.end : m.end + 2] in ("'s", "’s") for m in named):
        return main
    return name


def _date_tokens(doc: Doc, timex_tokens: set[int]) -> set[int]:
    """The date expression, a preposition that only introduced it ("on Monday")
    and its own little words ("today's", "the same")."""
    skip = set(timex_tokens)
    for i in timex_tokens:
        head = doc[i].head
        if head.dep_ == "prep" and all(c.i in timex_tokens for c in head.children):
            skip.add(head.i)
        for child in doc[i].children:
            if child.dep_ in _DATE_PARTS:
                skip.add(child.i)
    return skip


def _emptied(sent: Span, skip: set[int]) -> set[int]:
    """Prepositions left with nothing once the dates are out: "expected
    further impacts in the fourth quarter and into 2011" loses "in", "and",
    "into" with the two dates."""
    out: set[int] = set()
    changed = True
    while changed:
        changed = False
        for t in sent:
            if t.i in skip or t.i in out or t.dep_ not in ("prep", "conj"):
                continue
            if t.pos_ != "ADP":
                continue
            children = list(t.children)
            if children and all(
                c.i in skip or c.i in out or c.dep_ in ("cc", "punct") for c in children
            ):
                out.add(t.i)
                out.update(c.i for c in children if c.dep_ in ("cc", "punct"))
                changed = True
    return out


# A dateline before the story's first sentence: "ROBERT, Louisiana (Reuters)
# - BP Plc suffered ...", "AP ROBERT, Louisiana -- BP admitted ...".
_AGENCY_DATELINE = re.compile(
    r"\((?:(?:Reuters|AP|AFP|CNN|Xinhua|UPI|Bloomberg|PA|dpa|IANS|RIA Novosti)"
    r"(?: [A-Z][a-z]+)?|"  # a desk of the agency: "(Reuters Legal)", "(Reuters Health)"
    r"[A-Z][A-Za-z]+ (?:News|Press|Wire))\)\s*(?:--?|–|—|:)\s*"
)
# A page stamp before the sentence: "Friday, October 22, 2010; 8:45 PM The
# Interior Department is reviewing ...", "June 11, 2009 8:20 AM ET".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_STAMP_CLOCK = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"[;,]?\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?"
)
_STAMP_ZONE = r"\s+(?:[A-Z]{1,3}T|UTC)\b"
_STAMP_PREFIX = re.compile(rf"{_STAMP_CLOCK}(?:{_STAMP_ZONE})?\s+")
# A page stamp with its clock and zone inside the evidence, between a headline
# or standfirst and the story: "... warns against premature celebration Friday
# 16 July 2010 18.20 BST Images of the BP oil spill taken ..."; prose says "at
# 18.20 BST on Friday".
_STAMP_INSIDE = re.compile(rf"{_STAMP_CLOCK}{_STAMP_ZONE}\s+")
_CAPS_DATELINE = re.compile(r"(?:[A-Z][\w.'’/\\-]*,?[ \t]+){1,6}(?:--|—|–)\s+")
_PLACE_IN_CAPS = re.compile(r"\b[A-Z]{3,}\b")
_DATELINE_MAX = 250  # characters of glued furniture a dateline may close


# A photo credit glued before the sentence: "Photograph: Patrick Semansky/AP
# BP will begin ...", "Dave Martin\/AP BP's woes ...".
# The agency alone or after the name, one or more ("Photograph: PA An
# outbreak ...", "Photograph: Jim Watson/AFP/Getty Images Prolonged exposure ...").
_PHOTO_AGENCY = (
    r"(?:AP(?:\s+Photo)?|Reuters|AFP|Getty\s+Images|EPA|PA|Bloomberg|Rex\s+Features"
    r"|Corbis|Alamy|Xinhua|Press\s+Association)"
)
_AGENCIES = rf"{_PHOTO_AGENCY}(?:\\?/{_PHOTO_AGENCY})*"
_CREDIT_PREFIX = re.compile(
    rf"(?:Photograph|Photo|Picture):?\s*(?:(?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*\\?/)?"
    rf"{_AGENCIES}\s+"
    rf"|(?:[A-Z][\w.'’-]*\s+){{1,3}}[A-Z][\w.'’-]*\\?/{_AGENCIES}\s+"
)


# A photo credit inside the line, after the caption and teasers glued before
# it: "... from top US firms Photograph: Michael Nagle\\/Getty Images US
# jobless claims fell 14,000 this week".
_INLINE_CREDIT = re.compile(
    r"(?<=\S\s)(?:Photograph|Photo|Picture):\s*[^\n/:]{1,60}?"
    rf"(?:\\?/(?:{_PHOTO_AGENCY}|[A-Z][\w&-]*))+\s+"
)


def _after_dateline(text: str, start: int, limit: int) -> int:
    """Where the sentence starts after a dateline or a photo credit (and what
    was glued before it), if one opens it before the date expression at `limit`."""
    for m in _INLINE_CREDIT.finditer(text, start, limit):
        start = m.end()  # the caption and teasers before it are not the story
    head = text[start : min(limit, start + _DATELINE_MAX)]
    inside = [m for m in _STAMP_INSIDE.finditer(head) if start + m.end() < limit]
    if inside:  # the headline and standfirst before the page's stamp
        start, head = start + inside[-1].end(), head[inside[-1].end() :]
    if (m := _CREDIT_PREFIX.match(head)) and start + m.end() < limit:
        start, head = start + m.end(), head[m.end() :]
    if (m := _STAMP_PREFIX.match(head)) and start + m.end() < limit:
        start, head = start + m.end(), head[m.end() :]
    found = start
    for m in _AGENCY_DATELINE.finditer(head):
        found = start + m.end()
    m = _CAPS_DATELINE.match(head) if found == start else None
    if m and _PLACE_IN_CAPS.search(m.group()):  # "WASHINGTON --", not "Obama --"
        found = start + m.end()
    return found if found < limit else start


_AGENCY_AFTER_DATE = re.compile(r"[ \t]*" + _AGENCY_DATELINE.pattern)


def _agency_story(doc: Doc, sents: list[Span], k: int, tx: Timex) -> Span | None:
    """The story's first sentence (from its first word) when the expression is
    the date of a wire dateline ("WASHINGTON, April 30 (Reuters) -"), else None.
    """
    m = _AGENCY_AFTER_DATE.match(doc_text(doc), tx.end)
    if m is None:
        return None
    for sent in sents[k:]:
        if sent.end_char <= m.end():
            continue
        first = next((t for t in sent if t.idx >= m.end()), None)
        if first is None:
            return None
        return doc[first.i : sent.end]
    return None


def _stamp_before_dateline(
    text: str, start: int, end: int, tx: Timex, spans: list[Span]
) -> bool:
    """The expression is in a page stamp or dateline that opens the evidence
    ("2009 06 13 00:11 JST GENEVA (Reuters) - The WHO declared a pandemic on
    Thursday"), and the story sentence after it has a date of its own: the
    stamp dates the page, not the event."""
    story = _after_dateline(text, start, end)
    if story == start or tx.end > story:
        return False
    return any(s.start_char >= story for s in spans)


def _same_predicate_dates(
    doc: Doc, spans: list[Span], dated: Span, governor: Token
) -> set[int]:
    """The other date expressions of the predicate ("reported profit from 2000
    to 2006", "collected 10,500 barrels on Saturday"): not part of its title."""
    out: set[int] = set()
    for other in spans:
        if other.start == dated.start:
            continue
        sent = other.sent
        if _reported(_governor(other, sent), other).i == governor.i:
            out |= _date_tokens(doc, {t.i for t in other})
    return out


def _reported(governor: Token, span: Span) -> Token:
    """In reported speech, the reported verb when the date belongs to it.

    "Obama said the strikes began Saturday": the date comes after the
    reported clause began, so it dates the strikes; "Putin said on Monday
    that ..." dates the statement.
    """
    if lexicon().verbs.get(governor.lemma_.lower()) != STATEMENT:
        return governor
    for child in governor.children:
        if child.dep_ != "ccomp" or child.pos_ not in ("VERB", "AUX"):
            continue
        if child.i < governor.i:
            continue  # a fronted quote: "..., said Trump on Monday"
        if span.start > child.left_edge.i and span.start > child.i:
            return child
    return governor


# A report of a period's figures: "GM reported losing US$ 4.8 billion in the
# fourth quarter", "the company reported a second quarter loss", "first-quarter
# profit fell".
_REPORT_LEMMAS = frozenset(_w("report post announce record book"))
_PERIOD_FIGURES = frozenset(
    _w(
        "loss losses profit profits earnings sales revenue revenues income "
        "result results deficit surplus"
    )
)
_FIGURE_CHANGES = frozenset(
    _w("rise fall drop decline climb jump slip slide plunge surge soar tumble grow")
)
_PERIODS = frozenset({"quarter", "month", "year"})


def _reports_a_period(
    verb: Token, span: Span, precision: str, end: date, dct: date
) -> bool:
    """'GM reported losing US$ 4.8 billion in the fourth quarter of 2005',
    'recently the company reported a second quarter loss of $254 million',
    'Other companies also reported February sales today', 'GM's first-quarter
    profit fell 20 percent': a quarter's, month's or year's figures told as
    news in the simple or present perfect past; the period is what is reported,
    not the day it was. Not "had reported" (a past report of that time), a
    figure's own move dated by its period ("sales fell 5% in May"), nor a
    period not over yet."""
    if precision not in _PERIODS or end > dct:
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("from", "between"):
        return False  # "reported profit of more than $13 billion from 2000 to 2006"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    simple_past = verb.tag_ == "VBD" and not auxes
    present_perfect = (
        verb.tag_ == "VBN"
        and bool(auxes)
        and all(a.lower_ in ("has", "have") for a in auxes)
    )
    if not (simple_past or present_perfect):
        return False
    lemma = verb.lemma_.lower()
    path = [span.root, *_path_up(span.root, verb)]
    if lemma in _REPORT_LEMMAS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
        return any(_is_figure(t) for t in path + objects)
    if lemma in _FIGURE_CHANGES:
        # the period modifies the subject's figure: "first-quarter profit fell"
        head = span.root.head
        return (
            span.root.dep_ in ("compound", "amod", "nmod", "poss")
            and head.dep_ in SUBJECT_DEPS
            and head.head.i == verb.i
            and head.lower_ in _PERIOD_FIGURES
        )
    return False


def _is_figure(tok: Token) -> bool:
    """'loss', 'sales', 'losing': a period's figure, or losing or earning one."""
    if tok.pos_ == "VERB":
        return tok.lemma_.lower() in ("lose", "earn")
    return tok.pos_ in ("NOUN", "PROPN") and (
        tok.lemma_.lower() in _PERIOD_FIGURES or tok.lower_ in _PERIOD_FIGURES
    )


def _path_up(tok: Token, verb: Token) -> list[Token]:
    """The heads from `tok` up to (not including) `verb`; empty if `verb` is
    not above it within eight steps."""
    out: list[Token] = []
    for _ in range(8):
        head = tok.head
        if head.i == verb.i:
            return out
        if head.i == tok.i:
            return []
        out.append(head)
        tok = head
    return []


def _dated_otherwise(
    spans: list[Span], dated: Span, governor: Token, verb: Token, periods: set[int]
) -> bool:
    """Another date expression of the sentence, not a period nor one with no
    day to give ("recently"), hangs on the same predicate ("reported February
    sales today"): it dates the report, the period's does not."""
    for other in spans:
        if other.start == dated.start or other.start_char in periods:
            continue
        g = _reported(_governor(other, other.sent), other)
        if g.i in (governor.i, verb.i) or _lift(g).i == verb.i:
            return True
    return False


def _fallback_title(sent: Span, skip: set[int]) -> str:
    """The sentence without the date, from its first word that can start a title."""
    tokens = [t for t in sent if t.i not in skip]
    while tokens and (
        tokens[0].pos_ in _BAD_STARTS
        or tokens[0].pos_ == "ADV"
        or tokens[0].lower_ == "to"
        or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    if not tokens:
        return ""
    words: list[str] = []
    for t in tokens:
        if t.dep_ in ("relcl", "advcl", "parataxis") and len(words) >= 4:
            break
        words.append(t.text_with_ws)
    return tidy("".join(words))


# A chronology's entry: the date opens its line and a capitalised clause
# follows, after at most a dash ("28 June 2009 Los Angeles police interview
# Dr Murray", "March 17 - The Security Council votes ..."). Not after a
# colon: "May 23: A young heron sits dying amidst oil" is a gallery's
# caption, "1938: Brian Woodahl writes" a live page's clock time.
_ENTRY_AFTER_DATE = re.compile(r"[ \t]*(?:[-\u2013\u2014][ \t]*)?[\"\u201c]?[A-Z]")


def _chronology_entry(text: str, start: int, end: int) -> bool:
    """The date expression `text[start:end]`, a calendar date with a number,
    opens a line of a chronology: what follows is told in the historical
    present and the date is never its subject."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    if not any(ch.isdigit() for ch in text[start:end]):
        return False
    return _ENTRY_AFTER_DATE.match(text, end) is not None


def _is_dateline(text: str, sent: Span, span: Span) -> bool:
    """A verbless sentence on one line with what follows: a dateline."""
    if len(sent) > 12 or "\n" in text[sent.start_char : sent.end_char]:
        return False
    return not any(
        t.pos_ in ("VERB", "AUX") for t in sent if not span.start <= t.i < span.end
    )


def _evidence_bounds(text: str, sent: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence, cut to the line holding the expression, whitespace trimmed.

    A headline glued to the next sentence ("... minerals\\nAlso on Monday, ...")
    is not part of the evidence.
    """
    a, b = min(sent.start_char, start), max(sent.end_char, end)
    nl = text.rfind("\n", a, start)
    if nl != -1:
        a = nl + 1
    nl = text.find("\n", end, b)
    if nl != -1:
        b = nl
    while a < start and text[a].isspace():
        a += 1
    while b > end and text[b - 1].isspace():
        b -= 1
    return a, b


def _governor(span: Span, sent: Span) -> Token:
    """The verb the date expression attaches to (or the sentence's root)."""
    root = span.root
    inside = {t.i for t in span}
    tok = root
    for _ in range(len(sent)):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.i in inside:
            continue
        if tok.dep_ == "prep":
            continue  # "following", "including", "according": prepositions
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
            return tok
    # No verb above the expression (a dateline "BUDAPEST, March 12 (Xinhua) --",
    # a fragment): the clause-heading verb nearest to it in the sentence.
    best = None
    for t in sent:
        if (
            t.pos_ in ("VERB", "AUX")
            and t.i not in inside
            and t.dep_ != "aux"
            and any(c.dep_ in _SUBJECT_DEPS for c in t.children)
            and (best is None or abs(t.i - root.i) < abs(best.i - root.i))
        ):
            best = t
    if best is not None:
        return best
    return sent.root if tok.i in inside else tok


def _done_before(verb: Token) -> bool:
    """An active simple past or present perfect, no modal nor future over it:
    what it tells was done by the publication date, so a date still to come
    that hangs on it is another constituent's ("She pledged legislation by
    August": the legislation's deadline; "Singapore Airlines, which will be the
    first company to operate the new air giant, in July 2006, have opened a
    reservation site": the first flight's month), never the act's own day.
    Not a passive of setting ("was scheduled for Friday"), nor a verb of
    planning or scheduling."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in SCHEDULING_LEMMAS:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.dep_ == "auxpass" or a.tag_ in ("MD", "TO") for a in auxes):
        return False
    if verb.tag_ == "VBD":
        return not auxes
    return (
        verb.tag_ == "VBN"
        and bool(auxes)
        and all(a.lower_ in ("has", "have", "'ve") for a in auxes)
    )


def _written_day(span: Span, verb: Token) -> bool:
    """A date with its year written, on the verb itself ("Kennedy passed away
    in August 2009", "Volcker left the committee in January 2011" on a page
    dated 2009 and updated since): the text tells it as done, so the page is
    later than its date, and the date is the act's own."""
    if not _YEAR.search(span.text):
        return False
    root = span.root
    if root.head.i == verb.i:
        return root.dep_ in ("npadvmod", "tmod", "obl")
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in ("in", "on", "during", "at")
        and prep.head.i == verb.i
    )


def _verbless(doc: Doc, line_tokens: set[int], span: Span) -> bool:
    """'In April, CDC.' (a line cut from "CDC.gov saw a 142 percent increase"):
    the evidence's line holds no verb of its own and states nothing, though
    the parse may hang its date on a verb of the next line."""
    return not any(
        doc[i].pos_ in ("VERB", "AUX") and not span.start <= i < span.end
        for i in line_tokens
    )


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb (or auxiliary) above `tok`, None if there is none."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _lift(verb: Token) -> Token:
    """From a subjectless infinitive or gerund to the verb it completes.

    "the United States has separated ... by refusing to blame Russia ... on
    Monday": the event is the separating, not the blaming.
    """
    tok = verb
    for _ in range(4):
        if any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            return tok
        aspectual_trip = (
            tok.tag_ == "VBG"
            and tok.dep_ == "acl"
            and tok.lemma_.lower() in _ASPECTUAL
            and tok.head.dep_ == "pobj"
        )  # "Obama will visit Mississippi ... during a two-day trip beginning
        # on Monday": the visit, not "A two-day trip began"
        noun_infinitive = (
            tok.tag_ == "VB" and tok.dep_ == "acl" and tok.head.pos_ == "NOUN"
        )  # "forced engineers to delay efforts to place a chamber ... on
        # Saturday": the efforts' verb, not "to place"
        gerund_object = tok.tag_ == "VBG" and tok.dep_ == "dobj"  # "resume pumping"
        if not (aspectual_trip or noun_infinitive or gerund_object) and (
            tok.tag_ not in ("VB", "VBG") or tok.dep_ not in ("xcomp", "pcomp", "advcl")
        ):
            return tok
        head = _verb_above(tok)
        if head is None:
            return tok
        tok = head
    return tok


def _modality(verb: Token, start: date, end: date, dct: date) -> str:
    if verb.lemma_.lower() in SCHEDULING_LEMMAS and any(
        c.dep_ == "xcomp" for c in verb.children
    ):
        return "scheduled"  # "is expected to extend ... on Thursday"
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ == "aux":
                word = child.lower_
                if word in ("would", "'d") and start > dct:
                    return "scheduled"  # future in the past: "said he would visit"
                if word in POSSIBLE_MODALS:
                    return "possible"
                if word in FUTURE_AUX:
                    return "scheduled"
        if tok.lemma_.lower() in SCHEDULING_LEMMAS and tok.i != verb.i:
            return "scheduled"
        if tok.dep_ in ("xcomp",) and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    if start > dct:
        return "scheduled"
    return "done"


_DIGITS = re.compile(r"\d")
_YEAR = re.compile(r"\b\d{4}\b")


def _confidence(
    tx: Timex, precision: str, verb: Token, aligned: bool, modality: str
) -> float:
    # How explicit the date is: a full written date beats a weekday resolved
    # against the publication date; a bare year or decade says little.
    text = tx.text
    if precision == "day":
        score = 0.95 if _YEAR.search(text) else 0.85 if _DIGITS.search(text) else 0.8
    elif precision in ("week", "month"):
        score = 0.8 if _DIGITS.search(text) else 0.75
    elif precision in ("quarter", "year"):
        score = 0.65
    else:
        score = 0.5
    if verb.pos_ not in ("VERB", "AUX"):
        score -= 0.15
    if not aligned:
        score -= 0.1
    if modality == "possible":
        score -= 0.1
    return round(min(0.99, max(0.05, score)), 2)
