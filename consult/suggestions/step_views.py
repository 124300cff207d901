"""One POST per step of a suggestion; the service refuses what the state machine does not allow."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.models import Unit
from consult.extensions import db
from consult.forms import ActionForm
from consult.suggestions import attachments, queries, services
from consult.suggestions.handling_views import read_upload
from consult.suggestions.labels import error_message
from consult.suggestions.models import Suggestion
from consult.suggestions.views import everyone, forms_for, render_suggestion, visible_or_404
from consult.unit_of_work import refuse, refuse_with_flash


def _done(suggestion: Suggestion, message: str):
    flash(message, "success")
    return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))


@everyone
def take(suggestion_id: int, action: str):
    suggestion = visible_or_404(suggestion_id)
    forms = forms_for(suggestion, queries.units())
    handler = HANDLERS.get(action)
    if handler is None:
        abort(404)
    try:  # a step not open now (or not to this person) is refused before its form is read
        services.check(
            current_user, suggestion, "reopen" if action == "rate" and _unhappy() else STEP_OF.get(action, action)
        )
    except services.SuggestionError as error:
        refuse_with_flash(error_message(error.code, **error.detail))
        return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
    form_key, field_name = FORM_OF.get(action, ("", ""))
    form = forms.get(form_key) or ActionForm()
    if not form.validate_on_submit():
        return render_suggestion(suggestion, forms, 422)
    try:
        message = handler(suggestion, form)
    except services.SuggestionError as error:
        field_name = error.detail.pop("field", field_name)  # a refused file is shown beside its field
        if field_name:  # shown beside what was typed, which stays in the form
            refuse(form[field_name], error_message(error.code, **error.detail))
            return render_suggestion(suggestion, forms, 422)
        refuse_with_flash(error_message(error.code, **error.detail))
        return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
    return _done(suggestion, message)


def _submit(suggestion, _form):
    services.submit(current_user, suggestion)
    return _("建议已提交。")


def _accept(suggestion, _form):
    services.accept(current_user, suggestion)
    return _("建议已立案，等待交办。")


def _return(suggestion, form):
    services.return_to_deputy(current_user, suggestion, form.note.data)
    return _("建议已退回代表修改。")


def _merge(suggestion, form):
    services.merge(current_user, suggestion, db.get_or_404(Suggestion, form.into.data))
    return _("已并案。")


def _assign(suggestion, form):
    lead = db.session.get(Unit, int(form.lead.data)) if (form.lead.data or "").isdigit() else None
    if lead is None:
        raise services.SuggestionError("unknown_unit")
    co_units = [u for u in (db.session.get(Unit, i) for i in form.co_units.data or []) if u is not None]
    services.assign(current_user, suggestion, lead, co_units, complex_=form.complex_.data, key=form.key.data,
                    supervisor=form.supervisor.data or "")  # fmt: skip
    return _("已交办给%(unit)s。", unit=lead.name)


def _answer(suggestion, form):
    reply = services.answer(current_user, suggestion, form.category.data, form.text.data, not form.not_public.data)
    upload = form.attachment.data
    if upload and upload.filename:
        try:
            attachments.attach_to_answer(current_user, reply, upload.filename, read_upload(upload))
        except services.SuggestionError as error:
            error.detail["field"] = "attachment"
            raise
    return _("答复已提交，等待代表评判。")


def _rate(suggestion, form):
    services.rate(current_user, suggestion, form.rating.data, form.comment.data or "")
    return _("评判已提交。")


HANDLERS = {"submit": _submit, "accept": _accept, "return": _return, "merge": _merge, "assign": _assign,
            "answer": _answer, "rate": _rate}  # fmt: skip
STEP_OF = {"return": "return_"}  # the URL's name → the state machine's


def _unhappy() -> bool:
    """Rating 不满意 takes the "reopen" step, the others "rate"."""
    return request.form.get("rating") == "unsatisfied"


# The form of each step that has one, and the field its refusal is shown beside.
FORM_OF = {
    "return": ("note", "note"), "merge": ("merge", "into"), "assign": ("assign", "lead"),
    "answer": ("answer", "text"), "rate": ("rate", "comment"),
}  # fmt: skip
