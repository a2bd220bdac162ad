"""Server time of the timeline page at 10,000 and 100,000 events (SQLite or
PostgreSQL), and the measuring process's memory after serving every case.

    .venv/bin/python bench/timeline.py                 # both sizes, SQLite
    .venv/bin/python bench/timeline.py --sizes 10000 --repeat 20
    .venv/bin/python bench/timeline.py --sizes 100000 1000000 \
        --database-url postgres://user@127.0.0.1:5439/newsline_bench

Each size gets its own SQLite file (default /tmp/newsline-bench-<n>.sqlite3)
or PostgreSQL database (<name>_<n>, created on that server when missing),
reused when it already holds that many events (delete it to regenerate),
filled by bench.synth.generate() in a process of its own. Requests go through Django's test Client
in-process, so the numbers are server time: URL routing, middleware, queries
and template rendering, without network or browser.

Every case is measured twice:
  fresh:  the primary figures: the facet cache is off
          (NEWSLINE_FACET_CACHE_SECONDS=0), so the facet counts and density
          chart are computed for every request (unfiltered and date-only
          counts from the pre-aggregated FacetCount rows, which are rebuilt
          here after synth.generate() since it writes around the services);
  cached: the summary comes from the facet cache (as for repeated or popular
          requests; the list itself is always queried).
Median and 95th percentile over --repeat requests after two warm-ups, wall
time and the process's CPU time (the machine is shared: wall time includes
waiting for a core).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def stats(times: list[float], cpu: list[float]) -> dict[str, float]:
    """Median and 95th percentile of wall and CPU milliseconds."""
    return {
        "median": round(statistics.median(times), 1),
        "p95": round(percentile(times, 95), 1),
        "cpu_median": round(statistics.median(cpu), 1),
        "cpu_p95": round(percentile(cpu, 95), 1),
    }


def rss_mb() -> dict[str, float]:
    """This process's resident memory now and at its peak (Linux), in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            out["rss_mb" if name == "VmRSS" else "peak_rss_mb"] = round(
                int(value.split()[0]) / 1024, 1
            )
    return out


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()


def prepare(n: int) -> None:
    """Fill this size's database (a child process of its own, so that the
    measuring process's memory holds nothing of the generation)."""
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.synth import generate
    from timeline.models import Event
    from timeline.query import facet_counts

    call_command("migrate", verbosity=0)
    have = Event.objects.count()
    if have != n:
        if have:
            raise SystemExit(f"{connection.settings_dict['NAME']} has {have} events")
        t = time.perf_counter()
        generate(n, seed=0)
        print(
            f"  generated {n} events in {time.perf_counter() - t:.0f} s",
            file=sys.stderr,
            flush=True,
        )
    if have != n or not facet_counts.ready():
        # synth writes events in bulk, around the services that keep the
        # pre-aggregated facet counts current: build them once.
        t = time.perf_counter()
        facet_counts.rebuild()
        print(
            f"  rebuilt facet counts in {time.perf_counter() - t:.1f} s",
            file=sys.stderr,
            flush=True,
        )


def run_size(n: int, repeat: int, modes: tuple[str, ...] = ("fresh", "cached")) -> dict:
    """Runs in a child process with DATABASE_URL pointing at this size's
    database, filled by prepare()."""
    _setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from timeline.models import Actor, Event, EventActor, EventCountry
    from timeline.query.cursors import Cursor
    from timeline.web.views import PAGE_SIZE

    if Event.objects.count() != n:
        raise SystemExit(f"{connection.settings_dict['NAME']} lacks {n} events")
    with connection.cursor() as cur:
        cur.execute("ANALYZE")

    people = (
        EventActor.objects.filter(actor__kind="person")
        .values("actor_id")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    top_person = people[1]["actor_id"]  # the second most frequent person
    # "Rare" is the fewest events that still fill a first page, so both sizes
    # render the same page and the ratio shows how the lookup scales. The
    # rarest value of all is a different page at each size (a country has 1
    # event at 10k and 27 at 100k): it is reported apart, as "(rarest)".
    full_page = PAGE_SIZE + 1
    rare_person = people.reverse().filter(n__gte=full_page)[0]["actor_id"]
    rarest_person = people.reverse()[0]["actor_id"]
    org = (
        EventActor.objects.filter(actor__kind="organization")
        .values("actor_id")
        .annotate(n=Count("id"))
        .order_by("-n")[0]["actor_id"]
    )
    countries = (
        EventCountry.objects.values("country__code")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    country = countries[1]["country__code"]
    rare_country = countries.reverse().filter(n__gte=full_page)[0]["country__code"]
    rarest_country = countries.reverse()[0]["country__code"]
    rare_name = Actor.objects.get(pk=rarest_person).name

    cases = {
        "unfiltered": "/",
        "actor (frequent)": f"/?actor={top_person}",
        "actor (rare)": f"/?actor={rare_person}",
        "organisation": f"/?org={org}",
        "country (frequent)": f"/?country={country}",
        "country (rare)": f"/?country={rare_country}",
        "actor (rarest)": f"/?actor={rarest_person}",
        "country (rarest)": f"/?country={rarest_country}",
        "kind": "/?kind=vote",
        "date range (1 year)": "/?start=2015-01-01&end=2015-12-31",
        "text (common word)": "/?q=met",
        "text (rare name)": "/?q=" + rare_name.split()[-1],
        "oldest first": "/?order=oldest",
        "combined": f"/?actor={top_person}&country={country}&kind=statement"
        "&start=2010-01-01&end=2020-12-31",
        "htmx partial (combined)": f"/?actor={top_person}&country={country}"
        "&kind=statement&start=2010-01-01&end=2020-12-31#hx",
        "show more (page 2)": "#more",
        "event detail": "#detail",
        "type-ahead": "/typeahead/actors/?term=ann",
    }
    first_page_last = Event.objects.exclude(status="rejected").order_by(
        "-start", "-id"
    )[49]
    more = Cursor.after_row("newest", first_page_last).encode()
    cases["show more (page 2)"] = f"/?cursor={more}#hx"
    cases["event detail"] = f"/events/{first_page_last.id}/#hx"

    client = Client()
    results: dict[str, dict] = {}
    for mode, seconds in (("fresh", 0), ("cached", 600)):
        if mode not in modes:
            continue
        settings.NEWSLINE_FACET_CACHE_SECONDS = seconds
        cache.clear()
        for name, url in cases.items():
            path, _, tag = url.partition("#")
            headers = {"HX-Request": "true"} if tag == "hx" else {}
            times, cpu = [], []
            for i in range(repeat + 2):
                t, c = time.perf_counter(), time.process_time()
                response = client.get(path, headers=headers)
                elapsed = (time.perf_counter() - t) * 1000
                assert response.status_code == 200, (path, response.status_code)
                if i >= 2:
                    times.append(elapsed)
                    cpu.append((time.process_time() - c) * 1000)
            r = results.setdefault(name, {})[mode] = stats(times, cpu)
            print(
                f"  {n:>7} {mode} {name:<26} median {r['median']:7.1f} ms"
                f"  p95 {r['p95']:7.1f} ms  (cpu median {r['cpu_median']:6.1f}"
                f" p95 {r['cpu_p95']:6.1f})",
                file=sys.stderr,
                flush=True,
            )

    # The facet summary alone, computed (no cache), as the page does it.
    from timeline.query.facets import compute_summary
    from timeline.query.filters import TimelineFilters

    for label, params in (
        ("facets: unfiltered", {}),
        ("facets: actor (frequent)", {"actor": [str(top_person)]}),
        (
            "facets: combined",
            {"actor": [str(top_person)], "country": [country], "kind": ["statement"]},
        ),
    ):
        f = TimelineFilters.from_query(params)
        times, cpu = [], []
        for i in range(repeat + 2):
            t, c = time.perf_counter(), time.process_time()
            compute_summary(f)
            if i >= 2:
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
        results[label] = {"fresh": stats(times, cpu)}
        print(
            f"  {n:>7} fresh {label:<26} median {results[label]['fresh']['median']:7.1f}"
            f" ms  p95 {results[label]['fresh']['p95']:7.1f} ms"
            f"  (cpu median {results[label]['fresh']['cpu_median']:6.1f})",
            file=sys.stderr,
            flush=True,
        )
    gc.collect()
    results["memory"] = rss_mb()
    print(
        f"  {n:>7} worker memory after every case {results['memory']}", file=sys.stderr
    )
    return results


def postgres_database(url: str, n: int) -> str:
    """The URL of size n's database on this PostgreSQL server, created if
    it does not exist yet."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise SystemExit(f"--database-url must be postgres://...: {url!r}")
    name = f"{parts.path.lstrip('/') or 'newsline_bench'}_{n}"
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(parts._replace(path=f"/{name}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db-dir", default="/tmp")
    parser.add_argument("--json", help="write the results here as JSON")
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=["fresh", "cached"],
        default=["fresh", "cached"],
        help="fresh: facet cache off; cached: facet cache on (default both)",
    )
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server (postgres://user@host:port/name): each size "
        "gets its own database, <name>_<size>, created when missing",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.prepare:
        prepare(args.prepare)
        return
    if args.child:
        print(
            json.dumps(run_size(args.child, args.repeat, tuple(args.modes))), flush=True
        )
        return

    all_results = {}
    for n in args.sizes:
        print(f"{n} events", flush=True)
        if args.database_url:
            url = postgres_database(args.database_url, n)
        else:
            url = f"sqlite:///{args.db_dir}/newsline-bench-{n}.sqlite3"
        env = dict(os.environ, DATABASE_URL=url, DEBUG="false")
        subprocess.run(
            [sys.executable, __file__, "--prepare", str(n)], env=env, check=True
        )
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(n),
                "--repeat",
                str(args.repeat),
                "--modes",
                *args.modes,
            ],
            env=env,
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        lines = out.strip().splitlines()
        for line in lines[:-1]:
            print(line)
        all_results[n] = json.loads(lines[-1])

    if len(args.sizes) >= 2:
        small, big = args.sizes[0], args.sizes[-1]
        print(f"\nratio {big} / {small} (median):")
        for name, modes in all_results[big].items():
            if name == "memory":
                continue
            for mode, r in modes.items():
                base = all_results[small][name][mode]["median"]
                cpu = r["cpu_median"] / all_results[small][name][mode]["cpu_median"]
                print(
                    f"  {mode} {name:<26} {r['median'] / base:5.2f}x  cpu {cpu:5.2f}x"
                )
    if args.json:
        Path(args.json).write_text(json.dumps(all_results, indent=2))


if __name__ == "__main__":
    main()
