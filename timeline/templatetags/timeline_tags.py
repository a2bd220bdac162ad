"""Template helpers for the timeline: dates at their real precision, links
that add or remove one filter, and highlighted evidence text.

Everything that builds HTML escapes user text piece by piece with
`conditional_escape` and only marks the joined result safe.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from timeline.extraction.values import value_range
from timeline.models import ActorKind, Country
from timeline.query.facets import MONTH_ABBR
from timeline.query.filters import TimelineFilters

register = template.Library()

MONTH_NAME = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _day(d: date) -> str:
    return f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}"


def _day_range(a: date, b: date) -> str:
    """'17–23 Feb 2025', '28 Feb – 6 Mar 2025', '29 Dec 2025 – 4 Jan 2026'."""
    if a == b:
        return _day(a)
    if a.year != b.year:
        return f"{_day(a)} – {_day(b)}"
    if a.month != b.month:
        return f"{a.day} {MONTH_ABBR[a.month - 1]} – {_day(b)}"
    return f"{a.day}–{_day(b)}"


def format_span(start: date, end: date, precision: str, *, full: bool = False) -> str:
    """A date range as people write it at its precision.

    day '24 Feb 2025'; week 'week of 17 Feb 2025' (full: 'week of 17–23 Feb
    2025'); month 'February 2025'; quarter 'Q1 2025'; year '2025'; decade
    '1990s'. Ranges that do not fit their precision's shape are spelled out.
    """
    if precision == "day" and start == end:
        return _day(start)
    if precision == "week":
        return f"week of {_day_range(start, end) if full else _day(start)}"
    if precision == "month" and start.day == 1:
        if (start.year, start.month) == (end.year, end.month):
            return f"{MONTH_NAME[start.month - 1]} {start.year}"
        if start.year == end.year:
            return (
                f"{MONTH_ABBR[start.month - 1]}–{MONTH_ABBR[end.month - 1]} {end.year}"
            )
    if precision == "quarter" and start.day == 1 and start.year == end.year:
        months = end.month - start.month + 1
        if months == 3 and start.month % 3 == 1:
            return f"Q{(start.month + 2) // 3} {start.year}"
        if months == 6 and start.month in (1, 7):
            return f"H{1 if start.month == 1 else 2} {start.year}"
    if precision == "year" and start == date(end.year, 1, 1):
        return str(start.year)
    if precision == "decade" and start.year % 10 == 0:
        return f"{start.year}s"
    return _day_range(start, end)


@register.filter
def thousands(n) -> str:
    """12345 -> '12,345'."""
    try:
        return f"{int(n):,}"
    except (TypeError, ValueError):
        return str(n)


@register.filter
def event_date(event, full: bool = False) -> str:
    """An event's (or any object with start/end/precision) date as shown."""
    return format_span(event.start, event.end, event.precision, full=bool(full))


@register.filter
def event_date_full(event) -> str:
    return format_span(event.start, event.end, event.precision, full=True)


@register.filter
def value_display(value: str) -> str:
    """A TIMEX3 value ('2025-W08') as a date range in words, or the value itself."""
    span = value_range(value or "")
    if span is None:
        return value
    return format_span(*span, full=True)


@register.simple_tag
def resolution(mention) -> str:
    """How a mention's date was resolved, in words.

    "'last week', relative to the article's date 24 Feb 2025 → week of
    17–23 Feb 2025". Returns plain text (autoescaped by the template).
    """
    return (
        f"‘{mention.expression}’, relative to the article’s date "
        f"{_day(mention.anchor_date)} → {value_display(mention.value)}"
    )


@register.simple_tag
def highlighted_sentence(mention) -> SafeString:
    """The evidence sentence with its date expression in <mark>, escaped."""
    before, expr, after = mention.sentence_parts
    if not expr:
        return conditional_escape(before)
    return format_html("{}<mark>{}</mark>{}", before, expr, after)


def highlight_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> SafeString:
    """Text with each (start, end, title) span wrapped in <mark>, all escaped.

    Overlapping or out-of-range spans are skipped rather than nested.
    """
    out: list[str] = []
    pos = 0
    for start, end, title in sorted(spans):
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(conditional_escape(text[pos:start]))
        out.append(format_html('<mark title="{}">{}</mark>', title, text[start:end]))
        pos = end
    out.append(conditional_escape(text[pos:]))
    return mark_safe("".join(str(p) for p in out))  # noqa: S308 - pieces escaped


@register.simple_tag(takes_context=True)
def filter_url(context, *, add: str = "", remove: str = "", value="", **extra) -> str:
    """The timeline URL for the current filters with one value added or removed.

    {% filter_url add="actor" value=actor.id %} or remove=..., or
    {% filter_url start="2025-02-01" end="2025-02-28" %} to replace the range.
    Paging is always dropped: a changed filter starts from the top.
    """
    pairs = list(_current_pairs(context))
    value = str(value)
    if remove:
        pairs = [(k, v) for k, v in pairs if not (k == remove and v == value)]
    if add and (add, value) not in pairs:
        pairs.append((add, value))
    for key, val in extra.items():
        pairs = [(k, v) for k, v in pairs if k != key]
        if val not in ("", None):
            pairs.append((key, str(val)))
    return index_url(pairs)


# The order TimelineFilters.to_query() writes parameters in.
KEY_ORDER = {
    k: i
    for i, k in enumerate(
        (
            "actor",
            "org",
            "country",
            "story",
            "kind",
            "status",
            "start",
            "end",
            "q",
            "order",
            "view",
        )
    )
}


def _rank(pair: tuple[str, str]) -> int:
    """A filter pair's place in the canonical order of a timeline URL."""
    return KEY_ORDER.get(pair[0], len(KEY_ORDER))


def index_url(pairs: list[tuple[str, str]]) -> str:
    """The timeline URL for these (valid) filter pairs, in canonical order.

    Built by string work only: a page renders hundreds of these links.
    """
    unique = list(dict.fromkeys(pairs))
    unique.sort(key=_rank)
    base = _index_path()
    return f"{base}?{urlencode(unique)}" if unique else base


def _current_pairs(context) -> tuple[tuple[str, str], ...]:
    """The current filters' query pairs, worked out once per render."""
    cache = getattr(context, "render_context", {})
    if "timeline_pairs" not in cache:
        filters = context.get("filters") or TimelineFilters()
        cache["timeline_pairs"] = tuple(filters.to_query())
    return cache["timeline_pairs"]


def _index_path() -> str:
    return _url_prefix("timeline:index", get_script_prefix())


@lru_cache(maxsize=32)
def _url_prefix(name: str, script_prefix: str, *args) -> str:
    return reverse(name, args=args or None)


def _encoded_pairs(context) -> tuple[frozenset, list[int], list[str]]:
    """The current filters' pairs (deduplicated, in canonical order), their
    ranks and each one URL-encoded, worked out once per render."""
    cache = getattr(context, "render_context", {})
    if "timeline_encoded" not in cache:
        unique = list(dict.fromkeys(_current_pairs(context)))
        unique.sort(key=_rank)
        cache["timeline_encoded"] = (
            frozenset(unique),
            [_rank(pair) for pair in unique],
            [urlencode([pair]) for pair in unique],
        )
    return cache["timeline_encoded"]


def _url_adding(context, pair: tuple[str, str]) -> str:
    """index_url() of the current pairs plus `pair`, encoding only `pair`
    (an event's chips are a hundred links on the same filters)."""
    present, ranks, encoded = _encoded_pairs(context)
    if pair not in present:
        at = bisect_right(ranks, _rank(pair))
        encoded = [*encoded[:at], urlencode([pair]), *encoded[at:]]
    return f"{_index_path()}?{'&'.join(encoded)}"


def _prefetched(event, attr: str, relation: str) -> Iterable:
    """The event's actors or countries: the list prefetched for the
    timeline's rows (views.events_for_list: `row_actors`, `row_countries`),
    else the relation."""
    found = getattr(event, attr, None)
    return getattr(event, relation).all() if found is None else found


CHIP = '<li><a class="chip chip--{}" href="{}">{}</a></li>'


@register.simple_tag(takes_context=True)
def event_chips(context, event) -> SafeString:
    """People, organisations and countries of an event as chips, each a
    list item linking to the timeline with it added ("" when none).

    One call per event instead of a template loop per chip keeps the list
    fast to render; each piece is escaped by format_html, and a chip shown
    on several events of the page is built once per render.
    """
    cache = getattr(context, "render_context", {})
    built = cache.setdefault("timeline_chips", {})
    chips = []
    for actor in _prefetched(event, "row_actors", "actors"):
        key = (actor.kind, actor.id, actor.name)
        if key not in built:
            facet = "org" if actor.kind == ActorKind.ORGANIZATION else "actor"
            url = _url_adding(context, (facet, str(actor.id)))
            built[key] = format_html(CHIP, actor.kind, url, actor.name)
        chips.append(built[key])
    for country in _prefetched(event, "row_countries", "countries"):
        key = ("country", country.code, country.name)
        if key not in built:
            url = _url_adding(context, ("country", country.code))
            built[key] = format_html(CHIP, "country", url, country.name)
        chips.append(built[key])
    return mark_safe("".join(chips))  # noqa: S308 - pieces escaped


@register.filter
def event_path(event_id) -> str:
    """/events/<id>/ without a reverse() per event (the list has fifty)."""
    return _url_prefix("timeline:event", get_script_prefix(), 0)[:-2] + f"{event_id}/"


@register.simple_tag(takes_context=True)
def add_url(context, obj) -> str:
    """The timeline URL with this actor, organisation or country added."""
    if isinstance(obj, Country):
        return filter_url(context, add="country", value=obj.code)
    facet = "org" if obj.kind == ActorKind.ORGANIZATION else "actor"
    return filter_url(context, add=facet, value=obj.id)


@register.simple_tag(takes_context=True)
def current_query(context) -> str:
    """The current filters as a query string (no leading '?')."""
    filters = context.get("filters") or TimelineFilters()
    return urlencode(filters.to_query())


@register.simple_tag(takes_context=True)
def density_chart(context, density) -> SafeString:
    """Inline SVG bars of a facets.Density; each bar links to its date range.

    The SVG stretches to the container (viewBox, no aspect ratio), so bars are
    plain rectangles; each has a <title> and its link an aria-label.
    """
    bars = density.bars
    if not bars:
        return mark_safe("")  # noqa: S308 - empty
    width, height, gap = 10 * len(bars), 60, 2 if len(bars) < 80 else 0
    peak = max(density.max_count, 1)
    parts = [
        format_html(
            '<svg class="density-chart" viewBox="0 0 {} {}" preserveAspectRatio="none" '
            'aria-labelledby="density-caption" role="group">',
            width,
            height,
        )
    ]
    for i, bar in enumerate(bars):
        h = 0 if bar.count == 0 else max(2.0, round(height * bar.count / peak, 2))
        about = "" if density.exact else "≈ "
        words = f"{bar.label}: {about}{bar.count} event{'s' if bar.count != 1 else ''}"
        rect = format_html(
            '<rect x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>',
            i * 10,
            round(height - h, 2),
            10 - gap if gap else 10,
            h,
            words,
        )
        if bar.count:
            url = filter_url(
                context, start=bar.start.isoformat(), end=bar.end.isoformat()
            )
            parts.append(
                format_html(
                    '<a href="{}" aria-label="{}">'
                    '<rect class="hit" x="{}" y="0" width="10" height="{}"></rect>{}</a>',
                    url,
                    words,
                    i * 10,
                    height,
                    rect,
                )
            )
        else:
            parts.append(rect)
    parts.append(mark_safe("</svg>"))  # noqa: S308 - constant
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - pieces escaped
