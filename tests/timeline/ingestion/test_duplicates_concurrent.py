"""Two workers storing two copies of one article at the same moment: the
later one is linked to the earlier, because the merge lock makes it wait
until the earlier one's bands are committed. PostgreSQL only, as
tests/timeline/ingestion/test_merge_lock.py explains."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests.timeline.factories import article_input
from tests.timeline.ingestion.test_duplicates import ALABAMA, _text
from timeline.extraction.types import Extraction
from timeline.ingestion import duplicates
from timeline.ingestion.store import store_article
from timeline.models import Article

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's merge lock"
    ),
]


def test_a_copy_stored_while_the_original_is_still_uncommitted_is_linked(
    monkeypatch,
):
    (first_text, first_day), (copy_text, copy_day) = (_text(a) for a in ALABAMA)
    original_link = duplicates.link
    first_linked, release = threading.Event(), threading.Event()
    errors: list[Exception] = []

    def link(*, article):
        moved = original_link(article=article)
        if article.text == first_text:
            # The first worker has written its bands but not committed yet.
            first_linked.set()
            release.wait(timeout=10)
        return moved

    monkeypatch.setattr(duplicates, "link", link)

    def work(text, published):
        try:
            store_article(
                item=article_input(text, published=published),
                extraction=Extraction(doc_id="1", timexes=(), events=()),
            )
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connection.close()

    first = threading.Thread(target=work, args=(first_text, first_day))
    first.start()
    assert first_linked.wait(timeout=30)
    second = threading.Thread(target=work, args=(copy_text, copy_day))
    second.start()
    second.join(timeout=1.5)
    assert second.is_alive()  # waiting for the merge lock
    release.set()
    first.join(timeout=60)
    second.join(timeout=60)
    assert not errors
    original, copy = Article.objects.order_by("id")
    assert original.text == first_text and original.duplicate_of_id is None
    assert copy.duplicate_of_id == original.pk
