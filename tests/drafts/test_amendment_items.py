"""An amendment draft out for comment: each of its instructions is an item a resident comments on as
written, beside the articles it changes; the comment lands on that article's digest and its receipt
names the instruction."""

import re

import sqlalchemy as sa
from test_new_version import _first_round, _proposed, _upload_version

from consult.comments.models import Comment
from consult.drafts.models import AmendmentItem, Consultation
from consult.extensions import db

from factories import comment_form

AMENDMENT = (
    "关于修改《滨海市河道管理条例》的决定（草案）\n"
    "一、将第九条中的“一万元”修改为“五万元”。\n"
    "二、在第五条后增加一条，作为第五条之一：“河道整治应当保护河流生态。”\n"
    "三、删去第七条。\n"
    "四、本决定自公布之日起施行。"
)


def _amendment_round(client, login) -> Consultation:
    first = _first_round(client, login)
    location = _upload_version(client, first, AMENDMENT).headers["Location"]
    data = {"title": "滨海市河道管理条例（修正草案）", "slug": "river-2", "label": "修正案草案"}
    saved = client.post(location, data=data | _proposed(client.get(location).text))
    assert saved.status_code == 302
    second = db.session.scalar(sa.select(Consultation).filter_by(slug="river-2"))
    second.status = "open"
    db.session.commit()
    return second


def test_each_instruction_is_kept_with_the_articles_it_changes(client, login):
    second = _amendment_round(client, login)
    items = db.session.scalars(sa.select(AmendmentItem).filter_by(version_id=second.version_id).order_by("number"))
    found = [(i.number, i.kind, len(i.article_ids), len(i.removed_ids)) for i in items]
    assert found == [
        (1, "replace_words", 1, 0),
        (2, "add_article_after", 1, 0),
        (3, "delete", 0, 1),
        (4, "in_force", 0, 0),
    ]
    page = client.get("/drafts/river-2/amendment").text
    assert "将第九条中的“一万元”修改为“五万元”" in page and "涉及修改后的第九条" in page
    assert "删去原第七条" in page and "涉及修改后的第五条之一" in page
    assert "/drafts/river-2/amendment" in client.get("/drafts/river-2").text


def test_a_comment_on_an_instruction_lands_on_its_article_and_its_receipt_names_it(client, login):
    second = _amendment_round(client, login)
    item_page = client.get("/drafts/river-2/amendment/1").text
    assert "<del>一</del>" in item_page and "<ins>五</ins>" in item_page  # the article before and after
    response = client.post("/drafts/river-2/amendment/1/comments", data=comment_form(body="五万元仍然偏低。"))
    assert response.status_code == 303
    comment = db.session.scalar(sa.select(Comment).filter_by(body="五万元仍然偏低。"))
    item = db.session.get(AmendmentItem, comment.amendment_item_id)
    assert item.number == 1 and comment.article_id == item.article_ids[0]
    assert comment.consultation_id == second.id
    receipt = client.get(f"/receipts/{comment.receipt}").text
    assert "修正案草案第一项修改" in receipt and "第九条" in receipt
    # An instruction that deletes an article: the comment is on the whole draft, still on the item.
    client.post("/drafts/river-2/amendment/3/comments", data=comment_form(body="第七条不宜删去。", token="t3"))
    on_removal = db.session.scalar(sa.select(Comment).filter_by(body="第七条不宜删去。"))
    assert on_removal.article_id is None and on_removal.amendment_item_id is not None


def test_a_bad_comment_on_an_instruction_keeps_the_text_and_an_unknown_one_is_404(client, login):
    _amendment_round(client, login)
    refused = client.post("/drafts/river-2/amendment/2/comments", data=comment_form(body="   "))
    assert refused.status_code == 422 and "河道整治应当保护河流生态" in refused.text
    too_long = "很长的意见" * 2000
    kept = client.post("/drafts/river-2/amendment/2/comments", data=comment_form(body=too_long, token="t9"))
    assert kept.status_code == 422 and too_long in kept.text
    assert client.get("/drafts/river-2/amendment/9").status_code == 404
    assert client.post("/drafts/river-2/amendment/9/comments", data=comment_form(token="t10")).status_code == 404
    assert client.get("/drafts/river/amendment").status_code == 404  # the first round is a whole text


def test_a_second_draft_that_is_a_whole_text_has_no_items(client, login):
    from test_versions import SECOND

    first = _first_round(client, login)
    location = _upload_version(client, first, SECOND).headers["Location"]
    data = {"title": "t", "slug": "river-2", "label": "草案修改稿"} | _proposed(client.get(location).text)
    assert client.post(location, data=data).status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(AmendmentItem.id))) == 0
    assert not re.search("逐项查看修正案草案", client.get("/staff/").text)


def test_the_queue_and_the_open_data_name_the_instruction_a_comment_is_on(client, login):
    second = _amendment_round(client, login)
    client.post("/drafts/river-2/amendment/1/comments", data=comment_form(body="五万元仍然偏低。"))
    comment = db.session.scalar(sa.select(Comment).filter_by(body="五万元仍然偏低。"))
    comment.state = "approved"
    db.session.commit()
    login("moderator")
    assert "第一项修改" in client.get(f"/staff/consultations/{second.id}/comments?state=approved").text
    rows = client.get("/drafts/river-2/open-data.json").get_json()
    rows = rows["comments"] if isinstance(rows, dict) else rows
    assert [r["article"] for r in rows] == ["第一项修改（第九条）"]
