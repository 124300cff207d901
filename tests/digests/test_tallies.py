"""Each theme keeps its counts (people, stances, mentions from other themes) so that pages never
count a million members; every change of members, stances or mentions leaves them right."""

import importlib.util
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from consult.accounts.services import create_user
from consult.comments.models import Comment
from consult.digests import mentions, services, stance_queries, stances
from consult.digests.models import CommentStance, Theme, ThemeMember, ThemeMention
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

DOGS = ["遛狗必须拴绳，大狗太吓人了。", "犬只进公园一定要拴绳。", "狗不拴绳吓到小孩。", "遛狗拴绳是基本要求。"]
NOISE = ["广场舞音响太吵了。", "晚上音响声音太大睡不着。", "广场舞的音响应该限制音量。", "音响吵得老人睡不着。"]
LETTER = "建议晚上九点以后禁止使用音响，广场舞音响太吵影响老人睡觉。另外，遛狗一定要拴绳。"
CAMPAIGN = "公园厕所太少，建议每五百米设一座公共厕所，并且免费开放。"
COLUMNS = ("resident_count", "stance_support", "stance_oppose", "stance_neither", "stance_confirmed", "mention_count")
MIGRATION = Path(__file__).parents[2] / "migrations" / "versions" / "58951f78eaa4_theme_tallies.py"


def _counted_here(consultation_id: int) -> dict[int, dict[str, int]]:
    """The counts worked out in Python from the rows themselves, as the pages used to count them."""
    themes = db.session.scalars(sa.select(Theme).filter_by(consultation_id=consultation_id)).all()
    members = db.session.scalars(sa.select(ThemeMember)).all()
    own = {m.comment_id: m.theme_id for m in members}
    comments = {c.id: c for c in db.session.scalars(sa.select(Comment))}
    stance_rows = {s.comment_id: s for s in db.session.scalars(sa.select(CommentStance))}
    found = {}
    for theme in themes:
        ids = [c for c, t in own.items() if t == theme.id]
        people = {comments[c].resident_key or f"#{c}" for c in ids}
        said = Counter(stance_rows[c].stance for c in ids if c in stance_rows and stance_rows[c].stance)
        confirmed = sum(1 for c in ids if c in stance_rows and stance_rows[c].tag)
        mentioned = db.session.scalars(sa.select(ThemeMention).filter_by(theme_id=theme.id, disputed=False)).all()
        found[theme.id] = {
            "resident_count": len(people),
            "stance_support": said["support"],
            "stance_oppose": said["oppose"],
            "stance_neither": said["neither"],
            "stance_confirmed": confirmed,
            "mention_count": sum(1 for m in mentioned if own.get(m.comment_id) != theme.id),
            "campaigns": _campaigns_of([m for m in members if m.theme_id == theme.id]),
        }
    return found


def _campaigns_of(members: list[ThemeMember]) -> list[list[int]]:
    copies = Counter(m.duplicate_of_id for m in members if m.duplicate_of_id)
    return sorted(([first, n + 1] for first, n in copies.items() if n >= 2), key=lambda g: (-g[1], g[0]))[:20]


def _stored(consultation_id: int) -> dict[int, dict[str, int]]:
    db.session.expire_all()
    themes = db.session.scalars(sa.select(Theme).filter_by(consultation_id=consultation_id))
    return {t.id: {name: getattr(t, name) for name in (*COLUMNS, "campaigns")} for t in themes}


def _digest():
    consultation = make_draft(articles=2)
    # The first two dog owners are one person (the same number, spelt two ways).
    for text, contact in zip(DOGS, ["139-1234-5678", "13912345678", "", "li@example.org"]):
        add_comment(consultation, 1, body=text, contact=contact)
    for text in [*NOISE, LETTER]:
        add_comment(consultation, 1, body=text)
    for _ in range(4):
        add_comment(consultation, 2, body=CAMPAIGN)
    build_digest(consultation)
    stances.refresh(consultation.id)
    db.session.commit()
    letter = db.session.scalar(sa.select(Comment).filter_by(body=LETTER))
    dog = db.session.scalar(sa.select(Comment).filter_by(body=DOGS[0]))
    themes = {name: db.session.get(ThemeMember, c.id).theme_id for name, c in (("dog", dog), ("letter", letter))}
    return consultation, letter, {name: db.session.get(Theme, theme_id) for name, theme_id in themes.items()}


def test_counts_follow_builds_tags_moves_disputes_and_merges(app):
    consultation, letter, themes = _digest()
    dog, noise = themes["dog"], themes["letter"]
    assert dog.id != noise.id and dog.resident_count == len(DOGS) - 1 and dog.mention_count == 1
    assert _stored(consultation.id) == _counted_here(consultation.id)
    assert stance_queries.by_article(consultation.id)[dog.article_id].total == len(DOGS) + len(NOISE) + 1
    first = db.session.scalars(sa.select(Comment.id).filter_by(body=CAMPAIGN).order_by(Comment.id)).first()
    assert [first, 4] in [group for theme in _stored(consultation.id).values() for group in theme["campaigns"]]

    drafter = create_user("tally-drafter@example.org", "drafter", "a-long-password")
    dog_comment = db.session.scalar(sa.select(Comment).filter_by(body=DOGS[2]))
    stances.tag(drafter, consultation.id, dog_comment.id, "oppose")
    assert _stored(consultation.id) == _counted_here(consultation.id)
    assert stance_queries.of_theme(db.session.get(Theme, dog.id)).confirmed == 1

    assert mentions.dispute(letter.id, dog.id)
    assert _stored(consultation.id)[dog.id]["mention_count"] == 0
    assert _stored(consultation.id) == _counted_here(consultation.id)

    services.move_comments(db.session.get(Theme, noise.id), [letter.id], db.session.get(Theme, dog.id))
    assert _stored(consultation.id)[dog.id]["resident_count"] == len(DOGS)
    assert _stored(consultation.id) == _counted_here(consultation.id)

    services.merge_themes(db.session.get(Theme, dog.id), db.session.get(Theme, noise.id))
    db.session.commit()
    counts = _stored(consultation.id)
    assert counts == _counted_here(consultation.id)
    assert counts[dog.id]["resident_count"] == len(DOGS) + len(NOISE)
    assert counts[noise.id]["resident_count"] == 0


def test_the_migration_counts_existing_digests_as_the_app_does(app):
    consultation, letter, themes = _digest()
    mentions.dispute(letter.id, themes["dog"].id)
    stances.tag(
        create_user("tally-drafter@example.org", "drafter", "a-long-password"), consultation.id, letter.id, "oppose"
    )
    db.session.commit()
    expected = _stored(consultation.id)
    assert all(row["resident_count"] for row in expected.values())
    assert sum(row["stance_oppose"] + row["stance_confirmed"] + row["stance_neither"] for row in expected.values()) > 2
    spec = importlib.util.spec_from_file_location("theme_tallies_migration", MIGRATION)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    db.session.execute(sa.update(Theme).values(dict.fromkeys(COLUMNS, 0)))
    db.session.execute(sa.update(Theme).values(campaigns=[]))
    for statement in migration.STATEMENTS:
        db.session.execute(sa.text(statement))
    migration.count_campaigns(db.session.connection())
    db.session.commit()
    assert _stored(consultation.id) == expected
