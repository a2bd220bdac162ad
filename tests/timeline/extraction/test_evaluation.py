"""TempEval-3 scoring: arithmetic, agreement with the reference scorer, the
`evaluate` command, and a corpus regression guard on TimeBank + AQUAINT."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import SHARED, needs_shared
from timeline.extraction.evaluation import evaluate, read_jsonl, write_report
from timeline.extraction.nlp import get_nlp
from timeline.extraction.pipeline import extract
from timeline.extraction.temporal.tagger import tag_timexes
from timeline.extraction.types import Document

CORPORA = SHARED / "corpora"
SCORER = SHARED / "tools" / "score_timex.py"

# Measured on every other TimeBank + AQUAINT document (the full corpora are in
# docs/extraction.md); the guard allows a small margin so that only a real
# regression fails.
SUBSET_RELAXED_F1 = 0.946
SUBSET_VALUE_F1 = 0.830
MARGIN = 0.01


def _gold(name: str, n: int | None = None) -> dict[str, dict]:
    with needs_shared("corpora", name).open(encoding="utf-8") as fh:
        docs = read_jsonl(fh, name)
    if n is not None:
        docs = dict(list(docs.items())[:n])
    return docs


def _system(gold: dict[str, dict]) -> dict[str, dict]:
    documents = [
        Document(text=d["text"], published=date.fromisoformat(d["dct"]), doc_id=k)
        for k, d in gold.items()
    ]
    return {
        e.doc_id: {"doc_id": e.doc_id, "timexes": [t.to_dict() for t in e.timexes]}
        for e in extract(documents)
    }


def _span(text: str, phrase: str) -> dict:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def test_it_computes_tempeval_measures_by_hand() -> None:
    text = "On Monday, last week, and in February 2022 we met for two hours."
    gold = [
        {**_span(text, "Monday"), "type": "DATE", "value": "2022-03-07"},
        {**_span(text, "last week"), "type": "DATE", "value": "2022-W09"},
        {**_span(text, "February 2022"), "type": "DATE", "value": "2022-02"},
        {**_span(text, "two hours"), "type": "DURATION", "value": "PT2H"},
    ]
    system = [
        {**_span(text, "On Monday"), "type": "DATE", "value": "2022-03-07"},
        {**_span(text, "last week"), "type": "DATE", "value": "2022-02-28"},
        {**_span(text, "February 2022"), "type": "DATE", "value": "2022-02"},
        {**_span(text, "we met"), "type": "TIME", "value": "X"},
    ]
    report = evaluate(
        {"d": {"doc_id": "d", "text": text, "timexes": gold}},
        {"d": {"doc_id": "d", "timexes": system}},
    )
    m = report.all
    assert m["strict_P"] == pytest.approx(0.5)
    assert m["relaxed_P"] == pytest.approx(0.75)
    assert m["relaxed_R"] == pytest.approx(0.75)
    assert m["type_accuracy"] == pytest.approx(1.0)
    assert m["value_accuracy"] == pytest.approx(2 / 3)
    assert m["value_F1"] == pytest.approx(2 / 3 * 3 / 4)
    assert report.date["strict_F1"] == pytest.approx(2 / 3)
    assert report.warnings == []


def test_it_matches_one_system_span_to_one_gold_span_only() -> None:
    gold = [
        {"start": 0, "end": 4, "type": "DATE", "value": "2009"},
        {"start": 5, "end": 9, "type": "DATE", "value": "2010"},
    ]
    system = [{"start": 0, "end": 9, "type": "DATE", "value": "2009"}]
    report = evaluate(
        {"x": {"doc_id": "x", "timexes": gold}}, {"x": {"timexes": system}}
    )
    assert report.all["n_relaxed"] == 1
    assert report.all["relaxed_R"] == pytest.approx(0.5)
    assert report.all["relaxed_P"] == pytest.approx(1.0)


def test_it_drops_dct_mentions_on_request() -> None:
    gold = [
        {"start": 0, "end": 10, "type": "DATE", "value": "2009-01-01", "is_dct": True},
        {"start": 20, "end": 24, "type": "DATE", "value": "2008"},
    ]
    system = [
        {"start": 0, "end": 10, "type": "DATE", "value": "2009-01-01"},
        {"start": 20, "end": 24, "type": "DATE", "value": "2008"},
    ]
    report = evaluate(
        {"m": {"doc_id": "m", "timexes": gold}},
        {"m": {"timexes": system}},
        drop_dct_mentions=True,
    )
    assert (report.all["n_gold"], report.all["n_system"]) == (1, 1)
    assert report.all["value_F1"] == pytest.approx(1.0)


def test_it_names_the_line_of_a_bad_jsonl() -> None:
    with pytest.raises(ValueError, match=r"gold.jsonl:2: not valid JSON"):
        read_jsonl(['{"doc_id": "a"}', "{oops"], "gold.jsonl")
    with pytest.raises(ValueError, match=r"gold.jsonl:1: missing doc_id"):
        read_jsonl(['{"text": "x"}'], "gold.jsonl")


@pytest.mark.shared("tools/score_timex.py")
def test_it_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    gold_path = CORPORA / "timebank.jsonl"
    gold = _gold("timebank.jsonl", 6)
    small_gold = tmp_path / "gold.jsonl"
    small_gold.write_text("".join(json.dumps(d) + "\n" for d in gold.values()), "utf-8")
    system = _system(gold)
    system_path = tmp_path / "system.jsonl"
    system_path.write_text(
        "".join(json.dumps(s) + "\n" for s in system.values()), "utf-8"
    )
    out_json = tmp_path / "scores.json"
    subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(small_gold),
            str(system_path),
            "--json",
            str(out_json),
        ],
        check=True,
        capture_output=True,
    )
    reference = json.loads(out_json.read_text("utf-8"))
    ours = evaluate(gold, system).as_dict()
    for view in ("ALL", "DATE", "DATE_gold_vs_any_system", "DAY_gold_vs_any_system"):
        assert ours[view].keys() == reference[view].keys()
        for key, value in reference[view].items():
            assert ours[view][key] == pytest.approx(value, abs=1e-12), (view, key)
    # and the printed report is the reference scorer's, line for line
    printed = subprocess.run(
        [sys.executable, str(SCORER), str(small_gold), str(system_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    buf = StringIO()
    write_report(evaluate(gold, system), buf)
    assert buf.getvalue().split() == printed.split()
    assert gold_path.exists()


def test_it_prints_the_measures_from_the_command(tmp_path: Path) -> None:
    gold = _gold("timebank.jsonl", 2)
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in gold.values()), "utf-8")
    out_path = tmp_path / "system.jsonl"
    out = StringIO()
    call_command(
        "evaluate", str(path), "--output", str(out_path), "--per-doc", stdout=out
    )
    text = out.getvalue()
    assert "=== TIMEX ALL" in text and "relaxed" in text and "value" in text
    assert "=== per document ===" in text
    lines = [json.loads(line) for line in out_path.read_text("utf-8").splitlines()]
    assert [d["doc_id"] for d in lines] == list(gold)
    report = evaluate(gold, {d["doc_id"]: d for d in lines})
    assert f"{100 * report.all['relaxed_F1']:6.2f}" in text


def test_it_rejects_a_bad_gold_file_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    with pytest.raises(CommandError, match="nope.jsonl: no such file"):
        call_command("evaluate", str(missing))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "dct": "1998-13-01", "text": "x"}\n', "utf-8")
    with pytest.raises(CommandError, match=r"bad.jsonl: document 'a' has no valid dct"):
        call_command("evaluate", str(bad))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"doc_id": "a"\n', "utf-8")
    with pytest.raises(CommandError, match=r"broken.jsonl:1"):
        call_command("evaluate", str(broken))


@pytest.mark.slow
def test_it_keeps_timebank_and_aquaint_scores() -> None:
    # every other document, tagger only (no events), to stay well under a minute
    gold = {**_gold("timebank.jsonl"), **_gold("aquaint.jsonl")}
    gold = dict(list(gold.items())[::2])
    nlp = get_nlp()
    docs = nlp.pipe((d["text"] for d in gold.values()), batch_size=16)
    system = {
        doc_id: {
            "timexes": [
                t.to_dict() for t in tag_timexes(doc, date.fromisoformat(d["dct"]))
            ]
        }
        for (doc_id, d), doc in zip(gold.items(), docs, strict=True)
    }
    report = evaluate(gold, system)
    assert report.all["relaxed_F1"] >= SUBSET_RELAXED_F1 - MARGIN
    assert report.all["value_F1"] >= SUBSET_VALUE_F1 - MARGIN
