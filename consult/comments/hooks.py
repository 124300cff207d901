"""What comments add to the draft and article pages: the forms, published comments and counts."""
from __future__ import annotations

from flask import current_app, request

from consult import hooks
from consult.comments import queries
from consult.comments.forms import CommentForm


def _page_number() -> int:
    return max(1, request.args.get("page", 1, type=int) or 1)


@hooks.draft_page.connect
def draft_comments(_app, consultation, structure, **_):
    counts = queries.public_counts(consultation.id)
    return {
        "comment_counts": counts,
        "general_form": CommentForm(),
        "general_comments": queries.published_page(
            consultation.id, None, _page_number(), current_app.config["COMMENTS_PER_PAGE"]),
    }


@hooks.article_page.connect
def article_comments(_app, consultation, article, form=None, **_):
    return {
        "comment_form": form or CommentForm(),
        "comments": queries.published_page(
            consultation.id, article.article_id, _page_number(), current_app.config["COMMENTS_PER_PAGE"]),
    }
