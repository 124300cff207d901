"""Digests: builds (background jobs), themes that drafters shape and answer, and the feedback report.

A `Theme` outlives builds once a drafter touches it (renames, merges, splits, moves a comment
into it, answers it): it is then `shaped`, and later builds add new comments to it instead of
replacing it. Unshaped themes are rebuilt freely, keeping their id when their members mostly stay.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.db import UTCDateTime, utcnow
from consult.extensions import Model

BUILD_STATES = ("queued", "running", "done", "failed")
STANCES = ("support", "oppose", "neither")
DECISIONS = ("adopted", "partly_adopted", "not_adopted", "already_provided", "out_of_scope")


ACTIVE = sa.text("state IN ('queued', 'running')")


class DigestBuild(Model):
    __tablename__ = "digest_builds"
    __table_args__ = (
        sa.CheckConstraint(sa.column("state").in_(BUILD_STATES), name="state"),
        # One queued or running build per consultation, whichever web node or worker asks for it.
        sa.Index(
            "ux_digest_builds_active", "consultation_id", unique=True, postgresql_where=ACTIVE, sqlite_where=ACTIVE
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"), index=True)
    state: Mapped[str] = mapped_column(sa.String(10), default="queued")
    progress: Mapped[int] = mapped_column(default=0)  # percent
    stage: Mapped[str] = mapped_column(sa.String(40), default="")
    error: Mapped[str] = mapped_column(sa.Text, default="")
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    comment_count: Mapped[int] = mapped_column(default=0)
    last_comment_id: Mapped[int] = mapped_column(default=0)  # newest comment the build saw
    stats: Mapped[dict] = mapped_column(sa.JSON, default=dict)  # counts and series for the charts
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Written every few seconds by the worker running the build; a stale one means the worker died.
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempt: Mapped[int] = mapped_column(default=1, server_default="1")  # 2, 3: re-queued after a lost worker


class DigestPart(Model):
    """One article's grouping, kept (committed at once) while a build runs: a retry after a killed
    worker takes it up instead of grouping the article again. ``fingerprint`` names exactly what
    was grouped; a build that finishes removes its consultation's parts."""

    __tablename__ = "digest_parts"
    __table_args__ = (sa.UniqueConstraint("consultation_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The unique constraint's index leads with consultation_id: no index of its own.
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    payload: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Theme(Model):
    __tablename__ = "themes"
    __table_args__ = (
        sa.CheckConstraint(
            sa.or_(sa.column("decision").is_(None), sa.column("decision").in_(DECISIONS)), name="decision"
        ),
        sa.Index("ix_themes_place", "consultation_id", "article_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"))
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("articles.id"))  # None: 总体意见
    auto_label: Mapped[str] = mapped_column(sa.String(200), default="")
    custom_label: Mapped[str | None] = mapped_column(sa.String(200))
    keywords: Mapped[list] = mapped_column(sa.JSON, default=list)
    size: Mapped[int] = mapped_column(default=0)  # comments, campaign copies included
    kinds: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    representative_ids: Mapped[list] = mapped_column(sa.JSON, default=list)
    # Kept by digests.tallies whenever members, stances or mentions change: pages read, never count.
    resident_count: Mapped[int] = mapped_column(default=0, server_default="0")
    stance_support: Mapped[int] = mapped_column(default=0, server_default="0")
    stance_oppose: Mapped[int] = mapped_column(default=0, server_default="0")
    stance_neither: Mapped[int] = mapped_column(default=0, server_default="0")
    stance_confirmed: Mapped[int] = mapped_column(default=0, server_default="0")  # tagged by a drafter
    mention_count: Mapped[int] = mapped_column(default=0, server_default="0")
    # Its largest groups of copies, [representative comment id, copies with it], largest first.
    campaigns: Mapped[list] = mapped_column(sa.JSON, default=list, server_default="[]")
    shaped: Mapped[bool] = mapped_column(default=False)
    retired: Mapped[bool] = mapped_column(default=False)  # no members left after a build or a merge
    position: Mapped[int] = mapped_column(default=0)
    decision: Mapped[str | None] = mapped_column(sa.String(20))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Optimistic lock for answers and edits: two drafters never overwrite each other unseen.
    revision: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    answered_by = relationship("User")

    @property
    def label(self) -> str:
        return self.custom_label or self.auto_label

    @property
    def public_label(self) -> str:
        """What outside eyes may read as the theme's name: only a name a drafter gave it. The
        automatic phrase is made of comments' words, some of which may not be public."""
        return self.custom_label or ""

    def take_members(self, members: list[tuple[int, str]]) -> None:
        """Size, kinds and quotes from its members, (comment id, proposal kind) each; a theme left
        without members is retired. After a build and after a drafter's move, beside
        digests.tallies, which counts what needs the database (people, stances, mentions, campaigns)."""
        ids = {comment_id for comment_id, _kind in members}
        self.size, self.retired = len(members), not members
        kinds: dict[str, int] = {}
        for _comment_id, kind in members:
            kinds[kind] = kinds.get(kind, 0) + 1
        self.kinds = kinds
        kept = [c for c in (self.representative_ids or []) if c in ids]
        self.representative_ids = kept or sorted(ids)[:3]


class ThemeMember(Model):
    """Where a comment sits in the digest. `pinned` when a drafter put it there."""

    __tablename__ = "theme_members"

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(sa.ForeignKey("themes.id"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(sa.ForeignKey("comments.id"))
    kind: Mapped[str] = mapped_column(sa.String(10), default="other")
    pinned: Mapped[bool] = mapped_column(default=False)
    # How surely the grouping put it here (cosine to the theme's centre); None when placed by hand.
    fit: Mapped[float | None] = mapped_column(sa.Float)


class ThemeMention(Model):
    """A comment filed under another theme (its main point) that also makes this theme's point: it
    is listed here, not counted here, and receives this theme's answer too when the grouping is sure
    of it. `disputed` when the resident said the answer was not about their point; builds keep it."""

    __tablename__ = "theme_mentions"

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(sa.ForeignKey("themes.id"), primary_key=True, index=True)
    fit: Mapped[float] = mapped_column(sa.Float, default=0.0)
    disputed: Mapped[bool] = mapped_column(default=False)


class CommentPlacement(Model):
    """A drafter's decision that a comment belongs to another article (or to the whole draft)."""

    __tablename__ = "comment_placements"

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id"), primary_key=True)
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("articles.id"))
    placed_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    placed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CommentReference(Model):
    """A comment that names an article in its text (第十二条 …), found at build time."""

    __tablename__ = "comment_references"

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id"), primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id"), primary_key=True, index=True)


class CommentAnswer(Model):
    """An answer to one comment, where the theme's answer does not fit it."""

    __tablename__ = "comment_answers"
    __table_args__ = (sa.CheckConstraint(sa.column("decision").in_(DECISIONS), name="decision"),)

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id"), primary_key=True)
    decision: Mapped[str] = mapped_column(sa.String(20))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    answered_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FeedbackReport(Model):
    """The public 意见采纳情况 of a consultation, once staff publish it."""

    __tablename__ = "feedback_reports"

    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"), primary_key=True)
    introduction: Mapped[str] = mapped_column(sa.Text, default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))


class CommentStance(Model):
    """A comment's stance toward its article: a drafter's tag, and the model's suggestion with its
    confidence. The tag, when there is one, is the stance; `ask_rank` marks the comments whose tag
    would teach the model most (1 first)."""

    __tablename__ = "comment_stances"
    __table_args__ = (
        sa.CheckConstraint(sa.or_(sa.column("tag").is_(None), sa.column("tag").in_(STANCES)), name="tag"),
        sa.CheckConstraint(
            sa.or_(sa.column("suggested").is_(None), sa.column("suggested").in_(STANCES)), name="suggested"
        ),
        # The few comments to tag next, found without reading a million stances.
        sa.Index(
            "ix_comment_stances_asked",
            "consultation_id",
            "ask_rank",
            postgresql_where=sa.text("ask_rank IS NOT NULL"),
            sqlite_where=sa.text("ask_rank IS NOT NULL"),
        ),
    )

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id"), primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"), index=True)
    tag: Mapped[str | None] = mapped_column(sa.String(10))
    tagged_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    tagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    suggested: Mapped[str | None] = mapped_column(sa.String(10))
    confidence: Mapped[float | None] = mapped_column(sa.Float)
    suggested_by: Mapped[str | None] = mapped_column(sa.String(10))  # "model" (from tags) or "rules"
    ask_rank: Mapped[int | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @property
    def stance(self) -> str | None:
        return self.tag or self.suggested


class AnswerDispute(Model):
    """A resident said "这不是我的意见" about the answer their receipt showed: the comment waits for a
    drafter, and its theme's answer no longer reaches it, until someone confirms or moves it."""

    __tablename__ = "answer_disputes"

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id"), primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"), index=True)
    theme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("themes.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
