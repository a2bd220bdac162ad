"""Temporal expressions: find, type and normalise them (TIMEX3).

Placeholder until the tagger lands: spaCy DATE entities whose text is a
four-digit year. Replaced wholesale by the temporal tagger.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from timeline.extraction.types import Timex


def tag_timexes(doc: Doc, dct: date) -> list[Timex]:
    """All temporal expressions in a parsed document, normalised against dct."""
    out = []
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.text.isdigit() and len(ent.text) == 4:
            out.append(
                Timex(ent.start_char, ent.end_char, ent.text, "DATE", ent.text, dct)
            )
    return out
