"""The figures offices report: 办复率 (answered of assigned), 满意率 (满意 and 基本满意 of the rated, by
each suggestion's latest rating), the shares of A/B/C among latest answers and the overdue, per unit
and in total. Computed in one pass over three queries."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from consult.accounts.models import Unit
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionRating

HANDED = ("assigned", "answered", "closed")


@dataclass
class Figures:
    name: str
    assigned: int = 0
    answered: int = 0
    overdue: int = 0
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


def _latest(model, key) -> dict[int, object]:
    rows = db.session.scalars(sa.select(model).order_by(model.id))
    return {getattr(row, key): row for row in rows}


def unit_figures(now: datetime) -> tuple[list[Figures], Figures]:
    """(one row per unit that handles anything, by name; the total)."""
    names = dict(db.session.execute(sa.select(Unit.id, Unit.name)).all())
    answers = _latest(SuggestionAnswer, "suggestion_id")
    ratings = _latest(SuggestionRating, "suggestion_id")
    rows: dict[int, Figures] = defaultdict(lambda: Figures(""))
    total = Figures("")
    handed = db.session.scalars(sa.select(Suggestion).where(Suggestion.state.in_(HANDED)))
    for suggestion in handed:
        for figures in (rows[suggestion.lead_unit_id or 0], total):
            figures.assigned += 1
            figures.answered += suggestion.state in ("answered", "closed")
            figures.overdue += suggestion.state == "assigned" and bool(suggestion.due_at and suggestion.due_at < now)
            answer, rating = answers.get(suggestion.id), ratings.get(suggestion.id)
            if answer is not None:
                figures.categories[answer.category] += 1  # type: ignore[attr-defined]
            if rating is not None:
                figures.rated += 1
                figures.satisfied += rating.rating in ("satisfied", "basic")  # type: ignore[attr-defined]
    for unit_id, figures in rows.items():
        figures.name = names.get(unit_id, "—")
    return sorted(rows.values(), key=lambda f: f.name), total
