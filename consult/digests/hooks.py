"""What digests add to other domains' pages: the answer on a receipt, the link to the feedback report."""

from __future__ import annotations

from consult import hooks
from consult.digests import mentions, queries
from consult.digests.models import AnswerDispute, FeedbackReport
from consult.extensions import db


@hooks.receipt_page.connect
def receipt_answer(app, comment, **_):
    hold_below = app.config["DIGEST_HOLD_BELOW"]
    found = {"also_answers": mentions.answers_for(comment.id, hold_below)}
    answer = queries.answer_for(comment.id, hold_below)
    if answer:
        return {**found, "answer": answer, "status": "answered"}
    return {**found, "answer_disputed": db.session.get(AnswerDispute, comment.id) is not None}


@hooks.draft_page.connect
def feedback_link(_app, consultation, **_):
    published = db.session.get(FeedbackReport, consultation.id)
    return {"feedback_published": bool(published and published.published_at)}
