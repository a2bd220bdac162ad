"""People, countries and organisations mentioned in an article, canonical within it.

Everything is decided per article: "President Donald Trump" introduces the
person Donald Trump, so a later "Trump" (even when spaCy labels it ORG) and
"the American president" are the same person; "Zelenskyy" labelled GPE is a
person when the article names "Ukrainian President Volodymyr Zelenskyy".
Countries come from GPE/NORP/LOC/FAC mentions, capitals, demonyms and
metonyms ("the Kremlin"), as ISO 3166-1 alpha-2 codes, and from cities and
regions through a gazetteer ("Benghazi" -> LY; timeline/extraction/gazetteer.py);
a place is never a person or an organisation ("shelled Misrata", "near Ras
Lanuf"); a country only compared with ("higher than in Germany") is the
article's, not the event's. The publisher is an organisation only where it
acts, never in its dateline or bylines, and page furniture ("Reply",
"Posted by ... | Comments") names nobody. Known aliases are data
(timeline/extraction/data/*.json) that a Lexicon from the database extends;
across articles, a known person's other spelling is that person
(`PeopleIndex`), and the surnames and spellings an article ties to a full
name (`ArticleEntities.aliases`) are what ingestion remembers (`learn_aliases`).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from timeline.extraction import gazetteer
from timeline.extraction.countries import (
    article_home,
    branch_country,
    company_acts,
    country_aliases,
    country_name,
    currency_countries,
    in_a_background_clause,
    in_the_frame,
    index_country,
    institution_countries,
    institution_spans,
    main_company_at_home,
    office_region,
    only_a_modifier,
    only_a_rival,
    owns_an_object,
    state_abbreviation,
)
from timeline.extraction.names import (
    first_name_variant,
    is_given_name,
    normalise_alias,
    same_person_name,
    without_generation,
)
from timeline.extraction.nlp import doc_text
from timeline.extraction.offices import Office, office_holder, subject_office
from timeline.extraction.types import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

PERSON = "person"
COUNTRY = "country"
ORGANIZATION = "organization"

_WS = re.compile(r"\s+")
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = "\"'`“”‘’()[]{},.;:!?–—-"


__all__ = ["normalise_alias"]  # re-exported: callers import it from here


@dataclass(frozen=True)
class Mention:
    """A resolved mention: character offsets into the text, kind, canonical value."""

    start: int
    end: int
    kind: str  # person, country, organization
    value: str  # canonical name, or ISO alpha-2 code for a country
    # A country only compared with ("more than in France", "like Britain"):
    # part of the article's countries, not of the event's.
    incidental: bool = False
    # The head-office country of a company named here ("Aer Lingus" -> IE):
    # the event's, but no sign of where it happened (the article's own
    # country still is, when the sentence names no other).
    company: bool = False


def _load(name: str) -> dict:
    text = (
        resources.files("timeline.extraction").joinpath("data", name).read_text("utf-8")
    )
    return json.loads(text)


@cache
def government_words() -> frozenset[str]:
    """Words naming a public body ("senate", "department", "guard"): an
    organisation so named is no company."""
    return frozenset(_load("organizations.json").get("government_words", ()))


@cache
def _person_data() -> dict:
    return _load("persons.json")


@cache
def default_lexicon() -> Lexicon:
    """The aliases shipped with the pipeline (normalised keys).

    People: alias -> canonical name; organisations: alias -> canonical name;
    countries: alias (demonym, capital, metonym, name) -> ISO alpha-2 code.
    Ingestion may seed these into the admin's alias tables.
    """
    countries = country_aliases()
    return Lexicon(
        people={normalise_alias(k): v for k, v in _person_data()["aliases"].items()},
        organizations={
            normalise_alias(k): v
            for k, v in _load("organizations.json")["aliases"].items()
        },
        countries={normalise_alias(k): v for k, v in countries.items()},
    )


def default_aliases() -> dict[str, dict[str, str]]:
    """The default aliases as plain dicts: {"people", "organizations", "countries"}."""
    lex = default_lexicon()
    return {
        "people": dict(lex.people),
        "organizations": dict(lex.organizations),
        "countries": dict(lex.countries),
    }


def _phrases(items: list[str]) -> dict[tuple[str, ...], str]:
    return {tuple(p.split()): p for p in (normalise_alias(i) for i in items)}


@dataclass
class ArticleEntities:
    """The resolved mentions of one article, sorted by start offset."""

    mentions: list[Mention]
    # Other names of the article's people it established: normalised alias
    # (a surname, a variant spelling) -> canonical name. Ingestion stores them
    # as aliases (`learn_aliases`), so later articles resolve them too.
    aliases: dict[str, str] = field(default_factory=dict)
    # The article's own country: the one its places, officials and bodies
    # name most (None when no country dominates). An event whose sentence
    # names no country happened there.
    home: str | None = None
    # The company the article is about (`EntityResolver._main_company`): the
    # actor of an event whose subject is one of its things or the company
    # itself ("The A380 was revealed", "The service is intended to launch").
    main_company: str | None = None
    _starts: list[int] = field(init=False, repr=False)
    _surfaces: dict[str, list[Mention]] | None = field(
        default=None, init=False, repr=False
    )
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def involved(
        self,
        start: int,
        end: int,
        *,
        participants: Collection[int] | None = None,
        verb: Token | None = None,
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(actors, countries, organizations) mentioned in [start, end), in order.

        With `participants` (the character offsets of the words of the
        event's clause, `participant_offsets`), people and organisations
        outside it are not the event's, nor the countries they bring:
        "Hayward ... said the rig exploded on April 20" has no actor.
        With `verb` (the event's predicate), an event naming no one whose
        subject is a thing or a description ("The A380 was revealed", "the
        company") is the article's main company's.
        """
        found: dict[str, dict[str, None]] = {
            PERSON: {},
            COUNTRY: {},
            ORGANIZATION: {},
        }
        mentions = self.within(start, end)
        if participants is not None:
            outside = {
                (m.start, m.end)
                for m in mentions
                if m.kind != COUNTRY and m.start not in participants
            }
            mentions = [m for m in mentions if (m.start, m.end) not in outside]
        if verb is not None:  # "the crisis that started in the US" (countries9)
            mentions = [
                m
                for m in mentions
                if m.kind != COUNTRY or not in_a_background_clause(verb, m.start, m.end)
            ]
        if verb is not None:  # "In Germany, the court has heard that ..."
            mentions = _without_frame_places(mentions, verb)
        companies: dict[str, None] = {}
        done_to: dict[str, None] = {}  # "Alabama is suing BP Plc, Transocean"
        for m in mentions:
            if m.company:
                if verb is None or company_acts(verb, m.start, m.end):
                    companies[m.value] = None
                else:
                    done_to[m.value] = None
            elif not m.incidental:
                found[m.kind][m.value] = None
        if not found[COUNTRY] and not companies and not self.home:
            # nothing else says where: the companies' homes still stand in
            # ("Mr Waxman accused Bush administration officials of ...
            # overcharges by Halliburton" in a story with no country of its own)
            companies = done_to
        if (
            not found[COUNTRY]
            and self.home
            and not _international(found[ORGANIZATION])
            and not (verb is not None and (self._elsewhere(verb) or _regional(verb)))
        ):
            found[COUNTRY][self.home] = None  # not the WHO's, the UN's events
        elif main_company_at_home(
            home=self.home,
            main_company=self.main_company,
            countries=[*found[COUNTRY], *companies],
            organizations=found[ORGANIZATION],
            text=doc_text(verb.doc)[start:end] if verb is not None else "",
        ):  # "He fought pancreatic cancer in 2004" in a story on Apple (countries10)
            companies.update(dict.fromkeys(self._company_codes(self.main_company)))
        named_before = set(found[ORGANIZATION])
        if verb is not None and self.main_company:
            named = {
                m.value
                for m in self.within(start, end)
                if m.kind in (PERSON, ORGANIZATION)
            }
            # other bodies only outside the event's own clause: "The glitch
            # was not reported when the plane made its maiden flight on 11
            # December ..., German Der Spiegel cited" (Airbus's plane, the
            # paper's report); never a person ("Benton told the program, which
            # will be broadcast", "said Plater, ..., who noted that") nor
            # another body as the sentence's subject ("BP has been struggling
            # ... until a relief well is drilled" in a story Ford's name tops)
            sentence = self.within(start, end)
            if participants is not None and not any(
                m.kind == PERSON
                or (
                    m.kind == ORGANIZATION
                    and m.value != self.main_company
                    and _in_main_subject(verb, m.start)
                )
                for m in sentence
            ):
                named = {
                    m.value
                    for m in mentions
                    if m.kind in (PERSON, ORGANIZATION) and not m.company
                }
            if (
                # no one else named in the sentence ("In 1998 Apple introduced
                # the iMac ... and the Mac OS X operating system was released")
                named <= {self.main_company}
                and _thing_subject(verb)
                and not self._it_for_another(verb)
            ) or (
                # its product released, the company named beside others
                # ("Since the original iPhone was released in 2007, web
                # servers for both Apple and AT&T")
                self.main_company in named and _launched_subject(verb)
            ):
                found[ORGANIZATION][self.main_company] = None
            elif _owned_company_subject(verb):
                # "his company sold 13.7 million Macs": the article's company
                found[ORGANIZATION][self.main_company] = None
            elif not found[ORGANIZATION] and self._company_post(
                verb, found[PERSON]
            ):  # "Jobs resigned from his post as CEO": Apple's post
                found[ORGANIZATION][self.main_company] = None
        if (
            self.main_company in found[ORGANIZATION]
            and self.main_company not in named_before
            and not found[COUNTRY]
            and not self.home
        ):  # its thing is in its country where nothing else says (countries9)
            companies.update(dict.fromkeys(self._company_codes(self.main_company)))
        if verb is not None and (body := self.subject_body(verb)) is not None:
            # "The White House said Sunday", "the CPA would be disbanded"
            found[ORGANIZATION] = {body: None, **found[ORGANIZATION]}
        if verb is not None and (person := self._described_person(verb)):
            found[PERSON] = {person: None, **found[PERSON]}
            subject = _event_subject(verb)
            if subject is not None and (body := self.office_body(subject)):
                found[ORGANIZATION].setdefault(body, None)  # Dudley's BP
                companies.update(dict.fromkeys(self._company_codes(body)))
        found[COUNTRY].update(companies)
        return (
            tuple(found[PERSON]),
            tuple(found[COUNTRY]),
            tuple(found[ORGANIZATION]),
        )

    def _elsewhere(self, verb: Token) -> bool:
        """The text just before the event's sentence is in another country
        than the article's own: the last of the LOCAL_SENTENCES sentences
        before it that says where something is ("in", "near", "across" a
        place: `_where_it_is`) names such a place of another country and
        nothing of the article's (the home stands
        in for where a sentence names none only while the story is still
        there: "the Gulf of Mexico ... BP said today it remained on track"
        in a story Russia's energy official leads is no Russian event)."""
        doc = verb.doc
        end = verb.sent.start
        for _ in range(LOCAL_SENTENCES):
            if end == 0:
                return False
            sent = doc[end - 1].sent
            end = sent.start
            codes = set()
            for m in self.within(sent.start_char, sent.end_char):
                if m.kind != COUNTRY:
                    continue
                if m.value == self.home:
                    return False  # still there ("President Barack Obama tells")
                if not (m.incidental or m.company) and _where_it_is(
                    doc, m.start, m.end
                ):
                    codes.add(m.value)
            if codes:  # the last sentence that says where
                return True
        return False

    def subject_body(self, verb: Token) -> str | None:
        """The public body the subject (or the "by" agent) of `verb` names
        where no mention made it an organisation: a capitalised body name
        ("The White House said", "the Governing Council", "the CPA would be
        disbanded", the acronym of a body the article spells out), or "the
        commission" for the one body of that noun the article names ("the
        presidential commission said" after "the National Commission").
        None for people, places, things and bodies already resolved."""
        subject = _event_subject(verb)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            subject = next((c for c in agent.children if c.dep_ == "pobj"), subject)
        if subject is None or subject.dep_ not in ("nsubj", "nsubjpass", "pobj"):
            return None
        if subject.pos_ not in ("PROPN", "NOUN"):
            return None
        words = [
            t
            for t in subject.lefts
            if t.dep_ in ("compound", "amod") and t.i >= subject.i - 3
        ]
        words = [*words, subject]
        start, end = words[0].idx, subject.idx + len(subject.text)
        sent = subject.sent
        if any(
            m.kind in (PERSON, ORGANIZATION) and m.start < end and m.end > start
            for m in self.within(sent.start_char, sent.end_char)
        ):
            return None  # resolved (or a reporter the rules dropped)
        det = next((c for c in subject.lefts if c.dep_ == "det"), None)
        definite = det is not None and det.lower_ == "the"
        bodies = _load("organizations.json").get("countries", {})
        known = {normalise_alias(b): b for b in bodies}
        text = " ".join(t.text for t in words)
        if all(t.text[:1].isupper() for t in words):
            if normalise_alias(text) in known:
                return known[normalise_alias(text)]  # "the White House"
            if not definite:
                return None  # "Sea King", "Tigris": no body's shape
            if _BODY_ACRONYM.fullmatch(text):
                spelled = [
                    m.value
                    for m in self.mentions
                    if m.kind == ORGANIZATION and _initials(m.value) == text
                ]
                return spelled[0] if len(set(spelled)) == 1 else None  # "CPA"
            if subject.lower_ in _BODY_NOUNS and len(words) >= 2:
                fuller = {
                    m.value
                    for m in self.mentions
                    if m.kind == ORGANIZATION and m.value.endswith(text)
                }  # "the Governing Council": the "Iraqi Governing Council"
                return fuller.pop() if len(fuller) == 1 else text
            return None
        if not definite or subject.lower_ not in _BODY_NOUNS:
            return None
        if any(t.text[:1].isupper() for t in words[:-1]):
            return None  # "the Senate commission": another one's
        noun = subject.lower_
        named = {
            m.value
            for m in self.mentions
            if m.kind == ORGANIZATION
            and m.start < subject.idx
            and noun in m.value.lower().split()
        }
        return named.pop() if len(named) == 1 else None

    def people(self) -> frozenset[str]:
        """The people the article names (their canonical names)."""
        return frozenset(m.value for m in self.mentions if m.kind == PERSON)

    def _it_for_another(self, verb: Token) -> bool:
        """The event's subject is "it" and the sentence before is about
        another organisation ("Apache, worth $29 billion, ... In 2003 it
        paid $1.3 billion": Apache's, not the main company's)."""
        subject = _event_subject(verb)
        if subject is None or subject.lower_ != "it":
            return False
        sent = subject.sent
        for _ in range(3):  # back over "It has a history of ..." too
            if sent.start == 0:
                return False
            sent = verb.doc[sent.start - 1].sent
            subjects = [c for c in sent.root.children if c.dep_ in _SUBJECTS]
            if not subjects:
                return False
            if subjects[0].lower_ != "it":
                c = subjects[0]
                return any(
                    m.kind == ORGANIZATION and m.value != self.main_company
                    for m in self.within(c.idx, c.idx + len(c.text))
                )
        return False

    def _company_post(self, verb: Token, people: Iterable[str]) -> bool:
        """The event is a person's taking or leaving a company office that
        names no company ("Jobs resigned from his post as CEO", "was named
        chief executive"), and the article ties that person to its main
        company ("Apple CEO Steve Jobs", "Steve Jobs, the chief executive
        officer of Apple Inc."): the office is that company's."""
        if not people or not _names_a_company_office(verb):
            return False
        text = doc_text(verb.doc)
        company = [
            m
            for m in self.mentions
            if m.kind == ORGANIZATION and m.value == self.main_company
        ]
        for m in self.mentions:
            if m.kind != PERSON or m.value not in people:
                continue
            for c in company:
                gap = text[min(m.end, c.end) : max(m.start, c.start)]
                if len(gap) > _TIED_CHARS:
                    continue
                words = set(re.findall(r"[a-z-]+", gap.lower()))
                if gap.strip() in ("", "'s", "’s") or words & _OFFICERS:
                    return True  # "Apple CEO Steve Jobs", "BP's Tony Hayward"
        return False

    def _company_codes(self, name: str) -> list[str]:
        """The head-office country the article gives the company `name`
        where it names it (its company country mentions)."""
        at = {(m.start, m.end) for m in self.mentions if m.value == name}
        codes = [m.value for m in self.mentions if m.company and (m.start, m.end) in at]
        return codes[:1]

    def _described_person(self, verb: Token) -> str | None:
        """The person the description subject of `verb` stands for."""
        subject = _event_subject(verb)
        if subject is None:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        return (
            self.described_person(subject)
            or (self.described_person(owner) if owner is not None else None)
            # "The doctor's clinic in Houston is raided": Conrad Murray's
            or self.office_holder(subject)
        )  # "BP's chief executive cautioned Friday": Tony Hayward

    def office_holder(self, subject: Token) -> str | None:
        """The person an organisation's office subject stands for ("BP's
        chief executive", "BP Plc's newly named chief executive", "The chief
        executive of Royal Dutch Shell Plc"): the one the article writes
        with that office of that organisation (`offices.office_holder`)."""
        found = self._office_of(subject)
        if found is None:
            return None
        office, body = found
        return office_holder(
            office,
            body,
            text=doc_text(subject.doc),
            people=[m for m in self.mentions if m.kind == PERSON],
            bodies=[m for m in self.mentions if m.kind == ORGANIZATION],
            main_company=self.main_company,
            near=subject.idx,
            others=frozenset(
                m.value
                for m in self.within(subject.sent.start_char, subject.sent.end_char)
                if m.kind == PERSON
            ),
        )

    def office_body(self, subject: Token) -> str | None:
        """The organisation of an office subject ("BP Plc's newly named chief
        executive": BP), once `office_holder` names its holder: the title
        that names the person keeps the event the company's."""
        found = self._office_of(subject)
        return found[1] if found is not None and self.office_holder(subject) else None

    def _office_of(self, subject: Token) -> tuple[Office, str] | None:
        office = subject_office(subject)
        if office is None:
            return None
        right = subject.right_edge
        span = self.within(subject.left_edge.idx, right.idx + len(right))
        if any(m.kind == PERSON for m in span):
            return None  # "BP's chief executive, Tony Hayward,": named
        bodies = [
            m for m in self.within(office.start, office.end) if m.kind == ORGANIZATION
        ]
        names = {m.value for m in bodies}
        owner = doc_text(subject.doc)[office.start : office.end]
        if not names and self.main_company and owner.startswith(self.main_company):
            names = {self.main_company}  # "BP Plc's" in a lede cut from its dateline
        if len(names) != 1:
            return None  # "Obama's chief of staff", "England's chief medical officer"
        return office, names.pop()

    def described_person(self, subject: Token) -> str | None:
        """The person a description subject stands for ("the US president
        last year planned", "the singer prepared", "The admiral this week
        created"): the one the article names with its words ("US President
        George W Bush", "pop singer Michael Jackson", "Coast Guard Adm. Thad
        Allen", a title's abbreviation counting as the word) most often, the
        nearest of those; None where no mention ties the description to a
        name."""
        words = _description_words(subject)
        if not words:
            return None
        text = doc_text(subject.doc)
        if self.within(subject.idx, subject.idx + len(subject)):
            return None  # a name of its own
        # the words as written first; one performer's noun for another
        # ("the singer" for "Pop star Michael Jackson") only where none is
        for alike in (False, True):
            ties: Counter[str] = Counter()
            nearest: dict[str, int] = {}
            for m in self.mentions:
                if m.kind != PERSON:
                    continue
                lead = text[max(0, m.start - 60) : m.end].lower().split()[:-1][-5:]
                lead = [_unabbreviated(w.strip(".,;:()\"'’")) for w in lead]
                after = _apposition_words(text, m.end)
                if not _titled_so(lead, words, alike=alike) and not _titled_so(
                    after, words, last=True, alike=alike
                ):
                    continue
                ties[m.value] += 1
                nearest[m.value] = abs(subject.idx - m.start)
            if ties:
                break
        if not ties:
            return self._main_performer(words, text)
        return min(ties, key=lambda v: (-ties[v], nearest[v]))

    def _main_performer(self, words: list[str], text: str) -> str | None:
        """The article's main person for a performer's noun no name is
        written with ("the singer passed away" in a story that names Michael
        Jackson a dozen times and no one as a star): the person it names
        most, at least three times and twice as often as anyone else."""
        if len(words) != 1 or words[0] not in _CELEBRITIES:
            return None
        counts = Counter(m.value for m in self.mentions if m.kind == PERSON)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3:
            return None
        if len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        main = ranked[0][0]
        for m in self.mentions:
            lead = text[max(0, m.start - 30) : m.start].lower().split()[-2:]
            if m.value == main and {w.strip(".,") for w in lead} & _NO_PERFORMER:
                return None  # "Dr Murray": the trial's doctor, no singer
        return main

    def named_in(
        self, title: str, text: str
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(actors, countries, organizations) a title names by one of the
        article's mentions of them ("BP announced ..." for "the company
        announced ..."), with the countries of the officials and bodies so
        named; `text` is the article text the mentions index."""
        if self._surfaces is None:
            self._surfaces = {}
            for m in self.mentions:
                if m.kind != COUNTRY:
                    surface = text[m.start : m.end]
                    if len(surface) > 1 and surface[:1].isupper():
                        self._surfaces.setdefault(surface, []).append(m)
            # a title may give the canonical name the article spells
            # otherwise ("World Health Organization's emergency committee"
            # for "the organization's", the article's "Organisation")
            # (an acronym's long form is no spelling: "VC" may be a medal)
            for m in self.mentions:
                if (
                    m.kind != COUNTRY
                    and " " in m.value
                    and " " in text[m.start : m.end].strip()
                    and m.value[:1].isupper()
                ):
                    self._surfaces.setdefault(m.value, []).append(m)
            self._pattern = (
                re.compile(
                    r"(?<!\w)(?:"
                    + "|".join(
                        re.escape(s)
                        for s in sorted(self._surfaces, key=len, reverse=True)
                    )
                    + r")(?!\w)"
                )
                if self._surfaces
                else None
            )
        found: dict[str, dict[str, None]] = {PERSON: {}, COUNTRY: {}, ORGANIZATION: {}}
        at = {(m.start, m.end): m.value for m in self.mentions if m.kind == COUNTRY}
        homes = {(m.start, m.end) for m in self.mentions if m.company}
        for match in self._pattern.finditer(title) if self._pattern else ():
            if _inside_a_name(title, match.start(), match.end()):
                continue  # "the BP Deepwater Horizon Oil Spill" (a commission's)
            if _ends_a_known_body(title, match.start(), match.end()):
                continue  # "at the White House's behest" names no "House"
            for m in self._surfaces.get(match.group(0), ())[:1]:
                found[m.kind][m.value] = None
                if (m.start, m.end) in at and not (
                    (m.start, m.end) in homes and not _title_subject(title, match)
                ):
                    found[COUNTRY][at[(m.start, m.end)]] = None
        # a country the title names for "the country" ("South Korea's
        # currency fell" from "The country's currency ... fell")
        for code in {
            m.value for m in self.mentions if m.kind == COUNTRY and not m.incidental
        }:
            name = country_name(code)
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", title):
                before = title[: match.start()].lower().split()
                if (
                    before[-2:-1]
                    and before[-1] == "of"
                    and before[-2] in _FEATURE_WORDS
                ):
                    continue  # "the Gulf of Mexico": a sea
                found[COUNTRY][code] = None
        return tuple(found[PERSON]), tuple(found[COUNTRY]), tuple(found[ORGANIZATION])


def _without_frame_places(mentions: list[Mention], verb: Token) -> list[Mention]:
    """The mentions without the countries of where the event's reporting
    verb happens (`countries.in_the_frame`) when the reported clause names
    a country of its own: "In Germany, the court has heard that the Ali Baba
    operation began ... with more than 100 British soldiers" is British, not
    German; "In Baghdad, officials said 20 people were killed" stays Iraqi."""
    framed = [
        m for m in mentions if m.kind == COUNTRY and in_the_frame(verb, m.start, m.end)
    ]
    if not framed:
        return mentions
    lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    if not any(
        m.kind == COUNTRY
        and not m.incidental
        and not m.company
        and lo <= m.start < hi
        and m not in framed
        for m in mentions
    ):
        return mentions
    return [m for m in mentions if m not in framed]


def _title_subject(title: str, match: re.Match[str]) -> bool:
    """A name among the title's first words, so of who acts: a company's
    head-office country is the event's only then ("BP's Hayward
    acknowledged", "Outgoing BP chief exec Tony Hayward said", not "Alabama
    is suing BP Plc, Transocean and Halliburton"; see
    `countries.company_acts`); or of the clause a speaker's colon opens
    ("Sources familiar with BP's thinking told Reuters: BP plans to raise
    cash")."""
    before = title[: match.start()]
    return len(before.split()) <= 2 or (
        ": " in before and len(before.rsplit(": ", 1)[1].split()) <= 2
    )


# Words for the whole world as a place ("markets around the world",
# "global stocks", "stock markets worldwide").
_WORLD_WORDS = frozenset(["world", "globe", "global", "worldwide"])
# Entities whose words are a name, not a place ("the World Bank", "World
# War II", "the Asian Development Bank").
_NAMED_ENTITIES = frozenset(["ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"])


def _regional(verb: Token) -> bool:
    """The event's subject, or a place phrase of its verb, is the world's or
    a continent's: "Stock markets around the world continued to fall",
    "Asian markets saw the biggest sell-off", "South American markets
    performed particularly badly", "Stock prices dropped sharply in Europe
    and Asia". Such an event is in no one country, so the article's own does
    not stand in for it. Only the subject's own modifiers and the nouns of
    "in", "around", "across" ... phrases count: not "a man of north African
    origin" (where he comes from), nor a possessive ("the world's largest
    carmaker" only ranks its noun)."""
    nouns: list[Token] = []
    subject = _event_subject(verb)
    for head in ([subject] if subject is not None else []) + [verb]:
        if head is subject:
            nouns.append(head)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
                nouns += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("advmod", "npadvmod") and head is verb:
                nouns.append(child)  # "fell worldwide"
    nouns += [c for n in nouns for c in n.children if c.dep_ == "conj"]
    continents = gazetteer.continents()
    for noun in nouns:
        for tok in [
            noun,
            *(c for c in noun.children if c.dep_ in ("amod", "compound")),
        ]:
            if tok.ent_type_ in _NAMED_ENTITIES or tok.dep_ == "poss":
                continue
            word = tok.lower_
            if word in _WORLD_WORDS or word in continents:
                return True
            if tok.i > 0 and f"{tok.doc[tok.i - 1].lower_} {word}" in continents:
                return True  # "South American"
    return False


def _where_it_is(doc: Doc, start: int, end: int) -> bool:
    """The place at characters [start, end) is where something is or
    happens: after "in", "near", "across" ... ("the massive oil spill in the
    Gulf of Mexico"), and not in a clause describing a noun ("a pipeline
    that carries oil from Canada"). Not a list of origins ("planes from
    Mexico, the United States and Canada"), a demonym ("the British oil
    giant"), nor a name's word ("the Bush administration")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    j = span.start - 1
    while j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 0 or doc[j].lower_ not in _LOCATIVE:
        return False
    return not _in_a_relative_clause(span.root)


def _in_a_relative_clause(tok: Token) -> bool:
    """`tok` is inside a clause describing a noun ("a 30-inch pipeline that
    carries oil from Canada", "a ship bound for Cuba")."""
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG")):
            return True  # not "efforts to contain the spill in the Gulf"
        tok = tok.head
    return False


def _part_of_a_continent(text: str, start: int, end: int, code: str) -> bool:
    """The name at [start, end) of `text`, read as the country `code`, is a
    continent's, or its last word, and the country is in another continent:
    "South American markets" ("American" alone is the US's). "North
    America" stays the US's own continent, where its news mostly is."""
    name = text[start:end].lower()
    known = gazetteer.continents()
    before = text[max(0, start - 12) : start].split()
    if name not in known and before and text[start - 1].isspace():
        name = f"{before[-1].lower()} {name}"
    return name in known and known[name] != gazetteer.country_continent(code)


# How many sentences before an event's own are read for where the story is
# (`ArticleEntities._elsewhere`).
LOCAL_SENTENCES = 5


def _international(organizations: Iterable[str]) -> bool:
    """One of these is an international body ("World Health Organization",
    "International Monetary Fund"): its event is in no one country."""
    return any(
        w in _INTERNATIONAL and w != "united"
        for name in organizations
        for w in normalise_alias(name).split()
    )


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """A name at [start, end) of a title that only begins a longer one after
    "the": "oversee the National Commission on the BP Deepwater Horizon Oil
    Spill" names no BP."""
    before = text[:start].rstrip().rsplit(" ", 1)[-1]
    after = text[end:].lstrip()
    return (
        before.lower() == "the"
        and text[end : end + 1] == " "
        and after[:1].isupper()
        and after.split(" ", 1)[0].isalpha()
    )


@cache
def _known_body_keys() -> frozenset[str]:
    """The normalised names of the known public bodies of two words or more
    ("white house", "downing street", "foreign office")."""
    bodies = _load("organizations.json").get("countries", {})
    return frozenset(normalise_alias(b) for b in bodies if " " in b.strip())


def _ends_a_known_body(text: str, start: int, end: int) -> bool:
    """A one-word name at [start, end) of a title that is the last word of a
    known body the title names ("the escrow fund set up at the White House's
    behest" after "a House committee hearing"): the body, not that name."""
    word = text[start:end]
    if " " in word:
        return False
    before = text[:start].rstrip().rsplit(" ", 1)[-1]
    return normalise_alias(f"{before} {word}") in _known_body_keys()


class EntityResolver:
    """Resolves the entities of parsed articles against default + given aliases.

    Build one per lexicon (cheap dict merges); reuse it for many documents.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        base = default_lexicon()
        extra = lexicon or Lexicon()
        self.people = {**base.people, **_norm_keys(extra.people)}
        # People worth finding in free text: shipped names and aliases, not
        # every stored actor's own name (one mislabel would spread).
        self.vouched_people = set(base.people) | {
            k for k, v in self.people.items() if normalise_alias(v) != k
        }
        self.organizations = {**base.organizations, **_norm_keys(extra.organizations)}
        self.countries = {
            **base.countries,
            **{k: v.upper() for k, v in _norm_keys(extra.countries).items()},
        }
        data = _person_data()
        self.titles = _phrases(data["titles"])
        self.title_words = {w for t in self.titles for w in t}
        self.roles = _phrases(data["roles"])
        self.role_heads = {t[-1] for t in self.roles}
        self.generic_roles = {normalise_alias(r) for r in data["generic_roles"]}
        self.non_name_words = frozenset(data.get("non_name_words", ()))
        self.speech_verbs = frozenset(data.get("speech_verbs", ()))
        self.org_before = frozenset(data.get("org_before", ()))
        self.org_after = frozenset(data.get("org_after", ()))
        org_data = _load("organizations.json")
        self.legal_suffixes = frozenset(org_data.get("legal_suffixes", ()))
        self.org_countries = {
            **institution_countries(),  # indices, national bodies (countries.py)
            **{normalise_alias(k): v for k, v in org_data.get("countries", {}).items()},
        }
        # the known public bodies as written ("Minerals Management Service")
        self.known_bodies = tuple(org_data.get("countries", {}))
        self.body_names = {normalise_alias(b): b for b in self.known_bodies}
        self.government_words = frozenset(org_data.get("government_words", ()))
        self.company_countries = {
            normalise_alias(k): v for k, v in org_data.get("companies", {}).items()
        }
        self.news_media = frozenset(
            normalise_alias(m) for m in org_data.get("news_media", ())
        )
        # their sites' spellings: "FoxNews.com" is Fox News (names13)
        self._compact_media = frozenset(_compact(m) for m in self.news_media)
        self.thing_nouns = frozenset(org_data.get("thing_nouns", ()))
        self.thing_heads = frozenset(org_data.get("thing_heads", ()))
        self.portfolios = frozenset(org_data.get("portfolios", ()))
        # rooms and grounds of a government's seat ("the Oval Office"): places
        self.landmarks = frozenset(
            normalise_alias(k) for k in org_data.get("landmarks", ())
        )
        self.known_org_names = frozenset(self.organizations) | {
            normalise_alias(v) for v in self.organizations.values()
        }
        # the shipped ones only: a stored mislabel ("Exxon Valdez") is no proof
        self.shipped_org_names = (
            frozenset(base.organizations)
            | {normalise_alias(v) for v in base.organizations.values()}
            | set(self.company_countries)
        )
        self.features = {
            normalise_alias(k): tuple(v)
            for k, v in _load("countries.json").get("features", {}).items()
        }
        self.official_titles = frozenset(
            normalise_alias(t) for t in data.get("government_titles", ())
        )
        self._acronyms: dict[str, set[str]] | None = None
        self.descriptors = [tuple(d.split()) for d in org_data.get("descriptors", ())]
        self.max_title_len = max(len(t) for t in self.titles)
        self.max_role_len = max(len(t) for t in self.roles)
        self.report_verbs = self.speech_verbs | {"report", "write", "tell"}
        self._matchers: dict[int, object] = {}
        self._people_index: PeopleIndex | None = None
        self._words: frozenset[str] | None = None
        # Tokens of the document being resolved that are the rest of a name
        # cut at a dropped letter ("Fern" "ndez"): part of the name.
        self._fragments: set[int] = set()

    @property
    def people_index(self) -> PeopleIndex:
        """The known people by surname spelling (built on first use)."""
        if self._people_index is None:
            self._people_index = PeopleIndex(self.people.values())
        return self._people_index

    def _known_person(self, key: str) -> str | None:
        """The known person a name is: an alias, a full name through its
        surname, or another spelling of one known person ("Qaddafi"). Not a
        stored person under a first-name variant ("Michael Jackson" for a
        stored Mike Jackson): whether the article's person is the stored one
        needs what ingestion knows (`NameResolver._variants`: whom they are
        reported with); the article's own two names are one person
        (`_first_name_variants`)."""
        alias = self.people.get(key)
        if alias is not None:
            return alias
        return self._by_surname(key) or self.people_index.variant_of(
            key, nicknames=False
        )

    # -- alias matcher over the whole text (for what NER misses) --------------

    def _matcher(self, doc: Doc):
        vocab = doc.vocab
        key = id(vocab)
        matcher = self._matchers.get(key)
        if matcher is None:
            from spacy.lang.en import English
            from spacy.matcher import PhraseMatcher

            tokenizer = English(vocab=vocab).tokenizer
            matcher = PhraseMatcher(vocab, attr="LOWER")
            for label, table in (
                (COUNTRY, self.countries),
                (ORGANIZATION, self.organizations),
                (PERSON, self.people),
            ):
                keys = sorted(
                    k
                    for k in table
                    if k
                    and k not in _NOT_IN_FREE_TEXT
                    and (label != PERSON or " " in k)  # full names only
                )
                matcher.add(label, list(tokenizer.pipe(keys)))
            self._matchers[key] = matcher
        return matcher

    # -- helpers ----------------------------------------------------------------

    def _strip_title(self, words: list[str]) -> int:
        """How many leading words (lower-cased) are titles or demonyms."""
        i = 0
        while i < len(words):
            for n in range(min(self.max_title_len, len(words) - i), 0, -1):
                if tuple(words[i : i + n]) in self.titles:
                    i += n
                    break
            else:
                w = words[i]
                if w in self.countries and i + 1 < len(words):
                    i += 1
                    continue
                break
        return i

    def _by_surname(self, key: str) -> str | None:
        """A known person for a full name via its surname's alias, if they agree.

        With the alias "zelensky" -> "Volodymyr Zelenskyy", the article's
        "Volodymyr Zelensky" is that person (they share "volodymyr").
        """
        words = key.split()
        if len(words) < 2:
            return None
        known = self.people.get(words[-1])
        if known and set(normalise_alias(known).split()) & set(words[:-1]):
            return known
        return None

    def _other_namesake(
        self,
        key: str,
        surnames: Mapping[str, str | None],
        full_names: Mapping[str, str],
    ) -> bool:
        """A surname alone that the article's own full names make ambiguous
        (it names two people of that surname), whose database alias is
        neither of them: the article's people come before another article's
        ("Jackson" beside Michael and Jermaine Jackson is not Frank G.
        Jackson, whom the database learned "Jackson" for)."""
        if " " in key or key not in surnames or surnames[key] is not None:
            return False
        alias = self.people.get(key)
        return alias is not None and alias not in set(full_names.values())

    def _first_name_variants(self, full_names: dict[str, str]) -> None:
        """ "Kenneth Feinberg" beside the article's "Ken Feinberg", "Timothy
        Geithner" beside "Timothy F. Geithner", "Henry Paulson" beside "Henry
        M. Paulson Jr": one person (`names.same_person_name`: a nickname, a
        middle initial or a generation on one side), the stored one if one
        of them is, else
        the one named first; a stored person stays themself, and a name two
        of the article's people would both match stays its own."""
        stored = set(self.people.values())
        keys = list(full_names)
        for i, key in enumerate(keys):
            if full_names[key] in stored:
                continue
            alike = [k for k in keys if k != key and same_person_name(k, key)]
            same = {full_names[k] for k in alike} & stored or {
                full_names[k] for k in alike if keys.index(k) < i
            }
            if len(same) == 1:
                full_names[key] = same.pop()

    def _clashing_titles(
        self,
        candidates: list[_Candidate],
        full_names: Mapping[str, str],
        surnames: dict[str, str | None],
    ) -> dict[int, str]:
        """Surname mentions titled so that they cannot be the article's full
        name of that surname (`_titles_clash`: "President Obama", "Mr Obama"
        beside "first lady Michelle Obama"): start token -> the person they
        are instead, the known person of the surname (an alias) if another,
        else the surname itself. Where such mentions are at least as many as
        the titled ones that agree, the bare surname is that person too
        (`surnames` is changed: no alias ties the surname to her), and the
        agreeing ones ("Mrs. Obama") stay hers."""
        marks: dict[str, set[str]] = {}
        for c in candidates:
            if c.key in full_names:
                marks.setdefault(full_names[c.key], set()).update(c.marks)
        out: dict[int, str] = {}
        for last, person in list(surnames.items()):
            theirs = frozenset(marks.get(person or "", ()))
            if not theirs:
                continue
            mine = [c for c in candidates if c.key == last]
            clash = [c for c in mine if _titles_clash(c.marks, theirs)]
            if not clash:
                continue
            agree = sum(1 for c in mine if c.marks) - len(clash)
            known = self.people.get(last)
            other = known if known and known != person else clash[0].name
            bare = len(clash) >= agree
            for c in mine:
                if c in clash or (bare and not c.marks):
                    out[c.start] = other
                elif bare:  # "Mrs. Obama" is still her
                    out[c.start] = person
            if bare:
                surnames[last] = other
        return out

    def _first_names(self, full_names: dict[str, str]) -> set[str]:
        firsts: dict[str, int] = {}
        for key in full_names:
            first = key.split()[0]
            firsts[first] = firsts.get(first, 0) + 1
        return {
            f
            for f, n in firsts.items()
            if n == 1 and len(f) > 2 and "." not in f and f not in self.title_words
        }

    def _judge_candidates(
        self,
        doc: Doc,
        candidates: list[_Candidate],
        org_keys: dict[str, str],
        product_firsts: set[str],
    ) -> dict:
        """Per name in the article: PERSON, ORGANIZATION, "" (dropped) or "single".

        "single" is a one-word name with no support of its own yet: a person
        only if it is a full name's surname or first name; the fallback
        verdict is under the key ("single", name).
        """
        by_key: dict[str, list[_Candidate]] = {}
        for cand in candidates:
            by_key.setdefault(cand.key, []).append(cand)
        verdicts: dict = {}
        for key, cands in by_key.items():
            words = key.split()
            alias = self.people.get(key)
            # An alias to another name is evidence; a stored name (the
            # database lexicon holds every actor, mislabels included) is not.
            known = (
                (alias is not None and normalise_alias(alias) != key)
                or (" " in key and self._by_surname(key) is not None)
                or (alias is None and self.people_index.variant_of(key) is not None)
            )
            titled = any(c.titled for c in cands)
            placed = [
                _locative(doc, c) or self._title_of(doc, c.ent.start) for c in cands
            ]
            if (
                len(words) >= 2
                and 2 * sum(placed) < len(cands)
                and all(c.ent.label_ == "PERSON" for c in cands)
                and not any(p.population for p in gazetteer.lookup(key))
            ):
                placed = []  # "stood in Steve Jobs' place" once: still him
                # (not a city the parse calls a person: "Porto Alegre")
            if not (known or titled) and (
                key in self.countries
                or _feature_name(words)
                or any(placed)
                or _fort_name(words)
                or key in self.landmarks
            ):
                verdicts[key] = "place"  # "in Misrata", "near Ras Lanuf"
                continue
            org_like = (
                key in org_keys
                or key in self.company_countries
                # "Halliburton Co used flawed cement" (PERSON): a legal suffix
                or (len(words) >= 2 and words[-1] in self.legal_suffixes)
                or key in self.org_countries
                or any(self._org_context(doc, c) for c in cands)
            )
            group = any(_plural_group(doc, c) or _after_the(doc, c) for c in cands)
            shaped = all(
                _name_shaped(doc, c, self.non_name_words, self._fragments)
                for c in cands
            )
            if len(words) >= 2:
                if (
                    known
                    or (titled and shaped)
                    or (shaped and self._given_name_first(doc, key, cands))
                ):
                    verdicts[key] = PERSON
                elif org_like or group:
                    verdicts[key] = ORGANIZATION
                elif all(
                    c.start > 0 and doc[c.start - 1].lower_ == "the" for c in cands
                ):
                    verdicts[key] = ""  # "the Deepwater Horizon", every time: no one
                elif not shaped or words[0] in org_keys or words[0] in product_firsts:
                    verdicts[key] = ""  # "App Store", "Ford Falcon": not a person
                    if words[0] in org_keys:  # the bare "Falcon" is Ford's car too
                        verdicts[("product", words[-1])] = True
                else:
                    verdicts[key] = PERSON
                continue
            if known or (titled and shaped):
                verdicts[key] = PERSON
                continue
            verdicts[key] = "single"
            if any(
                p.population >= _ORG_PLACE_POPULATION for p in gazetteer.lookup(key)
            ):
                verdicts[("single", key)] = "place"  # "University, Chandigarh"
            elif self._first_name_tagged_person(doc, key, cands):
                verdicts[("single", key)] = (  # "mother, Katherine,": no body
                    PERSON if shaped and any(self._speaks(c) for c in cands) else ""
                )
                verdicts[("not_org", key)] = True  # nor where tagged ORG
            elif (
                org_like
                or group
                or any(k.split()[0] == key for k in org_keys)
                or any(_conj_of_org(doc, c) for c in cands)
            ):
                # "Cerberus" of "Cerberus Capital Management"; "Lockheed and Sikorsky".
                verdicts[("single", key)] = ORGANIZATION
            elif all(self._common_noun_name(doc, c.start, c.end) for c in cands):
                verdicts[("single", key)] = ""  # "diazepam" elsewhere: a drug
            elif shaped and any(self._speaks(c) for c in cands):
                verdicts[("single", key)] = PERSON
            elif any(p.population for p in gazetteer.lookup(key)):
                verdicts[("single", key)] = "place"  # "shelled Misrata"
            else:
                verdicts[("single", key)] = ""
        return verdicts

    def _given_name_first(self, doc: Doc, key: str, cands: list[_Candidate]) -> bool:
        """A full name the article tags PERSON at least once, a known given
        name first, that is no known body and has no company sign ("US
        marine Matthew Bogdanos pledged" tagged ORG, "His name was Matthew
        Bogdanos" PERSON, then "Bogdanos says" ORG): a person, whose
        surname is then his, however often the tagger says ORG."""
        words = key.split()
        return (
            is_given_name(words[0])
            and key not in self.company_countries
            and key not in self.org_countries
            and key not in self.shipped_org_names
            and words[-1] not in self.legal_suffixes
            and any(c.ent.label_ == "PERSON" for c in cands)
            and not any(self._org_context(doc, c) for c in cands)
        )

    def _first_name_tagged_person(
        self, doc: Doc, key: str, cands: list[_Candidate]
    ) -> bool:
        """A first name alone the article tags PERSON more often than ORG,
        with no company sign ("Jackson's mother, Katherine, speaking",
        "guardian, Katherine," beside one "Katherine said" tagged ORG): a
        person, not an organisation."""
        if (
            not is_given_name(key)
            or key in self.company_countries
            or key in self.shipped_org_names
            or any(self._org_context(doc, c) for c in cands)
        ):
            return False
        as_org = sum(
            1
            for ent in doc.ents
            if ent.label_ == "ORG" and normalise_alias(_clean_name(ent.text)) == key
        )
        return len(cands) > as_org

    def _place_not_org(self, doc: Doc, s: int, e: int, text: str) -> bool:
        """An ORG-labelled state, region or large city with no company
        context ("Alabama", "Louisiana"): a place."""
        found = gazetteer.lookup(text) or _halves_of(text)
        if not found or not text[:1].isupper():
            return False
        if normalise_alias(text) in self.company_countries:
            return False  # "Toyota is expected to report": the company
        if not any(
            p.subdivision or p.population >= _ORG_PLACE_POPULATION for p in found
        ):
            return False
        cand = _Candidate(
            doc[s:e], s, e, text, normalise_alias(text), None, None, False
        )
        return not self._org_context(doc, cand)

    def _index_names(self, doc: Doc) -> set[str]:
        """Names of stock indices in the article: before an index word ("the
        MERVAL index", "NASDAQ composite", "Dow Jones Industrial Average",
        "the S&P 500 Index"), or moving by points ("The Dow's 344.65-point
        fall"); with their first word ("Dow") and without a demonym
        ("Brazilian Bovespa" -> "bovespa"). spaCy tags them ORG; they are
        no organisations."""
        found: set[str] = set()

        def note(words: list[str]) -> None:
            if words:
                found.add(" ".join(words))
            while len(words) > 1 and words[0] in self.countries:
                words = words[1:]  # "brazilian bovespa"
            if words:
                found.add(" ".join(words))
                found.add(words[0])

        for tok in doc:
            if tok.lower_ not in _INDEX_AFTER or not tok.i:
                continue
            j = tok.i
            if tok.lower_ == "average" and doc[j - 1].lower_ == "industrial":
                j -= 1
            run = []
            while (
                j > 0
                and (doc[j - 1].pos_ == "PROPN" or doc[j - 1].like_num)
                and doc[j - 1].ent_type_ not in ("GPE", "NORP", "LOC")
            ):
                j -= 1
                run.insert(0, doc[j])
            if not run or not run[0].text[:1].isupper():
                continue
            ent = tok.ent_type_ == "ORG" and tok.ent_iob_ == "I"
            if ent and not (
                run[-1].like_num or tok.lower_ not in _INDEX_WORDS
            ):  # "IG Index": a company of that name
                continue
            if all(t.like_num for t in run):
                continue
            note([normalise_alias(t.text) for t in run if not t.like_num])
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PRODUCT"):
                continue
            s, e = _trim_tokens(ent)
            key = normalise_alias(_clean_name(doc[s:e].text)) if s < e else ""
            if (
                key
                and (
                    (ent.label_ == "ORG" and _is_index(doc, s, e, key))
                    or (
                        key not in self.company_countries  # "BP fell": its shares
                        and (_moves_by_points(doc[s:e].root) or _numbered_index(doc, e))
                    )
                )
            ):
                note(key.split())
        return found

    def _title_orgs(self, doc: Doc) -> set[str]:
        """ORG names that are a person's title, not an organisation: made only
        of title words ("Lance Corporal" Barry Singleton), or, not known and
        of dictionary words only, never written but right before a title word
        ("National Incident" of "National Incident Commander Thad Allen")."""
        seen: dict[str, bool] = {}
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            s, e = _trim_tokens(ent)
            if s >= e:
                continue
            key = normalise_alias(_clean_name(doc[s:e].text))
            words = [t.lower_ for t in doc[s:e]]
            if all(w in self.title_words for w in words):
                seen[key] = True
                continue
            nxt = doc[e] if e < len(doc) else None
            titled = (
                nxt is not None
                and nxt.text[:1].isupper()
                and nxt.lower_ in self.title_words
                and not nxt.lower_.endswith(".")
                and nxt.ent_type_ in ("", "ORG")
            )
            seen[key] = (
                seen.get(key, True)
                and titled
                and bool(self._words)
                and key not in self.known_org_names
                and key not in self.company_countries
                and all(
                    t.is_alpha
                    and not t.is_upper
                    and (t.lower_ in self._words or t.lemma_.lower() in self._words)
                    and t.lower_ not in self.government_words
                    for t in doc[s:e]
                )
            )
        return {k for k, v in seen.items() if v}

    def _company_not_place(self, doc: Doc, s: int, e: int, text: str, key: str) -> bool:
        """A company spaCy labels a place, nationality or product: a known
        company (the company table) that names no state or large city, or
        only where the text treats it as a company ("Cisco states",
        "contractor Halliburton"); an unknown name the gazetteer does not
        know either, labelled a place, that speaks or has company context
        ("Alyeska said yesterday")."""
        if not text[:1].isupper() or _feature_name(key.split()):
            return False
        cand = _Candidate(
            doc[s:e], s, e, text, normalise_alias(text), None, None, False
        )
        if _locative_span(doc, s, e):
            return False  # "in Toyota": the city
        places = gazetteer.lookup(text)
        context = self._org_context(doc, cand) or _conj_of_org(doc, cand)
        if key in self.company_countries:
            big = any(
                p.subdivision or p.population >= _ORG_PLACE_POPULATION for p in places
            )
            return context or not big
        return (
            doc[s].ent_type_ == "GPE"
            and not places
            and all(t.pos_ == "PROPN" for t in doc[s:e])
            and (context or self._speaks(cand))
        )

    def _title_of(self, doc: Doc, start: int) -> bool:
        """'Bishop of Krakow', 'the mayor of Misrata': a title of a place."""
        return (
            start >= 2
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_ in self.title_words
            and doc[start - 2].lower_ != "of"
        )

    def _org_context(self, doc: Doc, cand: _Candidate) -> bool:
        """'airline Ryanair', 'at Ryanair', 'Ryanair shares', "Ryanair's fleet"."""
        j = cand.ent.start - 1
        while j >= 0 and doc[j].is_punct:
            j -= 1
        if (
            j >= 0
            and doc[j].lower_ in self.org_before
            and (
                doc[j].lower_ != "at"
                or not (cand.end < len(doc) and doc[cand.end].tag_ == "POS")
            )
        ):
            return True
        i = cand.end
        if i < len(doc) and doc[i].tag_ == "POS":
            i += 1
        # "Ryanair's fleet", "Ryanair CEO", "Ryanair shares".
        if i < len(doc) and doc[i].lower_ in self.org_after:
            return True
        # "Glitnir, an Icelandic bank,": an apposition that says what it is.
        return any(
            child.dep_ == "appos" and child.lower_ in self.org_before
            for child in doc[cand.start : cand.end].root.children
        )

    def _speaks(self, cand: _Candidate) -> bool:
        """The name is the subject of a communication or cognition verb."""
        for tok in cand.ent.doc[cand.start : cand.end]:
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.head.lemma_.lower() in self.speech_verbs
                and not _known_as(tok)
            ):
                return True
        return False

    def org_name(self, text: str, article_orgs: dict[str, str] | None = None) -> str:
        """The canonical name of an organisation mentioned as `text`.

        Legal suffixes go ("Apple Computer Inc." -> "Apple Computer", "Aer
        Lingus Group PLC" -> "Aer Lingus Group"); a descriptor ("Computer",
        "Group", "Motor Company") goes only where the article also names the
        shorter form or an alias knows it. Known aliases give the canonical
        name. "Apple Corps" keeps "Corps": it is no suffix.
        """
        article_orgs = article_orgs or {}
        text = _SPACED_HYPHEN.sub("-", text)  # "Wal - Mart" as tokenised text
        words = text.replace(",", " ").split()
        key = normalise_alias(text)
        if (known := self._known_org(key)) is not None:
            return known
        if "." in key and key + "." in self.organizations:
            return self.organizations[key + "."]  # "U.N" of "U.N." cut by the trim
        # "U.S. Centers for Disease Control and Prevention", "US Coast Guard":
        # the country's body is the known or the article's name without it
        for n in (2, 1):
            if len(words) > n and normalise_alias(" ".join(words[:n])) in (
                self.countries
            ):
                rest = normalise_alias(" ".join(words[n:]))
                if (known := self._known_org(rest)) is not None:
                    return known  # "U.S. Senate", "US Centres for Disease Control"
                if rest in self.body_names and " " in rest:
                    # "U.S. Minerals Management Service": the known body
                    return self.body_names[rest]
                if len(words) > n + 1 and rest in article_orgs:
                    return self.org_name(article_orgs[rest])
        # "Fannie" and "Freddie" where the article names Fannie Mae and
        # Freddie Mac: the one longer organisation its first word starts
        if len(words) == 1 and key not in self.company_countries:
            longer = {k for k in article_orgs if k.startswith(key + " ") and k != key}
            longer = {
                k for k in longer if not any(o != k and k.startswith(o) for o in longer)
            }
            if len(longer) == 1:
                return self.org_name(article_orgs[longer.pop()])
            if paper := self._paper_of(key, article_orgs):
                return paper
        while len(words) > 1 and (
            words[-1].casefold() in self.legal_suffixes or words[-1] in ("&", "and")
        ):
            words.pop()
        key = normalise_alias(" ".join(words))
        if key in self.organizations:
            return self.organizations[key]
        if department := self._department_order(words):
            return department
        if (plural := self._plural_dropped(key)) is not None:
            return plural
        # "BP Plc Canadian unit", "BP American": a known company and the
        # country of its branch
        rest = words[:]
        while len(rest) > 1 and normalise_alias(rest[-1]) in self.countries:
            rest.pop()
        while len(rest) > 1 and rest[-1].casefold() in self.legal_suffixes:
            rest.pop()
        if len(rest) < len(words):
            short = normalise_alias(" ".join(rest))
            if short in self.company_countries or short in self.organizations:
                return self.organizations.get(short, " ".join(rest))
        lowered = [w.casefold() for w in words]
        for desc in self.descriptors:
            n = len(desc)
            if len(words) > n and tuple(lowered[-n:]) == desc:
                short = normalise_alias(" ".join(words[:-n]))
                if short in self.organizations:
                    return self.organizations[short]
                if short in article_orgs and short not in self.countries:
                    return " ".join(words[:-n])
        return " ".join(words)

    def _known_org(self, key: str) -> str | None:
        """The known organisation a normalised name is, as written or in the
        American spelling of a known American body ("the US Centres for
        Disease Control", the Guardian's: the Centers for Disease Control
        and Prevention); a British name known as written stays ("Ministry of
        Defence")."""
        if key in self.organizations:
            return self.organizations[key]
        american = " ".join(_AMERICAN_SPELLINGS.get(w, w) for w in key.split())
        if american != key and american in self.organizations:
            return self.organizations[american]
        return None

    def _labour_spelled_labor(self, doc: Doc, value: str) -> str:
        """Britain's Labour Party written in the US spelling ("Labor's Oona
        King in Bethnal Green", "my Labor party card", "New Labor"): the
        Labour Party where the article's places are British and none is
        Australian (Australia's party is spelt "Labor"); the name otherwise."""
        if normalise_alias(value) not in _LABOR_SPELLINGS:
            return value
        codes = {
            self.countries.get(normalise_alias(ent.text))
            for ent in doc.ents
            if ent.label_ in ("GPE", "NORP")
        }
        return "Labour Party" if "GB" in codes and "AU" not in codes else value

    def _one_treasury(self, doc: Doc, value: str) -> str:
        """One name per treasury: "U.S. Treasury", "Treasury Dept.", "the
        Department of the Treasury" are the Treasury Department, and a bare
        "Treasury" is too where the article's countries are American more
        than British ("took over at Treasury" in a story on Paulson); a bare
        one of a British story is HM Treasury; the name otherwise."""
        m = _TREASURY.fullmatch(normalise_alias(value))
        if m is None:
            return value
        if m.group("us") or m.group("dept") or m.group("dept2"):
            return "Treasury Department"
        if m.group("hm"):
            return "HM Treasury"
        codes = Counter(
            self.countries.get(normalise_alias(ent.text))
            for ent in doc.ents
            if ent.label_ in ("GPE", "NORP")
        )
        if codes["US"] > codes["GB"]:
            return "Treasury Department"
        if codes["GB"] > codes["US"]:
            return "HM Treasury"
        return value

    def _department_order(self, words: list[str]) -> str | None:
        """One name for a department or ministry under its two word orders
        ("Department of Justice", "Justice Dept." and "Justice Department";
        "Department of the Interior" and "Interior Department"): the form a
        known body has ("Ministry of Defence", "Department of Homeland
        Security"), else the portfolio first; a country before a known one
        goes ("US Department of Justice"); None for any other name."""
        lowered = [w.casefold().rstrip(".") for w in words]
        for n in (0, 1, 2):
            if n and not (
                len(lowered) > n + 1
                and normalise_alias(" ".join(words[:n])) in self.countries
            ):
                continue
            found = self._department_form(lowered[n:])
            if found is not None and (not n or found[1]):
                return found[0]
        return None

    def _department_form(self, lowered: list[str]) -> tuple[str, bool] | None:
        """(canonical name, a known body) of a department's lower-cased words."""
        bodies = _DEPARTMENT_BODIES
        if len(lowered) >= 3 and lowered[0] in bodies and lowered[1] == "of":
            rest = lowered[3:] if lowered[2] == "the" else lowered[2:]
            body, portfolio = bodies[lowered[0]], " ".join(rest)
        elif len(lowered) >= 2 and lowered[-1] in bodies:
            body, portfolio = bodies[lowered[-1]], " ".join(lowered[:-1])
        else:
            return None
        if portfolio not in self.portfolios:
            return None
        title = " ".join(w.capitalize() for w in portfolio.split())
        forms = (f"{title} {body}", f"{body} of {title}", f"{body} of the {title}")
        for form in forms:
            known = normalise_alias(form)
            if known in self.org_countries or known in self.organizations:
                return self.organizations.get(known, form), True
        return forms[0], False

    def _paper_of(self, key: str, article_orgs: dict[str, str]) -> str | None:
        """The one news medium of the article whose name a one-word name
        ends ("The Post's analysis" after "a Washington Post analysis"):
        that medium, which reports rather than acts."""
        media = {
            k for k in article_orgs if k.endswith(" " + key) and k in self.news_media
        }
        return self.org_name(article_orgs[media.pop()]) if len(media) == 1 else None

    def _plural_dropped(self, key: str) -> str | None:
        """A known organisation or public body written with one word short of
        its "s" ("General Motor's chief executive", "the Mineral Management
        Service (MMS)"): that organisation."""
        words = key.split()
        if len(words) < 2:
            return None
        for i, word in enumerate(words):
            if word.endswith("s") or len(word) < 4 or not word.isalpha():
                continue
            full = " ".join([*words[:i], word + "s", *words[i + 1 :]])
            if full in self.organizations:
                return self.organizations[full]
            if full in self.body_names:
                return self.body_names[full]
        return None

    def _appositive_country(self, doc: Doc, s: int, e: int) -> str | None:
        """The country of an office a name at tokens [s, e) stands in
        apposition with: "The US president, George Bush, today warned
        Syria", "Nouri al-Maliki, the Iraqi prime minister, said" -> the
        office's country word, so the person's other events are that
        country's too."""
        root = doc[s:e].root
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        for noun in nouns:
            if noun.lower_ not in self.role_heads or noun.i in range(s, e):
                continue
            for c in noun.children:
                if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < noun.i:
                    code = self.countries.get(c.lower_)
                    if code and c.text[:1].isupper():
                        return code
        return None

    def _portfolio_after_country(self, doc: Doc, j: int) -> bool:
        """Token `j` is a capitalised portfolio word between a country's
        word and an office ("Mexican Health Secretary", "Iraqi Electricity
        Minister"), so the office is that country's."""
        tok = doc[j]
        return (
            j > 0
            and tok.is_alpha
            and tok.text[:1].isupper()
            and tok.ent_type_ not in ("PERSON", "GPE", "NORP")
            and doc[j - 1].lower_ in self.countries
            and doc[j - 1].text[:1].isupper()
        )

    def _role_of(self, words: list[str]) -> tuple[str | None, str | None]:
        """(role, country) said by title words such as 'russian president'."""
        role = None
        country = None
        i = 0
        while i < len(words):
            for n in range(min(self.max_role_len, len(words) - i), 0, -1):
                phrase = tuple(words[i : i + n])
                if phrase in self.roles:
                    role = self.roles[phrase]
                    i += n
                    break
            else:
                c = self.countries.get(words[i])
                if c:
                    country = c
                i += 1
        return role, country

    # -- the resolution ---------------------------------------------------------

    def resolve(
        self,
        doc: Doc,
        exclude: Iterable[tuple[int, int]] = (),
        *,
        publisher: str = "",
    ) -> ArticleEntities:
        """The article's mentions; none overlapping an `exclude` character range.

        The pipeline excludes its temporal expressions, so "UTC" or "Monday"
        mislabelled ORG never become organisations. `publisher` (the site
        that published the article) is an organisation only where it acts,
        never in its dateline, bylines or credits.
        """
        self._repair_entities(doc)
        n = len(doc)
        lowers = doc.to_array("LOWER")  # one array instead of a Token per word
        taken = bytearray(n)  # token -> already part of a mention
        mentions: list[Mention] = []
        # Places whose country is decided once the article's countries are
        # known: (start token, end token, name, labelled a place by spaCy).
        places: list[tuple[int, int, str, bool]] = []
        publisher_keys = self._publisher_keys(publisher)
        # Organisations the article ties to a country: "the Icelandic bank
        # Glitnir", "London-based BP", "Glitnir, an Icelandic bank".
        ties: dict[str, str] = {}

        def add(start_tok: int, end_tok: int, kind: str, value: str) -> None:
            if start_tok >= end_tok:
                return
            for i in range(start_tok, end_tok):
                taken[i] = 1
            if kind == ORGANIZATION:
                if self._not_an_actor(doc, start_tok, end_tok, value, publisher_keys):
                    return
                if value in defined:
                    value = self.org_name(defined[value], org_keys)
                elif normalise_alias(value) in cased and _in_capitals(value):
                    # "TREASURY" of a transcript's heading: the article's Treasury
                    value = self.org_name(cased[normalise_alias(value)], org_keys)
                else:
                    value = self._long_form(value, org_keys)
                value = self._labour_spelled_labor(doc, value)
                value = self._one_treasury(doc, value)
                if normalise_alias(value) in things:
                    return  # "Pte Beharry's VC": the Victoria Cross, a thing
                if normalise_alias(value) in placed:
                    return  # "Abu Ghraib" the article mostly tags a place
                if self._stored_feature(normalise_alias(value)):
                    return  # "North Slope", stored once as an organisation
                tie = self._tied_country(doc, start_tok, end_tok)
                if tie:
                    ties.setdefault(value, tie)
            if kind == COUNTRY and _names_a_thing(doc, end_tok):
                return  # "Spanish flu", "Hong Kong flu": a name, no country
            mentions.append(
                Mention(
                    doc[start_tok].idx,
                    doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
                    kind,
                    value,
                    incidental=kind == COUNTRY
                    and (
                        _compared(doc, start_tok)
                        or only_a_modifier(doc, start_tok, end_tok)
                    ),
                )
            )

        # 0. What the article itself says is an organisation: its ORG/PRODUCT
        # names (and their first words), so a PERSON label elsewhere on the
        # same name ("Ryanair", "Ford Falcon") can be checked against them.
        org_keys: dict[str, str] = {}  # normalised ORG name -> its text
        cased: dict[str, str] = {}  # the same, of the names not in capitals
        org_firsts: dict[str, str] = {}  # first word of a longer ORG -> ORG key
        product_firsts: set[str] = set()
        index_keys = self._index_names(doc)
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PRODUCT"):
                continue
            s, e = _trim_tokens(ent)
            key = normalise_alias(_clean_name(doc[s:e].text)) if s < e else ""
            if not key:
                continue
            if key in index_keys:  # "the Hang Seng index": a stock index
                if code := index_country(key):
                    add(s, e, COUNTRY, code)  # "the Nikkei 225 index" -> JP
                continue
            if ent.label_ == "ORG":
                org_keys.setdefault(key, _clean_name(doc[s:e].text))
                if not _in_capitals(doc[s:e].text):
                    cased.setdefault(key, _clean_name(doc[s:e].text))
                first = key.split()[0]
                if " " in key:
                    org_firsts.setdefault(first, key)
            product_firsts.add(key.split()[0])
        title_orgs = self._title_orgs(doc)
        jails = self._jails(doc)
        placed = self._mostly_placed(doc)
        # "Singapore Airlines (SIA)": the letters are that organisation
        defined = _defined_acronyms(doc)
        # Names the article shows to be things: rigs, ships, viruses, storms,
        # shows ("the Deepwater Horizon rig", "Tropical Storm Alex").
        things = self._things(doc)
        features: list[tuple[int, int, str]] = []  # "the Gulf of Mexico"
        person_countries: dict[str, set[str]] = {}  # from "U.S. President ..."
        officials: set[str] = set()  # "Sen. Mary Landrieu": the home country's

        # 1. People named by PERSON entities, titles dropped; their roles.
        # A candidate is kept only if it looks like a person's name and, for
        # one word, the article supports it (a title, a full name, a speech
        # verb, a known alias); org-like ones become organisations.
        persons: list[tuple[Span, int, int, str]] = []  # ent, name tokens, name
        roles: dict[str, set[tuple[str, str | None]]] = {}
        full_names: dict[str, str] = {}  # normalised full name -> canonical
        surnames: dict[str, str | None] = {}  # surname -> canonical (None: ambiguous)
        candidates: list[_Candidate] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            if _before_dateline(doc, ent.end):
                # "By Noel Randewich and Armando Tovar MEXICO CITY, April 24
                # (Reuters) -": a byline's name, glued to the dateline's
                # place, is nobody of the story and no one's full name
                # ("Mexico" is not Mr Tovar)
                continue
            s, e = _trim_tokens(ent)
            words = [t.lower_ for t in doc[s:e]]
            k = self._strip_title(words)
            name_s = s + k
            timed = name_s
            while name_s < e - 1 and _time_before_name(doc, name_s):
                name_s += 1  # "01.48 BST Kofi Annan": the time's zone
            if name_s >= e or (name_s > timed and e - name_s < 2):
                continue  # "12:09 am BST ORLANDO, Florida": a dateline's place
            name = _clean_name(doc[name_s:e].text)
            if not name or not any(ch.isalpha() for ch in name):
                continue
            # Title words before the entity too ("Russian President" + "Vladimir Putin").
            before = []
            j = ent.start - 1
            # "the archbishop of Krakow": a title of a place, not the name's.
            while j >= 0 and j >= ent.start - 6 and doc[ent.start - 1].lower_ != "of":
                w = doc[j].lower_
                if w in self.title_words or (
                    w in self.countries and doc[j].text[:1].isupper()
                ):
                    before.append(w)
                    j -= 1
                elif before and self._portfolio_after_country(doc, j):
                    # "Mexican Health Secretary Jose Angel Cordova" -> MX
                    before += [w, doc[j - 1].lower_]
                    j -= 2
                else:
                    break
            before.reverse()
            role, country = self._role_of(before + words[:k])
            country = country or self._appositive_country(doc, s, e)
            key = normalise_alias(name)
            candidates.append(
                _Candidate(
                    ent,
                    name_s,
                    e,
                    name,
                    key,
                    role,
                    country,
                    titled=any(w in self.title_words for w in before + words[:k]),
                    official=self._official(before + words[:k]),
                    marks=_title_marks(
                        doc, ent.start - len(before), before + words[:k]
                    ),
                )
            )
        verdicts = self._judge_candidates(doc, candidates, org_keys, product_firsts)
        for key in list(verdicts):
            name = key[1] if isinstance(key, tuple) else key
            if name in things and verdicts[key] in (PERSON, ORGANIZATION, "single"):
                verdicts[key] = ""  # a thing is nobody
        # Names the article itself shows to be people: titled, or speaking.
        evidenced = {c.key for c in candidates if c.titled or self._speaks(c)}
        for cand in candidates:
            if verdicts[cand.key] != PERSON or " " not in cand.key:
                continue
            canonical = self._known_person(cand.key) or cand.name
            full_names[cand.key] = canonical
        # A full name that is the end of one longer name of the article is
        # that person ("Fern ndez de Kirchner" of "Cristina Fern ndez de
        # Kirchner", "Aguilar Zinser" of "Adolfo Aguilar Zinser").
        for key in list(full_names):
            longer = {
                v for k, v in full_names.items() if k.endswith(" " + key) and k != key
            }
            if len(longer) == 1:
                full_names[key] = longer.pop()
        self._first_name_variants(full_names)
        for key, canonical in full_names.items():
            last = _surname(key)
            if surnames.get(last, canonical) != canonical:
                surnames[last] = None
            else:
                surnames[last] = canonical
        # "President Obama" beside the article's "first lady Michelle Obama":
        # a titled surname that cannot be her (start token -> who it is).
        rebound = self._clashing_titles(candidates, full_names, surnames)
        first_names = self._first_names(full_names)
        # The namesake a shared surname alone stands for: the one the article
        # names in full first, once it has ("Relatives of Michael Jackson
        # ... Rev Jesse Jackson ... Jackson, who had a history of health
        # problems, collapsed": the story's Jackson, named first).
        # Not one it calls by first name alone outside a quotation ("Elian
        # Gonzalez and his father Juan Miguel Gonzalez ... Elian smiled.
        # Gonzalez said nothing": the father).
        by_first = {
            full_names[k]
            for cand in candidates
            if " " not in cand.key and not _quoted(doc, cand.start)
            for k in full_names
            if k.split()[0] == cand.key
        }
        first_full: dict[str, tuple[int, str]] = {}
        for cand in candidates:
            if (
                cand.key in full_names
                and full_names[cand.key] not in by_first
                and not _pull_quote(doc, cand.end)
            ):
                first_full.setdefault(
                    _surname(cand.key), (cand.start, full_names[cand.key])
                )
        namesake: dict[int, str] = {}
        for cand in candidates:
            verdict = verdicts[cand.key]
            shared = (
                " " not in cand.key
                and cand.key in surnames
                and surnames[cand.key] is None
                and cand.ent.label_ == "PERSON"
                and first_full.get(cand.key, (cand.start, ""))[0] < cand.start
            )
            if verdict == "single" and shared:
                verdict = PERSON
                namesake[cand.start] = first_full[cand.key][1]
            elif verdict == "single":  # one word: a person only with support
                verdict = (
                    PERSON
                    if surnames.get(cand.key) or cand.key in first_names
                    else verdicts.get(("single", cand.key), "")
                )
            elif verdict == PERSON and self._other_namesake(
                cand.key, surnames, full_names
            ):
                # "Jackson" where the article names Michael and Jermaine
                # Jackson is not the database's Frank G. Jackson.
                if shared:
                    namesake[cand.start] = first_full[cand.key][1]
                else:
                    verdict = verdicts.get(("single", cand.key), "")
            if verdict == "place":
                if not any(taken[cand.start : cand.end]):
                    places.append((cand.start, cand.end, cand.name, False))
                    for i in range(cand.start, cand.end):
                        taken[i] = 1
                continue
            if verdict == PERSON:
                canonical = (
                    rebound.get(cand.start) or self._known_person(cand.key) or cand.name
                )
                persons.append((cand.ent, cand.start, cand.end, canonical))
                if cand.country:
                    person_countries.setdefault(canonical, set()).add(cand.country)
                elif cand.official:
                    officials.add(canonical)
                if cand.role:
                    roles.setdefault(canonical, set()).add((cand.role, cand.country))
            elif (
                verdict == ORGANIZATION
                and cand.key not in index_keys
                and not any(taken[cand.start : cand.end])
            ):
                target = org_keys.get(cand.key) or org_keys.get(
                    org_firsts.get(cand.key, ""), cand.name
                )
                add(
                    cand.start,
                    cand.end,
                    ORGANIZATION,
                    self.org_name(target, org_keys),
                )
        # A first name alone ("Elian" for Elian Gonzalez) when only one full
        # name in the article starts with it and it is nobody's surname.
        firsts: dict[str, str | None] = {}
        for key, canonical in full_names.items():
            first = key.split()[0]
            if len(first) > 2 and "." not in first and first not in self.title_words:
                firsts[first] = (
                    None if firsts.get(first, canonical) != canonical else canonical
                )
        first_only: set[str] = set()
        for first, canonical in firsts.items():
            if canonical and first not in surnames:
                surnames[first] = canonical
                first_only.add(first)

        def person_for(name: str, use_lexicon: bool = True) -> str | None:
            key = normalise_alias(name)
            # The article's own full names first ("Trump" is the article's
            # Donald Trump even if another article made a "Trump" actor).
            if key in full_names:
                return full_names[key]
            if " " not in key and surnames.get(key):
                return surnames[key]
            if self._other_namesake(key, surnames, full_names):
                return None
            if " " in key:  # "Aguilar Zinser" of "Adolfo Aguilar Zinser"
                longer = {v for k, v in full_names.items() if k.endswith(" " + key)}
                if len(longer) == 1:
                    return longer.pop()
            return self.people.get(key) if use_lexicon else None

        known_single = {
            normalise_alias(c)
            for _, _, _, c in persons
            if " " not in c.strip()
            and normalise_alias(c) not in self.countries
            and normalise_alias(c) not in self.organizations
        }

        for _ent, name_s, e, canonical in persons:
            name = _clean_name(doc[name_s:e].text)
            resolved = (
                rebound.get(name_s)
                or namesake.get(name_s)
                or person_for(name)
                or canonical
            )
            if any(taken[name_s:e]):
                continue
            add(name_s, e, PERSON, resolved)

        # 2. Other entities: repaired persons, countries, organisations.
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                continue
            s, e = _trim_tokens(ent)
            if s >= e or any(taken[s:e]):
                continue
            text = _clean_name(doc[s:e].text)
            if ent.label_ == "ORG" and _house_of_congress(doc, s, e):
                text = "House of Representatives"
            key = normalise_alias(text)
            if not key:
                continue
            if (key in things or key in index_keys) and key not in self.countries:
                for i in range(s, e):
                    taken[i] = (
                        1  # "the Exxon Valdez tanker", "the Dow": no organisation
                    )
                continue
            if key not in self.countries and ent.label_ in _PLACE_LIKE:
                raw = normalise_alias(doc[s:e].text)
                if raw in self.countries:  # "U.S." lost its last dot
                    text, key = doc[s:e].text, raw
            # A one-word name is a person here only on this article's evidence
            # (the lexicon holds every stored actor: one mislabel must not spread).
            person = person_for(text, use_lexicon=" " in key) or (
                key if key in known_single else None
            )
            if (
                person is not None
                and ent.label_ in _REPAIRABLE
                and key not in self.company_countries  # a stored mislabel
                and key not in self.org_countries
                # "in Orlando" beside "Universal Orlando": the place
                and not (" " not in key and _locative_span(doc, s, e))
            ):
                add(s, e, PERSON, person if person != key else text)
                continue
            if key in jails:  # "Abu Ghraib prison": a place, never a body
                if gazetteer.lookup(text):
                    places.append((s, e, text, True))
                for i in range(s, e):
                    taken[i] = 1
                continue
            if ("not_org", key) in verdicts or key in self.landmarks:
                for i in range(s, e):
                    taken[i] = 1  # a first name tagged PERSON, the Oval Office
                continue
            if key in self.countries and _feature_of(doc, s):
                sea = normalise_alias(doc[s - 2 : e].text)
                for i in range(s - 2, e):
                    taken[i] = 1  # "the Gulf of [Mexico]": the sea, not Mexico
                if sea in self.features:
                    features.append((s - 2, e, sea))
            elif key in self.countries and ent.label_ in _PLACE_LIKE:
                qualifier = self._qualifier(doc, e)
                if qualifier not in (None, self.countries[key]) and any(
                    p.country == qualifier for p in gazetteer.lookup(text)
                ):
                    add(s, e, COUNTRY, qualifier)  # "Paris, Texas"
                elif any(
                    p.subdivision and p.country != self.countries[key]
                    for p in gazetteer.lookup(text)
                ):
                    # "Georgia": a country and a US state; decided below (a
                    # town called "Venezuela" in Cuba is no reason to doubt).
                    places.append((s, e, text, True))
                    for i in range(s, e):
                        taken[i] = 1
                else:
                    add(s, e, COUNTRY, self.countries[key])
            elif ent.label_ == "ORG" and all(w in self.countries for w in key.split()):
                codes = {self.countries[w] for w in key.split()}
                if len(codes) == 1:  # "India India": a country, no organisation
                    add(s, e, COUNTRY, codes.pop())
            elif (
                key in self.organizations
                and ent.label_ in _PLACE_LIKE
                and not (
                    ent.label_ in ("GPE", "LOC")
                    and normalise_alias(self.organizations[key]) == key
                    and gazetteer.lookup(text)
                )
            ):
                add(s, e, ORGANIZATION, self.organizations[key])
            elif (
                ent.label_ in _MISLABELLED_COMPANY
                and key not in index_keys
                and self._company_not_place(doc, s, e, text, key)
            ):
                # "oil giant BP, rig owner Transocean and contractor
                # Halliburton" (NORP, GPE); "Alyeska said" (GPE, no place)
                add(s, e, ORGANIZATION, self.org_name(text, org_keys))
            elif ent.label_ in _GAZETTEER_LABELS or (
                ent.label_ == "ORG"
                and normalise_alias(self.organizations.get(key, key)) == key
                and not _an_acronym(doc, s, e)  # "the GAO": no Malian Gao
                and (
                    _locative_span(doc, s, e)
                    or _feature_name(key.split())
                    or self._place_not_org(doc, s, e, text)
                )
            ):
                if _feature_name(key.split()):
                    for i in range(s, e):
                        taken[i] = 1  # "the Gulf of Mexico": a sea, no company
                    if key in self.features:
                        features.append((s, e, key))
                    continue
                found = gazetteer.lookup(text)
                if ent.label_ == "ORG" and found and all(p.alternate for p in found):
                    for i in range(s, e):
                        taken[i] = 1  # "the `` Lion '' release": not Lyon
                    continue
                if found or (
                    ent.label_ == "GPE" and gazetteer.variants(text)
                ):  # "in Baquoba": Baquba spelt another way
                    places.append((s, e, text, ent.label_ != "LOC"))
                    for i in range(s, e):
                        taken[i] = 1  # a place is never an organisation
                elif ent.label_ == "ORG" and _halves_of(text):
                    for i in range(s, e):
                        taken[i] = 1  # "chief constable of Sussex": a region
                elif ent.label_ == "FAC" and key not in self.shipped_org_names:
                    for i in range(s, e):
                        taken[i] = 1  # a building, a rig: no stored organisation
            elif (
                ent.label_ == "PRODUCT"
                and e - s == 1
                and key in org_firsts
                and key not in things
                and org_firsts[key] not in things
                and org_firsts[key].split()[-1]
                in self.legal_suffixes | _COMPANY_WORDS | _CORPORATE_WORDS
                and doc[s].dep_ in ("nsubj", "nsubjpass", "poss", "compound", "dobj")
            ):
                # "Apache approached BP" (PRODUCT) after "Apache Corporation":
                # the first word of the article's company is the company
                target = org_firsts[key]
                add(s, e, ORGANIZATION, self.org_name(org_keys[target], org_keys))
            elif ent.label_ in _THING_LABELS and key not in self.shipped_org_names:
                # "Roche's Tamiflu" (PRODUCT): a thing, even where the
                # database lexicon stored it as an organisation
                for i in range(s, e):
                    taken[i] = 1
            elif ent.label_ == "ORG" and key in self.portfolios:
                # "Interior" of "Interior Secretary": the department the
                # article names in full, else no organisation.
                full = self._portfolio(key, org_keys)
                if full:
                    add(s, e, ORGANIZATION, self.org_name(full, org_keys))
                else:
                    for i in range(s, e):
                        taken[i] = 1
            elif ent.label_ == "ORG" and self._person_tagged_org(doc, s, e, key):
                # "BP spokesman Marti Powers said" (ORG): a person
                add(s, e, PERSON, person_for(text) or text)
            elif (
                ent.label_ == "ORG"
                and _plausible_org(doc[s:e])
                and ("product", key) not in verdicts
                and key not in index_keys
                and key not in title_orgs
                and key not in self.legal_suffixes  # "Chrysler" + "LLC" split apart
            ):
                add(s, e, ORGANIZATION, self.org_name(text, org_keys))

        # 3. Known people the NER missed (an unlabelled "Zelenskyy").
        if full_names or surnames:
            for tok in _tokens_with(doc, lowers, [k for k, v in surnames.items() if v]):
                if taken[tok.i] or not tok.text[:1].isupper():
                    continue
                person = surnames.get(tok.lower_)
                if not person or (tok.lower_ in first_only and tok.pos_ != "PROPN"):
                    continue
                start = tok.i
                # Extend back over the rest of the full name ("Volodymyr" Zelenskyy).
                first = person.split()
                while (
                    start > 0
                    and not taken[start - 1]
                    and doc[start - 1].text in first
                    and doc[start - 1].text[:1].isupper()
                ):
                    start -= 1
                add(start, tok.i + 1, PERSON, person)

        # 4. Aliases anywhere in the text: "Kyiv", "the Kremlin", "UN".
        from spacy.util import filter_spans

        matches = self._matcher(doc)(doc, as_spans=True)
        for span in filter_spans(matches):
            if any(taken[span.start : span.end]):
                continue
            surface = span.text
            if not surface[:1].isupper():
                continue
            if len(normalise_alias(surface)) <= 3 and not surface.isupper():
                continue  # "us", "Who", "Un": only in capitals
            key = normalise_alias(surface)
            if key in things or key in index_keys or _VIRUS_SUBTYPE.fullmatch(key):
                continue  # a stored mislabel ("H1N1"), an index names no one here
            if span.label_ == COUNTRY and _feature_of(doc, span.start):
                # "Gulf of Mexico oil spill" with no place label: the sea
                s = span.start - 2
                for i in range(s, span.end):
                    taken[i] = 1
                sea = normalise_alias(doc[s : span.end].text)
                if sea in self.features:
                    features.append((s, span.end, sea))
            elif span.label_ == COUNTRY and key in self.countries:
                add(span.start, span.end, COUNTRY, self.countries[key])
            elif span.label_ == ORGANIZATION and key in self.organizations:
                add(span.start, span.end, ORGANIZATION, self.organizations[key])
            elif (
                span.label_ == PERSON
                and key in self.vouched_people
                and verdicts.get(key, PERSON) == PERSON
                and all(t.ent_type_ in ("", "PERSON") for t in span)
                and key.split()[0] not in org_keys
                and not any(w in self.non_name_words for w in key.split())
            ):
                add(span.start, span.end, PERSON, self.people[key])

        # 5. Role phrases: "the American president", "his Russian counterpart".
        if roles:
            self._resolve_roles(doc, lowers, taken, roles, add)

        # 5b. Currencies: "the won fell 9.7 percent" is South Korea's money.
        currencies = currency_countries()
        for tok in _tokens_with(doc, lowers, list(currencies)):
            if not taken[tok.i] and _names_a_currency(tok):
                add(tok.i, tok.i + 1, COUNTRY, currencies[tok.lower_])

        # 5c. Stock indices and national bodies however tagged: "the Nikkei
        # closed down" is Japan's (countries.institution_spans).
        if starts := [t.idx for t in doc]:
            for start, end, code in institution_spans(doc_text(doc)):
                i = bisect_left(starts, start)
                j = bisect_left(starts, end)
                if i < len(starts) and starts[i] == start and not any(taken[i:j]):
                    add(i, j, COUNTRY, code)

        # 6. Places: a city or region is in its country ("Benghazi" -> LY);
        # an ambiguous name goes by the article's other countries.
        if places:
            known = {m.value for m in mentions if m.kind == COUNTRY}
            for s, e, name, labelled in places:
                found = gazetteer.lookup(name)
                if not labelled and not any(p.population for p in found):
                    continue  # a region's name with no place label: too weak
                # "Alabama Gov. Bob Riley": a state's office (countries10)
                region = office_region(doc, s, e)
                code = region or gazetteer.place_country(
                    name,
                    article_countries=known,
                    qualifier=self._qualifier(doc, e),
                    placed=_locative_span(doc, s, e),
                )
                own = self.countries.get(normalise_alias(name))
                if (
                    own is not None
                    and region is None
                    and (code not in known or own in known)
                ):
                    code = own  # "Georgia" is the country unless the article says
                if code:
                    mentions.append(
                        Mention(
                            doc[s].idx,
                            doc[e - 1].idx + len(doc[e - 1].text),
                            COUNTRY,
                            code,
                            incidental=_compared(doc, s),
                        )
                    )

        # Seas and coasts: in the one of their countries the article names.
        if features:
            known = {m.value for m in mentions if m.kind == COUNTRY}
            for s, e, key in features:
                codes = self.features[key]
                code = next((c for c in codes if c in known), codes[0])
                mentions.append(
                    Mention(
                        doc[s].idx,
                        doc[e - 1].idx + len(doc[e - 1].text),
                        COUNTRY,
                        code,
                        incidental=_compared(doc, s),
                    )
                )

        # "South American markets", "in North America": a continent, not the
        # US its last word is alone
        mentions = [
            m
            for m in mentions
            if m.kind != COUNTRY
            or not _part_of_a_continent(doc_text(doc), m.start, m.end, m.value)
        ]
        ranges = sorted([*exclude, *self._bylines_and_furniture(doc)])
        if ranges:
            starts = [a for a, _ in ranges]
            kept = []
            for m in mentions:
                i = bisect_left(starts, m.end) - 1
                if i >= 0 and ranges[i][1] > m.start:
                    continue
                kept.append(m)
            mentions = kept
        # the article's own country; the publisher's stands in for it only
        # where an event names none, never for officials and bodies ("the
        # House committee" in a Guardian story on Congress is no British one)
        own = _dominant_country(mentions, doc)
        home = _dominant_country(mentions, doc, publisher) if own is None else own
        mentions += self._acting_countries(
            mentions, person_countries, officials, own, ties, doc
        )
        people = {m.value for m in mentions if m.kind == PERSON}
        aliases = {
            k: v
            for k, v in self._aliases(full_names, surnames, evidenced).items()
            if v in people
        }
        return ArticleEntities(
            mentions,
            aliases=aliases,
            home=home,
            main_company=self._main_company(mentions, index_keys),
        )

    def _main_company(
        self, mentions: list[Mention], index_keys: Collection[str]
    ) -> str | None:
        """The company the article is about: its most named organisation, a
        known company (the company table), named at least twice and more
        often than any other organisation (a story about the WHO, the UN or
        the Senate has none); no news medium or stock index counts."""
        indices = {normalise_alias(n) for n in index_keys}
        counts = Counter(
            m.value
            for m in mentions
            if m.kind == ORGANIZATION
            and normalise_alias(m.value) not in self.news_media
            and normalise_alias(m.value) not in indices
        ).most_common(2)
        if not counts or counts[0][1] < 2:
            return None
        if len(counts) == 2 and counts[1][1] == counts[0][1]:
            return None  # two organisations alike: "Apple" and "Wal-Mart"
        name = counts[0][0]
        return name if normalise_alias(name) in self.company_countries else None

    # -- entity spans the small model cuts or glues wrongly ------------------------

    def _repair_entities(self, doc: Doc) -> None:
        """Mend the spans of `doc.ents` that name no one as they stand:

        - a photo credit ("Dave Martin\\/AP") is nobody of the story;
        - a known organisation glued after a name ("Mark Bly BP's head of
          safety") is an organisation of its own;
        - a title glued after an organisation ("Coast Guard Adm. Thad
          Allen") is the person's;
        - an organisation cut at its "and" ("The Florida Fish and" +
          "Wildlife Conservation Commission") is one;
        - a name broken where the source dropped a non-ASCII letter
          ("Cristina Fern" "ndez" "de Kirchner") is one name.
        """
        from spacy.tokens import Span

        self._fragments = set()
        ents = list(doc.ents)
        # one-word organisations the article names on their own elsewhere:
        # glued after a name they are no part of it ("Tony Hayward Greenpeace's")
        # (in no other person's name there: "James M. Flaherty" when a bare
        # "Flaherty" was tagged ORG once, and PERSON elsewhere)
        org_words = {e.text for e in ents if e.label_ == "ORG" and len(e) == 1}
        person_words = Counter(t.text for e in ents if e.label_ == "PERSON" for t in e)
        out: list[Span] = []
        changed = False
        i = 0
        while i < len(ents):
            ent = ents[i]
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if ent.label_ == "PERSON" and _bracketed_credit(doc, ent.start, ent.end):
                changed = True  # "(By Ron Schwane -- Associated Press)": nobody,
                i += 1  # nor the agency credited
                close = next(
                    (
                        k
                        for k in range(ent.end, min(ent.end + 8, len(doc)))
                        if doc[k].text == ")"
                    ),
                    ent.end,
                )
                if nxt is not None and nxt.start < close:
                    i += 1
                continue
            if ent.label_ == "PERSON" and any(
                _CREDIT.search(t.text) or _CREDIT_WORD.match(t.text) for t in ent
            ):
                changed = True  # "Dave Martin\\/AP", "Photo\\/Sang Tan": a credit
                i += 1
                continue
            if (
                ent.label_ == "PERSON"
                and ent.start >= 2
                and self._letter_dropped(doc, ent.start - 1)
                and not doc[ent.start - 2].ent_type_
                and not (out and out[-1].end > ent.start - 2)
            ):  # "Fern" "ndez" + "de Kirchner"
                self._fragments.add(ent.start - 1)
                ent = Span(doc, ent.start - 2, ent.end, label="PERSON")
                changed = True
            if ent.label_ == "PERSON":
                e = ent.end
                while e > ent.start and (
                    doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct
                ):
                    e -= 1
                k = e
                while k - 1 > ent.start + 1 and (
                    self._known_org_token(doc[k - 1])
                    or (
                        k == e
                        and e < ent.end
                        and doc[k - 1].text in org_words
                        and person_words[doc[k - 1].text] == 1
                    )
                ):
                    k -= 1
                if k < e:  # "Mark Bly BP's", "Tony Hayward Greenpeace's video"
                    out.append(Span(doc, ent.start, k, label="PERSON"))
                    out.append(Span(doc, k, e, label="ORG"))
                    changed = True
                    i += 1
                    continue
                end = ent.end
                if end < len(doc) and self._letter_dropped(doc, end):
                    self._fragments.add(end)
                    end += 1  # "Cristina Fern" + "ndez"
                    if (
                        nxt is not None
                        and nxt.label_ == "PERSON"
                        and ent.end <= nxt.start <= end
                    ):
                        end = nxt.end  # + "de Kirchner"; "Hugo Ch" + "vez"
                        i += 1
                    out.append(Span(doc, ent.start, end, label="PERSON"))
                    changed = True
                    i += 1
                    continue
            cut = _unbalanced_bracket(ent) if ent.label_ in ("ORG", "PERSON") else None
            if cut is not None:  # "The World Health Organisation (WHO": two names
                for a, b in ((ent.start, cut), (cut + 1, ent.end)):
                    if a < b and any(t.is_alpha for t in doc[a:b]):
                        out.append(Span(doc, a, b, label=ent.label_))
                changed = True
                i += 1
                continue
            if ent.label_ == "ORG" and self._titled_surname(ent):
                s, e = _trim_tokens(ent)
                if doc[s].lower_ in self.title_words and is_given_name(doc[s + 1].text):
                    s += 1  # "the Interior Ken Salazar": the name, its title before
                else:
                    s = ent.start
                out.append(Span(doc, s, ent.end, label="PERSON"))
                changed = True  # "Cpl Kenyon", "Dr Curtis": a rank or honorific
                i += 1
                continue
            if ent.label_ == "ORG" and self._person_by_apposition(ent):
                out.append(Span(doc, ent.start, ent.end, label="PERSON"))
                changed = True  # "Keiji Fukuda, acting WHO assistant director-general"
                i += 1
                continue
            if ent.label_ == "ORG":
                if (
                    nxt is not None
                    and nxt.label_ == "ORG"
                    and nxt.start == ent.end
                    and doc[ent.end - 1].lower_ in ("and", "&")
                ):  # "The Florida Fish and" + "Wildlife Conservation Commission"
                    out.append(Span(doc, ent.start, nxt.end, label="ORG"))
                    changed = True
                    i += 2
                    continue
                s, e = ent.start, ent.end
                while e - 1 > s and self._title_token(doc[e - 1]):
                    e -= 1
                if e < ent.end and doc[s].lower_ in ("retired", "former"):
                    s += 1  # "Retired Coast Guard Adm. Thad Allen"
                if e < ent.end:  # "Coast Guard Adm."
                    out.append(Span(doc, s, e, label="ORG"))
                    changed = True
                    i += 1
                    continue
            out.append(ent)
            i += 1
        described = self._described_names(doc, out)
        if described:
            out = sorted(out + described, key=lambda e: e.start)
            changed = True
        if changed:
            doc.ents = out

    def _described_names(self, doc: Doc, ents: list) -> list:
        """Names spaCy left untagged that a noun of their own describes:

        - a company noun right before ("consulting firm Accenture", "the
          technology blog Gizmodo": its compound or the head of its
          apposition) makes an organisation;
        - an apposition of a title or person noun right after a full name
          ("Neel Kashkari, an assistant secretary of international affairs")
          makes a person.

        The name is capitalised proper nouns in no entity, no title, for a
        person no organisation's words."""
        from spacy.tokens import Span

        tagged = bytearray(len(doc))
        for e in ents:
            for k in range(e.start, e.end):
                tagged[k] = 1

        def name_token(k: int) -> bool:
            t = doc[k]
            return not tagged[k] and t.pos_ == "PROPN" and t.text[:1].isupper()

        found = []
        i = 0
        while i < len(doc):
            if not name_token(i) or (i and name_token(i - 1)):
                i += 1
                continue
            end = i + 1
            while end < len(doc) and name_token(end):
                end += 1
            span = doc[i:end]
            words = [t.lower_ for t in span]
            if any(w in self.title_words for w in words):
                i = end
                continue
            root = span.root
            before = doc[i - 1] if i else None
            if (
                before is not None
                and not tagged[i - 1]
                and before.pos_ == "NOUN"
                and before.lower_ in _DESCRIBED_BY
                and (
                    (before.dep_ == "compound" and before.head.i == root.i)
                    or (root.dep_ == "appos" and root.head.i == before.i)
                )
                and self._known_person(normalise_alias(span.text)) is None
            ):
                found.append(Span(doc, i, end, label="ORG"))
            elif (
                2 <= len(span) <= 3
                and end + 1 < len(doc)
                and doc[end].text == ","
                and not any(
                    w in self.non_name_words or w in self.org_before for w in words
                )
                and normalise_alias(span.text) not in self.known_org_names
                and any(
                    c.dep_ == "appos"
                    and c.i > end
                    and c.tag_ == "NN"
                    and (
                        c.lemma_.lower() in _single_titles()
                        or c.lemma_.lower() in _PERSON_NOUNS
                    )
                    for c in root.children
                )
            ):
                found.append(Span(doc, i, end, label="PERSON"))
            i = end
        return found

    def _titled_surname(self, ent: Span) -> bool:
        """An ORG span that is an abbreviated rank or honorific and one or two
        capitalised names ("Cpl Kenyon", "Dr Curtis", "Mr O'Connor"): a
        person; not "General Motors" (a title word written out) nor a body
        ("Dr Foster Hospital": a government or organisation word)."""
        s, e = _trim_tokens(ent)
        if not 2 <= e - s <= 3:
            return False
        first = ent.doc[s]
        low = first.lower_
        if not (
            first.text[:1].isupper()
            and low != "st."  # "St. Jude": a saint's name, a place's
            and low in self.title_words
        ):
            return False
        abbreviated = (
            low.endswith(".") or low in _BARE_TITLE_ABBREVIATIONS or low in _HONORIFICS
        )
        rest = ent.doc[s + 1 : e]
        if not abbreviated and not (len(rest) == 2 and is_given_name(rest[0].text)):
            return False  # "Corporal Daniel Kenyon", not "General Motors"
        return all(
            t.pos_ == "PROPN"
            and t.text[:1].isupper()
            and t.lower_ not in self.title_words
            and t.lower_ not in self.government_words
            and t.lower_ not in _BODY_NOUNS
            and not self._known_org_token(t)
            for t in rest
        )

    def _person_by_apposition(self, ent: Span) -> bool:
        """An ORG-labelled full name that an apposition calls a person
        ("Keiji Fukuda, acting WHO assistant director-general"): two or
        three capitalised proper nouns, no word of an organisation's name,
        not a known organisation."""
        toks = [t for t in ent if not t.is_punct]
        if not 2 <= len(toks) <= 3 or not all(
            t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in toks
        ):
            return False
        key = normalise_alias(_clean_name(ent.text))
        if (
            key in self.known_org_names
            or key in self.company_countries
            or any(
                t.lower_ in self.government_words
                or t.lower_ in self.legal_suffixes
                or t.lower_ in self.org_after
                or t.lower_ in self.org_before
                or t.lower_ in self.title_words
                or t.lower_ in _BODY_NOUNS
                or t.lower_ in self.countries
                for t in toks
            )
        ):
            return False
        doc = ent.doc
        for c in ent.root.children:
            if not (
                c.dep_ in ("appos", "acl")
                and c.i >= ent.end
                and doc[ent.end].text == ","  # an aside: ", acting WHO ..."
            ):
                continue
            for t in list(c.subtree)[:8]:
                if t.ent_type_ in ("ORG", "GPE", "NORP") and t.ent_iob_ == "I":
                    continue
                if t.lower_ in self.title_words or t.lemma_.lower() in _PERSON_NOUNS:
                    return True
        return False

    def _portfolio(self, word: str, org_keys: Mapping[str, str]) -> str | None:
        """The one department or ministry of a portfolio word the article
        names in full ("Interior" -> "Interior Department", "Department of
        the Interior")."""
        found = {
            text
            for key, text in org_keys.items()
            if word in key
            and key != word
            and any(w in ("department", "ministry", "dept.") for w in key.split())
        }
        return found.pop() if len(found) == 1 else None

    def _known_org_token(self, tok: Token) -> bool:
        """An all-capitals known organisation ("BP", "NASA")."""
        key = tok.lower_
        return (
            tok.is_upper
            and len(tok.text) >= 2
            and tok.is_alpha
            and (key in self.organizations or key in self.company_countries)
        )

    def _title_token(self, tok: Token) -> bool:
        """An abbreviated title closing an organisation's span ("Coast Guard
        Adm.", "Adm"), not a word of its name ("Korean Air")."""
        low = tok.lower_
        return (
            tok.text[:1].isupper()
            and low in self.title_words
            and (low.endswith(".") or low in _BARE_TITLE_ABBREVIATIONS)
        )

    def _letter_dropped(self, doc: Doc, i: int) -> bool:
        """The token at `i` is the rest of the word before it, cut where the
        source lost a non-ASCII letter ("Fern" "ndez", "Ch" "vez")."""
        tok = doc[i]
        prev = doc[i - 1]
        return bool(
            self._words
            and tok.is_alpha
            and tok.is_lower
            and len(tok.text) <= 5
            and not tok.is_stop
            and tok.pos_ in ("PROPN", "NOUN", "X")
            and (
                (
                    tok.lower_ not in self._words
                    and tok.lemma_.lower() not in self._words
                )
                or (len(tok.text) == 1 and tok.lower_ not in "aistdm")
            )
            and prev.is_alpha
            and prev.text[:1].isupper()
            and prev.whitespace_ == " "
        )

    # -- things, officials, government bodies, acronyms ---------------------------

    def _things(self, doc: Doc) -> set[str]:
        """Names the article shows to be things more often than actors: a
        name before a thing noun ("the Deepwater Horizon rig", "the H1N1
        virus") or after one ("the tanker Exxon Valdez", "Storm Alex"), not
        outweighed by actor evidence (speaking, "BP's", "BP shares")."""
        votes: dict[str, int] = {}
        # a name once after a storm word is the storm all through the article,
        # whatever its verbs ("tropical storm Alex", then "officials said Alex
        # would hinder", "the threat of Alex"; names12)
        storms: set[str] = set()
        # a person is released or introduced too ("Megrahi was released"):
        # a name the article ever tags PERSON is no product by its verb
        people = {
            normalise_alias(_clean_name(ent.text))
            for ent in doc.ents
            if ent.label_ == "PERSON"
        }
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
                continue
            s, e = _trim_tokens(ent)
            if s >= e:
                continue
            key = normalise_alias(_clean_name(doc[s:e].text))
            if not key or key in self.countries:
                continue
            last, first = doc[e - 1], doc[s]
            after = doc[e] if e < len(doc) else None
            before = doc[s - 1] if s > 0 else None
            thing = (
                (after is not None and after.lower_ in self.thing_nouns)
                or self._before_its_place_word(ent, key, after)
                or self._a_companys_outlet(doc, s, e)
                or self._modifies_a_thing(last, e)  # "the iMac personal computer"
                or (first.lower_ in self.thing_nouns and e - s > 1)
                or _VIRUS_SUBTYPE.fullmatch(key) is not None  # "H1N1", "H5N1"
                or (e - s == 1 and key in self.thing_nouns)  # "Virus" as ORG
                or (  # "the National Environmental Policy Act", "Neverland Ranch"
                    e - s > 1
                    and last.lower_ in self.thing_heads
                    and last.text[:1].isupper()
                    and ent.label_ != "PERSON"
                    and key not in self.known_org_names
                )
                or (
                    before is not None
                    and before.lower_ in self.thing_nouns
                    and last.dep_ in ("appos", "compound", "npadvmod", "nmod")
                )
                or _taken_as_a_dose(last)  # "775mg of Demerol", "addicted to Demerol"
                or (  # "the painkiller Demerol" (not "the Pfizer drug")
                    before is not None
                    and before.lemma_.lower() in _SUBSTANCE_NOUNS
                    and last.dep_ in ("appos", "compound", "npadvmod", "nmod")
                )
                or (  # "a new ship, the Helix Producer,"; "Demerol, a painkiller"
                    last.dep_ == "appos"
                    and last.head.lemma_.lower() in self.thing_nouns | _SUBSTANCE_NOUNS
                )
                or any(
                    c.dep_ == "appos" and c.lemma_.lower() in _SUBSTANCE_NOUNS
                    for c in last.children
                )
                or self._is_a_thing(last)  # "Lidocaine is a local anesthetic"
                or (before is not None and before.lower_ == "aboard")
                or _named_storm_or_operation(before)  # "Hurricane Alex"
                or (  # "this Michael Forever concert": a show's title, no name
                    ent.label_ == "PERSON"
                    and e - s >= 2
                    and after is not None
                    and after.lemma_.lower() in _SHOW_HEADS
                    and self._dictionary_word(last)
                    and not is_given_name(last.text)
                )
                or (  # "sold 13.7 million Macs", "two A380s": units counted
                    last.tag_ == "NNPS"
                    and ent.label_ != "PERSON"
                    and key not in self.known_org_names
                    and any(c.dep_ == "nummod" for c in last.children)
                )
                or any(  # "Deepwater Horizon, a drilling rig owned by Transocean"
                    c.dep_ == "appos" and c.lemma_.lower() in self.thing_nouns
                    for c in last.children
                )
                or (key not in people and _launched(last))  # "released iOS 5"
                or any(  # "effectively an IOU to shareholders": a common noun
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in last.children
                )
                or (  # "keynote to the World Wide Developers Conference"
                    ent.label_ == "ORG"
                    and last.lower_ in _EVENT_HEADS
                    and last.text[:1].isupper()
                    and key not in self.known_org_names
                    and _attended(last)
                )
            )
            actor = (
                (after is not None and after.tag_ == "POS")
                or (
                    last.dep_ in ("nsubj", "nsubjpass")
                    and last.head.lemma_.lower() in self.speech_verbs
                    # what "was announced" is said, nobody speaking
                    and not (
                        last.dep_ == "nsubjpass"
                        and last.head.lemma_.lower() in _ANNOUNCED
                    )
                )
                or (after is not None and after.lower_ in self.org_after)
                or (before is not None and before.lower_ in self.org_before)
            )
            if thing or actor:
                votes[key] = votes.get(key, 0) + (1 if thing else -1)
            if _named_storm_or_operation(before) and key not in self.known_org_names:
                storms.add(key)
        for key in self._named_with_a_thing_noun(doc):
            votes[key] = votes.get(key, 0) + 1
        # "Lidocaine is a local anesthetic", no entity there
        for tok in _untagged_proper_nouns(doc):
            if self._is_a_thing(tok):
                votes[tok.lower_] = votes.get(tok.lower_, 0) + 1
        for key in _launched_names(doc):
            if key not in people:
                votes[key] = votes.get(key, 0) + 1
        for key in _acronyms_of_things(doc, self.government_words):
            votes[key] = votes.get(key, 0) + 1  # "blow out preventer (BOP)"
        # an event's acronym is the event ("(WWDC)")
        for ent in doc.ents:
            key = normalise_alias(_clean_name(ent.text))
            if votes.get(key, 0) > 0 and ent.root.lower_ in _EVENT_HEADS:
                short = _initials(_clean_name(ent.text))
                if short:
                    votes[normalise_alias(short)] = votes.get(short.lower(), 0) + 1
        # a known company before a thing noun owns it ("another Transocean rig")
        things = {
            k for k, v in votes.items() if v > 0 and k not in self.company_countries
        } | storms
        # The last word of a thing's name alone is that thing ("Horizon" of
        # "the Deepwater Horizon"), unless the article shows it acting.
        for key in list(things):
            words = key.split()
            last = words[-1]
            # its longer tails too ("OS X Lion" of "Mac OS X Lion")
            for i in range(1, len(words) - 1):
                tail = " ".join(words[i:])
                if votes.get(tail, 0) >= 0 and tail not in self.company_countries:
                    things.add(tail)
            if (
                len(words) > 1
                and len(last) > 3
                and votes.get(last, 0) >= 0
                and last not in self.countries
                and last not in self.thing_heads
            ):
                things.add(last)
        return things

    def _is_a_thing(self, tok: Token) -> bool:
        """The name is the subject of "is a <thing noun>" ("Lidocaine is a
        local anesthetic", "Propofol is a fast-acting hospital sedative")."""
        verb = tok.head
        return (
            tok.dep_ == "nsubj"
            and verb.lemma_ == "be"
            and any(
                c.dep_ == "attr"
                and c.lemma_.lower() in self.thing_nouns | _SUBSTANCE_NOUNS
                and any(d.lower_ in ("a", "an") for d in c.children)
                for c in verb.children
            )
        )

    def _before_its_place_word(self, ent: Span, key: str, after: Token | None) -> bool:
        """A name the tagger cut before the place or work word that ends it
        ("Suvarnabhumi Airport", "Suvarnabhumi airport", tagged ORG on
        "Suvarnabhumi" alone): the airport, not an organisation; never a
        person's or a known body's name ("Kennedy airport", "BP pipeline")."""
        return (
            after is not None
            and after.lower_ in _BUILT_PLACE_HEADS
            and ent.root.dep_ == "compound"
            and ent.root.head.i == after.i
            and ent.label_ not in ("PERSON", "NORP")
            and key not in self.known_org_names
            and key not in self.company_countries
        )

    def _a_companys_outlet(self, doc: Doc, s: int, e: int) -> bool:
        """A store or centre of a known company's, named after its
        possessive ("a flight from Airbus' Delivery Center", "a desktop
        version of the company's App Store"): the company's own place or
        service, no organisation of its own."""
        if e - s < 2 or s < 2 or doc[e - 1].lower_ not in _OUTLET_HEADS:
            return False
        if doc[s - 1].tag_ != "POS":
            return False
        owner = doc[s - 2]
        return normalise_alias(
            owner.text
        ) in self.company_countries or owner.lower_ in ("company", "firm")

    def _named_with_a_thing_noun(self, doc: Doc) -> list[str]:
        """Names of two or more proper nouns the parse ties to a thing noun,
        whatever the entity labels say: before it, through other nouns ("the
        Deepwater Horizon oil rig", "BP's Deepwater Horizon drilling rig"), or
        right after it ("the drilling rig Deepwater Horizon", "the tanker
        Exxon Valdez"; one word is too weak: "the rig BP leased")."""
        out = []
        nouns = [*self.thing_nouns, *_MISHAP_NOUNS]
        for tok in _tokens_with(doc, doc.to_array("LOWER"), nouns):
            if tok.pos_ != "NOUN":
                continue
            mishap = tok.lower_ in _MISHAP_NOUNS
            words: list[Token] = []
            j = tok.i - 1
            while j >= 0 and doc[j].pos_ == "NOUN" and doc[j].dep_ == "compound":
                j -= 1  # "oil", "drilling"
            while j >= 0 and doc[j].pos_ == "PROPN" and doc[j].dep_ == "compound":
                words.insert(0, doc[j])
                j -= 1
            if len(words) == 1 and self._one_word_works(words[0], tok):
                out.append(words[0].lower_)  # "the Macondo well"
                continue
            if mishap:  # "the 1989 Exxon Valdez disaster", not "the BP spill"
                key = normalise_alias(" ".join(t.text for t in words))
                if (
                    len(words) >= 2
                    and key not in self.shipped_org_names
                    and not any(t.ent_type_ in ("GPE", "NORP") for t in words)
                ):
                    out.append(key)
                continue
            if len(words) < 2:
                words = []
                j = tok.i + 1
                while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title:
                    words.append(doc[j])
                    j += 1
            if len(words) >= 2 and not any(t.ent_type_ == "GPE" for t in words):
                out.append(normalise_alias(" ".join(t.text for t in words)))
        return out

    def _stored_feature(self, key: str) -> bool:
        """A region's or feature's name ("north slope", "prudhoe bay") no
        shipped name makes an organisation: a database actor of that name is
        a mislabel stored once, not proof (the ORG-tagged feature is dropped
        where no lexicon knows it)."""
        words = key.split()
        return (
            len(words) > 1
            and words[-1] in _FEATURE_WORDS
            and key not in self.shipped_org_names
        )

    def _mostly_placed(self, doc: Doc) -> set[str]:
        """Names of a place the gazetteer knows that the article tags a place
        (GPE, LOC, FAC) more often than anything else ("Abu Ghraib": seven
        FAC, one ORG, one PERSON): a place in every mention, no organisation;
        never a known company or body ("Toyota")."""
        votes: dict[str, int] = {}
        texts: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ not in _GAZETTEER_LABELS | {"ORG", "PERSON"}:
                continue
            key = normalise_alias(_clean_name(ent.text))
            if key:
                votes[key] = votes.get(key, 0) + (
                    1 if ent.label_ in _GAZETTEER_LABELS else -1
                )
                texts.setdefault(key, _clean_name(ent.text))
        return {
            k
            for k, v in votes.items()
            if v > 0
            and k not in self.shipped_org_names
            and k not in self.company_countries
            and k not in self.countries
            and gazetteer.lookup(texts[k])
        }

    def _jails(self, doc: Doc) -> set[str]:
        """Names the article gives a prison ("the Abu Ghraib prison", "Abu
        Ghraib jail"): the prison, or the town it is in, all through the
        article ("authority over Abu Ghraib"); no organisation, whatever a
        stored actor says. Not a known body's ("the BP prison" is none)."""
        out = set()
        for tok in _tokens_with(doc, doc.to_array("LOWER"), list(_PRISON_NOUNS)):
            j, words = tok.i - 1, []
            while j >= 0 and doc[j].pos_ == "PROPN" and doc[j].dep_ == "compound":
                words.insert(0, doc[j].text)
                j -= 1
            key = normalise_alias(" ".join(words))
            if (
                words
                and all(w[:1].isupper() for w in words)
                and key not in self.shipped_org_names
                and key not in self.company_countries
                and key not in self.countries
            ):
                out.add(key)
        return out

    def _one_word_works(self, word: Token, noun: Token) -> bool:
        """One proper noun naming an oil well or field ("the Macondo well",
        "the problem-plagued Macondo exploration well", "the Kaskida well"):
        the works, no organisation; never a known company's or body's ("the
        BP well"), a place's or a person's ("the Vitter well")."""
        return (
            noun.lower_ in _WORKS_NOUNS
            and word.ent_type_ in ("", "ORG", "PRODUCT", "FAC")
            and word.text[:1].isupper()
            and not word.is_upper  # "the BP well", "the MMS field office"
            and word.lower_ not in self.shipped_org_names
            and word.lower_ not in self.company_countries
            and word.lower_ not in self.countries
            and not is_given_name(word.text)
            and not gazetteer.lookup(word.text)
        )

    def _modifies_a_thing(self, tok: Token, end: int) -> bool:
        """The name modifies a thing noun further on in its noun phrase ("the
        iMac personal computer", "the Mac OS X operating system")."""
        head = tok
        for _ in range(3):
            if head.dep_ not in ("compound", "nmod") or head.head.i < end:
                return False
            head = head.head
            if head.lower_ in self.thing_nouns and head.pos_ == "NOUN":
                return True
        return False

    def _official(self, words: list[str]) -> bool:
        """Title words of an official: 'sen.', 'gov.', 'prime minister'."""
        return any(
            " ".join(words[i : i + n]) in self.official_titles
            for i in range(len(words))
            for n in (1, 2, 3)
        )

    def org_country(self, name: str, home: str | None = None) -> str | None:
        """The country whose government or forces an organisation is: its
        own ("the Pentagon", "NOAA"), the country its name says for a
        government body ("U.S. Coast Guard", "Iraqi army"), else the
        article's (`home`) for one ("the Senate"); a well-known company's
        head-office country ("Aer Lingus" -> IE, `companies` in
        data/organizations.json)."""
        key = normalise_alias(name)
        if key in self.org_countries:
            return self.org_countries[key]
        if key in self.company_countries:
            return self.company_countries[key]
        words = key.split()
        if words[-1:] and words[-1] in _INDEX_WORDS and (code := index_country(key)):
            return code  # "the Shanghai Composite Index" -> CN
        if not any(w in self.government_words for w in words):
            return None
        for i in range(len(words)):
            for n in (3, 2, 1):
                code = self.countries.get(" ".join(words[i : i + n]))
                if code:
                    return code
        if any(w in _INTERNATIONAL for w in words):
            return None  # "the Security Council", "European Commission"
        return home

    def _acting_countries(
        self,
        mentions: list[Mention],
        person_countries: dict[str, set[str]],
        officials: set[str],
        home: str | None,
        ties: Mapping[str, str] | None = None,
        doc: Doc | None = None,
    ) -> list[Mention]:
        """Countries of the officials, government bodies and companies
        mentioned: each a country mention where they are ("whose officials
        act in it"); the country the article ties an organisation to first."""
        ties = ties or {}
        out = []
        for m in mentions:
            code = None
            if m.kind == PERSON:
                codes = person_countries.get(m.value, set())
                if len(codes) == 1:
                    code = next(iter(codes))
                elif not codes and m.value in officials:
                    code = home
            company = False
            if m.kind == ORGANIZATION:
                key = normalise_alias(m.value)
                tied = ties.get(m.value) or (
                    branch_country(doc_text(doc)[m.start : m.end])
                    if doc is not None
                    else None
                )
                code = tied or self.org_country(m.value, home)
                company = (
                    (tied is not None or key in self.company_countries)
                    and key not in self.org_countries
                    and not any(w in self.government_words for w in key.split())
                )
            if company and doc is not None:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and (
                    owns_an_object(span[-1], named=True)
                    or only_a_rival(doc, span.start, span.end)  # countries9
                ):
                    continue  # "like Roche's Tamiflu": the maker does not act
            if code:
                out.append(Mention(m.start, m.end, COUNTRY, code, company=company))
        return out

    def _tied_country(self, doc: Doc, s: int, e: int) -> str | None:
        """The country the text ties an organisation to where it names it:
        a demonym or "X-based" before it ("the Icelandic bank Glitnir",
        "London-based oil company BP"), a country's possessive ("Iceland's
        Glitnir"), or either in an apposition ("Glitnir, an Icelandic bank")."""
        j = s - 1
        for _ in range(4):  # "the Icelandic bank", "London-based oil company"
            if j < 0:
                return None
            tok = doc[j]
            code = self._country_word(doc, j)
            if code:
                return code
            if tok.tag_ == "POS" and j > 0:
                return (
                    self.countries.get(doc[j - 1].lower_)
                    if (doc[j - 1].ent_type_ == "GPE")
                    else None
                )
            if not (tok.is_lower and tok.pos_ in ("NOUN", "ADJ")):
                return None
            j -= 1
        root = doc[s:e].root
        for child in root.children:
            if child.dep_ != "appos":
                continue
            for tok in child.subtree:
                if tok.i < child.left_edge.i + 6 and tok.head.i == child.i:
                    code = self._country_word(doc, tok.i)
                    if code:
                        return code
        return None

    def _country_word(self, doc: Doc, i: int) -> str | None:
        """The country a demonym ("Icelandic", "U.S.") or "X-based" at token
        `i` says."""
        tok = doc[i]
        place = None
        if tok.lower_ == "based" and i >= 2 and doc[i - 1].text in ("-", "‐"):
            place = doc[i - 2].text
        elif tok.lower_.endswith("-based"):
            place = tok.text[: -len("-based")]
        if place:
            code = self.countries.get(normalise_alias(place))
            if code:
                return code
            # "Florida-based": the US state, not the Colombian city.
            states = {p.country for p in gazetteer.lookup(place) if p.subdivision}
            return states.pop() if len(states) == 1 else gazetteer.place_country(place)
        if (
            tok.text[:1].isupper()
            and tok.ent_type_ in ("NORP", "GPE")
            and tok.dep_ in ("amod", "compound")
        ):
            return self.countries.get(tok.lower_)
        return None

    def _known_acronyms(self) -> dict[str, set[str]]:
        """The initials of the known organisations' names (built once), and
        of the known public bodies (`_body_acronyms`)."""
        if self._acronyms is None:
            self._acronyms = {}
            for v in set(self.organizations.values()):
                a = _initials(v)
                if a:
                    self._acronyms.setdefault(a, set()).add(v)
            for a, v in self._body_acronyms():
                self._acronyms.setdefault(a, set()).add(v)
        return self._acronyms

    def _body_acronyms(self) -> list[tuple[str, str]]:
        """(initials, name) of the known public bodies with no alias of their
        own: "MMS regulators in the gulf", "David Dykes joined MMS" where the
        article's "the U.S. Minerals Management Service" is cut or another
        article says it in full. Three letters at least: "FO" or "HO" could
        be anything."""
        out = []
        for body in self.known_bodies:
            a = _initials(body)
            if len(a) >= 3 and not self._known_by_letters(normalise_alias(a)):
                out.append((a, body))
        return out

    def _known_by_letters(self, key: str) -> bool:
        """An organisation known under these letters: a shipped name or alias
        ("BP"), or a stored alias to another name. A stored actor's own name
        is no proof: "MMS", stored once from an article that never spelled it
        out, must not keep every later "MMS" from the Minerals Management
        Service the database-wide lexicon knows (names12)."""
        known = self.organizations.get(key)
        if known is None:
            return False
        return key in self.shipped_org_names or normalise_alias(known) != key

    def _long_form(self, name: str, article_orgs: dict[str, str]) -> str:
        """An acronym's long form, when one name of the article, or of the
        known organisations if the acronym is none of them yet, has those
        initials ("NOAA" -> National Oceanic and Atmospheric Administration);
        the name itself otherwise; an acronym written as a word ("Noaa", the
        Guardian's style) only by the article's or a known long form."""
        if 3 <= len(name) <= 6 and name.istitle() and name.isalpha():
            upper = name.upper()
            found = {v for v in article_orgs.values() if _initials(v) == upper}
            found |= self._known_acronyms().get(upper, set())
            return self.org_name(found.pop()) if len(found) == 1 else name
        if not (2 <= len(name) <= 6 and name.isupper() and name.isalpha()):
            return name
        if normalise_alias(name) in self.company_countries:
            return name  # a company known by its letters: "BP, or Beyond Petroleum"
        found = {v for v in article_orgs.values() if _initials(v) == name and v != name}
        if not found:
            if self._known_by_letters(normalise_alias(name)):
                return name  # known under its acronym ("BP"), not "Booker Prize"
            found = self._known_acronyms().get(name, set())
        if len(found) == 1:
            # next(iter()), not pop(): `found` may be the cached set itself,
            # and a pop emptied it for the rest of the run (the first "MMS"
            # of an article was the Minerals Management Service, the next not)
            return self.org_name(next(iter(found)))
        return name

    # -- what the article teaches about names -------------------------------------

    def _aliases(
        self,
        full_names: dict[str, str],
        surnames: dict[str, str | None],
        evidenced: set[str],
    ) -> dict[str, str]:
        """Surnames and other spellings the article ties to one full name.

        Only for a name shown to be a person (titled or speaking, under its
        full name or surname, or known already): a mislabel such as "the
        Deepwater Horizon" must not teach "Horizon" to later articles.
        """
        out: dict[str, str] = {}
        for key, canonical in full_names.items():
            if " " not in canonical.strip():
                continue
            if not (
                key in evidenced
                or _surname(key) in evidenced
                or key in self.people
                or normalise_alias(canonical) != key
            ):
                continue
            canonical_key = normalise_alias(canonical)
            if key != canonical_key:
                out[key] = canonical  # "muammar qaddafi" -> Muammar Gaddafi
            last = _surname(key)
            if (
                len(last) > 2
                and surnames.get(last) == canonical
                and last not in self.countries
                and last not in self.title_words
            ):
                out[last] = canonical
        return out

    # -- the publisher, bylines and page furniture --------------------------------

    def _bylines_and_furniture(self, doc: Doc) -> list[tuple[int, int]]:
        """Character ranges no mention comes from: the people of bylines
        ("CNN's Zain Verjee reports") and names in page furniture
        ("Posted by Keith Stuart at 10:48 AM | Comments (2)")."""
        out = []
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG") and _before_dateline(doc, ent.end):
                out.append((ent.start_char, ent.end_char))
                continue
            if ent.label_ == "PERSON":
                if _furniture_line(doc, ent.start, ent.end):
                    out.append((ent.start_char, ent.end_char))
                continue
            if ent.label_ != "ORG":
                continue
            person = _byline_person(doc, ent.end)
            if person is not None and person.head.lemma_.lower() == "report":
                out.append((doc[ent.end + 1].idx, person.idx + len(person.text)))
        return out + _picture_credits(doc_text(doc))

    def _publisher_keys(self, publisher: str) -> frozenset[str]:
        """The publisher's names: as given, canonical, without 'News'/'Online'."""
        key = normalise_alias(publisher)
        if not key:
            return frozenset()
        keys = {key, normalise_alias(self.org_name(publisher))}
        words = key.replace(".com", "").split()
        if len(words) > 1 and words[-1] in _MEDIA_WORDS:
            keys.add(" ".join(words[:-1]))
        keys.add(" ".join(words))
        return frozenset(k for k in keys if k)

    def _not_an_actor(
        self, doc: Doc, s: int, e: int, value: str, publisher_keys: frozenset[str]
    ) -> bool:
        """An ORG span that names no organisation of an event: a dateline
        ("(CNN) --"), a byline ("CNN's Zain Verjee reports"), page furniture
        ("Reply", "Share", "Posted by ... | Comments"), or the publisher
        where it only reports."""
        if _dateline(doc, s, e) or _furniture_line(doc, s, e) or _time_zone(doc, s, e):
            return True
        if self._common_noun_name(doc, s, e) or self._cut_from_a_name(doc, s, e):
            return True  # "Company spokesman", "Blowout Preventer", "Horizon"
        if (
            e - s == 1
            and self._dictionary_word(doc[s])
            and not _in_clause(doc[s])
            and normalise_alias(value) not in self.shipped_org_names
        ):  # a known company ("Toyota", "Ford") is no button
            return True  # "Reply", "Share", "Print": a button, not a company
        byline = _byline_person(doc, e)
        compact = self._compact_media | {_compact(p) for p in publisher_keys}
        is_publisher = any(
            k in publisher_keys
            or _compact(k) in compact  # "FoxNews.com": the site of Fox News
            or k in self.news_media
            or any(k.startswith(p + " ") for p in publisher_keys)
            for k in (normalise_alias(value), normalise_alias(doc[s:e].text))
        )
        if byline is not None and (
            is_publisher or byline.head.lemma_.lower() == "report"
        ):
            return True
        if is_publisher:
            root = doc[s:e].root
            acts = root.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                root.head.lemma_.lower() not in self.report_verbs
                and root.head.lemma_.lower() not in _PUBLISHING_VERBS
            )
            return not acts
        return False

    # -- common words, cut names and people the tagger calls bodies (names14) --

    def _unknown_name(self, key: str) -> bool:
        """No shipped organisation, company, public body, news medium or
        government word (a stored name is no proof: the database lexicon
        holds every mislabel)."""
        return not (
            key in self.shipped_org_names
            or key in self.company_countries
            or key in self.org_countries
            or key in self.news_media
            or key in self.government_words
            or key in self.countries
        )

    def _common_noun_name(self, doc: Doc, s: int, e: int) -> bool:
        """A capitalised common noun taken for a name ("Company spokesman
        Robert Wine said", "Engineers hope it will", "the rig's Blowout
        Preventer (BOP)", "Diazepam is better known as Valium"): the article
        writes the same words in lower case elsewhere ("the company", "the
        blowout preventer", "diazepam"). Never a known body or company, a
        place, nor a name in capitals ("BP")."""
        toks = [t for t in doc[s:e] if t.is_alpha]
        if not toks or len(toks) != e - s or any(t.is_upper for t in toks):
            return False
        if not all(t.is_title for t in toks):
            return False
        key = normalise_alias(doc[s:e].text)
        if not self._unknown_name(key) or gazetteer.lookup(doc[s:e].text):
            return False
        last = toks[-1].lower_
        if len(toks) > 1 and (
            last in _BODY_NOUNS
            or last in self.government_words
            or last in _COMPANY_WORDS
        ):
            return False  # "the Banking Committee" beside "the banking committee"
        return (
            _written_lower(doc, toks)
            or self._capitalised_modifier(doc, s, e)
            or (  # "Engineers from BP PLC have failed": the tagger's noun
                len(toks) == 1
                and toks[0].pos_ == "NOUN"
                and _starts_a_sentence(doc, s)
                and self._dictionary_word(toks[0])
            )
        )

    def _capitalised_modifier(self, doc: Doc, s: int, e: int) -> bool:
        """A dictionary word capitalised by the sentence's start that
        modifies the common noun after it ("Chemical dispersants seemed",
        "Company spokesman Robert Wine said"): no name."""
        if e - s != 1 or e >= len(doc):
            return False
        tok, nxt = doc[s], doc[e]
        return (
            _starts_a_sentence(doc, s)
            and self._dictionary_word(tok)
            and not is_given_name(tok.text)
            and tok.dep_ in ("amod", "compound")
            and tok.head.i == e
            and nxt.is_lower
            and nxt.pos_ == "NOUN"
        )

    def _cut_from_a_name(self, doc: Doc, s: int, e: int) -> bool:
        """One word the tagger cut from the end of a longer name ("the
        Deepwater Horizon, operated by Transocean Ltd, sank" tagged ORG on
        "Horizon"): the capitalised word before it is a compound of it, no
        entity of its own, no title, country or known body; the fragment
        names no organisation of its own."""
        if e - s != 1 or s == 0:
            return False
        word, before = doc[s], doc[s - 1]
        if not (word.is_title and before.is_title and before.is_alpha):
            return False
        if before.is_sent_start or before.ent_type_ not in ("", doc[s].ent_type_):
            return False
        if before.ent_type_ and before.ent_iob_ != "B" and doc[s].ent_iob_ != "I":
            return False
        if before.dep_ != "compound" or before.head.i != s:
            return False
        if before.lower_ in self.title_words or before.lower_ in self.countries:
            return False
        return self._unknown_name(word.lower_) and self._unknown_name(
            normalise_alias(doc[s - 1 : e].text)
        )

    def _person_tagged_org(self, doc: Doc, s: int, e: int, key: str) -> bool:
        """A person's name the tagger calls an organisation ("BP spokesman
        Marti Powers said", "Louis Skrmetta, 54, runs a company"): two or three
        capitalised words, a known first name first (`names.is_given_name`)
        and a surname no dictionary word ("Eva Airways" stays a company), or
        a person's title before them; no company, body or place word
        last, no known organisation, no company sign around it."""
        toks = list(doc[s:e])
        if not 2 <= len(toks) <= 3 or not all(t.is_title for t in toks):
            return False
        if len(toks) == 3 and not _initial(toks[1].text.lower()):
            return False
        last = toks[-1].lower_
        # a person's title right before ("spokesman Marti Powers")
        titled = (
            s > 0
            and doc[s - 1].lower_ in self.title_words
            and doc[s - 1].pos_ == "NOUN"
        )
        # untitled, the surname is no dictionary word ("Eva Airways")
        named = is_given_name(toks[0].text) and not self._dictionary_word(toks[-1])
        if (
            not (named or titled)
            or not self._unknown_name(key)
            or last in self.legal_suffixes
            or last in _COMPANY_WORDS
            or last in _CORPORATE_WORDS
            or last in _BODY_NOUNS
            or last in self.thing_heads
            or last in self.government_words
            or gazetteer.lookup(toks[-1].text)
            or gazetteer.lookup(doc[s:e].text)
            or (s > 0 and doc[s - 1].lower_ == "the")
        ):
            return False
        cand = _Candidate(doc[s:e], s, e, doc[s:e].text, key, None, None, False)
        return not self._org_context(doc, cand)

    def use_dictionary(self, nlp: Language) -> None:
        """Learn the English words of the pipeline's lemmatizer (its WordNet
        index: "reply", "share", not "Reuters"); without it, one-word
        organisations are not checked against the dictionary."""
        if self._words is not None:
            return
        words: set[str] = set()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                for pos in index:
                    words.update(index[pos])
        self._words = frozenset(words)

    def _dictionary_word(self, tok: Token) -> bool:
        """The word is an English dictionary word, written as a name ("Reply")."""
        if not self._words:
            return False
        low = tok.lower_
        return not tok.is_upper and (
            low in self._words or (low.endswith("s") and low[:-1] in self._words)
        )

    def _qualifier(self, doc: Doc, end: int) -> str | None:
        """The country a ', Texas' or ', France' after a place name says."""
        if end + 1 < len(doc) and doc[end].text == ",":
            nxt = doc[end + 1]
            words = [nxt.text]
            if end + 2 < len(doc) and doc[end + 2].ent_iob_ == "I":
                words.append(doc[end + 2].text)
            name = " ".join(words)
            key = normalise_alias(name)
            if key in self.countries and nxt.text[:1].isupper():
                return self.countries[key]
            found = gazetteer.lookup(name)
            subs = {p.country for p in found if p.subdivision}
            if len(subs) == 1 and nxt.text[:1].isupper():
                return subs.pop()
            return state_abbreviation(doc, end + 1)  # "Norfolk, Va." (countries10)
        return None

    def _resolve_roles(self, doc, lowers, taken, roles, add) -> None:
        for tok in _tokens_with(doc, lowers, self.role_heads):
            if taken[tok.i]:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.pos_ == "PROPN" or nxt.ent_type_ == "PERSON"):
                continue  # a title before a name, handled above
            # Longest role phrase ending here, then an optional demonym, then a determiner.
            start = tok.i
            role = None
            for k in range(min(self.max_role_len, tok.i + 1), 0, -1):
                phrase = tuple(t.lower_ for t in doc[tok.i - k + 1 : tok.i + 1])
                if phrase in self.roles:
                    role = self.roles[phrase]
                    start = tok.i - k + 1
                    break
            if role is None:
                continue
            country = None
            j = start - 1
            if j >= 0 and doc[j].lower_ in self.countries and doc[j].text[:1].isupper():
                country = self.countries[doc[j].lower_]
                j -= 1
            if j < 0 or doc[j].lower_ not in _ROLE_DETERMINERS:
                continue
            person = _pick_role(roles, role, country, role in self.generic_roles)
            if person:
                add(start if country is None else start - 1, tok.i + 1, PERSON, person)


@dataclass
class _Candidate:
    """A PERSON entity's name (titles dropped), before it is judged."""

    ent: Span
    start: int  # name tokens
    end: int
    name: str
    key: str
    role: str | None
    country: str | None
    titled: bool
    official: bool = False  # titled as an official ("Sen.", "Gov.", "minister")
    marks: frozenset[str] = frozenset()  # its title words (`_title_marks`)


_PARTICLES = frozenset(
    {"de", "da", "di", "du", "van", "von", "der", "den", "bin", "al", "la", "le", "el"}
)


def _name_shaped(
    doc: Doc,
    cand: _Candidate,
    non_name_words: frozenset[str],
    fragments: set[int] | frozenset[int] = frozenset(),
) -> bool:
    """Every word is a capitalised name, an initial or a particle (or the
    rest of a word cut at a dropped letter, `fragments`); none is a common
    noun of things ("Store", "Falcon", "App") or a web address."""
    for tok in doc[cand.start : cand.end]:
        text = tok.text
        low = tok.lower_
        if tok.tag_ == "POS" or tok.is_punct and text in "-'’" or tok.i in fragments:
            continue
        if low in non_name_words or any(ch.isdigit() for ch in text):
            return False
        if "." in text.rstrip(".") and not re.fullmatch(r"(?:[A-Z]\.)+", text):
            return False  # "GovExec.com"; "J.R." is fine
        if not text[:1].isupper() and low not in _PARTICLES:
            return False
    return True


_INDEX_WORDS = ("index", "indices", "indexes")
# Words after a name that make it an index ("the Nasdaq composite").
_INDEX_AFTER = frozenset({*_INDEX_WORDS, "composite", "industrials", "average"})
# How an index moves, by points: "the Bovespa fell by 6.89% (2,328.45
# points)", "The Dow's 344.65-point fall" (a share price moves by cents).
_INDEX_MOVES = frozenset(
    {
        "rise", "fall", "gain", "lose", "close", "end", "drop", "climb", "add",
        "shed", "finish", "jump", "slide", "tumble", "plunge", "slip", "dip",
        "surge", "soar", "decline", "edge", "advance", "rally", "sink", "post",
        "retreat", "loss", "increase", "decrease", "open", "have",
    }
)  # fmt: skip


_INDEX_CUES = frozenset({"index", "point", "market", "stock", "share", "trading"})


def _numbered_index(doc: Doc, end: int) -> bool:
    """A name and a number, in a sentence about an index or the market: "The
    FTSE 100 has today gone up ..., to take the index back" ("the Airbus 380
    will wear the livery" is not)."""
    if (
        end >= len(doc)
        or doc[end].ent_type_ not in ("", "CARDINAL")
        or not doc[end].like_num
    ):
        return False
    return any(t.lemma_.lower() in _INDEX_CUES for t in doc[end].sent)


def _moves_by_points(tok: Token) -> bool:
    """The name `tok` heads is the subject or possessor of a move by points."""
    if tok.dep_ not in ("nsubj", "poss") or tok.head.lemma_.lower() not in _INDEX_MOVES:
        return False
    head = tok.head
    for child in head.children:
        if child.i == tok.i or child.dep_ in (
            "nsubj",
            "ccomp",
            "xcomp",
            "advcl",
            "relcl",
            "conj",
        ):
            continue  # "BP declined to answer ..., pointing to a statement"
        for t in child.subtree:
            if (t.lemma_.lower() == "point" and t.pos_ == "NOUN") or t.lower_.endswith(
                "-point"
            ):
                return True
    return False


_INDEX_ENDINGS = (("industrials",), ("industrial", "average"), ("composite",))


def _is_index(doc: Doc, start: int, end: int, key: str) -> bool:
    """An ORG span that names a stock index: 'the Hang Seng index', 'Dow Jones
    Industrial Average', 'Dow Industrials' (spaCy tags them ORG)."""
    words = tuple(key.split())
    if any(words[-len(e) :] == e and len(words) > len(e) for e in _INDEX_ENDINGS):
        return True
    if end < len(doc) and doc[end].lower_ in _INDEX_WORDS:
        return True
    return end + 1 < len(doc) and (doc[end].lower_, doc[end + 1].lower_) == (
        "industrial",
        "average",
    )


def _after_the(doc: Doc, cand: _Candidate) -> bool:
    """'The Hang Seng, which fell': a name heading a phrase after 'the' is no person.

    ("the Trump administration" is fine: there the name is a modifier.)
    """
    if cand.end - cand.start < 1 or cand.start == 0:
        return False
    last = doc[cand.end - 1]
    return doc[cand.start - 1].lower_ == "the" and last.dep_ not in (
        "compound",
        "amod",
        "nmod",
        "poss",
    )


def _conj_of_org(doc: Doc, cand: _Candidate) -> bool:
    """The name is coordinated with an organisation: 'Lockheed and Sikorsky'."""
    tok = doc[cand.end - 1]
    if tok.dep_ == "conj" and tok.head.ent_type_ == "ORG":
        return True
    return any(c.dep_ == "conj" and c.ent_type_ == "ORG" for c in tok.children)


def _plural_group(doc: Doc, cand: _Candidate) -> bool:
    """'the Beatles', 'the Rolling Stones': a plural name after 'the' is a group."""
    last = doc[cand.end - 1]
    j = cand.ent.start - 1
    first_is_the = doc[cand.ent.start].lower_ == "the"
    before_the = first_is_the or (j >= 0 and doc[j].lower_ == "the")
    return (
        before_the
        and last.tag_ == "NNPS"
        or (before_the and last.text.endswith("s") and not last.text.endswith("ss"))
    )


# What is taken in doses, or what one is addicted to, is a substance:
# "775mg of Demerol", "an overdose of propofol", "dependent upon Demerol".
_DOSE = re.compile(r"\d[\d.,]*(?:mg|mcg|g|ml|cc)")
_DOSE_NOUNS = frozenset(
    [
        "mg",
        "milligram",
        "microgram",
        "millilitre",
        "milliliter",
        "dose",
        "overdose",
        "injection",
        "vial",
        "tablet",
        "pill",
        "prescription",
    ]
)
# What happens to a vessel or a well, named after it: "the Exxon Valdez
# disaster", "the Deepwater Horizon accident" (a company known as one, "the
# BP spill", stays a company).
_MISHAP_NOUNS = frozenset(
    ["disaster", "accident", "explosion", "blowout", "sinking", "spill", "leak"]
)
_SUBSTANCE_NOUNS = frozenset(
    [
        "drug",
        "painkiller",
        "sedative",
        "anaesthetic",
        "anesthetic",
        "medication",
        "medicine",
        "tranquilliser",
        "tranquilizer",
        "opiate",
        "narcotic",
        "antiviral",
    ]
)
_DEPENDENT_ON = frozenset(["addicted", "dependent", "hooked", "allergic", "addiction"])


# What a maker puts out: the object of these verbs, or of "the release of",
# is a product or a work, not an organisation ("Apple released Apple TV", "the
# Mac OS X operating system was released", "introduced the new MacBook line").
_LAUNCH_VERBS = frozenset(
    ["launch", "release", "introduce", "unveil", "ship", "debut", "preview"]
)
_LAUNCH_NOUNS = frozenset(
    ["launch", "release", "introduction", "unveiling", "debut", "rollout"]
)
_NOUN_PHRASE_LINKS = frozenset(["compound", "nmod", "appos", "conj", "amod"])


def _launched(tok: Token, depth: int = 0) -> bool:
    """The noun phrase `tok` is part of is something launched or released, or
    what such a thing includes ("the iLife suite, which includes the iPhoto,
    iMovie, and GarageBand programs")."""
    head = tok
    for _ in range(5):  # up to the phrase's head: "MacBook" -> "line"
        if head.dep_ not in _NOUN_PHRASE_LINKS or head.head.pos_ not in (
            "NOUN",
            "PROPN",
        ):
            break
        head = head.head
    verb = head.head
    if head.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB":
        if verb.lemma_.lower() in _LAUNCH_VERBS:
            return True
        # "..., which includes X": X is part of the thing the clause is about
        return (
            depth == 0
            and verb.lemma_.lower() in ("include", "feature")
            and verb.dep_ == "relcl"
            and _launched(verb.head, 1)
        )
    return (
        head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.lemma_.lower() in _LAUNCH_NOUNS
    )


_ANNOUNCED = frozenset(["announce", "reveal", "disclose", "unveil", "report"])


def _launched_names(doc: Doc) -> list[str]:
    """Proper names put out by a launch verb, whatever the entity labels say
    ("Apple also released their Media Center device - Apple TV"): the run of
    proper nouns ending in the verb's object or passive subject; never a
    person's name ("Obama introduced Sotomayor")."""
    out = []
    for tok in doc:
        if (
            tok.pos_ != "PROPN"
            or tok.dep_ not in ("dobj", "nsubjpass")
            or tok.head.lemma_.lower() not in _LAUNCH_VERBS
            or tok.ent_type_ == "PERSON"
        ):
            continue
        j = tok.i
        while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].dep_ == "compound":
            j -= 1
        if any(t.ent_type_ == "PERSON" for t in doc[j : tok.i + 1]):
            continue
        out.append(normalise_alias(_clean_name(doc[j : tok.i + 1].text)))
    return out


def _starts_a_sentence(doc: Doc, i: int) -> bool:
    """The token opens a sentence or a line (what comes before, spaces
    aside, is nothing or a full stop, "?" or "!")."""
    if doc[i].is_sent_start:
        return True
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j < 0 or j < i - 1 or doc[j].text[-1:] in ".?!"


def _known_as(tok: Token) -> bool:
    """ "Diazepam is better known as Valium": the subject of a passive
    "known as" is named, not speaking."""
    verb = tok.head
    return (
        tok.dep_ == "nsubjpass"
        and verb.lemma_.lower() == "know"
        and any(c.lower_ == "as" for c in verb.children)
    )


def _lower_words(doc: Doc) -> dict[str, list[int]]:
    """Where each word written in lower case stands (by its form and by its
    lemma), built once per document for `_written_lower`."""
    index = doc.user_data.get("_newsline_lower_words")
    if index is None:
        index = {}
        for tok in doc:
            if tok.is_lower:
                index.setdefault(tok.lower_, []).append(tok.i)
                lemma = tok.lemma_.lower()
                if lemma != tok.lower_:
                    index.setdefault(lemma, []).append(tok.i)
        doc.user_data["_newsline_lower_words"] = index
    return index


def _written_lower(doc: Doc, toks: list[Token]) -> bool:
    """The article writes these words in lower case elsewhere ("the
    company", "engineers", "the blowout preventer"): a common noun."""
    n = len(toks)
    # a plural name's singular too ("Engineers" beside "an engineer")
    forms = [
        {t.lower_, t.lower_[:-1] if t.lower_.endswith("s") else t.lower_} for t in toks
    ]
    start = toks[0].i
    index = _lower_words(doc)
    for i in sorted({i for w in forms[0] for i in index.get(w, ())}):
        if i == start or i + n > len(doc):
            continue
        words = doc[i : i + n]
        if all(
            t.is_lower and (t.lower_ in f or t.lemma_.lower() in f)
            for t, f in zip(words, forms, strict=True)
        ):
            return True
    return False


def _taken_as_a_dose(tok: Token) -> bool:
    if tok.dep_ != "pobj":
        return False
    prep, holder = tok.head, tok.head.head
    if prep.lower_ == "of":
        return holder.lemma_.lower() in _DOSE_NOUNS or bool(
            _DOSE.fullmatch(holder.lower_)
        )
    return (
        prep.lower_ in ("to", "on", "upon") and holder.lemma_.lower() in _DEPENDENT_ON
    )


def _names_a_currency(tok: Token) -> bool:
    """'the won', 'the Japanese yen': a currency's word as a common noun after
    'the' (or a number: "1,000 won"), not "the won of" or a verb."""
    if tok.tag_ not in ("NN", "NNS") or not tok.text.islower():
        return False  # "Rand" the surname, "won" the verb
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    return any(
        c.lower_ == "the" or c.like_num or c.dep_ == "nummod" for c in tok.children
    )


def _untagged_proper_nouns(doc: Doc) -> list[Token]:
    """The proper nouns in no entity, found without a Python loop over the
    document's tokens."""
    import numpy
    from spacy.attrs import ENT_TYPE, POS
    from spacy.symbols import PROPN

    if not len(doc):
        return []
    cols = doc.to_array([POS, ENT_TYPE])
    hits = numpy.flatnonzero((cols[:, 0] == PROPN) & (cols[:, 1] == 0))
    return [doc[int(i)] for i in hits]


def _tokens_with(doc: Doc, lowers, words) -> list:
    """The tokens whose lower-cased text is one of `words`, found without a loop."""
    import numpy

    strings = doc.vocab.strings
    hashes = numpy.array([strings.add(w) for w in words], dtype=lowers.dtype)
    if not len(hashes) or not len(lowers):
        return []
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(lowers, hashes))]


# -- people known across articles ------------------------------------------------

_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az)[-‐ ]")
_SKELETON_RULES = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[^aeiou\s])h"), ""),  # "Gadhafi", "Ghaddafi"
    (re.compile(r"[qgc]"), "k"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters
)
# How alike two first names must be for two spellings of a surname to be
# the same person ("Muammar"/"Moammar" 0.91; "John"/"Joan" 0.87 never count:
# their surnames are the same, which needs the same first name).
VARIANT_FIRST_NAME = 0.85
MIN_VARIANT_SURNAME = 5


def spelling_key(word: str) -> str:
    """A surname's spelling-independent key: 'Qaddafi', 'Gaddafi', 'Gadhafi'
    and 'al-Qadhafi' -> 'kadafi'. Transliteration varies in the same few ways
    (q/g/k, dh/d, doubled letters, y/i, ou/u); they are folded."""
    from timeline.extraction.names import fold_accents

    text = _PARTICLE_PREFIX.sub("", fold_accents(word.casefold()))
    text = re.sub(r"[^a-z]", "", text)
    for pattern, repl in _SKELETON_RULES:
        text = pattern.sub(repl, text)
    return text


class PeopleIndex:
    """Known people by the spelling key of their surname, to find the one a
    variant spelling means ("Moammar Gadhafi" -> Muammar Gaddafi)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_key: dict[str, set[str]] = {}
        self.surnames: dict[str, set[str]] = {}
        # short surnames: first name and surname -> the people so named with
        # middle initials ("george bush" -> {"George W Bush"})
        self.initialled: dict[str, set[str]] = {}
        for name in set(names):
            self.add(name)

    def add(self, name: str) -> None:
        # "Henry M. Paulson Jr" is filed under Paulson, not "Jr"
        words = without_generation(normalise_alias(name).split())[0]
        if len(words) < 2:
            return
        if len(words[-1]) < MIN_VARIANT_SURNAME:
            plain = [w for w in words if not _initial(w)]
            if len(plain) == 2 and len(plain) < len(words):
                self.initialled.setdefault(" ".join(plain), set()).add(name)
            return
        self.by_key.setdefault(spelling_key(words[-1]), set()).add(name)
        self.surnames.setdefault(words[-1], set()).add(name)

    def _one_of_surname(self, last: str) -> bool:
        """The known people of this surname have one first name."""
        firsts = {normalise_alias(k).split()[0] for k in self.surnames.get(last, ())}
        return len(firsts) == 1

    def variant_of(self, name: str, *, nicknames: bool = True) -> str | None:
        """The one known person `name` is another spelling of, else None.

        A full name needs a surname spelled differently but alike, and a
        like first name; one word needs a known surname spelled alike.
        The same surname under a first-name variant ("Ken" for Kenneth
        Feinberg) only with `nicknames`, only when the known people of that
        surname are one person (one first name: "Kenneth Feinberg" and
        "Kenneth R. Feinberg"; a "Michael Jackson" beside a stored Mike and
        Lisa P. Jackson is neither), and never when `name` has a middle
        name the known one lacks ("Michael Joseph Jackson" is not Mike
        Jackson).
        """
        words = without_generation(normalise_alias(name).split())[0]
        if len(words) == 2 and len(words[-1]) < MIN_VARIANT_SURNAME:
            # "George Bush" is the one known George <initials> Bush ("George
            # W Bush"); none when two are known (George H. W. Bush too); a
            # name with initials never becomes a bare one, nor a variant
            # spelling or nickname of a short surname (they collide)
            found = self.initialled.get(" ".join(words), set())
            return next(iter(found)) if len(found) == 1 else None
        if not words or len(words[-1]) < MIN_VARIANT_SURNAME:
            return None
        last = words[-1]
        if last in self.surnames:
            # "Thad W. Allen" is "Thad Allen": the same name but for initials.
            plain = [w for w in words if not _initial(w)]
            same = {
                known
                for known in self.surnames[last]
                if [w for w in _plain_words(known) if not _initial(w)] == plain
                and normalise_alias(known) != " ".join(words)
            }
            if not same and nicknames and self._one_of_surname(last):
                # "Ken Feinberg" is Kenneth Feinberg, the one stored Feinberg
                same = {
                    k
                    for k in self.surnames[last]
                    if first_name_variant(k, name) and not _own_middle(words, k)
                }
            return next(iter(same)) if len(same) == 1 and len(plain) >= 2 else None
        found = self.by_key.get(spelling_key(last), set())
        if len(words) >= 2:
            from rapidfuzz.distance import JaroWinkler

            first = words[0]
            found = {
                known
                for known in found
                if JaroWinkler.similarity(first, normalise_alias(known).split()[0])
                >= VARIANT_FIRST_NAME
            }
        return next(iter(found)) if len(found) == 1 else None


# A surname two known people share goes to one of them when that one is
# reported this many times as often as all the others together.
DOMINANT_PERSON = 5


def _plain_words(name: str) -> list[str]:
    """A normalised name's words without a trailing generation ("jr")."""
    return without_generation(normalise_alias(name).split())[0]


def _own_middle(words: list[str], known: str) -> bool:
    """`words` has a middle name (not an initial) where `known` has none."""
    mine = [w for w in words[1:-1] if not _initial(w)]
    theirs = _plain_words(known)[1:-1]
    return bool(mine) and not theirs


def _initial(word: str) -> bool:
    """'w.', 'w', 'j.r.': a middle initial."""
    return (
        len(word.rstrip(".").replace(".", "")) <= 2
        and word[:1].isalpha()
        and (len(word.rstrip(".")) == 1 or "." in word)
    )


def learn_aliases(
    *,
    known: Mapping[str, str],
    found: Iterable[tuple[str, str]],
    events: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """Which of an article's (alias, canonical person) pairs to remember.

    `known` maps every normalised name and alias already known to its
    person. A pair is new when its alias is not already another name's (a
    one-word actor stored under the surname itself gives way: "Wolfowitz"
    -> Paul Wolfowitz) and, for a surname, no other known person has that
    surname ("Obama" -> Barack Obama unless a Michelle Obama is known too),
    or the others together have under 1/DOMINANT_PERSON of its `events` (a
    canonical name -> how many events name it): "Jackson" is Michael Jackson
    in a database where Lisa Jackson is named in a few events. The one rule
    for the bench's in-memory lexicon and ingestion's aliases.
    """
    events = events or {}
    surnames: dict[str, set[str]] = {}
    for canonical in set(known.values()):
        words = normalise_alias(canonical).split()
        if len(words) >= 2:
            surnames.setdefault(words[-1], set()).add(canonical)
    out: dict[str, str] = {}
    for alias, canonical in found:
        key = normalise_alias(alias)
        if not key or key == normalise_alias(canonical):
            continue
        if key in known and (" " in key or normalise_alias(known[key]) != key):
            continue  # an alias already, or a full name of its own
        others = surnames.get(key, {canonical}) - {canonical}
        if " " not in key and others:
            mine = events.get(canonical, 0)
            if not mine or mine < DOMINANT_PERSON * sum(
                events.get(o, 0) for o in others
            ):
                continue  # two known people share this surname
        out[key] = canonical
    return out


# -- places, comparisons, bylines and furniture -----------------------------------

_LOCATIVE = frozenset(
    {
        "in",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "toward",
        "towards",
        "throughout",
        "within",
        "besieged",
    }
)
_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "port",
        "province",
        "region",
        "district",
        "capital",
        "suburb",
        "outskirts",
        "state",
        "county",
        "governorate",
        "island",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    }
)
_GAZETTEER_LABELS = frozenset({"GPE", "LOC", "FAC"})
# An ORG-labelled city is a place from this size (a state or region always).
_ORG_PLACE_POPULATION = 100_000
# Names of seas, rivers, mountains: "Gulf of Mexico", "Breton Sound".
_FEATURE_WORDS = frozenset(
    {
        "gulf",
        "sea",
        "bay",
        "ocean",
        "strait",
        "straits",
        "lake",
        "river",
        "mount",
        "mountains",
        "cape",
        "peninsula",
        "coast",
        "sound",
        "canal",
        "desert",
        "valley",
        "island",
        "islands",
        "slope",  # "Alaska's North Slope" (names13)
        "basin",
    }
)


_FEATURE_FIRST = frozenset({"mount", "lake", "cape"})


def _feature_of(doc: Doc, start: int) -> bool:
    """A country's name that ends a sea's: "Gulf of [Mexico]", "Sea of [Japan]"."""
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in _FEATURE_WORDS
        and doc[start - 2].text[:1].isupper()
    )


def _fort_name(words: list[str]) -> bool:
    """'fort jackson', 'fort hood': a fort or a base named after someone is
    a place, never that person ("brought to Fort Jackson in June")."""
    return len(words) >= 2 and words[0] == "fort"


def _feature_name(words: list[str]) -> bool:
    """'gulf of mexico', 'mount everest', 'breton sound': a geographic
    feature's name (not 'Coast Guard')."""
    if len(words) < 2:
        return False
    if words[0] in _FEATURE_WORDS and (words[1] == "of" or words[0] in _FEATURE_FIRST):
        return True
    return words[-1] in _FEATURE_WORDS


_MEDIA_WORDS = frozenset({"news", "online", "com", "network", "newspaper"})
# British spellings of the words of known American bodies' names
_AMERICAN_SPELLINGS = {
    "centre": "center",
    "centres": "centers",
    "organisation": "organization",
    "organisations": "organizations",
    "defence": "defense",
}
# Heads of a built place's name ("Suvarnabhumi airport"): a name before one
# is the place. Not a company's assets ("the Massey mine", "BP pipeline").
_BUILT_PLACE_HEADS = frozenset(
    {
        *("airport", "stadium", "arena", "bridge", "cathedral", "palace", "dam"),
        *("memorial", "monument", "tower", "towers", "canal", "cemetery"),
    }
)
_PRISON_NOUNS = frozenset({"prison", "jail", "gaol"})
# An oil well's or field's nouns: a lone proper noun before one names the
# works ("the Macondo well"), not a company
_WORKS_NOUNS = frozenset(
    {"well", "wells", "field", "oilfield", "reservoir", "wellhead"}
)
# The last word of a company's own store or centre ("Airbus' Delivery Center")
_OUTLET_HEADS = frozenset({"store", "center", "centre"})
# What a paper does as a paper: its own reporting, not an act of its own
# ("which the Guardian reveals today", "had not the Guardian published parts
# of it", "The Washington Post obtained a copy"; names12)
_PUBLISHING_VERBS = frozenset(
    {
        "publish",
        "reveal",
        "disclose",
        "obtain",
        "learn",
        "print",
        "uncover",
        "interview",
    }
)
_COMPARISON = frozenset({"than", "like", "unlike"})
_DASHES = frozenset({"--", "-", "—", "–"})


def _locative_span(doc: Doc, start: int, end: int) -> bool:
    """'in Misrata', 'near Ras Lanuf', 'the town of Zawiya' (and no 's after)."""
    if end < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in ("'", "’")):
        return False  # "in Steve Jobs ' place": his place
    j = start - 1
    if j >= 0 and doc[j].lower_ in _LOCATIVE:
        return True
    # "the town of Zawiya", "35 miles south west of Krakow"
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in _PLACE_NOUNS


_COMPASS = ("North", "South", "East", "West")


def _halves_of(text: str) -> list:
    """The regions a one-word name is the whole of ("Sussex": East and West
    Sussex, subdivisions the gazetteer knows; it has no "Sussex" itself)."""
    if " " in text or not text.isalpha():
        return []
    return [
        p
        for side in _COMPASS
        for p in gazetteer.lookup(f"{side} {text}")
        if p.subdivision
    ]


def _compact(key: str) -> str:
    """A medium's name without its spaces and ".com": 'foxnews.com' and 'fox
    news' are the site 'foxnews'."""
    return key.removesuffix(".com").replace(" ", "")


def _in_capitals(name: str) -> bool:
    """A name written in capitals that is no acronym: more than five letters
    or more than one word ("TREASURY", "FEDERAL RESERVE"; not "NASA")."""
    letters = [ch for ch in name if ch.isalpha()]
    return (
        name.isupper() and bool(letters) and (len(letters) > 5 or " " in name.strip())
    )


def _an_acronym(doc: Doc, start: int, end: int) -> bool:
    """One word of two to five capitals the article never writes as a name
    ("a formal protest before the GAO", "the GAO upheld"): the initials of a
    body, not the place the gazetteer has under those letters (Mali's Gao),
    unless the article spells the place out ("Gao" in a story on Mali) or
    the word starts a dateline ("MIAMI -- BP advanced")."""
    word = doc[start].text
    if end - start != 1 or not (2 <= len(word) <= 5 and word.isalpha()):
        return False
    if not word.isupper():
        return False
    if end < len(doc) and doc[end].text in _DASHES:
        return False  # a dateline's town: "MIAMI -- BP advanced"
    if start == 0 or doc[start - 1].is_space or doc[start - 1].text == "|":
        return False  # a line's first word: "BOISE, Idaho (Reuters)"
    return re.search(rf"\b{word.title()}\b", doc_text(doc)) is None


def _locative(doc: Doc, cand: _Candidate) -> bool:
    return _locative_span(doc, cand.ent.start, cand.ent.end)


def _compared(doc: Doc, start: int) -> bool:
    """A mention only compared with: 'than (in) France', 'like Britain',
    'compared with Spain'."""
    j = start - 1
    while j >= 0 and doc[j].lower_ in ("the", "in", "of"):
        j -= 1
    if j < 0:
        return False
    if doc[j].lower_ in _COMPARISON:
        return True
    return (
        doc[j].lower_ in ("with", "to")
        and j >= 1
        and doc[j - 1].lower_ in ("compared", "comparison", "compare")
    )


@cache
def _zone_abbreviations() -> frozenset[str]:
    """Time zone abbreviations ('GMT', 'BST', 'EDT'), from dateparser's data."""
    from dateparser.timezones import timezone_info_list

    return frozenset(
        name for group in timezone_info_list for name, _ in group["timezones"]
    )


def _time_zone(doc: Doc, start: int, end: int) -> bool:
    """'08.47 GMT', '10:48 AM EDT': a time zone after a time, not an ORG."""
    if end - start != 1 or start == 0 or doc[start].text not in _zone_abbreviations():
        return False
    before = doc[start - 1]
    return (
        before.ent_type_ == "TIME"
        or any(ch.isdigit() for ch in before.text)
        or (before.lower_ in ("am", "pm", "a.m.", "p.m."))
    )


_CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m."})


def _time_before_name(doc: Doc, i: int) -> bool:
    """Token `i` is a time's zone or "pm" glued to the name after it by the
    NER ("01.48 BST Kofi Annan", "6.00 pm Gordon Brown")."""
    before = doc[i - 1] if i else None
    return _time_zone(doc, i, i + 1) or (
        doc[i].lower_ in _CLOCK_WORDS
        and before is not None
        and any(ch.isdigit() for ch in before.text)
    )


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """'(CNN) --', 'WASHINGTON (AP) --': a wire or site credit before the story."""
    return (
        start > 0
        and doc[start - 1].text == "("
        and end + 1 < len(doc)
        and doc[end].text == ")"
        and doc[end + 1].text in _DASHES
    )


def _before_dateline(doc: Doc, end: int) -> bool:
    """The words end a dateline's place in capitals: 'PORT FOURCHON,
    Louisiana (Reuters) -' (a place and a state, then the credit)."""
    i = end
    while i < len(doc) and i < end + 6 and doc[i].text != "(":
        if "\n" in doc[i].text:
            return False
        i += 1
    return (
        i + 3 < len(doc)
        and doc[i].text == "("
        and doc[i + 2].text == ")"
        and doc[i + 3].text in _DASHES
        and any(t.is_upper and t.is_alpha for t in doc[max(0, end - 3) : end])
    )


def _line_of(doc: Doc, start: int, end: int) -> str:
    text = doc_text(doc)
    lo = text.rfind("\n", 0, doc[start].idx) + 1
    hi = text.find("\n", doc[end - 1].idx)
    return text[lo : hi if hi >= 0 else len(text)]


_FURNITURE_START = re.compile(
    r"^\W*(?:posted by|posted on|copyright|©|\(c\)|related|share|click|follow|"
    r"sign up|reply|report abuse|comments?|permalink|recommend|print|e-?mail)\b",
    re.IGNORECASE,
)
_PIPE = " | "
# Words of a '|'-separated strip's item that may still be furniture.
_FURNITURE_ITEM_WORDS = 8


def _furniture_line(doc: Doc, start: int, end: int) -> bool:
    """The span sits in page furniture: an item of a '|'-separated strip
    ('Posted by Keith Stuart at 10:48 AM | Comments (2) | Permalink'), or the
    first words of a credit, 'Posted by' or 'Reply' line."""
    line = _line_of(doc, start, end)
    lo = doc_text(doc).rfind("\n", 0, doc[start].idx) + 1
    offset = doc[start].idx - lo
    if _PIPE in line:
        a = line.rfind(_PIPE, 0, offset)
        b = line.find(_PIPE, offset)
        first = a + len(_PIPE) if a >= 0 else 0
        item = line[first : b if b >= 0 else len(line)]
        if len(item.split()) <= _FURNITURE_ITEM_WORDS:
            return True
        line = item
        offset -= first
    head = line[: offset + 1]
    return bool(_FURNITURE_START.match(line)) and len(head.split()) <= 4


def _in_clause(tok: Token) -> bool:
    """The word plays a part in a sentence (subject, object, possessor)."""
    return tok.dep_ in (
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "poss",
        "conj",
        "appos",  # "Japanese automaker Toyota reported"
    ) or (tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"))


def _byline_person(doc: Doc, end: int) -> Token | None:
    """The person an ORG's possessive introduces: "CNN's Zain Verjee" -> Verjee."""
    if end >= len(doc) or doc[end].tag_ != "POS":
        return None
    i = end + 1
    last = None
    while i < len(doc) and doc[i].ent_type_ == "PERSON":
        last = doc[i]
        i += 1
    return last


# Country names that are as often something else (a US state, a first name):
# they count only where spaCy itself labels them a place.
_NOT_IN_FREE_TEXT = frozenset({"georgia", "jordan", "chad", "guinea", "niger"})
_ROLE_DETERMINERS = {"the", "his", "her", "their", "its"}
# Labels spaCy gives a person's name by mistake, repaired by article consistency.
_REPAIRABLE = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_PLACE_LIKE = {"GPE", "NORP", "LOC", "FAC", "ORG"}
# Labels spaCy gives a company's name by mistake ("Transocean" NORP, "Cisco" GPE).
_MISLABELLED_COMPANY = {"GPE", "NORP", "LOC", "PRODUCT"}
# Labels of things: products, events, works ("Tamiflu", "WWDC", "Thriller").
_THING_LABELS = {"PRODUCT", "EVENT", "WORK_OF_ART"}
_SUBJECTS = ("nsubj", "nsubjpass")
# Last words of a company's full name besides the legal suffixes and company
# nouns: "Apache Corporation", "Anadarko Petroleum", "Penske Automotive".
_CORPORATE_WORDS = frozenset(
    {"corporation", "corp", "inc", "co", "petroleum", "industries", "holdings"}
)


def _pick_role(
    roles: dict[str, set[tuple[str, str | None]]],
    role: str,
    country: str | None,
    generic: bool,
) -> str | None:
    def fits(r: str) -> bool:
        return generic or r == role

    if country is not None:
        exact = [
            p for p, rs in roles.items() if any(fits(r) and c == country for r, c in rs)
        ]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        if generic:
            return None
        open_ = [
            p for p, rs in roles.items() if any(r == role and c is None for r, c in rs)
        ]
        return open_[0] if len(open_) == 1 else None
    anyone = [p for p, rs in roles.items() if any(r == role for r, _ in rs)]
    return anyone[0] if len(anyone) == 1 and not generic else None


_PARTICIPANT_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})


@cache
def _report_verbs() -> frozenset[str]:
    return frozenset(_person_data().get("speech_verbs", ())) | {"report", "reveal"}


def participant_offsets(verb: Token) -> frozenset[int] | None:
    """The character offsets of the words that can name an event's
    participants, when its predicate heads a clause of its own inside the
    sentence: that clause (`verb`'s subtree; "... after Tropical Storm Alex
    churned through the region last week" has none of the sentence's other
    people), the noun a relative clause describes ("Gid Tanner who, in 1924,
    ... became"), the subject a coordinated verb shares ("GM recovered ... and
    re-entered the stock market in November 2010"), and the speaker of a
    reported clause ("..., Akdag said"). None (all of the sentence) for a
    main verb, a coordinated clause with a subject of its own, a participle
    or infinitive modifying a noun ("another special event to be held on
    October 12") and any other verb with no subject (a date the parse hangs
    on "to fishing on Monday")."""
    if verb.dep_ in ("ROOT", "acl") or verb.head.i == verb.i:
        return None
    subject = any(c.dep_ in _PARTICIPANT_SUBJECTS for c in verb.children)
    if subject == (verb.dep_ == "conj"):
        return None  # "and George W. Bush missed"; "an event to be held"
    words = set(verb.subtree)
    tok = verb
    for _ in range(4):
        if tok.dep_ == "relcl":
            words.update(tok.head.subtree)
            if tok.head.dep_ == "appos" and tok.head.head.pos_ == "PROPN":
                # "Young Jeezy, the Southern rap star who last year released"
                name = tok.head.head
                words.add(name)
                words.update(c for c in name.children if c.dep_ == "compound")
            break
        if tok.dep_ != "conj" or any(
            c.dep_ in _PARTICIPANT_SUBJECTS for c in tok.children
        ):
            break
        tok = tok.head
        for child in tok.children:
            if child.dep_ in _PARTICIPANT_SUBJECTS:
                words.update(child.subtree)
    # A clause someone reports is theirs too ("The entire family will be held
    # for observation until May 21 ..., Akdag said"), not a clause inside it.
    for _ in range(3):  # "..., Lichte said it is hoped the aircraft can be tested"
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in _report_verbs():
            break
        tok = tok.head
        for child in tok.children:
            if child.dep_ in _PARTICIPANT_SUBJECTS:
                words.update(child.subtree)
    return frozenset(t.idx for t in words)


# The nouns of public bodies a definite description or a capitalised name
# ends in ("the commission", "the Governing Council"): general English.
_BODY_NOUNS = frozenset(
    {
        "commission", "council", "committee", "authority", "agency", "board",
        "bureau", "ministry", "department", "panel", "facility", "tribunal",
    }
)  # fmt: skip
_BODY_ACRONYM = re.compile(r"[A-Z]{3,5}")


def _event_subject(verb: Token) -> Token | None:
    """The subject of an event's predicate, or of the verb it is the
    complement or conjunct of ("Toyota is expected to report", "The service
    is intended to launch"); the noun a participle describes ("plans
    announced in January"), the antecedent of a relative pronoun."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        for c in subjects:
            if c.tag_ not in ("WDT", "WP"):
                return c  # "which the Republicans insisted": the Republicans
        if subjects:
            return tok.head if tok.dep_ == "relcl" else None
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# Subjects that are people, groups of people or markets, never a company's
# thing: "Analysts expect", "Investors sold", "Prices rose".
_NOT_THINGS = frozenset(
    {
        "people", "public", "crowd", "family", "member", "staff", "employee",
        "index", "market", "stock", "share", "price", "rate", "dollar",
        "economy", "trading", "investor", "consumer", "voter", "fan", "sale",
        "percent", "opposition", "poll", "team", "reporter", "boss",
        "celebrity", "skipper", "lawmaker",
    }
)  # fmt: skip
_AGENT_SUFFIXES = ("ist", "ian", "ers", "ors")
_PEOPLE_SUFFIXES = ("man", "men")  # "fishermen", "a congressman"
# Public acts: what a legislature, government, regulator or court makes,
# never a company's thing even in a story about one ("The new moratorium
# will end", "a fishing ban", "the climate bill", "routine inspections").
# The heads of the rubric's vote, sanctions and legal kinds' acts (see
# data/kinds.json), kept here as nouns, not as event triggers: a small
# closed class of general English (no WordNet in the pipeline's model).
_PUBLIC_ACTS = frozenset(
    {
        "moratorium", "ban", "embargo", "sanction", "boycott", "blockade",
        "bill", "law", "legislation", "act", "amendment", "regulation", "rule",
        "resolution", "ordinance", "statute", "decree", "referendum", "vote",
        "ballot", "election", "veto", "inquiry", "investigation", "probe",
        "hearing", "inspection", "subpoena", "ruling", "verdict", "indictment",
        "injunction", "reform",
    }
)  # fmt: skip
# Natural forces: weather and the sea act on their own ("Bad weather
# halted", "A tropical storm watch was issued", "the hurricane season").
_NATURAL_FORCES = frozenset(
    {
        "weather", "storm", "hurricane", "wind", "rain", "cloud",
        "season", "tide", "current", "earthquake", "quake", "tsunami",
        "flood", "drought", "temperature", "typhoon", "cyclone", "tornado",
    }
)  # fmt: skip


def _public_or_natural(tok: Token) -> bool:
    """A public act or a natural force, by its head or a noun modifying it
    ("a fishing ban", "A tropical storm watch", "the energy and climate
    bill")."""
    words = [tok] + [
        c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"
    ]
    return any(
        w.lemma_.lower() in _PUBLIC_ACTS or w.lemma_.lower() in _NATURAL_FORCES
        for w in words
    )


def _thing_subject(verb: Token) -> bool:
    """The event's subject is a thing or a description, no one named: "The
    A380 was revealed", "The first flight will take off", "It is slated",
    "the company said" (a subject no mention covers)."""
    subject = _event_subject(verb)
    if subject is None:
        return False
    if subject.pos_ == "PRON":  # "It is slated for a U.S. release"; not "the
        # index ... when it hit", "Accenture saw ..., although it later rebounded"
        if subject.lower_ != "it" or any(
            t.pos_ in ("NOUN", "PROPN") for t in subject.sent if t.i < subject.i
        ):
            return False
        referent = _previous_subject(subject)  # "The new moratorium ... It
        # will end by 30 November": the moratorium's, no company's
        return referent is None or not _public_or_natural(referent)
    if subject.pos_ not in ("NOUN", "PROPN"):
        return False
    # the passive of the event's own clause: "Mac OS X Snow Leopard, which
    # was released in 2009" (the name is the object of another verb)
    passive = subject.dep_ == "nsubjpass" or any(
        c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in verb.children
    )
    if subject.pos_ == "PROPN" and not passive and subject.ent_type_ != "PRODUCT":
        return False  # a name that acts is no one's thing: "Accenture rebounded"
    if not passive and any(
        c.dep_ in ("compound", "appos")
        and c.pos_ == "PROPN"
        and c.ent_type_ not in ("GPE", "LOC", "PRODUCT")
        for c in subject.children
    ):
        return False  # "the technology blog Gizmodo obtained", "Android phones"
    if subject.ent_type_ in ("PERSON", "NORP", "GPE", "LOC"):
        return False
    if any(c.dep_ == "agent" for c in subject.head.children):
        return False  # "operated by Swiss-based driller Transocean": its own
    if subject.lemma_.lower() in _COMPANY_WORDS:
        return False  # "The bank said": the title's description, resolved there
    # not the numbers of the relative clause the event is ("Snow Leopard,
    # which was released in 2009")
    clause = {t.i for t in verb.subtree} if subject.is_ancestor(verb) else set()
    if not _counted_assets(subject) and any(
        c.pos_ == "NUM" and c.i not in clause for c in subject.subtree
    ):
        return False  # "The 61 percent favored it", "8,000 homes": tallies
    of = [
        g
        for c in subject.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if of and not _thing_noun(of[0]):
        return False  # "A group of ... scientists released"
    if _public_or_natural(subject):
        return False  # "The new moratorium will end": the government's
    return _thing_noun(subject)


# What a company has and closes, opens, cuts or sells by the number: "Two
# more plants will close in 2008", "14 plants closed by 2012", "25,000 to
# 30,000 positions should be cut". Its own things, never a tally of a
# period's people or homes ("8,000 homes", "The 61 percent").
_COMPANY_ASSETS = frozenset(
    {
        "plant", "factory", "store", "shop", "outlet", "branch", "mill",
        "refinery", "dealership", "showroom", "restaurant", "office",
        "job", "position", "aircraft", "jet", "airliner", "route",
    }
)  # fmt: skip


def _counted_assets(subject: Token) -> bool:
    """A subject counting a company's own plants, stores or jobs ("Two more
    plants will close in 2008"): a number of them, no "of" phrase."""
    return (
        subject.pos_ == "NOUN"
        and subject.lemma_.lower() in _COMPANY_ASSETS
        and any(c.dep_ == "nummod" for c in subject.children)
        and not any(c.dep_ == "prep" for c in subject.children)
    )


# Heads of a description that stands for one company ("The company said",
# "the carmaker announced"), never a public body or a committee.
_ONE_COMPANY_WORDS = frozenset(
    {
        "company", "firm", "carrier", "airline", "automaker", "carmaker",
        "lender", "insurer", "maker", "manufacturer", "corporation",
        "retailer", "bank", "giant", "operator", "conglomerate",
    }
)  # fmt: skip
# How an event's clause hangs from the clause whose subject does it: said
# or announced ("The company said two more plants will close"), planned.
_GOVERNED = frozenset({"ccomp", "xcomp", "conj"})


def governing_subject(verb: Token) -> Token | None:
    """The company description ("the company", "the airline") or the "he"
    whose clause the event's is a complement or an object's relative clause
    of: "The company said two more plants will close in 2008", "The company
    also announced the iPhone 2.0 update that ... is scheduled for public
    release in June", "This 'switch', he said, would happen beginning next
    year", "He said that, after a lull ..., collections in its
    largest markets ... improved in March and April" (the chief executive
    just named). None where a name, another pronoun or another noun is the
    subject on the way up (their own actors, or none)."""
    for said in verb.children:  # "This 'switch', he said, would happen"
        if said.dep_ == "parataxis" and said.lemma_.lower() in _report_verbs():
            for c in said.children:
                if c.dep_ == "nsubj" and (_one_company(c) or c.lower_ in ("he", "she")):
                    return c
    tok = verb
    for _ in range(5):
        subjects = [
            c
            for c in tok.children
            if c.dep_ in _SUBJECTS and c.tag_ not in ("WDT", "WP")
        ]
        if subjects:
            if tok is not verb and (
                _one_company(subjects[0]) or subjects[0].lower_ in ("he", "she")
            ):
                return subjects[0]  # (its own subject: the title's to resolve)
            if tok is not verb or subjects[0].pos_ != "NOUN" or subjects[0].ent_type_:
                return None  # a name or a pronoun does it; or another clause's
        if tok.dep_ == "relcl" and tok.head.dep_ in ("dobj", "nsubjpass"):
            tok = tok.head.head  # "announced the update that was released"
        elif tok.dep_ in _GOVERNED and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


def pronoun_reporter(verb: Token) -> Token | None:
    """The "he", "she" or office subject ("BP's new chief executive said
    its rivals and the media had helped") who reports the event's clause:
    "He said a colleague
    told him that an inspection ... found", "“We can understand why the
    nation is angry with BP,” he told a group of reporters", "This 'switch',
    he said, would happen". A named reporter is already among the clause's
    participants (`participant_offsets`); a pronoun one is the person the
    titles resolve it to (the caller's). None where no speech verb of a
    pronoun governs the clause."""
    for said in verb.children:  # "This 'switch', he said, would happen"
        if (
            said.dep_ == "parataxis"
            and said.lemma_.lower() in _report_verbs()
            and (who := _pronoun_subject(said)) is not None
        ):
            return who
    tok = verb
    for _ in range(3):
        if tok.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in tok.children):
            tok = tok.head  # "and that day one motions had been filed"
            continue
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in _report_verbs():
            return None
        tok = tok.head
        if (who := _pronoun_subject(tok)) is not None:
            return who
        if any(c.dep_ in _SUBJECTS for c in tok.children):
            return None  # a name or another word reports it
    return None


def _pronoun_subject(verb: Token) -> Token | None:
    """The "he", "she" or company office ("BP's new chief executive said
    its rivals ... had helped") that is `verb`'s subject."""
    for c in verb.children:
        if c.dep_ == "nsubj" and (
            c.lower_ in ("he", "she") or subject_office(c) is not None
        ):
            return c
    return None


def _one_company(tok: Token) -> bool:
    """`tok` is "the company", "the Japanese carmaker": a definite
    description of one company, no name in it."""
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NN"
        and tok.lemma_.lower() in _ONE_COMPANY_WORDS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.pos_ == "PROPN" or c.ent_type_ == "ORG" for c in tok.children)
    )


def _in_main_subject(verb: Token, offset: int) -> bool:
    """Character `offset` is inside the subject of the main verb of `verb`'s
    sentence ("BP has been struggling", "Transocean's Deepwater Horizon rig
    drilled")."""
    for c in verb.sent.root.children:
        if c.dep_ in _SUBJECTS:
            right = c.right_edge
            if c.left_edge.idx <= offset < right.idx + len(right):
                return True
    return False


def _launched_subject(verb: Token) -> bool:
    """The event is its subject's release with no agent: "the original
    iPhone was released" (a thing launched, `_LAUNCH_VERBS`)."""
    subject = _event_subject(verb)
    return (
        subject is not None
        and subject.dep_ == "nsubjpass"
        and subject.head.i == verb.i
        and verb.lemma_.lower() in _LAUNCH_VERBS
        and subject.ent_type_ != "PERSON"
        and not any(c.dep_ == "agent" for c in verb.children)
    )


# A company's offices, as an event's object or complement names them.
_COMPANY_OFFICES = frozenset(
    {"ceo", "chairman", "chairwoman", "cfo", "coo", "chief executive"}
)
# How far apart a person's and a company's names tie them, with one of these
# words between ("Apple CEO Steve Jobs", "Steve Jobs, the chief executive
# officer of Apple Inc.", "BP's Tony Hayward").
_TIED_CHARS = 40
_OFFICERS = frozenset(
    {
        "ceo", "chief", "executive", "chairman", "chairwoman", "founder",
        "co-founder", "cfo", "coo", "officer", "boss", "head", "president",
        "director",
    }
)  # fmt: skip


def _names_a_company_office(verb: Token) -> bool:
    """Outside its subject, `verb`'s clause names a company office and no
    name of its own ("resigned from his post as CEO", "was named chief
    executive"; not "Apple CEO Steve Jobs unveiled", nor "as BP's chief
    executive")."""
    for c in verb.children:
        if c.dep_ in _SUBJECTS or c.dep_ in ("ccomp", "advcl", "conj", "relcl"):
            continue
        words = [t for t in c.subtree if t.sent.start == verb.sent.start]
        for k, t in enumerate(words):
            pair = f"{t.lower_} {words[k + 1].lower_}" if k + 1 < len(words) else ""
            if t.lower_ in _COMPANY_OFFICES or pair in _COMPANY_OFFICES:
                office = t.head if t.dep_ == "compound" else t
                return not any(
                    x.pos_ == "PROPN"
                    or x.dep_ == "poss"
                    and x.lower_ not in ("his", "her")
                    for x in office.subtree
                    if x.i != t.i
                )
    return False


def _owned_company_subject(verb: Token) -> bool:
    """The event's subject is a company a pronoun owns: "his company sold",
    "its airline will fly" (a person's or a group's own company, which
    the title resolves to no organisation)."""
    subject = _event_subject(verb)
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and subject.tag_ == "NN"
        and subject.lemma_.lower() in _COMPANY_WORDS
        and any(
            c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their")
            for c in subject.children
        )
    )


def _pull_quote(doc: Doc, end: int) -> bool:
    """The name ending at token `end` heads a pull quote ("Katherine Jackson:
    “Four years won't bring my son back”"): a caption, not the story's
    introduction of its people."""
    return (
        end + 1 < len(doc)
        and doc[end].text == ":"
        and doc[end + 1].text in ("“", '"', "‘")
    )


def _quoted(doc: Doc, i: int) -> bool:
    """Token `i` is inside a quotation of its paragraph."""
    text = doc_text(doc)
    at = doc[i].idx
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count("“") > line.count("”") or line.count('"') % 2 == 1


# Titles written short before a name ("Coast Guard Adm. Thad Allen", "Sen.
# John Kerry"): the word a later description uses ("the admiral").
_TITLE_ABBREVIATIONS = {
    "adm": "admiral", "gen": "general", "sen": "senator", "gov": "governor",
    "rep": "representative", "col": "colonel", "capt": "captain",
    "lt": "lieutenant", "sgt": "sergeant", "maj": "major", "cpl": "corporal",
    "pte": "private", "pvt": "private", "prof": "professor", "cmdr": "commander",
    "supt": "superintendent", "insp": "inspector", "det": "detective",
    "dr": "doctor",
}  # fmt: skip


# Nouns for a performer: "the singer" is the one the article calls "Pop star
# Michael Jackson", "The actor" its "Hollywood star Kevin Costner".
_CELEBRITIES = frozenset(
    {"star", "superstar", "entertainer", "performer", "musician", "singer", "actor"}
)


# Titles that make a name no performer ("Dr Murray", "Judge Pastor").
_NO_PERFORMER = frozenset(
    {
        "dr", "doctor", "judge", "president", "minister", "senator", "officer",
        "detective", "lawyer", "attorney", "prosecutor", "cpl", "pte", "sgt",
    }
)  # fmt: skip


def _titled_so(
    lead: list[str], words: list[str], *, last: bool = False, alike: bool = False
) -> bool:
    """`words` ("admiral", "prime minister") are among `lead`, the words
    written with a name, as its title now (not "Former President", "Vice
    President"); `last`: they end `lead`. `alike`: one performer's noun
    stands for another ("the singer" for "Pop star Michael Jackson")."""
    if alike and words == [w := words[0]] and w in _CELEBRITIES and w not in lead:
        other = next((x for x in lead if x in _CELEBRITIES), None)
        if other is not None:
            words = [other]
    if words[0] not in lead:
        return False
    at = lead.index(words[0])
    if last and at + len(words) != len(lead):
        return False
    return lead[at : at + len(words)] == words and not (at and lead[at - 1] in _NOT_NOW)


_APPOSITION = re.compile(r"\s*,\s*(?:the|an?)\s+([^,.;:()\"“”]{1,60})")
_APPOSITION_ENDS = frozenset(
    {"who", "whose", "which", "that", "of", "and", "at", "for"}
)


def _apposition_words(text: str, end: int) -> list[str]:
    """The words of a description set after a name ending at `end` ("Michael
    Jackson, the singer who ...": ["singer"]), up to 5, before any clause or
    complement of its own; [] where none follows."""
    found = _APPOSITION.match(text, end)
    if found is None:
        return []
    out: list[str] = []
    for w in found.group(1).lower().split():
        if w in _APPOSITION_ENDS or len(out) == 5:
            break
        out.append(w)
    return out


def _unabbreviated(word: str) -> str:
    """A title's full word for its abbreviation ("adm" -> "admiral")."""
    return _TITLE_ABBREVIATIONS.get(word, word)


# Words before a title that make it another office or another time.
_NOT_NOW = frozenset({"former", "ex", "ex-", "vice", "late", "deputy", "then"})
# Person nouns too generic or relational to stand for one named person.
_GENERIC_PEOPLE = frozenset(
    {
        "man", "woman", "mother", "wife", "husband", "son", "daughter",
        "brother", "sister", "resident", "worker", "student", "official",
        "mr", "mrs", "ms", "miss", "sir", "former", "late", "acting", "head",
        "chief", "leader", "executive", "candidate",
    }
)  # fmt: skip


def _description_words(subject: Token) -> list[str] | None:
    """The words of a definite description of one person ("the US
    president" -> ["president"], "the prime minister" -> ["prime",
    "minister"], "the singer"): its head, a title or a person noun, and the
    common words before it (not a country: the article may call him "US
    President" or "President"); None for anything else."""
    head = subject.lemma_.lower()
    misread = subject.tag_ == "JJ" and head in _single_titles()  # "The ... private was"
    if (
        (subject.pos_ != "NOUN" or subject.tag_ != "NN")
        and not misread
        or head in _GENERIC_PEOPLE
        or subject.dep_ not in ("nsubj", "nsubjpass", "poss")
        or not (
            head in _single_titles() or head in _PERSON_NOUNS or head in _CELEBRITIES
        )
    ):
        return None
    words = [subject.lower_]
    for c in subject.children:
        if c.dep_ == "det":
            if c.lower_ != "the":
                return None
        elif c.i < subject.i and c.dep_ in ("amod", "compound"):
            if c.ent_type_ in ("GPE", "NORP", "ORG") or any(
                t.ent_type_ in ("GPE", "NORP") for t in c.subtree
            ):
                continue  # "the US president", "the BP chief", "The Grenada-born private"
            if c.pos_ not in ("NOUN", "ADJ") or any(c.children):
                return None
            words.insert(-1, c.lower_)
        elif c.i > subject.i and _a_date_phrase(c):
            continue  # "The singer on Thursday collapsed", the date parsed as his
        elif c.dep_ == "case" and subject.dep_ == "poss":
            continue  # "The doctor's clinic"
        elif c.i > subject.i and c.lower_ in ("himself", "herself"):
            continue  # "the president himself made"
        elif c.i < subject.i or c.dep_ not in ("punct", "acl", "relcl"):
            return None  # "his lawyer", "the president of the company"
    if not any(c.dep_ == "det" for c in subject.children):
        return None
    return words


def _a_date_phrase(tok: Token) -> bool:
    """`tok` heads a date or time and nothing else ("on Thursday", "last week")."""
    words = [t for t in tok.subtree if not (t.dep_ == "prep" and t.i == tok.i)]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def _previous_subject(tok: Token) -> Token | None:
    """The subject of the main verb of the sentence before `tok`'s, a noun."""
    sent = tok.sent
    if sent.start == 0:
        return None
    root = tok.doc[sent.start - 1].sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN":
            return c
    return None


# Heads of a description of a company or body: the title resolves them.
_COMPANY_WORDS = {
    "company", "group", "committee", "board", "network", "organisation",
    "organization", "union", "association", "fund", "firm", "carrier", "airline", "automaker", "carmaker", "lender", "insurer",
    "giant", "maker", "major", "corporation", "business", "retailer", "bank",
    "manufacturer",
}  # fmt: skip


@cache
def _single_titles() -> frozenset[str]:
    """One-word titles ("president", "minister"): a person's, no thing."""
    return frozenset(t for t in _person_data()["titles"] if " " not in t)


def _thing_noun(subject: Token) -> bool:
    """A noun naming no person, group of people, public body or market."""
    lemma, word = subject.lemma_.lower(), subject.lower_
    return not (
        lemma in _NOT_THINGS
        or lemma in _PERSON_NOUNS
        or lemma in _single_titles()
        or lemma in government_words()
        or word in government_words()
        or word.endswith(_AGENT_SUFFIXES)
        or lemma.endswith(_AGENT_SUFFIXES[:2])
        or lemma.endswith(_PEOPLE_SUFFIXES)
    )


_GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


# Titles that say a person's sex, and a spouse's: a titled mention is not
# the article's full name whose own mentions are titled the other way
# ("President Obama", "Mr Obama" are not "first lady Michelle Obama").
_FEMALE_TITLES = frozenset(
    {
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "madam",
        "lady",
        "dame",
        "queen",
        "princess",
        "congresswoman",
        "chairwoman",
        "spokeswoman",
    }
)
_MALE_TITLES = frozenset(
    {"mr", "mr.", "mister", "sir", "lord", "king", "prince", "congressman"}
)
_SPOUSE = "first lady"
_HEAD_TITLES = frozenset(
    {
        "president",
        "president-elect",
        "vice president",
        "vice-president",
        "prime minister",
        "premier",
        "chancellor",
        "governor",
        "gov.",
        "mayor",
        "king",
        "emperor",
    }
)
_TITLE_QUALIFIERS = frozenset({"former", "ex-", "late", "acting", "interim"})


def _title_marks(doc: Doc, start: int, words: list[str]) -> frozenset[str]:
    """The title words of a person's mention (lower-cased, `start` the
    first one's token), "vice president" and "prime minister" whole, and
    "first lady" for a lady preceded by "first"."""
    marks = {w for w in words if w not in _TITLE_QUALIFIERS}
    joined = f" {' '.join(words)} "
    marks |= {t for t in _HEAD_TITLES if " " in t and f" {t} " in joined}
    if "lady" in words and (
        "first" in words[: words.index("lady")]
        or (start > 0 and doc[start - 1].lower_ == "first")
    ):
        marks.add(_SPOUSE)
    return frozenset(marks)


def _sex(marks: frozenset[str]) -> str | None:
    female, male = bool(marks & _FEMALE_TITLES), bool(marks & _MALE_TITLES)
    return "f" if female and not male else "m" if male and not female else None


def _titles_clash(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """A mention titled `mine` cannot be the person whose mentions are
    titled `theirs`: no title in common, and one sex against the other, or
    a spouse's title against a head's ("first lady" / "President")."""
    if not mine or not theirs or mine & theirs:
        return False
    a, b = _sex(mine), _sex(theirs)
    if a and b and a != b:
        return True
    return (_SPOUSE in theirs and bool(mine & _HEAD_TITLES)) or (
        _SPOUSE in mine and bool(theirs & _HEAD_TITLES)
    )


def _surname(key: str) -> str:
    """The surname of a normalised full name: its last word but a
    generation ("eric h. holder jr." -> "holder")."""
    words = key.replace(",", " ").split()
    while len(words) > 2 and words[-1] in _GENERATIONS:
        words.pop()
    return words[-1]


def _norm_keys(table: dict[str, str]) -> dict[str, str]:
    return {normalise_alias(k): v for k, v in table.items() if k and v}


def _trim_tokens(span: Span) -> tuple[int, int]:
    """Token bounds of an entity without a leading determiner or trailing 's/punct."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (
        doc[s].lower_ in ("the", "a", "an")
        or (doc[s].pos_ == "DET" and s + 1 < e)
        or doc[s].is_punct
        or doc[s].is_space
        or doc[s].tag_ in ("``", "''")
        or _glued_lead_word(doc, s, e)
    ):
        s += 1
    while e > s and (
        doc[e - 1].tag_ == "POS"
        or doc[e - 1].is_punct
        or doc[e - 1].is_space
        or doc[e - 1].pos_ in ("ADP", "DET", "CCONJ")
    ):
        e -= 1
    return s, e


# Capitalised prepositions and adverbs that open a sentence and never a name:
# the tagger glues them to the name after them ("Besides Mexico, the UK and
# Spain, there have also been confirmed cases" -> PERSON "Besides Mexico").
_GLUED_LEAD_WORDS = frozenset(
    {
        "besides", "unlike", "despite", "including", "excluding", "except",
        "meanwhile", "moreover", "furthermore", "nevertheless", "however",
        "alongside", "amid", "amidst", "among", "amongst", "apart", "like",
        "following", "according", "also", "hence", "thus", "whereas",
    }
)  # fmt: skip


# A department's or ministry's word as written, and its canonical form.
_DEPARTMENT_BODIES = {
    "department": "Department",
    "dept": "Department",
    "ministry": "Ministry",
}
# The treasury's names: "U.S. Treasury", "Treasury Dept.", "Department of the
# Treasury", "HM Treasury", a bare "Treasury" (`_one_treasury`).
_TREASURY = re.compile(
    r"(?:(?P<us>u\.?s\.?a?|united states|american|federal) )?"
    r"(?:(?P<hm>hm|her majesty's|his majesty's) )?"
    r"(?:treasury(?P<dept> department| dept\.?)?"
    r"|(?P<dept2>department) of (?:the )?treasury)"
)
_LABOR_SPELLINGS = frozenset({"labor", "labor party", "new labor", "old labor"})
# Words after a bare "House" that make it the US House of Representatives.
_HOUSE_WORDS = frozenset(
    {
        "committee", "subcommittee", "panel", "speaker", "democrats",
        "republicans", "majority", "minority", "vote", "votes", "voted",
        "hearing", "members", "lawmakers", "leaders", "passed", "approved",
        "democratic", "republican",
    }
)  # fmt: skip


def _house_of_congress(doc: Doc, s: int, e: int) -> bool:
    """A bare "House" before a word of Congress's business ("House committee
    on energy and commerce chairman Henry Waxman said", "House Republicans"):
    the House of Representatives, not a house; "the House of Commons" and
    "the White House" are longer names."""
    if e - s != 1 or doc[s].text != "House":
        return False
    if e < len(doc) and doc[e].lower_ in _HOUSE_WORDS:
        return True
    # "The House also approved a separate bill", "passed the House last
    # year", "a U.S. House investigations panel" in a story on Congress
    # (names13); in a British one "the House" is the Commons
    return s > 0 and doc[s - 1].lower_ in ("the", "u.s.", "us") and _congress_story(doc)


def _congress_story(doc: Doc) -> bool:
    """The article names the US Congress or its other chamber and nothing of
    Westminster's."""
    text = doc_text(doc)
    return _CONGRESS.search(text) is not None and _WESTMINSTER.search(text) is None


_CONGRESS = re.compile(
    r"\b(?:Senate|Congress|[Cc]ongressional|Congress(?:wo)?man|Representatives)\b"
)
_WESTMINSTER = re.compile(r"\b(?:Commons|House of Lords|MPs?|Westminster)\b")


def _glued_lead_word(doc: Doc, s: int, e: int) -> bool:
    """The entity's first token is a capitalised preposition or adverb that
    opens its sentence or clause, glued to a name by the tagger ("Besides
    Mexico, the UK and Spain, there have also been confirmed cases"): not a
    word of the name. Only with a name left after it."""
    tok = doc[s]
    return s + 1 < e and tok.lower_ in _GLUED_LEAD_WORDS and tok.text[:1].isupper()


def _clean_name(text: str) -> str:
    text = _WS.sub(" ", text).strip().strip(_EDGE_PUNCT).strip()
    text = _POSSESSIVE.sub("", text).strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    return text


_INTERNATIONAL = frozenset(
    {
        "united",
        "nations",
        "un",
        "u.n.",
        "international",
        "world",
        "european",
        "security",
    }
)
_BARE_TITLE_ABBREVIATIONS = frozenset(
    {"adm", "gen", "col", "capt", "lt", "sgt", "prof", "cmdr", "sen", "rep", "gov"}
)
# Honorifics and ranks written without a dot, British style ("Dr Curtis",
# "Cpl Kenyon"): only before a name, never a word of an organisation's.
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "cpl", "pte", "sgt", "sir", "dame"})
# A photo credit token: "Martin\\/AP", "Clarke/AFP".
_CREDIT = re.compile(r"\w\\?/(?:AP|Reuters|AFP|Getty|EPA|PA|Bloomberg)\b")
# Company nouns that introduce an untagged name as an organisation ("consulting
# firm Accenture", "the technology blog Gizmodo"): kinds of business, not a
# relation ("rival", "partner") nor a work ("label", "paper": "his label Motown").
_DESCRIBED_BY = frozenset(
    {
        "airline", "automaker", "bank", "brand", "broker", "carmaker", "carrier",
        "chain", "company", "conglomerate", "firm", "group", "insurer", "lender",
        "maker", "manufacturer", "network", "operator", "planemaker", "retailer",
        "startup", "subsidiary", "supplier", "website", "blog",
    }
)  # fmt: skip


def _bracketed_credit(doc: Doc, start: int, end: int) -> bool:
    """A person's name as a bracketed credit: "(By Ricky Carioti -- The
    Washington Post)", "(Photo by Jim Watson - AFP)": the photographer's
    line of a picture, nobody of the story."""
    return (
        start >= 2
        and doc[start - 1].lower_ == "by"
        and doc[start - 2].text == "("
        and end < len(doc)
        and doc[end].text in ("--", "-", "—", "–", "/")
    ) or (
        start >= 3
        and doc[start - 1].lower_ == "by"
        and doc[start - 2].lower_ in ("photo", "photograph", "picture")
        and doc[start - 3].text == "("
    )


# A picture's credit in brackets: "(AP Photo\\/Kai Pfaffenbach)", "(AP video)",
# "(Video by AP)", "(Pool Photo By Chip Somodevilla)", "(China Photos Via Getty
# Images)": up to three capitalised words, a picture word, then its maker.
_PICTURE_CREDIT = re.compile(
    r"\((?:[A-Z][\w.&-]*\s+){0,3}(?:[Pp]hoto(?:graph)?s?|[Vv]ideo|[Pp]icture)"
    r"(?:\s*(?:\\?/|[Bb]y\b|[Vv]ia\b|:)[^()\n]{0,80})?\)"
)


def _picture_credits(text: str) -> list[tuple[int, int]]:
    """Character ranges of bracketed picture credits ("(AP Photo\\/Kai
    Pfaffenbach) Freddie Mac reports a loss"): the photographer and the
    agency of a caption's picture, nobody of the event beside it."""
    return [m.span() for m in _PICTURE_CREDIT.finditer(text)]


# A word of a credit inside a person's span: "Photo\\/Sang Tan", "Sang Tan - AP"
# (a wire agency or a photo word is never part of a name).
_CREDIT_WORD = re.compile(
    r"(?:Photo|Photograph|Photos|Picture)(?:\\?/|$)|(?:AP|AFP|Reuters|Getty|EPA)$"
)
# Influenza A subtypes by their two proteins ("H1N1", "H5N1", "H3N2").
_VIRUS_SUBTYPE = re.compile(r"h\d{1,2}n\d{1,2}")
_INITIAL_SKIP = frozenset({"and", "of", "the", "for", "on", "in", "&", "de"})
_THING_HEADS = frozenset({"flu", "influenza", "virus", "strain"})


def _unbalanced_bracket(span: Span) -> int | None:
    """The token index of a bracket the span opens or closes but not both
    ("The World Health Organisation (WHO", "WHO) said"), else None."""
    opened: list[int] = []
    for tok in span:
        if tok.text in ("(", "["):
            opened.append(tok.i)
        elif tok.text in (")", "]"):
            if not opened:
                return tok.i
            opened.pop()
    return opened[0] if opened else None


# Last words of an event's name ("World Wide Developers Conference"), an
# event only where it is attended or held, not where it acts (the
# "Southern Christian Leadership Conference said").
_EVENT_HEADS = frozenset(
    {
        "conference",
        "summit",
        "expo",
        "exhibition",
        "festival",
        "forum",
        "olympics",
        "games",
        "championship",
        "championships",
        "tournament",
        "fair",
        "congress",
        "symposium",
    }
)
# Heads of a show's name ("this Michael Forever concert", "the Bad tour"):
# a title before them is the show's, not a person's.
_SHOW_HEADS = _EVENT_HEADS | {"concert", "tour", "show", "gala", "tribute"}
_ATTENDING_PREPOSITIONS = frozenset(
    {"at", "to", "during", "before", "after", "ahead", "for", "since", "from"}
)
_ATTENDING_VERBS = frozenset(
    {
        "attend",
        "host",
        "open",
        "address",
        "hold",
        "skip",
        "boycott",
        "cancel",
        "postpone",
    }
)


# Words before a name that make it a storm's ("Tropical storm Alex",
# "Hurricane Alex") or, capitalised, a military operation's ("Operation
# Desert Fox"): a thing, not a person, whatever the name's dependency.
_STORM_WORDS = frozenset({"hurricane", "storm", "typhoon", "cyclone", "tornado"})


def _named_storm_or_operation(before: Token | None) -> bool:
    """The word before a name makes it a named storm or operation."""
    return before is not None and (
        before.lower_ in _STORM_WORDS or before.text == "Operation"
    )


def _attended(tok: Token) -> bool:
    """The event's name is where someone goes or what is held: 'a keynote to
    the X', 'at the X', 'attended the X'."""
    if tok.dep_ == "pobj":
        return tok.head.lower_ in _ATTENDING_PREPOSITIONS
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ATTENDING_VERBS


# Nouns of people (general English), beside the title words: an apposition
# of one makes a name a person's ("Keiji Fukuda, a WHO official").
_PERSON_NOUNS = frozenset(
    {
        "official", "expert", "scientist", "researcher", "lawyer", "attorney",
        "adviser", "advisor", "aide", "officer", "manager", "engineer", "nurse",
        "worker", "teacher", "student", "resident", "mother", "wife", "husband",
        "son", "daughter", "brother", "sister", "man", "woman", "singer",
        "actor", "actress", "author", "writer", "activist", "physician",
        "surgeon", "pilot", "soldier", "spokesman", "spokeswoman",
    }
)  # fmt: skip
# Nouns of a body: an acronym a phrase of them defines names an organisation
# ("the joint intelligence committee (JIC)").
_BODY_NOUNS = frozenset(
    {
        "committee",
        "panel",
        "board",
        "group",
        "party",
        "union",
        "association",
        "organisation",
        "organization",
        "council",
        "team",
        "institute",
        "fund",
        "company",
        "bank",
        "network",
    }
)


def _acronyms_of_things(doc: Doc, government_words: frozenset[str]) -> list[str]:
    """Acronyms the article defines by a lower-case phrase of common nouns
    ('a so-called blow out preventer (BOP)', 'gross domestic product
    (GDP)'): things, not organisations (those a body's noun ends are not)."""
    out = []
    for tok in doc:
        if not (
            tok.text == "("
            and tok.i + 2 < len(doc)
            and doc[tok.i + 2].text == ")"
            and doc[tok.i + 1].is_upper
            and doc[tok.i + 1].is_alpha
            and 2 <= len(doc[tok.i + 1].text) <= 6
        ):
            continue
        letters = doc[tok.i + 1].lower_
        words = [
            t.lower_ for t in doc[max(0, tok.i - len(letters)) : tok.i] if t.is_alpha
        ]
        for n in range(len(words), 0, -1):
            phrase = words[-n:]
            if phrase[0][0] == letters[0] and _spells(letters, phrase):
                break
        else:
            continue
        span = doc[tok.i - n : tok.i]
        if (
            all(t.is_lower for t in span if t.is_alpha)
            and phrase[-1] not in government_words
            and phrase[-1] not in _BODY_NOUNS
        ):
            out.append(letters)
    return out


def _defined_acronyms(doc: Doc) -> dict[str, str]:
    """Acronyms the article defines by an organisation's name right before
    them in brackets, whatever their initials ("delivered today to Singapore
    Airlines (SIA)": "SIA" is Singapore Airlines, not a second company). The
    letters must be read off the name in order, its words' first letters
    among them ("SIA" from "SIngapore Airlines"). An acronym defined by two
    names is neither's."""
    out: dict[str, str] = {}
    for ent in doc.ents:
        e = ent.end
        if ent.label_ != "ORG" or e + 2 >= len(doc):
            continue
        if doc[e].text != "(" or doc[e + 2].text != ")":
            continue
        letters = doc[e + 1].text
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            continue
        s, t = _trim_tokens(ent)
        name = _clean_name(doc[s:t].text) if s < t else ""
        words = [w.lower() for w in re.split(r"[\s-]+", name) if w.isalpha()]
        words = [w for w in words if w not in _INITIAL_SKIP]
        if not words or name.upper() == letters or words[0][0] != letters[0].lower():
            continue
        if _spells(letters.lower(), words):
            out[letters] = name if out.get(letters, name) == name else ""
    return {k: v for k, v in out.items() if v}


def _spells(letters: str, words: list[str]) -> bool:
    """Each word's first letter, in order, is one of `letters`, and `letters`
    is read off the words in order ('bop' from 'blowout preventer')."""
    text = "".join(words)
    i = 0
    for ch in letters:
        i = text.find(ch, i)
        if i < 0:
            return False
        i += 1
    starts = [w[0] for w in words]
    j = 0
    for ch in letters:
        if j < len(starts) and ch == starts[j]:
            j += 1
    return j == len(starts)


def _initials(name: str) -> str:
    """'National Oceanic and Atmospheric Administration' -> 'NOAA' (at
    least two capitalised words; '' otherwise)."""
    words = [
        w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _INITIAL_SKIP
    ]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _names_a_thing(doc: Doc, end: int) -> bool:
    """'Spanish' of 'the 1918 Spanish flu pandemic'; 'Hong Kong' of 'Spanish,
    Asian and Hong Kong influenza'."""
    if end < len(doc) and doc[end].lower_ in _THING_HEADS:
        return True
    tok = doc[end - 1]
    for _ in range(4):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.dep_ in ("amod", "compound") and tok.head.lower_ in _THING_HEADS


def _dominant_country(
    mentions: list[Mention], doc: Doc, publisher: str = ""
) -> str | None:
    """The article's main country (`countries.article_home`) from its
    country mentions, comparisons left out."""
    spans = [
        (m.start, m.end, m.value, m.incidental) for m in mentions if m.kind == COUNTRY
    ]
    return article_home(doc, spans, publisher=publisher)


def _plausible_org(span: Span) -> bool:
    """An ORG entity worth keeping: short, and its words are names."""
    if not 0 < len(span) <= 8:
        return False
    if not any(t.pos_ == "PROPN" or t.is_upper for t in span):
        return False
    if any(t.text == "=" or t.text.endswith("=") for t in span):
        return False  # a wire's ticker: "The Singapore dollar SGD= fell"
    return all(
        t.text[:1].isupper() or not t.is_alpha or t.pos_ in ("ADP", "DET", "CCONJ")
        for t in span
    )
