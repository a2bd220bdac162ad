"""Whether a grammar match is a temporal expression in its context: titles,
numbered and counted nouns, bare years, modifiers (`_accept`)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from timeline.extraction.temporal.anchors import _MONTH_RE
from timeline.extraction.temporal.context import Context


def _token_at(ctx: Context, start: int, end: int):  # noqa: ANN202
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span


_NOT_TEMPORAL_HEADS = {
    "account",
    "accounts",
    "affairs",
    "events",
    "generation",
    "generations",
    "president",
    "chairman",
    "owner",
    "owners",
    "members",
    "member",
    "version",
    "edition",
    "issue",
    "issues",
}
_MODIFIER_ONLY = re.compile(r"^(?:the|a|an)\s")


_NAMED = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"thanksgiving|christmas|easter|new year|\bday\b)",
    re.I,
)


def _is_title(surface: str, ctx: Context, start: int, end: int) -> bool:
    """A capitalised common time word that names a programme or work: quoted
    ('on ABC's "This Week,"', '"60 Minutes."') or after a name ("VOA Today")."""
    words = surface.split()
    if _NAMED.search(surface) or _MONTH_RE.search(surface.lower()):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    before = ctx.text[max(0, start - 3) : start]
    after = ctx.text[end : end + 3]
    if re.search(r"[\"\u201c`']\s*$", before) and re.match(r"[,.]?[\"\u201d']", after):
        return any(w[:1].isupper() for w in words)
    if not words[0][:1].isupper():
        return False
    prev = re.search(r"([A-Z][A-Za-z]*)\s+$", ctx.text[max(0, start - 30) : start])
    return prev is not None and not re.search(r"[.!?:;]\s*$", before)


# Nouns a number identifies rather than dates: "Local 1520" (a union branch),
# "Resolution 1441", "Flight 1549", "Route 66", "No. 1999".
_NUMBERED_NOUNS = frozenset(
    [
        "local",
        "no",
        "number",
        "flight",
        "route",
        "room",
        "highway",
        "interstate",
        "suite",
        "section",
        "article",
        "chapter",
        "page",
        "gate",
        "platform",
        "track",
        "resolution",
        "unit",
        "squadron",
        "battalion",
        "division",
        "precinct",
        "district",
        "ward",
        "lot",
        "bus",
        "model",
        "form",
        "rule",
        "bill",
        "proposition",
    ]
)


# Counted things: a number before one is a count ("1,999 people", "1990 dollars").
_COUNTED_NOUNS = frozenset(
    [
        "%",
        "percent",
        "people",
        "troops",
        "jobs",
        "shares",
        "points",
        "cars",
        "units",
        "feet",
        "metres",
        "meters",
        "miles",
        "tons",
        "tonnes",
        "members",
        "employees",
        "workers",
        "soldiers",
        "pounds",
        "dollars",
        "euros",
        "yen",
        "pence",
        "cents",
        "votes",
        "runs",
        "yards",
        "barrels",
        "gallons",
        "copies",
        "passengers",
    ]
)


# Words before a bare four-digit number that make it a year: "in 1973",
# "since 2001", "the summer of 1999", "fiscal 1990", "mid 2008".
_YEAR_BEFORE = frozenset(
    [
        "in",
        "of",
        "since",
        "by",
        "until",
        "till",
        "through",
        "thru",
        "from",
        "during",
        "before",
        "after",
        "between",
        "around",
        "circa",
        "c.",
        "ca.",
        "early",
        "mid",
        "late",
        "end",
        "beginning",
        "start",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "year",
        "years",
        "fiscal",
        "calendar",
        "season",
        "the",
        "this",
        "that",
    ]
)
# Words between two years of a range or list: "1998 and 1999", "1990-1992".
_YEAR_JOINERS = frozenset(["to", "and", "or", "through", "-", "–", "—", "/", ",", "&"])
_BARE_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)")


def _year_context(ctx: Context, tok: Token) -> bool:
    """A bare four-digit number is a year only in a context that makes it one.

    A temporal preposition or noun before it ("in 1973", "the spring of
    1999"), a year with such a context it is paired with ("from 1990 to
    1992", "in 1998 and 1999"), a noun it modifies ("the 1973 war", "2008's
    crisis"; not a unit: "1990 dollars"), or spaCy's DATE with no verb or
    count before it. Anything else ("resolution 1973", "won 1999 to 1850",
    "the vote was 1998") is a number.
    """
    doc = ctx.doc

    def own_context(t: Token) -> bool:
        prev = doc[t.i - 1] if t.i > 0 else None
        if prev is not None and prev.lower_ in _YEAR_BEFORE:
            return True
        if prev is None or prev.pos_ == "PROPN":
            return True  # "2008 was…", a named edition: "Orion 1980", "Euro 2000"
        if t.ent_type_ != "DATE":
            return False
        if prev.lower_ in _YEAR_JOINERS:  # "dating to 1994", not "won 1999 to 1850"
            return t.i < 2 or doc[t.i - 2].pos_ != "NUM"
        # after a verb or a number only as a subject: "is 1989 is following",
        # not "the vote was 1998", "scored 2010"
        return prev.pos_ not in ("VERB", "AUX", "NUM") or t.dep_ in (
            "nsubj",
            "nsubjpass",
        )

    if own_context(tok):
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ in _YEAR_JOINERS:
        for t in doc[max(0, tok.i - 4) : tok.i - 1]:
            if _BARE_YEAR.fullmatch(t.text) and own_context(t):
                return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "\u2019s"):
        return True
    head = tok.head
    return (
        tok.dep_ in ("nummod", "compound", "amod", "poss", "nmod")
        and head.i > tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in _COUNTED_NOUNS
    )


def _accept(family: str, surface: str, low: str, ctx: Context) -> bool:
    """Reject matches that are almost never temporal in context."""
    start, end = ctx.start, ctx.start + len(surface)
    if family == "month" and re.fullmatch(r"(?:may|march|june|august)", low):
        span = _token_at(ctx, start, end)
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        if tok.tag_ not in ("NNP", "NN") or tok.ent_type_ not in ("DATE", ""):
            return False
    if family == "year" and re.fullmatch(r"\d{4}", low):
        if start > 0 and ctx.text[start - 1] in "$#£€":
            return False
        span = _token_at(ctx, start, end)
        if span is not None and len(span):
            tok = span[0]
            if tok.ent_type_ in (
                "MONEY",
                "PERCENT",
                "QUANTITY",
                "PRODUCT",
                "ORG",
                "FAC",
                "LAW",
            ):
                return False
            if tok.ent_type_ == "CARDINAL" and tok.dep_ == "nummod":
                return False
            prev = ctx.doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.lower_.rstrip(".") in _NUMBERED_NOUNS:
                return False
            if not _year_context(ctx, tok):
                return False
            nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
            if nxt is not None and nxt.lower_ in _COUNTED_NOUNS:
                return False
    if family == "duration" and re.fullmatch(r"(?:a|an|one)\s+second", low):
        return False
    if family == "decade" and re.search(
        r"\b(?:his|her|their|my|your|our|its)\s+$", ctx.text[max(0, start - 8) : start]
    ):
        return False  # "in his 30s", "in her early twenties": an age
    if _is_title(surface, ctx, start, end):
        return False
    if (
        family == "ref"
        and low.endswith("future")
        and re.match(r"\s+of\s", ctx.text[end : end + 5])
    ):
        return False  # "the future of our peoples": prospects, not a time
    if family == "ref" and low in ("current", "recent", "annual"):
        span = _token_at(ctx, start, end)
        if span is None or len(span) != 1:
            return False
        tok = span[0]
        # an adjective on a noun: "current realities", "recent declines"
        if tok.dep_ != "amod" or tok.head.lower_ in _NOT_TEMPORAL_HEADS:
            return False
    if family == "duration" and "quarter" in low:
        # "about a quarter of the market", "three-quarters": a fraction
        after = ctx.text[end : end + 30]
        if (
            re.search(r"\w-quarters?$", low)
            or re.search(r"\b(?:a|one)\s+quarter$", low)
            and re.match(
                r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:\d{4}|year|fiscal))",
                after,
            )
        ):
            return False
    if family == "set" and low in ("annually", "yearly", "monthly", "weekly", "hourly"):
        # "rise 8.5% annually", "10,000 units annually": a rate
        span = _token_at(ctx, start, end)
        if span is not None and span.start > 0:
            prev = ctx.doc[span.start - 1]
            if prev.pos_ in ("NOUN", "NUM", "SYM") or prev.like_num or prev.text == "%":
                return False
    if (
        family == "deictic"
        and re.match(r"the\s+(?:morning|afternoon|evening|night)$", low)
        and re.match(
            r"\s+(?:of|the|a|an|he|she|they|we|i|it|when|before|after)\b",
            ctx.text[end : end + 12],
            re.I,
        )
    ):
        return False  # "the night of Oct. 23", "the night the flight went down"
    if family == "set" and low == "quarterly":
        span = _token_at(ctx, start, end)
        if span is not None and len(span) == 1 and span[0].dep_ in ("amod", "compound"):
            return False  # "quarterly dividend": a kind of dividend, not a time
    if family == "duration" and re.fullmatch(r"(?:a|an)\s+\w+", low):
        # "$1.76 a year", "four flights a week": a rate, not a duration
        span = _token_at(ctx, start, end)
        if span is not None and span.start > 0:
            prev = ctx.doc[span.start - 1]
            if prev.pos_ in ("NOUN", "NUM", "SYM", "PROPN") or prev.like_num:
                return False
    return True


def _past_verb(ctx: Context, start: int, end: int) -> bool:
    """Whether the verb right over the expression is in the past tense."""
    span = _token_at(ctx, start, end)
    if span is None or not len(span):
        return False
    verb = span.root.head
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )
