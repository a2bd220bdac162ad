"""Extracted events built by hand, and a stand-in for the pipeline that
returns them, so storing and merging are tested deterministically."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from timeline.extraction.types import Document, ExtractedEvent, Extraction, Lexicon
from timeline.ingestion.sources import ArticleInput

VOTE_1 = (
    "The UN General Assembly voted on Monday on a resolution condemning "
    "Russia's invasion of Ukraine."
)
VOTE_2 = (
    "On Monday the UN General Assembly voted for a resolution that condemns "
    "the Russian invasion of Ukraine, diplomats said."
)


def event(
    sentence: str = VOTE_1,
    *,
    expression: str = "Monday",
    at: int = 0,
    value: str = "2025-02-24",
    start: date = date(2025, 2, 24),
    end: date | None = None,
    precision: str = "day",
    kind: str = "vote",
    title: str = "",
    actors: tuple[str, ...] = (),
    organizations: tuple[str, ...] = ("United Nations General Assembly",),
    countries: tuple[str, ...] = ("UA", "RU"),
    anchor: date = date(2025, 2, 26),
    modality: str = "done",
    confidence: float = 0.8,
) -> ExtractedEvent:
    """An extracted event whose sentence starts at offset `at` of its article."""
    offset = sentence.find(expression)
    offset = max(offset, 0)
    return ExtractedEvent(
        value=value,
        start=start,
        end=end or start,
        precision=precision,
        title=title or sentence.rstrip("."),
        kind=kind,
        sentence=sentence,
        sentence_start=at,
        sentence_end=at + len(sentence),
        expression=expression,
        expression_start=at + offset,
        expression_end=at + offset + len(expression),
        anchor=anchor,
        actors=actors,
        organizations=organizations,
        countries=countries,
        modality=modality,
        confidence=confidence,
    )


def extraction(*events: ExtractedEvent, doc_id: str = "1") -> Extraction:
    return Extraction(doc_id=doc_id, timexes=(), events=tuple(events))


def article_input(
    text: str = VOTE_1,
    *,
    published: date = date(2025, 2, 26),
    origin: str = "test.txt",
    **kw,
) -> ArticleInput:
    return ArticleInput(text=text, published=published, origin=origin, **kw)


class FakePipeline:
    """Stands in for timeline.extraction.pipeline.extract: events per text.

    Records the lexicons and batch sizes it was called with.
    """

    def __init__(self, events: dict[str, list[ExtractedEvent]] | None = None):
        self.events = events or {}
        self.calls: list[tuple[int, Lexicon | None, int]] = []

    def __call__(
        self,
        documents: Iterable[Document],
        *,
        lexicon: Lexicon | None = None,
        model: str | None = None,
        batch_size: int = 16,
    ) -> Iterator[Extraction]:
        docs = list(documents)
        self.calls.append((len(docs), lexicon, batch_size))
        for doc in docs:
            yield Extraction(
                doc_id=doc.doc_id,
                timexes=(),
                events=tuple(self.events.get(doc.text, ())),
            )
