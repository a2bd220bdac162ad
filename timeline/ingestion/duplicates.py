"""Near-duplicate articles: the same text syndicated by several sites, or an
updated version of a page, is one source, not several.

An article's text is cut into word 5-grams (shingles, case folded); its
MinHash signature (datasketch, 128 permutations, deterministic across
processes) is split into 32 bands of 4 rows, and each band's hash is stored
as an `ArticleBand` row. Articles sharing a band are candidates (a pair
whose shingle sets overlap by Jaccard 0.6 shares one with probability
0.99, by 0.3 with 0.23); a candidate is a near-duplicate when the exact
Jaccard of the two shingle sets is at least `MIN_JACCARD`. Then the article
is linked to the earliest stored article of its group
(`Article.duplicate_of`, always the smallest id, never a chain), and source
counts count each group once (`services.refresh_event_sources`, the
key-events model's `Source.origin`).

Why 0.6: on Timeline17, pairs at 0.6 or more are copies and updated
versions of one report (the same Reuters story filed twice, a BBC page
updated the next day); pairs between 0.4 and 0.6 are different stories of
one day sharing background paragraphs, and a short sidebar repeated inside
longer pages has a small Jaccard however much of it is contained.

Concurrency: `link` runs inside the article's ingestion transaction after
the merge lock (`store.serialise_merging`: a PostgreSQL advisory lock held
to the end of the transaction; SQLite has one writer at a time), so of two
copies stored at once, the second sees the first's committed bands and
links to it. Articles arriving one by one, or re-extracted in any order,
end up linked to the same earliest article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from datasketch import MinHash
from django.db.models import Q

from timeline.models import Article, ArticleBand

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS, ROWS = 32, 4
# Exact shingle Jaccard at which two articles are one text (see above).
MIN_JACCARD = 0.6
# Texts with fewer shingles are too short to tell a copy from a coincidence.
MIN_SHINGLES = 25

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> frozenset[str]:
    """The article's word 5-grams, case folded, punctuation ignored."""
    words = _WORD.findall(text.casefold())
    return frozenset(
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def band_keys(grams: Iterable[str]) -> list[int]:
    """The signed 64-bit keys of the signature's LSH bands (empty for a
    text too short to compare)."""
    grams = sorted(grams)
    if len(grams) < MIN_SHINGLES:
        return []
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch([g.encode("utf-8") for g in grams])
    values = mh.hashvalues
    keys = []
    for band in range(BANDS):
        row = values[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(
            band.to_bytes(2, "big") + row.tobytes(), digest_size=8
        ).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def link(*, article: Article) -> set[int]:
    """Store the article's bands and link it to the earliest article it is a
    near-duplicate of (`article.duplicate_of_id` is set, None for an
    original). Returns the ids of other articles whose link changed (later
    copies found first), whose events' source counts need refreshing. Call
    inside the article's ingestion transaction, after the merge lock."""
    grams = shingles(article.text)
    keys = band_keys(grams)
    ArticleBand.objects.filter(article=article).delete()
    ArticleBand.objects.bulk_create(ArticleBand(article=article, key=k) for k in keys)
    matches: set[int] = set()
    if keys:
        candidates = set(
            ArticleBand.objects.filter(key__in=keys)
            .exclude(article=article)
            .values_list("article_id", flat=True)
        )
        for other_id, text, origin in Article.objects.filter(
            id__in=candidates
        ).values_list("id", "text", "duplicate_of_id"):
            if jaccard(grams, shingles(text)) >= MIN_JACCARD:
                matches.add(origin or other_id)
    origin = min(matches | {article.pk})
    duplicate_of = None if origin == article.pk else origin
    if article.duplicate_of_id != duplicate_of:
        Article.objects.filter(pk=article.pk).update(duplicate_of=duplicate_of)
        article.duplicate_of_id = duplicate_of
    if duplicate_of is not None or not matches:
        return set()
    # Later copies found first (re-extraction of an earlier article, or a
    # relink of old data): they and their copies now point here.
    moved = set(
        Article.objects.filter(Q(id__in=matches) | Q(duplicate_of_id__in=matches))
        .exclude(pk=article.pk)
        .exclude(duplicate_of_id=article.pk)
        .values_list("id", flat=True)
    )
    Article.objects.filter(id__in=moved).update(duplicate_of=article.pk)
    return moved
