"""Near-duplicate articles (syndicated copies, updated versions) are linked
at ingestion and count once as sources. Real Timeline17 articles (read from
../shared at test time, never committed)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache

import pytest

from tests.conftest import SHARED
from tests.timeline.factories import article_input, event
from timeline.domain.services import delete_articles
from timeline.extraction.types import Extraction
from timeline.ingestion import duplicates
from timeline.ingestion.store import store_article
from timeline.keyevents.data import model_input
from timeline.models import Article, ArticleBand, Event

pytestmark = pytest.mark.django_db

T17 = SHARED / "t17"

# One Reuters story filed twice (Monday evening EDT, Tuesday morning IST).
ALABAMA = (
    "bpoil_reuters/2010-09-27/1004.htm.txt",
    "bpoil_reuters/2010-09-28/573.htm.txt",
)
ALABAMA_SENTENCE = (
    "Alabama expects to receive billions of dollars in penalties from BP Plc "
    "in the wake of the oil spill in the Gulf of Mexico, a state commission "
    "said on Monday."
)


@cache
def _articles(collection: str) -> dict[str, tuple[str, date]]:
    path = T17 / f"{collection}.articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} absent (Timeline17 is read from ../shared at test time)")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        out[a["id"]] = (a["text"], date.fromisoformat(a["published"]))
    return out


def _text(article_id: str) -> tuple[str, date]:
    return _articles(article_id.split("/", 1)[0])[article_id]


def store(article_id: str, sentence: str = "", *, day: date | None = None):
    """Store the real article, with one event on `sentence` if given."""
    text, published = _text(article_id)
    events = ()
    if sentence:
        events = (
            event(
                sentence,
                at=text.index(sentence),
                expression="Monday",
                value=day.isoformat(),
                start=day,
                kind="other",
                organizations=("BP",),
                countries=("US",),
                anchor=published,
            ),
        )
    result = store_article(
        item=article_input(text, published=published, origin=article_id),
        extraction=Extraction(doc_id="1", timexes=(), events=events),
    )
    return Article.objects.get(pk=result.article_id)


def test_it_links_a_syndicated_copy_and_counts_the_story_once():
    monday = date(2010, 9, 27)
    first = store(ALABAMA[0], ALABAMA_SENTENCE, day=monday)
    copy = store(ALABAMA[1], ALABAMA_SENTENCE, day=monday)
    assert first.duplicate_of_id is None
    assert copy.duplicate_of_id == first.pk
    (ev,) = Event.objects.all()
    assert ev.mentions.count() == 2  # both sentences are kept as evidence
    assert ev.source_count == 1  # but one independent source
    (inp,), evidence = model_input(Event.objects.all(), articles=Article.objects.all())
    assert {s.source_id for s in inp.sources} == {first.pk}
    assert evidence.n_articles == 1


def test_different_stories_of_one_day_sharing_background_stay_apart():
    # Two BBC stories of 28-29 June 2009 sharing background paragraphs
    # (shingle Jaccard 0.54): the family's statement, the doctor's lawyer.
    a = store("MJ_bbc/2009-06-28/249.htm.txt")
    b = store("MJ_bbc/2009-06-29/1033.htm.txt")
    assert (
        duplicates.jaccard(duplicates.shingles(a.text), duplicates.shingles(b.text))
        > 0.5
    )
    assert b.duplicate_of_id is None and a.duplicate_of_id is None


def test_a_sidebar_repeated_inside_longer_pages_is_not_a_copy():
    # The BBC's "New cap for leaking oil well" box, all of it inside a longer page.
    page = store("bpoil_bbc/2010-07-12/154.htm.txt")
    box = store("bpoil_bbc/2010-07-16/842.htm.txt")
    assert page.duplicate_of_id is None and box.duplicate_of_id is None


def test_copies_point_to_the_earliest_and_stay_one_source_when_it_is_deleted():
    monday = date(2010, 9, 27)
    text, published = _text(ALABAMA[1])
    first = store(ALABAMA[0], ALABAMA_SENTENCE, day=monday)
    copy = store(ALABAMA[1], ALABAMA_SENTENCE, day=monday)
    # A third copy: the second, with its dateline changed by another site.
    third_text = text.replace("BIRMINGHAM, Ala., (Reuters)", "BIRMINGHAM (AP)")
    assert third_text != text
    result = store_article(
        item=article_input(third_text, published=published, origin="third"),
        extraction=Extraction(
            doc_id="1",
            timexes=(),
            events=(
                event(
                    ALABAMA_SENTENCE,
                    at=third_text.index(ALABAMA_SENTENCE),
                    value=monday.isoformat(),
                    start=monday,
                    kind="other",
                    organizations=("BP",),
                    countries=("US",),
                    anchor=published,
                ),
            ),
        ),
    )
    third = Article.objects.get(pk=result.article_id)
    assert third.duplicate_of_id == first.pk  # never a chain to the copy
    assert Event.objects.get().source_count == 1
    delete_articles(articles=Article.objects.filter(pk=first.pk))
    copy.refresh_from_db()
    third.refresh_from_db()
    assert copy.duplicate_of_id is None and third.duplicate_of_id == copy.pk
    assert Event.objects.get().source_count == 1


def test_re_extracting_the_earlier_article_last_keeps_the_links():
    first = store(ALABAMA[0])
    copy = store(ALABAMA[1])
    duplicates.link(article=first)  # as re-extraction does, in any order
    copy.refresh_from_db()
    first.refresh_from_db()
    assert copy.duplicate_of_id == first.pk and first.duplicate_of_id is None
    assert ArticleBand.objects.filter(article=first).count() == duplicates.BANDS


def test_a_copy_stored_before_the_detection_is_linked_when_the_original_is_relinked():
    # Data ingested before detection existed: the earlier article relinked
    # after the later one points the later one to it.
    first = store(ALABAMA[0])
    copy = store(ALABAMA[1])
    Article.objects.filter(pk=copy.pk).update(duplicate_of=None)
    ArticleBand.objects.filter(article=first).delete()
    first = Article.objects.get(pk=first.pk)
    moved = duplicates.link(article=first)
    assert moved == {copy.pk}
    assert Article.objects.get(pk=copy.pk).duplicate_of_id == first.pk


def test_a_short_text_has_no_signature():
    assert duplicates.band_keys(duplicates.shingles("Too short to compare.")) == []
