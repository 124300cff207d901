"""Every id taken from a form must belong to the object in the URL: posting ids of another
consultation (comments, themes, articles, registrations) changes nothing and says why."""

import pytest

from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.digests.models import CommentPlacement, Theme, ThemeMember
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.hearings.models import AgendaItem, Registration

from factories import add_comment, build_digest, make_draft, make_hearing

TEXTS = [
    "夜间广场舞音量太大，建议限制到五十分贝",
    "建议划定专门的活动区域，远离居民楼",
    "音响只能用到晚上八点半",
    "遛狗必须牵绳，狗绳不超过一米五",
    "宠物入园应当牵绳并及时清理粪便",
]


def _digest(consultation):
    for text in TEXTS:
        add_comment(consultation, 1, body=text)
    build_digest(consultation)


def _article(consultation, number=1) -> int:
    return load_structure(consultation.version_id).article(str(number)).article_id


def _theme(consultation) -> Theme:
    return db.session.scalars(
        db.select(Theme)
        .filter_by(consultation_id=consultation.id, article_id=_article(consultation), retired=False)
        .order_by(Theme.size.desc())
    ).first()


def _members(theme: Theme) -> dict[int, int]:
    return dict(
        db.session.execute(
            db.select(ThemeMember.comment_id, ThemeMember.theme_id)
            .join(Comment, Comment.id == ThemeMember.comment_id)
            .where(Comment.consultation_id == theme.consultation_id)
        ).all()
    )


@pytest.fixture
def two_digests(app):
    first, second = make_draft(articles=3, slug="first"), make_draft(articles=3, slug="second")
    _digest(first)
    _digest(second)
    return first, second


def test_moving_comments_into_a_theme_of_another_consultation_is_refused(client, login, two_digests):
    first, second = two_digests
    login("drafter")
    mine, foreign = _theme(first), _theme(second)
    before = (_members(mine), _members(foreign))
    ids = list(before[0])[:1]
    response = client.post(
        f"/staff/digests/themes/{mine.id}/members",
        data={"ids": ids, "target": foreign.id, "move": "1"},
        follow_redirects=True,
    )
    assert "只能把意见移到同一条文下的另一个主题" in response.text
    db.session.expire_all()
    assert (_members(mine), _members(foreign)) == before


def test_comments_of_another_theme_cannot_be_moved_or_split_through_this_one(client, login, two_digests):
    first, second = two_digests
    login("drafter")
    mine, foreign = _theme(first), _theme(second)
    sibling = db.session.scalars(
        db.select(Theme).where(
            Theme.consultation_id == first.id, Theme.article_id == mine.article_id, Theme.id != mine.id
        )
    ).first()
    before = (_members(mine), _members(foreign))
    foreign_ids = list(before[1])
    for action in ("move", "split"):
        data = {"ids": foreign_ids[:2], "target": sibling.id if sibling else 0, action: "1"}
        response = client.post(f"/staff/digests/themes/{mine.id}/members", data=data, follow_redirects=True)
        assert response.status_code in (200, 404)
    db.session.expire_all()
    assert (_members(mine), _members(foreign)) == before


def test_misfiling_under_an_article_of_another_draft_is_refused(client, login, two_digests):
    first, second = two_digests
    login("drafter")
    mine = _theme(first)
    before = _members(mine)
    comment_id = next(c for c, t in before.items() if t == mine.id)
    response = client.post(
        f"/staff/digests/themes/{mine.id}/members",
        data={"ids": [comment_id], "article": str(_article(second, 2)), "misfile": "1"},
        follow_redirects=True,
    )
    assert "所选条文不属于这部草案" in response.text
    assert db.session.get(CommentPlacement, comment_id) is None
    db.session.expire_all()
    assert _members(mine) == before
    # An id no table could hold is the same refusal, not a database error.
    response = client.post(
        f"/staff/digests/themes/{mine.id}/members",
        data={"ids": [comment_id], "article": "9" * 30, "misfile": "1"},
        follow_redirects=True,
    )
    assert "所选条文不属于这部草案" in response.text


def test_merging_with_a_theme_of_another_consultation_is_refused(client, login, two_digests):
    first, second = two_digests
    login("drafter")
    mine, foreign = _theme(first), _theme(second)
    before = (_members(mine), _members(foreign))
    response = client.post(f"/staff/digests/themes/{mine.id}/merge", data={"target": foreign.id}, follow_redirects=True)
    assert "只能合并同一条文下的两个不同主题" in response.text
    assert client.post(f"/staff/digests/themes/{mine.id}/merge", data={"target": "9" * 30}).status_code == 404
    db.session.expire_all()
    assert (_members(mine), _members(foreign)) == before


def test_bulk_moderation_ignores_comments_of_another_consultation(client, login, two_digests):
    first, second = two_digests
    login("moderator")
    foreign = db.session.scalars(db.select(Comment).filter_by(consultation_id=second.id)).first()
    foreign.state = "pending"
    db.session.commit()
    client.post(f"/staff/consultations/{first.id}/comments/bulk", data={"ids": [foreign.id], "action": "approve"})
    db.session.expire_all()
    assert db.session.get(Comment, foreign.id).state == "pending"


@pytest.fixture
def hearing_and_other(app):
    hearing = make_hearing()
    other = make_draft(articles=3, slug="other-draft")
    return hearing, other


def test_registration_for_articles_of_another_draft_is_refused(client, hearing_and_other):
    hearing, other = hearing_and_other
    mine = hearing.articles[0].id
    response = client.post(
        f"/hearings/{hearing.id}/register",
        data={
            "kind": "speaker",
            "name": "丁",
            "articles": [mine, _article(other, 2)],
            "stance": "for",
            "summary": "观点",
            "role": "citizen",
            "token": "foreign-1",
        },
    )
    assert response.status_code == 422
    assert "所选条文不属于这部草案" in response.text
    assert db.session.scalar(db.select(Registration).filter_by(idempotency_token="foreign-1")) is None


def test_hearing_articles_agenda_articles_and_speakers_must_be_its_own(client, login, hearing_and_other):
    hearing, other = hearing_and_other
    login("organizer")
    foreign_article = _article(other, 2)
    response = client.post(
        f"/staff/hearings/{hearing.id}/edit",
        data={
            "kind": "hearing",
            "title": "改名",
            "starts_at": "2026-12-20T09:30",
            "venue": "第一会议室",
            "capacity": 30,
            "speaker_slots": 2,
            "articles": [foreign_article],
        },
    )
    assert response.status_code == 422
    db.session.expire_all()
    assert foreign_article not in {a.id for a in hearing.articles}

    from consult.hearings import services as hearing_services

    items_before = db.session.scalar(db.select(db.func.count(AgendaItem.id)))
    with pytest.raises(hearing_services.HearingError):
        hearing_services.add_item(
            hearing, title="别的草案", article_id=foreign_article, duration=10, questions="", revision=None
        )
    db.session.rollback()
    response = client.post(
        f"/staff/hearings/{hearing.id}/agenda/items",
        data={"title": "别的草案", "article": str(foreign_article), "duration": 10, "revision": hearing.revision},
    )
    assert response.status_code == 422
    assert db.session.scalar(db.select(db.func.count(AgendaItem.id))) == items_before

    other_hearing_registration = _registration_elsewhere(other)
    response = client.post(
        f"/staff/hearings/{hearing.id}/speakers", data={"selected": [str(other_hearing_registration)]}
    )
    assert response.status_code == 422
    assert "不在本次会议的报名名单中" in response.text
    db.session.expire_all()
    assert db.session.get(Registration, other_hearing_registration).state == "applied"

    item = hearing.items[0]
    response = client.post(
        f"/staff/hearings/{hearing.id}/agenda/items/{item.id}",
        data={
            f"item{item.id}-title": item.title,
            f"item{item.id}-duration": 20,
            f"item{item.id}-speakers": [str(other_hearing_registration)],
            f"item{item.id}-revision": hearing.revision,
        },
    )
    db.session.expire_all()
    assert other_hearing_registration not in db.session.get(AgendaItem, item.id).speaker_ids


def _registration_elsewhere(consultation) -> int:
    from datetime import datetime, timezone

    from consult.hearings import services as hearing_services

    article = _article(consultation, 1)
    hearing = hearing_services.save_hearing(
        consultation,
        hearing_services.HearingInput(
            kind="hearing",
            title="另一场",
            starts_at=datetime(2026, 12, 21, 1, 30, tzinfo=timezone.utc),
            venue="二楼",
            capacity=10,
            speaker_slots=2,
            registration_opens_at=None,
            registration_closes_at=None,
            announcement="",
            article_ids=(article,),
        ),
    )
    hearing.status = "announced"
    registration, _ = hearing_services.register(
        hearing,
        hearing_services.RegistrationInput(
            kind="speaker",
            name="戊",
            article_ids=(article,),
            stance="for",
            summary="别处的观点",
            district="",
            role="citizen",
            contact="",
        ),
        token="elsewhere",
        cipher=contact_cipher(),
    )
    db.session.commit()
    return registration.id


def test_recording_a_letter_on_an_article_of_another_draft_is_refused(client, login, two_digests):
    first, second = two_digests
    login("moderator")
    before = db.session.scalar(db.select(db.func.count(Comment.id)))
    response = client.post(
        f"/staff/consultations/{first.id}/comments/new",
        data={
            "body": "来信意见",
            "role": "citizen",
            "visibility": "public",
            "source": "letter",
            "article": str(_article(second, 2)),
        },
    )
    assert response.status_code == 422
    assert db.session.scalar(db.select(db.func.count(Comment.id))) == before
