"""Fixtures: a fresh app per test on one shared schema (SQLite by default, PostgreSQL when
CONSULT_TEST_DATABASE_URL is set), emptied after every test."""

from __future__ import annotations

import os

import flask_babel
import pytest
from smtp_inbox import running_inbox

from consult import create_app
from consult.extensions import db

from testapp import STAFF_PASSWORD, empty_tables, make_app

DATABASE_URL = os.environ.get("CONSULT_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("CONSULT_TEST_REDIS_URL")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    if DATABASE_URL:
        return DATABASE_URL
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session")
def _schema(database_url):
    app = create_app({"TESTING": True, "SECRET_KEY": "test", "SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.engine.dispose()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app_config() -> dict:
    """Override in a test module to change the configuration of `app`."""
    return {}


@pytest.fixture
def inbox():
    """A real SMTP server (aiosmtpd) on a free local port, keeping what it receives; point SMTP_URL at
    `inbox.port` in the module's app_config."""
    with running_inbox() as handler:
        yield handler


@pytest.fixture
def app(database_url, _schema, app_config):
    app = make_app(database_url, **app_config)
    # The test's app context outlives each request, and Flask-Babel caches the locale on it:
    # forget it per request, as a fresh context in production would.
    app.before_request(flask_babel.refresh)
    with app.app_context():
        yield app
        db.session.rollback()
        empty_tables()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def login(app, client):
    """login("drafter") creates a staff user with that role and signs the client in."""
    from consult.accounts.services import create_user

    def sign_in(role: str = "drafter", email: str | None = None):
        email = email or f"{role}@example.org"
        user = create_user(email, role, STAFF_PASSWORD)
        db.session.commit()
        response = client.post("/staff/login", data={"email": email, "password": STAFF_PASSWORD})
        assert response.status_code == 302, response.text
        return user

    return sign_in
