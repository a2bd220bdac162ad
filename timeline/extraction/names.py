"""How names are compared: one rule shared by aliases, countries and places."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"\s+")


def normalise_alias(name: str) -> str:
    """How aliases are compared: case-folded, whitespace folded, no leading 'the'.

    The same rule as timeline.models.normalise_alias (kept Django-free here).
    """
    folded = _WS.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()
    return re.sub(r"^the ", "", folded)


def fold_accents(text: str) -> str:
    """'Mişrātah' -> 'Misratah': letters without their diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _nicknamer():  # noqa: ANN202 - the nicknames package's NickNamer
    """The nicknames dataset (its CSV ships in the wheel), read on first use."""
    from nicknames import NickNamer

    return NickNamer()


def given_name_variants(a: str, b: str) -> bool:
    """'Ken' and 'Kenneth', 'Larry' and 'Lawrence': two different first
    names one of which is a nickname of the other (the `nicknames` dataset
    of English names); two nicknames of one name ('Ken', 'Kenny') are not."""
    a, b = normalise_alias(a).rstrip("."), normalise_alias(b).rstrip(".")
    if a == b or len(a) < 2 or len(b) < 2 or not (a.isalpha() and b.isalpha()):
        return False
    namer = _nicknamer()
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b)


def is_given_name(word: str) -> bool:
    """'Daniel', 'Kate': a first name of the `nicknames` dataset (a name with
    nicknames, or a nickname of one)."""
    w = normalise_alias(word)
    if len(w) < 2 or not w.isalpha():
        return False
    namer = _nicknamer()
    return bool(namer.nicknames_of(w) or namer.canonicals_of(w))


def _middle(words: list[str]) -> list[str]:
    return [w.replace(".", "") for w in words[1:-1]]


def first_name_variant(a: str, b: str) -> bool:
    """'Ken Feinberg' and 'Kenneth Feinberg' (or 'Kenneth R. Feinberg'):
    one person named by a nickname and by the name it is short for. The
    same surname, first names that are nickname and name of each other
    (`given_name_variants`), the same middle names or initials where both
    give them (none on one side is fine)."""
    x = without_generation(normalise_alias(a).split())[0]
    y = without_generation(normalise_alias(b).split())[0]
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1]:
        return False
    mx, my = _middle(x), _middle(y)
    if mx and my and [w[0] for w in mx] != [w[0] for w in my]:
        return False
    if (
        mx
        and my
        and any(
            len(p) > 1 and len(q) > 1 and p != q for p, q in zip(mx, my, strict=False)
        )
    ):
        return False
    return given_name_variants(x[0], y[0])


# Generation words after a surname ("Henry M. Paulson Jr."): no part of it.
_GENERATION_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def without_generation(words: list[str]) -> tuple[list[str], str]:
    """The name's words without a trailing generation, and that generation."""
    words = [w.strip(",") for w in words if w.strip(",")]
    if len(words) > 2 and words[-1].rstrip(".") in _GENERATION_WORDS:
        return words[:-1], words[-1].rstrip(".")
    return words, ""


def same_person_name(a: str, b: str) -> bool:
    """'Ben Bernanke' and 'Ben S. Bernanke', 'Timothy Geithner' and 'Timothy
    F. Geithner', 'Hank Paulson' and 'Henry M. Paulson Jr.': two writings of
    one person's name. The same surname, the same first name or a nickname
    and the name it is short for (`given_name_variants`), middle names or
    initials on one side only or agreeing by their initials, and no two
    different generations ("Jr." beside "Sr."; one side without is fine)."""
    x, gx = without_generation(normalise_alias(a).split())
    y, gy = without_generation(normalise_alias(b).split())
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1] or x == y and gx == gy:
        return False
    if gx and gy and gx != gy:
        return False
    if x[0].rstrip(".") != y[0].rstrip(".") and not given_name_variants(x[0], y[0]):
        return False
    if len(x[0].rstrip(".")) < 2 or len(y[0].rstrip(".")) < 2:
        return False  # "J. Smith": an initial for a first name says too little
    mx, my = _middle(x), _middle(y)
    if mx and my:
        if [w[:1] for w in mx] != [w[:1] for w in my]:
            return False
        if any(
            len(p) > 1 and len(q) > 1 and p != q for p, q in zip(mx, my, strict=False)
        ):
            return False
    return True
