"""A company's office holder named by the office ("BP's chief executive").

An event whose subject is an organisation's office and no name ("BP's chief
executive cautioned Friday", "BP's chairman has been asked to meet Barack
Obama", "The chief executive of Royal Dutch Shell Plc has criticized") is the
person the article writes with that office of that organisation ("BP chief
executive Tony Hayward", "Carl-Henric Svanberg, BP's chairman", "BP's
incoming chief executive, Bob Dudley", "Bob Dudley, who will replace ...
Tony Hayward as CEO"). The office's time must agree: "BP's next chief
executive" is the incoming one, never the one in office; "former",
"outgoing", "acting" likewise. No tie written, no one (issue #12, branch
`subj12`).

No Django, no spaCy at import: mentions come in as objects with `start`,
`end` and `value`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


class Named(Protocol):
    start: int
    end: int
    value: str


# Words an office is made of ("chief operating officer", "deputy chairman").
_OFFICE_WORDS = frozenset(
    {
        "chief", "executive", "officer", "ceo", "chairman", "chairwoman",
        "president", "boss", "operating", "financial", "cfo", "coo",
        "managing", "director", "deputy", "vice",
    }
)  # fmt: skip
# The head noun of an office subject.
_OFFICE_HEADS = frozenset(
    {
        "executive",
        "officer",
        "ceo",
        "chairman",
        "chairwoman",
        "president",
        "boss",
        "chief",
    }
)
# One office under its several names.
_SAME_OFFICE = {
    "chief": "ceo",
    "boss": "ceo",
    "chief executive": "ceo",
    "chief executive officer": "ceo",
    "chairwoman": "chairman",
    "chief operating officer": "coo",
    "chief financial officer": "cfo",
}
# Words that say which holder of the office: the next one, the one leaving,
# one before, a stand-in; none of them: the one in office now.
_WHEN = {
    "new": "new",
    "newly": "new",
    "next": "new",
    "incoming": "new",
    "designate": "new",
    "future": "new",
    "outgoing": "outgoing",
    "departing": "outgoing",
    "retiring": "outgoing",
    "former": "former",
    "ex": "former",
    "previous": "former",
    "then": "former",
    "late": "former",
    "acting": "acting",
    "interim": "acting",
}
# Words before an office that leave it the same office: "BP's embattled
# chief executive" (any "-ed" or "-ly" word too), "its group chief executive".
_NEUTRAL = frozenset(
    {
        "the", "its", "their", "his", "her", "top", "current", "group",
        "global", "controversial", "gaffe-prone", "beleaguered", "british",
        "american", "us", "new-look", "highly", "well-paid",
    }
)  # fmt: skip
_NOW = "now"
_NEAR = 60  # characters between a name and the office written with it
_WORD = re.compile(r"[a-z][a-z-]*")
_POSSESSIVE = ("'s", "’s", "'", "’")
_SUCCESSION = re.compile(
    r"[^.;:()\"“”]{0,20}?\b(?P<verb>(?:will|would|is to|is set to)\s+(?:replace|succeed"
    r"|take over(?: from)?)|replaces|succeeds|takes over(?: from)?|replaced|succeeded"
    r"|took over(?: from)?)\b[^.;:()\"“”]{0,60}?\bas\s+(?:its\s+|the\s+)?"
    r"(?P<words>[a-z-]+(?:\s+[a-z-]+){0,2})",
    re.IGNORECASE,
)
_DONE = re.compile(r"replaced|succeeded|took over", re.IGNORECASE)


@dataclass(frozen=True)
class Office:
    """An office of one organisation, and which holder of it."""

    start: int  # the organisation's name in the subject (character offsets)
    end: int
    office: str  # "ceo", "chairman", "president", "coo", ...
    when: str  # "now", "new", "outgoing", "former", "acting"


def _office(words: list[str]) -> tuple[str, str] | None:
    """(office, when) of a run of words ending in an office ("newly named
    chief executive" -> ("ceo", "new")), None when they end in none or say
    two times."""
    if not words or words[-1] not in _OFFICE_WORDS:
        return None
    i = len(words)
    while i > 0 and words[i - 1] in _OFFICE_WORDS:
        i -= 1
    office = " ".join(words[i:])
    if words[-1] not in _OFFICE_HEADS and office not in _SAME_OFFICE:
        return None  # "managing director" stays out: "director" is no head
    whens = {_WHEN[w] for w in words[:i] if w in _WHEN}
    if len(whens) > 1:
        return None
    # a noun before it makes another office ("BP's safety chief", "the EU's
    # energy chief"); a word of praise or blame does not ("embattled")
    kind = [w for w in words[:i] if w not in _WHEN and not _neutral(w)]
    office = _SAME_OFFICE.get(office, office)
    return " ".join([*kind, office]), next(iter(whens), _NOW)


def _neutral(word: str) -> bool:
    return word in _NEUTRAL or word.endswith(("ed", "ly"))


def subject_office(subject: Token) -> Office | None:
    """The office a subject names with its organisation and no person:
    "BP's chief executive", "BP Plc's newly named chief executive", "The
    chief executive of Royal Dutch Shell Plc"; None for anything else
    ("Obama's chief of staff" is no company office: the caller checks the
    organisation)."""
    if subject.lower_ not in _OFFICE_HEADS or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    owner = None
    for c in subject.children:
        if c.dep_ == "poss" and c.i < subject.i:
            owner = c
        elif c.dep_ == "prep" and c.lower_ == "of" and c.i > subject.i:
            objects = [o for o in c.children if o.dep_ == "pobj"]
            if objects and owner is None:
                owner = objects[0]
        elif c.dep_ in ("appos", "compound") and c.pos_ == "PROPN":
            return None  # "BP chief executive Tony Hayward": a name of its own
    if owner is None:
        return None
    doc = subject.doc
    if owner.i < subject.i:
        first = owner.right_edge.i + 1
        if first < len(doc) and doc[first].lower_ in _POSSESSIVE:
            first += 1
    else:
        first = subject.left_edge.i
        if doc[first].lower_ == "the":
            first += 1
    words = [t.lower_ for t in doc[first : subject.i + 1]]
    if not words or not all(_WORD.fullmatch(w) for w in words):
        return None
    found = _office(words)
    if found is None:
        return None
    name = [t for t in owner.subtree if not t.is_punct and t.lower_ not in _POSSESSIVE]
    if not name:
        return None
    return Office(name[0].idx, _end(name[-1]), *found)  # not "- BP Plc's"


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _words(text: str) -> list[str] | None:
    """Lower-case words of a short gap, None when it holds anything else."""
    words = text.replace(",", " ").split()
    lowered = [w.lower() for w in words]
    if not all(_WORD.fullmatch(w) for w in lowered):
        return None
    return lowered


def _ties(text: str, person: Named, bodies: Sequence[Named]) -> list[tuple[str, str]]:
    """(office, when) of each office of a body in `bodies` written with
    `person` ("BP chief executive Tony Hayward", "Carl-Henric Svanberg, BP's
    chairman", "Tony Hayward, the chief executive of BP", "The chief
    executive of Royal Dutch Shell, Peter Voser")."""
    out = []
    for body in bodies:
        if person.start - _NEAR <= body.end <= person.start:
            gap = text[body.end : person.start]
            for mark in _POSSESSIVE:
                if gap.startswith(mark):
                    gap = gap[len(mark) :]
                    break
            if (words := _words(gap)) and (found := _office(words)):
                out.append(found)  # "BP's incoming chief executive, Bob Dudley"
            elif re.fullmatch(r"\s*,\s*", gap):
                lead = re.search(
                    r"((?:[A-Za-z-]+\s+){1,5})(?:of|at)\s+(?:the\s+)?$",
                    text[max(0, body.start - _NEAR) : body.start],
                )
                if lead and (words := _words(lead.group(1))):
                    if words[0] == "the":
                        words = words[1:]
                    if found := _office(words):
                        out.append(found)  # "The chief executive of Shell, Peter Voser"
        elif person.end <= body.start <= person.end + _NEAR:
            gap = text[person.end : body.start]
            tail = re.fullmatch(
                r"\s*,\s*(?:the\s+)?((?:[A-Za-z-]+\s+){1,5})(?:of|at)\s+(?:the\s+)?",
                gap,
            )
            if tail and (words := _words(tail.group(1))) and (found := _office(words)):
                out.append(found)  # "Tony Hayward, the chief executive of BP"
            elif re.fullmatch(r"\s*,\s*(?:the\s+)?", gap):
                after = re.match(
                    r"(?:['’]s?)?((?:\s+[a-z-]+){1,5})",
                    text[body.end : body.end + _NEAR].lower(),
                )
                if after:
                    words = after.group(1).split()
                    i = next(
                        (k for k, w in enumerate(words) if w in _OFFICE_WORDS), None
                    )
                    if i is not None:
                        j = i
                        while j < len(words) and words[j] in _OFFICE_WORDS:
                            j += 1
                        if found := _office(words[:j]):
                            out.append(found)  # "Carl-Henric Svanberg, BP's chairman"
    return out


def _succession(text: str, person: Named) -> list[tuple[str, str]]:
    """The offices a person takes over ("Bob Dudley, who will replace
    gaffe-prone Tony Hayward as CEO on October 1"): the new holder's, and,
    told as done ("took over from Hayward as chief executive"), the one in
    office too; [] where the text after the name says no such thing."""
    found = _SUCCESSION.match(text, person.end, person.end + 120)
    if found is None:
        return []
    words = found.group("words").lower().split()
    office = _office(words)
    if office is None:
        # "as chief executive on 1 October": the office ends before the rest
        for k in range(len(words) - 1, 0, -1):
            if office := _office(words[:k]):
                break
    if office is None or office[1] != _NOW:
        return []
    done = _DONE.match(found.group("verb")) is not None
    # one who took over is the holder now and still "the new chief executive"
    return [(office[0], "new"), (office[0], _NOW)] if done else [(office[0], "new")]


def office_holder(
    office: Office,
    body: str,
    *,
    text: str,
    people: Sequence[Named],
    bodies: Sequence[Named],
    main_company: str | None,
    near: int,
    others: frozenset[str] = frozenset(),
) -> str | None:
    """The person the article writes with `office` of the organisation
    `body`: the one written so most often, the nearest to `near` of those,
    among the people it names more than once and not in `others` (the
    subject's own sentence: "The president of the European Union ... ripped
    the Obama administration's economic policies" is not Obama); a
    successor's office counts for the article's main company only."""
    same = [b for b in bodies if b.value == body]
    ties: Counter[str] = Counter()
    nearest: dict[str, int] = {}
    wanted = (office.office, office.when)
    for person in people:
        if person.value in others:
            continue
        found = _ties(text, person, same)
        if body == main_company:
            found += _succession(text, person)
        if wanted in found:
            ties[person.value] += 1
            distance = abs(person.start - near)
            nearest[person.value] = min(distance, nearest.get(person.value, distance))
    # a name written once, and only with the office, is no one's we know: a
    # headline's "EU President Criticizes Obama" is no person "Criticizes Obama"
    named = Counter(p.value for p in people)
    ties = Counter({v: n for v, n in ties.items() if named[v] > 1})
    if not ties:
        return None
    return min(ties, key=lambda v: (-ties[v], nearest[v]))
