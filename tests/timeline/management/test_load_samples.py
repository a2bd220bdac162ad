from io import StringIO

import pytest
from django.core.management import call_command

from tests.timeline.factories import FakePipeline
from timeline.ingestion import store
from timeline.models import Article, ExtractionStatus

pytestmark = pytest.mark.django_db


def test_it_ingests_the_samples_once(monkeypatch):
    fake = FakePipeline()
    monkeypatch.setattr(store, "extract", fake)

    first = StringIO()
    call_command("load_samples", stdout=first)

    assert "Articles stored: 121" in first.getvalue()
    assert Article.objects.count() == 121
    seed = Article.objects.get(title="Ukraine: three years of war")
    assert seed.published.isoformat() == "2025-02-24"
    assert Article.objects.filter(publisher="Wikinews").count() == 120
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {
        ExtractionStatus.DONE
    }
    extracted = sum(n for n, _, _ in fake.calls)

    second = StringIO()
    call_command("load_samples", stdout=second)

    assert "all 121 already stored" in second.getvalue()
    assert Article.objects.count() == 121
    assert sum(n for n, _, _ in fake.calls) == extracted  # nothing re-extracted
