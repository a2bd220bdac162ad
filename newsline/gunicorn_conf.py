"""gunicorn settings shared by `make serve` and the load test
(`gunicorn --config python:newsline.gunicorn_conf ...`).

Workers keep no copy of the data: the timeline's lists, facet counts and
density chart are read from the database (timeline.query), so a worker
needs no warm-up and its memory does not grow with the number of events.
"""
