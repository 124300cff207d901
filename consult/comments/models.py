"""Residents' opinions and the record of every moderation action.

Moderation never deletes: a comment is pending, approved or rejected, and its original text stays
in `body` even when a redacted `public_body` is what the public sees.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.db import UTCDateTime, utcnow
from consult.extensions import Model

ROLES = ("citizen", "enterprise", "organisation", "deputy", "cppcc_member", "expert", "other")
SOURCES = ("web", "letter", "email", "deputy", "liaison_station", "seminar")
STATES = ("pending", "approved", "rejected")
REJECT_REASONS = ("off_topic", "advertising", "abuse", "duplicate", "personal_data", "other")


class Comment(Model):
    __tablename__ = "comments"
    __table_args__ = (
        sa.CheckConstraint(sa.column("state").in_(STATES), name="state"),
        sa.CheckConstraint(sa.column("source").in_(SOURCES), name="source"),
        # Counting published comments per article (the narrow one is the cheaper to scan) …
        sa.Index("ix_comments_public", "consultation_id", "article_id", "state", "wants_public"),
        # … and an article's newest published comments read straight off an index, without sorting the
        # hundreds of thousands a national draft's busiest article draws (benchmarks/pages_at_scale.py).
        sa.Index(
            "ix_comments_public_newest", "consultation_id", "article_id", "state", "wants_public", "created_at", "id"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"), index=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("draft_versions.id"))
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("articles.id"))  # None: 总体意见
    # Set when the comment is on one instruction of an amendment draft (its article, if it has one).
    amendment_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("amendment_items.id"))
    receipt: Mapped[str] = mapped_column(sa.String(12), unique=True)
    # The form's one-time token: a retried or double-clicked submission finds the stored comment.
    idempotency_token: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    body: Mapped[str] = mapped_column(sa.Text)  # exactly as submitted (after stripping)
    body_normalized: Mapped[str] = mapped_column(sa.Text)  # NFKC, invisible characters removed
    public_body: Mapped[str | None] = mapped_column(sa.Text)  # redacted text; None = body
    tokens: Mapped[str] = mapped_column(sa.Text, default="")  # segmented once, reused by digests
    # Its kind and points as the analysis cuts them, worked out once too (consult.analysis.prepared).
    cut: Mapped[str | None] = mapped_column(sa.Text)
    display_name: Mapped[str | None] = mapped_column(sa.String(40))
    contact_encrypted: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    # A keyed hash of the contact (see ContactCipher.fingerprint): who wrote several comments.
    resident_key: Mapped[str | None] = mapped_column(sa.String(24))
    district: Mapped[str | None] = mapped_column(sa.String(40))
    role: Mapped[str] = mapped_column(sa.String(20), default="citizen")
    wants_public: Mapped[bool] = mapped_column(default=True)
    source: Mapped[str] = mapped_column(sa.String(20), default="web")
    state: Mapped[str] = mapped_column(sa.String(10), default="pending")
    reject_reason: Mapped[str | None] = mapped_column(sa.String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # letters: the date on the letter
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    station_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stations.id"), index=True)  # gathered there

    consultation = relationship("Consultation")

    @property
    def is_public(self) -> bool:
        return self.state == "approved" and self.wants_public

    @property
    def shown_text(self) -> str:
        return self.public_body if self.public_body is not None else self.body

    @property
    def shown_name(self) -> str | None:
        return self.display_name or None


class ModerationEvent(Model):
    """The audit log: who did what to which comment, when and why."""

    __tablename__ = "moderation_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int | None] = mapped_column(sa.ForeignKey("comments.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(sa.String(30))
    reason: Mapped[str | None] = mapped_column(sa.String(20))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor = relationship("User")
