"""Configuration: defaults, then CONSULT_* environment variables, then the mapping passed in.

The embedded default (SQLite under instance/) needs no configuration at all; a production start
(CONSULT_ENV=production) refuses to run without an explicit SECRET_KEY.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path


class ConfigError(RuntimeError):
    """The configuration cannot be used to start the application."""


DEFAULTS: dict[str, object] = {
    "ENV_NAME": "development",
    "SQLALCHEMY_DATABASE_URI": None,  # resolved to instance/consult.sqlite3
    # hide_parameters: a failed statement's error and log line never carry residents' text.
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True},
    "BABEL_DEFAULT_LOCALE": "zh_Hans",
    "BABEL_DEFAULT_TIMEZONE": "Asia/Shanghai",
    "LANGUAGES": ("zh_Hans", "en"),
    "CITY_TIMEZONE": "Asia/Shanghai",
    "MAX_CONTENT_LENGTH": 24 * 1024 * 1024,
    "WTF_CSRF_TIME_LIMIT": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REDIS_URL": None,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    # Redis down must not take commenting down: limits fall back to each process's memory (a
    # warning is logged when that happens), and a dead Redis is given up on within half a second.
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
    "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",
    # Many residents may share one address (a liaison station, a campus): generous but bounded.
    "COMMENT_RATE_LIMIT": "20 per minute;300 per day",
    "API_TOKEN_RATE_LIMIT": "600 per minute",  # each staff API token, wherever its requests come from
    "RECEIPT_RATE_LIMIT": "60 per minute",
    "COMMENT_MAX_CHARS": 5000,
    "COMMENTS_PER_PAGE": 20,
    "DISTRICTS": ("滨江区", "港湾区", "新城区", "高新区", "北山区"),
    # Who publishes: the author of exported documents (CONSULT_LEGISLATURE_NAME).
    "LEGISLATURE_NAME": "滨海市人民代表大会常务委员会",
    # Digest builds run on the job queue; JOBS_INLINE runs them in the request (tests only).
    "JOBS_INLINE": False,
    "DIGEST_REBUILD_AFTER": 20,
    # A running build stamps a heartbeat this often; silent for longer than the timeout, it is
    # taken for lost (its worker died) and tried again. A build queued longer than the queue
    # timeout was never picked up.
    "DIGEST_HEARTBEAT_SECONDS": 10,
    "DIGEST_BUILD_TIMEOUT": 120,
    "DIGEST_QUEUE_TIMEOUT": 3600,
    # A grouped comment whose fit to its theme (cosine to the centre) is below this waits as 待确认:
    # its theme's answer reaches it only once a drafter confirms it belongs.
    "DIGEST_HOLD_BELOW": 0.45,
    # A build of at least DIGEST_PARALLEL_FROM comments groups its articles in DIGEST_WORKERS processes
    # (0: one per CPU), each taking ANALYSIS_CHUNK comments at a time: memory is set by these, not by
    # the number of comments.
    "DIGEST_WORKERS": 0,
    "DIGEST_PARALLEL_FROM": 20_000,
    "ANALYSIS_CHUNK": 5_000,
    # Roles that may read residents' contact details (organizers: to tell applicants the result).
    "CONTACT_ROLES": ("admin", "drafter", "organizer"),
    # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted (0: none).
    "PROXY_COUNT": 0,
    # Production (CONSULT_ENV=production) sets these: cookies only over HTTPS, and HSTS.
    "SESSION_COOKIE_SECURE": False,
    "REMEMBER_COOKIE_SECURE": False,
    "HSTS_SECONDS": 0,
    # E-mail to residents who ask for it: off until CONSULT_SMTP_URL names a server.
    "SMTP_URL": None,
    "NOTIFY_FROM": "noreply@example.org",
    "NOTIFY_PER_HOUR": 500,  # the most messages sent in any hour (a provider's limit, a blacklist's patience)
    "NOTIFY_ATTEMPTS": 5,
    "PUBLIC_URL": "http://127.0.0.1:5000",  # where links in messages point
    "SMS_BACKEND": None,  # "package.module:Class"; None logs instead of sending
    "FOLLOW_RATE_LIMIT": "5 per hour",  # follow requests from one address (each sends an e-mail)
    # Deputies' suggestions are answered within three months of assignment, complex ones six; the lead
    # unit is reminded this many days before the deadline, and again once it has passed.
    "SUGGESTION_DUE_MONTHS": 3,
    "SUGGESTION_COMPLEX_MONTHS": 6,
    "SUGGESTION_REMIND_DAYS": 14,
    "SUGGESTION_ATTACHMENT_MB": 10,  # the largest file a deputy or unit may attach
}

PRODUCTION = {"SESSION_COOKIE_SECURE": True, "REMEMBER_COOKIE_SECURE": True, "HSTS_SECONDS": 365 * 24 * 3600}

# Environment variables read as CONSULT_<NAME>; values stay strings unless listed here.
_ENV_KEYS = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ENV", "CITY_TIMEZONE", "CONTACT_KEY", "LEGISLATURE_NAME")
# Settings taken as they are from CONSULT_<NAME> when set.
_ENV_STRINGS = ("SMTP_URL", "NOTIFY_FROM", "PUBLIC_URL", "SMS_BACKEND")
# Numeric settings that may also come from CONSULT_<NAME>.
_ENV_INTS = (
    "PROXY_COUNT",
    "DIGEST_HEARTBEAT_SECONDS",
    "DIGEST_BUILD_TIMEOUT",
    "DIGEST_QUEUE_TIMEOUT",
    "DIGEST_WORKERS",
    "DIGEST_PARALLEL_FROM",
    "ANALYSIS_CHUNK",
    "NOTIFY_PER_HOUR",
)


def load_config(instance_path: str, overrides: dict | None) -> dict:
    config = dict(DEFAULTS)
    env = {key: os.environ.get(f"CONSULT_{key}") for key in _ENV_KEYS}
    if env["ENV"]:
        config["ENV_NAME"] = env["ENV"]
    if env["SECRET_KEY"]:
        config["SECRET_KEY"] = env["SECRET_KEY"]
    if env["DATABASE_URL"]:
        config["SQLALCHEMY_DATABASE_URI"] = env["DATABASE_URL"]
    if env["REDIS_URL"]:
        config["REDIS_URL"] = env["REDIS_URL"]
    if env["CONTACT_KEY"]:
        config["CONTACT_KEYS"] = tuple(k.strip() for k in env["CONTACT_KEY"].split(",") if k.strip())
    if env["LEGISLATURE_NAME"]:
        config["LEGISLATURE_NAME"] = env["LEGISLATURE_NAME"]
    if env["CITY_TIMEZONE"]:
        config["CITY_TIMEZONE"] = config["BABEL_DEFAULT_TIMEZONE"] = env["CITY_TIMEZONE"]
    config.update(_env_ints())
    config.update({key: os.environ[f"CONSULT_{key}"] for key in _ENV_STRINGS if os.environ.get(f"CONSULT_{key}")})
    if config["ENV_NAME"] == "production":
        config.update(PRODUCTION)
    config.update(overrides or {})

    if not config["SQLALCHEMY_DATABASE_URI"]:
        config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(Path(instance_path) / "consult.sqlite3")
    config["SQLALCHEMY_DATABASE_URI"] = _with_driver(str(config["SQLALCHEMY_DATABASE_URI"]))
    if config.get("REDIS_URL") and config["RATELIMIT_STORAGE_URI"] == "memory://":
        config["RATELIMIT_STORAGE_URI"] = config["REDIS_URL"]
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = _embedded_secret(config, instance_path, "secret_key", "CONSULT_SECRET_KEY")
    if not config.get("CONTACT_KEYS"):
        config["CONTACT_KEYS"] = (_embedded_secret(config, instance_path, "contact_key", "CONSULT_CONTACT_KEY"),)
    return config


PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """migrations/ or translations/: inside the package when installed from a wheel (pyproject maps
    them there), beside it in a source checkout or an editable install."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def default_instance_path() -> Path:
    """The instance folder Flask picks for this package: instance/ beside a source checkout, or
    <prefix>/var/consult-instance for an installed one."""
    from flask.sansio.scaffold import find_package

    prefix, package_path = find_package("consult")
    return Path(package_path) / "instance" if prefix is None else Path(prefix) / "var" / "consult-instance"


def queue_settings() -> dict:
    """What the job queue needs, read as the app reads it (CONSULT_REDIS_URL; CONSULT_HUEY_NAME and
    CONSULT_HUEY_FILE let tests and benchmarks use a queue of their own)."""
    return {
        "REDIS_URL": os.environ.get("CONSULT_REDIS_URL"),
        "HUEY_NAME": os.environ.get("CONSULT_HUEY_NAME", "consult"),
        "HUEY_FILE": os.environ.get("CONSULT_HUEY_FILE") or str(default_instance_path() / "jobs.sqlite3"),
    }


def _env_ints() -> dict[str, int]:
    found = {}
    for key in _ENV_INTS:
        raw = os.environ.get(f"CONSULT_{key}")
        if raw is None:
            continue
        try:
            found[key] = int(raw)
        except ValueError:
            raise ConfigError(f"CONSULT_{key} must be a whole number, not {raw!r}.") from None
    return found


def _with_driver(url: str) -> str:
    # psycopg 3 is the driver we ship; plain postgresql:// URLs would ask for psycopg2.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _embedded_secret(config: dict, instance_path: str, name: str, variable: str) -> str:
    """Create and keep a secret under instance/ — only for the embedded, non-production set-up."""
    if config["ENV_NAME"] == "production":
        raise ConfigError(
            f"{variable} is not set: a production start needs it set explicitly "
            "(generate one with: python -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')."
        )
    path = Path(instance_path) / name
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    # URL-safe base64 of 32 random bytes: a valid Fernet key and a strong session secret alike.
    key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")
    # Written 0600 so that other local users cannot forge sessions.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
