"""manage.py reextract [--article ID ... | --all]: run extraction again,
keeping everything an admin touched."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from timeline.extraction.pipeline import EXTRACTION_VERSION
from timeline.ingestion.progress import Progress, summary_lines
from timeline.ingestion.store import reextract
from timeline.management.commands.ingest import quiet_ingest_log
from timeline.models import Article, ExtractionStatus


class Command(BaseCommand):
    help = (
        "Re-run extraction. Replaces what extraction made and keeps verified, "
        "rejected, corrected and manual events. Without options: the articles "
        "whose extraction is stale (older pipeline version), pending or failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--article",
            type=int,
            action="append",
            metavar="ID",
            help="This article (repeatable).",
        )
        which.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument("--batch-size", type=int, default=16)

    def handle(self, *args, **options) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if options["article"]:
            ids = set(options["article"])
            articles = Article.objects.filter(id__in=ids)
            missing = ids - set(articles.values_list("id", flat=True))
            if missing:
                raise CommandError(
                    "No article with id " + ", ".join(map(str, sorted(missing))) + "."
                )
        elif options["all"]:
            articles = Article.objects.all()
        else:
            articles = Article.objects.filter(
                ~Q(extraction_version=EXTRACTION_VERSION)
                | ~Q(extraction_status=ExtractionStatus.DONE)
            )
        tty = sys.stderr.isatty()
        progress = Progress(sys.stderr, total=articles.count(), enabled=tty)
        started = time.monotonic()
        with quiet_ingest_log(options["verbosity"]):
            try:
                summary = reextract(
                    articles=articles,
                    batch_size=options["batch_size"],
                    on_article=progress.tick,
                )
            finally:
                progress.finish()
        for line in summary_lines(
            summary, seconds=time.monotonic() - started, verb="re-extracted"
        ):
            self.stdout.write(line)
        if summary.failed:
            raise CommandError(f"{summary.failed} article(s) failed; see above.")
