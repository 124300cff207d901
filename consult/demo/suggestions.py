"""The demo's deputies' suggestions: one sitting's worth (160, written for the demo from the topics in
data/suggestions.json) across 20 units, in every state, a few 不满意 handled again and some overdue."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from consult.accounts import services as accounts
from consult.accounts.models import Unit, User
from consult.db import utcnow
from consult.extensions import db
from consult.suggestions import cosigning, progress, services
from consult.suggestions.models import Suggestion

DATA = Path(__file__).parent / "data" / "suggestions.json"
PASSWORD = "consult-demo-2026"
# By position in each block of 20 (each matter is written twice, so positions 2n and 2n+1 are one matter
# from two districts): a duplicate sent after its twin was accepted (proposed for 并案), one merged, one
# draft, then the handling states; a few 不满意 handled again.
PLAN = ("accepted", "submitted", "accepted", "merged", "draft", *["assigned"] * 5, *["answered"] * 4,
        *["closed"] * 4, "reopened", "closed_again")  # fmt: skip
ANSWERS = {
    "A": "经研究，您提出的问题已经解决。我单位已于近期完成相关工作，并将持续跟踪落实情况。",
    "B": "您的建议已列入我单位明年工作计划，将分步骤推进，预计年内完成前期工作。",
    "C": "受用地和资金条件限制，目前暂时难以实施。我们已将建议留作参考，条件成熟时优先考虑。",
}


SUPERVISORS = ("常委会副主任 李明", "城建环资工委", "教科文卫工委", "社会建设工委")
CO_OPINION = "我单位同意主办单位的办理意见，将在职责范围内配合做好相关工作。"
PROGRESS = "已召开专题会研究，形成初步方案，正在征求相关部门意见，预计按期答复。"


def _account(email: str, role: str, name: str, unit: str | None = None) -> User:
    user = db.session.scalar(sa.select(User).filter_by(email=email))
    return user or accounts.create_user(email, role, PASSWORD, display_name=name, unit_name=unit)


def load_demo_suggestions() -> list[str]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    rng = random.Random(7)
    deputies = [_account(f"deputy{n}@example.org", "deputy", name) for n, name in enumerate(data["deputies"], 1)]
    clerk = _account("drafter@example.org", "drafter", "drafter")
    handlers = {u["name"]: _account(f"unit{n}@example.org", "unit", u["name"], u["name"])
                for n, u in enumerate(data["units"], 1)}  # fmt: skip
    made = 0
    for unit in data["units"]:
        previous = None
        for title, problem, proposal in unit["topics"]:
            for place in rng.sample(data["places"], 2):
                plan = PLAN[made % len(PLAN)]
                author = rng.choice(deputies)
                suggestion = services.create(
                    author, f"关于{place}{title}的建议", problem.format(place=place) + proposal,
                    category=unit["name"].removeprefix("市").removesuffix("局"),
                )  # fmt: skip
                cosigners = rng.sample([d for d in deputies if d is not author], rng.choice((0, 1, 1, 2, 3)))
                cosigning.name_cosigners(author, suggestion, [d.id for d in cosigners])
                co_unit = rng.choice([u for name, u in handlers.items() if name != unit["name"]])
                _advance(suggestion, plan, clerk, (handlers[unit["name"]], co_unit), previous, rng)
                previous, made = suggestion, made + 1
    db.session.flush()
    return [
        f"{made} deputies' suggestions across {len(data['units'])} units: /staff/suggestions "
        f"(deputy1@example.org, unit1@example.org, password {PASSWORD})"
    ]


def _confirm_cosigners(suggestion: Suggestion, rng) -> None:
    for deputy, _confirmed in cosigning.cosigners_of(suggestion):
        if rng.random() < 0.8:
            cosigning.confirm(deputy, suggestion)


def _handle(suggestion: Suggestion, unit_user: User, co_user: User | None, rng) -> None:
    """What units file while it is in hand: a co-unit's opinion, the lead unit's progress on key ones."""
    if co_user is not None:
        progress.file_co_opinion(co_user, suggestion, CO_OPINION)
    if suggestion.key:
        progress.file_progress(unit_user, suggestion, PROGRESS)


def _advance(suggestion: Suggestion, plan: str, clerk: User, unit_users: tuple[User, User], previous, rng) -> None:
    unit_user, co_user = unit_users
    deputy = db.session.get_one(User, suggestion.deputy_id)
    if plan == "draft":
        return
    services.submit(deputy, suggestion)
    _confirm_cosigners(suggestion, rng)
    if plan == "submitted":
        return
    if plan == "merged" and previous is not None and previous.state not in ("draft", "submitted", "merged"):
        services.merge(clerk, suggestion, previous)
        return
    services.accept(clerk, suggestion)
    if plan in ("accepted", "merged"):
        return
    key, with_co_unit = rng.random() < 0.2, rng.random() < 0.3
    co_units = [db.session.get_one(Unit, co_user.unit_id)] if with_co_unit else []
    services.assign(clerk, suggestion, db.session.get_one(Unit, unit_user.unit_id), co_units, key=key,
                    supervisor=rng.choice(SUPERVISORS) if key else "")  # fmt: skip
    days_ago = rng.randint(10, 150)  # some are past the three months by now
    suggestion.assigned_at = utcnow() - timedelta(days=days_ago)
    suggestion.due_at = services.due_after(suggestion.assigned_at, False)
    _handle(suggestion, unit_user, co_user if with_co_unit else None, rng)
    if plan == "assigned":
        return
    category = rng.choice("AABBC")
    services.answer(unit_user, suggestion, category, ANSWERS[category], public=rng.random() > 0.1)
    if plan == "answered":
        return
    if plan in ("reopened", "closed_again"):
        services.rate(deputy, suggestion, "unsatisfied", "答复没有说明具体时间安排，请重新办理。")
        if plan == "reopened":
            return
        services.answer(unit_user, suggestion, "A", ANSWERS["A"])
    services.rate(deputy, suggestion, rng.choice(("satisfied", "satisfied", "basic")))
