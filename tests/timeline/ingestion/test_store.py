from datetime import date

import pytest

from tests.timeline.factories import (
    VOTE_1,
    VOTE_2,
    article_input,
    event,
    extraction,
    stale_link_copies,
)
from timeline.ingestion import store
from timeline.ingestion.lexicon import NameResolver
from timeline.ingestion.store import apply_extraction, set_event_date, store_article
from timeline.models import (
    Actor,
    ActorAlias,
    Article,
    Event,
    EventActor,
    EventCountry,
    ExtractionStatus,
    Mention,
)

pytestmark = pytest.mark.django_db


def test_it_stores_an_article_with_its_events_links_and_mentions():
    ev = event(actors=("Antonio Guterres",))
    result = store_article(
        item=article_input(title="UN vote"), extraction=extraction(ev)
    )

    assert (result.events_created, result.mentions_merged) == (1, 0)
    article = Article.objects.get()
    assert article.title == "UN vote"
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_version
    e = Event.objects.get()
    assert (e.value, e.start, e.end, e.precision, e.kind) == (
        "2025-02-24",
        date(2025, 2, 24),
        date(2025, 2, 24),
        "day",
        "vote",
    )
    assert (e.source_count, e.first_reported) == (1, date(2025, 2, 26))
    assert sorted(e.actors.values_list("name", "kind")) == [
        ("Antonio Guterres", "person"),
        ("United Nations General Assembly", "organization"),
    ]
    assert sorted(e.countries.values_list("code", flat=True)) == ["RU", "UA"]
    assert set(EventActor.objects.values_list("start", flat=True)) == {e.start}
    assert set(EventCountry.objects.values_list("start", flat=True)) == {e.start}
    m = Mention.objects.get()
    assert (m.article, m.event, m.expression, m.value) == (
        article,
        e,
        "Monday",
        "2025-02-24",
    )
    assert m.sentence == VOTE_1
    assert m.sentence[m.expression_start : m.expression_end] == "Monday"
    assert m.anchor_date == date(2025, 2, 26)
    assert m.confidence == 0.8


def test_it_merges_two_articles_reporting_the_same_vote():
    store_article(
        item=article_input(VOTE_1, published=date(2025, 2, 26)),
        extraction=extraction(event(VOTE_1)),
    )
    result = store_article(
        item=article_input(VOTE_2, published=date(2025, 2, 25)),
        extraction=extraction(event(VOTE_2, countries=("UA",))),
    )

    assert (result.events_created, result.mentions_merged) == (0, 1)
    e = Event.objects.get()
    assert e.mentions.count() == 2
    assert e.source_count == 2
    assert e.first_reported == date(2025, 2, 25)
    assert not e.date_conflict


def test_it_puts_a_finer_date_into_a_coarser_event_and_moves_its_links():
    store_article(
        item=article_input(VOTE_1),
        extraction=extraction(
            event(
                VOTE_1,
                value="2025-02",
                start=date(2025, 2, 1),
                end=date(2025, 2, 28),
                precision="month",
            )
        ),
    )
    store_article(item=article_input(VOTE_2), extraction=extraction(event(VOTE_2)))

    e = Event.objects.get()
    assert (e.value, e.start, e.end, e.precision) == (
        "2025-02-24",
        date(2025, 2, 24),
        date(2025, 2, 24),
        "day",
    )
    assert set(EventActor.objects.values_list("start", flat=True)) == {e.start}
    assert set(EventCountry.objects.values_list("start", flat=True)) == {e.start}


def test_it_flags_a_conflicting_date_instead_of_merging():
    store_article(item=article_input(VOTE_1), extraction=extraction(event(VOTE_1)))
    result = store_article(
        item=article_input(VOTE_2),
        extraction=extraction(
            event(VOTE_2, value="2025-02-23", start=date(2025, 2, 23))
        ),
    )

    assert (result.events_created, result.conflicts) == (1, 1)
    events = list(Event.objects.order_by("start"))
    assert [e.start for e in events] == [date(2025, 2, 23), date(2025, 2, 24)]
    assert all(e.date_conflict for e in events)
    assert all(e.source_count == 1 for e in events)


@pytest.mark.parametrize(
    "other",
    [
        {"kind": "statement"},
        {"organizations": ("NATO",), "countries": ("FR",)},
        {"value": "2024-02-24", "start": date(2024, 2, 24)},
    ],
    ids=["other kind", "no shared actor or country", "a year apart"],
)
def test_it_keeps_different_events_apart(other):
    store_article(item=article_input(VOTE_1), extraction=extraction(event(VOTE_1)))
    store_article(
        item=article_input(VOTE_2), extraction=extraction(event(VOTE_2, **other))
    )

    assert Event.objects.count() == 2
    assert not Event.objects.filter(date_conflict=True).exists()


def test_it_does_not_merge_unrelated_wording():
    other = "Ukraine and Russia exchanged prisoners of war on Monday in Belarus."
    store_article(item=article_input(VOTE_1), extraction=extraction(event(VOTE_1)))
    store_article(item=article_input(other), extraction=extraction(event(other)))

    assert Event.objects.count() == 2


def test_it_skips_the_same_text_with_other_whitespace():
    store_article(item=article_input(VOTE_1), extraction=extraction(event(VOTE_1)))
    result = store_article(
        item=article_input("  " + VOTE_1.replace(" ", "\n  ")),
        extraction=extraction(event(VOTE_1)),
    )

    assert result.duplicate
    assert result.article_id == Article.objects.get().pk
    assert Mention.objects.count() == 1


def test_it_counts_an_article_stored_meanwhile_by_another_process_as_duplicate():
    # The other process committed between our existence check and our insert:
    # the unique constraint decides, and nothing of ours is left behind.
    first = store_article(
        item=article_input(VOTE_1), extraction=extraction(event(VOTE_1))
    )
    result = store_article(
        item=article_input(VOTE_1),
        extraction=extraction(event(VOTE_1, actors=("Someone New",))),
    )

    assert result.duplicate and result.article_id == first.article_id
    assert not Actor.objects.filter(name="Someone New").exists()
    assert Mention.objects.count() == 1


def test_it_leaves_nothing_of_an_article_when_an_error_hits_halfway(monkeypatch):
    # The events, their actor links and the first mention are written when
    # the second mention fails.
    calls = []
    real_mention = store._mention

    def failing_mention(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("injected failure")
        return real_mention(*args, **kwargs)

    monkeypatch.setattr(store, "_mention", failing_mention)
    two = extraction(
        event(VOTE_1, actors=("Antonio Guterres",)),
        event(
            "Russia voted against.",
            expression="against",
            at=200,
            kind="statement",
            actors=("Vassily Nebenzia",),
        ),
    )
    resolver = NameResolver()
    with pytest.raises(RuntimeError, match="injected"):
        store_article(item=article_input(), extraction=two, resolver=resolver)

    assert Article.objects.count() == 0
    assert Event.objects.count() == 0
    assert Mention.objects.count() == 0
    assert EventActor.objects.count() == 0
    assert Actor.objects.count() == 0

    # Running again carries on: the resolver forgot the rolled-back actors.
    monkeypatch.setattr(store, "_mention", real_mention)
    result = store_article(item=article_input(), extraction=two, resolver=resolver)
    assert result.events_created == 2
    assert Actor.objects.filter(name="Antonio Guterres").count() == 1


def test_it_resolves_an_alias_to_its_actor():
    actor = Actor.objects.create(name="Volodymyr Zelenskyy", kind="person")
    ActorAlias.objects.create(actor=actor, alias="Zelensky")
    store_article(
        item=article_input(), extraction=extraction(event(actors=("zelensky",)))
    )

    assert list(Event.objects.get().actors.filter(kind="person")) == [actor]
    assert Actor.objects.filter(kind="person").count() == 1


def test_it_caps_the_events_of_one_article(settings):
    settings.NEWSLINE_MAX_EVENTS_PER_ARTICLE = 2
    sentences = [f"Officials number {n} met in Kyiv on Monday." for n in range(4)]
    events = [
        event(s, at=100 * n, kind=["meeting", "statement", "call", "attack"][n])
        for n, s in enumerate(sentences)
    ]
    result = store_article(item=article_input(), extraction=extraction(*events))

    assert result.events_created == 2
    assert Mention.objects.count() == 2


def test_it_skips_events_the_model_would_refuse():
    bad_range = event(start=date(2025, 2, 24), end=date(2025, 2, 1))
    odd = event(VOTE_2, at=300, kind="party", modality="maybe")
    store_article(item=article_input(), extraction=extraction(bad_range, odd))

    e = Event.objects.get()
    assert (e.kind, e.modality) == ("other", "done")


def test_it_keeps_link_dates_in_step_when_an_event_date_changes():
    store_article(item=article_input(), extraction=extraction(event()))
    e = Event.objects.get()
    set_event_date(
        event=e,
        value="2025-03-01",
        start=date(2025, 3, 1),
        end=date(2025, 3, 1),
        precision="day",
    )

    assert set(EventActor.objects.values_list("start", flat=True)) == {date(2025, 3, 1)}
    assert set(EventCountry.objects.values_list("start", flat=True)) == {
        date(2025, 3, 1)
    }


# --- re-extraction keeps admin work -------------------------------------------


def _stored(ev=None):
    result = store_article(
        item=article_input(), extraction=extraction(ev or event(VOTE_1))
    )
    return Article.objects.get(pk=result.article_id), Event.objects.get()


def test_it_replaces_untouched_events_on_reextract():
    article, old = _stored()
    other = event(
        "Russia voted against the resolution.",
        expression="against",
        at=0,
        kind="statement",
    )
    apply_extraction(article=article, extraction=extraction(other))

    assert not Event.objects.filter(pk=old.pk).exists()
    assert list(Event.objects.values_list("kind", flat=True)) == ["statement"]
    assert Mention.objects.get().article == article


def test_it_copies_the_new_kind_onto_the_links_on_reextract():
    article, old = _stored()
    assert set(EventActor.objects.values_list("kind", flat=True)) == {"vote"}
    apply_extraction(
        article=article, extraction=extraction(event(VOTE_1, kind="statement"))
    )

    new = Event.objects.get()
    assert new.kind == "statement"
    assert set(EventActor.objects.values_list("kind", flat=True)) == {"statement"}
    assert set(EventCountry.objects.values_list("kind", flat=True)) == {"statement"}
    assert stale_link_copies() == []


def test_it_keeps_a_corrected_kind_on_the_links_on_reextract():
    from timeline.domain.corrections import correct_event

    article, e = _stored()
    correct_event(event=e, user=None, changes={"kind": "statement"})
    # The new extraction still calls it a vote: the event keeps the admin's
    # kind, and so do its links.
    apply_extraction(article=article, extraction=extraction(event(VOTE_1)))

    e.refresh_from_db()
    assert e.kind == "statement" and e.mentions.count() == 1
    assert set(EventActor.objects.values_list("kind", flat=True)) == {"statement"}
    assert set(EventCountry.objects.values_list("kind", flat=True)) == {"statement"}
    assert stale_link_copies() == []


def test_it_keeps_an_admin_correction_on_reextract():
    article, e = _stored()
    e.title = "UN General Assembly condemns the invasion"
    e.kind = "vote"
    e.corrected_fields = ["title"]
    e.save()
    changed = event(VOTE_1, title="Something the new pipeline says")
    result = apply_extraction(article=article, extraction=extraction(changed))

    e.refresh_from_db()
    assert Event.objects.count() == 1
    assert e.title == "UN General Assembly condemns the invasion"
    assert e.mentions.get().title == "Something the new pipeline says"
    assert (result.events_created, result.mentions_merged) == (0, 1)
    assert e.source_count == 1


def test_it_does_not_touch_corrected_actors_or_dates_on_reextract():
    article, e = _stored(
        event(
            VOTE_1,
            value="2025-02",
            start=date(2025, 2, 1),
            end=date(2025, 2, 28),
            precision="month",
        )
    )
    e.corrected_fields = ["date", "actors"]
    e.save()
    e.actors.clear()
    finer = event(VOTE_1, actors=("Antonio Guterres",))
    apply_extraction(article=article, extraction=extraction(finer))

    e.refresh_from_db()
    assert (e.value, e.precision) == ("2025-02", "month")
    assert e.actors.count() == 0
    assert e.mentions.count() == 1


def test_it_never_brings_back_a_rejected_event():
    article, e = _stored()
    e.status = "rejected"
    e.save()

    apply_extraction(article=article, extraction=extraction(event(VOTE_1)))
    assert list(Event.objects.values_list("pk", "status")) == [(e.pk, "rejected")]
    assert Event.objects.visible().count() == 0

    # Another article reporting it attaches to the rejected event too.
    store_article(item=article_input(VOTE_2), extraction=extraction(event(VOTE_2)))
    assert list(Event.objects.values_list("pk", "status")) == [(e.pk, "rejected")]
    assert e.mentions.count() == 2


def test_it_keeps_verified_and_manual_events_even_when_extraction_drops_them():
    article, e = _stored()
    e.status = "verified"
    e.save()
    manual = Event.objects.create(
        start=date(2025, 2, 20),
        end=date(2025, 2, 20),
        precision="day",
        value="2025-02-20",
        title="Added by hand",
        kind="other",
        is_manual=True,
    )
    apply_extraction(article=article, extraction=extraction())

    assert set(Event.objects.values_list("pk", flat=True)) == {e.pk, manual.pk}
    e.refresh_from_db()
    assert e.status == "verified"
    assert e.source_count == 0


def test_it_keeps_an_event_other_articles_still_report():
    article, e = _stored()
    store_article(item=article_input(VOTE_2), extraction=extraction(event(VOTE_2)))
    apply_extraction(article=article, extraction=extraction())

    e.refresh_from_db()
    assert e.source_count == 1
    assert e.mentions.get().sentence == VOTE_2


def test_it_rolls_back_changes_to_stored_events_when_an_article_fails(monkeypatch):
    store_article(
        item=article_input(VOTE_1),
        extraction=extraction(
            event(
                VOTE_1,
                value="2025-02",
                start=date(2025, 2, 1),
                end=date(2025, 2, 28),
                precision="month",
            )
        ),
    )

    def failing_mention(*args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(store, "_mention", failing_mention)
    with pytest.raises(RuntimeError):
        store_article(
            item=article_input(VOTE_2),
            extraction=extraction(event(VOTE_2, actors=("Antonio Guterres",))),
        )

    e = Event.objects.get()
    assert (e.value, e.precision, e.start) == ("2025-02", "month", date(2025, 2, 1))
    assert set(EventActor.objects.values_list("start", flat=True)) == {e.start}
    assert not e.actors.filter(name="Antonio Guterres").exists()
    assert Article.objects.count() == 1


def test_it_does_not_flag_similar_reports_with_other_figures_as_a_conflict():
    day_1 = "The DAX was 6.62% lower on Monday as of 16:08 UTC."
    day_2 = "The DAX was 1.75% lower on Monday as of 16:08 UTC."
    common = {"kind": "other", "organizations": ("DAX",), "countries": ("DE",)}
    store_article(
        item=article_input(day_1), extraction=extraction(event(day_1, **common))
    )
    store_article(
        item=article_input(day_2),
        extraction=extraction(
            event(day_2, value="2025-02-17", start=date(2025, 2, 17), **common)
        ),
    )

    assert Event.objects.count() == 2
    assert not Event.objects.filter(date_conflict=True).exists()


def test_it_stores_one_mention_when_two_expressions_of_a_sentence_date_one_event():
    text = (
        "Boeing's new aircraft made its first test flight on Tuesday at 18:00 UTC "
        "in Everett, Washington."
    )
    day = event(text, expression="Tuesday", kind="other", value="2009-12-15")
    clock = event(text, expression="18:00 UTC", kind="other", value="2009-12-15")
    result = store_article(item=article_input(text), extraction=extraction(day, clock))
    assert result.events_created == 1
    mention = Mention.objects.get()
    assert mention.expression == "Tuesday"
    assert Event.objects.get().source_count == 1


def test_it_keeps_two_sentences_of_one_article_as_two_mentions():
    text = f"{VOTE_1} {VOTE_2}"
    first = event(VOTE_1)
    second = event(VOTE_2, at=len(VOTE_1) + 1)
    store_article(item=article_input(text), extraction=extraction(first, second))
    assert Event.objects.count() == 1
    assert Mention.objects.count() == 2


def test_it_stores_an_event_on_the_first_day_and_drops_one_past_the_range():
    first = event(value="0001-01-01", start=date(1, 1, 1))
    later = event(VOTE_2, at=200, value="9999-12-31", start=date(9999, 12, 31))
    result = store_article(item=article_input(), extraction=extraction(first, later))
    assert result.events_created == 1
    assert list(Event.objects.values_list("value", flat=True)) == ["0001-01-01"]


def test_it_reports_an_unencodable_text_and_stores_the_rest(monkeypatch):
    from tests.timeline.factories import FakePipeline

    monkeypatch.setattr(store, "extract", FakePipeline())
    summary = store.ingest(
        [article_input("lone \ud800 surrogate", origin="x:1"), article_input()]
    )
    assert (summary.stored, [str(f) for f in summary.failures]) == (
        1,
        [f"x:1: {store.NOT_UTF8}"],
    )
