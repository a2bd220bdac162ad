"""Dates at their precision, highlighted text, filter links."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from timeline.query.filters import TimelineFilters
from timeline.templatetags import timeline_tags as tags


@pytest.mark.parametrize(
    "value, short, full",
    [
        ("2025-02-24", "24 Feb 2025", "24 Feb 2025"),
        ("2025-W08", "week of 17 Feb 2025", "week of 17–23 Feb 2025"),
        ("2025-W09", "week of 24 Feb 2025", "week of 24 Feb – 2 Mar 2025"),
        ("2026-W01", "week of 29 Dec 2025", "week of 29 Dec 2025 – 4 Jan 2026"),
        ("2025-02", "February 2025", "February 2025"),
        ("2025-Q1", "Q1 2025", "Q1 2025"),
        ("2025-H2", "H2 2025", "H2 2025"),
        ("2025-SP", "Mar–May 2025", "Mar–May 2025"),
        ("2025", "2025", "2025"),
        ("199X", "1990s", "1990s"),
    ],
)
def test_it_shows_dates_at_their_precision(value, short, full):
    from timeline.extraction.values import value_range

    start, end, precision = value_range(value)
    event = SimpleNamespace(start=start, end=end, precision=precision)
    assert tags.event_date(event) == short
    assert tags.event_date_full(event) == full


def test_it_spells_out_ranges_that_do_not_fit_their_precision():
    odd = SimpleNamespace(start=date(2025, 2, 3), end=date(2025, 2, 9), precision="day")
    assert tags.event_date(odd) == "3–9 Feb 2025"


def test_it_words_timex_values_and_keeps_unknown_ones():
    assert tags.value_display("2025-W08") == "week of 17–23 Feb 2025"
    assert tags.value_display("PRESENT_REF") == "PRESENT_REF"


def test_it_explains_a_resolution():
    mention = SimpleNamespace(
        expression="last week", anchor_date=date(2025, 2, 24), value="2025-W08"
    )
    assert tags.resolution(mention) == (
        "‘last week’, relative to the article’s date 24 Feb 2025 → "
        "week of 17–23 Feb 2025"
    )


def test_it_highlights_and_escapes_a_sentence():
    m = SimpleNamespace(
        sentence_parts=("<b>On</b> ", "Monday", " & <i>then</i>"),
    )
    assert str(tags.highlighted_sentence(m)) == (
        "&lt;b&gt;On&lt;/b&gt; <mark>Monday</mark> &amp; &lt;i&gt;then&lt;/i&gt;"
    )
    m = SimpleNamespace(sentence_parts=("<x>", "", ""))
    assert str(tags.highlighted_sentence(m)) == "&lt;x&gt;"


def test_it_highlights_spans_skipping_overlaps_and_bad_offsets():
    text = "a <b> on Monday and last week."
    spans = [(9, 15, "d"), (10, 12, "overlap"), (20, 29, '"w"'), (50, 60, "out")]
    assert str(tags.highlight_spans(text, spans)) == (
        'a &lt;b&gt; on <mark title="d">Monday</mark> and '
        '<mark title="&quot;w&quot;">last week</mark>.'
    )


def test_it_formats_thousands():
    assert tags.thousands(1234567) == "1,234,567"
    assert tags.thousands(None) == "None"


@pytest.mark.django_db
def test_it_builds_canonical_filter_links():
    ctx = {"filters": TimelineFilters(kinds=("call",), q="a b", order="oldest")}
    assert tags.filter_url(ctx, add="actor", value=5) == (
        "/?actor=5&kind=call&q=a+b&order=oldest"
    )
    assert tags.filter_url(ctx, remove="kind", value="call") == "/?q=a+b&order=oldest"
    assert tags.filter_url(ctx, start="2025-01-01", end="2025-01-31") == (
        "/?kind=call&start=2025-01-01&end=2025-01-31&q=a+b&order=oldest"
    )
    assert tags.filter_url({}, remove="x") == "/"


def _chip_event(*actors, countries=()):
    """An event as the timeline's rows have it: prefetched plain lists."""
    return SimpleNamespace(
        row_actors=[SimpleNamespace(id=i, kind=k, name=n) for i, k, n in actors],
        row_countries=[SimpleNamespace(code=c, name=n) for c, n in countries],
    )


@pytest.mark.parametrize(
    "filters",
    [
        TimelineFilters(),
        TimelineFilters(kinds=("call",), q="a&b c", order="oldest"),
        TimelineFilters(actors=(7,), countries=("RU",), start=date(2010, 1, 1)),
        TimelineFilters(organizations=(9,), stories=("libya-war",), view="key"),
    ],
)
def test_it_links_each_chip_as_index_url_adds_its_filter(filters):
    from django.template import Context

    context = Context({"filters": filters})
    event = _chip_event(
        (7, "person", "Vladimir Putin"),
        (9, "organization", "United Nations"),
        countries=[("RU", "Russia"), ("UA", "Ukraine")],
    )
    with context.render_context.push():
        html = tags.event_chips(context, event)
    pairs = filters.to_query()
    expected = [
        ("person", tags.index_url([*pairs, ("actor", "7")]), "Vladimir Putin"),
        ("organization", tags.index_url([*pairs, ("org", "9")]), "United Nations"),
        ("country", tags.index_url([*pairs, ("country", "RU")]), "Russia"),
        ("country", tags.index_url([*pairs, ("country", "UA")]), "Ukraine"),
    ]
    assert html == "".join(
        f'<li><a class="chip chip--{k}" href="{u.replace("&", "&amp;")}">{n}</a></li>'
        for k, u, n in expected
    )


def test_it_builds_a_chip_shown_on_several_events_once_per_render():
    from django.template import Context

    context = Context({"filters": TimelineFilters(kinds=("vote",))})
    first = _chip_event((3, "person", "Ann Lee"), countries=[("FR", "France")])
    second = _chip_event((3, "person", "Ann Lee"), (4, "person", "Bo Day"))
    with context.render_context.push():
        a = tags.event_chips(context, first)
        b = tags.event_chips(context, second)
        built = context.render_context["timeline_chips"]
    ann = '<li><a class="chip chip--person" href="/?actor=3&amp;kind=vote">Ann Lee</a></li>'
    assert a == ann + (
        '<li><a class="chip chip--country" href="/?country=FR&amp;kind=vote">'
        "France</a></li>"
    )
    assert b == ann + (
        '<li><a class="chip chip--person" href="/?actor=4&amp;kind=vote">Bo Day</a></li>'
    )
    assert len(built) == 3  # Ann Lee, France, Bo Day


def test_it_escapes_chip_labels_and_has_no_chips_for_a_bare_event():
    event = _chip_event((1, "person", '<b>"Al"</b>'), countries=[("XK", "A & B")])
    html = tags.event_chips({}, event)
    assert "&lt;b&gt;&quot;Al&quot;&lt;/b&gt;</a>" in html
    assert ">A &amp; B</a>" in html and "<b>" not in html
    assert tags.event_chips({}, _chip_event()) == ""
