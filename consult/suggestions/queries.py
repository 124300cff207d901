"""Which suggestions a person may see: a deputy their own (drafts included), a unit those it handles
(lead or co-unit), staff every one a deputy has sent."""

from __future__ import annotations

from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from consult.accounts.models import Unit, User
from consult.analysis.routing import UnitRouter
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionCosigner, SuggestionRating

HANDLED = ("assigned", "answered", "closed")


def visible_to(user: User) -> sa.Select:
    """The query of what `user` may see (as may_see decides for one), newest first, filtered in SQL."""
    query = sa.select(Suggestion).order_by(Suggestion.id.desc())
    if user.role == "deputy":  # their own, and those they were named to co-sign once sent
        named = sa.select(SuggestionCosigner.suggestion_id).where(SuggestionCosigner.deputy_id == user.id)
        cosigning = sa.and_(Suggestion.id.in_(named), Suggestion.state != "draft")
        return query.where(sa.or_(Suggestion.deputy_id == user.id, cosigning))
    if user.role == "unit":
        if user.unit_id is None:
            return query.where(sa.false())
        return query.where(Suggestion.state.in_(HANDLED), handled_by(user.unit_id))
    return query.where(Suggestion.state != "draft")


def handled_by(unit_id: int):
    """Lead unit, or one of the co-units. co_unit_ids is a JSON list, so membership is asked with the
    database's own JSON functions (exact on element values, unlike a LIKE on the text, where 1 would
    match 12): PostgreSQL's jsonb containment (false, not an error, for a JSON null), SQLite's json_each."""
    if db.engine.dialect.name == "postgresql":
        co_unit = sa.cast(Suggestion.co_unit_ids, JSONB).contains([unit_id])
    else:
        elements = sa.func.json_each(Suggestion.co_unit_ids).table_valued("value")
        co_unit = sa.exists(sa.select(1).select_from(elements).where(elements.c.value == unit_id))
    return sa.or_(Suggestion.lead_unit_id == unit_id, co_unit)


def may_see(user: User, suggestion: Suggestion) -> bool:
    if user.role == "deputy":  # their own, or one they were named to co-sign once it is sent
        if suggestion.deputy_id == user.id:
            return True
        named = db.session.get(SuggestionCosigner, (suggestion.id, user.id)) is not None
        return named and suggestion.state != "draft"
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


def _assignments_fingerprint() -> tuple:
    """Changes with every assignment (and differs between databases)."""
    assigned = sa.select(
        sa.func.count(Suggestion.id), sa.func.max(Suggestion.id), sa.func.max(Suggestion.assigned_at)
    ).where(Suggestion.lead_unit_id.is_not(None))
    return (str(db.engine.url), *db.session.execute(assigned).one())


@lru_cache(maxsize=4)
def _router(_fingerprint: tuple) -> UnitRouter:
    """Trained once per change to past assignments (per worker process): training takes most of a
    second at a thousand suggestions, asking it a millisecond. Only suggestions not yet assigned are
    asked about, so none of them taught it its own answer."""
    rows = db.session.execute(
        sa.select(Suggestion.title, Suggestion.body, Unit.name).join(Unit, Unit.id == Suggestion.lead_unit_id)
    ).all()
    return UnitRouter.train([f"{r.title} {r.body}" for r in rows], [r.name for r in rows])


def proposed_units(suggestion: Suggestion, among: list[Unit], top: int = 3) -> list[Unit]:
    """The units past assignments suggest for this one, likeliest first (the router learns from every
    suggestion already assigned; the staff choose)."""
    router = _router(_assignments_fingerprint())
    by_name = {u.name: u for u in among}
    return [by_name[name] for name in router.rank(f"{suggestion.title} {suggestion.body}", top) if name in by_name]
