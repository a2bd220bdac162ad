"""The main actor of a clause whose subject describes one (issue #12, branch subj11).

The real model on real articles (`realtext`: Wikinews from the bundled
sample, Timeline17 from ../shared at test time, skipped when it is absent).
"""

from __future__ import annotations

from . import realtext


def test_a_company_office_left_is_the_main_companys_in_real_text():
    # "On August 24, Jobs resigned from his post as CEO." in a story on
    # Apple that calls him "The co-founder and former chief executive
    # officer of Apple Inc. Steve Jobs": the post is Apple's
    (event,) = realtext.events_in("wikinews-meantime-287096", "resigned from his post")
    assert event.actors == ("Steve Jobs",)
    assert "Apple" in event.organizations


def test_a_company_office_taken_is_the_main_companys_in_real_text():
    # "Bob Dudley, who took over from Hayward as chief executive on 1
    # October, ..." in a story that writes "BP's chief executive, Tony Hayward"
    events = realtext.events_in(
        "bpoil_guardian/2010-11-09/681.htm.txt", "took over from Hayward as chief"
    )
    assert events
    assert all("BP" in e.organizations for e in events)


def test_a_description_subject_is_the_person_it_was_written_with_in_real_text():
    # "Pop star Michael Jackson ... The singer died in June": one performer's
    # noun for another; "Dr Conrad Murray ... The doctor's clinic in Houston is
    # raided": a title's abbreviation and a possessive; "Pte Beharry ... The
    # Grenada-born private was paraded", the title read as an adjective
    singer = realtext.events_in("MJ_bbc/2009-08-25/777.htm.txt", "The singer died")
    clinic = realtext.events_in(
        "MJ_bbc/2011-11-30/176.htm.txt", "The doctor's clinic in Houston"
    )
    private = realtext.events_in(
        "IraqWar_guardian/2005-03-18/114.htm.txt", "The Grenada-born private"
    )
    assert singer and clinic and private
    assert all(e.actors == ("Michael Jackson",) for e in singer)
    assert all(e.title.startswith("Michael Jackson died") for e in singer)
    assert all(e.actors[:1] == ("Conrad Murray",) for e in clinic)
    assert all(e.title.startswith("Conrad Murray's clinic") for e in clinic)
    assert all("Johnson Beharry" in e.actors for e in private)
    assert all(e.title.startswith("Johnson Beharry was paraded") for e in private)


def test_a_description_an_apposition_gave_titles_the_person_in_real_text():
    # "Hollywood star Kevin Costner ... The actor who says he has invested
    # more than $20m ... testified in Congress last week"; "... as Butler
    # reported, the attorney general set out his view ..." after "Lord
    # Goldsmith, the attorney general,"
    actor = realtext.events_in(
        "bpoil_guardian/2010-06-20/1253.htm.txt", "The actor who says he has invested"
    )
    general = realtext.events_in(
        "IraqWar_guardian/2005-02-28/310.htm.txt", "the attorney general set out"
    )
    assert actor and general
    assert all(e.title.startswith("Kevin Costner testified") for e in actor)
    assert all("Kevin Costner" in e.actors for e in actor)
    assert all(e.title.startswith("Goldsmith set out") for e in general)


# Branch subj12: an office holder by the office, the airline of "the airline",
# the "he" who reports a clause.


def test_an_office_subject_is_its_holder_by_the_office_and_its_time_in_real_text():
    # "BP Plc's newly named chief executive on Tuesday called the Gulf oil
    # spill a 'wake-up call'" in a story writing "Bob Dudley, who will
    # replace gaffe-prone Tony Hayward as CEO on October 1" and "BP Chairman
    # Carl-Henric Svanberg": the incoming chief executive, not the one leaving
    (event,) = realtext.events_in(
        "bpoil_reuters/2010-07-27/1898.htm.txt", "newly named chief executive"
    )
    assert "Bob Dudley" in event.actors
    assert "Tony Hayward" not in event.actors
    assert "Carl-Henric Svanberg" not in event.actors
    assert "BP" in event.organizations
    assert event.title.startswith("Bob Dudley called the Gulf oil spill")


def test_an_office_subject_with_no_holder_written_stays_nobodys_in_real_text():
    # "BP's chief executive cautioned Friday that it will be two more days":
    # the page names no chief executive with the office
    events = realtext.events_in(
        "bpoil_foxnews/2010-05-28/944.htm.txt", "chief executive cautioned"
    )
    assert events
    assert all(e.actors == () for e in events)
    # "The president of the European Union on Wednesday ripped the Obama
    # administration's economic policies" under a headline "European Union
    # President Criticizes Obama's ...": not a person the sentence names
    ripped = realtext.events_in(
        "Finan_washingtonpost/2009-03-26/390.htm.txt", "ripped the Obama"
    )
    assert ripped
    assert all(
        e.title.startswith("The president of the European Union ripped") for e in ripped
    )


def test_the_airline_is_the_company_whose_name_says_so_not_the_planes_maker():
    # "China Eastern Airlines stated on Thursday that it had signed a contract
    # to purchase a score of Airbus A320 passenger jets ... The airline, which
    # is the third largest in China, signed the agreement in Paris on June 15."
    (event,) = realtext.events_in("wikinews-meantime-128016", "The airline, which")
    assert event.organizations == ("China Eastern Airlines",)
    assert event.title.startswith("China Eastern Airlines signed the agreement")


def test_a_pronoun_reporting_a_clause_is_its_person_in_real_text():
    # "He said the US and western Europe shared a history of fighting tyranny
    # ..." in Bush's Brussels speech: the speaker, as a named one would be
    events = realtext.events_in(
        "IraqWar_guardian/2005-02-21/256.htm.txt", "He said the US and western"
    )
    assert events
    assert all("George Bush" in e.actors for e in events)


def test_an_office_reporting_a_clause_is_its_holder_in_real_text():
    # "BP's new chief executive said its rivals and the media had helped cause
    # a climate of fear ..." where "BP said in late July that Dudley would
    # take over as chief executive on October 1"
    events = realtext.events_in(
        "bpoil_reuters/2010-10-25/889.htm.txt", "new chief executive said its rivals"
    )
    assert events
    assert all("Bob Dudley" in e.actors for e in events)


def test_a_body_as_the_clauses_subject_is_its_organisation_in_real_text():
    # "The White House said Sunday that it expects the spill to grow by 20
    # percent after BP gets started ...": the White House speaks, not only BP;
    # "At the end of June 2004, the CPA would be disbanded" in an article that
    # spells out the "Coalition Provisional Authority"
    said = realtext.events_in(
        "bpoil_foxnews/2010-05-30/441.htm.txt", "The White House said Sunday"
    )
    disbanded = realtext.events_in(
        "IraqWar_guardian/2005-07-07/30.htm.txt", "the CPA would be disbanded"
    )
    white_house = [e for e in said if e.title.startswith("The White House")]
    assert white_house and disbanded
    assert all(e.organizations[:1] == ("White House",) for e in white_house)
    assert all("Coalition Provisional Authority" in e.organizations for e in disbanded)
    # a subject that is no body adds none: "BP gets started" stays BP's alone
    assert all(
        e.organizations == ("BP",) for e in said if e.title.startswith("BP gets")
    )


def test_a_performers_noun_is_the_articles_main_person_in_real_text():
    # "Executors John Branca and John McClain have been dealing with
    # Jackson's accounts since the singer passed away two years ago": no name
    # is written with "singer", the story names Jackson most; "Dr Murray
    # denies illegally giving Jackson drugs which led to the singer's death"
    # in a trial story that names the doctor most: never the doctor
    passed = realtext.events_in(
        "MJ_bbc/2011-09-15/443.htm.txt", "since the singer passed"
    )
    death = realtext.events_in(
        "MJ_bbc/2011-03-03/727.htm.txt", "led to the singer's death"
    )
    assert passed and death
    assert all(e.actors == ("Michael Jackson",) for e in passed)
    assert all("Conrad Murray" not in e.actors for e in death)
