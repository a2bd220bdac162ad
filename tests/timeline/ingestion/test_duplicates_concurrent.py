"""Two workers storing two copies of one article at the same moment: the
later one is linked to the earlier (the merge lock orders them). PostgreSQL
only, as tests/timeline/ingestion/test_merge_lock.py explains."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests.timeline.ingestion.factories import article_input
from tests.timeline.ingestion.test_duplicates import ALABAMA, _text
from timeline.extraction.types import Extraction
from timeline.ingestion.store import store_article
from timeline.models import Article

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's merge lock"
    ),
]


def test_two_copies_stored_at_once_are_linked():
    texts = [_text(a) for a in ALABAMA]
    errors: list[Exception] = []
    start = threading.Barrier(2)

    def work(text, published):
        try:
            start.wait()
            store_article(
                item=article_input(text, published=published),
                extraction=Extraction(doc_id="1", timexes=(), events=()),
            )
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=t) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    first, second = Article.objects.order_by("id")
    assert first.duplicate_of_id is None
    assert second.duplicate_of_id == first.pk
