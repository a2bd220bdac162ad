"""Events from real parses: one per sentence and point-in-time expression.

The temporal expressions are given explicitly (as the tagger would give
them) so these tests pin down the event rules alone; the parse is the real
spaCy model's.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.entities import EntityResolver
from timeline.extraction.events import TITLE_MAX_CHARS, build_events
from timeline.extraction.nlp import get_nlp
from timeline.extraction.types import Timex

DCT = date(2025, 2, 24)


def events_for(text: str, *timexes: tuple[str, str, str], dct: date = DCT):
    """Events of `text`, given (expression, type, value) triples found in it."""
    doc = get_nlp()(text)
    found = []
    for expression, type_, value in timexes:
        start = text.index(expression)
        found.append(
            Timex(start, start + len(expression), expression, type_, value, dct)
        )
    return build_events(doc, found, EntityResolver().resolve(doc), dct)


def only(events):
    assert len(events) == 1, events
    return events[0]


def test_it_makes_one_event_per_point_in_time_expression():
    text = "Putin said on Monday that the teams met last week in Saudi Arabia."
    events = events_for(
        text, ("Monday", "DATE", "2025-02-24"), ("last week", "DATE", "2025-W08")
    )
    assert [e.value for e in events] == ["2025-02-24", "2025-W08"]
    assert events[0].sentence == events[1].sentence == text


@pytest.mark.parametrize(
    ("expression", "type_", "value"),
    [
        ("three years", "DURATION", "P3Y"),
        ("every week", "SET", "P1W"),
        ("now", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
    ],
)
def test_it_never_makes_events_from_durations_sets_or_vague_references(
    expression, type_, value
):
    text = "Ukraine has fought for three years and meets every week, now as recently."
    assert events_for(text, (expression, type_, value)) == []


def test_it_takes_range_and_precision_from_the_value():
    text = "The negotiators met last week in Riyadh."
    e = only(events_for(text, ("last week", "DATE", "2025-W08")))
    assert (e.start, e.end, e.precision) == (
        date(2025, 2, 17),
        date(2025, 2, 23),
        "week",
    )
    text = "Trump and Putin spoke earlier this month."
    e = only(events_for(text, ("earlier this month", "DATE", "2025-02")))
    assert (e.start, e.end, e.precision) == (
        date(2025, 2, 1),
        date(2025, 2, 28),
        "month",
    )


def test_it_dates_a_decade_and_stores_it_in_the_timeline_form():
    # the tagger writes the 1990s as TimeML does ("199"); the event keeps the
    # form the timeline stores and corrects ("199X"), with the same range
    text = "The company grew quickly in the 1990s."
    e = only(events_for(text, ("the 1990s", "DATE", "199")))
    assert (e.value, e.start, e.end, e.precision) == (
        "199X",
        date(1990, 1, 1),
        date(1999, 12, 31),
        "decade",
    )


def test_it_reports_offsets_that_slice_the_text():
    text = "Intro line.\nAlso on Monday, Trump said the deal was close. More text."
    e = only(events_for(text, ("Monday", "DATE", "2025-02-24")))
    assert text[e.sentence_start : e.sentence_end] == e.sentence
    assert text[e.expression_start : e.expression_end] == e.expression == "Monday"
    assert e.anchor == DCT


def test_it_keeps_a_headline_glued_to_the_sentence_out_of_the_evidence():
    text = "“ Very close ” on the agreement of minerals\nAlso on Monday, Trump said he thought so."
    e = only(events_for(text, ("Monday", "DATE", "2025-02-24")))
    assert e.sentence == "Also on Monday, Trump said he thought so."


def test_it_titles_the_event_with_who_did_what_without_the_date():
    text = (
        "However, Putin said on Monday that he had not discussed the resolution of "
        "the conflict in Ukraine in detail with Trump, and the teams did not agree."
    )
    e = only(events_for(text, ("Monday", "DATE", "2025-02-24")))
    assert e.title.startswith("Putin said that he had not discussed")
    assert "Monday" not in e.title
    assert "However" not in e.title
    assert len(e.title) <= TITLE_MAX_CHARS + 1
    assert e.title != e.sentence


def test_it_puts_the_speaker_before_a_fronted_quote():
    text = "“It’s time to put an end to this bleeding,” said Trump on Monday."
    e = only(events_for(text, ("Monday", "DATE", "2025-02-24")))
    assert e.title.startswith("Trump said: It’s time to put an end")


def test_it_titles_a_date_inside_a_messy_token():
    text = "Zelenskyy met 13 Western leaders in Kyiv MondayWhere they gathered for a summit."
    start = text.index("Monday")
    doc = get_nlp()(text)
    tx = Timex(start, start + 6, "Monday", "DATE", "2025-02-24", DCT)
    e = only(build_events(doc, [tx], EntityResolver().resolve(doc), DCT))
    assert e.expression == "Monday"
    assert e.title.startswith("Zelenskyy met 13 Western leaders")
    assert e.kind == "meeting"
    assert e.countries == ("UA",)


@pytest.mark.parametrize(
    ("text", "expression", "kind"),
    [
        ("Trump said on Monday that the war must end.", "Monday", "statement"),
        ("The minister announced the plan on Tuesday.", "Tuesday", "statement"),
        ("Macron met Trump at the White House on Monday.", "Monday", "meeting"),
        ("Scholz visited Kyiv on 3 March 2024.", "3 March 2024", "meeting"),
        ("Leaders gathered for a summit in Brussels on Monday.", "Monday", "meeting"),
        ("Trump and Putin spoke by phone on Wednesday.", "Wednesday", "call"),
        ("The assembly voted on the resolution on Monday.", "Monday", "vote"),
        ("Five countries abstained on Monday.", "Monday", "vote"),
        ("The two countries signed a trade deal on Friday.", "Friday", "agreement"),
        (
            "Russia launched its invasion of Ukraine on February 24, 2022.",
            "February 24, 2022",
            "attack",
        ),
        ("Rebels attacked the base on Sunday.", "Sunday", "attack"),
        ("Missiles struck Kyiv on Thursday.", "Thursday", "attack"),
        ("The factory reopened on Monday.", "Monday", "business"),
        ("The two sides struck a deal on Friday.", "Friday", "agreement"),
        ("The company added 300 jobs on Monday.", "Monday", "business"),
        ("GM fired its chief executive on Monday.", "Monday", "appointment"),
        ("The board declared a dividend on Monday.", "Monday", "business"),
        ("The talks collapsed on Monday.", "Monday", "meeting"),
        ("The ship sailed on Monday.", "Monday", "other"),
        (
            "The minister declared on Monday that the war was over.",
            "Monday",
            "statement",
        ),
    ],
)
def test_it_classifies_the_kind_by_the_governing_verb_and_nouns(text, expression, kind):
    e = only(events_for(text, (expression, "DATE", "2025-02-24")))
    assert e.kind == kind, e.title


@pytest.mark.parametrize(
    ("text", "expression", "value", "modality"),
    [
        (
            "Zelenskyy could potentially visit Washington this week.",
            "this week",
            "2025-W09",
            "possible",
        ),
        ("The talks might resume next week.", "next week", "2025-W10", "possible"),
        (
            "Macron will travel to Washington next week.",
            "next week",
            "2025-W10",
            "scheduled",
        ),
        (
            "The summit is scheduled to open on March 3.",
            "March 3",
            "2025-03-03",
            "scheduled",
        ),
        ("Elections are held in May.", "May", "2025-05", "scheduled"),
        ("Macron met Trump on Monday.", "Monday", "2025-02-24", "done"),
    ],
)
def test_it_tells_done_from_scheduled_and_possible(text, expression, value, modality):
    e = only(events_for(text, (expression, "DATE", value)))
    assert e.modality == modality


def test_it_is_more_confident_about_explicit_dates():
    explicit = only(
        events_for(
            "Russia invaded Ukraine on February 24, 2022.",
            ("February 24, 2022", "DATE", "2022-02-24"),
        )
    )
    relative = only(
        events_for("Macron met Trump on Monday.", ("Monday", "DATE", "2025-02-24"))
    )
    vague = only(events_for("Growth slowed in 2024.", ("2024", "DATE", "2024")))
    assert 0 < vague.confidence < relative.confidence < explicit.confidence <= 1


def test_it_lists_the_actors_countries_and_organisations_of_the_sentence():
    text = (
        "Russian President Vladimir Putin spoke on Friday. "
        "At the United Nations, Putin and the American envoy met on Monday."
    )
    events = events_for(
        text, ("Friday", "DATE", "2025-02-21"), ("Monday", "DATE", "2025-02-24")
    )
    assert events[0].actors == ("Vladimir Putin",)
    assert events[1].actors == ("Vladimir Putin",)
    assert events[1].organizations == ("United Nations",)
    # The American envoy's country, and Russia's: its president acts too.
    assert set(events[1].countries) == {"US", "RU"}


def test_it_takes_the_clause_verb_when_the_date_sits_in_a_dateline():
    text = (
        "BUDAPEST, March 12 (Xinhua) -- Hungary's president signed the "
        "accession document in a ceremony."
    )
    e = only(
        events_for(text, ("March 12", "DATE", "1999-03-12"), dct=date(1999, 3, 12))
    )
    assert "signed the accession document" in e.title
    assert "BUDAPEST" not in e.title
    assert e.kind == "agreement"
    assert e.countries == ("HU",)


def test_it_dates_the_story_not_the_headline_glued_before_a_wire_dateline():
    # bpoil_reuters 2010-06-11/569: headline and byline glued before the dateline
    text = (
        "Deep water rigs in tight supply around the world By Brian Ellsworth and "
        "Joshua Schneyer RIO DE JANEIRO, June 11 (Reuters) - Brazil could benefit "
        "from the BP Gulf of Mexico spill as a U.S. moratorium on offshore drilling "
        "boosts available rigs for the country's deep water oil exploration program."
    )
    e = only(events_for(text, ("June 11", "DATE", "2010-06-11"), dct=date(2010, 6, 11)))
    assert e.sentence.startswith("Brazil could benefit from the BP Gulf of Mexico")
    assert e.title.startswith("Brazil could benefit")
    assert "Ellsworth" not in e.title and "Brian Ellsworth" not in e.actors


def test_it_leaves_a_wire_datelines_date_to_the_storys_own_date():
    # bpoil_reuters 2010-08-04/317: the story's first sentence says "on Wednesday"
    text = (
        "UPDATE 4-US says most BP spill oil is gone or degrading \\* Most of the "
        "rest rapidly degrading, NOAA chief says (Updates with NOAA's Lubchenco, "
        "environmental comment) By Deborah Zabarenko, Environment Correspondent "
        "WASHINGTON, Aug 4 (Reuters) - Most oil from the BP spill is gone from the "
        "Gulf of Mexico or has degraded into tiny particles, with 26 percent "
        "remaining as a sheen or tarballs, buried in sediment or washed ashore, "
        "U.S. scientists said on Wednesday."
    )
    events = events_for(
        text,
        ("Aug 4", "DATE", "2010-08-04"),
        ("Wednesday", "DATE", "2010-08-04"),
        dct=date(2010, 8, 4),
    )
    assert [e.expression for e in events] == ["Wednesday"]
    assert "Zabarenko" not in events[0].title
    assert "Deborah Zabarenko" not in events[0].actors


def test_the_evidence_starts_after_the_pages_stamp_between_headline_and_story():
    # IraqWar_guardian 2005-03-06/333: headline, stamp and the story's first line
    text = (
        "Bush promises Italian leader a full investigation Sunday 6 March 2005 "
        "01.36 GMT The Italian journalist kidnapped in Iraq arrived back in Rome "
        "yesterday as fury and confusion grew over the circumstances in which she "
        "was shot and one of her rescuers was killed by American soldiers."
    )
    e = only(
        events_for(text, ("yesterday", "DATE", "2005-03-05"), dct=date(2005, 3, 6))
    )
    assert e.sentence.startswith("The Italian journalist kidnapped in Iraq")
    assert "GMT" not in e.title and "Bush" not in e.title
    assert "arrived back in Rome" in e.title


def test_it_reads_would_with_a_future_date_as_scheduled():
    text = "Macron said he would visit Washington next week."
    e = only(events_for(text, ("next week", "DATE", "2025-W10")))
    assert e.modality == "scheduled"
    text = "Putin would accept peacekeepers this month."
    e = only(events_for(text, ("this month", "DATE", "2025-02")))
    assert e.modality == "possible"


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "evidence"),
    [
        # "Photograph: PA An outbreak of swine flu at a Birmingham primary school
        # led to 44 new cases ...": the agency alone
        (
            "H1N1_guardian/2009-05-26/1128.htm.txt",
            "An outbreak of swine flu at a Birmingham",
            "yesterday",
            "An outbreak of swine flu at a Birmingham",
        ),
        # "Photograph: Jim Watson\/AFP\/Getty Images Prolonged exposure to crude
        # oil ...": two agencies
        (
            "bpoil_guardian/2010-05-28/378.htm.txt",
            "Prolonged exposure to crude oil",
            "yesterday",
            "Prolonged exposure to crude oil",
        ),
        # "... The Wall Street Bull awaits quarterly reports from top US firms
        # Photograph: Michael Nagle\/Getty Images US jobless claims fell 14,000
        # this week, ...": teasers and a caption before a credit inside the line
        (
            "H1N1_guardian/2009-04-27/599.htm.txt",
            "US jobless claims fell 14,000",
            "this week",
            "US jobless claims fell 14,000",
        ),
    ],
)
def test_a_glued_photo_credit_is_stripped_and_the_news_kept(
    article_id, fragment, expression, evidence
):
    from .realtext import event_in

    e = event_in(article_id, fragment, expression)
    assert e.sentence.startswith(evidence)


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression"),
    [
        # the noun's deadline: "She pledged legislation by August to address
        # the causes and consequences of the Deepwater Horizon disaster"
        ("bpoil_guardian/2010-06-10/1279.htm.txt", "She pledged legislation", "August"),
        # the relative clause's month: "Singapore Airlines, which will be the
        # first company to operate the new air giant, in July 2006, have opened
        # a reservation site for this first regular flight."
        ("wikinews-meantime-8951", "have opened a reservation site", "July 2006"),
        # a present perfect's bound: "Interior has placed a moratorium on any
        # new offshore drilling permits until at least May 28"
        ("bpoil_reuters/2010-05-18/2089.htm.txt", "has placed a moratorium", "May 28"),
    ],
)
def test_a_date_still_to_come_never_dates_a_done_act(article_id, fragment, expression):
    from .realtext import events_in

    found = events_in(article_id, fragment)
    assert [e.title for e in found if e.expression == expression] == []


def test_a_done_act_with_a_past_date_or_a_plan_with_a_future_one_stays():
    # "... the Deepwater Horizon disaster, which began when a BP oil rig caught
    # fire and sank on 20 April, killing 11 workers."
    from .realtext import event_in

    e = event_in("bpoil_guardian/2010-06-10/1279.htm.txt", "She pledged", "20 April")
    assert (e.value, e.modality) == ("2010-04-20", "done")
    # a written year on the verb itself, on a page updated after its date
    # (2009-01-22): "Kennedy passed away in August 2009, but Dodd chose ..."
    e = event_in(
        "Finan_washingtonpost/2009-01-22/1289.htm.txt", "Kennedy passed", "August 2009"
    )
    assert e.value == "2009-08"
    text = "Congress will pass legislation by August."
    e = only(events_for(text, ("August", "DATE", "2025-08")))
    assert (e.value, e.modality) == ("2025-08", "scheduled")


def test_an_agentless_passive_of_a_thing_is_its_governing_companys():
    # "So far, Boeing has received five orders from two customers for the
    # 777-200LR since it was announced in February 2000" (no organisation)
    from .realtext import event_in

    e = event_in("wikinews-meantime-4764", "since it was announced", "February 2000")
    assert e.organizations == ("Boeing",)
