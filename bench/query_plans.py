"""EXPLAIN (ANALYZE) of the timeline's main queries, as Markdown.

    DATABASE_URL=postgres://user@127.0.0.1:5439/newsline_bench_100000 \\
        .venv/bin/python bench/query_plans.py > docs/query-plans.md.new

Runs, for each case, the page's list query (query.events, first page with
its prefetches) and its facet counts (query.facets.compute_summary) against
a database bench/timeline.py filled, captures every query and prints the
plan of each one that took at least --min-ms (the rest are index lookups
of a few rows: actor names, the rollup rows).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-ms", type=float, default=1.0)
    parser.add_argument("cases", nargs="*")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext

    from timeline.models import Actor, EventActor, EventCountry
    from timeline.query.events import page_events
    from timeline.query.facets import compute_summary
    from timeline.query.filters import TimelineFilters
    from timeline.web.views import PAGE_SIZE, events_for_list

    people = (
        EventActor.objects.filter(actor__kind="person")
        .values("actor_id")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    top = str(people[1]["actor_id"])  # as bench/timeline.py picks them
    rarest = people.reverse()[0]["actor_id"]
    country = (
        EventCountry.objects.values("country__code")
        .annotate(n=Count("id"))
        .order_by("-n")[1]["country__code"]
    )
    rare_name = Actor.objects.get(pk=rarest).name.split()[-1]
    cases = {
        "unfiltered": {},
        "actor (frequent)": {"actor": [top]},
        "country (frequent)": {"country": [country]},
        "kind": {"kind": ["vote"]},
        "date range (1 year)": {"start": ["2015-01-01"], "end": ["2015-12-31"]},
        "text (common word)": {"q": ["met"]},
        "text (rare name)": {"q": [rare_name]},
        "combined": {
            "actor": [top],
            "country": [country],
            "kind": ["statement"],
            "start": ["2010-01-01"],
            "end": ["2020-12-31"],
        },
    }
    for name in args.cases or list(cases):
        filters = TimelineFilters.from_query(cases[name])
        with CaptureQueriesContext(connection) as ctx:
            list(events_for_list(page_events(filters))[: PAGE_SIZE + 1])
            compute_summary(filters)
        print(f"\n## {name}: `{filters.to_query()}`")
        for query in ctx.captured_queries:
            sql = query["sql"]
            if float(query["time"]) * 1000 < args.min_ms:
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            short = sql if len(sql) < 600 else sql[:600] + " …"
            print(f"\n```sql\n{short}\n```\n\n```\n{plan}\n```")


if __name__ == "__main__":
    main()
