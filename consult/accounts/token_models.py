"""API tokens: what a program presents instead of a staff login. Only a hash of each token is kept;
every use is recorded."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.accounts.models import STAFF_ROLES
from consult.db import UTCDateTime, utcnow
from consult.extensions import Model


class ApiToken(Model):
    __tablename__ = "api_tokens"
    __table_args__ = (sa.CheckConstraint(sa.column("role").in_(STAFF_ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80))  # what it is for: "法工委数据看板"
    role: Mapped[str] = mapped_column(sa.String(20))  # it may do what a user of this role may
    prefix: Mapped[str] = mapped_column(sa.String(12))  # shown in lists, so a token can be recognised
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)  # SHA-256 of the whole token
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class ApiTokenUse(Model):
    """One request made with a token: the audit trail."""

    __tablename__ = "api_token_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_id: Mapped[int] = mapped_column(sa.ForeignKey("api_tokens.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    method: Mapped[str] = mapped_column(sa.String(10))
    path: Mapped[str] = mapped_column(sa.String(300))
    status: Mapped[int]
