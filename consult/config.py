"""Configuration: defaults, then CONSULT_* environment variables, then the mapping passed in.

The embedded default (SQLite under instance/) needs no configuration at all; a production start
(CONSULT_ENV=production) refuses to run without an explicit SECRET_KEY.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path


class ConfigError(RuntimeError):
    """The configuration cannot be used to start the application."""


DEFAULTS: dict[str, object] = {
    "ENV_NAME": "development",
    "SQLALCHEMY_DATABASE_URI": None,  # resolved to instance/consult.sqlite3
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
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
    "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",
}

# Environment variables read as CONSULT_<NAME>; values stay strings unless listed here.
_ENV_KEYS = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ENV", "CITY_TIMEZONE")


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
    if env["CITY_TIMEZONE"]:
        config["CITY_TIMEZONE"] = config["BABEL_DEFAULT_TIMEZONE"] = env["CITY_TIMEZONE"]
    config.update(overrides or {})

    if not config["SQLALCHEMY_DATABASE_URI"]:
        config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(Path(instance_path) / "consult.sqlite3")
    config["SQLALCHEMY_DATABASE_URI"] = _with_driver(config["SQLALCHEMY_DATABASE_URI"])
    if config.get("REDIS_URL") and config["RATELIMIT_STORAGE_URI"] == "memory://":
        config["RATELIMIT_STORAGE_URI"] = config["REDIS_URL"]
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = _embedded_secret(config, instance_path)
    return config


def _with_driver(url: str) -> str:
    # psycopg 3 is the driver we ship; plain postgresql:// URLs would ask for psycopg2.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _embedded_secret(config: dict, instance_path: str) -> str:
    """Create and keep a secret under instance/ — only for the embedded, non-production set-up."""
    if config["ENV_NAME"] == "production":
        raise ConfigError(
            "CONSULT_SECRET_KEY is not set: a production start needs an explicit secret key "
            "(for example: export CONSULT_SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))'))."
        )
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # Written 0600 so that other local users cannot forge sessions.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
