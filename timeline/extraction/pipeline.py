"""The extraction pipeline: Documents in, Extractions out. No database."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from timeline.extraction.entities import ArticleEntities, EntityResolver
from timeline.extraction.events import build_events
from timeline.extraction.hygiene import Screen, Span, dated_list_spans, furniture_spans
from timeline.extraction.nlp import doc_text, get_nlp
from timeline.extraction.pieces import batches, shifted, split_text
from timeline.extraction.temporal.tagger import tag_timexes
from timeline.extraction.types import (
    Document,
    ExtractedEvent,
    Extraction,
    Lexicon,
    Timex,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

# Bump when extraction output changes, so `reextract` knows what is stale.
EXTRACTION_VERSION = "2.9"

# Resolvers of the last few lexicons: building one compiles an alias matcher,
# and callers (ingestion) pass the same lexicon for document after document.
_RESOLVERS: list[tuple[Lexicon | None, EntityResolver]] = []
_RESOLVER_CACHE_SIZE = 4


def _resolver(lexicon: Lexicon | None) -> EntityResolver:
    for i, (known, resolver) in enumerate(_RESOLVERS):
        if known is lexicon or (lexicon is not None and known == lexicon):
            if i:
                _RESOLVERS.insert(0, _RESOLVERS.pop(i))
            return resolver
    resolver = EntityResolver(lexicon)
    _RESOLVERS.insert(0, (lexicon, resolver))
    del _RESOLVERS[_RESOLVER_CACHE_SIZE:]
    return resolver


def extract(
    documents: Iterable[Document],
    *,
    lexicon: Lexicon | None = None,
    model: str | None = None,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Extract timexes and events from each document, in order, via nlp.pipe.

    Documents are consumed lazily, batch_size at a time; the spaCy model is
    loaded once per process. `lexicon` adds aliases (from the database) that
    win over the defaults shipped in timeline/extraction/data/.
    """
    nlp = get_nlp(model)
    resolver = _resolver(lexicon)
    resolver.use_dictionary(nlp)
    # (document, offset of the piece, is it the document's last piece)
    pending: deque[tuple[Document, int, bool]] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            pieces = split_text(document.text)  # long texts in bounded pieces
            for n, (offset, piece) in enumerate(pieces, start=1):
                pending.append((document, offset, n == len(pieces)))
                yield piece

    timexes: list[Timex] = []
    events: list[ExtractedEvent] = []
    aliases: dict[str, str] = {}
    lists: list[Span] = []  # dated lists and tables (hygiene.dated_list_spans)
    docs = (
        doc
        for batch in batches(texts(), batch_size)
        for doc in nlp.pipe(batch, batch_size=len(batch))
    )
    for doc in docs:
        document, offset, last = pending.popleft()
        dct = document.published
        if isinstance(dct, datetime):  # a timestamp: its calendar day
            dct = dct.date()
        found = tuple(tag_timexes(doc, dct))
        entities = resolver.resolve(
            doc,
            exclude=[(t.start, t.end) for t in found],
            publisher=document.publisher,
        )
        aliases.update(entities.aliases)
        timexes += shifted(found, offset, "start", "end")
        lists += shifted(dated_list_spans(doc, found), offset, "start", "end")
        events += shifted(
            _with_title_actors(build_events(doc, found, entities, dct), entities, doc),
            offset,
            *("sentence_start", "sentence_end", "expression_start", "expression_end"),
        )
        if last:
            yield Extraction(
                doc_id=document.doc_id,
                timexes=tuple(timexes),
                events=tuple(_without_furniture(document.text, events, lists)),
                aliases=tuple(sorted(aliases.items())),
            )
            timexes, events, aliases, lists = [], [], {}, []


def _with_title_actors(
    events: list[ExtractedEvent], entities: ArticleEntities, doc: Doc
) -> list[ExtractedEvent]:
    """The actors a title names are the event's, even where its sentence
    says "the company" or "he" ("BP announced ..." from "the company
    announced ..."): they come first, then the sentence's own."""
    out = []
    for event in events:
        actors, countries, orgs = entities.named_in(event.title, doc_text(doc))
        if actors or orgs or countries:
            event = replace(
                event,
                actors=_union(actors, event.actors),
                organizations=_union(orgs, event.organizations),
                countries=_union(event.countries, countries),
            )
        out.append(event)
    return out


def _union(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for g in groups for v in g))


def _without_furniture(
    text: str, events: Iterable[ExtractedEvent], lists: Iterable[Span] = ()
) -> list[ExtractedEvent]:
    """Drop events made from page furniture or reader comments, or from
    dated lists and tables (`lists`) (hygiene.py)."""
    events = list(events)
    if not events:
        return events
    screen = Screen(
        sorted([*furniture_spans(text), *lists], key=lambda s: (s.start, s.end))
    )
    return [
        e
        for e in events
        if not screen.excludes(
            sentence=(e.sentence_start, e.sentence_end),
            expression=(e.expression_start, e.expression_end),
            text=text,
        )
    ]
