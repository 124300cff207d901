"""Redis unreachable (a closed port): rate limits fall back to per-process memory with one
warning, and residents can still comment, look up receipts and register; staff can still log in."""

import logging
import socket

import pytest

from consult.comments.models import Comment
from consult.extensions import db
from consult.hearings.models import Registration

from factories import comment_form, make_draft, make_hearing
from testapp import STAFF_PASSWORD


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe is closed


@pytest.fixture
def app_config():
    return {
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{_closed_port()}/0",
        "COMMENT_RATE_LIMIT": "3 per hour",
    }


@pytest.fixture(autouse=True)
def _revive_limiter():
    """The limiter is one object for every app of the test process, and init_app does not forget
    that its storage died; later tests get a limiter with a live storage."""
    yield
    from consult.extensions import limiter

    limiter._storage_dead = False


def test_comments_are_stored_and_receipted_without_redis(client, caplog):
    make_draft(articles=3)
    with caplog.at_level(logging.WARNING):
        first = client.post("/drafts/test-draft/articles/1/comments", data=comment_form(token="r1"))
        second = client.post("/drafts/test-draft/comments", data=comment_form(token="r2"))
    assert first.status_code == 303 and second.status_code == 303
    assert db.session.scalar(db.select(db.func.count(Comment.id))) == 2
    assert client.get(first.headers["Location"]).status_code == 200
    warnings = [r for r in caplog.records if "falling back to in-memory" in r.getMessage()]
    assert len(warnings) == 1


def test_limits_still_hold_in_memory(client):
    make_draft(articles=3)
    codes = [
        client.post("/drafts/test-draft/articles/1/comments", data=comment_form(token=f"m{n}")).status_code
        for n in range(4)
    ]
    assert codes == [303, 303, 303, 429]


def test_login_and_registration_work_without_redis(app, client):
    from consult.accounts.services import create_user

    create_user("organizer@example.org", "organizer", STAFF_PASSWORD)
    db.session.commit()
    hearing = make_hearing()
    response = client.post(
        f"/hearings/{hearing.id}/register",
        data={"kind": "observer", "name": "旁听者", "role": "citizen", "token": "redis-down"},
    )
    assert response.status_code == 303
    assert db.session.scalar(db.select(Registration).filter_by(idempotency_token="redis-down")) is not None
    login = client.post("/staff/login", data={"email": "organizer@example.org", "password": STAFF_PASSWORD})
    assert login.status_code == 302
