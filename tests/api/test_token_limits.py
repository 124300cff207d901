"""Each staff API token has its own rate limit, wherever its requests come from."""

import pytest

from consult.accounts.services import create_user
from consult.accounts.tokens import create_token
from consult.extensions import db

from factories import make_draft


@pytest.fixture
def app_config():
    return {"RATELIMIT_ENABLED": True, "API_TOKEN_RATE_LIMIT": "2 per minute"}


def test_a_token_over_its_limit_gets_429_and_another_token_does_not(client):
    consultation = make_draft(slug="parks")
    admin = create_user("admin@example.org", "admin", "correct horse battery")
    (_one, first), (_two, second) = create_token(admin, "一", "drafter"), create_token(admin, "二", "drafter")
    db.session.commit()
    path = f"/api/v1/staff/consultations/{consultation.id}/comments"
    for address in ("10.0.0.1", "10.0.0.2"):  # two addresses, one budget
        ok = client.get(path, headers={"Authorization": f"Bearer {first}"}, environ_base={"REMOTE_ADDR": address})
        assert ok.status_code == 200
    limited = client.get(path, headers={"Authorization": f"Bearer {first}"}, environ_base={"REMOTE_ADDR": "10.0.0.3"})
    assert limited.status_code == 429 and limited.get_json()["error"]["code"] == "too_many_requests"
    assert int(limited.headers["Retry-After"]) > 0
    assert client.get(path, headers={"Authorization": f"Bearer {second}"}).status_code == 200
