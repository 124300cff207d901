"""A comment that makes several points sits under the theme of its main point and is listed under
the others; their answers reach it when the grouping is sure, until the resident says otherwise."""

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.digests.models import Theme, ThemeMember, ThemeMention
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

DOGS = ["遛狗必须拴绳，大狗太吓人了。", "犬只进公园一定要拴绳。", "狗不拴绳吓到小孩。", "遛狗拴绳是基本要求。"]
NOISE = ["广场舞音响太吵了。", "晚上音响声音太大睡不着。", "广场舞的音响应该限制音量。", "音响吵得老人睡不着。"]
LETTER = "建议晚上九点以后禁止使用音响，广场舞音响太吵影响老人睡觉。另外，遛狗一定要拴绳。"
ANSWER = "已写入第十条：犬只应当拴绳。"


def _digest(letters=1):
    consultation = make_draft(articles=2)
    for text in [*DOGS, *NOISE, *[LETTER] * letters]:
        add_comment(consultation, 1, body=text)
    build_digest(consultation)
    letter = db.session.scalars(sa.select(Comment).filter_by(body=LETTER).order_by(Comment.id)).first()
    dog = db.session.scalar(sa.select(Comment).filter_by(body=DOGS[0]))
    dog_theme = db.session.get(Theme, db.session.get(ThemeMember, dog.id).theme_id)
    return consultation, letter, dog_theme


def _answer(client, login, theme, label="犬只拴绳"):
    login("drafter")
    client.post(f"/staff/digests/themes/{theme.id}/rename", data={"label": label, "revision": theme.revision})
    theme = db.session.get(Theme, theme.id)
    client.post(
        f"/staff/digests/themes/{theme.id}/answer",
        data={"decision": "adopted", "reason": ANSWER, "revision": theme.revision},
    )


def test_a_build_lists_a_letters_other_point_under_its_theme_without_counting_it_there(client, login):
    _consultation, letter, dog_theme = _digest()
    assert db.session.get(ThemeMember, letter.id).theme_id != dog_theme.id
    mention = db.session.get(ThemeMention, (letter.id, dog_theme.id))
    assert mention is not None and mention.fit > 0.3
    assert dog_theme.size == len(DOGS)
    login("drafter")
    page = client.get(f"/staff/digests/themes/{dog_theme.id}").text
    assert "也谈到这一点的其他意见（1 条）" in page and "另外，遛狗一定要拴绳" in page
    overview = client.get(f"/staff/digests/{dog_theme.consultation_id}/articles/{dog_theme.article_id}").text
    assert "另有 1 条归在其他主题的意见也谈到这一点" in overview


def test_copies_of_a_letter_are_listed_once_under_its_other_point(client, login):
    _consultation, _letter, dog_theme = _digest(letters=3)
    login("drafter")
    page = client.get(f"/staff/digests/themes/{dog_theme.id}").text
    assert "也谈到这一点的其他意见（3 条）" in page and "3 条相同或相近意见" in page
    assert page.count("另外，遛狗一定要拴绳") == 1


def test_the_other_themes_answer_reaches_the_receipt_until_the_resident_says_it_is_not_theirs(client, login):
    consultation, letter, dog_theme = _digest()
    _answer(client, login, dog_theme)
    receipt = client.get(f"/receipts/{letter.receipt}").text
    assert "您还谈到“犬只拴绳”" in receipt and ANSWER in receipt
    response = client.post(
        f"/receipts/{letter.receipt}/not-my-point", data={"theme": dog_theme.id}, follow_redirects=True
    )
    assert response.status_code == 200 and ANSWER not in response.text
    build_digest(consultation)  # a later build does not bring the point back
    assert db.session.get(ThemeMention, (letter.id, dog_theme.id)).disputed
    assert ANSWER not in client.get(f"/receipts/{letter.receipt}").text


def test_an_unsure_or_unnamed_other_point_gets_no_answer(client, login):
    _consultation, letter, dog_theme = _digest()
    _answer(client, login, dog_theme)
    db.session.get(ThemeMention, (letter.id, dog_theme.id)).fit = 0.2  # below DIGEST_HOLD_BELOW
    db.session.commit()
    assert ANSWER not in client.get(f"/receipts/{letter.receipt}").text
    db.session.get(ThemeMention, (letter.id, dog_theme.id)).fit = 0.9
    db.session.get(Theme, dog_theme.id).custom_label = None  # only a drafter's name is shown outside
    db.session.commit()
    assert ANSWER not in client.get(f"/receipts/{letter.receipt}").text
