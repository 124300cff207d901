"""Staff withdraw a suggestion from the public site, or publish it again: one POST from the form in
suggestions/_publication.html."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.extensions import db
from consult.suggestions import queries
from consult.suggestions.labels import error_message
from consult.suggestions.models import Suggestion
from consult.suggestions.publication import PUBLICATION_ROLES, set_publication
from consult.suggestions.services import SuggestionError
from consult.unit_of_work import refuse_with_flash


@roles_required(*PUBLICATION_ROLES)
def publication(suggestion_id: int):
    suggestion = db.get_or_404(Suggestion, suggestion_id)
    if not queries.may_see(current_user, suggestion):
        abort(404)
    wanted = request.form.get("public")
    # The form says which way; a form without it (an older page) turns publication over.
    public = wanted == "1" if wanted in ("0", "1") else not suggestion.public
    try:
        set_publication(current_user, suggestion, public)
    except SuggestionError as error:
        refuse_with_flash(error_message(error.code, **error.detail))
    else:
        flash(_("已恢复公开。") if public else _("已撤回公开，公众网页和开放数据中不再显示这条建议。"), "success")
    return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
