"""manage.py attach_leads: a database ingested before leads were events
gets them (the real model on the opening of real H1N1_guardian articles,
read from ../shared/t17 at test time), once however often it runs."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from tests.timeline.extraction.realtext import article
from tests.timeline.factories import article_input, event, extraction
from timeline.ingestion.store import store_article
from timeline.models import Event, Mention

pytestmark = pytest.mark.django_db

WHO_WARNS = "H1N1_guardian/2009-04-25/89.htm.txt"


def test_it_stores_the_leads_of_stored_articles_once():
    row = article(WHO_WARNS)
    published = date.fromisoformat(row["published"])
    # As ingested before: one dated event elsewhere in the text, no lead.
    at = row["text"].index("\n", 200) + 1
    dated = event("Officials met on Monday.", at=at, anchor=published)
    store_article(
        item=article_input(row["text"], published=published),
        extraction=extraction(dated),
    )
    before = Event.objects.get()

    out = StringIO()
    call_command("attach_leads", stdout=out)

    leads = Mention.objects.filter(dated_by_publication=True)
    assert "lead mentions in 1 articles" in out.getvalue()
    who = leads.get(sentence__startswith="The World Health Organisation has warned")
    assert (who.event.start, who.event.precision) == (published, "day")
    assert who.event.title.startswith("The World Health Organisation has warned")
    assert Event.objects.filter(pk=before.pk).exists()  # the dated one stays
    counts = (Event.objects.count(), leads.count())
    call_command("attach_leads", stdout=StringIO())  # again: nothing changes
    assert (Event.objects.count(), leads.count()) == counts
    assert Mention.objects.filter(dated_by_publication=False).count() == 1
