"""People, countries and organisations mentioned in an article, canonical within it.

Everything is decided per article: "President Donald Trump" introduces the
person Donald Trump, so a later "Trump" (even when spaCy labels it ORG) and
"the American president" are the same person; "Zelenskyy" labelled GPE is a
person when the article names "Ukrainian President Volodymyr Zelenskyy".
Countries come from GPE/NORP/LOC/FAC mentions, capitals, demonyms and
metonyms ("the Kremlin"), as ISO 3166-1 alpha-2 codes. Known aliases are data
(timeline/extraction/data/*.json) that a Lexicon from the database extends.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from timeline.extraction.types import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

PERSON = "person"
COUNTRY = "country"
ORGANIZATION = "organization"

_WS = re.compile(r"\s+")
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = "\"'`“”‘’()[]{},.;:!?–—-"


def normalise_alias(name: str) -> str:
    """How aliases are compared: case-folded, whitespace folded, no leading 'the'.

    The same rule as timeline.models.normalise_alias (kept Django-free here).
    """
    folded = _WS.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()
    return re.sub(r"^the ", "", folded)


@dataclass(frozen=True)
class Mention:
    """A resolved mention: character offsets into the text, kind, canonical value."""

    start: int
    end: int
    kind: str  # person, country, organization
    value: str  # canonical name, or ISO alpha-2 code for a country


def _load(name: str) -> dict:
    text = (
        resources.files("timeline.extraction").joinpath("data", name).read_text("utf-8")
    )
    return json.loads(text)


@cache
def _person_data() -> dict:
    return _load("persons.json")


@cache
def _pycountry_names() -> dict[str, str]:
    import pycountry

    from timeline.extraction.countries import country_names

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[normalise_alias(value)] = c.alpha_2
    for code, short in country_names().items():
        names.setdefault(normalise_alias(short), code)
    return names


@cache
def default_lexicon() -> Lexicon:
    """The aliases shipped with the pipeline (normalised keys).

    People: alias -> canonical name; organisations: alias -> canonical name;
    countries: alias (demonym, capital, metonym, name) -> ISO alpha-2 code.
    Ingestion may seed these into the admin's alias tables.
    """
    countries = dict(_pycountry_names())
    countries.update(_load("countries.json")["aliases"])
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
    _starts: list[int] = field(init=False, repr=False)

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
        self, start: int, end: int
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(actors, countries, organizations) mentioned in [start, end), in order."""
        found: dict[str, dict[str, None]] = {
            PERSON: {},
            COUNTRY: {},
            ORGANIZATION: {},
        }
        for m in self.within(start, end):
            found[m.kind][m.value] = None
        return (
            tuple(found[PERSON]),
            tuple(found[COUNTRY]),
            tuple(found[ORGANIZATION]),
        )


class EntityResolver:
    """Resolves the entities of parsed articles against default + given aliases.

    Build one per lexicon (cheap dict merges); reuse it for many documents.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        base = default_lexicon()
        extra = lexicon or Lexicon()
        self.people = {**base.people, **_norm_keys(extra.people)}
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
        self.descriptors = [tuple(d.split()) for d in org_data.get("descriptors", ())]
        self.max_title_len = max(len(t) for t in self.titles)
        self.max_role_len = max(len(t) for t in self.roles)
        self._matchers: dict[int, object] = {}

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
            known = (alias is not None and normalise_alias(alias) != key) or (
                " " in key and self._by_surname(key) is not None
            )
            titled = any(c.titled for c in cands)
            org_like = key in org_keys or any(self._org_context(doc, c) for c in cands)
            group = any(_plural_group(doc, c) or _after_the(doc, c) for c in cands)
            shaped = all(_name_shaped(doc, c, self.non_name_words) for c in cands)
            if len(words) >= 2:
                if known or (titled and shaped):
                    verdicts[key] = PERSON
                elif org_like or group:
                    verdicts[key] = ORGANIZATION
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
            if (
                org_like
                or group
                or any(k.split()[0] == key for k in org_keys)
                or any(_conj_of_org(doc, c) for c in cands)
            ):
                # "Cerberus" of "Cerberus Capital Management"; "Lockheed and Sikorsky".
                verdicts[("single", key)] = ORGANIZATION
            elif shaped and any(self._speaks(c) for c in cands):
                verdicts[("single", key)] = PERSON
            else:
                verdicts[("single", key)] = ""
        return verdicts

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
        return i < len(doc) and doc[i].lower_ in self.org_after

    def _speaks(self, cand: _Candidate) -> bool:
        """The name is the subject of a communication or cognition verb."""
        for tok in cand.ent.doc[cand.start : cand.end]:
            if tok.dep_ in ("nsubj", "nsubjpass") and (
                tok.head.lemma_.lower() in self.speech_verbs
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
        if key in self.organizations:
            return self.organizations[key]
        while len(words) > 1 and (
            words[-1].casefold() in self.legal_suffixes or words[-1] in ("&", "and")
        ):
            words.pop()
        key = normalise_alias(" ".join(words))
        if key in self.organizations:
            return self.organizations[key]
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
        self, doc: Doc, exclude: Iterable[tuple[int, int]] = ()
    ) -> ArticleEntities:
        """The article's mentions; none overlapping an `exclude` character range.

        The pipeline excludes its temporal expressions, so "UTC" or "Monday"
        mislabelled ORG never become organisations.
        """
        n = len(doc)
        lowers = doc.to_array("LOWER")  # one array instead of a Token per word
        taken = bytearray(n)  # token -> already part of a mention
        mentions: list[Mention] = []

        def add(start_tok: int, end_tok: int, kind: str, value: str) -> None:
            if start_tok >= end_tok:
                return
            mentions.append(
                Mention(
                    doc[start_tok].idx,
                    doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
                    kind,
                    value,
                )
            )
            for i in range(start_tok, end_tok):
                taken[i] = 1

        # 0. What the article itself says is an organisation: its ORG/PRODUCT
        # names (and their first words), so a PERSON label elsewhere on the
        # same name ("Ryanair", "Ford Falcon") can be checked against them.
        org_keys: dict[str, str] = {}  # normalised ORG name -> its text
        org_firsts: dict[str, str] = {}  # first word of a longer ORG -> ORG key
        product_firsts: set[str] = set()
        index_keys: set[str] = set()
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PRODUCT"):
                continue
            s, e = _trim_tokens(ent)
            key = normalise_alias(_clean_name(doc[s:e].text)) if s < e else ""
            if not key:
                continue
            if ent.label_ == "ORG" and _is_index(doc, s, e, key):
                index_keys.add(key)  # "the Hang Seng index": a stock index
                index_keys.add(key.split()[0])
                continue
            if ent.label_ == "ORG":
                org_keys.setdefault(key, _clean_name(doc[s:e].text))
                first = key.split()[0]
                if " " in key:
                    org_firsts.setdefault(first, key)
            product_firsts.add(key.split()[0])

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
            s, e = _trim_tokens(ent)
            words = [t.lower_ for t in doc[s:e]]
            k = self._strip_title(words)
            name_s = s + k
            if name_s >= e:
                continue
            name = _clean_name(doc[name_s:e].text)
            if not name or not any(ch.isalpha() for ch in name):
                continue
            # Title words before the entity too ("Russian President" + "Vladimir Putin").
            before = []
            j = ent.start - 1
            while j >= 0 and j >= ent.start - 6:
                w = doc[j].lower_
                if w in self.title_words or (
                    w in self.countries and doc[j].text[:1].isupper()
                ):
                    before.append(w)
                    j -= 1
                else:
                    break
            before.reverse()
            role, country = self._role_of(before + words[:k])
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
                )
            )
        verdicts = self._judge_candidates(doc, candidates, org_keys, product_firsts)
        for cand in candidates:
            if verdicts[cand.key] != PERSON or " " not in cand.key:
                continue
            canonical = (
                self.people.get(cand.key) or self._by_surname(cand.key) or cand.name
            )
            full_names[cand.key] = canonical
        for key, canonical in full_names.items():
            last = key.split()[-1]
            if surnames.get(last, canonical) != canonical:
                surnames[last] = None
            else:
                surnames[last] = canonical
        first_names = self._first_names(full_names)
        for cand in candidates:
            verdict = verdicts[cand.key]
            if verdict == "single":  # one word: a person only with support
                verdict = (
                    PERSON
                    if surnames.get(cand.key) or cand.key in first_names
                    else verdicts.get(("single", cand.key), "")
                )
            if verdict == PERSON:
                canonical = (
                    self.people.get(cand.key) or self._by_surname(cand.key) or cand.name
                )
                persons.append((cand.ent, cand.start, cand.end, canonical))
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
            resolved = person_for(name) or canonical
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
            key = normalise_alias(text)
            if not key:
                continue
            # A one-word name is a person here only on this article's evidence
            # (the lexicon holds every stored actor: one mislabel must not spread).
            person = person_for(text, use_lexicon=" " in key) or (
                key if key in known_single else None
            )
            if person is not None and ent.label_ in _REPAIRABLE:
                add(s, e, PERSON, person if person != key else text)
                continue
            if key in self.countries and ent.label_ in _PLACE_LIKE:
                add(s, e, COUNTRY, self.countries[key])
            elif key in self.organizations and ent.label_ in _PLACE_LIKE:
                add(s, e, ORGANIZATION, self.organizations[key])
            elif (
                ent.label_ == "ORG"
                and _plausible_org(doc[s:e])
                and ("product", key) not in verdicts
                and key not in index_keys
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
            if span.label_ == COUNTRY and key in self.countries:
                add(span.start, span.end, COUNTRY, self.countries[key])
            elif span.label_ == ORGANIZATION and key in self.organizations:
                add(span.start, span.end, ORGANIZATION, self.organizations[key])
            elif (
                span.label_ == PERSON
                and key in self.people
                and verdicts.get(key, PERSON) == PERSON
                and key.split()[0] not in org_keys
                and not any(w in self.non_name_words for w in key.split())
            ):
                add(span.start, span.end, PERSON, self.people[key])

        # 5. Role phrases: "the American president", "his Russian counterpart".
        if roles:
            self._resolve_roles(doc, lowers, taken, roles, add)

        ranges = sorted(exclude)
        if ranges:
            starts = [a for a, _ in ranges]
            kept = []
            for m in mentions:
                i = bisect_left(starts, m.end) - 1
                if i >= 0 and ranges[i][1] > m.start:
                    continue
                kept.append(m)
            mentions = kept
        return ArticleEntities(mentions)

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


_PARTICLES = frozenset(
    {"de", "da", "di", "du", "van", "von", "der", "den", "bin", "al", "la", "le", "el"}
)


def _name_shaped(doc: Doc, cand: _Candidate, non_name_words: frozenset[str]) -> bool:
    """Every word is a capitalised name, an initial or a particle; none is a
    common noun of things ("Store", "Falcon", "App") or a web address."""
    for tok in doc[cand.start : cand.end]:
        text = tok.text
        low = tok.lower_
        if tok.tag_ == "POS" or tok.is_punct and text in "-'’":
            continue
        if low in non_name_words or any(ch.isdigit() for ch in text):
            return False
        if "." in text.rstrip(".") and not re.fullmatch(r"(?:[A-Z]\.)+", text):
            return False  # "GovExec.com"; "J.R." is fine
        if not text[:1].isupper() and low not in _PARTICLES:
            return False
    return True


_INDEX_WORDS = ("index", "indices", "indexes")
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


def _tokens_with(doc: Doc, lowers, words) -> list:
    """The tokens whose lower-cased text is one of `words`, found without a loop."""
    import numpy

    strings = doc.vocab.strings
    hashes = numpy.array([strings.add(w) for w in words], dtype=lowers.dtype)
    if not len(hashes) or not len(lowers):
        return []
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(lowers, hashes))]


# Country names that are as often something else (a US state, a first name):
# they count only where spaCy itself labels them a place.
_NOT_IN_FREE_TEXT = frozenset({"georgia", "jordan", "chad", "guinea", "niger"})
_ROLE_DETERMINERS = {"the", "his", "her", "their", "its"}
# Labels spaCy gives a person's name by mistake, repaired by article consistency.
_REPAIRABLE = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_PLACE_LIKE = {"GPE", "NORP", "LOC", "FAC", "ORG"}


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


def _norm_keys(table: dict[str, str]) -> dict[str, str]:
    return {normalise_alias(k): v for k, v in table.items() if k and v}


def _trim_tokens(span: Span) -> tuple[int, int]:
    """Token bounds of an entity without a leading determiner or trailing 's/punct."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (
        doc[s].lower_ in ("the", "a", "an")
        or doc[s].is_punct
        or doc[s].is_space
        or doc[s].tag_ in ("``", "''")
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


def _clean_name(text: str) -> str:
    text = _WS.sub(" ", text).strip().strip(_EDGE_PUNCT).strip()
    text = _POSSESSIVE.sub("", text).strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    return text


def _plausible_org(span: Span) -> bool:
    """An ORG entity worth keeping: short, and its words are names."""
    if not 0 < len(span) <= 8:
        return False
    if not any(t.pos_ == "PROPN" or t.is_upper for t in span):
        return False
    return all(
        t.text[:1].isupper() or not t.is_alpha or t.pos_ in ("ADP", "DET", "CCONJ")
        for t in span
    )
