"""Canary contact details planted in comments never reach a public page, the receipt page, an error
page or a log line; at rest they are encrypted."""

import logging
import re
from datetime import timedelta

import pytest

from consult.accounts.access import PUBLIC, access_of
from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.extensions import db

from factories import add_comment, build_digest, comment_form, make_draft

PHONE = "13987654321"
EMAIL = "canary.resident@example.net"


@pytest.fixture
def planted(app, client):
    consultation = make_draft(articles=3)
    consultation.premoderation = False
    db.session.commit()
    comments = [
        add_comment(consultation, 1, contact=PHONE, display_name="金丝雀"),
        add_comment(consultation, None, contact=EMAIL),
        add_comment(consultation, 2, contact=EMAIL, wants_public=False),
        add_comment(consultation, 3, contact=PHONE, state="pending"),
    ]
    response = client.post("/drafts/test-draft/articles/2/comments", data=comment_form(contact=PHONE, token="web"))
    assert response.status_code == 303
    comments.append(db.session.scalar(db.select(Comment).filter_by(idempotency_token="web")))
    _plant_hearing_and_report(consultation)
    return consultation, comments


def _plant_hearing_and_report(consultation):
    """A hearing registration with the canary contact, and a published feedback report."""

    from consult.accounts.services import create_user
    from consult.digests import services as digests
    from consult.hearings import services as hearings

    hearing = hearings.save_hearing(
        consultation,
        hearings.HearingInput(
            kind="forum",
            title="座谈会",
            starts_at=consultation.closes_at + timedelta(days=5),
            venue="会议室",
            capacity=9,
            speaker_slots=3,
            registration_opens_at=None,
            registration_closes_at=None,
            announcement="",
            article_ids=(),
        ),
    )
    hearing.status = "announced"
    registration, _ = hearings.register(
        hearing,
        hearings.RegistrationInput(
            kind="observer",
            name="旁听人",
            article_ids=(),
            stance=None,
            summary="",
            district="",
            role="citizen",
            contact=PHONE,
        ),
        token="canary",
        cipher=contact_cipher(),
    )
    build_digest(consultation)
    consultation.status = "closed"
    digests.publish_report(create_user("d@example.org", "drafter", "long enough pw"), consultation, "说明")
    db.session.commit()
    return hearing, registration


def _public_urls(app, consultation, comments) -> list[str]:
    from consult.hearings.models import Registration

    hearing_receipt = db.session.scalar(db.select(Registration.receipt))
    values = {
        "slug": consultation.slug,
        "number": "1",
        "receipt": comments[0].receipt,
        "code": "en",
        "option": "large",
        "state": "on",
    }
    urls = []
    for rule in app.url_map.iter_rules():
        if access_of(rule.endpoint) != PUBLIC or "GET" not in rule.methods or rule.endpoint == "static":
            continue
        path = re.sub(r"<any\(([^,)]+)[^)]*\):[^<>]+>", lambda m: m.group(1).strip(), rule.rule)
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: values.get(m.group(1), "1"), path)
        urls.append(path)
    urls += [f"/receipts/{c.receipt}" for c in comments] + [f"/receipts/{c.receipt}/thanks" for c in comments]
    urls += [
        f"/hearings/registrations/{hearing_receipt}",
        f"/drafts/{consultation.slug}/feedback",
        "/hearings/1",
        f"/hearings/{db.session.scalar(db.select(Registration.hearing_id))}",
        f"/drafts/{consultation.slug}/open-data.json",
        f"/drafts/{consultation.slug}/open-data.csv",
        # the public API: every comment page, the answers, the articles with their counts
        f"/api/v1/consultations/{consultation.slug}/comments?limit=200",
        f"/api/v1/consultations/{consultation.slug}/feedback",
        f"/api/v1/consultations/{consultation.slug}/articles",
    ]
    urls += [
        "/drafts/test-draft/articles/2",
        "/drafts/test-draft/articles/3",
        "/drafts/test-draft?page=1",
        "/drafts/test-draft/search?q=一条意见",
        "/receipts?number=ZZZZ",
        "/no-such-page",
    ]
    return urls


def test_canary_contact_never_appears_in_public_pages_or_logs(app, client, planted, caplog):
    consultation, comments = planted
    caplog.set_level(logging.DEBUG)
    crawled = 0
    for language in ("zh_Hans", "en"):
        client.set_cookie("lang", language, domain="localhost")
        for url in _public_urls(app, consultation, comments):
            response = client.get(url, follow_redirects=True)
            body = response.get_data(as_text=True)
            assert PHONE not in body, url
            assert EMAIL not in body, url
            crawled += 1
    assert crawled > 30
    assert "金丝雀" in client.get("/drafts/test-draft/articles/1").text  # the crawl saw real content
    assert "金丝雀" in client.get(f"/api/v1/consultations/{consultation.slug}/comments?limit=200").text
    assert client.get(f"/api/v1/consultations/{consultation.slug}/feedback").status_code == 200
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert PHONE not in logged and EMAIL not in logged


def test_contact_is_encrypted_at_rest(app, planted):
    _consultation, comments = planted
    raw = db.session.execute(
        db.text("SELECT contact_encrypted FROM comments WHERE id = :id"), {"id": comments[0].id}
    ).scalar_one()
    assert PHONE.encode() not in bytes(raw)
    assert app.extensions["consult_contact_cipher"].decrypt(bytes(raw)) == PHONE


def test_server_error_page_shows_no_contact(app, client, planted, monkeypatch):
    from consult.comments import services

    def explode(*args, **kwargs):
        raise RuntimeError(f"boom with {PHONE}")

    monkeypatch.setattr(services, "submit_comment", explode)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.post("/drafts/test-draft/articles/1/comments", data=comment_form(contact=PHONE, token="x2"))
    assert response.status_code == 500
    assert PHONE not in response.text and "服务器出错了" in response.text
