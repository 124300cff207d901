"""Building a test app and emptying its database: shared by conftest.py and tests that need a
second app (two workers sharing Redis, a migrated database)."""

from __future__ import annotations

import sqlalchemy as sa

from consult import create_app
from consult.extensions import db

STAFF_PASSWORD = "correct horse battery"


def make_app(database_url: str, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SERVER_NAME": "localhost",
        "JOBS_INLINE": True,
    }
    config.update(overrides)
    return create_app(config)


def empty_tables() -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())
