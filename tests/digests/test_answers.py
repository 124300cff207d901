"""Drafters answer themes; residents see the answer on their receipt; the feedback report is public."""

from consult.digests import services
from consult.digests.models import Theme
from consult.extensions import db

from factories import add_comment, build_digest, make_draft


def _setup(status="open"):
    consultation = make_draft(articles=3, status=status)
    comments = [add_comment(consultation, 1, body=f"建议增加公园座椅和遮阳设施{n}") for n in range(3)]
    build_digest(consultation)
    theme = db.session.scalars(db.select(Theme).filter_by(retired=False)).first()
    return consultation, comments, theme


def test_answer_reaches_the_receipt_page(client, login):
    consultation, comments, theme = _setup()
    login("drafter")
    response = client.post(
        f"/staff/digests/themes/{theme.id}/answer",
        data={"decision": "adopted", "reason": "草案修改稿已增加座椅配置要求。", "revision": theme.revision},
    )
    assert response.status_code == 302
    page = client.get(f"/receipts/{comments[0].receipt}").text
    assert "采纳" in page and "草案修改稿已增加座椅配置要求。" in page and "已处理" in page


def test_two_drafters_answering_at_once_do_not_overwrite_each_other(client, login):
    _consultation, _comments, theme = _setup()
    login("drafter")
    revision = theme.revision
    first = client.post(
        f"/staff/digests/themes/{theme.id}/answer",
        data={"decision": "adopted", "reason": "第一位的答复", "revision": revision},
    )
    second = client.post(
        f"/staff/digests/themes/{theme.id}/answer",
        data={"decision": "not_adopted", "reason": "第二位的答复", "revision": revision},
    )
    assert first.status_code == 302 and second.status_code == 409
    assert "刚刚被另一位工作人员修改过" in second.text and "第二位的答复" in second.text
    db.session.refresh(theme)
    assert (theme.decision, theme.reason) == ("adopted", "第一位的答复")


def test_answer_needs_a_reason(client, login):
    _consultation, _comments, theme = _setup()
    login("drafter")
    response = client.post(
        f"/staff/digests/themes/{theme.id}/answer",
        data={"decision": "adopted", "reason": "  ", "revision": theme.revision},
    )
    assert response.status_code == 422
    db.session.refresh(theme)
    assert theme.decision is None


def test_feedback_report_is_public_only_after_publishing(client, login):
    consultation, _comments, theme = _setup(status="closed")
    assert client.get(f"/drafts/{consultation.slug}/feedback").status_code == 404
    drafter = login("drafter")
    services.answer_theme(drafter, theme, "already_provided", "第十条已有规定。", theme.revision)
    db.session.commit()
    response = client.post(f"/staff/digests/{consultation.id}/report", data={"introduction": "感谢市民参与。"})
    assert response.status_code == 302
    page = client.get(f"/drafts/{consultation.slug}/feedback").text
    assert "已有规定" in page and "第十条已有规定。" in page and "感谢市民参与。" in page


def test_report_cannot_be_published_while_open(client, login):
    consultation, _comments, _theme = _setup(status="open")
    login("drafter")
    response = client.post(f"/staff/digests/{consultation.id}/report", data={"introduction": ""})
    assert response.status_code == 422
    assert client.get(f"/drafts/{consultation.slug}/feedback").status_code == 404
