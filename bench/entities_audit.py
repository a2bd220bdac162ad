"""Entity audit: the people and organisations extract() finds in the samples.

    .venv/bin/python bench/entities_audit.py [--top 80] [--json OUT]

Runs the real pipeline (`extract()`) over the 120 Wikinews articles of
samples/wikinews-meantime.jsonl plus the seed article and lists, for people
and for organisations, each canonical name with the number of events that
carry it (what the timeline's facets count) and the number of articles it
appears in. Review the lists by eye to judge precision; `--json` writes them
for a before/after diff.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction import load_documents  # noqa: E402
from timeline.extraction.pipeline import extract  # noqa: E402


def audit() -> dict[str, list[tuple[str, int, int]]]:
    """{"people": [(name, events, articles)], "organizations": [...]}, by count."""
    events: dict[str, Counter] = {"people": Counter(), "organizations": Counter()}
    articles: dict[str, Counter] = {"people": Counter(), "organizations": Counter()}
    for extraction in extract(load_documents()):
        seen: dict[str, set[str]] = {"people": set(), "organizations": set()}
        for event in extraction.events:
            for key, names in (
                ("people", event.actors),
                ("organizations", event.organizations),
            ):
                events[key].update(names)
                seen[key].update(names)
        for key, names in seen.items():
            articles[key].update(names)
    return {
        key: [(name, n, articles[key][name]) for name, n in counts.most_common()]
        for key, counts in events.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=80)
    parser.add_argument("--json", type=Path, help="write the full lists here")
    args = parser.parse_args()
    result = audit()
    for key, rows in result.items():
        print(f"## {key}: {len(rows)} distinct, top {min(args.top, len(rows))}")
        print("events articles  name")
        for name, n, a in rows[: args.top]:
            print(f"{n:6d} {a:8d}  {name}")
        print()
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
