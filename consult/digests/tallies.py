"""Each theme's counts kept on the theme: how many people its comments come from, their stances,
and the comments filed elsewhere that also make its point.

Counting these over a million members on every page view took seconds; they change only when
members, stances or mentions do, so each of those writes recounts the themes it touched (a build
or a stance refresh: the whole consultation's). Services flush; the caller commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import cast

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.digests.models import CommentStance, Theme, ThemeMember, ThemeMention
from consult.digests.queries import live_mentions
from consult.extensions import db

STANCE_COLUMNS = ("stance_support", "stance_oppose", "stance_neither")
CAMPAIGN_SMALLEST = 3  # copies of one text, the first included: a pair is not a campaign
CAMPAIGNS_KEPT = 20  # pages show a few; those meant for publication pick the public ones among these


def recount_consultation(consultation_id: int) -> None:
    recount(Theme.consultation_id == consultation_id)


def recount_everywhere() -> None:
    """Every theme of every consultation (after residents' fingerprints were recomputed)."""
    recount(sa.true())


def recount_themes(theme_ids: Iterable[int]) -> None:
    ids = sorted(set(theme_ids))
    if ids:
        recount(Theme.id.in_(ids))


def recount_theme_of(comment_id: int) -> None:
    """The theme a comment sits in (after its stance changed)."""
    recount(Theme.id == sa.select(ThemeMember.theme_id).where(ThemeMember.comment_id == comment_id).scalar_subquery())


def recount(scope) -> None:
    """Recount the themes matching `scope` (a condition on Theme) and store the counts on them."""
    counts: dict[int, dict[str, int]] = {}
    for query in (_residents(scope), _stances(scope), _mentions(scope)):
        for row in db.session.execute(query).mappings():
            counts.setdefault(row["theme_id"], {}).update({k: int(v or 0) for k, v in row.items() if k != "theme_id"})
    campaigns = _campaigns(scope)
    zero = {"resident_count": 0, **dict.fromkeys(STANCE_COLUMNS, 0), "stance_confirmed": 0, "mention_count": 0}
    for theme in db.session.scalars(sa.select(Theme).where(scope)):
        for name, value in (zero | counts.get(theme.id, {})).items():
            setattr(theme, name, value)
        theme.campaigns = campaigns.get(theme.id, [])
    db.session.flush()


def _campaigns(scope) -> dict[int, list[list[int]]]:
    """Theme id → its largest groups of copies: [the group's first comment, how many], largest first."""
    rows = db.session.execute(
        sa.select(ThemeMember.theme_id, ThemeMember.duplicate_of_id, sa.func.count())
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(scope, ThemeMember.duplicate_of_id.is_not(None))
        .group_by(ThemeMember.theme_id, ThemeMember.duplicate_of_id)
        .having(sa.func.count() >= CAMPAIGN_SMALLEST - 1)
    )
    found: dict[int, list[list[int]]] = defaultdict(list)
    for theme_id, first, copies in rows:
        found[theme_id].append([cast(int, first), copies + 1])  # never None: see the where clause
    for groups in found.values():
        groups.sort(key=lambda group: (-group[1], group[0]))
        del groups[CAMPAIGNS_KEPT:]
    return found


def _residents(scope) -> sa.Select:
    # Comments left with the same contact count once (Comment.resident_key); one without counts alone.
    anonymous = sa.func.sum(sa.case((Comment.resident_key.is_(None), 1), else_=0))
    return (
        sa.select(
            ThemeMember.theme_id,
            (sa.func.count(sa.distinct(Comment.resident_key)) + sa.func.coalesce(anonymous, 0)).label("resident_count"),
        )
        .join(Comment, Comment.id == ThemeMember.comment_id)
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(scope)
        .group_by(ThemeMember.theme_id)
    )


def _stances(scope) -> sa.Select:
    stance = sa.func.coalesce(CommentStance.tag, CommentStance.suggested)

    def counted(condition, name: str):
        return sa.func.sum(sa.case((condition, 1), else_=0)).label(name)

    return (
        sa.select(
            ThemeMember.theme_id,
            *(counted(stance == column.removeprefix("stance_"), column) for column in STANCE_COLUMNS),
            counted(CommentStance.tag.is_not(None), "stance_confirmed"),
        )
        .join(CommentStance, CommentStance.comment_id == ThemeMember.comment_id)
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(scope)
        .group_by(ThemeMember.theme_id)
    )


def _mentions(scope) -> sa.Select:
    # Only those still saying something, and not one the resident disputed.
    counted = sa.select(ThemeMention.theme_id, sa.func.count().label("mention_count"))
    return live_mentions(counted.where(ThemeMention.disputed.is_(False))).where(scope).group_by(ThemeMention.theme_id)
