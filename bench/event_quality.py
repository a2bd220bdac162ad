"""Event quality on real news: how many events, how many of kind "other", and
a fixed random sample to review by hand with ../shared/docs/event-quality.md.

    .venv/bin/python bench/event_quality.py [--sample 100] [--seed 17]
        [--out /tmp/newsline-event-sample.jsonl] [--only wikinews,bpoil_bbc]

Runs timeline.extraction.pipeline.extract (no database) over the bundled
Wikinews sample (samples/wikinews-meantime.jsonl) and over the Timeline17
collections in ../shared/t17/*.articles.jsonl (skipped, with a note, when
../shared is absent). Prints, per corpus and for all of t17: articles, events,
events per article, the share of each kind and of kind "other". Writes the
sample (the same seed gives the same events for the same extraction) as JSON
lines with title, kind, modality, date, expression and evidence, outside the
repository: t17 text must never be committed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.kinds import KINDS, OTHER  # noqa: E402
from timeline.extraction.pipeline import extract  # noqa: E402
from timeline.extraction.types import Document  # noqa: E402

WIKINEWS = ROOT / "samples" / "wikinews-meantime.jsonl"
T17 = ROOT.parent / "shared" / "t17"


def corpora(only: set[str] | None) -> list[tuple[str, Path]]:
    found = [("wikinews", WIKINEWS)]
    if T17.is_dir():
        found += [
            (p.name.split(".")[0], p) for p in sorted(T17.glob("*.articles.jsonl"))
        ]
    else:
        print(f"note: {T17} is absent; Timeline17 skipped", file=sys.stderr)
    return [(n, p) for n, p in found if not only or n in only]


def documents(path: Path) -> list[Document]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out.append(
                Document(row["text"], date.fromisoformat(row["published"]), row["id"])
            )
    return out


def shares(kinds: Counter[str]) -> str:
    total = sum(kinds.values()) or 1
    return ", ".join(
        f"{k} {100 * kinds[k] / total:.1f}%" for k in KINDS if kinds.get(k)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--out", type=Path, default=Path("/tmp/newsline-event-sample.jsonl")
    )
    parser.add_argument("--only", help="comma-separated corpus names")
    args = parser.parse_args()
    if ROOT in args.out.resolve().parents:
        parser.error("--out must be outside the repository (t17 text is not ours)")
    only = set(args.only.split(",")) if args.only else None

    pool: dict[str, list[dict]] = {"wikinews": [], "t17": []}
    t17_kinds: Counter[str] = Counter()
    t17_articles = 0
    print("| corpus | articles | events | per article | other | kinds |")
    print("|---|---:|---:|---:|---:|---|")
    for name, path in corpora(only):
        docs = documents(path)
        kinds: Counter[str] = Counter()
        t0 = time.perf_counter()
        for document, extraction in zip(docs, extract(docs), strict=True):
            for e in extraction.events:
                kinds[e.kind] += 1
                pool["wikinews" if name == "wikinews" else "t17"].append(
                    {
                        "corpus": name,
                        "doc_id": document.doc_id,
                        "published": document.published.isoformat(),
                        "title": e.title,
                        "kind": e.kind,
                        "modality": e.modality,
                        "value": e.value,
                        "expression": e.expression,
                        "sentence": e.sentence,
                        "actors": list(e.actors),
                        "organizations": list(e.organizations),
                        "countries": list(e.countries),
                    }
                )
        n = sum(kinds.values())
        print(
            f"| {name} | {len(docs)} | {n} | {n / max(1, len(docs)):.1f} "
            f"| {100 * kinds[OTHER] / max(1, n):.1f}% | {shares(kinds)} |",
            flush=True,
        )
        print(f"  ({name}: {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        if name != "wikinews":
            t17_kinds.update(kinds)
            t17_articles += len(docs)
    if t17_articles:
        n = sum(t17_kinds.values())
        print(
            f"| **all t17** | {t17_articles} | {n} | {n / t17_articles:.1f} "
            f"| {100 * t17_kinds[OTHER] / max(1, n):.1f}% | {shares(t17_kinds)} |"
        )
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as fh:
        for events in pool.values():
            for row in rng.sample(events, min(args.sample, len(events))):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"\nsample: {args.sample} events a corpus group (seed {args.seed}) "
        f"-> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
