"""An Atom feed (RFC 4287) of what a resident may want to follow: consultations opening and closing,
and feedback reports (意见采纳情况) published. Newest first; only what is public."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from feedgen.feed import FeedGenerator
from flask import url_for
from flask_babel import gettext as _

from consult.digests.models import FeedbackReport
from consult.drafts.models import Consultation
from consult.extensions import db

LIMIT = 50


def _entries(now: datetime) -> list[tuple[datetime, str, str, str]]:
    """(when, id, title, link) of each event, from the public consultations and reports."""
    found = []
    consultations = db.session.scalars(sa.select(Consultation).where(Consultation.status != "draft")).all()
    for c in consultations:
        link = url_for("drafts.draft", slug=c.slug, _external=True)
        opened = c.opens_at or c.created_at
        if opened <= now:
            found.append((opened, f"consultation-{c.id}-open", _("开始征求意见：%(title)s", title=c.title), link))
        if c.closes_at and c.closes_at <= now:
            found.append((c.closes_at, f"consultation-{c.id}-close", _("征求意见截止：%(title)s", title=c.title), link))
    reports = db.session.execute(
        sa.select(FeedbackReport, Consultation)
        .join(Consultation, Consultation.id == FeedbackReport.consultation_id)
        .where(FeedbackReport.published_at.is_not(None), Consultation.status != "draft")
    ).all()
    for report, c in reports:
        link = url_for("digests.report", slug=c.slug, _external=True)
        found.append((report.published_at or now, f"report-{c.id}", _("意见采纳情况：%(title)s", title=c.title), link))
    return sorted(found, key=lambda e: e[0], reverse=True)[:LIMIT]


def consultations_feed(now: datetime, host: str) -> bytes:
    feed = FeedGenerator()
    feed.id(f"tag:{host},2026:consultations")
    feed.title(_("开门立法 意见征集"))
    feed.link(href=url_for("site.feed", _external=True), rel="self")
    feed.link(href=url_for("site.home", _external=True), rel="alternate")
    feed.language("zh-Hans")
    entries = _entries(now)
    feed.updated(entries[0][0] if entries else now)
    for when, ident, title, link in reversed(entries):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"tag:{host},2026:{ident}")
        entry.title(title)
        entry.link(href=link)
        entry.updated(when)
    return feed.atom_str(pretty=True)
