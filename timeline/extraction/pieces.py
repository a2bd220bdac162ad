"""Long texts in bounded pieces, so extraction's memory does not grow with
the length of an article.

spaCy's parser and entity recogniser hold state for the whole Doc they are
given: one 2,000,000-character article took 6.4 GB. Instead the pipeline
parses pieces of at most PIECE_CHARS characters, cut where a paragraph (else
a line, a sentence, a space) ends, and shifts the offsets of what each piece
yields back into the whole text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

PIECE_CHARS = 50_000
# nlp.pipe parses a batch of texts together: at most this many characters a
# batch, so the pieces of a long article are not all parsed at once.
BATCH_CHARS = 100_000

# Where a piece may end, best first: after a blank line, a line break, a
# sentence's final punctuation (and closing quote or bracket), a space.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)

T = TypeVar("T")


def split_text(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering `text` in order, each piece at most
    `limit` (default PIECE_CHARS) characters; a shorter text is one piece."""
    limit = limit or PIECE_CHARS
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit  # no boundary at all: cut at the limit
        for boundary in _CUTS:
            ends = [m.end() for m in boundary.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = ends[-1]
                break
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def shifted(items: Iterable[T], offset: int, *fields: str) -> list[T]:
    """Copies of dataclass `items` with `offset` added to the named fields."""
    if not offset:
        return list(items)
    return [
        dataclasses.replace(item, **{f: getattr(item, f) + offset for f in fields})
        for item in items
    ]


def batches(
    texts: Iterable[str], size: int, max_chars: int | None = None
) -> Iterator[list[str]]:
    """`texts` in lists of at most `size` texts and (unless one text alone is
    longer) at most `max_chars` (default BATCH_CHARS) characters, in order."""
    max_chars = max_chars or BATCH_CHARS
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= size or chars + len(text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch
