"""The temporal-expression grammar: word lists and compiled regular expressions.

Each pattern family has a name that tells the normaliser how to read a match.
Letters are matched case-insensitively inside `(?i:...)` groups, but word
boundaries are case-sensitive so that glued typos such as "MondayWhere" still
yield "Monday" (a lower-case letter or digit after a match is a real word).
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
UNITS_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "zero": 0,
    "dozen": 12,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
SEASONS = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "mid-afternoon": "AF",
    "mid afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}

# --- building blocks -------------------------------------------------------
START = r"(?<![A-Za-z0-9\-])"  # not inside a word
END = r"(?![a-z0-9])(?![A-Z](?=[A-Z]))"  # a capital may start a glued word
END_WORD = r"(?![A-Za-z0-9])"

_NUMW = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|\d/\d|{_NUMW}(?:(?:\s+|-)(?:and\s+)?{_NUMW})*"
    r"(?:\s+and\s+a\s+half)?|a\s+couple\s+of|a\s+couple|a\s+few|a\s+dozen|a|an|"
    r"few|several|some|many|dozens\s+of|hundreds\s+of|a\s+number\s+of)"
)
UNIT = (
    r"(?:(?:trading\s+|business\s+|calendar\s+|working\s+)?days?|seconds?|minutes?|"
    r"hours?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|"
    r"decades?|centur(?:y|ies)|semesters?)"
)
APPROX = (
    r"(?:(?:about|around|nearly|almost|approximately|roughly|some|more\s+than|"
    r"less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|just|only|"
    r"barely|no\s+more\s+than|no\s+less\s+than|well\s+over|close\s+to|"
    r"upwards\s+of|the\s+better\s+part\s+of|a\s+little\s+over|a\s+little\s+more\s+than)\s+)"
)
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|"
    r"SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|Sept(?![a-z])|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?=\s+\d))"
)
WEEKDAY = (
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?|"
    r"(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
SPELLED_YEAR = (
    r"(?:nineteen(?:\s+|-)(?:hundred(?:\s+and)?(?:\s+|-))?(?:(?:twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety)(?:(?:\s+|-)(?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)|two\s+thousand(?:(?:\s+and)?(?:\s+|-)(?:one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:(?:\s+|-)(?:one|two|"
    r"three|four|five|six|seven|eight|nine))?))?)"
)
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)"
YEAR_ANY = rf"(?:{YEAR}|(?i:{SPELLED_YEAR}))"
PART = r"(?:morning|afternoon|mid-?afternoon|evening|night)"
TIME_OF_DAY = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)"
    r"(?:\s+(?:EST|EDT|GMT|UTC|ET|CET|CEST|BST|PST|PDT|CST|CDT|MST|local\s+time))?|"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s+(?:EST|EDT|GMT|UTC|ET|CET|CEST|BST|PST|PDT|"
    r"CST|CDT|MST|local\s+time|hours|hrs))?|noon|midnight)"
)
ORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|twenty[-\s]first|\d{1,2}(?:st|nd|rd|th))"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)"
EDGE = (
    r"(?:(?:early|late|mid|middle|earlier|later|some\s*time)[\s-]+|"
    r"(?:the\s+)?(?:end|beginning|start|middle|close|turn|dawn|first\s+half|"
    r"second\s+half|latter\s+half|last\s+half|first\s+part|rest|remainder)\s+of\s+"
    r"(?:the\s+)?)"
)
REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|past|coming|previous|following|"
    r"that|the\s+same|the\s+previous|the\s+following|the\s+past|the\s+last|"
    r"the\s+next|the\s+coming|the\s+current|the\s+latest|the\s+most\s+recent|"
    r"the\s+present|the\s+final|the\s+full|the\s+entire|the\s+whole|the\s+fiscal|"
    r"the\s+new|current|recent|the|its|their|this\s+year's|last\s+year's|"
    r"next\s+year's)"
)
# a day of the month spelled out: "March eighth", "the twenty-first of May"
DAY_WORD = (
    r"(?i:(?:twenty[-\s]|thirty[-\s])?(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
MONTH_DATE = (
    rf"(?:{MONTH}\s*{DAY}(?:\s*,\s*|\s+){YEAR}|{MONTH}\s*{DAY}|"
    rf"{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?|"
    rf"(?!May\s){MONTH}\s+(?i:the\s+)?{DAY_WORD}(?!-)(?:,?\s+{YEAR})?|"
    rf"(?i:the\s+){DAY_WORD}\s+of\s+{MONTH}(?:,?\s+{YEAR})?)"
)


def _i(body: str) -> str:
    """Case-insensitive body between word boundaries."""
    return START + "(?i:" + body + ")" + END


def _c(body: str) -> str:
    """A body whose capitalised names must match as written."""
    return START + body + END


PATTERNS: list[tuple[str, re.Pattern[str]]] = []


def _add(name: str, pattern: str) -> None:
    PATTERNS.append((name, re.compile(pattern)))


# explicit dates: "Feb. 24, 2025", "24 February 2025", "Monday, Feb. 24"
_add(
    "explicit",
    _c(
        rf"(?:(?i:(?:early|late|mid|this\s+coming|this\s+past|last|next|this)\s+)?"
        rf"{WEEKDAY}(?:,\s+|[ \t]+))?"
        rf"(?:(?i:{TIME_OF_DAY})\s*,?\s+)?"
        rf"(?:(?i:last|next|this\s+past|this\s+coming)\s+)?{MONTH_DATE}"
        # "on the night of 1 May last year": the day, in the year named
        r"(?:(?<!\d\d\d\d)(?i:\s+(?:of\s+)?(?:this|last|next)\s+year))?"
    ),
)
_add("iso", START + r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))" + END_WORD)
# months: "February 2022", "early March", "last April", "mid-November"
_add(
    "month",
    _c(
        rf"(?i:{EDGE}|(?:this\s+past|this\s+coming|this|last|next)\s+)?"
        rf"{MONTH}(?:,?\s+{YEAR_ANY}|(?i:\s+(?:of\s+)?(?:this|last|next)\s+year))?"
    ),
)
# years: "1998", "mid-2008", "the end of 2004", "fiscal 1990", "the 1988 period"
_add(
    "year",
    _i(
        rf"(?:{EDGE}|(?:the\s+)?fiscal(?:\s+year)?\s+|(?:the\s+)?(?:year|summer|"
        rf"spring|fall|autumn|winter)\s+(?:of\s+)?|{SEASON}\s+)?{YEAR_ANY}"
        rf"(?:\s+(?:season|or\s+later|and\s+beyond))?"
    ),
)
_add("year", _i(rf"the\s+{YEAR}\s+(?:season|fiscal\s+year|year)"))
_add("year", START + r"(?:(?<=since\s)|(?<=in\s)|(?<=of\s))'\d\d" + END_WORD)
# "the post-1959 politics", "pre-1914 Europe"
_add("year", START + rf"(?i:pre|post)-{YEAR}" + END_WORD)
# quarters and halves: "the third quarter", "third-quarter", "Q3 2009"
_add(
    "quarter",
    _i(
        r"(?:(?:the|its|this|that|a|this\s+year's|last\s+year's|next\s+year's)\s+)?"
        rf"(?:(?:{YEAR}|fiscal|latest|current|comparable|corresponding|year-ago|"
        r"year-earlier|flat|same|previous|final|last|first|second|third|fourth|"
        r"fiscal-(?:first|second|third|fourth)|calendar|june|september|december|"
        r"march)[\s-]+){1,3}quarters?(?![\s-]+century)"
        rf"(?:\s+(?:of|in)\s+(?:{YEAR}|fiscal\s+{YEAR}|this\s+year|last\s+year|"
        r"next\s+year))?(?:\s+a\s+year\s+(?:ago|earlier))?"
    ),
)
_add(
    "quarter",
    _i(
        r"(?:the|this|that|its)\s+quarter(?![\s-]+(?:century|of|mile|point))"
        r"(?:\s+a\s+year\s+(?:ago|earlier))?"
    ),
)
_add(
    "quarter",
    _i(r"(?:the\s+)?(?:latest|current|most\s+recent|(?:19|20)\d\d|fiscal)\s+period"),
)
_add("quarter", _i(rf"(?:Q[1-4]|[1-4]Q)(?:\s+{YEAR}|\s*'\d\d)?"))
_add(
    "half",
    _i(
        rf"(?:the\s+)?(?:first|second|latter)\s+half(?:\s+of\s+(?:{YEAR}|this\s+"
        r"year|last\s+year|next\s+year|the\s+year))?"
    ),
)
_add(
    "half",
    _i(
        rf"{APPROX}?(?:the\s+)?first\s+(?:two|three)\s+quarters\s+of\s+"
        rf"(?:{YEAR}|the\s+year)"
    ),
)
# decades and centuries: "the 1990s", "the late '80s", "the 20th century"
_add(
    "decade",
    _i(
        r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
        r"(?:(?:1[5-9]|20)\d0'?s|'\d0s|(?<!\$)\d0s(?![a-z0-9])|(?<=the\s)(?:twenties|thirties|"
        r"forties|fifties|sixties|seventies|eighties|nineties))"
    ),
)
_add(
    "decade",
    _i(
        r"the\s+(?:(?:early|late|mid)[\s-]+|last\s+half\s+of\s+the\s+)?"
        r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|"
        r"'\d0s)"
    ),
)
_add("century", _i(rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{ORD}\s+century"))
# weekdays: "Monday", "late Friday", "last Tuesday", "Friday night", "noon Thursday"
_add(
    "weekday",
    _c(
        rf"(?i:(?:early|late|earlier|later|this\s+coming|this\s+past|last|next|"
        rf"this|the\s+previous|the\s+following)\s+)?"
        rf"(?i:(?:{TIME_OF_DAY}|mid-?afternoon)\s*,?\s+(?:on\s+)?)?{WEEKDAY}"
        rf"(?i:\s+{PART})?"
    ),
)
# times: "7:15 p.m.", "around 7 p.m. Wednesday", "noon yesterday"
_add(
    "time",
    _i(
        r"(?:(?:about|around|at\s+about|shortly\s+(?:before|after)|just\s+(?:before|"
        r"after))\s+)?(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am|pm)"
        r"(?:\s+(?:EST|EDT|GMT|UTC|ET|CET|CEST|BST|PST|PDT|CST|CDT|MST|local\s+time))?"
        r"(?:,?\s+(?:today|yesterday|tomorrow|tonight))?"
    ),
)
_add(
    "time",
    _i(
        r"(?:(?:about|around|at\s+about)\s+)?(?:[01]?\d|2[0-3]):[0-5]\d"
        r"(?:\s+(?:EST|EDT|GMT|UTC|ET|CET|CEST|BST|PST|PDT|CST|CDT|MST|local\s+time|"
        r"hours|hrs))?"
    ),
)
_add("time", _i(r"(?:[01]\d|2[0-3])[0-5]\d\s+(?:UTC|GMT|Z)"))
_add("time", _i(r"(?:noon|midnight)(?:\s+(?:today|yesterday|tomorrow|tonight))?"))
# deictic days: "today", "late yesterday", "yesterday morning", "tonight", "last night"
_add(
    "deictic",
    _i(
        rf"(?:(?:early|late|earlier|later)\s+)?(?:today|yesterday|tomorrow|tonight)"
        rf"(?:\s+{PART})?"
    ),
)
_add(
    "deictic",
    _i(rf"(?:(?:early|late|earlier|later)\s+)?(?:this|last|the)\s+{PART}"),
)
_add(
    "deictic",
    _i(rf"(?:early\s+|late\s+)?(?:mid-?)?{PART}\s+(?:yesterday|today|tomorrow)"),
)
_add(
    "deictic",
    _i(r"overnight|midday|(?:mid|early|late)[\s-]?(?:morning|afternoon|evening)"),
)
_add(
    "deictic",
    _i(r"(?:the\s+)?(?:next|following|previous)\s+(?:morning|afternoon|evening|night)"),
)
_add(
    "deictic",
    _i(
        r"(?:the\s+)?(?:next|following|previous|same)\s+day|(?:the\s+)?day\s+before"
        r"(?:\s+yesterday|(?=\s*[,.;:)]))|(?:the\s+)?day\s+after(?:\s+tomorrow|"
        r"(?=\s*[,.;:)]))|"
        r"(?:(?:earlier|later)\s+)?that\s+(?:day|morning|afternoon|evening|night)"
    ),
)
# "the day before last Tuesday('s hearing)", "the day after Friday"
_add(
    "deictic",
    _c(
        rf"(?i:(?:the\s+)?day\s+(?:before|after)\s+(?:last\s+|next\s+|this\s+)?)"
        rf"{WEEKDAY}"
    ),
)
# this/last/next unit: "last week", "earlier this month", "next year", "the weekend"
_add(
    "relunit",
    _i(
        rf"(?:{EDGE})?(?:this\s+past|this\s+coming|this|last|next|"
        r"the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current|the\s+previous|"
        r"the\s+following|that|the\s+same|the\s+latest|the\s+most\s+recent|the\s+full|"
        r"the\s+entire|the\s+whole|the\s+fiscal|the\s+new|the|"
        r"coming|past|previous)\s+(?:fiscal\s+|calendar\s+)?"
        rf"(?:week|weekend|month|year|decade|century|{SEASON})"
        r"(?:\s+(?:earlier|ago)|\s+(?:before|after)(?=\s*[,.;:)]))?"
    ),
)
_add(
    "relunit",
    _i(rf"(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?(?:this|last|next)\s+{SEASON}"),
)
_add("relunit", _i(rf"the\s+(?:early|late|mid)[\s-]+{SEASON}"))
# "end the day", "late in the day": the day the sentence is about
_add("sameday", _i(r"(?:late|early|later|earlier)\s+in\s+the\s+day"))
_add(
    "sameday",
    _i(
        r"(?:late\s+in\s+|early\s+in\s+|the\s+start\s+of\s+)?the\s+day(?![\s-]+(?:before|after|when|that|of|he|she|they|it|we))"
    ),
)
# "the last week of March", "the first week of June"
_add(
    "weekof",
    _c(
        rf"(?i:the\s+(?:first|second|third|fourth|last|final)\s+week\s+of\s+){MONTH}(?:\s+{YEAR})?"
    ),
)
# "the week of March 6": the week holding that day
_add("weekof", _c(rf"(?i:the\s+week\s+of\s+){MONTH_DATE}"))
_add("relunit", _i(r"(?:the\s+)?(?:same|this|that)\s+(?:time|period)\s+last\s+year"))
_add(
    "relunit",
    _i(
        r"(?:(?:the\s+)?(?:same|corresponding|comparable|year-ago|year-earlier)\s+)"
        r"(?:period|month|week|time(?=\s+(?:a\s+year|last\s+year)))"
        r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?"
    ),
)
_add(
    "relunit",
    _i(
        r"(?:mid-?year|year-end|year\s+end|year['\u2019]s\s+end|"
        r"(?:the\s+)?end\s+of\s+the\s+(?:year|month))"
    ),
)
# durations and offsets: "three years", "for more than an hour" (without "for"),
# "two years ago", "the past two months", "a year earlier", "the next few days"
_add(
    "duration",
    _i(
        rf"{APPROX}?(?:the\s+)?(?:(?:past|last|next|first|coming|latest|previous|"
        rf"following|final|remaining|initial|last|same|other|year-earlier|"
        rf"year-ago|comparable)\s+)?{APPROX}?"
        rf"{NUM}(?:\s+(?:to|or)\s+{NUM})?"
        r"(?:\s+(?:more|additional|extra|straight|consecutive|full|long|short))?"
        rf"[\s-]+{UNIT}(?:\s+and\s+a\s+half)?(?![\s-]+old)"
        r"(?:\s+(?:or\s+so\s+)?ago|\s+from\s+now|\s+(?:earlier|later)"
        r"(?!\s+(?:this|that|today|tonight|yesterday|tomorrow|last|next|monday|"
        r"tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])|"
        # "two days later in March", "a day earlier on Monday" (but not "a
        # year earlier on a leap in revenue")
        r"\s+(?:in|on|at)\s+(?:the\b|this\b|that\b|(?-i:[A-Z0-9])))"
        r"|\s+or\s+so|\s+ahead)?"
    ),
)
_add(
    "duration",
    _i(
        rf"(?:the\s+)?(?:(?:past|last|next|coming|recent|previous|following|first)\s+)"
        rf"(?:few\s+|several\s+|couple\s+of\s+|many\s+)?{UNIT}"
    ),
)
_add(
    "duration",
    _i(
        rf"(?:recent|coming|past|future)\s+{UNIT}(?:\s+and\s+{UNIT})?"
        r"|(?:the\s+)?(?:weeks|months|years|days)\s+(?:ahead|to\s+come)"
    ),
)
_add(
    "duration",
    _i(
        rf"(?:{NUM}|several|many|few)-(?:second|minute|hour|day|week|month|year|decade)"
        r"(?:-long)?(?!-old|\s+old)"
    ),
)
_add(
    "duration",
    _i(r"(?:decades|years|months|centuries|(?:day|week|month|year|hour))-long"),
)
_add(
    "duration",
    _i(
        r"(?:(?:many|several|few|some)\s+)?(?:decades|centuries)"
        r"|(?<=for\s)(?:years|months|weeks|days|hours|minutes)"
        r"|(?<=in\s)(?:years|months|weeks|days|hours|minutes)|(?<=just\s)minutes"
        r"|(?:(?<=over\s)|(?<=during\s)|(?<=through\s))the\s+years|a\s+while|a\s+long\s+time"
    ),
)
# adjectives: "year-ago", "year-earlier"
_add("yearago", _i(r"(?:the\s+)?(?:year-ago|year-earlier)"))
# sets: "every week", "daily", "each Thursday", "Tuesday nights"
_add(
    "set",
    _i(
        rf"(?:every|each|per)\s+(?:other\s+)?(?:{NUM}\s+)?"
        rf"(?:{UNIT}|{PART}|monday|tuesday|wednesday|thursday|friday|saturday|"
        r"sunday|january|february|march|april|may|june|july|august|september|"
        r"october|november|december)"
        r"|daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly|"
        r"twice\s+(?:a|per)\s+(?:day|week|month|year)|once\s+(?:a|per)\s+"
        r"(?:day|week|month|year)|(?:\w+\s+times?)\s+(?:a|per)\s+(?:day|week|month|"
        r"year)"
    ),
)
_add(
    "set",
    _c(
        rf"(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)(?i:\s+{PART}s?)?"
    ),
)
_add(
    "set",
    _c(rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?i:\s+{PART}s)"),
)
# references: "now", "currently", "recently", "the past", "the future"
_add(
    "ref",
    _i(
        r"now|right\s+now|just\s+now|currently|nowadays|these\s+days|at\s+present|"
        r"the\s+present|recently|lately|more\s+recently|"
        r"the\s+past|the\s+(?:near\s+|distant\s+|immediate\s+|"
        r"foreseeable\s+)?future|as\s+soon\s+as\s+possible|"
        r"the\s+(?:near|short|long|medium)\s+term|(?:this|that)\s+(?:crucial\s+)?moment|"
        r"the\s+time\s+being"
    ),
)
_add("ref", _i(r"current|recent|annual|(?:very\s+)?soon(?!\s+(?:after|as|before))"))
# named holidays: "Thanksgiving Day", "last Christmas", "Election Day 1998"
# Holidays whose day does not depend on the country ("Independence Day" does,
# so it is left out); not "Easter Island", "Christmas Island".
HOLIDAY = (
    r"(?:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?(?!\s+Island)|"
    r"New\s+Year['\u2019]s(?:\s+(?:Day|Eve))?|Election\s+Day|"
    r"Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Valentine['\u2019]s\s+Day|"
    r"Halloween|Easter(?:\s+(?:Sunday|week))?(?!\s+Island))"
)
# "the day before Thanksgiving in 1991", "Christmas of 2003": the holiday of
# the year written after it, a day off
_add(
    "holiday",
    _c(
        rf"(?:(?i:the\s+day\s+(?:before|after))\s+)?(?:(?i:last|next|this)\s+)?"
        rf"{HOLIDAY}(?:,?\s+{YEAR}|(?i:\s+(?:in|of)\s+){YEAR})?"
    ),
)

# Any expression the grammar can match contains one of these; tagging runs the
# patterns only near them.
TRIGGER = re.compile(
    r"\b(?i:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|"
    r"seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
    r"quarters?|years?|decades?|century|centuries|semesters?|mornings?|afternoons?|"
    r"evenings?|noon|midnight|overnight|midday|today|yesterday|tomorrow|tonight|now|"
    r"currently|current|recent|recently|lately|nowadays|future|past|present|annual|soon|"
    r"annually|daily|weekly|monthly|yearly|nightly|hourly|quarterly|biweekly|spring|"
    r"summer|fall|autumn|winter|ago|time|period|moment|term|while|being|twenties|"
    r"thirties|forties|fifties|sixties|seventies|eighties|nineties|year-ago|"
    r"year-earlier|year-end|mid-?year|q[1-4]|[1-4]q|nineteen|thousand|thanksgiving|"
    r"christmas|halloween|easter)(?![a-z])"
    r"|\d{4}|\d0s|\d[:.]\d\d|\d\s*[ap]\.?m|'\d\d|\d/\d|(?i:mid-?afternoon)"
)

_ALL = frozenset(
    {
        "explicit",
        "iso",
        "month",
        "year",
        "quarter",
        "half",
        "decade",
        "century",
        "weekday",
        "time",
        "deictic",
        "relunit",
        "sameday",
        "weekof",
        "duration",
        "yearago",
        "set",
        "ref",
        "holiday",
    }
)
_UNIT_FAMILIES = frozenset(
    {
        "duration",
        "relunit",
        "deictic",
        "sameday",
        "weekof",
        "quarter",
        "half",
        "set",
        "century",
        "yearago",
        "ref",
        "holiday",
    }
)
_TRIGGER_CLASSES: list[tuple[re.Pattern[str], frozenset[str]]] = [
    (
        re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"),
        frozenset({"explicit", "month", "weekof", "set", "quarter"}),
    ),
    (
        re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?$"),
        frozenset({"weekday", "set", "explicit", "time"}),
    ),
    (
        re.compile(
            r"(?:morning|afternoon|evening|night|noon|midnight|overnight|midday|"
            r"tonight|today|yesterday|tomorrow|mid-?afternoon)"
        ),
        frozenset({"deictic", "time", "weekday", "set", "duration", "relunit"}),
    ),
    (
        re.compile(
            r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|"
            r"centur|semester)"
        ),
        _UNIT_FAMILIES,
    ),
    (
        re.compile(r"^(?:\d{4}|nineteen|thousand|'\d\d)$"),
        frozenset(
            {"year", "explicit", "quarter", "half", "decade", "iso", "month", "time"}
        ),
    ),
    (re.compile(r"^\d0s$"), frozenset({"decade"})),
    (
        re.compile(r"^\d[:.]\d\d$|^\d\s*[ap]"),
        frozenset({"time", "explicit", "weekday"}),
    ),
    (re.compile(r"^\d/\d$"), frozenset({"iso", "duration"})),
    (
        re.compile(r"(?:spring|summer|fall|autumn|winter)"),
        frozenset({"relunit", "year"}),
    ),
    (
        re.compile(
            r"(?:daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|"
            r"biweekly)"
        ),
        frozenset({"set"}),
    ),
    (re.compile(r"ties$"), frozenset({"decade"})),
    (
        re.compile(r"^(?:thanksgiving|christmas|halloween|easter)$"),
        frozenset({"holiday"}),
    ),
    (re.compile(r"^(?:q[1-4]|[1-4]q)$"), frozenset({"quarter"})),
    (
        re.compile(
            r"(?:now|current|recent|lately|future|past|present|annual|moment|term|"
            r"being|time|while|period|ago|soon)"
        ),
        frozenset({"ref", "relunit", "duration", "quarter"}),
    ),
]


def trigger_families(word: str) -> frozenset[str]:
    """The pattern families a trigger word can start or end."""
    low = word.lower()
    out: set[str] = set()
    for pattern, families in _TRIGGER_CLASSES:
        if pattern.search(low):
            out |= families
    return frozenset(out) if out else _ALL
