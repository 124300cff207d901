"""Moderators approve, reject, redact and record; every action is logged; nothing is deleted."""

from consult.comments.models import Comment, ModerationEvent
from consult.extensions import db

from factories import add_comment, comment_form, make_draft


def _events(action: str) -> list[ModerationEvent]:
    return db.session.scalars(db.select(ModerationEvent).filter_by(action=action)).all()


def test_bulk_approve_and_reject_with_reason_are_logged(client, login):
    consultation = make_draft(articles=3)
    good = [add_comment(consultation, 1, body=f"好意见{n}", state="pending") for n in range(3)]
    spam = add_comment(consultation, 1, body="广告：低价出售", state="pending")
    moderator = login("moderator")
    url = f"/staff/consultations/{consultation.id}/comments/bulk"
    assert client.post(url, data={"ids": [c.id for c in good], "action": "approve"}).status_code == 302
    assert (
        client.post(
            url, data={"ids": [spam.id], "action": "reject", "reason": "advertising", "note": "商业广告"}
        ).status_code
        == 302
    )
    assert {c.state for c in good} == {"approved"}
    assert spam.state == "rejected" and spam.reject_reason == "advertising"
    assert len(_events("approve")) == 3
    rejection = _events("reject")[0]
    assert (rejection.actor_id, rejection.reason, rejection.note) == (moderator.id, "advertising", "商业广告")
    page = client.get("/drafts/test-draft/articles/1").text
    assert "好意见0" in page and "低价出售" not in page
    assert db.session.scalar(db.select(db.func.count(Comment.id))) == 4  # nothing deleted


def test_reject_without_reason_is_refused(client, login):
    consultation = make_draft(articles=3)
    comment = add_comment(consultation, 1, state="pending")
    login("moderator")
    client.post(f"/staff/consultations/{consultation.id}/comments/bulk", data={"ids": [comment.id], "action": "reject"})
    assert comment.state == "pending"
    assert "请选择不通过的理由" in client.get(f"/staff/consultations/{consultation.id}/comments").text


def test_redaction_changes_the_public_text_and_keeps_the_original(client, login):
    consultation = make_draft(articles=3)
    comment = add_comment(consultation, 1, body="请联系我 13912345678 讨论第一条")
    login("moderator")
    response = client.post(
        f"/staff/comments/{comment.id}/redact", data={"public_text": "请联系我 [已遮盖] 讨论第一条", "note": "电话号码"}
    )
    assert response.status_code == 302
    page = client.get("/drafts/test-draft/articles/1").text
    assert "13912345678" not in page and "[已遮盖]" in page
    assert "13912345678" not in client.get(f"/receipts/{comment.receipt}").text
    assert comment.body == "请联系我 13912345678 讨论第一条"
    assert _events("redact")[0].note == "电话号码"
    assert "13912345678" in client.get(f"/staff/comments/{comment.id}").text  # the record keeps it


def test_queue_filters(client, login):
    consultation = make_draft(articles=3)
    add_comment(consultation, 1, body="关于第一条的意见", state="pending")
    add_comment(consultation, 2, body="关于第二条的意见", state="pending")
    add_comment(consultation, 2, body="已经通过的意见", state="approved")
    login("moderator")
    base = f"/staff/consultations/{consultation.id}/comments"
    default = client.get(base).text
    assert "关于第一条的意见" in default and "已经通过的意见" not in default
    from consult.drafts.queries import load_structure

    second = load_structure(consultation.version_id).article("2").article_id
    by_article = client.get(base, query_string={"article": second, "state": ""}).text
    assert "关于第一条的意见" not in by_article and "已经通过的意见" in by_article
    by_text = client.get(base, query_string={"q": "第一条", "state": ""}).text
    assert "关于第一条的意见" in by_text and "关于第二条的意见" not in by_text
    by_source = client.get(base, query_string={"source": "letter", "state": ""}).text
    assert "关于" not in by_source


def test_turning_premoderation_off_publishes_new_comments_at_once(client, login, app):
    consultation = make_draft(articles=3)
    login("moderator")
    client.post(f"/staff/consultations/{consultation.id}/premoderation/off")
    assert consultation.premoderation is False
    assert _events("premoderation_off")
    resident = app.test_client()
    resident.post("/drafts/test-draft/articles/1/comments", data=comment_form(body="直接公开的意见"))
    assert "直接公开的意见" in resident.get("/drafts/test-draft/articles/1").text


def test_staff_record_a_letter(client, login):
    consultation = make_draft(articles=3)
    login("drafter")
    from consult.drafts.queries import load_structure

    article_id = load_structure(consultation.version_id).article("3").article_id
    response = client.post(
        f"/staff/consultations/{consultation.id}/comments/new",
        data={
            **comment_form(body="来信：建议第三条增加听证程序。", display_name="张先生"),
            "source": "letter",
            "article": str(article_id),
            "received_on": "2026-11-20",
        },
    )
    assert response.status_code == 302
    comment = db.session.scalar(db.select(Comment))
    assert (comment.source, comment.state, comment.article_id) == ("letter", "approved", article_id)
    assert comment.received_at.date().isoformat() == "2026-11-20"
    assert _events("record")
    assert "来信：建议第三条增加听证程序。" in client.get("/drafts/test-draft/articles/3").text


def test_contact_is_shown_only_to_roles_that_need_it(app, client, login):
    consultation = make_draft(articles=3)
    comment = add_comment(consultation, 1, contact="13900001234")
    login("moderator")
    page = client.get(f"/staff/comments/{comment.id}").text
    assert "13900001234" not in page and "无权查看" in page
    client.post("/staff/logout")
    login("drafter")
    assert "13900001234" in client.get(f"/staff/comments/{comment.id}").text


def test_drafter_cannot_moderate(client, login):
    consultation = make_draft(articles=3)
    comment = add_comment(consultation, 1, state="pending")
    login("drafter")
    response = client.post(
        f"/staff/consultations/{consultation.id}/comments/bulk", data={"ids": [comment.id], "action": "approve"}
    )
    assert response.status_code == 403
    assert comment.state == "pending"
