"""Staff corrections: edit, verify, reject, merge and split events; merge
actors and countries.

Every function is one transaction, takes keyword-only arguments, and leaves a
django-simple-history record naming the user and the optional reason. What an
admin corrected is listed in ``Event.corrected_fields`` (names from
``CORRECTABLE_FIELDS``) so re-extraction and later ingestion never overwrite
it; a rejected event keeps its mentions, so ingestion recognises it and does
not bring it back.

Actor and country links are not tracked by simple-history (they are rows of
EventActor/EventCountry), so a correction that changes them writes their
before and after names into the history record's change reason.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from simple_history.utils import bulk_update_with_history

from timeline.domain.services import refresh_event_sources
from timeline.extraction.values import MAX_DATE, MIN_DATE, value_range
from timeline.models import (
    CORRECTABLE_FIELDS,
    LINK_COPIES,
    Actor,
    ActorAlias,
    Country,
    CountryAlias,
    Event,
    EventActor,
    EventCountry,
    Kind,
    Mention,
    Modality,
    Precision,
    Status,
    normalise_alias,
)
from timeline.query import facet_counts

DATE_FIELDS = ("value", "start", "end", "precision")
SCALAR_FIELDS = ("title", "kind", "modality")
LINK_FIELDS = ("actors", "countries")
# status and the conflict flag are review state, not corrections: changing
# them marks nothing as corrected.
CHANGEABLE = frozenset(
    DATE_FIELDS + SCALAR_FIELDS + LINK_FIELDS + ("status", "date_conflict")
)
MAX_TITLE = Event._meta.get_field("title").max_length
MAX_VALUE = Event._meta.get_field("value").max_length


# --- text -----------------------------------------------------------------


def clean_title(raw: Any) -> str:
    """A title as typed, made one line: whitespace (CR, LF, tabs) folded to
    single spaces; any other control character (NUL...) is refused."""
    title = " ".join(str(raw or "").split())
    bad = next((c for c in title if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise ValidationError(
            {"title": f"The title contains a control character (U+{ord(bad):04X})."}
        )
    if not title:
        raise ValidationError({"title": "The title is empty."})
    if len(title) > MAX_TITLE:
        raise ValidationError(
            {"title": f"The title is longer than {MAX_TITLE} characters."}
        )
    return title


# --- dates ----------------------------------------------------------------


def value_for_range(start: date, end: date, precision: str) -> str | None:
    """The TIMEX3 value whose period is exactly start..end at that precision."""
    candidates = {
        Precision.DAY: start.isoformat(),
        Precision.WEEK: "{}-W{:02d}".format(*start.isocalendar()[:2]),
        Precision.MONTH: f"{start.year:04d}-{start.month:02d}",
        Precision.QUARTER: f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}",
        Precision.YEAR: f"{start.year:04d}",
        Precision.DECADE: f"{start.year // 10:03d}X",
    }
    value = candidates.get(precision)
    if value and value_range(value) == (start, end, precision):
        return value
    return None


def _as_date(name: str, raw: Any) -> date:
    if isinstance(raw, date):
        day = raw
    else:
        text = str(raw).strip()
        try:
            if not text.isascii():
                raise ValueError(text)
            day = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                {name: f"{name} {raw!r} is not a date (YYYY-MM-DD)."}
            ) from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValidationError(
            {
                name: f"{name} {day.isoformat()} is outside the supported dates "
                f"({MIN_DATE.isoformat()} to {MAX_DATE.isoformat()})."
            }
        )
    return day


def resolve_date(*, event: Event, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The new value/start/end/precision for a date correction, validated.

    - Only the value changes: start, end and precision follow from it
      (2025-W08 -> 17..23 Feb 2025, week).
    - Only the range changes: the value follows when the range is exactly
      one day/week/month/quarter/year/decade, else it must contain the range.
    - Both change: the range must lie inside the value's period.
    Raises ValidationError naming the field; nothing is changed.
    """
    old = {f: getattr(event, f) for f in DATE_FIELDS}
    new = dict(old)
    if "value" in changes:
        new["value"] = str(changes["value"] or "").strip()
    for name in ("start", "end"):
        if name in changes:
            new[name] = _as_date(name, changes[name])
    if "precision" in changes:
        new["precision"] = changes["precision"]
    if new == old:
        return new
    if len(new["value"]) > MAX_VALUE:
        raise ValidationError(
            {"value": f"The date value is longer than {MAX_VALUE} characters."}
        )
    value_changed = new["value"] != old["value"]
    range_changed = any(new[f] != old[f] for f in ("start", "end", "precision"))
    period = value_range(new["value"]) if new["value"] else None
    if value_changed and period is None:
        raise ValidationError(
            {
                "value": f"{new['value']!r} is not a calendar date or period "
                f"within {MIN_DATE.year} to {MAX_DATE.year} "
                "(e.g. 2025-02-24, 2025-W08, 2025-02, 2025-Q1, 2025, 202X)."
            }
        )
    if value_changed and not range_changed:
        new["start"], new["end"], new["precision"] = period
        return new
    if new["precision"] not in Precision.values:
        raise ValidationError(
            {
                "precision": f"Precision {new['precision']!r} is not one of "
                f"{', '.join(Precision.values)}."
            }
        )
    for name in ("start", "end"):
        if new[name] is None:
            raise ValidationError({name: f"Give the {name} date, or only a value."})
    if new["start"] > new["end"]:
        raise ValidationError(
            {"end": f"The end {new['end']} is before the start {new['start']}."}
        )
    if not value_changed:
        exact = value_for_range(new["start"], new["end"], new["precision"])
        if exact:
            new["value"] = exact
            return new
    if period is None or not (period[0] <= new["start"] and new["end"] <= period[1]):
        raise ValidationError(
            {
                "value": f"The value {new['value']!r} does not cover "
                f"{new['start']}..{new['end']}; give a value whose period "
                "contains the range (or change only the value)."
            }
        )
    return new


def sync_link_copies(*, event_ids: Iterable[int]) -> None:
    """Copy each event's start and kind (LINK_COPIES) onto its EventActor
    and EventCountry rows that hold other values: the one home of keeping
    the copies current, called in the transaction of every change of an
    event's start or kind."""
    ids = list(set(event_ids))
    for event_id, *values in Event.objects.filter(id__in=ids).values_list(
        "id", *LINK_COPIES
    ):
        copies = dict(zip(LINK_COPIES, values, strict=True))
        for through in (EventActor, EventCountry):
            through.objects.filter(event_id=event_id).exclude(**copies).update(**copies)


# --- links ------------------------------------------------------------------


def _names(objs: Iterable[Any]) -> str:
    names = sorted(str(o) for o in objs)
    return ", ".join(names) if names else "none"


def _set_links(
    *, event: Event, through: type, key: str, wanted: Iterable[Any]
) -> tuple[list[Any], list[Any]] | None:
    """Make the event's links exactly `wanted`; (before, after) if they changed."""
    related = Actor if key == "actor" else Country
    wanted_ids = {o.pk if hasattr(o, "pk") else int(o) for o in wanted}
    current_ids = set(
        through.objects.filter(event=event).values_list(f"{key}_id", flat=True)
    )
    if wanted_ids == current_ids:
        return None
    found = related.objects.filter(pk__in=wanted_ids).count()
    if found != len(wanted_ids):
        raise ValidationError(
            {f"{key}s" if key == "actor" else "countries": "Unknown id in the list."}
        )
    before = list(related.objects.filter(pk__in=current_ids))
    through.objects.filter(
        event=event, **{f"{key}_id__in": current_ids - wanted_ids}
    ).delete()
    through.objects.bulk_create(
        [
            through(event=event, **event.link_copies(), **{f"{key}_id": pk})
            for pk in sorted(wanted_ids - current_ids)
        ]
    )
    after = list(related.objects.filter(pk__in=wanted_ids))
    return before, after


def _save(obj: Any, *, user: Any, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = reason or None
    obj.save()


def _join_reason(reason: str, notes: list[str]) -> str:
    return "; ".join([p for p in [reason.strip(), *notes] if p])


# --- events -----------------------------------------------------------------


@transaction.atomic
def correct_event(
    *, event: Event, user: Any, changes: Mapping[str, Any], reason: str = ""
) -> Event:
    """Apply an admin's changes to an event and mark what changed as corrected.

    `changes` may hold value/start/end/precision (the "date"), title, kind,
    modality, actors (Actor objects or ids, persons and organisations),
    countries (Country objects or ids) and status. Fields whose value really
    changes are added to corrected_fields; the event becomes verified unless
    the changes set a status themselves. Bad input raises ValidationError and
    changes nothing.
    """
    unknown = set(changes) - CHANGEABLE
    if unknown:
        raise ValidationError(
            f"Cannot correct {', '.join(sorted(unknown))}: not a correctable field."
        )
    event = Event.objects.select_for_update().get(pk=event.pk)
    months_before = {event.start}
    kind_before = event.kind
    corrected = list(event.corrected_fields or [])

    def mark(name: str) -> None:
        if name not in corrected:
            corrected.append(name)

    new_date = resolve_date(event=event, changes=changes)
    date_changed = any(new_date[f] != getattr(event, f) for f in DATE_FIELDS)
    if date_changed:
        for f in DATE_FIELDS:
            setattr(event, f, new_date[f])
        mark("date")

    for name in SCALAR_FIELDS:
        if name not in changes:
            continue
        value = str(changes[name] or "").strip()
        if name == "title":
            value = clean_title(value)
        choices = {"kind": Kind.values, "modality": Modality.values}.get(name)
        if choices is not None and value not in choices:
            raise ValidationError(
                {name: f"{name} {value!r} is not one of {', '.join(choices)}."}
            )
        if value != getattr(event, name):
            setattr(event, name, value)
            mark(name)

    status = changes.get("status")
    if status is not None and status not in Status.values:
        raise ValidationError(
            {"status": f"status {status!r} is not one of {', '.join(Status.values)}."}
        )

    if "date_conflict" in changes:
        event.date_conflict = bool(changes["date_conflict"])

    notes: list[str] = []
    if "actors" in changes:
        diff = _set_links(
            event=event, through=EventActor, key="actor", wanted=changes["actors"]
        )
        if diff:
            mark("actors")
            notes.append(f"actors: {_names(diff[0])} -> {_names(diff[1])}")
    if "countries" in changes:
        diff = _set_links(
            event=event,
            through=EventCountry,
            key="country",
            wanted=changes["countries"],
        )
        if diff:
            mark("countries")
            notes.append(f"countries: {_names(diff[0])} -> {_names(diff[1])}")

    if status is not None and status != event.status:
        event.status = status
    elif corrected != list(event.corrected_fields or []):
        event.status = Status.VERIFIED
    event.corrected_fields = [f for f in CORRECTABLE_FIELDS if f in corrected] + [
        f for f in corrected if f not in CORRECTABLE_FIELDS
    ]
    _save(event, user=user, reason=_join_reason(reason, notes))
    if date_changed or kind_before != event.kind:
        sync_link_copies(event_ids=[event.pk])
    facet_counts.refresh_months(months=months_before | {event.start})
    return event


@transaction.atomic
def create_manual_event(
    *, user: Any, fields: Mapping[str, Any], reason: str = ""
) -> Event:
    """An event an admin adds by hand: verified, marked manual, so no
    extraction ever touches it. `fields` as for correct_event."""
    unknown = set(fields) - CHANGEABLE
    if unknown:
        raise ValidationError(
            f"Cannot set {', '.join(sorted(unknown))}: not an event field."
        )
    blank = Event(value="", start=None, end=None, precision="")
    dates = resolve_date(event=blank, changes=fields)
    if not dates["value"] or dates["start"] is None:
        raise ValidationError({"value": "Give the date value, e.g. 2025-02-24."})
    title = clean_title(fields.get("title"))
    event = Event(
        **dates,
        title=title,
        kind=fields.get("kind") or Kind.OTHER,
        modality=fields.get("modality") or Modality.DONE,
        status=fields.get("status") or Status.VERIFIED,
        date_conflict=bool(fields.get("date_conflict")),
        is_manual=True,
        confidence=1.0,
    )
    event.full_clean(exclude=["corrected_fields"])
    _save(event, user=user, reason=reason)
    EventActor.objects.bulk_create(
        [
            EventActor(event=event, actor_id=getattr(a, "pk", a), **event.link_copies())
            for a in fields.get("actors") or ()
        ]
    )
    EventCountry.objects.bulk_create(
        [
            EventCountry(
                event=event, country_id=getattr(c, "pk", c), **event.link_copies()
            )
            for c in fields.get("countries") or ()
        ]
    )
    facet_counts.refresh_months(months=[event.start])
    return event


def _set_status(
    *, events: Iterable[Event] | QuerySet[Event], status: str, user: Any, reason: str
) -> int:
    ids = [e.pk for e in events]
    objs = list(Event.objects.filter(pk__in=ids).exclude(status=status))
    for obj in objs:
        obj.status = status
    if objs:
        bulk_update_with_history(
            objs,
            Event,
            ["status"],
            default_user=user,
            default_change_reason=reason or None,
        )
        facet_counts.refresh_months(months={obj.start for obj in objs})
    return len(objs)


@transaction.atomic
def verify_events(
    *, events: Iterable[Event] | QuerySet[Event], user: Any, reason: str = ""
) -> int:
    """Mark events verified; how many changed."""
    return _set_status(events=events, status=Status.VERIFIED, user=user, reason=reason)


@transaction.atomic
def reject_events(
    *, events: Iterable[Event] | QuerySet[Event], user: Any, reason: str = ""
) -> int:
    """Mark events rejected: hidden from the timeline, kept (with their
    mentions) so that ingestion recognises them and never brings them back."""
    return _set_status(events=events, status=Status.REJECTED, user=user, reason=reason)


@transaction.atomic
def merge_events(
    *,
    target: Event,
    others: Iterable[Event] | QuerySet[Event],
    user: Any,
    reason: str = "",
) -> Event:
    """Merge events into `target`: every mention, actor and country moves to
    it, the others are deleted (their history stays), the target is verified."""
    other_ids = sorted({e.pk for e in others} - {target.pk})
    if not other_ids:
        raise ValidationError(
            "Choose at least one other event to merge into the target."
        )
    target = Event.objects.select_for_update().get(pk=target.pk)
    found = list(Event.objects.filter(pk__in=other_ids))
    if len(found) != len(other_ids):
        raise ValidationError("Some of the events to merge no longer exist.")
    months = {target.start} | {e.start for e in found}
    Mention.objects.filter(event_id__in=other_ids).update(event=target)
    for through, key in ((EventActor, "actor_id"), (EventCountry, "country_id")):
        have = set(through.objects.filter(event=target).values_list(key, flat=True))
        incoming = set(
            through.objects.filter(event_id__in=other_ids).values_list(key, flat=True)
        )
        through.objects.bulk_create(
            [
                through(event=target, **target.link_copies(), **{key: pk})
                for pk in sorted(incoming - have)
            ]
        )
    for other in found:
        other._history_user = user
        other._change_reason = _join_reason(reason, [f"merged into event {target.pk}"])
        other.delete()
    target.status = Status.VERIFIED
    _save(
        target,
        user=user,
        reason=_join_reason(
            reason, [f"merged events {', '.join(map(str, other_ids))} into this one"]
        ),
    )
    refresh_event_sources(event_ids=[target.pk])
    facet_counts.refresh_months(months=months)
    target.refresh_from_db()
    return target


@transaction.atomic
def split_mention(*, mention: Mention, user: Any, reason: str = "") -> Event:
    """Move a mention out of its event into a new, verified event of its own,
    dated by the mention's own value, with the old event's kind, actors and
    countries (correct them afterwards if needed)."""
    mention = Mention.objects.select_related("event").get(pk=mention.pk)
    source = mention.event
    if not Mention.objects.filter(event=source).exclude(pk=mention.pk).exists():
        raise ValidationError(
            f"Mention {mention.pk} is the only evidence of event {source.pk}; "
            "there is nothing to split it from."
        )
    period = value_range(mention.value)
    if period:
        value, (start, end, precision) = mention.value, period
    else:
        value, start, end, precision = (
            source.value,
            source.start,
            source.end,
            source.precision,
        )
    new = Event(
        value=value,
        start=start,
        end=end,
        precision=precision,
        title=(mention.title or source.title)[:MAX_TITLE],
        kind=source.kind,
        modality=source.modality,
        confidence=mention.confidence,
        status=Status.VERIFIED,
    )
    _save(
        new,
        user=user,
        reason=_join_reason(reason, [f"split mention {mention.pk} out of {source.pk}"]),
    )
    mention.event = new
    mention.save(update_fields=["event"])
    EventActor.objects.bulk_create(
        [
            EventActor(event=new, actor_id=pk, **new.link_copies())
            for pk in EventActor.objects.filter(event=source).values_list(
                "actor_id", flat=True
            )
        ]
    )
    EventCountry.objects.bulk_create(
        [
            EventCountry(event=new, country_id=pk, **new.link_copies())
            for pk in EventCountry.objects.filter(event=source).values_list(
                "country_id", flat=True
            )
        ]
    )
    refresh_event_sources(event_ids=[source.pk, new.pk])
    facet_counts.refresh_months(months=[new.start])
    new.refresh_from_db()
    return new


# --- actors and countries ---------------------------------------------------


def _move_links(*, through: type, key: str, target_id: int, other_id: int) -> None:
    months = set(
        through.objects.filter(**{key: other_id})
        .values_list("start", flat=True)
        .distinct()
    )
    have = through.objects.filter(**{key: target_id}).values("event_id")
    through.objects.filter(**{key: other_id}, event_id__in=have).delete()
    through.objects.filter(**{key: other_id}).update(**{key: target_id})
    facet_counts.refresh_months(months=months)


@transaction.atomic
def merge_actors(
    *,
    target: Actor,
    others: Iterable[Actor] | QuerySet[Actor],
    user: Any,
    reason: str = "",
) -> Actor:
    """Merge actors into `target` ("Zelensky" into "Volodymyr Zelenskyy").

    Every event link moves to the target (an event linked to both keeps one
    link), the others' aliases move too, and each other's name becomes an
    alias of the target, so extraction maps that name to the target from
    then on. The others are deleted; their history stays.
    """
    other_ids = sorted({a.pk for a in others} - {target.pk})
    if not other_ids:
        raise ValidationError(
            "Choose at least one other actor to merge into the target."
        )
    target = Actor.objects.select_for_update().get(pk=target.pk)
    known = set(target.aliases.values_list("normalised", flat=True))
    known.add(normalise_alias(target.name))
    note = _join_reason(reason, [f"merged into actor {target.pk} ({target.name})"])
    for other in Actor.objects.filter(pk__in=other_ids):
        _move_links(
            through=EventActor, key="actor_id", target_id=target.pk, other_id=other.pk
        )
        for alias in list(other.aliases.all()):
            if alias.normalised in known:
                alias._history_user = user
                alias._change_reason = note
                alias.delete()
                continue
            alias.actor = target
            _save(alias, user=user, reason=note)
            known.add(alias.normalised)
        if normalise_alias(other.name) not in known:
            _save(ActorAlias(actor=target, alias=other.name), user=user, reason=note)
            known.add(normalise_alias(other.name))
        other._history_user = user
        other._change_reason = note
        other.delete()
    return target


@transaction.atomic
def merge_countries(
    *,
    target: Country,
    others: Iterable[Country] | QuerySet[Country],
    user: Any,
    reason: str = "",
) -> Country:
    """Merge countries into `target`: links and aliases move, each other's
    name becomes an alias of the target, the others are deleted."""
    other_ids = sorted({c.pk for c in others} - {target.pk})
    if not other_ids:
        raise ValidationError(
            "Choose at least one other country to merge into the target."
        )
    target = Country.objects.select_for_update().get(pk=target.pk)
    note = _join_reason(reason, [f"merged into country {target.pk} ({target.name})"])
    for other in Country.objects.filter(pk__in=other_ids):
        _move_links(
            through=EventCountry,
            key="country_id",
            target_id=target.pk,
            other_id=other.pk,
        )
        for alias in list(other.aliases.all()):
            alias.country = target
            _save(alias, user=user, reason=note)
        name = normalise_alias(other.name)
        if name != normalise_alias(target.name):
            existing = CountryAlias.objects.filter(normalised=name).first()
            if existing is None:
                _save(
                    CountryAlias(country=target, alias=other.name),
                    user=user,
                    reason=note,
                )
            elif existing.country_id != target.pk:
                existing.country = target
                _save(existing, user=user, reason=note)
        other._history_user = user
        other._change_reason = note
        other.delete()
    return target
