"""People, organisations and countries on real news: the 11 Timeline17 collections.

    .venv/bin/python bench/entities_t17.py [--t17 ../shared/t17] [--out FILE.json]
        [--sample 60] [--seed 17] [--batch-size 16] [--per-collection N]
        [--max-chars N]

Runs extraction only (no database) over ../shared/t17/*.articles.jsonl,
articles in order of publication, with a Lexicon built in memory the way
ingestion builds it as articles arrive: after each batch, the people and
organisations of the stored events are known names, and the aliases an
article established (a surname, another spelling; `learn_aliases`, the rule
ingestion uses) map later mentions to them; a new person name that is
another spelling of a known one is that person (as `NameResolver.create_new`
decides at store time). Each collection's publisher is passed as ingestion
passes Article.publisher.

Prints the 50 most frequent people and organisations and the 100 most
frequent people (by events), and writes them, with a random sample of events
(fixed seed) for checking by hand against ../shared/docs/event-quality.md,
to --out. The t17 texts are read at run time and never stored here; the
output holds names and the sampled events' sentences for review only (keep
it out of the repository).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.entities import (  # noqa: E402
    PeopleIndex,
    default_lexicon,
    learn_aliases,
    normalise_alias,
)
from timeline.extraction.pipeline import extract  # noqa: E402
from timeline.extraction.types import Document, Extraction, Lexicon  # noqa: E402

T17 = ROOT.parent / "shared" / "t17"
PUBLISHERS = {
    "bbc": "BBC",
    "guardian": "The Guardian",
    "reuters": "Reuters",
    "foxnews": "Fox News",
    "washingtonpost": "The Washington Post",
}


def load(
    t17: Path, per_collection: int | None = None, max_chars: int | None = None
) -> list[Document]:
    """The articles of the collections, oldest first (ties: by id): each
    collection's first `per_collection` (by date) of at most `max_chars`."""
    docs = []
    for path in sorted(t17.glob("*.articles.jsonl")):
        site = path.name.split(".")[0].split("_", 1)[1]
        rows = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if max_chars and len(d["text"]) > max_chars:
                    continue
                rows.append(d)
        rows.sort(key=lambda d: (d["published"], d["id"]))
        for d in rows[:per_collection]:
            docs.append(
                Document(
                    text=d["text"],
                    published=date.fromisoformat(d["published"]),
                    doc_id=d["id"],
                    publisher=PUBLISHERS.get(site, site),
                )
            )
    docs.sort(key=lambda d: (d.published, d.doc_id))
    return docs


class MemoryStore:
    """What ingestion would have stored, as plain dicts: known people and
    organisations (normalised name or alias -> canonical) and the aliases."""

    def __init__(self) -> None:
        self.people: dict[str, str] = {}
        self.organizations: dict[str, str] = {}
        self.index = PeopleIndex(())
        self.renamed: Counter = Counter()  # variant spelling -> stored person
        self.events: Counter = Counter()  # person -> events naming them

    def lexicon(self) -> Lexicon:
        return Lexicon(people=dict(self.people), organizations=dict(self.organizations))

    def store(self, extraction: Extraction) -> Extraction:
        """Record the article's names; its events with their stored names."""
        rename: dict[str, str] = {}
        for event in extraction.events:
            for name in event.actors:
                key = normalise_alias(name)
                if key in self.people or name in rename:
                    continue
                known = self.index.variant_of(name) if " " in key else None
                if known is not None:
                    rename[name] = known
                    self.people[key] = known
                    self.renamed[f"{name} -> {known}"] += 1
                else:
                    self.people[key] = name
                    self.index.add(name)
            for name in event.organizations:
                self.organizations.setdefault(normalise_alias(name), name)
        learned = learn_aliases(
            known=self.people,
            found=[(a, rename.get(c, c)) for a, c in extraction.aliases],
            events=self.events,
        )
        stored = {normalise_alias(n) for n in self.people.values()}
        for alias, canonical in learned.items():
            if normalise_alias(canonical) in stored:
                self.people[alias] = canonical
        for event in extraction.events:
            self.events.update(rename.get(a, a) for a in event.actors)
        if not rename:
            return extraction
        events = tuple(
            replace(e, actors=tuple(dict.fromkeys(rename.get(a, a) for a in e.actors)))
            for e in extraction.events
        )
        return replace(extraction, events=events)


def run(docs: list[Document], batch_size: int) -> tuple[list, MemoryStore, float]:
    store = MemoryStore()
    rows = []
    started = time.perf_counter()
    for offset in range(0, len(docs), batch_size):
        batch = docs[offset : offset + batch_size]
        lexicon = store.lexicon()
        for document, extraction in zip(
            batch, extract(batch, lexicon=lexicon, batch_size=batch_size), strict=True
        ):
            extraction = store.store(extraction)
            for event in extraction.events:
                rows.append((document, event))
    return rows, store, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--t17", type=Path, default=T17)
    parser.add_argument("--out", type=Path, help="write lists and sample here")
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--per-collection", type=int, help="each collection's first N articles"
    )
    parser.add_argument(
        "--max-chars", type=int, help="leave out articles longer than this"
    )
    args = parser.parse_args()
    if not args.t17.is_dir():
        sys.exit(f"no Timeline17 collections at {args.t17} (../shared/t17)")
    docs = load(args.t17, args.per_collection, args.max_chars)
    rows, store, seconds = run(docs, args.batch_size)
    people: Counter = Counter()
    orgs: Counter = Counter()
    countries: Counter = Counter()
    for _, event in rows:
        people.update(event.actors)
        orgs.update(event.organizations)
        countries.update(event.countries)
    both = Counter({f"person: {k}": v for k, v in people.items()})
    both.update({f"organisation: {k}": v for k, v in orgs.items()})
    print(f"{len(docs)} articles, {len(rows)} events, {seconds:.0f} s")
    print(
        f"{len(people)} people, {len(orgs)} organisations, "
        f"{len(store.people) - len(set(store.people.values()))} person aliases, "
        f"{sum(store.renamed.values())} variant spellings merged"
    )
    print("\n## 50 most frequent people and organisations (events)")
    for name, n in both.most_common(50):
        print(f"{n:6d}  {name}")
    print("\n## 100 most frequent people (events)")
    for name, n in people.most_common(100):
        print(f"{n:6d}  {name}")
    print("\n## countries (events)")
    print(", ".join(f"{c} {n}" for c, n in countries.most_common(30)))
    known = sorted(set(default_lexicon().people.values()))
    rng = random.Random(args.seed)
    sample = rng.sample(rows, min(args.sample, len(rows)))
    if args.out:
        args.out.write_text(
            json.dumps(
                {
                    "articles": len(docs),
                    "events": len(rows),
                    "seconds": round(seconds, 1),
                    "top_people_and_organisations": both.most_common(50),
                    "top_people": people.most_common(100),
                    "top_organisations": orgs.most_common(100),
                    "countries": countries.most_common(),
                    "variants": store.renamed.most_common(),
                    "aliases": {
                        k: v
                        for k, v in sorted(store.people.items())
                        if normalise_alias(v) != k
                    },
                    "default_people": len(known),
                    "sample": [
                        {
                            "doc": d.doc_id,
                            "published": d.published.isoformat(),
                            "sentence": e.sentence,
                            "expression": e.expression,
                            "date": e.value,
                            "kind": e.kind,
                            "actors": e.actors,
                            "organizations": e.organizations,
                            "countries": e.countries,
                        }
                        for d, e in sample
                    ],
                },
                indent=1,
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
