"""Plain builders for suggestion tests: accounts, and a suggestion taken through the real services to
the state a test needs. What a test sets up stays visible in the test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from consult.accounts.models import Unit, User
from consult.accounts.services import create_user, unit_named
from consult.extensions import db
from consult.suggestions import services
from consult.suggestions.models import Suggestion, SuggestionCosigner

PASSWORD = "correct horse battery"


def account(email: str, role: str, unit: str | None = None, name: str = "") -> User:
    user = create_user(email, role, PASSWORD, display_name=name, unit_name=unit)
    db.session.commit()
    return user


def sign_in(client, user: User) -> None:
    client.post("/staff/logout")
    response = client.post("/staff/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.text


@dataclass
class Cast:
    """The people a suggestion passes through."""

    deputy: User
    clerk: User
    units: dict[str, User]  # unit name → its account

    def unit(self, name: str) -> Unit:
        return unit_named(name)


def cast(*unit_names: str) -> Cast:
    deputy = account("deputy@example.org", "deputy", name="王代表")
    clerk = account("clerk@example.org", "drafter")
    units = {name: account(f"unit{n}@example.org", "unit", unit=name) for n, name in enumerate(unit_names, 1)}
    return Cast(deputy, clerk, units)


def suggestion(people: Cast, state: str, lead: str | None = None, *, title: str = "建议", category: str = "",
               co: tuple[str, ...] = (), key: bool = False, supervisor: str = "", answer: str = "A",
               rating: str = "satisfied", deputy: User | None = None, submitted_at: datetime | None = None,
               answer_public: bool = True) -> Suggestion:  # fmt: skip
    """A suggestion left in `state` ("reopened": rated 不满意 and back with its unit)."""
    author = deputy or people.deputy
    made = services.create(author, title, f"{title}的内容", category=category)
    if state == "draft":
        return made
    services.submit(author, made)
    made.submitted_at = submitted_at or made.submitted_at
    if state == "submitted":
        return made
    services.accept(people.clerk, made)
    if state == "accepted":
        return made
    co_units = [people.unit(name) for name in co]
    services.assign(people.clerk, made, people.unit(lead or ""), co_units, key=key, supervisor=supervisor)
    if state == "assigned":
        return made
    services.answer(people.units[lead or ""], made, answer, f"{title}的答复", public=answer_public)
    if state == "reopened":
        services.rate(author, made, "unsatisfied", "请重新办理")
    elif state == "closed":
        services.rate(author, made, rating)
    return made


def cosign(suggestion_: Suggestion, deputy: User, confirmed_at: datetime | None) -> None:
    db.session.add(SuggestionCosigner(suggestion_id=suggestion_.id, deputy_id=deputy.id, confirmed_at=confirmed_at))
