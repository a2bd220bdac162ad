"""An article's lead as an event of its publication day.

News is written lead first: "BP has stopped the flow of oil from its
ruptured well in the Gulf of Mexico" carries no date expression, yet states
the day's news better than the dated sentence further down. Extraction
dates events by their date expressions, so such a sentence made no event
and could never summarise a day. Like DATEWISE and CLUST, which date
undated sentences by their article's publication, `lead_events` makes an
event of each of an article's first LEAD_SENTENCES statements (after page
furniture), in a report of the day's news (its opening dates something to
the day of publication or the day before: "on Thursday", "yesterday"; a
feature, a column or a profile does not), that holds no DATE/TIME
expression and states an occurrence: a
finite past or present-perfect predicate (not a modal, a future or a
question), an explicit subject, and none of the reasons the extraction has
for a non-event (`nonevents.non_event_reason`: a condition, a state, a
generic fact, an opinion ...). Its date is the publication day
(`ExtractedEvent.dated_by_publication`; ingestion also lets it join the
matching event of the day before, timeline/ingestion/store.py), its title,
kind and participants the extraction's own (`titles.build_title`,
`kinds.classify`, `ArticleEntities.involved`). No Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.extraction.entities import ArticleEntities, participant_offsets
from timeline.extraction.hygiene import Screen
from timeline.extraction.kinds import classify
from timeline.extraction.nonevents import non_event_reason
from timeline.extraction.pieces import split_text
from timeline.extraction.titles import SUBJECT_DEPS, ArticleContext, build_title
from timeline.extraction.types import ExtractedEvent, Timex
from timeline.extraction.values import value_range

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

# How many of an article's first (non-furniture) statements are its lead.
LEAD_SENTENCES = 3
# Its opening: the lead lies there, after whatever furniture the page begins
# with (the backfill, `pipeline.extract_leads`, parses no more).
LEAD_CHARS = 3000
# A shorter sentence is a heading or a fragment, a longer one a run-on page.
MIN_WORDS = 6
MAX_WORDS = 60
# A lead event is less certain than a dated one (0.5 and up): its date is
# inferred from the publication.
LEAD_CONFIDENCE = 0.4
_DATED = frozenset({"DATE", "TIME"})
# A statement ends as one: a caption or a headline has no closing full stop,
# a question heads the answer.
_END = (".", "!", '."', ".'", ".\u201d", ".\u2019")
# Subjects that name no one: "It is ...", "There have been ...", "This was".
# "When Ros Atkins came back ...", "As the oil spread ...": a feature sets a
# scene before its news (a news lead opens on what happened).
_SCENE_SETTERS = frozenset({"when", "as", "if", "while", "although", "though"})
_CAPITAL_DETERMINERS = frozenset({"The", "A", "An", "This", "These"})
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_EMPTY_SUBJECTS = frozenset({"it", "there", "this", "that", "these", "those", "what"})


def _occurrence(verb: Token) -> bool:
    """A finite past ("BP stopped", "was killed") or present-perfect ("has
    stopped", "have been found") predicate, with no modal or future."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("will", "'ll", "wo") for a in auxes):
        return False
    if verb.tag_ == "VBD" and not auxes:
        return True
    if verb.tag_ != "VBN":
        return False
    tenses = {a.lemma_.lower(): a.tag_ for a in auxes}
    if tenses.get("have") in ("VBZ", "VBP"):  # has stopped, have been found
        return True
    return tenses.get("be") == "VBD" and "have" not in tenses  # was killed


def _subject(verb: Token) -> Token | None:
    """The predicate's explicit subject: a name or a noun phrase, not a
    pronoun ("They blocked the roads" continues a story told before)."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and c.i < verb.i:
            if c.lower_ in _EMPTY_SUBJECTS or c.dep_ == "expl" or c.tag_ == "PRP":
                return None
            return c
    return None


def _glued(tok: Token) -> bool:
    """A capitalised article, demonstrative, preposition or conjunction
    inside the sentence, right after a word: where a heading ran into the
    text without a full stop ("Probe Into Fannie Mae ... Widens")."""
    if tok.i == tok.sent.start or not (
        tok.text in _CAPITAL_DETERMINERS
        or (tok.pos_ in ("ADP", "CCONJ") and tok.text[:1].isupper())
    ):
        return False
    before = tok.doc[tok.i - 1]
    return before.is_alpha or before.is_digit


def _in_quotes(tok: Token, sent: Span) -> bool:
    quotes = sum(t.text in _QUOTES for t in sent if t.i < tok.i)
    return quotes % 2 == 1


def lead_reason(sent: Span) -> str | None:
    """Why this sentence (undated, among an article's first) states no
    occurrence of its own; None if it does."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return "not a sentence's length"
    if not sent.text.rstrip().endswith(_END):
        return "no closing full stop (a headline, a caption, a question)"
    if "\n" in sent.text.strip():
        return "spans lines (a headline or standfirst glued to it)"
    first = next(t for t in sent if not (t.is_punct or t.is_space))
    if not first.text[:1].isupper() and not first.text[:1].isdigit():
        return "starts in lower case: a fragment of the page"
    if first.pos_ == "SCONJ" or first.lower_ in _SCENE_SETTERS:
        return "opens on a clause ('When ...', 'As ...'): a feature's scene"
    if first.pos_ == "ADV" and first.nbor().is_punct:
        return "opens on a comment ('Thus, ...', 'Clearly, ...'), not the news"
    if any(_glued(t) for t in sent):
        return "a heading glued to it ('... monstrous power The Mexico swine flu')"
    if any(t.lower_ in _FIRST_PERSON for t in sent if not _in_quotes(t, sent)):
        return "the first person: a column or a reader, not a report"
    verb = sent.root
    if verb.pos_ not in ("VERB", "AUX"):
        return "no verb"
    if not _occurrence(verb):
        return "no finite past or present-perfect predicate"
    if _subject(verb) is None:
        return "no explicit subject"
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated: what did not happen"
    reason = non_event_reason(verb, verb.doc[verb.i : verb.i + 1], scheduled=False)
    return reason


def _statements(doc: Doc, screen: Screen, text: str) -> Iterable[Span]:
    """The article's first LEAD_SENTENCES sentences that are not furniture
    and end as statements (ending with a full stop, long enough)."""
    n = 0
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if len(words) < MIN_WORDS or not sent.text.rstrip().endswith(_END):
            continue
        start, end = _bounds(sent)
        if screen.excludes(sentence=(start, end), expression=(0, 0), text=text):
            continue
        n += 1
        if n > LEAD_SENTENCES:
            return
        yield sent


def _bounds(sent: Span) -> tuple[int, int]:
    solid = [t for t in sent if not t.is_space]
    return solid[0].idx, solid[-1].idx + len(solid[-1].text)


def opening(text: str) -> str:
    """An article's opening, where its lead lies: its first LEAD_CHARS
    characters, cut where a paragraph or line ends."""
    return split_text(text, LEAD_CHARS)[0][1] if text else ""


def reports_the_day(timexes: Iterable[Timex], dct: date, *, end: int) -> bool:
    """The text before `end` (its opening) dates something to the day of
    publication or the day before ("on Thursday", "yesterday", "today"):
    a report of the day's news, not a feature, a column or a profile."""
    days = {dct, dct - timedelta(days=1)}
    for t in timexes:
        if t.type not in _DATED or t.start >= end:
            continue
        rng = value_range(t.value)
        if rng is not None and rng[0] == rng[1] and rng[0] in days:
            return True
    return False


def lead_events(
    doc: Doc,
    timexes: Iterable[Timex],
    entities: ArticleEntities,
    screen: Screen,
    *,
    dct: date,
    text: str,
) -> list[ExtractedEvent]:
    """The events the undated statements of an article's lead state, dated
    by its publication `dct` (see the module's docstring). `doc` is the
    article's first piece (or its opening), `timexes` its date expressions;
    `screen` screens `text`, the whole article."""
    timexes = list(timexes)
    if not reports_the_day(timexes, dct, end=len(opening(text))):
        return []
    dated = [(t.start, t.end) for t in timexes if t.type in _DATED]
    out: list[ExtractedEvent] = []
    context: ArticleContext | None = None
    for sent in _statements(doc, screen, text):
        start, end = _bounds(sent)
        if any(a < end and b > start for a, b in dated):
            continue
        if lead_reason(sent) is not None:
            continue
        verb = sent.root
        context = context or ArticleContext(doc, entities)
        title = build_title(context, verb, sent, set(), modality="done")
        if not title:
            continue
        actors, countries, orgs = entities.involved(
            start, end, participants=participant_offsets(verb)
        )
        out.append(
            ExtractedEvent(
                value=dct.isoformat(),
                start=dct,
                end=dct,
                precision="day",
                title=title,
                kind=classify(verb, doc[verb.i : verb.i + 1]),
                sentence=doc.text[start:end],
                sentence_start=start,
                sentence_end=end,
                expression="",
                expression_start=start,
                expression_end=start,
                anchor=dct,
                actors=actors,
                countries=countries,
                organizations=orgs,
                modality="done",
                confidence=LEAD_CONFIDENCE,
                dated_by_publication=True,
            )
        )
    return out
