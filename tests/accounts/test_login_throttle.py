import pytest


@pytest.fixture
def app_config():
    return {"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}


def test_login_attempts_are_throttled(client):
    codes = [
        client.post("/staff/login", data={"email": "x@example.org", "password": "nope nope"}).status_code
        for _ in range(5)
    ]
    assert codes[:3] == [422, 422, 422]
    assert codes[3:] == [429, 429]
