"""What the public sees of deputies' suggestions: the published ones (answered or closed, not merged,
not withdrawn by the staff), their public answers and the latest rating, and the same as open data.
Deputies appear by their display name only; no e-mail address leaves this module."""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from consult.accounts.models import Unit, User
from consult.extensions import db
from consult.suggestions.figures import latest_of
from consult.suggestions.labels import RATING_LABELS, STATE_LABELS
from consult.suggestions.listing import BLANK_CATEGORY
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionRating
from consult.suggestions.queries import handled_by

PUBLISHED_STATES = ("answered", "closed")
OPEN_COLUMNS = ("id", "title", "body", "deputy", "category", "lead_unit", "co_units", "state", "submitted_at",
                "rounds", "answer_round", "answer_category", "answer_text", "answered_at", "rating")  # fmt: skip


def published():
    return sa.and_(
        Suggestion.state.in_(PUBLISHED_STATES), Suggestion.public.is_(True), Suggestion.merged_into_id.is_(None)
    )


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def published_page(unit_id: int | None, category: str | None, keyword: str, page: int, per_page: int):
    """Published suggestions, newest first, with their lead unit loaded."""
    query = sa.select(Suggestion).where(published()).options(joinedload(Suggestion.lead_unit))
    if unit_id:
        query = query.where(handled_by(unit_id))
    if category == BLANK_CATEGORY:
        query = query.where(sa.func.coalesce(Suggestion.category, "") == "")
    elif category:
        query = query.where(Suggestion.category == category)
    if keyword:
        pattern = _like(keyword)
        in_text = [column.ilike(pattern, escape="\\") for column in (Suggestion.title, Suggestion.body)]
        query = query.where(sa.or_(*in_text))
    query = query.order_by(Suggestion.submitted_at.desc().nulls_last(), Suggestion.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def published_one(suggestion_id: int) -> Suggestion | None:
    return db.session.scalar(sa.select(Suggestion).where(Suggestion.id == suggestion_id, published()))


def public_categories() -> list[str]:
    query = sa.select(Suggestion.category).where(published()).distinct()
    return sorted(c for c in db.session.scalars(query) if c)


def public_name(display_name: str | None, email: str) -> str:
    """The name a deputy is published under, or "": never a piece of their e-mail address (an account
    made without a name is given the address's local part as its display name)."""
    name = (display_name or "").strip()
    return "" if "@" in name or name == email.partition("@")[0] else name


def deputy_names(deputy_ids) -> dict[int, str]:
    """id → public name, for a page of suggestions in one query."""
    ids = set(deputy_ids)
    if not ids:
        return {}
    rows = db.session.execute(sa.select(User.id, User.display_name, User.email).where(User.id.in_(ids)))
    return {user_id: public_name(name, email) for user_id, name, email in rows}


def unit_names() -> dict[int, str]:
    return dict(db.session.execute(sa.select(Unit.id, Unit.name)).all())


def latest_rating(suggestion: Suggestion) -> SuggestionRating | None:
    query = sa.select(SuggestionRating).where(SuggestionRating.suggestion_id == suggestion.id)
    return db.session.scalar(query.order_by(SuggestionRating.id.desc()).limit(1))


def open_data_rows() -> Iterator[dict]:
    """Every published suggestion as a dict of OPEN_COLUMNS: its latest public answer (none when no answer
    is public) and its latest rating; oldest first, as the comments' open data."""
    latest_answer = latest_of(SuggestionAnswer, SuggestionAnswer.public.is_(True))
    latest_rating = latest_of(SuggestionRating)
    query = (
        sa.select(Suggestion, User.display_name, User.email, SuggestionAnswer, SuggestionRating.rating)
        .join(User, User.id == Suggestion.deputy_id)
        .outerjoin(latest_answer, latest_answer.c.suggestion_id == Suggestion.id)
        .outerjoin(SuggestionAnswer, SuggestionAnswer.id == latest_answer.c.id)
        .outerjoin(latest_rating, latest_rating.c.suggestion_id == Suggestion.id)
        .outerjoin(SuggestionRating, SuggestionRating.id == latest_rating.c.id)
        .where(published())
        .order_by(Suggestion.id)
    )
    units = unit_names()
    for suggestion, name, email, answer, rating in db.session.execute(query):
        yield _open_row(suggestion, public_name(name, email), answer, rating, units)


def _open_row(s: Suggestion, deputy: str, answer: SuggestionAnswer | None, rating: str | None,
              units: dict[int, str]) -> dict:  # fmt: skip
    return {
        "id": s.id, "title": s.title, "body": s.body, "deputy": deputy, "category": s.category or "",
        "lead_unit": units.get(s.lead_unit_id or 0, ""),
        "co_units": "、".join(units.get(i, "") for i in s.co_unit_ids or []),
        "state": str(STATE_LABELS.get(s.state, s.state)), "submitted_at": s.submitted_at, "rounds": s.round,
        "answer_round": answer.round if answer else None, "answer_category": answer.category if answer else "",
        "answer_text": answer.text if answer else "", "answered_at": answer.created_at if answer else None,
        "rating": str(RATING_LABELS.get(rating, "")) if rating else "",
    }  # fmt: skip
