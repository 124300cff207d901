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
from consult.suggestions import services
from consult.suggestions.models import Suggestion

DATA = Path(__file__).parent / "data" / "suggestions.json"
PASSWORD = "consult-demo-2026"
# By position in each block of 20: the state a suggestion is left in (merged ones join the one before).
PLAN = ("draft", "submitted", "accepted", "merged", *["assigned"] * 6, *["answered"] * 4, *["closed"] * 4,
        "reopened", "closed_again")  # fmt: skip
ANSWERS = {
    "A": "经研究，您提出的问题已经解决。我单位已于近期完成相关工作，并将持续跟踪落实情况。",
    "B": "您的建议已列入我单位明年工作计划，将分步骤推进，预计年内完成前期工作。",
    "C": "受用地和资金条件限制，目前暂时难以实施。我们已将建议留作参考，条件成熟时优先考虑。",
}


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
                suggestion = services.create(
                    rng.choice(deputies), f"关于{place}{title}的建议", problem.format(place=place) + proposal,
                    category=unit["name"].removeprefix("市").removesuffix("局"),
                )  # fmt: skip
                _advance(suggestion, plan, clerk, handlers[unit["name"]], previous, rng)
                previous, made = suggestion, made + 1
    db.session.flush()
    return [
        f"{made} deputies' suggestions across {len(data['units'])} units: /staff/suggestions "
        f"(deputy1@example.org, unit1@example.org, password {PASSWORD})"
    ]


def _advance(suggestion: Suggestion, plan: str, clerk: User, unit_user: User, previous, rng) -> None:
    deputy = db.session.get_one(User, suggestion.deputy_id)
    if plan == "draft":
        return
    services.submit(deputy, suggestion)
    if plan == "submitted":
        return
    if plan == "merged" and previous is not None and previous.state not in ("draft", "submitted", "merged"):
        services.merge(clerk, suggestion, previous)
        return
    services.accept(clerk, suggestion)
    if plan in ("accepted", "merged"):
        return
    services.assign(clerk, suggestion, db.session.get_one(Unit, unit_user.unit_id), [], key=rng.random() < 0.15,
                    supervisor="人大常委会城建环资工委" if rng.random() < 0.15 else "")  # fmt: skip
    days_ago = rng.randint(10, 150)  # some are past the three months by now
    suggestion.assigned_at = utcnow() - timedelta(days=days_ago)
    suggestion.due_at = services.due_after(suggestion.assigned_at, False)
    if plan == "assigned":
        return
    category = rng.choice("AABBC")
    services.answer(unit_user, suggestion, category, ANSWERS[category])
    if plan == "answered":
        return
    if plan in ("reopened", "closed_again"):
        services.rate(deputy, suggestion, "unsatisfied", "答复没有说明具体时间安排，请重新办理。")
        if plan == "reopened":
            return
        services.answer(unit_user, suggestion, "A", ANSWERS["A"])
    services.rate(deputy, suggestion, rng.choice(("satisfied", "satisfied", "basic")))
