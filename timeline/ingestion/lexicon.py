"""The extraction Lexicon and name resolution, both from the alias tables.

Admin-added aliases and actor merges live in ActorAlias/CountryAlias; the
Lexicon hands them to the pipeline (so "Zelensky" comes out as the canonical
name), and `NameResolver` maps the names extraction returns to rows again
when events are linked (an alias always resolves to its actor).

Ingestion adds aliases too, once, when an article establishes them: a full
name's surname ("Obama" -> Barack Obama, unless another known person has
that surname) and another spelling of a known person ("Muammar Qaddafi" ->
Muammar Gaddafi). Both are decided while the article's transaction holds the
merge lock, against what is stored then, so two workers never make two
actors of one person; an admin can edit or delete them like any alias. A
one-word person stored before its full name was known ("Obama", from
articles that never said "Barack") is merged into that person when the
alias is learned (`NameResolver.absorb`), unless a person edited it. A
full name under a first-name variant of a stored person ("Ken Feinberg"
beside Kenneth Feinberg, the `nicknames` dataset) is another spelling of
them, and `NameResolver.absorb_variants` merges such pairs stored before. A
surname learned for the first person stored with it (Frank G. Jackson) is
decided again when a namesake far more reported is stored later (Michael
Jackson): the alias goes to that person, and the events it linked wrongly
follow (`NameResolver.redecide`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q
from simple_history.utils import bulk_create_with_history

from timeline.domain.corrections import merge_actors
from timeline.extraction.entities import DOMINANT_PERSON, PeopleIndex, learn_aliases
from timeline.extraction.names import first_name_variant
from timeline.extraction.types import Lexicon
from timeline.models import (
    Actor,
    ActorAlias,
    ActorKind,
    Article,
    Country,
    CountryAlias,
    Event,
    EventActor,
    Mention,
    normalise_alias,
)
from timeline.query import facet_counts

MAX_NAME = 200
LEARNED = "learned by extraction"


def build_lexicon() -> Lexicon:
    """Known names from the database: actors, their aliases, country aliases."""
    people: dict[str, str] = {}
    organizations: dict[str, str] = {}
    targets = {ActorKind.PERSON: people, ActorKind.ORGANIZATION: organizations}
    for name, kind in Actor.objects.values_list("name", "kind").iterator():
        if kind in targets:
            targets[kind].setdefault(normalise_alias(name), name)
    # Aliases win over names: an alias is an admin's explicit mapping.
    for normalised, name, kind in ActorAlias.objects.values_list(
        "normalised", "actor__name", "actor__kind"
    ).iterator():
        if kind in targets:
            targets[kind][normalised] = name
    countries = dict(
        CountryAlias.objects.values_list("normalised", "country__code").iterator()
    )
    return Lexicon(people=people, organizations=organizations, countries=countries)


def display_name(name: str, kind: str) -> str:
    """A person's name as it is shown: "BARACK OBAMA" from a headline set in
    capitals is Barack Obama. Organisations keep their capitals (BP, NATO)."""
    if (
        kind == ActorKind.PERSON
        and name.isupper()
        and " " in name
        and sum(ch.isalpha() for ch in name) > 5
    ):
        return name.title()
    return name


class NameResolver:
    """Names and codes to Actor/Country ids, cached for one unit of work.

    `commit()` keeps what was learned inside a transaction once it committed;
    `rollback()` forgets it (an actor created in a rolled-back transaction
    does not exist).
    """

    def __init__(self, *, preload: bool = False) -> None:
        self._actors: dict[tuple[str, str], int] = {}
        self._pending: dict[tuple[str, str], int] = {}
        self._new: dict[tuple[str, str], tuple[str, int]] = {}
        self._countries: dict[str, int] | None = None
        self._country_aliases: dict[str, int] | None = None
        self._complete = False
        # Known people by surname spelling, read incrementally (by id).
        self._people = PeopleIndex(())
        self._people_ids: dict[str, int] = {}
        self._people_seen = 0
        self._learned: list[tuple[str, int]] = []  # surnames, for absorb()
        self.changed = False  # actors or aliases stored since it was made
        if preload:
            self.preload()

    def preload(self) -> None:
        """Read every actor and alias now (for a batch), not name by name."""
        for actor_id, name, kind in Actor.objects.values_list("id", "name", "kind"):
            self._actors.setdefault((normalise_alias(name), kind), actor_id)
        for normalised, actor_id, kind in ActorAlias.objects.values_list(
            "normalised", "actor_id", "actor__kind"
        ):
            self._actors[(normalised, kind)] = actor_id
        self._complete = True

    def _load_countries(self) -> None:
        self._countries = dict(Country.objects.values_list("code", "id"))
        self._country_aliases = dict(
            CountryAlias.objects.values_list("normalised", "country_id")
        )

    def country_id(self, code: str) -> int | None:
        if self._countries is None:
            self._load_countries()
        assert self._countries is not None and self._country_aliases is not None
        code = code.strip()
        if len(code) == 2 and code.isalpha():
            found = self._countries.get(code.upper())
            if found:
                return found
        return self._country_aliases.get(normalise_alias(code))

    def actor_id(self, name: str, kind: str) -> int | None:
        """The actor for a name: an alias's actor, else by name.

        A name not stored yet gets a temporary negative id; `create_new()`
        stores all of them at once and says which real id each one became.
        """
        name = display_name(" ".join(name.split())[:MAX_NAME], kind)
        key = (normalise_alias(name), kind)
        if not key[0]:
            return None
        found = self._actors.get(key) or self._pending.get(key)
        if found:
            return found
        if key in self._new:
            return self._new[key][1]
        actor_id = None
        if not self._complete:
            actor_id = (
                ActorAlias.objects.filter(normalised=key[0], actor__kind=kind)
                .values_list("actor_id", flat=True)
                .first()
            )
            if actor_id is None:
                actor_id = (
                    Actor.objects.filter(name=name, kind=kind)
                    .values_list("id", flat=True)
                    .first()
                )
        if actor_id is not None:
            self._pending[key] = actor_id
            return actor_id
        temporary = -1 - len(self._new)
        self._new[key] = (name, temporary)
        return temporary

    def create_new(self, context: Iterable[int] = ()) -> dict[int, int]:
        """Store the actors first seen since the last call: {temporary: real id}.

        One insert for all of them; a name another process stored meanwhile
        is taken as it is (the unique constraint decides). `context`: the
        stored actors the article reports them with (see `_variants`).
        """
        if not self._new:
            return {}
        new = self._new
        self._new = {}
        mapping: dict[int, int] = {}
        spellings = []
        for key, actor_id in self._variants(new, set(context)).items():
            name, temporary = new.pop(key)
            mapping[temporary] = actor_id
            self._pending[key] = actor_id
            spellings.append((name, actor_id))
        self._store_aliases(spellings)  # "Muammar Qaddafi" -> Muammar Gaddafi
        if not new:
            return mapping
        self.changed = True
        Actor.objects.bulk_create(
            [Actor(name=name, kind=kind) for (_, kind), (name, _) in new.items()],
            ignore_conflicts=True,
        )
        stored = {
            (a.name, a.kind): a
            for a in Actor.objects.filter(name__in={name for name, _ in new.values()})
        }
        created = []
        for (norm, kind), (name, temporary) in new.items():
            actor = stored[(name, kind)]
            mapping[temporary] = actor.pk
            self._pending[(norm, kind)] = actor.pk
            created.append(actor)
        history = getattr(Actor, "history", None)
        if history is not None:
            history.bulk_history_create(
                created, default_change_reason="created by extraction"
            )
        return mapping

    def _refresh_people(self) -> None:
        """Read the people stored since the last look (by id, in the
        transaction: what other workers committed before the lock is seen)."""
        rows = Actor.objects.filter(
            kind=ActorKind.PERSON, id__gt=self._people_seen
        ).values_list("id", "name")
        for actor_id, name in rows.order_by("id").iterator():
            self._people.add(name)
            self._people_ids[name] = actor_id
            self._people_seen = max(self._people_seen, actor_id)

    def _variants(
        self, new: dict[tuple[str, str], tuple[str, int]], context: set[int]
    ) -> dict[tuple[str, str], int]:
        """New person names that are another spelling of a stored person.

        Under a first-name variant ("Ken Feinberg" for the one stored
        Feinberg, `PeopleIndex.variant_of`) only when the stored person is
        of the story of the article's `context` actors (`_reported_with`):
        a "Michael Jackson" of a story on the singer is not the Mike Jackson
        another story named in passing."""
        people = [k for k in new if k[1] == ActorKind.PERSON and " " in k[0]]
        if not people:
            return {}
        self._refresh_people()
        out = {}
        for key in people:
            name = new[key][0]
            known = self._people.variant_of(name, nicknames=False)
            if known is None:
                known = self._people.variant_of(name)
                if known is not None and not _reported_with(
                    self._people_ids.get(known), context
                ):
                    known = None
            if known is not None and known in self._people_ids:
                out[key] = self._people_ids[known]
        return out

    def learn(self, aliases: Iterable[tuple[str, str]]) -> int:
        """Store the (alias, canonical person) pairs an article established
        that are not known yet (see `learn_aliases`); how many were stored.

        Call after `create_new()`, inside the article's transaction.
        """
        pairs = [(a, c) for a, c in aliases if a and c]
        if not pairs:
            return 0
        keys = {normalise_alias(a) for a, _ in pairs}
        events: dict[str, int] = {}
        known: dict[str, str] = dict(
            ActorAlias.objects.filter(
                normalised__in=keys, actor__kind=ActorKind.PERSON
            ).values_list("normalised", "actor__name")
        )
        for key in keys:
            if " " in key:  # a stored actor of that very name stays itself
                name = (
                    Actor.objects.filter(kind=ActorKind.PERSON, name__iexact=key)
                    .values_list("name", flat=True)
                    .first()
                )
                if name is not None:
                    known[key] = name
            else:  # every stored person with this surname, and their events
                for name, n in (
                    Actor.objects.filter(
                        kind=ActorKind.PERSON, name__iendswith=" " + key
                    )
                    .annotate(n=Count("eventactor"))
                    .values_list("name", "n")
                ):
                    known.setdefault(f"{key} <{name}>", name)
                    events[name] = n
        # A surname this article ties to another person than the one it was
        # learned for: decided again, by how many articles name each in full.
        stale = {
            k
            for a, c in pairs
            if " " not in (k := normalise_alias(a)) and known.get(k) not in (None, c)
        }
        if stale and self.redecide(stale):
            known.update(
                ActorAlias.objects.filter(
                    normalised__in=stale, actor__kind=ActorKind.PERSON
                ).values_list("normalised", "actor__name")
            )
        new = learn_aliases(known=known, found=pairs, events=events)
        rows = []
        for alias, canonical in new.items():
            actor_id = self.actor_id(canonical, ActorKind.PERSON)
            if actor_id is not None and actor_id > 0:
                rows.append((alias, actor_id))
        return self._store_aliases(rows)

    def _store_aliases(self, rows: list[tuple[str, int]]) -> int:
        if not rows:
            return 0
        objs = [
            ActorAlias(actor_id=actor_id, alias=alias[:MAX_NAME], normalised=norm)
            for alias, actor_id in rows
            if (norm := normalise_alias(alias[:MAX_NAME]))
        ]
        bulk_create_with_history(
            objs,
            ActorAlias,
            ignore_conflicts=True,
            default_change_reason="learned by extraction",
        )
        for obj in objs:
            self._pending[(obj.normalised, ActorKind.PERSON)] = obj.actor_id
            if " " not in obj.normalised:
                self._learned.append((obj.normalised, obj.actor_id))
        self.changed = True
        return len(objs)

    def redecide(self, surnames: Iterable[str] | None = None) -> int:
        """Decide again the one-word aliases extraction learned (all of them,
        or these normalised surnames): the person the surname means is the
        one of its stored namesakes that at least DOMINANT_PERSON times as
        many articles name in full as all the others together ("Jackson":
        Michael Jackson, not Frank G. Jackson whom it was learned for when he
        was the only Jackson stored); with none such, the alias stays where it
        is when that person is the most named, else it is removed (an
        ambiguous surname means no one). An alias a person added or edited
        is never changed. The events the old person was linked to through
        the alias (none of their articles names him in full) follow
        (`_relink`), unless a person set or verified their actors. Call
        inside a transaction holding the merge lock; how many aliases
        changed."""
        aliases = ActorAlias.objects.filter(actor__kind=ActorKind.PERSON).exclude(
            normalised__contains=" "
        )
        if surnames is not None:
            aliases = aliases.filter(normalised__in=set(surnames))
        by_key: dict[str, list[ActorAlias]] = {}
        for alias in aliases.select_related("actor"):
            by_key.setdefault(alias.normalised, []).append(alias)
        changed = 0
        for key, rows in sorted(by_key.items()):
            if len(rows) != 1 or not _learned(rows[0]):
                continue  # one name, several actors: a person's doing
            alias = rows[0]
            named = _articles_naming(key)
            if len(named) < 2:
                continue
            best = max(named, key=lambda a: (named[a], -a.pk))
            others = sum(n for a, n in named.items() if a != best)
            old = alias.actor
            if best == old or (others and named[best] < DOMINANT_PERSON * others):
                if best == old or named.get(old, 0) >= named[best]:
                    continue
                alias._change_reason = (
                    f"{LEARNED}: {key!r} is ambiguous ({_counts(named)})"
                )
                alias.delete()
                self._forget(key, old.pk, None)
                _relink(old=old, new=None, namesakes=named)
            else:
                alias.actor = best
                alias._change_reason = (
                    f"{LEARNED}: {key!r} is {best.name} now ({_counts(named)})"
                )
                alias.save()
                self._forget(key, old.pk, best.pk)
                _relink(old=old, new=best, namesakes=named)
            changed += 1
        if changed:
            self.changed = True
        return changed

    def _forget(self, key: str, old: int, new: int | None) -> None:
        for cache in (self._actors, self._pending):
            if cache.get((key, ActorKind.PERSON)) == old:
                if new is None:
                    del cache[(key, ActorKind.PERSON)]
                else:
                    cache[(key, ActorKind.PERSON)] = new

    def replace_gone(self, actor_ids: Iterable[int]) -> dict[int, int]:
        """Of these ids this resolver handed out, those whose actor is gone
        since (merged into another by an admin or by another worker's
        `absorb`): {old id: the actor its name resolves to now, through the
        alias the merge left}. One query when none is gone."""
        ids = {i for i in actor_ids if i > 0}
        if not ids:
            return {}
        gone = ids - set(Actor.objects.filter(pk__in=ids).values_list("pk", flat=True))
        out: dict[int, int] = {}
        for cache in (self._actors, self._pending):
            for key, value in list(cache.items()):
                if value not in gone:
                    continue
                del cache[key]
                found = (
                    ActorAlias.objects.filter(normalised=key[0], actor__kind=key[1])
                    .values_list("actor_id", flat=True)
                    .first()
                )
                if found is not None:
                    out[value] = found
                    self._pending[key] = found
        return out

    def absorb(self, surnames: Iterable[tuple[str, int]] | None = None) -> int:
        """Merge the one-word people named by a surname learned since the
        last call ("Obama", stored before any article said "Barack Obama")
        into the person the surname now means, links, aliases and all
        (`corrections.merge_actors`), unless a person edited them or their
        events' actors (`Actor.is_admin_touched`). Call inside the article's
        transaction after its links are written; how many were merged.
        `surnames`: (normalised surname, person id) pairs to use instead."""
        learned, self._learned = self._learned, []
        if surnames is not None:
            learned = [(n, a) for n, a in surnames if n and " " not in n]
        merged = 0
        for normalised, actor_id in learned:
            others = [
                actor
                for actor in Actor.objects.filter(
                    kind=ActorKind.PERSON, name__iexact=normalised
                ).exclude(pk=actor_id)
                if normalise_alias(actor.name) == normalised
                and not actor.is_admin_touched()
            ]
            if not others:
                continue
            target = Actor.objects.get(pk=actor_id)
            merge_actors(
                target=target,
                others=others,
                user=None,
                reason=f"learned by extraction: a surname of {target.name}",
            )
            gone = {actor.pk for actor in others}
            for cache in (self._actors, self._pending, self._people_ids):
                for key, value in cache.items():
                    if value in gone:
                        cache[key] = actor_id
            merged += len(others)
        if merged:
            self.changed = True
        return merged

    def absorb_variants(self) -> int:
        """Merge the stored people that are one person under first-name
        variants ("Ken Feinberg" into "Kenneth Feinberg",
        `names.first_name_variant`), links, aliases and all: each pair of
        one surname where each is the other's only variant among the stored
        people of that surname (never when two would match), no one else of
        the surname has another first name (Mike and Michael Jackson beside
        Lisa P. Jackson stay apart) and the two are of one story
        (`_reported_with`: "Mike Jackson" of a war story is not the
        singer), into the one reported in more events (the first stored on
        a tie). A pair with a person an admin edited
        (`Actor.is_admin_touched`) is left as it is. Call inside a
        transaction holding the merge lock; how many were merged."""
        by_surname: dict[str, list[Actor]] = {}
        for actor in (
            Actor.objects.filter(kind=ActorKind.PERSON, name__contains=" ")
            .annotate(n=Count("eventactor"))
            .order_by("pk")
        ):
            words = normalise_alias(actor.name).split()
            if len(words) >= 2:
                by_surname.setdefault(words[-1], []).append(actor)
        merged = 0
        for people in by_surname.values():
            firsts = {normalise_alias(a.name).split()[0] for a in people}
            if len(people) < 2 or len(firsts) > 2:
                continue
            alike = {
                a.pk: [b for b in people if first_name_variant(a.name, b.name)]
                for a in people
            }
            for a in people:
                if len(alike[a.pk]) != 1:
                    continue
                b = alike[a.pk][0]
                if a.pk > b.pk or [x.pk for x in alike[b.pk]] != [a.pk]:
                    continue  # each pair once; one of two matches is no one
                if a.is_admin_touched() or b.is_admin_touched():
                    continue  # a person's doing: left as they made it
                if not _reported_with(a.pk, _story_actors(b.pk)):
                    continue  # nothing ties the two to one story
                target = max((a, b), key=lambda x: x.n)
                other = b if target == a else a
                merge_actors(
                    target=target,
                    others=[other],
                    user=None,
                    reason=f"{LEARNED}: a first-name variant of {target.name}",
                )
                for cache in (self._actors, self._pending, self._people_ids):
                    for key, value in cache.items():
                        if value == other.pk:
                            cache[key] = target.pk
                merged += 1
        if merged:
            self.changed = True
        return merged

    def commit(self) -> None:
        self._actors.update(self._pending)
        self._pending.clear()

    def rollback(self) -> None:
        self._pending.clear()
        self._new.clear()
        self._learned.clear()


# A stored person and an article (or two stored people) are of one story
# when the articles reporting them name this many of the same actors.
SHARED_ACTORS = 2


def _story_actors(actor_id: int | None) -> set[int]:
    """The actors (people, organisations) of the events of the articles
    that report this actor's events, but the actor: the story it is of."""
    if actor_id is None:
        return set()
    articles = Mention.objects.filter(event__eventactor__actor_id=actor_id).values(
        "article_id"
    )
    events = Mention.objects.filter(article_id__in=articles).values("event_id")
    return set(
        EventActor.objects.filter(event_id__in=events)
        .exclude(actor_id=actor_id)
        .values_list("actor_id", flat=True)
    )


def _reported_with(actor_id: int | None, context: set[int]) -> bool:
    """This stored actor is of the story of the `context` actors: one of
    them, or its articles name SHARED_ACTORS of them: the evidence a
    first-name variant needs (Ken Feinberg and Kenneth Feinberg both with BP
    and Tony Hayward; the general Mike Jackson and the singer with no one
    in common)."""
    if actor_id is None or not context:
        return False
    return (
        actor_id in context or len(_story_actors(actor_id) & context) >= SHARED_ACTORS
    )


def _learned(alias: ActorAlias) -> bool:
    """An alias extraction made and no person edited since."""
    rows = list(
        ActorAlias.history.filter(id=alias.pk).values_list(
            "history_user_id", "history_change_reason"
        )
    )
    return (
        bool(rows)
        and all(user is None for user, _ in rows)
        and any((reason or "").startswith(LEARNED) for _, reason in rows)
    )


def _full_names(name: str) -> tuple[str, ...]:
    """The ways an article names a person in full: "Frank G. Jackson",
    "Frank Jackson"."""
    words = name.split()
    short = f"{words[0]} {words[-1]}" if len(words) > 2 else name
    return tuple(dict.fromkeys((name, short)))


def _articles_naming(surname: str) -> dict[Actor, int]:
    """The stored people of this surname (a full name ending in it) -> how
    many of the articles reporting their events name them in full; {}
    unless there are two or more (the text search runs only where a surname
    is shared)."""
    people = [
        a
        for a in Actor.objects.filter(
            kind=ActorKind.PERSON, name__iendswith=" " + surname
        )
        if normalise_alias(a.name).split()[-1] == surname
    ]
    if len(people) < 2:
        return {}
    # Only the articles that report an event of one of them are read: the
    # text search stays the size of these people's coverage, not of the
    # database (it runs inside the merge lock).
    theirs = Mention.objects.filter(
        event__in=EventActor.objects.filter(actor__in=people).values("event_id")
    ).values("article_id")
    out = {}
    for actor in people:
        q = Q()
        for full in _full_names(actor.name):
            q |= Q(text__icontains=full)
        out[actor] = Article.objects.filter(q, pk__in=theirs).count()
    return out


def _counts(named: dict[Actor, int]) -> str:
    return ", ".join(
        f"{a.name} in {n} articles"
        for a, n in sorted(named.items(), key=lambda kv: (-kv[1], kv[0].name))
    )


def _relink(*, old: Actor, new: Actor | None, namesakes: Iterable[Actor]) -> int:
    """The events of `old` none of whose articles names `old` in full (it
    was linked through the surname alone), unless a person set or verified
    their actors: each goes to the namesake its articles name in full when
    they name one (or `new`, the alias's person, among several), to `new`
    when they name none, else to no one of the name (a title that named
    `old` names the new person); how many changed."""
    full = {a: [normalise_alias(f) for f in _full_names(a.name)] for a in namesakes}
    full[old] = [normalise_alias(f) for f in _full_names(old.name)]
    changes: dict[int, Actor | None] = {}
    events = {}
    for event in Event.objects.filter(actors=old).prefetch_related("mentions__article"):
        if event.is_admin_touched("actors"):
            continue
        texts = [normalise_alias(m.article.text) for m in event.mentions.all()]
        named = {
            a for a, names in full.items() if any(f in t for t in texts for f in names)
        }
        if not texts or old in named:
            continue
        if new is not None and (new in named or not named):
            changes[event.pk] = new
        else:
            changes[event.pk] = named.pop() if len(named) == 1 else None
        events[event.pk] = event
    if not changes:
        return 0
    ids = list(changes)
    months = facet_counts.months_of(event_ids=ids)
    have = set(
        EventActor.objects.filter(event_id__in=ids).values_list("event_id", "actor_id")
    )
    EventActor.objects.filter(event_id__in=ids, actor=old).delete()
    EventActor.objects.bulk_create(
        EventActor(event=events[i], actor=a, **events[i].link_copies())
        for i, a in changes.items()
        if a is not None and (i, a.pk) not in have
    )
    for i, actor in changes.items():
        event = events[i]
        # a title that named the wrong person by the alias names the right one
        if (
            actor is not None
            and old.name in event.title
            and not event.is_admin_touched("title")
        ):
            event.title = event.title.replace(old.name, actor.name)
            event._change_reason = f"{LEARNED}: {old.name} was {actor.name}"
            event.save(update_fields=["title"])
    facet_counts.refresh_for_events(event_ids=ids, before=months)
    return len(changes)
