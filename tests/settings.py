"""Settings for the test suite: the real settings, read with test environment.

DATABASE_URL from the environment is honoured, so the same suite runs on
PostgreSQL (see .ci/run).
"""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-not-for-production-use-123456"
)
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# The checkout's .env (development settings) is not the tests' environment.
os.environ.setdefault("NEWSLINE_ENV_FILE", "")

from newsline.settings import *  # noqa: E402,F403

# Tests render pages without running collectstatic first; production keeps
# WhiteNoise's compressed manifest storage (checked by `make serve`/loadtest).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
