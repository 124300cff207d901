"""Hearing operations. Services flush; the view or command commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from consult.comments.privacy import ContactCipher
from consult.comments.receipts import new_receipt
from consult.comments.text import too_long
from consult.db import utcnow
from consult.drafts.models import Article, Consultation
from consult.errors import DomainError
from consult.extensions import db
from consult.hearings import queries
from consult.hearings.models import KINDS, STANCES, AgendaItem, Hearing, Registration

SUMMARY_LIMIT = 2000


class HearingError(DomainError):
    pass


@dataclass(frozen=True)
class HearingInput:
    kind: str
    title: str
    starts_at: datetime
    venue: str
    capacity: int
    speaker_slots: int
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    announcement: str
    article_ids: tuple[int, ...]


def _check(data: HearingInput, consultation: Consultation) -> list[Article]:
    if data.kind not in KINDS:
        raise HearingError("unknown_kind")
    if (
        data.registration_opens_at
        and data.registration_closes_at
        and data.registration_closes_at <= data.registration_opens_at
    ):
        raise HearingError("window_inverted")
    if data.registration_closes_at and data.registration_closes_at > data.starts_at:
        raise HearingError("registration_after_start")
    articles = db.session.scalars(
        sa.select(Article).where(Article.id.in_(data.article_ids), Article.draft_id == consultation.draft_id)
    ).all()
    if len(articles) != len(set(data.article_ids)):
        raise HearingError("unknown_article")
    return list(articles)


def save_hearing(consultation: Consultation, data: HearingInput, hearing: Hearing | None = None) -> Hearing:
    articles = _check(data, consultation)
    hearing = hearing or Hearing(consultation_id=consultation.id)
    for name in (
        "kind",
        "title",
        "starts_at",
        "venue",
        "capacity",
        "speaker_slots",
        "registration_opens_at",
        "registration_closes_at",
        "announcement",
    ):
        setattr(hearing, name, getattr(data, name))
    hearing.title, hearing.venue = data.title.strip(), data.venue.strip()
    hearing.articles = articles
    db.session.add(hearing)
    db.session.flush()
    return hearing


def set_status(hearing: Hearing, status: str) -> None:
    allowed = {
        "draft": {"announced", "cancelled"},
        "announced": {"closed", "cancelled", "draft"},
        "closed": {"held", "announced", "cancelled"},
        "held": set(),
        "cancelled": {"draft"},
    }
    if status not in allowed.get(hearing.status, set()):
        raise HearingError("bad_transition")
    hearing.status = status
    db.session.flush()


@dataclass(frozen=True)
class RegistrationInput:
    kind: str
    name: str
    article_ids: tuple[int, ...]
    stance: str | None
    summary: str
    district: str
    role: str
    contact: str


def register(
    hearing: Hearing, data: RegistrationInput, *, token: str, cipher: ContactCipher, now: datetime | None = None
) -> tuple[Registration, bool]:
    """A resident applies to speak or to attend; the same form token twice gives the same receipt."""
    existing = db.session.scalar(sa.select(Registration).filter_by(idempotency_token=token)) if token else None
    if existing is not None:
        return existing, False
    if not hearing.registration_open(now or utcnow()):
        raise HearingError("registration_closed")
    if not data.name.strip():
        raise HearingError("name_missing")
    if not set(data.article_ids) <= {a.id for a in hearing.articles}:
        raise HearingError("unknown_article")
    if data.kind == "speaker":
        if data.stance not in STANCES:
            raise HearingError("stance_missing")
        if not set(data.article_ids) & {a.id for a in hearing.articles} or not data.summary.strip():
            raise HearingError("speaker_incomplete")
    if too_long(data.summary, SUMMARY_LIMIT):
        raise HearingError("summary_too_long", limit=SUMMARY_LIMIT)
    contact = data.contact.strip()
    registration = Registration(
        hearing_id=hearing.id,
        receipt=new_receipt(),
        idempotency_token=token or None,
        kind=data.kind,
        name=data.name.strip()[:40],
        article_ids=sorted(set(data.article_ids)) if data.kind == "speaker" else [],
        stance=data.stance if data.kind == "speaker" else None,
        summary=data.summary.strip(),
        district=data.district or None,
        role=data.role,
        contact_encrypted=cipher.encrypt(contact) if contact else None,
    )
    db.session.add(registration)
    db.session.flush()
    return registration, True


def bump_revision(hearing: Hearing, revision: int | None) -> None:
    if revision is not None and revision != hearing.revision:
        raise HearingError("stale")
    hearing.revision += 1


def _check_item(hearing: Hearing, revision: int | None, title: str, duration: int) -> None:
    bump_revision(hearing, revision)
    if not title.strip():
        raise HearingError("title_missing")
    if not 1 <= duration <= 480:
        raise HearingError("bad_duration")


def add_item(
    hearing: Hearing, *, title: str, article_id: int | None, duration: int, questions: str, revision: int | None
) -> AgendaItem:
    _check_item(hearing, revision, title, duration)
    if (
        article_id is not None
        and db.session.scalar(
            sa.select(Article.id).where(Article.id == article_id, Article.draft_id == hearing.consultation.draft_id)
        )
        is None
    ):
        raise HearingError("unknown_article")
    item = AgendaItem(
        hearing_id=hearing.id,
        title=title.strip()[:200],
        article_id=article_id,
        duration_minutes=duration,
        questions=questions.strip(),
        position=len(hearing.items) + 1,
        speaker_ids=queries.speakers_for_article(hearing.id, article_id),
    )
    db.session.add(item)
    db.session.flush()
    return item


def update_item(
    hearing: Hearing,
    item: AgendaItem,
    *,
    title: str,
    duration: int,
    questions: str,
    speaker_ids: list[int],
    revision: int | None,
) -> None:
    _check_item(hearing, revision, title, duration)
    selected = set(db.session.scalars(sa.select(Registration.id).filter_by(hearing_id=hearing.id, state="selected")))
    if not set(speaker_ids) <= selected:
        raise HearingError("unknown_registration")
    item.title, item.duration_minutes, item.questions = title.strip()[:200], duration, questions.strip()
    item.speaker_ids = [s for s in speaker_ids if s in selected]
    db.session.flush()


def move_item(hearing: Hearing, item: AgendaItem, offset: int, revision: int | None) -> None:
    bump_revision(hearing, revision)
    items = list(hearing.items)
    index = items.index(item)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    for position, each in enumerate(items, start=1):
        each.position = position
    db.session.flush()


def remove_item(hearing: Hearing, item: AgendaItem, revision: int | None) -> None:
    bump_revision(hearing, revision)
    db.session.delete(item)
    db.session.flush()
    for position, each in enumerate(sorted(hearing.items, key=lambda i: i.position), start=1):
        each.position = position
    db.session.flush()


def record(hearing: Hearing, *, attended: dict[int, bool], minutes: dict[int, str], report: str) -> None:
    """After the meeting: who came, the 笔录 of each item and the 听证报告."""
    for registration in db.session.scalars(sa.select(Registration).filter_by(hearing_id=hearing.id)):
        if registration.id in attended:
            registration.attended = attended[registration.id]
    for item in hearing.items:
        if item.id in minutes:
            item.minutes = minutes[item.id].strip()
    hearing.report = report.strip()
    db.session.flush()
