"""manage.py link_duplicates: near-duplicates among articles stored before
detection existed are linked, and their events' source counts follow."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from tests.timeline.ingestion.test_duplicates import ALABAMA, ALABAMA_SENTENCE, store
from timeline.models import Article, ArticleBand, Event

pytestmark = pytest.mark.django_db


def test_it_links_old_copies_and_fixes_the_source_counts():
    monday = date(2010, 9, 27)
    first = store(ALABAMA[0], ALABAMA_SENTENCE, day=monday)
    copy = store(ALABAMA[1], ALABAMA_SENTENCE, day=monday)
    # As a database ingested before detection: no bands, no link, two sources.
    ArticleBand.objects.all().delete()
    Article.objects.update(duplicate_of=None)
    Event.objects.update(source_count=2)

    out = StringIO()
    call_command("link_duplicates", stdout=out)

    assert "1 of 2 articles are near-duplicates" in out.getvalue()
    assert Article.objects.get(pk=copy.pk).duplicate_of_id == first.pk
    assert Event.objects.get().source_count == 1
    call_command("link_duplicates", stdout=StringIO())  # again: nothing changes
    assert Article.objects.get(pk=copy.pk).duplicate_of_id == first.pk
    assert Event.objects.get().source_count == 1
