"""Event titles: who did what (to whom), as one clause of about 20 words.

A title is the governing verb's clause, read from the dependency parse: the
subject, the verb group and its objects and complements, without the date,
subordinate and relative clauses, appositions, parentheses and embedded
quotes; too long, it loses its optional parts (prepositional phrases,
modifiers, coordinated phrases), the last first, never a word mid-phrase. The
subject is resolved: a pronoun ("He said", "They met"), a generic description
("The company", "The city") or a missing subject ("Arrives in Tokyo") takes
its referent from the article: the nearest fitting name before it, the subject
of the previous sentences, else the article's main actor. A done event is told
in the past ("Obama says" -> "Obama said"), a scheduled one with "will".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from timeline.extraction import gazetteer
from timeline.extraction.countries import country_code, country_name
from timeline.extraction.entities import (
    COUNTRY,
    ORGANIZATION,
    PERSON,
    ArticleEntities,
    government_words,
)
from timeline.extraction.nlp import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

TITLE_MAX_WORDS = 20
_SPEAKER_MAX_WORDS = 10  # of a title that goes on with what was said
TITLE_MAX_CHARS = 160

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Dependents of the verb that belong in the title, in text order.
_TITLE_DEPS = frozenset(
    [
        "dobj",
        "dative",
        "attr",
        "acomp",
        "oprd",
        "xcomp",
        "ccomp",
        "agent",
        "prep",
        "obj",
        "prt",
    ]
)
# Parts of a phrase that are never in a title: clauses hanging off it,
# appositions, asides.
_NEVER = frozenset({"relcl", "appos", "advcl", "parataxis", "acl", "meta", "dep"})
# Parts a long title loses first (the last one first).
_OPTIONAL = frozenset(
    {"prep", "npadvmod", "advmod", "conj", "amod", "nummod", "quantmod", "ccomp", "acl"}
)
_CHANGE_WORDS = frozenset({"up", "down", "higher", "lower", "off", "back"})
# Adverbs of place that complete a verb: "came ashore", "ran aground".
_PLACE_ADVERBS = frozenset(
    ["ashore", "aground", "abroad", "home", "overboard", "offshore", "apart", "aside"]
    # adverbs the small model parses for a phrasal verb's particle ("passed
    # away", "fought back", "called off", "went ahead")
    + ["away", "back", "off", "out", "ahead", "forward", "together"]
    + ["live"]  # "iAd, which goes live on July 1"
)
# Verbs that set a thing for a date: what they did holds now ("is scheduled").
_SETTING = frozenset(["schedule", "set", "slate", "plan"])
# Verbs told as they are in the present: they announce a plan ("plans to").
_PLANNING = frozenset(
    ["plan", "expect", "intend", "aim", "hope", "want", "seek", "schedule"]
)
_FIRST_PERSON = frozenset({"i", "me", "we", "us", "you"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_THING_PRONOUNS = frozenset({"it"})
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_POSSESSIVES = {"his": PERSON, "her": PERSON, "its": ORGANIZATION}
# What only a company has: "their stocks", "their quarterly profits" are a
# company's (a plural "they" for a company, as news writing often has it).
_HOLDINGS = frozenset(
    ["stock", "share", "profit", "earnings", "revenue", "dividend", "shareholder"]
)
# Heads of a definite description that stand for an organisation or a place
# the article named: "The company said", "the city was flooded".
ORG_HEADS = frozenset(
    [
        "company",
        "firm",
        "group",
        "carmaker",
        "automaker",
        "bank",
        "lender",
        "airline",
        "insurer",
        "retailer",
        "giant",
        "maker",
        "manufacturer",
        "corporation",
        "business",
        "organisation",
        "organization",
        "agency",
        "network",
        "broadcaster",
        "operator",
        "utility",
        "conglomerate",
        "supplier",
        "producer",
        "chain",
        "partnership",
        "major",
        "carrier",
    ]
)
# Of those, the ones that stand for a company, never a public body.
_COMPANY_HEADS = ORG_HEADS - {"agency", "organisation", "organization", "group"}
# "The airline", "the carrier": the company whose written name has one of
# these words (Singapore Airlines, British Airways, Air France).
_AIRLINE_HEADS = frozenset(["airline", "carrier"])
_AIRLINE_NAMES = frozenset(["airline", "airlines", "airways", "air"])
# A company's stock: "the stock", "the shares" are the article's company's.
_STOCK_HEADS = frozenset(["stock", "share"])
# Heads that stand for a country, resolved to a country, not a city.
COUNTRY_HEADS = frozenset(["country", "nation"])
PLACE_HEADS = frozenset(
    ["city", "country", "capital", "state", "nation", "island", "town", "region"]
)
_DANGLING = frozenset(
    [
        "and",
        "or",
        "but",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "that",
        "which",
        "who",
        "the",
        "a",
        "an",
        "as",
        "since",
        "until",
        "than",
        "its",
        "their",
        "his",
        "her",
        "nor",
        "so",
        "because",
        "if",
        "while",
        "when",
        "into",
        "onto",
        "about",
        "after",
        "before",
        "between",
        "during",
        "through",
        "toward",
        "towards",
        "against",
        "amid",
        "among",
        "within",
        "via",
        "upon",
        "over",
        "according",
        "despite",
        "including",
        "regarding",
    ]
)
_BAD_STARTS = frozenset({"CCONJ", "SCONJ", "VERB", "AUX", "PART", "ADP"})
_QUOTE_CHARS = frozenset('"“”«»') | {"``", "''"}
# Adverbs that change what the verb says: never left out.
_NEGATIONS = frozenset(
    {"not", "never", "n't", "rarely", "seldom", "hardly", "barely", "nearly", "almost"}
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_DASHES = frozenset({"-", "--", "–", "—"})
# Words a title never starts with: a conjunction left from a cut clause.
_LEADING = frozenset(
    ["and", "but", "or", "nor", "so", "yet", "also", "then", "meanwhile", "however"]
)
_SPACES = re.compile(r"\s+")
_REPEATED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)
_EMPTIED_PREP = re.compile(r"\b(?:from|on|in|at|since) (to|until|through)\b")
_TRIM = " ,;:–—-\n\t"
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "oprd"})
_SHORT_QUOTE = 4  # tokens, quotation marks included
_WINDOW_SENTENCES = 4  # how far back a pronoun looks for its referent


@cache
def _inflect(lemma: str, tag: str) -> str | None:
    from lemminflect import getInflection

    forms = getInflection(lemma, tag=tag)
    return forms[0] if forms else None


@dataclass
class ArticleContext:
    """What titles of one article share: sentences, names, the main actor."""

    doc: Doc
    entities: ArticleEntities
    sents: list[Span] = field(init=False)
    _starts: list[int] = field(init=False)
    main: dict[str, str] = field(init=False)
    main_actor: str | None = field(init=False)
    _companies: set[str] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.sents = list(self.doc.sents)
        self._starts = [s.start for s in self.sents]
        counts: dict[str, Counter[str]] = {PERSON: Counter(), ORGANIZATION: Counter()}
        for m in self.entities.mentions:
            if m.kind in counts:
                counts[m.kind][m.value] += 1
        self.main = {k: c.most_common(1)[0][0] for k, c in counts.items() if c}
        both = counts[PERSON] + counts[ORGANIZATION]
        self.main_actor = both.most_common(1)[0][0] if both else None

    def sentence_index(self, tok: Token) -> int:
        from bisect import bisect_right

        return bisect_right(self._starts, tok.i) - 1

    def nearest(self, kind: str, before: int, floor: int) -> str | None:
        """The last `kind` mention ending before char `before`, starting at `floor` or later."""
        for m in reversed(self.entities.within(floor, before)):
            if m.kind == kind:
                return m.value
        return None

    def nearest_place(self, before: int, floor: int) -> str | None:
        found = None
        for ent in self.doc.ents:
            if ent.start_char >= before:
                break
            if ent.label_ == "GPE" and ent.start_char >= floor:
                found = ent.text
        return found

    def nearest_company(self, tok: Token, *, subjects: bool = True) -> str | None:
        """'The company', 'the oil major': the company a subject before it in
        its sentence names ("Aer Lingus ... since the formerly state-owned
        company was floated", not the "all-Airbus fleet" between), else the
        last one named before it in the sentence ("cost BP $1.6 bn, the
        energy giant said"), else the same in the sentences before, else the
        article's main one; never a public body ("told Senate committees that the
        company would attempt"). `subjects=False`: the last one named
        ("Pavel Molchanov, an analyst with ..., downgraded the stock")."""
        head, tok = tok, tok.doc[tok.left_edge.i]  # the words before it count
        public = government_words()

        def company(name: str) -> bool:
            return not any(w in public for w in name.lower().split())

        # "the young computer maker" of two Apples: the one named before it
        # whose name, as written, says so ("Apple Computer")
        hints = {c.lower_ for c in head.children if c.dep_ == "compound"}
        # "The airline, which is the third largest in China, signed" after
        # "China Eastern Airlines stated ...", not the "Airbus A320" between:
        # an airline's name says so, a maker's never does (subj12)
        hints |= _AIRLINE_NAMES if head.lemma_.lower() in _AIRLINE_HEADS else set()
        fitting = list(
            dict.fromkeys(
                m.value
                for m in self.entities.within(self.window_start(tok), tok.idx)
                if m.kind == ORGANIZATION
                and company(m.value)
                and hints & set(doc_text(self.doc)[m.start : m.end].lower().split())
            )
        )  # by the names as written: "Apple Computer" is stored as Apple
        if len(fitting) == 1:
            return fitting[0]

        sentence = self.sents[self.sentence_index(tok)]
        clause = _clause_verb(head)
        candidates = [  # not the subject of its own clause: "The Fed was
            c  # informed by the company" is not the Fed
            for c in (self._subjects_before(tok) if subjects else [])
            if clause is None or c.head.i != clause.i
        ]
        own = [c for c in candidates if c.i >= sentence.start]
        main = self.main.get(ORGANIZATION)
        # the subjects of its own sentence, the companies named in it, the
        # subjects of the sentences before, the companies named in them, the
        # article's main one: a known company first ("BP" over "Greenpeace"),
        # then any organisation that is no public body
        for fits in (self._known_company, company):

            def named(start: int, end: int, *, last: bool, fits=fits) -> str | None:
                found = [
                    m.value
                    for m in self.entities.within(start, end)
                    if m.kind == ORGANIZATION and fits(m.value)
                ]
                return (found[-1] if last else found[0]) if found else None

            for cand in own:
                if name := named(cand.left_edge.idx, _end(cand.right_edge), last=False):
                    return name
            if name := named(sentence.start_char, tok.idx, last=True):
                return name
            if name := self._company_written(sentence.start_char, tok.idx, fits):
                return name  # "cost BP $1.6 bn" with no entity label on BP
            for cand in candidates[len(own) :]:
                if name := named(cand.left_edge.idx, _end(cand.right_edge), last=False):
                    return name
            if name := named(self.window_start(tok), tok.idx, last=True):
                return name
            if main and fits(main):
                return main
        return None

    def _known_company(self, name: str) -> bool:
        """A company the article or the shipped table gives a head office:
        its mentions carry a company country ("BP" -> GB)."""
        if self._companies is None:
            at = {
                (m.start, m.end)
                for m in self.entities.mentions
                if m.kind == COUNTRY and m.company
            }
            self._companies = {
                m.value
                for m in self.entities.mentions
                if m.kind == ORGANIZATION and (m.start, m.end) in at
            }
        return name in self._companies

    def _company_written(self, start: int, end: int, company) -> str | None:
        """The last of the article's companies written in text[start:end],
        by its name, whether or not the parse labelled it there."""
        text = doc_text(self.doc)[start:end]
        best, at = None, -1
        for name in {m.value for m in self.entities.mentions if m.kind == ORGANIZATION}:
            if not company(name):
                continue
            for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                if found.start() > at:
                    best, at = name, found.start()
        return best

    def nearest_country(self, before: int, floor: int) -> str | None:
        """'The country': the last country named before it in the window
        (not one only compared with), else the article's own country."""
        for m in reversed(self.entities.within(floor, before)):
            if m.kind == COUNTRY and not m.incidental and not m.company:
                surface = doc_text(self.doc)[m.start : m.end]
                if country_code(surface) is None and not gazetteer.lookup(surface):
                    continue  # a sea ("the Gulf of Mexico"), no country named
                return _with_article(country_name(m.value))
        home = self.entities.home
        return _with_article(country_name(home)) if home else None

    def window_start(self, tok: Token) -> int:
        k = max(0, self.sentence_index(tok) - _WINDOW_SENTENCES)
        return self.sents[k].start_char

    def previous_subject(
        self,
        tok: Token,
        *,
        plural: bool | None,
        actor: bool = False,
        speaks: bool = False,
    ) -> str | None:
        """The subject of the nearest earlier clause that fits, resolved, as
        text. `actor`: "it" doing something to an object ("it closed the
        London HQ"): the nearest subject, or a subject's possessor, that names
        a person or organisation first ("The company's own emissions were ...",
        not "Solar power was allocated ..."); `speaks`: "it" says something,
        a named possessor too ("Standard Chartered's focus on Asia ... It
        announced")."""
        candidates = self._subjects_before(tok)
        for cand in candidates if actor else []:
            if cand.pos_ == "PRON" or cand.tag_ in ("WDT", "WP", "EX"):
                continue
            if cand.pos_ == "PROPN" and self._names_actor(cand):
                break  # the nearest subject below is one
            owner = next((c for c in cand.children if c.dep_ == "poss"), None)
            if (
                owner is not None
                and _is_description(owner, _COMPANY_HEADS)
                and (name := self.nearest_company(owner))
            ):
                return name
            if (  # "Standard Chartered's focus on Asia continues to pay off
                # ... It announced": the named body, not its focus
                speaks
                and owner is not None
                and owner.pos_ == "PROPN"
                # "Alleyn's school ... said": a subject that speaks or acts on
                # something is the actor itself
                and not _speech(cand.head)
                and not any(c.dep_ == "dobj" for c in cand.head.children)
                and not self._is_person(owner)
                and self._names_actor(owner)
                and (
                    name := _render(
                        [t for t in _phrase(owner, set()) if t.dep_ != "case"]
                    )
                )
            ):
                return name
        for cand in candidates:
            if cand.tag_ in ("WDT", "WP", "EX") or cand.lower_ in ("i", "we", "you"):
                continue
            is_plural = _is_plural(cand)
            if plural is not None and is_plural != plural:
                continue
            if cand.pos_ == "PRON":
                continue
            if plural is False and self._is_person(cand):
                continue
            named = [
                c for c in cand.children if c.dep_ == "appos" and c.pos_ == "PROPN"
            ]
            if named and cand.ent_type_ == "GPE":
                cand = named[0]  # "GRAND ISLE, La. -- BP said": BP, not "La."
            if _is_description(cand, _COMPANY_HEADS | COUNTRY_HEADS):
                # "The oil major had said that it would suspend dividends"
                resolved = self.resolve(cand, cand.head)
                if resolved:
                    return resolved
            # without what commas set off: "Apache, worth $29 billion, is
            # ..." -> "it paid" is Apache's
            asides = {
                t.i
                for c in cand.children
                if c.i > cand.i and (c.is_punct or _set_off(c))
                for t in c.subtree
            }
            return _render(_phrase(cand, asides))
        return None

    def person_in(self, tok: Token) -> str | None:
        """The one person named at the end of a subject phrase: 'Apple CEO Steve Jobs'."""
        phrase = [t for t in _phrase(tok, set()) if not t.is_punct]
        last = phrase[-1] if phrase else tok
        end = last.idx + len(last.text)
        if tok.i == last.i or _is_plural(tok):
            return None  # "friends of Cook" are not Cook
        # a name in a clause hanging off the phrase is not its head: "The
        # trial of the doctor accused of causing the death of Michael Jackson"
        names = {
            m.value
            for m in self.entities.within(tok.left_edge.idx, end)
            if m.kind == PERSON and m.end == end  # the name ends the phrase
        }
        return names.pop() if len(names) == 1 else None

    def _continues_a_line(self, k: int) -> bool:
        """Sentence k starts lowercase after one that ends without a full stop."""
        first = self.sents[k][0]
        last = self.sents[k - 1][-1]
        return first.text[:1].islower() and last.text not in (".", "!", "?", "”", '"')

    def _subjects_before(self, tok: Token, *, reported: bool = False) -> list[Token]:
        """Subjects before `tok`: in its sentence, then the earlier sentences', nearest first."""
        k = self.sentence_index(tok)
        out = [
            t
            for t in self.sents[k]
            if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and t.head.i != tok.i
        ]
        out.reverse()
        for j in range(k - 1, max(-1, k - _WINDOW_SENTENCES - 1), -1):
            root = self.sents[j].root
            found = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if reported and _speech(root):  # 'Stolberg writes: "Mr. Obama is now on a
                # quest ...': the reported clause's subject is the nearer one
                found += [
                    s
                    for c in root.children
                    if c.dep_ == "ccomp" and c.i > root.i
                    for s in c.children
                    if s.dep_ in ("nsubj", "nsubjpass")
                ]
            out.extend(sorted(found, key=lambda c: -c.i))
        return out

    def previous_person(self, tok: Token, *, clause: Token | None = None) -> str | None:
        """'He', 'she': the person an earlier subject names; a subject that only
        describes one ("The singer had been dogged ...") stands for the article's
        main person. `clause`: the verb of an object pronoun, whose own subject
        it is not ("Casey replaced him")."""
        sentence = self.sents[self.sentence_index(tok)]
        own = self._person_before_in(sentence, tok)
        for cand in self._subjects_before(tok, reported=True):
            if clause is not None and cand.head.i == clause.i:
                continue
            if own is not None and cand.i < sentence.start:
                return own  # a person its sentence names before it, first
            names = [
                m.value
                for m in self.entities.within(
                    cand.left_edge.idx, cand.right_edge.idx + len(cand.right_edge)
                )
                if m.kind == PERSON
            ]
            if names:
                return names[0]
            if name := self._parsed_person(cand):
                return name
            if cand.lower_ in _PERSON_PRONOUNS:
                continue
            if (
                cand.tag_ == "NN"
                and cand.ent_type_ == ""
                and any(c.lower_ == "the" for c in cand.children)
                and cand.lemma_.lower() not in ORG_HEADS | PLACE_HEADS
            ):
                if named := self._person_named_as(cand):
                    return named  # "The latest speaker ... is Susan Shaw"
                if own is not None:
                    return own  # "The cabinet did not have ... read Patricia
                    # Hewitt's own testimony to this: she first saw it"
                if self.main.get(PERSON):
                    return self.main[PERSON]
        return own

    def _person_before_in(self, sentence: Span, tok: Token) -> str | None:
        """The last person named in `sentence` before `tok`, outside quotes
        and outside the clause of `tok` itself ("After meeting Smith, he
        said" is not Smith)."""
        if any(  # "He may have strong words for Mr Putin, whom he today
            # urged": the "he" before it tells who
            t.lower_ in _PERSON_PRONOUNS and t.dep_ in SUBJECT_DEPS
            for t in sentence
            if t.i < tok.i
        ):
            return None
        clause = _clause_verb(tok)
        inside = {t.i for t in clause.subtree} if clause is not None else set()
        if clause is not None and clause.dep_ == "relcl":
            inside |= {t.i for t in _phrase(clause.head, set())}  # its antecedent
        quoted = _quoted(sentence)
        for m in reversed(self.entities.within(sentence.start_char, tok.idx)):
            if m.kind != PERSON:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.root.i in quoted or span.root.i in inside:
                continue
            return m.value
        return None

    def _person_named_as(self, subject: Token) -> str | None:
        """A description a copula names: "The latest speaker ... is Susan Shaw"."""
        verb = subject.head
        if verb.lemma_ != "be":
            return None
        for attr in verb.children:
            if attr.dep_ != "attr" or attr.i < subject.i:
                continue
            for m in self.entities.within(attr.left_edge.idx, _end(attr.right_edge)):
                if m.kind == PERSON:
                    return m.value
        return None

    def named_by_head(self, tok: Token) -> str | None:
        """'The commission', 'the court': the last organisation named before
        it in the article whose written name ends in that noun ("the White
        House oil spill commission"), else the last fuller description of it
        with a name in it ("the new iCloud service"); not one with modifiers
        of its own ("the Mexican government")."""
        if not _is_description(tok, frozenset([tok.lemma_.lower()])):
            return None
        word = tok.text.lower()
        for m in reversed(self.entities.within(0, tok.left_edge.idx)):
            if m.kind != ORGANIZATION:
                continue
            written = doc_text(self.doc)[m.start : m.end].split()
            if len(written) > 1 and written[-1].lower() == word in government_words():
                return m.value  # "the White House oil spill commission"
        if any(c.dep_ not in _BARE_PARTS for c in tok.children):
            return None  # "the Mexican government" is no other one named before
        lemma = tok.lemma_.lower()
        own = {t.lower_ for t in tok.subtree if t.dep_ == "compound"}
        orgs = {
            w
            for m in self.entities.mentions
            if m.kind == ORGANIZATION
            for w in m.value.split()
        }
        for t in reversed(self.doc[: tok.left_edge.i]):
            if t.pos_ != "NOUN" or t.lemma_.lower() != lemma or t.tag_ != "NN":
                continue
            if not t.text.islower():
                continue  # "Outbreak Threatens ...": a headline's words
            before = [
                c for c in t.children if c.i < t.i and c.dep_ in ("compound", "amod")
            ]
            if not own <= {x.lower_ for c in before for x in c.subtree}:
                continue  # "the oil spill" is not "the April spill"
            names = [
                x
                for c in before
                for x in c.subtree
                if x.pos_ == "PROPN" and x.ent_type_ not in ("DATE", "TIME")
            ]
            if any(
                x.ent_type_ in ("ORG", "PRODUCT")
                or x.text in orgs  # "BP oil spill cost hits ...", BP unlabelled
                for x in names
            ):
                return None  # "the BP oil spill": the title would make BP an actor
            if names:
                # an earlier, fuller description: "the White House oil spill
                # commission investigating the BP disaster" for "The commission"
                words = list(self.doc[t.left_edge.i : t.i + 1])
                while words and words[0].dep_ in ("det", "poss", "case"):
                    words = words[1:]  # "its United Kingdom iTunes store"
                if any(w.dep_ == "nummod" for w in words):
                    continue  # "the 60 Boeing 787 Dreamliner aircraft": some of them
                if any(w.is_punct for w in words) or len(words) > 8:
                    return None
                return "the " + _render(words)
        return None

    def titled_person(self, tok: Token) -> str | None:
        """'The president', 'the chairman': the person the article named with
        that title before it ("President Barack Obama" for "the president
        stopped all oil drilling in the Gulf"); of two, the one it names most,
        else the first named (Obama, not "President Clinton" of a law's history)."""
        if not _is_description(tok, _ROLE_HEADS) or any(
            c.dep_ in ("amod", "compound") for c in tok.children
        ):
            return None  # "the Mexican president" is one of its own
        title = re.compile(rf"(?<!\w){re.escape(tok.text)}\s+$", re.IGNORECASE)
        titled: list[str] = []  # nearest first
        for m in reversed(self.entities.within(0, tok.left_edge.idx)):
            if m.kind != PERSON:
                continue
            before = doc_text(self.doc)[max(0, m.start - len(tok.text) - 2) : m.start]
            written = doc_text(self.doc)[m.start : m.end].split()  # "President Obama"
            if (
                title.search(before) or written[0].lower() == tok.lower_
            ) and m.value not in titled:
                titled.append(m.value)
        if not titled:
            return None
        counts = Counter(m.value for m in self.entities.mentions if m.kind == PERSON)
        # of a tie, the first the article named: its own president, not the
        # one of a law's history named since
        return max(reversed(titled), key=lambda name: counts[name])

    def counted_assets(self, tok: Token) -> tuple[int, str] | None:
        """'Two more plants will close in 2008': a count of a company's own
        things (plants, stores; not jobs, which an economy loses) with no
        owner named is the article's company's: its name goes before the noun ("Two more Ford plants")."""
        company = self.entities.main_company
        if (
            company is None
            or tok.lemma_.lower() not in _ASSET_HEADS
            or tok.tag_ != "NNS"
            or not any(c.dep_ == "nummod" for c in tok.children)
        ):
            return None
        for c in tok.children:
            if c.i < tok.i and c.dep_ not in ("nummod", "amod", "det", "advmod"):
                return None  # "Ford's two plants", "two assembly plants"
            if c.i < tok.i and any(t.pos_ == "PROPN" for t in c.subtree):
                return None
        if any(t.pos_ == "PROPN" for t in tok.subtree):
            return None  # "two plants in Ontario" name where
        return tok.i, f"{company} {tok.text}"

    def possessor(self, tok: Token) -> str | None:
        """'His', 'her': a person named before it in its sentence, else in the
        one before; in each, a subject first, else the nearest, never one
        inside a quote. None if neither names one: "His intervention" after
        "the consent of the attorney-general" is not George Bush's, named in
        "a dispute between Tony Blair and George Bush" two sentences back."""
        k = self.sentence_index(tok)
        for sent in (self.sents[k], self.sents[k - 1] if k > 0 else None):
            if sent is None:
                continue
            people = []
            for m in reversed(self.entities.within(sent.start_char, tok.idx)):
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if m.kind != PERSON or span is None or span.root.i in _quoted(sent):
                    continue
                people.append((span.root, m.value))
            for head, name in people:  # not "want King Carl XVI Gustaf to take part"
                if head.dep_ in ("nsubj", "nsubjpass") and head.head.tag_ != "VB":
                    return name
            if people:
                return people[0][1]
        return None

    def _parsed_person(self, cand: Token) -> str | None:
        """A subject the parse calls a person though no person mention covers
        it ("Steve Jobs has been fighting pancreatic cancer", Jobs read as an
        organisation): its name, or the article's one person of that surname;
        never a person named further back ("He" is not Tim Cook)."""
        if cand.pos_ != "PROPN":
            return None
        courtesy = _courtesy_title(cand)
        if cand.ent_type_ != "PERSON" and courtesy is None:
            return None
        parts = [
            t
            for t in cand.subtree
            if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.i <= cand.i
        ]
        if courtesy is not None and not parts:
            # "Dr Curtis, head of the Department of the Ancient Near East at
            # the British Museum, has worked ...", Curtis read as an
            # organisation: a courtesy title before a name makes it a person's
            parts = list(cand.doc[courtesy.i : cand.i + 1])
        full = {
            m.value
            for m in self.entities.mentions
            if m.kind == PERSON and m.value.split()[-1] == cand.text
        }
        if len(full) == 1:
            return full.pop()
        if full:
            return None  # two people of that surname: the mentions decide
        return " ".join(t.text for t in parts) or None

    def _names_actor(self, tok: Token) -> bool:
        """A person or organisation mention covers the head word `tok`, or
        it is a name the parse gives no other type ("BP", unlabelled)."""
        if any(c.dep_ == "nummod" for c in tok.children):
            return False  # "the Airbus 380", "the Boeing 787": a model, a thing
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "ORG", "PERSON"):
            return True
        return any(
            m.kind in (PERSON, ORGANIZATION) and m.start <= tok.idx < m.end
            for m in self.entities.within(tok.left_edge.idx, _end(tok.right_edge))
        )

    def _reporting_organisation(self, it: Token) -> str | None:
        """'The National Oceanic and Atmospheric Administration said on Friday
        it had begun work': "it" in what an organisation named as the speech
        verb's subject says is that organisation."""
        clause = it.head
        if it.dep_ != "nsubj" or clause.dep_ != "ccomp" or not _speech(clause.head):
            return None
        verb = clause.head
        speaker = max(  # the nearest: not a dateline parsed as a subject
            (c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i),
            key=lambda c: c.i,
            default=None,
        )
        if speaker is None or self._is_person(speaker):
            return None
        if speaker.pos_ == "NOUN" and not _is_plural(speaker):
            if _is_description(speaker, _COMPANY_HEADS | ORG_HEADS):
                return self.resolve(speaker, verb)  # "The company said it ..."
            return None
        if speaker.pos_ != "PROPN" or speaker.ent_type_ not in ("", "ORG"):
            return None
        ent = next((e for e in it.doc.ents if e.start <= speaker.i < e.end), None)
        if any(  # "BP and Transocean said": no one "it"
            c.dep_ == "conj" and (ent is None or not ent.start <= c.i < ent.end)
            for c in speaker.children
        ):
            return None
        asides = {
            t.i
            for c in speaker.children
            if c.i > speaker.i and (c.is_punct or _set_off(c))
            for t in c.subtree
        }
        phrase = _phrase(speaker, asides)
        cut = max(  # "... 7:25 pm EDT ROBERT, Louisiana - BP Plc said": a dateline
            (t.i for t in phrase if t.i < speaker.i and t.text in _DASHES), default=-1
        )
        if ent is not None:  # "United States automobile company General
            # Motors announced it has lost": the name, not its description
            cut = max(cut, ent.start - 1)
        return _render([t for t in phrase if t.i > cut]) or None

    def _is_person(self, tok: Token) -> bool:
        return any(
            m.kind == PERSON
            for m in self.entities.within(tok.left_edge.idx, tok.right_edge.idx + 1)
        )

    def resolve(self, subject: Token | None, anchor: Token) -> str | None:
        """A name for a pronoun, generic or missing subject; None to keep it as is."""
        floor = self.window_start(anchor)
        if subject is None:
            k = self.sentence_index(anchor)
            if k > 0 and self._continues_a_line(k):
                # "... former Sen. Paul Simon (D-Ill.)\ntried to get Dodd ...":
                # a line broken after its subject
                prev = self.sents[k - 1]
                for m in reversed(self.entities.within(prev.start_char, prev.end_char)):
                    if m.kind in (PERSON, ORGANIZATION):
                        return m.value
            return (
                self.previous_subject(anchor, plural=None) if k > 0 else None
            ) or self.main_actor
        word = subject.lower_
        before = subject.idx
        if word in _FIRST_PERSON:
            speaker = speaker_of(subject.head)
            if speaker is None:
                return None
            return self.resolve(speaker, speaker.head) or _render(
                _phrase(speaker, set())
            )
        if word in _PERSON_PRONOUNS:
            return (
                self.previous_person(subject)
                or self.nearest(PERSON, before, floor)
                or self.main.get(PERSON)
            )
        if word in _THING_PRONOUNS:
            if (
                any(
                    c.dep_ == "ccomp" and c.i > subject.i for c in subject.head.children
                )
                # "It announced this morning that its wholesale banking arm
                # ...": a speaker, not an extraposed "it"
                and not (
                    _speech(subject.head)
                    and subject.dep_ == "nsubj"
                    and not any(c.dep_ == "auxpass" for c in subject.head.children)
                )
            ) or _extraposed(subject):
                return None  # "it was announced that ...": no referent
            if (speaker := self._reporting_organisation(subject)) is not None:
                return speaker  # "NOAA said on Friday it had begun work"
            if (thing := _undergoer_before(subject, self._names_actor)) is not None:
                return _render(_phrase(thing, set()))
            actor = subject.dep_ == "nsubj" and (
                any(c.dep_ == "dobj" for c in subject.head.children)
                or _speech(subject.head)  # "It announced ... that": a speaker
            )
            return (
                self.previous_subject(
                    subject,
                    plural=False,
                    actor=actor,
                    speaks=subject.dep_ == "nsubj" and _speech(subject.head),
                )
                or self.nearest(ORGANIZATION, before, floor)
                or self.main.get(ORGANIZATION)
            )
        if word in _PLURAL_PRONOUNS:
            return self.previous_subject(subject, plural=True)
        if _is_description(subject, _COMPANY_HEADS):
            return self.nearest_company(subject)
        if _is_description(subject, ORG_HEADS):
            return self.nearest(ORGANIZATION, before, floor) or self.main.get(
                ORGANIZATION
            )
        if _is_description(subject, COUNTRY_HEADS):
            return self.nearest_country(before, floor)
        if _is_description(subject, PLACE_HEADS):
            return self.nearest_place(before, floor)
        return None

    def descriptions(self, tokens: list[Token], named: str) -> dict[int, str]:
        """Definite descriptions among a title's words, by the names they
        stand for: "told senators that the company would attempt" -> BP,
        "the country's currency" -> South Korea's, "downgraded the stock" ->
        BP's stock. Only where the article resolves them, and not to a name
        the title already gives ("BP sued the company" stays)."""
        present = {t.i for t in tokens}
        replace: dict[int, str] = {}
        for tok in tokens:
            if (
                tok.dep_ == "poss"
                and tok.i - 1 in present
                and (person := self.entities.described_person(tok))
                and person not in named
            ):  # "The doctor's clinic" -> "Conrad Murray's clinic"
                det = tok.doc[tok.i - 1]
                if det.lower_ == "the" and det.head.i == tok.i:
                    replace[det.i], replace[tok.i] = "", person
                    continue
            stock = _is_description(tok, _STOCK_HEADS, plural=True)
            if not stock and not _is_description(tok, ORG_HEADS | COUNTRY_HEADS):
                continue
            before = list(tok.doc[tok.left_edge.i : tok.i])  # "the Craiova-based"
            if any(c.i not in present for c in before):
                continue
            anchor = before[0] if before else tok
            floor = self.window_start(tok)
            if stock or tok.lemma_.lower() in _COMPANY_HEADS:
                name = self.nearest_company(tok, subjects=not stock)
            elif tok.lemma_.lower() in ORG_HEADS:
                name = self.nearest(ORGANIZATION, anchor.idx, floor)
            elif tok.dep_ == "poss":  # "the country's currency"; not "the
                # soul of the country", "addressed the nation"
                name = self.nearest_country(anchor.idx, floor)
            else:
                continue
            if not name or name in named:
                continue
            first, *rest = before
            if stock:  # "the stock" -> "BP's stock"
                replace[first.i] = f"{name}’s"
                replace.update({c.i: "" for c in rest})
                continue
            replace[first.i] = name
            replace.update({c.i: "" for c in rest})
            replace[tok.i] = ""
            if name.endswith("s"):  # "the United States’ currency"
                for c in tok.children:
                    if c.dep_ == "case":
                        replace[first.i], replace[c.i] = f"{name}’", ""
        return replace


_NOT_THINGS = frozenset(
    ["DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "PERSON", "ORDINAL"]
)


# What a bare description ("the sale, which is expected to ...") may have.
_BARE_PARTS = frozenset({"det", "compound", "punct", "relcl", "acl", "appos"})
# Courtesy titles and ranks written before a surname: "Dr Curtis", "Mr Blair",
# "Adm Allen". Whatever the parse calls the name, it is a person's.
_COURTESY_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mister",
        "sir",
        "dame",
        "lord",
        "lady",
        "dr",
        "prof",
        "professor",
        "rev",
        "sen",
        "rep",
        "gov",
        "gen",
        "adm",
        "col",
        "capt",
        "sgt",
        "lt",
        "cpl",
        "maj",
    ]
)


def _courtesy_title(name: Token) -> Token | None:
    """The courtesy title written right before the name `name` ("Dr" of "Dr
    Curtis"), with only capitalised name words between; None if there is none."""
    doc, i = name.doc, name.i - 1
    while i >= name.sent.start and doc[i].pos_ == "PROPN" and doc[i].head.i == name.i:
        word = doc[i].lower_.rstrip(".")
        if word in _COURTESY_TITLES and doc[i].text[:1].isupper():
            return doc[i]
        i -= 1
    return None


def _undergoer_before(it: Token, actor: Callable[[Token], bool]) -> Token | None:
    """'BP was operating the Deepwater Horizon drilling rig when it exploded',
    'Boeing has received five orders ... for the 777-200LR since it was
    announced': "it" as the subject of an adverbial clause that does nothing
    to anything (no object: it exploded, was announced) is the thing the
    clause it hangs on named before it, the nearest singular one, not that
    clause's agent (a person or organisation, `actor`: not "the Airbus 380
    will wear the livery ... when it arrives"); or what the relative clause
    it hangs on is about. A clause with an object of its own ("when it held
    its conference") keeps the agent."""
    clause = it.head
    if it.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl":
        return None
    if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in clause.children):
        return None
    main = clause.head
    if main.pos_ not in ("VERB", "AUX"):
        return None
    found = None
    agents = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
    if main.dep_ != "relcl" and (not agents or not actor(agents[0])):
        return None
    for c in main.children:
        if c.i > it.i:
            break
        nouns = [c] if c.dep_ in ("dobj", "attr") else []
        if c.dep_ == "prep":
            nouns = [p for p in c.children if p.dep_ == "pobj"]
        for n in nouns:
            if (
                n.tag_ in ("NN", "NNP")
                and n.ent_type_ not in _NOT_THINGS
                and any(k.dep_ in ("det", "compound") for k in n.children)
                and not any(k.dep_ == "conj" for k in n.children)
                and not any(k.dep_ == "poss" for k in n.children)
            ):
                found = n
    if found is None and main.dep_ == "relcl":
        # "Suvarnabhumi airport, which has suffered various incidents since it
        # opened": what the relative clause is about
        head = _antecedent(main)
        if head.tag_ in ("NN", "NNP") and head.ent_type_ not in _NOT_THINGS:
            found = head
    return found


def _with_article(name: str) -> str:
    """'the United States', 'the Philippines', 'the Czech Republic'; 'Norway'."""
    if name.startswith("United ") or name.endswith(("Republic", "s", "Islands")):
        return f"the {name}"
    return name


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause a noun is in."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _end(tok: Token) -> int:
    return tok.idx + len(tok)


def _is_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def _is_description(tok: Token, heads: frozenset[str], *, plural: bool = False) -> bool:
    """'The company', 'the carmaker', 'the oil major': a head noun with only
    'the', adjectives and common nouns before it ("the British oil firm"),
    nothing after it."""
    if tok.lemma_.lower() not in heads or tok.tag_ not in (
        ("NN", "NNS") if plural else ("NN",)
    ):
        return False
    det = [c for c in tok.children if c.dep_ == "det"]
    if not det or det[0].lower_ not in ("the", "this") or det[0].i > tok.i:
        return False
    for c in tok.children:
        if c.i > tok.i and c.dep_ not in ("punct", "appos", "relcl", "acl", "case"):
            return False  # "shares in BP", "the bank of England"
        if c.dep_ not in _DESCRIPTION_PARTS:
            return False
        if c.dep_ == "compound" and (c.pos_ != "NOUN" or any(c.children)):
            return False  # "the BP company"
        if c.dep_ in ("amod", "compound") and (
            c.lower_ in _OTHER_ONE or c.tag_ in ("JJS", "JJR")
        ):
            return False  # "the other company", "the largest bank"
        if c.dep_ == "amod" and any(t.pos_ == "PROPN" for t in c.subtree):
            return False  # "the Craiova-based car maker": a company of its own
    return True


# Offices a person is named with ("President Barack Obama", "BP Chairman
# Carl-Henric Svanberg"), so "the president" later is that person.
_ROLE_HEADS = frozenset(
    [
        "president",
        "chairman",
        "chairwoman",
        "chancellor",
        "premier",
        "governor",
        "senator",
        "mayor",
        "pope",
        "commissioner",
    ]
)

# A company's own things, counted: "Two more plants will close" is the
# article's company's.
_ASSET_HEADS = frozenset(
    ["plant", "factory", "store", "branch", "outlet", "mill", "refinery"]
)

_DESCRIPTION_PARTS = frozenset(
    {"det", "amod", "compound", "punct", "appos", "relcl", "acl", "case"}
)
# Modifiers that make a description point at another one than the article's
# own: "the other company", "its parent company", "a rival bank".
_OTHER_ONE = frozenset(
    [
        "other",
        "another",
        "rival",
        "new",
        "former",
        "same",
        "parent",
        "sister",
        "holding",
        "subsidiary",
        "joint",
        "first",
        "second",
        "third",
        "last",
        "next",
        "previous",
        "second-largest",
        "foreign",
        "whole",
    ]
)


def speaker_of(verb: Token) -> Token | None:
    """The subject of the speech verb a quoted or reported clause hangs on.

    '"We will win," Obama said': Obama. None outside reported speech.
    """
    tok = verb
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ not in ("ccomp", "parataxis", "conj", "xcomp", "advcl"):
            return None
        tok = tok.head
        if _speech(tok):
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _FIRST_PERSON:
                    return c
            return None
    return None


def _without_timestamp(subject: Token, tokens: list[Token]) -> list[Token]:
    """A person's name with the byline's time stamp parsed into its phrase
    ("Wednesday 18 May 2005 01.13 BST George Galloway, then a Labor MP, first
    went to Iraq"): the name alone, when a date, a time or a number stands
    before it."""
    if subject.ent_type_ != "PERSON":
        return tokens
    start = subject.i
    while start > 0 and subject.doc[start].ent_iob_ == "I":
        start -= 1
    prefix = [t for t in tokens if t.i < start]
    if any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in prefix):
        return [t for t in tokens if t.i >= start]
    return tokens


_VAGUE_DETERMINERS = frozenset(["the", "this", "that", "these", "those", "my", "our"])


def _vague(subject: Token, tokens: list[Token]) -> bool:
    """'the center', 'my mother': a common noun with a definite or first-person
    determiner and no name in its phrase, which stands for nothing named."""
    return (
        subject.pos_ == "NOUN"
        and bool(tokens)
        and tokens[0].lower_ in _VAGUE_DETERMINERS
        and tokens[0].head.i == subject.i
        and not any(t.pos_ == "PROPN" or t.like_num for t in tokens)
    )


def _antecedent(relcl: Token) -> Token:
    """What a relative clause is about: its head noun, or the subject of the
    copula that noun complements ("The Merval index is another one that fared
    badly" -> the Merval index)."""
    head = relcl.head
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        for c in head.head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON":
                return c
    if (person := _described_person(relcl)) is not None:
        return person
    if (noun := _agreeing_noun(relcl)) is not None:
        return noun
    if (noun := _bracketed_noun(relcl)) is not None:
        return noun
    if (first := _joint_conjuncts(relcl)) is not None:
        return first
    return head


_RECIPROCALS = frozenset(["together", "jointly"])


def _joint_conjuncts(relcl: Token) -> Token | None:
    """'the companies Daimler-Benz (Mercedes-Benz) and Chrysler, which merged
    together in 1998 to make DaimlerChrysler': a ", which" clause of a joint
    act ("together", "each other", "one another") hung on the last conjunct
    is about them all: the first conjunct, whose phrase holds the others."""
    head = relcl.head
    if head.dep_ != "conj" or head.head.pos_ not in ("NOUN", "PROPN"):
        return None
    start = relcl.left_edge
    if start.i < 1 or start.nbor(-1).text != "," or start.tag_ not in ("WDT", "WP"):
        return None
    words = {t.lower_ for t in relcl.subtree}
    joint = (
        any(c.dep_ == "advmod" and c.lower_ in _RECIPROCALS for c in relcl.children)
        or ("other" in words and "each" in words)
        or ("another" in words and "one" in words)
    )
    return head.head if joint else None


def _bracketed_noun(relcl: Token) -> Token | None:
    """'the manufacturer of the iPhone (which was presented on Wednesday for
    the first time)': a relative clause in brackets is about the noun right
    before the bracket, not one the parse hung it on further back."""
    start = relcl.left_edge
    if start.i < 2 or start.tag_ not in ("WDT", "WP"):
        return None
    bracket = start.nbor(-1)
    if bracket.text != "(":
        return None
    before = bracket.nbor(-1)
    if before.i == relcl.head.i or before.pos_ not in ("NOUN", "PROPN"):
        return None
    return before


def _agreeing_noun(relcl: Token) -> Token | None:
    """'most United Auto Workers (UAW) union members - 62,000 at GM, which is
    seeking to cut 31,500 jobs': a ", which" clause whose verb does not agree
    with the noun the parse hung it on (plural "Workers", singular "is") is
    about the noun right before the comma, when that one agrees."""
    words = [c for c in relcl.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(words) != 1 or words[0].lower_ not in ("which", "who", "that"):
        return None
    word = words[0]
    if word.i < 2 or word.nbor(-1).text != ",":
        return None
    before = word.nbor(-2)
    if before.i == relcl.head.i or before.pos_ not in ("NOUN", "PROPN"):
        return None
    finite = [t for t in relcl.children if t.dep_ in ("aux", "auxpass")] + [relcl]
    tags = {t.tag_ for t in finite if t.tag_ in ("VBZ", "VBP")}
    if tags == {"VBZ"} and _is_plural(relcl.head) and not _is_plural(before):
        return before
    if tags == {"VBP"} and not _is_plural(relcl.head) and _is_plural(before):
        return before
    return None


def _described_person(relcl: Token) -> Token | None:
    """'Idris Bazis, 41, a French-Algerian with a French passport, who blew
    himself up': a "who" clause set off by a comma, that the parse hung on a
    thing in a prepositional phrase of a person's apposition, is about the
    person named: the name the appositions describe."""
    head = relcl.head
    if not any(c.tag_ == "WP" and c.lower_ in ("who", "whom") for c in relcl.children):
        return None
    if relcl.left_edge.i == 0 or relcl.doc[relcl.left_edge.i - 1].text != ",":
        return None
    if head.pos_ != "NOUN" or head.ent_type_ or head.dep_ != "pobj":
        return None
    noun = head.head.head  # the noun the phrase "with a French passport" is on
    if head.head.dep_ != "prep" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head
    if noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
        return noun
    return None


def _proper_apposition(tok: Token) -> Token | None:
    """The name in apposition to a common-noun subject: 'Irish airline, Ryanair,'."""
    if tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON":
        # "BP's CEO, Tony Hayward,", "President of the United States Barack
        # Obama": a title the parse reads as a name, and the person's name
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
                return c
        return None
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            return c
    return None


_FLOATING = frozenset(["each", "both", "all"])


def _quantified(subject: Token) -> Token | None:
    """The noun a floating quantifier parsed as the subject follows: "The
    three major US stock market indices each fell two percent" -> indices."""
    if subject.lower_ not in _FLOATING or any(subject.children) or subject.i == 0:
        return None
    before = subject.doc[subject.i - 1]
    noun = before if before.dep_ in SUBJECT_DEPS else None
    if (
        noun is None
        or noun.head.i != subject.head.i
        or noun.pos_
        not in (
            "NOUN",
            "PROPN",
        )
    ):
        return None
    return noun


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with or completes."""
    tok = verb
    for _ in range(6):
        # of two subjects, the nearest before the verb ("AP ROBERT, Louisiana
        # -- BP admitted ...": a dateline parsed as a subject)
        subjects = sorted(
            (c for c in tok.children if c.dep_ in SUBJECT_DEPS),
            key=lambda c: (c.i > tok.i, -c.i if c.i < tok.i else c.i),
        )
        if words := [c for c in subjects if not c.is_punct]:
            subjects = words  # "The Treasury Dept. says": "." is no one
        for child in subjects[:1]:
            if (noun := _quantified(child)) is not None:
                return noun  # "The three major US stock market indices each fell"
            if child.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                return _antecedent(tok)  # "Akerson, who was appointed ..."
            if (
                child.tag_ in ("WDT", "WP")
                and tok.dep_ == "ccomp"
                and tok.head.dep_ == "relcl"
            ):  # "The static kill, which officials say could start late Monday"
                return _antecedent(tok.head)
            return child
        if tok.dep_ == "relcl":
            return _antecedent(tok)
        if (entry := _entry_subject(tok)) is not None:
            return entry  # "June 14 - Obama, on his fourth trip ..., says"
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if (
            tok.dep_ == "pcomp"
            and tok.tag_ in ("VBG", "VBN")
            and tok.head.dep_ == "prep"
            and tok.head.head.pos_ in ("VERB", "AUX")
        ):  # "Despite being given a major facelift in 2002, the Falcon's
            # bodyshell dates back to 1998": the gerund's subject is the clause's
            tok = tok.head.head
            continue
        break
    return None


def _entry_subject(verb: Token) -> Token | None:
    """A chronology's entry "June 14 - Obama, on his fourth trip to the Gulf,
    says he will ...": the name after the date's dash, parsed into the date
    phrase that opens the clause, is the subject of a verb that has none."""
    for date in verb.children:
        if date.dep_ != "npadvmod" or date.i > verb.i or date.ent_type_ != "DATE":
            continue
        for name in date.children:
            if (
                name.dep_ == "appos"
                and name.pos_ == "PROPN"
                and name.i > date.i
                and any(t.text in _DASHES for t in name.doc[date.i : name.i])
            ):
                return name
    return None


# Verbs of deciding: "It is decided to slaughter all swine herds" has no referent.
_DECIDING = frozenset(["decide", "agree", "propose", "recommend", "resolve", "order"])


def _extraposed(it: Token) -> bool:
    """'It took more than two months to plug a similar well', 'It is hard to
    say', 'It is decided to slaughter': "it" holds the place of the
    infinitive after the verb and stands for nothing named before."""
    verb = it.head
    infinitive = [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        and c.i > verb.i
        and any(a.tag_ == "TO" and a.dep_ == "aux" for a in c.children)
    ]
    if not infinitive or it.i > verb.i:
        return False
    lemma = verb.lemma_.lower()
    if lemma == "take":  # the time or the effort it took
        return any(c.dep_ == "dobj" for c in verb.children)
    if lemma == "be":
        return any(c.dep_ in ("acomp", "attr") for c in verb.children)
    return it.dep_ == "nsubjpass" and lemma in _DECIDING


def _reporting_we(verb: Token) -> Token | None:
    """The speech verb a quoted clause told by "we" hangs on, right above it."""
    if verb.dep_ != "ccomp" or not _speech(verb.head) or verb.i > verb.head.i:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "we" for c in verb.children):
        return None
    if speaker_of(verb) is None:
        return None
    return verb.head


# First-person hedges around what was said: "I think the impact ... is modest".
_HEDGES = frozenset(["think", "believe", "guess", "feel", "suppose", "reckon"])


def _hedged(verb: Token) -> Token | None:
    """The clause an "I think" wraps: 'told Sky News: “I think the
    environmental impact ... is likely to have been very modest”' -> the
    impact."""
    if verb.lemma_.lower() not in _HEDGES:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children):
        return None
    if any(c.dep_ in ("neg", "aux") for c in verb.children):
        return None  # "I don't think", "I would think": not a mere hedge
    inner = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    return inner[0] if len(inner) == 1 else None


def _when_clause(verb: Token, skip: set[int]) -> Token | None:
    """'That hiatus ended on May 10, 1940, when Hitler invaded Belgium': a
    clause whose subject only points back ("that hiatus", "this") with a
    "when" clause on its date: the when clause tells what happened."""
    subject = subject_of(verb)
    if subject is None or (subject.head.i != verb.i and not _thing_relative(verb)):
        return None
    pointing = subject.lower_ in _DEMONSTRATIVES or any(
        c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in subject.children
    )
    if not pointing and not _thing_relative(verb) and not _frame(verb):
        return None
    for tok in verb.subtree:
        if (
            tok.i > verb.i
            and tok.pos_ in ("VERB", "AUX")
            and (
                (tok.dep_ == "advcl" and tok.head.i == verb.i)
                or (tok.dep_ == "relcl" and tok.head.i in skip)
            )
            and any(c.lower_ == "when" and c.i < tok.i for c in tok.children)
            and any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        ):
            return tok
    return None


# Nouns of a turn in someone's fortunes: "hit a roadblock", "suffered a
# setback", "lost a legal skirmish" only frame the "when" clause that tells
# what happened.
_TURN_NOUNS = frozenset(
    ["roadblock", "setback", "blow", "snag", "hitch", "hurdle", "obstacle"]
    + ["skirmish", "reversal", "defeat", "victory", "boost", "win", "battle"]
    # a reaction stirred up: "sparked controversy last week when he told the
    # Guardian that ...", "caused an uproar when"
    + ["controversy", "outrage", "uproar", "furore", "furor", "anger", "fury"]
    + ["criticism", "backlash", "storm", "row", "alarm", "consternation"]
)


# Nouns of something delivered whose relative clause "in which" tells what it
# did: "made a speech in Brussels in which he appealed to Europe".
_ADDRESS_NOUNS = frozenset(
    ["speech", "address", "statement", "remarks", "interview", "letter", "message"]
)


def _in_which(verb: Token, skip: set[int]) -> Token | None:
    """'Mr Bush made a speech in Brussels in which he appealed to Europe over
    the Middle East': a verb whose object is a speech, a letter, an interview
    with an "in which" clause of its own subject: that clause is the act."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in _ADDRESS_NOUNS:
            continue
        for rel in obj.children:
            if (
                rel.dep_ == "relcl"
                and rel.i not in skip
                and any(c.dep_ in SUBJECT_DEPS for c in rel.children)
                and any(
                    c.dep_ == "prep"
                    and c.lower_ == "in"
                    and any(w.lower_ == "which" for w in c.children)
                    for c in rel.children
                )
            ):
                return rel
    return None


def _frame_person(verb: Token, skip: set[int]) -> str | None:
    """The person a frame's subject names ("The chief executive of the British
    oil company, Tony Hayward,"), for the "he" of its when clause."""
    subject = subject_of(verb)
    if subject is None or subject.i in skip:
        return None
    name = subject if subject.ent_type_ == "PERSON" else _proper_apposition(subject)
    if name is None or name.ent_type_ != "PERSON" or name.i in skip:
        return None
    return _render(_phrase(name, skip)) or None


def _frame(verb: Token) -> bool:
    """'The administration hit a roadblock Tuesday when a judge struck down
    the ban': a verb whose object is only a turn of fortune ("a setback",
    "a legal skirmish"), with nothing else after it but its date."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return (
        len(objects) == 1
        and objects[0].lemma_.lower() in _TURN_NOUNS
        and not any(c.dep_ == "prep" for c in objects[0].children)
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def _thing_relative(verb: Token) -> bool:
    """'National City chose growth, a path that ended yesterday when it agreed
    to sell itself to Pittsburgh's PNC': a past relative clause on a common
    noun, a thing ("that", "which"), points back like "that hiatus" does;
    its "when" clause is what happened."""
    return (
        verb.dep_ == "relcl"
        and verb.tag_ == "VBD"
        and any(
            c.dep_ == "nsubj" and c.tag_ == "WDT" and c.lower_ in ("that", "which")
            for c in verb.children
        )
        and verb.head.pos_ == "NOUN"
        and not verb.head.ent_type_
    )


# Conjunctions of a clause told as the background of another one, at the same
# time: "as he drove towards a checkpoint", "while the FTSE fell".
_BACKGROUND_MARKS = frozenset(["as"])
_BACKGROUND_ARGUMENTS = frozenset({"prep", "prt", "acomp", "advmod"})


def _background_of(verb: Token, skip: set[int]) -> Token | None:
    """'Salihee died instantly when a bullet entered his right eye as he drove
    towards a checkpoint in Baghdad in June': the date of an "as" clause with
    no object, told as what was going on, dates what it is the background of,
    and that is the event: the verb it hangs on, and up through the "when"
    clause that one is in. Not a clause with an object ("as she gave her
    testimony on Tuesday"), a comment clause with a gap ("as Mr Galloway
    hinted yesterday", "as he had promised in 2008"), nor a report."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in verb.children
    ):
        return None
    if _speech(verb) or not any(
        c.dep_ in _BACKGROUND_ARGUMENTS and c.i > verb.i and c.i not in skip
        for c in verb.children
    ):
        return None
    if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in verb.children):
        return None  # "as she gave her testimony on Tuesday": an event of its own
    if any(c.dep_ == "aux" and c.lemma_ in ("have", "will") for c in verb.children):
        return None  # "as it had done in 2008": a comparison with another time
    found = None
    tok = verb
    while tok.dep_ == "advcl" and tok.head.i != tok.i:
        head = tok.head
        if (
            head.pos_ != "VERB"
            or head.tag_ != "VBD"
            or head.lemma_ == "be"
            or _speech(head)
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
            or any(c.dep_ == "neg" for c in head.children)
        ):
            break
        found = head
        if not any(
            c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in head.children
        ):
            break
        tok = head
    return found


# Periods a report counts over, and the verbs of their bounds: "the quarter
# which ended December 30", "the year ended in September".
_PERIODS = frozenset(
    ["quarter", "year", "month", "week", "period", "half", "season", "term"]
)
_BOUNDS = frozenset(["end", "begin", "start", "close"])


def _period_end(verb: Token) -> Token | None:
    """'Apple has reached 78 percent increase in its profits during the last
    quarter, which ended December 30, 2006': the date of a period's end (a
    relative clause or participle on the period) only says which period; the
    event is the clause the period is in. Not a period that is its clause's
    subject ("The hurricane season began June 1")."""
    if verb.dep_ not in ("relcl", "acl") or verb.lemma_.lower() not in _BOUNDS:
        return None
    period = verb.head
    if period.lemma_.lower() not in _PERIODS or period.dep_ in SUBJECT_DEPS:
        return None
    main = _clause_verb(period.head)
    if main is None or main.lemma_ in ("be", "do") or subject_of(main) is None:
        return None  # "800,000 fewer than it did in the year that ended ..."
    return main


# Conjunctions that make a clause subordinate: the parse sometimes makes
# such a clause the sentence's root, the main clause its complement.
_SUBORDINATORS = frozenset(
    ["before", "after", "when", "while", "as", "because", "although", "though"]
    + ["since", "if", "until", "once", "whereas", "unless"]
)


def _subordinate_root(verb: Token) -> int | None:
    """Where a root opened by "before", "when", "although" ... ends: at the
    first comma after it that a clause with its own subject follows (the
    main clause the parse hung on the subordinate one)."""
    if verb.dep_ != "ROOT" or not any(
        c.dep_ == "mark" and c.lower_ in _SUBORDINATORS and c.i < verb.i
        for c in verb.children
    ):
        return None
    for comma in verb.children:
        if comma.i < verb.i or comma.text != ",":
            continue
        if any(
            c.i > comma.i
            and c.dep_ in ("ccomp", "advcl", "conj", "parataxis")
            and c.pos_ in ("VERB", "AUX")
            and any(s.dep_ in SUBJECT_DEPS and s.i > comma.i for s in c.children)
            for c in verb.children
        ):
            return comma.i
    return None


def _identified_subject(verb: Token) -> Token | None:
    """'Figures issued this week showed that Brazil is in recession', 'The cap
    applied last Thursday stopped oil leaking': a past participle on the
    subject, whose date only says which figures, which cap; what they did is
    the event: the verb of that subject. Not a copula or "have" ("The
    commitment the president made yesterday is ..."), nor a negation, nor a
    participle set off by a comma, which tells a time of its own ("The
    channel, launched in 1996 ..., recently reconfirmed")."""
    if verb.dep_ != "acl" or verb.i < verb.head.i:
        return None
    if verb.tag_ != "VBN" and not (  # "The cap applied last Thursday"
        verb.tag_ == "VBD" and _inflect(verb.lemma_.lower(), "VBN") == verb.lower_
    ):
        return None
    if any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children):
        return None
    if verb.doc[verb.i - 1].is_punct:
        return None  # "The CIA report, completed last month, remains": an aside
    noun, main = verb.head, verb.head.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if (
        main.pos_ != "VERB"
        or main.tag_ not in ("VBD", "VBZ", "VBP")
        or main.lemma_ in ("be", "have")
        or main.i < verb.i
        or any(c.dep_ in ("neg", "aux", "auxpass") for c in main.children)
    ):
        return None
    dated = ("DATE", "TIME")
    if any(  # "a containment cap system placed ... last week collected 15,800
        # barrels of oil on Wednesday": the verb has a date of its own
        c.ent_type_ in dated
        or c.dep_ == "prep"
        and any(p.dep_ == "pobj" and p.ent_type_ in dated for p in c.children)
        for c in main.children
    ):
        return None
    return main


# Documents, broadcasts and what is said in them, and the verbs that put them
# out: "in a press release released earlier today", "in an interview aired
# Tuesday", "in his interview ... that aired this morning".
_OUTLET_NOUNS = frozenset(
    [
        "statement",
        "release",
        "interview",
        "report",
        "letter",
        "memo",
        "video",
        "speech",
        "broadcast",
        "address",
        "announcement",
        "document",
        "paper",
        "filing",
        "note",
        "e-mail",
        "email",
        "message",
        "remarks",
        "programme",
        "program",
        "show",
        "documentary",
        "podcast",
        "column",
        "editorial",
        "article",
    ]
)
_PUTTING_OUT = frozenset(
    [
        "release",
        "issue",
        "publish",
        "air",
        "broadcast",
        "post",
        "send",
        "give",
        "deliver",
        "date",
        "file",
        "televise",
        "tape",
        "record",
        "run",
        "print",
        "distribute",
        "circulate",
        "conduct",
        "write",
    ]
)
_OUTLET_PREPOSITIONS = frozenset(["in", "on", "during", "through", "via"])


def _put_out_in(verb: Token, skip: set[int]) -> Token | None:
    """'The US Treasury described the bail-out plan in a press release released
    earlier today', 'In his interview with NBC's Matt Lauer that aired this
    morning, Barack Obama acknowledged ...': the date of the document or
    broadcast something was said or done in only says which one; the act is
    the verb that phrase hangs on (not "A press release was released").
    Not when that verb has a date of its own, nor for a phrase of a noun
    ("despite a report released by ..."), nor a negation."""
    if verb.lemma_.lower() not in _PUTTING_OUT or verb.tag_ not in ("VBN", "VBD"):
        return None
    if verb.dep_ == "acl":
        if verb.tag_ != "VBN" or any(
            c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children
        ):
            return None
    elif verb.dep_ != "relcl" or not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" for c in verb.children
    ):
        return None  # "that aired", "which was released", not "he gave"
    noun = verb.head
    if noun.lemma_.lower() not in _OUTLET_NOUNS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.dep_ != "prep" or prep.lower_ not in _OUTLET_PREPOSITIONS:
        return None
    main = prep.head
    if (
        main.pos_ not in ("VERB", "AUX")
        or main.i in skip
        or main.lemma_ in ("be", "have")
        or not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children)
        or any(c.dep_ == "neg" for c in main.children)
    ):
        return None
    if not any(  # the date is the putting out's own: "released earlier
        # today", "published on Monday", not a clause's further down it
        c.i in skip or (c.dep_ == "prep" and any(g.i in skip for g in c.children))
        for c in verb.children
    ):
        return None
    own = {t.i for t in verb.subtree}
    if any(  # "said Tuesday ... in its final report released ...": its own date
        t.ent_type_ in ("DATE", "TIME") and t.i not in own
        for t in main.subtree
        if _clause_verb(t) is main
    ):
        return None
    return main


# Nouns of telling something happened: their "that" clause is what did.
_ANNOUNCING = frozenset(
    ["announcement", "news", "confirmation", "disclosure", "revelation"]
    + ["admission", "statement", "claim", "report", "word"]
)


def _dated_announcement(verb: Token, skip: set[int]) -> Token | None:
    """'Obama presented a plan following the 12:00 UTC announcement by General
    Motors that it had filed for bankruptcy', 'Cairn's announcement that it
    had struck gas this week reinforced the views of ...': the date of an
    announcement (on the noun, or right after its "that" clause, ahead of
    the verb) dates what was announced: the clause with its own subject."""
    for noun in verb.children:
        if (
            noun.dep_ not in ("nsubj", "dobj")
            or noun.lemma_.lower() not in _ANNOUNCING
            or noun.i in skip
        ):
            continue
        said = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "relcl")
                and c.i > noun.i
                and c.pos_ in ("VERB", "AUX")
                and _announced(c)
            ),
            None,
        )
        if said is None:
            continue
        on_noun = any(c.i in skip for c in noun.children if c.i < noun.i)
        after = said.right_edge.i + 1
        next_to = (  # the date fills the gap to the verb
            noun.dep_ == "nsubj"
            and after < verb.i
            and all(i in skip for i in range(after, verb.i))
        )
        if on_noun or next_to:
            return said
    return None


def _announcer(clause: Token, subject: Token) -> Token | None:
    """Who "it" is in an announcement's clause: the announcement's owner
    ("Cairn's announcement that it had struck gas") or its "by" agent ("the
    announcement by General Motors that it had filed for bankruptcy")."""
    noun = clause.head
    if (
        clause.dep_ not in ("acl", "relcl")
        or subject.lower_ not in ("it", "he", "she", "they")
        or noun.lemma_.lower() not in _ANNOUNCING
        or not _announced(clause)
    ):
        return None
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "prep" and c.lower_ == "by" and c.i < clause.i:
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ == "PROPN":
                    return g
    return None


def _announced(clause: Token) -> bool:
    """A complement clause ("that it had struck gas"): its own subject, no
    relative word as subject or object but a "that" ahead of the subject."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].tag_ in ("WDT", "WP"):
        return False
    subject = subjects[0]
    return any(
        c.lower_ == "that" and c.i < subject.i and c.dep_ in ("mark", "dobj")
        for c in clause.children
    ) and not any(
        c.tag_ in ("WDT", "WP") and c.lower_ != "that" for c in clause.children
    )


def _numbered_name(noun: Token, skip: set[int]) -> list[Token]:
    """'the Group of 20 economic summit scheduled for April 2': a name ending
    in a number the parse split at its "of", the number read as the noun's
    ("20 economic summit"): the name's first words, to go before it."""
    of = noun.head
    name = of.head
    if (
        noun.dep_ != "pobj"
        or of.lower_ != "of"
        or name.pos_ != "PROPN"
        or name.i != of.i - 1
        or noun.left_edge.i != of.i + 1
        or noun.left_edge.tag_ != "CD"
        or of.i in skip
        or name.i in skip
    ):
        return []
    words = [c for c in name.children if c.dep_ == "det" and c.i < name.i]
    return [t for t in [*words, name, of] if t.i not in skip]


def _phrase(tok: Token, skip: set[int], depth: int = 0) -> list[Token]:
    """A token's subtree in text order, without clauses and asides hanging off it."""
    out = [] if tok.i in skip else [tok]
    if depth <= 8:
        for child in tok.children:
            if child.i in skip or (
                child.dep_ in _NEVER
                and not _glued(child)
                and not _unmarked_apposition(child)
                and not _completes(child)
                and not _defines(child)
            ):
                continue
            if (
                child.dep_ == "punct"
                and child.text not in ("-", "'s", "’s", "%")
                and not _between_conjuncts(child)
            ):
                continue
            out.extend(_phrase(child, skip, depth + 1))
    return sorted(out, key=lambda t: t.i)


def _completes(tok: Token) -> bool:
    """'an independent inquiry into the decision to go to war', 'a plan to
    increase oil capture': the infinitive a noun takes, which says what the
    noun is; not a participle or relative clause hanging off it, and not
    one set off by a comma."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VB"
        and tok.head.pos_ == "NOUN"
        and tok.i > tok.head.i
        and tok.left_edge.i == tok.i - 1
        and tok.doc[tok.i - 1].tag_ == "TO"
        and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    )


def _between_conjuncts(punct: Token) -> bool:
    """'Mississippi, Alabama and Florida', 'the Bank of Canada, the European
    Central Bank': the comma before a conjunct (its first word)."""
    return punct.text == "," and any(
        c.dep_ == "conj" and c.left_edge.i == punct.i + 1 for c in punct.head.children
    )


def _glued(tok: Token) -> bool:
    """'$10m' parsed as 10 + an apposition 'm': a part written with no space
    before it belongs to the word it follows."""
    return (
        tok.dep_ == "appos"
        and tok.i == tok.head.i + 1
        and not tok.doc[tok.head.i].whitespace_
    )


def _unmarked_apposition(tok: Token) -> bool:
    """'its liabilities from the Gulf of Mexico disaster': a bare common noun
    the small model makes an apposition of the proper name before it, with no
    comma, dash or bracket between, is that phrase's head noun; dropping it
    cuts the phrase ("from the Gulf of Mexico")."""
    if (
        tok.dep_ != "appos"
        or tok.pos_ != "NOUN"
        or any(tok.children)
        or tok.head.pos_ != "PROPN"
        or tok.i < 1
    ):
        return False
    before = tok.doc[tok.i - 1]
    return (
        not before.is_punct
        and before.pos_ == "PROPN"
        and tok.head.left_edge.i <= before.i < tok.i
    )


def _render(tokens: list[Token], replace: dict[int, str] | None = None) -> str:
    out = []
    prev = None
    replace = replace or {}
    for t in tokens:
        if prev is not None and (t.i != prev.i + 1 or prev.whitespace_):
            out.append(" ")
        out.append(replace.get(t.i, t.text))
        prev = t
    return "".join(out)


def _asides(sent: Span, verb: Token) -> set[int]:
    """Tokens inside parentheses, brackets or dashes-delimited asides ("an
    explosion - thought to have occurred after a surge of methane gas -
    destroyed the rig"), but the aside that holds `verb` (the clause titled)."""
    inside: set[int] = set()
    depth = 0
    opened = 0
    for t in sent:
        if t.text in ("(", "["):
            if not depth:
                opened = t.i
            depth += 1
        if depth:
            inside.add(t.i)
        if t.text in (")", "]") and depth:
            depth -= 1
            if not depth and opened < verb.i < t.i:
                inside -= set(range(opened, t.i + 1))
    dashes = [  # spaced dashes only: not the hyphen of "first-quarter"
        t.i
        for t in sent
        if t.text in _DASHES
        and t.i not in inside
        and t.whitespace_
        and t.i > 0
        and t.doc[t.i - 1].whitespace_
    ]
    for a, b in zip(dashes[::2], dashes[1::2], strict=False):
        if not a < verb.i < b:
            inside.update(range(a, b + 1))
    return inside


_DATELINE_MAX_TOKENS = 30


def _dateline(sent: Span) -> set[int]:
    """The dateline opening a sentence, up to and with its dash: "LONDON, Feb.
    26 --", "LONDON (Reuters) -", "MESA, Ariz., Feb. 18 --", credits in
    parentheses before it. A place written in capitals (a place entity or one
    set off by a comma), nothing but capitalised words, numbers and
    punctuation outside parentheses, then a spaced dash: never a title's
    subject ("LONDON reported the largest corporate loss")."""
    depth = 0
    place = False
    for t in sent[:_DATELINE_MAX_TOKENS]:
        if t.text in ("(", "["):
            depth += 1
            continue
        if t.text in (")", "]"):
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if (
            t.text in _DASHES
            and t.whitespace_
            and t.i > sent.start
            and t.doc[t.i - 1].whitespace_
        ):
            return set(range(sent.start, t.i + 1)) if place else set()
        if t.is_alpha and t.text[:1].islower():
            return set()  # a sentence, not a dateline
        if (
            t.is_alpha
            and t.is_upper
            and len(t.text) >= 3
            and (
                t.ent_type_ in ("GPE", "LOC")
                or (t.i + 1 < sent.end and t.doc[t.i + 1].text in (",", "("))
            )
        ):
            place = True
    return set()


def _quoted(sent: Span) -> set[int]:
    """Tokens between quotation marks."""
    inside: set[int] = set()
    open_ = False
    for t in sent:
        if t.text in _QUOTE_CHARS:
            if t.text in ("”", "''"):
                open_ = False
            elif t.text in ("“", "``"):
                open_ = True
            else:
                open_ = not open_
            inside.add(t.i)
            continue
        if open_:
            inside.add(t.i)
    return inside


def _words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def _prune(
    tokens: list[Token],
    keep: set[int],
    limit: int = TITLE_MAX_WORDS,
    optional: frozenset[str] = _OPTIONAL,
    *,
    whole_clauses: bool = True,
) -> list[Token]:
    """Drop optional subtrees, the last first, until the tokens fit `limit` words.

    `whole_clauses`: a complement clause that is all its verb has goes last;
    when it has to go all the same, the pruning is done again without that
    ("told lawmakers that federal government projections show", not the
    clause's own modifiers lost first)."""
    out = _prune_once(tokens, keep, limit, optional, whole_clauses)
    if whole_clauses:
        kept = {t.i for t in out}
        if any(
            t.dep_ == "ccomp"
            and t.i not in kept
            and _only_object(t)
            and t.head.i in kept
            for t in tokens
        ):
            return _prune_once(tokens, keep, limit, optional, False)
    return out


def _prune_once(
    tokens: list[Token],
    keep: set[int],
    limit: int,
    optional: frozenset[str],
    whole_clauses: bool,
) -> list[Token]:
    present = {t.i for t in tokens}
    by_i = {t.i: t for t in tokens}
    while _words([by_i[i] for i in present]) > limit:
        candidates = [
            by_i[i]
            for i in present
            if by_i[i].dep_ in optional
            and i not in keep
            and by_i[i].head.i in present
            and not _hyphen_glued(by_i[i])
            and not _scale(by_i[i])
        ]
        if not candidates:
            break
        # the rightmost optional part, and among nested ones the outermost;
        # what a speech verb reports goes last ("told a White House briefing
        # Monday that a cap ... is keeping up to 462,000 gallons ...")
        victim = max(
            candidates,
            key=lambda t: (
                not (
                    t.dep_ == "ccomp"
                    and (
                        _speech(t.head)
                        or t.head.i in keep
                        or (whole_clauses and _only_object(t))
                    )
                ),
                t.dep_ == "acl",  # a clause on a noun before its modifiers
                t.right_edge.i,
                -len(list(t.subtree)),
            ),
        )
        drop = {t.i for t in victim.subtree}
        after = victim.right_edge.i + 1
        if after in present and _scale(by_i[after]):
            drop.add(after)  # the number's "bn" goes with it
        if victim.dep_ == "conj":  # the comma and "and" before it, not
            # those between the conjuncts that stay
            drop.update(
                c.i
                for c in victim.head.children
                if c.dep_ in ("cc", "punct")
                and victim.left_edge.i - 2 <= c.i < victim.left_edge.i
            )
        present -= drop
        present -= _bared(victim.head, present, by_i)
    ordered = sorted(present)
    if _words([by_i[i] for i in ordered]) > limit:
        kept, n = [], 0
        for i in ordered:
            n += 0 if by_i[i].is_punct else 1
            if n > limit:
                break
            kept.append(i)
        ordered = kept
    return [by_i[i] for i in ordered]


def _prepositional_object(verb: Token, present: set[int]) -> set[int]:
    """'President Obama talked about how his 11-year-old daughter had knocked
    on the bathroom door', 'George Bush intervened in the furore surrounding
    the photographs': a verb with no object of its own whose first
    preposition, right after it, is what it is about; the preposition and its
    object stay however long the rest is ("talked" alone says nothing)."""
    if verb.lemma_ == "be" or any(
        c.dep_ in _OBJECT_DEPS and c.dep_ != "prt" and c.i in present
        for c in verb.children
    ):
        return set()
    prep = min(
        (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i),
        key=lambda c: c.i,
        default=None,
    )
    if prep is None or prep.i not in present:
        return set()
    between = verb.doc[verb.i + 1 : prep.i]
    if any(t.i in present and not _particle(t) for t in between):
        return set()  # "met in London on Monday with": not its argument
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if not objects or not all(c.i in present for c in objects):
        return set()
    out = {prep.i}  # its object is no optional part; kept, a clause object's
    # own complement clause would go last ("as he was shaving ...")
    out |= {  # "the furore surrounding the photographs": the noun's participle
        c.i for o in objects for c in o.children if _defines(c) and c.i in present
    }
    return out


def _defines(tok: Token) -> bool:
    """'the furore surrounding the photographs of Saddam Hussein': a present
    participle right after a bare "the" noun, with an object of its own and
    no comma, is what the noun is (the furore alone says nothing)."""
    noun = tok.head
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and noun.pos_ == "NOUN"
        and tok.i == noun.i + 1
        and all(c.dep_ == "det" or c.i == tok.i for c in noun.children)
        and any(c.dep_ == "dobj" for c in tok.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    )


def _bared(tok: Token, present: set[int], by_i: dict[int, Token]) -> set[int]:
    """'were relatively tiny compared (with the very big ocean)': a
    preposition whose object the pruning dropped goes with it."""
    if (
        tok.dep_ != "prep"
        or tok.i not in present
        or tok.i not in by_i
        or tok.head.i not in present
        or not any(c.dep_ in ("pobj", "pcomp", "prep") for c in tok.children)
        or any(c.i in present for c in tok.children)
    ):
        return set()
    return {tok.i} | _bared(tok.head, present - {tok.i}, by_i)


def _only_object(clause: Token) -> bool:
    """'health officials believe more than 100 people ... had been sickened':
    the clause is all its verb says ("believe" alone is no title)."""
    return clause.head.pos_ in ("VERB", "AUX") and not any(
        # "had knocked on the bathroom door as he was shaving": a verb with a
        # place of its own says something without the clause
        c.dep_ in _OBJECT_DEPS or c.dep_ in ("xcomp", "ccomp", "acomp", "prep")
        for c in clause.head.children
        if c.i != clause.i
    )


def _hyphen_glued(tok: Token) -> bool:
    """'ill-prepared', 'long-term': a subtree joined by a hyphen, with no space,
    to a word outside it; dropping it would leave '-prepared'."""
    doc, left, right = tok.doc, tok.left_edge.i, tok.right_edge.i
    after = doc[right + 1] if right + 1 < len(doc) else None
    before = doc[left - 1] if left > 0 else None
    return bool(
        (after is not None and after.text == "-" and not doc[right].whitespace_)
        or (before is not None and before.text == "-" and not before.whitespace_)
    )


def _changes_meaning(adverb: Token) -> bool:
    """'no longer', 'not yet': an adverb its negation makes a negation."""
    return any(c.dep_ == "neg" for c in adverb.children)


def _verb_group(
    verb: Token, skip: set[int], modality: str
) -> tuple[list[Token], dict[int, str]]:
    """The verb with its auxiliaries, negation and particle; past or future tense."""
    group = [] if verb.i in skip else [verb]
    replace: dict[int, str] = {}
    aux = []
    for child in verb.children:
        if child.i in skip:
            continue
        if (
            child.dep_ in ("aux", "auxpass", "neg")
            and child.i < verb.i
            or child.dep_ == "advmod"
            and child.lower_ in _NEGATIONS
        ):
            aux.append(child)
        elif (
            child.dep_ == "advmod" and child.i < verb.i + 3 and _changes_meaning(child)
        ):
            # "was no longer up for debate": the negation stays
            aux.extend(t for t in child.subtree if t.i not in skip)
        elif _particle(child):
            group.append(child)
    lemma = verb.lemma_.lower()
    planning = lemma in _PLANNING or any(c.dep_ == "xcomp" for c in verb.children)
    if (modality == "scheduled" and verb.dep_ == "xcomp") or (
        verb.dep_ == "ccomp"  # "He expects BP to complete the drilling"
        and verb.head.lemma_.lower() in _PLANNING
        and any(c.dep_ == "nsubj" for c in verb.children)
    ):
        # "the sale, which is expected to be completed by Dec. 28": will be
        for a in aux:
            if a.lower_ == "to" and a.tag_ == "TO":
                replace[a.i] = "will"
    if not aux and verb.dep_ == "conj" and verb.tag_ == "VB":
        # "will then bypass the stop ... and fly directly to Sydney"
        shared = [c.text for c in verb.head.children if c.dep_ == "aux"]
        if shared and verb.i not in skip:
            replace[verb.i] = f"{' '.join(shared)} {verb.text}"
            return sorted(group, key=lambda t: t.i), replace
    if not aux and verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.i not in skip:
        # "25,000 positions should be cut and 14 plants closed by 2012": the
        # passive's auxiliaries go with its conjunct (14 plants should be closed)
        shared = [
            c.text
            for c in verb.head.children
            if c.dep_ in ("aux", "auxpass") and c.i < verb.head.i
        ]
        if (
            any(c.dep_ == "auxpass" for c in verb.head.children)
            and any(c.tag_ == "MD" for c in verb.head.children)  # a modal's
            # gapping, not "was thought to be a backlash, and a unity rally
            # ... fizzled out"
            and not any(c.dep_ in ("prt", "dobj") for c in verb.children)
        ):
            replace[verb.i] = f"{' '.join(shared)} {verb.text}"
            return sorted(group, key=lambda t: t.i), replace
    if (
        verb.tag_ == "VBG"
        and not aux
        and verb.i not in skip
        and verb.dep_ in ("advcl", "pcomp", "acl")
        and modality == "done"
    ):  # "with the IMF predicting this week that ...": the IMF predicted
        past = _past(verb)
        if past:
            replace[verb.i] = past
    if (
        modality == "scheduled"
        and aux
        and aux[0].lower_ in ("is", "are", "am")
        and aux[0].dep_ == "auxpass"
        and aux[0].i not in skip
        and not planning
    ):  # "before the bill is published in October": will be published
        replace[aux[0].i] = "will be"
    if verb.tag_ in ("VBZ", "VBP") and not aux and verb.i not in skip and not planning:
        if modality == "scheduled":
            replace[verb.i] = "will " + (lemma if lemma != "be" else "be")
        else:
            past = _past(verb)
            if past:
                replace[verb.i] = past
    return sorted(aux + group, key=lambda t: t.i), replace


_ASIDE_DEPS = frozenset({"relcl", "appos", "parataxis"})
# Nouns a relative clause without a relative word qualifies adverbially: "the
# day he died", "the way they voted".
_ADVERBIAL_HEADS = frozenset(
    _w
    for _w in [
        "time",
        "day",
        "night",
        "week",
        "month",
        "year",
        "moment",
        "morning",
        "evening",
        "afternoon",
        "hour",
        "minute",
        "decade",
        "era",
        "period",
        "season",
        "way",
        "reason",
        "place",
    ]
)
_OBJECT_DEPS = frozenset(
    {"dobj", "dative", "ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass", "prt"}
)


def _without_asides(clause: Token, skip: set[int]) -> list[Token]:
    """A clause's tokens without relative clauses, appositions and asides."""
    out: set[int] = set()
    for t in clause.subtree:
        if t.i in skip or t.i in out:
            continue
        if t.dep_ in _ASIDE_DEPS and t.i != clause.i and _aside(t):
            # the aside and the commas around it: "Ford Motor Company, the
            # U.S. car maker, will reportedly pay ..."
            doc = t.doc
            around = {
                j
                for j in (t.left_edge.i - 1, t.right_edge.i + 1)
                if 0 <= j < len(doc) and doc[j].text == ","
            }
            skip = skip | {x.i for x in t.subtree} | around
            continue
        out.add(t.i)
    return [t for t in clause.subtree if t.i in out and t.i not in skip]


def _aside(tok: Token) -> bool:
    """An apposition, a parenthetical, or a relative clause brought in by a
    relative word ("that has killed up to 68 people"; not the infinitive of
    "time to put an end to this bleeding")."""
    if tok.dep_ != "relcl":
        return True
    return any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in tok.children)


def _relative_object(verb: Token) -> Token | None:
    """The noun a relative clause's object stands for: 'a $20 billion fund
    that BP set up in August' -> the fund; 'a trust fund Congress authorized
    in 1990' (no relative word) -> the trust fund, unless the noun is a time,
    a way or a reason ("the day he died")."""
    if verb.dep_ == "ccomp" and (noun := _gapped_noun(verb)) is not None:
        return noun
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in verb.children:
        if (
            c.dep_ == "dobj"
            and c.i < verb.i
            and c.lower_ in ("that", "which", "whom", "who")
        ):
            return verb.head
    head = verb.head
    # "the budget he will submit tomorrow", "looters they had detained": a
    # verb group no name runs into
    grouped = verb.tag_ in ("VB", "VBN") and any(
        c.dep_ == "aux" and c.i < verb.i for c in verb.children
    )
    if (verb.tag_ != "VBD" and not grouped) or head.ent_type_ in ("DATE", "TIME"):
        return None
    if grouped and not any(  # the subject right after its noun, no "that"
        c.dep_ == "nsubj"
        and c.left_edge.i == head.i + 1
        and c.left_edge.tag_ not in ("WDT", "WP", "IN")
        for c in verb.children
    ):
        return None
    if head.dep_ in SUBJECT_DEPS and not grouped:
        return None  # "The American auto company Chrysler filed": a name misparsed
    if head.lemma_.lower() in _ADVERBIAL_HEADS:
        return None
    if any(
        c.dep_ in _OBJECT_DEPS or c.tag_ in ("WDT", "WP", "WRB") for c in verb.children
    ):
        return None
    if any(  # "a speech in which he appealed to Europe": the noun is no object
        w.tag_ in ("WDT", "WP")
        for c in verb.children
        if c.dep_ == "prep" and c.i < verb.i
        for w in c.children
    ):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if (
        len(subjects) == 1
        and head.i < subjects[0].left_edge.i
        and subjects[0].i < verb.i
        # not a line glued after a colon or a dash ("Dow Jones Industrial
        # Average: +401.35 September retail sales fell"): no relative clause
        and not any(
            t.text == ":" or t.text in _DASHES
            for t in verb.doc[head.i + 1 : subjects[0].left_edge.i]
        )
    ):
        return head
    return None


def _clause_core(tokens: list[Token]) -> set[int]:
    """The root of a run of tokens, its subject and auxiliaries: never pruned."""
    present = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in present or t.head.i == t.i]
    core = {t.i for t in roots}
    for root in roots:
        core.update(
            c.i
            for c in root.children
            if c.dep_ in SUBJECT_DEPS | {"aux", "auxpass", "neg"} and c.i in present
        )
    return core


def _infinitival_relative(verb: Token) -> bool:
    """'in testimony to be given at separate hearings Tuesday': a passive
    infinitive qualifying a noun tells what will be done to it."""
    return (
        verb.dep_ in ("relcl", "acl")
        and verb.tag_ == "VBN"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def _reduced_relative(verb: Token, subject: Token | None) -> bool:
    """'The latest case of swine flu, confirmed on Tuesday, was in an adult':
    a past participle set off by commas after a noun, parsed as that noun's
    verb; the clause goes on with another verb. It is a passive."""
    if subject is None or verb.tag_ not in ("VBD", "VBN") or verb.i < 2:
        return False
    doc = verb.doc
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("nsubj", "nsubjpass")
        and subject.head == verb
        and subject.right_edge.i == verb.i - 1
        and subject.pos_ == "NOUN"
        and not any(
            c.dep_ in ("aux", "auxpass", "dobj", "dative", "attr", "ccomp", "xcomp")
            for c in verb.children
        )
    ):  # "the capping stack placed on top of the well in July was removed":
        # the participle that is the subject of "was removed" is a passive
        return True
    if doc[verb.i - 1].text != "," or subject.i > verb.i:
        return False
    if subject.right_edge.i not in (verb.i - 2, verb.i - 1) or subject.pos_ not in (
        "NOUN",
        "PROPN",
    ):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if any(
        c.dep_ in ("dobj", "dative", "attr", "acomp", "ccomp", "xcomp", "prt")
        for c in verb.children
    ):
        return False
    return any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i
        for c in verb.children
    )


_HEAD_NOUN_PARTS = frozenset({"det", "amod", "compound", "prep", "poss", "nummod"})


def _noun_root_subject(verb: Token, sent: Span) -> Token | None:
    """The noun a sentence without a finite verb opens with, when the verb
    was parsed as a participle of its complement: "Fear of a deep global
    recession washed over ..." (washed: an acl of "recession"). Only a past
    form that is also the simple past, with no auxiliary and a complement
    after it, on a noun of an "of" phrase of the sentence's root noun."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return None
    if any(
        c.dep_ in ("aux", "auxpass") or c.dep_ in SUBJECT_DEPS for c in verb.children
    ):
        return None
    if _inflect(verb.lemma_.lower(), "VBD") != verb.lower_:
        return None  # "taken", "given": participles only
    head = verb.head
    if (
        (
            head.i == sent.root.i  # or a dateline's apposition: "BARATARIA
            or (head.dep_ == "appos" and head.head.i == sent.root.i)  # BAY, La. --"
        )
        and sent.root.pos_ in ("NOUN", "PROPN")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < verb.i
        and any(c.dep_ in ("ccomp", "dobj") for c in verb.children)
    ):  # "General Motors Corporation (GM), an American automaker ...,
        # announced on Friday that ...", "The executive in charge of fighting
        # a Gulf of Mexico oil spill acknowledged Monday everyone is
        # frustrated": a sentence with no finite verb but this one
        return head
    if not any(
        c.dep_ in ("prep", "dobj", "prt") and c.i > verb.i for c in verb.children
    ):
        return None
    prep = head.head
    root = prep.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    if root.i != sent.root.i or root.pos_ != "NOUN" or root.i > verb.i:
        return None
    return root


def _governing_owner(its: Token) -> Token | None:
    """The named country or body a clause's "its" belongs to: the subject of
    the nearest verb above it with a subject of its own, a proper noun."""
    tok = its.head
    for _ in range(8):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [
            c
            for c in tok.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and not c.left_edge.i <= its.i <= c.right_edge.i
        ]
        if not subjects:
            continue
        owner = subjects[0]
        if (
            owner.pos_ == "PROPN"
            and owner.ent_type_ in ("GPE", "ORG")
            and owner.i < its.i
            and not _is_plural(owner)
        ):
            return owner
        return None
    return None


def _gapped_noun(verb: Token) -> Token | None:
    """'humiliating looters they had detained at an aid camp': a relative
    clause with no relative word the parse took for a complement clause; a
    pronoun subject right after a noun of another verb, and no object."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 1 or subjects[0].tag_ != "PRP":
        return None
    if subjects[0].lower_ not in ("he", "she", "they", "we"):
        return None
    if verb.tag_ not in ("VBD", "VBN", "VB") or any(
        c.dep_ in _OBJECT_DEPS or c.tag_ in ("WDT", "WP", "WRB") for c in verb.children
    ):
        return None
    first = subjects[0].left_edge.i
    if first == 0:
        return None
    noun = verb.doc[first - 1]
    if (
        noun.pos_ != "NOUN"
        or noun.ent_type_ in ("DATE", "TIME")
        or noun.dep_ not in ("dobj", "pobj")
        or noun.head == verb.head  # "told reporters he would": the verb's own
        or noun.lemma_.lower() in _ADVERBIAL_HEADS
    ):
        return None
    return noun


def _particle(tok: Token) -> bool:
    """'passed away', 'going on', 'came ashore': the particle of a phrasal
    verb (the small model parses some as adverbs, tagged RP all the same), or
    an adverb of place right after the verb that completes it."""
    if tok.dep_ == "prt":
        return True
    if tok.dep_ != "advmod" or tok.i <= tok.head.i:
        return False
    return tok.tag_ == "RP" or (
        tok.i == tok.head.i + 1 and tok.lower_ in _PLACE_ADVERBS
    )


def _comment(verb: Token) -> bool:
    """A speech verb told as a comment on the clause it hangs on: after it
    ("..., the energy giant said on Monday"), inside it between commas
    ("That, the scientists say today, helped"), or in an "as" clause with
    nothing said of its own ("as the conservator said in September, they're
    reviewing")."""
    if not _speech(verb) or verb.head.i == verb.i:
        return False
    if verb.dep_ == "parataxis":
        doc = verb.doc
        first, last = verb.left_edge.i, verb.right_edge.i
        return verb.head.i < verb.i or (
            "," in (doc[first].text, doc[max(0, first - 1)].text)
            and "," in (doc[last].text, doc[min(len(doc) - 1, last + 1)].text)
        )
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)
    )


# Verbs a report or study tells its findings with: what it found is what it
# says ('"...," the 2007 report found').
_FINDING = frozenset(["find", "conclude"])


def _finding(verb: Token) -> bool:
    return verb.lemma_.lower() in _FINDING


def _speech(verb: Token) -> bool:
    from timeline.extraction.kinds import STATEMENT, lexicon

    return lexicon().verbs.get(verb.lemma_.lower()) == STATEMENT


def _past(verb: Token) -> str | None:
    lemma = verb.lemma_.lower()
    if lemma == "be":
        return "were" if verb.lower_ in ("are", "'re") else "was"
    # lower case: a capital that only opened the sentence goes ("Battling
    # George W. Bush ..., John McCain lashed out": McCain battled); the
    # title's first letter is capitalised by tidy()
    return _inflect(lemma, "VBD")


def clause_tokens(
    verb: Token, skip: set[int], *, max_preps: int = 2, depth: int = 0
) -> tuple[list[Token], list[list[Token]]]:  # noqa: C901
    """The verb's objects and complements (text order), and quotes fronted before it."""
    objects: list[Token] = []
    fronted: list[list[Token]] = []
    preps = 0
    for child in verb.children:
        if child.i in skip:
            if child.dep_ == "ccomp" and child.i < verb.i and _speech(verb):
                # a headline glued before the quote ("BP says it won't fight
                # ... NEW YORK (Reuters Legal) - BP Plc won't object ..."):
                # what is left of it on the line
                rest = [t for t in child.subtree if t.i not in skip]
                if _words(rest) > 2:
                    fronted.append(rest)
            objects.extend(_said_on_date(verb, child, skip, depth))
            continue
        if (
            child.dep_ == "advmod"
            and child.lower_ in _CHANGE_WORDS
            and child.i > verb.i
            and not _set_off(child)
        ):
            objects.append(child)  # "was down 3.76%"
            objects.extend(  # and how much, from what: "up from 14%"
                t
                for c in child.children
                if c.i not in skip and (_amount(c) or c.dep_ == "prep")
                for t in _phrase(c, skip)
            )
            continue
        if (
            child.dep_ == "npadvmod"
            and child.i > verb.i
            and _amount(child)
            and not _set_off(child)
        ):
            objects.extend(_phrase(child, skip))  # "dropped 42%", "fell as much as 35%"
            continue
        if (
            child.dep_ == "advcl"
            and child.i < verb.i
            and _speech(verb)
            and _reported_advcl(child)
        ):  # 'BP Plc permanently” killed” the runaway Macondo well ..., the top
            # U.S. spill official said': the report parsed as an adverbial clause
            fronted.append(_without_asides(child, skip))
            continue
        if _particle(child) and child.i > verb.i:
            # "ran out of operating funds", "took over from Lord Browne": the
            # particle's own preposition completes the phrasal verb
            for c in child.children:
                if c.dep_ == "prep" and c.i == child.i + 1 and c.i not in skip:
                    objects.extend(_phrase(c, skip))
            continue
        if _scale(child) and child.i > verb.i:
            objects.append(child)  # "had been billed $1.9 bn by BP": no "$1.9"
            continue
        if child.dep_ == "advmod":
            objects.extend(_said_on_date(verb, child, skip, depth))
        if child.dep_ not in _TITLE_DEPS:
            continue
        if child.lower_ in _DATE_OPENERS and _emptied(child, skip):
            # "can be submitted starting next month", "to stop work beginning
            # on Friday": nothing left to start
            continue
        if child.i < verb.i:
            if child.dep_ == "ccomp" and (_speech(verb) or _finding(verb)):
                # a quote before "said Trump", '"The Texas City disaster was
                # caused by ...," the 2007 report found'
                # without the clauses and asides hanging off its nouns ("A new
                # flu that has killed up to 68 people in Mexico could start a
                # global epidemic"); a long one is pruned, not cut
                fronted.append(_without_asides(child, skip))
            continue
        if child.dep_ == "ccomp":
            objects.extend(_clause(child, skip, depth + 1))
            continue
        if child.dep_ in ("dobj", "attr") and child.i > verb.i:
            # "followed another fatal accident at a BP refinery in Texas City
            # in 2005, as well as a hushed-up blowout": a second object the
            # parse hung on the verb keeps the conjunction before it
            objects.extend(_conjunction_before(verb, child, skip))
        if child.dep_ == "prep":
            if _date_only(child, skip):
                # "describes how in January last year he received a visit":
                # the preposition went with its date; "how" stays, and "well"
                # ("performed well over the day"), not "only" ("learned only
                # on Thursday night")
                objects.extend(
                    c
                    for c in child.children
                    if c.i not in skip and c.lower_ not in _FOCUS_WORDS
                )
                continue
            part = _phrase(child, skip)
            if len(part) <= 1 or preps >= max_preps:
                continue
            preps += 1
            objects.extend(part)
            continue
        objects.extend(_phrase(child, skip))
    if not objects and not fronted and verb.i not in skip:
        objects = _manner(verb, skip)  # "performed particularly badly"
    if verb.lemma_ == "be" and not objects and verb.i not in skip:
        objects = _time_until(verb, skip)
    return objects, fronted


# Words before "starting", "beginning" that make it a noun or the verb itself:
# "marked the beginning", "hearings that are starting" (this week).
_NOT_OPENED = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this"]
    + ["is", "are", "was", "were", "be", "been", "am", "'s", "’s", "'re", "’re"]
)
# Words that open a time from which something holds: with the date gone,
# nothing ("starting next month").
_DATE_OPENERS = frozenset(["starting", "beginning", "effective"])


def _said_on_date(verb: Token, child: Token, skip: set[int], depth: int) -> list[Token]:
    """'family members had said as recently as Saturday that he was making
    some progress': what a speech verb said, hung by the parse on the words
    of its date (an adverb, or the date itself), is the verb's."""
    if not _speech(verb) or child.i < verb.i:
        return []
    out: list[Token] = []
    for c in child.children:
        if c.dep_ == "ccomp" and c.i not in skip and c.i > child.i:
            out.extend(_clause(c, skip, depth + 1))
    return out


def _conjunction_before(verb: Token, obj: Token, skip: set[int]) -> list[Token]:
    """The conjunction ("and", "as well as") the parse hung on the verb between
    an object of the same kind and this one."""
    first = next(
        (c for c in verb.children if c.dep_ == obj.dep_ and verb.i < c.i < obj.i),
        None,
    )
    if first is None:
        return []
    return [
        t
        for c in verb.children
        if c.dep_ == "cc" and first.i < c.i < obj.i and c.i not in skip
        for t in c.subtree
        if t.i not in skip
    ]


# Adverbs that only narrow a date down: gone with it.
_FOCUS_WORDS = frozenset(
    ["only", "just", "even", "as", "right", "exactly", "precisely", "again"]
    + ["early", "late", "shortly", "soon", "long", "back", "also", "since"]
)


def _date_only(prep: Token, skip: set[int]) -> bool:
    """A preposition whose objects are all left out (the date) and that has
    nothing else but adverbs the parse hung on it ("how in January")."""
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return (
        bool(objects)
        and all(
            c.i in skip or (c.dep_ == "advmod" and not any(c.children))
            for c in prep.children
        )
        and all(c.i in skip for c in objects)
    )


def _emptied(tok: Token, skip: set[int]) -> bool:
    """A word whose dependents are all left out: the date, or a preposition
    holding only the date ("beginning on Friday")."""
    children = list(tok.children)
    return bool(children) and all(
        c.i in skip or (c.dep_ == "prep" and _emptied(c, skip)) for c in children
    )


# Adverbs in -ly that tell when, how often, how sure or how much, not how:
# no complement of the verb ("rose recently", "fell reportedly").
_NOT_MANNER = frozenset(
    [
        "only",
        "early",
        "likely",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "annually",
        "quarterly",
        "hourly",
        "nightly",
        "recently",
        "lately",
        "shortly",
        "immediately",
        "initially",
        "finally",
        "eventually",
        "previously",
        "formerly",
        "originally",
        "currently",
        "subsequently",
        "reportedly",
        "allegedly",
        "apparently",
        "officially",
        "supposedly",
        "presumably",
        "probably",
        "possibly",
        "certainly",
        "actually",
        "really",
        "usually",
        "generally",
        "typically",
        "normally",
        "mostly",
        "largely",
        "partly",
        "mainly",
        "merely",
        "simply",
        "accordingly",
        "consequently",
        "additionally",
        "similarly",
        "respectively",
        "separately",
        "repeatedly",
        "frequently",
        "occasionally",
        "regularly",
        "briefly",
        "temporarily",
        "permanently",
        "unexpectedly",
        "surprisingly",
        "reluctantly",
        "publicly",
        "privately",
        "directly",
        "locally",
        "nationally",
        "internationally",
        "worldwide",
    ]
)
# Manner adverbs not in -ly: "performed well", "fared badly", "stopped short
# of asking".
_MANNER_WORDS = frozenset(
    ["well", "badly", "poorly", "hard", "better", "worse", "short", "close", "flat"]
)


def _manner(verb: Token, skip: set[int]) -> list[Token]:
    """'South American markets performed particularly badly today': a verb
    with nothing after it but how it went says nothing without that adverb
    ("performed", "fared", "have fallen dramatically"), nor an adjective the
    parse took for one ("tested positive for the virus"). Not an adverb set
    off by a comma, nor one of time, frequency or stance ("recently",
    "reportedly")."""
    for child in verb.children:
        word = child.lower_
        if (
            child.dep_ == "advmod"
            and child.i > verb.i
            and child.i not in skip
            and not _set_off(child)
            and (
                child.tag_ == "JJ"  # "tested positive for the virus"
                or child.tag_ in ("RB", "RBR")
                and (
                    word in _MANNER_WORDS
                    or (
                        len(word) > 4
                        and word.endswith("ly")
                        and word not in _NOT_MANNER
                    )
                )
            )
            and all(
                (c.dep_ == "advmod" and c.i < child.i)
                or (c.dep_ == "prep" and c.i > child.i)
                for c in child.children
            )
        ):
            return _phrase(child, skip)
    return []


_UNTIL_MARKS = frozenset(["before", "until", "till"])


def _time_until(verb: Token, skip: set[int]) -> list[Token]:
    """A copula with nothing else after it tells how long until something:
    "BP said Friday that it will likely be at least Tuesday before crews can
    begin a process known as a top kill" (not "it will be")."""
    when = [
        c
        for c in verb.children
        if c.dep_ == "npadvmod" and c.i > verb.i and not _set_off(c)
    ]
    until = [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.i > verb.i
        and c.i not in skip
        and any(m.dep_ == "mark" and m.lower_ in _UNTIL_MARKS for m in c.children)
    ]
    if len(when) != 1 or len(until) != 1 or any(t.i in skip for t in when[0].subtree):
        return []  # the title's own date: not "BP will be at least before crews"
    words = list(when[0].subtree) + _without_asides(until[0], skip)
    return sorted(words, key=lambda t: t.i)


def _set_off(tok: Token) -> bool:
    """A phrase after a comma or a dash: an aside ("42,000 gallons a day --
    less than one-tenth of the amount"), not the verb's own figure."""
    before = tok.left_edge.i - 1
    return before >= 0 and tok.doc[before].is_punct


# Words of a number's scale, written after it: "$1.9 bn", "£20m", "5 million".
_SCALES = frozenset(
    ["bn", "billion", "m", "mn", "million", "trillion", "tn", "thousand", "k"]
)


def _scale(tok: Token) -> bool:
    """'had been billed $1.9 bn by BP': the scale word the small model hangs
    on the verb as an adverb, right after its number; part of the number,
    never cut from it."""
    return (
        tok.lower_ in _SCALES
        and tok.dep_ in ("advmod", "npadvmod", "dep")
        and tok.i > 0
        and tok.nbor(-1).like_num
        and tok.nbor(-1).head.i != tok.i
    )


def _amount(tok: Token) -> bool:
    """A measure phrase: '42%', 'as much as 35%', '6.4 percent' (not a date)."""
    if tok.ent_type_ in ("DATE", "TIME") or tok.pos_ not in ("NOUN", "NUM", "SYM"):
        return False
    return tok.like_num or any(c.like_num and c.dep_ == "nummod" for c in tok.children)


# Nouns of complex prepositions: "in response to", "in an attempt to", "in
# order to", "in favour of": nothing without their complement.
_FRAME_NOUNS = frozenset(
    [
        "response",
        "attempt",
        "order",
        "effort",
        "bid",
        "addition",
        "favour",
        "favor",
        "spite",
        "terms",
        "view",
        "light",
        "search",
        "exchange",
        "preparation",
        "protest",
        "support",
        "reply",
        "anticipation",
        "accordance",
        "place",
    ]
)


def _without_bare_frames(tokens: list[Token]) -> list[Token]:
    """Without a complex preposition whose complement was cut ("will give
    owners of its new iPhone 4 a free case in response")."""
    present = {t.i for t in tokens}
    drop: set[int] = set()
    for t in tokens:
        if not (
            t.dep_ == "pobj"
            and t.lemma_.lower() in _FRAME_NOUNS
            and t.head.dep_ == "prep"
            and t.head.lower_ in ("in", "on", "as", "by", "with", "for")
            and t.head.i in present
        ):
            continue
        if any(c.dep_ in ("poss", "amod") or c.lower_ == "the" for c in t.children):
            continue  # "about the latest attempt to stanch the spill": an argument
        if any(
            c.dep_ in ("prep", "acl", "relcl") and c.i in present for c in t.children
        ):
            continue
        if not any(c.dep_ in ("prep", "acl") for c in t.children):
            continue  # "in response" said so in the text
        drop.update(x.i for x in t.head.subtree)
    return [t for t in tokens if t.i not in drop]


def _without_opening_adverbials(tokens: list[Token]) -> list[Token]:
    """A reported clause without the adverbials before its subject ("With a
    final shot of cement, BP Plc permanently killed the runaway Macondo
    well"): what goes first when it is too long."""
    present = {t.i for t in tokens}
    drop: set[int] = set()
    for root in (t for t in tokens if t.head.i not in present or t.head.i == t.i):
        subjects = [c.left_edge.i for c in root.children if c.dep_ in SUBJECT_DEPS]
        if not subjects:
            continue
        for c in root.children:
            if c.dep_ in ("prep", "advmod", "npadvmod", "advcl") and c.i < min(
                subjects
            ):
                drop.update(t.i for t in c.subtree)
                drop.update(
                    t.i for t in root.children if t.is_punct and t.i < min(subjects)
                )
    return [t for t in tokens if t.i not in drop]


def _reported_advcl(clause: Token) -> bool:
    """An adverbial clause before a speech verb that is what was said: a
    finite verb with its own subject, no subordinator, set off by a comma."""
    if clause.tag_ not in _FINITE_TAGS:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    if any(c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.children):
        return False
    after = (
        clause.doc[clause.right_edge.i + 1]
        if clause.right_edge.i + 1 < len(clause.doc)
        else None
    )
    return after is not None and after.text == ","


def _clause(verb: Token, skip: set[int], depth: int) -> list[Token]:
    """A complement clause: its marker, subject, verb group and objects."""
    if depth > 2 or verb.pos_ not in ("VERB", "AUX"):
        return _phrase(verb, skip)
    if (inner := _hedged(verb)) is not None:
        return _clause(inner, skip, depth)
    out = [c for c in verb.children if c.dep_ == "mark" and c.i not in skip]
    children = list(verb.children)
    for aux in children[:]:
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
            # "more than 100 people ... had been sickened": the small model
            # hangs the subject and "had" on "been", not on the verb
            children.extend(
                c
                for c in aux.children
                if c.i < aux.i and (c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "neg"))
            )
    for c in children:
        if c.dep_ in SUBJECT_DEPS and c.i not in skip:
            out.extend(_phrase(c, skip))
        elif (c.dep_ in ("aux", "auxpass", "neg") or _particle(c)) and c.i not in skip:
            out.append(c)
        elif c.dep_ == "advmod" and c.i not in skip and _changes_meaning(c):
            out.extend(t for t in c.subtree if t.i not in skip)  # "was no longer"
    if verb.i not in skip:
        out.append(verb)
    objects, _ = clause_tokens(verb, skip, max_preps=1, depth=depth)
    out.extend(objects)
    return sorted(out, key=lambda t: t.i)


def build_title(
    context: ArticleContext,
    verb: Token,
    sent: Span,
    skip: set[int],
    *,
    off_line: set[int] = frozenset(),  # type: ignore[assignment]
    modality: str,
) -> str:
    """Subject + verb group + objects of `verb`, without the tokens in `skip`.

    `off_line`: tokens of the sentence outside the evidence line (a headline
    glued to it), left out too, except a subject the line broke off from its
    verb ("former Sen. Paul Simon (D-Ill.)\ntried to get Dodd ...").
    """
    framer = None  # the person the frame was about: "he" of its when clause
    if (when := _when_clause(verb, skip) or _in_which(verb, skip)) is not None:
        framer = _frame_person(verb, skip)
        verb = when
    elif (main := _background_of(verb, skip)) is not None:
        verb = main  # "Salihee died instantly ... as he drove ... in June"
    elif (main := _identified_subject(verb)) is not None:
        verb = main  # "Figures issued this week showed that ..."
    elif (main := _put_out_in(verb, skip)) is not None:
        verb = main  # "described the plan in a press release released today"
    elif (main := _period_end(verb)) is not None:
        verb = main  # "its profits during the last quarter, which ended December 30"
    elif (main := _dated_announcement(verb, skip)) is not None:
        verb = main  # "the 12:00 UTC announcement ... that it had filed for bankruptcy"
    skip = skip - _date_object(verb, skip)  # "will spend the rest of the week in"
    if (cut := _subordinate_root(verb)) is not None:
        # "Even before the commission holds its first meeting Monday in New
        # Orleans, panel co-chairman William Reilly couldn't help ...": the
        # main clause after the comma is no part of the subordinate one
        skip = set(skip) | {t.i for t in verb.subtree if t.i >= cut}
    given_skip = skip
    if (dateline := _dateline(sent)) and verb.i not in dateline:
        skip = set(skip) | dateline  # "LONDON, Feb. 26 -- The Royal Bank ..."
    if (reporter := _reporting_we(verb)) is not None:
        # '"We got nothing today from them," said Nathan Cullen': not Cullen
        # got nothing, but what he said
        return build_title(
            context, reporter, sent, skip, off_line=off_line, modality=modality
        )
    subject_skip = set(skip) | _asides(sent, verb)
    skip = subject_skip | set(off_line)
    skip |= {  # "to increase oil capture later on Sunday": no "later" left
        t.i
        for t in sent
        if t.lower_ in ("later", "earlier")
        and t.dep_ == "advmod"
        and (
            t.i + 1 in given_skip  # "later on Sunday"
            or (any(t.children) and all(c.i in given_skip for c in t.children))
        )
    }
    skip |= {  # "had suffered similar ruptures as far back as 2001": no "back"
        x.i
        for t in sent
        if t.lower_ == "back"
        and t.dep_ == "advmod"
        and any(
            c.dep_ == "prep"
            and c.lower_ == "as"  # not "dating back to 1990": the verb's
            and c.i > t.i
            and _emptied(c, given_skip)
            for c in t.children
        )
        for x in t.subtree
    }
    quoted = _quoted(sent)
    subject = subject_of(verb)
    subject_text = ""
    replace: dict[int, str] = {}
    subject_tokens: list[Token] = []
    bare = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    participle = (
        verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and not _announced(verb)
    ) or (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and bare
        and verb.i < verb.head.i
        and verb.left_edge.i == sent.start  # the clause opens the sentence
    )  # "a report released by ...", "Appointed chief justice in 1953, Warren ..."
    infinitival = _infinitival_relative(verb)  # "testimony to be given Tuesday"
    reduced = _reduced_relative(verb, subject)  # "The case, confirmed on Tuesday,"
    participle = participle or infinitival or reduced
    simple_past = False  # a participle read as the simple past
    if (participle or verb.dep_ == "acl") and (
        noun := _noun_root_subject(verb, sent)
    ) is not None:
        # "Fear of a deep global recession washed over Asian and European
        # markets": the verb read as the participle of the complement
        participle, subject, simple_past = False, noun, True
        skip = skip | {
            t.i
            for c in noun.children
            if c.dep_ not in _HEAD_NOUN_PARTS and c.i != verb.i
            for t in c.subtree
        }
    if participle:  # "to be released in mid-2011": no "to be" before "will be"
        skip = skip | {
            c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i
        }
    if participle and (verb.dep_ == "acl" or infinitival):
        subject = verb.head  # "a report released by the Labor Department"
    if subject is not None and subject.i in off_line and subject.i not in subject_skip:
        skip = skip - {t.i for t in _phrase(subject, subject_skip)}
    if subject is not None and subject.i not in skip:
        named = None
        if (
            framer is not None
            and subject.lower_ in ("he", "she")
            and subject.head.i == verb.i
        ):  # "Tony Hayward sparked controversy last week when he told ..."
            named = framer
        elif (teller := _announcer(verb, subject)) is not None:
            named = _render(  # "Cairn's announcement that it": Cairn
                [t for t in _phrase(teller, skip) if t.dep_ != "case"]
            )
        elif subject.pos_ == "PRON" or _is_description(
            subject, ORG_HEADS | PLACE_HEADS
        ):
            named = context.resolve(subject, verb)
        name = _proper_apposition(subject)
        if name is not None and name.i in skip:
            name = None  # "four members of Obama's Cabinet -- Janet Napolitano, ... --"
        person = (
            context.person_in(subject)
            if subject.pos_ not in ("PRON", "PROPN", "VERB")
            else None
        )
        if not named and subject.pos_ == "NOUN":
            named = context.named_by_head(subject)  # "The commission" -> its name
        if not named and subject.pos_ == "NOUN":
            named = context.titled_person(subject)  # "The president" -> Obama
        if not named and subject.pos_ in ("NOUN", "ADJ"):
            # "The admiral" -> Thad Allen ("Coast Guard Adm. Thad Allen")
            named = context.entities.described_person(subject)
        if not named and subject.pos_ == "NOUN":
            # "BP Plc's newly named chief executive" -> Bob Dudley (subj12)
            named = context.entities.office_holder(subject)
        if named:
            subject_text = named
        elif name is not None:
            subject_text = _render(_phrase(name, skip))  # "the airline, Ryanair,"
        elif person is not None:
            subject_text = person  # "The co-founder of Apple Inc. Steve Jobs"
        else:
            subject_tokens = _without_timestamp(
                subject, _phrase(subject, skip | {verb.i})
            )
            subject_tokens = _numbered_name(subject, skip) + subject_tokens
            if (owned := context.counted_assets(subject)) is not None and not any(
                owned[1].split()[0] in t.text for t in sent if t.i not in skip
            ):  # "Two more plants will close" -> "Two more Ford plants"
                replace[owned[0]] = owned[1]
            for t in subject_tokens:  # "his lawyer" -> "Jackson's lawyer"
                if t.lower_ == "whose" and t.dep_ == "poss":
                    # "The woman, whose illness began in early April": the
                    # woman's illness; a relative clause misparsed ("Boeing
                    # and Airbus whose double-decker A380 first flew"): the
                    # noun "whose" follows
                    clause = {x.i for x in verb.subtree}
                    if verb.dep_ == "relcl":
                        noun = _antecedent(verb)
                    elif t.i > sent.start and t.nbor(-1).pos_ in ("NOUN", "PROPN"):
                        noun = t.nbor(-1)
                        clause = {i for i in clause if i >= t.i}
                    else:
                        continue
                    words = _render(_phrase(noun, skip | clause))
                    if words:
                        replace[t.i] = f"{words}’s"
                    continue
                kind = _POSSESSIVES.get(t.lower_)
                if t.lower_ == "their" and t.head.lemma_.lower() in _HOLDINGS:
                    kind = ORGANIZATION  # "On Friday their stocks lost nearly
                    # six percent": a company's shares, as "its" are
                if (
                    kind == ORGANIZATION
                    and t.dep_ == "poss"
                    and (owner := _governing_owner(t)) is not None
                    and (words := _render(_phrase(owner, _asides(sent, owner))))
                ):  # "Chile reported two new cases, adding to its first two
                    # cases reported on Sunday": Chile's, not the nearest body's
                    replace[t.i] = f"{words}’s"
                    continue
                if kind and t.dep_ == "poss":
                    who = (
                        context.possessor(t)
                        if kind == PERSON
                        else context.nearest(kind, t.idx, context.window_start(t))
                    )
                    if who:
                        replace[t.i] = f"{who}’s"
    elif subject is not None and (
        rest := [t for t in _phrase(subject, skip | {verb.i}) if not t.is_punct]
    ):  # "AP ROBERT, Louisiana -- BP admitted": the dateline out, BP stays
        subject_tokens = rest
    elif subject is not None and (
        named := [c for c in subject.children if c.dep_ == "appos" and c.i not in skip]
    ):  # "GRAND ISLE, La. -- BP said": the dateline parsed as the subject, BP
        # as its apposition
        subject_tokens = _phrase(named[0], skip | {verb.i})
    else:  # no subject, or one outside the evidence line: the referent
        subject_text = context.resolve(None, verb) or ""
    if (
        not subject_text
        and subject is not None
        and _vague(subject, subject_tokens)
        and verb.dep_ == "ccomp"
        and verb.head.i not in skip
        and _speech(verb.head)
        and (speaker := speaker_of(verb)) is not None
        and speaker.pos_ == "PROPN"
        and speaker.i not in skip
    ):  # "Karam said the center had passed its last government inspection":
        # "the center" names nothing the article resolves; its speaker does
        return build_title(
            context, verb.head, sent, given_skip, off_line=off_line, modality=modality
        )
    if (
        len(subject_tokens) > 1
        and subject_tokens[0].lower_ == "that"
        and subject_tokens[0].i != subject.i
        and subject_tokens[0].text == "that"
        and subject_tokens[0].i > sent.start
        # "..., but that rig resumed drilling Sunday": a determiner after a
        # conjunction or a comma
        and subject_tokens[0].nbor(-1).pos_ not in ("CCONJ", "PUNCT")
    ):  # "told reporters in a briefing that drilling of the first of two
        # relief wells ... could resume": the complementizer parsed into the subject
        subject_tokens = subject_tokens[1:]
    group, verb_replace = _verb_group(verb, skip, modality)
    if participle:
        plural = subject is not None and _is_plural(subject)
        aux = "were" if plural else "was"
        if modality == "scheduled":
            aux = "will be"
            if verb.lemma_.lower() in _SETTING:  # "the summit scheduled for
                # April 2": it is scheduled, not "will be scheduled"
                aux = "are" if plural else "is"
        if verb.tag_ == "VBN" or reduced:
            done = _inflect(verb.lemma_.lower(), "VBN") if reduced else None
            verb_replace[verb.i] = f"{aux} {done or verb.lower_}"
        else:
            verb_replace[verb.i] = _past(verb) or verb.text
    if not participle and not simple_past and not _finite(group, verb_replace):
        plural = subject is not None and _is_plural(subject)
        verb_replace.update(_finite_forms(verb, group, modality, plural=plural))
    replace.update(verb_replace)
    objects, fronted = clause_tokens(verb, skip)
    # "orders for A380's which it will begin to fly in 2009": the relative
    # word ahead of the subject, the object of a verb further on, is no part
    # of the title ("Qatar which will begin to fly")
    objects = [
        t
        for t in objects
        if not (t.tag_ in ("WDT", "WP") and t.i < verb.i and t.dep_ in _OBJECT_DEPS)
    ]
    objects = objects + _object_infinitive(verb, skip, objects)
    if (said := _statement_saying(verb, skip)) is not None:
        # "Countrywide Financial made a statement this week, saying they will
        # be forced to retain ...": what the statement said
        objects = _clause(said, skip, 1)
        replace[verb.i] = "said"
    antecedent = _relative_object(verb)
    if not objects and not fronted and group and antecedent is None:
        objects = _purpose(verb, skip)  # "BP crews worked to slowly raise ..."
    if not objects and not fronted and (said := _said_before(verb, sent, skip)):
        fronted = [said]
    if not objects and not fronted and (also := _conjoined_predicate(verb, skip)):
        objects = also  # "The Federal Reserve met this week, but decided to
        # maintain its target rate of 5.25%"  # "BP could start ..., the top U.S. official ... said"
    if antecedent is not None and group:
        # "Palin, whom McCain chose as his running mate": McCain chose Palin
        last = max(group, key=lambda t: t.i)
        phrase = _phrase(
            antecedent,
            skip
            | {t.i for t in verb.subtree}
            | {  # not "detained abusing and humiliating looters"
                t.i
                for c in antecedent.children
                if c.dep_ == "amod" and c.tag_ == "VBG"
                for t in c.subtree
            },
        )
        words = _render(phrase)
        if words and phrase[0].tag_ == "DT":
            words = words[0].lower() + words[1:]  # "set up a $20 billion fund"
        if words:
            replace[last.i] = f"{replace.get(last.i, last.text)} {words}"
    for t in objects:  # "Gen George Casey replaced him as top commander"
        if (
            t.lower_ in ("him", "her")
            and t.tag_ == "PRP"
            and t.dep_ in ("dobj", "dative", "pobj")
            and (own := _clause_verb(t.head)) is not None
            and (who := context.previous_person(t, clause=own))
            and who not in subject_text + _render(subject_tokens)
            and not any(  # "the Queen had told him": not the Queen
                who.split()[-1] in _render(_phrase(c, set()))
                for c in own.children
                if c.dep_ in SUBJECT_DEPS
            )
        ):
            replace[t.i] = who
    said = " ".join([subject_text, _render(subject_tokens + group + objects)])
    for i, words in context.descriptions(subject_tokens + objects, said).items():
        replace.setdefault(i, words)
    in_quote = {t.i for t in objects if t.i in quoted}
    quoted_clause = any(
        t.i in in_quote and t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
        for t in objects
    )  # 'said the spill "could be one of the greatest ..."' keeps its verb
    quote_roots = [t for t in objects if t.i in in_quote and t.head.i not in in_quote]
    argument = any(t.dep_ in _ARGUMENTS for t in quote_roots)
    if (
        len(in_quote) > _SHORT_QUOTE
        and len(in_quote) < len(objects)
        and not quoted_clause
        and not argument
    ):  # a long aside quote out; a quoted subject or object stays
        # ('said "a failed piece of equipment" was to blame')
        objects = [t for t in objects if t.i not in in_quote]
    keep = {t.i for t in group} | ({subject.i} if subject is not None else set())
    keep |= _prepositional_object(verb, {t.i for t in objects})
    halves = _hyphen_halves(group + objects, skip | {t.i for t in subject_tokens})
    objects = objects + halves  # "Russia's exchanges will re-open", not "will re"
    keep |= {t.i for t in halves}
    if not subject_text and not subject_tokens:
        first = min(group + objects, key=lambda t: t.i, default=None)
        if first is None or first.pos_ in _BAD_STARTS or first.lower_ == "to":
            # a clause with no subject to name: the article's main actor, or nothing
            subject_text = context.main_actor or ""
            if not subject_text:
                return ""
    if not objects and not fronted and not (subject_text or subject_tokens):
        return ""
    if (
        not fronted and _comment(verb) and verb.head.pos_ in ("VERB", "AUX")
    ):  # "The incident has so far cost BP $1.6 bn, the energy giant said on
        # Monday": what it said is the clause the speech verb hangs on; also
        # "That, the scientists say today, helped reduce ...", "as the
        # conservator said in September, they're reviewing ..."
        own = {t.i for t in verb.subtree}
        fronted = [_clause(verb.head, skip | own, 1)]
    limit = TITLE_MAX_WORDS
    if fronted:  # the speaker leaves room for what was said
        limit = max(6, _SPEAKER_MAX_WORDS - len(subject_text.split()))
    budget_tokens = _without_bare_frames(
        _prune(subject_tokens + group + objects, keep, limit)
    )
    if (
        not fronted
        and subject_text
        and len(subject_text.split()) + len(_render(budget_tokens).split())
        > TITLE_MAX_WORDS
    ):  # a name put for the subject counts too ("Tony Hayward" for "he"):
        # pruned again rather than cut mid-phrase ("compared with the very")
        limit = max(6, TITLE_MAX_WORDS - len(subject_text.split()))
        budget_tokens = _without_bare_frames(
            _prune(subject_tokens + group + objects, keep, limit)
        )
    budget = {t.i for t in budget_tokens}
    head = _render([t for t in subject_tokens if t.i in budget], replace)
    pred = _render(
        sorted(  # once each: "bought back", the particle in both
            {t.i: t for t in group + objects if t.i in budget}.values(),
            key=lambda t: t.i,
        ),
        replace,
    )
    title = " ".join(w for w in (subject_text, head, pred) if w)
    if not fronted and (active := _active(verb, group, objects, budget, replace)):
        # "The government motion was passed by the House of Commons": the
        # House of Commons passed the government motion
        agent, done, rest = active
        undergoer = " ".join(w for w in (subject_text, head) if w)
        first = next((t for t in subject_tokens if t.i in budget), None)
        if (
            first is not None
            and not subject_text
            and first.pos_ not in ("PROPN", "PRON")
            and not first.text.isupper()
        ):  # "Security vendor McAfee detected twelve million computers"
            undergoer = undergoer[:1].lower() + undergoer[1:]
        title = " ".join(w for w in (agent, done, undergoer, rest) if w)
    rendered = [t for t in group + objects if t.i in budget]
    ends_in_particle = bool(rendered) and _particle(max(rendered, key=lambda t: t.i))
    if (
        not fronted
        and (place := _where_place(verb))
        and place.lower() not in title.lower()
        and len(title.split()) + len(place.split()) < TITLE_MAX_WORDS
    ):  # "Latvia, where riots broke out last month": riots broke out in Latvia
        title = f"{title} in {place}"
        ends_in_particle = False
    if fronted:
        words_left = max(6, TITLE_MAX_WORDS - len(title.split()))
        quote_tokens = [
            t
            for part in fronted
            for t in part
            if not t.is_punct or t.text in (",", "’", "'")
        ]
        if _words(quote_tokens) > words_left:
            quote_tokens = _without_opening_adverbials(quote_tokens)
        quote_tokens = _prune(
            quote_tokens, _clause_core(quote_tokens), words_left, _OPTIONAL | {"acl"}
        )
        quote = _tidy(" ".join(_render(quote_tokens).split()[:words_left]))
        while (first := quote.split(" ", 1))[0].lower().strip(",") in _LEADING:
            # 'McKay said: But the domes are still being fabricated'
            quote = _tidy(first[1]) if len(first) > 1 else ""
            quote = quote[:1].upper() + quote[1:]
        if quote:
            title = f"{title}: {quote}" if title else quote
            ends_in_particle = False
    return tidy(title, keep_last=ends_in_particle)


def _where_place(verb: Token) -> str:
    """'the collapse of the government in Latvia, where riots broke out last
    month': a relative clause of "where" took place in its antecedent, a
    named place; the clause alone loses where ("Riots broke out")."""
    if verb.dep_ != "relcl" or not any(
        c.lower_ == "where" and c.dep_ == "advmod" and c.i < verb.i
        for c in verb.children
    ):
        return ""
    noun = verb.head
    if noun.ent_type_ not in ("GPE", "LOC", "FAC") or noun.pos_ != "PROPN":
        return ""
    own = {t.i for t in verb.subtree}
    return _render(
        [t for t in _phrase(noun, own) if t.ent_type_ not in ("DATE", "TIME")]
    )


_OBJECT_NAMES = frozenset(["PERSON", "ORG", "NORP"])


def _object_infinitive(
    verb: Token, skip: set[int], objects: list[Token]
) -> list[Token]:
    """'Obama tapped Allen last month to be national incident commander': a
    to-infinitive with no subject of its own after a named or common-noun
    object (only a date between, no comma) says what the object was chosen
    or asked to do (or what it was for),
    which the small model hangs on the verb as an adverbial clause; without
    it "Obama tapped Allen" loses the what."""
    present = {t.i for t in objects}
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i in present), None)
    if obj is None or not (
        obj.ent_type_ in _OBJECT_NAMES
        or obj.lower_ in ("him", "her", "them")
        or (obj.pos_ == "NOUN" and not obj.ent_type_)
    ):  # "Obama formally directs officials to draw up a long-term ... plan"
        return []
    doc = verb.doc
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.i > obj.i
            and c.i not in skip
            and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
            and not any(a.dep_ in SUBJECT_DEPS for a in c.children)
            and not _set_off(c)
            and all(
                t.i in skip or t.i in present or t.ent_type_ in ("DATE", "TIME")
                for t in doc[obj.right_edge.i + 1 : c.left_edge.i]
            )
        ):
            return [t for t in _clause(c, skip, 1) if t.i not in present]
    return []


def _active(
    verb: Token,
    group: list[Token],
    objects: list[Token],
    budget: set[int],
    replace: dict[int, str],
) -> tuple[str, str, str] | None:
    """A done passive ("was passed", "were detected") with a named agent ("by
    the House of Commons", "by Apple"): the agent, the verb in the past and
    the rest of the predicate, to tell it in the active voice."""
    if verb.tag_ != "VBN" or verb.i not in budget:
        return None
    agents = [c for c in verb.children if c.dep_ == "agent" and c.i in budget]
    if len(agents) != 1:
        return None
    by = agents[0]
    names = [c for c in by.children if c.dep_ == "pobj"]
    if len(names) != 1:
        return None
    name = names[0]
    words = [t for t in name.subtree if t.i in budget]
    if (
        name.pos_ != "PROPN"
        or name.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP", "")
        or any(t.i not in budget for t in name.subtree if not t.is_punct)
    ):
        return None
    said = replace.get(verb.i, verb.text).split()
    auxes = [t for t in group if t.i != verb.i and t.i in budget]
    if len(said) == 2 and not auxes:  # a participle told as "was held"
        if said[0] not in ("was", "were"):
            return None
    elif not (
        len(said) == 1
        and len(auxes) == 1
        and auxes[0].dep_ == "auxpass"
        and auxes[0].lower_ in ("was", "were")
        and auxes[0].i not in replace
    ):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    past = _inflect(verb.lemma_.lower(), "VBD")
    if not past:
        return None
    particles = [t for t in objects if _particle(t) and t.head.i == verb.i]
    agent_part = {t.i for t in by.subtree}
    rest = [
        t
        for t in objects
        if t.i in budget and t.i not in agent_part and t not in particles
    ]
    text = _render(words, replace)
    if words and words[0].tag_ == "DT":
        text = text[:1].upper() + text[1:]
    done = " ".join([past, *(t.text for t in particles)])
    return text, done, _render(rest, replace)


def _hyphen_halves(tokens: list[Token], skip: set[int]) -> list[Token]:
    """The rest of words the tokenizer split at a hyphen ("re" "-" "open"):
    the hyphen and the part after it, or before it, written with no space."""
    present = {t.i for t in tokens}
    out: list[Token] = []
    for t in tokens:
        doc = t.doc
        for a, hyphen, b in ((t.i, t.i + 1, t.i + 2), (t.i - 2, t.i - 1, t.i)):
            if a < t.sent.start or b >= t.sent.end:
                continue
            if (
                doc[hyphen].text == "-"
                and not doc[a].whitespace_
                and not doc[hyphen].whitespace_
                and doc[a].is_alpha
                and doc[b].is_alpha
            ):
                for i in (a, hyphen, b):
                    if i not in present and i not in skip:
                        present.add(i)
                        out.append(doc[i])
    return out


def _date_object(verb: Token, skip: set[int]) -> set[int]:
    """A date left out that is the verb's only direct object, which the verb
    says nothing without: "All 5,200 participating developers will spend the
    rest of the week in workshops" (not "will spend in workshops")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].i not in skip:
        return set()
    obj = objects[0]
    words = {t.i for t in obj.subtree}
    if obj.i < verb.i or obj.pos_ != "NOUN" or not words <= skip:
        return set()  # "exploded April 20": a calendar date is no object
    return words


# Nouns of a statement made, issued or released: the frame of what it said.
_STATEMENT_NOUNS = frozenset(["statement", "announcement", "comment", "remark"])


def _statement_saying(verb: Token, skip: set[int]) -> Token | None:
    """'made a statement this week, saying they will be forced to retain a
    greater proportion of mortgage': a past verb whose only object is a bare
    statement, with a "saying" clause after it: the clause said."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "neg") for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if (
        len(objects) != 1
        or objects[0].lemma_.lower() not in _STATEMENT_NOUNS
        or any(c.dep_ not in ("det", "amod") for c in objects[0].children)
    ):
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and c.lower_ == "saying" and c.i > objects[0].i:
            said = [
                x for x in c.children if x.dep_ == "ccomp" and x.pos_ in ("VERB", "AUX")
            ]
            if said and said[0].i not in skip:
                return said[0]
    return None


def _conjoined_predicate(verb: Token, skip: set[int]) -> list[Token]:
    """A verb with nothing after it ("The Federal Reserve met") and a second
    predicate of the same subject joined to it that says what it did
    (", but decided to maintain its target rate"): the conjunction and that
    predicate, the second verb with its objects."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return []
    for c in verb.children:
        if (
            c.dep_ == "conj"
            and c.pos_ == "VERB"
            and c.tag_ == verb.tag_  # not "to be elected on Thursday and step down"
            and c.i > verb.i
            and c.i not in skip
            and not any(x.dep_ in SUBJECT_DEPS for x in c.children)
            and any(x.dep_ in _OBJECT_DEPS and x.i not in skip for x in c.children)
        ):
            own = _clause(c, skip, 1)
            if not own or any(t.ent_type_ in ("DATE", "TIME") for t in own):
                return []  # "and step down on Friday": its own event
            cc = [
                x
                for x in verb.children
                if x.dep_ == "cc" and verb.i < x.i < c.i and x.i not in skip
            ]
            return cc + own
    return []


def _purpose(verb: Token, skip: set[int]) -> list[Token]:
    """What a verb with nothing after it was done for, a to-infinitive not set
    off by a comma: "BP crews worked Saturday to slowly raise the 300-ton
    blowout preventer", "BP acquiesced on Wednesday to fork over $20 billion"."""
    for c in verb.children:
        if (
            c.dep_ in ("advcl", "xcomp")
            and c.i > verb.i
            and c.i not in skip
            and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
            and not _set_off(c)
        ):
            return _clause(c, skip, 1)
    return []


def _said_before(verb: Token, sent: Span, skip: set[int]) -> list[Token]:
    """What a speech verb with nothing said of its own reports: the clause of
    the sentence's root before it, which the parse hung it on ("BP could
    start its static kill plan ... by this weekend, ... the top U.S. official
    dealing with the spill said on Thursday", "said" read as a relative
    clause). Nothing when the root is the speech verb itself."""
    root = sent.root
    if (
        not _speech(verb)
        or verb.tag_ not in _FINITE_TAGS  # "the 777, announced last November"
        or not any(  # not "Shell, which also reports this week"
            c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children
        )
        or root.i == verb.i
        or root.i > verb.i
        or root.i in skip
        or root.pos_ not in ("VERB", "AUX")
    ):
        return []
    said = _clause(root, skip | {t.i for t in verb.subtree}, 1)
    if root not in said or _words(said) < 3:
        return []
    doc = sent.doc
    if any(  # a headline glued before it: "... over legal threat Officers say"
        doc[i].text[:1].isupper()
        and doc[i].pos_ not in ("PROPN", "PRON")
        and not doc[i - 1].is_punct
        for i in range(said[0].i + 1, said[-1].i + 1)
    ):
        return []
    return said


def _finite(group: list[Token], replace: dict[int, str]) -> bool:
    """Whether a verb group, as it will be written, has a finite verb."""
    for t in group:
        if t.dep_ == "neg" or _particle(t) or t.dep_ == "advmod":
            continue
        words = replace.get(t.i)
        if words is not None:
            if words and not words.startswith("to "):
                return True
            continue
        if t.tag_ in _FINITE_TAGS:
            return True
    return False


def _finite_forms(
    verb: Token, group: list[Token], modality: str, *, plural: bool
) -> dict[int, str]:
    """A verb group with no finite verb told as a clause: "its next dividend
    to be announced on 27 July" -> will be announced, "being given a
    facelift" -> was given, "GM plans to cut jobs and close 12 facilities by
    2008" -> GM will close, "having boosted" -> boosted, "scheduled to enter
    service" -> was scheduled. Nothing for a verb it cannot tell."""
    if verb not in group or verb.tag_ not in ("VB", "VBG", "VBN"):
        return {}
    if verb.text[:1].isupper() and verb.i > verb.sent.start:
        return {}  # "Russia Business Report Watch the next program": a heading
    if verb.dep_ in ("amod", "compound", "nmod", "npadvmod", "pobj", "dobj", "nsubj"):
        return {}  # "This week retired coastguard Admiral Thad Allen": a modifier
    auxes = [t for t in group if t.dep_ in ("aux", "auxpass") and t.i < verb.i]
    if verb.tag_ == "VB" and not auxes and verb.dep_ != "conj":
        return {}  # an imperative, or a misparse: no tense to give it
    if verb.tag_ == "VBG" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in verb.children
    ):
        return {}  # "BP's doubling of net profits": a noun
    passive = (
        verb.tag_ == "VBN"
        and (
            any(t.dep_ == "auxpass" for t in auxes)
            or not auxes
            and not any(c.dep_ in ("nsubj", "dobj", "dative") for c in verb.children)
            and (  # "Tony Blair injured" (a caption) is one, "Tropical Storm
                # Colin dissipated" none
                verb.dep_ != "ROOT"
                or _inflect(verb.lemma_.lower(), "VBD") != verb.lower_
                or any(c.dep_ in ("agent", "nsubjpass") for c in verb.children)
            )
        )
    )  # a bare participle with a subject of its own or an object: a past tense mistagged
    if (
        passive
        and not auxes
        and verb.dep_ in ("conj", "dep")
        and verb.head.tag_ == "VBD"
        and _inflect(verb.lemma_.lower(), "VBD") == verb.lower_
        and not any(c.dep_ == "auxpass" for c in verb.head.children)
    ):  # "tripled in 2004, doubled in 2005 and increased by 16 percent":
        # a past tense like the one it is coordinated with
        return {}
    if verb.tag_ == "VBN" and not passive and not auxes:
        return {}
    lemma = verb.lemma_.lower()
    out = {t.i: "" for t in auxes}
    if passive:
        be = "were" if plural else "was"
        if modality == "scheduled":  # "is scheduled to enter service in 2008"
            be = ("are" if plural else "is") if lemma in _PLANNING else "will be"
        if auxes:
            out[auxes[0].i] = be
        else:
            out[verb.i] = f"{be} {verb.text}"
        return out
    if modality == "scheduled":
        out[verb.i] = f"will {lemma}"
    elif (past := _past(verb)) is not None:
        out[verb.i] = past if verb.lower_ != "being" else ("were" if plural else "was")
    else:
        return {}
    return out


def _tidy(title: str, *, keep_last: bool = False) -> str:
    for q in ("``", "''", "“", "”", '"', "«", "»"):
        title = title.replace(q, "")
    title = _SPACES.sub(" ", title).strip(_TRIM)
    title = re.sub(r"\s+([,.;:!?%])", r"\1", title)
    title = re.sub(r"\s+(['’]s)\b", r"\1", title)
    title = _EMPTIED_PREP.sub(r"\1", title)  # "from 2009 to 2011" without 2009
    title = _REPEATED.sub(r"\1", title)  # "may or may not" without "or"
    while not keep_last:  # no dangling "and", "to", "of" where something was cut out
        head, _, last = title.rpartition(" ")
        if not head or not (
            last.lower() in _DANGLING
            or last.lower() in _DATE_OPENERS - {"effective"}
            and head.rpartition(" ")[2].lower() not in _NOT_OPENED
        ):  # "to stop work beginning" (on Friday), not "marked the beginning"
            break
        title = head.rstrip(_TRIM)
    return title.rstrip(_TRIM)


def tidy(title: str, *, keep_last: bool = False) -> str:
    """Quotes and stray spaces out, no dangling word, capitalised, within the limits.

    `keep_last`: the last word is a verb's particle ("going on"), not a
    preposition left dangling by a cut."""
    title = _tidy(title, keep_last=keep_last)
    while True:  # "But the president will return ...": no leading conjunction
        first, _, rest = title.partition(" ")
        if not rest or first.lower().strip(",") not in _LEADING:
            break
        title = rest.lstrip(_TRIM)
    words = title.split()
    if len(words) > TITLE_MAX_WORDS:
        title = _tidy(" ".join(words[:TITLE_MAX_WORDS]))
    while len(title) > TITLE_MAX_CHARS:
        title = _tidy(title.rsplit(" ", 1)[0])
    if title[:1].islower():
        title = title[0].upper() + title[1:]
    return title
