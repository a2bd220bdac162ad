"""manage.py evaluate_timeline on the smallest real Timeline17 collection
(H1N1_guardian, 75 articles, read from ../shared at test time): its scores
agree with ../shared/tools/score_tls.py on the same predicted timeline."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[3]
T17 = SHARED / "t17"
COLLECTION = "H1N1_guardian"
ARTICLES = T17 / f"{COLLECTION}.articles.jsonl"
TIMELINES = T17 / f"{COLLECTION}.timelines.json"
SCORE_TLS = SHARED / "tools" / "score_tls.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.shared(
        f"t17/{COLLECTION}.articles.jsonl",
        f"t17/{COLLECTION}.timelines.json",
        "tools/score_tls.py",
    ),
]


def run_command(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    env.pop("DATABASE_URL", None)  # the command makes its own databases
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "evaluate_timeline", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def score_tls():
    pytest.importorskip("tilse")
    spec = importlib.util.spec_from_file_location("score_tls", SCORE_TLS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def kept(tmp_path_factory):
    """A folder for the collection's kept database, shared by the tests."""
    return tmp_path_factory.mktemp("kept-db")


def test_it_scores_a_real_collection_as_score_tls_does(tmp_path, kept):
    reference = score_tls()
    keep, preds, out = kept, tmp_path / "pred", tmp_path / "scores.json"

    done = run_command(
        str(ARTICLES),
        str(TIMELINES),
        "--keep-db",
        str(keep),
        "--pred-dir",
        str(preds),
        "--json",
        str(out),
    )

    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{COLLECTION}: 75 articles ingested" in done.stdout
    (result,) = json.loads(out.read_text())
    (mine,) = result["timelines"]
    gold = json.loads(TIMELINES.read_text())
    pred = json.loads((preds / f"{COLLECTION}.0.pred.json").read_text())
    (theirs,) = reference.score(gold, pred)
    for key in ("gold_dates", "pred_dates", "date_f1", "ar1_f", "ar2_f"):
        assert mine[key] == pytest.approx(theirs[key], abs=1e-12), key
    assert f"date F1 {theirs['date_f1']:.3f}" in done.stdout

    # L dates inside the gold range, at most K sentences each, each sentence
    # taken from the collection's articles.
    dates = sorted(e["date"] for e in gold[0]["entries"])
    assert len(pred) == mine["L"] == len(dates)
    assert all(dates[0] <= d <= dates[-1] for d in pred)
    assert all(1 <= len(s) <= mine["K"] for s in pred.values())
    texts = " ".join(
        " ".join(json.loads(line)["text"].split())
        for line in ARTICLES.read_text().splitlines()
    )
    assert all(s in texts for sentences in pred.values() for s in sentences)
    # Finding the gold timeline's days is the point: most are found.
    assert theirs["date_f1"] >= 0.5

    again = run_command(str(ARTICLES), str(TIMELINES), "--keep-db", str(keep))

    assert again.returncode == 0, again.stderr[-2000:]
    assert f"{COLLECTION}: 0 articles ingested, 75 already stored" in again.stdout
    assert f"date F1 {mine['date_f1']:.3f}" in again.stdout


def test_all_runs_every_collection_of_a_folder_and_averages(tmp_path, kept):
    db = kept / f"{COLLECTION}.sqlite3"
    if not db.exists():
        pytest.skip("needs the database the first test ingests")
    folder, keep = tmp_path / "t17", tmp_path / "db"
    folder.mkdir()
    keep.mkdir()
    for name in ("one", "two"):  # the same story under two names
        (folder / f"{name}.articles.jsonl").symlink_to(ARTICLES)
        (folder / f"{name}.timelines.json").symlink_to(TIMELINES)
        shutil.copy(db, keep / f"{name}.sqlite3")
    (folder / "lonely.articles.jsonl").symlink_to(ARTICLES)  # no timelines

    done = run_command("--all", "--t17-dir", str(folder), "--keep-db", str(keep))

    assert done.returncode == 0, done.stderr[-2000:]
    assert "one: 0 articles ingested, 75 already stored" in done.stdout
    assert "two: 0 articles ingested, 75 already stored" in done.stdout
    assert "lonely" not in done.stdout
    scores = re.findall(r"date F1 (\d\.\d{3})  AR-1 F (\d\.\d{3})", done.stdout)
    assert len(scores) == 3 and scores[0] == scores[1] == scores[2]
    assert "average over 2 timelines of 2 collections:" in done.stdout


def test_bad_arguments_are_refused_with_the_reason(tmp_path):
    bad = tmp_path / "bad.timelines.json"
    bad.write_text('{"not": "a list"}')

    missing = run_command(str(ARTICLES))
    malformed = run_command(str(ARTICLES), str(bad))
    both = run_command(str(ARTICLES), str(TIMELINES), "--all")

    assert missing.returncode != 0
    assert "give ARTICLES.jsonl and TIMELINES.json (or --all)" in missing.stderr
    assert malformed.returncode != 0
    assert "expected a non-empty list of timelines" in malformed.stderr
    assert both.returncode != 0
    assert "not both" in both.stderr
