"""Long texts in bounded pieces (timeline/extraction/pieces.py): cuts at
paragraph, line, sentence or space boundaries, offsets shifted back into the
whole text, and the real pipeline on a long real article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.extraction import pieces
from timeline.extraction.pieces import batches, split_text
from timeline.extraction.pipeline import extract
from timeline.extraction.types import Document

SEED = Path(__file__).resolve().parents[3] / "samples" / "ukraine-2025-02-24.txt"


def test_it_keeps_a_short_text_whole():
    assert split_text("One. Two.", limit=100) == [(0, "One. Two.")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a paragraph's end beats a sentence's, a line's beats a sentence's,
        # a sentence's beats a space (all past half the limit)
        ("a" * 60 + ". " + "b" * 20 + "\n\n" + "c" * 50, ["\n\n"]),
        ("a" * 60 + "\n" + "b" * 20 + ". " + "c" * 50, ["\n"]),
        ("a" * 60 + ". " + "b" * 20 + " " + "c" * 50, [". "]),
    ],
)
def test_it_cuts_at_the_best_boundary(text, expected):
    parts = split_text(text, limit=100)
    assert "".join(p for _, p in parts) == text
    assert parts[0][1].endswith(expected[0])
    assert all(len(p) <= 100 for _, p in parts)
    assert [o for o, _ in parts] == [0, len(parts[0][1])]


def test_it_cuts_a_text_without_boundaries_at_the_limit():
    parts = split_text("x" * 250, limit=100)
    assert [(o, len(p)) for o, p in parts] == [(0, 100), (100, 100), (200, 50)]


def test_it_batches_by_count_and_characters():
    texts = ["a" * 60, "b" * 30, "c" * 30, "d" * 10, "e" * 200, "f"]
    assert [len(b) for b in batches(texts, 3, max_chars=100)] == [2, 2, 1, 1]
    assert [len(b) for b in batches(texts, 2, max_chars=10**6)] == [2, 2, 2]


def test_it_extracts_a_long_article_in_pieces_with_whole_text_offsets(monkeypatch):
    """Real model, real text: the seed article repeated, in pieces of ~3,000
    characters, gives what the whole text gives, at the whole text's offsets."""
    seed = SEED.read_text(encoding="utf-8")
    text = "\n\n".join([seed] * 4)
    doc = Document(text, date(2025, 2, 24), "long")
    (whole,) = extract([doc])
    monkeypatch.setattr(pieces, "PIECE_CHARS", 3000)
    monkeypatch.setattr(pieces, "BATCH_CHARS", 6000)
    assert len(split_text(text, pieces.PIECE_CHARS)) > 4
    (split,) = extract([doc])
    for t in split.timexes:
        assert text[t.start : t.end] == t.text
    for e in split.events:
        assert text[e.sentence_start : e.sentence_end] == e.sentence
        assert text[e.expression_start : e.expression_end] == e.expression
    spans = {(t.start, t.end) for t in whole.timexes}
    found = {(t.start, t.end) for t in split.timexes}
    assert len(found & spans) >= 0.9 * len(spans)
    assert len(split.events) >= 0.9 * len(whole.events)
