"""What digests add to other domains' pages: the answer on a receipt, the link to the feedback report."""

from __future__ import annotations

from consult import hooks
from consult.digests import queries
from consult.digests.models import AnswerDispute, FeedbackReport
from consult.extensions import db


@hooks.receipt_page.connect
def receipt_answer(app, comment, **_):
    answer = queries.answer_for(comment.id, app.config["DIGEST_HOLD_BELOW"])
    if answer:
        return {"answer": answer, "status": "answered"}
    return {"answer_disputed": db.session.get(AnswerDispute, comment.id) is not None}


@hooks.draft_page.connect
def feedback_link(_app, consultation, **_):
    published = db.session.get(FeedbackReport, consultation.id)
    return {"feedback_published": bool(published and published.published_at)}
