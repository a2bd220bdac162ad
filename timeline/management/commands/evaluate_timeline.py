"""manage.py evaluate_timeline ARTICLES.jsonl TIMELINES.json [--all]: build a
story's key-events timeline from its articles and score it against the
journalists' timelines (Timeline17) as the field does."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import dj_database_url
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.test import Client, override_settings
from django.urls import reverse

from timeline.ingestion.sources import SourceOptions, read_sources
from timeline.ingestion.store import ingest
from timeline.keyevents.evaluation import GoldError, read_gold, score

ARTICLES_SUFFIX = ".articles.jsonl"
TIMELINES_SUFFIX = ".timelines.json"


@contextmanager
def using_database(url: str) -> Iterator[None]:
    """Point the default connection at `url` for the duration (this process
    only), with the SQLite options the settings give every SQLite database."""
    try:
        cfg = dj_database_url.parse(url)
    except ValueError as exc:
        raise CommandError(f"--database-url is not a valid URL: {exc}") from None
    if cfg.get("ENGINE") not in (
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    ):
        raise CommandError(
            f"--database-url must be postgres:// or sqlite:///, got {url!r}"
        )
    if cfg["ENGINE"] == "django.db.backends.sqlite3":
        cfg.setdefault("OPTIONS", {}).update(
            settings.DATABASES["default"].get("OPTIONS", {})
            if settings.DATABASES["default"]["ENGINE"] == cfg["ENGINE"]
            else {"timeout": 20}
        )
    old = connections.settings["default"]
    connections["default"].close()
    connections.settings["default"] = connections.configure_settings({"default": cfg})[
        "default"
    ]
    del connections["default"]
    try:
        yield
    finally:
        connections["default"].close()
        connections.settings["default"] = old
        del connections["default"]


def collection_pairs(directory: Path) -> list[tuple[str, Path, Path]]:
    """(name, articles, timelines) for every collection in a Timeline17 folder."""
    pairs = []
    for articles in sorted(directory.glob(f"*{ARTICLES_SUFFIX}")):
        name = articles.name[: -len(ARTICLES_SUFFIX)]
        timelines = directory / f"{name}{TIMELINES_SUFFIX}"
        if timelines.exists():
            pairs.append((name, articles, timelines))
    return pairs


def ask_key_events(
    *, start: date, end: date, dates: int, per_date: int
) -> dict[date, list[str]]:
    """The predicted timeline as users get it: GET /api/key-events/ (in this
    process, through the whole request stack), each event's summary its
    first source's evidence sentence, {date: [summary, ...]}."""
    # The test client's host, allowed for this in-process request only.
    with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
        response = Client().get(
            reverse("api:key-events"),
            {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "dates": dates,
                "per_date": per_date,
            },
            secure=True,
        )
    if response.status_code != 200:
        raise CommandError(
            f"/api/key-events/ answered {response.status_code}: "
            f"{response.content.decode(errors='replace')[:500]}"
        )
    return {
        date.fromisoformat(d["date"]): [
            " ".join(e["sources"][0]["evidence"].split()) for e in d["events"]
        ]
        for d in response.json()["dates"]
        if d["events"]
    }


def _name(articles: Path) -> str:
    n = articles.name
    return n[: -len(ARTICLES_SUFFIX)] if n.endswith(ARTICLES_SUFFIX) else articles.stem


class Command(BaseCommand):
    help = (
        "Ingest a story's articles (JSONL) into a throwaway database, build its "
        "key-events timeline for each gold timeline's range (L dates, K events "
        "each) and print date F1 and alignment-based ROUGE-1/2 F1 (tilse, as "
        "../shared/tools/score_tls.py). --all: every collection of a "
        "Timeline17 folder, with averages."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("articles", nargs="?", help="COLLECTION.articles.jsonl")
        parser.add_argument("timelines", nargs="?", help="COLLECTION.timelines.json")
        parser.add_argument(
            "--all",
            action="store_true",
            help="every collection of --t17-dir (default ../shared/t17)",
        )
        parser.add_argument(
            "--t17-dir",
            default=str(Path(settings.BASE_DIR).parent / "shared" / "t17"),
            help="the Timeline17 folder --all reads",
        )
        parser.add_argument(
            "--database-url",
            help="use this database (already holding the collection, or it is "
            "ingested into it) instead of a throwaway SQLite file; one collection",
        )
        parser.add_argument(
            "--keep-db",
            metavar="DIR",
            help="keep one SQLite database per collection in DIR "
            "(DIR/<collection>.sqlite3) and reuse it on later runs",
        )
        parser.add_argument(
            "--pred-dir",
            metavar="DIR",
            help="write each predicted timeline as DIR/<collection>.<n>.pred.json "
            "(the {date: [sentences]} score_tls.py reads)",
        )
        parser.add_argument("--json", metavar="OUT", help="write all scores here")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"]:
            if options["articles"] or options["timelines"]:
                raise CommandError("give either --all or ARTICLES TIMELINES, not both")
            if options["database_url"]:
                raise CommandError(
                    "--database-url holds one collection: not with --all"
                )
            directory = Path(options["t17_dir"])
            if not directory.is_dir():
                raise CommandError(f"--t17-dir {directory}: no such folder")
            pairs = collection_pairs(directory)
            if not pairs:
                raise CommandError(
                    f"{directory}: no *{ARTICLES_SUFFIX} with a *{TIMELINES_SUFFIX}"
                )
        else:
            if not (options["articles"] and options["timelines"]):
                raise CommandError("give ARTICLES.jsonl and TIMELINES.json (or --all)")
            articles, timelines = Path(options["articles"]), Path(options["timelines"])
            for path in (articles, timelines):
                if not path.is_file():
                    raise CommandError(f"{path}: no such file")
            pairs = [(_name(articles), articles, timelines)]
        for folder in (options["keep_db"], options["pred_dir"]):
            if folder:
                Path(folder).mkdir(parents=True, exist_ok=True)
        results = []
        for name, articles, timelines in pairs:
            try:
                read_gold(timelines)
            except GoldError as exc:
                raise CommandError(str(exc)) from None
            results.append(self._collection(name, articles, timelines, options))
        self._print_averages(results)
        if options["json"]:
            Path(options["json"]).write_text(
                json.dumps(results, indent=1, default=str), encoding="utf-8"
            )

    def _collection(
        self, name: str, articles: Path, timelines: Path, options: dict[str, Any]
    ) -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="newsline-eval-") as tmp:
            if options["database_url"]:
                url = options["database_url"]
            else:
                folder = Path(options["keep_db"] or tmp)
                url = f"sqlite:///{(folder / f'{name}.sqlite3').resolve()}"
            with using_database(url):
                return self._evaluate(name, articles, timelines, options)

    def _evaluate(
        self, name: str, articles: Path, timelines: Path, options: dict[str, Any]
    ) -> dict[str, Any]:
        call_command("migrate", verbosity=0, interactive=False)
        started = time.perf_counter()
        summary = ingest(read_sources([articles], SourceOptions()))
        ingest_seconds = time.perf_counter() - started
        if summary.failed:
            for failure in summary.failures[:5]:
                self.stderr.write(f"{name}: {failure}")
        self.stdout.write(
            f"{name}: {summary.stored} articles ingested, {summary.duplicates} "
            f"already stored, {summary.failed} failed ({ingest_seconds:.1f} s)"
        )
        out: dict[str, Any] = {
            "collection": name,
            "articles_stored": summary.stored,
            "ingest_seconds": round(ingest_seconds, 2),
            "timelines": [],
        }
        for n, gold in enumerate(read_gold(timelines)):
            started = time.perf_counter()
            predicted = ask_key_events(
                start=gold.start,
                end=gold.end,
                dates=gold.n_dates,
                per_date=gold.sentences_per_date,
            )
            rank_seconds = time.perf_counter() - started
            if options["pred_dir"]:
                path = Path(options["pred_dir"]) / f"{name}.{n}.pred.json"
                path.write_text(
                    json.dumps(
                        {d.isoformat(): s for d, s in predicted.items()}, indent=1
                    ),
                    encoding="utf-8",
                )
            (s,) = score(timelines, predicted, only=n)
            row = {
                **s.as_dict(),
                "L": gold.n_dates,
                "K": gold.sentences_per_date,
                "rank_seconds": round(rank_seconds, 3),
            }
            out["timelines"].append(row)
            self.stdout.write(
                f"  {s.name:<28} dates {s.pred_dates:3d}/{s.gold_dates:3d} (K={row['K']})"
                f"  date F1 {s.date_f1:.3f}  AR-1 F {s.ar1_f:.3f}  AR-2 F {s.ar2_f:.3f}"
                f"  ({rank_seconds * 1000:.0f} ms)"
            )
        return out

    def _print_averages(self, results: list[dict[str, Any]]) -> None:
        rows = [r for c in results for r in c["timelines"]]
        if len(rows) < 2:
            return
        self.stdout.write(
            f"average over {len(rows)} timelines of {len(results)} collections:"
            f"  date F1 {statistics.fmean(r['date_f1'] for r in rows):.3f}"
            f"  AR-1 F {statistics.fmean(r['ar1_f'] for r in rows):.3f}"
            f"  AR-2 F {statistics.fmean(r['ar2_f'] for r in rows):.3f}"
        )
