"""Plain builders for test data: what a test sets up stays visible in the test."""
from __future__ import annotations

from datetime import timedelta

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


def make_draft(articles: int = 3, slug: str = "test-draft", status: str = "open", text: str | None = None,
               memo: str = "起草说明正文。", chapters: int = 1):
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
    data = {"body": body, "display_name": "", "contact": "", "district": "", "role": "citizen",
            "visibility": "public", "website": "", "token": token}
    data.update(fields)
    return data


def add_comment(consultation, article_number: int | None = 1, body: str = "一条意见", state: str = "approved",
                wants_public: bool = True, contact: str = "", **fields):
    """A stored comment, as if submitted and moderated."""
    from flask import current_app

    from consult.comments.services import CommentInput, submit_comment
    from consult.drafts.queries import load_structure

    article_id = None
    if article_number is not None:
        article_id = load_structure(consultation.version_id).article(str(article_number)).article_id
    import secrets

    comment, _ = submit_comment(
        consultation, article_id, CommentInput(body=body, contact=contact, wants_public=wants_public, **fields),
        token=secrets.token_hex(8), cipher=current_app.extensions["consult_contact_cipher"], max_chars=5000,
        now=consultation.opens_at + timedelta(seconds=1))  # inside the window even if it has closed since
    comment.state = state
    db.session.commit()
    return comment
