"""What normalisation knows about the document so far (`Context`), and the
(type, value, anchor) `Result` every rule returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from timeline.extraction.temporal.chronicle import Entry, chronicle, entry_at
from timeline.extraction.temporal.dates import _safe_date

Result = tuple[str, str, date | None]

# --- document state --------------------------------------------------------


@dataclass
class Context:
    """What normalisation knows about the document so far."""

    doc: Doc
    dct: date
    text: str = ""
    sent_start: int = -1
    sent_end: int = -1
    sent_anchor: date | None = None  # explicit date seen earlier in the sentence
    sent_year: int | None = None  # explicit year seen earlier in the sentence
    sent_quarter: str | None = None  # quarter value seen earlier in the sentence
    sent_month: str | None = None  # month value seen earlier in the sentence
    sent_day: date | None = None  # any day seen earlier in the sentence
    sent_any_year: int | None = None  # a year written earlier, even alone
    doc_day: date | None = None  # the last day the document named
    doc_day_at: int = -1  # where it named doc_day
    story_day: date | None = None  # the first day it named (or its first "the day")
    doc_last: str | None = None  # the last date (a year, month or day) it named
    doc_quarter: str | None = None  # last quarter value in the document
    doc_last_at: int = -1  # where the document named doc_last
    doc_old_run: int = 0  # how many dates in a row it named a year or more back
    line_day: date | None = None  # the calendar date its line opens with ...
    line_span: tuple[int, int] = (-1, -1)  # ... and the text that date dates
    start: int = 0
    end: int = 0
    _sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    _entries: list[Entry] | None = None  # its chronology's dated entries

    def enter(self, start: int) -> None:
        self.start = start
        if self.sent_start <= start < self.sent_end:
            return
        if not self._sent_bounds:
            self._sent_bounds = [(s.start_char, s.end_char) for s in self.doc.sents]
        for s, e in self._sent_bounds:
            if s <= start < e:
                self.sent_start, self.sent_end = s, e
                break
        else:
            self.sent_start, self.sent_end = start, start + 1
        self.sent_anchor = None
        self.sent_year = None
        self.sent_quarter = None
        self.sent_month = None
        self.sent_day = None
        self.sent_any_year = None

    def remember(self, typ: str, value: str, start: int) -> None:
        if typ not in ("DATE", "TIME"):
            return
        if m := re.match(r"^\d{4}(?:-\d\d(?:-\d\d)?)?(?=T|$)", value):
            self.doc_last = m[0]
            self.doc_last_at = start
            self.doc_old_run = self.doc_old_run + 1 if self._old(m[0]) else 0
        if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
            d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
            self.sent_day = d
            self.doc_day = d or self.doc_day
            if d is not None:
                self.doc_day_at = start
                if typ == "DATE":
                    self._note_story_day(d, start)
            if d is not None and self._explicit:
                self.sent_anchor = d
        if (m := re.match(r"^(\d{4})-\d\d", value)) and self._explicit:
            # a month or day with its year lends the year to later dates
            self.sent_year = int(m[1])
        if (m := re.match(r"^(\d{4})(?:$|-)", value)) and self._explicit:
            self.sent_any_year = int(m[1])  # "in 1988 ... that year"
        if re.fullmatch(r"\d{4}-\d\d", value):
            self.sent_month = value  # "in January, ... the same month a year ago"
        if self._topic_quarter and re.match(r"^\d{4}-Q[1-4]$", value):
            self.sent_quarter = value
            if not self._forecast:
                # a forecast for a quarter not yet over ("will report losses
                # through the third quarter of 1990") is not the quarter the
                # rest of the document reports on
                self.doc_quarter = value

    _explicit: bool = False  # the value came from a date written in full
    _topic_quarter: bool = False  # the value is a quarter under discussion
    _forecast: bool = False  # ... in a sentence about the future

    def _old(self, value: str) -> bool:
        """A month or a day a year or more before the line's own date."""
        parts = [int(x) for x in value.split("-")]
        if len(parts) < 2:
            return False
        today = self.today
        return (today.year * 12 + today.month) - (parts[0] * 12 + parts[1]) >= 12

    def _note_story_day(self, d: date, at: int) -> None:
        """The story's day: the first day its lead (the first two sentences)
        names as a date (not a part of a day, "the evening"), in
        the week up to the line's own date ("Boeing have unveiled their new
        787 Dreamliner ... Sunday was chosen as its date"); not a background
        date years back."""
        if self.story_day is not None or not 0 <= (self.today - d).days <= 7:
            return
        if len(self._sent_bounds) < 2 or at < self._sent_bounds[1][1]:
            self.story_day = d

    def entry(self) -> Entry | None:
        """The entry of a chronology without years ("March 22: Six British
        servicemen died ...") the expression lies in, its year told by the
        order of the entries (`chronicle`)."""
        if self._entries is None:
            self._entries = chronicle(self.text, self.dct)
        return entry_at(self._entries, self.start)

    def the_day(self) -> date:
        """The day "the day" and "Earlier in the day" are: the sentence's own
        day; else the last day named, if the sentence before named it ("US
        stocks rose on Friday ... The Dow ... ending the day at 8,017") or it
        is not before the story's day (or the lead named none); else the
        story's day, not an earlier day an aside named sentences back ("On
        Saturday, Boeing announced 35 new orders ... Earlier in the day,
        Boeing received a congratulatory letter" in a story of Sunday's
        rollout; "On Friday, the trading value for the yen fell ... The
        Shanghai Composite Index lost 6.3 percent ... to close the day" on a
        Monday)."""
        if day := self.sent_anchor or self.sent_day:
            return day
        if self.doc_day is None:
            return self.dct
        story = self.story_day
        if story is None or self.doc_day >= story:
            return self.doc_day
        if self._in_sentence_before(self.doc_day_at):
            return self.doc_day
        return story

    def _in_sentence_before(self, at: int) -> bool:
        """Whether a position lies in this sentence or the one before it."""
        starts = [s for s, _ in self._sent_bounds if s < self.sent_start]
        before = starts[-1] if starts else self.sent_start
        return at >= before

    @property
    def anchor(self) -> date:
        return self.sent_anchor or self.today

    @property
    def today(self) -> date:
        """The day "today", "yesterday", a weekday and "last week" count from:
        the date that opens the expression's line (a dateline or a chronology's entry:
        "Jul 23, 2010 21:29 UTC The administration admitted today ...",
        "September 27: Blair and Brown were at odds last night"), else the
        day of the chronology's entry it lies in ("March 22: Six British
        servicemen died when two Royal Navy Sea King helicopters collided ...
        at around 1.30 am"), else the dct."""
        s, e = self.line_span
        entry = self.entry()
        if (
            self.line_day is not None
            and s <= self.start < e
            and (entry is None or entry.start < s)  # not a stamp above the list
        ):
            return self.line_day
        if entry is not None:
            return entry.day
        return self.dct

    def open_line(self, start: int, end: int, value: str) -> None:
        """Note a calendar day written at the very start of its line: it dates
        the rest of the line, or only its sentence after a colon (a caption,
        "May 10: Boats work ... (AP) A key safety device ...", runs into the
        story)."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if self.text[line_start:start].strip():
            return
        m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
        day = _safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None
        if day is None:
            return
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        if re.match(r"\s*:", self.text[end:]):
            line_end = min(line_end, self.sent_end)
        elif self._explicit and (
            "T" in value or re.match(r",?\s+\d{1,2}[:.]\d\d\b", self.text[end:])
        ):
            # a post's stamp, its year and clock time ("Aug 9, 2010 16:00 UTC
            # Oil caused the mess ..."): the lines after it are that post's,
            # up to the next line a date opens (a photo's date, "Thursday,
            # July 29, 2010 The oil is then soaked up ...", dates its caption)
            line_end = len(self.text)
        self.line_day, self.line_span = day, (end, line_end)

    def narrated_anchor(self, unit: str) -> date | None:
        """The date the narrative is at when the sentence names none: the last
        date the document named ("in 2005 ... The following year", "March ...
        The following month"), if it is precise enough for `unit`."""
        if self.sent_anchor is not None or self.sent_any_year is not None:
            return None
        if self.sent_day is not None or self.doc_last is None:
            return None
        parts = [int(x) for x in self.doc_last.split("-")]
        wanted = {"year": 1, "decade": 1, "month": 2, "week": 3, "day": 3}.get(unit)
        if wanted is None or len(parts) < wanted:
            return None
        if len(parts) == 1:
            return date(parts[0], 7, 1)
        if len(parts) == 2:
            return date(parts[0], parts[1], 15)
        return _safe_date(parts[0], parts[1], parts[2])
