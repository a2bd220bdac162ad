"""An article: its text with every extracted expression highlighted, and its events."""

from __future__ import annotations

import pytest

from tests.timeline.factories import (
    make_dated_event,
    make_reviewer,
    make_titled_article,
)

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def test_it_highlights_every_expression_in_the_text(client, timeline):
    art = timeline["article"]
    response = client.get(f"/articles/{art.id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        'Trump and Putin spoke <mark title="2025-02">earlier this month</mark>. '
        'They met <mark title="2025-W08">last week</mark> in Riyadh.'
    ) in html
    assert '<h1 id="article-heading">War at three years</h1>' in html


def test_it_lists_the_articles_events_oldest_first(client, timeline):
    html = client.get(f"/articles/{timeline['article'].id}/").content.decode()
    assert "2 events from this article" in html
    assert html.index("Trump and Putin spoke</a>") < html.index(
        "They met in Riyadh</a>"
    )
    assert ">week of 17 Feb 2025</time>" in html


def test_it_shows_each_events_people_and_countries_as_chips(client, timeline, people):
    html = client.get(f"/articles/{timeline['article'].id}/").content.decode()
    met = html.split("They met in Riyadh</a>", 1)[1].split("</li>", 1)[0]
    trump, putin = people["trump"].id, people["putin"].id
    assert (
        f'<a class="chip chip--person" href="/?actor={trump}">Donald Trump</a>' in met
    )
    assert (
        f'<a class="chip chip--person" href="/?actor={putin}">Vladimir Putin</a>' in met
    )
    assert '<a class="chip chip--country" href="/?country=SA">' in met


def test_it_answers_htmx_with_the_events_partial(client, timeline):
    html = client.get(
        f"/articles/{timeline['article'].id}/", headers=HX
    ).content.decode()
    assert "<html" not in html and "<mark" not in html
    assert "2 events from this article" in html


def test_it_escapes_the_article_text(client):
    text = "<script>alert(1)</script> Leaders met on Monday & <b>said</b> so."
    art = make_titled_article(text, title="<i>t</i>")
    make_dated_event(article=art, sentence=text, expression="on Monday")
    html = client.get(f"/articles/{art.id}/").content.decode()
    assert "<script>alert" not in html and "<b>said" not in html and "<i>t" not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; Leaders met "
        '<mark title="2025-02-24">on Monday</mark> &amp; &lt;b&gt;said&lt;/b&gt; so.'
    ) in html


def test_it_skips_offsets_that_do_not_match_the_text(client):
    art = make_titled_article("Short text.")
    make_dated_event(
        article=art, sentence="Elsewhere on Monday.", expression="on Monday"
    )
    html = client.get(f"/articles/{art.id}/").content.decode()
    assert "<mark" not in html and "Short text." in html


def test_it_hides_rejected_events_from_the_public(client, timeline):
    timeline["met"].status = "rejected"
    timeline["met"].save()
    url = f"/articles/{timeline['article'].id}/"
    html = client.get(url).content.decode()
    assert "1 event from this article" in html and "last week</mark>" not in html
    client.force_login(make_reviewer())
    assert "2 events from this article" in client.get(url).content.decode()


def test_it_answers_404_for_a_missing_article(client, db):
    assert client.get("/articles/424242/").status_code == 404


def test_its_query_count_is_bounded(client, people, django_assert_max_num_queries):
    art = make_titled_article(" ".join(f"Event {i} on Monday." for i in range(30)))
    for i in range(30):
        make_dated_event(
            title=f"Event {i}",
            article=art,
            sentence=f"Event {i} on Monday.",
            actors=[people["putin"]],
            countries=["RU"],
        )
    with django_assert_max_num_queries(6):
        assert client.get(f"/articles/{art.id}/").status_code == 200
