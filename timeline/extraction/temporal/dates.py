"""Calendar arithmetic the rules share: ISO weeks, month shifts, quarters."""

from __future__ import annotations

from datetime import date

# --- calendar helpers ------------------------------------------------------


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _month_shift(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1
