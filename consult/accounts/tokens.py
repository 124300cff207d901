"""Creating, revoking and checking API tokens. Services flush; the view or command commits.

A token is `cst_` and 43 random URL-safe characters: guessing is hopeless, so a SHA-256 of it is
enough to keep at rest (no slow hash needed) and a lookup by that hash finds it."""

from __future__ import annotations

import hashlib
import secrets

import sqlalchemy as sa

from consult.accounts.models import STAFF_ROLES
from consult.accounts.token_models import ApiToken, ApiTokenUse
from consult.db import utcnow
from consult.errors import DomainError
from consult.extensions import db

PREFIX = "cst_"


class TokenError(DomainError):
    pass


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(actor, name: str, role: str) -> tuple[ApiToken, str]:
    """A new token and its only readable copy, to show the admin once."""
    name = name.strip()
    if not name or len(name) > 80:
        raise TokenError("bad_name")
    if role not in STAFF_ROLES:
        raise TokenError("bad_role")
    plain = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        name=name, role=role, prefix=plain[: len(PREFIX) + 6], token_hash=_digest(plain), created_by_id=actor.id
    )
    db.session.add(token)
    db.session.flush()
    return token, plain


def revoke_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = utcnow()


def token_for(authorization: str | None) -> ApiToken | None:
    """The live token an `Authorization: Bearer …` header presents, or None."""
    scheme, _, value = (authorization or "").partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value.startswith(PREFIX) or len(value) > 100:
        return None
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == _digest(value)))
    return token if token is not None and token.active else None


def record_use(token_id: int, method: str, path: str, status: int) -> None:
    """The audit line of one request, written in a transaction of its own: a request whose work is
    rolled back (a refusal, an error) is recorded all the same."""
    now = utcnow()
    with db.engine.begin() as connection:
        connection.execute(
            sa.insert(ApiTokenUse).values(token_id=token_id, at=now, method=method, path=path[:300], status=status)
        )
        connection.execute(sa.update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))


def all_tokens() -> list[ApiToken]:
    return list(db.session.scalars(sa.select(ApiToken).order_by(ApiToken.revoked_at.is_not(None), ApiToken.id.desc())))


def recent_uses(limit: int = 50) -> list[ApiTokenUse]:
    return list(db.session.scalars(sa.select(ApiTokenUse).order_by(ApiTokenUse.id.desc()).limit(limit)))
