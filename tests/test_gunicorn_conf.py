"""gunicorn's worker hook builds the facet index before the first request."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from newsline.gunicorn_conf import post_worker_init
from tests.timeline.factories import make_dated_event
from timeline.query import facet_counts, facet_index


@pytest.mark.django_db(transaction=True)
def test_it_builds_the_facet_index_when_a_worker_starts():
    event = make_dated_event(value="2025-02-24")
    post_worker_init(worker=None)
    index = facet_index._holder.index
    assert index is not None
    assert index.ids.tolist() == [event.id]
    assert facet_index.current(facet_counts.data_stamp()) is index  # no second build


@pytest.mark.django_db
def test_it_starts_the_worker_even_if_the_database_cannot_answer(monkeypatch, caplog):
    def broken():
        raise OperationalError("no such table: timeline_event")

    monkeypatch.setattr(facet_counts, "data_stamp", broken)
    assert facet_index.warm() is False
    assert "no such table" in caplog.text
    assert facet_index._holder.index is None
