"""Labels and one name per body among people and organisations, on real news.

Timeline17 articles are read from ../shared at test time (skipped when it is
absent), never stored here; the Wikinews one is the bundled sample. Each test
names a wrong label or a second name the seed-9393 database held (branch
`names10`, issue #12).
"""

from __future__ import annotations

from datetime import date

from timeline.extraction.entities import EntityResolver
from timeline.extraction.nlp import get_nlp
from timeline.extraction.pipeline import extract
from timeline.extraction.types import Document, Lexicon

from . import realtext


def _everyone(events) -> set[str]:
    return {name for e in events for name in (*e.actors, *e.organizations)}


def test_a_bracketed_picture_credit_is_nobody_in_real_text():
    # "(AP Photo\/Kai Pfaffenbach) Freddie Mac reports a loss of $25
    # billion": the caption's photographer and agency, tagged ORG
    events = realtext.events_in(
        "Finan_washingtonpost/2008-11-05/2124.htm.txt",
        "Freddie Mac reports a loss of $25 billion",
    )
    assert events
    assert not {n for n in _everyone(events) if "Photo" in n or "Pfaffenbach" in n}
    assert all("Freddie Mac" in e.organizations for e in events)


def test_a_fort_is_a_place_not_a_person_in_real_text():
    # "brought to Fort Jackson in June" (PERSON): the rescue centre's fort.
    # That sentence's count of a month is no event (events10), so the
    # resolver's own mentions are checked.
    text = realtext.article("bpoil_foxnews/2010-07-12/982.htm.txt")["text"]
    mentions = realtext.mentions_of("bpoil_foxnews/2010-07-12/982.htm.txt")
    assert "Fort Jackson" in text
    assert not {m.value for m in mentions if m.kind == "person"} & {"Fort Jackson"}


def test_a_named_storm_is_no_person_in_real_text():
    # "Tropical storm Alex, which forecasters ... said", "Hurricane Alex,
    # which interrupted the cleanup operations last week"
    tropical = realtext.events_in(
        "bpoil_guardian/2010-06-28/1578.htm.txt", "Tropical storm Alex"
    )
    hurricane = realtext.events_in(
        "bpoil_reuters/2010-07-06/1793.htm.txt", "closer than Hurricane Alex"
    )
    assert tropical and hurricane
    assert all("Alex" not in e.actors for e in tropical + hurricane)


def test_a_military_operation_is_no_person_in_real_text():
    # "including in relation to Operation Desert Fox in December 1998"
    events = realtext.events_in(
        "IraqWar_guardian/2005-04-28/151.htm.txt", "Operation Desert Fox in December"
    )
    assert events
    assert all("Desert Fox" not in e.actors for e in events)


def test_the_oval_office_is_no_organisation_in_real_text():
    # "Barack Obama used his first Oval Office address last night"
    events = realtext.events_in(
        "bpoil_guardian/2010-06-16/862.htm.txt", "his first Oval Office address"
    )
    assert events
    assert all("Oval Office" not in e.organizations for e in events)
    assert all("Barack Obama" in e.actors for e in events)


def test_a_first_name_tagged_person_is_no_organisation_in_real_text():
    # "Jackson's mother, Katherine, speaking ..." (PERSON three times), then
    # "Michael Jackson died in 2009 Katherine said" (ORG once)
    events = realtext.events_in(
        "MJ_bbc/2010-11-09/55.htm.txt", "Michael Jackson died in 2009 Katherine"
    )
    assert events
    assert all("Katherine" not in e.organizations for e in events)


def test_a_departments_two_word_orders_are_one_name_in_real_text():
    # "The Department of Justice and the SEC launch investigations" and "The
    # US Department of Justice will look for violations": the Justice
    # Department, as other articles call it
    launch = realtext.events_in(
        "Finan_washingtonpost/2008-11-05/2124.htm.txt",
        "The Department of Justice and the SEC launch",
    )
    look = realtext.events_in(
        "bpoil_guardian/2010-06-02/552.htm.txt", "The US Department of Justice will"
    )
    assert launch and look
    for e in launch + look:
        assert "Justice Department" in e.organizations
        assert not {o for o in e.organizations if "Department of Justice" in o}


def test_exxon_is_exxon_mobil_in_real_text():
    # "Exxon's $900 million settlement in 1991 with Alaska": the body other
    # articles call Exxon Mobil
    events = realtext.events_in(
        "bpoil_reuters/2010-06-30/2128.htm.txt", "Exxon's $900 million settlement"
    )
    assert events
    assert all("Exxon Mobil" in e.organizations for e in events)
    assert all("Exxon" not in e.organizations for e in events)


def test_a_known_company_without_its_last_s_is_that_company_in_real_text():
    # "General Motor's chief executive Rick Wagoner was replaced Sunday"
    events = realtext.events_in(
        "wikinews-meantime-123881", "General Motor's chief executive"
    )
    assert events
    assert all("General Motors" in e.organizations for e in events)
    assert all("General Motor" not in e.organizations for e in events)


def test_a_papers_short_name_is_the_paper_that_reports_in_real_text():
    # "a Washington Post analysis of available data", then "... exceeded the
    # subprime loans in danger of default, according to The Post's analysis":
    # the paper reporting, no organisation "Post" of the event
    events = realtext.events_in(
        "Finan_washingtonpost/2009-01-17/1898.htm.txt", "according to The Post's"
    )
    assert events
    assert all("Post" not in e.organizations for e in events)


# Branch `names11`: the labels and second names the seed-2424 database
# (main 2.4) still held among its 50 most frequent people and organisations.


def test_a_capitalised_preposition_glued_to_a_place_is_nobody_in_real_text():
    # "Besides Mexico, the UK and Spain, there have also been confirmed
    # cases in ..." tagged PERSON "Besides Mexico"
    events = realtext.events_in(
        "H1N1_bbc/2009-04-28/133.htm.txt", "killed about 150 people in Mexico"
    )
    assert events
    assert all(not any("Besides" in n for n in _everyone([e])) for e in events)
    assert all("MX" in e.countries for e in events)


def test_a_known_bodys_acronym_is_its_full_name_every_time_in_real_text():
    # "MMS regulators in the gulf", "In 1999, he joined MMS": the Minerals
    # Management Service each time, not only the article's first "MMS"
    regulators = realtext.events_in(
        "bpoil_washingtonpost/2010-07-31/1408.htm.txt", "MMS regulators in the gulf"
    )
    joined = realtext.events_in(
        "bpoil_washingtonpost/2010-07-31/1408.htm.txt", "he joined MMS"
    )
    assert regulators and joined
    for e in regulators + joined:
        assert "Minerals Management Service" in e.organizations
        assert "MMS" not in e.organizations


def test_rand_corp_is_the_rand_corporation_in_real_text():
    # "he will join the Rand Corp. as a senior fellow", "planned to join Rand"
    events = realtext.events_in(
        "bpoil_washingtonpost/2010-10-01/1144.htm.txt", "planned to join Rand"
    )
    assert events
    assert all("RAND Corporation" in e.organizations for e in events)
    assert all("Rand" not in e.organizations for e in events)


def test_the_british_labor_spelling_is_the_labour_party_in_real_text():
    # "Mr Galloway won a sensational victory against Labor's Oona King in
    # Bethnal Green" (a Guardian text in the US spelling)
    events = realtext.events_in(
        "IraqWar_guardian/2005-05-12/71.htm.txt", "against Labor's Oona King"
    )
    assert events
    assert all("Labour Party" in e.organizations for e in events)
    assert all(not {"Labor", "Labor Party"} & set(e.organizations) for e in events)


def test_a_bare_house_before_a_committee_is_the_house_of_representatives():
    # "House committee on energy and commerce chairman Henry Waxman said"
    events = realtext.events_in(
        "bpoil_bbc/2010-06-18/1340.htm.txt", "House committee on energy and commerce"
    )
    assert events
    assert all("House of Representatives" in e.organizations for e in events)
    assert all("House" not in e.organizations for e in events)


def test_the_white_house_names_no_house_in_real_text():
    # "set up at the White House's behest" beside the article's "a House
    # committee hearing": no House in the escrow fund's event
    events = realtext.events_in(
        "bpoil_washingtonpost/2010-06-27/660.htm.txt", "at the White House's behest"
    )
    assert events
    assert all(
        not {"House", "House of Representatives"} & set(e.organizations) for e in events
    )


def test_a_given_name_first_full_name_is_a_person_not_an_org_in_real_text():
    # "US marine Matthew Bogdanos pledged" (ORG), "His name was Matthew
    # Bogdanos" (PERSON), "Bogdanos says the museum was being used" (ORG)
    events = realtext.events_in(
        "IraqWar_guardian/2005-11-21/270.htm.txt", "Bogdanos says the museum"
    )
    assert events
    assert all("Matthew Bogdanos" in e.actors for e in events)
    assert all("Bogdanos" not in e.organizations for e in events)


def _resolved(article_id: str, lexicon: Lexicon | None = None):
    nlp = get_nlp()
    resolver = EntityResolver(lexicon)
    resolver.use_dictionary(nlp)
    text = realtext.article(article_id)["text"]
    return text, resolver.resolve(nlp(text)).mentions


def test_a_stored_acronym_actor_does_not_hide_the_known_body():
    # "While the MMS assessed the environmental impact" in an article that
    # never spells it out, the database holding an actor "MMS" from an
    # earlier article: the known body's acronym still wins (names12: "MMS"
    # beside "Minerals Management Service" in the seed-2424 top 50)
    lexicon = Lexicon(organizations={"mms": "MMS"})
    text, mentions = _resolved("bpoil_washingtonpost/2010-05-05/1585.htm.txt", lexicon)
    assert "While the MMS assessed" in text
    orgs = {m.value for m in mentions if m.kind == "organization"}
    assert "Minerals Management Service" in orgs
    assert "MMS" not in orgs


def test_a_known_body_one_s_short_is_that_body_in_real_text():
    # "approved by the Mineral Management Service (MMS)", then "The Coast
    # Guard and MMS said": both the Minerals Management Service
    text, mentions = _resolved("bpoil_foxnews/2010-06-08/1363.htm.txt")
    assert "The Coast Guard and MMS said" in text
    orgs = {m.value for m in mentions if m.kind == "organization"}
    assert "Minerals Management Service" in orgs
    assert not orgs & {"MMS", "Mineral Management Service"}


def _published_by(article_id: str, publisher: str):
    row = realtext.article(article_id)
    document = Document(
        row["text"], date.fromisoformat(row["published"]), article_id, publisher
    )
    (extraction,) = list(extract([document]))
    return extraction.events


def test_the_publisher_revealing_or_publishing_only_reports_in_real_text():
    # "In a separate case, which the Guardian reveals today, ...", "is
    # revealed in the Guardian today", "had not the Guardian published parts
    # of it": the paper's own reporting, no organisation of the event
    events = _published_by("IraqWar_guardian/2005-02-18/125.htm.txt", "guardian")
    events += _published_by("IraqWar_guardian/2005-02-23/15.htm.txt", "guardian")
    events += _published_by("IraqWar_guardian/2005-03-24/238.htm.txt", "guardian")
    revealed = [
        e
        for e in events
        if "which the Guardian reveals today" in e.sentence
        or "is revealed in the Guardian today" in e.sentence
        or "had not the Guardian published" in e.sentence
    ]
    assert len(revealed) >= 3
    assert all("Guardian" not in e.organizations for e in revealed)


def test_a_storm_is_no_person_all_through_the_article_in_real_text():
    # "High waves from tropical storm Alex", then "due to the threat of Alex,
    # the companies said": the storm in both
    events = realtext.events_in(
        "bpoil_reuters/2010-06-28/174.htm.txt", "due to the threat of Alex"
    )
    assert events
    assert all("Alex" not in e.actors for e in events)
    # the first sentence is a forecast of the waves (no event since events12):
    # the storm is no person among the article's mentions either
    text = realtext.article("bpoil_reuters/2010-06-28/174.htm.txt")["text"]
    mentions = realtext.mentions_of("bpoil_reuters/2010-06-28/174.htm.txt")
    assert "from tropical storm Alex will delay" in text
    people = {m.value for m in mentions if m.kind == "person"}
    assert "Alex" not in people


def test_a_name_cut_before_its_airport_is_no_organisation_in_real_text():
    # "continuing problems at Suvarnabhumi airport, which has suffered
    # various incidents since it opened last September" (ORG "Suvarnabhumi")
    events = realtext.events_in(
        "wikinews-meantime-78496", "continuing problems at Suvarnabhumi airport"
    )
    assert events
    assert all("Suvarnabhumi" not in e.organizations for e in events)


def test_a_humvee_and_a_book_are_things_in_real_text():
    # "when his Humvee was blown up by an improvised explosive device";
    # "Exclusive extracts of his book Lawless World are published"
    humvee = realtext.events_in(
        "IraqWar_guardian/2005-10-26/100.htm.txt", "when his Humvee was blown up"
    )
    book = realtext.events_in(
        "IraqWar_guardian/2005-02-23/15.htm.txt", "his book Lawless World"
    )
    assert humvee and book
    assert all(
        not {"Humvee", "Lawless World"} & set(e.organizations) for e in humvee + book
    )


def test_a_known_american_body_in_british_spelling_is_that_body_in_real_text():
    # "a vaccine ... has been created by the US Centres for Disease Control"
    text, mentions = _resolved("H1N1_guardian/2009-04-26/633.htm.txt")
    assert "the US Centres for Disease Control" in text
    orgs = {m.value for m in mentions if m.kind == "organization"}
    assert "Centers for Disease Control and Prevention" in orgs
    assert not {o for o in orgs if "Centres" in o}


def test_a_companys_own_store_or_centre_is_no_organisation_in_real_text():
    # "after a 12-hour flight from Airbus' Delivery Center"; "a desktop
    # version of the company's App Store"
    centre = realtext.events_in("wikinews-meantime-82597", "Delivery Center")
    store = realtext.events_in("wikinews-meantime-214601", "the company's App Store")
    assert centre and store
    assert all(
        not {"Delivery Center", "App Store"} & set(e.organizations)
        for e in centre + store
    )
