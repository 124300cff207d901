"""Cutting comments stored without a cut, or cut by rules since changed (after an upgrade): a digest
build reads those the long way, so at a million comments this saves minutes of every build. Flushes;
the caller commits."""

from __future__ import annotations

import sqlalchemy as sa

from consult.analysis.prepared import CURRENT_PREFIX, prepare_cut
from consult.comments.models import Comment
from consult.extensions import db

BATCH = 2000


def refresh_cuts() -> int:
    """How many comments were cut anew."""
    stale = sa.or_(Comment.cut.is_(None), sa.not_(Comment.cut.startswith(CURRENT_PREFIX, autoescape=True)))
    query = sa.select(Comment.id, Comment.body_normalized, Comment.tokens).where(stale).order_by(Comment.id)
    done = last = 0
    while batch := db.session.execute(query.where(Comment.id > last).limit(BATCH)).all():
        cuts = [{"id": row.id, "cut": prepare_cut(row.body_normalized, row.tokens or "")} for row in batch]
        db.session.execute(sa.update(Comment), cuts)
        done, last = done + len(batch), batch[-1].id
        db.session.flush()
    return done
