"""The tense of the verb a temporal expression hangs on, from the parse.

Past, present or future decides which way a relative expression points
("Friday" said of a meeting that "will" happen is the next Friday).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from timeline.extraction.nlp import doc_text
from timeline.extraction.temporal.grammar import WEEKDAYS

_PAST_TAGS = {"VBD", "VBN"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_MODAL_FUTURE = {"may", "might", "shall"}
_FUTURE_LEMMAS = {
    "plan",
    "schedule",
    "expect",
    "intend",
    "due",
    "aim",
    "prepare",
    "hope",
    "propose",
    "set",
    "go",
    "vow",
    "promise",
    "pledge",
}

REPORTING = {
    "say",
    "tell",
    "announce",
    "add",
    "predict",
    "warn",
    "state",
    "insist",
    "indicate",
    "confirm",
    "promise",
    "report",
    "declare",
    "write",
}

_FUTURE_PREP = re.compile(
    r"(?:\buntil|\btill|\bby|\bas (?:early|soon) as|\bbeginning|\bstarting|"
    r"\beffective|\bpayable|\bdue)\s+(?:on\s+|in\s+)?$"
)
_PAST_PREP = re.compile(r"\bsince\s+$")
# "acts for Sunday", "a vote scheduled for Friday": the day a thing is for
_FOR_DAY = re.compile(r"\bfor\s+$")
_WEEKDAY = re.compile(
    r"(?:early |late )?(?:" + "|".join(WEEKDAYS) + r")"
    r"(?: (?:morning|afternoon|evening|night))?"
)
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}

# --- tense -----------------------------------------------------------------


def _verb_tense(verb, depth: int = 0) -> str:  # noqa: ANN001 - spaCy Token
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    low = {a.lower_ for a in auxes}
    if low & _FUTURE_AUX:
        return "future"
    if any(a.tag_ == "TO" for a in auxes):
        head = verb.head
        if head is not verb and head.lemma_ in _FUTURE_LEMMAS:
            return "future"
        if head is not verb and (
            head.lower_ in ("due", "about", "likely", "ready")
            or (head.lemma_ == "be" and verb.dep_ == "xcomp")
        ):
            return "future"  # "is due to", "is to resume trading Tuesday"
        if head is not verb and depth < 2 and head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head, depth + 1)
        return ""
    if verb.lower_ in _FUTURE_AUX:
        return "future"
    if (
        not auxes
        and (
            (verb.tag_ == "VB" and verb.head.i != verb.i)
            or (verb.tag_ == "VBG" and verb.dep_ == "xcomp")
        )
        and verb.head.pos_ in ("VERB", "AUX")
        and depth < 3
    ):
        # a bare verb shares the tense of the verb above it (its first
        # conjunct's auxiliary: "will outline tougher rules ... and suspend
        # exploratory drilling"; "will seek the same killer punch [VB] against
        # Tony Hayward on Thursday"), a gerund the tense of the verb it
        # completes ("will ... start pumping mud into the well on Wednesday")
        return _verb_tense(verb.head, depth + 1)
    if "have" in low and any(a.tag_ == "MD" for a in auxes):
        # a modal perfect ("may have been", "could have fallen", "must have
        # left") speaks of the past, whatever the modal
        return "past"
    if low & _MODAL_FUTURE:
        return "future"
    if (
        "would" in low
        and verb.dep_ == "ccomp"
        and verb.head.lemma_ in REPORTING
        and verb.head.tag_ == "VBD"
    ):
        return "future"  # reported future: "said he would visit on Thursday"
    if any(a.tag_ == "MD" for a in auxes) or verb.tag_ == "MD":
        return ""  # would, could, should: no tense to go by
    if verb.lemma_ in _FUTURE_LEMMAS and verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "future"
    if (
        verb.tag_ == "VBN"
        and verb.lemma_ in ("schedule", "set", "expect", "plan")
        and any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    ):
        return "future"
    if (
        verb.tag_ == "VBD"
        and not auxes
        and verb.lemma_ in _SCHEDULING
        and any(c.dep_ == "dobj" for c in verb.children)
    ):
        # "Protesters planned a large demonstration in Little Havana on
        # Saturday": the planned thing's day, the nearest either way
        return "present"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if low & {"has", "have", "'ve", "had"}:
        return "past"  # present perfect: "have been searching since"
    if verb.tag_ == "VBN" and any(
        a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes
    ):
        return "present"  # a present passive: "when the case is heard in May"
    if verb.tag_ in _PAST_TAGS:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return ""


def _pluperfect(tok) -> bool:  # noqa: ANN001 - spaCy Token
    """Whether a verb over tok (up to three levels) has the auxiliary 'had'."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in tok.children
        ):
            return True
        if tok.head is tok or (tok.dep_ == "advcl" and tok.tag_ in ("VBZ", "VBP")):
            break  # a present-tense subordinate clause keeps its own tense
        tok = tok.head
    return False


_SCHEDULING = {"set", "schedule", "slate", "plan", "reschedule", "call"}


def _set_for_weekday(doc: Doc, start: int, end: int, text: str, tense: str) -> bool:
    """Whether a bare weekday is the day a verb sets a thing for, so the
    coming one: "trying to add additional acts for Sunday", "has a status
    hearing set for Friday", "Two Senate hearings were set for Tuesday". Not
    a noun's ("the total for Monday would be"), nor "for Sunday's attack",
    nor in the past unless the clause's own verb does the setting ("A
    memorial service planned ... for Saturday was canceled" stays past)."""
    if not _FOR_DAY.search(text[max(0, start - 6) : start].lower()):
        return False
    if not _WEEKDAY.fullmatch(text[start:end].lower()) or re.match(
        r"\s*(?:'s|’s)", text[end : end + 3]
    ):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "for":
        return False
    verb = span.root.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if tense != "past":
        return True
    return verb.lemma_ in _SCHEDULING and verb.dep_ not in ("acl", "relcl", "advcl")


def _present_progressive(span, verb) -> bool:  # noqa: ANN001 - spaCy Span, Token
    """Whether the expression dates a present progressive directly: "a federal
    judicial panel is meeting Thursday", "relatives ... are flying over the
    Gulf on Wednesday" (the day nearest publication, either way), not a
    noun's day under it ("are searching for survivors of Sunday's quake")."""
    if verb.tag_ != "VBG":
        return False
    if not any(
        c.dep_ == "aux" and c.lower_ in _PRESENT_BE and c.tag_ in ("VBZ", "VBP")
        for c in verb.children
    ):
        return False
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head.i == verb.i and root.dep_ in ("npadvmod", "pobj", "nmod", "obl")


def _by_a_past_verb(span) -> bool:  # noqa: ANN001 - spaCy Span
    """'By late Friday, federal officials estimated that the slick had reached
    land': a "by" whose phrase hangs on a simple past verb tells when the
    thing was so, a past day, not a deadline ahead ("will finish by Friday",
    "would be done by Friday", "plans to leave by Friday" keep their future)."""
    prep = span.root.head
    if prep.lower_ != "by" or prep.dep_ != "prep" or prep.i >= span.start:
        return False
    verb = prep.head
    return (
        verb.tag_ == "VBD"
        and verb.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def tense_of(doc: Doc, start: int, end: int, text: str | None = None) -> str:
    """past / future / present / '' for the verb the expression attaches to."""
    if text is None:
        text = doc_text(doc)
    tense = _tense_of(doc, start, end, text)
    if tense != "future" and _set_for_weekday(doc, start, end, text, tense):
        return "future"
    return tense


def _tense_of(doc: Doc, start: int, end: int, text: str) -> str:
    before = text[max(0, start - 16) : start].lower()
    prep = ""
    if _FUTURE_PREP.search(before):
        prep = "future"
    elif _PAST_PREP.search(before):
        return "past"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return prep
    if prep:
        # "had filed reports by Wednesday", "had been due to expire Friday":
        # a past perfect verb puts the deadline in the past
        return "past" if _pluperfect(span.root) or _by_a_past_verb(span) else prep
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        if tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        root = tok
        for _ in range(40):  # the sentence root: its own head
            if root.head is root or root.head.i == root.i:
                break
            root = root.head
        if root.pos_ not in ("VERB", "AUX"):
            return ""
        tok = root
    if _pluperfect(tok):
        return "past"
    tense = _verb_tense(tok)
    if not tense and _present_progressive(span, tok):
        return "present"
    return tense
