"""Plain builders for test data: what a test sets up stays visible in the test."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import sqlalchemy as sa

from consult.comments.privacy import contact_cipher
from consult.db import utcnow
from consult.drafts import services
from consult.drafts.numerals import int_to_cn
from consult.drafts.structure import parse_draft
from consult.extensions import db


def draft_text(articles: int = 3, title: str = "滨海市测试条例（草案）", chapters: int = 1) -> str:
    lines = [title, ""]
    per_chapter = max(1, articles // chapters)
    for n in range(1, articles + 1):
        if (n - 1) % per_chapter == 0 and (n - 1) // per_chapter < chapters:
            chapter = (n - 1) // per_chapter + 1
            lines.append(f"第{int_to_cn(chapter)}章　第{int_to_cn(chapter)}部分")
        lines.append(f"第{int_to_cn(n)}条　这是第{n}条的正文，规定公园管理的第{n}项事务。")
    return "\n".join(lines) + "\n"


def make_draft(
    articles: int = 3,
    slug: str = "test-draft",
    status: str = "open",
    text: str | None = None,
    memo: str = "起草说明正文。",
    chapters: int = 1,
):
    """A saved consultation; status "open" publishes it with a window around now."""
    parsed = parse_draft(text or draft_text(articles, chapters=chapters))
    consultation = services.save_draft(parsed, title=parsed.title, slug=slug, memo=memo)
    now = utcnow()
    if status == "open":
        services.schedule_consultation(consultation, now - timedelta(days=1), now + timedelta(days=10))
    elif status == "closed":
        services.schedule_consultation(consultation, now - timedelta(days=10), now - timedelta(days=1))
    elif status == "scheduled":
        services.schedule_consultation(consultation, now + timedelta(days=1), now + timedelta(days=10))
    db.session.commit()
    return consultation


def comment_form(body: str = "建议把广场舞的音量限制写得更具体。", token: str = "tok-1", **fields) -> dict:
    """The fields a resident's browser sends with the comment form."""
    data = {
        "body": body,
        "display_name": "",
        "contact": "",
        "district": "",
        "role": "citizen",
        "visibility": "public",
        "website": "",
        "token": token,
    }
    data.update(fields)
    return data


def add_comment(
    consultation,
    article_number: int | None = 1,
    body: str = "一条意见",
    state: str = "approved",
    wants_public: bool = True,
    contact: str = "",
    **fields,
):
    """A stored comment, as if submitted and moderated."""

    from consult.comments.services import CommentInput, submit_comment
    from consult.drafts.queries import load_structure

    article_id = None
    if article_number is not None:
        article_id = load_structure(consultation.version_id).article(str(article_number)).article_id
    import secrets

    comment, _ = submit_comment(
        consultation,
        article_id,
        CommentInput(body=body, contact=contact, wants_public=wants_public, **fields),
        token=secrets.token_hex(8),
        cipher=contact_cipher(),
        max_chars=5000,
        now=consultation.opens_at + timedelta(seconds=1),
    )  # inside the window even if it has closed since
    comment.state = state
    db.session.commit()
    return comment


def build_digest(consultation):
    """Request a digest build and run it here, as the worker would; the build, reloaded."""
    from consult.digests import services as digest_services
    from consult.digests.build import run_build
    from consult.digests.models import DigestBuild

    build = digest_services.request_build(consultation)
    db.session.commit()
    run_build(build.id)
    db.session.expire_all()
    return db.session.get(DigestBuild, build.id)


def make_hearing(comments_per_article: int = 4):
    """An announced hearing on a fresh 3-article draft with a digest, 3 applicants chosen, 2 agenda items."""
    from datetime import datetime, timezone

    from consult.drafts.queries import load_structure
    from consult.hearings import services as hearing_services

    consultation = make_draft(articles=3, slug="hearing-draft")
    phrases = [
        "夜间广场舞音量太大，建议限制到五十分贝",
        "建议划定专门的活动区域，远离居民楼",
        "音响只能用到晚上八点半",
        "应当由城管负责夜间执法",
    ]
    for number in (1, 2):
        for n in range(comments_per_article):
            add_comment(consultation, number, body=f"{phrases[n % len(phrases)]}（第{number}条）")
    build_digest(consultation)
    ids = {n: load_structure(consultation.version_id).article(str(n)).article_id for n in (1, 2)}
    hearing = hearing_services.save_hearing(
        consultation,
        hearing_services.HearingInput(
            kind="hearing",
            title="测试条例立法听证会",
            starts_at=datetime(2026, 12, 20, 1, 30, tzinfo=timezone.utc),
            venue="第一会议室",
            capacity=30,
            speaker_slots=2,
            registration_opens_at=None,
            registration_closes_at=None,
            announcement="公告正文",
            article_ids=tuple(ids.values()),
        ),
    )
    hearing.status = "announced"
    cipher = contact_cipher()
    people = [("甲", "for", 1), ("乙", "against", 1), ("丙", "against", 2)]
    for index, (name, stance, number) in enumerate(people):
        hearing_services.register(
            hearing,
            hearing_services.RegistrationInput(
                kind="speaker",
                name=name,
                article_ids=(ids[number],),
                stance=stance,
                summary=f"{name}的观点摘要",
                district="港湾区",
                role="citizen",
                contact=f"1380013800{index}",
            ),
            token=f"h{index}",
            cipher=cipher,
        )
    for number in (1, 2):
        hearing_services.add_item(
            hearing,
            title=f"关于第{number}条的讨论",
            article_id=ids[number],
            duration=25,
            questions=f"第{number}条的问题一\n第{number}条的问题二",
            revision=None,
        )
    db.session.commit()
    return hearing


@contextlib.contextmanager
def statements():
    """The SQL statements sent to the database inside the block, in order."""
    seen: list[str] = []

    def listen(_connection, _cursor, statement, *_rest):
        seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", listen)
