"""Write services that span models (timeline/domain/services.py)."""

from __future__ import annotations

import pytest

from tests.timeline.factories import make_article, make_event
from timeline.domain.services import delete_articles
from timeline.models import Article, Event, Mention, Status

pytestmark = pytest.mark.django_db


def test_deleting_an_article_deletes_the_events_only_it_reported():
    a, b = make_article("Text A on Monday."), make_article("Text B on Monday.")
    only_a = make_event(a, title="only A")
    shared = make_event(a, at=100, title="shared")
    Mention.objects.create(
        event=shared,
        article=b,
        sentence=b.text,
        sentence_start=0,
        sentence_end=len(b.text),
        expression="Monday",
        expression_start=10,
        expression_end=16,
        anchor_date=b.published,
        value=shared.value,
    )
    delete_articles(articles=Article.objects.filter(pk=a.pk))
    assert not Event.objects.filter(pk=only_a.pk).exists()
    assert Event.objects.filter(pk=shared.pk).exists()
    assert Mention.objects.filter(event=shared).count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Status.VERIFIED},
        {"status": Status.REJECTED},
        {"corrected_fields": ["title"]},
        {"is_manual": True},
    ],
)
def test_deleting_an_article_keeps_the_events_an_admin_touched(changes):
    a = make_article()
    event = make_event(a, **changes)
    delete_articles(articles=Article.objects.filter(pk=a.pk))
    assert Event.objects.filter(pk=event.pk).exists()
    assert not Mention.objects.filter(event=event).exists()
