"""Read-side of stances: the split per theme and per article, and what to tag next."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.digests.models import CommentStance, Theme, ThemeMember
from consult.extensions import db


@dataclass
class StanceSplit:
    support: int = 0
    oppose: int = 0
    neither: int = 0
    confirmed: int = 0  # tagged by a drafter; the rest are suggestions

    @property
    def total(self) -> int:
        return self.support + self.oppose + self.neither

    def add(self, stance: str, count: int, confirmed: bool) -> None:
        setattr(self, stance, getattr(self, stance) + count)
        self.confirmed += count if confirmed else 0


def _splits(consultation_id: int, key, *only) -> dict:
    """Stance counts (kept on each theme by digests.tallies) added up by `key`, over the live themes
    matching `only` (all by default); a group without any stance is left out."""
    columns = (Theme.stance_support, Theme.stance_oppose, Theme.stance_neither, Theme.stance_confirmed)
    rows = db.session.execute(
        sa.select(key, *(sa.func.sum(column) for column in columns))
        .where(Theme.consultation_id == consultation_id, Theme.retired.is_(False), *only)
        .group_by(key)
    )
    found = {group: StanceSplit(*(int(n or 0) for n in counts)) for group, *counts in rows}
    return {group: split for group, split in found.items() if split.total}


def _article_is(article_id: int | None):
    return Theme.article_id.is_(None) if article_id is None else Theme.article_id == article_id


def by_theme(consultation_id: int) -> dict[int, StanceSplit]:
    return _splits(consultation_id, Theme.id)


def by_theme_of_article(consultation_id: int, article_id: int | None) -> dict[int, StanceSplit]:
    """Per theme of one article (None: the whole draft's): a page reads its own themes only."""
    return _splits(consultation_id, Theme.id, _article_is(article_id))


def of_theme(theme: Theme) -> StanceSplit | None:
    return _splits(theme.consultation_id, Theme.id, Theme.id == theme.id).get(theme.id)


def total(splits: dict[int, StanceSplit]) -> StanceSplit:
    """Several splits added up (an article's, from its themes')."""
    whole = StanceSplit()
    for split in splits.values():
        for name in ("support", "oppose", "neither"):
            whole.add(name, getattr(split, name), False)
        whole.confirmed += split.confirmed
    return whole


def by_article(consultation_id: int) -> dict[int | None, StanceSplit]:
    """Keyed by article id; None for the comments on the whole draft."""
    return _splits(consultation_id, Theme.article_id)


def stances_of(comment_ids) -> dict[int, CommentStance]:
    ids = list(comment_ids)
    if not ids:
        return {}
    return {
        s.comment_id: s for s in db.session.scalars(sa.select(CommentStance).where(CommentStance.comment_id.in_(ids)))
    }


def tag_next(consultation_id: int, article_id: int | None) -> list[tuple[Comment, CommentStance]]:
    """The untagged comments of an article whose tag would teach the model most, first first."""
    rows = db.session.execute(
        sa.select(Comment, CommentStance)
        .join(CommentStance, CommentStance.comment_id == Comment.id)
        .join(ThemeMember, ThemeMember.comment_id == Comment.id)
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(
            CommentStance.consultation_id == consultation_id,
            Theme.consultation_id == consultation_id,
            _article_is(article_id),
            CommentStance.tag.is_(None),
            CommentStance.ask_rank.is_not(None),
        )
        .order_by(CommentStance.ask_rank)
    )
    return [(comment, record) for comment, record in rows]


def article_key_of(comment_id: int) -> str | None:
    """Where the digest files a comment, as stances.refresh names it: the article id, or "general"."""
    row = db.session.execute(
        sa.select(Theme.article_id)
        .join(ThemeMember, ThemeMember.theme_id == Theme.id)
        .where(ThemeMember.comment_id == comment_id)
    ).first()
    if row is None:
        return None
    return "general" if row.article_id is None else str(row.article_id)
