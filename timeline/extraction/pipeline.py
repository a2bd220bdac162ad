"""The extraction pipeline: Documents in, Extractions out. No database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from timeline.extraction.nlp import get_nlp
from timeline.extraction.timex import tag_timexes
from timeline.extraction.types import Document, Extraction, Lexicon

# Bump when extraction output changes, so `reextract` knows what is stale.
EXTRACTION_VERSION = "0.1"


def extract(
    documents: Iterable[Document],
    *,
    lexicon: Lexicon | None = None,
    model: str | None = None,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Extract timexes and events from each document, in order, via nlp.pipe."""
    nlp = get_nlp(model)
    docs = list(documents)
    for document, doc in zip(
        docs, nlp.pipe((d.text for d in docs), batch_size=batch_size), strict=True
    ):
        timexes = tag_timexes(doc, document.published)
        yield Extraction(doc_id=document.doc_id, timexes=tuple(timexes), events=())
