"""Stance in the digest: suggestions after a build, a drafter's one-click tag that wins and teaches
the model, the split per article and theme, and the comments worth tagging next."""

import re

import sqlalchemy as sa

from consult.digests import stance_queries, stances
from consult.digests.models import CommentStance, Theme
from consult.drafts.queries import load_structure
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

BAN = [
    "坚决支持禁止机动车进入，早该这样了",
    "支持！公园里太吵了，禁了好",
    "赞成这一条，大快人心",
    "非常支持这个规定",
    "反对一刀切，老人行动不便怎么办",
    "强烈反对，懒政，凭什么不让进",
    "不支持，应该规范管理而不是禁止",
    "这个规定不合理，请求撤回",
    "请问电动轮椅算不算机动车？",
    "什么时候开始执行？",
]


def _article_with_comments():
    consultation = make_draft(articles=3)
    for text in BAN:
        add_comment(consultation, 2, body=text)
    build_digest(consultation)
    stances.refresh(consultation.id)
    db.session.commit()
    article_id = load_structure(consultation.version_id).article("2").article_id
    return consultation, article_id


def _stance(comment_text: str) -> CommentStance:
    from consult.comments.models import Comment

    comment = db.session.scalar(sa.select(Comment).filter_by(body=comment_text))
    return db.session.get(CommentStance, comment.id)


def test_every_comment_gets_a_suggestion_after_a_build(app):
    consultation, article_id = _article_with_comments()
    split = stance_queries.by_article(consultation.id)[article_id]
    assert split.total == len(BAN) and split.confirmed == 0
    assert _stance(BAN[0]).suggested == "support" and _stance(BAN[0]).suggested_by == "rules"
    assert _stance(BAN[5]).suggested == "oppose"
    theme_ids = set(db.session.scalars(sa.select(Theme.id).filter_by(consultation_id=consultation.id)))
    assert sum(s.total for t, s in stance_queries.by_theme(consultation.id).items() if t in theme_ids) == len(BAN)
    asked = stance_queries.tag_next(consultation.id, article_id)
    assert 1 <= len(asked) <= stances.ASK and [r.ask_rank for _, r in asked] == sorted(r.ask_rank for _, r in asked)


def test_a_drafters_tag_wins_and_the_article_is_suggested_again(client, login):
    consultation, article_id = _article_with_comments()
    login("drafter")
    target = _stance(BAN[0])
    page = client.get(f"/staff/digests/{consultation.id}/articles/{article_id}")
    assert "对本条的态度" in page.text and "stance-split" in page.text
    response = client.post(
        f"/staff/digests/comments/{target.comment_id}/stance",
        data={"stance": "oppose", "next": f"/staff/digests/{consultation.id}/articles/{article_id}"},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#comment-{target.comment_id}")
    db.session.expire_all()
    record = db.session.get(CommentStance, target.comment_id)
    assert (record.tag, record.stance) == ("oppose", "oppose")
    others = db.session.scalars(
        sa.select(CommentStance).where(CommentStance.comment_id != target.comment_id, CommentStance.tag.is_(None))
    ).all()
    assert {r.suggested_by for r in others} == {"model"}  # learned from the tag now
    split = stance_queries.by_article(consultation.id)[article_id]
    assert split.confirmed == 1 and split.total == len(BAN)
    page = client.get(f"/staff/digests/{consultation.id}/articles/{article_id}").text
    assert "1 条已确认" in page
    client.post(f"/staff/digests/comments/{target.comment_id}/stance", data={"stance": ""})
    db.session.expire_all()
    assert db.session.get(CommentStance, target.comment_id).tag is None


def test_theme_page_shows_each_comments_stance_and_tag_buttons(client, login):
    consultation, _article_id = _article_with_comments()
    login("drafter")
    theme = db.session.scalar(sa.select(Theme).filter_by(consultation_id=consultation.id).order_by(Theme.size.desc()))
    page = client.get(f"/staff/digests/themes/{theme.id}").text
    assert "系统建议，把握" in page and 'formaction="/staff/digests/comments/' in page
    assert page.count('name="stance" value="support"') == theme.size


def test_bad_stance_is_refused_and_changes_nothing(client, login):
    consultation, _article_id = _article_with_comments()
    login("drafter")
    target = _stance(BAN[1])
    response = client.post(
        f"/staff/digests/comments/{target.comment_id}/stance", data={"stance": "maybe"}, follow_redirects=True
    )
    assert "请选择赞成、反对或其他" in response.text
    db.session.expire_all()
    assert db.session.get(CommentStance, target.comment_id).tag is None


def test_only_drafters_tag(client, login):
    consultation, _article_id = _article_with_comments()
    login("moderator")
    target = _stance(BAN[1])
    assert (
        client.post(f"/staff/digests/comments/{target.comment_id}/stance", data={"stance": "oppose"}).status_code == 403
    )


def test_summary_table_and_feedback_report_carry_the_split(app, client):
    from consult.accounts.services import create_user
    from consult.digests import services
    from consult.digests.export_rows_db import summary_table

    consultation, article_id = _article_with_comments()
    table = summary_table(consultation, len(BAN))
    assert table.headers[4] == "立场"
    counted = 0
    for row in table.rows:
        parts = dict(part.split(" ") for part in row.stance.split(" · "))
        assert set(parts) == {"赞成", "反对", "其他"} and sum(map(int, parts.values())) == row.count
        counted += row.count
    assert counted == len(BAN) and "经人工确认" in table.subtitle
    # The table names the digest it comes from, and its rows add up to the comments that digest holds.
    assert re.search(r"本表依据 \d{4}年\d+月\d+日 \d+:\d{2} 生成的意见摘要，%d 条意见归纳为" % counted, table.subtitle)
    from datetime import datetime, timedelta, timezone

    consultation.closes_at = datetime.now(timezone.utc) - timedelta(minutes=1)  # the report follows the window
    services.publish_report(create_user("d@example.org", "drafter", "drafter-password"), consultation, "")
    db.session.commit()
    split = stance_queries.by_article(consultation.id)[article_id]
    page = client.get(f"/drafts/{consultation.slug}/feedback").text
    assert f"赞成 {split.support}" in page and f"反对 {split.oppose}" in page


def test_article_page_shows_the_articles_split(client, login):
    consultation, article_id = _article_with_comments()
    login("drafter")
    split = stance_queries.by_article(consultation.id)[article_id]
    page = client.get(f"/staff/digests/{consultation.id}/articles/{article_id}").text
    head = page.split("对本条的态度", 1)[1].split("请先标注这几条", 1)[0]
    assert f"赞成 {split.support}" in head and f"反对 {split.oppose}" in head and f"其他 {split.neither}" in head


def test_automatic_labels_stay_inside(app, client):
    """The automatic label is made of comments' own words; a comment its writer kept private must not
    surface through it in the report, the 意见汇总表, the open data or a receipt."""
    from datetime import datetime, timedelta, timezone

    from consult.accounts.services import create_user
    from consult.digests import services
    from consult.digests.export_rows_db import comment_rows, summary_table

    consultation = make_draft(articles=2)
    secret = "我家住在三号楼楼下的噪音太大"
    for _ in range(3):
        add_comment(consultation, 1, body=f"{secret}，晚上睡不着", wants_public=False)
    build_digest(consultation)
    theme = db.session.scalar(sa.select(Theme).filter_by(consultation_id=consultation.id).order_by(Theme.size.desc()))
    assert theme.auto_label and theme.auto_label in secret  # drafters see it
    table = summary_table(consultation, 3)
    assert all(theme.auto_label not in row.summary for row in table.rows)
    rows = list(comment_rows(consultation, public_only=True, with_contact=False))
    assert all(theme.auto_label not in str(row) for row in rows)
    consultation.closes_at = datetime.now(timezone.utc) - timedelta(minutes=1)
    drafter = create_user("d2@example.org", "drafter", "drafter-password")
    services.answer_theme(drafter, theme, "adopted", "已采纳", theme.revision)
    services.publish_report(drafter, consultation, "")
    db.session.commit()
    assert theme.auto_label not in client.get(f"/drafts/{consultation.slug}/feedback").text
    theme.custom_label = "夜间噪声"
    db.session.commit()
    assert "夜间噪声" in client.get(f"/drafts/{consultation.slug}/feedback").text
