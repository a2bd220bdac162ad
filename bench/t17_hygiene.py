"""Input hygiene on real scraped news: how many events furniture and comments made.

    .venv/bin/python bench/t17_hygiene.py [--out /tmp/t17_hygiene] [--seed 12]
        [--sample 60] [--collections bpoil_bbc ...] [--limit N] [--rescore]

Runs `timeline.extraction.pipeline.extract` (no database) over the articles
of the Timeline17 collections in ../shared/t17/ with the furniture filter
switched off, then applies `hygiene.furniture_spans` to every event as the
pipeline does, and reports per collection: events in all, events the filter
drops (by reason), events kept, and kept events whose line is repeated
verbatim in >= BOILERPLATE_ARTICLES articles of the collection (what
ingestion's corpus-level boilerplate screen retracts once all articles are
in). Writes, outside the repository:

  OUT/events.jsonl   every event with its verdict (for re-analysis),
  OUT/sample.txt     a random sample (fixed seed) of flagged events' evidence
                     and of kept events' evidence, to check by hand.

`--rescore` judges the events of an earlier run's events.jsonl again with the
current rules (extraction, the slow part, is not repeated).

The t17 texts are copyrighted: nothing of them is written into the repo.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction import pipeline  # noqa: E402
from timeline.extraction.hygiene import (  # noqa: E402
    Screen,
    furniture_spans,
    line_at,
    line_hash,
    normalise_line,
)
from timeline.extraction.types import Document  # noqa: E402

T17 = ROOT.parent / "shared" / "t17"
# The same threshold as timeline/ingestion/boilerplate.py (which imports Django).
BOILERPLATE_ARTICLES = 3
MIN_LINE_CHARS = 20


def _extract(articles: dict[str, list[dict]]) -> list[dict]:
    """Every event extract() makes, furniture filter off, with its offsets."""
    pipeline_filter = pipeline._without_furniture
    pipeline._without_furniture = lambda text, events: list(events)
    rows: list[dict] = []
    try:
        for name, items in articles.items():
            docs = [
                Document(a["text"], date.fromisoformat(a["published"]), str(i))
                for i, a in enumerate(items)
            ]
            for extraction in pipeline.extract(docs):
                a = items[int(extraction.doc_id)]
                rows.extend(
                    {
                        "collection": name,
                        "id": a["id"],
                        "value": e.value,
                        "expression": e.expression,
                        "sentence": e.sentence,
                        "offsets": [
                            e.sentence_start,
                            e.sentence_end,
                            e.expression_start,
                            e.expression_end,
                        ],
                    }
                    for e in extraction.events
                )
            print(f"{name}: {len(items)} articles", file=sys.stderr)
    finally:
        pipeline._without_furniture = pipeline_filter
    return rows


def _judge(rows: list[dict], articles: dict[str, list[dict]]) -> None:
    """Set each row's `flagged` (the furniture reason, or "") and `repeated`
    (in how many articles of its collection its line is)."""
    texts = {a["id"]: a["text"] for items in articles.values() for a in items}
    seen: dict[str, collections.Counter[str]] = {}
    for name, items in articles.items():
        seen[name] = collections.Counter()
        for a in items:
            seen[name].update(
                {
                    line_hash(line)
                    for line in a["text"].split("\n")
                    if len(normalise_line(line)) >= MIN_LINE_CHARS
                }
            )
    screens: dict[str, Screen] = {}
    for r in rows:
        text = texts[r["id"]]
        if r["id"] not in screens:
            screens.clear()  # one article at a time: rows come in article order
            screens[r["id"]] = Screen(furniture_spans(text))
        screen = screens[r["id"]]
        s_start, s_end, e_start, e_end = r["offsets"]
        r["flagged"] = ""
        if screen.excludes(
            sentence=(s_start, s_end), expression=(e_start, e_end), text=text
        ):
            r["flagged"] = screen.reason_at(e_start) or next(
                (
                    reason
                    for p in range(s_start, s_end)
                    if (reason := screen.reason_at(p))
                ),
                "?",
            )
        ls, le = line_at(text, s_start)
        line = text[ls:le]
        r["repeated"] = (
            seen[r["collection"]][line_hash(line)]
            if len(normalise_line(line)) >= MIN_LINE_CHARS
            else 0
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/t17_hygiene")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--collections", nargs="*", default=None)
    ap.add_argument("--limit", type=int, default=0, help="articles per collection")
    ap.add_argument(
        "--rescore",
        action="store_true",
        help="judge the events of OUT/events.jsonl again (no spaCy run)",
    )
    args = ap.parse_args()
    if not T17.is_dir():
        print(f"no Timeline17 data at {T17}", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(T17.glob("*.articles.jsonl"))
    if args.collections:
        files = [f for f in files if f.name.split(".")[0] in args.collections]

    articles = {
        name: [json.loads(line) for line in path.open(encoding="utf-8")]
        for path in files
        if (name := path.name.split(".")[0])
    }
    if args.limit:
        articles = {k: v[: args.limit] for k, v in articles.items()}
    started = time.process_time()
    if args.rescore:  # verdicts again, on the events of an earlier run
        with (out / "events.jsonl").open(encoding="utf-8") as f:
            rows = [r for r in map(json.loads, f) if r["collection"] in articles]
    else:
        rows = _extract(articles)
    _judge(rows, articles)
    seconds = time.process_time() - started

    with (out / "events.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    by = collections.defaultdict(collections.Counter)
    for r in rows:
        c = by[r["collection"]]
        c["events"] += 1
        if r["flagged"]:
            c["flagged"] += 1
            c["flagged:" + r["flagged"]] += 1
        else:
            c["kept"] += 1
            if r["repeated"] >= BOILERPLATE_ARTICLES:
                c["kept_boilerplate"] += 1
    total: collections.Counter[str] = collections.Counter()
    print("| collection | events | flagged | kept | kept, line in >= 3 articles |")
    print("|---|---|---|---|---|")
    for name in sorted(by):
        c = by[name]
        total.update(c)
        print(
            f"| {name} | {c['events']} | {c['flagged']} | {c['kept']} | "
            f"{c['kept_boilerplate']} |"
        )
    print(
        f"| all | {total['events']} | {total['flagged']} | {total['kept']} | "
        f"{total['kept_boilerplate']} |"
    )
    reasons = sorted(
        ((k.split(":", 1)[1], v) for k, v in total.items() if k.startswith("flagged:")),
        key=lambda kv: -kv[1],
    )
    print("flagged by reason: " + ", ".join(f"{k} {v}" for k, v in reasons))
    print(f"CPU seconds: {seconds:.0f}")

    rnd = random.Random(args.seed)
    flagged = [r for r in rows if r["flagged"]]
    kept = [
        r for r in rows if not r["flagged"] and r["repeated"] < BOILERPLATE_ARTICLES
    ]
    with (out / "sample.txt").open("w", encoding="utf-8") as f:
        for title, pool in (("FLAGGED", flagged), ("KEPT", kept)):
            f.write(f"===== {title} (seed {args.seed}, {len(pool)} in all)\n")
            for n, r in enumerate(rnd.sample(pool, min(args.sample, len(pool))), 1):
                f.write(
                    f"{n}. [{r['flagged'] or 'kept'}] {r['id']} "
                    f"«{r['expression']}» {r['value']}\n   {r['sentence'][:400]}\n"
                )
    print(f"wrote {out / 'events.jsonl'} and {out / 'sample.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
