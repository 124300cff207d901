"""Cursor pagination by id: each page holds the rows after the last one of the page before, so rows
added meanwhile never shift a walk (nothing repeated, nothing skipped; new rows come at its end).
The cursor is that last id: an integer the schema describes exactly, so no well-formed cursor is
ever refused."""

from __future__ import annotations

import sqlalchemy as sa

from consult.extensions import db


def page(query: sa.Select, id_column, cursor: int | None, limit: int) -> tuple[list, int | None]:
    """(rows, next cursor or None) of `query` ordered by `id_column`, after the cursor."""
    rows = list(db.session.scalars(query.where(id_column > (cursor or 0)).order_by(id_column).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1].id if more and rows else None
