"""Operations on staff accounts. They flush; the caller commits."""

from __future__ import annotations

import secrets
from functools import lru_cache

from werkzeug.security import check_password_hash, generate_password_hash

from consult.accounts.models import ROLES, Unit, User
from consult.db import utcnow
from consult.extensions import db


class AccountError(Exception):
    """A domain error with a stable code the views translate."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(
    email: str,
    role: str,
    password: str,
    display_name: str = "",
    unit_name: str | None = None,
    station_id: int | None = None,
) -> User:
    """An account; a unit account may join its department (`unit_name`, created if new), a station
    account its 代表联络站 (`station_id`: the caller finds the station, accounts knows no stations)."""
    email = normalise_email(email)
    if role not in ROLES:
        raise AccountError("unknown_role")
    if unit_name and role != "unit":
        raise AccountError("unit_for_units_only")
    if station_id is not None and role != "station":
        raise AccountError("station_for_stations_only")
    if len(password) < 10:
        raise AccountError("weak_password")
    if db.session.scalar(db.select(User).filter_by(email=email)):
        raise AccountError("email_taken")
    user = User(email=email, role=role, display_name=display_name or email.split("@")[0])
    if unit_name:
        user.unit_id = unit_named(unit_name).id
    user.station_id = station_id
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def unit_named(name: str) -> Unit:
    """The unit of this name, created if there is none yet."""
    name = name.strip()[:100]
    unit = db.session.scalar(db.select(Unit).filter_by(name=name))
    if unit is None:
        unit = Unit(name=name)
        db.session.add(unit)
        db.session.flush()
    return unit


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return generate_password_hash(secrets.token_urlsafe(16), method="scrypt")


def authenticate(email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None. An unknown e-mail costs the same
    scrypt hash as a known one, so the answer's timing does not tell which accounts exist."""
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    user.last_login_at = utcnow()
    return user


def load_session_user(cookie_id: str) -> User | None:
    user_id, _, token = cookie_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_token != token:
        return None
    return user
