"""The extraction pipeline: Documents in, Extractions out. No database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from timeline.extraction.entities import EntityResolver
from timeline.extraction.events import build_events
from timeline.extraction.nlp import get_nlp
from timeline.extraction.timex import tag_timexes
from timeline.extraction.types import Document, Extraction, Lexicon

# Bump when extraction output changes, so `reextract` knows what is stale.
EXTRACTION_VERSION = "1.0"

_DEFAULT_RESOLVER: EntityResolver | None = None


def _resolver(lexicon: Lexicon | None) -> EntityResolver:
    global _DEFAULT_RESOLVER
    if lexicon is not None:
        return EntityResolver(lexicon)
    if _DEFAULT_RESOLVER is None:
        _DEFAULT_RESOLVER = EntityResolver()
    return _DEFAULT_RESOLVER


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
    pending: list[Document] = []

    def texts() -> Iterator[str]:
        for document in documents:
            pending.append(document)
            yield document.text

    for doc in nlp.pipe(texts(), batch_size=batch_size):
        document = pending.pop(0)
        timexes = tuple(tag_timexes(doc, document.published))
        entities = resolver.resolve(doc)
        events = build_events(doc, timexes, entities, document.published)
        yield Extraction(doc_id=document.doc_id, timexes=timexes, events=tuple(events))
