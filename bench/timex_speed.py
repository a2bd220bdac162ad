"""Timex tagging time next to nlp.pipe alone, on the same texts, in one run.

Usage: .venv/bin/python bench/timex_speed.py [CORPUS.jsonl ...]
(default: ../shared/corpora/timebank.jsonl and aquaint.jsonl). Prints CPU
seconds for nlp.pipe and for tag_timexes over the parsed docs, and the ratio.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extraction.nlp import get_nlp  # noqa: E402
from timeline.extraction.temporal.tagger import tag_timexes  # noqa: E402

DEFAULT = [
    Path(__file__).resolve().parent.parent.parent / "shared/corpora" / name
    for name in ("timebank.jsonl", "aquaint.jsonl")
]


def main(paths: list[Path]) -> None:
    rows = [json.loads(line) for p in paths for line in p.open(encoding="utf-8")]
    texts = [r["text"] for r in rows]
    dcts = [date.fromisoformat(r["dct"][:10]) for r in rows]
    nlp = get_nlp()
    list(nlp.pipe(texts[:5]))  # warm up
    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    t_pipe = time.process_time() - t0
    tag_timexes(docs[0], dcts[0])  # warm up (dateparser, caches)
    t0 = time.process_time()
    n = 0
    for doc, dct in zip(docs, dcts, strict=True):
        n += len(tag_timexes(doc, dct))
    t_tag = time.process_time() - t0
    chars = sum(len(t) for t in texts)
    print(f"documents {len(texts)}, characters {chars}, timexes {n}")
    print(f"nlp.pipe      {t_pipe:7.2f} s CPU  ({len(texts) / t_pipe:6.1f} docs/s)")
    print(
        f"tag_timexes   {t_tag:7.2f} s CPU  ({100 * t_tag / t_pipe:5.1f}% of nlp.pipe)"
    )


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or DEFAULT)
