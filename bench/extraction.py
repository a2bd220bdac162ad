"""Extraction throughput: spaCy alone vs the whole pipeline, on the same texts.

    .venv/bin/python bench/extraction.py [--rounds 3] [--batch-size 16]

Texts: the 120 Wikinews articles of samples/wikinews-meantime.jsonl plus the
seed article. Each round times, side by side in this one process,

  * `nlp.pipe` alone over all texts (the floor: parsing and NER), and
  * `extract()` over the same texts (nlp.pipe + temporal tagging + entities
    + events),

and, on the docs already parsed, each post-spaCy step alone (the temporal
tagger, entity resolution, event building). The best of the rounds is kept
for each (least disturbed by other load on the machine). Times are CPU
seconds of this process (time.process_time), which other processes on a
shared machine disturb far less than wall-clock time. Overhead is the sum
of the post-spaCy steps over nlp.pipe, and, as a cross-check that nothing
else costs, (extract - nlp.pipe) / nlp.pipe (noisier on a loaded machine: the
difference of two long runs). Peak memory: the process's peak RSS
(resource.getrusage) after everything, and the peak of Python allocations
(tracemalloc) during one post-spaCy pass, run last since tracing slows code.
Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction import gazetteer  # noqa: E402
from timeline.extraction.entities import EntityResolver  # noqa: E402
from timeline.extraction.events import build_events  # noqa: E402
from timeline.extraction.nlp import default_model_name, get_nlp  # noqa: E402
from timeline.extraction.pipeline import extract  # noqa: E402
from timeline.extraction.temporal.tagger import tag_timexes  # noqa: E402
from timeline.extraction.types import Document  # noqa: E402


def _clock() -> float:
    """CPU seconds of this process: steadier than wall time on a shared machine."""
    return time.process_time()


def load_documents() -> list[Document]:
    docs = [
        Document(
            (ROOT / "samples" / "ukraine-2025-02-24.txt").read_text("utf-8"),
            date(2025, 2, 24),
            "seed",
        )
    ]
    with open(ROOT / "samples" / "wikinews-meantime.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append(
                Document(d["text"], date.fromisoformat(d["published"]), d["id"])
            )
    return docs


def post_spacy(parsed, documents, resolver) -> tuple[float, float, float, int]:
    """Seconds in the tagger, the entity resolver and event building; events."""
    t_timex = t_ent = t_events = 0.0
    n_events = 0
    for doc, document in zip(parsed, documents, strict=True):
        t0 = _clock()
        timexes = tag_timexes(doc, document.published)
        t1 = _clock()
        entities = resolver.resolve(doc)
        t2 = _clock()
        events = build_events(doc, timexes, entities, document.published)
        t3 = _clock()
        t_timex += t1 - t0
        t_ent += t2 - t1
        t_events += t3 - t2
        n_events += len(events)
    return t_timex, t_ent, t_events, n_events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    documents = load_documents()
    texts = [d.text for d in documents]
    chars = sum(len(t) for t in texts)
    t0 = _clock()
    nlp = get_nlp()
    load_s = _clock() - t0
    resolver = EntityResolver()
    resolver.use_dictionary(nlp)
    # Warm up: first-use costs (matcher build, dateparser, the gazetteer,
    # lazy imports); the gazetteer's load is reported on its own.
    t0 = _clock()
    gazetteer.places()
    gazetteer_s = _clock() - t0
    list(extract(documents[:3], batch_size=args.batch_size))

    best = {"pipe": 1e9, "extract": 1e9, "timex": 1e9, "entities": 1e9, "events": 1e9}
    n_events = 0
    parsed = []
    for r in range(args.rounds):
        # Alternate which goes first, so neither always gets the warmer caches.
        for step in ("pipe", "extract") if r % 2 == 0 else ("extract", "pipe"):
            t0 = _clock()
            if step == "pipe":
                parsed = list(nlp.pipe(texts, batch_size=args.batch_size))
            else:
                out = list(extract(documents, batch_size=args.batch_size))
                n_events = sum(len(x.events) for x in out)
            best[step] = min(best[step], _clock() - t0)

        t_timex, t_ent, t_events, _ = post_spacy(parsed, documents, resolver)
        best["timex"] = min(best["timex"], t_timex)
        best["entities"] = min(best["entities"], t_ent)
        best["events"] = min(best["events"], t_events)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    post_spacy(parsed, documents, resolver)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    n = len(documents)
    pipe, full = best["pipe"], best["extract"]
    overhead = (full - pipe) / pipe
    ours = best["entities"] + best["events"]
    print(
        f"Model `{default_model_name()}` (components: {', '.join(nlp.pipe_names)}), "
        f"loaded in {load_s:.1f} s (gazetteer {gazetteer_s:.1f} s, once); "
        f"{n} articles, {chars:,} characters, "
        f"batch size {args.batch_size}, best of {args.rounds} rounds, CPU time; "
        f"Python {platform.python_version()}, {platform.machine()}.\n"
    )
    print("| measure | value |")
    print("|---|---|")
    print(f"| `nlp.pipe` alone | {pipe:.2f} s ({n / pipe:.1f} articles/s) |")
    print(f"| `extract()` (everything) | {full:.2f} s ({n / full:.1f} articles/s) |")
    steps = best["timex"] + best["entities"] + best["events"]
    print(
        f"| extraction overhead on top of `nlp.pipe`, sum of the post-spaCy steps "
        f"| {steps:.2f} s = {steps / pipe:+.1%} |"
    )
    print(
        f"| extraction overhead, `extract()` minus `nlp.pipe` (noisier: two "
        f"long runs) | {overhead:+.1%} |"
    )
    print(
        f"| of which temporal tagging (`tag_timexes`) | {best['timex']:.2f} s "
        f"({best['timex'] / pipe:.1%} of `nlp.pipe`) |"
    )
    print(
        f"| of which entities + events | {ours:.3f} s ({ours / pipe:.1%} of "
        f"`nlp.pipe`; entities {best['entities']:.3f} s, events {best['events']:.3f} s) |"
    )
    print(f"| events extracted | {n_events} |")
    print(f"| peak RSS of the process | {rss_mb:.0f} MB |")
    print(
        f"| peak Python allocations, one post-spaCy pass (tracemalloc) | "
        f"{traced_peak / 1e6:.1f} MB |"
    )


if __name__ == "__main__":
    main()
