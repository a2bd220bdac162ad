"""manage.py feeds add|list|poll: follow RSS/Atom feeds and news sitemaps."""

from __future__ import annotations

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from timeline.feeds.models import Feed
from timeline.feeds.services import (
    InvalidFeed,
    PollResult,
    add_feed,
    follow,
    parse_interval,
    poll_due,
    poll_feeds,
)
from timeline.ingestion.progress import Progress, summary_lines
from timeline.ingestion.store import Summary
from timeline.management.commands.ingest import quiet_ingest_log


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else "-"


def _next(feed: Feed) -> str:
    if not feed.active:
        return "-"
    return _when(feed.next_poll) if feed.next_poll else "due"


def _every(feed: Feed) -> str:
    minutes = int(feed.poll_interval.total_seconds() // 60)
    if minutes % (60 * 24) == 0:
        return f"{minutes // (60 * 24)}d"
    if minutes % 60 == 0:
        return f"{minutes // 60}h"
    return f"{minutes}m"


class Command(BaseCommand):
    help = (
        "Follow feeds: `feeds add URL [--story SLUG] [--every 30m]`, `feeds list`, "
        "`feeds poll [--all | FEED_ID...] [--loop]`. Exits 1 if a poll failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = sub.add_parser("add", help="Follow an RSS/Atom feed or news sitemap.")
        add.add_argument("url", metavar="URL")
        add.add_argument("--story", default="", help="The story its articles join.")
        add.add_argument(
            "--every", default="30m", help="Poll interval: 30m, 2h, 1d (default 30m)."
        )
        add.add_argument("--title", default="", help="A name (default: the feed's).")
        sub.add_parser("list", help="Every feed with its health.")
        poll = sub.add_parser(
            "poll", help="Poll the due feeds (or the given ones, or --all) now."
        )
        poll.add_argument("feed_ids", nargs="*", type=int, metavar="FEED_ID")
        poll.add_argument("--all", action="store_true", help="Every active feed.")
        poll.add_argument(
            "--loop",
            action="store_true",
            help="Keep polling each active feed at its interval (Ctrl-C stops).",
        )

    def handle(self, *args, **options) -> None:
        action = options["action"]
        if action == "add":
            self._add(options)
        elif action == "list":
            self._list()
        else:
            self._poll(options)

    def _add(self, options) -> None:
        try:
            feed = add_feed(
                url=options["url"],
                story=options["story"],
                every=parse_interval(options["every"]),
                title=options["title"],
            )
        except InvalidFeed as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Feed {feed.pk} added: {feed.url}, polled every {_every(feed)}"
            + (f", story {feed.story}" if feed.story else "")
        )

    def _list(self) -> None:
        feeds = list(Feed.objects.all())
        if not feeds:
            self.stdout.write("No feeds. Add one with `manage.py feeds add URL`.")
            return
        for feed in feeds:
            state = "active" if feed.active else "paused"
            health = "ok" if feed.healthy else "failing"
            self.stdout.write(
                f"{feed.pk:>4}  {state:<6}  every {_every(feed):<4}  {health:<7}  "
                f"last success {_when(feed.last_success)}  "
                f"next poll {_next(feed)}  "
                f"articles {feed.articles_added}  {feed.url}"
                + (f"  [story {feed.story}]" if feed.story else "")
            )
            if not feed.healthy and feed.last_error:
                self.stdout.write(f"      last error ({_when(feed.last_error_at)}): ")
                self.stdout.write(f"      {feed.last_error}")

    def _poll(self, options) -> None:
        ids: list[int] = options["feed_ids"]
        if ids and options["all"]:
            raise CommandError("Give FEED_IDs or --all, not both.")
        if options["loop"] and (ids or options["all"]):
            raise CommandError("--loop follows every active feed; give no FEED_ID.")
        if ids:
            found = {f.pk: f for f in Feed.objects.filter(pk__in=ids)}
            missing = [str(i) for i in ids if i not in found]
            if missing:
                raise CommandError(f"No feed with id {', '.join(missing)}.")
            feeds = [found[i] for i in ids]
        tty = sys.stderr.isatty()
        progress = Progress(sys.stderr, total=None, enabled=tty)
        started = time.monotonic()
        summary = Summary()
        queue = bool(settings.CELERY_BROKER_URL)
        results: list[PollResult] = []
        with quiet_ingest_log(options["verbosity"]):
            try:
                if options["loop"]:
                    self.stdout.write(
                        "Following every active feed at its interval; Ctrl-C stops."
                    )
                    follow(
                        should_stop=lambda: False,
                        on_article=progress.tick,
                        summary=summary,
                        on_poll=self._report,
                    )
                elif ids:
                    results = poll_feeds(
                        feeds=feeds,
                        queue=queue,
                        on_article=progress.tick,
                        summary=summary,
                    )
                elif options["all"]:
                    results = poll_feeds(
                        feeds=Feed.objects.filter(active=True),
                        queue=queue,
                        on_article=progress.tick,
                        summary=summary,
                    )
                else:
                    results = poll_due(
                        queue=queue, on_article=progress.tick, summary=summary
                    )
            except KeyboardInterrupt:
                progress.finish()
                for line in summary_lines(summary, seconds=time.monotonic() - started):
                    self.stdout.write(line)
                if options["loop"]:
                    return
                raise CommandError(
                    "Interrupted. Every stored article is complete; poll again to "
                    "carry on (stored entries are skipped)."
                ) from None
            finally:
                progress.finish()
        for result in results:
            self._report(result)
        if not results and not options["loop"]:
            self.stdout.write("No feed was due.")
        for line in summary_lines(summary, seconds=time.monotonic() - started):
            self.stdout.write(line)
        if summary.failed:
            raise CommandError(
                f"{summary.failed} feed(s) or article(s) failed; see above."
            )

    def _report(self, result: PollResult) -> None:
        if result.not_modified:
            state = "not modified"
        elif result.error and not result.entries:
            state = f"failed: {result.error}"
        else:
            state = (
                f"{result.entries} entries, {result.new_entries} new, "
                f"{result.summary.stored} stored"
            )
        self.stdout.write(f"Feed {result.feed_id} ({result.url}): {state}")
