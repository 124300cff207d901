"""Log lines never carry residents' text or personal data.

A failed statement's exception holds the values it tried to write: SQLAlchemy prints its
parameters (hidden by the engine's `hide_parameters`), and PostgreSQL adds the whole failing row
to its message ("DETAIL: Failing row contains (…)"). Records that carry such an exception get a
traceback whose database messages are reduced to the error class, SQLSTATE and constraint.
"""

from __future__ import annotations

import logging
import sqlite3
import traceback

import sqlalchemy as sa

LOGGERS = ("consult", "huey", "sqlalchemy", "gunicorn.error")


def _is_database_error(error: BaseException) -> bool:
    return (
        isinstance(error, (sa.exc.SQLAlchemyError, sqlite3.Error)) or type(error).__module__.split(".")[0] == "psycopg"
    )


def _chain(error: BaseException | None) -> list[BaseException]:
    found: list[BaseException] = []
    while error is not None and error not in found:
        found.append(error)
        error = error.__cause__ or error.__context__
    return found


def safe_message(error: BaseException) -> str:
    """What may be said of an error in a log or on a staff page."""
    if isinstance(error, sa.exc.StatementError):
        return (
            f"{safe_message(error.orig)} [statement: {error.statement}]"
            if error.orig is not None
            else f"[statement: {error.statement}]"
        )
    if isinstance(error, sqlite3.Error):
        return str(error)  # SQLite names the constraint, never the values
    diag = getattr(error, "diag", None)
    if diag is not None:
        parts = [f"SQLSTATE {diag.sqlstate}"] + [
            f"{name} {value}"
            for name, value in (
                ("constraint", diag.constraint_name),
                ("table", diag.table_name),
                ("column", diag.column_name),
            )
            if value
        ]
        return ", ".join(parts)
    if _is_database_error(error):
        return type(error).__name__
    return str(error)


def safe_error_text(error: BaseException) -> str:
    """ "Type: message" for one error, scrubbed when a database error is anywhere in its chain."""
    if any(_is_database_error(e) for e in _chain(error)):
        return f"{type(error).__name__}: {safe_message(error)}"
    return f"{type(error).__name__}: {error}"


def scrubbed_traceback(error: BaseException) -> str:
    blocks = []
    for each in reversed(_chain(error)):
        frames = "".join(traceback.format_tb(each.__traceback__)) if each.__traceback__ else ""
        name = f"{type(each).__module__}.{type(each).__qualname__}"
        blocks.append(f"Traceback (most recent call last):\n{frames}{name}: {safe_message(each)}")
    return "\n\nDuring handling of the above exception, another exception occurred:\n\n".join(blocks)


class ScrubDatabaseErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and any(_is_database_error(e) for e in _chain(error)):
            record.exc_text = scrubbed_traceback(error)
            record.exc_info = None  # no handler may format the raw exception
        return True


def install_log_scrubbing(app_logger: logging.Logger) -> None:
    scrubber = ScrubDatabaseErrors()
    for logger in {app_logger, *(logging.getLogger(name) for name in LOGGERS)}:
        if not any(isinstance(f, ScrubDatabaseErrors) for f in logger.filters):
            logger.addFilter(scrubber)
