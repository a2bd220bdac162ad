"""The comparison baseline: spaCy DATE/TIME entities + `dateparser.parse`.

Not used by the pipeline; `manage.py evaluate --baseline` scores it so the
tagger's numbers have a reference point.
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.tokens import Doc

from timeline.extraction.types import Timex


def baseline_timexes(doc: Doc, dct: date) -> list[Timex]:
    """spaCy's DATE/TIME entities, valued by dateparser relative to dct."""
    import dateparser

    base = datetime(dct.year, dct.month, dct.day)
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        parsed = dateparser.parse(
            ent.text, languages=["en"], settings={"RELATIVE_BASE": base}
        )
        value = parsed.date().isoformat() if parsed else ""
        out.append(
            Timex(ent.start_char, ent.end_char, ent.text, ent.label_, value, dct)
        )
    return out
