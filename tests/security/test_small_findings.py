"""The smaller findings: cache headers on private pages, Retry-After, one comment budget for both
forms, bulk moderation going back to a fixed place, registration contacts validated."""

import pytest

from consult.comments.models import Comment
from consult.extensions import db
from consult.hearings.models import Registration

from factories import add_comment, comment_form, make_draft, make_hearing


def test_receipt_pages_are_never_cached(client):
    make_draft(articles=3)
    posted = client.post("/drafts/test-draft/articles/1/comments", data=comment_form(token="cache-1"))
    thanks = posted.headers["Location"]
    receipt = db.session.scalar(db.select(Comment.receipt))
    for url in (thanks, f"/receipts/{receipt}", f"/receipts?number={receipt}"):
        assert client.get(url).headers["Cache-Control"] == "private, no-store", url


def test_registration_receipt_is_never_cached(client, app):
    hearing = make_hearing()
    posted = client.post(
        f"/hearings/{hearing.id}/register",
        data={"kind": "observer", "name": "旁听者", "role": "citizen", "token": "cache-2"},
    )
    assert client.get(posted.headers["Location"]).headers["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("contact, ok", [("13912345678", True), ("a@example.org", True), ("住在幸福路", False)])
def test_registration_contact_must_be_a_phone_or_email(client, app, contact, ok):
    hearing = make_hearing()
    response = client.post(
        f"/hearings/{hearing.id}/register",
        data={"kind": "observer", "name": "旁听者", "role": "citizen", "token": f"contact-{ok}", "contact": contact},
    )
    assert response.status_code == (303 if ok else 422)
    stored = db.session.scalar(db.select(Registration).filter_by(idempotency_token=f"contact-{ok}"))
    assert (stored is not None) == ok
    if not ok:
        assert "请填写有效的手机号码或电子邮箱" in response.text


class TestLimits:
    @pytest.fixture
    def app_config(self):
        # Per hour: a per-minute window could reset between the requests of a test.
        return {
            "RATELIMIT_ENABLED": True,
            "COMMENT_RATE_LIMIT": "3 per hour",
            "LOGIN_RATE_LIMIT": "2 per hour",
            "RECEIPT_RATE_LIMIT": "2 per hour",
        }

    def test_both_comment_forms_share_one_budget(self, client):
        make_draft(articles=3)
        urls = ["/drafts/test-draft/articles/1/comments", "/drafts/test-draft/comments"] * 2
        codes = [client.post(url, data=comment_form(token=f"s{n}")).status_code for n, url in enumerate(urls)]
        assert codes == [303, 303, 303, 429]
        assert db.session.scalar(db.select(db.func.count(Comment.id))) == 3

    @pytest.mark.parametrize(
        "method, url", [("POST", "/staff/login"), ("GET", "/receipts/ABCD-EFGH-JKMN"), ("GET", "/receipts?number=ABCD")]
    )
    def test_every_429_says_when_to_retry(self, client, method, url):
        responses = [
            client.open(url, method=method, data={"email": "x@example.org", "password": "y"}) for _ in range(3)
        ]
        assert responses[-1].status_code == 429
        assert 0 < int(responses[-1].headers["Retry-After"]) <= 3600


def test_bulk_moderation_goes_back_to_the_queue_not_the_referer(client, login):
    consultation = make_draft(articles=3)
    comment = add_comment(consultation, 1, state="pending")
    login("moderator")
    response = client.post(
        f"/staff/consultations/{consultation.id}/comments/bulk?state=pending&page=2",
        data={"ids": [comment.id], "action": "approve"},
        headers={"Referer": "https://evil.example/"},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(f"/staff/consultations/{consultation.id}/comments?") and "evil" not in location
    assert "state=pending" in location and "page=2" in location
    detail = client.post(
        f"/staff/consultations/{consultation.id}/comments/bulk?from=detail",
        data={"ids": [comment.id], "action": "approve"},
        headers={"Referer": "https://evil.example/"},
    )
    assert detail.headers["Location"] == f"/staff/comments/{comment.id}"
