"""The timeline's pages: the filterable list, an event, an article, and the
type-ahead suggestions for its filters.

Each view renders one template; an HTMX request gets a named partial of it
(django-template-partials), a normal request the whole page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from timeline.keyevents.data import (
    InvalidKeyRequest,
    cached_key_events,
    key_request,
    key_status,
)
from timeline.models import (
    Actor,
    ActorKind,
    Article,
    Country,
    CountryAlias,
    Event,
    Kind,
    Mention,
    Precision,
    Status,
    Story,
    may_review,
    normalise_alias,
)
from timeline.query.cursors import Cursor, InvalidCursor
from timeline.query.events import page_events
from timeline.query.facets import timeline_summary
from timeline.query.filters import TimelineFilters
from timeline.templatetags.timeline_tags import (
    MONTH_NAME,
    highlight_spans,
    index_url,
)

PAGE_SIZE = 30  # a page renders in a few ms; "Show more" brings the next
SUGGESTIONS = 8
MAX_TERM_CHARS = 100


def _partial(request: HttpRequest) -> bool:
    """An HTMX swap wants a fragment; a history restore wants the page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


@dataclass
class Group:
    """Events under one heading: a month, a quarter, a year or a decade."""

    key: tuple
    label: str
    year_label: str  # the year heading above it, "" when it continues a year
    events: list = field(default_factory=list)


def group_key(event) -> tuple[tuple, str]:
    """The heading an event belongs under, by the precision of its date."""
    s = event.start
    if event.precision == Precision.DECADE:
        return ("decade", s.year), f"The {s.year}s"
    if event.precision == Precision.YEAR:
        return ("year", s.year), f"{s.year}, date within the year unknown"
    if event.precision == Precision.QUARTER:
        q = (s.month + 2) // 3
        return ("quarter", s.year, q), f"Q{q} {s.year}"
    return ("month", s.year, s.month), f"{MONTH_NAME[s.month - 1]} {s.year}"


def group_events(events, *, after=None) -> list[Group]:
    """Consecutive events grouped under headings; `after` is the event shown
    just before (the previous page), whose headings are not repeated."""
    groups: list[Group] = []
    prev_key = group_key(after)[0] if after else None
    prev_year = after.start.year if after else None
    for event in events:
        key, label = group_key(event)
        if key != prev_key:
            year = event.start.year
            year_label = str(year) if year != prev_year and key[0] != "decade" else ""
            groups.append(Group(key, label, year_label))
            prev_key, prev_year = key, year
        elif not groups:
            groups.append(Group(key, "", ""))  # continues the previous page
        groups[-1].events.append(event)
    return groups


def _selected_names(filters: TimelineFilters) -> tuple[TimelineFilters, dict]:
    """Drop ids and codes that do not exist (with a note); names for the rest."""
    notes = list(filters.notes)
    ids = set(filters.actors) | set(filters.organizations)
    actors = {a.id: a for a in Actor.objects.filter(id__in=ids)} if ids else {}
    countries = (
        {c.code: c for c in Country.objects.filter(code__in=filters.countries)}
        if filters.countries
        else {}
    )
    known_actors = tuple(i for i in filters.actors if i in actors)
    known_orgs = tuple(i for i in filters.organizations if i in actors)
    known_countries = tuple(c for c in filters.countries if c in countries)
    stories = (
        {s.slug: s for s in Story.objects.filter(slug__in=filters.stories)}
        if filters.stories
        else {}
    )
    for slug in filters.stories:
        if slug not in stories:
            notes.append(f"Ignored story={slug}: no such story.")
    for i in filters.actors:
        if i not in actors:
            notes.append(f"Ignored actor={i}: no such person or organisation.")
    for i in filters.organizations:
        if i not in actors:
            notes.append(f"Ignored org={i}: no such organisation.")
    for c in filters.countries:
        if c not in countries:
            notes.append(f"Ignored country={c}: no such country.")
    filters = filters.replace(
        actors=known_actors,
        organizations=known_orgs,
        countries=known_countries,
        stories=tuple(s for s in filters.stories if s in stories),
        notes=tuple(notes),
    )
    return filters, {"actors": actors, "countries": countries, "stories": stories}


def _cursor(
    request: HttpRequest, filters: TimelineFilters
) -> tuple[Cursor | None, TimelineFilters]:
    """Where this page continues (`?cursor=`, the format of the API's and the
    embed's cursors); an invalid one is noted and the list starts over."""
    raw = request.GET.get("cursor", "")
    if not raw:
        return None, filters
    try:
        return Cursor.decode(raw, filters.order), filters
    except InvalidCursor:
        note = f"Ignored cursor={raw[:80]!r}: not a 'Show more' link of this list; showing the start."
        return None, filters.replace(notes=(*filters.notes, note))


def _previous_event(after: Cursor | None) -> Event | None:
    """The event the previous page ended with, whose headings this page does
    not repeat (None when it was deleted since: its headings are repeated)."""
    if after is None:
        return None
    return Event.objects.filter(pk=after.pk).only("id", "start", "precision").first()


def _page_notes(request: HttpRequest, filters: TimelineFilters) -> TimelineFilters:
    if "page" in request.GET:
        note = "Ignored page: this list pages with 'Show more' (cursor=...)."
        filters = filters.replace(notes=(*filters.notes, note))
    if "after" in request.GET:  # the "Show more" links before cursor=
        note = "Ignored after: 'Show more' links now carry a cursor; showing the start."
        filters = filters.replace(notes=(*filters.notes, note))
    return filters


def events_for_list(qs: QuerySet) -> QuerySet:
    """Everything an event item shows, in a fixed number of queries."""
    return qs.only(
        "id",
        "start",
        "end",
        "precision",
        "value",
        "title",
        "kind",
        "modality",
        "status",
        "source_count",
        "date_conflict",
    ).prefetch_related(
        # Plain lists (event.row_actors, event.row_countries, read by the
        # event_chips tag): no related manager and queryset per event.
        Prefetch(
            "actors",
            queryset=Actor.objects.only("id", "name", "kind"),
            to_attr="row_actors",
        ),
        Prefetch(
            "countries",
            queryset=Country.objects.only("id", "code", "name"),
            to_attr="row_countries",
        ),
    )


def _without(filters: TimelineFilters, key: str, value: str) -> str:
    return index_url([(k, v) for k, v in filters.to_query() if (k, v) != (key, value)])


def active_filters(filters: TimelineFilters, names: dict) -> list[dict]:
    """Each chosen filter as {facet, label, url}, the url removing just that one."""
    out = []
    for i in filters.actors:
        out.append(("Person", names["actors"][i].name, "actor", str(i)))
    for i in filters.organizations:
        out.append(("Organisation", names["actors"][i].name, "org", str(i)))
    for c in filters.countries:
        out.append(("Country", names["countries"][c].name, "country", c))
    for slug in filters.stories:
        out.append(("Story", names["stories"][slug].name, "story", slug))
    kind_labels = dict(Kind.choices)
    for k in filters.kinds:
        out.append(("Kind", kind_labels[k], "kind", k))
    for st in filters.statuses:
        out.append(("Review status", st, "status", st))
    if filters.start:
        iso = filters.start.isoformat()
        out.append(("From", iso, "start", iso))
    if filters.end:
        iso = filters.end.isoformat()
        out.append(("Until", iso, "end", iso))
    if filters.q:
        out.append(("Text", f"“{filters.q}”", "q", filters.q))
    return [
        {"facet": facet, "label": label, "url": _without(filters, key, value)}
        for facet, label, key, value in out
    ]


TERM_PARAMS = {"actor": "actor_term", "org": "org_term", "country": "country_term"}


def term_suggestions(request: HttpRequest, filters: TimelineFilters) -> dict:
    """Without JavaScript the type-ahead boxes submit with the form: the page
    then lists what matched, as links that add the filter."""
    out = {}
    for facet, param in TERM_PARAMS.items():
        term = " ".join(request.GET.get(param, "").split())[:MAX_TERM_CHARS]
        if term:
            out[facet] = {"term": term, "items": suggestions(facet, term, filters)}
    return out


def page_of_events(filters: TimelineFilters, *, after: Cursor | None) -> list[Event]:
    """Up to PAGE_SIZE + 1 events of the list, after the cursor `after`."""
    return list(events_for_list(page_events(filters, after=after))[: PAGE_SIZE + 1])


@dataclass
class KeyDay:
    """One key date of the key-events view, with its events best first."""

    date: object
    unit: str
    label: str
    why: str
    year_label: str = ""  # the year heading above it, "" when it continues a year
    events: list = field(default_factory=list)  # (event, why it is key)


KEY_PARAMS = ("dates", "per_date", "unit")


def _key_day_label(day, unit: str) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return f"{MONTH_NAME[day.month - 1]} {day.year}"
    return f"{day.day} {MONTH_NAME[day.month - 1]} {day.year}"


def key_days(request: HttpRequest, filters: TimelineFilters):
    """(the key days, the key-events parameters to keep in links, filters
    with a note for each bad parameter) for the key-events view."""
    kept = [(k, request.GET[k]) for k in KEY_PARAMS if request.GET.get(k)]
    try:
        key_req = key_request(request.GET, filters)
    except InvalidKeyRequest as exc:
        notes = (*filters.notes, *(f"Ignored {d}" for d in exc.details))
        filters = filters.replace(notes=notes)
        key_req = key_request({}, filters)
        kept = []
    found = cached_key_events(filters, key_req)
    ids = [e.event_id for k in found for e in k.events]
    events = {e.id: e for e in events_for_list(Event.objects.filter(id__in=ids))}
    days = []
    prev_year = None
    for k in found:
        day = KeyDay(k.date, k.unit, _key_day_label(k.date, k.unit), k.explain())
        if k.unit != "year" and k.date.year != prev_year:
            day.year_label = str(k.date.year)
        prev_year = k.date.year
        day.events = [
            (events[e.event_id], e.explain()) for e in k.events if e.event_id in events
        ]
        days.append(day)
    return days, kept, filters


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def index(request: HttpRequest) -> HttpResponse:
    filters = TimelineFilters.from_query(
        request.GET, allow_status=may_review(request.user)
    )
    filters, names = _selected_names(filters)
    after, filters = _cursor(request, filters)
    filters = _page_notes(request, filters)

    days, key_params = None, []
    if filters.view == "key":
        days, key_params, filters = key_days(request, filters)
        events = []
    else:
        events = page_of_events(filters, after=after)
    has_more = len(events) > PAGE_SIZE
    events = events[:PAGE_SIZE]
    query = urlencode([*filters.to_query(), *key_params])
    more_url = ""
    if has_more:
        more_url = (
            reverse("timeline:index")
            + "?"
            + urlencode(
                [
                    *filters.to_query(),
                    ("cursor", Cursor.after_row(filters.order, events[-1]).encode()),
                ]
            )
        )

    ctx = {
        "filters": filters,
        "query": query,
        "active": active_filters(filters, names),
        "term_suggestions": term_suggestions(request, filters),
        "groups": group_events(events, after=_previous_event(after)),
        "key_days": days,
        "key_params": key_params,
        "view_urls": {
            "all": index_url(filters.replace(view="all").to_query()),
            "key": index_url(filters.replace(view="key").to_query()),
        },
        "events": events,
        "more_url": more_url,
        "after": after,
        "selected": names,
        # shows the review-status filter and badges: reviewers only
        "is_staff": may_review(request.user),
        "statuses": Status.choices,
    }
    if _partial(request) and after is not None:
        # "Show more": only the next page of the list.
        return render(request, "timeline/index.html#event-page", ctx)
    ctx["summary"] = timeline_summary(filters)
    if _partial(request):
        return render(request, "timeline/index.html#timeline", ctx)
    return render(request, "timeline/index.html", ctx)


@require_GET
def stories(request: HttpRequest) -> HttpResponse:
    """Every story with its article and event counts and date span, each
    linking to the timeline filtered by it."""
    rows = [
        {
            "story": s,
            "url": index_url([("story", s.slug)]),
            "key_url": index_url([("story", s.slug), ("view", "key")]),
        }
        for s in Story.objects.with_stats()
    ]
    return render(
        request,
        "timeline/stories.html",
        {"stories": rows, "filters": TimelineFilters()},
    )


def _visible_events(request: HttpRequest) -> QuerySet:
    return Event.objects.visible_to(request.user)


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        _visible_events(request).prefetch_related(
            Prefetch("actors", queryset=Actor.objects.only("id", "name", "kind")),
            Prefetch("countries", queryset=Country.objects.only("id", "code", "name")),
            Prefetch(
                "mentions",
                queryset=Mention.objects.select_related("article")
                .defer("article__text")
                .order_by("article__published", "id"),
            ),
        ),
        pk=pk,
    )
    ctx = {"event": event, "filters": TimelineFilters()}
    if _partial(request):
        return render(request, "timeline/event_detail.html#event-detail", ctx)
    return render(request, "timeline/event_detail.html", ctx)


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def event_key_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Whether the event is a key event of its stories' timelines, and why:
    its own page, or the section the event page loads into itself."""
    event = get_object_or_404(_visible_events(request), pk=pk)
    statuses = [
        {
            "status": status,
            "key_url": index_url(
                [
                    *([("story", status.story.slug)] if status.story else []),
                    ("view", "key"),
                ]
            ),
        }
        for status in key_status(event)
    ]
    ctx = {"event": event, "statuses": statuses, "filters": TimelineFilters()}
    if _partial(request):
        return render(request, "timeline/event_key.html#key-status", ctx)
    return render(request, "timeline/event_key.html", ctx)


def article_spans(article: Article, mentions) -> list[tuple[int, int, str]]:
    """(start, end, tooltip) of each expression whose offsets match the text."""
    spans = []
    for m in mentions:
        s, e = m.expression_start, m.expression_end
        if 0 <= s < e <= len(article.text) and article.text[s:e] == m.expression:
            spans.append((s, e, m.value))
    return spans


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    mentions = list(
        Mention.objects.filter(article=article)
        .filter(event__in=_visible_events(request).values("pk"))
        .select_related("event")
        .order_by("expression_start", "id")
    )
    events = list(
        events_for_list(
            _visible_events(request).filter(mentions__article=article).distinct()
        ).order_by("start", "id")
    )
    ctx = {
        "article": article,
        "text": highlight_spans(article.text, article_spans(article, mentions)),
        "mentions": mentions,
        "events": events,
        "filters": TimelineFilters(),
    }
    if _partial(request):
        return render(request, "timeline/article_detail.html#article-events", ctx)
    return render(request, "timeline/article_detail.html", ctx)


# Type-ahead: ?term=... with the current filters; each suggestion is a link
# that adds its value to the filters.


def _term(request: HttpRequest) -> str:
    return " ".join(request.GET.get("term", "").split())[:MAX_TERM_CHARS]


def suggest_actors(term: str, *, kind: str, exclude=()) -> list[Actor]:
    if not term:
        return []
    norm = normalise_alias(term)
    qs = Actor.objects.filter(kind=kind).exclude(id__in=list(exclude))
    by_name = list(qs.filter(name__istartswith=term).order_by("name")[:SUGGESTIONS])
    if len(by_name) < SUGGESTIONS:
        more = (
            qs.filter(Q(name__icontains=term) | Q(aliases__normalised__startswith=norm))
            .exclude(id__in=[a.id for a in by_name])
            .distinct()
            .order_by("name")[: SUGGESTIONS - len(by_name)]
        )
        by_name += list(more)
    return by_name


def suggest_countries(term: str, *, exclude=()) -> list[Country]:
    if not term:
        return []
    norm = normalise_alias(term)
    qs = Country.objects.exclude(code__in=list(exclude))
    first = list(
        qs.filter(Q(name__istartswith=term) | Q(code__iexact=term)).order_by("name")[
            :SUGGESTIONS
        ]
    )
    if len(first) < SUGGESTIONS:
        alias_ids = CountryAlias.objects.filter(normalised__startswith=norm).values(
            "country_id"
        )
        more = (
            qs.filter(Q(name__icontains=term) | Q(id__in=alias_ids))
            .exclude(id__in=[c.id for c in first])
            .order_by("name")[: SUGGESTIONS - len(first)]
        )
        first += list(more)
    return first


def suggestions(facet: str, term: str, filters: TimelineFilters) -> list[dict]:
    """Matches for a type-ahead term: {name, url adding it to the filters}."""
    if facet == "actor":
        found = [
            (a.id, a.name)
            for a in suggest_actors(term, kind=ActorKind.PERSON, exclude=filters.actors)
        ]
    elif facet == "org":
        found = [
            (a.id, a.name)
            for a in suggest_actors(
                term, kind=ActorKind.ORGANIZATION, exclude=filters.organizations
            )
        ]
    elif facet == "country":
        found = [
            (c.code, c.name) for c in suggest_countries(term, exclude=filters.countries)
        ]
    else:
        raise ValueError(f"unknown facet {facet!r}")
    base = filters.to_query()
    return [
        {"name": name, "url": index_url([*base, (facet, str(key))])}
        for key, name in found
    ]


FACET_LABELS = {"actor": "people", "org": "organisations", "country": "countries"}


def _typeahead(request: HttpRequest, *, facet: str) -> HttpResponse:
    filters = TimelineFilters.from_query(
        request.GET, allow_status=may_review(request.user)
    )
    term = request.GET.get("term") or request.GET.get(TERM_PARAMS[facet], "")
    term = " ".join(term.split())[:MAX_TERM_CHARS]
    ctx = {
        "term": term,
        "facet": facet,
        "label": FACET_LABELS[facet],
        "suggestions": suggestions(facet, term, filters),
        "filters": filters,
    }
    if _partial(request):
        return render(request, "timeline/typeahead.html#suggestions", ctx)
    return render(request, "timeline/typeahead.html", ctx)


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def typeahead_actors(request: HttpRequest) -> HttpResponse:
    return _typeahead(request, facet="actor")


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def typeahead_organisations(request: HttpRequest) -> HttpResponse:
    return _typeahead(request, facet="org")


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def typeahead_countries(request: HttpRequest) -> HttpResponse:
    return _typeahead(request, facet="country")
