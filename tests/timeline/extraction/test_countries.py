"""Countries of an event from stock indices and national bodies, and
region names that are no places (issue #12: "the Nikkei closed down" is
Japan's; "the Falcon's bodyshell" is no Venezuelan state). Real Wikinews
sentences (the bundled sample) run through the whole pipeline."""

from __future__ import annotations

from tests.timeline.extraction.realtext import events_in
from timeline.extraction.countries import index_country, institution_spans
from timeline.extraction.gazetteer import place_country

MARKETS = "wikinews-meantime-115711"  # Asian markets, October 2008
RUSSIA = "wikinews-meantime-113227"  # Russia's exchanges suspend trading
AMERICAS = "wikinews-meantime-115587"  # markets around the world fall
FALCON = "wikinews-meantime-39951"  # Ford Australia's new Falcon


def test_an_index_s_country_is_its_own_or_the_one_its_name_says():
    assert index_country("the Dow Jones Industrial Average") == "US"
    assert index_country("Nikkei 225 index") == "JP"
    assert index_country("the Argentinean MERVAL") == "AR"
    assert index_country("Shanghai Composite Index") == "CN"
    assert index_country("the Acme index") is None


def test_indices_and_bodies_are_found_as_written():
    text = "the Nikkei closed down, the NHS Confederation said; a nikkei or a Dowry"
    found = [(text[s:e], c) for s, e, c in institution_spans(text)]
    assert found == [("Nikkei", "JP"), ("NHS Confederation", "GB")]


def test_an_unlabelled_index_gives_its_country():
    # "For the day, the Nikkei closed down 6.4 percent, or 486.18 points"
    (e,) = events_in(MARKETS, "the Nikkei closed down")
    assert e.countries == ("JP",)


def test_an_index_named_as_one_gives_its_country():
    # "The Shanghai Composite Index lost 6.3 percent or 116.27 points"
    (e,) = events_in(MARKETS, "The Shanghai Composite Index lost")
    assert e.countries == ("CN",)


def test_the_dow_is_the_united_states_not_the_article_s_country():
    # in a story about Russia's exchanges: "The Dow Jones, was down 2.62%"
    found = events_in(RUSSIA, "The Dow Jones, was down")
    assert found and all(e.countries == ("US",) for e in found)


def test_an_index_s_demonym_gives_its_country():
    # "the Argentinean MERVAL index had fallen by almost six per cent"
    (e,) = events_in(AMERICAS, "the Argentinean MERVAL index had fallen")
    assert "AR" in e.countries


def test_a_region_s_name_in_no_place_context_is_no_place():
    # "Falcon" is also Venezuela's state of Falcón; the story is Australian
    assert place_country("Falcon", article_countries={"AU"}) == "VE"
    assert place_country("Falcon", article_countries={"AU"}, placed=False) is None
    assert place_country("Louisiana", article_countries={"US"}, placed=False) == "US"
    found = events_in(FALCON, "the Falcon's bodyshell dates back")
    assert found and all("VE" not in e.countries for e in found)


def test_a_country_one_was_born_in_is_not_where_the_event_is():
    # "Gen Saadi's German-born wife Helma told the Guardian last night that
    # she had heard from US sources ..."
    found = events_in("IraqWar_guardian/2005-01-13/104.htm.txt", "German-born wife")
    assert found and all("DE" not in e.countries for e in found)


def test_the_maker_of_a_drug_named_as_an_example_does_not_act():
    # "... did not plan to alter its guidance on when and whether to prescribe
    # antivirals like Roche's Tamiflu or GlaxoSmithKline's Relenza"
    found = events_in("H1N1_reuters/2009-05-14/712.htm.txt", "like Roche's Tamiflu")
    assert found and all(not {"CH", "GB"} & set(e.countries) for e in found), [
        (e.title, e.countries) for e in found
    ]


def test_a_company_named_inside_a_commission_s_name_brings_no_country():
    # "Last May, President Obama appointed Reilly and Graham to oversee the
    # National Commission on the BP Deepwater Horizon Oil Spill and Offshore
    # Drilling": no BP, so no Britain, for the appointment
    (e,) = events_in(
        "bpoil_washingtonpost/2011-01-06/1089.htm.txt",
        "President Obama appointed Reilly and Graham",
    )
    assert "GB" not in e.countries, (e.title, e.countries)
    assert "BP" not in e.organizations


def test_an_international_body_s_event_is_not_in_the_article_s_country():
    # a Guardian story: "The WHO chief, Dr Margaret Chan, yesterday examined
    # data from eight countries with large numbers of swine flu cases."
    (e,) = events_in("H1N1_guardian/2009-06-11/796.htm.txt", "Margaret Chan, yesterday")
    assert "World Health Organization" in e.organizations
    assert e.countries == ()
