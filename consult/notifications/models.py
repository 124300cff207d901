"""Who asked to be told (a subscription, confirmed by a link sent to them) and what is sent (an outbox
of messages, each rendered when its event happened and sent by the job queue). Addresses are kept
encrypted with the contact key, like comments' contacts; links carry the subscription signed with
the app's secret key (tokens.py), so nothing secret about them is stored."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.db import UTCDateTime, utcnow
from consult.extensions import Model

SUBSCRIPTION_STATES = ("pending", "confirmed", "unsubscribed")
MESSAGE_STATES = ("queued", "sent", "failed")


class Subscription(Model):
    __tablename__ = "subscriptions"
    __table_args__ = (sa.CheckConstraint(sa.column("state").in_(SUBSCRIPTION_STATES), name="state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(sa.ForeignKey("drafts.id"), index=True)  # every round of it
    comment_id: Mapped[int | None] = mapped_column(sa.ForeignKey("comments.id"), index=True)  # set: about a comment
    # Set: about a hearing registration (its contact was given "to be told the selection result").
    registration_id: Mapped[int | None] = mapped_column(sa.ForeignKey("hearing_registrations.id"), index=True)
    email_encrypted: Mapped[bytes] = mapped_column(sa.LargeBinary)
    email_key: Mapped[str] = mapped_column(sa.String(24), index=True)  # HMAC: finds a repeat without decrypting
    state: Mapped[str] = mapped_column(sa.String(12), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    unsubscribed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutgoingMessage(Model):
    __tablename__ = "outgoing_messages"
    __table_args__ = (
        sa.CheckConstraint(sa.column("state").in_(MESSAGE_STATES), name="state"),
        sa.Index("ix_outgoing_messages_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(sa.ForeignKey("subscriptions.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))  # confirm / receipt / answer / new_round
    subject: Mapped[str] = mapped_column(sa.String(200))
    text: Mapped[str] = mapped_column(sa.Text)
    html: Mapped[str] = mapped_column(sa.Text)
    unsubscribe_url: Mapped[str] = mapped_column(sa.String(300))
    state: Mapped[str] = mapped_column(sa.String(10), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(sa.String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
