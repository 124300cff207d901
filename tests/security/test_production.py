"""A production start behind HTTPS: cookies only over HTTPS, HSTS, and X-Forwarded-* trusted only
from the configured number of proxies."""

import pytest
from flask import request

from consult.accounts.access import public
from consult.extensions import db

from testapp import STAFF_PASSWORD, make_app


@pytest.fixture
def production(monkeypatch, tmp_path):
    monkeypatch.setenv("CONSULT_ENV", "production")
    monkeypatch.setenv("CONSULT_PROXY_COUNT", "1")
    app = make_app(f"sqlite:///{tmp_path}/prod.sqlite3", CONTACT_KEYS=("a" * 43 + "=",), TESTING=False)

    @public
    def probe():
        return f"{request.scheme} {request.remote_addr}"

    app.add_url_rule("/probe", "probe", probe)
    with app.app_context():
        db.create_all()
        from consult.accounts.services import create_user

        create_user("admin@example.org", "admin", STAFF_PASSWORD)
        db.session.commit()
        yield app
        db.session.remove()
        db.engine.dispose()


def _set_cookies(response) -> dict[str, str]:
    return {line.split("=", 1)[0]: line for line in response.headers.getlist("Set-Cookie")}


def test_production_cookies_are_secure_and_hsts_is_sent(production):
    client = production.test_client()
    https = {"X-Forwarded-Proto": "https"}
    login = client.post("/staff/login", data={"email": "admin@example.org", "password": STAFF_PASSWORD}, headers=https)
    assert login.status_code == 302
    assert "; Secure" in _set_cookies(login)["session"]
    assert "; Secure" in _set_cookies(client.get("/language/en", headers=https))["lang"]
    assert "; Secure" in _set_cookies(client.get("/display/large/on", headers=https))["display"]
    assert client.get("/", headers=https).headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_one_trusted_proxy_gives_the_client_address_and_scheme(production):
    client = production.test_client()
    seen = client.get("/probe", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9, 10.0.0.2"})
    # Only the last hop (the one proxy we trust) is believed; what the client wrote before it is not.
    assert seen.text == "https 10.0.0.2"


def test_without_proxies_forwarded_headers_are_ignored(app, client):
    @public
    def probe():
        return f"{request.scheme} {request.remote_addr}"

    app.add_url_rule("/probe", "probe", probe)
    seen = client.get("/probe", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"})
    assert seen.text == "http 127.0.0.1"
    assert "Strict-Transport-Security" not in client.get("/").headers
    assert "Secure" not in client.get("/language/en").headers["Set-Cookie"]
