"""A real Redis broker and a real Celery worker process, for the tests that
run tasks end to end (tests/timeline/test_tasks.py, feeds/test_beat.py)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from tests.conftest import require_binary

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throw-away redis-server on a free loopback port."""
    binary = require_binary("redis-server", "/usr/bin/redis-server")
    port = free_port()
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


def worker_env(db: Path, broker: str) -> dict[str, str]:
    """The environment of a manage.py or worker subprocess on database `db`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CELERY_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings",
        DATABASE_URL=f"sqlite:///{db}",
        CELERY_BROKER_URL=broker,
        PYTHONPATH=str(ROOT),
        NEWSLINE_LOG_LEVEL="INFO",
    )
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_worker(
    env: dict[str, str],
    poll: Callable[[], T],
    finished: Callable[[T], bool],
    *extra: str,
    timeout: float = 240,
) -> tuple[T, str]:
    """Run one Celery worker (`extra`: more worker options, e.g. --beat) until
    `finished(poll())` or `timeout` seconds; stop it and return the last
    poll and what the worker printed."""
    celery = Path(sys.executable).with_name("celery")
    worker = subprocess.Popen(
        [
            str(celery),
            "-A",
            "newsline",
            "worker",
            *extra,
            "--pool=solo",
            "-c",
            "1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + timeout
        last = poll()
        while time.monotonic() < deadline and worker.poll() is None:
            last = poll()
            if finished(last):
                break
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            output, _ = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    return last, output
