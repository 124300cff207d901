"""A comment's other points: the themes besides its own that it also speaks to (see ThemeMention).

Listed under those themes for drafters, never counted there; their answers reach the resident when
the grouping is sure of the point and the resident has not said it is not theirs."""

from __future__ import annotations

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.digests import tallies
from consult.digests.models import Theme, ThemeMember, ThemeMention
from consult.digests.queries import Answer, live_mentions
from consult.extensions import db


def of_theme(theme_id: int, limit: int = 50) -> list[tuple[Comment, float, int]]:
    """Comments filed under other themes that also make this theme's point, surest first: (comment,
    fit, how many copies of it are among them — a campaign is listed once)."""
    copy_of = sa.func.coalesce(ThemeMember.duplicate_of_id, Comment.id)
    rows = db.session.execute(
        live_mentions(
            sa.select(copy_of, sa.func.max(ThemeMention.fit), sa.func.count())
            .select_from(ThemeMention)
            .join(Comment, Comment.id == ThemeMention.comment_id)
            .outerjoin(ThemeMember, ThemeMember.comment_id == Comment.id)
            .where(ThemeMention.theme_id == theme_id, ThemeMention.disputed.is_(False))
        )
        .group_by(copy_of)
        .order_by(sa.func.max(ThemeMention.fit).desc(), copy_of)
        .limit(limit)
    ).all()
    comments = {c.id: c for c in db.session.scalars(sa.select(Comment).where(Comment.id.in_([r[0] for r in rows])))}
    return [(comments[first], fit, n) for first, fit, n in rows if first in comments]


def counts(theme_ids: list[int]) -> dict[int, int]:
    """Theme id → how many comments filed elsewhere also make its point (counted by digests.tallies)."""
    if not theme_ids:
        return {}
    rows = db.session.execute(
        sa.select(Theme.id, Theme.mention_count).where(
            Theme.id.in_(theme_ids), Theme.retired.is_(False), Theme.mention_count > 0
        )
    )
    return dict(rows.all())


def answers_for(comment_id: int, hold_below: float) -> list[tuple[int, Answer]]:
    """(theme id, answer) of each answered theme the comment's other points reach and that a
    drafter has named: the grouping must be sure of the point, and the resident must not have
    said it is not theirs."""
    rows = db.session.scalars(
        live_mentions(
            sa.select(Theme)
            .select_from(ThemeMention)
            .where(
                ThemeMention.comment_id == comment_id,
                ThemeMention.disputed.is_(False),
                ThemeMention.fit >= hold_below,
                Theme.decision.is_not(None),
                Theme.custom_label.is_not(None),
            )
        ).order_by(Theme.position, Theme.id)
    )
    return [(t.id, Answer(t.decision or "", t.reason, t.public_label, from_theme=True)) for t in rows]


def dispute(comment_id: int, theme_id: int) -> bool:
    """The resident says this other answer is not about their point: it stops reaching them, and
    builds do not bring the point back there. True when there was such a mention to dispute."""
    mention = db.session.get(ThemeMention, (comment_id, theme_id))
    if mention is None or mention.disputed:
        return False
    mention.disputed = True
    db.session.flush()
    tallies.recount_themes([theme_id])
    return True
