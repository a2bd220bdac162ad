"""Shared test helpers."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# The redis_url fixture (a throw-away redis-server) for every test.
pytest_plugins = ["tests.workers"]

# Property tests explore new random examples on every local run. CI (CI=true)
# runs a fixed set instead, so a red CI is always reproducible from its
# commit; anything a local run finds becomes a regular test.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


# ../shared (real data: samples' gold, TimeML corpora, Timeline17, scorers)
# lies beside the checkout and is never shipped; NEWSLINE_SHARED_DIR points
# elsewhere (a missing directory: a clone of the repository alone).
SHARED = Path(
    os.environ.get("NEWSLINE_SHARED_DIR")
    or Path(__file__).resolve().parents[1].parent / "shared"
)


def needs_shared(*parts: str) -> Path:
    """SHARED / parts; skips the test when that is absent (a clone alone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared ({'/'.join(parts) or '.'} not at {path})")
    return path


def pytest_runtest_setup(item: pytest.Item) -> None:
    """`@pytest.mark.shared("t17", ...)`: skip unless each path is in SHARED."""
    for marker in item.iter_markers("shared"):
        for part in marker.args:
            needs_shared(*part.split("/"))


def find_binary(name: str, *patterns: str) -> str | None:
    """A binary on PATH, or at the first existing glob pattern."""
    found = shutil.which(name)
    if found:
        return found
    for pattern in patterns:
        matches = sorted(glob.glob(pattern))
        if matches:
            return matches[-1]
    return None


def require_binary(name: str, *patterns: str) -> str:
    """The binary's path; skip when it is missing, except in CI where it fails.

    CI (CI=true) installs chromium, postgresql and redis-server, so a missing
    binary there is a broken setup, not a reason to skip.
    """
    path = find_binary(name, *patterns)
    if path:
        return path
    message = f"{name} is not installed (Debian package needed for this test)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _countries_after_flush(request) -> None:
    """Transactional tests (live server, browser, backup) start with the
    countries migration 0002 seeds: Django empties every table after each
    transactional test, so the next one would find none."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
        or (
            marker
            and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
        )
    )
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    import importlib

    from django.apps import apps

    from timeline.models import Country

    if not Country.objects.exists():
        importlib.import_module("timeline.migrations.0002_seed_countries").seed(
            apps, None
        )


@pytest.fixture(autouse=True)
def _no_download_in_progress():
    """Each test starts with every download slot free: the test client never
    closes a streamed response nobody read (a WSGI server always does)."""
    from timeline.api import exports

    exports._slots.in_use = 0
    yield
    exports._slots.in_use = 0
