"""The staff list of suggestions: what the reader may see (queries.visible_to), filtered and paged in
the database, each row's lead unit loaded with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from consult.accounts.models import User
from consult.extensions import db
from consult.suggestions.models import Suggestion
from consult.suggestions.queries import handled_by, visible_to

PER_PAGE = 50
BLANK_CATEGORY = "-"  # ?category=- lists the suggestions without a category (shown as 未分类)
DUE_FILTERS = ("overdue", "soon")


@dataclass(frozen=True)
class ListFilters:
    state: str | None = None
    unit_id: int | None = None  # lead unit or co-unit
    category: str | None = None  # BLANK_CATEGORY: none given
    key: bool = False  # 重点督办 only
    due: str | None = None  # "overdue" / "soon"


def overdue_clause(now: datetime):
    """Still with its unit (assigned) and past its deadline."""
    return sa.and_(Suggestion.state == "assigned", Suggestion.due_at < now)


def due_soon_clause(now: datetime, soon: datetime):
    """Still with its unit and due between now and the end of the reminder window."""
    return sa.and_(Suggestion.state == "assigned", Suggestion.due_at >= now, Suggestion.due_at < soon)


def _filtered(query: sa.Select, filters: ListFilters, now: datetime, soon: datetime) -> sa.Select:
    if filters.state:
        query = query.where(Suggestion.state == filters.state)
    if filters.unit_id:
        query = query.where(handled_by(filters.unit_id))
    if filters.category == BLANK_CATEGORY:
        query = query.where(sa.func.coalesce(Suggestion.category, "") == "")
    elif filters.category:
        query = query.where(Suggestion.category == filters.category)
    if filters.key:
        query = query.where(Suggestion.key.is_(True))
    if filters.due == "overdue":
        query = query.where(overdue_clause(now))
    elif filters.due == "soon":
        query = query.where(due_soon_clause(now, soon))
    return query


def list_page(user: User, filters: ListFilters, page: int, now: datetime, soon: datetime):
    """One page (PER_PAGE rows) of what `user` may see, newest first."""
    query = _filtered(visible_to(user), filters, now, soon).options(joinedload(Suggestion.lead_unit))
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)


def categories_of(user: User) -> list[str]:
    """The categories among what `user` may see, for the filter ("" left out: it is 未分类)."""
    visible = visible_to(user).order_by(None).with_only_columns(Suggestion.category).distinct()
    return sorted(c for c in db.session.scalars(visible) if c)
