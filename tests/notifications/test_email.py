"""Residents who leave an e-mail and ask for it are told: the receipt, then (once they confirm) the
answer and the next round; following a draft needs a confirmation too; one click unsubscribes; the
outbox keeps to its hourly cap and retries a server that is down. A real SMTP server receives it all."""

import logging
import re

import sqlalchemy as sa
from smtp_inbox import body_of

from consult.digests import services as digest_services
from consult.digests.models import Theme
from consult.drafts.services import schedule_consultation
from consult.extensions import db
from consult.notifications.models import OutgoingMessage, Subscription
from consult.notifications.tasks import send_due

from factories import build_digest, comment_form, make_draft

EMAIL = "resident@example.net"


def _comment(client, slug="parks", contact=EMAIL, updates="y", token="t-1", body="公园厕所太少，应当增加厕所。"):
    data = comment_form(body=body, contact=contact, token=token) | ({"updates": updates} if updates else {})
    response = client.post(f"/drafts/{slug}/articles/1/comments", data=data)
    assert response.status_code == 303, response.text
    return response


def _link(message, path: str) -> str:
    found = re.search(rf"http://localhost(/notifications/[^/\s]+/{path})", body_of(message))
    assert found, body_of(message)
    return found.group(1)


def test_a_resident_who_asks_gets_the_receipt_by_mail_with_a_one_click_unsubscribe(client, inbox, caplog):
    make_draft(slug="parks")
    caplog.set_level(logging.DEBUG)
    _comment(client)
    [message] = inbox.to(EMAIL)
    assert "已收到您对" in message["Subject"] and "回执" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].strip().startswith("<http://localhost/notifications/")
    assert "/receipts/" in body_of(message) and "/receipts/" in body_of(message, "html")
    ours = [r.getMessage() for r in caplog.records if r.name != "mail.log"]  # mail.log: the test's SMTP server
    assert EMAIL not in "\n".join(ours)
    _comment(client, updates="", token="t-2", contact="other@example.net")
    assert inbox.to("other@example.net") == []  # not ticked: nothing sent


def test_answers_reach_only_confirmed_subscribers(client, inbox, login):
    consultation = make_draft(slug="parks")
    _comment(client)
    _comment(client, token="t-2", contact="pending@example.net", body="厕所数量不够，建议增建厕所。")
    client.post(_link(inbox.to(EMAIL)[0], "confirm"))
    build_digest(consultation)
    user = login("drafter")
    for theme in Theme.query.filter_by(consultation_id=consultation.id):
        digest_services.answer_theme(user, theme, "adopted", "修改稿已增加厕所配置要求。", theme.revision)
    consultation.status = "closed"
    db.session.commit()
    response = client.post(f"/staff/digests/{consultation.id}/report", data={"introduction": "感谢。"})
    assert response.status_code in (200, 302), response.text
    answers = [m for m in inbox.to(EMAIL) if "处理结果" in m["Subject"]]
    assert len(answers) == 1 and "修改稿已增加厕所配置要求。" in body_of(answers[0])
    assert [m["Subject"] for m in inbox.to("pending@example.net") if "处理结果" in m["Subject"]] == []


def test_following_a_draft_needs_a_confirmation_and_brings_the_next_round_until_unsubscribed(client, inbox, login):
    first = make_draft(slug="parks")
    page = client.post("/drafts/parks/follow", data={"email": "follower@example.net"})
    assert page.status_code == 200 and "请查收确认邮件" in page.text
    [confirm] = inbox.to("follower@example.net")
    assert "请确认" in confirm["Subject"]
    second = _second_round(first)
    schedule_consultation(second, first.opens_at, first.closes_at)
    db.session.commit()
    from consult.notifications.tasks import send_due as flush

    flush()
    assert len(inbox.to("follower@example.net")) == 1  # not confirmed: nothing more
    assert client.post(_link(confirm, "confirm")).status_code == 200
    third = _second_round(second, slug="parks-3")
    schedule_consultation(third, first.opens_at, first.closes_at)
    db.session.commit()
    flush()
    rounds = [m for m in inbox.to("follower@example.net") if "公开征求意见" in m["Subject"]]
    assert len(rounds) == 1 and "/drafts/parks-3" in body_of(rounds[0])
    one_click = client.post(_link(rounds[0], "unsubscribe"), data={"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    assert db.session.scalar(sa.select(Subscription.state)) == "unsubscribed"


def _second_round(consultation, slug="parks-2"):
    from consult.drafts import version_services
    from consult.drafts.services import DraftSource
    from consult.drafts.structure import parse_draft

    from factories import draft_text

    parsed = parse_draft(draft_text(3).replace("事务", "事项"))
    rows = version_services.proposed_rows(consultation, parsed)
    return version_services.save_new_version(
        consultation, parsed, version_services.proposed_matches(rows, parsed), label="草案修改稿", title="第二轮",
        slug=slug, source=DraftSource(),
    )  # fmt: skip


def test_the_outbox_keeps_its_hourly_cap_and_retries_a_server_that_is_down(app, client, inbox):
    make_draft(slug="parks")
    app.config["NOTIFY_PER_HOUR"] = 2
    for n in range(3):
        _comment(client, token=f"t-{n}", contact=f"r{n}@example.net")
    assert len(inbox.messages) == 2
    assert db.session.scalar(sa.select(sa.func.count()).where(OutgoingMessage.state == "queued")) == 1
    app.config["NOTIFY_PER_HOUR"], app.config["SMTP_URL"] = 100, "smtp://127.0.0.1:9"  # nothing listens there
    assert send_due() == 0
    waiting = db.session.scalar(sa.select(OutgoingMessage).where(OutgoingMessage.state == "queued"))
    assert waiting.attempts == 1 and waiting.last_error.startswith("ConnectionRefusedError")
    assert "@" not in waiting.last_error


def test_without_a_mail_server_nothing_is_offered(app, client):
    make_draft(slug="parks")
    app.config["SMTP_URL"] = None
    assert client.get("/drafts/parks/follow").status_code == 404
    assert "updates" not in client.get("/drafts/parks/articles/1").text
    _comment(client)
    assert db.session.scalar(sa.select(sa.func.count(Subscription.id))) == 0


def test_a_phone_number_gets_the_receipt_by_sms_through_the_logging_backend(client, caplog):
    make_draft(slug="parks")
    caplog.set_level(logging.INFO)
    _comment(client, contact="13912345678")
    logged = [r.getMessage() for r in caplog.records if "SMS" in r.getMessage()]
    assert len(logged) == 1 and "回执号" in logged[0] and "13912345678" not in logged[0] and "5678" not in logged[0]


def test_applicants_who_left_an_e_mail_are_told_the_selection_result(client, login, inbox):
    from consult.comments.privacy import contact_cipher
    from consult.hearings.models import Registration

    from factories import make_hearing

    hearing = make_hearing()
    registrations = db.session.scalars(sa.select(Registration).order_by(Registration.id)).all()
    registrations[0].contact_encrypted = contact_cipher().encrypt("applicant@example.net")
    db.session.commit()
    login("organizer")
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [registrations[0].id]})
    assert inbox.messages == []  # saving tells nobody
    client.post(f"/staff/hearings/{hearing.id}/speakers/publish")
    [message] = inbox.messages
    assert message["To"] == "applicant@example.net" and "遴选结果" in message["Subject"]
    assert "已确定为陈述人" in body_of(message) and f"/hearings/registrations/{registrations[0].receipt}" in body_of(
        message
    )


def test_publishing_the_selection_again_tells_only_those_whose_result_changed(client, login, inbox):
    from consult.comments.privacy import contact_cipher
    from consult.hearings.models import Registration

    from factories import make_hearing

    hearing = make_hearing()
    first, second, _third = db.session.scalars(sa.select(Registration).order_by(Registration.id)).all()
    for n, registration in enumerate((first, second)):
        registration.contact_encrypted = contact_cipher().encrypt(f"applicant{n}@example.net")
    db.session.commit()
    login("organizer")
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [first.id]})
    client.post(f"/staff/hearings/{hearing.id}/speakers/publish")
    assert sorted(m["To"] for m in inbox.messages) == ["applicant0@example.net", "applicant1@example.net"]
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [first.id, second.id]})
    client.post(f"/staff/hearings/{hearing.id}/speakers/publish")
    assert [m["To"] for m in inbox.messages[2:]] == ["applicant1@example.net"]  # only the changed result
    assert db.session.scalar(sa.select(sa.func.count(Subscription.id))) == 2  # one per registration
