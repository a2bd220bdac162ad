"""Settings come from the environment; bad values stop start-up, naming the
variable, and the production configuration passes `check --deploy`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Hq2-production-like-secret-key-for-checks-9aP3LmZ0vWq8Rt5Ys1Nb6",
    "ALLOWED_HOSTS": "news.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://news.example.org",
}
STRIPPED = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_COOKIES",
    "SECURE_HSTS_SECONDS",
    "CACHE_URL",
    "DJANGO_SETTINGS_MODULE",
    # Set by the browser tests (Playwright in a live-server thread); a
    # deployment never has it and check --deploy rightly refuses it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in STRIPPED}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_passes_check_deploy_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_sends_hsts_and_secure_cookies_in_production():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.DEBUG)"
    )
    result = run_manage("shell", "--verbosity", "0", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["31536000", "True", "True", "True", "False"]


def test_it_refuses_to_start_without_a_secret_key_in_production():
    env = dict(PRODUCTION)
    del env["SECRET_KEY"]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_names_a_bad_debug_value():
    result = run_manage("check", **{**PRODUCTION, "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


@pytest.mark.parametrize(
    "url", ["mysql://u:p@localhost/db", "not a url at all", "postgres://[::1"]
)
def test_it_names_a_bad_database_url(url):
    result = run_manage("check", **{**PRODUCTION, "DATABASE_URL": url})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr.split("ImproperlyConfigured")[-1]


def test_it_names_a_bad_cache_url():
    result = run_manage("check", **{**PRODUCTION, "CACHE_URL": "memcached://x"})
    assert result.returncode != 0
    assert "CACHE_URL='memcached://x' is not supported" in result.stderr


def test_it_names_a_bad_number():
    result = run_manage(
        "check", **{**PRODUCTION, "NEWSLINE_LOGIN_MAX_FAILURES": "five"}
    )
    assert result.returncode != 0
    assert "NEWSLINE_LOGIN_MAX_FAILURES='five' is not a whole number" in result.stderr


def test_it_runs_on_the_database_named_by_database_url():
    # CI runs the suite twice: on SQLite and with DATABASE_URL=postgres://...
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "pgsql")) else "sqlite"
    assert connection.vendor == expected


def test_make_serve_stops_on_deploy_warnings():
    """The check `make serve` runs first fails on a weak key and security
    settings turned off (W004, W008, W009, W012, W016), as the README says."""
    make = subprocess.run(
        ["make", "-n", "serve", "PY=python"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    check = next(line for line in make.stdout.splitlines() if "manage.py check" in line)
    args = check.split("manage.py", 1)[1].split()
    insecure = {
        **PRODUCTION,
        "SECRET_KEY": "changeme",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    result = run_manage(*args, **insecure)
    assert result.returncode != 0, result.stdout + result.stderr
    for code in ("W004", "W008", "W009", "W012", "W016"):
        assert f"security.{code}" in result.stderr + result.stdout, code
    assert run_manage(*args, **PRODUCTION).returncode == 0


# --- .env: local commands without DEBUG=true ---------------------------------

SHOW = "from django.conf import settings as s; print(s.DEBUG, len(s.SECRET_KEY) > 40)"


def make_dotenv(folder: Path) -> Path:
    """The .env `make run` writes, made by the Makefile's own rule."""
    folder.mkdir(exist_ok=True)
    result = subprocess.run(
        ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), ".env"],
        cwd=folder,
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return folder / ".env"


def test_make_run_writes_development_settings_to_a_git_ignored_dotenv(tmp_path):
    lines = make_dotenv(tmp_path / "a").read_text().splitlines()
    assert "DEBUG=true" in lines
    (key,) = [line for line in lines if line.startswith("SECRET_KEY=")]
    assert len(key) > 50
    other = make_dotenv(tmp_path / "b").read_text().splitlines()
    assert key not in other  # a random key per checkout
    assert "/.env" in (ROOT / ".gitignore").read_text().splitlines()


def test_local_commands_read_the_dotenv_without_debug_typed(tmp_path):
    dotenv = make_dotenv(tmp_path)
    result = run_manage(
        "shell", "--verbosity", "0", "-c", SHOW, NEWSLINE_ENV_FILE=str(dotenv)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
    # the environment wins over the file
    result = run_manage(
        "shell",
        "--verbosity",
        "0",
        "-c",
        SHOW,
        NEWSLINE_ENV_FILE=str(dotenv),
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_production_without_a_dotenv_still_refuses_to_start(tmp_path):
    result = run_manage("check", NEWSLINE_ENV_FILE="")  # no DEBUG, no .env
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    missing = tmp_path / ".env"
    result = run_manage("check", NEWSLINE_ENV_FILE=str(missing))
    assert result.returncode != 0
    assert f"NEWSLINE_ENV_FILE={str(missing)!r}: no such file." in result.stderr


def test_a_checkout_reads_its_dotenv_only_when_there_is_one(tmp_path, monkeypatch):
    from newsline.env import load_env_file

    monkeypatch.delenv("NEWSLINE_ENV_FILE", raising=False)
    # set then unset: monkeypatch removes what load_env_file adds at teardown
    monkeypatch.setenv("NEWSLINE_TEST_FROM_DOTENV", "")
    monkeypatch.delenv("NEWSLINE_TEST_FROM_DOTENV")
    monkeypatch.setenv("NEWSLINE_TEST_SET", "environment")
    dotenv = tmp_path / ".env"
    assert load_env_file(dotenv) is None  # production: no file, no error
    dotenv.write_text(
        "NEWSLINE_TEST_FROM_DOTENV=file\nNEWSLINE_TEST_SET=file\n", "utf-8"
    )
    assert load_env_file(dotenv) == dotenv
    assert os.environ["NEWSLINE_TEST_FROM_DOTENV"] == "file"
    assert os.environ["NEWSLINE_TEST_SET"] == "environment"
