"""Submitting through the API keeps every guarantee of the form: an idempotency key, a receipt,
moderation, contact encryption, and the same rate limit as the forms."""

import pytest
import sqlalchemy as sa

from consult.comments.models import Comment
from consult.extensions import db

from factories import comment_form, make_draft

PHONE = "13912345678"


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": True, "COMMENT_RATE_LIMIT": "3 per minute"}


def _post(client, key="key-00000001", **fields):
    body = {"body": "建议延长公园夜间开放时间。", "article": "1"} | fields
    return client.post("/api/v1/consultations/parks/comments", json=body, headers={"Idempotency-Key": key})


def test_a_comment_through_the_api_is_stored_once_with_a_receipt_and_an_encrypted_contact(client):
    make_draft(slug="parks")
    first = _post(client, contact=PHONE, name="李女士")
    assert first.status_code == 201, first.text
    receipt = first.get_json()
    assert receipt["state"] == "pending" and receipt["url"].endswith(f"/receipts/{receipt['receipt']}")
    again = _post(client, contact=PHONE, name="李女士")
    assert again.status_code == 200 and again.get_json() == receipt
    stored = db.session.scalars(sa.select(Comment)).all()
    assert len(stored) == 1 and stored[0].display_name == "李女士" and stored[0].source == "web"
    assert stored[0].contact_encrypted and PHONE.encode() not in stored[0].contact_encrypted
    assert client.get(f"/receipts/{receipt['receipt']}").status_code == 200
    reused = _post(client, body="另一条意见")
    assert reused.status_code == 409 and reused.get_json()["error"]["code"] == "idempotency_key_reused"


def test_bad_input_is_refused_with_the_field_named_and_nothing_stored(client):
    make_draft(slug="parks")
    no_key = client.post("/api/v1/consultations/parks/comments", json={"body": "意见"})
    assert no_key.status_code == 400 and no_key.get_json()["error"]["code"] == "idempotency_key"
    bad_contact = _post(client, contact="not a phone")
    assert bad_contact.status_code == 422 and "contact" in bad_contact.get_json()["error"]["details"]
    unknown = _post(client, key="key-00000002", article="99")
    assert unknown.status_code == 404 and unknown.get_json()["error"]["code"] == "unknown_article"
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 0


def test_a_browser_form_cannot_post_to_the_api(client):
    make_draft(slug="parks")
    form_post = client.post("/api/v1/consultations/parks/comments", data={"body": "表单"},
                            headers={"Idempotency-Key": "key-00000003"})  # fmt: skip
    assert form_post.status_code == 422  # a browser form cannot post here: JSON only
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 0


def test_a_closed_consultation_refuses_and_an_unpublished_one_is_not_there(client):
    make_draft(slug="parks", status="draft")
    assert _post(client).status_code == 404
    consultation = make_draft(slug="closed")
    consultation.status = "closed"
    db.session.commit()
    closed = client.post("/api/v1/consultations/closed/comments", json={"body": "晚了"},
                         headers={"Idempotency-Key": "key-00000004"})  # fmt: skip
    assert closed.status_code == 422 and closed.get_json()["error"]["code"] == "closed"


def test_the_api_and_the_forms_share_one_rate_limit(client):
    make_draft(slug="parks")
    assert _post(client, key="key-00000011").status_code == 201
    assert _post(client, key="key-00000012").status_code == 201
    form = client.get("/drafts/parks/articles/1")
    token = form.text.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    posted = client.post("/drafts/parks/articles/1/comments", data=comment_form(token="form-1") | {"csrf_token": token})
    assert posted.status_code == 303
    limited = _post(client, key="key-00000013")
    assert limited.status_code == 429 and limited.get_json()["error"]["code"] == "too_many_requests"
    assert int(limited.headers["Retry-After"]) > 0
