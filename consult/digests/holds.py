"""Answers only where they belong: comments the grouping is unsure of wait for a drafter, and a
resident can say an answer is not about their point. Services flush; the view commits."""

from __future__ import annotations

import sqlalchemy as sa

from consult.digests.models import AnswerDispute, Theme, ThemeMember
from consult.errors import DomainError
from consult.extensions import db


class HoldError(DomainError):
    pass


def members_of(theme: Theme, comment_ids: list[int]) -> list[ThemeMember]:
    """These comments' memberships of `theme` (others are ignored); refused when there are none."""
    members = db.session.scalars(
        sa.select(ThemeMember).where(ThemeMember.theme_id == theme.id, ThemeMember.comment_id.in_(comment_ids))
    ).all()
    if not members:
        raise HoldError("not_members")
    return list(members)


def confirm_members(theme: Theme, comment_ids: list[int]) -> int:
    """A drafter confirms these comments belong to `theme`: they are pinned there (later builds keep
    them), its answer reaches them, and any dispute about them is settled."""
    members = members_of(theme, comment_ids)
    for member in members:
        member.pinned = True
    settle_disputes([m.comment_id for m in members])
    db.session.flush()
    return len(members)


def settle_disputes(comment_ids: list[int]) -> None:
    if comment_ids:
        db.session.execute(sa.delete(AnswerDispute).where(AnswerDispute.comment_id.in_(comment_ids)))


def dispute(comment_id: int, consultation_id: int) -> bool:
    """The resident says the answer on their receipt is not about their point. True the first time."""
    if db.session.get(AnswerDispute, comment_id) is not None:
        return False
    theme_id = db.session.scalar(sa.select(ThemeMember.theme_id).where(ThemeMember.comment_id == comment_id))
    if theme_id is None:
        raise HoldError("no_theme")
    db.session.add(AnswerDispute(comment_id=comment_id, consultation_id=consultation_id, theme_id=theme_id))
    db.session.flush()
    return True
