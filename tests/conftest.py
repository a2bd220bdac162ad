"""Shared test helpers."""

from __future__ import annotations

import glob
import os
import shutil

import pytest


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
