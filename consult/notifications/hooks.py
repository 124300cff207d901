"""What becomes a message, and when: a receipt when a resident who ticked the box comments, the
answer when the answers are published, the next round when it is published. Only confirmed
subscriptions get anything but the first message, and an address gets one message per event."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app, has_request_context
from flask_babel import force_locale, gettext

from consult import hooks
from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.digests.labels import DECISION_LABELS
from consult.digests.queries import answer_for
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.forms import is_phone_or_email
from consult.hearings import labels as hearing_labels
from consult.notifications import services, tasks
from consult.notifications.links import absolute
from consult.notifications.models import Subscription
from consult.notifications.sms import sms_backend
from consult.unit_of_work import after_commit


def _send_after_commit() -> None:
    if has_request_context():
        after_commit(tasks.send_soon)  # the periodic task sends what a command queued


@hooks.comment_submitted.connect
def receipt(_app, comment: Comment, data, **_):
    contact = (data.contact or "").strip()
    if not data.wants_updates or not contact or not is_phone_or_email(contact):
        return
    consultation = comment.consultation
    receipt_url = absolute("comments.receipt", receipt=comment.receipt)
    if "@" not in contact:
        with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
            text = gettext("%(title)s：已收到您的意见，回执号 %(receipt)s。查看处理情况：%(url)s") % {
                "title": consultation.title,
                "receipt": comment.receipt,
                "url": receipt_url,
            }
        if has_request_context():
            after_commit(lambda: sms_backend().send(contact, text))
        return
    if not services.enabled():
        return
    subscription = services.subscribe(consultation.draft_id, contact, comment.id)
    services.queue_message(
        subscription, "receipt", title=consultation.title, receipt=comment.receipt, receipt_url=receipt_url
    )
    _send_after_commit()


@hooks.report_published.connect
def answers(_app, consultation: Consultation, **_):
    hold = current_app.config["DIGEST_HOLD_BELOW"]
    subscriptions = services.confirmed(
        Subscription.comment_id.in_(sa.select(Comment.id).where(Comment.consultation_id == consultation.id))
    )
    report_url = absolute("digests.report", slug=consultation.slug)
    for subscription in subscriptions:
        comment = db.session.get_one(Comment, subscription.comment_id)
        answer = answer_for(comment.id, hold)
        if answer is None:
            continue
        services.queue_message(
            subscription, "answer", title=consultation.title, receipt=comment.receipt,
            decision=str(DECISION_LABELS.get(answer.decision, answer.decision)), reason=answer.reason,
            receipt_url=absolute("comments.receipt", receipt=comment.receipt), report_url=report_url,
        )  # fmt: skip
    _send_after_commit()


@hooks.round_published.connect
def next_round(_app, consultation: Consultation, **_):
    """Everyone following the draft, and everyone told about their comment on an earlier round."""
    earlier = sa.select(Comment.id).where(Comment.consultation_id != consultation.id)
    subscriptions = services.confirmed(
        Subscription.draft_id == consultation.draft_id,
        Subscription.registration_id.is_(None),
        sa.or_(Subscription.comment_id.is_(None), Subscription.comment_id.in_(earlier)),
    )
    told: set[str] = set()
    for subscription in subscriptions:
        if subscription.email_key in told:
            continue
        told.add(subscription.email_key)
        services.queue_message(
            subscription, "new_round", title=consultation.title, label=consultation.version.label,
            draft_url=absolute("drafts.draft", slug=consultation.slug),
            changes_url=absolute("drafts.changes", slug=consultation.slug) if consultation.version.position > 1 else "",
        )  # fmt: skip
    _send_after_commit()


@hooks.selection_published.connect
def selection(_app, hearing, registrations, **_):
    """Applicants who left an e-mail "to be told the selection result" (the form says so) are told it."""
    if not services.enabled():
        return
    cipher = contact_cipher()
    for registration in registrations:
        contact = cipher.decrypt(registration.contact_encrypted) if registration.contact_encrypted else None
        if not contact or "@" not in contact:
            continue
        subscription = services.subscribe(
            hearing.consultation.draft_id, contact, registration_id=registration.id, state="confirmed"
        )
        services.queue_message(
            subscription, "selection", title=hearing.title, name=registration.name,
            result=hearing_labels.REGISTRATION_STATE_LABELS.get(registration.state, registration.state),
            reason=registration.selection_reason,
            receipt_url=absolute("hearings.receipt", receipt=registration.receipt),
        )  # fmt: skip
    _send_after_commit()
