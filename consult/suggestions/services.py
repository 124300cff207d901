"""Every change to a suggestion goes through `_take`: the state machine (states.py) says whether the
step is allowed now and to this person, and each step is written to the suggestion's history.
Services flush; the view or command commits."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from flask import current_app

from consult.accounts.models import Unit, User
from consult.db import utcnow
from consult.errors import DomainError
from consult.extensions import db
from consult.suggestions import states
from consult.suggestions.models import (
    ANSWER_CATEGORIES,
    RATINGS,
    Suggestion,
    SuggestionAnswer,
    SuggestionEvent,
    SuggestionRating,
)


class SuggestionError(DomainError):
    pass


def check(actor: User, suggestion: Suggestion, action: str) -> states.Step:
    """The step, if this person may take it now; SuggestionError saying why not otherwise."""
    role = "drafter" if actor.role == "admin" else actor.role
    try:
        step = states.step(action, suggestion.state, role)
    except states.IllegalStep as error:
        raise SuggestionError(error.code, action=action, state=suggestion.state) from error
    if actor.role == "deputy" and suggestion.deputy_id != actor.id:
        raise SuggestionError("not_yours", action=action, state=suggestion.state)
    if actor.role == "unit" and suggestion.lead_unit_id != actor.unit_id:
        raise SuggestionError("not_yours", action=action, state=suggestion.state)
    return step


def _take(actor: User, suggestion: Suggestion, action: str, note: str = "") -> None:
    step = check(actor, suggestion, action)
    record(actor, suggestion, action, note, to_state=step.target)
    suggestion.state = step.target


def record(actor: User, suggestion: Suggestion, action: str, note: str = "", to_state: str | None = None) -> None:
    """One line of the suggestion's history; without `to_state`, something done that leaves the state
    as it is (a co-signature, a progress report, an attachment)."""
    db.session.add(
        SuggestionEvent(suggestion_id=suggestion.id, actor_id=actor.id, action=action,
                        from_state=suggestion.state, to_state=to_state or suggestion.state, note=note.strip()[:2000])
    )  # fmt: skip


def own_draft(deputy: User, suggestion: Suggestion) -> None:
    """Only its deputy changes a suggestion, and only while it is a draft (or returned for changes)."""
    if deputy.role != "deputy" or suggestion.deputy_id != deputy.id:
        raise SuggestionError("not_yours", action="edit", state=suggestion.state)
    if suggestion.state != "draft":
        raise SuggestionError("not_now", action="edit", state=suggestion.state)


def _text(value: str, limit: int, code: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > limit:
        raise SuggestionError(code, limit=limit)
    return value


def create(deputy: User, title: str, body: str, category: str = "") -> Suggestion:
    if deputy.role != "deputy":
        raise SuggestionError("not_a_deputy")
    suggestion = Suggestion(
        deputy_id=deputy.id, title=_text(title, 200, "title_missing"), body=_text(body, 20000, "body_missing"),
        category=(category or "").strip()[:40],
    )  # fmt: skip
    db.session.add(suggestion)
    db.session.flush()
    return suggestion


def update(deputy: User, suggestion: Suggestion, title: str, body: str, category: str = "") -> None:
    own_draft(deputy, suggestion)
    suggestion.title, suggestion.body = _text(title, 200, "title_missing"), _text(body, 20000, "body_missing")
    suggestion.category = (category or "").strip()[:40]


def submit(deputy: User, suggestion: Suggestion) -> None:
    _take(deputy, suggestion, "submit")
    suggestion.submitted_at = utcnow()


def accept(actor: User, suggestion: Suggestion) -> None:
    _take(actor, suggestion, "accept")


def return_to_deputy(actor: User, suggestion: Suggestion, note: str) -> None:
    _take(actor, suggestion, "return_", _text(note, 2000, "reason_missing"))


def merge(actor: User, suggestion: Suggestion, into: Suggestion) -> None:
    """并案: handled together with `into` (an accepted or later suggestion, not itself merged)."""
    if into.id == suggestion.id or into.state in ("draft", "submitted", "merged"):
        raise SuggestionError("bad_merge_target")
    _take(actor, suggestion, "merge", f"#{into.id}")
    suggestion.merged_into_id = into.id


def due_after(assigned: datetime, complex_: bool) -> datetime:
    months = current_app.config["SUGGESTION_COMPLEX_MONTHS" if complex_ else "SUGGESTION_DUE_MONTHS"]
    return assigned + relativedelta(months=int(months))


def assign(actor: User, suggestion: Suggestion, lead: Unit, co_units: list[Unit], *, complex_: bool = False,
           key: bool = False, supervisor: str = "") -> None:  # fmt: skip
    """集中交办: a lead unit (主办), co-units (协办) and the legal deadline."""
    if lead.id in {u.id for u in co_units}:
        raise SuggestionError("lead_is_co_unit")
    _take(actor, suggestion, "assign", lead.name)
    suggestion.lead_unit_id, suggestion.co_unit_ids = lead.id, sorted({u.id for u in co_units})
    suggestion.assigned_at = utcnow()
    suggestion.due_at = due_after(suggestion.assigned_at, complex_)
    suggestion.key, suggestion.supervisor = key, supervisor.strip()[:100]


def answer(unit_user: User, suggestion: Suggestion, category: str, text: str, public: bool = True) -> SuggestionAnswer:
    """The lead unit's 答复; `public` False keeps it off the public pages and open data (a matter of
    state or business secrets, or someone's privacy), while the deputy still reads it."""
    if category not in ANSWER_CATEGORIES:
        raise SuggestionError("bad_category")
    body = _text(text, 20000, "answer_missing")
    _take(unit_user, suggestion, "answer", category)
    reply = SuggestionAnswer(suggestion_id=suggestion.id, unit_id=unit_user.unit_id, round=suggestion.round,
                             category=category, text=body, public=public)  # fmt: skip
    db.session.add(reply)
    db.session.flush()
    return reply


def rate(deputy: User, suggestion: Suggestion, rating: str, comment: str = "") -> None:
    """代表评判: 满意 / 基本满意 close it; 不满意 sends it back to its unit with a new deadline."""
    if rating not in RATINGS:
        raise SuggestionError("bad_rating")
    if rating == "unsatisfied" and not (comment or "").strip():
        raise SuggestionError("reason_missing", limit=2000)
    rated_round = suggestion.round
    if rating == "unsatisfied":
        _take(deputy, suggestion, "reopen", comment)
        suggestion.round += 1
        suggestion.assigned_at = utcnow()
        suggestion.due_at = due_after(suggestion.assigned_at, False)
    else:
        _take(deputy, suggestion, "rate", rating)
    db.session.add(SuggestionRating(suggestion_id=suggestion.id, round=rated_round, rating=rating,
                                    comment=(comment or "").strip()[:2000]))  # fmt: skip


def history(suggestion: Suggestion) -> list[SuggestionEvent]:
    return list(db.session.scalars(
        sa.select(SuggestionEvent).where(SuggestionEvent.suggestion_id == suggestion.id).order_by(SuggestionEvent.id)
    ))  # fmt: skip
