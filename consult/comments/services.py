"""Submitting, recording and moderating comments. Services flush; the view commits once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from consult import hooks
from consult.comments.models import REJECT_REASONS, SOURCES, Comment, ModerationEvent
from consult.comments.personal_data import find_personal_data, mask_personal_data
from consult.comments.privacy import ContactCipher
from consult.comments.receipts import new_receipt
from consult.comments.text import prepare, too_long
from consult.db import utcnow
from consult.drafts.models import AmendmentItem, Consultation
from consult.drafts.queries import load_structure
from consult.errors import DomainError
from consult.extensions import db
from consult.hooks import announce


class CommentError(DomainError):
    pass


@dataclass(frozen=True)
class CommentInput:
    body: str
    display_name: str = ""
    contact: str = ""
    district: str = ""
    role: str = "citizen"
    wants_public: bool = True
    source: str = "web"
    wants_updates: bool = False  # ticked "tell me what becomes of it" (needs an e-mail contact)
    received_at: datetime | None = None


def check_article(consultation: Consultation, article_id: int | None) -> None:
    if article_id is None:
        return
    # The version's tree is built once per process (drafts/queries.load_structure): no query per comment.
    if article_id not in {a.article_id for a in load_structure(consultation.version_id).articles}:
        raise CommentError("unknown_article")


def _build(consultation, article_id, data: CommentInput, cipher: ContactCipher, max_chars: int) -> Comment:
    body = data.body.strip()
    # The cheap checks come first: a refused paste is never segmented.
    if too_long(body, max_chars):
        raise CommentError("too_long", limit=max_chars)
    if data.source not in SOURCES:
        raise CommentError("unknown_source")
    normalized, tokens, cut = prepare(body)
    if not normalized.strip():
        raise CommentError("empty")
    contact = data.contact.strip()
    return Comment(
        consultation_id=consultation.id,
        version_id=consultation.version_id,
        article_id=article_id,
        receipt=new_receipt(),
        body=body,
        body_normalized=normalized,
        tokens=tokens,
        cut=cut,
        display_name=data.display_name.strip() or None,
        contact_encrypted=cipher.encrypt(contact) if contact else None,
        resident_key=cipher.fingerprint(contact) if contact else None,
        district=data.district or None,
        role=data.role,
        wants_public=data.wants_public,
        source=data.source,
        received_at=data.received_at,
    )


def submit_comment(
    consultation: Consultation,
    article_id: int | None,
    data: CommentInput,
    *,
    token: str,
    cipher: ContactCipher,
    max_chars: int,
    now: datetime | None = None,
    item: AmendmentItem | None = None,
) -> tuple[Comment, bool]:
    """A resident's comment from the web form: (comment, created). The same form token twice
    returns the first comment, so double clicks and retries store one comment. A comment on an
    instruction of an amendment draft (`item`) is on the article that instruction concerns, if one.
    The token is looked up only when it matters (a refusal, a clash): a new comment costs no query."""
    try:
        comment = _new_comment(consultation, article_id, data, cipher, max_chars, now, item)
    except CommentError:
        existing = comment_for_token(token)  # a retry of a form stored before (the window closed since)
        if existing is not None:
            return existing, False
        raise
    comment.idempotency_token = token or None
    try:
        with db.session.begin_nested():  # the unique token: a retry or a concurrent twin of this form
            db.session.add(comment)
    except sa.exc.IntegrityError:
        twin = comment_for_token(token)
        if twin is None:
            raise
        return twin, False
    announce(hooks.comment_submitted, comment=comment, data=data)
    return comment, True


def _new_comment(consultation, article_id, data, cipher, max_chars, now, item) -> Comment:
    if not consultation.accepts_comments(now or utcnow()):
        raise CommentError("closed")
    if item is not None:
        if item.version_id != consultation.version_id:
            raise CommentError("unknown_article")
        article_id = item.article_id
    check_article(consultation, article_id)
    comment = _build(consultation, article_id, data, cipher, max_chars)
    comment.amendment_item_id = item.id if item is not None else None
    comment.state = "pending" if consultation.premoderation else "approved"
    return comment


def comment_for_token(token: str) -> Comment | None:
    return db.session.scalar(sa.select(Comment).filter_by(idempotency_token=token)) if token else None


def record_comment(
    actor,
    consultation: Consultation,
    article_id: int | None,
    data: CommentInput,
    *,
    cipher: ContactCipher,
    max_chars: int,
) -> Comment:
    """An opinion that arrived by letter, e-mail, a deputy, a liaison station or a seminar."""
    if data.source == "web":
        raise CommentError("unknown_source")
    check_article(consultation, article_id)
    comment = _build(consultation, article_id, data, cipher, max_chars)
    comment.state, comment.recorded_by_id, comment.moderated_at = "approved", actor.id, utcnow()
    db.session.add(comment)
    db.session.flush()
    _log(actor, comment, "record", note=data.source)
    return comment


def _log(
    actor,
    comment: Comment | None,
    action: str,
    reason: str | None = None,
    note: str = "",
    consultation_id: int | None = None,
) -> None:
    db.session.add(
        ModerationEvent(
            comment_id=comment.id if comment else None,
            consultation_id=comment.consultation_id if comment else consultation_id,
            actor_id=actor.id,
            action=action,
            reason=reason,
            note=note,
        )
    )


@dataclass(frozen=True)
class Approval:
    changed: int
    held: int  # left pending: their public text carries personal data


def approve(actor, comments: list[Comment], *, personal_data_checked: bool = False) -> Approval:
    """Approve these comments. One whose public text still holds personal data (an ID number, a
    phone, an address …) stays pending unless a moderator checked it on its own page."""
    changed = held = 0
    for comment in comments:
        if not personal_data_checked and comment.state != "approved" and find_personal_data(comment.shown_text):
            held += 1
            continue
        if comment.state != "approved":
            comment.state, comment.reject_reason, comment.moderated_at = "approved", None, utcnow()
            _log(actor, comment, "approve")
            changed += 1
    db.session.flush()
    return Approval(changed, held)


def reject(actor, comments: list[Comment], reason: str, note: str = "") -> int:
    if reason not in REJECT_REASONS:
        raise CommentError("unknown_reason")
    changed = 0
    for comment in comments:
        if comment.state != "rejected" or comment.reject_reason != reason:
            comment.state, comment.reject_reason, comment.moderated_at = "rejected", reason, utcnow()
            _log(actor, comment, "reject", reason=reason, note=note)
            changed += 1
    db.session.flush()
    return changed


def redact(actor, comment: Comment, public_text: str, note: str = "") -> None:
    """Set the text the public sees; the original stays in `body`, on record."""
    public_text = public_text.strip()
    if not public_text:
        raise CommentError("empty")
    comment.public_body = None if public_text == comment.body else public_text
    _log(actor, comment, "redact", note=note)
    db.session.flush()


def mask_personal_data_of(actor, comment: Comment, note: str) -> None:
    """One-click redaction: the public text with every piece of personal data masked."""
    redact(actor, comment, mask_personal_data(comment.shown_text), note=note)


def set_premoderation(actor, consultation: Consultation, enabled: bool) -> None:
    if consultation.premoderation != enabled:
        consultation.premoderation = enabled
        _log(actor, None, "premoderation_on" if enabled else "premoderation_off", consultation_id=consultation.id)
        db.session.flush()


def resident_status(comment: Comment) -> str:
    """received / published / not_public (the answered state joins with the digests)."""
    if comment.state == "pending":
        return "received"
    return "published" if comment.is_public else "not_public"
