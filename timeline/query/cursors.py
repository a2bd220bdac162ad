"""Keyset ("cursor") pagination over the timeline's (start, id) order: the one
cursor format of the page's "Show more", the API's `next` and the embed's
"More events".

A cursor is the order and the last row's (start, id), base64url without
padding (`o|2025-02-24|42` for order=oldest, `n|...` for newest): opaque to
clients, and the next page is the rows after it, so page 2,000 costs what
page 1 costs. A cursor stays valid when its event is deleted.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

MAX_CURSOR_CHARS = 64
MAX_ID_DIGITS = 18


class InvalidCursor(ValueError):
    """A cursor this order cannot continue from; `detail` says why."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Cursor:
    order: str  # "newest" or "oldest" (TimelineFilters.order)
    start: date
    pk: int

    @classmethod
    def after_row(cls, order: str, row: Any) -> Cursor:
        """The cursor that continues after `row` (anything with start and id)."""
        return cls(order, row.start, row.id)

    @property
    def key(self) -> tuple[date, int]:
        return self.start, self.pk

    def encode(self) -> str:
        raw = f"{self.order[0]}|{self.start.isoformat()}|{self.pk}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, order: str) -> Cursor:
        """The cursor `text` names, for a list in `order`; InvalidCursor if
        it is not one this code wrote or belongs to the other order."""
        bad = InvalidCursor("cursor: use the 'next' link of a previous page unchanged.")
        if len(text) > MAX_CURSOR_CHARS:
            raise bad
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
            tag, day, pk = raw.split("|")
            start = date.fromisoformat(day)
            # ASCII digits only: str.isdigit() also accepts '²', which int() refuses
            if not (pk.isascii() and pk.isdigit()) or len(pk) > MAX_ID_DIGITS:
                raise ValueError(pk)
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise bad from None
        if tag != order[0]:
            other = "oldest" if tag == "o" else "newest"
            raise InvalidCursor(f"cursor: it belongs to order={other}.")
        return cls(order, start, int(pk))

    def rows_after(self, qs: QuerySet) -> QuerySet:
        """The rows of `qs` after this cursor in the timeline's (start, id) order.

        `start <= s` leads, so the (start, id) index bounds the scan; the OR
        breaks ties on the same day by id.
        """
        if self.order == "oldest":
            return qs.filter(
                Q(start__gte=self.start), Q(start__gt=self.start) | Q(id__gt=self.pk)
            )
        return qs.filter(
            Q(start__lte=self.start), Q(start__lt=self.start) | Q(id__lt=self.pk)
        )
