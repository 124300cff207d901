"""Personal data written into a comment is found, flagged in the queue, kept out of bulk approval,
and masked in one click with the original kept."""

import pytest

from consult.comments.models import Comment
from consult.comments.personal_data import find_personal_data, mask_personal_data, personal_data_kinds
from consult.extensions import db

from factories import add_comment, make_draft

LEAKY = "身份证号110101195003071234，电话13912345678，住在幸福路8号3栋201室，我反对第十二条。"


@pytest.mark.parametrize(
    "text, kinds",
    [
        (LEAKY, ["id_number", "mobile", "address"]),
        ("身份证 11010519491231002X 已经丢了", ["id_number"]),  # a valid checksum needs no label
        ("请打 139-1234-5678 或 (021) 不对，打 021-62345678", ["mobile", "landline"]),
        ("邮件 wang.li@example.com，车牌沪A·12345", ["email", "plate"]),
        ("第十三条罚款500元至2000元，2026年12月12日起施行，面积13912平方米", []),
        ("订单号110101195003071234", []),  # 18 digits with a wrong checksum and no label: not an ID
    ],
)
def test_finds_personal_data_and_not_numbers_of_the_law(text, kinds):
    assert personal_data_kinds(text) == kinds


def test_masking_says_what_was_there_and_keeps_the_rest():
    masked = mask_personal_data(LEAKY)
    assert "13912345678" not in masked and "110101195003071234" not in masked and "8号" not in masked
    assert "［电话已遮盖］" in masked and "我反对第十二条" in masked
    assert find_personal_data(masked) == []


def test_bulk_approval_holds_comments_with_personal_data(client, login):
    consultation = make_draft(articles=3)
    leaky = add_comment(consultation, 1, body=LEAKY, state="pending")
    clean = add_comment(consultation, 1, body="建议延长开放时间", state="pending")
    login("moderator")
    queue = client.get(f"/staff/consultations/{consultation.id}/comments").text
    assert "含个人信息" in queue
    response = client.post(
        f"/staff/consultations/{consultation.id}/comments/bulk",
        data={"ids": [leaky.id, clean.id], "action": "approve"},
        follow_redirects=True,
    )
    assert "1 条意见含个人信息，仍待审核" in response.text
    db.session.expire_all()
    assert (db.session.get(Comment, leaky.id).state, db.session.get(Comment, clean.id).state) == ("pending", "approved")


def test_one_click_masking_then_approval(client, login):
    consultation = make_draft(articles=3)
    leaky = add_comment(consultation, 1, body=LEAKY, state="pending")
    login("moderator")
    assert "一键遮盖个人信息" in client.get(f"/staff/comments/{leaky.id}").text
    client.post(f"/staff/comments/{leaky.id}/mask")
    db.session.expire_all()
    comment = db.session.get(Comment, leaky.id)
    assert comment.body == LEAKY  # the original stays on record
    assert "13912345678" not in comment.shown_text
    client.post(f"/staff/consultations/{consultation.id}/comments/bulk", data={"ids": [leaky.id], "action": "approve"})
    db.session.expire_all()
    assert db.session.get(Comment, leaky.id).state == "approved"
    assert "13912345678" not in client.get("/drafts/test-draft/articles/1").text
