"""manage.py ingest PATH...: store articles from .txt, .html, .jsonl files and
directories, extract their events and merge them into the timeline."""

from __future__ import annotations

import itertools
import logging
import sys
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.domain.services import (
    InvalidStory,
    forget_story_if_empty,
    story_named,
)
from timeline.feeds.fetch import Fetcher, FetchPolicy
from timeline.feeds.services import read_urls
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


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _read_url_file(path: str) -> list[str]:
    """One URL a line; blank lines and # comments skipped."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = [line.strip() for line in fh]
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"--urls {path}: cannot be read: {exc}") from None
    return [line for line in lines if line and not line.startswith("#")]


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
        "publisher, id), directories (recursively) and http(s) URLs (each page "
        "fetched and read as an HTML file). Exits 1 if anything failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", metavar="PATH_OR_URL")
        parser.add_argument(
            "--urls",
            metavar="FILE",
            help="A file with one article URL a line (each page is fetched).",
        )
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
            "--story",
            metavar="NAME",
            help='The story the articles join, e.g. "Libya war" (created if '
            "new; articles already stored join it too).",
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
        given: list[str] = options["paths"]
        urls = [p for p in given if _is_url(p)]
        paths = [p for p in given if not _is_url(p)]
        if options["urls"]:
            urls += _read_url_file(options["urls"])
        if not paths and not urls:
            raise CommandError("Give files, directories or URLs (or --urls FILE).")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        single = [o for o in ("title", "source_url", "publisher") if options[o]]
        one_url = len(urls) == 1 and not paths
        if (
            single
            and not one_url
            and (
                paths
                and urls
                or len(paths) != 1
                or not any(paths[0].lower().endswith(e) for e in EXTENSIONS)
                or paths[0].lower().endswith(".jsonl")
            )
        ):
            names = ", ".join("--" + o.replace("_", "-") for o in single)
            raise CommandError(
                f"{names} apply to a single .txt or .html file or URL; JSONL "
                "lines carry their own."
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
        story, made_story = None, False
        if options["story"] is not None:
            try:
                story, made_story = story_named(name=options["story"])
            except InvalidStory as exc:
                raise CommandError(f"--story: {exc}.") from None
        tty = sys.stderr.isatty()
        progress = Progress(
            sys.stderr,
            total=estimate_total(paths) + len(urls) if tty else None,
            enabled=tty,
        )
        started = time.monotonic()
        summary = Summary()
        fetcher = Fetcher(FetchPolicy.from_settings())
        items = itertools.chain(
            read_sources(paths, source_options) if paths else (),
            read_urls(
                urls,
                fetcher=fetcher,
                options=source_options,
                summary=summary,
                on_article=progress.tick,
            ),
        )
        with quiet_ingest_log(options["verbosity"]), fetcher:
            try:
                ingest(
                    items,
                    batch_size=options["batch_size"],
                    queue=options["queue"],
                    on_article=progress.tick,
                    summary=summary,
                    story=story,
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
                if made_story:  # a run that stored nothing leaves no story
                    forget_story_if_empty(story=story)
        for line in summary_lines(summary, seconds=time.monotonic() - started):
            self.stdout.write(line)
        if summary.failed:
            raise CommandError(
                f"{summary.failed} article(s) or file(s) failed; see above."
            )
