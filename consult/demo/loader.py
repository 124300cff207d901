"""Demo content written by the Consult team: two drafts of the fictional city 滨海市."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from flask import current_app

from consult.accounts import services as accounts
from consult.accounts.models import User
from consult.comments import services as comment_services
from consult.comments.privacy import contact_cipher
from consult.db import utcnow
from consult.demo.hearing import load_demo_hearing
from consult.demo.rounds import load_second_round
from consult.demo.stations import load_demo_stations
from consult.demo.suggestions import load_demo_suggestions
from consult.digests import queries as digest_queries
from consult.digests import services as digest_services
from consult.digests import stances
from consult.digests.build import run_build
from consult.drafts import services as drafts
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure
from consult.drafts.structure import parse_draft
from consult.extensions import db

DATA = Path(__file__).resolve().parent / "data"
DEMO_DRAFTS = (
    # (file stem, slug, days open: negative = closed that many days ago)
    ("gongyuan", "park-regulation", 30),
    ("dashahe", "dasha-river", -20),
)
DEMO_STAFF = (
    ("admin@example.org", "admin"),
    ("drafter@example.org", "drafter"),
    ("moderator@example.org", "moderator"),
    ("organizer@example.org", "organizer"),
)
DEMO_PASSWORD = "consult-demo-2026"


class DemoError(Exception):
    pass


def load_demo(only_if_empty: bool = False) -> list[str]:
    """Load the demo; returns what was loaded, one line each (empty when skipped)."""
    if only_if_empty and db.session.scalar(db.select(Consultation.id).limit(1)) is not None:
        return []
    loaded = [_ensure_staff(email, role) for email, role in DEMO_STAFF]
    now = utcnow()
    for stem, slug, days in DEMO_DRAFTS:
        if db.session.scalar(db.select(Consultation.id).filter_by(slug=slug)) is not None:
            raise DemoError(f"a consultation with the slug {slug} already exists")
        raw = (DATA / f"{stem}.txt").read_bytes()
        parsed = parse_draft(raw.decode("utf-8"))
        consultation = drafts.save_draft(
            parsed,
            title=parsed.title,
            slug=slug,
            memo=(DATA / f"{stem}_memo.md").read_text(encoding="utf-8"),
            source=drafts.DraftSource(f"{stem}.txt", "txt", "utf-8", raw),
        )
        if days > 0:
            drafts.schedule_consultation(consultation, now - timedelta(days=5), now + timedelta(days=days))
        else:
            drafts.schedule_consultation(consultation, now + timedelta(days=days - 30), now + timedelta(days=days))
        comments = _load_comments(consultation, DATA / f"{stem}_comments.jsonl")
        _build_digest(consultation)
        _answer(consultation, DATA / f"{stem}_answers.json", every_theme=days < 0)
        loaded.append(f"{consultation.title}: /drafts/{slug} ({len(parsed.articles)} articles, {comments} comments)")
        if days > 0:
            loaded.append(load_demo_hearing(consultation))
            db.session.commit()
        amendment = DATA / f"{stem}_amendment.txt"
        if amendment.exists():
            loaded.append(load_second_round(consultation, amendment))
    loaded += load_demo_suggestions()
    loaded += load_demo_stations()  # after the suggestions: it attaches their deputies
    return loaded


def _build_digest(consultation: Consultation) -> None:
    build = digest_services.request_build(consultation)
    db.session.commit()
    run_build(build.id)
    stances.refresh(consultation.id)  # what the worker does after each build
    db.session.commit()


def _answer(consultation: Consultation, path: Path, every_theme: bool) -> None:
    """Demo answers by article: on every theme of a closed consultation (whose feedback report is
    then published), on the largest theme of each article of an open one."""
    if not path.exists():
        return
    answers = json.loads(path.read_text(encoding="utf-8"))
    staff = db.session.scalar(db.select(User).filter_by(role="drafter"))
    structure = load_structure(consultation.version_id)
    for key, answer in answers.items():
        article = structure.article(key) if key != "general" else None
        themes = digest_queries.themes_for(consultation.id, article.article_id if article else None)
        for view in themes if every_theme else themes[:1]:
            digest_services.answer_theme(staff, view.theme, answer["decision"], answer["reason"], view.theme.revision)
    if every_theme:
        digest_services.publish_report(
            staff, consultation, "感谢广大市民对本条例草案的关注和参与。现将意见采纳情况公布如下。"
        )
    db.session.commit()


_ROLE_CODES = {
    "市民": "citizen",
    "企业": "enterprise",
    "社会组织": "organisation",
    "人大代表": "deputy",
    "政协委员": "cppcc_member",
    "专家学者": "expert",
    "其他": "other",
}


def _load_comments(consultation: Consultation, path: Path) -> int:
    """Demo opinions written by us: most already moderated, the last dozen waiting in the queue."""
    if not path.exists():
        return 0
    structure = load_structure(consultation.version_id)
    cipher = contact_cipher()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    start = consultation.opens_at or utcnow()
    for index, row in enumerate(rows):
        article = structure.article(str(row["article"])) if row.get("article") else None
        data = comment_services.CommentInput(
            body=row["text"],
            display_name=row.get("name") or "",
            district=row.get("district") or "",
            role=_ROLE_CODES.get(row.get("role"), "other"),
            wants_public=row.get("public", True),
            source=row.get("source", "web"),
        )
        comment, _created = comment_services.submit_comment(
            consultation,
            article.article_id if article else None,
            data,
            token=f"demo-{consultation.id}-{index}",
            cipher=cipher,
            max_chars=current_app.config["COMMENT_MAX_CHARS"],
            now=start + timedelta(hours=1),
        )
        comment.state = "pending" if index >= len(rows) - 12 else "approved"
        # Spread submissions over the days the consultation has been open, for a believable timeline.
        comment.created_at = start + timedelta(hours=(index * 97) % (5 * 24))
    db.session.flush()
    return len(rows)


def _ensure_staff(email: str, role: str) -> str:
    if db.session.scalar(db.select(User).filter_by(email=email)) is None:
        accounts.create_user(email, role, DEMO_PASSWORD, display_name=role)
    return f"staff account {email} ({role}), password {DEMO_PASSWORD}"
