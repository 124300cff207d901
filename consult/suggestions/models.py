"""Deputies' suggestions, the units (accounts.models.Unit) that handle them, their answers, the deputies' ratings
and the history of every step (SuggestionEvent: one row per change of state, never edited)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.accounts.models import Unit
from consult.db import UTCDateTime, utcnow
from consult.extensions import Model
from consult.suggestions.states import STATES

ANSWER_CATEGORIES = ("A", "B", "C")  # 已解决或基本解决 / 正在解决或列入计划 / 因条件限制暂时难以解决
RATINGS = ("satisfied", "basic", "unsatisfied")
REPORT_KINDS = ("progress", "co_opinion")  # a unit's 办理进度 / a co-unit's 协办意见
REMINDER_KINDS = ("due_soon", "overdue")


class Suggestion(Model):
    __tablename__ = "suggestions"
    __table_args__ = (sa.CheckConstraint(sa.column("state").in_(STATES), name="state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deputy_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)
    category: Mapped[str] = mapped_column(sa.String(40), default="")
    state: Mapped[str] = mapped_column(sa.String(12), default="draft", index=True)
    key: Mapped[bool] = mapped_column(default=False)  # 重点督办
    supervisor: Mapped[str] = mapped_column(sa.String(100), default="")
    lead_unit_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"), index=True)
    co_unit_ids: Mapped[list] = mapped_column(sa.JSON, default=list)
    merged_into_id: Mapped[int | None] = mapped_column(sa.ForeignKey("suggestions.id"))
    public: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    round: Mapped[int] = mapped_column(default=1)  # 2 after a 不满意 sends it back

    lead_unit: Mapped[Unit | None] = relationship()


class SuggestionAnswer(Model):
    __tablename__ = "suggestion_answers"
    __table_args__ = (sa.CheckConstraint(sa.column("category").in_(ANSWER_CATEGORIES), name="category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(sa.ForeignKey("suggestions.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    round: Mapped[int]
    category: Mapped[str] = mapped_column(sa.String(1))
    text: Mapped[str] = mapped_column(sa.Text)
    public: Mapped[bool] = mapped_column(default=True)  # published with the suggestion unless marked otherwise
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SuggestionRating(Model):
    __tablename__ = "suggestion_ratings"
    __table_args__ = (sa.CheckConstraint(sa.column("rating").in_(RATINGS), name="rating"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(sa.ForeignKey("suggestions.id"), index=True)
    round: Mapped[int]
    rating: Mapped[str] = mapped_column(sa.String(12))
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SuggestionEvent(Model):
    __tablename__ = "suggestion_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(sa.ForeignKey("suggestions.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(sa.String(20))
    from_state: Mapped[str] = mapped_column(sa.String(12))
    to_state: Mapped[str] = mapped_column(sa.String(12))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SuggestionCosigner(Model):
    """附议: a deputy the author named; they confirm once the suggestion is sent (or never do)."""

    __tablename__ = "suggestion_cosigners"

    suggestion_id: Mapped[int] = mapped_column(sa.ForeignKey("suggestions.id"), primary_key=True)
    deputy_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), primary_key=True, index=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SuggestionAttachment(Model):
    """A file with the suggestion (the deputy's) or with one answer (the unit's 答复 document)."""

    __tablename__ = "suggestion_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(sa.ForeignKey("suggestions.id"), index=True)
    answer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("suggestion_answers.id"))
    uploaded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(sa.String(200))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SuggestionReport(Model):
    """What a unit files while handling: the lead unit's progress reports (重点督办 asks for them) and
    the co-units' opinions (协办意见) the lead unit answers with."""

    __tablename__ = "suggestion_reports"
    __table_args__ = (sa.CheckConstraint(sa.column("kind").in_(REPORT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(sa.ForeignKey("suggestions.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("units.id"))
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(sa.String(12))
    round: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SuggestionReminder(Model):
    """A reminder sent to the lead unit: at most one of each kind per deadline."""

    __tablename__ = "suggestion_reminders"
    __table_args__ = (
        sa.CheckConstraint(sa.column("kind").in_(REMINDER_KINDS), name="kind"),
        sa.UniqueConstraint("suggestion_id", "kind", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(sa.ForeignKey("suggestions.id"))
    kind: Mapped[str] = mapped_column(sa.String(10))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recipients: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
