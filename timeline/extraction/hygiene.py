"""Input hygiene: the parts of a scraped page that are not the article.

Scraped news text carries page furniture (bylines, "updated 6:46 a.m. EST"
stamps, photo credits, related-link lists, share buttons, copyright and
navigation lines, transcript cues) and reader comments with their "| Reply"
signatures and timestamps, often glued onto real sentences. `furniture_spans`
finds them from the shape of the text alone and returns character spans with
a reason; the pipeline makes no event whose date expression lies in one, or
whose sentence is mostly covered by them. Timexes are still tagged and the
text is never changed (offsets stay valid).

The rules read structure, not topics: where a line starts ("By Name |",
"Photograph: Name/Agency"), pipe-separated chrome, timestamps, runs of
capitals, parentheses that hold credits or cues, imperatives addressed to
the reader about the page ("click here"), and comment signatures, which end
one comment each (the text between two signatures is a comment). No Django.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.extraction.nlp import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from timeline.extraction.types import Timex

COMMENT = "comment"
BYLINE = "byline"
TIMESTAMP = "timestamp"
CAPTION = "caption"
CREDIT = "credit"
NAVIGATION = "navigation"
RELATED = "related-links"
SHARE = "share"
COPYRIGHT = "copyright"
HEADING = "heading"
TRANSCRIPT = "transcript"
FRAGMENT = "fragment"
FACT_BOX = "fact-box"
LISTING = "listing"
BLOG = "blog-chatter"
CORRECTION = "correction"
CHAT = "reader-question"
DATED_LIST = "dated-list"


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of the text that are furniture, and why."""

    start: int
    end: int
    reason: str


# --- building blocks ----------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Whole words only: "Thu" must not stop a stamp short of "Thursday, 3 February".
_WEEKDAY = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|"
    r"Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\b\.?"
)
_CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[aApP]\.?\s?[mM]\.?)?"
_ZONE = r"(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|ET|UK)\b"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    rf"\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}})"
)
_STAMP_PART = rf"(?:{_DATE}|{_CLOCK}|{_ZONE}|{_WEEKDAY}|at|on|\d+\s+(?:minutes?|hours?|days?)\s+ago)"
# A timestamp: a date and/or clock time with zones and weekdays around it.
_STAMP = rf"{_STAMP_PART}(?:[\s,;]+{_STAMP_PART})*"

# A comment signature: "Posted by: name | September 19, 2008 4:27 PM | Report
# abuse", "name April 8, 2011 at 12:19 pm | Reply". Each one ends a comment.
_COMMENT_ACTION = r"(?:Reply|Report\s+abuse|Report\s+Abuse)\b"
_SIGNATURE = re.compile(
    rf"(?:Posted\s+by:?\s*[^|\n]{{0,80}}\|\s*{_STAMP}(?:\s*\|\s*{_COMMENT_ACTION})?"
    rf"|(?:{_DATE}|{_CLOCK})(?:[\s,;]+{_STAMP_PART})*\s*\|\s*{_COMMENT_ACTION})"
)
# A signature that heads its comment: "At 08:06 am on 16 Jun 2010, DOGGGO
# wrote: …" (the BBC's); the comment runs to the next one.
_HEADER_SIGNATURE = re.compile(
    rf"(?:At|On|Posted\s+(?:at|on))\s+{_STAMP}\s*,?\s+[^\n:,]{{1,60}}?\s+(?:wrote|said):"
)
# Lines that open a comment section: the first comment starts after them.
_COMMENT_HEADER = re.compile(
    r"(?i)^(?:\d+\s+)?(?:comments?|responses?|replies|reader\s+comments)\b"
    r"|report\s+offensive\s+comments|leave\s+a\s+(?:comment|reply)"
    r"|(?:add|post)\s+(?:a|your)\s+comment"
)
# The site's words about its comments open a comment section ("Views
# expressed in the comments do not represent those of Reuters.", "We welcome
# comments…", "Your comments may be published…"); a closing line ends it.
_COMMENT_POLICY = re.compile(
    r"(?im)^(?:views\s+expressed\s+in\s+(?:the\s+)?comments|we\s+welcome\s+comments"
    r"|your\s+comments?\s+(?:may|will)|(?:the\s+\w+\s+)?(?:may|will)\s+edit\s+your\s+comments"
    r"|please\s+(?:e-?mail\s+us\s+to\s+)?report\s+offensive|comments?\s+(?:are|is)\s+moderated"
    r"|(?:add|post|leave)\s+(?:a|your)\s+(?:comment|reply)|\d+\s+comments?\s*$"
    r"|comments?\s*(?:\(\d+\))?\s*$|reader\s+comments)[^\n]*"
)
# The unambiguous ones, wherever they are glued ("… LLC 2010 We welcome
# comments that advance the story …").
_COMMENT_POLICY_ANYWHERE = re.compile(
    r"(?i)(?:views\s+expressed\s+in\s+the\s+comments|we\s+welcome\s+comments"
    r"|comments\s+may\s+be\s+published|report\s+offensive\s+comments)[^.!?\n]*[.!?]?"
)
_COMMENTS_CLOSED = re.compile(
    r"(?i)(?:this\s+discussion\s+is\s+(?:now\s+)?closed|comments?\s+(?:to\s+this\s+"
    r"(?:entry|post|article|story)\s+)?(?:are|is|have\s+been)\s+(?:now\s+)?closed)[.!]?"
)
_SECTION_MAX = 50_000  # a comment section longer than this is not one section
# How far before the first signature its comment may start (characters),
# when no header line marks it: a typical comment's length, within bounds.
_FIRST_COMMENT_MIN, _FIRST_COMMENT_MAX = 200, 1200
# Comments can be long (thousands of characters between two signatures); a
# longer stretch without one is page text between two comment sections.
_SECTION_GAP = 20_000

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|van|von|der|al|bin|la|le|and|the|of|&))"
_STAFF = r"(?:Staff(?:\s+Writer)?|Correspondent|Reporter|Editor|Writer|Contributor)"
# "By the CNN Wire Staff", "By Chris Cillizza | September 16, 2008; 6:32 AM
# ET", "By The Associated Press 10 hours ago": a name after "By" at the start
# of a line, then the end of the line, a pipe, a dash, a stamp or a role.
_BYLINE = re.compile(
    rf"^\(?By\s+(?!{_MONTH}\s|{_WEEKDAY}\s|the\s+end|the\s+time|then\b)"
    rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,6}}(?:,\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})?"
    rf"(?=\s*(?:$|\||--|—|,\s*{_STAFF}|\s{_STAFF}|\s+{_STAMP_PART}))"
    rf"(?:\s*(?:\||--|—|,)?\s*(?:{_NAME_WORD}\s+)*{_STAFF})?"
    rf"(?:\s*[|;,]?\s*{_STAMP})?(?:\s*\|)?"
)
# "updated 6:46 a.m. EST, Mon March 14, 2011", "Page last updated at 08:58
# GMT, Thursday, 24 June 2010 09:58 UK", "Last updated: 1 may, 2009 - 17:54".
_UPDATED = re.compile(
    rf"(?i:(?:{_DATE}\s+)?(?:page\s+)?(?:last\s+)?(?:updated|posted|published|modified)"
    rf"(?:\s+at|\s+on|:)?)\s+(?:{_WEEKDAY}[\s,]+)?(?i:{_DATE}|{_CLOCK})"
    rf"(?:[\s,;-]+(?i:{_STAMP_PART}))*"
    rf"(?:\s+Help\b)?"
)
# A date with its clock time, as pages stamp a story or a comment ("Thu Apr
# 22, 2010 7:30 pm EDT", "April 8, 2011 at 12:19 pm"); prose writes "at 7:30
# p.m. on April 22". With what precedes it up to a pipe ("HOUSTON | Thu…").
_DATED_CLOCK = re.compile(
    rf"(?:^[^|\n]{{0,60}}\|\s*)?(?:{_WEEKDAY}[\s,]+)?{_DATE}[\s,;]+(?:at\s+)?{_CLOCK}"
    rf"(?:\s*{_ZONE})?(?:\s*\|)?"
)
# A blog's byline with its stamp, the clock first: "James Reynolds | 07:37 UK
# time, Friday, 29 May 2009".
_BYLINE_CLOCK_DATE = re.compile(
    rf"^[^|\n]{{0,60}}\|\s*{_CLOCK}(?:\s*(?:{_ZONE}|UK\s+time|local\s+time))?(?:\s+time)?"
    rf"[\s,;]+(?:{_WEEKDAY}[\s,]+)?{_DATE}"
)
# A line that is nothing but a timestamp.
_STAMP_LINE = re.compile(rf"^\s*(?:{_STAMP})\s*(?:\|.*)?$")
# "(Getty Images)", "(By Brendan Hoffman -- Getty Images)", "(AP Photo/Gerald
# Herbert)", "Photograph: Susana Gonzalez/Reuters".
_AGENCY = (
    r"(?:Getty|Images?|AFP|AP|Reuters|EPA|Bloomberg|Corbis|PA|Photo|Photos|"
    r"Photograph|Pool|Associated\s+Press|For\s+The\s+\w+(?:\s+\w+)?)"
)
_CAPTION_PAREN = re.compile(
    rf"\((?:[^()\n]{{0,80}}?(?:--|—|/|\\/)\s*)?[^()\n]{{0,60}}?\b{_AGENCY}\b[^()\n]{{0,60}}\)"
)
# A parenthesis that tells where a person is in the picture: "Health Minister
# Jose Angel Cordova (pictured above with President Felipe Calderon last week;
# ...) was visibly relieved": a caption's aside, never news.
_PICTURED_PAREN = re.compile(
    r"\((?:[Pp]ictured|[Ss]hown|[Pp]hotographed|[Ss]een)\s+(?:here|above|below|left|right|"
    r"top|bottom|center|centre|at\s+left|at\s+right|on\s+the\s+(?:left|right))\b[^()\n]{0,200}\)"
)
# A photo credit inside a line: "... The Wall Street Bull awaits quarterly
# reports from top US firms Photograph: Michael Nagle\/Getty Images US jobless
# claims fell ...": what comes before it on the line, from the last sentence's
# end, is the picture's caption (and the teasers glued to it).
_INLINE_CREDIT = re.compile(
    r"(?<=\S\s)(?:Photograph|Photo|Picture):\s*[^\n/:]{1,60}?(?:\\?/[A-Z][\w&-]*(?:\s+[Ii]mages)?)+"
)
# A related-link teaser cut short after a little word ("... settlement between
# BP PLC and... British oil giant BP has agreed ..., the... BP PLC reached
# ..."): a run of two or more cut snippets, one of them cut after a word that
# never ends a sentence, is a list of links, not prose ("... the blowout
# preventer... Only seven of the 126 ..." is an ellipsis between sentences).
_SNIPPET_CUT = re.compile(r"(?<=\w)(?:\.\.\.|…)(?=\s|$)")
_LITTLE_WORD = re.compile(
    r"(?i)\b(?:the|a|an|and|or|but|of|to|in|on|at|by|for|from|with|into|that|which|"
    r"who|whose|its|their|his|her|is|are|was|were|has|have|had|will|would|could|"
    r"should|can|may|than|as|be|been|being|this|these|those|said)(?:\.\.\.|…)$"
)
_CAPTION_PREFIX = re.compile(
    r"^(?:Photograph|Photo|Picture|Image|Illustration|Video|Graphic)s?:\s*"
    r"[^\n/]{1,60}?(?:\\?/[A-Z][\w&-]*(?:\s+[Ii]mages)?)+"
)
# "Picture credit: BP CEO Tony Hayward walks past protesters …": a caption;
# "Picture taken April 21, 2010.": a wire photo's date line.
_CAPTION_LINE = re.compile(
    r"^(?:(?:Picture|Photo|Image)\s+(?:credit|caption)|Caption|Pictured)\s*:[^\n]*"
    r"|^(?:Picture|Photo|Photograph|Image)s?\s+(?:was\s+|were\s+)?taken\b[^\n]{0,80}$"
)
# "Shown here is the shoreline of Orange Beach, Ala., on June 3 …".
_CAPTION_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:Shown|Pictured|Seen)\s+(?:here|above|below|left|right)\b[^\n]*?(?:[.!?](?=\s|$)|$)"
)
# Where a person stands in the picture: "BP Chairman Carl-Henric Svanberg
# (left), CEO Tony Hayward and ... leave the White House": a caption's cue,
# never prose's.
_CAPTION_POSITION = re.compile(
    r"\((?:(?:far|second|third|from|centre|center)\s+)?(?:left|right|centre|center|"
    r"L-R|R-L|top|bottom)\)"  # not "(R)": a party, "Gov. Bobby Jindal (R)"
)
# A caption led by its date: "July 17, 2010: The containment stack is shown at
# the site of the Deepwater Horizon oil spill".
# Also with a day and no year, after the agency's name ("July 6: Barges lined
# up to block oil are seen from the air ...", "AFP April 27: Weathered oil ...
# is seen in the Gulf").
_DATED_CAPTION = re.compile(
    rf"^[ \t]*(?:(?:AP|AFP|Reuters|EPA|Getty\s+Images)\s+)?"
    rf"(?:{_DATE}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?):[ \t]+"
    rf"[^\n]*?\b(?:is|are)\s+(?:seen|pictured|shown)\b[^\n]*?(?:[.!?](?=\s|$)|$)"
)
# Led by a photo agency's credit (one or more: "AFP\\/Getty Images") and its
# date, a caption whatever its verb: "AFP\\/Getty Images June 28: Tropical
# Storm Alex is seen churning ...", "Reuters May 3: Workers clean a beach.".
_CAPTION_AGENCY = r"(?:AP(?:\s+Photo)?|AFP|Reuters|EPA|Getty\s+Images|Bloomberg|PA)"
_CREDITED_CAPTION = re.compile(
    rf"^[ \t]*{_CAPTION_AGENCY}(?:[ \t]*\\?/[ \t]*{_CAPTION_AGENCY})*[ \t]+"
    rf"(?:{_DATE}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?):[ \t]+"
    r"[^\n]*?(?:[.!?](?=\s|$)|$)"
)
# A caption led by its day and followed by its photo agency's credit, which
# opens the next line (Fox News: "May 5: A platform is surrounded by the oil
# spill ... River.\nReuters British Petroleum was able to cap ...", "May 4:
# Workers put the finishing touches on the Pollution Control Dome in Port
# Fourchon.\nAFP"): a caption whatever its verb. A chronology's line ("May 5:
# BP says it has shut one of three leaks") is followed by its next entry, not
# by a credit.
_CREDITED_AFTER = re.compile(
    rf"^[ \t]*(?:{_DATE}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?):[ \t]+[^\n]*"
    rf"(?=\n[ \t]*{_CAPTION_AGENCY}(?:[ \t]*\\?/[ \t]*{_CAPTION_AGENCY})*"
    r"(?:[ \t]+[A-Z\"“]|[ \t]*(?:\n|$)))",
    re.M,
)
# A video or frame grab, or a picture from a video or released by someone,
# and what it shows: "A video grab, taken from a BP live video feed, shows a
# robotic arm using a wrench ..., May 27, 2010.", "This image made from video
# released by British Petroleum (BP PLC) shows the gushing oil well ...";
# prose about a picture ("The new image also shows that ...", "A famous
# photograph of ... shows") names no video and no releaser.
_CAPTION_GRAB = re.compile(
    r"(?:^|(?<=\s))(?:An?|This|The)\s+(?:[\w,-]+\s+){0,4}?"
    r"(?:(?:video|frame|screen|TV)\s+grab"
    r"|(?:image|photo|photograph|picture|still)\s+(?:\w+\s+){0,2}?from\s+(?:an?\s+|the\s+)?"
    r"(?:live\s+)?video"
    r"|(?:image|photo|photograph|picture|still)\s+(?:released|provided|distributed|issued)\s+by)"
    r"\b[^\n]*?\bshows?\b[^\n]*?(?:[a-z0-9)][.!?](?=\s|$)|$)"
)
# A corrections notice: "An earlier version of this story misstated ...",
# "The following correction was printed in the Guardian's Corrections and
# clarifications column, Sunday March 27, 2005 In the article below we said
# ...": about the page's own errors, not news (to the end of the line: the
# notice quotes what was wrong).
_CORRECTION = re.compile(
    # "An earlier version of this op-ed", "A previous version of this edited transcript"
    r"(?:^|(?<=[\s(]))(?:An?\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+"
    r"[\w-]+\b"
    r"|The\s+following\s+correction\s+(?:was|has\s+been)\s+(?:printed|published|made|appended)\b"
    r"|Corrections?\s*(?:and\s+clarifications\s*)?:\s)[^\n]*"
)
# Notes about the page itself: "This article appeared on p15 of the Observer
# Review section …", "This article was amended on …", a contact address.
# "This post was last changed at 06:36 PM, April 2 2005, ...", "A version
# appeared on p1 of the Main section ...".
_PAGE_NOTE = re.compile(
    r"(?:^|(?<=[\s(]))(?:This\s+(?:article|story|report|page|content|copy|post|entry|caption|"
    r"photo|picture|image|graphic)\s+"
    r"(?:appeared|was\s+(?:first\s+|last\s+)?(?:published|amended|corrected|updated|"
    r"changed|modified|edited|posted)|has\s+been|may\s+(?:not|be))"
    r"|A\s+version\s+(?:of\s+this\s+\w+\s+)?appeared\s+(?:on\s+p\.?\s?\d+|in\s+(?:the\s+)?[A-Z]\w*)"
    # a moderator's notice in place of a reader's comment
    r"|This\s+(?:comment|post|entry|message|reply)\s+(?:was|has\s+been)\s+"
    r"(?:removed|deleted|withdrawn|hidden|suspended|referred))"
    r"\b[^\n]*?(?:[.!?](?=\s|$)|$)"
)
# A fact box: fields of a label and items separated by semicolons, each item
# with its year or the field of three or more items: "Career History:
# President and CEO, Federal Reserve Bank of New York; Vice Chairman, ... (Nov.
# 2003 to Jan. 2009); ... Alma Mater: Dartmouth College, Bachelor's Degree,
# 1983; Johns Hopkins School ..., Master's, 1985".
_FACT_FIELD = re.compile(
    r"(?:^|(?<=\s))[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}:\s+"
    r"(?:[^;:\n]{2,160};\s*)+[^;:\n]{2,160}?(?:\b(?:1[6-9]|20)\d\d\b\)?|\))"
)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_PARENTHESIS = re.compile(r"\([^()]*\)")
_LONG_LOWER = re.compile(r"(?<![\w'’])[a-z][a-z'’-]{3,}\b")  # "said", "again"


def _is_fact_field(field: str) -> bool:
    """Items of names, titles and years, not clauses: no lowercase word longer
    than "the" or "for" outside parentheses ("B.A. (history)")."""
    items = field.split(":", 1)[1].split(";")
    if len(items) < 3 and not all(_YEAR.search(item) for item in items):
        return False
    return not _LONG_LOWER.search(_PARENTHESIS.sub("", field))


# A photo caption: "In this image taken from video provided by BP PLC ...",
# "A logo is seen at a BP fuel station in London July 27, 2010."
_CAPTION_IMAGE = re.compile(
    r"(?:^|(?<=\s))In\s+this\s+(?:\w+\s+){0,2}(?:image|photo|photograph|picture|"
    r"frame\s+grab|video\s+grab|handout)\b[^\n]*?(?:[a-z]{2}[.!?](?=\s+[A-Z\"“]|\s*$)|$)"
    rf"|(?:^|(?<=[.!?]\s))[A-Z][^.!?\n]{{0,160}}?\b(?:is|are)\s+(?:seen|pictured|shown)\b"
    rf"[^.!?\n]{{0,160}}?{_DATE}\.?(?=\s|$)"
    # a wire photo's caption: a present tense, then ", in <place> <date>." with
    # no "on" ("A BP petrol station is reflected in a car, in London April 28, 2009.")
    rf"|(?:^|(?<=[.!?]\s))[A-Z][^.!?\n]{{0,160}}?\b(?:is|are)\s+(?:\w+\s+)?\w+(?:ed|en|ing)\b"
    rf"[^.!?\n]{{0,160}}?,\s+in\s+[A-Z][\w'’-]*(?:,?\s+[A-Z][\w'’.-]*){{0,3}},?\s+{_DATE}"
    r"\.?(?=\s|$)"
)
# A wire photo's caption with no "is seen": a present tense, then the place
# and the date with no preposition before it ("A worker ties a boom used to
# mop oil ... from a beach in Gulf Shores, Alabama, June 24, 2010.", "Tourists
# wearing masks walk down the street in Osaka May 15, 2009.", "... at their
# headquarters in London, Tuesday, Nov. 2, 2010."); prose writes "on June 24".
# The place's words may be abbreviated ("Grand Isle, La., Monday, July 19").
_WIRE_CAPTION_END = re.compile(
    r"(?<=[a-z])\s+(?:in|at|near|off|outside|along|over)\s+"
    rf"(?:the\s+)?(?!{_WEEKDAY}\b|{_MONTH}\s)"
    # the place's last word right before the date ("near London on 15 June
    # 1215" is prose)
    r"[A-Z](?:(?:[A-Z][a-z]{0,3}\.|[^.!?\n]){0,120}?\s)?[A-Z][A-Za-z'’-]*\.?,?\s+"
    rf"(?:{_WEEKDAY},?\s+)?{_DATE}\.(?=\s|$)"
)
# A word before a period that ends no sentence: "La.", "Fla.", "Oct.", "U.S.".
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Z]\.)+[A-Z]?)\.[\"”’')\]]*\s+$"
)
# A caption tells the picture in the present: a past or a future is prose's.
_NOT_A_CAPTION = re.compile(r"\b(?:was|were|had|has|have|said|did|will|would)\b")


def _wire_caption_spans(line: str) -> list[tuple[int, int]]:
    """Wire captions ending in their place and date (`_WIRE_CAPTION_END`):
    from the sentence's start (a period after an abbreviation is none) to the
    date, when the sentence tells no past or future and is caption-long."""
    out = []
    for m in _WIRE_CAPTION_END.finditer(line):
        start = 0
        for end in _SENTENCE_END.finditer(line, 0, m.start()):
            if not _ABBREVIATION.search(line, 0, end.end()):
                start = end.end()
        sentence = line[start : m.end()]
        if (
            (sentence[:1].isupper() or sentence[:1] in '(“"')
            and len(sentence) <= 400
            and not _NOT_A_CAPTION.search(sentence)
        ):
            out.append((start, m.end()))
    return out


# A poll's methodology note: "ICM interviewed a random sample of 1,005 adults
# aged 18+ by telephone between July 15 and 17.", "The national telephone poll
# was conducted for Fox News by Opinion Dynamics Corp. among 900 registered
# voters from May 18 to May 19.", "The margin of error is ...".
_METHOD_NOTE = re.compile(
    r"(?i:\b(?:poll|survey)s?\s+(?:was|were|is|has\s+been)\s+(?:\w+\s+)?conducted\b"
    # a sample, or a count of respondents reached by telephone or online
    r"|\binterviewed\s+(?:an?\s+(?:\w+\s+){0,2}sample\s+of\s+"
    r"|(?:more\s+than\s+|some\s+)?\d[\d,]*\s+(?:\w+\s+){0,3}(?:adults|voters|people|"
    r"respondents|residents|citizens|Americans|Britons|households)\b[^.\n]{0,80}?"
    r"\b(?:by\s+(?:tele)?phone|online)\b)"
    r"|\bmargin\s+of\s+(?:sampling\s+)?error\b)"
)
# A graphic's source line: "SOURCES: BP, NOAA | The Washington Post - Oct. 20, 2010".
_SOURCE_LINE = re.compile(
    r"(?:^|(?<=\s))(?:SOURCES?|Sources?|GRAPHIC|Graphic)\s*:[^\n]*"
)
# A programme listing: "This Prom will be broadcast on BBC Four at 7.30 pm
# tonight, and is repeated on BBC Radio 3 ...".
_LISTING = re.compile(
    r"(?:^|(?<=\s))This\s+(?:Prom|programme|program|show|episode|concert|broadcast|"
    r"documentary|series|edition)\s+(?:is|will\s+be|can\s+be)\s+(?:\w+\s+)?"
    r"(?:broadcast|repeated|shown|aired|heard|screened|available)\b[^\n]*?"
    r"(?:[a-z0-9]{2}[.!?](?=\s+[A-Z\"“]|\s*$)|$)"
)
# A live blog's entry stamp: "11.39 pm: Time to wrap things up", "2.05 pm:
# Svanberg explains ...", "12.46 BST: ..." (a clock, then a colon: prose
# writes "at 2.05 pm"). The stamp is furniture; the entry after it is not.
_ENTRY_STAMP = re.compile(
    rf"(?:^|(?<=\s))\d{{1,2}}[:.]\d\d(?:\s*[aApP]\.?\s?[mM]\.?)?(?:\s*{_ZONE})?:(?=\s)"
    r"|^\d{1,2}[:.]\d\d(?:\s*[aApP]\.?\s?[mM]\.?)?\s*(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]T)\b(?=\s+[A-Z])",
    re.M,
)
# A live blog's own chatter at the start of an entry: greetings, hand-overs and
# sign-offs ("Afternoon all, and welcome to our live coverage", "Time to wrap
# things up for the night", "That's all from me").
_BLOG_CHATTER = re.compile(
    r"(?i:good\s+(?:morning|afternoon|evening|night)\b|(?:morning|afternoon|evening|hello|hi)"
    r",?\s+(?:all|everyone|everybody)\b|welcome\s+(?:back\s+)?to\s+(?:our|the|this)\b"
    r"|time\s+to\s+(?:wrap|sign\s+off|call\s+it|close|end|say\s+goodbye|leave\s+you)\b"
    r"|that'?s\s+(?:all|it)\s+(?:from|for)\b|thanks?\s+(?:you\s+)?(?:all\s+)?for\s+"
    r"(?:reading|following|joining|your\s+comments)|(?:we|I)'?(?:ll|\s+will)\s+be\s+back\b"
    r"|(?:I'?m|I\s+am|we'?re|we\s+are)\s+(?:signing|handing)\s+(?:off|over)\b|signing\s+off\b)"
)
_ENTRIES_OF_A_BLOG = 3  # stamped entries that make a page a live blog
# A broadcaster's schedule slot: "6.00-7.00 pm BBC RADIO 5 LIVE ...",
# "12.00noon-6.00 pm", "From 9pm, ..."; or a short line of a clock or a
# weekday and a title ("9.00 Today", "Monday: The Archers").
_SLOT_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[aApP]\.?[mM]\.?|noon|midnight)"
_SLOT = re.compile(
    rf"^\s*(?:\d{{1,2}}[:.]\d\d\s*(?:[aApP]\.?[mM]\.?|noon|midnight)?\s*[-–]\s*"
    rf"\d{{1,2}}[:.]\d\d\s*(?:[aApP]\.?[mM]\.?|noon|midnight)?"
    rf"|From\s+{_SLOT_CLOCK}\b)"
)
_SHORT_SLOT = re.compile(
    rf"^\s*(?:\d{{1,2}}[:.]\d\d(?:\s*[aApP]\.?[mM]\.?)?|{_WEEKDAY}:?)\s+[A-Z][^.!?\n]{{0,60}}$"
)
# A listing: at least this many slots, at least one every that many lines.
_SLOTS_OF_A_LISTING, _LINES_PER_SLOT = 3, 50
_EMAIL_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# "(Reporting by Maggie Fox; Editing by Will Dunham)".
_CREDIT = re.compile(
    r"\((?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch)"
    r"\s+by\b[^()\n]*\)"
)
# The reader told what to do with the page: "click here", "(For more Reuters
# coverage, please click here: here)", "Send us an e-mail.", "Press F5".
_NAV_PAREN = re.compile(
    r"\((?:[^()\n]{0,120}?)(?:click|go\s+to:|see:|visit|tap)\b[^()\n]{0,120}\)", re.I
)
_WEB_NOUN = (
    r"(?:here|link|page|inbox|e-?mail|newsletter|feeds?|rss|twitter|facebook|"
    r"video|photos?|gallery|graphics?|blog|site|website|coverage|podcast|"
    r"comments?|updates|alerts?|F5|button|form|box|app|weeknights|weekdays|nightly|"
    # a broadcaster's listing: "Watch the next program on Saturday, 29 January at 0330 GMT"
    r"programs?|programmes?|episodes?|shows?|broadcasts?)"
)
_NAV_SENTENCE = re.compile(
    # also after a line's dash or bullet: "-- Watch “Hannity” weeknights at 9 p.m. ET!"
    rf"(?:^(?:[ \t]*(?:--?|—|–|•)[ \t]*)?|(?<=[.!?]\s))(?:[Pp]lease\s+)?(?:Click|Tap|Read|Follow|Sign\s+up|"
    rf"Subscribe|Send|E-?mail|Share|Watch|Listen|View|Explore|Get|Download|"
    rf"Tell|Join|Visit|See|Find|Register|Log\s+in|To\s+refresh|Press|Print)\b"
    rf"(?i:[^.!?\n]{{0,160}}?\b{_WEB_NOUN}\b[^.!?\n]{{0,160}}[.!?]?)"
)
_CLICK_HERE = re.compile(r"(?i)\bclick\s+(?:here|on|the\s+link)\b")
# "-- photos", "-- video": a related-link entry; "Related:", "See also:".
_RELATED = re.compile(
    r"(?i)(?:^(?:related|see\s+also|more|most\s+popular|most\s+read|read\s+more|"
    r"also\s+on|recommended)\b\s*(?:stories|articles|links|content|news)?\s*:"
    r"|\s--?\s(?:photos?|video|graphic|audio|gallery|interactive)\b)"
)
_PIPE = re.compile(r"\s\|\s")
# Share/retweet chrome: two or more such words in a row.
_CHROME_WORD = (
    r"(?:Share(?:\s+this)?|E-?mail|Print|Tweet|Retweet|Like|Comment|Comments|"
    r"Facebook|Twitter|Digg|Reddit|StumbleUpon|Delicious|LinkedIn|Google\+?|Save|"
    r"Recommend|Bookmark|Permalink|Buzz)"
)
# Capitalised like buttons ("Share Email Print", "Permalink | Comments (2)"),
# or one in capitals ("RETWEET").
_SHARE = re.compile(
    rf"(?<![\w'])(?:{_CHROME_WORD}(?:\s*[|/•·]?\s*(?:\(\d+\)|\d+)?\s*{_CHROME_WORD})+"
    rf"|(?:SHARE|RETWEET|TWEET|EMAIL|E-MAIL|PRINT|COMMENTS?)(?:\s+(?:THIS|\d+))?)"
    rf"(?:\s*\(\d+\))?(?![\w'])"
)
_EMAIL_FRIEND = re.compile(r"(?i)\be-?mail\s+(?:this\s+)?to\s+a\s+friend\b")
_COPYRIGHT = re.compile(
    r"(?i)(?:copyright\s*(?:©|\(c\))?\s*(?:\d{4}|[A-Z])|©\s*\d{4}|all\s+rights\s+reserved"
    r"|(?:^|(?<=\s))(?:©|\(c\))\s*(?-i:[A-Z0-9])"
    r"|may\s+not\s+be\s+(?:published|reproduced|redistributed|rewritten))"
)
# Three or more words in capitals: a section heading or a shouted headline
# glued to the text ("NEW CAP FOR LEAKING OIL WELL Once the tests…").
_CAPS_WORD = r"(?:(?:\d+-)?[A-Z][A-Z'’&-]*[A-Z]|[A-Z]\.(?:[A-Z]\.)+)"
_CAPS_RUN = re.compile(
    rf"(?<![\w'])(?:{_CAPS_WORD}|\d+)(?:,?[ \t]+(?:[,:&-]\s*)?(?:{_CAPS_WORD}|\d+|A|I|&)){{2,}}"
    r"(?:[ \t]*[:?!.])?(?![\w'])"
)
# "(BEGIN VIDEO CLIP)", "(LAUGHTER)", "(COMMERCIAL BREAK)".
_CUE = re.compile(
    r"\((?:[A-Z][A-Z'’-]+[ \t]+[A-Z][A-Z'’ \t-]*|LAUGHTER|APPLAUSE|CROSSTALK|"
    r"INAUDIBLE|UNINTELLIGIBLE|BREAK)\)"
)
# A transcript's speaker label: "ANDERSON COOPER, CNN ANCHOR: Good evening."
# (the label, not what is said).
_SPEAKER = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+)*(?:,[ \t]*[A-Z][A-Z .'’-]+)?:(?=\s|$)"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s+|$)")
_TERMINAL = re.compile(r"[.!?:;\"”’')]\s*$")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,")


def _sentence_bounds(line: str, pos: int) -> tuple[int, int]:
    """The sentence of `line` around `pos` (a plain punctuation split)."""
    start = 0
    for m in _SENTENCE_END.finditer(line, 0, pos):
        start = m.end()
    m = _SENTENCE_END.search(line, pos)
    end = m.end() if m else len(line)
    return start, end


# --- comments -----------------------------------------------------------------


def _comment_spans(text: str) -> list[Span]:
    sigs = [m for m in _SIGNATURE.finditer(text) if not _on_byline(text, m.start())]
    if not sigs:
        return []
    gaps = sorted(b.start() - a.end() for a, b in zip(sigs, sigs[1:], strict=False))
    # The first comment is about as long as the others (one line in a list
    # of one-line comments), else _FIRST_COMMENT_MIN.
    typical = gaps[len(gaps) // 2] if gaps else _FIRST_COMMENT_MIN
    budget = min(typical, _FIRST_COMMENT_MAX)
    spans: list[Span] = []
    region_start = _first_comment_start(text, sigs[0].start(), budget)
    prev_end = region_start
    for sig in sigs:
        if sig.start() - prev_end > _SECTION_GAP:
            # A long stretch without signatures: article text between two
            # comment sections; this comment starts as the first one does.
            spans.append(Span(region_start, prev_end, COMMENT))
            region_start = _first_comment_start(text, sig.start(), budget)
        prev_end = sig.end()
    line_end = text.find("\n", prev_end)
    # The last signature's line: a comment's action links run to its end.
    tail = text[prev_end : len(text) if line_end < 0 else line_end]
    if len(tail.strip()) <= 40:
        prev_end += len(tail)
    spans.append(Span(region_start, prev_end, COMMENT))
    return spans


def _header_comment_spans(text: str) -> list[Span]:
    """Comments under a heading signature: each runs to the next heading;
    the last, to the end of its line (what follows may be the page again)."""
    heads = list(_HEADER_SIGNATURE.finditer(text))
    if not heads:
        return []
    spans = []
    nexts: list[re.Match[str] | None] = [*heads[1:], None]
    for head, nxt in zip(heads, nexts, strict=True):
        if nxt is not None and nxt.start() - head.start() <= _SECTION_GAP:
            end = nxt.start()
        else:
            end = text.find("\n", head.end())
            end = len(text) if end < 0 else end
        spans.append(Span(head.start(), end, COMMENT))
    return spans


def _section_spans(text: str) -> list[Span]:
    """The site's comment notices, and what lies between one and the line
    that closes the discussion."""
    spans = []
    closes = list(_COMMENTS_CLOSED.finditer(text))
    for m in _COMMENT_POLICY_ANYWHERE.finditer(text):
        spans.append(Span(m.start(), m.end(), COMMENT))
    for m in _COMMENT_POLICY.finditer(text):
        spans.append(Span(m.start(), m.end(), COMMENT))
        end = next(
            (c.end() for c in closes if m.end() <= c.start() < m.end() + _SECTION_MAX),
            None,
        )
        if end is not None:
            spans.append(Span(m.end(), end, COMMENT))
    return spans


def _on_byline(text: str, pos: int) -> bool:
    """A story's own byline ("By Name | date | Reply") signs no comment."""
    start = text.rfind("\n", 0, pos) + 1
    return bool(_BYLINE.match(text, start)) and pos - start < 80


def _first_comment_start(text: str, sig_start: int, budget: int) -> int:
    """Where the comment the first signature ends begins: after a comment
    header line if one is near, else about one typical comment back, at a
    line start (never before the signature's own line)."""
    own_line = text.rfind("\n", 0, sig_start) + 1
    lo = max(0, sig_start - budget)
    start = own_line
    pos = own_line
    while pos > lo:
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1]
        if _COMMENT_HEADER.search(line):
            return pos
        if prev < lo:
            break
        start = pos = prev
    return start


# --- everything else, line by line ---------------------------------------------


def _line_spans(line: str, offset: int) -> list[Span]:
    out: list[Span] = []

    def add(start: int, end: int, reason: str) -> None:
        if end > start:
            out.append(Span(offset + start, offset + end, reason))

    stripped = line.strip()
    if not stripped:
        return out
    if m := _BYLINE.match(line):
        add(m.start(), m.end(), BYLINE)
    for m in _UPDATED.finditer(line):
        add(m.start(), m.end(), TIMESTAMP)
    for m in _DATED_CLOCK.finditer(line):
        add(m.start(), m.end(), TIMESTAMP)
    if m := _BYLINE_CLOCK_DATE.match(line):
        add(m.start(), m.end(), BYLINE)
    if _STAMP_LINE.match(line) and not _SIGNATURE.search(line):
        add(0, len(line), TIMESTAMP)
    if m := _CAPTION_PREFIX.match(line):
        add(m.start(), m.end(), CAPTION)
    if m := _CAPTION_LINE.match(line):
        add(m.start(), m.end(), CAPTION)
    for m in _CAPTION_SENTENCE.finditer(line):
        add(m.start(), m.end(), CAPTION)
    for m in _CAPTION_POSITION.finditer(line):
        add(*_sentence_bounds(line, m.start()), CAPTION)
    if m := _DATED_CAPTION.match(line):
        add(m.start(), m.end(), CAPTION)
    if m := _CREDITED_CAPTION.match(line):
        add(m.start(), m.end(), CAPTION)
    for m in _CAPTION_GRAB.finditer(line):
        add(m.start(), m.end(), CAPTION)
    for m in _CORRECTION.finditer(line):
        add(m.start(), m.end(), CORRECTION)
    for m in _LISTING.finditer(line):
        add(m.start(), m.end(), NAVIGATION)
    for m in _METHOD_NOTE.finditer(line):
        add(*_sentence_bounds(line, m.start()), NAVIGATION)
    for m in _SOURCE_LINE.finditer(line):
        add(m.start(), m.end(), CREDIT)
    for m in _CAPTION_IMAGE.finditer(line):
        add(m.start(), m.end(), CAPTION)
    for start, end in _wire_caption_spans(line):
        add(start, end, CAPTION)
    for m in _PAGE_NOTE.finditer(line):
        add(m.start(), m.end(), NAVIGATION)
    for m in _FACT_FIELD.finditer(line):
        if _is_fact_field(m.group()):
            add(m.start(), m.end(), FACT_BOX)
    for m in _EMAIL_ADDRESS.finditer(line):
        add(*_sentence_bounds(line, m.start()), NAVIGATION)
    for m in _CAPTION_PAREN.finditer(line):
        add(m.start(), m.end(), CAPTION)
    for m in _PICTURED_PAREN.finditer(line):
        add(m.start(), m.end(), CAPTION)
    for m in _INLINE_CREDIT.finditer(line):
        ends = [e.end() for e in _SENTENCE_END.finditer(line, 0, m.start())]
        add(ends[-1] if ends else 0, m.end(), CAPTION)
    if teasers := _teaser_run_end(line):
        add(0, teasers, RELATED)
    for m in _CREDIT.finditer(line):
        add(m.start(), m.end(), CREDIT)
    for m in _NAV_PAREN.finditer(line):
        add(m.start(), m.end(), NAVIGATION)
    for m in _NAV_SENTENCE.finditer(line):
        add(m.start(), m.end(), NAVIGATION)
    for m in _CLICK_HERE.finditer(line):
        add(*_sentence_bounds(line, m.start()), NAVIGATION)
    for m in _RELATED.finditer(line):
        if m.group().lstrip()[:1] == "-":
            # "Oil execs in Senate hearing … -- photos": the entry before it
            add(0, m.end(), RELATED)
        else:
            add(m.start(), len(line), RELATED)
    if len(_PIPE.findall(line)) >= 2 and not _SIGNATURE.search(line):
        add(0, len(line), RELATED)
    for m in _SHARE.finditer(line):
        add(m.start(), m.end(), SHARE)
    for m in _EMAIL_FRIEND.finditer(line):
        add(m.start(), m.end(), SHARE)
    for m in _COPYRIGHT.finditer(line):
        add(*_sentence_bounds(line, m.start()), COPYRIGHT)
    for m in _CAPS_RUN.finditer(line):
        if sum(ch.isalpha() for ch in m.group()) >= 8:
            add(m.start(), m.end(), HEADING)
    for m in _CUE.finditer(line):
        add(m.start(), m.end(), TRANSCRIPT)
    if m := _SPEAKER.match(line):
        add(m.start(), m.end(), TRANSCRIPT)
    words = stripped.split()
    if (
        len(words) <= 3
        and not _TERMINAL.search(stripped)
        and not _DATELINE.match(stripped)
    ):
        add(0, len(line), FRAGMENT)  # a button or label: "Change to 1992"
    return out


def _teaser_run_end(line: str) -> int:
    """Where a run of cut related-link teasers ends on the line (0: none)."""
    cuts = list(_SNIPPET_CUT.finditer(line))
    if len(cuts) < 2:
        return 0
    if not any(
        _LITTLE_WORD.search(line, max(0, c.start() - 12), c.end()) for c in cuts
    ):
        return 0
    return cuts[-1].end()


def _listing_spans(text: str) -> list[Span]:
    """A programme schedule ("6.00-7.00 pm BBC RADIO 5 LIVE Mark Pougatch
    presents ...", "From 9pm, ..."): slots that open lines, at least one in
    every `_LINES_PER_SLOT` lines. Its blurbs are listings, not news: the
    whole page is screened."""
    lines = text.split("\n")
    slots = sum(1 for line in lines if _SLOT.match(line) or _SHORT_SLOT.match(line))
    if slots < _SLOTS_OF_A_LISTING or len(lines) > slots * _LINES_PER_SLOT:
        return []
    return [Span(0, len(text), LISTING)]


def _blog_spans(text: str) -> list[Span]:
    """A live blog's entry stamps ("11.39 pm:"), and, on a page of at least
    `_ENTRIES_OF_A_BLOG` entries, the sentences of the blog's own chatter
    that open an entry or a line."""
    stamps = list(_ENTRY_STAMP.finditer(text))
    spans = [Span(m.start(), m.end(), TIMESTAMP) for m in stamps]
    if len(stamps) < _ENTRIES_OF_A_BLOG:
        return spans
    starts = [m.end() for m in stamps]
    starts += [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for start in starts:
        while start < len(text) and text[start] in " \t":
            start += 1
        if not _BLOG_CHATTER.match(text, start):
            continue
        line_start, line_end = line_at(text, start)
        _, end = _sentence_bounds(text[line_start:line_end], start - line_start)
        end += line_start
        colon = text.find(": ", start, end)  # "Good morning: BP said ..."
        spans.append(Span(start, end if colon < 0 else colon + 1, BLOG))
    return spans


# A live chat's line label: "Santa Fe, N.M.: What's your ...?", "Laura Ellen
# Kodres: Your wish list is long" (a place or a name, then a colon).
_CHAT_LABEL = re.compile(
    r"^[ \t]*([A-Z][\w.'’-]*(?:,?[ \t]+[A-Z][\w.'’-]*){0,4}):[ \t]+(?=\S)", re.M
)
_HOST_TURNS = 3  # answers under one label that make a page a chat
_READER_TURNS = 2  # other labels, each a reader's question


def _chat_spans(text: str) -> list[Span]:
    """A live chat's reader questions ("Santa Fe, N.M.: What's your
    first-priority crisis fix? ... I guess I'm asking what the government could
    do for us today"): on a page where one label (the host) answers at least
    `_HOST_TURNS` times and at least `_READER_TURNS` turns under other labels
    hold a question answered by the host's next turn, each such reader's
    turn, up to that answer, is a reader's words, not news. The host's
    answers stay, and a turn the host does not answer next (a labelled
    paragraph of a column: "Town Hall Tryout: Obama has ...") is no question."""
    labels = list(_CHAT_LABEL.finditer(text))
    if len(labels) < _HOST_TURNS + _READER_TURNS:
        return []
    counts: dict[str, int] = {}
    for m in labels:
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    host = max(counts, key=lambda k: counts[k])
    if counts[host] < _HOST_TURNS:
        return []
    spans: list[Span] = []
    for i, m in enumerate(labels):
        if m.group(1) == host:
            continue
        nxt = labels[i + 1] if i + 1 < len(labels) else None
        if nxt is None or nxt.group(1) != host:
            continue  # no answer from the host next: not a chat's question
        if "?" in text[m.start() : nxt.start()]:
            spans.append(Span(m.start(), nxt.start(), CHAT))
    return spans if len(spans) >= _READER_TURNS else []


# A reader's post quoted under its sender's name: "Margi: “I am looking for
# any information ...”", "... a query by Robin Barna in May 2010: David: “In
# response to ...”" (a name of one to three words, a colon, an opening
# quotation mark), at a line's start or after a colon.
_POST_LABEL = re.compile(
    r"(?:^|(?<=[:)])[ \t]+)[ \t]*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
    r"[ \t]*:[ \t]*[“\"]",
    re.M,
)
_POST_CLOSE = re.compile(r"[”\"]")
_FIRST_PERSONS = r"I|I'm|I’m|I've|I’ve|[Mm]y|[Mm]e|[Ww]e|[Oo]ur"
_FIRST_PERSON_WORD = re.compile(rf"\b(?:{_FIRST_PERSONS})\b")
_POSTS_MIN = 4  # quoted first-person posts under names that make a page of them
_POST_MAX = 5_000  # a post longer than this is not one post
_POSTS_PAGE = 0.4  # a page this much of whose text is posts is all posts


def _post_spans(text: str) -> list[Span]:
    """A page of readers' posts (letters, queries, "your views"): when at
    least `_POSTS_MIN` quotations in the first person each open under a
    sender's first name, the sender named in full just before ("Margi Kelly
    would like ...: Margi: “I am looking for ...”"), each such quotation, from its line's start (the site's line introducing it: "Margi
    Kelly would like information about a relative from Knighton:") to its
    last closing quotation mark before the next one (unclosed: to the next
    one's line), is a reader's words,
    not news; so is a short line before it that names the sender ("Rosalyn
    Fisher of Ottawa sent us this reply ..."). When the posts are
    `_POSTS_PAGE` of the text or more, the whole page is."""
    labels = list(_POST_LABEL.finditer(text))
    if len(labels) < _POSTS_MIN:
        return []
    posts: list[tuple[int, int, str]] = []
    first_person = 0
    for m, nxt in zip(labels, [*labels[1:], None], strict=True):
        limit = min(len(text), m.end() + _POST_MAX)
        if nxt is not None:
            limit = min(limit, nxt.start())
        closes = [c.end() for c in _POST_CLOSE.finditer(text, m.end(), limit)]
        if closes:
            end = closes[-1]
        elif nxt is not None and nxt.start() - m.end() <= _SECTION_GAP:
            end = text.rfind("\n", 0, nxt.start()) + 1  # unclosed: to the next
        else:
            end = line_at(text, m.end())[1]
        sender = m.group(1)
        # The site introduced the sender by full name just before ("Margi
        # Kelly would like ...: Margi: “"): a hearing's or a debate's
        # speakers ("Hayward: “", "Senator Boxer: “") are not readers.
        if " " in sender or not re.search(
            rf"\b{re.escape(sender)}[ \t]+[A-Z]",
            text[max(0, m.start() - 300) : m.start()],
        ):
            continue
        first_person += bool(_FIRST_PERSON_WORD.search(text, m.end(), end))
        posts.append((m.start(), end, sender))
    if first_person < _POSTS_MIN:
        return []
    spans = []
    for start, end, sender in posts:
        line_start = line_at(text, start)[0]
        if line_start:  # the line before: the site's introduction?
            before, before_end = line_at(text, line_start - 1)
            introduction = text[before:before_end]
            if 0 < len(introduction) <= 300 and re.search(
                rf"\b{re.escape(sender)}\b", introduction
            ):
                line_start = before
        spans.append(Span(line_start, end, COMMENT))
    if Screen(spans).covered(0, len(text)) >= _POSTS_PAGE * len(text):
        # Mostly posts: a page of them, whose other lines are posts too
        # (unlabelled ones, "My grandfather was born in 1897 ...").
        return [Span(0, len(text), COMMENT)]
    return spans


# A notice that readers' posting has closed, as a page of posts opens with it
# ("This topic has now closed.", "This debate is now closed.", "... but
# commenting has closed.").
_POSTING_CLOSED = re.compile(
    r"(?i)\b(?:(?:this|the)\s+(?:topic|debate|discussion|forum|thread|conversation)"
    r"\s+(?:has\s+|is\s+)?(?:now\s+)?(?:been\s+)?closed"
    r"|comment(?:ing|s)?\s+(?:has|have|is|are)\s+(?:now\s+)?(?:been\s+)?closed)\b"
)
# A reader speaks for themselves or to the others: first- and second-person
# words outside quotation marks.
_PERSONAL_WORD = re.compile(
    rf"\b(?:{_FIRST_PERSONS}|I'd|I’d|I'll|I’ll|[Uu]s|[Yy]ou|[Yy]our)\b"
)
_QUOTED = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"?|``[^\n]*?''")
_CLOSED_AT_MOST = 0.5  # the notice opens the posts: in the page's first half
_CLOSED_POSTS_LINES = 10  # lines of posts after it, at least
_CLOSED_POSTS_PERSONAL = 0.3  # of which this share speak in the first or second person


def _closed_posts_spans(text: str) -> list[Span]:
    """A page of readers' posts under no names: the site's prompt ("Tell me
    about a piece of news which came as a bolt from the blue", "How concerned
    are you?"), a notice that posting has closed, then the readers' posts.
    When the notice lies in the page's first half and at least
    `_CLOSED_POSTS_PERSONAL` of the lines after it (of four words or more)
    speak in the first or second person outside quotation marks (news text:
    a median of 4%), everything from the notice on is readers' words; the
    prompt before it (the site's own news summary) is kept. A notice
    closing a story's comments at its foot opens nothing."""
    m = _POSTING_CLOSED.search(text)
    if m is None or m.start() > _CLOSED_AT_MOST * len(text):
        return []
    lines = [ln for ln in text[m.end() :].split("\n") if len(ln.split()) >= 4]
    if len(lines) < _CLOSED_POSTS_LINES:
        return []
    personal = sum(bool(_PERSONAL_WORD.search(_QUOTED.sub(" ", ln))) for ln in lines)
    if personal < _CLOSED_POSTS_PERSONAL * len(lines):
        return []
    return [Span(m.start(), len(text), COMMENT)]


# A writer's bio opens with their full name and their post ("Emma Farge is an
# energy correspondent, ...", "Ben Klayman is based in Detroit and ...").
_BIO_OPENING = re.compile(
    r"^([A-Z][\w'’-]+)(?:[ \t]+[A-Z]\.?)?(?:[ \t]+([A-Z][\w'’-]+))+[ \t]+(?:is|has[ \t]+been)[ \t]+"
    r"(?:based[ \t]+in\b|an?[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:writer|reporter|correspondent"
    r"|editor|columnist|journalist|blogger)s?\b"
    # a post at a news organisation: "Eric Auchard is editiorial innovation
    # director at Reuters News."
    r"|(?:an?[ \t]+|the[ \t]+)?(?:[\w-]+[ \t]+){0,4}?(?:director|producer|editor|chief|head)"
    r"[ \t]+(?:at|of|for)[ \t]+(?:the[ \t]+)?(?:Reuters|Associated[ \t]+Press|AP|AFP|BBC"
    r"|[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*[ \t]+(?:News|Times|Post|Journal|Guardian|Observer"
    r"|Telegraph|Tribune)\b))",
    re.M,
)
_BIO_MAX = 1_500  # a bio at the page's foot is short
_BIO_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")


def _credited_after_spans(text: str) -> list[Span]:
    """Day-led captions whose credit opens the next line (`_CREDITED_AFTER`)."""
    return [Span(m.start(), m.end(), CAPTION) for m in _CREDITED_AFTER.finditer(text)]


def _bio_spans(text: str) -> list[Span]:
    """A writer's bio at the page's foot: a line naming a writer in full with
    their post ("Ben Klayman is based in Detroit and in April was named
    leader of the global automotive team for Reuters."), within the last
    `_BIO_MAX` characters, and after it only lines about that person (each
    names them or says "he"/"she": "He joined Reuters in Detroit in 1998 to
    cover autos."). From that line to the end is the byline's, not news."""
    tail = max(0, len(text) - _BIO_MAX)
    for m in _BIO_OPENING.finditer(text, text.rfind("\n", 0, tail) + 1):
        first, last = m.group(1), m.group(2)
        person = re.compile(rf"\b(?:{re.escape(first)}|{re.escape(last)})\b")
        rest = [
            ln for ln in text[line_at(text, m.start())[1] :].split("\n") if ln.strip()
        ]
        if all(person.search(ln) or _BIO_PRONOUN.search(ln) for ln in rest):
            return [Span(m.start(), len(text), BYLINE)]
    return []


def furniture_spans(text: str) -> list[Span]:
    """The spans of `text` that are page furniture or reader comments, sorted
    by start (they may overlap; each carries the reason that found it)."""
    spans = _comment_spans(text) + _header_comment_spans(text) + _section_spans(text)
    spans += _listing_spans(text) + _blog_spans(text) + _chat_spans(text)
    spans += _post_spans(text) + _closed_posts_spans(text) + _bio_spans(text)
    spans += _credited_after_spans(text)
    offset = 0
    for line in text.split("\n"):
        spans.extend(_line_spans(line, offset))
        offset += len(line) + 1
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


# --- dated lists and tables ---------------------------------------------------

# A line with this many dates, one at least every that many words, may be a
# list or table (a CV, a results table, a schedule) rather than prose.
_LIST_MIN_DATES, _LIST_WORDS_PER_DATE = 4, 20
# Its pieces between the dates and the ";" "," ":" "--" that separate entries
_LIST_CUT = re.compile(r"[;:,]|--|\u2013|\u2014")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
# verbs that share the subject of the verb they hang from ("was founded in
# 1990, listed in 1995 and sold in 2008")
_SHARES_SUBJECT = frozenset({"conj", "advcl", "xcomp"})


def _has_subject(token: Token) -> bool:
    """A verb with an explicit subject, its own or one it shares."""
    for _ in range(12):
        if any(c.dep_ in _SUBJECTS for c in token.children):
            return True
        if token.dep_ not in _SHARES_SUBJECT or token.head is token:
            return False
        token = token.head
    return False


def _date_span(doc: Doc, timex: Timex) -> SpacySpan | None:
    return doc.char_span(timex.start, timex.end, alignment_mode="expand")


def _prose_date(span: SpacySpan | None) -> bool:
    """A date prose writes into its clause: a preposition's object ("in
    1990", "since March 3") or a verb's modifier ("closed Monday")."""
    if span is None:
        return False
    head = span.root.head
    return head is not span.root and head.pos_ in ("ADP", "VERB", "AUX")


def _in_clause(span: SpacySpan | None) -> bool:
    """A prose date whose clause has a subject ("they were married on the 2nd
    of August 1813"): an event of its own even inside a list."""
    return _prose_date(span) and any(
        t.pos_ in ("VERB", "AUX") and _has_subject(t) for t in span.root.ancestors
    )


def dated_list_spans(doc: Doc, timexes: list[Timex] | tuple[Timex, ...]) -> list[Span]:
    """The dates of lines of `doc` that are dated lists or tables, not prose:
    a CV pasted into a comment ("1950: Stood first in BA (Hons), Economics,
    Panjab University, Chandigarh, 1952; Stood first in MA ..."), a schedule
    ("Cannes, May 16 - 27 Fipa in Biarritz, February 23 - 28 ..."), a list of
    children with their years. Such a line holds at least `_LIST_MIN_DATES`
    dates that no preposition or verb governs, as prose writes them ("founded
    in 1990, listed in 1995 and sold in 2008"), and they are most of its
    dates; one date at least every `_LIST_WORDS_PER_DATE` words; and at most
    a quarter of its pieces (between the dates and the separators) is a
    clause, a verb with a subject of its own or shared ("Stood first in MA"
    has none). A chronology ("March 3: The WHO raised the alert level ...")
    keeps its entries: each one is a clause. The spans are the line's dates
    but those a clause with a subject governs ("they were married on the 2nd
    of August 1813"): no event is dated by the others. `doc` is the spaCy Doc
    the timexes were tagged on (offsets into its text)."""
    text = doc_text(doc)
    dates = sorted(
        (t for t in timexes if t.type == "DATE" and any(c.isdigit() for c in t.text)),
        key=lambda t: t.start,
    )
    if len(dates) < _LIST_MIN_DATES:
        return []
    out: list[Span] = []
    i = 0
    while i < len(dates):
        start, end = line_at(text, dates[i].start)
        j = i
        while j < len(dates) and dates[j].start < end:
            j += 1
        line_dates, i = dates[i:j], j
        spans = [_date_span(doc, t) for t in line_dates]
        bare = sum(not _prose_date(span) for span in spans)
        if bare < _LIST_MIN_DATES or bare * 2 <= len(line_dates):
            continue
        if len(text[start:end].split()) > _LIST_WORDS_PER_DATE * len(line_dates):
            continue
        if _clause_share(doc, start, end, line_dates) * 4 > 1:
            continue
        out += [
            Span(t.start, t.end, DATED_LIST)
            for t, span in zip(line_dates, spans, strict=True)
            if not _in_clause(span)
        ]
    return out


def _clause_share(doc: Doc, start: int, end: int, dates: list[Timex]) -> float:
    """The share of the line's worded pieces that are clauses."""
    text = doc_text(doc)
    cuts = [(t.start, t.end) for t in dates]
    cuts += [(m.start(), m.end()) for m in _LIST_CUT.finditer(text, start, end)]
    cuts.sort()
    pieces, pos = [], start
    for a, b in cuts:
        if a > pos:
            pieces.append((pos, a))
        pos = max(pos, b)
    pieces.append((pos, end))
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    worded = clauses = 0
    for a, b in pieces:
        inside = [t for t in tokens if a <= t.idx < b]
        if not any(t.is_alpha for t in inside):
            continue
        worded += 1
        clauses += any(t.pos_ in ("VERB", "AUX") and _has_subject(t) for t in inside)
    return clauses / worded if worded else 1.0


class Screen:
    """Answers "is this furniture?" for offsets of one text, quickly."""

    def __init__(self, spans: list[Span]) -> None:
        merged: list[list[int]] = []
        for s in sorted(spans, key=lambda s: s.start):
            if merged and s.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], s.end)
            else:
                merged.append([s.start, s.end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]
        self.spans = spans

    def covered(self, start: int, end: int) -> int:
        """How many characters of [start, end) furniture covers."""
        total = 0
        i = max(0, bisect_right(self._starts, start) - 1)
        while i < len(self._starts) and self._starts[i] < end:
            total += max(0, min(end, self._ends[i]) - max(start, self._starts[i]))
            i += 1
        return total

    def excludes(
        self, *, sentence: tuple[int, int], expression: tuple[int, int], text: str
    ) -> bool:
        """No event from here: its date lies in furniture, or most of its
        sentence's words do."""
        e_start, e_end = expression
        if e_end > e_start and self.covered(e_start, e_end) == e_end - e_start:
            return True
        s_start, s_end = sentence
        letters = sum(ch.isalnum() for ch in text[s_start:s_end])
        if not letters:
            return False
        inside = sum(
            ch.isalnum() for a, b in self._pieces(s_start, s_end) for ch in text[a:b]
        )
        return inside * 2 >= letters

    def _pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        out = []
        i = max(0, bisect_right(self._starts, start) - 1)
        while i < len(self._starts) and self._starts[i] < end:
            a, b = max(start, self._starts[i]), min(end, self._ends[i])
            if b > a:
                out.append((a, b))
            i += 1
        return out

    def reason_at(self, pos: int) -> str:
        """The reason of the first span holding `pos`, or ""."""
        for s in self.spans:
            if s.start <= pos < s.end:
                return s.reason
            if s.start > pos:
                break
        return ""


# --- corpus-level repetition (used by ingestion/boilerplate.py) ----------------

_NON_WORD = re.compile(r"[\W_]+")


def normalise_line(line: str) -> str:
    """A line as repetition compares it: case, spacing and punctuation folded."""
    return _NON_WORD.sub(" ", line.casefold()).strip()


def line_hash(line: str) -> str:
    """SHA-256 (hex) of the normalised line."""
    return hashlib.sha256(normalise_line(line).encode("utf-8")).hexdigest()


def line_at(text: str, pos: int) -> tuple[int, int]:
    """Bounds [start, end) of the line of `text` holding offset `pos`."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end
