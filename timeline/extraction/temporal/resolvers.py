"""Normalisation rules for temporal expressions (ISO-TimeML values).

Every rule is general: it reads the expression, the document creation time
(dct), a reference date the sentence moved to, and the tense of the verb the
expression attaches to. Granularity follows the text: "last week" is a week,
"March" a month; a day is never invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Token

from timeline.extraction.temporal.grammar import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SPELLED_YEAR,
    UNITS_WORDS,
    WEEKDAYS,
)

Result = tuple[str, str, date | None]

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

_REPORTING = {
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
    if "have" in low and any(a.tag_ == "MD" for a in auxes):
        # a modal perfect ("may have been", "could have fallen", "must have
        # left") speaks of the past, whatever the modal
        return "past"
    if low & _MODAL_FUTURE:
        return "future"
    if (
        "would" in low
        and verb.dep_ == "ccomp"
        and verb.head.lemma_ in _REPORTING
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


def tense_of(doc: Doc, start: int, end: int, text: str | None = None) -> str:
    """past / future / present / '' for the verb the expression attaches to."""
    if text is None:
        text = doc.text  # rebuilt from the tokens on every access: pass it in
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
        return "past" if _pluperfect(span.root) else prep
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
    return _verb_tense(tok)


# --- calendar helpers ------------------------------------------------------


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _month_shift(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


_NUM_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)?")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """'two' -> 2, 'twenty four' -> 24, '1 1/2' -> 1.5, 'several' -> None."""
    t = text.lower().replace("-", " ").strip()
    t = re.sub(r"\b(?:a )?couple(?: of)?\b", "2", t)
    if re.search(r"\b(?:few|several|some|many|dozens|hundreds|number)\b", t):
        return None
    half = 0.5 if re.search(r"and a half|1/2", t) else 0.0
    t = re.sub(r"and a half|\d/\d", "", t)
    total = 0.0
    current = 0.0
    seen = False
    for tok in _NUM_TOKEN.findall(t):
        if tok[0].isdigit():
            current += float(tok.replace(",", ""))
            seen = True
        elif tok in UNITS_WORDS:
            current += UNITS_WORDS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        elif tok == "and":
            continue
        else:
            return None
    if not seen:
        return None
    return total + current + half


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_UNIT_CODES = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "night": ("", "D"),
    "week": ("", "W"),
    "weekend": ("", "WE"),
    "fortnight": ("", "2W"),
    "month": ("", "M"),
    "quarter": ("", "Q"),
    "semester": ("", "M6"),
    "year": ("", "Y"),
    "decade": ("", "DE"),
    "century": ("", "CE"),
}
_UNIT_RE = re.compile(
    r"(second|minute|hour|day|night|weekend|week|fortnight|month|quarter|semester|"
    r"year|decade|centur(?:y|ie))s?(?![a-z])"
)


def _unit_of(low: str) -> str | None:
    found = _UNIT_RE.findall(low)
    if not found:
        return None
    u = found[-1]
    return "century" if u.startswith("centur") else u


def duration_value(n: float | None, unit: str) -> str:
    """ISO 8601 duration for n units (X when n is not given)."""
    if unit == "decade":
        return f"P{_fmt_num(n * 10)}Y" if n is not None else "PXY"
    if unit == "century":
        return f"P{_fmt_num(n * 100)}Y" if n is not None else "PXC"
    if unit == "fortnight":
        return f"P{_fmt_num(n * 2)}W" if n is not None else "PXW"
    if unit == "semester":
        return f"P{_fmt_num(n * 6)}M" if n is not None else "PXM"
    if unit == "weekend":
        return f"P{_fmt_num(n * 2)}D" if n is not None else "PXD"
    prefix, code = _UNIT_CODES[unit]
    num = "X" if n is None else _fmt_num(n)
    if n is not None and n != int(n):
        # 1.5 hours -> PT1H30M; 1.5 years -> P18M
        if unit == "hour":
            return f"PT{int(n)}H{int(round((n - int(n)) * 60))}M"
        if unit == "minute":
            return f"PT{int(n)}M{int(round((n - int(n)) * 60))}S"
        if unit == "year":
            return f"P{int(round(n * 12))}M"
        if unit == "day":
            return f"PT{int(round(n * 24))}H"
    return f"P{prefix}{num}{code}"


def shifted_value(anchor: date, n: float, unit: str, sign: int) -> str | None:
    """The date n units before (sign -1) or after (+1) anchor, at that unit's grain."""
    k = int(n) * sign
    if n != int(n):
        return None
    if unit in ("day", "night"):
        return (anchor + timedelta(days=k)).isoformat()
    if unit == "week":
        return _week(anchor + timedelta(weeks=k))
    if unit == "fortnight":
        return _week(anchor + timedelta(weeks=2 * k))
    if unit == "month":
        y, m = _month_shift(anchor.year, anchor.month, k)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        y, m = _month_shift(anchor.year, anchor.month, 3 * k)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + k:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * k) // 10:03d}X"
    if unit == "century":
        return f"{(anchor.year + 100 * k) // 100:02d}"
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat()
    return None


# --- document state --------------------------------------------------------


@dataclass
class Context:
    """What normalisation knows about the document so far."""

    doc: Doc
    dct: date
    text: str = ""
    sent_start: int = -1
    sent_end: int = -1
    sent_anchor: date | None = None  # explicit date seen earlier in the sentence
    sent_year: int | None = None  # explicit year seen earlier in the sentence
    sent_quarter: str | None = None  # quarter value seen earlier in the sentence
    sent_month: str | None = None  # month value seen earlier in the sentence
    sent_day: date | None = None  # any day seen earlier in the sentence
    sent_any_year: int | None = None  # a year written earlier, even alone
    doc_day: date | None = None  # the last day the document named
    doc_quarter: str | None = None  # last quarter value in the document
    start: int = 0
    end: int = 0
    _sent_bounds: list[tuple[int, int]] = field(default_factory=list)

    def enter(self, start: int) -> None:
        self.start = start
        if self.sent_start <= start < self.sent_end:
            return
        if not self._sent_bounds:
            self._sent_bounds = [(s.start_char, s.end_char) for s in self.doc.sents]
        for s, e in self._sent_bounds:
            if s <= start < e:
                self.sent_start, self.sent_end = s, e
                break
        else:
            self.sent_start, self.sent_end = start, start + 1
        self.sent_anchor = None
        self.sent_year = None
        self.sent_quarter = None
        self.sent_month = None
        self.sent_day = None
        self.sent_any_year = None

    def remember(self, typ: str, value: str, start: int) -> None:
        if typ not in ("DATE", "TIME"):
            return
        if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
            d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
            self.sent_day = d
            self.doc_day = d or self.doc_day
            if d is not None and self._explicit:
                self.sent_anchor = d
        if (m := re.match(r"^(\d{4})-\d\d", value)) and self._explicit:
            # a month or day with its year lends the year to later dates
            self.sent_year = int(m[1])
        if (m := re.match(r"^(\d{4})(?:$|-)", value)) and self._explicit:
            self.sent_any_year = int(m[1])  # "in 1988 ... that year"
        if re.fullmatch(r"\d{4}-\d\d", value):
            self.sent_month = value  # "in January, ... the same month a year ago"
        if self._topic_quarter and re.match(r"^\d{4}-Q[1-4]$", value):
            self.sent_quarter = value
            if not self._forecast:
                # a forecast for a quarter not yet over ("will report losses
                # through the third quarter of 1990") is not the quarter the
                # rest of the document reports on
                self.doc_quarter = value

    _explicit: bool = False  # the value came from a date written in full
    _topic_quarter: bool = False  # the value is a quarter under discussion
    _forecast: bool = False  # ... in a sentence about the future

    @property
    def anchor(self) -> date:
        return self.sent_anchor or self.dct


# --- rules -----------------------------------------------------------------

_PART_RE = re.compile(
    r"(mid-?afternoon|morning|afternoon|evening|overnight|tonight|night)"
)


def _part(low: str) -> str | None:
    m = _PART_RE.search(low)
    return PARTS_OF_DAY.get(m[1].replace("mid-", "mid ")) if m else None


def _resolve_weekday(anchor: date, wd: int, low: str, tense: str) -> date:
    back = (anchor.weekday() - wd) % 7
    fwd = (wd - anchor.weekday()) % 7
    if re.search(r"\b(?:last|previous|this past)\b", low):
        return anchor - timedelta(days=back or 7)
    if re.search(r"\b(?:next|following|this coming|coming)\b", low):
        return anchor + timedelta(days=fwd or 7)
    if tense == "future":
        return anchor + timedelta(days=fwd)
    if tense == "present":
        return (
            anchor + timedelta(days=fwd)
            if fwd < back
            else anchor - timedelta(days=back)
        )
    return anchor - timedelta(days=back)


def _resolve_year_for(anchor: date, month: int, day: int | None, tense: str) -> int:
    """The year of a month (and day) given without one: the nearest occurrence,
    where one on the wrong side of the anchor for the tense counts 3x as far."""
    best: tuple[float, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            delta = ((y * 12 + month) - (anchor.year * 12 + anchor.month)) * 30.0
        else:
            d = _safe_date(y, month, day)
            if d is None:
                continue
            delta = float((d - anchor).days)
        dist = abs(delta)
        if (tense == "past" and delta > 0) or (tense == "future" and delta < 0):
            dist *= 6
        elif tense in ("", "present") and delta > 0:
            dist *= 1.5  # news reports the past more often than the future
        if best is None or dist < best[0]:
            best = (dist, y)
    return anchor.year if best is None else best[1]


_MONTH_RE = re.compile(
    r"(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])"
)
_YEAR_RE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_SPELLED_YEAR_RE = re.compile(SPELLED_YEAR)


def _find_year(low: str) -> int | None:
    """A year written in digits or words ("nineteen ninety-six")."""
    if ym := _YEAR_RE.search(low):
        return int(ym[1])
    if sm := _SPELLED_YEAR_RE.search(low):
        words = sm[0].replace("-", " ").split()
        if words[0] == "two":
            rest = " ".join(w for w in words[2:] if w != "and")
            n = parse_number(rest) if rest else 0
            return 2000 + int(n) if n is not None else None
        rest = " ".join(w for w in words[1:] if w not in ("hundred", "and"))
        n = parse_number(rest) if rest else 0
        return 1900 + int(n) if n is not None else None
    return None


_DAY_RE = re.compile(r"(?<![\d:])([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_WD_RE = re.compile(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_CLOCK_RE = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?|(noon)|(midnight)"
)


def _clock(low: str) -> str | None:
    zone = "Z" if re.search(r"\b(?:utc|gmt|z)\b", low) else ""
    got = _clock_only(low)
    return got + zone if got else None


def _clock_only(low: str) -> str | None:
    if m := re.search(r"\b([01]\d|2[0-3])([0-5]\d)\s+(?:utc|gmt|z)\b", low):
        return f"{m[1]}:{m[2]}"
    if "noon" in low:
        return "12:00"
    if "midnight" in low:
        return "24:00"
    m = re.search(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|am|pm)?", low)
    if not m:
        return None
    h = int(m[1])
    mi = int(m[2]) if m[2] else 0
    ampm = (m[3] or "").replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def _day_of(low: str, ctx: Context, tense: Callable[[], str]) -> date | None:
    """The calendar day a deictic word or weekday in the text names."""
    if "yesterday" in low:
        return ctx.dct - timedelta(days=1)
    if "tomorrow" in low:
        return ctx.dct + timedelta(days=1)
    if "today" in low or "tonight" in low:
        return ctx.dct
    if m := _WD_RE.search(low):
        return _resolve_weekday(ctx.dct, WEEKDAYS[m[1]], low, tense())
    return None


def _sentence_year(ctx: Context, tense: Callable[[], str]) -> int | None:
    """The year of a dated month or day earlier in the sentence, unless the
    tense points the other way ("in July 1997 ... will join on March 12")."""
    y = ctx.sent_year
    if y is None:
        return None
    t = tense()
    if (t == "future" and y < ctx.dct.year) or (t == "past" and y > ctx.dct.year):
        return None
    return y


_DAY_WORD_RE = re.compile(
    r"\b(?:(twenty|thirty)[-\s])?(first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b"
)


def _day_word(low: str) -> int | None:
    """A day of the month spelled out: 'eighth' -> 8, 'twenty-first' -> 21."""
    m = _DAY_WORD_RE.search(low)
    if not m:
        return None
    n = 30 if m[2] == "thirtieth" else ORDINALS[m[2]]
    return n + {"twenty": 20, "thirty": 30, None: 0}[m[1]]


_REL_DAY = re.compile(r"(last|next|this past|this coming)\s")


def _explicit(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    mm = _MONTH_RE.search(low)
    if not mm:
        return None
    month = MONTHS[mm[1]]
    rest = low[: mm.start()] + " " + low[mm.end() :]
    # drop clock times before reading the day and year
    rest_nc = re.sub(
        r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d{2}", " ", rest
    )
    ym = _YEAR_RE.search(rest_nc)
    year = int(ym[1]) if ym else None
    rest_ny = _YEAR_RE.sub(" ", rest_nc)
    dm = _DAY_RE.search(rest_ny)
    day = int(dm[1]) if dm else _day_word(rest_ny)
    anchor = ctx.anchor
    if year is None and day is not None and (rel := _REL_DAY.match(low)):
        # "last Oct. 23": the latest such day before the dct; "next May 1":
        # the first after it
        past = rel[1] in ("last", "this past")
        year = ctx.dct.year
        d0 = _safe_date(year, month, day)
        if d0 is not None and past and d0 >= ctx.dct:
            year -= 1
        elif d0 is not None and not past and d0 <= ctx.dct:
            year += 1
        ctx._explicit = False
    elif year is None:
        if (sent_year := _sentence_year(ctx, tense)) is not None:
            year = sent_year
        else:
            year = _resolve_year_for(ctx.dct, month, day, tense())
        ctx._explicit = False
    else:
        ctx._explicit = True
    if day is None:
        return "DATE", f"{year:04d}-{month:02d}", anchor
    d = _safe_date(year, month, day)
    if d is None:
        return None
    clock = (
        _clock(low)
        if re.search(r"\d\s*(?:a\.m|p\.m|am|pm)|\d:\d\d|noon|midnight", low)
        else None
    )
    if clock:
        return "TIME", f"{d.isoformat()}T{clock}", anchor
    return "DATE", d.isoformat(), anchor


def _iso(low: str, ctx: Context) -> Result | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", low):
        y = int(m[3])
        if y < 100:
            y += 1900 if y > (ctx.dct.year % 100) + 1 else 2000
        d = _safe_date(y, int(m[1]), int(m[2])) or _safe_date(y, int(m[2]), int(m[1]))
    else:
        return None
    if d is None:
        return None
    ctx._explicit = True
    return "DATE", d.isoformat(), ctx.dct


def _month(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    mm = _MONTH_RE.search(low)
    if not mm:
        return None
    month = MONTHS[mm[1]]
    anchor = ctx.dct
    if (found := _find_year(low)) is not None:
        ctx._explicit = True
        year = found
    elif "last year" in low:
        year = anchor.year - 1
    elif "next year" in low:
        year = anchor.year + 1
    elif "this year" in low:
        year = anchor.year
    elif re.search(r"\blast\b|\bthis past\b", low):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif re.search(r"\bnext\b|\bthis coming\b", low):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif re.search(r"\bthis\b", low):
        year = anchor.year
    elif (sent_year := _sentence_year(ctx, tense)) is not None:
        year = sent_year
    else:
        year = _resolve_year_for(anchor, month, None, tense())
    return "DATE", f"{year:04d}-{month:02d}", anchor


_HALF_RE = re.compile(r"\b(first|second|latter|last)\s+half\s+of\s+")


def _year(low: str, ctx: Context) -> Result | None:
    if m := re.fullmatch(r"'(\d\d)", low):
        yy = int(m[1])
        century = ctx.dct.year // 100 - (1 if yy > ctx.dct.year % 100 else 0)
        return "DATE", f"{century * 100 + yy:04d}", ctx.dct
    year = _find_year(low)
    if year is None:
        return None
    ctx._explicit = True
    if hm := _HALF_RE.search(low):
        # "the first half of 1989", "the last half of 1989": a half year
        return "DATE", f"{year:04d}-H{1 if hm[1] == 'first' else 2}", ctx.dct
    for name, code in SEASONS.items():
        if name in low:
            return "DATE", f"{year:04d}-{code}", ctx.dct
    return "DATE", f"{year:04d}", ctx.dct


_ENDED_RE = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to)\s+(?:on\s+)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|"
    r"Dec\.)\s*\d{1,2}(?:,?\s+(\d{4}))?"
)
_Q_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}
_Q_MONTH = {"march": 1, "june": 2, "september": 3, "december": 4}


def _quarter_value(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    anchor = ctx.dct
    if m := re.search(r"\bq([1-4])\b|\b([1-4])q\b", low):
        q = int(m[1] or m[2])
        ym = _YEAR_RE.search(low)
        y2 = re.search(r"'(\d\d)", low)
        year = int(ym[1]) if ym else (2000 + int(y2[1]) if y2 else anchor.year)
        return "DATE", f"{year:04d}-Q{q}", anchor
    plural = bool(re.search(r"quarters\b", low))
    if "period" in low:
        q0 = ctx.doc_quarter
        ym = _YEAR_RE.search(low)
        if q0 is None:
            return ("DATE", ym[1], anchor) if ym else None
        return "DATE", (ym[1] if ym else q0[:4]) + q0[4:], anchor
    q = None
    for word, n in {**_Q_ORD, **_Q_MONTH}.items():
        if re.search(rf"\b(?:fiscal-)?{word}\b", low):
            q = n
            break
    ym = _YEAR_RE.search(low)
    year: int | None = int(ym[1]) if ym else None
    ctx._explicit = ym is not None  # "the fourth quarter of 2005" gives its year
    if year is None:
        if "last year" in low:
            year = anchor.year - 1
        elif "next year" in low:
            year = anchor.year + 1
        elif "this year" in low:
            year = anchor.year
    ago = bool(re.search(r"year-ago|year-earlier|a year (?:ago|earlier)", low))
    if plural and q is None:
        if re.search(r"\b(?:last|past|previous|recent)\b", low):
            return "DURATION", "PXQ", anchor
        return (
            "DATE",
            "FUTURE_REF" if "coming" in low or "future" in low else "PAST_REF",
            anchor,
        )
    if plural:
        return "SET", f"XXXX-Q{q}", anchor
    if q is None and not plural and (m := _ENDED_RE.match(ctx.text, ctx.end)):
        month = MONTHS[m[1].lower().rstrip(".")]
        y = int(m[2]) if m[2] else _resolve_year_for(anchor, month, 28, "past")
        ctx._topic_quarter = not ago
        return "DATE", f"{y - (1 if ago else 0):04d}-Q{(month - 1) // 3 + 1}", anchor
    if q is None:
        # "the quarter", "the latest quarter", "this quarter": the quarter under
        # discussion, else the one a report published at dct is about
        if "current" in low or re.match(r"this\b", low):
            base_y, base_q = anchor.year, _quarter(anchor)
        elif (
            ctx.doc_quarter
            and not re.search(r"\blast\b|\bprevious\b", low)
            and ctx.doc_quarter < f"{anchor.year:04d}-Q{_quarter(anchor)}"
        ):
            # a finished quarter the document is about (not one still running)
            base_y, base_q = int(ctx.doc_quarter[:4]), int(ctx.doc_quarter[-1])
        elif re.search(r"\bnext\b", low):
            y, m = _month_shift(anchor.year, anchor.month, 3)
            base_y, base_q = y, (m - 1) // 3 + 1
        else:
            ref = anchor - timedelta(days=45)
            base_y, base_q = ref.year, _quarter(ref)
        if year is not None:
            base_y = year
        if ago:
            base_y -= 1
        else:
            ctx._topic_quarter = True
        return "DATE", f"{base_y:04d}-Q{base_q}", anchor
    if year is None:
        if (sent_year := _sentence_year(ctx, tense)) is not None:
            year = sent_year
        else:
            year = anchor.year
            if q > _quarter(anchor) and tense() != "future":
                year -= 1
    if ago:
        year -= 1
    else:
        ctx._topic_quarter = True
        ctx._forecast = (year, q) >= (anchor.year, _quarter(anchor)) and (
            tense() == "future"
        )
    return "DATE", f"{year:04d}-Q{q}", anchor


def _half(low: str, ctx: Context) -> Result | None:
    ym = _YEAR_RE.search(low)
    year = int(ym[1]) if ym else ctx.dct.year
    if "last year" in low:
        year = ctx.dct.year - 1
    elif "next year" in low:
        year = ctx.dct.year + 1
    h = 1 if "first" in low else 2
    return "DATE", f"{year:04d}-H{h}", ctx.dct


def _decade(low: str, ctx: Context) -> Result | None:
    if m := re.search(r"(1[5-9]|20)(\d)0'?s", low):
        return "DATE", f"{m[1]}{m[2]}X", ctx.dct
    if m := re.search(r"'(\d)0s|(?<!\d)(\d)0s", low):
        digit = int(m[1] or m[2])
        century = ctx.dct.year // 100
        if digit > (ctx.dct.year % 100) // 10:
            century -= 1
        return "DATE", f"{century}{digit}X", ctx.dct
    for word, digit in DECADE_WORDS.items():
        if word in low:
            return "DATE", f"19{digit}X", ctx.dct
    return None


def _century(low: str, ctx: Context) -> Result | None:
    if m := re.search(r"(\d{1,2})(?:st|nd|rd|th)", low):
        n = int(m[1])
    else:
        n = next((v for k, v in ORDINALS.items() if k in low), None)
        if n is None:
            return None
    return "DATE", f"{n - 1:02d}", ctx.dct


_WEEKDAY_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:on\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _time(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    clock = _clock(low)
    if clock is None:
        return None
    day = _day_of(low, ctx, tense)
    if day is None and (
        m := _WEEKDAY_AFTER.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 40))
    ):
        # "at about 10:35 a.m. (0735 GMT) Friday": the day named just after
        day = _resolve_weekday(ctx.dct, WEEKDAYS[m[1].lower()], "", tense())
    # "made its first flight Tuesday ... at 18:00 UTC": the day of the sentence
    day = day or ctx.sent_day or ctx.anchor
    return "TIME", f"{day.isoformat()}T{clock}", ctx.dct


def _weekday(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    day = _day_of(low, ctx, tense)
    if day is None:
        return None
    if re.search(r"\d\s*(?:a\.m|p\.m|am|pm)|\d:\d\d|noon|midnight", low):
        clock = _clock(low)
        if clock:
            return "TIME", f"{day.isoformat()}T{clock}", ctx.dct
    if part := _part(low):
        # "Friday morning", "Wednesday night": a part of that day (TimeML TIME)
        return "TIME", f"{day.isoformat()}T{part}", ctx.dct
    return "DATE", day.isoformat(), ctx.dct


def _deictic(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    anchor = ctx.anchor
    if (m := re.match(r"(?:the )?day (before|after) (.*)", low)) and _WD_RE.search(
        m[2]
    ):
        # "the day before last Tuesday's hearing": that weekday, a day off
        d = _day_of(m[2], ctx, tense)
        if d is not None:
            d += timedelta(days=-1 if m[1] == "before" else 1)
            return "DATE", d.isoformat(), ctx.dct
    if re.search(r"\b(?:next|following)\s+day|day after", low):
        d = anchor + timedelta(days=1)
        if "tomorrow" in low:
            d = ctx.dct + timedelta(days=2)
        return "DATE", d.isoformat(), anchor
    if re.search(r"\bprevious\s+day|day before", low):
        d = anchor - timedelta(days=1)
        if "yesterday" in low:
            d = ctx.dct - timedelta(days=2)
        return "DATE", d.isoformat(), anchor
    if re.search(r"\bsame\s+day", low):
        # "a report released on the same day": the day under discussion
        day = ctx.sent_anchor or ctx.sent_day or ctx.doc_day or ctx.dct
        return "DATE", day.isoformat(), day
    if re.search(r"\bthat\s+day", low):
        return "DATE", anchor.isoformat(), anchor
    if "midday" in low:
        return "TIME", f"{ctx.dct.isoformat()}T12:00", ctx.dct
    part = _part(low)
    if part and re.search(r"\b(?:next|following|previous)\b", low):
        step = -1 if "previous" in low else 1
        d = anchor + timedelta(days=step)
        return "TIME", f"{d.isoformat()}T{part}", anchor
    if re.search(r"\bthat\b", low):
        return "TIME", f"{anchor.isoformat()}T{part or 'DT'}", anchor
    if low.startswith("last") and part:
        d = ctx.dct - timedelta(days=1)
        return "TIME", f"{d.isoformat()}T{part}", ctx.dct
    day = _day_of(low, ctx, tense)
    if day is None:
        if part is None:
            return None
        day = ctx.dct
    if part and not re.fullmatch(
        r"(?:early |late |earlier |later )?(?:today|yesterday|tomorrow)", low
    ):
        return "TIME", f"{day.isoformat()}T{part}", ctx.dct
    return "DATE", day.isoformat(), ctx.dct


_REL_PAST = re.compile(r"\b(?:last|past|previous|this past)\b")
_REL_NEXT = re.compile(r"\b(?:next|coming|this coming)\b")


def _season_value(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    name = next((n for n in SEASONS if n in low), None)
    if name is None:
        return None
    code = SEASONS[name]
    y = ctx.dct.year
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if _REL_PAST.search(low):
        if start_month + 3 <= ctx.dct.month or (code == "WI" and ctx.dct.month >= 3):
            pass
        else:
            y -= 1
        if code == "WI":
            y = ctx.dct.year - 1
    elif _REL_NEXT.search(low) and start_month <= ctx.dct.month:
        y += 1
    return "DATE", f"{y:04d}-{code}", ctx.dct


def _relunit(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    dct = ctx.dct
    if re.search(r"mid-?year|year-?\s?end|year['\u2019]s end|end of the year", low):
        return "DATE", f"{dct.year:04d}", dct
    if "end of the month" in low:
        return "DATE", f"{dct.year:04d}-{dct.month:02d}", dct
    if re.search(
        r"same|corresponding|comparable|year-ago|year-earlier|last year", low
    ) and re.search(r"period|time|month|week", low):
        # the period the sentence compares: its month or quarter, a year back
        month = ctx.sent_month or f"{dct.year:04d}-{dct.month:02d}"
        if "month" in low or (ctx.sent_month and not ctx.sent_quarter):
            return "DATE", f"{int(month[:4]) - 1:04d}-{month[5:]}", dct
        if ctx.sent_quarter or ctx.doc_quarter:
            q = ctx.sent_quarter or ctx.doc_quarter or ""
            return "DATE", f"{int(q[:4]) - 1:04d}-{q[5:]}", dct
        return "DATE", f"{dct.year - 1:04d}", dct
    unit = _unit_of(low)
    if unit is None:
        return _season_value(low, ctx, tense)
    anchor = ctx.anchor
    if (
        ctx.sent_anchor is None
        and ctx.sent_any_year is not None
        and unit in ("year", "decade")
    ):
        # "in June 1998 ... later that year", "$37 million in 1988, ... of the
        # $1.5 billion in imports that year": the sentence's own year
        anchor = date(ctx.sent_any_year, 7, 1)
    # "the following week", "that year", "the previous month": anchored
    if re.search(r"\b(?:following|that)\b|\bthe previous\b", low):
        sign = 1 if "following" in low else (-1 if "previous" in low else 0)
        v = (
            shifted_value(anchor, 1, unit, sign)
            if sign
            else shifted_value(anchor, 0, unit, 1)
        )
        if unit == "weekend":
            v = None
        return ("DATE", v, anchor) if v else None
    if re.search(r"\b(?:the past|the last)\b", low) and unit not in (
        "weekend",
        "year",
        "week",
        "month",
    ):
        if re.search(
            r"\b(?:week|month|year|decade|century)s?\s+(?:before|ago|earlier)", low
        ):
            pass
        else:
            return "DURATION", duration_value(1, unit), dct
    sign = 0
    if _REL_PAST.search(low):
        sign = -1
    elif _REL_NEXT.search(low):
        sign = 1
    if unit == "weekend":
        if sign == 0 and not re.search(r"\bthis\b", low):
            t = tense()
            sign = 1 if t == "future" else 0
            if t != "future":
                # the weekend just past (or this one, if dct falls in it)
                sat = dct - timedelta(days=(dct.weekday() - 5) % 7)
                return "DATE", _week(sat) + "-WE", dct
        base = dct + timedelta(weeks=sign)
        return "DATE", _week(base) + "-WE", dct
    if re.fullmatch(
        r"the (?:entire |full |whole )?(?:fiscal |calendar )?(?:week|month|year)", low
    ):
        if unit == "year":
            if re.match(
                r"\s+(?:ended|ending|that\s+ended|to)\b",
                ctx.text[ctx.end : ctx.end + 16],
            ):
                return (
                    "DURATION",
                    "P1Y",
                    dct,
                )  # "the year ended Sept. 30": a fiscal year
            # "$8.6 billion in the fourth quarter of 2005 and for the year":
            # the year the sentence is about
            return "DATE", f"{ctx.sent_any_year or dct.year:04d}", dct
        if unit == "week":
            return "DATE", f"{dct.year:04d}-WXX", dct
        return "DATE", f"{dct.year:04d}-XX", dct
    if unit == "century" and sign == 0:
        return "DATE", f"{dct.year // 100:02d}", dct
    v = shifted_value(dct, 1, unit, sign) if sign else shifted_value(dct, 0, unit, 1)
    if v is None:
        return None
    return "DATE", v, dct


_SINGULAR_UNIT = re.compile(
    r"(?:^|[\s-])(?:day|night|week|fortnight|month|quarter|year|hour|minute)(?:-long)?$"
)
_OFFSET_RE = re.compile(r"\b(ago|earlier|later|before|after|from now|since)\b")


def _duration(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    # "the year-earlier nine months": a length of time, a year back
    low = re.sub(r"\b(?:year-earlier|year-ago|comparable) ", "", low)
    unit = _unit_of(low)
    if unit is None:
        if re.search(r"a while|a long time", low):
            return "DURATION", "PXX", ctx.dct
        return None
    body = low
    body = re.sub(
        r"\b(?:about|around|nearly|almost|approximately|roughly|more than|less than|"
        r"fewer than|at least|at most|up to|over|under|just|only|barely|no more than|"
        r"no less than|well over|close to|upwards of|the better part of|a little over|"
        r"a little more than|the|past|last|next|first|coming|latest|previous|following|"
        r"final|remaining|initial|same|other|more|additional|extra|straight|"
        r"consecutive|full|long|short|recent|in|for|or so|trading|business|calendar|"
        r"working|old|ago|earlier|later|before|after|from now|ahead|since|to come)\b",
        " ",
        body,
    )
    body = _UNIT_RE.sub(" ", body).replace("-", " ").strip()
    # no count left ("recent weeks", "the past few days"): unknown
    n = parse_number(body) if body else None
    if n is None and not body and _SINGULAR_UNIT.search(low):
        n = 1  # "a day-long meeting", "the first trading day": one unit
    if low == "one day" and re.search(
        r"\b(?:will|would|could|may|might|can|shall|'ll|to)\s+$",
        ctx.text[max(0, ctx.start - 8) : ctx.start],
    ):
        return "DATE", "FUTURE_REF", ctx.dct  # "Islam will one day be ..."
    if re.match(r"(?:the )?future ", low):
        return "DATE", "FUTURE_REF", ctx.dct  # "future quarters"
    off = _OFFSET_RE.search(low)
    if off and off[1] != "since":
        sign = -1 if off[1] in ("ago", "earlier", "before") else 1
        anchor = ctx.dct if off[1] in ("ago", "from now") else ctx.anchor
        if (
            off[1] in ("earlier", "later")
            and ctx.sent_anchor is None
            and (
                unit in ("day", "night", "hour", "minute", "second")
                or off[1] == "later"
            )
        ):
            # "Three days later", "a day earlier": counted from an event the
            # narrative is about, not from the dct; with no date in the sentence
            # to count from, the text gives only the length (as TimeBank does);
            # "50 years later" is never 50 years after the publication date
            return "DURATION", duration_value(n, unit), ctx.dct
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor
        # "a year ago" in a sentence about a quarter is that quarter a year back
        if unit == "year" and n == 1 and (q := ctx.sent_quarter or ctx.doc_quarter):
            return (
                "DATE",
                f"{int(q[:4]) - 1:04d}-{q[5:]}",
                anchor,
            )
        if unit == "week" and n == int(n) and n <= 2:
            # "a week ago", "two weeks ago": the day that many weeks back;
            # further back ("six weeks ago") the week is all the text gives
            v: str | None = (anchor + timedelta(weeks=int(n) * sign)).isoformat()
        else:
            v = shifted_value(anchor, n, unit, sign)
        if v is None:
            return "DURATION", duration_value(n, unit), anchor
        if unit in ("hour", "minute", "second"):
            return "TIME", v, anchor
        return "DATE", v, anchor
    if re.fullmatch(r"(?:the )?(?:weeks|months|years|days)", low.strip()):
        return "DURATION", duration_value(None, unit), ctx.dct
    return "DURATION", duration_value(n, unit), ctx.dct


_SET_UNITS = {
    "day": "P1D",
    "daily": "P1D",
    "nightly": "P1D",
    "night": "P1D",
    "week": "P1W",
    "weekly": "P1W",
    "biweekly": "P2W",
    "month": "P1M",
    "monthly": "P1M",
    "year": "P1Y",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hour": "PT1H",
    "hourly": "PT1H",
    "quarter": "P3M",
    "quarterly": "P3M",
    "minute": "PT1M",
    "morning": "P1D",
    "evening": "P1D",
    "afternoon": "P1D",
}


def _set(low: str, ctx: Context) -> Result | None:
    if m := _WD_RE.search(low):
        wd = WEEKDAYS[m[1]] + 1
        part = _part(low)
        return "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), ctx.dct
    if (mm := _MONTH_RE.search(low)) and re.search(r"\b(?:every|each)\b", low):
        return "SET", f"XXXX-{MONTHS[mm[1]]:02d}", ctx.dct
    if m := re.search(r"(?:every|each|per)\s+(?:other\s+)?(.+)", low):
        rest = m[1]
        unit = _unit_of(rest)
        if unit:
            nb = _UNIT_RE.sub(" ", rest).strip()
            n = parse_number(nb) if nb else 1
            if "other" in low:
                n = 2
            return "SET", duration_value(n or 1, unit), ctx.dct
        word = rest.strip().rstrip("s")
        return ("SET", _SET_UNITS[word], ctx.dct) if word in _SET_UNITS else None
    if m := re.search(r"(?:a|per)\s+(day|week|month|year)", low):
        return "SET", _SET_UNITS[m[1]], ctx.dct
    word = low.strip()
    return ("SET", _SET_UNITS[word], ctx.dct) if word in _SET_UNITS else None


_PRESENT = {
    "now",
    "right now",
    "just now",
    "currently",
    "nowadays",
    "these days",
    "at present",
    "the present",
    "presently",
    "current",
    "this moment",
    "that moment",
    "this crucial moment",
}
_FUTURE = {"soon", "very soon", "shortly", "as soon as possible"}


def _ref(low: str, ctx: Context) -> Result | None:
    low = re.sub(r"\s+", " ", low)
    if low == "the time being":
        return "DATE", "PRESENT_REF", ctx.dct
    if low in ("current", "currently") and re.search(
        r"\bthen[\s-]+$", ctx.text[max(0, ctx.start - 6) : ctx.start]
    ):
        return "DATE", "PAST_REF", ctx.dct  # "the then current market price"
    if low in _PRESENT:
        return "DATE", "PRESENT_REF", ctx.dct
    if low == "annual":
        return "DURATION", "P1Y", ctx.dct
    if (
        low in _FUTURE
        or "future" in low
        or re.search(r"near term|short term|long term|medium term", low)
    ):
        return "DATE", "FUTURE_REF", ctx.dct
    return "DATE", "PAST_REF", ctx.dct


def _yearago(low: str, ctx: Context) -> Result | None:
    q = ctx.sent_quarter or ctx.doc_quarter
    if q:
        return "DATE", f"{int(q[:4]) - 1:04d}-{q[5:]}", ctx.dct
    return "DATE", f"{ctx.dct.year - 1:04d}", ctx.dct


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
        # it named ("stocks closed higher on Friday ..."), else the dct
        day = ctx.sent_anchor or ctx.sent_day or ctx.doc_day or ctx.dct
        return "DATE", day.isoformat(), day
    if family == "weekof":
        return _week_of(low, ctx, tense)
    if family == "holiday":
        return _holiday(low, ctx, tense)
    if family == "spacy":
        return _spacy_fallback(low, ctx, tense)
    return None


def _week_of(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    if re.match(r"the week of ", low):
        got = _explicit(low[len("the week of ") :], ctx, tense)
        if got is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", got[1]):
            return None
        return "DATE", _week(date.fromisoformat(got[1])), got[2]
    got = _month(re.sub(r"^.*\bweek of ", "", low), ctx, tense)
    if got is None:
        return None
    y, m = int(got[1][:4]), int(got[1][5:7])
    # a week belongs to the month that holds its Thursday (ISO 8601), so the
    # weeks of a month are those of its Thursdays
    if re.search(r"\b(?:last|final)\b", low):
        d = _nth_weekday(y, m, 3, -1)
    else:
        nth = {"first": 0, "second": 1, "third": 2, "fourth": 3}
        k = next((v for w, v in nth.items() if w in low), 0)
        d = _nth_weekday(y, m, 3, 1) + timedelta(weeks=k)
    return "DATE", _week(d), ctx.dct


def _spacy_fallback(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    """A spaCy DATE/TIME entity the grammar did not match: read it with
    dateparser when it names a calendar date, else skip it."""
    from timeline.extraction.temporal.absolute import parse_absolute

    if not _MONTH_RE.search(low) and not re.search(
        r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}", low
    ):
        return None
    got = parse_absolute(low, ctx.anchor)
    if got is None:
        return None
    return "DATE", got, ctx.anchor


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday wd (0 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    return date(y, month, (h + ll - 7 * m + 114) % 31 + 1)


def _holiday_date(name: str, y: int) -> date | None:
    """The (US-centred) calendar day of a named holiday in year y."""
    if "thanksgiving" in name:
        return _nth_weekday(y, 11, 3, 4)
    if "christmas eve" in name:
        return date(y, 12, 24)
    if "christmas" in name:
        return date(y, 12, 25)
    if "new year" in name:
        return date(y, 12, 31) if "eve" in name else date(y, 1, 1)
    if "election" in name:  # the Tuesday after the first Monday of November
        return _nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    if "labor" in name:
        return _nth_weekday(y, 9, 0, 1)
    if "memorial" in name:
        return _nth_weekday(y, 5, 0, -1)
    if "veterans" in name:
        return date(y, 11, 11)
    if "valentine" in name:
        return date(y, 2, 14)
    if "halloween" in name:
        return date(y, 10, 31)
    if "easter" in name:
        return _easter(y)
    return None


def _holiday(low: str, ctx: Context, tense: Callable[[], str]) -> Result | None:
    """A named holiday: its day in the year written, else the occurrence the
    modifier or tense points to ("last Thanksgiving", "will meet on Christmas")."""
    ym = _YEAR_RE.search(low)
    if ym:
        d = _holiday_date(low, int(ym[1]))
    else:
        dct = ctx.dct
        cands = [
            c
            for y in (dct.year - 1, dct.year, dct.year + 1)
            if (c := _holiday_date(low, y)) is not None
        ]
        if not cands:
            return None
        if low.startswith("last"):
            d = max((c for c in cands if c < dct), default=None)
        elif low.startswith("next"):
            d = min((c for c in cands if c > dct), default=None)
        else:
            t = tense()

            def cost(c: date) -> float:
                delta = (c - dct).days
                dist = float(abs(delta))
                if (t == "past" and delta > 0) or (t == "future" and delta < 0):
                    dist *= 6
                elif t in ("", "present") and delta > 0:
                    dist *= 1.5
                return dist

            d = min(cands, key=cost)
    if d is None:
        return None
    if low.endswith("week"):
        return "DATE", _week(d), ctx.dct
    return "DATE", d.isoformat(), ctx.dct
