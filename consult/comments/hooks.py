"""What comments add to the draft and article pages: the forms, published comments and counts."""

from __future__ import annotations

from flask import current_app

from consult import hooks
from consult.comments import queries
from consult.comments.forms import CommentForm
from consult.http import page_arg


@hooks.draft_page.connect
def draft_comments(_app, consultation, structure, **_):
    counts = queries.public_counts(consultation.id)
    return {
        "comment_counts": counts,
        "general_form": CommentForm(),
        "general_comments": queries.published_page(
            consultation.id, None, page_arg(), current_app.config["COMMENTS_PER_PAGE"]
        ),
    }


@hooks.article_page.connect
def article_comments(_app, consultation, article, form=None, **_):
    return {
        "comment_form": form or CommentForm(),
        "comments": queries.published_page(
            consultation.id, article.article_id, page_arg(), current_app.config["COMMENTS_PER_PAGE"]
        ),
    }


@hooks.amendment_page.connect
def amendment_counts(_app, consultation, **_):
    return {"item_counts": queries.public_counts_by_item(consultation.version_id)}


@hooks.amendment_item_page.connect
def amendment_item_comments(_app, item, form=None, **_):
    return {
        "comment_form": form or CommentForm(),
        "comments": queries.published_on_item(item.id, page_arg(), current_app.config["COMMENTS_PER_PAGE"]),
    }


@hooks.dashboard_page.connect
def dashboard_counts(_app, consultations, **_):
    return {"comment_counts": queries.received_and_pending([c.id for c in consultations])}


@hooks.changes_page.connect
def earlier_comment_counts(_app, earlier, **_):
    return {"earlier_counts": queries.public_counts(earlier.id) if earlier else {}}
