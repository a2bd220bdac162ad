"""Key events (issue #13): which days of a story mattered, and which of their
events best say what happened.

`references` turns an article's date expressions into the days it refers to
(no Django); `rank` is the importance model (plain dataclasses, no ORM);
`data` builds the model's input from an Event queryset and stores the date
references at ingestion; `evaluation` scores predicted timelines as the
field does (Timeline17, tilse).
"""
