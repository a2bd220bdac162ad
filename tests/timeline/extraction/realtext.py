"""Real articles for extraction tests, by id, run through the whole pipeline.

Wikinews articles come from the bundled sample (samples/wikinews-meantime.jsonl);
Timeline17 articles are read from ../shared/t17 at test time, never copied
into the repository, and a test that needs one is skipped when it is absent.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from tests.conftest import SHARED, needs_shared
from timeline.extraction.entities import EntityResolver, Mention
from timeline.extraction.nlp import get_nlp
from timeline.extraction.pipeline import extract
from timeline.extraction.types import Document, ExtractedEvent

ROOT = Path(__file__).resolve().parents[3]
WIKINEWS = ROOT / "samples" / "wikinews-meantime.jsonl"
T17 = SHARED / "t17"


@cache
def _wikinews() -> dict[str, dict]:
    with open(WIKINEWS, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return {row["id"]: row for row in rows}


@cache
def _t17(collection: str) -> dict[str, dict]:
    path = T17 / f"{collection}.articles.jsonl"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return {row["id"]: row for row in rows}


def article(article_id: str) -> dict:
    """A Wikinews sample article, or a Timeline17 one (skips without ../shared/t17)."""
    if article_id.startswith("wikinews-"):
        return _wikinews()[article_id]
    rows = _t17(article_id.split("/", 1)[0])
    if not rows:
        needs_shared("t17", f"{article_id.split('/', 1)[0]}.articles.jsonl")
    return rows[article_id]


@cache
def events_of(article_id: str) -> tuple[ExtractedEvent, ...]:
    row = article(article_id)
    document = Document(row["text"], date.fromisoformat(row["published"]), article_id)
    (extraction,) = list(extract([document]))
    return extraction.events


@cache
def mentions_of(article_id: str, publisher: str = "") -> tuple[Mention, ...]:
    """Every mention of the article, as a resolver with no stored names and
    the dictionary of known names finds them."""
    nlp = get_nlp()
    resolver = EntityResolver()
    resolver.use_dictionary(nlp)
    doc = nlp(article(article_id)["text"])
    return tuple(resolver.resolve(doc, publisher=publisher).mentions)


def events_in(article_id: str, fragment: str) -> list[ExtractedEvent]:
    """The article's events whose evidence holds `fragment`."""
    assert fragment in article(article_id)["text"], fragment  # the text is real
    return [e for e in events_of(article_id) if fragment in e.sentence]


def event_in(article_id: str, fragment: str, expression: str) -> ExtractedEvent:
    """The first event dated by `expression` whose evidence holds `fragment`."""
    found = [e for e in events_in(article_id, fragment) if e.expression == expression]
    assert found, [(e.expression, e.title) for e in events_in(article_id, fragment)]
    return found[0]
