"""Titles say who did what (to whom): real sentences, whole pipeline.

Wikinews articles are the bundled sample; Timeline17 articles are read from
../shared/t17 by id at test time (skipped when absent).
"""

from __future__ import annotations

import re

import pytest

from timeline.extraction.nlp import get_nlp
from timeline.extraction.titles import TITLE_MAX_WORDS, tidy

from .realtext import WIKINEWS, event_in, events_in, events_of

_CONJUNCTIONS = re.compile(
    r"^(and|but|or|nor|so|because|while|when|if|although|though|unless)\b",
    re.IGNORECASE,
)


def test_it_names_the_person_he_refers_to():
    # "... that Jobs, aged 55, has taken medical leave. He fought pancreatic cancer in 2004"
    e = event_in("wikinews-meantime-238039", "He fought pancreatic cancer", "2004")
    assert e.title == "Steve Jobs fought pancreatic cancer"


def test_it_takes_the_articles_person_for_he_after_a_description_of_them():
    # "... said Quincy Jones ... The singer had been dogged by controversy ...
    # He was arrested in 2003": he is the singer, not the last name quoted
    e = event_in("MJ_bbc/2009-06-27/794.htm.txt", "He was arrested in 2003", "2003")
    assert e.title.startswith("Jackson was arrested on charges of molesting")


def test_it_resolves_the_company_to_the_articles_company():
    # "In 2005 it lost $1.6 billion and recently the company reported a second
    # quarter loss ..." in an article about Ford
    e = event_in(
        "wikinews-meantime-47720", "recently the company reported", "a second quarter"
    )
    # (the report keeps its period: dates11)
    assert e.title.startswith("Ford reported a second quarter loss of $254 million")
    it = event_in("wikinews-meantime-47720", "recently the company reported", "2005")
    assert it.title == "Ford lost $1.6 billion"


def test_it_gives_a_subjectless_participle_clause_its_subject():
    # "Appointed chief justice in 1953, Earl Warren turned out to be ..."
    e = event_in(
        "IraqWar_guardian/2005-09-05/70.htm.txt",
        "Appointed chief justice in 1953",
        "1953",
    )
    assert e.title == "Earl Warren was appointed chief justice"
    assert e.kind == "appointment"


def test_it_finds_the_subject_a_broken_line_left_on_the_line_before():
    # "... former Sen. Paul Simon (D-Ill.)\ntried to get Dodd into the race 20 years ago."
    e = event_in(
        "Finan_washingtonpost/2009-01-22/1289.htm.txt",
        "tried to get Dodd into the race",
        "20 years ago",
    )
    assert e.title == "Former Sen. Paul Simon tried to get Dodd into the race"
    # "... Senate Majority Leader Harry M. Reid (D-Nev.)\nsaid yesterday that ..."
    e = event_in(
        "Finan_washingtonpost/2009-01-22/552.htm.txt",
        "said yesterday that he would force",
        "yesterday",
    )
    assert e.title.startswith("Senate Majority Leader Harry M. Reid said that he would")


def test_it_never_starts_a_title_with_to():
    # "To them Galloway was a plain-speaking Scot who had socked it to a Senate
    # committee back in May."
    e = event_in("IraqWar_guardian/2005-09-18/75.htm.txt", "To them Galloway", "May")
    assert not e.title.lower().startswith("to ")
    assert "socked it to a Senate committee" in e.title


def test_it_drops_relative_clauses_from_the_title():
    # "... to purchase the six percent of automaker Chrysler that the US
    # government currently owns, which would give the Italian company ..."
    e = event_in("wikinews-meantime-264435", "Fiat announced on Friday", "Friday")
    assert e.title == (
        "Fiat announced that it intends to purchase the six percent of automaker Chrysler"
    )


def test_it_titles_the_event_of_a_relative_clause_with_its_antecedent():
    # "... will replace Mac OS X Snow Leopard, which was released in 2009."
    e = event_in("wikinews-meantime-265977", "which was released in 2009", "2009")
    assert e.title == "Mac OS X Snow Leopard was released"


def test_it_keeps_the_reported_event_when_the_date_is_the_reported_events():
    # "BP spokesman Mark Proegler said engineers began pumping dispersant on
    # the site on Monday morning.": the pumping began on Monday morning
    e = event_in(
        "bpoil_bbc/2010-05-10/1899.htm.txt",
        "said engineers began pumping",
        "Monday morning",
    )
    assert e.title == "Engineers began pumping dispersant on the site"
    assert "said" not in e.title


def test_it_keeps_the_statement_when_the_date_is_the_statements():
    # "... a BP official told the Associated Press news agency on Monday that
    # the company had received US government approval ..."
    e = event_in(
        "bpoil_bbc/2010-05-10/1899.htm.txt",
        "told the Associated Press news agency on Monday",
        "Monday",
    )
    assert e.title.startswith("A BP official told the Associated Press news agency")
    assert e.kind == "statement"


def test_it_tells_a_scheduled_event_with_will():
    # "The Michael Forever concert takes place at Cardiff's Millennium Stadium
    # on 8 October." (published in August)
    e = event_in(
        "MJ_bbc/2011-08-12/1008.htm.txt", "takes place at Cardiff", "8 October"
    )
    assert e.modality == "scheduled"
    assert "will take place at Cardiff's Millennium Stadium" in e.title


def test_it_tells_a_done_event_in_the_past():
    # "David says today, over bottles of beer in a north London bar ..."
    e = event_in("IraqWar_guardian/2005-11-17/295.htm.txt", "David says today", "today")
    assert e.title.startswith("David said ")
    # "... Barbara Boxer, who says today that the spill “could be one of the
    # greatest environmental disasters ...": the relative clause's antecedent
    # speaks, and the quoted clause keeps its verb
    e = event_in("bpoil_guardian/2010-05-11/97.htm.txt", "who says today", "today")
    assert "Barbara Boxer said that the spill could be one of the greatest" in e.title


def _wikinews_ids() -> list[str]:
    return [
        line.split('"id": "', 1)[1].split('"', 1)[0]
        for line in WIKINEWS.read_text("utf-8").splitlines()
    ]


@pytest.fixture(scope="module")
def wikinews_titles() -> list[str]:
    return [e.title for article_id in _wikinews_ids() for e in events_of(article_id)]


def test_no_wikinews_title_is_long_cut_off_or_starts_like_a_fragment(wikinews_titles):
    assert len(wikinews_titles) > 300
    for title in wikinews_titles:
        assert len(title.split()) <= TITLE_MAX_WORDS, title
        assert "…" not in title and "..." not in title, title
        assert title[:1].isupper() or title[:1].isdigit() or title[:1] == "$", title
        assert not _CONJUNCTIONS.match(title), title
        assert not title.lower().startswith("to "), title


def test_no_wikinews_title_starts_with_a_verb(wikinews_titles):
    nlp = get_nlp()
    starts = [
        doc[0]
        for doc in nlp.pipe(wikinews_titles)
        if len(doc) > 1 and doc[0].pos_ in ("VERB", "AUX") and doc[0].dep_ == "ROOT"
    ]
    # the small model tags a few names and nouns as verbs; a title that really
    # starts with its verb has it as the root
    assert len(starts) <= len(wikinews_titles) // 100, [t.sent.text for t in starts]


def test_it_tidies_what_cutting_out_the_date_leaves():
    # "A $63,000 contract may or may not be renewed" loses "or" with the date
    assert tidy("a $63,000 contract may may not be renewed") == (
        "A $63,000 contract may not be renewed"
    )
    # "six new A330-300E aircraft from 2009 to 2011" dated by 2009
    assert tidy("Aer Lingus will receive six aircraft from to 2011") == (
        "Aer Lingus will receive six aircraft to 2011"
    )
    assert tidy("“The deal was signed” and") == "The deal was signed"
    long = " ".join(f"word{i}" for i in range(30))
    assert len(tidy(long).split()) == TITLE_MAX_WORDS
    assert "…" not in tidy(long)


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "start"),
    [
        # "AP ROBERT, Louisiana -- BP admitted defeat Saturday in its attempt ..."
        (
            "bpoil_foxnews/2010-05-29/245.htm.txt",
            "BP admitted defeat",
            "Saturday",
            "BP admitted defeat",
        ),
        # "... | Sat May 8, 2010 5:29 pm EDT ROBERT, Louisiana (Reuters) - BP Plc
        # suffered a setback on Saturday ..."
        (
            "bpoil_reuters/2010-05-08/218.htm.txt",
            "BP Plc suffered a setback",
            "Saturday",
            "BP Plc suffered a setback",
        ),
    ],
)
def test_it_leaves_the_dateline_out_of_the_title_and_evidence(
    article_id, fragment, expression, start
):
    e = event_in(article_id, fragment, expression)
    assert e.title.startswith(start)
    assert e.sentence.startswith(start)


def test_it_dates_no_event_by_the_page_stamp_before_a_dateline():
    # "2009 06 13 00:11 JST GENEVA (Reuters) - The World Health Organization
    # declared an influenza pandemic on Thursday ...": the stamp is when the
    # page was made; the sentence's own "Thursday" dates the declaration.
    found = events_in("H1N1_reuters/2009-06-13/379.htm.txt", "declared an influenza")
    assert [(e.expression, e.value) for e in found] == [("Thursday", "2009-06-11")]
    assert (
        found[0].title == "The World Health Organization declared an influenza pandemic"
    )


def test_it_titles_the_clause_inside_the_dashes_when_the_date_is_there():
    # "... to halt the leak -- which began after the Deepwater Horizon rig
    # exploded on April 20, killing 11 crew members -- but ..."
    e = event_in("bpoil_reuters/2010-05-08/218.htm.txt", "rig exploded on", "April 20")
    assert e.title.startswith("The Deepwater Horizon rig exploded")


def test_it_tells_an_absolute_gerund_in_the_past():
    # "..., with the International Monetary Fund predicting this week that its
    # economy would contract by 3.7 percent."
    e = event_in(
        "Finan_washingtonpost/2009-04-27/1041.htm.txt",
        "International Monetary Fund predicting",
        "this week",
    )
    assert e.title.startswith("The International Monetary Fund predicted that")


def test_it_leaves_the_predicates_other_dates_out():
    # "... the bank reported profit of more than $13 billion from 2000 to 2006.":
    # the range's start dates it, its end makes no second event
    e = event_in(
        "Finan_washingtonpost/2008-10-25/460.htm.txt", "profit of more than", "2000"
    )
    # ("PNC" is the article's PNC Financial Services Group, one organisation)
    assert (
        e.title
        == "PNC Financial Services Group reported profit of more than $13 billion"
    )
    found = events_in("Finan_washingtonpost/2008-10-25/460.htm.txt", "profit of more")
    assert [x.expression for x in found] == ["2000"]


def test_it_keeps_a_short_quote_and_a_quoted_argument():
    # 'George Galloway, ..., was labeled a “disgrace” last night by ... Hitchens'
    e = event_in("IraqWar_guardian/2005-09-15/207.htm.txt", "labeled a", "last night")
    assert e.title.startswith("George Galloway was labeled a disgrace by")
    # '... said Sunday that “a failed piece of equipment” was to blame ...'
    e = event_in("bpoil_foxnews/2010-05-02/1068.htm.txt", "failed piece", "Sunday")
    assert "said that a failed piece of equipment was to blame" in e.title


def test_it_does_not_take_a_group_for_the_person_it_is_of():
    # "Last night, friends of Cook said his demise had left a huge gap ..."
    e = event_in(
        "IraqWar_guardian/2005-08-07/183.htm.txt", "friends of Cook", "Last night"
    )
    assert e.title.startswith("Friends of Cook said")


def test_it_tells_an_expected_completion_with_will():
    # "... the sale, which is expected to be completed by Dec. 28."
    e = event_in(
        "bpoil_washingtonpost/2010-11-28/1172.htm.txt",
        "expected to be completed",
        "Dec. 28",
    )
    assert e.title == "The sale will be completed"
    assert e.modality == "scheduled"


def test_it_leaves_an_extraposed_it_alone():
    # "Yesterday, it was announced that her son Jack had also died.": "it"
    # stands for the that-clause, not for the last thing named
    e = event_in("H1N1_bbc/2009-06-16/12.htm.txt", "it was announced that", "Yesterday")
    assert e.title.startswith("It was announced that her son")


def test_it_tells_a_scheduled_passive_in_the_present_with_will():
    # "... before the bill is published in October."
    e = event_in(
        "IraqWar_guardian/2005-07-18/110.htm.txt",
        "before the bill is published",
        "October",
    )
    assert e.title == "The bill will be published"


def test_it_titles_a_dated_gerund_object_with_the_verb_it_completes():
    # "... and that the company hoped to resume pumping by midnight, if federal
    # officials approved."
    e = event_in(
        "bpoil_guardian/2010-05-28/656.htm.txt", "hoped to resume pumping", "midnight"
    )
    assert e.title == "BP hoped to resume pumping"


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "title"),
    [
        # "Dave Martin\/AP BP's woes over the Deepwater Horizon oil disaster
        # increased today when ..."
        (
            "bpoil_guardian/2010-06-02/2185.htm.txt",
            "BP's woes over the Deepwater",
            "today",
            "BP's woes over the Deepwater Horizon oil disaster increased",
        ),
        # "Photograph: Patrick Semansky\/AP BP will begin its legal offensive
        # this month to cap its liabilities from the Gulf of Mexico disaster
        # by offering ..." (the infinitive after the object says what for;
        # "disaster", parsed as an apposition of "Gulf", ends its phrase)
        (
            "bpoil_guardian/2010-08-01/1962.htm.txt",
            "BP will begin its legal offensive",
            "this month",
            "BP will begin its legal offensive to cap its liabilities"
            " from the Gulf of Mexico disaster",
        ),
    ],
)
def test_it_leaves_a_glued_photo_credit_out_of_the_title(
    article_id, fragment, expression, title
):
    assert event_in(article_id, fragment, expression).title == title


def test_it_titles_an_infinitive_of_a_noun_with_the_verb_above_it():
    # "... after a buildup of crystallized gas in the dome forced engineers to
    # delay efforts to place a massive four-story containment chamber over
    # the rupture on Saturday.": not "BP to place ..."
    e = event_in(
        "bpoil_reuters/2010-05-09/1904.htm.txt", "forced engineers", "Saturday"
    )
    assert "forced engineers to delay efforts" in e.title


def test_it_keeps_what_a_speech_verb_reports_when_the_title_is_cut():
    # "Coast Guard Adm. Thad Allen told a White House briefing Monday that a
    # cap on the damaged oil well is now keeping up to 462,000 gallons ..."
    e = event_in("bpoil_foxnews/2010-06-08/949.htm.txt", "told a White House", "Monday")
    assert e.title.startswith(
        "Coast Guard Adm. Thad Allen told a White House briefing that a cap"
    )


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "title"),
    [
        # a particle the model parses as an adverb: "Kennedy passed away in
        # August 2009, but Dodd chose not to take over the chairmanship"
        (
            "Finan_washingtonpost/2009-01-22/1289.htm.txt",
            "Kennedy passed away",
            "August 2009",
            "Kennedy passed away",
        ),
        # a reduced relative parsed as the noun's verb: "The latest case of
        # swine flu, confirmed on Tuesday, was in an adult from ..."
        (
            "H1N1_bbc/2009-05-05/976.htm.txt",
            "The latest case of swine flu",
            "Tuesday",
            "The latest case of swine flu was confirmed",
        ),
        # a passive infinitive qualifying a noun: "... in testimony to be given
        # at separate hearings Tuesday before two Senate committees"
        (
            "bpoil_foxnews/2010-05-11/1929.htm.txt",
            "testimony to be given",
            "Tuesday",
            "Testimony was given at separate hearings",
        ),
        # a unit glued to its number: "Leahy said $10m was added to the
        # foreign aid bill last year"
        (
            "IraqWar_guardian/2005-04-20/12.htm.txt",
            "Leahy said $10m",
            "last year",
            "$10m was added to the foreign aid bill",
        ),
        # "Obama will visit Mississippi, Alabama and Florida during a two-day
        # trip beginning on Monday, the White House said.": the visit, not
        # "A two-day trip began"; the list keeps its commas
        (
            "bpoil_reuters/2010-06-08/1745.htm.txt",
            "two-day trip beginning",
            "Monday",
            "Obama will visit Mississippi, Alabama and Florida during a two-day trip",
        ),
    ],
)
def test_it_keeps_the_words_that_make_the_clause(
    article_id, fragment, expression, title
):
    assert event_in(article_id, fragment, expression).title == title


def test_a_fronted_report_keeps_its_own_clause_not_its_subjects_relative():
    # "A new flu that has killed up to 68 people in Mexico could start a global
    # epidemic, the World Health Organization warned on Saturday, ..."
    e = event_in("H1N1_reuters/2009-04-25/936.htm.txt", "A new flu", "Saturday")
    assert e.title == (
        "The World Health Organization warned: A new flu could start a global epidemic"
    )


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "start"),
    [
        # "Friday, October 22, 2010; 8:45 PM The Interior Department is
        # reviewing its first request ..., officials said Friday."
        (
            "bpoil_washingtonpost/2010-10-22/535.htm.txt",
            "The Interior Department is reviewing",
            "Friday",
            "Officials said: The Interior Department is reviewing",
        ),
        # a headline and a stamp before a desk's dateline: "BP says it won't
        # fight cap waiver on spill damages NEW YORK | Fri Nov 19, 2010 6:26 pm
        # EST NEW YORK Nov 19 (Reuters Legal) - BP Plc won't object to ..."
        (
            "bpoil_reuters/2010-11-19/40.htm.txt",
            "BP Plc won't object",
            "Friday",
            "BP said: BP Plc won't object",
        ),
    ],
)
def test_it_leaves_a_stamp_or_headline_before_the_sentence_out(
    article_id, fragment, expression, start
):
    e = event_in(article_id, fragment, expression)
    assert e.title.startswith(start)
    assert not re.search(r"\d:\d\d|NEW YORK|Reuters", e.title)
    assert not e.sentence.startswith(("Friday, October", "BP says"))


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "title"),
    [
        # the object of a relative clause is its antecedent: "Palin, whom McCain
        # chose as his running mate in August, has regaled crowds ..."
        (
            "Finan_washingtonpost/2008-09-24/1504.htm.txt",
            "whom McCain chose",
            "August",
            "McCain chose Palin as his running mate",
        ),
        # "-- A $20 billion fund that BP set up in August for individuals and
        # private businesses that were affected by the spill."
        (
            "bpoil_foxnews/2010-12-29/782.htm.txt",
            "fund that BP set up",
            "August",
            "BP set up a $20 billion fund for individuals and private businesses",
        ),
        # prepositions emptied by the dates go with them: "... and expected
        # further impacts in the fourth quarter and into 2011."
        (
            "bpoil_reuters/2010-12-01/38.htm.txt",
            "expected further impacts",
            "the fourth quarter",
            "BP expected further impacts",
        ),
        # an adverb of place that completes the verb: "The center of Bonnie came
        # ashore Friday near Cutler Bay, about 20 miles south of Miami."
        (
            "bpoil_foxnews/2010-07-24/1595.htm.txt",
            "came ashore",
            "Friday",
            "The center of Bonnie came ashore near Cutler Bay about 20 miles south"
            " of Miami",
        ),
        # a complementizer parsed into the subject: "... told reporters in a
        # briefing that drilling of the first of two relief wells, seen as ...,
        # could resume by Thursday."
        (
            "bpoil_reuters/2010-08-03/525.htm.txt",
            "drilling of the first of two relief wells",
            "Thursday",
            "Drilling of the first of two relief wells could resume",
        ),
        # a dateline parsed as the subject, the company as its apposition:
        # "GRAND ISLE, La. -- BP said Thursday that it plans to boost ..."
        (
            "bpoil_foxnews/2010-06-10/640.htm.txt",
            "it plans to boost its ability",
            "Thursday",
            "BP said that it plans to boost its ability",
        ),
    ],
)
def test_it_builds_the_clause_from_what_the_parse_hides(
    article_id, fragment, expression, title
):
    assert event_in(article_id, fragment, expression).title == title


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "title"),
    [
        # a speech verb hung on what was said: "The incident has so far cost BP
        # $1.6 bn, the energy giant said on Monday."
        (
            "bpoil_bbc/2010-06-15/2135.htm.txt",
            "The incident has so far cost BP",
            "Monday",
            "BP said: The incident has cost BP $1.6 bn",
        ),
        # a long speaker is pruned to leave room for the report, which is
        # pruned by its phrases, not cut: "“The fact that we are seeing ongoing
        # transmission now indicates that we are seeing something different,”
        # Dr. Daniel Jernigan of the U.S. Centers for Disease Control and
        # Prevention told reporters this week."
        (
            "H1N1_reuters/2009-06-19/926.htm.txt",
            "The fact that we are seeing ongoing",
            "this week",
            "Dr. Daniel Jernigan of the U.S. Centers told reporters: The fact"
            " now indicates that we are seeing something different",
        ),
    ],
)
def test_it_keeps_what_was_said_after_the_speaker(
    article_id, fragment, expression, title
):
    assert event_in(article_id, fragment, expression).title == title


def test_a_fronted_report_loses_an_apposition_with_its_commas():
    # "Ford Motor Company, the U.S. car maker, will reportedly pay $57 million
    # (US$ 78 million) for a 72.4 percent stake in the Romanian assembly plant
    # Automobile Craiova, a Romanian official said Friday."
    e = event_in("wikinews-meantime-79240", "Ford Motor Company, the U.S.", "Friday")
    assert e.title.startswith(
        "A Romanian official said: Ford Motor Company will reportedly pay $57 million"
    )


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "title"),
    [
        # "... reviewed the financial risks facing a trust fund Congress
        # authorized in 1990 after the Exxon Valdez incident to pay ..."
        (
            "bpoil_washingtonpost/2010-11-14/1081.htm.txt",
            "Congress authorized in 1990",
            "1990",
            "Congress authorized a trust fund after the Exxon Valdez incident",
        ),
        # "... lawmakers traded barbs over the agreement President Obama
        # announced on Wednesday with BP for the establishment of a $20 billion
        # relief fund."
        (
            "bpoil_foxnews/2010-06-17/496.htm.txt",
            "the agreement President Obama announced",
            "Wednesday",
            "President Obama announced the agreement with BP for the establishment of a"
            " $20 billion relief fund",
        ),
    ],
)
def test_a_relative_clause_without_a_relative_word_takes_its_noun_as_object(
    article_id, fragment, expression, title
):
    assert event_in(article_id, fragment, expression).title == title


def test_a_way_or_a_time_is_no_object_of_its_relative_clause():
    from datetime import date

    from timeline.extraction.pipeline import extract
    from timeline.extraction.types import Document

    text = "Voters disliked the way the council voted in March 2010."
    (extraction,) = extract([Document(text, date(2009, 1, 1))])
    assert [e.title for e in extraction.events] == ["The council voted"]


def test_a_name_after_its_description_is_no_relative_clause_subject():
    # "The American auto company Chrysler filed for bankruptcy Thursday, ...":
    # parsed as a relative clause on "company", but no "filed the company"
    e = event_in(
        "wikinews-meantime-125796", "Chrysler filed for bankruptcy", "Thursday"
    )
    assert e.title == "Chrysler filed for bankruptcy"


# -- definite descriptions and subjects (branch subj4) ----------------------------


@pytest.mark.parametrize(
    ("article_id", "fragment", "expression", "title", "org"),
    [
        # "The oil major had said last week that it would suspend dividends and
        # increase the pace of asset sales ...": a description with a noun
        # before its head, and "it" after it, are the article's company
        (
            "bpoil_reuters/2010-06-20/462.htm.txt",
            "The oil major had said last week",
            "this year",
            "BP would increase the pace of asset sales to $10 billion",
            "BP",
        ),
        # "Interior Secretary Ken Salazar told Senate committees Tuesday that the
        # company would attempt ...": the company is no public body
        (
            "bpoil_washingtonpost/2010-05-19/627.htm.txt",
            "that the company would attempt",
            "Saturday",
            "BP would attempt a dynamic kill of the oil well",
            "BP",
        ),
        # "... downgraded the stock to market perform": the company's stock
        (
            "bpoil_washingtonpost/2010-06-06/1727.htm.txt",
            "downgraded the stock",
            "April 29",
            "Pavel Molchanov downgraded BP’s stock to market perform",
            "BP",
        ),
        # "Aer Lingus already operates an all-Airbus fleet ... since the formerly
        # state-owned company was floated": the clause's subject, not the
        # name between
        (
            "wikinews-meantime-71426",
            "Aer Lingus already operates",
            "September 2006",
            "Aer Lingus was floated on British and Irish stock markets",
            "Aer Lingus",
        ),
        # "Smith announced the company's move": a description as a possessive
        (
            "wikinews-meantime-143480",
            "Smith announced the company",
            "Wednesday",
            "Smith announced General Motors’ move",
            "General Motors",
        ),
    ],
)
def test_a_definite_description_takes_the_articles_company(
    article_id, fragment, expression, title, org
):
    e = event_in(article_id, fragment, expression)
    assert e.title == title
    assert org in e.organizations  # the title's name is the event's actor


def test_the_country_is_the_country_named_before_it_not_a_continent():
    # "Across Asia, stocks fell ... South Korea's economy ... The country's
    # currency, the won, fell 9.7 percent Thursday"
    e = event_in(
        "Finan_washingtonpost/2008-10-17/73.htm.txt",
        "The country's currency",
        "Thursday",
    )
    assert e.title == "South Korea's currency fell 9.7 percent"
    assert e.countries == ("KR",)


def test_fear_of_stays_the_subject_when_the_verb_is_parsed_as_a_participle():
    # "TOKYO, Oct. 17 -- Fear of a deep global recession washed over Asian and
    # European markets Thursday": not "A deep global recession was washed over"
    e = event_in(
        "Finan_washingtonpost/2008-10-17/73.htm.txt",
        "Fear of a deep global",
        "Thursday",
    )
    assert e.title == (
        "Fear of a deep global recession washed over Asian and European markets"
    )


def test_an_infinitive_after_expects_is_told_with_will():
    # "He expects BP to complete the drilling by late July."
    e = event_in(
        "bpoil_bbc/2010-07-13/768.htm.txt", "He expects BP to complete", "late July"
    )
    assert e.title == "BP will complete the drilling"


def test_a_subjects_apposition_inside_dashes_leaves_the_subject():
    # "Also on Monday, four members of Obama's Cabinet -- Homeland Security
    # Secretary Janet Napolitano, ... -- met with BP chief executive ..."
    e = event_in(
        "bpoil_washingtonpost/2010-05-04/104.htm.txt",
        "four members of Obama's Cabinet",
        "Monday",
    )
    assert e.title.startswith("Four members of Obama's Cabinet met with BP")


def test_the_other_company_is_not_resolved():
    from timeline.extraction.titles import ORG_HEADS, _is_description

    nlp = get_nlp()
    for text, expected in [
        ("The oil major said it would pay.", True),
        ("The British oil firm said it would pay.", True),
        ("The other company said it would pay.", False),
        ("The parent company said it would pay.", False),
        ("The largest bank said it would pay.", False),
    ]:
        doc = nlp(text)
        subject = next(t for t in doc if t.dep_ == "nsubj")
        assert _is_description(subject, ORG_HEADS) is expected, text


def test_the_countrys_is_the_country_named_before_it_not_a_sea():
    # "Norway will apply lessons learned in the Gulf of Mexico oil spill ...,
    # the country's prime minister said on Monday."
    e = event_in(
        "bpoil_reuters/2010-06-07/1506.htm.txt", "Norway will apply lessons", "Monday"
    )
    assert e.title.startswith("Norway's prime minister said: Norway will apply")
    # "President Bush addressed the nation": an audience, not a country's name
    e = event_in(
        "Finan_washingtonpost/2008-10-05/669.htm.txt",
        "addressed the nation",
        "Sept. 16, 2001",
    )
    assert e.title.startswith("President Bush addressed the nation")


def test_the_company_is_not_the_subject_of_its_own_clause_nor_a_long_form():
    # "AIG executives said the Fed was informed three months ago by the company"
    e = event_in(
        "Finan_washingtonpost/2009-03-19/1269.htm.txt",
        "AIG executives said the Fed",
        "three months ago",
    )
    assert e.title.startswith("The Fed was informed by ")
    assert "AIG" in e.title or "American International Group" in e.title
    # "BP, or Beyond Petroleum" is still BP: "the explosion at the company's
    # Texas City refinery in March 2005"
    e = event_in(
        "bpoil_guardian/2010-06-06/1864.htm.txt",
        "So was the explosion at the company",
        "March 2005",
    )
    assert "BP's Texas City refinery" in e.title
    assert "BP" in e.organizations


# What a verb is about and what a frame stands for (titles14).


def test_a_prepositional_object_stays_however_long():
    # "At his press conference Thursday, President Obama talked about how his
    # 11-year-old daughter, Malia, had knocked on the bathroom door as he was
    # shaving to ask, ..."
    e = event_in(
        "bpoil_washingtonpost/2010-05-29/880.htm.txt",
        "President Obama talked about",
        "Thursday",
    )
    assert e.title == (
        "President Obama talked about how his 11-year-old daughter had knocked"
        " on the bathroom door"
    )


def test_a_bare_nouns_participle_says_what_the_noun_is():
    # "George Bush yesterday intervened in the furore surrounding the
    # photographs of Saddam Hussein in his underpants leaked to the Sun ..."
    e = event_in(
        "IraqWar_guardian/2005-05-21/73.htm.txt",
        "intervened in the furore",
        "yesterday",
    )
    assert e.title.startswith(
        "George Bush intervened in the furore surrounding the photographs of"
        " Saddam Hussein"
    )


def test_a_reaction_stirred_up_is_framed_by_its_when_clause():
    # "The chief executive of the British oil company, Tony Hayward, sparked
    # controversy last week when he told the Guardian that the amount of
    # leaking oil and dispersant used were "relatively tiny" compared with ..."
    e = event_in(
        "bpoil_guardian/2010-05-17/1874.htm.txt", "sparked controversy", "last week"
    )
    # "he" is the frame's subject; the title ends at a whole phrase, the
    # name put for "he" counted in its words
    assert e.title == (
        "Tony Hayward told the Guardian that the amount of leaking oil and"
        " dispersant were relatively tiny"
    )


def test_a_speech_in_which_someone_did_something_is_that_act():
    # "At the beginning of his trip yesterday, Mr Bush made a speech in
    # Brussels in which he appealed to Europe over the Middle East, ..."
    e = event_in(
        "IraqWar_guardian/2005-02-22/308.htm.txt",
        "made a speech in Brussels",
        "yesterday",
    )
    assert e.title == "Mr Bush appealed to Europe over the Middle East"


def test_a_statement_made_saying_something_is_what_it_said():
    # "Countrywide Financial made a statement this week, saying they will be
    # forced to retain a greater proportion of mortgage."
    e = event_in("wikinews-meantime-76437", "made a statement", "this week")
    assert e.title == (
        "Countrywide Financial said they will be forced to retain a greater"
        " proportion of mortgage"
    )


def test_a_bare_verb_keeps_the_predicate_joined_to_it():
    # "The Federal Reserve met this week, but decided to maintain its target
    # rate of 5.25%, although on Friday the federal funds rate was hovering ..."
    e = event_in("wikinews-meantime-76437", "The Federal Reserve met", "this week")
    assert e.title == (
        "The Federal Reserve met but decided to maintain its target rate of 5.25%"
    )


def test_their_stocks_are_the_companys():
    # "On Friday their stocks lost nearly six percent to close at $73.57." in
    # a story about Caterpillar
    e = event_in("wikinews-meantime-82738", "their stocks lost", "Friday")
    assert e.title.startswith("Caterpillar’s stocks lost nearly six percent")


def test_a_determiner_after_a_conjunction_stays():
    # "Drilling was suspended last week on a second relief well ..., but that
    # rig resumed drilling Sunday."
    e = event_in("bpoil_foxnews/2010-06-02/2122.htm.txt", "that rig resumed", "Sunday")
    assert e.title == "That rig resumed drilling"
    # "iOS will support Apple's new mobile advertising service, iAd, which
    # goes live on July 1."
    e = event_in("wikinews-meantime-190356", "which goes live", "July 1")
    assert e.title.endswith("will go live")


def test_a_done_passive_with_a_named_agent_is_told_in_the_active():
    # "... since the government motion passed by the House of Commons on March
    # 18 2003, endorsing military action against Iraq, was expressly based ..."
    e = event_in(
        "IraqWar_guardian/2005-02-23/15.htm.txt",
        "the government motion passed by the House of Commons",
        "March 18 2003",
    )
    assert e.title == "The House of Commons passed the government motion"
    # "The announcement came in a rare press conference held by Apple on
    # Friday morning."
    e = event_in(
        "wikinews-meantime-195869", "a rare press conference", "Friday morning"
    )
    assert e.title == "Apple held a rare press conference"
    # "BP's chief executive Tony Hayward, who was grilled about the disaster by
    # Congress for seven hours on Thursday, said ..."
    e = event_in("bpoil_guardian/2010-06-19/1201.htm.txt", "was grilled", "Thursday")
    assert e.title == "Congress grilled Tony Hayward about the disaster"


def test_it_that_announces_is_the_body_named_before():
    # "And in banking, Standard Chartered's focus on Asia continues to pay off
    # ... It announced this morning that its wholesale banking arm ... saw a
    # 20% jump in client income ..."
    e = event_in(
        "bpoil_guardian/2010-05-04/1540.htm.txt",
        "It announced this morning",
        "this morning",
    )
    assert e.title.startswith("Standard Chartered announced that its wholesale")
    # "Alleyn's school, which closed ..., said it was rescheduling A-level
    # exams ...": the school, not its owner's name
    e = event_in(
        "H1N1_guardian/2009-05-07/1070.htm.txt", "said it was rescheduling", "next week"
    )
    assert e.title.startswith("Alleyn's school was rescheduling A-level exams")


def test_a_where_relative_keeps_its_place():
    # "... the collapse of the government in Latvia, where riots broke out
    # last month" (was "Riots broke out")
    e = event_in(
        "Finan_washingtonpost/2009-02-24/1172.htm.txt", "riots broke out", "last month"
    )
    assert e.title == "Riots broke out in Latvia"


def test_an_objects_infinitive_says_what_it_was_chosen_for():
    # "Obama tapped Allen last month to be national incident commander when
    # he labeled the spill ..." (was "Obama tapped Allen")
    e = event_in(
        "bpoil_washingtonpost/2010-05-21/580.htm.txt",
        "Obama tapped Allen",
        "last month",
    )
    assert e.title == "Obama tapped Allen to be national incident commander"


def test_a_numbers_scale_stays_with_it():
    # "... had been billed $1.9 bn by BP to cover costs" (was "billed $1.9 by BP")
    e = event_in("bpoil_bbc/2010-11-02/1554.htm.txt", "billed $1.9 bn", "Tuesday")
    assert "had been billed $1.9 bn by BP" in e.title


def test_a_relative_of_a_joint_act_is_about_all_the_conjuncts():
    # "... the companies Daimler-Benz (Mercedes-Benz) and Chrysler, which merged
    # together in 1998 to make DaimlerChrysler, would split" (was "Chrysler
    # merged together ...", Daimler-Benz not among the organisations)
    e = event_in("wikinews-meantime-60658", "merged together", "1998")
    assert (
        e.title == "Daimler-Benz and Chrysler merged together to make DaimlerChrysler"
    )
    assert "Daimler-Benz" in e.organizations
