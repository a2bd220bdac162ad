"""Key events: how long the ranking takes on a real story, and how many
duplicate events the merge leaves.

    .venv/bin/python bench/keyevents.py DB.sqlite3 [DB.sqlite3 ...] [--repeat 7]

Each DB is a collection ingested by `manage.py evaluate_timeline
--keep-db DIR` (one SQLite file per Timeline17 collection). For each:

1. the key-events request as the API will run it (`key_events` on every
   event and article, the whole date span, the default number of dates and
   3 events a date): median and max of `--repeat` runs, warm;
2. possible duplicates the merge left, pairs of day-precision events on the
   same day reported by different articles: "paraphrased", same kind and a
   shared actor or country but worded differently (best token Jaccard of
   their evidence sentences in [0.15, 0.3), below the merge's threshold);
   "unlinked", worded alike (Jaccard >= 0.3) but of different kinds or with
   no actor or country in common. Both are upper bounds: many such pairs
   are different events of a busy day.

    .venv/bin/python bench/keyevents.py DB.sqlite3 --story-size 400 [--repeat 7]

times what a user asks of one story instead: GET /api/key-events/?story=S
and the page /?view=key&story=S (in process, through the whole request
stack, default dates and events a date), where S is a story made of the
first N articles of the database (`bench-N`, made or refreshed here).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsline.settings"
    import django

    django.setup()


def timing(repeat: int) -> tuple[float, float, int, int]:
    from timeline.keyevents.data import key_events
    from timeline.keyevents.rank import Request
    from timeline.models import Article, Event

    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = key_events(
            Event.objects.all(), Request(), articles=Article.objects.all()
        )
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), max(runs), len(result), Event.objects.count()


def story_timing(size: int, repeat: int) -> dict[str, tuple[float, float]]:
    """Median and max (seconds) of the key-events API request and page for
    a story of `size` articles, warm (one request first, not counted), each
    ranked afresh: the key-events cache (per data stamp) is turned off, so
    this is what the first request after a change costs."""
    from django.conf import settings
    from django.test import Client

    settings.NEWSLINE_FACET_CACHE_SECONDS = 0

    from timeline.domain.services import add_to_story
    from timeline.models import Article, Story

    story, _ = Story.objects.get_or_create(
        slug=f"bench-{size}", defaults={"name": f"Bench {size}"}
    )
    story.articles.clear()
    ids = list(Article.objects.order_by("id").values_list("id", flat=True)[:size])
    add_to_story(story=story, article_ids=ids)
    client = Client(HTTP_HOST="localhost")
    out = {}
    for name, url in (
        ("api", f"/api/key-events/?story={story.slug}"),
        ("page", f"/?view=key&story={story.slug}"),
    ):
        assert client.get(url).status_code == 200, url
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url)
            runs.append(time.perf_counter() - started)
            assert response.status_code == 200
        out[name] = (statistics.median(runs), max(runs))
    return out


def duplicates() -> tuple[int, int, int]:
    from timeline.ingestion.merge import jaccard, tokens
    from timeline.models import Event, EventActor, EventCountry, Mention

    events = {
        i: (start, kind)
        for i, start, kind in Event.objects.filter(precision="day").values_list(
            "id", "start", "kind"
        )
    }
    links: dict[int, set[str]] = defaultdict(set)
    for e, a in EventActor.objects.values_list("event_id", "actor_id"):
        links[e].add(f"a{a}")
    for e, c in EventCountry.objects.values_list("event_id", "country_id"):
        links[e].add(f"c{c}")
    words: dict[int, list[frozenset[str]]] = defaultdict(list)
    arts: dict[int, set[int]] = defaultdict(set)
    for e, art, sentence in Mention.objects.values_list(
        "event_id", "article_id", "sentence"
    ):
        if e in events:
            words[e].append(tokens(sentence))
            arts[e].add(art)
    by_day: dict[object, list[int]] = defaultdict(list)
    for i, (start, _kind) in events.items():
        by_day[start].append(i)
    paraphrase = unlinked = 0
    for ids in by_day.values():
        for a, b in combinations(ids, 2):
            if arts[a] & arts[b]:
                continue  # one article reporting two events: not a duplicate
            best = max((jaccard(x, y) for x in words[a] for y in words[b]), default=0.0)
            linked = bool(links[a] & links[b]) and events[a][1] == events[b][1]
            paraphrase += linked and 0.15 <= best < 0.3
            unlinked += (not linked) and best >= 0.3
    return len(events), paraphrase, unlinked


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dbs", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--story-size",
        type=int,
        metavar="N",
        help="time /api/key-events/ and /?view=key on a story of N articles",
    )
    args = parser.parse_args()
    if len(args.dbs) > 1:  # one Django setup per process: one DB each
        import subprocess

        for db in args.dbs:
            subprocess.run(
                [sys.executable, __file__, str(db), "--repeat", str(args.repeat)],
                check=True,
            )
        return
    (db,) = args.dbs
    setup(db)
    from timeline.models import Article

    if args.story_size:
        from timeline.models import Event
        from timeline.query.filters import TimelineFilters

        times = story_timing(args.story_size, args.repeat)
        story = TimelineFilters(stories=(f"bench-{args.story_size}",))
        n_events = Event.objects.for_timeline(story).count()
        print(
            f"{db.stem:22} story of {args.story_size} articles, {n_events} events: "
            + ", ".join(
                f"{name} median {m * 1000:.0f} ms max {w * 1000:.0f} ms"
                for name, (m, w) in times.items()
            )
        )
        return

    median, worst, n_dates, n_events = timing(args.repeat)
    day_events, strict, loose = duplicates()
    print(
        f"{db.stem:22} {Article.objects.count():4d} articles {n_events:6d} events "
        f"key events median {median * 1000:6.0f} ms max {worst * 1000:6.0f} ms "
        f"({n_dates} dates) | day events {day_events:6d} "
        f"possible duplicates: paraphrased {strict:5d}, unlinked {loose:5d}"
    )


if __name__ == "__main__":
    main()
