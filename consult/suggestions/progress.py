"""What units file while a suggestion is in hand: the lead unit's progress reports (办理进度; a key
suggestion's supervisor reads them) and each co-unit's opinion (协办意见), which the lead unit reads
before it answers. Neither changes the state; both go into the history."""

from __future__ import annotations

import sqlalchemy as sa

from consult.accounts.models import User
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionReport
from consult.suggestions.services import SuggestionError, record


def _in_hand(unit_user: User, suggestion: Suggestion, action: str) -> None:
    if unit_user.role != "unit" or unit_user.unit_id is None:
        raise SuggestionError("not_yours", action=action, state=suggestion.state)
    if suggestion.state != "assigned":
        raise SuggestionError("not_now", action=action, state=suggestion.state)


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text or len(text) > 5000:
        raise SuggestionError("report_missing", limit=5000)
    return text


def file_progress(unit_user: User, suggestion: Suggestion, text: str) -> SuggestionReport:
    _in_hand(unit_user, suggestion, "progress")
    if suggestion.lead_unit_id != unit_user.unit_id:
        raise SuggestionError("not_yours", action="progress", state=suggestion.state)
    return _file(unit_user, suggestion, "progress", _text(text))


def file_co_opinion(unit_user: User, suggestion: Suggestion, text: str) -> SuggestionReport:
    _in_hand(unit_user, suggestion, "co_opinion")
    if unit_user.unit_id not in (suggestion.co_unit_ids or []):
        raise SuggestionError("not_yours", action="co_opinion", state=suggestion.state)
    return _file(unit_user, suggestion, "co_opinion", _text(text))


def _file(unit_user: User, suggestion: Suggestion, kind: str, text: str) -> SuggestionReport:
    assert unit_user.unit_id is not None
    report = SuggestionReport(suggestion_id=suggestion.id, unit_id=unit_user.unit_id, author_id=unit_user.id,
                              kind=kind, round=suggestion.round, text=text)  # fmt: skip
    db.session.add(report)
    record(unit_user, suggestion, kind)
    db.session.flush()
    return report


def reports_of(suggestion: Suggestion) -> list[SuggestionReport]:
    query = sa.select(SuggestionReport).where(SuggestionReport.suggestion_id == suggestion.id)
    return list(db.session.scalars(query.order_by(SuggestionReport.id)))


def co_units_yet_to_report(suggestion: Suggestion) -> list[int]:
    """Co-units with no opinion in this round (the lead unit may still answer: it is told, not held)."""
    done = set(db.session.scalars(
        sa.select(SuggestionReport.unit_id).where(
            SuggestionReport.suggestion_id == suggestion.id, SuggestionReport.kind == "co_opinion",
            SuggestionReport.round == suggestion.round,
        )
    ))  # fmt: skip
    return [i for i in suggestion.co_unit_ids or [] if i not in done]
