"""gunicorn settings shared by `make serve` and the load test
(`gunicorn --config python:newsline.gunicorn_conf ...`)."""

from __future__ import annotations


def post_worker_init(worker) -> None:
    """Build the worker's facet index before it takes its first request
    (about a second at 100,000 events), instead of during one."""
    from django.db import connections

    from timeline.query.facet_index import warm

    try:
        warm()
    finally:
        connections.close_all()  # no connection shared across the fork
