"""The extract() entry point on real text: order, laziness, lexicon, robustness."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extraction.nlp import USED_COMPONENTS, get_nlp
from timeline.extraction.pipeline import EXTRACTION_VERSION, extract
from timeline.extraction.types import Document, Lexicon

ROOT = Path(__file__).resolve().parents[3]
WIKINEWS = ROOT / "samples" / "wikinews-meantime.jsonl"


def wikinews(n: int) -> list[Document]:
    docs = []
    with WIKINEWS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append(
                Document(d["text"], date.fromisoformat(d["published"]), d["id"])
            )
            if len(docs) == n:
                break
    return docs


def test_it_yields_one_extraction_per_document_in_order():
    docs = wikinews(20)
    out = list(extract(docs, batch_size=4))
    assert [x.doc_id for x in out] == [d.doc_id for d in docs]
    assert sum(len(x.events) for x in out) > 20
    for document, extraction in zip(docs, out, strict=True):
        for e in extraction.events:
            assert document.text[e.sentence_start : e.sentence_end] == e.sentence
            assert document.text[e.expression_start : e.expression_end] == e.expression
            assert e.start <= e.end
    assert EXTRACTION_VERSION


def test_it_reads_documents_lazily():
    docs = wikinews(3)
    taken = []

    def source():
        for d in docs:
            taken.append(d.doc_id)
            yield d

    results = extract(source(), batch_size=1)
    assert taken == []  # nothing read before the first result is asked for
    first = next(results)
    assert first.doc_id == docs[0].doc_id
    assert len(taken) < len(docs) + 1
    assert [x.doc_id for x in results] == [d.doc_id for d in docs[1:]]


def test_it_uses_a_lexicon_from_the_caller():
    text = (
        "Chancellor Olaf Scholz met the Bundesregierung envoy in Bonn on 3 March 2024."
    )
    doc = Document(text, date(2024, 3, 5), "x")
    (plain,) = extract([doc])
    (custom,) = extract(
        [doc],
        lexicon=Lexicon(countries={"Bonn": "DE"}, people={"olaf scholz": "Scholz"}),
    )
    assert plain.events and custom.events
    # Bonn is in Germany by the gazetteer already; the lexicon's alias agrees.
    assert plain.events[0].countries == ("DE",)
    assert custom.events[0].countries == ("DE",)
    assert custom.events[0].actors == ("Scholz",)


def test_it_loads_only_the_components_it_uses():
    assert set(get_nlp().pipe_names) <= set(USED_COMPONENTS)
    assert {"parser", "ner", "lemmatizer"} <= set(get_nlp().pipe_names)


def test_it_does_not_load_the_model_at_import():
    code = (
        "import timeline.extraction.pipeline as p, timeline.extraction.nlp as n;"
        "print(n.get_nlp.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "0"


DATEISH = st.sampled_from(
    [
        "on Monday",
        "last week",
        "Earlier this month",
        "MondayWhere",
        "February 24, 2022",
        "next year",
        "the 1990s",
        "three years",
        "every week",
        "now",
        "2008",
        "Q3",
        "mid-2008",
        "late Friday",
        "Trump",
        "President Putin",
        "the Kremlin",
        "UN",
        "\n",
        "“",
        "”",
        "’s",
        ".",
        ",",
        "  ",
        "\t",
        "é",
        "🙂",
        "\u200b",
        "said",
        "met",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(DATEISH, st.text(max_size=12)), max_size=40).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXTS, dct=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
)
def test_it_never_crashes_and_every_offset_slices_the_input(text, dct):
    (x,) = extract([Document(text, dct, "p")])
    for t in x.timexes:
        assert text[t.start : t.end] == t.text
    for e in x.events:
        assert text[e.sentence_start : e.sentence_end] == e.sentence
        assert text[e.expression_start : e.expression_end] == e.expression
        assert (
            e.sentence_start <= e.expression_start <= e.expression_end <= e.sentence_end
        )
        assert e.start <= e.end
        assert 0 <= e.confidence <= 1
        assert e.title


def test_it_accepts_articles_up_to_the_products_length_limit():
    assert get_nlp().max_length >= 2_000_000


def test_it_takes_a_timestamp_as_its_calendar_day():
    from datetime import datetime

    text = "Macron met Trump on Monday."
    (stamped,) = extract([Document(text, datetime(2025, 2, 24, 18, tzinfo=UTC))])
    (plain,) = extract([Document(text, date(2025, 2, 24))])
    assert stamped.events == plain.events
    assert stamped.events[0].value == "2025-02-24"
