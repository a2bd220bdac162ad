"""Long articles: time and peak memory of extracting one article of 150,000
and of about 2,000,000 characters (issue #12: 150,000 characters never take
the process past 1 GB).

    .venv/bin/python bench/long_article.py [--sizes 150000 1990000]

Each size runs in a fresh process (so each peak is its own): it loads the
spaCy model, then runs `extract()` (the pipeline, in pieces of at most
PIECE_CHARS characters) over one article made of the Wikinews sample
articles (samples/wikinews-meantime.jsonl) repeated, paragraph by paragraph,
to the size. Reported: the process's peak RSS before the article (the model)
and after it (resource.getrusage), wall and CPU seconds of the extraction,
and what it found. Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def article(chars: int) -> str:
    rows = [
        json.loads(line)
        for line in (ROOT / "samples" / "wikinews-meantime.jsonl").open(
            encoding="utf-8"
        )
        if line.strip()
    ]
    paragraphs = [p for row in rows for p in row["text"].split("\n") if p.strip()]
    out: list[str] = []
    size = 0
    while size < chars:
        for p in paragraphs:
            out.append(p)
            size += len(p) + 2
            if size >= chars:
                break
    return "\n\n".join(out)[:chars]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(chars: int, piece_chars: int) -> dict[str, object]:
    from timeline.extraction import pieces
    from timeline.extraction.nlp import get_nlp
    from timeline.extraction.pipeline import extract
    from timeline.extraction.types import Document

    if piece_chars:  # e.g. 10**9: the whole article as one Doc, for comparison
        pieces.PIECE_CHARS = piece_chars
        pieces.BATCH_CHARS = piece_chars
        get_nlp().max_length = max(get_nlp().max_length, chars + 1)

    text = article(chars)
    get_nlp()
    before = peak_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    (result,) = extract([Document(text, date(2013, 1, 1), "long")])
    return {
        "chars": len(text),
        "model_mb": round(before),
        "peak_mb": round(peak_mb()),
        "wall_s": round(time.perf_counter() - wall, 1),
        "cpu_s": round(time.process_time() - cpu, 1),
        "timexes": len(result.timexes),
        "events": len(result.events),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[150_000, 1_990_000])
    parser.add_argument(
        "--piece-chars",
        type=int,
        default=0,
        help="override PIECE_CHARS and BATCH_CHARS (10**9: no pieces)",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.piece_chars)))
        return
    print(
        "| characters | model loaded (MB) | peak RSS (MB) | wall s | CPU s | timexes | events |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for chars in args.sizes:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(chars),
                "--piece-chars",
                str(args.piece_chars),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"| {r['chars']:,} | {r['model_mb']:,} | {r['peak_mb']:,} | {r['wall_s']} "
            f"| {r['cpu_s']} | {r['timexes']:,} | {r['events']:,} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
