"""How names are compared: one rule shared by aliases, countries and places."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")


def normalise_alias(name: str) -> str:
    """How aliases are compared: case-folded, whitespace folded, no leading 'the'.

    The same rule as timeline.models.normalise_alias (kept Django-free here).
    """
    folded = _WS.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()
    return re.sub(r"^the ", "", folded)


def fold_accents(text: str) -> str:
    """'Mişrātah' -> 'Misratah': letters without their diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
