"""The extraction pipeline's inputs and outputs: plain dataclasses, no ORM."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Document:
    """An article to extract from. `published` is the document creation time."""

    text: str
    published: date
    doc_id: str = ""
    publisher: str = ""  # the site; never an organisation of its own bylines


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 temporal expression; offsets are into Document.text, end exclusive."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # ISO-TimeML: 2025-02-24, 2025-W08, 2025-02, P3Y, PRESENT_REF ...
    # The date a relative expression was resolved against (the publication
    # date, or a date the text moved its reference point to); not in to_dict.
    anchor: date | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class ExtractedEvent:
    """One dated statement: one per sentence and point-in-time expression."""

    value: str  # TIMEX3 value the date comes from
    start: date
    end: date
    precision: str  # day, week, month, quarter, year, decade
    title: str
    kind: (
        str  # one of kinds.KINDS (timeline.models.Kind): statement, meeting, ..., other
    )
    sentence: str
    sentence_start: int
    sentence_end: int
    expression: str
    expression_start: int
    expression_end: int
    anchor: date  # the date the expression was resolved against
    actors: tuple[str, ...] = ()  # canonical person names
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 codes
    organizations: tuple[str, ...] = ()  # canonical organisation names
    modality: str = "done"  # done, scheduled, possible
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("start", "end", "anchor"):
            d[key] = d[key].isoformat()
        for key in ("actors", "countries", "organizations"):
            d[key] = list(d[key])
        return d


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one Document."""

    doc_id: str
    timexes: tuple[Timex, ...]
    events: tuple[ExtractedEvent, ...]
    # (normalised alias, canonical person) the article established: a
    # surname, another spelling. Ingestion remembers them (learn_aliases).
    aliases: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(frozen=True)
class Lexicon:
    """Known names, read from the database by the caller and passed in.

    Keys are normalised aliases (timeline.models.normalise_alias: case-folded,
    whitespace folded, leading "the" dropped); values are canonical names, or
    ISO alpha-2 codes for countries. What is given here extends, and wins
    over, the defaults shipped with the pipeline.
    """

    people: dict[str, str] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
