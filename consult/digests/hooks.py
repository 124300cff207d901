"""What digests add to other domains' pages: the answer on a receipt, the link to the feedback report."""

from __future__ import annotations

from consult import hooks
from consult.digests import mentions, queries, stance_queries, tallies
from consult.digests.labels import DECISION_LABELS
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


@hooks.changes_page.connect
def earlier_answers(_app, earlier, **_):
    if earlier is None:
        return {"earlier_stances": {}, "earlier_answers": {}}
    return {
        "earlier_stances": stance_queries.by_article(earlier.id),
        # (the drafter's name for the theme, the decision) per article: what may be shown outside.
        "earlier_answers": {
            article_id: [(t.public_label, str(DECISION_LABELS.get(t.decision or "", t.decision))) for t in themes]
            for article_id, themes in queries.answered_by_article(earlier.id).items()
        },
    }


@hooks.fingerprints_refreshed.connect
def recount_residents(_app, **_):
    tallies.recount_everywhere()
