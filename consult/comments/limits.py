"""How often one address may submit comments: one budget for the article form, the whole-draft form,
the amendment-item form and the API, so alternating between them gains nothing."""

from flask import current_app

from consult.extensions import limiter


def _comment_limit() -> str:
    return current_app.config["COMMENT_RATE_LIMIT"]


comment_limit = limiter.shared_limit(_comment_limit, scope="comment-submissions")
