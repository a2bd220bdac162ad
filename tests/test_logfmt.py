"""Ingestion logs one machine-readable record per article."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from newsline.logfmt import KEYVALUE_FORMAT, JsonFormatter

ROOT = Path(__file__).resolve().parent.parent


def record(**extra) -> logging.LogRecord:
    rec = logging.makeLogRecord(
        {
            "name": "newsline.ingest",
            "levelname": "INFO",
            "levelno": logging.INFO,
            "msg": "article_id=%s events_created=%d seconds=%.3f",
            "args": (7, 3, 0.25),
        }
    )
    rec.__dict__.update(extra)
    return rec


def test_it_writes_one_json_object_with_the_extra_fields():
    line = JsonFormatter().format(record(article_id=7, events_created=3, seconds=0.25))
    data = json.loads(line)
    assert "\n" not in line
    assert data["logger"] == "newsline.ingest"
    assert data["level"] == "INFO"
    assert data["message"] == "article_id=7 events_created=3 seconds=0.250"
    assert data["article_id"] == 7 and data["events_created"] == 3
    assert data["seconds"] == 0.25
    assert data["time"].endswith("+00:00")


def test_it_keeps_exceptions_inside_the_json_record():
    try:
        raise ValueError("bad <article>")
    except ValueError:
        rec = record()
        rec.exc_info = sys.exc_info()
    data = json.loads(JsonFormatter().format(rec))
    assert "ValueError: bad <article>" in data["exception"]


def test_it_writes_key_value_lines_by_default():
    line = logging.Formatter(KEYVALUE_FORMAT).format(record())
    assert line.endswith(
        "level=INFO logger=newsline.ingest article_id=7 events_created=3 seconds=0.250"
    )
    assert line.startswith("time=")


def test_it_configures_json_logging_from_the_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "NEWSLINE_LOG_FORMAT": "json",
    }
    code = (
        "import django, logging; django.setup();"
        "logging.getLogger('newsline.ingest').info("
        "'article_id=%s', 5, extra={'article_id': 5})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stderr.strip().splitlines()[-1])
    assert data["article_id"] == 5 and data["logger"] == "newsline.ingest"


def test_it_names_a_bad_log_format():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "NEWSLINE_LOG_FORMAT": "xml",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "NEWSLINE_LOG_FORMAT='xml' is not a log format" in result.stderr
