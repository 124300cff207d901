"""Staff API tokens: an admin creates one for a role (shown once, kept hashed), revokes it; the staff
API answers only live tokens, shows contacts only to roles allowed them, and records every use."""

import re
import threading

import pytest
import sqlalchemy as sa

from consult.accounts import tokens
from consult.accounts.token_models import ApiToken, ApiTokenUse
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

PHONE = "13912345678"


def _create(client, login, role: str) -> str:
    login("admin", email=f"admin-for-{role}@example.org")
    page = client.post("/staff/api-tokens", data={"name": f"{role} 看板", "role": role})
    assert page.status_code == 200
    plain = re.search(r"cst_[A-Za-z0-9_-]{43}", page.text).group(0)
    client.post("/staff/logout")
    return plain


def _get(client, token: str, path: str):
    return client.get(path, headers={"Authorization": f"Bearer {token}"})


def test_a_token_is_shown_once_and_kept_only_as_a_hash(client, login):
    plain = _create(client, login, "drafter")
    stored = db.session.scalar(sa.select(ApiToken))
    assert stored.token_hash != plain and plain not in stored.token_hash and stored.prefix == plain[:10]
    login("admin")
    assert plain not in client.get("/staff/api-tokens").text


def test_contacts_reach_only_tokens_of_roles_allowed_them(client, login):
    consultation = make_draft(slug="parks")
    add_comment(consultation, 1, body="有联系方式的意见", contact=PHONE)
    add_comment(consultation, 1, body="待审核", state="pending")
    drafter = _create(client, login, "drafter")
    moderator = _create(client, login, "moderator")
    path = f"/api/v1/staff/consultations/{consultation.id}/comments"
    seen = _get(client, drafter, path).get_json()["items"]
    assert [c["state"] for c in seen] == ["approved", "pending"] and seen[0]["contact"] == PHONE
    hidden = _get(client, moderator, path)
    assert hidden.status_code == 200 and PHONE not in hidden.text
    assert "contact" not in hidden.get_json()["items"][0]
    pending = _get(client, moderator, path + "?state=pending").get_json()["items"]
    assert [c["body"] for c in pending] == ["待审核"]


def test_revoked_and_unknown_tokens_are_refused_and_every_use_is_recorded(client, login):
    consultation = make_draft(slug="parks")
    add_comment(consultation, 1, body="公园需要更多座椅。")
    build_digest(consultation)
    plain = _create(client, login, "organizer")
    digest = _get(client, plain, f"/api/v1/staff/consultations/{consultation.id}/digest")
    assert digest.status_code == 200 and digest.get_json()["comments"] == 1
    assert _get(client, plain, "/api/v1/staff/consultations/999/digest").status_code == 404
    assert _get(client, "cst_" + "x" * 43, f"/api/v1/staff/consultations/{consultation.id}/digest").status_code == 401
    token = db.session.scalar(sa.select(ApiToken))
    login("admin")
    revoked = client.post(f"/staff/api-tokens/{token.id}/revoke")
    assert revoked.status_code == 302 and "已撤销" in client.get(revoked.headers["Location"]).text
    db.session.rollback()
    refused = _get(client, plain, f"/api/v1/staff/consultations/{consultation.id}/digest")
    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"].startswith("Bearer")
    uses = db.session.execute(sa.select(ApiTokenUse.status, ApiTokenUse.path).order_by(ApiTokenUse.id)).all()
    assert [status for status, _path in uses] == [200, 404]
    assert db.session.get(ApiToken, token.id).last_used_at is not None


def test_the_token_page_is_for_admins_only_and_refuses_a_bad_role(client, login):
    login("drafter")
    assert client.get("/staff/api-tokens").status_code == 403
    client.post("/staff/logout")
    login("admin")
    refused = client.post("/staff/api-tokens", data={"name": "x", "role": "resident"})
    assert refused.status_code == 422 and db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 0


def test_a_cursor_walk_never_repeats_or_skips_while_comments_arrive(client, app):
    consultation = make_draft(slug="parks")
    for n in range(120):
        add_comment(consultation, 1, body=f"意见 {n}")
    seen: list[int] = []
    after, added = "", 0
    while True:
        page = client.get(f"/api/v1/consultations/parks/comments?limit=25{after}").get_json()
        seen += [c["id"] for c in page["items"]]
        if added < 3:  # comments arriving mid-walk, from another thread (another connection)
            worker = threading.Thread(target=_add_in_thread, args=(app, consultation.id, added))
            worker.start()
            worker.join()
            added += 1
        if not page["next_cursor"]:
            break
        after = f"&cursor={page['next_cursor']}"
    assert len(seen) == len(set(seen)) == 123 and seen == sorted(seen)


def _add_in_thread(app, consultation_id: int, n: int) -> None:
    from consult.drafts.models import Consultation

    with app.app_context():
        add_comment(db.session.get(Consultation, consultation_id), 1, body=f"途中到达的意见 {n}")
        db.session.remove()


@pytest.mark.parametrize("header", ["", "Bearer", "Basic abc", "Bearer cst_short", "Bearer " + "x" * 300])
def test_malformed_authorization_headers_are_401(client, header):
    assert tokens.token_for(header) is None
    response = client.get("/api/v1/staff/consultations/1/comments", headers={"Authorization": header})
    assert response.status_code == 401
