"""Scoring a predicted story timeline against journalists' timelines, as the
field does (news-tls, Ghalandari & Ifrim 2020; ../shared/tools/score_tls.py):
date selection F1 and alignment-based ROUGE-1/2 F1 with tilse's
`align_date_content_costs_many_to_one` and its Python ROUGE reimplementation.

No Django. tilse is a development dependency (requirements-dev.txt), imported
only when scoring; it downloads nothing (its ROUGE stop words ship with it,
nltk's Porter stemmer needs no data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

Predicted = dict[date, list[str]]


class GoldError(ValueError):
    """A gold timelines file is unreadable or malformed; the message says how."""


@dataclass(frozen=True)
class GoldTimeline:
    """One journalists' timeline: {date: [sentences]} in date order."""

    name: str
    entries: dict[date, list[str]]

    @property
    def start(self) -> date:
        return min(self.entries)

    @property
    def end(self) -> date:
        return max(self.entries)

    @property
    def n_dates(self) -> int:
        """L: how many dates the system is asked for."""
        return len(self.entries)

    @property
    def sentences_per_date(self) -> int:
        """K: the average number of sentences per date, rounded as news-tls
        does (Python's round of the mean; at least 1)."""
        lengths = [len(s) for s in self.entries.values()]
        return max(1, round(sum(lengths) / len(lengths)))


def read_gold(path: str | Path) -> list[GoldTimeline]:
    """`[{"name", "entries": [{"date", "text", "sentences"}]}]` (Timeline17 as
    ../shared/t17/ holds it). `sentences` counts for K; `text` is scored."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read as JSON: {exc}") from None
    if not isinstance(raw, list) or not raw:
        raise GoldError(f"{path}: expected a non-empty list of timelines")
    out = []
    for n, tl in enumerate(raw):
        try:
            name = str(tl.get("name") or f"timeline {n + 1}")
            entries: dict[date, list[str]] = {}
            for e in tl["entries"]:
                day = date.fromisoformat(str(e["date"])[:10])
                sentences = e.get("sentences") or [e["text"]]
                entries.setdefault(day, []).extend(str(s) for s in sentences)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise GoldError(
                f"{path}: timeline {n + 1} is malformed ({type(exc).__name__}: {exc})"
            ) from None
        if not entries:
            raise GoldError(f"{path}: timeline {name!r} has no entries")
        out.append(GoldTimeline(name=name, entries=dict(sorted(entries.items()))))
    return out


def _gold_texts(path: str | Path) -> list[dict[str, Any]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Score:
    name: str
    gold_dates: int
    pred_dates: int
    date_f1: float
    ar1_f: float
    ar2_f: float

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _tilse():
    try:
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import rouge
    except ImportError as exc:  # a development dependency
        raise RuntimeError(
            "scoring needs tilse (pip install -r requirements-dev.txt): "
            f"{type(exc).__name__}: {exc}"
        ) from None
    return GroundTruth, Timeline, rouge


def score(
    gold_path: str | Path, predicted: Predicted, *, only: int | None = None
) -> list[Score]:
    """One Score per gold timeline of `gold_path` (or only the `only`-th),
    exactly as score_tls.py computes them: the gold entry's `text` is its
    summary, empty predicted dates are dropped."""
    GroundTruth, Timeline, rouge = _tilse()
    evaluator = rouge.TimelineRougeEvaluator(
        measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl"
    )
    pred = Timeline({d: list(s) for d, s in predicted.items() if s})
    out = []
    golds = _gold_texts(gold_path)
    if only is not None:
        golds = golds[only : only + 1]
    for g in golds:
        gt = GroundTruth(
            [
                Timeline(
                    {
                        d: v
                        for d, v in {
                            date.fromisoformat(e["date"]): [e["text"]]
                            for e in g["entries"]
                        }.items()
                        if v
                    }
                )
            ]
        )
        r = evaluator.evaluate_align_date_content_costs_many_to_one(pred, gt)
        pd, gd = pred.get_dates(), gt.get_dates()
        shared = len(pd & gd)
        p = shared / len(pd) if pd else 0.0
        rc = shared / len(gd) if gd else 0.0
        out.append(
            Score(
                name=g["name"],
                gold_dates=len(gd),
                pred_dates=len(pd),
                date_f1=2 * p * rc / (p + rc) if shared else 0.0,
                ar1_f=r["rouge_1"]["f_score"],
                ar2_f=r["rouge_2"]["f_score"],
            )
        )
    return out
