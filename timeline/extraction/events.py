"""Events: one per sentence and point-in-time temporal expression.

The date comes from the TIMEX3 value (values.value_range); what happened comes
from the dependency parse: the verb that governs the date expression, its
subject and its object or complement make the title; the verb's lemma (and the
nouns around it) make the kind; modal and future auxiliaries the modality.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from timeline.extraction.entities import ArticleEntities
from timeline.extraction.types import ExtractedEvent, Timex
from timeline.extraction.values import event_value, value_range

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


def _w(words: str) -> list[str]:
    return words.split()


POINT_TYPES = frozenset({"DATE", "TIME"})
TITLE_MAX_CHARS = 100

STATEMENT, MEETING, CALL, VOTE, AGREEMENT, ATTACK, OTHER = (
    "statement",
    "meeting",
    "call",
    "vote",
    "agreement",
    "attack",
    "other",
)

# Verb lemmas that say what kind of event it is (CAMEO roots in timeline.models).
VERB_KINDS: dict[str, str] = {
    **dict.fromkeys(
        _w(
            "say tell announce state declare claim warn insist add note report deny "
            "accuse urge stress reiterate confirm comment remark argue write tweet "
            "describe criticize criticise condemn praise respond reply "
            "acknowledge admit suggest predict vow promise pledge threaten"
        ),
        STATEMENT,
    ),
    **dict.fromkeys(
        _w("meet visit host gather convene negotiate travel welcome"),
        MEETING,
    ),
    **dict.fromkeys(_w("phone telephone ring dial"), CALL),
    **dict.fromkeys(_w("vote abstain veto elect ballot"), VOTE),
    **dict.fromkeys(_w("sign agree ratify conclude endorse approve settle"), AGREEMENT),
    **dict.fromkeys(
        _w(
            "attack strike invade bomb shell bombard shoot kill raid assault "
            "storm seize occupy annex"
        ),
        ATTACK,
    ),
}
# Nouns that say what kind of event it is, when the verb does not.
NOUN_KINDS: dict[str, str] = {
    **dict.fromkeys(
        _w(
            "statement speech remark remarks announcement declaration interview "
            "comment comments address"
        ),
        STATEMENT,
    ),
    **dict.fromkeys(
        _w(
            "meeting summit talk talks visit conference negotiation negotiations "
            "trip gathering session"
        ),
        MEETING,
    ),
    **dict.fromkeys(_w("call phone telephone phonecall conversation"), CALL),
    **dict.fromkeys(
        _w("vote votes resolution referendum ballot election abstention veto"),
        VOTE,
    ),
    **dict.fromkeys(
        _w("agreement deal treaty accord pact ceasefire truce memorandum contract"),
        AGREEMENT,
    ),
    **dict.fromkeys(
        _w(
            "attack strike strikes invasion bombing shelling offensive assault raid "
            "airstrike missile drone bombardment incursion"
        ),
        ATTACK,
    ),
}
# Speech verbs that mean something else with a direct object ("added jobs").
_ONLY_WITHOUT_OBJECT = frozenset(_w("add note declare"))
# Verbs whose kind is in their object: "held talks", "launched an invasion".
LIGHT_VERBS = frozenset(
    _w(
        "be have hold take make launch begin start stage carry conduct give mount "
        "open reach push pass adopt do see mark"
    )
)
SPEAK_VERBS = frozenset(_w("speak talk discuss converse chat"))
PHONE_WORDS = frozenset(_w("phone telephone call phonecall"))

POSSIBLE_MODALS = frozenset(_w("could may might can should would 'd"))
FUTURE_AUX = frozenset(_w("will shall 'll wo"))
SCHEDULING_LEMMAS = frozenset(
    _w("plan schedule expect set due intend aim prepare propose go")
)

# Dependents of the governing verb that belong in the title.
_TITLE_DEPS = frozenset(
    _w(
        "aux auxpass neg prt dobj dative attr acomp oprd xcomp ccomp agent prep "
        "pobj obj"
    )
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Parts of a subject or object left out of a short title.
_SKIP_IN_PHRASE = frozenset({"relcl", "appos", "acl", "punct", "parataxis", "advcl"})
_QUOTES = str.maketrans("", "", '"“”«»')
_TRIM = " ,;:–—-\n\t"
_SPACES = re.compile(r"\s+")
_DATE_PARTS = frozenset({"case", "det", "predet", "amod", "nummod", "quantmod"})
_DANGLING = frozenset(
    _w(
        "and or but to of in on at by for with from that which who the a an as "
        "since until than its their his her"
    )
)


def build_events(
    doc: Doc,
    timexes: Iterable[Timex],
    entities: ArticleEntities,
    dct: date,
) -> list[ExtractedEvent]:
    """The events of a parsed article, in text order."""
    text = doc.text
    events = []
    seen: set[tuple[int, int]] = set()
    sents: list[Span] | None = None
    sent_starts: list[int] = []
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
            sents = list(doc.sents)
            sent_starts = [x.start for x in sents]
        k = bisect_right(sent_starts, span.start) - 1
        sent = sents[k]
        if k + 1 < len(sents) and _is_dateline(text, sent, span):
            # "BUDAPEST, March 12 (Xinhua) --" + the sentence it dates.
            sent = doc[sent.start : sents[k + 1].end]
        s_start, s_end = _evidence_bounds(text, sent, tx.start, tx.end)
        if (s_start, tx.start) in seen:
            continue
        seen.add((s_start, tx.start))
        start, end, precision = rng
        timex_tokens = {t.i for t in span}
        aligned = span.start_char == tx.start and span.end_char == tx.end
        governor = _governor(span, sent)
        verb = _lift(governor)
        line_tokens = {t.i for t in sent if s_start <= t.idx < s_end}
        title = _title(doc, verb, sent, timex_tokens, line_tokens) or _fallback_title(
            text, s_start, s_end, tx.start, tx.end
        )
        kind = _kind(verb, span, sent)
        modality = _modality(governor, start, end, dct)
        actors, countries, orgs = entities.involved(s_start, s_end)
        events.append(
            ExtractedEvent(
                value=event_value(tx.value),
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


def _subject(verb: Token) -> Token | None:
    tok = verb
    for _ in range(6):
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if tok.dep_ in ("conj", "xcomp", "advcl", "relcl") and tok.head.i != tok.i:
            if tok.dep_ == "relcl":
                return tok.head
            tok = tok.head
            continue
        break
    return None


def _phrase(tok: Token, skip: set[int], depth: int = 0) -> list[Token]:
    """A token's subtree without clauses hanging off it and without skipped tokens."""
    out = [] if tok.i in skip else [tok]
    for child in tok.children:
        if child.dep_ in _SKIP_IN_PHRASE:
            continue
        if depth > 6:
            continue
        out.extend(_phrase(child, skip, depth + 1))
    return out


def _title(
    doc: Doc, verb: Token, sent: Span, timex_tokens: set[int], line_tokens: set[int]
) -> str:
    """Subject + verb + object/complement of the governing verb, without the date."""
    skip = set(timex_tokens)
    for i in timex_tokens:
        # A preposition that only introduced the date ("on Monday") goes with it,
        head = doc[i].head
        if head.dep_ == "prep" and all(c.i in timex_tokens for c in head.children):
            skip.add(head.i)
        # and so do the date's own little words ("today's", "the same").
        for child in doc[i].children:
            if child.dep_ in _DATE_PARTS:
                skip.add(child.i)
    if line_tokens:
        skip.update(t.i for t in sent if t.i not in line_tokens)
    subject = _subject(verb)
    if (
        subject is not None
        and subject.tag_ in ("WDT", "WP")
        and verb.dep_ == "relcl"
        and verb.head.i not in skip
    ):
        subject = verb.head  # "Akerson, who was appointed ..." -> Akerson
    subj_text = ""
    if subject is not None and subject.i not in skip:
        subj_text = _render(sorted(_phrase(subject, skip), key=lambda t: t.i))
    pre: list[Token] = []
    core: list[Token] = [] if verb.i in skip else [verb]
    objects: list[list[Token]] = []
    fronted: list[list[Token]] = []
    preps = 0
    for child in verb.children:
        if child.i in skip:
            continue
        dep = child.dep_
        if dep in ("aux", "auxpass", "neg") or (
            dep == "advmod" and child.lower_ in ("not", "never", "n't")
        ):
            if child.i < verb.i:
                pre.append(child)
            continue
        if dep == "prt":
            core.append(child)
            continue
        if dep not in _TITLE_DEPS:
            continue
        if child.i < verb.i:
            if dep == "ccomp":  # a quote before "said Trump"
                fronted.append([t for t in child.subtree if t.i not in skip])
            continue
        if dep == "prep":
            if preps >= 2:
                continue
            part = [t for t in child.subtree if t.i not in skip]
            if len(part) <= 1:
                continue
            preps += 1
        else:
            part = [t for t in child.subtree if t.i not in skip]
        objects.append(part)
    if not subj_text and not objects and not fronted:
        return ""
    words = [subj_text, _render(sorted(pre + core, key=lambda t: t.i))]
    words.extend(
        _render(part) for part in sorted(objects, key=lambda p: p[0].i if p else 0)
    )
    title = _tidy(" ".join(w for w in words if w), limit=10_000)
    if fronted:
        quote = _tidy(" ".join(_render(p) for p in fronted), limit=10_000)
        if quote:
            title = f"{title}: {quote}" if title else quote
    return _tidy(title)


def _lift(verb: Token) -> Token:
    """From a subjectless infinitive or gerund to the verb it completes.

    "the United States has separated ... by refusing to blame Russia ... on
    Monday": the event is the separating, not the blaming.
    """
    tok = verb
    for _ in range(4):
        if any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            return tok
        if tok.tag_ not in ("VB", "VBG") or tok.dep_ not in ("xcomp", "pcomp", "advcl"):
            return tok
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return tok
        tok = head
    return tok


def _render(tokens: list[Token]) -> str:
    out = []
    prev = None
    for t in tokens:
        if prev is not None and (t.i != prev.i + 1 or prev.whitespace_):
            out.append(" ")
        out.append(t.text)
        prev = t
    return "".join(out)


def _tidy(title: str, limit: int = TITLE_MAX_CHARS) -> str:
    title = title.replace("``", "").replace("''", "")
    title = _SPACES.sub(" ", title.translate(_QUOTES)).strip(_TRIM)
    title = re.sub(r"\s+([,.;:!?%])", r"\1", title)
    title = re.sub(r"\s+(['’]s)\b", r"\1", title)
    while True:  # no dangling "and", "to", "of" where the date was cut out
        head, _, last = title.rpartition(" ")
        if not head or last.lower() not in _DANGLING:
            break
        title = head.rstrip(_TRIM)
    if len(title) > limit:
        cut = title.rfind(" ", 0, limit)
        title = title[: cut if cut > limit // 2 else limit].rstrip(_TRIM) + "…"
    if title[:1].islower():
        title = title[0].upper() + title[1:]
    return title


def _fallback_title(
    text: str, s_start: int, s_end: int, t_start: int, t_end: int
) -> str:
    sentence = text[s_start:t_start] + text[t_end:s_end]
    return _tidy(sentence) or _tidy(text[s_start:s_end]) or text[t_start:t_end]


def _kind(verb: Token, span: Span, sent: Span) -> str:
    lemma = verb.lemma_.lower()
    if lemma in SPEAK_VERBS or (lemma == "call" and _is_phone_call(verb)):
        if lemma == "call" or any(t.lemma_.lower() in PHONE_WORDS for t in sent):
            return CALL
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) or any(
            c.dep_ == "conj"
            for s in verb.children
            if s.dep_ == "nsubj"
            for c in s.children
        ):
            return CALL
        return STATEMENT
    if lemma == "call":
        return STATEMENT  # "called for", "called the war ..."
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "strike" and any(
        NOUN_KINDS.get(o.lemma_.lower()) == AGREEMENT for o in objects
    ):
        return AGREEMENT  # "struck a deal"
    if lemma in _ONLY_WITHOUT_OBJECT and objects:
        return OTHER  # "added 300 jobs" is not a statement
    if lemma in VERB_KINDS and lemma not in LIGHT_VERBS:
        return VERB_KINDS[lemma]
    # Otherwise a kind-bearing noun between the date and the verb ("votes on
    # three UN resolutions on Monday"), then among the verb's own subject,
    # objects and prepositional objects ("launched an invasion", "the vote
    # took place", "held talks"), nearest to the date first.
    tok = span.root
    for _ in range(12):
        if tok.i == verb.i or tok.head.i == tok.i:
            break
        tok = tok.head
        key = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and key in NOUN_KINDS:
            return NOUN_KINDS[key]
    best: tuple[int, str] | None = None
    anchor = span.root.i
    for t in _arguments(verb):
        key = t.lemma_.lower()
        if t.pos_ == "NOUN" and key in NOUN_KINDS:
            distance = abs(t.i - anchor)
            if best is None or distance < best[0]:
                best = (distance, NOUN_KINDS[key])
    if best is not None:
        return best[1]
    return VERB_KINDS.get(lemma, OTHER)


def _arguments(verb: Token) -> list[Token]:
    """Head nouns of the verb's subject, objects and prepositional objects."""
    out = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ in ("compound", "conj"))
        elif child.dep_ in ("prep", "agent"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "xcomp":
            out.extend(c for c in child.children if c.dep_ == "dobj")
    return out


def _is_phone_call(verb: Token) -> bool:
    """'Trump called Macron': a call; 'called for', 'called the war unjust': not."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"oprd", "ccomp", "xcomp", "prt"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children):
        return False
    return any(
        c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE", "ORG")
        for c in verb.children
    )


def _modality(verb: Token, start: date, end: date, dct: date) -> str:
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
