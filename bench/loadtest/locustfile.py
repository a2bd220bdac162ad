"""Locust users for the load test: browse, filter, search, open events, API.

Run through bench/loadtest/run.py, which builds the data, starts gunicorn and
passes the ids to use in LOADTEST_IDS (a JSON file).
"""

from __future__ import annotations

import html
import json
import os
import random
import re

from locust import HttpUser, between, task

with open(os.environ["LOADTEST_IDS"], encoding="utf-8") as fh:
    IDS = json.load(fh)

WORDS = ["meets", "talks", "Putin", "Zelen", "summit", "United", "vote", "Biden"]
KINDS = ["statement", "meeting", "call", "vote", "agreement", "attack"]
HX = {"HX-Request": "true"}
# The "Show more events" link at the end of a list (hx-trigger "revealed":
# scrolling down loads it); the app pages with cursors, not ?page=N.
MORE = re.compile(r'id="load-more">\s*<a class="button" href="([^"]+)"')


def more_url(body: str) -> str | None:
    match = MORE.search(body)
    return html.unescape(match.group(1)) if match else None


class Reader(HttpUser):
    """A newsroom reader: lands on the timeline, narrows it, opens events."""

    wait_time = between(0.5, 1.5)

    @task(4)
    def browse(self) -> None:
        """Land on the timeline and scroll down one to three pages."""
        url = more_url(self.client.get("/", name="/ (page)").text)
        for _ in range(random.randint(1, 3)):
            if url is None:
                break
            response = self.client.get(url, headers=HX, name="show more (htmx)")
            url = more_url(response.text)

    @task(5)
    def filter(self) -> None:
        choice = random.random()
        if choice < 0.3:
            params = {"country": random.choice(IDS["countries"])}
        elif choice < 0.55:
            params = {"actor": random.choice(IDS["actors"])}
        elif choice < 0.7:
            params = {"org": random.choice(IDS["orgs"])}
        elif choice < 0.85:
            params = {"kind": random.choice(KINDS)}
        else:
            year = random.randint(2006, 2024)
            params = {"start": f"{year}-01-01", "end": f"{year}-06-30"}
        if random.random() < 0.3:
            params["kind"] = random.choice(KINDS)
        self.client.get("/", params=params, headers=HX, name="/?filter (htmx)")

    @task(2)
    def search(self) -> None:
        self.client.get(
            "/", params={"q": random.choice(WORDS)}, headers=HX, name="/?q= (htmx)"
        )

    @task(4)
    def open_event(self) -> None:
        pk = random.choice(IDS["events"])
        self.client.get(f"/events/{pk}/", name="/events/<id>/")

    @task(2)
    def api(self) -> None:
        params = {"country": random.choice(IDS["countries"])}
        self.client.get("/api/events/", params=params, name="/api/events/")

    @task(1)
    def static(self) -> None:
        self.client.get(IDS["css"], name="static css")
