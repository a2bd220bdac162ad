"""Event kinds from the event's predicate and its arguments.

The kinds are those of the review rubric (../shared/docs/event-quality.md;
timeline.models.Kind holds them with their CAMEO roots). The kind comes from
the governing verb's lemma, a verb + particle or object pair ("stepped down",
"opened fire"), the verb's object, subject and prepositional objects ("imposed
sanctions", "the spill began", "filed for bankruptcy") and event nominals on
the path from the date to the verb ("a no-fly zone vote on Thursday"), never
from words elsewhere in the sentence nor from an adjunct that names another
event ("tumbled ... since the 2001 attacks"). Lemma lexicons: data/kinds.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

STATEMENT = "statement"
MEETING = "meeting"
CALL = "call"
AGREEMENT = "agreement"
VOTE = "vote"
ELECTION = "election"
AID = "aid"
SANCTIONS = "sanctions"
DEMAND = "demand"
PROTEST = "protest"
ATTACK = "attack"
LEGAL = "legal"
APPOINTMENT = "appointment"
ECONOMY = "economy"
BUSINESS = "business"
DISASTER = "disaster"
HEALTH = "health"
DEATH = "death"
OTHER = "other"
# In the order of timeline.models.Kind (a test keeps the two equal).
KINDS: tuple[str, ...] = (
    STATEMENT,
    MEETING,
    CALL,
    AGREEMENT,
    VOTE,
    ELECTION,
    AID,
    SANCTIONS,
    DEMAND,
    PROTEST,
    ATTACK,
    LEGAL,
    APPOINTMENT,
    ECONOMY,
    BUSINESS,
    DISASTER,
    HEALTH,
    DEATH,
    OTHER,
)

DATA = "data/kinds.json"

SPEAK_VERBS = frozenset({"speak", "talk", "converse", "chat"})
_PHONE = frozenset({"phone", "telephone", "call", "phonecall", "telephone_call"})
# Verbs that kill: an attack, unless a disease or a disaster does it.
_KILL = frozenset({"kill"})
# Verbs that mean something else with a direct object ("added 300 jobs", "ran GM").
_ONLY_WITHOUT_OBJECT = frozenset({"add", "note", "declare", "run"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "obj"})
# Names that tell a kind all the same: indices and viruses.
_NAMED_NOUNS = frozenset(
    {
        "h1n1",
        "h5n1",
        "sars",
        "dow",
        "nasdaq",
        "nikkei",
        "ftse",
        "dax",
        "sensex",
        "index",
        "average",
        "composite",
        "hurricane",
        "typhoon",
        "cyclone",
    }
)
# Verbs of a phase of what their subject names: "the talks collapsed".
_PHASE_VERBS = frozenset({"collapse", "end", "fail", "stall", "resume", "escalate"})
_TEMPORAL_PREPS = frozenset(
    {"after", "before", "since", "following", "until", "during"}
)
# Adjuncts that name another event, never the predicate's kind ("tumbled ...
# since the 2001 attacks", "resigned amid protests").
_ADJUNCT_PREPS = _TEMPORAL_PREPS | {"amid", "despite", "ahead", "including"}
# Adverbs spaCy parses as advmod where they are the verb's particle ("passed away").
_PARTICLES = frozenset(
    {
        "away",
        "up",
        "down",
        "off",
        "out",
        "over",
        "back",
        "in",
        "on",
        "aside",
        "together",
        "aground",
    }
)
# Children that make a verb + word pair: "stepped down", "opened fire", "tested positive".
_PAIRED = frozenset({"prt", "dobj", "acomp", "oprd"})
# Disaster verbs that befall a body: a person who collapses falls ill.
_BODILY = frozenset({"collapse", "faint", "choke", "overdose"})
# Verbs of joining, leaving or forming a government or board.
_MEMBERSHIP = frozenset({"join", "leave", "form", "quit"})
_BODIES = frozenset({"board", "cabinet", "government", "coalition"})
# Panels one sits on, whose joining or leaving is a change of membership:
# "Volcker left the committee in January 2011" (not "formed a panel").
_PANELS = frozenset({"committee", "panel", "commission", "council"})
# Nouns of a change whose "in" names what changes: "a 32% drop in US sales".
_CHANGES = frozenset(
    {"drop", "rise", "fall", "decline", "increase", "decrease", "jump", "cut", "slump"}
)
# Nouns of a quantity or a collection whose "of" names what the argument is:
# "the number of jobs", "a series of proposals", "the pace of asset sales".
_QUANTITIES = frozenset(
    {
        "number",
        "amount",
        "level",
        "total",
        "value",
        "volume",
        "figure",
        "series",
        "pace",
        "wave",
        "round",
        "string",
        "spate",
        "raft",
        "first",
        "second",
        "last",
        "one",
        "part",
        "half",
        "rest",
        "majority",
        "kind",
        "sort",
        "type",
        "some",
        "much",
        "many",
        "most",
        "all",
        "variety",
        "range",
        "host",
        "handful",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "thousand",  # lemmas: "millions of gallons of oil"
        "million",
        "billion",
        "litre",  # "as much as 8.3 m litres of oil"
        "liter",
        "tonne",
        "copy",
        "cluster",
        "line",  # "a line of oil mixed with seaweed stretched all across the beach"
        "patch",
        "plume",
        "streak",
        "percent",
        "proportion",
        "fraction",
    }
)
# Kinds of nouns of what is said about something, which their compound names
# ("an earnings report", "a loss forecast", "the H1N1 threat").
_SPEECH_NOUN_KINDS = frozenset({STATEMENT, DEMAND})
# Prepositions that give a content noun its content: "a decision on whether to
# suspend its dividend", "work on plugging the well", "the drilling of a well".
_CONTENT_PREPS = frozenset({"of", "on", "for", "to", "into", "about"})
# Verbs of money spent whose "on" or "for" names what the money buys, not the
# event ("spent $530,000 on federal elections" is the company's spending).
_MONEY_VERBS = frozenset({"spend", "pay", "invest", "allocate", "earmark"})
# Verbs of a level reached: economy when a price or an index reaches it ("oil
# prices hit a record", "the Dow topped 14,000"), else their object's kind.
_LEVEL_VERBS = frozenset({"hit", "reach", "top", "touch", "set", "exceed"})
_LEVELS = frozenset({"low", "high", "peak"})
# Verbs that put someone in an office named by their complement: "tapped him
# to be Treasury secretary", "named her as chief executive", "took over as CEO".
_OFFICE_COMPLEMENT = frozenset({"attr", "oprd", "pobj"})
# Verbs that reach an office with "to": "rose to senior vice president".
_TO_OFFICE = frozenset({"rise", "promote", "elevate", "appoint", "name", "nominate"})
# Patients of "kill" that are no people: "the well was killed", "killed the bill".
_NOT_KILLED = frozenset({ATTACK, DEATH, HEALTH})
# Subjects that make a verb's decision a ruling: "the court ordered", "a judge refused".
_JUDICIAL = frozenset({"court", "judge", "jury", "tribunal", "justice", "magistrate"})
# Subjects that make a purchase or a launch a policy, not business: "the
# Treasury will buy ...", "the government unveiled a plan".
_GOVERNMENT = frozenset(
    {
        "government",
        "administration",
        "treasury",
        "fed",
        "ministry",
        "minister",
        "department",
        "congress",
        "parliament",
        "regulator",
        "regulators",
        "authority",
        "authorities",
        "cabinet",
        "state",
    }
)
# Announcements are of the kind of what they announce.
_ANNOUNCING = frozenset(
    {
        "announce",
        "confirm",
        "unveil",
        "disclose",
        "reveal",
        "report",
        "discover",
        "learn",
        "emerge",  # "It emerged on Wednesday that a small part of the slick had entered ..."
        "transpire",
    }
)
# Verbs of effort, whose event is their goal: "BP was working on Thursday to
# plug the leaking well", "Workers toiled ... to plug a gushing oil leak".
_EFFORT_VERBS = frozenset(
    {"work", "toil", "labor", "labour", "struggle", "strive", "scramble", "race"}
)
# What a bill to pay is for: "its tax bill", "the electricity bill".
_BILLS = frozenset({"tax", "phone", "electricity", "power", "energy", "gas", "water"})
# Bodies whose passing of something is a vote: "passed by Congress".
_LEGISLATURES = frozenset(
    {"congress", "parliament", "senate", "house", "assembly", "legislature"}
)
# Lengths of time one spends: "spending a few hours with his family".
_SPANS = frozenset({"hour", "day", "week", "month", "year", "time", "weekend"})
# Nouns of work counted, the labour market's figures unless a company's.
_LABOUR = frozenset({"job", "jobs", "employment", "payroll", "payrolls", "hiring"})
# Nouns a company is called by: "the company generated cash of $7.7 billion".
_FIRMS = frozenset({"company", "firm", "group", "corporation", "conglomerate"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# Bodies that hold hearings: "the panel heard from a BP manager".
_HEARING_BODIES = frozenset(
    {
        "panel",
        "committee",
        "subcommittee",
        "commission",
        "inquiry",
        "court",
        "tribunal",
        "jury",
        "hearing",
        "lawmaker",
        "legislator",
        "senator",
    }
)
# Verbs that undo a restriction, and the restrictions a regulator imposes at
# home: "eased a moratorium on new offshore drilling", "lifted the ban" is a
# regulatory act (legal), not sanctions on someone; "lifted sanctions" stays.
_REVERSING = frozenset(
    {"lift", "ease", "relax", "loosen", "scrap", "rescind", "revoke", "overturn"}
)
_RESTRICTIONS = frozenset(
    {"moratorium", "freeze", "restriction", "curfew", "suspension", "limit"}
)
# What one calls: "called a summit", "called an election", "called a vote".
_CONVENED = frozenset({MEETING, ELECTION, VOTE})
# Verbs of closing a place, and the places whose closing is a health measure
# in an article about an outbreak ("three additional schools will be closed").
_CLOSING = frozenset({"close", "shut", "reopen", "open"})
_SCHOOLS = frozenset(
    {"school", "kindergarten", "nursery", "university", "college", "academy"}
)
# Places of work whose closing or opening is a company's act: "it closed the
# London HQ of BP Alternative Energy", "will shut two plants".
_WORKPLACES = frozenset(
    {
        "hq",
        "headquarters",
        "practice",  # "he opened his own practice in Las Vegas"
        "clinic",
        "office",
        "plant",
        "factory",
        "store",
        "shop",
        "branch",
        "outlet",
        "refinery",
        "mill",
        "mine",
        "depot",
        "showroom",
        "dealership",
        "subsidiary",
        "division",
        "unit",
    }
)
# Central banks, whose agreements, loans and offers of money are the
# economy's, not a company's or a treaty: "the Fed entered into a $38 billion
# repurchase agreement", "the Central Bank offered 1.13 trillion rubles".
_CENTRAL_BANK_KINDS = frozenset({AGREEMENT, BUSINESS, AID, OTHER})
# What one takes charge of, as an office: "Dodd took over the Banking
# Committee in 2007", "took over the day-to-day operations in the Gulf".
_CHARGES = frozenset(
    {
        "committee",
        "panel",
        "commission",
        "operation",
        "operations",
        "process",
        "command",
        "control",
        "leadership",
        "presidency",
        "chairmanship",
        "management",
        "role",
        "duty",
        "duties",
        "responsibility",
        "running",
    }
)
# Private people, whose travels are no visit (CAMEO's visits are those of
# officials, leaders and delegations): "The Mexican man arrived in Hong Kong
# from Mexico on Thursday", "2.35 million passengers flew from Mexico".
_PRIVATE_PEOPLE = frozenset(
    {
        "man",
        "woman",
        "boy",
        "girl",
        "child",
        "children",
        "passenger",
        "tourist",
        "traveller",
        "traveler",
        "holidaymaker",
        "student",
        "pupil",
        "family",
        "couple",
        "patient",
        "person",
        "people",
        "someone",
        "resident",
        "fan",
    }
)
# Equipment whose failing is an accident: "the blowout preventer (BOP) device
# failed", "the cofferdam failed due to a build up of crystallised gas".
_FAILING = frozenset({"fail", "malfunction"})
_EQUIPMENT = frozenset(
    {
        "device",
        "preventer",
        "valve",
        "backstop",
        "cofferdam",
        "dome",
        "seal",
        "pump",
        "engine",
        "brake",
        "brakes",
        "dam",
        "levee",
        "pipe",
        "pipeline",
        "cable",
        "equipment",
        "machinery",
        "generator",
        "reactor",
        "turbine",
        "wing",
    }
)
# A company's figures, which its report of them is about: "made profits".
_FIGURES = frozenset(
    {"profit", "earnings", "revenue", "sale", "sales", "loss", "income", "dividend"}
)
# How many mentions of a disease make an article one about an outbreak.
_OUTBREAK_MENTIONS = 3
# Verbs and nouns of drawing forces down: "will cut the number of its troops",
# "will begin withdrawing his country's troops", "a major withdrawal from
# Iraq". Troops are an attack's participants, but their drawdown is no attack
# (CAMEO 08, a kind the rubric does not have).
_DRAWDOWN = frozenset(
    {
        "withdraw",
        "cut",
        "reduce",
        "halve",
        "trim",
        "pull",
        "scale",
        "redeploy",
        "demobilise",
        "demobilize",
        "downsize",
    }
)
_DRAWDOWN_NOUNS = frozenset(
    {"withdrawal", "pullout", "pull-out", "drawdown", "reduction", "redeployment"}
)
# Attack nominals whose "against" or "on" names what is fought: "the battle
# against the giant oil slick" is the response to a disaster, "the fight
# against the flu" a health measure.
_STRUGGLES = frozenset({"battle", "fight", "war", "fighting", "offensive"})
# Verbs of travel, a visit only of people: "the A380 first flew in April
# 2005", "a sheen of oil began arriving on land" are no meetings.
_TRAVEL = frozenset({"arrive", "fly", "travel", "tour", "depart"})
# Where one lands: "Obama, who landed in Louisiana Friday afternoon" (a visit);
# "landed a contract" has an object and is no journey.
_LANDING_PREPS = frozenset({"in", "at"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_VEHICLES = frozenset(
    {
        "aircraft",
        "airliner",
        "plane",
        "jet",
        "jetliner",
        "ship",
        "vessel",
        "boat",
        "tanker",
        "barge",
        "train",
        "truck",
        "helicopter",
        "flight",
    }
)
# Members and chambers of a legislature, whose rejecting or approving a
# proposal is a vote ("Congressional lawmakers rejected the proposal"), as is
# a defeat "in the House of Commons".
_LEGISLATORS = _LEGISLATURES | {
    "lawmaker",
    "legislator",
    "mp",
    "senator",
    "congressman",
    "congresswoman",
    "commons",
}
# ... as is its authorising or chartering a body or a fund ("Fannie and
# Freddie were chartered by Congress", "a trust fund Congress authorized").
_VOTING = frozenset(
    {
        "reject",
        "approve",
        "back",
        "defeat",
        "pass",
        "adopt",
        "authorize",
        "authorise",
        "charter",
        "repeal",
    }
)
_OUTCOMES = frozenset({"defeat", "victory", "setback", "rebellion"})
# Officials whose approval is a regulatory act (legal, as permits are), not a
# vote: "federal officials approved the use of underwater dispersants".
_OFFICIALS = frozenset(
    {"official", "regulator", "agency", "authority", "department", "ministry"}
)
# Verbs that extend or widen a restriction named by their clause: "NOAA
# extended the area closed to fishing".
_EXTENDING = frozenset({"extend", "expand", "widen", "enlarge", "broaden"})
# Where a person is held: "the release of ... from prison" frees a person.
_CUSTODY = frozenset({"prison", "jail", "custody", "detention", "captivity"})
# Words that count an outbreak's cases: "the first case", "535 new cases".
_COUNTED_CASES = frozenset(
    {"first", "new", "confirmed", "suspected", "probable", "fatal", "latest"}
)
# Verbs of rescuing, a bailout of what is economy's or a company's.
_SAVING = frozenset({"rescue", "save", "salvage"})
# Nouns of a product put on the market: "scheduled for release".
_MARKETING = frozenset({"release", "launch", "debut", "sale", "delivery"})
# Verbs of pressing someone to act, a demand: "pressed Congress to give".
_PRESSING = frozenset({"press", "lobby", "pressure", "pressurise", "pressurize"})
# Nouns of a product's edition: "its latest iteration of the iPhone".
_VERSIONS = frozenset({"iteration", "generation", "version", "edition", "model"})
# Verbs of getting a thing by delivery: "will receive six new A330 aircraft".
_ACQUIRING = frozenset({"receive", "order", "purchase", "lease", "buy"})
# Verbs of showing a product for the first time: "presented the iPhone".
_PRESENTING = frozenset(
    {"present", "reveal", "unveil", "introduce", "show", "demonstrate", "preview"}
)

# Disclosing a recording: "released the recording of the 911 call" (a
# statement, no call made); "X's response was ..." (what one said).
_DISCLOSING = frozenset(
    {"release", "publish", "play", "air", "broadcast", "post", "leak", "make"}
)
_RECORDINGS = frozenset({"call", "recording", "tape", "transcript", "audio"})
_RESPONSES = frozenset({"response", "reply", "reaction", "answer", "retort"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
# An investigation that reports: "investigators said", "the inquiry
# concluded", "The investigation report provides ..." (legal, no statement).
_INVESTIGATORS = frozenset({"investigator", "inspector", "auditor"})
_FINDINGS = frozenset({"report", "finding", "findings", "conclusion", "conclusions"})
_INQUIRIES = frozenset({"investigation", "inquiry", "probe", "inquest"})
# Wildlife cared for, freed or found in a disaster: the response's work.
_CARING = frozenset(
    {"release", "rescue", "treat", "clean", "wash", "rehabilitate", "find", "free"}
)
_WILDLIFE = frozenset(
    {
        "bird",
        "seabird",
        "pelican",
        "gannet",
        "turtle",
        "dolphin",
        "whale",
        "otter",
        "animal",
        "wildlife",
        "mammal",
    }
)
# Markets whose closing or reopening is the economy's.
_EXCHANGES = frozenset({"exchange", "bourse", "market", "markets", "stock", "stocks"})
# A model's service started, a launch: "to commence A380 operations".
_STARTING = frozenset({"start", "begin", "commence", "launch", "inaugurate"})
_SERVICES = frozenset({"operation", "service", "flight", "route"})
# Bodies whose starting work opens an inquiry: "a presidential commission
# that began work this week in New Orleans".
_INQUIRING = frozenset({"commission", "panel", "inquiry", "investigator", "inspector"})
# Choosing a company for a job: "the Air Force selected ... Northrop Grumman
# on February 29 to build the aircraft" (a contract's award).
_SELECTING = frozenset({"select", "choose", "pick"})

# A poll of opinion: by whom or what kind ("An Associated Press poll", "an
# opinion poll"), and what it does ("the poll found", "a poll showed").
_POLLSTERS = frozenset(
    {"opinion", "gallup", "yougov", "icm", "mori", "new", "latest", "recent"}
)
_FINDING = frozenset(
    {"find", "show", "suggest", "indicate", "say", "reveal", "put", "give"}
)
# Journeys, and what makes one no visit: "her anti-war tour", "a sailing trip".
_JOURNEYS = frozenset({"tour", "trip", "journey", "holiday", "vacation", "outing"})
_LEISURE = frozenset(
    {
        "sailing",
        "yachting",
        "fishing",
        "skiing",
        "golf",
        "golfing",
        "hunting",
        "shopping",
        "camping",
        "family",
        "holiday",
        "vacation",
        "honeymoon",
        "birthday",
        "pleasure",
    }
)

# The arena a fight is in, which makes it no violence: "lost a legal
# skirmish" (a court's), "political attacks" (words), "a trade war".
_ARENAS: dict[str, str] = {
    "legal": LEGAL,
    "court": LEGAL,
    "courtroom": LEGAL,
    "judicial": LEGAL,
    "regulatory": LEGAL,
    "political": STATEMENT,
    "partisan": STATEMENT,
    "verbal": STATEMENT,
    "rhetorical": STATEMENT,
    "propaganda": STATEMENT,
    "pr": STATEMENT,
    "relations": STATEMENT,  # "a public-relations offensive"
    "media": STATEMENT,
    "ideological": STATEMENT,
    "trade": ECONOMY,
    "currency": ECONOMY,
    "price": BUSINESS,
    "bidding": BUSINESS,
    "takeover": BUSINESS,
    "proxy": BUSINESS,
    "boardroom": BUSINESS,
    "lobbying": DEMAND,
    "turf": OTHER,
}
_FIGHTS = _STRUGGLES | {
    "skirmish",
    "clash",
    "attack",
    "assault",
    "firestorm",
    "wars",
    "battles",
}
# Verbs of ruin a thing can do as well as an army: "the amount that ravaged
# the coastline of Alaska", "the crisis devastated the banking system".
_RUINING = frozenset(
    {"ravage", "devastate", "batter", "pound", "flatten", "cripple", "wreck", "destroy"}
)
_ATTACKERS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "who"})
# News media, whose report of what others did is a publication (a
# statement): "Yesterday's New York Times reported that ... roadside bombs".
_MEDIA = frozenset(
    {
        "newspaper",
        "paper",
        "magazine",
        "journal",
        "daily",
        "tabloid",
        "broadsheet",
        "weekly",
        "website",
        "broadcaster",
        "network",
        "channel",
        "station",
    }
)
_MASTHEADS = frozenset(
    {
        "times",
        "post",
        "journal",
        "guardian",
        "telegraph",
        "herald",
        "tribune",
        "gazette",
        "chronicle",
        "independent",
        "observer",
        "economist",
        "mail",
        "express",
        "mirror",
        "newsweek",
        "reuters",
        "bloomberg",
        "bbc",
        "cnn",
        "xinhua",
        "ap",
        "afp",
        "technica",
    }
)
# What one attends that is no gathering of officials: "will attend a private
# school from September", "to attend a glitzy yacht race".
_NOT_GATHERINGS = frozenset(
    {
        "school",
        "college",
        "university",
        "class",
        "classes",
        "lesson",
        "course",
        "race",
        "regatta",
        "match",
        "game",
        "concert",
        "show",
        "church",
        "mass",
        "party",
        "wedding",
        "premiere",
        "festival",
    }
)
# Lenders of governments, whose money is the economy's (or aid), not
# business: "the IMF parceled out $50 billion to nations in crisis".
_LENDERS = frozenset(
    {"imf", "international monetary fund", "world bank", "european central bank"}
)
# Indices, whose losses and gains are the market's: "The S&P had seen its
# fourth consecutive loss on Thursday".
_INDICES = frozenset(
    {
        "s&p",
        "dow",
        "nasdaq",
        "ftse",
        "nikkei",
        "dax",
        "sensex",
        "cac",
        "seng",
        "kospi",
        "merval",
        "bovespa",
        "index",
        "average",
        "composite",
    }
)
# A company's end: "the collapse of Lehman Brothers in September" is a
# bankruptcy (business), no disaster; the market's crash the economy's.
_ENDINGS = frozenset({"collapse", "crash", "meltdown", "implosion"})
# A company's own debt is its finances: "GM's US$ 27 billion debt".
_DEBTS = frozenset({"debt", "debts", "bond", "bonds", "loan", "loans"})
# Verbs of an attack that people make with words as well as with arms:
# "attacked BP for its safety record", "blasted Obama for traveling".
_ASSAILING = frozenset(
    {
        "attack",
        "blast",
        "savage",
        "maul",
        "assail",
        "lambast",
        "lambaste",
        "slam",
        "hammer",
        "pillory",
        "excoriate",
        "lash",
        "rip",
    }
)
# Manners and settings that make an attack one of words: "verbally mauled",
# "came under attack at a congressional hearing", "in a speech".
_VERBAL_MANNERS = frozenset({"verbally", "publicly", "openly", "rhetorically"})
_VERBAL_SETTINGS = frozenset(
    {
        "hearing",
        "hearings",
        "speech",
        "interview",
        "debate",
        "conference",
        "statement",
        "address",
        "testimony",
        "briefing",
        "article",
        "editorial",
        "column",
        "letter",
        "blog",
        "broadcast",
        "show",
        "remark",
        "remarks",
        "press",
        "media",
        "newspaper",
        "op-ed",
        "session",
    }
)
# Attackers who attack with words: "US politicians attacked BP".
_CRITICS = _LEGISLATORS | {
    "politician",
    "critic",
    "commentator",
    "pundit",
    "campaigner",
    "strategist",
    "columnist",
    "editorial",
    "committee",
    "opponent",
    "rival",
    "rivals",
    "activist",
    "environmentalist",
    "expert",
    "analyst",
    "official",
    "leader",
}
# What one is attacked "for" that is a motive, not a fault: "to risk being
# attacked or kidnapped for profit or revenge".
_MOTIVES = frozenset({"profit", "revenge", "money", "ransom", "gain", "retaliation"})
# Bodies whose dissolution is a change of leadership: "At the end of June
# 2004, the CPA would be disbanded" (the Coalition Provisional Authority).
_DISSOLVING = frozenset({"dissolve", "disband", "abolish"})
_GOVERNING_BODIES = _GOVERNMENT | _BODIES | {"authority", "council", "junta", "regime"}
# Verbs of reacting, whose means is the act: "responded by ordering ...".
_REACTING = frozenset({"respond", "react", "reply", "retaliate"})
# Verbs of opinion or expectation, whose told clause is still words: "said it
# expected the economy to shrink" (a forecast), "said he believed ...".
_OPINING = frozenset(
    {
        "expect",
        "believe",
        "think",
        "hope",
        "fear",
        "feel",
        "doubt",
        "anticipate",
        "estimate",
        "forecast",
        "predict",
        "project",
        "see",
        "want",
        "know",
        "consider",
        "suspect",
        "assume",
    }
)
_SELF_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
_PERSONAL_SELF = frozenset({"he", "she", "i"})
# Titles of a head of state or government, whose plans are policy:
# "President Obama unveiled a foreclosure-prevention package".
_LEADERS = frozenset({"president", "premier", "chancellor", "prime", "minister"})
# Verbs of occurring: what occurs is their subject, and its kind is the
# event's ("riots broke out last month": a protest; "the bombs going off": an
# attack; "Russian flu ..., which emerged in 1889": health).
# A government's halt to an industry's work is a ban: "President Barack Obama
# halted any new offshore drilling projects"; a company's own halt stays its
# business ("BP suspended drilling").
_HALTING = frozenset({"halt", "suspend", "freeze"})
_OCCURRING = frozenset(
    {"happen", "occur", "erupt", "emerge", "arise", "unfold", "recur"}
)
_OCCURRING_PARTICLES = frozenset({("break", "out"), ("go", "off"), ("flare", "up")})
# A precaution's or a measure's "against": "slaughtering herds of pigs ... as a
# precaution against swine flu" (health).
_PRECAUTIONS = frozenset(
    {"precaution", "measure", "safeguard", "step", "defence", "defense"}
)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]  # event nominals and participants
    event_nouns: frozenset[str]
    verb_objects: dict[str, str]
    by_object_entity: dict[str, dict[str, str]]
    light_verbs: frozenset[str]
    complement_verbs: frozenset[str]
    object_verbs: frozenset[str]
    market_verbs: frozenset[str]
    economic_entities: frozenset[str]
    office_nouns: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()


@cache
def lexicon() -> Lexicon:
    """data/kinds.json, read once per process."""
    data = json.loads(
        resources.files("timeline.extraction").joinpath(DATA).read_text("utf-8")
    )
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    events: set[str] = set()
    for kind, words in data["kinds"].items():
        if kind not in KINDS:
            raise ValueError(f"{DATA}: unknown kind {kind!r}")
        for lemma in words.get("verbs", "").split():
            verbs.setdefault(lemma.replace("_", " "), kind)
        for lemma in words.get("nouns", "").split():
            nouns.setdefault(lemma.replace("_", " "), kind)
            events.add(lemma.replace("_", " "))
        for lemma in words.get("participants", "").split():
            nouns.setdefault(lemma.replace("_", " "), kind)
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        event_nouns=frozenset(events),
        verb_objects=dict(data["verb_objects"]),
        by_object_entity={k: dict(v) for k, v in data["by_object_entity"].items()},
        light_verbs=frozenset(data["light_verbs"].split()),
        complement_verbs=frozenset(data["complement_verbs"].split()),
        object_verbs=frozenset(data["object_verbs"].split()),
        market_verbs=frozenset(data["market_verbs"].split()),
        economic_entities=frozenset(data["economic_entities"].split()),
        office_nouns=frozenset(data.get("office_nouns", "").split()),
        content_nouns=frozenset(data.get("content_nouns", "").split()),
    )


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    doc = tok.doc
    if lemma == "re" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        # "Russia's exchanges will re-open": the small model's verb is "re"
        return f"re{doc[tok.i + 2].lower_}"
    if tok.tag_ in ("VBD", "VBN") and tok.lower_ == f"{lemma}ed":
        # the small model drops a verb's final "e" ("fined" -> "fin", "hoped"
        # -> "hop", "staged" -> "stag"): the lexicon's verb, where it has one
        fixed = f"{lemma}e"
        if fixed in _known_verbs():
            return fixed
    return lemma


@cache
def _known_verbs() -> frozenset[str]:
    lex = lexicon()
    known = frozenset(lex.verbs) | lex.light_verbs | lex.object_verbs
    return known | lex.complement_verbs


def noun_kind(tok: Token, depth: int = 0) -> str | None:
    """The kind a noun names: its lemma, or with its compound ("oil spill");
    of a content noun, its content's ("a decision on ... its dividend")."""
    lex = lexicon()
    if (
        tok.pos_ == "VERB"
        and tok.dep_ in _SUBJECT_DEPS
        and _lemma(tok) in lex.content_nouns
        and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children)
    ):
        # a content noun misread as a verb: "Work on plugging the well came
        # to a standstill" (Work/csubj)
        return _content_kind(tok, depth + 1) if depth < 4 else None
    if (
        tok.tag_ == "VBG"
        and tok.dep_ in _SUBJECT_DEPS
        and tok.lower_ in lex.nouns
        and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children)
    ):
        # a gerund subject names its activity, as its noun does: "trading on
        # the major stock exchanges in Russia and Brazil was halted"
        return lex.nouns[tok.lower_]
    if tok.pos_ not in ("NOUN", "PROPN") and not _adjective_as_noun(tok):
        return None
    nouns = lex.nouns
    # "oil spill"; "hostile fire" (an attack, where "fire" alone is a disaster)
    modifiers = [
        c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1
    ]
    if not modifiers and tok.dep_ == "compound" and tok.i > 0:
        left = tok.doc[tok.i - 1]  # "the top kill operation": top/amod of operation
        if left.dep_ in ("compound", "amod") and left.head.i == tok.head.i:
            modifiers = [left]
    if modifiers:
        for pair in (  # "oil spill"; "a controlled burn" by its participle's form
            f"{_lemma(modifiers[0])} {_lemma(tok)}",
            f"{modifiers[0].lower_} {_lemma(tok)}",
        ):
            if pair in nouns:
                return nouns[pair]
    if tok.i + 1 < len(tok.doc):  # "the relief well", "well" misread as an adverb
        pair = f"{_lemma(tok)} {tok.doc[tok.i + 1].lower_}"
        if pair in nouns:
            return nouns[pair]
    if tok.pos_ == "PROPN" and _named_operation(tok):
        return ATTACK  # "Operation Steel Curtain", "Operation Telic 1": a campaign
    if tok.pos_ == "PROPN" and _lemma(tok) not in _NAMED_NOUNS:
        return None  # a name is no event nominal ("Strike Force"; "Dow", "H1N1" aside)
    found = nouns.get(tok.lower_) or nouns.get(_lemma(tok))
    if (
        found is None
        and _lemma(tok) in ("zone", "area")
        and any(
            c.dep_ in ("compound", "amod")
            and (
                c.lower_.startswith("no-") or any(d.lower_ == "no" for d in c.children)
            )
            for c in tok.children
        )
    ):
        return SANCTIONS  # "doubles a no-fishing zone": a ban
    if (
        found is None
        and _lemma(tok) == "case"
        and tok.dep_ not in ("compound", "amod", "nmod")  # no "worst-case scenarios"
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        and any(  # cases counted, not "their case" (a prosecution's)
            c.dep_ == "nummod" or c.lower_ in _COUNTED_CASES for c in tok.children
        )
        and _about_outbreak(tok.doc)
    ):
        # a case of nothing named, in an article about an outbreak: "The
        # first case was seen in La Gloria" (a case of fraud stays fraud's)
        return HEALTH
    if found is None and _state_of_emergency(tok):
        return DISASTER  # "declared a state of emergency"; not "emergency action"
    if found == ELECTION and _lemma(tok) == "poll" and _opinion_poll(tok):
        return (
            STATEMENT  # "An Associated Press poll ... found that 72 percent": a survey
        )
    if found == MEETING and (leisure := _trip_kind(tok)) is not None:
        return leisure  # "her anti-war tour" (a protest), "his sailing trip" (no visit)
    if found == VOTE and _lemma(tok) == "bill" and _is_invoice(tok):
        return BUSINESS  # "a $69m bill to BP", "its U.S. tax bill": no legislation
    if _lemma(tok) == "release" and any(
        t.ent_type_ == "PERSON" or _lemma(t) in _CUSTODY for t in tok.subtree
    ):
        return LEGAL  # "the release of Lockerbie bomber ... from prison", as "freed"
    if found == ATTACK and (arena := _arena(tok)) is not None:
        return arena  # "lost a legal skirmish", "political attacks", "a trade war"
    if (
        found in (ATTACK, DISASTER)
        and _lemma(tok) in ("attack", "fire", "assault", "criticism")
        and (found == ATTACK or (tok.dep_ == "pobj" and tok.head.lower_ == "under"))
        and _attack_nominal_of_words(tok)
    ):
        return STATEMENT  # "came under attack at a congressional hearing"
    if found == DISASTER and depth < 4 and (ended := _company_end(tok, depth)):
        return ended  # "the collapse of Lehman Brothers in September": a bankruptcy
    if found == ECONOMY and _company_debt(tok):
        return BUSINESS  # "GM's US$ 27 billion debt": the company's finances
    if found == ATTACK and _lemma(tok) in _STRUGGLES and depth < 4:
        fought = _first_noun_kind(_fought(tok), depth + 1)
        if fought not in (None, ATTACK):
            return fought  # "the battle against the giant oil slick": a disaster's
    if found is not None or depth >= 4:
        return found
    if _lemma(tok) in lex.content_nouns or (
        tok.tag_ == "NN" and tok.lower_.endswith("ing")
    ):
        # a content noun or a gerund's noun ("the spraying of dispersants")
        return _content_kind(tok, depth + 1)
    if any(
        c.dep_ == "amod" and c.pos_ == "VERB" and lex.verbs.get(_lemma(c)) == DISASTER
        for c in tok.children
    ):
        return DISASTER  # "the leaking pipe", "the sinking ship"
    return None


def _arena(tok: Token) -> str | None:
    """The kind of the arena a fight is in, no violence: "a legal skirmish"
    (legal), "political attacks" (statement), "a trade war" (economy), "a
    bidding war" (business), "a war of words" (statement)."""
    if tok.lower_ not in _FIGHTS and _lemma(tok) not in _FIGHTS:
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            if c.lower_ in _ARENAS:
                return _ARENAS[c.lower_]
        elif (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(p.dep_ == "pobj" and p.lower_ == "words" for p in c.children)
        ):
            return STATEMENT
    return None


def _company_end(tok: Token, depth: int) -> str | None:
    """A company's or a market's collapse: "the collapse of Lehman Brothers"
    is a bankruptcy (business), "the crash of the stock market" the
    economy's; not "the collapse of the bridge" nor a plane's crash."""
    if _lemma(tok) not in _ENDINGS:
        return None
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if _is_exchange(p) or noun_kind(p, depth + 1) == ECONOMY:
                return ECONOMY
            company = p.ent_type_ == "ORG" and not _is_government(p)
            if (company or _lemma(p) in _FIRMS | {"bank", "lender", "insurer"}) and (
                _lemma(p) not in _VEHICLES
            ):
                return BUSINESS
    return None


def _company_debt(tok: Token) -> bool:
    """A company's own debt or bonds: "GM's US$ 27 billion debt" (business),
    not a country's debt or the bond market."""
    return _lemma(tok) in _DEBTS and any(
        c.dep_ == "poss"
        and (c.ent_type_ == "ORG" or _lemma(c) in _FIRMS)
        and not _is_government(c)
        for c in tok.children
    )


def _opinion_poll(tok: Token) -> bool:
    """A poll of opinion, not a vote: one a pollster or a paper names ("An
    Associated Press poll", "a CNN poll"), an opinion or a new one, a single
    one with "a", or one that finds, shows or says something; "the polls"
    that open or close, "went to the polls", stay the election."""
    if tok.tag_ == "NNS":
        return False
    if any(
        c.dep_ in ("compound", "amod")
        and (c.ent_type_ == "ORG" or c.lower_ in _POLLSTERS)
        for c in tok.children
    ):
        return True
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return True
    return tok.dep_ in ("nsubj", "nsubjpass") and _lemma(tok.head) in _FINDING


def _trip_kind(tok: Token) -> str | None:
    """A journey's kind from its modifier: a campaign against something is a
    protest ("her anti-war tour"), a leisure trip no visit ("the weekend
    sailing trip", "a family holiday")."""
    if _lemma(tok) not in _JOURNEYS:
        return None
    for c in tok.children:
        if c.dep_ not in ("compound", "amod", "nmod") or c.i > tok.i:
            continue
        if c.lower_ == "anti" or c.lower_.startswith("anti-"):
            return PROTEST
        if c.lower_ in _LEISURE:
            return OTHER
    return None


def _adjective_as_noun(tok: Token) -> bool:
    """A noun the small model tags as an adjective where it stands as an
    argument with its article: "WHO declared a pandemic" (pandemic/ADJ)."""
    return (
        tok.pos_ == "ADJ"
        and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")
        and any(c.dep_ == "det" for c in tok.children)
    )


def _state_of_emergency(tok: Token) -> bool:
    """The emergency of "a state of emergency" (a health emergency is the
    lexicon's "health emergency")."""
    head = tok.head
    return (
        _lemma(tok) == "emergency"
        and tok.dep_ == "pobj"
        and head.lower_ == "of"
        and _lemma(head.head) == "state"
    )


def _is_invoice(tok: Token) -> bool:
    """A bill to pay: an amount of money or a tax, phone or power bill."""
    return any(
        t.ent_type_ == "MONEY" or (t.dep_ == "compound" and t.lemma_ in _BILLS)
        for t in tok.lefts
        for t in t.subtree
    ) or any(  # "received a bill for $480m from BP" ("for" on the noun or its verb)
        c.dep_ == "prep"
        and c.lower_ == "for"
        and c.i > tok.i
        and any(t.ent_type_ == "MONEY" for t in c.subtree)
        for c in [*tok.children, *(tok.head.children if tok.dep_ == "dobj" else [])]
    )


def _content_kind(tok: Token, depth: int) -> str | None:
    """The kind of what a content noun is about, nearest first: its compound
    ("the top kill plan"), its "of"/"on"/"for" complement ("a decision on
    whether to suspend paying its dividend", "work on the relief wells", "the
    fix of plugging the well") or its infinitive ("proposals to involve the
    government more deeply in private markets")."""
    for c in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
        if c.dep_ in ("compound", "nmod") and c.i < tok.i:
            # an nmod where quotes part them: the "top kill" procedure
            kind = _verb_kind(c, depth) if c.pos_ == "VERB" else noun_kind(c, depth)
        elif c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS:
            kind = None
            for p in c.children:
                if p.dep_ == "pobj":
                    kind = kind or _first_noun_kind(_heads(p) + _named_of(p), depth)
                elif p.dep_ == "pcomp" and p.pos_ in ("VERB", "AUX"):
                    kind = kind or _verb_kind(p, depth)
        elif c.dep_ == "acl" and c.pos_ == "VERB" and c.i > tok.i:
            kind = _verb_kind(c, depth)
        else:
            continue
        if kind is not None:
            return kind
    return None


def _first_noun_kind(tokens: list[Token], depth: int) -> str | None:
    for t in tokens:
        kind = noun_kind(t, depth)
        if kind is not None:
            return kind
    return None


def _verb_kind(verb: Token, depth: int) -> str | None:
    """The kind a verb inside a content noun names, from the lexicon or its
    arguments below it ("to suspend paying its dividend", "whether the well
    remains intact"), never from the noun it modifies."""
    if depth > 5:
        return None
    lex = lexicon()
    lemma = _lemma(verb)
    if _drawdown(verb, depth):
        return OTHER  # "a plan to withdraw all U.S. combat troops": no attack
    args = _objects(verb, above=False)
    deferring = lemma in lex.light_verbs or lemma in lex.object_verbs
    if deferring and (found := _first_noun_kind(args, depth + 1)) is not None:
        return found
    if lemma in lex.verbs and lemma not in lex.light_verbs:
        return lex.verbs[lemma]
    for c in verb.children:
        below = c.pos_ == "VERB" and (
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and c.tag_ == "VBG")
        )
        if below and (found := _verb_kind(c, depth + 1)) is not None:
            return found
    subjects = [
        h for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for h in _heads(c)
    ]
    return _first_noun_kind(args + subjects, depth + 1)


def is_event_nominal(tok: Token) -> bool:
    """A noun that names an occurrence: 'the meeting', 'the spill', 'sanctions'."""
    if tok.pos_ != "NOUN":
        return False
    lex = lexicon()
    lemma = _lemma(tok)
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1]
    if compounds and f"{_lemma(compounds[0])} {lemma}" in lex.event_nouns:
        return True
    return lemma in lex.event_nouns


def _heads(tok: Token) -> list[Token]:
    """A noun and the nouns it is coordinated with or modified by ("no-fly zone
    vote"), the noun first but for a report or threat, whose compound names
    what it is about ("an earnings report", "the H1N1 threat"); of a change,
    what changes ("a 32% drop in US sales"); of a quantity, what it counts
    ("the number of jobs")."""
    out = [tok]
    nouns = lexicon().nouns
    about = (nouns.get(tok.lower_) or nouns.get(_lemma(tok))) in _SPEECH_NOUN_KINDS
    for c in tok.children:
        if about and c.dep_ == "compound" and c.i < tok.i:
            out.insert(0, c)
        elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") or c.dep_ == "compound":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "in" and _lemma(tok) in _CHANGES:
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ == "of" and _lemma(tok) in _QUANTITIES:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                out.extend(_heads(p))
                # "the number of people claiming weekly unemployment benefits":
                # what the counted people do names what is counted
                out.extend(
                    h
                    for a in p.children
                    if a.dep_ == "acl" and a.pos_ == "VERB"
                    for d in a.children
                    if d.dep_ == "dobj"
                    for h in _heads(d)
                )
    return out


def _objects(verb: Token, *, above: bool = True) -> list[Token]:
    """Head nouns of the verb's objects and prepositional objects, nearest first
    (a noun before its compounds: "the stimulus bill" is a bill); of a passive,
    its subject ("figures were released", "a suit filed in 2003"); of a
    participle (tagged VBN, or VBD as the small model often does), with
    `above`, the noun it modifies ("cables leaked tonight")."""
    groups = []
    if above and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
        groups.append(_heads(verb.head))
    if (
        above
        and verb.dep_ == "conj"
        and not any(c.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS for c in verb.children)
    ):  # "The letter was dated 11 June and released on Saturday"
        groups.extend(_heads(c) for c in verb.head.children if c.dep_ == "nsubjpass")
    for c in verb.children:
        if (
            c.dep_ in _OBJECT_DEPS | {"nsubjpass"}
            and c.tag_ in ("WDT", "WP")
            and verb.dep_ == "relcl"
        ):  # "the 18,600 barrels that BP trapped", "the record, which was set"
            groups.append(_heads(verb.head))
        elif c.dep_ == "nsubjpass" or c.dep_ in _OBJECT_DEPS:
            groups.append(_heads(c))
        elif c.dep_ in ("prep", "agent") and c.lower_ not in _ADJUNCT_PREPS:
            for p in c.children:
                if p.dep_ == "pobj" and not _instrument(c, p):
                    groups.append(_heads(p))
        elif c.dep_ == "xcomp":
            groups.extend(_heads(d) for d in c.children if d.dep_ == "dobj")
    groups.sort(key=lambda g: abs(g[0].i - verb.i))
    return [t for g in groups for t in g]


def _subjects(verb: Token) -> list[Token]:
    """Head nouns of the subject; of a relative clause, its antecedent's; of
    a conjunct with none, the first conjunct's ("tripled in 2004, doubled in
    2005"); of a quantity, what it counts ("the number of jobs rose")."""
    out = []
    for c in verb.children:
        if c.dep_ in _SUBJECT_DEPS:
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                c = _antecedent(verb, c)  # "the spill, which began on April 20"
                if c.lower_ == "one" and c.dep_ == "attr":
                    # "The Dow Jones index was one that fared particularly
                    # poorly": the copula's subject
                    out.extend(
                        h
                        for s in c.head.children
                        if s.dep_ == "nsubj"
                        for h in _heads(s)
                    )
                    continue
            out.extend(_heads(c))
    if not out and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head)
    if (
        not out
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and _lemma(verb) in lexicon().verbs
    ):
        # "fears about ... major financial institutions collapsing": the noun
        # a gerund of a kind modifies does what it says (its subject refines
        # the kind: the market's collapse); not "a job executing the plans"
        return _heads(verb.head)
    return out


def _first_kind(tokens: list[Token]) -> str | None:
    for t in tokens:
        kind = noun_kind(t)
        if kind is not None:
            return kind
    return None


def _economic(verb: Token) -> bool:
    """An argument about money or markets: 'shares fell', 'fell 3%', 'lost $5bn'."""
    econ = lexicon().economic_entities
    for tok in _subjects(verb) + _objects(verb):
        if noun_kind(tok) == ECONOMY:
            return True
    deps = _SUBJECT_DEPS | _OBJECT_DEPS | {"npadvmod", "prep", "advmod"}
    return any(
        c.dep_ in deps and any(t.ent_type_ in econ or t.text == "%" for t in c.subtree)
        for c in verb.children
    )


def classify(verb: Token, span: Span) -> str:
    """The kind of the event whose predicate is `verb`, dated by `span`."""
    kind = _classify(verb, span)
    if kind in _CENTRAL_BANK_KINDS and _central_bank_money(verb):
        return ECONOMY  # "the Fed entered into a $38 billion repurchase agreement"
    if kind == STATEMENT and _reports_own_figures(verb, span):
        return BUSINESS  # "Ford says it made profits of $868 million"
    if kind == STATEMENT and (told := _dated_report(verb, span)) is not None:
        return told  # "Barton describes how in January last year he received a visit"
    if kind == STATEMENT and (own := _speakers_own_act(verb, span)) is not None:
        return own  # "Boeing announced that it would cancel the 717 program"
    if (
        kind == STATEMENT
        and _lemma(verb) in _REACTING
        and (means := _means_kind(verb, span)) is not None
    ):
        return means  # "Obama responded by ordering a moratorium"
    if kind == SANCTIONS and _by_court(verb):
        return LEGAL  # "A judge on Tuesday blocked the ... ban on deepwater drilling"
    if kind == BUSINESS and any(_is_index(t) for t in _subjects(verb)):
        return ECONOMY  # "The S&P had seen its fourth consecutive loss on Thursday"
    if kind == OTHER and (means := _means_kind(verb, span)) is not None:
        return means  # "acted on these principles by passing a ... bill"
    if kind == OTHER and (told := _when_clause(verb, span)) is not None:
        return told  # "hit a roadblock Tuesday when ... judge ... struck down the ban"
    return kind


def _dated_report(verb: Token, span: Span) -> str | None:
    """What a statement tells, when the date is inside the told clause, not
    on the verb of saying: "Barton describes how in January last year he
    received a visit in Baghdad" (a visit); "said on Monday that" stays a
    statement, as does a told clause of no kind."""
    if lexicon().verbs.get(_lemma(verb)) != STATEMENT:
        return None
    # a verb of saying in the present ("Barton describes how in January last
    # year he received ...") is no past date's: the date is the told clause's
    present = verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ == "aux" for c in verb.children
    )
    for c in verb.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX") or c.i < verb.i:
            continue
        inside = c.left_edge.i <= span.root.i <= c.right_edge.i
        if inside or (present and verb.i < span.start and span.end <= c.i):
            told = classify(c, span)
            return told if told not in (OTHER, STATEMENT) else None
    return None


def _by_court(verb: Token) -> bool:
    """A court's or a judge's act, a ruling, not a ban it imposes on anyone:
    "A judge on Tuesday blocked the Obama administration's ban"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(
        _lemma(t) in _JUDICIAL and (t.dep_ == "nsubj" or t.head.dep_ == "nsubj")
        for s in subjects
        for t in [s, *s.children]  # "judge Martin Feldman struck down the ban"
    ) or any(_lemma(t) in _JUDICIAL for t in _agents(verb))


def _is_index(tok: Token) -> bool:
    """A stock index by noun or name: "The S&P", "the Dow", "the Nikkei
    average" (its losses are the market's, no company's)."""
    return tok.dep_ != "compound" and (
        tok.lower_ in _INDICES
        or (_lemma(tok) in _INDICES and tok.pos_ == "PROPN")
        or (_lemma(tok) in ("index", "average") and tok.pos_ == "NOUN")
    )


def _when_clause(verb: Token, span: Span) -> str | None:
    """The kind of a "when" clause that says what happened, for a verb of no
    kind that frames it: "The administration hit a roadblock Tuesday when
    New Orleans federal judge Martin Feldman struck down the ... ban"."""
    if _lemma(verb) in lexicon().verbs:
        return None
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.pos_ == "VERB"
            and c.i > verb.i
            and any(a.lower_ == "when" and a.i < c.i for a in c.children)
            and (told := classify(c, span)) != OTHER
        ):
            return told
    return None


def _classify(verb: Token, span: Span) -> str:
    lex = lexicon()
    lemma = _lemma(verb)
    # An event nominal the date itself modifies, an argument of the verb
    # ("the April 20 explosion killed 11"), is what the date dates; one in an
    # adjunct ("tumbled ... since the Sept. 11, 2001, terrorist attacks") is not.
    dated = _dated_nominal(span, verb)
    if dated is not None:
        return noun_kind(dated) or OTHER
    # A nominal the date modifies directly, below the verb ("the April 20
    # explosion", "a vote on Thursday" as an object) names the event.
    tok = span.root
    for _ in range(8):
        if tok.i == verb.i or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.i == verb.i or (tok.dep_ == "prep" and tok.lower_ in _ADJUNCT_PREPS):
            break
        if tok.dep_ == "pobj" and tok.head.lower_ in _ADJUNCT_PREPS:
            break  # "Following the 1988 Piper Alpha disaster, UK regulation had been tightened"
        if tok.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS | {"pobj", "compound", "npadvmod"}:
            kind = noun_kind(tok)
            if kind is not None and lemma in lex.light_verbs | lex.object_verbs:
                return kind
    if lemma == "stand" and _stands_for_office(verb):
        return ELECTION  # "next month he will stand unopposed for a third term"
    if (
        lemma in _HALTING
        and _first_kind(_patients(verb)) == BUSINESS
        and any(
            _is_leader(t) or _is_government(t) or _lemma(t) in _OFFICIALS
            for t in _subjects(verb) + _agents(verb)
        )
    ):
        return SANCTIONS  # "President Barack Obama halted any new offshore drilling projects"
    if lemma in ("sign", "win", "award") and _first_kind(_patients(verb)) == BUSINESS:
        return (
            BUSINESS  # "it had signed a contract to purchase ... A320 passenger jets"
        )
    if lemma in _ASSAILING and _verbal_attack(verb):
        return STATEMENT  # "US politicians attacked BP", "blasted Obama for traveling"
    if (
        lemma in ("set", "create", "form", "start")
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
        or lemma in ("create", "form")
    ) and any(_lemma(t) in _FIRMS | {"venture", "business"} for t in _patients(verb)):
        return BUSINESS  # "by setting up a joint-venture bottling company"
    if lemma in _DISSOLVING and any(
        _lemma(t) in _GOVERNING_BODIES
        or (
            (t.ent_type_ == "ORG" or (t.text.isupper() and 2 <= len(t.text) <= 6))
            and _lemma(t) not in _FIRMS
            and noun_kind(t) is None
        )
        for t in _patients(verb)
    ):
        return APPOINTMENT  # "the CPA would be disbanded": a change of leadership
    if (occurred := _occurrence_kind(verb)) is not None:
        return occurred  # "riots broke out last month", "the bombs going off"
    # verb + particle or object: "stepped down", "opened fire", "signed into
    # law", "fired on protesters", "passed away" (a particle parsed as advmod)
    for c in verb.children:
        # a passive's subject is its object: "the concerns were raised by Jay"
        paired = c.dep_ in _PAIRED or (c.dep_ == "nsubjpass" and c.pos_ == "NOUN")
        words = [c] if paired or _is_particle(c, verb) else []
        if (
            c.dep_ == "advmod"
            and c.i == verb.i + 1
            and not words
            and f"{lemma} {_lemma(c)}" in lex.verb_objects
        ):
            words = [c]  # an adjective the small model tags as an adverb: "feeling ill"
        if c.dep_ == "prep":  # "signed into law"; "run out (of money)"
            words = [p for p in c.children if p.dep_ == "pobj"]
            if not words or not (
                _has_object(verb) or any(p.ent_type_ in ("DATE", "TIME") for p in words)
            ):
                words.append(c)  # "fired on protesters", not "fired X on Monday"
        if (
            c.dep_ == "prep"
            and c.lower_ in _TEMPORAL_PREPS
            and any(p.ent_type_ in ("DATE", "TIME", "EVENT") for p in c.subtree)
        ):
            continue  # "appeared before Christmas": no pair with the date's preposition
        for w in words:
            pair = f"{lemma} {_lemma(w)}"
            if pair == "take over" and _took_office(verb):
                return APPOINTMENT  # "took over at Treasury", "... the New York Fed"
            if pair in lex.verb_objects:
                return lex.verb_objects[pair]
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
        pair = f"{lemma} {_lemma(verb.head)}"  # "the concerns raised by Jay"
        if pair in lex.verb_objects:
            return lex.verb_objects[pair]
    if _drawdown(verb):
        return OTHER  # "will cut the number of its troops": no attack
    if _closed_to_activity(verb) or (
        lemma in _EXTENDING
        and any(
            _closed_to_activity(d)
            for c in verb.children
            if c.dep_ in ("ccomp", "dobj")
            for d in [c, *c.children]
            if d.pos_ == "VERB"
        )
        or any(  # "was extending the closed fishing area" ("closed" an adjective)
            _activity_place(t)
            and any(
                a.dep_ == "amod" and a.lower_ in ("closed", "shut") for a in t.children
            )
            for t in _patients(verb)
        )
    ):
        return SANCTIONS  # "extended the area closed to fishing": a ban
    if any(  # "was set to confront the administration in court", "took BP to court"
        c.dep_ == "prep"
        and c.lower_ in ("in", "to", "into", "before")
        and any(p.dep_ == "pobj" and _lemma(p) == "court" for p in c.children)
        for c in verb.children
    ):
        return LEGAL
    if lemma == "hear" and any(_lemma(t) in _HEARING_BODIES for t in _subjects(verb)):
        return LEGAL  # "the panel heard from Ronald Sepulvado": a hearing
    if lemma in _REVERSING and (
        any(_lemma(t) in _RESTRICTIONS for t in _patients(verb))
        or any(_lemma(t) in _JUDICIAL for t in _subjects(verb))
    ):
        return LEGAL  # "eased a moratorium on new offshore drilling", "a court lifted a ban"
    if lemma == "run" and not _runs_for_office(verb):
        # "the storm-prone period that runs from June 1": no candidate runs
        return _first_kind(_subjects(verb)) or OTHER
    if (
        lemma in _CLOSING
        and any(
            _lemma(t) in _SCHOOLS
            for t in _patients(verb)
            or _raised(verb)
            or ([] if _has_object(verb) else _subjects(verb))
        )
        and _about_outbreak(verb.doc)
    ):
        # "Three additional schools will be closed" (swine flu); "a suspected
        # case of swine flu caused the school to close"
        return HEALTH
    if (
        lemma in _CARING
        and any(_lemma(t) in _WILDLIFE for t in _patients(verb))
        and _about_disaster(verb.doc)
    ):
        # "Fifty-six endangered Kemp's ridley turtles were released on a
        # beach", "Crews found about 130 dead birds": a spill's response work
        return DISASTER
    if lemma in _CLOSING and any(
        _is_exchange(t)
        for t in _patients(verb) or ([] if _has_object(verb) else _auxed_subjects(verb))
    ):
        return ECONOMY  # "Russia's exchanges will re-open", "the LSE ... were closed"
    if lemma in _CLOSING and any(_lemma(t) in _WORKPLACES for t in _patients(verb)):
        return BUSINESS  # "it closed the London HQ of BP Alternative Energy"
    if _floated(verb):
        return BUSINESS  # "the company was floated on British and Irish stock markets"
    if lemma == "tap" and any(
        c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children
    ):
        return APPOINTMENT  # "it will tap Neel Kashkari ... to oversee ..."
    if (
        lemma in lex.complement_verbs
        and lemma not in lex.verbs
        and any(c.dep_ == "nsubjpass" for c in verb.children)
    ):
        # a passive of a complement verb: its subject is the infinitive's, not
        # its patient ("the drilling industry was set to confront ... in court")
        for c in verb.children:
            if (
                c.dep_ == "xcomp"
                and c.pos_ == "VERB"
                and any(a.tag_ == "TO" for a in c.children)
                and (told := classify(c, span)) != OTHER
            ):
                return told
    if _office_complement(verb) and (
        lex.verbs.get(lemma, APPOINTMENT) == APPOINTMENT
        or lemma in lex.complement_verbs
    ):
        return APPOINTMENT  # "tapped him to be Treasury secretary"
    if lemma == "try" and any(c.dep_ == "nsubjpass" for c in verb.children):
        return LEGAL  # "the former president will be tried", not "tried to"
    if _legislature_votes(verb, lemma):
        return VOTE  # "Congressional lawmakers rejected the proposal"
    if lemma == "approve" and any(
        _lemma(t) in _OFFICIALS or (_is_government(t) and _lemma(t) != "cabinet")
        for t in _subjects(verb) + _agents(verb)
    ):
        return LEGAL  # "federal officials approved the use of dispersants"
    if lemma in ("pass", "adopt", "approve") and any(
        _lemma(t) in _LEGISLATURES for t in _agents(verb)
    ):
        return VOTE  # "RICO, passed by Congress in 1970"
    if lemma == "pass" and any(
        c.dep_ == "dobj" and _lemma(c) in _LEGISLATURES for c in verb.children
    ):
        return VOTE  # "a plan to bail out ... failed to pass the Senate"
    if lemma == "become" and any(
        c.dep_ == "attr" and _lemma(c) in lex.office_nouns for c in verb.children
    ):
        return APPOINTMENT  # "became chief executive", "will become president"
    if (
        lemma in _PRESSING
        and any(  # someone pressed, not a button
            c.dep_ == "dobj"
            and (
                c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                or c.tag_ == "PRP"
                or _is_government(c)
                or _legislator(c)
            )
            for c in verb.children
        )
        and any(
            c.dep_ in ("xcomp", "ccomp", "advcl")  # the small model's advcl
            and c.pos_ == "VERB"
            and any(a.tag_ == "TO" for a in c.children)
            for c in verb.children
        )
    ):
        return DEMAND  # "Geithner and Bernanke pressed Congress yesterday to give ..."
    if (
        lemma in _DISCLOSING
        and lemma != "make"
        and any(_lemma(t) in _RECORDINGS for t in _patients(verb))
    ):
        return STATEMENT  # "released the recording of the 911 call": a disclosure
    if _quoted_response(verb):
        return STATEMENT  # "Two years ago Mr Bush's response was “Bring 'em on”"
    if _selects_company(verb):
        return BUSINESS  # "the Air Force selected ... Northrop Grumman ... to build"
    if lemma in _STARTING and any(
        _lemma(t) in _SERVICES and any(_is_model(c) for c in t.children)
        for t in _patients(verb)
    ):
        return BUSINESS  # "Qantas plans to commence A380 operations": a launch
    if lemma == "plead" and _pleads_for(verb):
        return DEMAND  # "had pleaded before Congress to be given $14 billion"
    if lemma == "attend" and (attended := _attended(verb)) is not None:
        return attended  # "will attend a private school from September"
    if (
        lemma in _STARTING
        and any(_lemma(t) == "work" for t in _patients(verb))
        and any(_lemma(t) in _INQUIRING for t in _subjects(verb))
    ):
        return LEGAL  # "a presidential commission that began work this week"
    if lemma in ("drill", "finish", "complete", "dig") and any(
        _relief_well(t)
        for v in [verb, *(c for c in verb.children if c.dep_ == "conj")]
        for t in _patients(v) or _raised(v)
    ):
        return DISASTER  # "started drilling ... a new relief well": the response
    if lemma in SPEAK_VERBS or (lemma == "call" and _is_phone_call(verb)):
        return _speaking(verb, lemma)
    if lemma == "call":
        called = _first_kind(
            [h for c in verb.children if c.dep_ == "dobj" for h in _heads(c)]
        )
        if called in _CONVENED:
            # "has called a special summit of the UN for September 14 to 16"
            return called
        if any(c.dep_ == "oprd" for c in verb.children):
            return STATEMENT  # "called the Gulf oil spill a “wake-up call” for ..."
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
            return DEMAND  # "called for a ceasefire"
        return STATEMENT  # "called the war unjust"
    objects = _objects(verb)
    subjects = _subjects(verb)
    presenters = subjects + [  # "was introduced by Apple CEO Steve Jobs"
        d for a in _agents(verb) for d in a.subtree if d.ent_type_ == "ORG"
    ]
    if lemma in _PRESENTING | {"announce"} and _presents_product(verb, presenters):
        return BUSINESS  # "the company presented the iPhone", "the A380 was revealed"
    if _scheduled_for_market(verb, subjects):
        return BUSINESS  # "OS X is scheduled for release", "slated for a U.S. release"
    if (
        lemma in _ACQUIRING
        and any(
            (_is_model(t) or _lemma(t) in _VEHICLES)
            and t.ent_type_ not in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT")
            for t in _patients(verb)
        )
        and not any(_is_government(t) for t in subjects)
    ):
        return BUSINESS  # "Aer Lingus will receive six new A330-300E aircraft"
    landed = lemma == "land" and _lands_in_place(verb)
    if landed or (lemma in _TRAVEL and lex.verbs.get(lemma) == MEETING):
        travellers = (
            sorted(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                key=lambda c: abs(c.i - verb.i),
            )[:1]
            or (subjects or _raised(verb))[:1]
        )  # the nearest subject's head
        if travellers and travellers[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            travellers = [verb.head]  # "the plane, which arrived on Monday"
        flown = [t for t in _patients(verb) if t.tag_ not in ("WDT", "WP")]
        if verb.dep_ == "relcl" and any(
            c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children
        ):
            flown = [verb.head]  # "new A380's which it will begin to fly in 2009"
        if flown and _is_model(flown[0]):
            return BUSINESS
        if not flown and travellers and _is_thing(travellers[0]):
            return _travel_kind(verb, travellers)  # "the A380 first flew"
        if (
            travellers
            and _lemma(travellers[0]) in _PRIVATE_PEOPLE
            and travellers[0].ent_type_ not in ("PERSON", "ORG", "GPE")
        ):
            return OTHER  # "The Mexican man arrived in Hong Kong": no visit
    if landed:
        return _by_subject(MEETING, subjects)  # "Obama ... landed in Louisiana"
    if lemma in _ANNOUNCING and (told := _confirmed_as(verb, span)) is not None:
        return told  # "was confirmed as the first person to catch swine flu"
    if lemma in _ANNOUNCING and not _first_kind(objects) and not _news_medium(subjects):
        for c in verb.children:  # "announced it would cut 13,000 jobs"
            if (
                c.dep_ in ("ccomp", "xcomp")
                and c.pos_ in ("VERB", "AUX")
                and c.i > verb.i
            ):
                told = classify(c, span)
                if told not in (OTHER, STATEMENT):
                    return told
    own = lex.verbs.get(lemma) if lemma not in lex.light_verbs else None
    if (
        own == ATTACK
        and lemma in _RUINING
        and any(c.dep_ == "nsubj" for c in verb.children)  # an active doer named
        and not _attacker(subjects)
    ):
        # "the amount that ravaged the coastline of Alaska ... when the Exxon
        # Valdez ran aground": no army ravages
        return _ruin_kind(verb, subjects)
    if own == DISASTER and (_first_kind(objects) or _first_kind(subjects)) == STATEMENT:
        return STATEMENT  # "other cables leaked tonight": a disclosure, no spill
    if not _has_object(verb) and (own is None or lemma in _PHASE_VERBS):
        for t in subjects:  # "the talks collapsed", "the spill spread"
            if is_event_nominal(t):
                return noun_kind(t) or OTHER
    if lemma in _FAILING and any(
        _lemma(t) in _EQUIPMENT and t.dep_ in _SUBJECT_DEPS for t in subjects
    ):
        return DISASTER  # "the blowout preventer (BOP) device failed": an accident
    if lemma in _MEMBERSHIP and any(
        _lemma(t) in _GOVERNMENT | _BODIES or (lemma != "form" and _lemma(t) in _PANELS)
        for t in _patients(verb)
    ):
        return (
            APPOINTMENT  # "will leave the Obama administration", "formed a government"
        )
    if lemma in lex.by_object_entity:  # "joined Apple", "left Baghdad"
        by_type = lex.by_object_entity[lemma]
        for t in objects + _destinations(verb):
            if t.ent_type_ in by_type:
                return by_type[t.ent_type_]
        if objects and "" in by_type:
            return by_type[""]
    if lemma in _KILL:
        agent = _first_kind(subjects + [t for t in objects if t.head.dep_ == "agent"])
        if agent in (HEALTH, DISASTER):
            return agent  # "the virus has killed 60 people"
        setting = _first_kind(
            [
                h
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children
                if p.dep_ == "pobj"
                for h in _heads(p)
            ]
        )
        if setting in (HEALTH, DISASTER):
            return setting  # "Eleven workers were killed in the explosion"
        patient = _first_kind(_patients(verb))
        if patient is not None and patient not in _NOT_KILLED:
            return patient  # "the well was killed", "killed the bill"
        return ATTACK
    if lemma in _SAVING and _first_kind(_patients(verb)) in (ECONOMY, BUSINESS):
        # "to rescue the global financial system": a bailout, no rescue at sea
        return _first_kind(_patients(verb)) or OTHER
    if own == ATTACK:
        fought = _first_kind(_patients(verb) + _fought(verb))
        if fought in (DISASTER, HEALTH):
            return fought  # "was capturing more oil", "fought against the flu"
    if lemma == "spend" and (
        any(
            _lemma(t) in _SPANS or t.ent_type_ in ("TIME", "DATE")
            for t in _patients(verb)
        )
        or (
            not _patients(verb)
            and not _money_object(verb)
            and any(
                t.ent_type_ in ("TIME", "DATE") and _lemma(t) in _SPANS
                for c in verb.children
                if c.dep_ in ("xcomp", "npadvmod")
                for t in c.subtree
            )
        )
    ):
        # "was spending a few hours with his family", "he spent three weeks
        # tangled in red tape" (weeks/npadvmod of tangled): no money spent;
        # time spent doing something is that act ("to spend this week
        # reinforcing the last section of the relief well")
        for c in verb.children:
            if (
                c.tag_ == "VBG"
                and c.dep_ == "xcomp"
                and (done := classify(c, span)) != OTHER
            ):
                return done
        return OTHER
    if lemma in _MONEY_VERBS and _money_object(verb):
        # "spent more than $530,000 on federal elections": the spending, not
        # the elections; "paid $5bn in damages" is still the damages'
        found = _first_kind(_money_arguments(verb))
        return found or _by_subject(lex.verbs.get(lemma, BUSINESS), subjects)
    if lemma in lex.object_verbs:
        found = _first_kind(objects)
        if found is not None:
            return found  # "reported a loss", "fired missiles", "cut 300 jobs"
    if lemma in lex.market_verbs and _market_data(subjects):
        # "the number of jobs in the service sector rose", "late payments on
        # mortgages and home foreclosures rose": the labour or housing
        # market's figures, not a company's
        return ECONOMY
    if lemma in lex.market_verbs and _first_kind(subjects) == BUSINESS:
        return BUSINESS  # "annualised sales of vehicles dipped below nine million"
    if (
        lemma == "be"
        and _first_kind(subjects) == ECONOMY
        and any(c.lower_ in ("up", "down") for c in verb.children)
    ):
        return ECONOMY  # "stocks were down"
    level = lemma in _LEVEL_VERBS and _first_kind(objects) in (None, ECONOMY)
    if level and any(_lemma(t) in _LEVELS for o in objects for t in o.subtree):
        return ECONOMY  # "(the index) hit an all time low"
    if (lemma in lex.market_verbs or level) and _economic(verb):
        # "shares fell 3%" is the market; "GM lost $1.6 billion" and "its
        # earnings dropped 24%" the company
        if (
            _first_kind(subjects) == BUSINESS
            or _first_kind(_patients(verb)) == BUSINESS  # "increase ... asset sales"
            or any(
                t.ent_type_ == "ORG" and t.dep_ != "compound" and noun_kind(t) is None
                for t in subjects
            )  # "Aer Lingus shares fell", "the Straits Times Index fell": markets
            or (_first_kind(subjects) is None and _money_object(verb))
        ):
            return BUSINESS  # "it lost $1.6 billion": a company's money
        return ECONOMY
    if lemma in lex.object_verbs:
        if lemma in lex.verbs and not (
            lemma in _ONLY_WITHOUT_OBJECT and _has_object(verb)
        ):
            return _by_subject(lex.verbs[lemma], subjects)
        found = _first_kind(subjects)
        if found is None and _money_object(verb):
            found = _money_kind(subjects)  # "BP may offer up to $10 billion in debt"
        if found is not None or lemma not in lex.complement_verbs:
            return found or OTHER
        # an aspectual verb takes the kind of the verb it completes ("the
        # Senate hopes to finish voting on the plan", "stopped pumping")
    if lemma in lex.verbs and lemma not in lex.light_verbs:
        kind = _by_subject(lex.verbs[lemma], subjects)
        if kind == MEETING and _first_kind(objects) == CALL:
            return CALL  # "will discuss the issue ... during their phone call"
        return kind
    if lemma in lex.complement_verbs or (
        lemma in lex.light_verbs and not _first_kind(objects)
    ):
        for c in verb.children:  # "began leaking", "is expected to extend ..."
            if c.pos_ == "VERB" and (
                c.dep_ == "xcomp" or (c.dep_ == "dobj" and c.tag_ == "VBG")
            ):
                told = classify(c, span)
                if told != OTHER:
                    return told
            if (
                c.dep_ == "prep"
                and c.lower_ in _CONTENT_PREPS
                and lemma in lex.light_verbs
            ):
                # "put off a decision on Friday on whether to suspend paying
                # its dividend": the clause a light verb's preposition holds
                for p in c.children:
                    if p.dep_ == "pcomp" and p.pos_ == "VERB":
                        told = classify(p, span)
                        if told != OTHER:
                            return told
    operation = lemma in lex.object_verbs and lemma not in lex.verbs
    if lemma in _EFFORT_VERBS or (operation and not _first_kind(objects)):
        # "BP was working on Thursday to plug the well"; an operation with no
        # kind of its own takes its purpose's: "A device ... was lowered over
        # the blown-out well ... to try to capture most of the oil"
        for c in verb.children:
            if (
                c.dep_ == "advcl"
                and c.pos_ == "VERB"
                and any(a.tag_ == "TO" for a in c.children)
                and (told := classify(c, span)) != OTHER
            ):
                return told
    found = _first_kind(subjects)  # "the US economy shed 663,000 jobs"
    if found != ECONOMY:
        found = _first_kind(objects + subjects)
    if found is None and _money_object(verb) and (money := _money_kind(subjects)):
        return money
    if found is None and lemma not in lex.verbs:
        # a verb of no kind with nothing of one to act on takes its purpose's:
        # "sent officials ... to monitor BP's handling of the spill", "used
        # his employee discount to buy himself a Chevrolet"
        for c in verb.children:
            if (
                c.dep_ in ("advcl", "xcomp")
                and c.pos_ == "VERB"
                and c.i > verb.i
                and any(a.tag_ == "TO" for a in c.children)
                and (told := classify(c, span)) != OTHER
            ):
                return told
    if found is None and (guarded := _precaution_kind(verb)) is not None:
        return guarded  # "slaughtering herds of pigs ... as a precaution against swine flu"
    if found is None and _judicial_act(verb, subjects):
        return LEGAL  # "the U.S. Supreme Court slashed it to $507.5 million"
    return found or OTHER


def _auxed_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those the small model hangs on its auxiliary
    ("Russia's exchanges will re-open": exchanges/nsubj of "will")."""
    return _subjects(verb) or [
        h
        for a in verb.children
        if a.dep_ == "aux"
        for c in a.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for h in _heads(c)
    ]


def _is_exchange(tok: Token) -> bool:
    """A stock exchange or market, by noun or by name ("the London Stock
    Exchange", "Wall Street", "the Nasdaq"), whose closing is the market's."""
    if _lemma(tok) in _EXCHANGES and tok.dep_ != "compound":
        return True
    name = " ".join(t.lower_ for t in tok.subtree if t.pos_ == "PROPN")
    return tok.pos_ == "PROPN" and (
        name.endswith("exchange") or name in ("wall street", "nasdaq", "bourse")
    )


def _quoted_response(verb: Token) -> bool:
    """Someone's response, reply or reaction that "was" a quotation: "Mr
    Bush's response was “Bring 'em on”" (the small model reads "was" as the
    quoted verb's auxiliary), a statement; not a response effort."""
    copula = _lemma(verb) == "be" or any(
        c.dep_ == "aux" and _lemma(c) == "be" for c in verb.children
    )
    responder = any(
        c.dep_ == "nsubj"
        and _lemma(c) in _RESPONSES
        and any(d.dep_ == "poss" for d in c.children)
        for a in [verb, *(c for c in verb.children if c.dep_ == "aux")]
        for c in a.children  # the subject can hang on the auxiliary
    )
    return (
        copula
        and responder
        and any(t.text in _QUOTES for t in verb.subtree if t.i > verb.i - 2)
    )


def _selects_company(verb: Token) -> bool:
    """A company chosen for a job, a contract's award: "selected Los Angeles
    based Northrop Grumman on February 29 to build the aircraft" (a company
    its object, an infinitive or "for" its job)."""
    if _lemma(verb) not in _SELECTING:
        return False
    jobs = [
        c
        for c in verb.children
        if (c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ == "for")
    ]
    if not jobs or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    choosers = _subjects(verb)
    if not any(t.ent_type_ == "ORG" or _is_government(t) for t in choosers) or any(
        t.ent_type_ in ("NORP", "PERSON") for t in choosers
    ):
        return (
            False  # "the Tories officially selected Group Capt Lockwood": a candidate
        )
    # the company after the verb and before its job (the small model may hang
    # it below a misread "based": "selected Los Angeles based Northrop Grumman")
    return any(
        t.ent_type_ == "ORG" and not _is_government(t) and t.dep_ != "pobj"
        for c in verb.children
        if c.dep_ in ("dobj", "prep") and c.i > verb.i and c.i < jobs[0].i
        for t in c.subtree
    )


def _judicial_act(verb: Token, subjects: list[Token]) -> bool:
    """A court's or a judge's act, a ruling whatever its verb: an active
    subject that is a court, a judge or a jury ("in 2008 the U.S. Supreme
    Court slashed it", "a federal appeals court later cut that"), the verb
    of no kind of its own."""
    return _lemma(verb) not in lexicon().verbs and any(
        t.dep_ == "nsubj" and _lemma(t) in _JUDICIAL for t in subjects
    )


def _money_kind(subjects: list[Token]) -> str | None:
    """The kind of money its subject moves: a government's is the economy's
    ("the Fed transferred $24 billion"), a company's business ("the company
    would generate $30 billion", "BP may offer up to $10 billion in debt")."""
    if any(_is_government(t) or _is_lender(t) for t in subjects):
        return ECONOMY
    if any(t.ent_type_ == "ORG" or _lemma(t) in _FIRMS for t in subjects):
        return BUSINESS
    return None


def _floated(verb: Token) -> bool:
    """A company floated or listed on a stock market or exchange (its offering
    of shares, a company's act), not the market's movement."""
    return (
        _lemma(verb) in ("float", "list")
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and any(
            c.dep_ == "prep"
            and c.lower_ in ("on", "in")
            and any(
                p.dep_ == "pobj" and _lemma(p) in ("market", "exchange", "bourse")
                for p in c.children
            )
            for c in verb.children
        )
    )


def _confirmed_as(verb: Token, span: Span) -> str | None:
    """What someone was confirmed or announced as, by the infinitive of the
    "as" complement: "Pacitti ... was confirmed as the first person to catch
    swine flu within the UK" (a case, health), not a statement."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "as":
            continue
        for p in c.children:
            for a in p.children if p.dep_ == "pobj" else ():
                if (
                    a.dep_ in ("acl", "relcl")
                    and a.pos_ == "VERB"
                    and any(t.tag_ == "TO" for t in a.children)
                    and (told := classify(a, span)) not in (OTHER, STATEMENT)
                ):
                    return told
    return None


def _reports_own_figures(verb: Token, span: Span) -> bool:
    """A company's report of its own figures, an earnings report (business):
    the speaker a company (not a government's body), its reported clause of
    business ("made profits", "sales rose 43%") with the company itself, by
    name or as "it", "its", "we", as the clause's subject: "Ford says it made
    profits of $868 million", "Ford Motor Company said on Tuesday that its
    sales in the United States rose 43%"; not an analyst's view of a firm,
    nor what else it says it did ("BP said it had drilled ...")."""
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    if not speakers or not all(
        (s.ent_type_ == "ORG" or _lemma(s) in _FIRMS) and not _is_government(s)
        for s in speakers
    ):
        return False
    names = {t.lower_ for s in speakers for t in s.subtree if t.pos_ == "PROPN"}
    # "Shell shut subsea production ..., the companies said": each its own
    companies = any(s.tag_ == "NNS" and _lemma(s) in _FIRMS for s in speakers)
    for c in verb.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        own = any(
            s.dep_ in _SUBJECT_DEPS
            and (
                s.lower_ in ("it", "we")
                or any(
                    d.dep_ == "poss" and d.lower_ in ("its", "our") for d in s.children
                )
                or (s.pos_ == "PROPN" and s.lower_ in names)
                or (companies and s.ent_type_ == "ORG" and not _is_government(s))
            )
            for s in c.children
        )
        figures = any(_lemma(t) in _FIGURES for t in _subjects(c) + _objects(c))
        # or a company's act named by its event nominal or a workplace closed:
        # "GM said it will offer voluntary buyouts", "said it would shut two plants"
        acts = any(
            is_event_nominal(t) and noun_kind(t) == BUSINESS for t in _patients(c)
        ) or (
            _lemma(c) in _CLOSING
            and any(
                _lemma(t) in _WORKPLACES or noun_kind(t) == BUSINESS
                for t in _patients(c)
            )  # "shut two plants", "shut subsea production"
        )
        if own and (figures or acts) and _classify(c, span) == BUSINESS:
            return True
    return False


def _central_bank_money(verb: Token) -> bool:
    """A central bank's deal or offer of money: its subject a central bank (the
    Fed, "the Central Bank", the ECB) and money or a deal its object."""
    banks = [
        t
        for t in _subjects(verb)
        if t.lower_ in ("fed", "ecb")
        or (_lemma(t) == "bank" and any(_lemma(c) == "central" for c in t.children))
        or (_lemma(t) == "reserve" and any(_lemma(c) == "federal" for c in t.children))
    ]
    if not banks:
        return False
    return _money_object(verb) or any(noun_kind(t) == AGREEMENT for t in _objects(verb))


def _market_data(subjects: list[Token]) -> bool:
    """Figures of a whole market, which no company owns: jobs counted ("the
    number of jobs rose"), or a business noun beside a market's ("payments on
    mortgages and home foreclosures"); not "its sales", "GM's jobs"."""
    heads = [t for t in subjects if t.dep_ != "compound"]
    owned = any(
        c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ == "ORG")
        for t in heads
        for c in t.children
    ) or any(t.ent_type_ == "ORG" or _lemma(t) in _FIRMS for t in heads)
    if owned or not heads:
        return False
    of = [  # "payments on mortgages": what the figures are of
        p
        for t in heads
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in ("on", "of", "for")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    kinds = [noun_kind(t) for t in heads + of]
    return BUSINESS in kinds and (
        ECONOMY in kinds or any(_lemma(t) in _LABOUR for t in heads)
    )


def _runs_for_office(verb: Token) -> bool:
    """'Ran for president', 'he will run again': a candidate (a person or a
    personal pronoun) or an office or race it runs for."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "in", "against"):
            return True
        if c.dep_ in _SUBJECT_DEPS and (
            c.ent_type_ in ("PERSON", "ORG", "NORP") or c.tag_ == "PRP"
        ):
            return True
    return verb.dep_ == "xcomp"  # "decided to run", "considered running"


def _raised(verb: Token) -> list[Token]:
    """The subject of the verb an infinitive completes: "the school expects to
    be closed" (the school is closed)."""
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head)
    return []


def _about_outbreak(doc: Doc) -> bool:
    """An article about an outbreak: it names a disease, a virus or an
    epidemic at least _OUTBREAK_MENTIONS times (counted once per article)."""
    key = "newsline_outbreak"
    if key not in doc.user_data:
        nouns = lexicon().nouns
        count = sum(
            1
            for t in doc
            if t.pos_ in ("NOUN", "PROPN")
            and (nouns.get(t.lower_) or nouns.get(_lemma(t))) == HEALTH
        )
        doc.user_data[key] = count >= _OUTBREAK_MENTIONS
    return bool(doc.user_data[key])


def _about_disaster(doc: Doc) -> bool:
    """An article about a disaster: it names a spill, an explosion, a storm
    or another disaster at least _OUTBREAK_MENTIONS times (counted once)."""
    key = "newsline_disaster"
    if key not in doc.user_data:
        nouns = lexicon().nouns
        count = sum(
            1
            for t in doc
            if t.pos_ == "NOUN"
            and (nouns.get(t.lower_) or nouns.get(_lemma(t))) == DISASTER
        )
        doc.user_data[key] = count >= _OUTBREAK_MENTIONS
    return bool(doc.user_data[key])


def _agents(verb: Token) -> list[Token]:
    """A passive's agents: "passed by Congress", "approved by the Senate"."""
    return [
        h
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
        for h in _heads(p)
    ]


def _money_arguments(verb: Token) -> list[Token]:
    """A money verb's arguments but what the money is spent on or for."""
    out = _patients(verb)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ not in _ADJUNCT_PREPS | {"on", "for", "to"}:
            out.extend(h for p in c.children if p.dep_ == "pobj" for h in _heads(p))
    return out


def _money_object(verb: Token) -> bool:
    """An amount of money the verb has as its object: 'lost $1.6 billion'."""
    return any(
        c.dep_ in _OBJECT_DEPS | {"npadvmod"}
        and any(t.ent_type_ == "MONEY" for t in c.subtree)
        for c in verb.children
    )


def _by_subject(kind: str, subjects: list[Token]) -> str:
    """The kind of a verb as its subject makes it: a court's order is a ruling
    ("a US court ordered ..."), an earthquake that strikes a disaster, a
    government that buys or launches something acts on the economy."""
    first = _first_kind(subjects)
    if kind == DEMAND and first == LEGAL:
        return LEGAL
    if kind in (DEMAND, STATEMENT) and any(_lemma(t) in _JUDICIAL for t in subjects):
        return LEGAL  # "the judge refused", "the Supreme Court said"
    if kind == STATEMENT and _investigation_reports(subjects):
        return LEGAL  # "Congressional investigators said", "The investigation report provides"
    if kind == ATTACK and first in (DISASTER, HEALTH):
        return first  # "an earthquake struck", "the hurricane devastated"
    if kind == DISASTER and first == ATTACK and _is_weapon(subjects):
        return ATTACK  # "a car bomb exploded": no accident
    if kind == DISASTER and first == HEALTH:
        # what breaks out is the subject's: "a cluster of influenza-like
        # illnesses erupted in La Gloria", "the outbreak spread"
        return HEALTH
    heads = _first_kind([t for t in subjects if t.dep_ != "compound"])
    if kind == DISASTER and heads in (ECONOMY, BUSINESS):
        # "the market crashed", "its sales collapsed"; not "the drilling
        # platform that burst into a fireball"
        return heads
    if kind == DISASTER and any(
        t.ent_type_ == "PERSON" and _lemma(t.head) in _BODILY for t in subjects
    ):
        # "Jackson collapsed at his Los Angeles home"; a rig the small model
        # reads as a person still explodes ("Deepwater Horizon exploded")
        return HEALTH
    if kind == BUSINESS and any(
        _is_government(t) or _is_lender(t) or _is_leader(t) for t in subjects
    ):
        # "the Treasury will buy mortgage assets", "President Obama unveiled a
        # foreclosure-prevention package"
        return ECONOMY
    return kind


def _is_lender(tok: Token) -> bool:
    """A lender of governments: "the IMF", "the World Bank"."""
    name = " ".join(t.lower_ for t in tok.subtree if t.pos_ == "PROPN")
    return tok.lower_ in _LENDERS or name in _LENDERS


def _is_leader(tok: Token) -> bool:
    """A head of state or government by title: "President Obama"."""
    return tok.ent_type_ == "PERSON" and any(
        c.dep_ == "compound" and c.lower_ in _LEADERS for c in tok.children
    )


def _attacker(subjects: list[Token]) -> bool:
    """A subject that can fight: a person, a body, a country, a people, a
    personal pronoun, forces or a weapon (not oil, a storm, a crisis)."""
    return any(
        t.ent_type_ in _ATTACKERS
        or t.lower_ in _PERSONAL
        or _forces(t)
        or _is_weapon([t])
        or noun_kind(t) == ATTACK
        for t in subjects
        if t.dep_ != "compound"
    )


def _ruin_kind(verb: Token, subjects: list[Token]) -> str:
    """What ruin a thing brings: its own kind ("the crisis ... devastated",
    "the hurricane ravaged"), a disaster's in an article about one, else
    what it ruins ("devastated retirement accounts") or other."""
    return (
        _first_kind([t for t in subjects if t.dep_ != "compound"])
        or (DISASTER if _about_disaster(verb.doc) else None)
        or _first_kind(_patients(verb))
        or OTHER
    )


def _news_medium(subjects: list[Token]) -> bool:
    """A newspaper, magazine or broadcaster as the subject, whose report of
    what others did is its publication: "Yesterday's New York Times"."""
    for t in subjects:
        if t.dep_ == "compound":
            continue
        if _lemma(t) in _MEDIA and t.ent_type_ != "PERSON":
            return True
        if t.ent_type_ == "ORG" and t.lower_ in _MASTHEADS:
            return True
    return False


def _pleads_for(verb: Token) -> bool:
    """A plea for something, a demand ("pleaded before Congress to be given
    $14 billion", "pleaded with lawmakers", "pleaded for help"); not a plea
    of guilty or innocent in court."""
    if any(t.lower_ in ("guilty", "innocent", "contest") for t in verb.subtree) or any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children
    ):
        return False  # "pleaded guilty", "pleaded not guilty to ...", "to charges"
    return any(
        (c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ in ("for", "with"))
        for c in verb.children
    )


def _attended(verb: Token) -> str | None:
    """What one attends: its kind ("attended the funeral", "the summit"), or
    no gathering of officials ("will attend a private school", "a glitzy
    yacht race"); None for what names no kind (a meeting, as the verb)."""
    patients = _patients(verb)
    found = _first_kind(patients)
    if found is not None:
        return found
    if any(_lemma(t) in _NOT_GATHERINGS for t in patients):
        return OTHER
    return None


def _relief_well(tok: Token) -> bool:
    """A relief well, the spill's response work: "a new relief well"."""
    if _lemma(tok) == "relief":  # "relief well" (well misread as an adverb)
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "well"
    return _lemma(tok) == "well" and any(
        _lemma(c) == "relief" for c in tok.children if c.dep_ in ("compound", "amod")
    )


def _investigation_reports(subjects: list[Token]) -> bool:
    """An investigation's report: its subject investigators, or an
    investigation, inquiry, probe or inquest itself (not a "policy review"), or a
    report or findings of one ("The investigation report"); not the police
    or a court's spokesman, whose words stay statements."""
    heads = [t for t in subjects if t.dep_ != "compound"][:1]
    for t in heads:
        if _lemma(t) in _INVESTIGATORS:
            return True
        if _lemma(t) in _FINDINGS:
            about = [c for c in t.children if c.dep_ in ("compound", "poss")]
            about += [
                p
                for c in t.children
                if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
                for p in c.children
                if p.dep_ == "pobj"
            ]
            t = next(iter(about), t)
        if is_event_nominal(t) and noun_kind(t) == LEGAL and _lemma(t) in _INQUIRIES:
            return True
    return False


def _is_weapon(subjects: list[Token]) -> bool:
    """A bomb, a grenade or an explosive as the subject (not troops)."""
    return any(
        _lemma(t) in ("bomb", "grenade", "explosive") and t.dep_ != "compound"
        for t in subjects
    )


def _is_government(tok: Token) -> bool:
    """A government or its institution: 'the Treasury', 'the Fed', 'the government'."""
    if _lemma(tok) == "bank" and any(_lemma(c) == "central" for c in tok.children):
        return True  # "the central bank"
    return _lemma(tok) in _GOVERNMENT or (
        tok.ent_type_ == "ORG"
        and any(_lemma(t) in _GOVERNMENT | {"reserve"} for t in tok.subtree)
    )


def _took_office(verb: Token) -> bool:
    """'Took over' an office, not a company: with no object ("took over at
    Treasury", "took over from Browne") or a government's institution."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False  # "Bear Stearns was taken over by J.P. Morgan"
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return not objects or any(
        _is_government(h)
        or _lemma(h) in _LEGISLATURES | _BODIES | _CHARGES
        or _lemma(h) in lexicon().office_nouns
        for o in objects
        for h in _heads(o)
    )


def _is_particle(tok: Token, verb: Token) -> bool:
    """A particle spaCy parses as an adverb: 'passed away', 'stepped aside'."""
    return (
        tok.dep_ == "advmod"
        and tok.i == verb.i + 1
        and (tok.tag_ == "RP" or tok.lower_ in _PARTICLES)
    )


def _patients(verb: Token) -> list[Token]:
    """What the verb acts on: its direct object, or a passive's subject."""
    return [
        h
        for c in verb.children
        if c.dep_ in ("dobj", "obj", "nsubjpass")
        for h in _heads(c)
    ]


def _office_complement(verb: Token) -> bool:
    """An office the verb puts someone in: 'tapped him to be Treasury
    secretary', 'named her as its chief executive', 'took over as CEO'."""
    offices = lexicon().office_nouns
    for c in verb.children:
        if c.dep_ in ("xcomp", "oprd") and (
            c.lemma_ in ("be", "become") or c.dep_ == "oprd"
        ):
            nouns = [c] if c.dep_ == "oprd" else c.children
            if any(
                n.dep_ in _OFFICE_COMPLEMENT | {"oprd"} and _lemma(n) in offices
                for n in nouns
            ):
                return True
        if (
            c.dep_ == "prep"
            and (c.lower_ == "as" or (c.lower_ == "to" and _lemma(verb) in _TO_OFFICE))
            and any(p.dep_ == "pobj" and _lemma(p) in offices for p in c.children)
        ):
            return True
    return False


def _dated_nominal(span: Span, verb: Token) -> Token | None:
    """The event nominal the date expression modifies, if it modifies one and
    it is an argument of the predicate ("the April 20 explosion killed 11"),
    not a reference event in an adjunct ("tumbled ... since the Sept. 11,
    2001, terrorist attacks", "after the demonstrations in February 2003"):
    the event is the predicate's, and so is its kind."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of":
        head = head.head
    elif (
        root.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in ("on", "in")
        and head.head.pos_ == "NOUN"
        and (
            head.head.dep_ in _SUBJECT_DEPS
            or (head.head.dep_ == "conj" and head.head.head.dep_ in _SUBJECT_DEPS)
        )
    ):
        # "the explosion on the drilling rig off Louisiana on 20 April ... has
        # raised questions": the subject's date dates the subject
        head = head.head
    elif root.dep_ not in ("poss", "compound", "amod", "nmod", "nummod"):
        return None
    if head.i == verb.i or span.start <= head.i < span.end:
        return None
    tok = head
    for _ in range(8):  # no adjunct between the nominal and the predicate
        if tok.i == verb.i or tok.head.i == tok.i:
            break
        if tok.dep_ == "prep" and tok.lower_ in _ADJUNCT_PREPS:
            return None
        tok = tok.head
    return head if is_event_nominal(head) else None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _speaking(verb: Token, lemma: str) -> str:
    """'Trump and Putin spoke', 'spoke by phone', 'called Macron': a call."""
    if lemma == "call":
        return CALL
    for c in verb.children:
        if c.dep_ == "prep" and any(
            _lemma(p) in _PHONE for p in c.children if p.dep_ == "pobj"
        ):
            return CALL
        if c.dep_ == "prep" and c.lower_ == "with":
            return CALL
        if c.dep_ == "nsubj" and any(d.dep_ == "conj" for d in c.children):
            return CALL
    return STATEMENT


def _is_phone_call(verb: Token) -> bool:
    """'Trump called Macron': a call; 'called for', 'called the war unjust': not."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"oprd", "ccomp", "xcomp", "prt"}:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children):
        return False
    return any(
        c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "GPE", "ORG")
        for c in verb.children
    )


def _fought(tok: Token) -> list[Token]:
    """What a struggle is against or on: 'the battle against the oil slick'."""
    return [
        h
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("against", "on")
        for p in c.children
        if p.dep_ == "pobj"
        for h in _heads(p)
    ]


def _forces(tok: Token) -> bool:
    """Armed forces: an attack's participant ("troops", "soldiers"), not an
    attack nominal."""
    return noun_kind(tok) == ATTACK and not is_event_nominal(tok)


def _drawdown(verb: Token, depth: int = 0) -> bool:
    """Forces drawn down: a drawdown verb of troops ("will cut the number of
    its troops"), a drawdown noun beside them ("British troops will start a
    major withdrawal from Iraq"), or a complement verb completed by one ("is
    planning to withdraw up to 40,000 US troops")."""
    lex = lexicon()
    lemma = _lemma(verb)
    patients = _patients(verb) or [
        t for t in _subjects(verb) or _raised(verb) if t.dep_ != "nsubjpass"
    ]
    if lemma in _DRAWDOWN and any(_forces(t) for t in patients):
        return True
    near = _objects(verb, above=False) + _subjects(verb)
    nouns = [t for t in near if _lemma(t) in _DRAWDOWN_NOUNS]
    if nouns and any(_forces(t) for n in nouns + near for t in n.subtree):
        return True
    if depth < 3 and (lemma in lex.complement_verbs or lemma in lex.light_verbs):
        return any(
            c.dep_ == "xcomp" and c.pos_ == "VERB" and _drawdown(c, depth + 1)
            for c in verb.children
        )
    return False


def _destinations(verb: Token) -> list[Token]:
    """Where an adverb of direction leads: "will head back to Louisiana",
    "returned home to Texas"."""
    return [
        p
        for a in verb.children
        if a.dep_ == "advmod" and a.lower_ in ("back", "home", "over")
        for c in a.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _activity_place(tok: Token) -> bool:
    """A place named by its activity: 'fishing grounds', 'the fishing area'."""
    return any(
        c.dep_ in ("compound", "amod")
        and (c.tag_ == "VBG" or (c.tag_ == "NN" and c.lower_.endswith("ing")))
        for c in tok.children
    )


def _closed_to_activity(verb: Token) -> bool:
    """A place closed to an activity, a ban: 'the area closed to fishing',
    'closed more fishing grounds', 'the closed fishing area'."""
    if _lemma(verb) not in ("close", "shut"):
        return False
    if any(_activity_place(t) for t in _patients(verb)) or (
        verb.dep_ == "amod" and _activity_place(verb.head)
    ):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(
            p.dep_ == "pobj"
            and (p.tag_ == "VBG" or (p.tag_ == "NN" and p.lower_.endswith("ing")))
            for p in c.children
        )
        for c in verb.children
    )


def _legislator(tok: Token) -> bool:
    """A legislature or its member: 'lawmakers', 'the Senate', 'the House of
    Commons' (not the White House)."""
    return _lemma(tok) in _LEGISLATORS and not any(
        c.lower_ == "white" for c in tok.children
    )


def _legislature_votes(verb: Token, lemma: str) -> bool:
    """A legislature's decision: its members reject or approve ("Congressional
    lawmakers rejected the proposal"), or a defeat in it ("plans ... suffered
    a surprise defeat in the House of Commons")."""
    outcomes = [t for t in _patients(verb) if _lemma(t) in _OUTCOMES]
    if lemma not in _VOTING and not outcomes:
        return False
    if any(_legislator(t) for t in _subjects(verb) + _agents(verb)):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "by")
        and any(p.dep_ == "pobj" and _legislator(p) for p in c.children)
        for t in [verb, *outcomes]
        for c in t.children
    )


def _presents_product(verb: Token, subjects: list[Token]) -> bool:
    """A product shown: a product named as the patient ("the A380 was
    revealed"), or a name a company presents ("the company presented the
    iPhone"); not a report, a plan or a person."""
    patients = _patients(verb)
    for t in list(patients):
        if _lemma(t) in _VERSIONS:  # "its latest iteration of their popular iPhone"
            patients.extend(
                p
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            )
    for t in patients:
        if t.ent_type_ == "PRODUCT":
            return True
        if (
            _lemma(t) in ("product", "device")
            and t.head.dep_ == "prep"
            and _lemma(t.head.head) in _VERSIONS
        ):
            return (
                True  # "the first generation of their products to use Intel processors"
            )
        if (
            t.pos_ == "PROPN"
            and t.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC")
            and noun_kind(t) is None
            and any(_lemma(s) in _FIRMS or s.ent_type_ == "ORG" for s in subjects)
        ):
            return True
    return False


def _scheduled_for_market(verb: Token, subjects: list[Token]) -> bool:
    """A thing set for its release or launch: 'OS X is scheduled for
    release', 'the newest iPhone will be slated for a U.S. release'."""
    slated = verb.lower_ in ("slate", "slated")  # the small model's lemma "slat"
    if _lemma(verb) not in lexicon().complement_verbs and not slated:
        return False
    things = [t for t in subjects if t.dep_ != "compound"]
    if not things or any(  # a thing, "it" included; no person
        t.ent_type_ in ("PERSON", "NORP")
        or (t.tag_ in ("PRP", "WP") and t.lower_ != "it")
        for t in things
    ):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(p.dep_ == "pobj" and _lemma(p) in _MARKETING for p in c.children)
        for c in verb.children
    )


def _is_thing(tok: Token) -> bool:
    """A traveller that is no person nor party: a vehicle, a model ("the
    787"), a product, or what has a kind of its own ("the storms")."""
    if _is_model(tok) or tok.lower_ == "it":
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    return _lemma(tok) in _VEHICLES or noun_kind(tok) in (DISASTER, BUSINESS, ECONOMY)


def _is_model(tok: Token) -> bool:
    """A product or a model number: 'the A380', 'the Airbus 380', 'the 787'."""
    if tok.pos_ != "PROPN" and any(ch.isdigit() for ch in tok.text):
        return True
    return any(
        t.ent_type_ == "PRODUCT"
        for t in [tok, *(c for c in tok.children if c.dep_ in ("nummod", "compound"))]
    )


def _travel_kind(verb: Token, travellers: list[Token]) -> str:
    """A thing's travel: a model's first flight or delivery is business, as a
    maiden flight is; else its own kind ("the storms will arrive")."""
    first = any(_lemma(c) in ("first", "maiden") for c in verb.children)
    if first or any(_is_model(t) for t in travellers):
        return BUSINESS
    return _first_kind(travellers) or OTHER


def _words_setting(tok: Token) -> bool:
    """A setting of words or of a legislature: "at a congressional hearing",
    "in a speech", "in Congress"."""
    return _lemma(tok) in _VERBAL_SETTINGS or _legislator(tok)


def _verbal_attack(verb: Token) -> bool:
    """An attack of words, a statement: made "verbally"; on someone "for"
    what they did ("attacked the network for its coverage", "blasted Obama
    for traveling") or "over" something ("lambasted BP over the spill"); at
    a hearing or in a speech; by accusing; or by critics (politicians,
    lawmakers, a committee) on a person or a company. Not an attack on a
    place or a building ("attacked three hotels in Baghdad"), nor one "for
    profit or revenge"."""
    lex = lexicon()
    patients = _patients(verb)
    if any(
        _lemma(t) in _VERBAL_SETTINGS or noun_kind(t) == STATEMENT for t in patients
    ):
        return True  # "blasted BO's oval office speech"
    if any(c.dep_ == "advmod" and c.lower_ in _VERBAL_MANNERS for c in verb.children):
        return True  # "he verbally mauled the Daily Telegraph's religion correspondent"
    aimed = [
        t
        for t in patients
        if t.tag_ in ("PRP", "NNP", "NNPS") and t.ent_type_ not in ("GPE", "LOC", "FAC")
    ] or [t for t in patients if _lemma(t) in _FIRMS | _GOVERNMENT | {"administration"}]
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        args = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
        if c.lower_ == "for" and any(
            p.tag_ == "VBG"
            or (
                p.dep_ == "pobj"
                and _lemma(p) not in _MOTIVES
                and p.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY")
                and _lemma(p) not in _SPANS
            )
            for p in args
        ):
            return True
        if c.lower_ == "over" and aimed and args:
            return True  # "Obama has repeatedly lambasted BP over the spill"
        if c.lower_ in ("at", "in", "during") and any(_words_setting(p) for p in args):
            return True  # "at a congressional hearing", "in a speech"
        if c.lower_ == "by" and any(
            p.tag_ == "VBG" and lex.verbs.get(_lemma(p)) == STATEMENT for p in args
        ):
            return True  # "attacked BP last night by accusing it of ..."
    return bool(aimed) and any(_lemma(t) in _CRITICS for t in _subjects(verb))


def _attack_nominal_of_words(tok: Token) -> bool:
    """An attack nominal said with words: one "for" a fault or at a hearing
    ("came under attack at a congressional hearing", "under attack from
    President Obama for its plans")."""
    holders = [tok]
    if tok.head.dep_ == "prep" and tok.head.lower_ == "under":
        holders.append(tok.head.head)  # "came under attack at a hearing"
    for h in holders:
        for c in h.children:
            if c.dep_ != "prep":
                continue
            args = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
            if c.lower_ == "for" and any(
                p.tag_ == "VBG"
                or (p.dep_ == "pobj" and _lemma(p) not in _MOTIVES | _SPANS)
                for p in args
            ):
                return True
            if c.lower_ in ("at", "in", "during", "from") and any(
                _words_setting(p)
                or (c.lower_ == "from" and (_legislator(p) or p.ent_type_ == "PERSON"))
                for p in args
            ):
                return True
    return False


def _means_kind(verb: Token, span: Span) -> str | None:
    """The kind of the act a verb of no kind is done by: "the House of
    Representatives acted on these principles by passing a ... bill" (a
    vote), "Coke ended its exile by setting up a joint-venture bottling
    company", "risked the wrath of families ... by comparing"."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "by":
            continue
        for p in c.children:
            if p.dep_ == "pcomp" and p.tag_ == "VBG":
                told = classify(p, span)
                if told != OTHER:
                    return told
    return None


def _speakers_own_act(verb: Token, span: Span) -> str | None:
    """What a speaker says it did or will do, the act's kind: "Boeing
    announced that it would cancel the 717 program", "China Eastern
    Airlines stated on Thursday that it had signed a contract". The told
    clause follows the verb of saying and its subject is the speaker
    itself (a pronoun of the speaker, or the speaker's noun); words about
    others ("Obama said BP had lied") and told clauses of no kind stay
    statements."""
    if lexicon().verbs.get(_lemma(verb)) != STATEMENT or _lemma(verb) in SPEAK_VERBS:
        return None
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    if not speakers or _news_medium(_subjects(verb)):
        return None
    speaker = speakers[0]
    person = speaker.ent_type_ == "PERSON" or speaker.lower_ in _PERSONAL_SELF
    told_clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    told_clauses += [  # "announced ... in an internal memo that he would be ..."
        r
        for c in verb.children
        if c.dep_ == "prep"
        for p in c.children
        if p.dep_ == "pobj"
        for r in p.children
        if r.dep_ == "relcl"
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in r.children)
    ]
    for c in told_clauses:
        if c.pos_ not in ("VERB", "AUX") or c.i < verb.i:
            continue
        told_subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if not told_subjects:
            continue
        s = told_subjects[0]
        if s.tag_ == "PRP":
            own = s.lower_ in _SELF_PRONOUNS and (
                (s.lower_ in _PERSONAL_SELF) == person
                or (speaker.tag_ == "PRP" and s.lower_ == speaker.lower_)
            )
        else:
            own = _lemma(s) == _lemma(speaker) and s.i != speaker.i
        if not own or _lemma(c) in _OPINING:
            continue  # "Goldman Sachs said it expected the economy to shrink": a forecast
        told = classify(c, span)
        if told not in (OTHER, STATEMENT):
            return told
    return None


def _named_operation(tok: Token) -> bool:
    """A named military operation, its name's head: "Operation Steel
    Curtain, which began two weeks ago", "mobilised for Operation Telic 1"."""
    first = min(
        (c for c in tok.children if c.dep_ == "compound"),
        default=None,
        key=lambda c: c.i,
    )
    return (
        first is not None
        and first.text == "Operation"
        and first.i == tok.left_edge.i + (1 if tok.left_edge.dep_ == "det" else 0)
    )


def _named_of(tok: Token) -> list[Token]:
    """What a name's "of" names, where the small model hangs an event on a
    place's name: "the response to the giant Gulf of Mexico oil spill"
    (spill/pobj of "of")."""
    if tok.pos_ != "PROPN":
        return []
    return [
        h
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
        for h in _heads(p)
    ]


def _stands_for_office(verb: Token) -> bool:
    """A candidate standing: "unopposed", or "for" an office, a term, an
    election or a seat ("will stand unopposed for a third term of office")."""
    if any(
        c.dep_ in ("acomp", "advmod") and c.lower_ == "unopposed" for c in verb.children
    ):
        return True
    offices = lexicon().office_nouns | {"term", "office", "seat", "parliament"}
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(
            p.dep_ == "pobj" and (_lemma(p) in offices or noun_kind(p) == ELECTION)
            for p in c.children
        )
        for c in verb.children
    )


def _instrument(prep: Token, tok: Token) -> bool:
    """A means adjunct, no argument: "with the aid of sensors, video cameras
    and undersea robots", "with the help of the Coast Guard"."""
    return (
        prep.lower_ == "with"
        and _lemma(tok) in ("aid", "help", "assistance", "support", "use")
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    )


def _occurrence_kind(verb: Token) -> str | None:
    """The kind of what a verb of occurring says occurred: its subject's (of a
    relative clause, its antecedent's; of a gerund modifying a noun, that
    noun's): "riots broke out last month" (protest), "within hours of the
    bombs going off" (attack). None for a subject of no kind ("it emerged
    that", "what happened")."""
    lemma = _lemma(verb)
    took_place = lemma == "take" and any(  # "incidents that took place"
        c.dep_ == "dobj" and c.lower_ == "place" and not list(c.children)
        for c in verb.children
    )
    if not took_place and (
        _has_object(verb)
        or lemma not in _OCCURRING
        and not any(
            (lemma, _lemma(c)) in _OCCURRING_PARTICLES
            for c in verb.children
            if c.dep_ == "prt" or _is_particle(c, verb)
        )
    ):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return None  # "cases arising from alleged incidents": an origin, no occurrence
    subjects = _subjects(verb)
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subjects = _heads(verb.head)  # "the bombs going off"
    return _first_kind(subjects)


def _lands_in_place(verb: Token) -> bool:
    """One landing somewhere, no object landed: "Obama, who landed in
    Louisiana Friday afternoon" (not "landed a contract")."""
    return not _has_object(verb) and any(
        c.dep_ == "prep"
        and c.lower_ in _LANDING_PREPS
        and any(p.dep_ == "pobj" and p.ent_type_ in _PLACES for p in c.children)
        for c in verb.children
    )


def _precaution_kind(verb: Token) -> str | None:
    """A health or disaster measure by what it guards against: "slaughtering
    herds of pigs on Thursday as a precaution against swine flu"."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "as":
            continue
        for p in c.children:
            if p.dep_ != "pobj" or _lemma(p) not in _PRECAUTIONS:
                continue
            against = [
                h
                for a in p.children
                if a.dep_ == "prep" and a.lower_ == "against"
                for o in a.children
                if o.dep_ == "pobj"
                for h in _heads(o)
            ]
            kind = _first_kind(against)
            if kind in (HEALTH, DISASTER):
                return kind
    return None


_DASHES = frozenset({"-", "–", "—", "--"})


def _antecedent(verb: Token, relative: Token) -> Token:
    """A relative clause's antecedent: the noun it modifies, but for a clause
    right after an aside between dashes, which the small model hangs on the
    aside's last noun, the noun before the aside: "was Russian flu - each
    takes its name from the country where ... - which emerged in 1889"."""
    head, doc = verb.head, verb.doc
    if relative.i == 0 or doc[relative.i - 1].text not in _DASHES:
        return head
    opening = [t for t in doc[verb.sent.start : head.i] if t.text in _DASHES]
    if opening and opening[-1].i > 0:
        before = doc[opening[-1].i - 1]
        if before.pos_ in ("NOUN", "PROPN"):
            return before
    return head
