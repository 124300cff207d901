"""Answers only where they belong: unsure members wait as 待确认 until a drafter confirms them, and a
resident can say "这不是我的意见" from the receipt, with no account."""

import sqlalchemy as sa

from consult.analysis import CommentInput, analyse
from consult.comments.models import Comment
from consult.digests.models import AnswerDispute, Theme, ThemeMember
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

DOGS = [
    "遛狗必须拴绳，大狗不拴绳太吓人。",
    "遛狗不拴绳的要罚款，狗粪也要清理。",
    "建议规定遛狗必须拴绳，绳长不超过两米。",
    "早上七点音响就开了，吵得睡不着。",  # not about dogs at all
]


def test_analysis_says_how_well_each_comment_fits_its_theme():
    texts = DOGS[:3] + [DOGS[0]] + [DOGS[3]]  # a copy of the first, and an outlier
    result = analyse([CommentInput(i, t) for i, t in enumerate(texts)], k=1)
    assert set(result.fit) == set(range(5)) and all(0 <= f <= 1 for f in result.fit.values())
    assert result.fit[3] == result.fit[0]  # a copy fits as its original does
    assert result.fit[4] < min(result.fit[i] for i in range(3))


def _answered_theme(client, login, unsure_text):
    consultation = make_draft(articles=2)
    for text in DOGS:
        add_comment(consultation, 1, body=text)
    build_digest(consultation)
    unsure = db.session.scalar(sa.select(Comment).filter_by(body=unsure_text))
    member = db.session.get(ThemeMember, unsure.id)
    member.fit, member.pinned = 0.1, False
    theme = db.session.get(Theme, member.theme_id)
    db.session.commit()
    login("drafter")
    saved = client.post(
        f"/staff/digests/themes/{theme.id}/answer",
        data={"decision": "adopted", "reason": "已写入第三条：遛狗必须拴绳。", "revision": theme.revision},
        follow_redirects=True,
    )
    assert "待确认的意见" in saved.text
    return theme, unsure


def test_an_unsure_member_gets_the_answer_only_once_confirmed(client, login):
    theme, unsure = _answered_theme(client, login, DOGS[1])
    sure = db.session.scalar(sa.select(Comment).filter_by(body=DOGS[0]))
    assert "已写入第三条" in client.get(f"/receipts/{sure.receipt}").text
    assert "已写入第三条" not in client.get(f"/receipts/{unsure.receipt}").text
    page = client.get(f"/staff/digests/themes/{theme.id}").text
    assert "待确认（1 条）" in page and "归类把握 10%" in page
    confirmed = client.post(f"/staff/digests/themes/{theme.id}/members", data={"ids": [unsure.id], "confirm": "1"})
    assert confirmed.status_code == 302
    assert "已写入第三条" in client.get(f"/receipts/{unsure.receipt}").text
    assert db.session.get(ThemeMember, unsure.id).pinned  # later builds keep it there


def test_a_resident_says_the_answer_is_not_about_their_point(client, login):
    theme, _unsure = _answered_theme(client, login, DOGS[1])
    resident = db.session.scalar(sa.select(Comment).filter_by(body=DOGS[2]))
    receipt = client.get(f"/receipts/{resident.receipt}").text
    assert "这不是我的意见" in receipt and "已写入第三条" in receipt
    response = client.post(f"/receipts/{resident.receipt}/not-my-point", follow_redirects=True)
    assert response.status_code == 200 and "谢谢您的反馈" in response.text
    assert "已写入第三条" not in response.text and "工作人员重新归类后" in response.text
    again = client.post(f"/receipts/{resident.receipt}/not-my-point")
    assert again.status_code == 303 and db.session.scalar(sa.select(sa.func.count(AnswerDispute.comment_id))) == 1
    page = client.get(f"/staff/digests/themes/{theme.id}").text
    assert "提出者表示：这不是我的意见" in page and "待确认（2 条）" in page
    client.post(f"/staff/digests/themes/{theme.id}/members", data={"ids": [resident.id], "confirm": "1"})
    assert db.session.get(AnswerDispute, resident.id) is None
    assert "已写入第三条" in client.get(f"/receipts/{resident.receipt}").text


def test_not_my_point_needs_a_real_receipt_and_a_theme(client):
    assert client.post("/receipts/0000-0000-0000/not-my-point").status_code == 404
    consultation = make_draft(articles=1)
    lone = add_comment(consultation, 1, body="还没有生成摘要时的意见")
    db.session.commit()
    response = client.post(f"/receipts/{lone.receipt}/not-my-point", follow_redirects=True)
    assert "还没有归入任何主题" in response.text
    assert db.session.get(AnswerDispute, lone.id) is None
