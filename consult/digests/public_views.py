"""The public feedback report (意见采纳情况)."""

from __future__ import annotations

from flask import abort, render_template

from consult.accounts.access import public
from consult.db import utcnow
from consult.digests import queries, stance_queries
from consult.digests.models import FeedbackReport
from consult.drafts import queries as draft_queries
from consult.extensions import db


@public
def report(slug: str):
    consultation = draft_queries.public_consultation(slug) or abort(404)
    published = db.session.get(FeedbackReport, consultation.id)
    if published is None or published.published_at is None:
        abort(404)
    structure = draft_queries.load_structure(consultation.version_id)
    sections = [
        (a, queries.themes_for(consultation.id, a.article_id if a else None, quotes=1, publishable=True))
        for a in (None, *structure.articles)
    ]
    total = sum(v.theme.size for _a, views in sections for v in views)
    return render_template(
        "digests/feedback.html",
        consultation=consultation,
        report=published,
        sections=[(a, views) for a, views in sections if views],
        total=total,
        stances=stance_queries.by_article(consultation.id),
        now=utcnow(),
    )
