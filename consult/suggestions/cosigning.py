"""附议: the deputy who writes a suggestion names the deputies who join it while it is a draft; once it
is sent, each named deputy sees it and confirms (or withdraws) their co-signature. Only confirmed
co-signers count in lists and reports."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from consult.accounts.models import User
from consult.db import utcnow
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionCosigner
from consult.suggestions.services import SuggestionError, own_draft, record

MAX_COSIGNERS = 30


def deputies_besides(deputy: User) -> list[User]:
    query = sa.select(User).where(User.role == "deputy", User.active.is_(True), User.id != deputy.id)
    return list(db.session.scalars(query.order_by(User.display_name, User.id)))


def name_cosigners(deputy: User, suggestion: Suggestion, deputy_ids: list[int]) -> None:
    """Replace the draft's named co-signers with these deputies (not the author)."""
    own_draft(deputy, suggestion)
    wanted = set(deputy_ids) - {deputy.id}
    if len(wanted) > MAX_COSIGNERS:
        raise SuggestionError("too_many_cosigners", limit=MAX_COSIGNERS)
    found = set(db.session.scalars(sa.select(User.id).where(User.id.in_(wanted), User.role == "deputy")))
    if found != wanted:
        raise SuggestionError("not_a_deputy")
    db.session.execute(sa.delete(SuggestionCosigner).where(SuggestionCosigner.suggestion_id == suggestion.id))
    db.session.add_all(SuggestionCosigner(suggestion_id=suggestion.id, deputy_id=i) for i in sorted(wanted))
    db.session.flush()


def _named(deputy: User, suggestion: Suggestion) -> SuggestionCosigner:
    row = db.session.get(SuggestionCosigner, (suggestion.id, deputy.id))
    if row is None:
        raise SuggestionError("not_yours", action="cosign", state=suggestion.state)
    if suggestion.state in ("draft", "merged", "closed"):
        raise SuggestionError("not_now", action="cosign", state=suggestion.state)
    return row


def confirm(deputy: User, suggestion: Suggestion) -> None:
    row = _named(deputy, suggestion)
    if row.confirmed_at is None:
        row.confirmed_at = utcnow()
        record(deputy, suggestion, "cosign", deputy.display_name)


def withdraw(deputy: User, suggestion: Suggestion) -> None:
    row = _named(deputy, suggestion)
    db.session.delete(row)
    record(deputy, suggestion, "uncosign", deputy.display_name)


def cosigners_of(suggestion: Suggestion) -> list[tuple[User, datetime | None]]:
    """(deputy, confirmed at or None), in the order they were named."""
    rows = db.session.execute(
        sa.select(User, SuggestionCosigner.confirmed_at)
        .join(SuggestionCosigner, SuggestionCosigner.deputy_id == User.id)
        .where(SuggestionCosigner.suggestion_id == suggestion.id)
        .order_by(User.display_name, User.id)
    ).all()
    return [(user, confirmed) for user, confirmed in rows]


def is_named(deputy: User, suggestion: Suggestion) -> bool:
    return db.session.get(SuggestionCosigner, (suggestion.id, deputy.id)) is not None
