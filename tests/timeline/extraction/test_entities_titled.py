"""A titled surname is not the article's full name titled otherwise.

Real lines of a Fox News chronology of the oil spill (bpoil_foxnews,
2010-08-04 and 2010-08-14): "President Obama" beside the article's only
full name of that surname, "first lady Michelle Obama", is not her.
"""

from __future__ import annotations

import pytest

from timeline.extraction.entities import EntityResolver
from timeline.extraction.nlp import get_nlp
from timeline.extraction.types import Lexicon

LINES = (
    "At the White House: President Obama was receiving a briefing on the spill "
    "in the morning before leaving to conduct a tele-town hall meeting on "
    "health care issues concerning seniors.\n"
    "He and first lady Michelle Obama were holding a congressional picnic at "
    "the White House later in the day.\n"
    "At the White House: President Obama played golf at Andrews Air Force Base "
    "in Maryland in the morning.\n"
    "Mrs. Obama also traveled to Spain this month with Sasha.\n"
)


def people_at(lexicon: Lexicon | None, phrase: str, occurrence: int = 0) -> set[str]:
    doc = get_nlp()(LINES)
    resolved = EntityResolver(lexicon).resolve(doc)
    start = -1
    for _ in range(occurrence + 1):
        start = LINES.index(phrase, start + 1)
    actors, _countries, _organizations = resolved.involved(start, start + len(phrase))
    return set(actors)


@pytest.mark.parametrize("occurrence", [0, 1])
def test_the_president_is_not_the_first_lady(occurrence):
    assert people_at(None, "President Obama", occurrence) == {"Obama"}


def test_the_president_is_the_known_person_of_the_surname():
    lexicon = Lexicon(people={"obama": "Barack Obama"})
    assert people_at(lexicon, "President Obama", 1) == {"Barack Obama"}


def test_the_first_lady_and_mrs_stay_herself():
    assert people_at(None, "first lady Michelle Obama") == {"Michelle Obama"}
    assert people_at(None, "Mrs. Obama") == {"Michelle Obama"}


def test_no_alias_ties_the_surname_to_her():
    doc = get_nlp()(LINES)
    aliases = EntityResolver().resolve(doc).aliases
    assert aliases.get("obama") != "Michelle Obama"


def test_a_time_zone_glued_to_a_name_is_no_part_of_it():
    # a Guardian dateline: the NER tags "BST Kofi Annan" as one PERSON
    text = (
        "Tuesday 6 September 2005 01.48 BST Kofi Annan, the UN secretary "
        "general, expressed regret last night. Mr Annan said the report was "
        "a warning."
    )
    doc = get_nlp()(text)
    resolved = EntityResolver().resolve(doc)
    people = {m.value for m in resolved.mentions if m.kind == "person"}
    assert people == {"Kofi Annan"}


def test_a_dateline_s_place_after_a_time_zone_is_nobody():
    # a Reuters dateline tagged PERSON "BST ORLANDO": no person, and the
    # city after "in" is no "surname" of the park tagged PERSON
    text = (
        "ORLANDO, Florida | Fri May 1, 2009 12:09 am BST ORLANDO, Florida "
        "(Reuters) - Disney spokeswoman Andrea Finger in Orlando told Reuters "
        "this week that the parks were open. Universal Orlando is co-owned by "
        "the Blackstone Group."
    )
    doc = get_nlp()(text)
    resolved = EntityResolver().resolve(doc)
    start = text.index("in Orlando") + 3
    people = {
        m.value
        for m in resolved.mentions
        if m.kind == "person" and m.start <= start < m.end
    }
    assert not people
    assert "BST ORLANDO" not in {m.value for m in resolved.mentions}
