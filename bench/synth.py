"""Synthetic timeline data for benchmarks: `generate(n_events, seed=0)`.

Realistic shape, not real text: a few thousand articles, actors and countries
drawn from Zipf-like distributions (a few names in most events, a long tail),
1-3 mentions per event, dates spread over ~20 years, mixed kinds, precisions,
modalities and review statuses. Everything goes in with bulk_create, so
100,000 events take well under a minute on SQLite.

Usage from a benchmark (Django set up, database migrated):

    from bench.synth import generate
    stats = generate(100_000, seed=0)
"""

from __future__ import annotations

import bisect
import calendar
import random
from datetime import date, timedelta
from itertools import accumulate

from django.db import transaction

from timeline.models import (
    Actor,
    ActorKind,
    Article,
    Country,
    Event,
    EventActor,
    EventCountry,
    Kind,
    Mention,
    Modality,
    Precision,
    Status,
    text_sha256,
)

FIRST_DAY = date(2005, 1, 1)
DAYS = 20 * 365
BATCH = 5000

FIRST_NAMES = [
    "Anna",
    "Boris",
    "Carlos",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Karim",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sergei",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
]
LAST_NAMES = [
    "Abe",
    "Bauer",
    "Costa",
    "Diallo",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanov",
    "Jensen",
    "Kim",
    "Lopez",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Sato",
    "Tanaka",
    "Usman",
    "Volkov",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
]
FAMOUS = [
    "Donald Trump",
    "Vladimir Putin",
    "Volodymyr Zelenskyy",
    "Emmanuel Macron",
    "Olaf Scholz",
    "Xi Jinping",
    "Keir Starmer",
    "Narendra Modi",
    "Recep Tayyip Erdogan",
    "Ursula von der Leyen",
]
ORG_WORDS = [
    "United Nations",
    "NATO",
    "European Union",
    "World Bank",
    "IMF",
    "WHO",
    "OPEC",
    "African Union",
    "ASEAN",
    "G7",
]
ORG_SUFFIX = [
    "Council",
    "Agency",
    "Bank",
    "Commission",
    "Institute",
    "Fund",
    "Committee",
    "Alliance",
]
VERBS = {
    Kind.STATEMENT: ["said", "announced", "warned", "declared"],
    Kind.MEETING: ["met", "visited", "hosted"],
    Kind.CALL: ["spoke by phone with", "called"],
    Kind.VOTE: ["voted on", "backed a resolution with"],
    Kind.AGREEMENT: ["signed an agreement with", "agreed a deal with"],
    Kind.ATTACK: ["launched strikes against", "attacked"],
    Kind.OTHER: ["was reported alongside", "appeared with"],
}
KIND_WEIGHTS = {
    Kind.STATEMENT: 30,
    Kind.MEETING: 22,
    Kind.CALL: 8,
    Kind.VOTE: 6,
    Kind.AGREEMENT: 8,
    Kind.ATTACK: 10,
    Kind.OTHER: 16,
}
PRECISION_WEIGHTS = {
    Precision.DAY: 70,
    Precision.WEEK: 8,
    Precision.MONTH: 12,
    Precision.QUARTER: 2,
    Precision.YEAR: 7,
    Precision.DECADE: 1,
}
EXPRESSIONS = {
    Precision.DAY: ["on Monday", "on Tuesday", "yesterday", "on {d}"],
    Precision.WEEK: ["last week", "next week", "this week"],
    Precision.MONTH: ["earlier this month", "in {m}", "last month"],
    Precision.QUARTER: ["in the first quarter", "in the third quarter"],
    Precision.YEAR: ["in {y}", "last year", "next year"],
    Precision.DECADE: ["in the {y0}s"],
}
PUBLISHERS = ["Reuters", "AP", "BBC", "Al Jazeera", "DW", "France 24", "Kyiv Post"]


def _zipf_cum(n: int, s: float = 1.1) -> list[float]:
    return list(accumulate(1.0 / (i + 1) ** s for i in range(n)))


def _span(day: date, precision: str) -> tuple[date, date, str]:
    """start, end and TIMEX3 value of the period of `precision` containing day."""
    if precision == Precision.DAY:
        return day, day, day.isoformat()
    if precision == Precision.WEEK:
        start = day - timedelta(days=day.weekday())
        iso = start.isocalendar()
        return start, start + timedelta(days=6), f"{iso.year}-W{iso.week:02d}"
    if precision == Precision.MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return (
            day.replace(day=1),
            day.replace(day=last),
            f"{day.year}-{day.month:02d}",
        )
    if precision == Precision.QUARTER:
        q = (day.month - 1) // 3
        start = date(day.year, 3 * q + 1, 1)
        end_month = 3 * q + 3
        end = date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
        return start, end, f"{day.year}-Q{q + 1}"
    if precision == Precision.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31), str(day.year)
    decade = day.year - day.year % 10
    return date(decade, 1, 1), date(decade + 9, 12, 31), f"{decade // 10}X"


@transaction.atomic
def generate(n_events: int, *, seed: int = 0) -> dict[str, int]:
    """Bulk-create n_events events with actors, countries, articles, mentions."""
    rng = random.Random(seed)

    # Actors: famous people first (they get the most events), then a long tail.
    people = list(FAMOUS)
    seen = set(people)
    n_people = max(50, min(3000, n_events // 30))
    while len(people) < n_people:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in seen:
            name = f"{name} {len(people)}"
        seen.add(name)
        people.append(name)
    orgs = list(ORG_WORDS)
    n_orgs = max(20, min(600, n_events // 150))
    while len(orgs) < n_orgs:
        orgs.append(f"{rng.choice(LAST_NAMES)} {rng.choice(ORG_SUFFIX)} {len(orgs)}")
    existing = set(Actor.objects.values_list("name", "kind"))
    Actor.objects.bulk_create(
        [
            Actor(name=n, kind=ActorKind.PERSON)
            for n in people
            if (n, ActorKind.PERSON) not in existing
        ]
        + [
            Actor(name=n, kind=ActorKind.ORGANIZATION)
            for n in orgs
            if (n, ActorKind.ORGANIZATION) not in existing
        ],
        batch_size=BATCH,
    )
    by_name = {(a.name, a.kind): a for a in Actor.objects.only("id", "name", "kind")}
    person_objs = [by_name[(n, ActorKind.PERSON)] for n in people]
    org_objs = [by_name[(n, ActorKind.ORGANIZATION)] for n in orgs]
    person_cum, org_cum = _zipf_cum(len(person_objs)), _zipf_cum(len(org_objs))

    # Countries: a realistic head (those in the news most), then the rest.
    head = ["UA", "RU", "US", "FR", "DE", "GB", "CN", "SA", "IL", "TR", "IN", "PL"]
    all_countries = {c.code: c for c in Country.objects.all()}
    if not all_countries:
        raise RuntimeError("No countries: run migrations (0002 seeds them) first.")
    codes = [c for c in head if c in all_countries] + sorted(
        c for c in all_countries if c not in head
    )
    country_objs = [all_countries[c] for c in codes]
    country_cum = _zipf_cum(len(country_objs), 1.3)

    # Articles: a few thousand, published over the same 20 years.
    n_articles = max(20, min(5000, n_events // 20))
    start_id = Article.objects.count()
    articles = []
    for i in range(n_articles):
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS + 30))
        text = f"Synthetic article {start_id + i} (seed {seed}) published {published}."
        articles.append(
            Article(
                title=f"Synthetic report {start_id + i}",
                publisher=rng.choice(PUBLISHERS),
                source_url=f"https://news.example.org/{seed}/{start_id + i}",
                published=published,
                text=text,
                text_sha256=text_sha256(text),
                extraction_status="done",
            )
        )
    articles = Article.objects.bulk_create(articles, batch_size=BATCH)
    articles.sort(key=lambda a: a.published)
    pub_days = [(a.published - FIRST_DAY).days for a in articles]
    by_id = {a.id: a for a in articles}

    kinds, kind_w = zip(*KIND_WEIGHTS.items(), strict=True)
    precisions, prec_w = zip(*PRECISION_WEIGHTS.items(), strict=True)
    modalities = [Modality.DONE] * 17 + [Modality.SCHEDULED] * 2 + [Modality.POSSIBLE]
    statuses = [Status.EXTRACTED] * 90 + [Status.VERIFIED] * 8 + [Status.REJECTED] * 2
    offsets: dict[int, int] = {}  # next free sentence offset per article

    made = {"events": 0, "mentions": 0, "event_actors": 0, "event_countries": 0}
    for chunk_start in range(0, n_events, BATCH):
        size = min(BATCH, n_events - chunk_start)
        events, plans = [], []
        for _ in range(size):
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            precision = rng.choices(precisions, prec_w)[0]
            kind = rng.choices(kinds, kind_w)[0]
            start, end, value = _span(day, precision)
            who = rng.choices(person_objs, cum_weights=person_cum, k=rng.randint(1, 3))
            who = list(dict.fromkeys(who))
            org = (
                [rng.choices(org_objs, cum_weights=org_cum)[0]]
                if rng.random() < 0.35
                else []
            )
            where = rng.choices(
                country_objs, cum_weights=country_cum, k=rng.randint(1, 2)
            )
            where = list(dict.fromkeys(where))
            other = (org or where)[0].name
            title = f"{who[0].name} {rng.choice(VERBS[kind])} {other}"
            # Sources: articles published within ~2 months after the event.
            lo = bisect.bisect_left(pub_days, (day - FIRST_DAY).days)
            hi = bisect.bisect_left(pub_days, (day - FIRST_DAY).days + 60)
            pool = articles[lo:hi] or articles[max(0, lo - 5) : lo + 5] or articles
            n_src = rng.choices((1, 2, 3), (60, 28, 12))[0]
            sources = list({rng.choice(pool).id: None for _ in range(n_src)})
            events.append(
                Event(
                    start=start,
                    end=end,
                    precision=precision,
                    value=value,
                    title=title[:300],
                    kind=kind,
                    modality=rng.choice(modalities),
                    status=rng.choice(statuses),
                    confidence=round(rng.uniform(0.3, 0.99), 2),
                    source_count=len(sources),
                    first_reported=min(by_id[i].published for i in sources),
                )
            )
            plans.append((who + org, where, precision, day, sources))
        events = Event.objects.bulk_create(events, batch_size=BATCH)

        links_a, links_c, mentions = [], [], []
        for event, (actors, where, precision, day, sources) in zip(
            events, plans, strict=True
        ):
            for a in actors:
                links_a.append(EventActor(event=event, actor=a, **event.link_copies()))
            for c in where:
                links_c.append(
                    EventCountry(event=event, country=c, **event.link_copies())
                )
            for art in (by_id[i] for i in sources):
                expr = rng.choice(EXPRESSIONS[precision]).format(
                    d=day.strftime("%-d %B"),
                    m=day.strftime("%B"),
                    y=day.year,
                    y0=day.year - day.year % 10,
                )
                sentence = f"{event.title} {expr}, officials said."
                at = offsets.get(art.id, 100)
                offsets[art.id] = at + len(sentence) + 1
                e0 = at + len(event.title) + 1
                mentions.append(
                    Mention(
                        event=event,
                        article=art,
                        sentence=sentence,
                        sentence_start=at,
                        sentence_end=at + len(sentence),
                        expression=expr,
                        expression_start=e0,
                        expression_end=e0 + len(expr),
                        anchor_date=art.published,
                        value=event.value,
                        title=event.title,
                        confidence=event.confidence,
                    )
                )
        EventActor.objects.bulk_create(links_a, batch_size=BATCH)
        EventCountry.objects.bulk_create(links_c, batch_size=BATCH)
        Mention.objects.bulk_create(mentions, batch_size=BATCH)
        made["events"] += len(events)
        made["mentions"] += len(mentions)
        made["event_actors"] += len(links_a)
        made["event_countries"] += len(links_c)
    made["articles"] = len(articles)
    made["actors"] = len(person_objs) + len(org_objs)
    return made
