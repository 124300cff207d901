"""Hearings (听证会), expert seminars (论证会) and consultative meetings (座谈会) on a consultation:
registrations of speakers and observers, the agenda, and the record of the meeting."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.db import UTCDateTime, utcnow
from consult.extensions import Model, db

KINDS = ("hearing", "seminar", "forum")
STATUSES = ("draft", "announced", "closed", "held", "cancelled")
STANCES = ("for", "against", "amend")
REGISTRATION_KINDS = ("speaker", "observer")
REGISTRATION_STATES = ("applied", "selected", "not_selected", "withdrawn")

hearing_articles = sa.Table(
    "hearing_articles",
    db.metadata,
    sa.Column("hearing_id", sa.ForeignKey("hearings.id"), primary_key=True),
    sa.Column("article_id", sa.ForeignKey("articles.id"), primary_key=True),
)


class Hearing(Model):
    __tablename__ = "hearings"
    __table_args__ = (
        sa.CheckConstraint(sa.column("kind").in_(KINDS), name="kind"),
        sa.CheckConstraint(sa.column("status").in_(STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(sa.ForeignKey("consultations.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(10), default="hearing")
    title: Mapped[str] = mapped_column(sa.String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    venue: Mapped[str] = mapped_column(sa.String(200))
    capacity: Mapped[int] = mapped_column(default=50)  # observers' seats
    speaker_slots: Mapped[int] = mapped_column(default=8)
    registration_opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    registration_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(sa.String(10), default="draft")
    announcement: Mapped[str] = mapped_column(sa.Text, default="")  # 听证公告 body
    report: Mapped[str] = mapped_column(sa.Text, default="")  # 听证报告
    # Bumped by every agenda change: two organizers editing at once are told, not overwritten.
    revision: Mapped[int] = mapped_column(default=1)
    # When applicants were last shown the result; saving a selection alone tells nobody.
    selection_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    consultation = relationship("Consultation")
    articles = relationship("Article", secondary=hearing_articles, order_by="Article.id")
    items: Mapped[list[AgendaItem]] = relationship(back_populates="hearing", order_by="AgendaItem.position")

    def registration_open(self, now: datetime) -> bool:
        if self.status != "announced":
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)


class Registration(Model):
    __tablename__ = "hearing_registrations"
    __table_args__ = (
        sa.CheckConstraint(sa.column("kind").in_(REGISTRATION_KINDS), name="kind"),
        sa.CheckConstraint(sa.column("state").in_(REGISTRATION_STATES), name="state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(sa.ForeignKey("hearings.id"), index=True)
    receipt: Mapped[str] = mapped_column(sa.String(12), unique=True)
    idempotency_token: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(10), default="speaker")
    name: Mapped[str] = mapped_column(sa.String(40))
    article_ids: Mapped[list] = mapped_column(sa.JSON, default=list)
    stance: Mapped[str | None] = mapped_column(sa.String(10))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    district: Mapped[str | None] = mapped_column(sa.String(40))
    role: Mapped[str] = mapped_column(sa.String(20), default="citizen")
    contact_encrypted: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    state: Mapped[str] = mapped_column(sa.String(15), default="applied")
    # What the applicant's receipt shows: the state as of the last published selection.
    published_state: Mapped[str | None] = mapped_column(sa.String(15))
    selection_reason: Mapped[str] = mapped_column(sa.Text, default="")
    selected_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    selected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attended: Mapped[bool | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    hearing = relationship("Hearing")


class AgendaItem(Model):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(sa.ForeignKey("hearings.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(200))
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("articles.id"))
    duration_minutes: Mapped[int] = mapped_column(default=20)
    questions: Mapped[str] = mapped_column(sa.Text, default="")  # one question per line
    speaker_ids: Mapped[list] = mapped_column(sa.JSON, default=list)  # registration ids, in speaking order
    minutes: Mapped[str] = mapped_column(sa.Text, default="")  # 笔录

    hearing: Mapped[Hearing] = relationship(back_populates="items")


class HearingEvent(Model):
    """The hearing's audit log: selections saved and published, contacts viewed or exported."""

    __tablename__ = "hearing_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(sa.ForeignKey("hearings.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(sa.String(30))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor = relationship("User")
