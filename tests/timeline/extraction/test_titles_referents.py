"""A title is built on the clause its date belongs to, told by that clause's
own subject, and a vague subject names what the article names: a "who"
clause the parse hung on a thing is about the person described, a past
relative clause on a thing tells its "when" clause, "the president" is the
person the article named with that title, a count of plants is the
article's company's. Real sentences, whole pipeline
(Timeline17 articles are read from ../shared/t17 at test time, skipped when
absent)."""

from __future__ import annotations

from .realtext import event_in


def test_a_who_clause_on_a_thing_is_about_the_person_described():
    # "... with Idris Bazis, 41, a French-Algerian with a French passport, who
    # blew himself up in a suicide attack in Iraq in February": "who" parsed
    # onto "passport"
    e = event_in(
        "IraqWar_guardian/2005-06-23/276.htm.txt",
        "a French-Algerian with a French passport",
        "February",
    )
    assert e.title == "Idris Bazis blew himself up in a suicide attack in Iraq"


def test_a_past_relative_clause_on_a_thing_tells_its_when_clause():
    # "National City chose growth, a path that ended yesterday when it agreed
    # to sell itself to Pittsburgh's PNC": not "A path ended"
    e = event_in(
        "Finan_washingtonpost/2008-10-25/460.htm.txt",
        "a path that ended yesterday",
        "yesterday",
    )
    assert e.title == "National City agreed to sell itself to Pittsburgh's PNC"


def test_the_president_is_the_person_named_with_that_title():
    # "Last week, the president stopped all oil drilling in the Gulf putting
    # thousands out of work." after "President Obama took the gloves off" (and
    # "President Clinton" in a law's history between them)
    e = event_in(
        "bpoil_foxnews/2010-06-16/2091.htm.txt",
        "the president stopped all oil drilling",
        "Last week",
    )
    assert e.title == "Obama stopped all oil drilling in the Gulf"
    # "The president used his bully pulpit yesterday to argue ..."
    e = event_in(
        "Finan_washingtonpost/2009-06-18/230.htm.txt",
        "The president used his bully pulpit",
        "yesterday",
    )
    assert e.title.startswith("Obama used his bully pulpit to argue")


def test_a_count_of_plants_is_the_articles_companys():
    # "Two more plants will close in 2008, another two in 2012." in a story
    # on Ford's St. Thomas plant
    e = event_in("wikinews-meantime-31706", "Two more plants will close", "2008")
    assert e.title == "Two more Ford plants will close"
