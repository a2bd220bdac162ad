"""manage.py ingest PATH...: store articles from .txt, .html, .jsonl files and
directories, extract their events and merge them into the timeline."""

from __future__ import annotations

import logging
import sys
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.ingestion.progress import Progress, estimate_total, summary_lines
from timeline.ingestion.sources import (
    EXTENSIONS,
    InvalidArticle,
    SourceOptions,
    check_url,
    parse_published,
    read_sources,
)
from timeline.ingestion.store import Summary, ingest


def _published(value: str) -> date:
    try:
        return parse_published(value)
    except InvalidArticle as exc:
        raise CommandError(f"--published: {exc}") from None


class quiet_ingest_log:
    """Per-article log lines only at --verbosity 2 (the summary says enough)."""

    def __init__(self, verbosity: int) -> None:
        self.logger = logging.getLogger("newsline.ingest")
        self.verbosity = verbosity
        self.level = self.logger.level

    def __enter__(self) -> None:
        if self.verbosity < 2:
            self.logger.setLevel(logging.WARNING)

    def __exit__(self, *exc: object) -> None:
        self.logger.setLevel(self.level)


class Command(BaseCommand):
    help = (
        "Ingest articles: .txt (needs --published unless the file name has a "
        "YYYY-MM-DD date), .html/.htm (date from the page's metadata), .jsonl "
        "(one article per line: text, published, optional title, source_url, "
        "publisher, id) and directories (recursively). Exits 1 if anything failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date for files that carry none.",
        )
        parser.add_argument("--title", default="", help="Title (a single file only).")
        parser.add_argument(
            "--source-url", default="", help="http(s) URL (a single file only)."
        )
        parser.add_argument(
            "--publisher", default="", help="Publisher (a single file only)."
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Store the articles and queue one extraction task each for "
            "Celery workers (in-process when CELERY_BROKER_URL is unset).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=16,
            help="Articles per nlp.pipe batch (default 16).",
        )

    def handle(self, *args, **options) -> None:
        paths: list[str] = options["paths"]
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        single = [o for o in ("title", "source_url", "publisher") if options[o]]
        if single and (
            len(paths) != 1
            or not any(paths[0].lower().endswith(e) for e in EXTENSIONS)
            or paths[0].lower().endswith(".jsonl")
        ):
            names = ", ".join("--" + o.replace("_", "-") for o in single)
            raise CommandError(
                f"{names} apply to a single .txt or .html file; JSONL lines carry "
                "their own."
            )
        try:
            url = check_url(options["source_url"])
        except InvalidArticle as exc:
            raise CommandError(f"--source-url: {exc}") from None
        source_options = SourceOptions(
            published=_published(options["published"])
            if options["published"]
            else None,
            title=options["title"],
            source_url=url,
            publisher=options["publisher"],
        )
        tty = sys.stderr.isatty()
        progress = Progress(
            sys.stderr, total=estimate_total(paths) if tty else None, enabled=tty
        )
        started = time.monotonic()
        summary = Summary()
        with quiet_ingest_log(options["verbosity"]):
            try:
                ingest(
                    read_sources(paths, source_options),
                    batch_size=options["batch_size"],
                    queue=options["queue"],
                    on_article=progress.tick,
                    summary=summary,
                )
            except KeyboardInterrupt:
                progress.finish()
                for line in summary_lines(summary, seconds=time.monotonic() - started):
                    self.stdout.write(line)
                raise CommandError(
                    "Interrupted. Every stored article is complete; run the same "
                    "command again to carry on (stored articles are skipped)."
                ) from None
            finally:
                progress.finish()
        for line in summary_lines(summary, seconds=time.monotonic() - started):
            self.stdout.write(line)
        if summary.failed:
            raise CommandError(
                f"{summary.failed} article(s) or file(s) failed; see above."
            )
