"""Read-side of comments: what the public may see, and the moderation queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from consult.comments.models import Comment, ModerationEvent
from consult.extensions import db


def public_filter():
    return sa.and_(Comment.state == "approved", Comment.wants_public.is_(True))


def published_page(consultation_id: int, article_id: int | None, page: int, per_page: int):
    article_clause = Comment.article_id.is_(None) if article_id is None else Comment.article_id == article_id
    query = (
        sa.select(Comment)
        .where(Comment.consultation_id == consultation_id, article_clause, public_filter())
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def published_on_item(item_id: int, page: int, per_page: int):
    """Published comments on one instruction of an amendment draft, newest first."""
    query = (
        sa.select(Comment)
        .where(Comment.amendment_item_id == item_id, public_filter())
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def public_counts_by_item(version_id: int) -> dict[int, int]:
    """Published comments per amendment item of a version."""
    rows = db.session.execute(
        sa.select(Comment.amendment_item_id, sa.func.count())
        .where(Comment.version_id == version_id, Comment.amendment_item_id.is_not(None), public_filter())
        .group_by(Comment.amendment_item_id)
    )
    return {item_id: count for item_id, count in rows if item_id is not None}


def public_counts(consultation_id: int) -> dict[int | None, int]:
    """Published comments per article id (None: on the whole draft)."""
    rows = db.session.execute(
        sa.select(Comment.article_id, sa.func.count())
        .where(Comment.consultation_id == consultation_id, public_filter())
        .group_by(Comment.article_id)
    )
    return dict(rows.all())


def total(consultation_id: int) -> int:
    """Every comment received, in any state."""
    count = db.session.scalar(sa.select(sa.func.count(Comment.id)).where(Comment.consultation_id == consultation_id))
    return count or 0


def of_consultation(consultation_id: int, ids) -> list[Comment]:
    """The comments with these ids that belong to this consultation (ids from a form)."""
    return list(
        db.session.scalars(
            sa.select(Comment).where(Comment.consultation_id == consultation_id, Comment.id.in_(list(ids)))
        )
    )


def received_and_pending(consultation_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Consultation id → (comments received, comments waiting for moderation)."""
    if not consultation_ids:
        return {}
    pending = sa.func.sum(sa.case((Comment.state == "pending", 1), else_=0))
    rows = db.session.execute(
        sa.select(Comment.consultation_id, sa.func.count(Comment.id), pending)
        .where(Comment.consultation_id.in_(consultation_ids))
        .group_by(Comment.consultation_id)
    )
    return {cid: (int(total), int(waiting or 0)) for cid, total, waiting in rows}


def by_receipt(receipt: str) -> Comment | None:
    return db.session.scalar(sa.select(Comment).filter_by(receipt=receipt))


@dataclass
class QueueFilters:
    article_id: int | None = None
    general_only: bool = False
    state: str | None = "pending"
    source: str | None = None
    since: date | None = None
    until: date | None = None
    text: str = ""


def queue(consultation_id: int, filters: QueueFilters, page: int, per_page: int, zone: ZoneInfo):
    query = sa.select(Comment).where(Comment.consultation_id == consultation_id)
    if filters.general_only:
        query = query.where(Comment.article_id.is_(None))
    elif filters.article_id:
        query = query.where(Comment.article_id == filters.article_id)
    if filters.state:
        query = query.where(Comment.state == filters.state)
    if filters.source:
        query = query.where(Comment.source == filters.source)
    if filters.since:
        query = query.where(Comment.created_at >= datetime.combine(filters.since, time(), zone))
    if filters.until:
        query = query.where(Comment.created_at < datetime.combine(filters.until + timedelta(days=1), time(), zone))
    if filters.text:
        pattern = "%" + filters.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(Comment.body.like(pattern, escape="\\"))
    query = query.order_by(Comment.created_at, Comment.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def events_for(comment_id: int) -> list[ModerationEvent]:
    return list(
        db.session.scalars(
            sa.select(ModerationEvent).filter_by(comment_id=comment_id).order_by(ModerationEvent.created_at)
        )
    )


def consultation_events(consultation_id: int, limit: int = 200) -> list[ModerationEvent]:
    return list(
        db.session.scalars(
            sa.select(ModerationEvent)
            .filter_by(consultation_id=consultation_id)
            .order_by(ModerationEvent.created_at.desc(), ModerationEvent.id.desc())
            .limit(limit)
        )
    )


def state_counts(consultation_id: int) -> dict[str, int]:
    rows = db.session.execute(
        sa.select(Comment.state, sa.func.count())
        .where(Comment.consultation_id == consultation_id)
        .group_by(Comment.state)
    )
    return dict(rows.all())
