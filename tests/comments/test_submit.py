"""A resident comments on an article, gets a receipt, and nothing is lost, doubled or forged."""

import re

import pytest

from consult.comments.models import Comment
from consult.extensions import db

from factories import add_comment, comment_form, make_draft

URL = "/drafts/test-draft/articles/2/comments"


def _count() -> int:
    return db.session.scalar(db.select(db.func.count(Comment.id)))


def test_comment_gets_a_receipt_and_a_status_page(client):
    make_draft(articles=3)
    response = client.post(URL, data=comment_form(display_name="王女士", district="港湾区"))
    assert response.status_code == 303
    thanks = client.get(response.headers["Location"]).text
    comment = db.session.scalar(db.select(Comment))
    shown = f"{comment.receipt[:4]}-{comment.receipt[4:8]}-{comment.receipt[8:]}"
    assert shown in thanks
    assert f"/receipts/{comment.receipt}" in thanks
    receipt = client.get(f"/receipts/{comment.receipt}").text
    assert "建议把广场舞的音量限制写得更具体。" in receipt
    assert "已收到" in receipt and "第二条" in receipt
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{12}", comment.receipt)
    assert comment.tokens and comment.body_normalized


def test_pending_comment_is_not_public_until_approved(client):
    consultation = make_draft(articles=3)
    comment = add_comment(consultation, 2, body="待审核的意见", state="pending")
    assert "待审核的意见" not in client.get("/drafts/test-draft/articles/2").text
    comment.state = "approved"
    db.session.commit()
    page = client.get("/drafts/test-draft/articles/2").text
    assert "待审核的意见" in page and "匿名" in page
    assert "已公开" in client.get(f"/receipts/{comment.receipt}").text


def test_double_submit_stores_one_comment_with_one_receipt(client):
    make_draft(articles=3)
    first = client.post(URL, data=comment_form(token="same-token"))
    second = client.post(URL, data=comment_form(token="same-token"))
    assert first.headers["Location"] == second.headers["Location"]
    assert _count() == 1


def test_validation_failure_keeps_what_was_typed(client, app):
    make_draft(articles=3)
    app.config["COMMENT_MAX_CHARS"] = 10
    response = client.post(
        URL,
        data=comment_form(
            body="这是一条超过十个字的意见，会被拒绝。", display_name="李先生", contact="13800001111", district="高新区"
        ),
    )
    assert response.status_code == 422
    assert "意见不能超过 10 个字" in response.text
    assert "这是一条超过十个字的意见，会被拒绝。" in response.text
    assert 'value="李先生"' in response.text
    assert _count() == 0


def test_length_counts_characters_as_people_do(client, app):
    make_draft(articles=3)
    app.config["COMMENT_MAX_CHARS"] = 4
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji of five code points
    assert client.post(URL, data=comment_form(body="好" + family + "好")).status_code == 303


@pytest.mark.parametrize("body", ["", "   \n\t ", "\u200b\u200c\u200d\ufeff", "\u202e\u202d"])
def test_empty_or_invisible_text_is_refused(client, body):
    make_draft(articles=3)
    response = client.post(URL, data=comment_form(body=body))
    assert response.status_code == 422
    assert "请填写您的意见" in response.text
    assert _count() == 0


def test_html_and_sql_are_stored_and_shown_as_text(client):
    consultation = make_draft(articles=3)
    consultation.premoderation = False
    db.session.commit()
    body = "<script>alert('x')</script> '; DROP TABLE comments; -- 😀"
    assert client.post(URL, data=comment_form(body=body)).status_code == 303
    page = client.get("/drafts/test-draft/articles/2").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "DROP TABLE comments" in page and "😀" in page
    assert db.session.scalar(db.select(Comment.body)) == body


def test_closed_consultation_shows_a_notice_and_refuses_comments(client):
    make_draft(articles=3, status="closed")
    page = client.get("/drafts/test-draft/articles/2").text
    assert "征求意见已于" in page and 'name="body"' not in page
    response = client.post(URL, data=comment_form())
    assert response.status_code == 422
    assert "征求意见期已结束" in response.text
    assert _count() == 0


def test_unknown_article_is_404(client):
    make_draft(articles=3)
    assert client.post("/drafts/test-draft/articles/99/comments", data=comment_form()).status_code == 404
    assert client.post("/drafts/nope/articles/1/comments", data=comment_form()).status_code == 404
    assert _count() == 0


def test_honeypot_discards_bots(client):
    make_draft(articles=3)
    assert client.post(URL, data=comment_form(website="http://spam.example")).status_code == 400
    assert _count() == 0


def test_whole_draft_comment(client):
    consultation = make_draft(articles=3)
    consultation.premoderation = False
    db.session.commit()
    response = client.post("/drafts/test-draft/comments", data=comment_form(body="整体上支持这部草案。"))
    assert response.status_code == 303
    assert db.session.scalar(db.select(Comment.article_id)) is None
    assert "整体上支持这部草案。" in client.get("/drafts/test-draft").text


def test_bad_contact_is_explained(client):
    make_draft(articles=3)
    response = client.post(URL, data=comment_form(contact="call me maybe"))
    assert response.status_code == 422
    assert "请填写有效的手机号码或电子邮箱" in response.text


def test_receipt_lookup_tolerates_spaces_case_and_confusable_letters(client):
    consultation = make_draft(articles=3)
    comment = add_comment(consultation, 1)
    typed = " ".join(comment.receipt.lower()[i : i + 4] for i in (0, 4, 8)).replace("0", "o").replace("1", "l")
    response = client.get("/receipts", query_string={"number": typed})
    assert response.status_code == 302 and response.headers["Location"].endswith(comment.receipt)
    wrong = client.get("/receipts", query_string={"number": "ZZZZ-ZZZZ-ZZZZ"})
    assert wrong.status_code == 404 and "没有找到这个回执号" in wrong.text
    assert client.get("/receipts/not-a-receipt").status_code == 404


def test_published_comments_are_paginated_and_counted_in_the_toc(client, app):
    consultation = make_draft(articles=3)
    app.config["COMMENTS_PER_PAGE"] = 5
    for n in range(12):
        add_comment(consultation, 3, body=f"第{n}号意见")
    add_comment(consultation, 3, body="被驳回的意见", state="rejected")
    add_comment(consultation, 3, body="不公开的意见", wants_public=False)
    first = client.get("/drafts/test-draft/articles/3").text
    assert "第11号意见" in first and "第0号意见" not in first
    assert "第 1 页，共 3 页" in first
    assert "第0号意见" in client.get("/drafts/test-draft/articles/3?page=3").text
    assert "被驳回的意见" not in first and "不公开的意见" not in first
    toc = client.get("/drafts/test-draft").text
    assert re.search(r'href="#article-3">第三条 <span class="count"[^>]*>12</span>', toc)


def test_huge_post_body_is_refused(client, app):
    make_draft(articles=3)
    app.config["MAX_CONTENT_LENGTH"] = 1000
    assert client.post(URL, data=comment_form(body="长" * 5000)).status_code == 413
    assert _count() == 0


def test_an_overlong_paste_is_refused_before_segmentation(client, app, monkeypatch):
    make_draft(articles=3)
    from consult.comments import services

    def refuse(text):
        raise AssertionError("an overlong comment was segmented")

    monkeypatch.setattr(services, "prepare", refuse)
    response = client.post(URL, data=comment_form(body="长" * 200_000))
    assert response.status_code == 422 and "意见不能超过 5000 个字，现在是 200000 个字" in response.text
    assert _count() == 0


def test_a_refused_comment_lists_its_problems_at_the_top_of_the_form(client):
    make_draft(articles=3)
    response = client.post("/drafts/test-draft/articles/1/comments", data=comment_form(body="", contact="住在幸福路"))
    assert response.status_code == 422
    form = response.text[response.text.index('class="form comment-form"') :]
    summary = form[: form.index("</div>")]
    assert 'class="error-summary"' in summary and "autofocus" in summary
    assert 'href="#body"' in summary and 'href="#contact"' in summary


def test_the_forms_own_messages_speak_the_pages_language(client):
    make_draft(articles=3)
    refused = client.post(URL, data=comment_form(role="emperor"))
    assert refused.status_code == 422 and "不是有效的选择" in refused.text
    client.get("/language/en?next=/")
    refused = client.post(URL, data=comment_form(role="emperor", token="tok-2"))
    assert refused.status_code == 422 and "Not a valid choice" in refused.text and "不是有效的选择" not in refused.text
    assert _count() == 0
