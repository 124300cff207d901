"""Speakers: saving a selection, publishing it to applicants, keeping the agenda in step, the audit log.

Saving records the organizer's choice and tells nobody; publishing copies it to what each applicant's
receipt shows. Services flush; the view or command commits.
"""

from __future__ import annotations

from consult import hooks
from consult.db import utcnow
from consult.extensions import db
from consult.hearings.models import Hearing, HearingEvent
from consult.hearings.queries import DECIDED, speaker_applicants, speakers_for_article
from consult.hearings.services import HearingError, bump_revision
from consult.hooks import announce


def log_event(actor, hearing: Hearing, action: str, note: str = "") -> None:
    db.session.add(HearingEvent(hearing_id=hearing.id, actor_id=actor.id if actor else None, action=action, note=note))


def apply_selection(actor, hearing: Hearing, selected: dict[int, str]) -> None:
    """Record who speaks and why, and keep the agenda's speakers in step. Applicants see nothing
    until the selection is published."""
    if len(selected) > hearing.speaker_slots:
        raise HearingError("too_many_speakers", slots=hearing.speaker_slots)
    applicants = speaker_applicants(hearing.id)
    if not set(selected) <= {r.id for r in applicants}:
        raise HearingError("unknown_registration")
    now = utcnow()
    for registration in applicants:
        chosen = registration.id in selected
        registration.state = "selected" if chosen else "not_selected"
        registration.selection_reason = selected.get(registration.id, "").strip()
        registration.selected_by_id, registration.selected_at = actor.id, now
    sync_agenda_speakers(hearing)
    log_event(actor, hearing, "selection_saved", str(len(selected)))
    db.session.flush()


def publish_selection(actor, hearing: Hearing) -> int:
    """Show every applicant the saved result on their receipt; returns how many receipts changed."""
    applicants = [r for r in speaker_applicants(hearing.id) if r.state in DECIDED]
    if not applicants:
        raise HearingError("nothing_to_publish")
    changed = [r for r in applicants if r.published_state != r.state]
    for registration in applicants:
        registration.published_state = registration.state
    hearing.selection_published_at = utcnow()
    log_event(actor, hearing, "selection_published", str(len(changed)))
    db.session.flush()
    announce(hooks.selection_published, hearing=hearing, registrations=changed)  # told once per result
    return len(changed)


def sync_agenda_speakers(hearing: Hearing) -> None:
    """Drop speakers no longer selected from every item; put each selected speaker who is on no item
    on the items about their articles. Speakers placed by hand stay where the organizer put them."""
    selected = [r for r in speaker_applicants(hearing.id) if r.state == "selected"]  # first come first
    selected_ids = {r.id for r in selected}
    items = list(hearing.items)
    before = [list(item.speaker_ids) for item in items]
    for item in items:
        item.speaker_ids = [s for s in item.speaker_ids if s in selected_ids]
    placed = {s for item in items for s in item.speaker_ids}
    for registration in selected:
        if registration.id in placed:
            continue
        for item in items:
            if item.article_id is not None and item.article_id in registration.article_ids:
                item.speaker_ids = [*item.speaker_ids, registration.id]
    if before != [item.speaker_ids for item in items]:
        hearing.revision += 1  # an agenda form opened before this change must not overwrite it


def reassign_by_article(actor, hearing: Hearing, revision: int | None) -> None:
    """Rebuild every article item's speakers from the selected speakers' articles."""
    bump_revision(hearing, revision)
    for item in hearing.items:
        if item.article_id is not None:
            item.speaker_ids = speakers_for_article(hearing.id, item.article_id)
    log_event(actor, hearing, "agenda_reassigned")
    db.session.flush()
