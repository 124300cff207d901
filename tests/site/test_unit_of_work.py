"""One commit per request: views never commit; what a POST flushed is committed when it answers
below 400, rolled back on a 4xx, on an exception or when the view abandoned it."""

import pytest
import sqlalchemy as sa
from flask import abort, redirect

from consult.accounts.access import public
from consult.accounts.models import User
from consult.extensions import db
from consult.unit_of_work import abandon, after_commit


@pytest.fixture
def routes(app):
    ran = []

    def add_user(email):
        user = User(email=email, role="drafter", display_name="x")
        user.set_password("long enough password")
        db.session.add(user)
        db.session.flush()

    @public
    def store(outcome):
        add_user(f"{outcome}@example.org")
        after_commit(lambda: ran.append(outcome))
        if outcome == "refused":
            return "no", 422
        if outcome == "abandoned":
            abandon()
        if outcome == "aborted":
            abort(404)
        if outcome == "raised":
            raise RuntimeError("boom")
        return redirect("/")

    app.add_url_rule("/uow/<outcome>", "uow", store, methods=["GET", "POST"])
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return ran


def _stored(email) -> bool:
    db.session.rollback()
    return db.session.scalar(sa.select(User.id).filter_by(email=email)) is not None


@pytest.mark.parametrize(
    "outcome, status, kept",
    [
        ("ok", 302, True),
        ("refused", 422, False),
        ("abandoned", 302, False),
        ("aborted", 404, False),
        ("raised", 500, False),
    ],
)
def test_a_post_commits_only_what_succeeded(client, routes, outcome, status, kept):
    assert client.post(f"/uow/{outcome}").status_code == status
    assert _stored(f"{outcome}@example.org") is kept
    assert routes == (["ok"] if kept else [])  # after_commit runs only after a commit


def test_a_get_commits_nothing(client, routes):
    client.get("/uow/ok")
    assert routes == []
