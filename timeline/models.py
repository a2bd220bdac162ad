"""Newsline's data model.

Article -> Mention <- Event: an event is something that happened on a date;
each mention is one article's evidence for it (the sentence and the date
expression). Actors (people and organisations) and countries hang off events.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from django.db import models
from django.db.models import Count, Q
from simple_history.models import HistoricalRecords

from timeline.validators import check_http_url


def normalise_text(text: str) -> str:
    """The text an article is identified by: NFC, whitespace folded, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def normalise_alias(name: str) -> str:
    """How aliases are compared: case-folded, whitespace folded, no leading 'the'."""
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()
    return re.sub(r"^the ", "", folded)


class Precision(models.TextChoices):
    DAY = "day", "day"
    WEEK = "week", "week"
    MONTH = "month", "month"
    QUARTER = "quarter", "quarter"
    YEAR = "year", "year"
    DECADE = "decade", "decade"


class Kind(models.TextChoices):
    """Event categories (../shared/docs/event-quality.md), with CAMEO roots (CAMEO_ROOT)."""

    STATEMENT = "statement", "statement"
    MEETING = "meeting", "meeting / visit / talks"
    CALL = "call", "call"
    AGREEMENT = "agreement", "agreement / negotiation"
    VOTE = "vote", "vote / legislation"
    ELECTION = "election", "election"
    AID = "aid", "aid"
    SANCTIONS = "sanctions", "sanctions / pressure"
    DEMAND = "demand", "demand / threat"
    PROTEST = "protest", "protest"
    ATTACK = "attack", "attack / fighting"
    LEGAL = "legal", "arrest / legal"
    APPOINTMENT = "appointment", "appointment / resignation"
    ECONOMY = "economy", "economy / markets"
    BUSINESS = "business", "business"
    DISASTER = "disaster", "disaster / accident"
    HEALTH = "health", "health"
    DEATH = "death", "death"
    OTHER = "other", "other"


# CAMEO root codes (Schrodt, CAMEO 1.1b3), so events line up with GDELT; the
# first root of a kind that spans several. Kinds CAMEO has no root for (votes,
# elections, appointments, markets, business, disasters, health, deaths) and
# OTHER have none.
CAMEO_ROOT: dict[str, str] = {
    Kind.STATEMENT: "01",  # Make public statement (02 appeal, 03 express intent)
    Kind.MEETING: "04",  # Consult (042 make a visit, 043 host, 044 meet)
    Kind.CALL: "04",  # Consult (041 discuss by telephone)
    Kind.AGREEMENT: "05",  # Diplomatic cooperation (057 sign; 06 material)
    Kind.VOTE: "",
    Kind.ELECTION: "",
    Kind.AID: "07",  # Provide aid
    Kind.SANCTIONS: "16",  # Reduce relations (163 embargo, 164 expel)
    Kind.DEMAND: "10",  # Demand (13 threaten, 15 exhibit force posture)
    Kind.PROTEST: "14",  # Protest
    Kind.ATTACK: "19",  # Fight (18 assault, 20 mass violence)
    Kind.LEGAL: "17",  # Coerce (173 arrest, detain or charge; 09 investigate)
    Kind.APPOINTMENT: "",
    Kind.ECONOMY: "",
    Kind.BUSINESS: "",
    Kind.DISASTER: "",
    Kind.HEALTH: "",
    Kind.DEATH: "",
    Kind.OTHER: "",
}


class Status(models.TextChoices):
    EXTRACTED = "extracted", "extracted"
    VERIFIED = "verified", "verified"
    REJECTED = "rejected", "rejected"


class Modality(models.TextChoices):
    DONE = "done", "reported as done"
    SCHEDULED = "scheduled", "scheduled"
    POSSIBLE = "possible", "only possible"


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", "pending"
    DONE = "done", "done"
    FAILED = "failed", "failed"


# Fields of Event an admin can correct; a corrected field is never overwritten
# by re-extraction or later ingestion.
CORRECTABLE_FIELDS = (
    "date",  # value, start, end, precision together
    "title",
    "kind",
    "actors",
    "countries",
    "modality",
)


def validate_http_url(value: str) -> None:
    check_http_url(value)


class StoryQuerySet(models.QuerySet):
    def with_stats(self) -> StoryQuerySet:
        """Each story with its article count, visible event count, the span
        of its articles' publication dates and of its events' dates (for
        /stories/), by name."""
        visible = ~Q(articles__mentions__event__status=Status.REJECTED)
        return self.annotate(
            n_articles=Count("articles", distinct=True),
            n_events=Count("articles__mentions__event", distinct=True, filter=visible),
            first_day=models.Min("articles__mentions__event__start", filter=visible),
            last_day=models.Max("articles__mentions__event__end", filter=visible),
            first_published=models.Min("articles__published"),
            last_published=models.Max("articles__published"),
        ).order_by("name", "id")  # Meta.ordering is not applied to GROUP BY


class ArticleQuerySet(models.QuerySet):
    def originals(self) -> ArticleQuerySet:
        """Independent sources: no article that is a near-duplicate of another."""
        return self.filter(duplicate_of__isnull=True)


class Story(models.Model):
    """A named set of articles on one story ("Libya war"); an article may
    belong to several."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    title = models.CharField(max_length=500, blank=True)
    source_url = models.URLField(
        max_length=2000, blank=True, validators=[validate_http_url]
    )
    publisher = models.CharField(max_length=200, blank=True)
    published = models.DateField(help_text="Publication date: the anchor for dates.")
    text = models.TextField()
    text_sha256 = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the normalised text: the same article is stored once.",
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    extraction_version = models.CharField(max_length=40, blank=True)
    extraction_status = models.CharField(
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
    )
    extraction_error = models.TextField(blank=True)
    # The id the article had in its source (a JSONL "id"), for reference.
    external_id = models.CharField(max_length=200, blank=True)
    stories = models.ManyToManyField(Story, related_name="articles", blank=True)
    # A near-duplicate (a syndicated copy, an updated version) of this
    # earlier article: not an independent source (timeline.ingestion.duplicates).
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text="The earlier article this one is a near-duplicate of.",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        indexes = [
            # Admin article list and "articles published in a range".
            models.Index(fields=["-published", "-id"], name="article_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk} ({self.published})"

    def save(self, *args, **kwargs) -> None:
        # Derived, not business logic: the hash always matches the text.
        self.text_sha256 = text_sha256(self.text)
        super().save(*args, **kwargs)

    @property
    def origin_id(self) -> int | None:
        """The article this text first came in: what counts as one source."""
        return self.duplicate_of_id or self.pk

    def source_key(self) -> str:
        """Who published it, for spotting text repeated across one source's
        pages: the publisher, else the URL's host, else the collection its
        external id names ("bpoil_bbc/2010-06-01/1.htm" → "bpoil_bbc")."""
        if self.publisher.strip():
            return "p:" + " ".join(self.publisher.casefold().split())[:190]
        host = urlsplit(self.source_url).hostname or ""
        if host:
            return "h:" + host.removeprefix("www.")[:190]
        if "/" in self.external_id:
            return "c:" + self.external_id.split("/", 1)[0][:190]
        return ""

    @property
    def http_source_url(self) -> str:
        """The source URL if it is http(s), so safe to link; else ""."""
        url = self.source_url or ""
        return url if url.lower().startswith(("http://", "https://")) else ""


class ActorKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANIZATION = "organization", "organisation"


class Actor(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ActorKind.choices)
    created = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="actor_unique_name"),
            models.CheckConstraint(
                condition=Q(kind__in=ActorKind.values), name="actor_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_admin_touched(self) -> bool:
        """Edited by a person (the actor or one of its aliases, in their
        history), or linked to an event whose actors a person set or
        verified: extraction never merges it into another actor. The one
        home of this rule."""
        if self.history.filter(history_user__isnull=False).exists():
            return True
        if ActorAlias.history.filter(
            actor_id=self.pk, history_user__isnull=False
        ).exists():
            return True
        events = Event.objects.filter(actors=self).only(
            "is_manual", "status", "corrected_fields"
        )
        return any(e.is_admin_touched("actors") for e in events.iterator())


class ActorAlias(models.Model):
    """Another name for an actor ("Zelensky" -> Volodymyr Zelenskyy).

    Aliases are data the extraction pipeline reads: an admin-added alias maps
    that name to the actor in every article ingested afterwards.
    """

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    normalised = models.CharField(max_length=200, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "actor aliases"
        constraints = [
            # One name means one actor of a kind; lookups go by normalised name.
            models.UniqueConstraint(
                fields=["normalised", "actor"], name="actoralias_unique"
            ),
        ]
        indexes = [models.Index(fields=["normalised"], name="actoralias_norm_idx")]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalised = normalise_alias(self.alias)
        super().save(*args, **kwargs)


class Country(models.Model):
    code = models.CharField(
        max_length=2, unique=True, help_text="ISO 3166-1 alpha-2 code."
    )
    name = models.CharField(max_length=100)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name


class CountryAlias(models.Model):
    """Another name for a country: a demonym, capital or metonym ("the Kremlin")."""

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="aliases"
    )
    alias = models.CharField(max_length=200)
    normalised = models.CharField(max_length=200, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "country aliases"

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalised = normalise_alias(self.alias)
        super().save(*args, **kwargs)


def may_review(user: Any) -> bool:
    """Whether the user may see review status and rejected events: active
    staff with the view (or change) event permission, not is_staff alone."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and (
            user.has_perm("timeline.view_event")
            or user.has_perm("timeline.change_event")
        )
    )


class EventQuerySet(models.QuerySet):
    def visible(self) -> EventQuerySet:
        return self.exclude(status=Status.REJECTED)

    def visible_to(self, user: Any) -> EventQuerySet:
        """All events for reviewers (see may_review), else the visible ones."""
        return self if may_review(user) else self.visible()

    def for_timeline(self, filters) -> EventQuerySet:
        """Events matching a TimelineFilters (see timeline.query.filters)."""
        return filters.apply(self)

    def with_source_counts(self) -> EventQuerySet:
        return self.annotate(n_sources=Count("mentions__article", distinct=True))


# Event.sample: a random bucket in [0, SAMPLE_BUCKETS), set at insert, so that
# "sample < p" is a random p / SAMPLE_BUCKETS of the events the database can
# reach through an index (timeline.query.facets estimates large sets on it).
SAMPLE_BUCKETS = 10_000


def random_sample() -> int:
    return random.randrange(SAMPLE_BUCKETS)  # noqa: S311 (not for security)


class Event(models.Model):
    start = models.DateField()
    end = models.DateField()
    precision = models.CharField(max_length=10, choices=Precision.choices)
    value = models.CharField(
        max_length=40, help_text="TIMEX3 value, e.g. 2025-02-24, 2025-W08, 2025-02."
    )
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    modality = models.CharField(
        max_length=10, choices=Modality.choices, default=Modality.DONE
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.EXTRACTED
    )
    confidence = models.FloatField(default=0.5)
    corrected_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an admin corrected; extraction never overwrites them.",
    )
    is_manual = models.BooleanField(
        default=False, help_text="Made by an admin, not by extraction."
    )
    date_conflict = models.BooleanField(
        default=False,
        help_text="Another source dates what looks like the same event differently.",
    )
    # Denormalised for the timeline: how many distinct articles report it.
    source_count = models.PositiveIntegerField(default=0)
    first_reported = models.DateField(
        null=True, blank=True, help_text="Publication date of the earliest source."
    )
    actors = models.ManyToManyField(
        Actor, through="EventActor", related_name="events", blank=True
    )
    countries = models.ManyToManyField(
        Country, through="EventCountry", related_name="events", blank=True
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    sample = models.PositiveSmallIntegerField(
        default=random_sample,
        editable=False,
        help_text="Random bucket for estimating counts over large sets.",
    )

    history = HistoricalRecords(excluded_fields=["source_count", "updated", "sample"])
    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lte=models.F("end")), name="event_start_before_end"
            ),
            models.CheckConstraint(
                condition=Q(precision__in=Precision.values),
                name="event_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values), name="event_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(modality__in=Modality.values),
                name="event_modality_valid",
            ),
        ]
        indexes = [
            # The timeline, newest or oldest first: ORDER BY start, id.
            models.Index(fields=["start", "id"], name="event_start_idx"),
            # Filter by kind, then page by date.
            models.Index(fields=["kind", "start"], name="event_kind_start_idx"),
            # Staff's review-status filter, then page by date.
            models.Index(fields=["status", "start"], name="event_status_start_idx"),
            # MAX(updated): the timeline's facet cache key notices edits
            # (timeline.query.facet_counts.data_stamp) with one index lookup.
            models.Index(fields=["updated"], name="event_updated_idx"),
            # Facet counts over a date range: events that start before the
            # range but still overlap it, one short range per precision.
            models.Index(fields=["precision", "start"], name="event_prec_start_idx"),
            # A random share of the events (sample < p) with what the
            # filters read, for estimating large sets: PostgreSQL reads the
            # share from the index alone, a kind within it as a key (else
            # it ANDs the bitmap of every event of that kind, then reads
            # their rows).
            models.Index(
                fields=["sample", "kind", "start"],
                name="event_sample_idx",
                include=["id", "status", "end"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value}: {self.title}"

    @property
    def cameo_root(self) -> str:
        return CAMEO_ROOT.get(self.kind, "")

    def is_corrected(self, field: str) -> bool:
        return field in (self.corrected_fields or [])

    def link_copies(self) -> dict[str, Any]:
        """What a new EventActor/EventCountry row of this event copies from
        it (LINK_COPIES): EventActor(event=e, actor=a, **e.link_copies())."""
        return {name: getattr(self, name) for name in LINK_COPIES}

    def is_admin_touched(self, field: str | None = None) -> bool:
        """Made by hand, verified, rejected or corrected (`field`, or any
        field when None): extraction never removes the event, nor changes
        that field of it. The one home of this rule."""
        if self.is_manual or self.status != Status.EXTRACTED:
            return True
        if field is None:
            return bool(self.corrected_fields)
        return self.is_corrected(field)


# The event's fields its EventActor and EventCountry rows hold copies of,
# for their indexes: "this value's events by date" and "this value's events
# of some kinds" are each one index range, without an event row read. Every
# link is created with them (Event.link_copies) and every change of an
# event's start or kind copies them again in its transaction
# (timeline.domain.corrections.sync_link_copies).
LINK_COPIES = ("start", "kind")


class EventActor(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE)
    # Copies of event.start and event.kind (LINK_COPIES).
    start = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "actor"], name="eventactor_unique")
        ]
        indexes = [
            # Timeline filtered by actor/organisation, ordered by date; facets.
            models.Index(fields=["actor", "start", "event"], name="eventactor_idx"),
            # One actor's events of some kinds (actor_id = ? AND kind IN
            # (...)), each kind's by event id, with their start: the facet
            # sets of one value (timeline.query.facets._value_links) read
            # from this index alone, and other links probed in id order.
            models.Index(
                fields=["actor", "kind", "event", "start"], name="eventactor_kind_idx"
            ),
        ]


class EventCountry(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE)
    country = models.ForeignKey(Country, on_delete=models.CASCADE)
    # Copies of event.start and event.kind (LINK_COPIES).
    start = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "country"], name="eventcountry_unique"
            )
        ]
        indexes = [
            # Timeline filtered by country, ordered by date; facet counts.
            models.Index(fields=["country", "start", "event"], name="eventcountry_idx"),
            # One country's events of some kinds, as eventactor_kind_idx.
            models.Index(
                fields=["country", "kind", "event", "start"],
                name="eventcountry_kind_idx",
            ),
        ]


class BoilerplateLine(models.Model):
    """A line of text and the number of distinct articles of one source that
    had an event on it (timeline.ingestion.boilerplate). Once that reaches
    boilerplate.MIN_ARTICLES the line is boilerplate: no events, no sources."""

    source_key = models.CharField(max_length=200)  # Article.source_key()
    line_hash = models.CharField(max_length=64)  # hygiene.line_hash()
    articles = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source_key", "line_hash"], name="boilerplateline_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_key} {self.line_hash[:12]} x{self.articles}"


class ArticleBand(models.Model):
    """One locality-sensitive hash band of an article's MinHash signature
    (timeline.ingestion.duplicates): articles sharing a band are candidate
    near-duplicates. Derived from the text, rebuilt at every extraction."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["key", "article"], name="articleband_key_idx")]


class BoilerplateSighting(models.Model):
    """This article counted this line: once, however often it is re-extracted."""

    line = models.ForeignKey(
        BoilerplateLine, on_delete=models.CASCADE, related_name="sightings"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["line", "article"], name="boilerplatesighting_unique"
            )
        ]


class FacetCount(models.Model):
    """Pre-aggregated timeline facet counts (see timeline.query.facet_counts).

    Visible (not rejected) events counted by the month, year, or all time of
    their start: facet "a" actor id, "c" country id, "k" kind, "t" total
    (key ""), "p" actor and kind, "q" country and kind (key "id:kind"), "s"
    the longest end - start in days per precision (a max, not a count). Two all-time marker rows: "b" (rebuild has run) and "g" (the
    data version, a random number each write changes). Derived data:
    rebuilt by `manage.py rebuild_facets`, kept current by the service
    functions that write events.
    """

    level = models.CharField(max_length=1)  # "m" month, "y" year, "a" all time
    period = models.DateField()  # first day of the month / year; 0001-01-01
    facet = models.CharField(max_length=1)
    key = models.CharField(max_length=40, blank=True)
    n = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "facet", "period", "key"], name="facetcount_unique"
            )
        ]
        indexes = [
            # One value's rows (a person's kinds by month): a few hundred
            # entries of one key range, not every key of each month.
            models.Index(
                fields=["facet", "key", "level", "period"],
                include=["n"],
                name="facetcount_value_idx",
            )
        ]


class Mention(models.Model):
    """One article's evidence for an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mentions"
    )
    sentence = models.TextField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    expression = models.CharField(max_length=300)
    expression_start = models.PositiveIntegerField()
    expression_end = models.PositiveIntegerField()
    anchor_date = models.DateField(
        help_text="The date the expression was resolved against."
    )
    # What extraction said, kept so a re-extraction can be compared and a
    # date conflict explained.
    value = models.CharField(max_length=40)
    title = models.CharField(max_length=300, blank=True)
    confidence = models.FloatField(default=0.5)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article__published", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "expression_start", "sentence_start"],
                name="mention_unique_in_article",
            ),
            models.CheckConstraint(
                condition=Q(sentence_start__lte=models.F("sentence_end")),
                name="mention_sentence_offsets",
            ),
            models.CheckConstraint(
                condition=Q(expression_start__lte=models.F("expression_end")),
                name="mention_expression_offsets",
            ),
        ]
        indexes = [
            # Event detail and source counts: mentions of an event.
            models.Index(fields=["event", "article"], name="mention_event_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.expression!r} in {self.article_id}"

    @property
    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split around the date expression, for highlighting."""
        a = self.expression_start - self.sentence_start
        b = self.expression_end - self.sentence_start
        if 0 <= a <= b <= len(self.sentence):
            return self.sentence[:a], self.sentence[a:b], self.sentence[b:]
        return self.sentence, "", ""


class DateReferenceQuerySet(models.QuerySet):
    def articles_per_day(self, *, start=None, end=None, precision: str = "day") -> dict:
        """{day: number of articles referring to it} at one precision (the
        first day of a week or month stands for it), optionally in a range."""
        qs = self.filter(precision=precision)
        if start is not None:
            qs = qs.filter(day__gte=start)
        if end is not None:
            qs = qs.filter(day__lte=end)
        return dict(
            qs.values("day")
            .annotate(n=Count("article", distinct=True))
            .values_list("day", "n")
        )


class DateReference(models.Model):
    """An article refers to a day (or a week, or a month) somewhere in its text.

    Every date expression counts, not only those that became events: a day
    that later articles keep mentioning in their background sentences is a
    day that mattered. Finer than a day (a time) counts as its day; a week or
    a month is stored as its first day with its precision, weaker evidence.
    Derived from extraction: written with the article's events, rebuilt by
    re-extraction, deleted with the article.
    """

    class Level(models.TextChoices):
        DAY = "day", "day"
        WEEK = "week", "week"
        MONTH = "month", "month"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="date_references"
    )
    day = models.DateField()
    precision = models.CharField(max_length=5, choices=Level.choices, default=Level.DAY)

    objects = DateReferenceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "precision", "day"], name="datereference_unique"
            ),
            models.CheckConstraint(
                condition=Q(precision__in=["day", "week", "month"]),
                name="datereference_precision_valid",
            ),
        ]
        indexes = [
            # "Articles referring to each day in a range".
            models.Index(
                fields=["precision", "day", "article"], name="datereference_day_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"article {self.article_id} refers to {self.day} ({self.precision})"


__all__ = [
    "Actor",
    "ActorAlias",
    "ActorKind",
    "Article",
    "BoilerplateLine",
    "BoilerplateSighting",
    "CAMEO_ROOT",
    "CORRECTABLE_FIELDS",
    "Country",
    "CountryAlias",
    "DateReference",
    "FacetCount",
    "Event",
    "EventActor",
    "EventCountry",
    "ExtractionStatus",
    "Kind",
    "LINK_COPIES",
    "Mention",
    "Modality",
    "Precision",
    "Status",
    "may_review",
]
