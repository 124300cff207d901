"""The figures offices report: 办复率 (answered of assigned), 满意率 (满意 and 基本满意 of the rated, by
each suggestion's latest rating), the shares of A/B/C among latest answers, the overdue and the nearly
due, per unit (the lead unit), per category and in total, for one year or all.

One grouped query does the counting (suggestions joined to their latest answer and latest rating,
grouped by unit, category, state, answer category and rating), so the cost follows the number of
groups, not of suggestions; the rest is adding up in Python."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from consult.accounts.models import Unit
from consult.extensions import db
from consult.suggestions.listing import due_soon_clause, overdue_clause
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionRating
from consult.suggestions.periods import due_window, year_bounds, years_spanned
from consult.timezones import city_zone

HANDED = ("assigned", "answered", "closed")


@dataclass
class Figures:
    name: str
    received: int = 0  # sent by a deputy (every state but draft)
    assigned: int = 0
    answered: int = 0
    overdue: int = 0
    due_soon: int = 0
    rated: int = 0
    satisfied: int = 0  # 满意 or 基本满意
    categories: Counter = field(default_factory=Counter)

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.assigned if self.assigned else None

    @property
    def satisfaction_rate(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None

    def share(self, category: str) -> float | None:
        total = sum(self.categories.values())
        return self.categories[category] / total if total else None


@dataclass
class Dashboard:
    by_unit: list[Figures]  # by name; only units that were given something
    by_category: list[Figures]  # by name; name "" is 未分类 (shown so by the page), last
    total: Figures
    merged: int  # 并案: counted in received, handled with another
    years: list[int]  # the years anything was submitted in, newest first


def in_year(year: int | None):
    """Submitted in this city year (every suggestion when year is None)."""
    if year is None:
        return sa.true()
    start, end = year_bounds(year, city_zone())
    return sa.and_(Suggestion.submitted_at >= start, Suggestion.submitted_at < end)


def latest_of(model, *where) -> sa.Subquery:
    """suggestion_id → the id of its latest row of `model` meeting `where` (answers and ratings only grow)."""
    query = sa.select(model.suggestion_id, sa.func.max(model.id).label("id")).where(*where)
    return query.group_by(model.suggestion_id).subquery()


def _count_if(clause):
    return sa.func.sum(sa.case((clause, 1), else_=0))


def _grouped(now: datetime, soon: datetime, year: int | None):
    latest_answer, latest_rating = latest_of(SuggestionAnswer), latest_of(SuggestionRating)
    keys = (Suggestion.lead_unit_id, Suggestion.category, Suggestion.state, SuggestionAnswer.category,
            SuggestionRating.rating)  # fmt: skip
    query = (
        sa.select(*keys, sa.func.count(), _count_if(overdue_clause(now)), _count_if(due_soon_clause(now, soon)))
        .outerjoin(latest_answer, latest_answer.c.suggestion_id == Suggestion.id)
        .outerjoin(SuggestionAnswer, SuggestionAnswer.id == latest_answer.c.id)
        .outerjoin(latest_rating, latest_rating.c.suggestion_id == Suggestion.id)
        .outerjoin(SuggestionRating, SuggestionRating.id == latest_rating.c.id)
        .where(Suggestion.state != "draft", in_year(year))
        .group_by(*keys)
    )
    return db.session.execute(query).all()


def _add(figures: Figures, state: str, answer: str | None, rating: str | None, n: int, late: int, soon: int) -> None:
    figures.assigned += n
    figures.answered += n if state in ("answered", "closed") else 0
    figures.overdue, figures.due_soon = figures.overdue + late, figures.due_soon + soon
    if answer is not None:
        figures.categories[answer] += n
    if rating is not None:
        figures.rated += n
        figures.satisfied += n if rating in ("satisfied", "basic") else 0


def dashboard(now: datetime, year: int | None, remind_days: int) -> Dashboard:
    """Every figure of the figures page and the yearly report, in one grouped query and two small ones."""
    now, soon = due_window(now, remind_days)
    names = dict(db.session.execute(sa.select(Unit.id, Unit.name)).all())
    units: dict[int, Figures] = {}
    categories: dict[str, Figures] = {}
    total, merged = Figures(""), 0
    for unit_id, category, state, answer, rating, n, late, soon_n in _grouped(now, soon, year):
        by_category = categories.setdefault(category or "", Figures(category or ""))
        total.received, by_category.received = total.received + n, by_category.received + n
        merged += n if state == "merged" else 0
        if state not in HANDED:
            continue
        by_unit = units.setdefault(unit_id or 0, Figures(names.get(unit_id, "—")))
        for figures in (by_unit, by_category, total):
            _add(figures, state, answer, rating, n, int(late or 0), int(soon_n or 0))
    return Dashboard(
        by_unit=sorted(units.values(), key=lambda f: f.name),
        by_category=sorted(categories.values(), key=lambda f: (f.name == "", f.name)),
        total=total, merged=merged, years=submission_years(),
    )  # fmt: skip


def submission_years() -> list[int]:
    """The city years anything was submitted in, newest first (min/max keep the column's type: aware UTC)."""
    first, last = db.session.execute(
        sa.select(sa.func.min(Suggestion.submitted_at), sa.func.max(Suggestion.submitted_at))
    ).one()
    return years_spanned(first, last, city_zone())


def unit_figures(now: datetime, year: int | None = None) -> tuple[list[Figures], Figures]:
    """(one row per unit that handles anything, by name; the total)."""
    board = dashboard(now, year, 0)
    return board.by_unit, board.total
