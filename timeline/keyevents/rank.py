"""The key-events model: which days of a story mattered, and which of their
events best say what happened. Plain dataclasses in and out; no Django.

A day's importance comes from the whole collection's evidence (`Evidence`):

- how many articles refer to the day at all (any date expression resolving
  to it, background sentences of later articles included); a reference
  published before the day (it was scheduled) counts half;
- how lastingly: how many of them were published a week or more later;
- how many independent articles report the day's events;
- weakly, references to the day's week and month.

Within a day, an event's score is how many independent articles report it,
how lastingly, whether it was reported as it happened, its kind, its
modality and its actors' prominence among the events ranked; the day's
events are ordered by that score times the quality of the sentence that
states it best (its "first source": well formed, of a readable length, in
the words the whole story is told in), and an event whose sentence repeats
one already chosen is skipped.

Every evidence sentence of a day's events is a candidate summary of the
day: it is valued by its event's score, its quality, its agreement with the
event's other reports and its closeness (TF-IDF cosine) to the centroid of
the day's sentences and of the story's, and whether it leads its article
(the first sentence stating an event), that product then raised to a
power learned from Timeline17 (`SUMMARY_COEFFICIENTS`, a log-linear value);
the day's events are then chosen one by one by maximal marginal relevance
(a sentence close to one already chosen loses), each event with the
sentence chosen for it as its first source.

Events dated more coarsely than the unit (a month-precision event in a day
view) are never placed on a key date: they cannot crowd out dated ones.
Every result carries the numbers behind it (`explain()`). The weights, and
the Timeline17 evaluation that chose them, are in docs/key-events.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

UNITS = ("day", "month", "year")
# Coarseness of a precision; an event can stand on a date of a unit at least
# as coarse as its own precision.
_PRECISION_RANK = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "year": 4,
    "decade": 5,
}
_UNIT_RANK = {"day": 0, "month": 2, "year": 4}

# Defaults (issue #13): about one date per 10 events, at most 50; 3 a date.
EVENTS_PER_DATE = 10
MAX_DATES = 50
PER_DATE = 3

# A report this many days after the day still names it: the day lasted.
LASTING_DAYS = 7
# Reported "as it happened": first published within this many days after.
EARLY_DAYS = 2

# Day score weights (see docs/key-events.md).
W_REFERENCES = 1.0  # log(1 + articles referring to the day)
W_LASTING = 1.0  # log(1 + of them published LASTING_DAYS or more later)
W_REPORTS = 0.5  # log(1 + independent articles reporting its events)
W_WEEK_MONTH = 0.1  # references to the day's week and month, per day covered
W_AHEAD = 0.5  # a reference published before the day (it was scheduled)

# Event score: kinds and modalities that make a timeline row less likely.
KIND_WEIGHT: Mapping[str, float] = {"statement": 0.8, "other": 0.9}
MODALITY_WEIGHT: Mapping[str, float] = {"done": 1.0, "scheduled": 0.6, "possible": 0.4}
W_EVENT_LASTING = 0.5
W_EARLY = 0.3
W_PROMINENCE = 0.3

# The clearest statement of an event: a sentence of a readable length.
MIN_WORDS, MAX_WORDS = 8, 45
# A day's events are ordered by event score * sentence quality ** W_QUALITY:
# what the chosen sentence says counts for more than how often it was said.
W_QUALITY = 5.0
# A candidate sentence's value is multiplied by (1 + W_CENTRALITY * its mean
# overlap with the event's other evidence sentences): what its reports share.
W_CENTRALITY = 2.0
# Two chosen events whose sentences overlap this much say the same thing.
DUPLICATE_OVERLAP = 0.5
# A day's summary (every evidence sentence of its events is a candidate):
# a sentence close to the day's centroid (what the day's reports say) and to
# the story's (what the whole coverage says), TF-IDF over the collection, is
# preferred by (1 + W_DAY_CENTRAL * cosine) and (1 + W_STORY_CENTRAL *
# cosine); a candidate loses W_MMR times its largest cosine with the
# sentences already chosen (maximal marginal relevance).
W_DAY_CENTRAL = 2.0
W_STORY_CENTRAL = 20.0
W_MMR = 0.3
# A candidate that is its article's lead (the first sentence stating an
# event: what the reporter put first) is preferred by (1 + W_LEAD).
W_LEAD = 1.5

# The learned candidate value (branch `summ6`, docs/key-events.md): a
# candidate is valued exp(sum of coefficient * feature) over
# `summary_features` and "product" (the log of the product above: the
# product is one log-linear model, with its weights set by hand). Fitted by
# SUMMARY_TRAINING on the 11 Timeline17 collections (a logistic regression
# on pairs of a gold date's candidates: the one nearer the journalists' text
# by ROUGE-1 wins), checked by leaving one story out. Of every feature, the
# product alone generalises: to the power 0.224 it orders a day's candidates
# as before, and MMR then weighs what a next sentence adds against a value
# that says how sure the model is that one candidate beats another.
# Empty: the product itself. On top of it, the cosine with the story
# centroid (branch `key14`): the product's (1 + W_STORY_CENTRAL * cosine)
# flattens as the cosine grows, exp(2 * cosine) keeps preferring the
# sentence told most in the story's words (every fold of a leave-one-story-
# out check at EXTRACTION_VERSION 2.5 chose 1.5 to 3; docs/key-events.md).
# SUMMARY_TRAINING fits the product's power only: "story_centroid" is not
# learned by it and must be kept by hand when its output is pasted here.
SUMMARY_COEFFICIENTS: Mapping[str, float] = {"product": 0.2242, "story_centroid": 2.0}
SUMMARY_TRAINING = (
    ".venv/bin/python bench/keyevents_learn.py DIR --features product"
    "  # DIR: evaluate_timeline --all --keep-db DIR (EXTRACTION_VERSION 2.0)"
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """One article's evidence for an event."""

    article_id: int
    published: date
    sentence: str
    # The article this one is a near-duplicate of (None: an original): a
    # syndicated copy counts once, with the article it copies.
    origin: int | None = None
    # The sentence is the article's lead: the first of its sentences that
    # states an event (a news report opens with its main news).
    lead: bool = False

    @property
    def source_id(self) -> int:
        return self.origin if self.origin is not None else self.article_id


@dataclass(frozen=True)
class EventInput:
    id: int
    start: date
    end: date
    precision: str  # day, week, month, quarter, year, decade
    kind: str = "other"
    modality: str = "done"
    title: str = ""
    actors: tuple[str, ...] = ()  # people, organisations, countries: any keys
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """What the whole collection says about days, beyond its events.

    `references[day]`: the publication dates of the articles that refer to
    the day (one per article); `week_references` and `month_references` the
    same keyed by the week's Monday and the month's first day.
    """

    n_articles: int
    references: Mapping[date, Sequence[date]] = field(default_factory=dict)
    week_references: Mapping[date, Sequence[date]] = field(default_factory=dict)
    month_references: Mapping[date, Sequence[date]] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    start: date | None = None
    end: date | None = None
    dates: int | None = None  # default: one per EVENTS_PER_DATE events, <= 50
    per_date: int | None = None  # default PER_DATE
    unit: str = "day"

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(
                f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}"
            )
        if self.dates is not None and self.dates < 1:
            raise ValueError(f"dates must be at least 1, not {self.dates}")
        if self.per_date is not None and self.per_date < 1:
            raise ValueError(f"per_date must be at least 1, not {self.per_date}")
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")


@dataclass(frozen=True)
class RankedEvent:
    event_id: int
    score: float
    reports: int  # independent articles reporting it
    lasting: int  # of them published LASTING_DAYS or more after it
    early: bool
    first_source: Source  # the clearest statement of it
    n_articles: int

    def explain(self) -> str:
        return (
            f"reported by {self.reports} of {self.n_articles} articles"
            f", {self.lasting} of them a week or more later"
            + (", first as it happened" if self.early else "")
        )


@dataclass(frozen=True)
class KeyDate:
    date: date  # the day, or the first day of the month or year
    unit: str
    score: float
    references: int  # articles referring to the date
    lasting_references: int  # of them published LASTING_DAYS or more later
    reports: int  # independent articles reporting its events
    events: tuple[RankedEvent, ...]

    def explain(self) -> str:
        return (
            f"the {self.unit} is referred to by {self.references} articles"
            f" ({self.lasting_references} a week or more later)"
            f"; its events are reported by {self.reports}"
        )


# --- text -----------------------------------------------------------------

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
    ]
)


@lru_cache(maxsize=65536)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(
        w[:6] for w in _WORD.findall(text.casefold()) if w not in _STOP and len(w) > 1
    )


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _readable(sentence: str) -> float:
    """1 for a sentence of a readable length, less for fragments and run-ons."""
    n = len(sentence.split())
    if n < MIN_WORDS:
        return n / MIN_WORDS
    if n > MAX_WORDS:
        return MAX_WORDS / n
    return 1.0


# --- the model ----------------------------------------------------------------


def _unit_start(day: date, unit: str) -> date:
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _unit_end(first: date, unit: str) -> date:
    if unit == "month":
        return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(
            days=1
        )
    if unit == "year":
        return first.replace(month=12, day=31)
    return first


def _eligible(event: EventInput, request: Request) -> bool:
    """Dated at least as finely as the unit, within the range, one date."""
    if _PRECISION_RANK.get(event.precision, 9) > _UNIT_RANK[request.unit]:
        return False
    if _unit_start(event.start, request.unit) != _unit_start(event.end, request.unit):
        return False
    if request.start and event.start < request.start:
        return False
    return not (request.end and event.start > request.end)


def _articles(sources: Iterable[Source]) -> dict[int, date]:
    """Each independent reporting article once (copies with the article they
    copy), with its earliest publication date."""
    out: dict[int, date] = {}
    for s in sources:
        key = s.source_id
        if key not in out or s.published < out[key]:
            out[key] = s.published
    return out


def _lasting(day: date, published: Iterable[date]) -> int:
    return sum(1 for p in published if (p - day).days >= LASTING_DAYS)


_CLEAN_START = re.compile(r"^[\"'“‘(]?[A-Z0-9]")
_CLEAN_END = re.compile(r"[.!?][\"'”’)]?$")
_FURNITURE = re.compile(
    r"\||\b\d{1,2}[.:]\d{2}\s*(?:BST|GMT|EST|EDT|UTC|ET)\b|https?://|@\w"
)

_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b|\bI'")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


@lru_cache(maxsize=65536)
def _well_formed(sentence: str) -> float:
    """1 for a sentence that starts and ends as one, less for fragments and
    page furniture (pipes, timestamps, links, handles)."""
    s = sentence.strip()
    ok = 1.0
    if not _CLEAN_START.match(s):
        ok *= 0.7
    if not _CLEAN_END.search(s):
        ok *= 0.7
    if _FURNITURE.search(s):
        ok *= 0.5
    if _FIRST_PERSON.search(_QUOTED.sub(" ", s)):  # a reader, not a report
        ok *= 0.5
    if s[:1] in "\"“'‘":  # a quotation: what one person said
        ok *= 0.8
    return ok


@dataclass
class _Vocabulary:
    """How widely each content word is used across the collection's
    articles: what the story is about."""

    collection: Counter[str]
    n_articles: int

    def topical(self, toks: frozenset[str]) -> float:
        """The mean share of articles using each of the sentence's words."""
        if not toks or not self.n_articles:
            return 0.0
        return sum(self.collection[t] for t in toks) / (len(toks) * self.n_articles)


def _sentence_quality(sentence: str, vocab: _Vocabulary) -> float:
    """Readable length * well formed * about what the story is about."""
    return (
        _readable(sentence)
        * _well_formed(sentence)
        * (vocab.topical(_tokens(sentence)) + 1e-6)
    )


def _centrality(event: EventInput) -> dict[str, float]:
    """For each distinct evidence sentence, its mean word overlap with the
    other sources' sentences: the statement the reports have in common
    scores high, one source's aside or quotation low. 0 for a lone source."""
    sentences = list(dict.fromkeys(s.sentence for s in event.sources))
    if len(sentences) < 2:
        return dict.fromkeys(sentences, 0.0)
    toks = [_tokens(s) for s in sentences]
    return {
        s: sum(_overlap(toks[i], t) for j, t in enumerate(toks) if j != i)
        / (len(toks) - 1)
        for i, s in enumerate(sentences)
    }


Vector = Mapping[str, float]


def tfidf(toks: frozenset[str], vocab: _Vocabulary) -> dict[str, float]:
    """A sentence's words weighted by how rare they are across the
    collection's articles (smoothed idf, binary term frequency), unit
    length: words every article uses say little about one day."""
    n = vocab.n_articles
    weights = {t: math.log((1 + n) / (1 + vocab.collection[t])) + 1.0 for t in toks}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def centroid(vectors: Iterable[Vector]) -> dict[str, float]:
    """The unit-length mean of the vectors (empty for none)."""
    total: dict[str, float] = defaultdict(float)
    for v in vectors:
        for t, w in v.items():
            total[t] += w
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {t: w / norm for t, w in total.items()}


@dataclass
class _Vectors:
    """Each distinct sentence's TF-IDF vector, computed once per ranking."""

    vocab: _Vocabulary
    cache: dict[str, dict[str, float]] = field(default_factory=dict)

    def __call__(self, sentence: str) -> dict[str, float]:
        if sentence not in self.cache:
            self.cache[sentence] = tfidf(_tokens(sentence), self.vocab)
        return self.cache[sentence]


def _prominence(events: Sequence[EventInput]) -> dict[str, float]:
    """Each actor's share of the events, log-scaled to 0..1."""
    counts = Counter(a for e in events for a in set(e.actors))
    if not counts:
        return {}
    top = math.log1p(max(counts.values()))
    return {a: math.log1p(n) / top for a, n in counts.items()}


def _score_event(
    event: EventInput, prominence: Mapping[str, float]
) -> tuple[float, int, int, bool]:
    arts = _articles(event.sources)
    reports = len(arts)
    lasting = _lasting(event.start, arts.values())
    first = min(arts.values()) if arts else event.start
    early = 0 <= (first - event.start).days <= EARLY_DAYS
    prom = max((prominence.get(a, 0.0) for a in event.actors), default=0.0)
    base = (
        math.log1p(reports)
        + W_EVENT_LASTING * math.log1p(lasting)
        + (W_EARLY if early else 0.0)
    )
    score = (
        base
        * KIND_WEIGHT.get(event.kind, 1.0)
        * MODALITY_WEIGHT.get(event.modality, 1.0)
        * (1.0 + W_PROMINENCE * prom)
    )
    return score, reports, lasting, early


def _date_references(
    day: date, unit: str, evidence: Evidence
) -> tuple[list[date], float]:
    """Publication dates of the articles referring to the date, and the weak
    evidence of references to its week and month (per day they cover)."""
    if unit == "day":
        refs = list(evidence.references.get(day, ()))
        week = evidence.week_references.get(day - timedelta(days=day.weekday()), ())
        month = evidence.month_references.get(day.replace(day=1), ())
        weak = len(week) / 7 + len(month) / 30
        return refs, weak
    by_article: list[date] = []
    for d, pubs in evidence.references.items():
        if _unit_start(d, unit) == day:
            by_article.extend(pubs)
    if unit == "month":
        by_article.extend(evidence.month_references.get(day, ()))
    return by_article, 0.0


def _vocabulary(events: Sequence[EventInput], n_articles: int) -> _Vocabulary:
    per_article: dict[int, set[str]] = defaultdict(set)
    for e in events:
        for src in e.sources:
            per_article[src.source_id] |= _tokens(src.sentence)
    counts: Counter[str] = Counter()
    for toks in per_article.values():
        counts.update(toks)
    return _Vocabulary(collection=counts, n_articles=max(n_articles, len(per_article)))


def default_dates(n_events: int) -> int:
    return max(1, min(MAX_DATES, round(n_events / EVENTS_PER_DATE)))


@dataclass
class _Context:
    """What one ranking computes once for all its dates: the eligible events
    by date, the actors' prominence, the vocabulary, the sentence vectors and
    the story centroid."""

    by_date: dict[date, list[EventInput]]
    prominence: dict[str, float]
    vocab: _Vocabulary
    vectors: _Vectors
    story: Vector


def _context(
    events: Sequence[EventInput], evidence: Evidence, request: Request
) -> _Context:
    eligible = [e for e in events if e.sources and _eligible(e, request)]
    vocab = _vocabulary(eligible, evidence.n_articles)
    vectors = _Vectors(vocab)
    story = (
        centroid(
            vectors(s)
            for s in dict.fromkeys(src.sentence for e in eligible for src in e.sources)
        )
        if W_STORY_CENTRAL or SUMMARY_COEFFICIENTS
        else {}
    )
    by_date: dict[date, list[EventInput]] = defaultdict(list)
    for e in eligible:
        by_date[_unit_start(e.start, request.unit)].append(e)
    return _Context(
        by_date=by_date,
        prominence=_prominence(eligible),
        vocab=vocab,
        vectors=vectors,
        story=story,
    )


def summary_candidates(
    events: Iterable[EventInput], evidence: Evidence, request: Request
) -> dict[date, list[_Candidate]]:
    """Every date's candidate summaries with their features, valued as `rank`
    values them, best first (what `bench/keyevents_learn.py` trains on)."""
    context = _context(list(events), evidence, request)
    return {
        day: _candidates(
            day_events,
            context.prominence,
            context.vocab,
            context.vectors,
            context.story,
            all_features=True,
        )
        for day, day_events in context.by_date.items()
    }


def rank(
    events: Iterable[EventInput], evidence: Evidence, request: Request | None = None
) -> list[KeyDate]:
    """The key dates of `events` (best `request.dates`), in date order, each
    with its best `request.per_date` events, best first."""
    request = request or Request()
    events = list(events)
    n_dates = request.dates or default_dates(len(events))
    per_date = request.per_date or PER_DATE
    context = _context(events, evidence, request)
    prominence, vocab = context.prominence, context.vocab
    vectors, story, by_date = context.vectors, context.story, context.by_date

    scored: list[tuple[float, KeyDate]] = []
    for day, day_events in by_date.items():
        refs, weak = _date_references(day, request.unit, evidence)
        # a month lasts from its last day on
        lasting_refs = _lasting(_unit_end(day, request.unit), refs)
        reporting = _articles(s for e in day_events for s in e.sources)
        ahead = sum(1 for p in refs if p < day)  # named before it came
        score = (
            W_REFERENCES * math.log1p(len(refs) - ahead + W_AHEAD * ahead)
            + W_LASTING * math.log1p(lasting_refs)
            + W_REPORTS * math.log1p(len(reporting))
            + W_WEEK_MONTH * math.log1p(weak)
        )
        scored.append((score, day, day_events, refs, lasting_refs, len(reporting)))
    scored.sort(key=lambda x: (-x[0], x[1]))

    out = []
    for score, day, day_events, refs, lasting_refs, reports in scored[:n_dates]:
        chosen = _best_events(
            day_events, prominence, vocab, per_date, vectors=vectors, story=story
        )
        out.append(
            KeyDate(
                date=day,
                unit=request.unit,
                score=round(score, 4),
                references=len(refs),
                lasting_references=lasting_refs,
                reports=reports,
                events=tuple(chosen),
            )
        )
    out.sort(key=lambda k: k.date)
    return out


@dataclass(frozen=True)
class _Candidate:
    event: EventInput
    source: Source
    value: float  # event score * sentence quality ** W_QUALITY * centralities
    score: float
    reports: int
    lasting: int
    early: bool
    features: Mapping[str, float] = field(default_factory=dict)


def summary_features(
    *,
    source: Source,
    event: EventInput,
    score: float,
    vocab: _Vocabulary,
    central: float,
    day_cosine: float,
    story_cosine: float,
) -> dict[str, float]:
    """A candidate summary's features, in the log-linear model's terms: the
    logarithms of the product's factors (event score, readable length, well
    formed, topical), the centralities and cosines as they are, and what the
    product does not use (length, attribution, how long after the day it
    was published, whether before it, whether a statement, a quotation)."""
    sentence = source.sentence
    words = len(sentence.split())
    after = (source.published - event.start).days
    return {
        "event_score": math.log(max(score, 1e-6)),
        "readable": math.log(_readable(sentence) or 1e-6),
        "well_formed": math.log(_well_formed(sentence)),
        "topical": math.log(vocab.topical(_tokens(sentence)) + 1e-6),
        "centrality": central,
        "day_centroid": day_cosine,
        "story_centroid": story_cosine,
        "lead": 1.0 if source.lead else 0.0,
        "words": math.log1p(words),
        "attribution": 1.0 if _ATTRIBUTION.search(sentence) else 0.0,
        "days_after": math.log1p(max(after, 0)),
        "before_day": 1.0 if after < 0 else 0.0,
        "statement": 1.0 if event.kind == "statement" else 0.0,
        "quotation": 1.0 if sentence.strip()[:1] in "\"“'‘" else 0.0,
    }


def learned_value(
    features: Mapping[str, float], coefficients: Mapping[str, float]
) -> float:
    """exp(sum of coefficient * feature): the learned log-linear value."""
    return math.exp(
        min(sum(w * features[name] for name, w in coefficients.items()), 700.0)
    )


def _candidates(
    day_events: Sequence[EventInput],
    prominence: Mapping[str, float],
    vocab: _Vocabulary,
    vectors: _Vectors,
    story: Vector,
    *,
    all_features: bool = False,
) -> list[_Candidate]:
    """Every distinct evidence sentence of the day's events (its earliest
    report), valued as a summary of the day, best first. Each candidate's
    features are those the coefficients use (`all_features`: every one)."""
    # the cosines are at hand: the other features are computed only if used
    cheap = {"product", "story_centroid"}
    some = all_features or any(n not in cheap for n in SUMMARY_COEFFICIENTS)
    first_report: dict[tuple[int, str], Source] = {}
    for e in day_events:
        for src in sorted(e.sources, key=lambda s: (s.published, s.article_id)):
            first_report.setdefault((e.id, src.sentence), src)
    day = centroid(vectors(sentence) for _, sentence in first_report)
    scores = {e.id: _score_event(e, prominence) for e in day_events}
    central = {e.id: _centrality(e) for e in day_events}
    out = []
    for e in day_events:
        score, reports, lasting, early = scores[e.id]
        for sentence in central[e.id]:
            vec = vectors(sentence)
            source = first_report[(e.id, sentence)]
            day_cosine, story_cosine = cosine(vec, day), cosine(vec, story)
            features = (
                summary_features(
                    source=source,
                    event=e,
                    score=score,
                    vocab=vocab,
                    central=central[e.id][sentence],
                    day_cosine=day_cosine,
                    story_cosine=story_cosine,
                )
                if some
                else {"story_centroid": story_cosine}
            )
            value = (
                score
                * _sentence_quality(sentence, vocab) ** W_QUALITY
                * (1.0 + W_CENTRALITY * central[e.id][sentence])
                * (1.0 + W_DAY_CENTRAL * day_cosine)
                * (1.0 + W_STORY_CENTRAL * story_cosine)
                * (1.0 + W_LEAD * source.lead)
            )
            # the product is itself a feature: {"product": 1.0} is the product
            features["product"] = math.log(max(value, 1e-300))
            if SUMMARY_COEFFICIENTS:
                value = learned_value(features, SUMMARY_COEFFICIENTS)
            out.append(
                _Candidate(e, source, value, score, reports, lasting, early, features)
            )
    out.sort(key=lambda c: (-c.value, c.event.id, c.source.published))
    return out


def _select(
    candidates: Sequence[_Candidate], vectors: _Vectors, per_date: int
) -> list[_Candidate]:
    """At most `per_date` candidates, one per event, by maximal marginal
    relevance: value (relative to the best) minus W_MMR times the largest
    cosine with a sentence already chosen; a sentence whose words mostly
    repeat a chosen one (DUPLICATE_OVERLAP) is never chosen."""
    top = candidates[0].value if candidates and candidates[0].value > 0 else 1.0
    chosen: list[_Candidate] = []
    used: set[int] = set()
    while len(chosen) < per_date:
        best: tuple[float, _Candidate] | None = None
        for c in candidates:
            # Best first, and redundancy only lowers a gain: no candidate
            # from here on can beat the best one found.
            if best is not None and c.value / top <= best[0]:
                break
            if c.event.id in used:
                continue
            toks = _tokens(c.source.sentence)
            if any(
                _overlap(toks, _tokens(o.source.sentence)) >= DUPLICATE_OVERLAP
                for o in chosen
            ):
                continue
            vec = vectors(c.source.sentence)
            redundancy = max(
                (cosine(vec, vectors(o.source.sentence)) for o in chosen), default=0.0
            )
            gain = c.value / top - W_MMR * redundancy
            if best is None or gain > best[0]:
                best = (gain, c)
        if best is None:
            break
        chosen.append(best[1])
        used.add(best[1].event.id)
    return chosen


def _best_events(
    day_events: Sequence[EventInput],
    prominence: Mapping[str, float],
    vocab: _Vocabulary,
    per_date: int,
    *,
    vectors: _Vectors,
    story: Vector,
) -> list[RankedEvent]:
    """The day's best events, each with the sentence chosen to say it as its
    first source."""
    candidates = _candidates(day_events, prominence, vocab, vectors, story)
    return [
        RankedEvent(
            event_id=c.event.id,
            score=round(c.score, 4),
            reports=c.reports,
            lasting=c.lasting,
            early=c.early,
            first_source=c.source,
            n_articles=vocab.n_articles,
        )
        for c in _select(candidates, vectors, per_date)
    ]


def predicted_timeline(key_dates: Iterable[KeyDate]) -> dict[date, list[str]]:
    """{date: [each event's first-source sentence]}: the timeline as
    Timeline17 scores it (a summary sentence per event, best first)."""
    return {
        k.date: [" ".join(e.first_source.sentence.split()) for e in k.events]
        for k in key_dates
        if k.events
    }
