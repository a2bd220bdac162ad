"""/stories/: every story with its articles, events and date span."""

from __future__ import annotations

from datetime import date

import pytest

from tests.timeline.factories import (
    add_report,
    make_report,
    make_reported_event,
    make_story,
)

pytestmark = pytest.mark.django_db


def test_it_lists_stories_with_counts_span_and_links(client):
    a1, a2, a3 = (make_report(published=date(2011, 3, d)) for d in (20, 25, 30))
    make_reported_event(title="First", start=date(2011, 2, 15), article=a1)
    second = make_reported_event(title="Second", start=date(2011, 3, 19), article=a2)
    add_report(second, a1)
    make_reported_event(
        title="Rejected", start=date(2012, 1, 1), article=a2, status="rejected"
    )
    make_story("Libya war", a1, a2)
    make_story("Empty <story>", slug="empty")
    html = client.get("/stories/").content.decode()
    row = html[html.index('<a href="/?story=libya-war">Libya war</a>') :]
    row = row[: row.index("</tr>")]
    assert "<td>2</td>\n      <td>2</td>" in row  # 2 articles, 2 visible events
    assert "20 Mar 2011</time> to <time" in row and "25 Mar 2011</time></td>" in row
    assert "15 Feb 2011</time> to <time" in row and "19 Mar 2011</time></td>" in row
    assert 'href="/?story=libya-war&amp;view=key"' in row
    assert "Empty &lt;story&gt;" in html and "no events yet" in html
    assert "no articles yet" in html
    assert html.index("Empty &lt;story&gt;") < html.index("Libya war")  # by name


def test_it_says_how_to_make_a_story_when_there_is_none(client):
    html = client.get("/stories/").content.decode()
    assert "No stories yet" in html and "--story" in html
