"""Reading settings from the environment, with errors that name the variable."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from dotenv import dotenv_values

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def load_env_file(default: Path) -> Path | None:
    """Add the variables of a .env file to the environment, which wins over it.

    The file is `default` (the checkout's git-ignored .env, which `make run`
    writes with development settings), or the one NEWSLINE_ENV_FILE names;
    NEWSLINE_ENV_FILE="" reads none. A missing default is no error: production
    has no .env and takes its settings from the environment alone. Returns
    the file read, if any.
    """
    raw = os.environ.get("NEWSLINE_ENV_FILE")
    if raw == "":
        return None
    path = Path(raw) if raw is not None else default
    if not path.is_file():
        if raw is not None:
            raise ImproperlyConfigured(f"NEWSLINE_ENV_FILE={raw!r}: no such file.")
        return None
    for name, value in dotenv_values(path, interpolate=False).items():
        if value is not None:
            os.environ.setdefault(name, value)
    return path


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={value} must be at least {minimum}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(
            f"{name} is set but empty: give a comma-separated list, e.g. "
            f"{name}=news.example.org,127.0.0.1"
        )
    return items
