"""Subscribing (pending until the link sent to the address is followed), confirming, unsubscribing,
and putting messages in the outbox. Services flush; the view, command or job commits."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app, render_template
from flask_babel import force_locale

from consult.comments.privacy import contact_cipher
from consult.db import utcnow
from consult.extensions import db
from consult.notifications import links
from consult.notifications.labels import SUBJECTS
from consult.notifications.models import OutgoingMessage, Subscription


def enabled() -> bool:
    """E-mail is offered only where it can be sent."""
    return bool(current_app.config.get("SMTP_URL"))


def subscribe(
    draft_id: int, email: str, comment_id: int | None = None, registration_id: int | None = None, state="pending"
) -> Subscription:
    """A pending subscription to a draft (every round of it), to one comment's fate or to a hearing
    registration's result (confirmed: the form asked for the contact to tell it). Following the same
    draft again from the same address reuses the subscription (a new confirmation is sent), and so
    does a registration told again."""
    cipher = contact_cipher()
    key = cipher.fingerprint(email)
    if comment_id is None:
        same = (
            Subscription.registration_id == registration_id
            if registration_id is not None
            else sa.and_(Subscription.draft_id == draft_id, Subscription.registration_id.is_(None))
        )
        existing = db.session.scalar(
            sa.select(Subscription).where(same, Subscription.email_key == key, Subscription.comment_id.is_(None))
        )
        if existing is not None:
            existing.state = "confirmed" if "confirmed" in (existing.state, state) else "pending"
            return existing
    subscription = Subscription(
        draft_id=draft_id, comment_id=comment_id, registration_id=registration_id,
        email_encrypted=cipher.encrypt(email), email_key=key, state=state,
    )  # fmt: skip
    db.session.add(subscription)
    db.session.flush()
    return subscription


def confirm(subscription: Subscription) -> None:
    if subscription.state == "pending":
        subscription.state, subscription.confirmed_at = "confirmed", utcnow()


def unsubscribe(subscription: Subscription) -> None:
    if subscription.state != "unsubscribed":
        subscription.state, subscription.unsubscribed_at = "unsubscribed", utcnow()


def by_token(token: str, purpose: str) -> Subscription | None:
    subscription_id = links.subscription_id_of(token, purpose)
    return db.session.get(Subscription, subscription_id) if subscription_id is not None else None


def queue_message(subscription: Subscription, kind: str, **context) -> OutgoingMessage:
    """Render the message now (in the city's language: residents' own) and put it in the outbox."""
    unsubscribe_url = links.subscription_link(subscription.id, "unsubscribe")
    context |= {"confirm_url": links.subscription_link(subscription.id, "confirm"), "unsubscribe_url": unsubscribe_url}
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        context["subject"] = str(SUBJECTS[kind]) % context
        message = OutgoingMessage(
            subscription_id=subscription.id,
            kind=kind,
            subject=context["subject"],
            text=render_template(f"notifications/mail/{kind}.txt", **context),
            html=render_template(f"notifications/mail/{kind}.html", **context),
            unsubscribe_url=unsubscribe_url,
        )
    db.session.add(message)
    db.session.flush()
    return message


def confirmed(*where) -> list[Subscription]:
    return list(db.session.scalars(sa.select(Subscription).where(Subscription.state == "confirmed", *where)))
