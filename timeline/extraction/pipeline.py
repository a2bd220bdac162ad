"""The extraction pipeline: Documents in, Extractions out. No database."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from datetime import datetime

from timeline.extraction.entities import EntityResolver
from timeline.extraction.events import build_events
from timeline.extraction.nlp import get_nlp
from timeline.extraction.timex import tag_timexes
from timeline.extraction.types import Document, Extraction, Lexicon

# Bump when extraction output changes, so `reextract` knows what is stale.
EXTRACTION_VERSION = "1.3"

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
    pending: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            pending.append(document)
            yield document.text

    for doc in nlp.pipe(texts(), batch_size=batch_size):
        document = pending.popleft()
        dct = document.published
        if isinstance(dct, datetime):  # a timestamp: its calendar day
            dct = dct.date()
        timexes = tuple(tag_timexes(doc, dct))
        entities = resolver.resolve(
            doc,
            exclude=[(t.start, t.end) for t in timexes],
            publisher=document.publisher,
        )
        events = build_events(doc, timexes, entities, dct)
        yield Extraction(
            doc_id=document.doc_id,
            timexes=timexes,
            events=tuple(events),
            aliases=tuple(sorted(entities.aliases.items())),
        )
