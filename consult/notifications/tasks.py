"""Sending the outbox on the job queue: due messages go out oldest first, at most NOTIFY_PER_HOUR in
any hour; a failed attempt waits longer each time and gives up after NOTIFY_ATTEMPTS. Each message is
committed on its own, so a crash loses nothing and sends nothing twice (a row is marked sent right
after the server accepted it)."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from huey import crontab

from consult.comments.privacy import contact_cipher
from consult.db import utcnow
from consult.extensions import db
from consult.jobs import huey, in_app_context
from consult.notifications import mailer
from consult.notifications.models import OutgoingMessage, Subscription

BACKOFF_MINUTES = (1, 5, 30, 120)


def send_due() -> int:
    """Send what is due within the hourly cap; the number sent."""
    config, now = current_app.config, utcnow()
    if not config.get("SMTP_URL"):
        return 0
    sent_last_hour = db.session.scalar(
        sa.select(sa.func.count(OutgoingMessage.id)).where(OutgoingMessage.sent_at >= now - timedelta(hours=1))
    )
    budget = int(config["NOTIFY_PER_HOUR"]) - (sent_last_hour or 0)
    if budget <= 0:
        return 0
    due = db.session.scalars(
        sa.select(OutgoingMessage)
        .where(OutgoingMessage.state == "queued", OutgoingMessage.next_attempt_at <= now)
        .order_by(OutgoingMessage.id)
        .limit(budget)
    ).all()
    sent = 0
    for message in due:
        sent += _attempt(message)
        db.session.commit()
    return sent


def _attempt(message: OutgoingMessage) -> int:
    subscription = db.session.get_one(Subscription, message.subscription_id)
    address = contact_cipher().decrypt(subscription.email_encrypted)
    if subscription.state == "unsubscribed" or address is None:
        message.state, message.last_error = "failed", "unsubscribed" if address else "address unreadable"
        return 0
    config = current_app.config
    email = mailer.build(
        config["NOTIFY_FROM"], config["LEGISLATURE_NAME"], address, message.subject, message.text, message.html,
        message.unsubscribe_url,
    )  # fmt: skip
    message.attempts += 1
    try:
        mailer.send(config["SMTP_URL"], email)
    except (smtplib.SMTPException, OSError) as error:
        # The error's type and SMTP code only: its text may quote the address.
        message.last_error = f"{type(error).__name__} {getattr(error, 'smtp_code', '')}".strip()
        if message.attempts >= int(config["NOTIFY_ATTEMPTS"]):
            message.state = "failed"
        else:
            wait = BACKOFF_MINUTES[min(message.attempts - 1, len(BACKOFF_MINUTES) - 1)]
            message.next_attempt_at = utcnow() + timedelta(minutes=wait)
        current_app.logger.warning(
            "message %s not sent (attempt %s): %s", message.id, message.attempts, message.last_error
        )
        return 0
    message.state, message.sent_at, message.last_error = "sent", utcnow(), ""
    return 1


@huey.task()
@in_app_context
def send_due_job() -> int:
    return send_due()


@huey.periodic_task(crontab(minute="*"))
@in_app_context
def send_due_every_minute() -> int:
    """Retries, and whatever the hourly cap held back."""
    return send_due()


def send_soon() -> None:
    """After a commit that queued messages: send now (JOBS_INLINE) or ask a worker to."""
    if current_app.config.get("JOBS_INLINE"):
        send_due()
        return
    try:
        send_due_job()
    except Exception:  # the queue is down: the periodic task sends them once it is back
        current_app.logger.exception("could not enqueue sending the outbox")
