"""What a digest build reads: the comments of a consultation as light rows, and where each belongs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.digests.models import CommentPlacement, ThemeMember
from consult.extensions import db

READ_CHUNK = 20_000


@dataclass
class Row:
    id: int
    article_id: int | None  # where it is filed for the digest (a drafter's placement wins)
    text: str
    tokens: str  # as stored: space-joined (split only where needed: a million tuples of words weigh gigabytes)
    cut: str | None  # its cut as stored (consult.analysis.prepared), if it has one
    state: str
    public: bool
    source: str
    role: str
    district: str | None
    created_at: datetime


def comment_count(consultation_id: int) -> int:
    return db.session.scalar(sa.select(sa.func.count()).where(Comment.consultation_id == consultation_id)) or 0


def comment_rows(consultation_id: int, on_read: Callable[[int], None] | None = None) -> list[Row]:
    """The consultation's comments, in id order; ``on_read`` hears how many are read, chunk by chunk."""
    placed = sa.select(CommentPlacement.comment_id, CommentPlacement.article_id).subquery()
    columns = (
        Comment.id,
        Comment.article_id,
        placed.c.comment_id,
        placed.c.article_id,
        Comment.body_normalized,
        Comment.tokens,
        Comment.cut,
        Comment.state,
        Comment.wants_public,
        Comment.source,
        Comment.role,
        Comment.district,
        sa.type_coerce(Comment.created_at, sa.DateTime()),  # naive UTC as stored: no conversion per row
    )
    query = (
        sa.select(*columns)
        .outerjoin(placed, placed.c.comment_id == Comment.id)
        .where(Comment.consultation_id == consultation_id)
        .order_by(Comment.id)
        .limit(READ_CHUNK)
    )
    # A chunk at a time, each its own query (a million rows are never one result buffer), so that
    # nothing is left open between them while the progress is written (SQLite would be locked).
    rows: list[Row] = []
    while chunk := db.session.execute(query.where(Comment.id > (rows[-1].id if rows else 0))).all():
        rows += [_row(*values) for values in chunk]
        if on_read is not None:
            on_read(len(rows))
    return rows


def _row(
    id_, article_id, placed, placed_article, text, tokens, cut, state, wants_public, source, role, district, created_at
) -> Row:
    # Positional, not read by name: twelve named lookups on each of 100k rows cost about 0.6 s a build.
    return Row(
        id=id_,
        article_id=placed_article if placed is not None else article_id,
        text=text,
        tokens=tokens or "",
        cut=cut,
        state=state,
        public=state == "approved" and wants_public,
        source=source,
        role=role,
        district=district,
        created_at=created_at,
    )


def pinned_members(consultation_id: int) -> dict[int, int]:
    """comment id → theme id for comments a drafter placed by hand."""
    from consult.digests.models import Theme

    query = (
        sa.select(ThemeMember.comment_id, ThemeMember.theme_id)
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(Theme.consultation_id == consultation_id, ThemeMember.pinned.is_(True))
    )
    return dict(db.session.execute(query).all())


def current_members(consultation_id: int) -> dict[int, set[int]]:
    """theme id → its member comment ids, as the last build left them."""
    from consult.digests.models import Theme

    query = (
        sa.select(ThemeMember.theme_id, ThemeMember.comment_id)
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(Theme.consultation_id == consultation_id)
    )
    members: dict[int, set[int]] = {}
    for theme_id, comment_id in db.session.execute(query):
        members.setdefault(theme_id, set()).add(comment_id)
    return members
