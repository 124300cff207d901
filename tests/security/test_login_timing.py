"""A wrong login costs one scrypt hash whether or not the account exists: timing tells nothing."""

import hashlib

import pytest

from consult.accounts.services import authenticate, create_user
from consult.extensions import db

from testapp import STAFF_PASSWORD


@pytest.fixture
def scrypt_calls(monkeypatch):
    calls = []
    real = hashlib.scrypt

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    return calls


@pytest.mark.parametrize(
    "email, password, active",
    [
        ("nobody@example.org", "some password", True),
        ("drafter@example.org", "wrong password", True),
        ("drafter@example.org", STAFF_PASSWORD, False),
    ],
)
def test_every_refused_login_hashes_once(app, scrypt_calls, email, password, active):
    user = create_user("drafter@example.org", "drafter", STAFF_PASSWORD)
    user.active = active
    db.session.commit()
    authenticate("warm@example.org", "x")  # the dummy hash is made once per process
    scrypt_calls.clear()
    assert authenticate(email, password) is None
    assert len(scrypt_calls) == 1
