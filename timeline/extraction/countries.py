"""ISO 3166 countries by the names news writes them with."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import pycountry

from timeline.extraction import gazetteer
from timeline.extraction.names import normalise_alias
from timeline.extraction.nlp import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Short names where pycountry's official name is not what news uses.
SHORT_NAMES = {
    "BN": "Brunei",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "PS": "Palestine",
    "RU": "Russia",
    "TR": "Turkey",
    "US": "United States",
    "VA": "Vatican City",
}


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the short English name news uses."""
    names = {}
    for c in pycountry.countries:
        names[c.alpha_2] = SHORT_NAMES.get(
            c.alpha_2, getattr(c, "common_name", None) or c.name
        )
    return names


def country_name(code: str) -> str:
    return country_names().get(code.upper(), code)


@cache
def country_aliases() -> dict[str, str]:
    """Normalised name, demonym, capital or metonym -> ISO alpha-2 code.

    pycountry's names, the short names above, and the shipped aliases
    (timeline/extraction/data/countries.json), which win.
    """
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[normalise_alias(value)] = c.alpha_2
    for code, short in country_names().items():
        names.setdefault(normalise_alias(short), code)
    for alias, code in _data()["aliases"].items():
        names[normalise_alias(alias)] = code
    return names


@cache
def _data() -> dict:
    return json.loads(
        resources.files("timeline.extraction")
        .joinpath("data", "countries.json")
        .read_text("utf-8")
    )


@cache
def institution_countries() -> dict[str, str]:
    """Normalised name of a stock index or a national public body -> the
    country it belongs to ("Nikkei" -> JP, "NHS" -> GB, "Congressional Budget
    Office" -> US): general knowledge, `institutions` in data/countries.json."""
    return {
        normalise_alias(name): code
        for name, code in _data().get("institutions", {}).items()
    }


# What follows an index's name ("the Nikkei 225 index", "Dow Jones Industrial
# Average"): not part of the name looked up.
_INDEX_TAIL = ("index", "indices", "indexes", "average", "industrial", "industrials")


def index_country(name: str) -> str | None:
    """The country of a stock index named `name`: a known index ("the Dow
    Jones Industrial Average", "Nikkei 225" -> JP), else the country its own
    words name ("the Argentinean MERVAL index" -> AR, "the Brazilian Bovespa");
    None when neither says."""
    words = normalise_alias(name).split()
    while words and words[-1] in _INDEX_TAIL:
        words.pop()
    known = institution_countries()
    aliases = country_aliases()
    for n in range(len(words), 0, -1):
        code = known.get(" ".join(words[:n]))
        if code:
            return code
    codes = {aliases[w] for w in words if w in aliases}
    if len(codes) == 1:
        return codes.pop()
    for i in range(1, len(words)):  # "the Argentinean MERVAL": the name after it
        code = known.get(" ".join(words[i:]))
        if code:
            return code
    return None


def country_code(name: str) -> str | None:
    """ISO alpha-2 code for a country's name, demonym, capital or metonym.

    "Russia", "Russian", "Moscow", "the Kremlin" -> "RU"; None if unknown.
    Uses the default alias data (timeline/extraction/data/countries.json) and
    pycountry's names; a two-letter code is returned as is when it is one.
    """
    text = name.strip()
    if len(text) == 2 and text.upper() in country_names():
        return text.upper()
    return country_aliases().get(normalise_alias(text))


@cache
def _plain_names() -> dict[str, str]:
    """Normalised names of countries (no demonyms, capitals or metonyms)."""
    names = {
        normalise_alias(v): c.alpha_2
        for c in pycountry.countries
        for v in (getattr(c, a, None) for a in ("name", "common_name"))
        if v and "," not in v
    }
    names.update({normalise_alias(v): k for k, v in country_names().items()})
    for alias in ("america", "britain", "great britain", "uk", "us", "usa"):
        names[alias] = country_code(alias) or ""
    return {k: v for k, v in names.items() if v}


def branch_country(name: str) -> str | None:
    """The country a company's own name ends with: the branch's ("Ford
    Australia" -> AU, "Vodafone Ireland" -> IE, "BP America" -> US), not
    its parent's head office; None when the name ends with no country's
    name, or with one that is also another country's region ("University
    of Georgia")."""
    words = normalise_alias(name).split()
    plain = _plain_names()
    for n in (3, 2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n and (code := plain.get(tail)):
            if any(p.subdivision and p.country != code for p in gazetteer.lookup(tail)):
                return None  # "University of Georgia": the US state's
            return code
    return None


# Currency words that are also everyday English ("the mark", "the sum"):
# never read as a currency.
_COMMON_WORDS = frozenset(
    ["mark", "sum", "sol", "real", "gold", "som", "kip", "dram", "convertible"]
)


@cache
def currency_countries() -> dict[str, str]:
    """A currency's word -> the one country it is the money of: "won" -> KR,
    "yen" -> JP, "ringgit" -> MY, "yuan" -> CN (pycountry's ISO 4217 names,
    whose code starts with the country's ISO 3166 code). Words several
    countries' currencies share ("dollar", "peso", "franc") are left out."""
    exact: dict[str, set[str]] = {}
    parts: dict[str, set[str]] = {}
    codes = country_names()
    for currency in pycountry.currencies:
        country = currency.alpha_3[:2]
        if country not in codes or "(" in currency.name:
            continue  # funds and units of account ("Mexican Unidad de Inversion (UDI)")
        if any(
            w.isupper() and normalise_alias(w) not in country_aliases()
            for w in currency.name.split()
        ):
            continue  # "WIR Euro": a fund's, not "UAE Dirham"
        words = currency.name.lower().split()
        if len(words) == 1:
            exact.setdefault(words[0], set()).add(country)
        parts.setdefault(words[-1], set()).add(country)
        if len(words) == 2 and normalise_alias(words[0]) not in country_aliases():
            parts.setdefault(words[0], set()).add(country)  # "Yuan Renminbi"
    found = {w: c.pop() for w, c in parts.items() if len(c) == 1}
    found.update({w: c.pop() for w, c in exact.items() if len(c) == 1})
    return {
        w: c
        for w, c in found.items()
        if w not in _COMMON_WORDS
        and w.isalpha()
        and normalise_alias(w) not in country_aliases()
    }


@cache
def _institution_pattern() -> re.Pattern[str]:
    # As written (case matters: "the Nikkei", not "nikkei"), names of 4
    # characters or more ("Dow", "SET", "IPC" are words or other things).
    names = sorted(
        (n for n in _data().get("institutions", {}) if len(n) >= 4),
        key=len,
        reverse=True,
    )
    return re.compile(
        r"(?<![\w&/-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w&/-])"
    )


def institution_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of the stock indices and national bodies `text`
    names as they are written, whatever a tagger made of them ("For the day,
    the Nikkei closed down 6.4 percent" -> JP)."""
    known = institution_countries()
    return [
        (m.start(), m.end(), known[normalise_alias(m.group(0))])
        for m in _institution_pattern().finditer(text)
    ]


# The article's main country: named at least this often, and either three in
# five of its country mentions or this many times the next country.
MAIN_MENTIONS = 2
MAIN_LEAD = 2
# A country that leads only by MAIN_LEAD (no majority) is the article's own
# only when it is named in this first share of the text (its lead, where a
# story says where it is, not a passage late in it) or before any other.
HOME_LEAD_SHARE = 1 / 3
# A list of this many places of one country is one mention of it.
LIST_ITEMS = 3


def main_country(counts: Mapping[str, int]) -> str | None:
    """The country an article is about, from how often it names each (its
    places, demonyms and capitals): the one named at least 3 times and in 3
    of 5 country mentions, or else at least MAIN_MENTIONS times and
    MAIN_LEAD times as often as any other ("London" and "British" 14 times,
    Iraq 5 times: Britain). None when no country leads so."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    code, n = ranked[0]
    if _majority(counts, code):
        return code
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= MAIN_MENTIONS and n >= MAIN_LEAD * second:
        return code
    return None


def _majority(counts: Mapping[str, int], code: str) -> bool:
    """`code` is named at least 3 times and in 3 of 5 country mentions."""
    n = counts.get(code, 0)
    return n >= 3 and 5 * n >= 3 * sum(counts.values())


# "Brazilian-born", "German-made": where someone or something comes from.
_ORIGIN_PARTICIPLES = frozenset(
    ["born", "bred", "raised", "educated", "trained", "made", "built", "designed"]
)
_SUBJECTS = frozenset(["nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"])


def owns_an_object(tok: Token, *, named: bool = False) -> bool:
    """A possessive whose noun is no subject: "approved a drug maker's
    vaccine" (the owner does not act); with `named`, only of a thing's name
    ("antivirals like Roche's Tamiflu", not "at BP's failure to plug")."""
    return (
        tok.dep_ == "poss"
        and tok.head.dep_ not in _SUBJECTS
        and (not named or tok.head.pos_ == "PROPN")
    )


def only_a_modifier(doc: Doc, start: int, end: int) -> bool:
    """A country word at tokens [start, end) that says where someone or
    something comes from, not where the event is: "the Brazilian-born
    striker", "approved a Swiss drug maker's vaccine" (the demonym of a
    possessor that does not act)."""
    if end + 1 < len(doc) and doc[end].text == "-":
        return doc[end + 1].lower_ in _ORIGIN_PARTICIPLES or only_a_backer(
            doc, start, end
        )
    last = doc[end - 1]
    if in_an_amount(doc, start, end) or only_a_likeness(doc, start, end):
        return True
    return last.dep_ in ("amod", "compound") and owns_an_object(last.head)


# "the US-appointed Governing Council", "the Norwegian-sponsored ceasefire":
# who put a body or a process in place, not who acts in its events. ("-led"
# is left out: "US-led forces attacked" are the leader's forces acting.)
_BACKER_PARTICIPLES = frozenset(
    ["appointed", "backed", "sponsored", "brokered", "funded", "financed"]
    + ["installed", "supported", "mediated", "owned"]
)


def only_a_backer(doc: Doc, start: int, end: int) -> bool:
    """A country at tokens [start, end) that only says who backs the thing
    its hyphenated participle describes: "hardliners in the US-appointed
    governing council tried to pass article 137" (an Iraqi body's act),
    "the Norwegian-sponsored peace process" (in Sri Lanka). The backer is
    no actor of what that body or process does; where it acts itself its
    own words say so ("the US appointed a council")."""
    return (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and doc[end + 1].lower_ in _BACKER_PARTICIPLES
        and doc[end + 1].dep_ in ("amod", "compound")
    )


# "as in Vietnam", "instead of France", "apart from Spain": where the event
# is not. Words before the country (a "the" or "of" skipped).
_NOT_HERE = (("as", "in"), ("as", "with"), ("instead",), ("except",), ("apart", "from"))
# "the new Vietnam", "another Vietnam", "a second Iraq": a likeness
_LIKENESS = frozenset(["new", "another", "second", "next", "latest"])


def only_a_likeness(doc: Doc, start: int, end: int) -> bool:
    """A country at tokens [start, end) named as a likeness or as where the
    event is not: "as in Vietnam", "as with Iraq", "instead of France",
    "apart from Spain", "Is this the new Vietnam?", "a Vietnam-style war".
    ("than", "like", "unlike", "compared with" are `entities._compared`.)"""
    words = [t.lower_ for t in doc[max(0, start - 3) : start]]
    while words and words[-1] in ("the", "of"):
        words.pop()
    if any(tuple(words[-len(p) :]) == p for p in _NOT_HERE):
        return True
    if (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and doc[end + 1].lower_ == "style"
    ):
        return True
    if doc[end - 1].text.lower().endswith("-style"):
        return True
    last = doc[end - 1]
    # as what something is ("Is this the new Vietnam?"), not "the new Iraq"
    # that someone builds
    return last.dep_ in ("attr", "oprd") and any(
        c.lower_ in _LIKENESS and c.dep_ in ("amod", "det") and c.i < start
        for c in last.children
    )


def in_an_amount(doc: Doc, start: int, end: int) -> bool:
    """A country word at tokens [start, end) that names the currency of an
    amount: "(US$ 40.4 million)", "60 billion rubles (US $2.63 billion)",
    "5 million US dollars". The money is that country's, the event need
    not be: an Australian grant converted to US dollars is not American."""
    last = doc[end - 1]
    if any(ch in last.text for ch in _CURRENCY_SIGNS) or (
        end < len(doc) and doc[end].is_currency
    ):
        return True
    if last.ent_type_ != "MONEY":
        return False
    i, j = end - 1, end  # the MONEY entity around the word: an amount in it
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return any(t.like_num for t in doc[i:j])


_CURRENCY_SIGNS = frozenset("$€£¥₹")


def article_home(
    doc: Doc, spans: Iterable[tuple[int, int, str, bool]], *, publisher: str = ""
) -> str | None:
    """The article's own country (`main_country`) from its country mentions
    (`spans`: character start, end, code, and whether it is only incidental
    to its event). Of the incidental ones only an amount's currency counts
    ("iLife '11 was released as a US$ 49 upgrade": no event of the US, but
    a sign the story is American); comparisons and likenesses do not.

    A list of places is one mention of where ("flights to New York, Boston,
    Chicago, Los Angeles, Dubai" names the US once, not four times: an Irish
    airline's routes do not make its story American), unless the article
    names no other country (then each place counts). When no country leads
    so, the publisher's home country (`publisher_country`) is the article's
    when the article names it at least MAIN_MENTIONS times and half as often
    as the most named one (a Guardian story naming the US 4 times, Britain 3
    and Iraq 3 is British); not when it names no country at all (a BBC
    story on a Los Angeles trial that never says "US"), nor for a wire
    (Reuters, AP), which has no home.

    A country that leads without a majority of the mentions is no home when
    it is first named after HOME_LEAD_SHARE of the text and after another
    country: a late passage's, not the story's setting.
    """
    groups: dict[tuple[int, str], int] = {}
    first: dict[str, int] = {}  # code -> its first mention's character start
    for start, end, code, incidental in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if incidental and (span is None or not in_an_amount(doc, span.start, span.end)):
            continue
        key = (_list_head(span[-1]).i if span is not None else -start - 1, code)
        groups[key] = groups.get(key, 0) + 1
        first[code] = min(first.get(code, start), start)
    counts: dict[str, int] = {}
    for (_, code), n in groups.items():
        # a list of LIST_ITEMS or more is one mention; "Cupertino,
        # California" (a place and its state) stays two
        counts[code] = counts.get(code, 0) + (1 if n >= LIST_ITEMS else n)
    if len(counts) == 1:  # no other country for a list to outvote
        counts = {code: sum(groups.values()) for code in counts}
    home = main_country(counts)
    if (
        home is not None
        and not _majority(counts, home)
        and first[home] > HOME_LEAD_SHARE * len(doc_text(doc))
        and min(first.values()) < first[home]
    ):
        # named most only in a passage late in a story that began elsewhere
        # ("BP's Russian venture TNK-BP ... the Kremlin" three-quarters into
        # a story on the Gulf of Mexico): no setting of the whole article
        home = None
    if home or not counts or not (own := publisher_country(publisher)):
        return home
    top = max(counts.values())
    if counts.get(own, 0) >= MAIN_MENTIONS and 2 * counts[own] >= top:
        return own
    return None


def _list_head(tok: Token) -> Token:
    """The first item of the list `tok` is in ("Boston" in "New York,
    Boston, Chicago"); `tok` itself when it is in none."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


@cache
def _publishers() -> dict[str, str]:
    out = {}
    for name, code in _data().get("publishers", {}).items():
        key = normalise_alias(name)
        out[key] = code
        out[key.replace(" ", "")] = code  # "foxnews", "washingtonpost"
        out["the" + key.replace(" ", "")] = code  # "theguardian.com"
    return out


def publisher_country(publisher: str) -> str | None:
    """The home country of a news site or paper ("The Guardian", "BBC
    News", "guardian", "www.bbc.co.uk" -> GB; "Fox News" -> US): the
    shipped table (`publishers` in data/countries.json, national media
    only, no wires), else a site's country-code domain ("abc.net.au" ->
    AU); None when unknown."""
    key = normalise_alias(publisher or "")
    if not key:
        return None
    known = _publishers()
    host = key.removeprefix("www.")
    for candidate in (key, key.replace(" ", ""), host.split(".")[0]):
        if candidate in known:
            return known[candidate]
    for suffix in (" news", " online", ".com", ".co.uk"):
        if key.endswith(suffix) and key[: -len(suffix)] in known:
            return known[key[: -len(suffix)]]
    if "." in host and " " not in host:
        tld = host.rsplit(".", 1)[1]
        if tld not in _VANITY_DOMAINS:
            code = "GB" if tld == "uk" else tld.upper()
            if len(code) == 2 and code in country_names():
                return code
    return None


# Country-code domains sold to anyone ("bit.ly", "news.co", "x.tv"): no home.
_VANITY_DOMAINS = frozenset(
    ["ac", "ai", "am", "cc", "co", "fm", "gg", "io", "la", "ly", "me", "nu", "sh"]
    + ["tk", "to", "tv", "ws"]
)


# "Boeing's European rival", "outsold rivals Toyota and General Motors": a
# company named as another's competitor.
_RIVALS = frozenset(["rival", "rivals", "competitor", "competitors"])


def only_a_rival(doc: Doc, start: int, end: int) -> bool:
    """A company at tokens [start, end) named only as whose rival the actor
    is or whom it beat, not as an actor: "Boeing's European rival, Airbus,
    is preparing" (Boeing does not prepare), "the automaker outsold rivals
    Toyota and General Motors". Rivals that are the subject act ("Rivals
    Toyota and Honda cut prices")."""
    last = doc[end - 1]
    if last.dep_ == "poss" and last.head.lower_ in _RIVALS:
        return True
    head = _list_head(last)
    first = start if head.i == last.i else head.i
    while (
        first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head == head
    ):
        first -= 1
    prev = doc[first - 1] if first > 0 else None
    return (
        prev is not None
        and prev.lower_ in _RIVALS
        and prev.dep_ not in _SUBJECTS
        and head.dep_ not in _SUBJECTS
    )


def in_a_background_clause(verb: Token, start: int, end: int) -> bool:
    """A place at characters [start, end) of the event's sentence that is
    inside a relative clause the event's verb is not in: the background of
    a noun, not where the event is ("the crisis that started in the United
    States engulfs developing nations, the World Bank warned": where the
    crisis began, not where the bank warned). Not when that noun is the
    event's actor or a place the event is at."""
    span = verb.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.sent != verb.sent:
        return False
    tok = span[-1]
    while tok.head.i != tok.i:
        if tok.i == verb.i:
            return False
        if tok.dep_ == "relcl":
            noun = tok.head
            while noun.dep_ == "appos" and noun.head.i != noun.i:
                noun = noun.head  # "Libby, the adviser who helped build the US case"
            return (
                verb not in tok.subtree
                # "The airline, which is the third largest in China,
                # signed": who acts
                and not (noun.dep_ in _SUBJECTS and noun.head.i == verb.i)
                and noun.ent_type_ not in _PLACE_TYPES
                and not (noun.dep_ == "pobj" and noun.head.lower_ in _AT_A_PLACE)
            )  # "at Suvarnabhumi Airport, which serves Bangkok": where it is
        tok = tok.head
    return False


def in_the_frame(verb: Token, start: int, end: int) -> bool:
    """A place at characters [start, end) that is where the verb reporting
    the event's clause happens, not the event ("In Germany, the court has
    heard that the Ali Baba operation began at daybreak on May 15 2003 with
    more than 100 British soldiers": where the court martial sits). Only a
    locative ("in", "at") of a verb whose reported clause (ccomp) holds the
    event's verb; the caller keeps it where that clause names no country of
    its own ("In Baghdad, officials said 20 people were killed")."""
    span = verb.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.sent != verb.sent:
        return False
    tok = span.root
    while tok.dep_ in ("compound", "conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at") or prep.dep_ != "prep":
        return False
    frame = prep.head
    if frame.pos_ not in ("VERB", "AUX") or frame.i == verb.i:
        return False
    below = verb
    while below.head.i != below.i and below.head.i != frame.i:
        below = below.head
    return below.head.i == frame.i and below.i != frame.i and below.dep_ == "ccomp"


def company_acts(verb: Token, start: int, end: int) -> bool:
    """A company named at characters [start, end) of the event's sentence
    that acts in the event of `verb`: inside the subject (or the "by"
    agent) of that verb or of a verb governing it ("BP's Hayward said",
    "BP chief executive Tony Hayward will testify", "plans announced by
    BP", "Bob Dudley became BP's chief executive", "The head of BP's Russian operations was forced to deny"), the
    noun the verb's relative clause describes ("Shares in BP, which rose
    this morning"), or the subject of the clause the verb reports ("Dudley
    told Bloomberg News that BP is reviewing assets"). Its head-office
    country is then the event's; not when the company is only what the
    event is done to or about ("Alabama is suing BP Plc, Transocean and
    Halliburton", "Obama will meet ... other BP officials", "Transocean
    was sued"): Switzerland is not where Alabama sues."""
    span = verb.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.sent != verb.sent:
        return True  # not in the clause: the caller's rules decide
    governing = {verb.i}
    doers = {
        s.i
        for c in verb.children
        if c.dep_ == "ccomp"
        for s in c.children
        if s.dep_ in _ACTING
    }  # the reported clause's subject
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            doers.add(tok.head.i)  # the noun the clause describes, not
            break  # the subject of the sentence it is in
        tok = tok.head
        governing.add(tok.i)
    tok = span.root
    while True:
        if tok.i in doers:
            return True
        if tok.head.i == tok.i or tok.i in governing:
            return False  # in the clause, as no subject of it
        if tok.head.i in governing and (
            tok.dep_ in _ACTING or (tok.dep_ == "nsubjpass" and _does_next(tok.head))
        ):
            return True
        if (
            tok.dep_ == "pobj"
            and tok.head.dep_ == "agent"
            and tok.head.head.i in governing
        ):
            return True
        if (
            tok.dep_ == "poss"
            and tok.head.dep_ in ("attr", "oprd")
            and tok.head.head.i in governing
        ):
            return True  # "Bob Dudley became BP's chief executive": its post
        tok = tok.head


def _does_next(passive: Token) -> bool:
    """A passive verb whose subject does what its complement says: "was
    forced to deny", "is expected to attend"."""
    return any(c.dep_ == "xcomp" for c in passive.children)


# The dependencies of who does what a verb says.
_ACTING = frozenset(["nsubj", "csubj", "agent", "expl"])


_PLACE_TYPES = frozenset(["GPE", "LOC", "FAC"])
_AT_A_PLACE = frozenset(["at", "in", "near", "from", "to", "into", "outside"])


# What follows a state's or province's name when it is the seat of an office,
# a body or a party's member: "Alabama Gov. Bob Riley", "Louisiana Attorney
# General", "the Louisiana National Guard", "Texas Republican Joe Barton". A
# town has none of these (its "Mayor" is left out: a city's too).
_REGION_OFFICES = frozenset(
    ["gov", "gov.", "governor", "lt.", "lieutenant", "attorney", "legislature"]
    + ["department", "national", "state", "sen.", "senator", "rep.", "republican"]
    + ["representative", "democrat", "democratic", "secretary", "supreme"]
)


def office_region(doc: Doc, start: int, end: int) -> str | None:
    """The country of the state or province named at tokens [start, end)
    as the seat of the office or body after it ("Alabama Gov. Bob Riley
    called Feinberg's claims process extortion", "Florida Gov. Charlie
    Crist" -> US): a governor's is a state, whatever towns share its name
    (a Colombian city is called Florida) and whether or not the article
    names the country. None when the next word is no such office or no one
    country has a region of that name."""
    if end >= len(doc) or doc[end].lower_ not in _REGION_OFFICES:
        return None
    codes = {p.country for p in gazetteer.lookup(doc[start:end].text) if p.subdivision}
    return codes.pop() if len(codes) == 1 else None


def main_company_at_home(
    *,
    home: str | None,
    main_company: str | None,
    countries: Collection[str],
    organizations: Collection[str],
    text: str = "",
) -> bool:
    """An event of a story about one company (`main_company`) that names no
    country, no other organisation, in an article with no country of its
    own (`home`): it is where the company is ("He fought pancreatic cancer
    in 2004 and took six months off", "The 777-200LR was announced in
    February 2000" in stories about Apple and Boeing that name no place of
    theirs). Not when the event names another organisation ("OPEC will hold
    an emergency meeting") or its `text` a government ("An administration
    official said ... the larger figure" in a story on BP's well): it is
    that one's, not the company's."""
    return (
        home is None
        and main_company is not None
        and not countries
        and all(o == main_company for o in organizations)
        and not _GOVERNMENT_WORDS.intersection(re.findall(r"[a-z]+", text.lower()))
    )


# A government or its officials acting: not a company's event.
_GOVERNMENT_WORDS = frozenset(
    ["government", "governments", "administration", "authorities"]
    + ["ministry", "minister", "president", "governor", "police"]
    + ["army", "regulators", "regulator", "congress", "senate", "parliament"]
    + ["court", "judge", "federal", "agency", "commission"]
)


# The AP's abbreviations of US states, written after a town ("Norfolk, Va.",
# "Gulf Shores, Ala.", "Belle Chasse, La."); each is read only with its dot.
_US_STATE_ABBREVIATIONS = frozenset(
    ["ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill"]
    + ["ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo"]
    + ["mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla"]
    + ["ore", "pa", "r.i", "s.c", "s.d", "tenn", "tex", "vt", "va", "wash"]
    + ["w.va", "wis", "wyo"]
)


def state_abbreviation(doc: Doc, i: int) -> str | None:
    """ "US" when token `i` is the AP's abbreviation of a US state with its
    dot ("saw the ship last week in Norfolk, Va." is Virginia's Norfolk, not
    England's county in a story that names Britain); None otherwise ("La
    Paz", "Pa" with no dot)."""
    tok = doc[i]
    text = tok.text
    if text.endswith("."):
        text = text.rstrip(".")
    elif not (i + 1 < len(doc) and doc[i + 1].text.startswith(".")):
        return None
    if not text[:1].isupper():
        return None
    return "US" if text.lower() in _US_STATE_ABBREVIATIONS else None
