"""A build rewrites only the member rows that changed, to the same digest as rewriting them all."""

from collections import defaultdict

import pytest

from consult.digests import build_write
from consult.digests.models import ThemeMember, ThemeMention
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

TEXTS = [
    "建议第二条的夜间音量限值降低到五十分贝",
    "广场舞音响太吵了，晚上九点后应当禁止使用音响",
    "夜里跳舞的音乐太大声，影响老人和孩子休息",
    "遛狗必须牵绳，狗绳长度不应超过一米五",
    "建议允许大型犬在规定时段入园，但必须牵绳",
    "狗粪便不清理的要罚款，建议增加处罚条款",
]


@pytest.fixture
def handed(monkeypatch):
    """Table name → the rows each build hands to the database for it."""
    seen: dict[str, list[list[tuple]]] = defaultdict(list)
    insert = build_write.insert_many

    def spy(session, table, columns, rows):
        rows = list(rows)
        seen[table.name].append(rows)
        return insert(session, table, columns, rows)

    monkeypatch.setattr(build_write, "insert_many", spy)
    return seen


@pytest.fixture
def written(handed):
    """The member rows each build hands to the database."""
    return handed["theme_members"]


def _members():
    columns = [getattr(ThemeMember, c) for c in build_write.MEMBER_COLUMNS]
    return sorted(db.session.execute(db.select(*columns)).all())


def test_a_rebuild_of_the_same_comments_writes_no_member(app, written):
    consultation = make_draft(articles=3)
    for number in (1, 2):
        for text in TEXTS:
            add_comment(consultation, number, body=text)
    build_digest(consultation)
    first = _members()
    assert len(written[-1]) == len(first) == 12
    assert build_digest(consultation).state == "done"
    assert written[-1] == [] and _members() == first


def test_a_rebuild_writes_what_changed_and_the_same_as_writing_everything(app, written, monkeypatch):
    consultation = make_draft(articles=3)
    comments = [add_comment(consultation, number, body=text) for number in (1, 2) for text in TEXTS]
    build_digest(consultation)
    before = {row[0]: row for row in _members()}
    comments[0].state = "rejected"  # leaves the digest
    db.session.commit()
    newcomer = add_comment(consultation, 1, body="建议夜间广场舞音量不超过五十分贝")
    build_digest(consultation)
    after = {row[0]: row for row in _members()}
    assert comments[0].id not in after and newcomer.id in after
    changed = sorted(row for cid, row in after.items() if before.get(cid) != row)
    assert sorted(written[-1]) == changed and len(changed) < len(after)

    def keep_nothing(consultation_id, wanted):  # the old way: every row deleted and written again
        db.session.execute(db.delete(ThemeMember))
        return set()

    monkeypatch.setattr(build_write, "_keep_unchanged", keep_nothing)
    build_digest(consultation)
    assert {row[0]: row for row in _members()} == after and len(written[-1]) == len(after)


def test_stored_rows_differing_in_any_column_are_replaced(app):
    consultation = make_draft(articles=3)
    comments = [add_comment(consultation, 2, body=text) for text in TEXTS]
    build_digest(consultation)
    stored = {row[0]: row[1:] for row in _members()}
    wanted = dict(stored)
    ids = [c.id for c in comments]
    theme_id, duplicate_of, kind, pinned, fit = wanted[ids[0]]
    wanted[ids[0]] = (theme_id, duplicate_of, "oppose" if kind != "oppose" else "support", pinned, fit)
    wanted[ids[1]] = (*wanted[ids[1]][:3], not wanted[ids[1]][3], wanted[ids[1]][4])
    wanted[ids[2]] = (*wanted[ids[2]][:4], (wanted[ids[2]][4] or 0) + 0.001)
    wanted[ids[3]] = (wanted[ids[3]][0], ids[4], *wanted[ids[3]][2:])
    del wanted[ids[5]]
    kept = build_write._keep_unchanged(consultation.id, wanted)
    assert kept == {ids[4]}
    assert [row[0] for row in _members()] == [ids[4]]


def test_references_to_articles_follow_the_comments_and_stay_when_unchanged(app, handed):
    from consult.digests.models import CommentReference
    from consult.drafts.queries import load_structure

    inserted = handed["comment_references"]
    consultation = make_draft(articles=3)
    article = {a.number: a.article_id for a in load_structure(consultation.version_id).articles}
    first = add_comment(consultation, None, body="整体支持，但第三条的规定太笼统，建议细化。")
    for text in TEXTS[1:4]:  # naming no article
        add_comment(consultation, 1, body=text)
    build_digest(consultation)
    assert inserted[-1] == [(first.id, article["第三条"])]
    second = add_comment(consultation, None, body="第二条和第三条都应写明罚款数额。")
    build_digest(consultation)
    assert sorted(inserted[-1]) == [(second.id, article["第二条"]), (second.id, article["第三条"])]
    first.state = "rejected"
    db.session.commit()
    build_digest(consultation)
    stored = db.session.execute(db.select(CommentReference.comment_id, CommentReference.article_id)).all()
    assert inserted[-1] == [] and sorted(stored) == [(second.id, article["第二条"]), (second.id, article["第三条"])]


DOGS = ["遛狗必须拴绳，大狗太吓人了。", "犬只进公园一定要拴绳。", "狗不拴绳吓到小孩。", "遛狗拴绳是基本要求。"]
NOISE = ["广场舞音响太吵了。", "晚上音响声音太大睡不着。", "广场舞的音响应该限制音量。", "音响吵得老人睡不着。"]
LETTER = "建议晚上九点以后禁止使用音响，广场舞音响太吵影响老人睡觉。另外，遛狗一定要拴绳。"


def _mentions():
    columns = (ThemeMention.comment_id, ThemeMention.theme_id, ThemeMention.fit, ThemeMention.disputed)
    return sorted(db.session.execute(db.select(*columns)).all())


def test_mentions_are_written_by_difference_and_a_disputed_one_stays(app, handed):
    inserted = handed["theme_mentions"]
    consultation = make_draft(articles=2)
    comments = [add_comment(consultation, 1, body=text) for text in [*DOGS, *NOISE, LETTER, LETTER]]
    build_digest(consultation)
    first = _mentions()
    assert len(first) == 2 and sorted(inserted[-1]) == first  # both letters' second point
    build_digest(consultation)
    assert inserted[-1] == [] and _mentions() == first
    (letter, theme_id, fit, _), (other, *_rest) = first
    stale = db.session.get(ThemeMention, (letter, theme_id))
    stale.fit = fit + 0.1  # stored by an earlier build that scored it otherwise
    db.session.get(ThemeMention, (other, theme_id)).disputed = True  # "not my point"
    member = db.session.get(ThemeMember, comments[0].id)
    db.session.add(ThemeMention(comment_id=comments[0].id, theme_id=member.theme_id, fit=0.5))  # not wanted
    db.session.commit()
    build_digest(consultation)
    assert inserted[-1] == [(letter, theme_id, fit, False)]
    assert _mentions() == [(letter, theme_id, fit, False), (other, theme_id, first[1][2], True)]
