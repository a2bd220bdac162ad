"""Ingest the Timeline17 collections in ../shared/t17 and report event quality.

    .venv/bin/python bench/t17_ingest.py [--db PATH] [--only NAME ...]
        [--articles N] [--sample 120] [--seed 17] [--out /tmp/t17-sample.jsonl]

Each collection is ingested the way a user would ingest a site's articles
(`manage.py ingest` on its JSONL, the site as publisher) into one SQLite file
database (a fresh temporary one unless `--db` names one to keep). With
`--articles N`, a random subset (`--seed`) of about N articles is ingested
instead, spread over the collections in proportion to their size (at least
one each), for a run that fits a loaded machine. Reported:

- articles per second and the process's peak resident memory;
- events, the share of kind "other", events per kind;
- the 50 most frequent people and organisations (by events), for a check by
  hand that no place is among them;
- among the 100 most frequent people, single-word names that are the last
  word of another listed person's name ("Obama" beside "Barack Obama"),
  and pairs that are one person under first-name variants ("Ken Feinberg"
  beside "Kenneth Feinberg");
- a random sample of events (`--seed`) written as JSON lines to `--out`, each
  with its title, kind, date, actors, countries and evidence, for review with
  ../shared/docs/event-quality.md. The sample stays outside the repository:
  the collections' text must never be committed.

The texts are copyrighted news for research use: this script reads them from
../shared and writes nothing of them into the repository.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T17 = ROOT.parent / "shared" / "t17"
sys.path.insert(0, str(ROOT))


def _collections(only: list[str]) -> list[Path]:
    paths = sorted(T17.glob("*.articles.jsonl"))
    if only:
        paths = [p for p in paths if p.name.split(".")[0] in only]
    return paths


def _subset(items: list, share: float | None, rng: random.Random) -> list:
    """A random subset of about `share` of `items` (at least one), in order."""
    if share is None or not items:
        return items
    k = min(len(items), max(1, round(share * len(items))))
    keep = set(rng.sample(range(len(items)), k))
    return [item for i, item in enumerate(items) if i in keep]


def _ingest(
    paths: list[Path], articles: int | None = None, seed: int = 17
) -> tuple[int, int, float]:
    from dataclasses import replace

    from timeline.ingestion.sources import ArticleInput, SourceOptions, read_jsonl_file
    from timeline.ingestion.store import ingest

    share = None
    if articles is not None:
        total = sum(1 for p in paths for line in p.open() if line.strip())
        share = min(1.0, articles / max(total, 1))
    rng = random.Random(seed)
    read = stored = 0
    t0 = time.perf_counter()
    for path in paths:
        collection = path.name.split(".")[0]
        site = collection.split("_", 1)[1]
        items = []
        for item in read_jsonl_file(path, SourceOptions()):
            if isinstance(item, ArticleInput) and not item.publisher:
                item = replace(item, publisher=site)
            items.append(item)
        items = _subset(items, share, rng)
        t1 = time.perf_counter()
        summary = ingest(items)
        read += len(items)
        stored += summary.stored
        print(
            f"{collection:<28} {len(items):>5} articles  stored {summary.stored:>5}"
            f"  failed {summary.failed:>3}  events {summary.events_created:>6}"
            f"  {time.perf_counter() - t1:7.1f} s",
            flush=True,
        )
    return read, stored, time.perf_counter() - t0


def _surname_pairs(names: list[str]) -> list[tuple[str, str]]:
    full = [n for n in names if len(n.split()) > 1]
    pairs = []
    for name in names:
        if len(name.split()) != 1:
            continue
        for other in full:
            if other.split()[-1].casefold() == name.casefold():
                pairs.append((name, other))
    return pairs


def _variant_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Pairs of listed people that are one person under first-name variants
    ("Ken Feinberg" beside "Kenneth Feinberg")."""
    from timeline.extraction.names import first_name_variant

    return [
        (a, b)
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if first_name_variant(a, b)
    ]


def _report(sample: int, seed: int, out: Path) -> None:
    from django.db.models import Count

    from timeline.models import Actor, ActorKind, Event

    events = Event.objects.visible()
    total = events.count()
    kinds = Counter(dict(events.values_list("kind").annotate(n=Count("id"))))
    other = kinds.get("other", 0)
    print(f"\nevents {total}; kind 'other' {other} ({other / max(total, 1):.1%})")
    print("kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))

    def top(kind: str, n: int) -> list[tuple[str, int]]:
        return list(
            Actor.objects.filter(kind=kind)
            .annotate(n=Count("events"))
            .order_by("-n", "name")
            .values_list("name", "n")[:n]
        )

    for kind, label in (
        (ActorKind.PERSON, "people"),
        (ActorKind.ORGANIZATION, "organisations"),
    ):
        rows = top(kind, 50)
        print(f"\n50 most frequent {label}:")
        print("; ".join(f"{name} {n}" for name, n in rows))
    people = [name for name, _ in top(ActorKind.PERSON, 100)]
    pairs = _surname_pairs(people)
    print(f"\nsurname + full name among the 100 most frequent people: {len(pairs)}")
    for short, full in pairs:
        print(f"  {short!r} beside {full!r}")
    variants = _variant_pairs(people)
    print(f"first-name variants among the 100 most frequent people: {len(variants)}")
    for a, b in variants:
        print(f"  {a!r} beside {b!r}")

    ids = list(events.values_list("id", flat=True).order_by("id"))
    picked = sorted(random.Random(seed).sample(ids, min(sample, len(ids))))
    with out.open("w", encoding="utf-8") as fh:
        for event in (
            Event.objects.filter(id__in=picked)
            .prefetch_related("actors", "countries", "mentions__article")
            .order_by("id")
        ):
            mentions = list(event.mentions.all())
            fh.write(
                json.dumps(
                    {
                        "id": event.id,
                        "title": event.title,
                        "kind": event.kind,
                        "value": event.value,
                        "modality": event.modality,
                        "actors": [f"{a.name} ({a.kind})" for a in event.actors.all()],
                        "countries": [c.name for c in event.countries.all()],
                        "sources": event.source_count,
                        "evidence": [
                            {
                                "article": m.article.external_id or m.article_id,
                                "published": m.article.published.isoformat(),
                                "expression": m.expression,
                                "sentence": m.sentence,
                            }
                            for m in mentions[:3]
                        ],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"\nsample of {len(picked)} events (seed {seed}) written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--db", type=Path, help="SQLite file to keep (default: temporary)"
    )
    parser.add_argument("--only", nargs="*", default=[], help="collection names")
    parser.add_argument(
        "--articles", type=int, help="ingest a random subset of about N articles"
    )
    parser.add_argument("--sample", type=int, default=120)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", type=Path, default=Path("/tmp/t17-sample.jsonl"))
    parser.add_argument(
        "--report-only", action="store_true", help="report on --db without ingesting"
    )
    args = parser.parse_args()
    if not T17.is_dir():
        sys.exit(f"{T17} is missing: this benchmark needs ../shared/t17")

    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="newsline-t17-")
        db = Path(tmp.name) / "t17.sqlite3"
    from bench.benchdb import setup

    setup(db)
    logging.getLogger("newsline.ingest").setLevel(logging.WARNING)

    if not args.report_only:
        read, stored, seconds = _ingest(
            _collections(args.only), args.articles, args.seed
        )
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"\n{read} articles read, {stored} stored in {seconds:.0f} s "
            f"({stored / seconds:.1f} articles/s); peak RSS {peak_mb:.0f} MB"
        )
    _report(args.sample, args.seed, args.out)
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
