"""Load test: 50 users for 60 s against gunicorn with 100,000 events.

    .venv/bin/python bench/loadtest/run.py [--events 100000] [--users 50]
        [--seconds 60] [--workers 4] [--threads 4] [--ingest [--ingest-nice N]]

Builds a fresh database (SQLite in a temporary folder, or DATABASE_URL if
set: it must be a throw-away PostgreSQL database, e.g. from
`.ci/with-postgres`, which `make loadtest POSTGRES=1` uses), fills it with
bench.synth.generate, collects static files, starts gunicorn with production
settings on 127.0.0.1 at a free port, runs locust headless for a bounded time,
stops everything and prints requests/s, median and 95th percentile. Exits 1
if any request failed. Only loopback addresses are used.

With --ingest (`make loadtest INGEST=1`), `manage.py ingest` stores new
articles while the users browse: the Wikinews sample
(../shared/samples/wikinews-meantime.jsonl) and, when ../shared/t17 is there,
the Timeline17 collections (read at run time, never copied), one article
after another through extraction and merging, each in its own transaction.
It is interrupted when locust stops and its summary (articles stored, events
created) is printed; an ingestion that failed fails the run.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PY = sys.executable
BIN = Path(PY).parent

BUILD = """
import json, sys, time
import django
django.setup()
from django.core.management import call_command
from django.contrib.staticfiles.storage import staticfiles_storage
from bench.synth import generate
from timeline.models import Actor, Country, Event
call_command("migrate", verbosity=0)
t = time.perf_counter()
stats = generate(int(sys.argv[1]), seed=0)
print("generated", stats, f"in {time.perf_counter() - t:.1f} s", flush=True)
# synth writes around the services that keep the facet counts current.
call_command("rebuild_facets", verbosity=0)
# A database in service has its planner statistics and visibility map; a
# freshly bulk-loaded one gets them from autovacuum during the run instead.
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
events = list(Event.objects.visible().order_by("?").values_list("id", flat=True)[:2000])
ids = {
    "events": events,
    "actors": list(Actor.objects.filter(kind="person").values_list("id", flat=True)[:300]),
    "orgs": list(Actor.objects.filter(kind="organization").values_list("id", flat=True)[:100]),
    "countries": list(Country.objects.filter(events__isnull=False).distinct().values_list("code", flat=True)[:60]),
    "css": staticfiles_storage.url("css/newsline.css"),
}
with open(sys.argv[2], "w") as fh:
    json.dump(ids, fh)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def ingest_sources() -> list[Path]:
    """New articles for --ingest: the Wikinews sample, then Timeline17."""
    sources = [SHARED / "samples" / "wikinews-meantime.jsonl"]
    sources += sorted((SHARED / "t17").glob("*.articles.jsonl"))
    if not sources[0].is_file():
        raise SystemExit(f"--ingest needs the Wikinews sample: {sources[0]} is missing")
    return sources


def _child_setup(niceness: int) -> None:
    # SIGINT back to its default, so the command's KeyboardInterrupt summary
    # works even when this runner was started in the background (where the
    # shell ignores SIGINT for its children).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if niceness:
        os.nice(niceness)
        # With the kernel's autogroup scheduling (sched(7), on by default in
        # most distributions) a thread's nice value only counts against the
        # threads of its own autogroup, i.e. its session: this child starts a
        # new session, so its niceness alone would leave it an equal share of
        # the CPU beside gunicorn's session. The autogroup's own nice value
        # is what ranks it against the server.
        try:
            with open("/proc/self/autogroup", "w") as group:
                group.write(str(niceness))
        except OSError:
            pass  # no autogroup scheduling here: the thread's nice value is enough


def start_ingest(env: dict[str, str], log: Path, *, niceness: int) -> subprocess.Popen:
    """`manage.py ingest` of new articles, in the background."""
    with open(log, "w", encoding="utf-8") as out:
        return subprocess.Popen(
            [PY, "manage.py", "ingest", *map(str, ingest_sources())],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=lambda: _child_setup(niceness),  # noqa: PLW1509
        )


def stop_ingest(proc: subprocess.Popen, log: Path) -> bool:
    """Interrupt the ingestion (it prints its summary); True if it was sound:
    still running or finished cleanly, and its summary counts no failed
    article."""
    running = proc.poll() is None
    if running:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    lines = [line for line in text.splitlines() if line.strip()]
    print("\ningestion during the run:")
    for line in lines[-12:]:
        print(f"  {line}")
    failed = re.search(r"^\s*Failed: (\d+)", text, re.MULTILINE)
    if failed is None:
        print("  (no summary: the ingestion did not stop cleanly)")
        return False
    return (running or proc.returncode == 0) and failed.group(1) == "0"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument(
        "--ingest",
        action="store_true",
        help="ingest new articles (manage.py ingest) during the run",
    )
    ap.add_argument(
        "--ingest-nice",
        type=int,
        default=0,
        metavar="N",
        help="run the ingestion at this CPU niceness (0: same priority as the "
        "web server; 19: a batch job that yields to it)",
    )
    args = ap.parse_args()
    if args.ingest:
        ingest_sources()  # fail before building anything

    tmp = Path(tempfile.mkdtemp(prefix="newsline-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsline.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "PYTHONPATH": str(ROOT),
        "LOADTEST_IDS": str(tmp / "ids.json"),
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'load.sqlite3'}")
    gunicorn = ingestion = None
    ingest_log = tmp / "ingest.log"
    try:
        t = time.perf_counter()
        subprocess.run(
            [PY, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
        subprocess.run(
            [PY, "-c", BUILD, str(args.events), env["LOADTEST_IDS"]],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=900,
        )
        print(f"database built in {time.perf_counter() - t:.0f} s", flush=True)

        port = free_port()
        host = f"http://127.0.0.1:{port}"
        gunicorn = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "newsline.wsgi:application",
                "--config",
                "python:newsline.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--timeout",
                "60",
                "--no-control-socket",
                # Idle keep-alive connections outlive the users' think time, so
                # the server never closes one a client is about to reuse.
                "--keep-alive",
                "30",
                "--log-level",
                "warning",
                "--error-logfile",
                str(tmp / "gunicorn.log"),
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        wait_healthy(f"{host}/healthz", gunicorn)
        locust = [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench/loadtest/locustfile.py"),
            "--headless",
            "--host",
            host,
            "--users",
            str(args.users),
            "--spawn-rate",
            str(max(1, args.users // 5)),
            "--run-time",
            f"{args.seconds}s",
            "--stop-timeout",
            "10",
            "--csv",
            str(tmp / "stats"),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ]
        if args.ingest:
            ingestion = start_ingest(env, ingest_log, niceness=args.ingest_nice)
        t = time.perf_counter()
        subprocess.run(locust, cwd=ROOT, env=env, timeout=args.seconds + 120)
        ingest_ok = True
        if ingestion is not None:
            ingest_ok = stop_ingest(ingestion, ingest_log)
            ingestion = None
            print(
                f"(ingestion ran for {time.perf_counter() - t:.0f} s, "
                f"niceness {args.ingest_nice})"
            )

        with open(tmp / "stats_stats.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        print()
        print(f"{'request':26} {'n':>7} {'fail':>5} {'rps':>7} {'p50':>6} {'p95':>6}")
        total = None
        for row in rows:
            print(
                f"{row['Name'][:26]:26} {row['Request Count']:>7} "
                f"{row['Failure Count']:>5} {float(row['Requests/s']):7.1f} "
                f"{row['50%']:>6} {row['95%']:>6}"
            )
            if row["Name"] == "Aggregated":
                total = row
        if total is None:
            print("locust wrote no aggregate row", file=sys.stderr)
            return 1
        failures = int(total["Failure Count"])
        print(
            f"\n{args.users} users, {args.seconds} s, {args.events} events: "
            f"{float(total['Requests/s']):.1f} requests/s, "
            f"median {total['50%']} ms, p95 {total['95%']} ms, "
            f"{total['Request Count']} requests, {failures} failures"
        )
        if failures:
            failures_csv = tmp / "stats_failures.csv"
            if failures_csv.exists():
                print(failures_csv.read_text(encoding="utf-8"), file=sys.stderr)
            log = tmp / "gunicorn.log"
            if log.exists():
                print(log.read_text(encoding="utf-8")[-4000:], file=sys.stderr)
        if not ingest_ok:
            print("the ingestion failed (see above)", file=sys.stderr)
        return 1 if failures or not ingest_ok else 0
    finally:
        if ingestion is not None and ingestion.poll() is None:
            os.killpg(ingestion.pid, signal.SIGKILL)
            ingestion.wait()
        if gunicorn is not None and gunicorn.poll() is None:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            try:
                gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(gunicorn.pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
