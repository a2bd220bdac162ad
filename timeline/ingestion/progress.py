"""Progress bar (only on a terminal) and the end-of-run summary."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from timeline.ingestion.sources import (
    EXTENSIONS,
    JSONL_EXTENSIONS,
    bounded_lines,
    max_line_bytes,
)
from timeline.ingestion.store import Summary

BAR_WIDTH = 24


def estimate_total(paths: Iterable[str | Path]) -> int:
    """Articles the paths hold: one per file, one per non-blank JSONL line."""
    total = 0
    for given in paths:
        given = Path(given)
        files = (
            [p for p in given.rglob("*") if p.suffix.lower() in EXTENSIONS]
            if given.is_dir()
            else [given]
        )
        for path in files:
            if path.suffix.lower() in JSONL_EXTENSIONS and path.is_file():
                try:
                    with path.open("rb") as fh:
                        lines = bounded_lines(fh, max_line_bytes())
                        total += sum(
                            1 for line in lines if line is None or line.strip()
                        )
                except OSError:
                    total += 1
            else:
                total += 1
    return total


class Progress:
    """Articles done, articles per second and time left, redrawn in place.

    Draws nothing unless `enabled` (the command enables it on a terminal).
    """

    def __init__(self, stream: TextIO, *, total: int | None, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._finished = False

    def tick(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self._last_draw > 0.1 or self.done == self.total):
            self._last_draw = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            frac = min(self.done / self.total, 1.0)
            filled = int(frac * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            left = (self.total - self.done) / rate if rate > 0 else 0.0
            return (
                f"[{bar}] {self.done}/{self.total} articles  {rate:.1f}/s  "
                f"ETA {_clock(max(left, 0.0))} "
            )
        return f"{self.done} articles  {rate:.1f}/s "

    def finish(self) -> None:
        if self.enabled and self.done and not self._finished:
            self.stream.write("\n")
            self.stream.flush()
        self._finished = True


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def summary_lines(
    summary: Summary, *, seconds: float, verb: str = "stored"
) -> list[str]:
    """The end-of-run report, one fact a line; failures with their reasons."""
    lines = [
        f"Articles read: {summary.read}",
        f"Articles {verb}: {summary.stored}"
        + (f" ({summary.queued} queued for extraction)" if summary.queued else ""),
        f"Skipped as duplicates: {summary.duplicates}",
        f"Failed: {summary.failed}",
        f"Events created: {summary.events_created}",
        f"Mentions merged into existing events: {summary.mentions_merged}",
    ]
    if summary.conflicts:
        lines.append(f"Date conflicts flagged for review: {summary.conflicts}")
    lines.append(f"Time: {seconds:.1f} s")
    lines.extend(f"  failed: {failure}" for failure in summary.failures)
    return lines
