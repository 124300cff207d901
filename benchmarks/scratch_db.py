"""A throw-away database for a benchmark: a SQLite file, or a temporary PostgreSQL database created
on the given server and dropped afterwards, so that the server's own databases stay untouched."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import psycopg
import sqlalchemy as sa


@contextlib.contextmanager
def scratch_database(url: str | None, workdir: Path):
    """Yield a fresh database URL: SQLite in workdir unless `url` names a PostgreSQL server."""
    if not url or url.startswith("sqlite"):
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    server = sa.make_url(url).set(drivername="postgresql+psycopg")
    name = f"consult_bench_{os.getpid()}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
