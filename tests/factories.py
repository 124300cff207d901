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
