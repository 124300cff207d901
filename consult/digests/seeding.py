"""Seeded themes: a drafter names a theme and picks a few example comments (拆分为新主题 does this);
this previews which other comments of the article the next build would pull in, so they can be
moved in now. Same rule as the build: free (unpinned) comments join the closest shaped theme."""

from __future__ import annotations

import sqlalchemy as sa

from consult.analysis.assign import assign_to_groups
from consult.comments.models import Comment
from consult.digests.models import Theme, ThemeMember
from consult.digests.services import move_comments
from consult.extensions import db

PREVIEW = 20


def pull_preview(theme: Theme, limit: int = PREVIEW) -> list[tuple[Comment, float]]:
    """Comments of the theme's article, outside it and not placed by hand, that the next build would
    move into it, closest first."""
    if not theme.shaped or theme.retired:
        return []
    article = Theme.article_id.is_(None) if theme.article_id is None else Theme.article_id == theme.article_id
    rows = db.session.execute(
        sa.select(Comment.id, Comment.tokens, ThemeMember.theme_id, ThemeMember.pinned, Theme.shaped)
        .join(ThemeMember, ThemeMember.comment_id == Comment.id)
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(Theme.consultation_id == theme.consultation_id, article, Theme.retired.is_(False))
    ).all()
    groups: dict[int, list[tuple[str, ...]]] = {}
    free: list[tuple[int, tuple[str, ...], int | None]] = []
    for comment_id, tokens, theme_id, pinned, shaped in rows:
        words = tuple((tokens or "").split())
        if shaped:
            groups.setdefault(theme_id, []).append(words)
        if theme_id != theme.id and not pinned:
            free.append((comment_id, words, theme_id if shaped else None))
    if theme.id not in groups or not free:
        return []
    joined = assign_to_groups(groups, [words for _, words, _ in free], current=[where for _, _, where in free])
    chosen = sorted(
        ((comment_id, score) for (comment_id, _, _), (key, score) in zip(free, joined) if key == theme.id),
        key=lambda pair: -pair[1],
    )[:limit]
    comments = {c.id: c for c in db.session.scalars(sa.select(Comment).where(Comment.id.in_([c for c, _ in chosen])))}
    return [(comments[c], score) for c, score in chosen if c in comments]


def pull_in(target: Theme, comment_ids: list[int]) -> int:
    """Move these comments (members of other themes of the same article) into `target`, pinned."""
    sources = db.session.execute(
        sa.select(ThemeMember.theme_id, ThemeMember.comment_id).where(ThemeMember.comment_id.in_(comment_ids))
    ).all()
    by_source: dict[int, list[int]] = {}
    for theme_id, comment_id in sources:
        if theme_id != target.id:
            by_source.setdefault(theme_id, []).append(comment_id)
    moved = 0
    for theme_id, ids in by_source.items():
        moved += move_comments(db.session.get_one(Theme, theme_id), ids, target)
    return moved
