"""A drafter tags a comment's stance in one click; the article's suggestions follow in the background."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.comments.models import Comment
from consult.digests import stance_queries, stances, tasks
from consult.digests.labels import STANCE_LABELS, error_message
from consult.extensions import db
from consult.forms import ActionForm
from consult.http import safe_next
from consult.unit_of_work import after_commit, refuse_with_flash


@roles_required("drafter")
def tag(comment_id: int):
    comment = db.get_or_404(Comment, comment_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    back = safe_next(
        request.values.get("next"), url_for("digests_admin.draft", consultation_id=comment.consultation_id)
    )
    chosen = request.form.get("stance", "")
    try:
        stances.tag(current_user, comment.consultation_id, comment.id, chosen)
    except stances.StanceError as error:
        refuse_with_flash(error_message(error.code))
        return redirect(back)
    key = stance_queries.article_key_of(comment.id)
    if key is not None:
        after_commit(lambda: tasks.enqueue_stances(comment.consultation_id, key))
    if chosen:
        flash(_("已标为“%(stance)s”；其余意见的建议立场随之更新。", stance=STANCE_LABELS[chosen]), "success")
    else:
        flash(_("已取消标注，改由系统建议。"), "success")
    return redirect(back + f"#comment-{comment.id}")
