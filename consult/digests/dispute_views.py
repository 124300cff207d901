"""A resident tells us, from their receipt, that the answer shown is not about their point."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _

from consult.accounts.access import public
from consult.comments import queries as comment_queries
from consult.comments.receipts import parse_receipt
from consult.digests import holds, mentions
from consult.digests.labels import error_message
from consult.extensions import limiter
from consult.forms import ActionForm
from consult.unit_of_work import refuse_with_flash


@public
@limiter.limit(lambda: current_app.config["RECEIPT_RATE_LIMIT"])
def not_my_point(receipt: str):
    canonical = parse_receipt(receipt)
    comment = comment_queries.by_receipt(canonical) if canonical else None
    if comment is None:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    other_theme = request.form.get("theme", type=int)  # an answer reaching one of its other points
    try:
        if other_theme is not None:
            mentions.dispute(comment.id, other_theme)
        else:
            holds.dispute(comment.id, comment.consultation_id)
    except holds.HoldError as error:
        refuse_with_flash(error_message(error.code))
    else:
        flash(_("谢谢您的反馈。工作人员会重新查看您的意见归在哪一类，确认后这里会显示对应的答复。"), "success")
    return redirect(url_for("comments.receipt", receipt=comment.receipt), code=303)
