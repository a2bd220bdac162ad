"""The temporal tagger: find temporal expressions and give them TIMEX3 values.

- `tagger`: `tag_timexes(doc, dct)`, the entry point (grammar matches, spaCy
  DATE/TIME entities the grammar missed, one normalised `Timex` each).
- `grammar`: the compiled patterns, by family, and their trigger words.
- `normalise`: `normalise(family, surface, ctx, tense)`, one value per match.
- `acceptance`: whether a match is temporal at all in its context.
- `resolvers`: one rule per family (explicit dates, months, quarters,
  deictic and relative expressions, durations, sets...).
- `anchors`: the dates, years and clock times a rule reads in the text.
- `tense`: the tense of the verb an expression hangs on.
- `numbers`: spelled and written numbers, units, durations and shifts.
- `dates`: calendar arithmetic (ISO weeks, month shifts, quarters).
- `holidays`: named holidays (Easter, Thanksgiving...).
- `context`: `Context`, what normalisation knows about the document so far.
- `absolute`: dateparser, only for calendar dates the grammar missed.
- `baseline`: the spaCy + dateparser baseline `manage.py evaluate` compares to.
"""
