"""Re-run the merge on stored events: what ingestion would have merged with
today's rule (`merge.same_event`), merged now, without re-extracting.

Ingestion merges each new report into the events already stored; when the
rule changes (paraphrases, say), a database ingested before keeps events
the new rule calls one. `remerge` walks the extracted events oldest first
and merges each into the earliest kept event it is the same event as (same
kind, compatible dates, a shared participant or both naming no one, the
wording test of `merge.same_event` on their evidence sentences): the
mentions move, the participants are added up, the finer date wins, the
source count and facet counts are recomputed. Events an admin touched are
neither merged away nor merged into (nothing an admin corrected is lost).
One transaction, under the merge lock; running it again merges nothing new.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from timeline.domain.corrections import sync_link_copies
from timeline.domain.services import refresh_event_sources
from timeline.ingestion import merge
from timeline.ingestion.lexicon import NameResolver
from timeline.ingestion.store import serialise_merging
from timeline.models import (
    LINK_COPIES,
    ActorAlias,
    ActorKind,
    Event,
    EventActor,
    EventCountry,
    Mention,
    Status,
)
from timeline.query import facet_counts

_SENTENCES_PER_EVENT = 5


@dataclass
class _Cluster:
    id: int
    kind: str
    start: date
    end: date
    title: frozenset[str]
    actors: set[int] = field(default_factory=set)
    countries: set[int] = field(default_factory=set)
    sentences: list[frozenset[str]] = field(default_factory=list)
    common: list[frozenset[str]] = field(default_factory=list)
    numbers: list[frozenset[str]] = field(default_factory=list)

    @property
    def participants(self) -> set[str]:
        return {f"a{a}" for a in self.actors} | {f"c{c}" for c in self.countries}


def _load() -> list[_Cluster]:
    rows = (
        Event.objects.filter(is_manual=False, status=Status.EXTRACTED)
        .order_by("id")
        .values_list("id", "kind", "start", "end", "title", "corrected_fields")
    )
    events = {
        i: _Cluster(id=i, kind=k, start=s, end=e, title=merge.tokens(t))
        for i, k, s, e, t, corrected in rows
        if not corrected
    }
    for event_id, actor_id in EventActor.objects.values_list("event_id", "actor_id"):
        if event_id in events:
            events[event_id].actors.add(actor_id)
    for event_id, country_id in EventCountry.objects.values_list(
        "event_id", "country_id"
    ):
        if event_id in events:
            events[event_id].countries.add(country_id)
    for event_id, sentence, expression in Mention.objects.order_by("id").values_list(
        "event_id", "sentence", "expression"
    ):
        ev = events.get(event_id)
        if ev is not None and len(ev.sentences) < _SENTENCES_PER_EVENT:
            ev.sentences.append(merge.tokens(sentence))
            ev.common.append(merge.common_words(sentence))
            ev.numbers.append(merge.numbers(sentence, expression))
    return list(events.values())


def _score(a: _Cluster, b: _Cluster) -> float:
    return max(
        (merge.similarity(a.title, s, b.title, b.sentences) for s in a.sentences),
        default=merge.jaccard(a.title, b.title),
    )


def _same(ev: _Cluster, kept: _Cluster) -> float | None:
    """The wording score if `ev` is the same event as `kept`, else None."""
    if not merge.dates_compatible(ev.start, ev.end, kept.start, kept.end):
        return None
    shared = ev.participants & kept.participants
    if not shared and (ev.participants or kept.participants):
        return None
    score = _score(ev, kept)
    same = any(
        merge.same_event(
            kind=ev.kind,
            score=score,
            shared_actors=len(ev.actors & kept.actors),
            named=bool(shared),
            common=common,
            other_common=kept.common,
            numbers=numbers,
            other_numbers=kept.numbers,
        )
        for common, numbers in zip(
            ev.common or [frozenset()], ev.numbers or [frozenset()], strict=False
        )
    )
    return score if same else None


def absorb_surnames() -> int:
    """People stored under a surname alone before an article tied it to a
    full name (a database ingested before `NameResolver.absorb`) become that
    person, by the same rule; how many were merged. The surnames extraction
    learned are decided again first (`NameResolver.redecide`: "Jackson" for
    Michael Jackson once he is far more reported than Frank G. Jackson, the
    events it linked wrongly relinked), so the merge follows the right alias.
    One transaction; safe to run again."""
    with transaction.atomic():
        serialise_merging()
        resolver = NameResolver()
        resolver.redecide()
        surnames = ActorAlias.objects.filter(actor__kind=ActorKind.PERSON).values_list(
            "normalised", "actor_id"
        )
        return resolver.absorb(surnames=list(surnames))


def absorb_first_names() -> int:
    """People stored twice under first-name variants ("Ken Feinberg",
    "Kenneth Feinberg") become one (`NameResolver.absorb_variants`); how
    many were merged. One transaction under the merge lock; safe to run
    again."""
    with transaction.atomic():
        serialise_merging()
        return NameResolver().absorb_variants()


def remerge() -> int:
    """Merge stored extracted events that today's rule calls one event;
    returns the number of events merged away."""
    with transaction.atomic():
        serialise_merging()
        clusters = _load()
        buckets: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
        into: dict[int, int] = {}
        for ev in clusters:
            keys = [(ev.kind, p) for p in ev.participants] or [(ev.kind, "")]
            best: tuple[float, _Cluster] | None = None
            seen: set[int] = set()
            for key in keys:
                for kept in buckets[key]:
                    if kept.id in seen:
                        continue
                    seen.add(kept.id)
                    score = _same(ev, kept)
                    if score is not None and (best is None or score > best[0]):
                        best = (score, kept)
            if best is None:
                for key in keys:
                    buckets[key].append(ev)
                continue
            kept = best[1]
            into[ev.id] = kept.id
            new = ev.participants - kept.participants
            kept.actors |= ev.actors
            kept.countries |= ev.countries
            for key in {(ev.kind, p) for p in new}:
                buckets[key].append(kept)
            room = _SENTENCES_PER_EVENT - len(kept.sentences)
            kept.sentences += ev.sentences[:room]
            kept.common += ev.common[:room]
            kept.numbers += ev.numbers[:room]
            if (ev.end - ev.start) < (kept.end - kept.start):
                kept.start, kept.end = ev.start, ev.end
        if into:
            _apply(into, {c.id: c for c in clusters})
        return len(into)


def _apply(into: dict[int, int], clusters: dict[int, _Cluster]) -> None:
    targets = set(into.values())
    months = facet_counts.months_of(event_ids=list(into) + list(targets))
    by_target: dict[int, list[int]] = defaultdict(list)
    for src, dst in into.items():
        by_target[dst].append(src)
    for dst, srcs in by_target.items():
        Mention.objects.filter(event_id__in=srcs).update(event_id=dst)
    # The finest date the merged reports gave (as ingestion refines it).
    finer = {}
    for src, value, start, end, precision in Event.objects.filter(
        id__in=list(into)
    ).values_list("id", "value", "start", "end", "precision"):
        dst = into[src]
        if (start, end) == (clusters[dst].start, clusters[dst].end):
            finer[dst] = {
                "value": value,
                "start": start,
                "end": end,
                "precision": precision,
            }
    for dst, row in finer.items():
        Event.objects.filter(pk=dst).update(**row)
    have_a = set(
        EventActor.objects.filter(event_id__in=targets).values_list(
            "event_id", "actor_id"
        )
    )
    have_c = set(
        EventCountry.objects.filter(event_id__in=targets).values_list(
            "event_id", "country_id"
        )
    )
    copies = {
        i: dict(zip(LINK_COPIES, values, strict=True))
        for i, *values in Event.objects.filter(id__in=targets).values_list(
            "id", *LINK_COPIES
        )
    }
    EventActor.objects.bulk_create(
        EventActor(event_id=dst, actor_id=a, **copies[dst])
        for dst in targets
        for a in sorted(clusters[dst].actors)
        if (dst, a) not in have_a
    )
    EventCountry.objects.bulk_create(
        EventCountry(event_id=dst, country_id=k, **copies[dst])
        for dst in targets
        for k in sorted(clusters[dst].countries)
        if (dst, k) not in have_c
    )
    Event.objects.filter(id__in=list(into)).delete()
    sync_link_copies(event_ids=list(targets))
    refresh_event_sources(event_ids=targets)
    facet_counts.refresh_for_events(event_ids=targets, before=months)
