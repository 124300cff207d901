"""Read-side of hearings: lists and counts the organizer's pages show."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from consult.drafts.models import Consultation
from consult.extensions import db
from consult.hearings.models import AgendaItem, Hearing, HearingEvent, Registration

DECIDED = ("selected", "not_selected")


def all_hearings() -> list[Hearing]:
    return list(db.session.scalars(sa.select(Hearing).order_by(Hearing.starts_at.desc())))


def consultations_open_to_hearings() -> list[Consultation]:
    return list(db.session.scalars(sa.select(Consultation).where(Consultation.status != "draft")))


def registration_counts(hearing_id: int) -> dict[str, int]:
    """Registrations by kind (speaker / observer)."""
    return dict(
        db.session.execute(
            sa.select(Registration.kind, sa.func.count())
            .where(Registration.hearing_id == hearing_id)
            .group_by(Registration.kind)
        ).all()
    )


def speaker_applicants(hearing_id: int) -> list[Registration]:
    """Who applied to speak and has not withdrawn, first come first."""
    return list(
        db.session.scalars(
            sa.select(Registration)
            .where(
                Registration.hearing_id == hearing_id, Registration.kind == "speaker", Registration.state != "withdrawn"
            )
            .order_by(Registration.created_at)
        )
    )


def registrations(hearing_id: int) -> list[Registration]:
    """Everyone who registered, speakers first, first come first (the organizer's list)."""
    return list(
        db.session.scalars(
            sa.select(Registration)
            .where(Registration.hearing_id == hearing_id)
            .order_by(Registration.kind.desc(), Registration.created_at, Registration.id)
        )
    )


def selected_speakers(hearing_id: int) -> list[Registration]:
    return list(
        db.session.scalars(
            sa.select(Registration).filter_by(hearing_id=hearing_id, state="selected").order_by(Registration.created_at)
        )
    )


def participants(hearing_id: int) -> list[Registration]:
    """Selected speakers and applicants still waiting, speakers first (the record and the report)."""
    return list(
        db.session.scalars(
            sa.select(Registration)
            .where(Registration.hearing_id == hearing_id, Registration.state.in_(("selected", "applied")))
            .order_by(Registration.kind.desc(), Registration.created_at)
        )
    )


def registration_by_receipt(receipt: str) -> Registration | None:
    return db.session.scalar(sa.select(Registration).filter_by(receipt=receipt))


def upcoming_public(now: datetime, consultation_id: int | None = None) -> list[Hearing]:
    """Announced hearings that have not taken place yet, soonest first (for the public pages)."""
    query = sa.select(Hearing).where(Hearing.status.in_(("announced", "closed")), Hearing.starts_at >= now)
    if consultation_id is not None:
        query = query.where(Hearing.consultation_id == consultation_id)
    return list(db.session.scalars(query.order_by(Hearing.starts_at)))


def speakers_for_article(hearing_id: int, article_id: int | None) -> list[int]:
    """Selected speakers who asked to speak on this article, first come first (a new item's speakers)."""
    if article_id is None:
        return []
    return [r.id for r in selected_speakers(hearing_id) if article_id in r.article_ids]


def unplaced_speakers(hearing: Hearing) -> list[Registration]:
    """Selected speakers on no agenda item."""
    placed = {s for item in hearing.items for s in item.speaker_ids}
    return [r for r in selected_speakers(hearing.id) if r.id not in placed]


def items_without_speakers(hearing: Hearing) -> list[AgendaItem]:
    return [item for item in hearing.items if item.article_id is not None and not item.speaker_ids]


def unpublished_changes(hearing_id: int) -> int:
    """Applicants whose receipt does not yet show the saved selection."""
    return sum(1 for r in speaker_applicants(hearing_id) if r.state in DECIDED and r.published_state != r.state)


def events(hearing_id: int, limit: int = 50) -> list[HearingEvent]:
    """The hearing's audit log, newest first."""
    return list(
        db.session.scalars(
            sa.select(HearingEvent)
            .filter_by(hearing_id=hearing_id)
            .order_by(HearingEvent.created_at.desc(), HearingEvent.id.desc())
            .limit(limit)
        )
    )
