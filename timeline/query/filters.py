"""The timeline's filters: parsed once from a query string, applied by one
QuerySet method shared by the page, its facets, the API and the exports.

Within a facet the choices are alternatives (actor A or actor B); across
facets they all apply (actor A, in country C, of kind K). Bad values are
dropped with a note the page shows; they never raise.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from timeline.models import (
    Article,
    Country,
    Event,
    EventActor,
    EventCountry,
    Kind,
    Mention,
    Status,
)

MAX_MULTI = 20  # choices per facet; more is a malformed request
MAX_QUERY_CHARS = 200
ORDERS = ("newest", "oldest")
VIEWS = ("all", "key")  # every event, or the key events (timeline.keyevents)
STORY_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


@dataclass(frozen=True)
class TimelineFilters:
    actors: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, upper case
    organizations: tuple[int, ...] = ()
    stories: tuple[str, ...] = ()  # Story slugs: events reported by their articles
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()  # staff only; default hides rejected
    start: date | None = None
    end: date | None = None
    q: str = ""
    order: str = "newest"
    view: str = "all"  # how the events are shown, not which: like `order`
    notes: tuple[str, ...] = field(default=(), compare=False)

    # The query parameters from_query reads (the API documents exactly these).
    PARAMETERS: ClassVar[tuple[str, ...]] = (
        "actor",
        "org",
        "country",
        "story",
        "kind",
        "status",
        "start",
        "end",
        "q",
        "order",
        "view",
    )

    @classmethod
    def from_query(
        cls, params: Mapping, *, allow_status: bool = False
    ) -> TimelineFilters:
        """Parse request.GET (a QueryDict) or a plain dict of lists/strings."""
        notes: list[str] = []

        def raw_values(name: str) -> list[str]:
            if hasattr(params, "getlist"):
                return [str(v) for v in params.getlist(name)]
            raw = params.get(name, [])
            return [raw] if isinstance(raw, str) else [str(v) for v in raw]

        def getlist(name: str) -> list[str]:
            out: list[str] = []
            for v in raw_values(name):
                out.extend(p.strip() for p in str(v).split(",") if p.strip())
            if len(out) > MAX_MULTI:
                notes.append(f"Only the first {MAX_MULTI} {name} values are used.")
                out = out[:MAX_MULTI]
            return list(dict.fromkeys(out))

        def ids(name: str) -> tuple[int, ...]:
            good = []
            for v in getlist(name):
                if v.isascii() and v.isdigit() and len(v) < 19:
                    good.append(int(v))
                else:
                    notes.append(f"Ignored {name}={v!r}: not an id.")
            return tuple(good)

        def one_date(name: str) -> date | None:
            values = getlist(name)
            if not values:
                return None
            try:
                return date.fromisoformat(values[0])
            except ValueError:
                notes.append(f"Ignored {name}={values[0]!r}: not a date (YYYY-MM-DD).")
                return None

        countries = []
        for v in getlist("country"):
            if len(v) == 2 and v.isascii() and v.isalpha():
                countries.append(v.upper())
            else:
                notes.append(f"Ignored country={v!r}: not an ISO 3166 code.")
        stories = []
        for v in getlist("story"):
            if STORY_SLUG.fullmatch(v):
                stories.append(v)
            else:
                notes.append(f"Ignored story={v!r}: not a story slug.")
        kinds = []
        for v in getlist("kind"):
            if v in Kind.values:
                kinds.append(v)
            else:
                notes.append(f"Ignored kind={v!r}: not a known kind.")
        statuses: list[str] = []
        for v in getlist("status"):
            if not allow_status:
                notes.append("Ignored status: only staff can filter by review status.")
                break
            if v in Status.values:
                statuses.append(v)
            else:
                notes.append(f"Ignored status={v!r}: not a review status.")
        start, end = one_date("start"), one_date("end")
        if start and end and start > end:
            notes.append("The start date was after the end date; they were swapped.")
            start, end = end, start
        q = " ".join(raw_values("q")).strip()
        if "\x00" in q:  # no database can search for it
            notes.append("Ignored the search text: it contains a NUL character.")
            q = ""
        if len(q) > MAX_QUERY_CHARS:
            notes.append(f"The search text was cut to {MAX_QUERY_CHARS} characters.")
            q = q[:MAX_QUERY_CHARS]
        order_values = getlist("order")
        order = order_values[0] if order_values else "newest"
        if order not in ORDERS:
            notes.append(f"Ignored order={order!r}: use newest or oldest.")
            order = "newest"
        view_values = getlist("view")
        view = view_values[0] if view_values else "all"
        if view not in VIEWS:
            notes.append(f"Ignored view={view!r}: use all or key.")
            view = "all"
        return cls(
            actors=ids("actor"),
            countries=tuple(dict.fromkeys(countries)),
            organizations=ids("org"),
            stories=tuple(stories),
            kinds=tuple(kinds),
            statuses=tuple(statuses),
            start=start,
            end=end,
            q=q,
            order=order,
            view=view,
            notes=tuple(notes),
        )

    def replace(self, **changes) -> TimelineFilters:
        return dataclasses.replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        return not (
            self.actors
            or self.countries
            or self.organizations
            or self.stories
            or self.kinds
            or self.statuses
            or self.start
            or self.end
            or self.q
        )

    def to_query(self) -> list[tuple[str, str]]:
        """The filters as query-string pairs (for links that keep them)."""
        pairs: list[tuple[str, str]] = []
        pairs += [("actor", str(i)) for i in self.actors]
        pairs += [("org", str(i)) for i in self.organizations]
        pairs += [("country", c) for c in self.countries]
        pairs += [("story", s) for s in self.stories]
        pairs += [("kind", k) for k in self.kinds]
        pairs += [("status", s) for s in self.statuses]
        if self.start:
            pairs.append(("start", self.start.isoformat()))
        if self.end:
            pairs.append(("end", self.end.isoformat()))
        if self.q:
            pairs.append(("q", self.q))
        if self.order != "newest":
            pairs.append(("order", self.order))
        if self.view != "all":
            pairs.append(("view", self.view))
        return pairs

    def apply(self, qs: QuerySet, *, skip: str = "") -> QuerySet:
        """Filter an Event queryset. `skip` leaves one facet out (for its counts)."""
        if self.statuses and skip != "status":
            qs = qs.filter(status__in=self.statuses)
        elif not self.statuses:
            qs = qs.exclude(status=Status.REJECTED)
        if self.actors and skip != "actor":
            qs = qs.filter(
                Exists(
                    EventActor.objects.filter(
                        event=OuterRef("pk"), actor_id__in=self.actors
                    )
                )
            )
        if self.organizations and skip != "org":
            qs = qs.filter(
                Exists(
                    EventActor.objects.filter(
                        event=OuterRef("pk"), actor_id__in=self.organizations
                    )
                )
            )
        if self.countries and skip != "country":
            qs = qs.filter(
                Exists(
                    EventCountry.objects.filter(
                        event=OuterRef("pk"), country_id__in=country_ids(self.countries)
                    )
                )
            )
        if self.stories and skip != "story":
            qs = qs.filter(pk__in=story_events(self.stories))
        if self.kinds and skip != "kind":
            qs = qs.filter(kind__in=self.kinds)
        if self.start:
            qs = qs.filter(end__gte=self.start)
        if self.end:
            qs = qs.filter(start__lte=self.end)
        if self.q:
            qs = qs.filter(text_match(self.q))
        if self.order == "oldest":
            return qs.order_by("start", "id")
        return qs.order_by("-start", "-id")


def country_ids(codes: tuple[str, ...]) -> list[int]:
    """The ids of the countries with these codes (unknown codes match none).

    Countries are few: one tiny query, then the link filters compare
    EventCountry's own indexed country id, never a join on Country's code.
    The planner then reads its statistics for those ids (PostgreSQL estimated
    a frequent country's 140,000 links at 4,000 through the join, and a
    combined filter at 1,000,000 events took 1.7 s).
    """
    return list(
        Country.objects.filter(code__in=codes).order_by().values_list("id", flat=True)
    )


def story_events(slugs: tuple[str, ...]) -> QuerySet:
    """Ids of the events reported by an article of any of these stories
    (a subquery: a story may hold more articles than SQL parameters)."""
    members = Article.stories.through.objects.filter(story__slug__in=slugs)
    return Mention.objects.filter(article_id__in=members.values("article_id")).values(
        "event_id"
    )


# PostgreSQL full-text search configuration; the GIN indexes of migration
# 0004_postgres_fulltext are built on exactly these expressions.
SEARCH_CONFIG = "english"
_WORD = re.compile(r"[^\W_]+")


def text_match(q: str, *, scan_if_common: bool = False, every: bool = False) -> Q:
    """Events whose title or a mention's sentence match the search text.

    On PostgreSQL: full-text search (English stemming, every word must occur,
    the last letters of each word may be missing: "Zelen" finds "Zelenskyy").
    Elsewhere: the text as a case-insensitive substring (on SQLite through
    trigram indexes, see migration 0006). `scan_if_common`: for a first page
    rather than a count, a very common text is matched by LIKE instead.
    `every`: for counting every match rather than finding a page (the same
    events): on SQLite's trigram indexes one IN over the matches' ids
    (_TEXT_EVERY) instead of an OR of two.
    """
    if connection.vendor == "postgresql":
        words = _WORD.findall(q)
        if not words:
            return Q(pk__in=[])
        # Only letters and digits reach the raw query: no tsquery operators.
        raw = " & ".join(f"{w}:*" for w in words)
        query = SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)
        title = SearchVectorExact(SearchVector("title", config=SEARCH_CONFIG), query)
        sentence = SearchVectorExact(
            SearchVector("sentence", config=SEARCH_CONFIG), query
        )
        if scan_if_common and _postgres_text_common(title, sentence):
            # A first page of a common text: test each event, newest first,
            # on the date index (an OR with a correlated EXISTS cannot become
            # a join), and stop at a page, instead of hashing and sorting
            # every match (docs/query-plans.md).
            # Constant SQL; the words are a parameter.
            per_event = RawSQL(  # noqa: S611
                _MENTION_PER_EVENT,
                [SEARCH_CONFIG, SEARCH_CONFIG, raw],
                BooleanField(),
            )
            return Q(title) | Q(per_event)
        # One IN over a UNION of the two GIN index lookups (migration 0004),
        # not an OR with a correlated EXISTS: the planner can then drive by
        # the few matches of a rare word or hash the many of a common one,
        # instead of testing every event's mentions one by one.
        by_title = Event.objects.filter(title).values("pk")
        by_sentence = Mention.objects.filter(sentence).values("event_id")
        # Unordered: the models' default orderings would sort every match
        # (and join each mention to its article) for nothing.
        by_title, by_sentence = by_title.order_by(), by_sentence.order_by()
        return Q(pk__in=by_title.union(by_sentence))
    if _trigram_serves(q) and not (scan_if_common and _sqlite_trigram_common(q)):
        # Same matches as icontains, read from the trigram indexes of
        # migration 0006 instead of every title and sentence.
        # Constant SQL; the text is a parameter.
        phrase = _fts_phrase(q)
        if every:
            # Constant SQL; the text is a parameter.
            sql = _TEXT_EVERY.format(
                rows=f"INDEXED BY {MENTION_ROW_INDEX}"
                if _mention_rows_indexed()
                else ""
            )
            return Q(pk__in=RawSQL(sql, [phrase, phrase]))  # noqa: S611
        by_mention = (
            f"SELECT event_id FROM timeline_mention WHERE id IN ({_MENTION_FTS})"  # noqa: S608
        )
        return Q(pk__in=RawSQL(_EVENT_FTS, [phrase])) | Q(  # noqa: S611
            pk__in=RawSQL(by_mention, [phrase])  # noqa: S611
        )
    return Q(title__icontains=q) | Q(
        Exists(Mention.objects.filter(event=OuterRef("pk"), sentence__icontains=q))
    )


_EVENT_FTS = "SELECT rowid FROM timeline_event_fts WHERE timeline_event_fts MATCH %s"
_MENTION_FTS = (
    "SELECT rowid FROM timeline_mention_fts WHERE timeline_mention_fts MATCH %s"
)
# Every matching event's id, from both indexes at once: the title matches'
# rowids, then the matching mentions' event ids (each index row joined to
# its mention's (id, event_id) entry of mention_row_idx, migration 0018,
# not to the row with its whole sentence), one list the events are read
# by. An OR of the two IN lists tests each event against both and keeps a
# second list of the rows found (SQLite 100,000 events, a common word's
# set: 8 against 18 ms, docs/query-plans.md).
MENTION_ROW_INDEX = "mention_row_idx"
_TEXT_EVERY = (
    _EVENT_FTS + " UNION ALL SELECT m.event_id FROM timeline_mention_fts f "  # noqa: S608
    "JOIN timeline_mention m {rows} ON m.id = f.rowid "
    "WHERE timeline_mention_fts MATCH %s"
)


def _trigram_serves(q: str) -> bool:
    """SQLite's trigram indexes can answer this text (3 characters or more)."""
    return connection.vendor == "sqlite" and len(q) >= 3 and _sqlite_trigram_ready()


def _fts_phrase(q: str) -> str:
    """The text as one FTS5 phrase: quotes doubled, no operators."""
    return '"' + q.replace('"', '""') + '"'


def text_match_rowids(q: str) -> tuple[list[int], list[int]] | None:
    """(ids of events whose title matches, ids of mentions whose sentence
    matches) from SQLite's trigram indexes: the matches of text_match(q)
    without touching the events table. None where those indexes do not
    serve (PostgreSQL, texts under 3 characters): use text_match()."""
    if not _trigram_serves(q):
        return None
    phrase = _fts_phrase(q)
    with connection.cursor() as cursor:
        cursor.execute(_EVENT_FTS, [phrase])
        events = [row[0] for row in cursor.fetchall()]
        cursor.execute(_MENTION_FTS, [phrase])
        mentions = [row[0] for row in cursor.fetchall()]
    return events, mentions


# More index matches than this and a page of newest events is found sooner
# by reading events newest first and testing each (LIKE) than by fetching and
# sorting every match.
TRIGRAM_COMMON = 2000


# The mentions of the event in hand, one by one (OFFSET 0: PostgreSQL would
# otherwise turn the EXISTS into a hash of every matching mention).
_MENTION_PER_EVENT = (
    "EXISTS (SELECT 1 FROM timeline_mention m WHERE m.event_id = "
    "timeline_event.id AND to_tsvector(%s::regconfig, COALESCE(m.sentence, '')) "
    "@@ to_tsquery(%s::regconfig, %s) OFFSET 0)"
)


def _postgres_text_common(
    title: SearchVectorExact, sentence: SearchVectorExact
) -> bool:
    """At least TRIGRAM_COMMON titles or sentences match (GIN index lookups,
    cut short at that many rows)."""
    for model, match in ((Event, title), (Mention, sentence)):
        found = model.objects.filter(match).order_by().values("pk")[:TRIGRAM_COMMON]
        if found.count() >= TRIGRAM_COMMON:
            return True
    return False


def _sqlite_trigram_common(q: str) -> bool:
    phrase = _fts_phrase(q)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT count(*) FROM (SELECT 1 FROM timeline_event_fts "
            "WHERE timeline_event_fts MATCH %s LIMIT %s)) + (SELECT count(*) FROM "
            "(SELECT 1 FROM timeline_mention_fts WHERE timeline_mention_fts MATCH %s "
            "LIMIT %s))",
            [phrase, TRIGRAM_COMMON, phrase, TRIGRAM_COMMON],
        )
        return cursor.fetchone()[0] >= TRIGRAM_COMMON


_TRIGRAM_TRIGGERS = tuple(
    f"timeline_{t}_fts_{op}" for t in ("event", "mention") for op in ("ai", "ad", "au")
)


def _mention_rows_indexed() -> bool:
    """Migration 0018's mention_row_idx is there (SQLite)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = %s",
            [MENTION_ROW_INDEX],
        )
        return cursor.fetchone() is not None


def _sqlite_trigram_ready() -> bool:
    """Migration 0006's indexes are there and kept up to date.

    A later migration that rebuilds timeline_event or timeline_mention drops
    their triggers (SQLite remakes the table); the index would then go stale,
    so search falls back to LIKE until 0006's create() runs again.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            ["timeline_%_fts_%"],
        )
        found = {row[0] for row in cursor.fetchall()}
    return found.issuperset(_TRIGRAM_TRIGGERS)
