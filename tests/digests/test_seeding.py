"""Seeded themes: name a theme from a few example comments; see at once which others it would pull in,
move them now, and let the next build bring in new ones."""

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.digests.models import Theme, ThemeMember
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

DOGS = [
    "遛狗必须拴绳，大狗不拴绳太吓人。",
    "遛狗不拴绳的应当罚款，狗绳不能太长。",
    "建议规定遛狗必须拴绳，绳长不超过两米。",
    "大狗不拴绳追着孩子跑，遛狗必须拴绳。",
]
MUSIC = [
    "广场舞音响太吵，晚上八点以后应当停止。",
    "早上六点音响就开了，广场舞太吵睡不着。",
    "广场舞音响音量要限制，太吵了。",
]


def _ids(texts):
    return [db.session.scalar(sa.select(Comment.id).filter_by(body=t)) for t in texts]


def _seeded(client, login):
    consultation = make_draft(articles=2)
    for text in DOGS + MUSIC:
        add_comment(consultation, 1, body=text)
    build_digest(consultation)
    login("drafter")
    examples = _ids(DOGS[:2])
    source = db.session.get(Theme, db.session.get(ThemeMember, examples[0]).theme_id)
    client.post(
        f"/staff/digests/themes/{source.id}/members", data={"ids": examples, "split": "1", "new_label": "遛狗必须拴绳"}
    )
    seeded = db.session.scalar(sa.select(Theme).filter_by(custom_label="遛狗必须拴绳"))
    assert seeded is not None and seeded.shaped
    return consultation, seeded


def test_the_theme_page_previews_what_the_seed_pulls_in_and_moves_it(client, login):
    consultation, seeded = _seeded(client, login)
    page = client.get(f"/staff/digests/themes/{seeded.id}?preview=1").text
    assert "下次生成摘要时会并入本主题的意见" in page
    preview = page.split("下次生成摘要时会并入本主题的意见", 1)[1]
    assert "绳长不超过两米" in preview and "追着孩子跑" in preview
    assert "广场舞" not in preview
    response = client.post(f"/staff/digests/themes/{seeded.id}/pull", data={"pull": _ids(DOGS[2:])})
    assert response.status_code == 302
    db.session.expire_all()
    members = set(db.session.scalars(sa.select(ThemeMember.comment_id).filter_by(theme_id=seeded.id)))
    assert members == set(_ids(DOGS))


def test_the_next_build_brings_new_similar_comments_into_the_seeded_theme(client, login):
    consultation, seeded = _seeded(client, login)
    add_comment(consultation, 1, body="小区门口遛狗的人都不拴绳，建议遛狗必须拴绳")
    build_digest(consultation)
    newcomer = _ids(["小区门口遛狗的人都不拴绳，建议遛狗必须拴绳"])[0]
    assert db.session.get(ThemeMember, newcomer).theme_id == seeded.id
    assert db.session.get(Theme, seeded.id).custom_label == "遛狗必须拴绳"  # shaped themes survive


def test_pulling_nothing_or_from_another_article_is_refused(client, login):
    consultation, seeded = _seeded(client, login)
    refused = client.post(f"/staff/digests/themes/{seeded.id}/pull", data={}, follow_redirects=True)
    assert "请勾选这个主题里的意见" in refused.text
    other = add_comment(consultation, 2, body="第二条的意见：遛狗必须拴绳")
    build_digest(consultation)
    elsewhere = client.post(f"/staff/digests/themes/{seeded.id}/pull", data={"pull": [other.id]}, follow_redirects=True)
    assert db.session.get(ThemeMember, other.id).theme_id != seeded.id
    assert elsewhere.status_code == 200
