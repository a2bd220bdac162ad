"""DateReference written with the article, replaced on re-extraction, deleted
with it; the model's input built from an Event queryset."""

from datetime import date

import pytest

from tests.timeline.factories import VOTE_1, article_input, event
from timeline.extraction.types import Extraction, Timex
from timeline.ingestion import store
from timeline.keyevents.data import key_events, model_input
from timeline.keyevents.rank import Request
from timeline.models import Article, DateReference, Event
from timeline.query import facet_counts

pytestmark = pytest.mark.django_db

TEXT = (
    "The UN General Assembly voted on Monday on a resolution condemning the "
    "invasion. Russia invaded Ukraine on 24 February 2022. Diplomats will meet "
    "again in March 2025."
)


def timex(value: str, type_: str = "DATE") -> Timex:
    return Timex(start=0, end=1, text="x", type=type_, value=value)


def refs(article: Article) -> set[tuple[str, date]]:
    return set(
        DateReference.objects.filter(article=article).values_list("precision", "day")
    )


def test_it_stores_every_day_the_article_refers_to_with_the_real_pipeline():
    summary = store.ingest([article_input(TEXT, published=date(2025, 2, 26))])

    assert summary.stored == 1
    article = Article.objects.get()
    # "Monday" and "24 February 2022" are days; "March 2025" a month. Only
    # the vote became an event here; every date expression is a reference.
    assert refs(article) == {
        ("day", date(2025, 2, 24)),
        ("day", date(2022, 2, 24)),
        ("month", date(2025, 3, 1)),
    }


def extraction_with(*values: str, events=()) -> Extraction:
    return Extraction(
        doc_id="1", timexes=tuple(timex(v) for v in values), events=tuple(events)
    )


def test_reextraction_replaces_the_references_and_deleting_removes_them():
    result = store.store_article(
        item=article_input(VOTE_1),
        extraction=extraction_with("2025-02-24", "2025-02", events=[event(VOTE_1)]),
    )
    article = Article.objects.get(pk=result.article_id)
    other = store.store_article(
        item=article_input("Another article."),
        extraction=extraction_with("2025-02-24"),
    )
    assert refs(article) == {("day", date(2025, 2, 24)), ("month", date(2025, 2, 1))}

    store.apply_extraction(
        article=article,
        extraction=extraction_with("2025-02-23", "2025-02-23T10:00", "2025-W09"),
    )
    assert refs(article) == {("day", date(2025, 2, 23)), ("week", date(2025, 2, 24))}

    article.delete()
    assert set(DateReference.objects.values_list("article_id", flat=True)) == {
        other.article_id
    }


def test_a_failure_while_storing_leaves_no_references(monkeypatch):
    def boom(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(facet_counts, "refresh_for_events", boom)

    with pytest.raises(RuntimeError, match="disk full"):
        store.store_article(
            item=article_input(VOTE_1),
            extraction=extraction_with("2025-02-24", events=[event(VOTE_1)]),
        )

    assert not Article.objects.exists()
    assert not DateReference.objects.exists()


def test_the_model_input_comes_from_the_events_their_mentions_and_references():
    first = store.store_article(
        item=article_input(VOTE_1, published=date(2025, 2, 24)),
        extraction=extraction_with("2025-02-24", "2025-W09", events=[event(VOTE_1)]),
    )
    store.store_article(
        item=article_input("Background piece.", published=date(2025, 3, 10)),
        extraction=extraction_with("2025-02-24", "2024-12-20"),
    )
    vote = Event.objects.get()

    inputs, evidence = model_input(
        Event.objects.all(), articles=Article.objects.all(), start=date(2025, 2, 1)
    )

    (e,) = inputs
    assert (e.id, e.start, e.precision, e.kind) == (
        vote.pk,
        date(2025, 2, 24),
        "day",
        "vote",
    )
    assert [(s.article_id, s.published, s.sentence) for s in e.sources] == [
        (first.article_id, date(2025, 2, 24), VOTE_1)
    ]
    assert len(e.actors) == 3  # the General Assembly, Ukraine, Russia
    assert evidence.n_articles == 2
    assert sorted(evidence.references[date(2025, 2, 24)]) == [
        date(2025, 2, 24),
        date(2025, 3, 10),
    ]
    assert date(2024, 12, 20) not in evidence.references  # before start - 31 days
    assert evidence.week_references == {date(2025, 2, 24): [date(2025, 2, 24)]}


def test_key_events_rank_the_filtered_queryset():
    store.store_article(
        item=article_input(VOTE_1, published=date(2025, 2, 24)),
        extraction=extraction_with("2025-02-24", events=[event(VOTE_1)]),
    )
    store.store_article(
        item=article_input(
            "Ukraine and Russia exchanged prisoners on Friday.",
            published=date(2025, 2, 28),
        ),
        extraction=extraction_with(
            "2025-02-28",
            events=[
                event(
                    "Ukraine and Russia exchanged prisoners on Friday.",
                    expression="Friday",
                    value="2025-02-28",
                    start=date(2025, 2, 28),
                    kind="agreement",
                    organizations=(),
                )
            ],
        ),
    )

    (key,) = key_events(
        Event.objects.filter(kind="vote"),
        Request(dates=5),
        articles=Article.objects.all(),
    )

    assert key.date == date(2025, 2, 24)
    assert key.events[0].first_source.sentence == VOTE_1
    assert key.events[0].explain().startswith("reported by 1 of 2 articles")


@pytest.mark.django_db
def test_a_story_is_the_collection_its_reports_are_counted_in():
    """With ?story=, an event's reports and the article total are the
    story's: reports of the same event from outside it do not count."""
    from tests.timeline.factories import make_key_coverage
    from timeline.keyevents.data import filtered_key_events, key_request
    from timeline.query.filters import TimelineFilters

    coverage = make_key_coverage()  # the vote: 4 articles, 3 in the story

    def vote(filters):
        for day in filtered_key_events(filters, key_request({"dates": "5"}, filters)):
            for ranked in day.events:
                if ranked.event_id == coverage["vote"].id:
                    return ranked
        raise AssertionError("the vote is not a key event")

    everything = vote(TimelineFilters())
    assert (everything.reports, everything.n_articles) == (4, 8)
    story = vote(TimelineFilters(stories=("libya-war",)))
    assert (story.reports, story.n_articles) == (3, 3)
    assert "reported by 3 of 3 articles" in story.explain()


def test_a_source_is_its_articles_lead_when_it_is_its_first_event_sentence():
    from tests.timeline.factories import add_mention, make_article, make_event
    from timeline.models import Status

    article = make_article("Officials met on Monday in Kyiv. More on Monday.")
    rejected = make_event(article, at=0, title="Furniture", status=Status.REJECTED)
    first = make_event(article, at=40, title="Officials met")
    later = make_event(article, at=90, title="They met again")
    add_mention(later, make_article("Talks resumed on Monday."), at=5)

    inputs, _ = model_input(Event.objects.all(), articles=Article.objects.all())

    leads = {e.id: [s.lead for s in e.sources] for e in inputs}
    # the rejected event's sentence does not count: the next one leads
    assert rejected.id not in leads
    assert leads[first.id] == [True]
    # the later sentence of the first article is not its lead; the other
    # article's only event sentence is
    assert leads[later.id] == [False, True]
