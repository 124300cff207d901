from consult.accounts.models import User
from consult.extensions import db

from testapp import STAFF_PASSWORD


def test_wrong_password_is_refused_with_a_message(client, login, app):
    login("drafter")
    client.post("/staff/logout")
    response = client.post("/staff/login", data={"email": "drafter@example.org", "password": "wrong one!"})
    assert response.status_code == 422
    assert "电子邮箱或密码不正确" in response.text
    assert client.get("/staff/").status_code == 302


def test_password_is_stored_as_scrypt_hash(login):
    user = login("drafter")
    assert user.password_hash.startswith("scrypt:")
    assert STAFF_PASSWORD not in user.password_hash


def test_logout_kills_a_copied_session_cookie(app, client, login):
    login("drafter")
    assert client.get("/staff/").status_code == 200
    stolen = client.get_cookie("session").value
    client.post("/staff/logout")
    thief = app.test_client()
    thief.set_cookie("session", stolen, domain="localhost")
    assert thief.get("/staff/").status_code == 302


def test_login_starts_a_fresh_session(app, client, login):
    with client.session_transaction() as session:
        session["planted_before_login"] = "attacker-chosen"
    login("drafter")
    with client.session_transaction() as session:
        assert "planted_before_login" not in session
        assert "_user_id" in session


def test_login_redirect_stays_on_site(client, app):
    from consult.accounts.services import create_user

    create_user("d@example.org", "drafter", STAFF_PASSWORD)
    db.session.commit()
    response = client.post(
        "/staff/login?next=//evil.example/x", data={"email": "d@example.org", "password": STAFF_PASSWORD}
    )
    assert response.headers["Location"].endswith("/staff/")


def test_users_create_command(runner, app):
    result = runner.invoke(args=["users", "create", "new@example.org", "--role", "moderator"])
    assert result.exit_code == 0, result.output
    assert "Password:" in result.output
    assert db.session.scalar(db.select(User).filter_by(email="new@example.org")).role == "moderator"
    again = runner.invoke(args=["users", "create", "new@example.org", "--role", "moderator"])
    assert again.exit_code != 0
    assert "already exists" in again.output
