"""Read-side of digests: everything a digest page shows comes from the last good build."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from consult.comments.models import Comment
from consult.comments.queries import public_filter
from consult.digests.models import AnswerDispute, CommentAnswer, CommentReference, Theme, ThemeMember, ThemeMention
from consult.extensions import db


@dataclass
class Campaign:
    representative: Comment
    count: int


@dataclass
class ThemeView:
    theme: Theme
    quotes: list[Comment] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)


def themes_for(
    consultation_id: int, article_id: int | None, quotes: int = 3, *, publishable: bool = False
) -> list[ThemeView]:
    """Live themes of one article (None: the whole draft), largest first, the unsorted one last.

    `publishable`: for anything printed or exported for outside eyes (packets, the feedback report,
    the 意见汇总表), quotes and campaign texts come only from approved comments their authors let
    us publish; a theme whose chosen quotes are private is quoted from its other public comments.
    """
    article_clause = Theme.article_id.is_(None) if article_id is None else Theme.article_id == article_id
    themes = db.session.scalars(
        sa.select(Theme)
        .where(Theme.consultation_id == consultation_id, article_clause, Theme.retired.is_(False))
        .order_by((Theme.auto_label == "") & Theme.custom_label.is_(None), Theme.size.desc(), Theme.id)
    ).all()
    wanted = {cid for t in themes for cid in (t.representative_ids or [])[:quotes]}
    comments = _comments(wanted, publishable)
    views = []
    campaigns = _campaigns(themes, publishable=publishable)
    for theme in themes:
        view = ThemeView(theme, [comments[c] for c in (theme.representative_ids or [])[:quotes] if c in comments])
        if publishable and len(view.quotes) < min(quotes, theme.size):
            view.quotes += _other_public_members(theme.id, {c.id for c in view.quotes}, quotes - len(view.quotes))
        view.campaigns = campaigns.get(theme.id, [])
        # A campaign is shown once, as "N 条相同或相近意见", not again as a quote.
        copied = {c.representative.id for c in view.campaigns} | {c.representative.shown_text for c in view.campaigns}
        view.quotes = [q for q in view.quotes if q.id not in copied and q.shown_text not in copied]
        views.append(view)
    return views


def _comments(ids, publishable: bool = False) -> dict[int, Comment]:
    if not ids:
        return {}
    query = sa.select(Comment).where(Comment.id.in_(list(ids)))
    if publishable:
        query = query.where(public_filter())
    return {c.id: c for c in db.session.scalars(query)}


def _other_public_members(theme_id: int, shown: set[int], limit: int) -> list[Comment]:
    return list(
        db.session.scalars(
            sa.select(Comment)
            .join(ThemeMember, ThemeMember.comment_id == Comment.id)
            .where(
                ThemeMember.theme_id == theme_id,
                ThemeMember.duplicate_of_id.is_(None),
                public_filter(),
                Comment.id.not_in(shown or {0}),
            )
            .order_by(Comment.id)
            .limit(limit)
        )
    )


def _campaigns(themes: Sequence[Theme], shown: int = 3, *, publishable: bool = False) -> dict[int, list[Campaign]]:
    """Copies grouped under their first comment, as counted by digests.tallies: shown as "N 条相同或
    相近意见" with one text, the `shown` largest per theme."""
    comments = _comments({first for t in themes for first, _n in (t.campaigns or [])}, publishable)
    return {
        t.id: [Campaign(comments[first], n) for first, n in (t.campaigns or []) if first in comments][:shown]
        for t in themes
    }


def live_mentions(query: sa.Select) -> sa.Select:
    """``query`` over ThemeMention, kept to the mentions that still say something: of a live theme,
    and not of the theme the comment now sits in (a drafter moved it there)."""
    own = aliased(ThemeMember)
    main = sa.select(own.theme_id).where(own.comment_id == ThemeMention.comment_id).scalar_subquery()
    return query.join(Theme, Theme.id == ThemeMention.theme_id).where(
        Theme.retired.is_(False), ThemeMention.theme_id != sa.func.coalesce(main, 0)
    )


def sibling_themes(theme: Theme) -> list[Theme]:
    """The other live themes of the same article (or of the whole draft), largest first."""
    article_clause = Theme.article_id.is_(None) if theme.article_id is None else Theme.article_id == theme.article_id
    return list(
        db.session.scalars(
            sa.select(Theme)
            .where(
                Theme.consultation_id == theme.consultation_id,
                article_clause,
                Theme.retired.is_(False),
                Theme.id != theme.id,
            )
            .order_by(Theme.size.desc())
        )
    )


def theme_members(theme_id: int, page: int, per_page: int = 50):
    query = (
        sa.select(Comment)
        .join(ThemeMember, ThemeMember.comment_id == Comment.id)
        .where(ThemeMember.theme_id == theme_id)
        .order_by(Comment.created_at, Comment.id)
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def referencing_comments(article_id: int, limit: int = 20) -> list[Comment]:
    """Comments filed elsewhere that name this article."""
    return list(
        db.session.scalars(
            sa.select(Comment)
            .join(CommentReference, CommentReference.comment_id == Comment.id)
            .where(CommentReference.article_id == article_id, Comment.state != "rejected")
            .order_by(Comment.created_at)
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class Answer:
    decision: str
    reason: str
    theme_label: str | None
    from_theme: bool = False  # a theme's answer: the resident may say it is not about their point


def held(member: ThemeMember, hold_below: float) -> bool:
    """A member the grouping is unsure of: its theme's answer waits until a drafter confirms it.
    Placed by hand (pinned) or before fits were kept (None): sure."""
    return not member.pinned and member.fit is not None and member.fit < hold_below


def answer_for(comment_id: int, hold_below: float) -> Answer | None:
    """The answer a resident sees: their own comment's answer, else their theme's — unless the
    grouping is unsure the comment belongs there, or the resident said it does not."""
    own = db.session.get(CommentAnswer, comment_id)
    if own is not None:
        return Answer(own.decision, own.reason, None)
    found = db.session.execute(
        sa.select(Theme, ThemeMember)
        .join(ThemeMember, ThemeMember.theme_id == Theme.id)
        .where(ThemeMember.comment_id == comment_id)
    ).first()
    if found is None or not found.Theme.decision or held(found.ThemeMember, hold_below):
        return None
    if db.session.get(AnswerDispute, comment_id) is not None:
        return None
    theme = found.Theme
    return Answer(theme.decision, theme.reason, theme.public_label or None, from_theme=True)


def held_members(theme: Theme, hold_below: float) -> list[tuple[Comment, float | None, bool]]:
    """The theme's members waiting for a drafter: unsure fits and residents' disputes, least sure first."""
    disputed = sa.select(AnswerDispute.comment_id).where(AnswerDispute.comment_id == ThemeMember.comment_id)
    rows = db.session.execute(
        sa.select(Comment, ThemeMember.fit, sa.exists(disputed))
        .join(ThemeMember, ThemeMember.comment_id == Comment.id)
        .where(
            ThemeMember.theme_id == theme.id,
            sa.or_(sa.and_(ThemeMember.pinned.is_(False), ThemeMember.fit < hold_below), sa.exists(disputed)),
        )
        .order_by(ThemeMember.fit.nulls_last(), Comment.id)
    )
    return [(comment, fit, bool(is_disputed)) for comment, fit, is_disputed in rows]


def resident_counts(theme_ids: list[int]) -> dict[int, int]:
    """Theme id → how many people its comments come from (counted by digests.tallies)."""
    if not theme_ids:
        return {}
    return dict(db.session.execute(sa.select(Theme.id, Theme.resident_count).where(Theme.id.in_(theme_ids))).all())


def answered_by_article(consultation_id: int) -> dict[int | None, list[Theme]]:
    """Article id → its answered themes that a drafter has named (what may be shown outside)."""
    themes = db.session.scalars(
        sa.select(Theme)
        .where(
            Theme.consultation_id == consultation_id,
            Theme.retired.is_(False),
            Theme.decision.is_not(None),
            Theme.custom_label.is_not(None),
        )
        .order_by(Theme.size.desc(), Theme.id)
    )
    found: dict[int | None, list[Theme]] = defaultdict(list)
    for theme in themes:
        found[theme.article_id].append(theme)
    return found


def answered_counts(consultation_id: int) -> tuple[int, int]:
    """(answered themes, live themes)."""
    row = db.session.execute(
        sa.select(sa.func.count(Theme.decision), sa.func.count(Theme.id)).where(
            Theme.consultation_id == consultation_id, Theme.retired.is_(False)
        )
    ).one()
    return row[0], row[1]
