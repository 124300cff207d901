"""The yearly 代表建议办理情况报告 (.docx) and the 交办清单 / 办理结果 lists (.xlsx): read in a handful of
queries into plain rows (report_rows.py), then written by reports_docx.py and reports_xlsx.py.
`year_report_docx` and `year_lists_xlsx` are the two entry points; each returns the file's bytes."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from consult.accounts.models import Unit, User
from consult.db import utcnow
from consult.extensions import db
from consult.suggestions.figures import HANDED, dashboard, in_year, latest_of
from consult.suggestions.labels import RATING_LABELS, STATE_LABELS
from consult.suggestions.listing import overdue_clause
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionCosigner, SuggestionRating
from consult.suggestions.report_rows import KeyRow, ListRow, Lists, OverdueRow, YearReport
from consult.suggestions.reports_docx import report_docx
from consult.suggestions.reports_xlsx import lists_xlsx
from consult.timezones import city_zone


def year_report_docx(year: int | None, now: datetime | None = None) -> bytes:
    """The 办理情况报告 of the suggestions submitted in `year` (every year when None)."""
    return report_docx(year_report(now or utcnow(), year))


def year_lists_xlsx(year: int | None) -> bytes:
    """The 建议交办清单 and 办理结果 sheets of the suggestions assigned so far, submitted in `year`."""
    return lists_xlsx(year_lists(year))


def report_title(year: int | None, what: str) -> str:
    return _("%(year)d 年%(what)s", year=year, what=what) if year else what


def _day(moment: datetime | None) -> str:
    return format_date(moment, "long") if moment else ""  # rebased to the city's zone by Flask-Babel


def year_report(now: datetime, year: int | None) -> YearReport:
    remind_days = int(current_app.config["SUGGESTION_REMIND_DAYS"])
    author = current_app.config["LEGISLATURE_NAME"]
    return YearReport(
        title=report_title(year, _("代表建议办理情况报告")),
        subtitle=_("%(author)s · 统计截至 %(day)s", author=author, day=_day(now)),
        author=author,
        remind_days=remind_days,
        dashboard=dashboard(now, year, remind_days),
        key=tuple(_key_rows(year)),
        overdue=tuple(_overdue_rows(now, year)),
    )


def _handed(year: int | None) -> sa.Select:
    query = sa.select(Suggestion).where(Suggestion.state.in_(HANDED), in_year(year))
    return query.options(joinedload(Suggestion.lead_unit)).order_by(Suggestion.id)


def _unit_name(suggestion: Suggestion) -> str:
    return suggestion.lead_unit.name if suggestion.lead_unit else ""


def _key_rows(year: int | None) -> list[KeyRow]:
    return [
        KeyRow(s.id, s.title, _unit_name(s), s.supervisor, str(STATE_LABELS[s.state]), _day(s.due_at))
        for s in db.session.scalars(_handed(year).where(Suggestion.key.is_(True)))
    ]


def _overdue_rows(now: datetime, year: int | None) -> list[OverdueRow]:
    rows = db.session.scalars(_handed(year).where(overdue_clause(now)))
    return [OverdueRow(s.id, s.title, _unit_name(s), _day(s.due_at), (now - s.due_at).days) for s in rows if s.due_at]


def year_lists(year: int | None) -> Lists:
    """Every assigned suggestion with its deputy, confirmed cosigners, units, latest answer and rating."""
    latest_answer, latest_rating = latest_of(SuggestionAnswer), latest_of(SuggestionRating)
    columns = (Suggestion, User.display_name, SuggestionAnswer.category, SuggestionAnswer.created_at)
    query = (
        sa.select(*columns, SuggestionRating.rating)
        .join(User, User.id == Suggestion.deputy_id)
        .outerjoin(latest_answer, latest_answer.c.suggestion_id == Suggestion.id)
        .outerjoin(SuggestionAnswer, SuggestionAnswer.id == latest_answer.c.id)
        .outerjoin(latest_rating, latest_rating.c.suggestion_id == Suggestion.id)
        .outerjoin(SuggestionRating, SuggestionRating.id == latest_rating.c.id)
        .where(Suggestion.state.in_(HANDED), in_year(year))
        .order_by(Suggestion.id)
    )
    units = dict(db.session.execute(sa.select(Unit.id, Unit.name)).all())
    cosigners = _confirmed_cosigners(year)
    rows = tuple(
        _list_row(suggestion, deputy, answer, answered, rating, units, cosigners.get(suggestion.id, []))
        for suggestion, deputy, answer, answered, rating in db.session.execute(query)
    )
    title = report_title(year, _("代表建议交办清单及办理结果"))
    return Lists(title=title, author=current_app.config["LEGISLATURE_NAME"], rows=rows)


def _confirmed_cosigners(year: int | None) -> dict[int, list[str]]:
    """suggestion id → the display names of the 附议 deputies who confirmed, in the order they did."""
    handed = sa.select(Suggestion.id).where(Suggestion.state.in_(HANDED), in_year(year))
    query = (
        sa.select(SuggestionCosigner.suggestion_id, User.display_name)
        .join(User, User.id == SuggestionCosigner.deputy_id)
        .where(SuggestionCosigner.confirmed_at.is_not(None), SuggestionCosigner.suggestion_id.in_(handed))
        .order_by(SuggestionCosigner.suggestion_id, SuggestionCosigner.confirmed_at, SuggestionCosigner.deputy_id)
    )
    found: dict[int, list[str]] = {}
    for suggestion_id, name in db.session.execute(query):
        found.setdefault(suggestion_id, []).append(name or "—")
    return found


def _list_row(s: Suggestion, deputy: str | None, answer: str | None, answered: datetime | None,
              rating: str | None, units: dict[int, str], cosigners: list[str]) -> ListRow:  # fmt: skip
    zone = city_zone()
    return ListRow(
        number=s.id, title=s.title, deputy=deputy or "—", cosigners="、".join(cosigners), category=s.category or "",
        lead_unit=units.get(s.lead_unit_id or 0, ""), co_units="、".join(units.get(i, "") for i in s.co_unit_ids or []),
        assigned=s.assigned_at.astimezone(zone).date() if s.assigned_at else None,
        due=s.due_at.astimezone(zone).date() if s.due_at else None,
        state=str(STATE_LABELS[s.state]), key=_("是") if s.key else _("否"), supervisor=s.supervisor or "",
        answer_category=answer or "", answered=answered.astimezone(zone).date() if answered else None,
        rounds=s.round, rating=str(RATING_LABELS.get(rating, "")) if rating else "",
    )  # fmt: skip
