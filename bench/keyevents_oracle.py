"""How much could a day's summary gain from a larger pool of candidate
sentences? An oracle on Timeline17 with the gold dates fixed.

    .venv/bin/python bench/keyevents_oracle.py tag DIR --cache CACHE
    .venv/bin/python bench/keyevents_oracle.py score DIR --cache CACHE [--t17 ../shared/t17]

DIR holds one SQLite database per collection (`evaluate_timeline --all
--keep-db DIR`). `tag` parses every stored article once (the extraction's
spaCy model and timex tagger, the page furniture screen) and writes, per
collection, each sentence with the day values of its date expressions to
CACHE/<collection>.json. `score` then builds, for each gold date d, three
pools of candidate sentences:

    a  the evidence sentences of the day-precision events dated d (today's)
    b  a + the leading sentences (after furniture, at most LEAD of them) of
       articles published on d or d + 1 that carry no date expression
    c  b + every sentence of any article with a date expression resolving
       to d (whether or not it made an event)

and picks, for each gold date, K sentences greedily by ROUGE-1 F against
the gold summary of that date (an upper bound: what the best choice from
the pool would score), and scores the timeline with tilse as
evaluate_timeline does. It also reports the pool sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEAD = 3
_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)")


def tag(db_dir: Path, cache: Path) -> None:
    from timeline.extraction.hygiene import furniture_spans
    from timeline.extraction.nlp import get_nlp
    from timeline.extraction.temporal.tagger import tag_timexes

    nlp = get_nlp()
    cache.mkdir(parents=True, exist_ok=True)
    for db in sorted(db_dir.glob("*.sqlite3")):
        out = cache / f"{db.stem}.json"
        if out.exists():
            continue
        con = sqlite3.connect(db)
        rows = con.execute(
            "select id, published, text from timeline_article order by id"
        ).fetchall()
        con.close()
        articles = []
        for (aid, published, text), doc in zip(
            rows, nlp.pipe((r[2] for r in rows), batch_size=16), strict=True
        ):
            dct = date.fromisoformat(published)
            timexes = tag_timexes(doc, dct)
            furniture = furniture_spans(text)
            sentences = []
            for sent in doc.sents:
                s, e = sent.start_char, sent.end_char
                values = [
                    t.value
                    for t in timexes
                    if t.type in ("DATE", "TIME") and t.start < e and t.end > s
                ]
                covered = sum(
                    max(0, min(e, f.end) - max(s, f.start)) for f in furniture
                )
                sentences.append(
                    {
                        "text": " ".join(sent.text.split()),
                        "values": values,
                        "furniture": covered > 0.5 * (e - s),
                    }
                )
            articles.append({"id": aid, "published": published, "sentences": sentences})
        out.write_text(json.dumps(articles))
        print(db.stem, len(articles), "articles", flush=True)


def _tokens(text: str, stem, stop) -> list[str]:
    return [stem(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in stop]


def _f1(pred: list[str], gold: list[str]) -> float:
    if not pred or not gold:
        return 0.0
    from collections import Counter

    overlap = sum((Counter(pred) & Counter(gold)).values())
    if not overlap:
        return 0.0
    p, r = overlap / len(pred), overlap / len(gold)
    return 2 * p * r / (p + r)


def pools(db: Path, cache: Path) -> dict[str, dict[date, set[str]]]:
    con = sqlite3.connect(db)
    a: dict[date, set[str]] = defaultdict(set)
    for start, sentence in con.execute(
        "select e.start, m.sentence from timeline_mention m "
        "join timeline_event e on e.id = m.event_id where e.precision = 'day' "
        "and e.status != 'rejected'"
    ):
        a[date.fromisoformat(start)].add(" ".join(sentence.split()))
    con.close()
    b = {d: set(s) for d, s in a.items()}
    b = defaultdict(set, b)
    c = defaultdict(set)
    articles = json.loads((cache / f"{db.stem}.json").read_text())
    for art in articles:
        published = date.fromisoformat(art["published"])
        leads = [
            s["text"]
            for s in art["sentences"]
            if not s["furniture"] and len(s["text"].split()) >= 5
        ][:LEAD]
        lead_set = set(leads)
        for s in art["sentences"]:
            if s["text"] in lead_set and not s["values"]:
                for d in (published, published - timedelta(days=1)):
                    b[d].add(s["text"])
            if s["furniture"]:
                continue
            for v in s["values"]:
                m = _DAY.match(v)
                if m:
                    c[date.fromisoformat(m.group(1))].add(s["text"])
    for d in set(b) | set(c):
        c[d] = c[d] | b.get(d, set())
    return {"a": a, "b": b, "c": c}


def score_all(db_dir: Path, cache: Path, t17: Path) -> None:
    from nltk.stem.porter import PorterStemmer

    from timeline.keyevents.evaluation import read_gold, score

    stem = PorterStemmer().stem
    stop: set[str] = set()  # the choice only; tilse scores the result
    results = defaultdict(list)
    sizes = defaultdict(list)
    for db in sorted(db_dir.glob("*.sqlite3")):
        gold_path = t17 / f"{db.stem}.timelines.json"
        if not gold_path.exists() or not (cache / f"{db.stem}.json").exists():
            continue
        the_pools = pools(db, cache)
        for n, gold in enumerate(read_gold(gold_path)):
            k = gold.sentences_per_date
            for name, pool in the_pools.items():
                predicted = {}
                for d, sentences in gold.entries.items():
                    g = _tokens(" ".join(sentences), stem, stop)
                    cands = [(s, _tokens(s, stem, stop)) for s in pool.get(d, ())]
                    sizes[name].append(len(cands))
                    chosen: list[str] = []
                    toks: list[str] = []
                    for _ in range(k):
                        best = max(
                            (c for c in cands if c[0] not in chosen),
                            key=lambda c: _f1(toks + c[1], g),
                            default=None,
                        )
                        if best is None or (
                            chosen and _f1(toks + best[1], g) <= _f1(toks, g)
                        ):
                            break
                        chosen.append(best[0])
                        toks += best[1]
                    if chosen:
                        predicted[d] = chosen
                s = score(gold_path, predicted, only=n)[0]
                results[name].append((db.stem, s))
                print(
                    f"{db.stem:22} {name} date F1 {s.date_f1:.3f} "
                    f"AR-1 {s.ar1_f:.3f} AR-2 {s.ar2_f:.3f}",
                    flush=True,
                )
    for name, rows in results.items():
        print(
            f"pool {name}: {len(rows)} timelines, "
            f"mean candidates per gold date {statistics.mean(sizes[name]):.1f}, "
            f"gold dates with none {sum(1 for x in sizes[name] if not x)}"
            f"/{len(sizes[name])}, date F1 "
            f"{statistics.mean(s.date_f1 for _, s in rows):.3f} AR-1 "
            f"{statistics.mean(s.ar1_f for _, s in rows):.3f} AR-2 "
            f"{statistics.mean(s.ar2_f for _, s in rows):.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["tag", "score"])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--t17", type=Path, default=ROOT.parent / "shared" / "t17")
    args = parser.parse_args()
    os.environ.setdefault("DEBUG", "true")
    if args.command == "tag":
        tag(args.dir, args.cache)
    else:
        score_all(args.dir, args.cache, args.t17)


if __name__ == "__main__":
    main()
