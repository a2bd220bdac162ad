"""manage.py remerge: reports what it merged."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.timeline.ingestion.test_remerge import stored_apart  # noqa: F401 - fixture
from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_it_merges_and_says_how_many(stored_apart):  # noqa: F811 - the fixture
    out = StringIO()
    call_command("remerge", stdout=out)
    assert "Merged 1 of 2 events" in out.getvalue()
    assert Event.objects.count() == 1
