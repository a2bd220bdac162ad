"""A learned value for a day's candidate summaries, checked by leaving one
story out (branch `summ6`, issue #13, docs/key-events.md).

    .venv/bin/python bench/keyevents_learn.py DIR [--t17 ../shared/t17]
        [--method pairwise|ridge] [--target r1|mix] [--c 1.0] [--out FILE]
        [--cache FILE] [--features a,b,...]

DIR holds one SQLite database per collection (`evaluate_timeline --all
--keep-db DIR`). For each gold timeline, the model's own candidates of each
gold date (`rank.summary_candidates`: every evidence sentence of the day's
events, with `rank.summary_features`) are dumped with a target: the
candidate's ROUGE-1 F (`--target mix`: ROUGE-1 F + ROUGE-2 F) against that
date's gold text, tilse's ROUGE reimplementation (stemmed, stop words out),
as the evaluation computes it. A linear model over the standardised
features is fitted within days: `pairwise` (default) a logistic regression
on the feature differences of the day's candidate pairs (the better one
wins; each day weighs the same), `ridge` a ridge regression of the target
centred per day. Its coefficients, back on the features' own scale, give
`rank.SUMMARY_COEFFICIENTS`: a candidate is valued exp(coefficients .
features), the rest of the model unchanged (MMR, duplicates, the days).

Leave one story out (the stories of bench/keyevents_loso.py): fitted on four
stories, the held-out story is scored through `/api/key-events/`
(`evaluate_timeline`'s own `ask_key_events`, cache cleared), and the 11
held-out timelines averaged; printed beside the scores of the hand-set
product (`rank.SUMMARY_COEFFICIENTS` empty) on the same requests and the
coefficients fitted on all five stories (what ships). `--nested A --nested
B ...` lets each fold choose its feature set by leaving one of its own four
stories out (the product itself is one more choice).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Pairs of one day's candidates whose targets differ by less say nothing.
MIN_TARGET_GAP = 0.01
# At most this many pairs per day (drawn at random, seeded): a day of 50
# candidates would otherwise weigh as 1,225 pairs.
MAX_PAIRS = 300


def story(collection: str) -> str:
    return collection.split("_")[0].lower()


def rouge_f(rouge, sentence: str, gold: list[str]) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F of one sentence against a day's gold text."""
    counts = rouge.score_summary([sentence.split()], {0: [g.split() for g in gold]})
    out = []
    for n in ("1", "2"):
        hit = counts[f"rouge_{n}_h_count"]
        p = hit / counts[f"rouge_{n}_p_count"] if counts[f"rouge_{n}_p_count"] else 0
        r = hit / counts[f"rouge_{n}_m_count"] if counts[f"rouge_{n}_m_count"] else 0
        out.append(2 * p * r / (p + r) if p + r else 0.0)
    return out[0], out[1]


def dump(db_dir: Path, t17: Path) -> tuple[list[dict], list[str]]:
    """One row per (gold timeline, gold date) with candidates: their features,
    targets and the product's values."""
    from tilse.evaluation.rouge import RougeReimplementation

    import timeline.keyevents.rank as rank
    from timeline.keyevents.data import model_input
    from timeline.keyevents.evaluation import read_gold
    from timeline.management.commands.evaluate_timeline import (
        collection_pairs,
        using_database,
    )
    from timeline.models import Article, Event

    rouge = RougeReimplementation()
    days, names = [], []
    for name, _articles, timelines in collection_pairs(t17):
        db = db_dir / f"{name}.sqlite3"
        if not db.exists():
            print(f"{name}: no database in {db_dir}, left out")
            continue
        names.append(name)
        with using_database(f"sqlite:///{db.resolve()}"):
            inputs, evidence = model_input(
                Event.objects.all(), articles=Article.objects.all()
            )
        gold_texts = json.loads(timelines.read_text(encoding="utf-8"))
        for n, gold in enumerate(read_gold(timelines)):
            texts: dict = defaultdict(list)
            for e in gold_texts[n]["entries"]:
                texts[e["date"][:10]].append(e["text"])
            chosen = [e for e in inputs if gold.start <= e.start <= gold.end]
            request = rank.Request(
                start=gold.start,
                end=gold.end,
                dates=gold.n_dates,
                per_date=gold.sentences_per_date,
            )
            for day, cands in rank.summary_candidates(
                chosen, evidence, request
            ).items():
                if day.isoformat() not in texts or len(cands) < 2:
                    continue
                rows = []
                for c in cands:
                    r1, r2 = rouge_f(rouge, c.source.sentence, texts[day.isoformat()])
                    rows.append(
                        {"x": dict(c.features), "r1": r1, "r2": r2, "value": c.value}
                    )
                days.append(
                    {"collection": name, "timeline": n, "day": str(day), "rows": rows}
                )
        print(f"{name}: dumped", flush=True)
    return days, names


def fit(days: list[dict], features: list[str], method: str, target: str, c: float):
    """Coefficients on the features' own scale (a dot product at run time)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression, Ridge

    xs = np.array([[r["x"][f] for f in features] for d in days for r in d["rows"]])
    mean, std = xs.mean(axis=0), xs.std(axis=0)
    std[std == 0] = 1.0
    rng = random.Random(13)
    X, y, w = [], [], []
    for d in days:
        rows = d["rows"]
        feats = (np.array([[r["x"][f] for f in features] for r in rows]) - mean) / std
        ys = [goal(r, target) for r in rows]
        if method == "ridge":
            fm, ym = feats.mean(axis=0), statistics.fmean(ys)
            for i in range(len(rows)):
                X.append(feats[i] - fm)
                y.append(ys[i] - ym)
                w.append(1.0 / len(rows))
            continue
        pairs = [
            (i, j)
            for i in range(len(rows))
            for j in range(i + 1, len(rows))
            if abs(ys[i] - ys[j]) >= MIN_TARGET_GAP
        ]
        if len(pairs) > MAX_PAIRS:
            pairs = rng.sample(pairs, MAX_PAIRS)
        for i, j in pairs:
            better = ys[i] > ys[j]
            # both orientations: no intercept, symmetric classes
            X += [feats[i] - feats[j], feats[j] - feats[i]]
            y += [int(better), int(not better)]
            w += [0.5 / len(pairs)] * 2
    X, y, w = np.array(X), np.array(y), np.array(w) * len(days) / max(sum(w), 1e-9)
    if method == "ridge":
        model = Ridge(alpha=1.0 / c, fit_intercept=False).fit(X, y, sample_weight=w)
        coef = model.coef_ / max(np.abs(model.coef_).max(), 1e-12)
        # on a scale comparable with the pairwise model's: the largest 1
    else:
        model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
        coef = model.fit(X, y, sample_weight=w).coef_[0]
    return {f: float(coef[k] / std[k]) for k, f in enumerate(features)}


def goal(row: dict, target: str) -> float:
    return row["r1"] + (row["r2"] if target == "mix" else 0.0)


def chosen_target(days: list[dict], coef: dict | None) -> float:
    """Mean ROUGE-1 F of the best-valued candidate of each gold date (the
    gold dates given, one sentence a day): a quick check of the choice."""
    import timeline.keyevents.rank as rank

    out = []
    for d in days:
        if coef is None:
            best = max(d["rows"], key=lambda r: r["value"])
        else:
            best = max(d["rows"], key=lambda r: rank.learned_value(r["x"], coef))
        out.append(best["r1"])
    return statistics.fmean(out) if out else 0.0


def api_scores(db_dir: Path, t17: Path, names: list[str]) -> dict[str, list]:
    """(date F1, AR-1, AR-2) of each gold timeline, through /api/key-events/."""
    from django.core.cache import caches

    from timeline.keyevents.evaluation import read_gold, score
    from timeline.management.commands.evaluate_timeline import (
        ask_key_events,
        using_database,
    )

    out = {}
    for name in names:
        timelines = t17 / f"{name}.timelines.json"
        rows = []
        with using_database(f"sqlite:///{(db_dir / f'{name}.sqlite3').resolve()}"):
            for n, gold in enumerate(read_gold(timelines)):
                for alias in caches:  # the key view is cached per data stamp
                    caches[alias].clear()
                predicted = ask_key_events(
                    start=gold.start,
                    end=gold.end,
                    dates=gold.n_dates,
                    per_date=gold.sentences_per_date,
                )
                (s,) = score(timelines, predicted, only=n)
                rows.append((s.date_f1, s.ar1_f, s.ar2_f))
        out[name] = rows
    return out


def held_out_scores(args, days: list[dict], names: list[str], features: list[str]):
    """Leave one story out over these collections: each story scored through
    the API with the coefficients fitted on the others."""
    import timeline.keyevents.rank as rank

    out: dict[str, list] = {}
    for s in sorted({story(n) for n in names}):
        train = [d for d in days if story(d["collection"]) != s]
        train = [d for d in train if d["collection"] in names]
        coef = fit(train, features, args.method, args.target, args.c)
        rank.SUMMARY_COEFFICIENTS = {f: w * args.scale for f, w in coef.items()}
        try:
            out.update(
                api_scores(args.dir, args.t17, [n for n in names if story(n) == s])
            )
        finally:
            rank.SUMMARY_COEFFICIENTS = {}
    return out


def objective(rows: list) -> float:
    """bench/keyevents_loso.py's criterion: each measure over its target."""
    f1, ar1, ar2 = mean3(rows)
    return f1 / 0.68 + ar1 / 0.15 + ar2 / 0.045


def nested(args, days: list[dict], names: list[str], hand: dict) -> None:
    """Each outer fold chooses its feature set by leave one story out on its
    own four stories (the hand-set product is one more choice), then fits on
    the four and scores the held-out story: no choice sees the held-out."""
    import timeline.keyevents.rank as rank

    everything = sorted(days[0]["rows"][0]["x"])
    sets = [everything if n == "all" else n.split(",") for n in args.nested]
    held: dict[str, list] = {}
    for s in sorted({story(n) for n in names}):
        inner = [n for n in names if story(n) != s]
        scores = {"hand": objective([r for n in inner for r in hand[n]])}
        for features in sets:
            got = held_out_scores(args, days, inner, features)
            scores[",".join(features)] = objective([r for v in got.values() for r in v])
        best = max(scores, key=scores.get)
        test = [n for n in names if story(n) == s]
        if best == "hand":
            got = {n: hand[n] for n in test}
        else:
            train = [d for d in days if story(d["collection"]) != s]
            coef = fit(train, best.split(","), args.method, args.target, args.c)
            rank.SUMMARY_COEFFICIENTS = {f: w * args.scale for f, w in coef.items()}
            try:
                got = api_scores(args.dir, args.t17, test)
            finally:
                rank.SUMMARY_COEFFICIENTS = {}
        held.update(got)
        inner_fmt = ", ".join(f"{k[:40]} {v:.3f}" for k, v in scores.items())
        print(
            f"held out {s:6}: chose {best[:60]} (inner: {inner_fmt}) -> "
            f"{fmt(mean3([r for v in got.values() for r in v]))}",
            flush=True,
        )
    every = [r for n in names for r in held[n]]
    print(f"nested leave-one-story-out average: {fmt(mean3(every))}")
    print(f"the product: {fmt(mean3([r for n in names for r in hand[n]]))}")


def mean3(rows: list) -> tuple[float, float, float]:
    return tuple(statistics.fmean(r[i] for r in rows) for i in range(3))


def fmt(m: tuple[float, float, float]) -> str:
    return f"date F1 {m[0]:.3f} AR-1 {m[1]:.4f} AR-2 {m[2]:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", type=Path)
    parser.add_argument("--t17", type=Path, default=ROOT.parent / "shared" / "t17")
    parser.add_argument("--method", choices=["pairwise", "ridge"], default="pairwise")
    parser.add_argument("--target", choices=["r1", "mix"], default="r1")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument(
        "--features", help="comma-separated subset of rank.summary_features"
    )
    parser.add_argument(
        "--without", default="", help="comma-separated features left out"
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiply the fitted coefficients (how peaked the value is, "
        "against MMR's redundancy term)",
    )
    parser.add_argument(
        "--nested",
        action="append",
        metavar="F1,F2|all",
        help="feature sets to choose from inside each fold (repeatable): each "
        "fold picks the set best by leave-one-story-out on its four stories",
    )
    parser.add_argument("--out", type=Path, help="write the results as JSON")
    parser.add_argument(
        "--cache", type=Path, help="the dumped candidates (written if absent)"
    )
    args = parser.parse_args()
    os.environ.setdefault("DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsline.settings"
    import django

    django.setup()
    import timeline.keyevents.rank as rank

    # Everything here is measured against the hand-set product (the value
    # before this bench's coefficients: `main` before branch summ6).
    in_module = dict(rank.SUMMARY_COEFFICIENTS)
    rank.SUMMARY_COEFFICIENTS = {}
    if args.cache and args.cache.exists():
        days, names = json.loads(args.cache.read_text())
    else:
        days, names = dump(args.dir, args.t17)
        if args.cache:
            args.cache.write_text(json.dumps([days, names]))
    features = (
        args.features.split(",")
        if args.features
        else sorted(set(days[0]["rows"][0]["x"]) - set(args.without.split(",")))
    )
    print(
        f"{len(days)} gold dates with 2 or more candidates, "
        f"{sum(len(d['rows']) for d in days)} candidates; features {features}"
    )
    hand = api_scores(args.dir, args.t17, names)
    if args.nested:
        nested(args, days, names, hand)
        return
    results: dict = {"hand": hand, "folds": {}}
    held: dict[str, list] = {}
    for s in sorted({story(n) for n in names}):
        train = [d for d in days if story(d["collection"]) != s]
        test = [d for d in days if story(d["collection"]) == s]
        coef = fit(train, features, args.method, args.target, args.c)
        coef = {f: w * args.scale for f, w in coef.items()}
        rank.SUMMARY_COEFFICIENTS = coef
        try:
            got = api_scores(args.dir, args.t17, [n for n in names if story(n) == s])
        finally:
            rank.SUMMARY_COEFFICIENTS = {}
        held.update(got)
        rows = [r for v in got.values() for r in v]
        base = [r for n in got for r in hand[n]]
        print(
            f"held out {s:6}: {fmt(mean3(rows))} (product {fmt(mean3(base))}); "
            f"gold dates given, best-valued R1 {chosen_target(test, coef):.4f} "
            f"(product {chosen_target(test, None):.4f})",
            flush=True,
        )
        results["folds"][s] = {"coefficients": coef, "scores": got}
    every = [r for n in names for r in held[n]]
    print(f"leave-one-story-out average ({len(every)} timelines): {fmt(mean3(every))}")
    print(
        "the product, same requests:          "
        f"{fmt(mean3([r for n in names for r in hand[n]]))}"
    )
    for n in names:
        print(
            f"  {n:22} held out {fmt(mean3(held[n]))}   product {fmt(mean3(hand[n]))}"
        )
    coef = fit(days, features, args.method, args.target, args.c)
    print("coefficients fitted on all five stories (what would ship):")
    for f in features:
        print(f"  {f:16} {coef[f]:+.4f}")
    print(f"in rank.SUMMARY_COEFFICIENTS now: {in_module}")
    results["all"] = coef
    results["held_out"] = held
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
