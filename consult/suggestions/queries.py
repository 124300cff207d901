"""Which suggestions a person may see: a deputy their own (drafts included), a unit those it handles
(lead or co-unit), staff every one a deputy has sent."""

from __future__ import annotations

import sqlalchemy as sa

from consult.accounts.models import Unit, User
from consult.analysis.routing import UnitRouter
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionRating

HANDLED = ("assigned", "answered", "closed")


def visible_to(user: User) -> list[Suggestion]:
    query = sa.select(Suggestion).order_by(Suggestion.id.desc())
    if user.role == "deputy":
        return list(db.session.scalars(query.where(Suggestion.deputy_id == user.id)))
    if user.role == "unit":
        handled = db.session.scalars(query.where(Suggestion.state.in_(HANDLED))).all()
        return [s for s in handled if may_see(user, s)]
    return list(db.session.scalars(query.where(Suggestion.state != "draft")))


def may_see(user: User, suggestion: Suggestion) -> bool:
    if user.role == "deputy":
        return suggestion.deputy_id == user.id
    if user.role == "unit":
        in_hand = suggestion.state in HANDLED and user.unit_id is not None
        return in_hand and (suggestion.lead_unit_id == user.unit_id or user.unit_id in (suggestion.co_unit_ids or []))
    return suggestion.state != "draft"


def units() -> list[Unit]:
    return list(db.session.scalars(sa.select(Unit).order_by(Unit.name)))


def answers_of(suggestion: Suggestion) -> list[SuggestionAnswer]:
    query = sa.select(SuggestionAnswer).where(SuggestionAnswer.suggestion_id == suggestion.id)
    return list(db.session.scalars(query.order_by(SuggestionAnswer.id)))


def ratings_of(suggestion: Suggestion) -> list[SuggestionRating]:
    query = sa.select(SuggestionRating).where(SuggestionRating.suggestion_id == suggestion.id)
    return list(db.session.scalars(query.order_by(SuggestionRating.id)))


def proposed_units(suggestion: Suggestion, among: list[Unit], top: int = 3) -> list[Unit]:
    """The units past assignments suggest for this one, likeliest first (the router learns from every
    suggestion already assigned; the staff choose)."""
    rows = db.session.execute(
        sa.select(Suggestion.title, Suggestion.body, Unit.name)
        .join(Unit, Unit.id == Suggestion.lead_unit_id)
        .where(Suggestion.id != suggestion.id)
    ).all()
    router = UnitRouter.train([f"{t} {b}" for t, b, _n in rows], [n for _t, _b, n in rows])
    by_name = {u.name: u for u in among}
    return [by_name[name] for name in router.rank(f"{suggestion.title} {suggestion.body}", top) if name in by_name]
