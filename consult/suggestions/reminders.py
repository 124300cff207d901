"""Deadlines the job queue watches: a suggestion still in hand SUGGESTION_REMIND_DAYS before its
deadline, and again once the deadline has passed, gets one e-mail to every account of its lead unit.
A reminder is recorded before it is sent (one per kind and deadline, by a unique constraint), so a
second run or a second worker never sends it twice; a new deadline (重新办理) earns new reminders."""

from __future__ import annotations

import smtplib
from datetime import datetime
from html import escape

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from consult.accounts.models import User
from consult.db import utcnow
from consult.extensions import db
from consult.notifications import mailer
from consult.suggestions.listing import due_soon_clause, overdue_clause
from consult.suggestions.models import Suggestion, SuggestionReminder
from consult.suggestions.periods import due_window


def due(now: datetime) -> list[tuple[Suggestion, str]]:
    """(suggestion, kind) for every reminder owed now and not yet recorded (due soon: the deadline falls
    inside the window, as the lists and figures count it)."""
    now, soon = due_window(now, current_app.config["SUGGESTION_REMIND_DAYS"])
    late_or_soon = sa.or_(overdue_clause(now), due_soon_clause(now, soon))
    in_hand = db.session.scalars(sa.select(Suggestion).where(late_or_soon).order_by(Suggestion.id)).all()
    sent = set(db.session.execute(sa.select(SuggestionReminder.suggestion_id, SuggestionReminder.kind,
                                            SuggestionReminder.due_at)).all())  # fmt: skip
    owed = [(s, "overdue" if s.due_at and s.due_at < now else "due_soon") for s in in_hand]
    return [(s, kind) for s, kind in owed if (s.id, kind, s.due_at) not in sent]


def send_reminders(now: datetime | None = None) -> int:
    """Record and send what is owed; the number of reminders recorded."""
    now = now or utcnow()
    made = 0
    for suggestion, kind in due(now):
        row = SuggestionReminder(suggestion_id=suggestion.id, kind=kind, due_at=suggestion.due_at)
        db.session.add(row)
        try:
            db.session.flush()
        except sa.exc.IntegrityError:  # another worker recorded it first
            db.session.rollback()
            continue
        row.recipients = _mail_unit(suggestion, kind)
        db.session.commit()
        made += 1
    return made


def _mail_unit(suggestion: Suggestion, kind: str) -> int:
    config = current_app.config
    accounts = db.session.scalars(
        sa.select(User).where(User.role == "unit", User.unit_id == suggestion.lead_unit_id, User.active.is_(True))
    ).all()
    if not config.get("SMTP_URL") or not accounts:
        current_app.logger.info("suggestion %s: %s reminder recorded, not mailed", suggestion.id, kind)
        return 0
    subject, text = _message(suggestion, kind)
    delivered = 0
    for account in accounts:
        email = mailer.build(
            config["NOTIFY_FROM"],
            config["LEGISLATURE_NAME"],
            account.email,
            subject,
            text,
            f"<p>{escape(text)}</p>",
            "",
        )  # fmt: skip  (a deputy wrote the title)
        try:
            mailer.send(config["SMTP_URL"], email)
        except (smtplib.SMTPException, OSError) as error:  # the type only: the text may quote the address
            current_app.logger.warning("suggestion %s reminder not sent: %s", suggestion.id, type(error).__name__)
            continue
        delivered += 1
    return delivered


def _message(suggestion: Suggestion, kind: str) -> tuple[str, str]:
    link = f"{current_app.config['PUBLIC_URL'].rstrip('/')}/staff/suggestions/{suggestion.id}"
    deadline = suggestion.due_at.date().isoformat() if suggestion.due_at else ""
    if kind == "overdue":
        subject = _("第 %(n)d 号代表建议已超过答复期限", n=suggestion.id)
    else:
        subject = _("第 %(n)d 号代表建议即将到期", n=suggestion.id)
    text = _("《%(title)s》的答复期限是 %(date)s。请按期答复：%(link)s",
             title=suggestion.title, date=deadline, link=link)  # fmt: skip
    return subject, text
