"""The fetch settings come from the environment; bad values stop start-up."""

from __future__ import annotations

import pytest

from tests.test_settings import PRODUCTION, run_manage
from timeline.feeds.fetch import FetchPolicy


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"NEWSLINE_FETCH_ALLOW_PRIVATE": "maybe"},
            "NEWSLINE_FETCH_ALLOW_PRIVATE='maybe' is not a boolean",
        ),
        (
            {"NEWSLINE_FETCH_CONTACT_URL": "ops team"},
            "NEWSLINE_FETCH_CONTACT_URL='ops team' is not an http(s):// or mailto: URL",
        ),
        (
            {"NEWSLINE_FETCH_MAX_BYTES": "100"},
            "NEWSLINE_FETCH_MAX_BYTES=100 must be at least 65536",
        ),
        (
            {"NEWSLINE_FETCH_READ_TIMEOUT": "0"},
            "NEWSLINE_FETCH_READ_TIMEOUT=0 must be at least 1",
        ),
    ],
)
def test_it_names_a_bad_fetch_setting(env, message):
    result = run_manage("check", **{**PRODUCTION, **env})

    assert result.returncode != 0
    assert message in result.stderr


def test_the_policy_reads_the_settings(settings):
    settings.NEWSLINE_FETCH_CONTACT_URL = "https://news.example.org/bot"
    settings.NEWSLINE_FETCH_MAX_BYTES = 123456
    settings.NEWSLINE_FETCH_ALLOW_PRIVATE = False

    policy = FetchPolicy.from_settings()

    assert policy.user_agent == "Newsline/1.0 (+https://news.example.org/bot)"
    assert policy.max_bytes == 123456 and policy.allow_private is False
    assert (policy.connect_timeout, policy.read_timeout) == (10, 30)
