"""Staff accounts. Residents never have accounts: they comment anonymously with a receipt."""

from __future__ import annotations

import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from consult.db import UTCDateTime, utcnow
from consult.extensions import Model

# Staff of the standing committee, and the people the suggestion system adds: deputies (代表) and the
# government units (承办单位) that answer them, and the staff of a 代表联络站 who record what residents
# raise there. Staff pages admit only STAFF_ROLES.
STAFF_ROLES = ("admin", "drafter", "moderator", "organizer")
ROLES = (*STAFF_ROLES, "deputy", "unit", "station")


def _new_session_token() -> str:
    return secrets.token_urlsafe(16)


class User(UserMixin, Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(80), default="")
    role: Mapped[str] = mapped_column(sa.String(20))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the login cookie: changing it ends every session of this user (logout, password change).
    session_token: Mapped[str] = mapped_column(sa.String(32), default=_new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    unit_id: Mapped[int | None] = mapped_column(sa.ForeignKey("units.id"))  # a unit account's department
    station_id: Mapped[int | None] = mapped_column(sa.ForeignKey("stations.id"))  # a station account's station

    __table_args__ = (sa.CheckConstraint(sa.column("role").in_(ROLES), name="role"),)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def rotate_session_token(self) -> None:
        self.session_token = _new_session_token()

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def is_active(self) -> bool:
        return self.active

    def has_role(self, *roles: str) -> bool:
        return self.role == "admin" or self.role in roles


class Unit(Model):
    """A government department that handles suggestions (承办单位)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
