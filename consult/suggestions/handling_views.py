"""What people do with a suggestion besides moving it on: its deputy edits the draft, names co-signers
and attaches files; a named deputy confirms or withdraws their 附议; units file progress reports and
co-unit opinions; whoever may see it downloads its files."""

from __future__ import annotations

from io import BytesIO

from flask import abort, current_app, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.extensions import db
from consult.forms import ActionForm
from consult.suggestions import attachments, cosigning, duplicates, progress, services
from consult.suggestions.forms import AttachmentForm, CoOpinionForm, ProgressForm, SuggestionForm
from consult.suggestions.labels import error_message
from consult.suggestions.models import SuggestionAttachment
from consult.suggestions.views import deputy, everyone, render_suggestion, visible_or_404
from consult.unit_of_work import refuse, refuse_with_flash

unit = everyone  # the services check that it is the right unit; others are refused with a message


def read_upload(upload) -> bytes:
    return upload.read(int(current_app.config["SUGGESTION_ATTACHMENT_MB"]) * 1024 * 1024 + 1)


def _refused_here(form_field, error: services.SuggestionError) -> bool:
    """Input the person may correct is shown beside its field (True); a step not theirs or not open now
    is said in a message on the suggestion's page (False: redirect)."""
    if error.code in ("not_yours", "not_now"):
        refuse_with_flash(error_message(error.code, **error.detail))
        return False
    refuse(form_field, error_message(error.code, **error.detail))
    return True


def _back(suggestion_id: int, message: str):
    flash(message, "success")
    return redirect(url_for("suggestions.detail", suggestion_id=suggestion_id))


@deputy
def edit(suggestion_id: int):
    suggestion = visible_or_404(suggestion_id)
    try:
        services.own_draft(current_user, suggestion)
    except services.SuggestionError as error:
        refuse_with_flash(error_message(error.code, **error.detail))
        return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
    form = SuggestionForm(obj=suggestion)
    form.cosigners.choices = [(d.id, d.display_name or d.email) for d in cosigning.deputies_besides(current_user)]
    if not form.is_submitted():
        form.cosigners.data = [user.id for user, _at in cosigning.cosigners_of(suggestion)]
    if form.validate_on_submit():
        try:
            services.update(current_user, suggestion, form.title.data, form.body.data, form.category.data or "")
            cosigning.name_cosigners(current_user, suggestion, form.cosigners.data or [])
        except services.SuggestionError as error:
            refuse(form.body, error_message(error.code, **error.detail))
        else:
            return _back(suggestion.id, _("草稿已保存。"))
    status = 422 if form.errors else 200
    return render_template("suggestions/new.html", form=form, suggestion=suggestion), status


def _one_step(suggestion_id: int, act, message: str):
    suggestion = visible_or_404(suggestion_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        act(current_user, suggestion)
    except services.SuggestionError as error:
        refuse_with_flash(error_message(error.code, **error.detail))
        return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
    return _back(suggestion.id, message)


@deputy
def cosign(suggestion_id: int):
    return _one_step(suggestion_id, cosigning.confirm, _("已确认附议。"))


@deputy
def uncosign(suggestion_id: int):
    return _one_step(suggestion_id, cosigning.withdraw, _("已撤回附议。"))


def _report(suggestion_id: int, file, message: str, form_key: str):
    suggestion = visible_or_404(suggestion_id)
    form = (ProgressForm if form_key == "progress" else CoOpinionForm)(prefix=form_key)
    if form.validate_on_submit():
        try:
            file(current_user, suggestion, form.text.data)
        except services.SuggestionError as error:
            if not _refused_here(form.text, error):
                return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
        else:
            return _back(suggestion.id, message)
    return render_suggestion(suggestion, extra_forms={form_key: form}, status=422)


@unit
def report_progress(suggestion_id: int):
    return _report(suggestion_id, progress.file_progress, _("办理进度已报送。"), "progress")


@unit
def co_opinion(suggestion_id: int):
    return _report(suggestion_id, progress.file_co_opinion, _("协办意见已报送。"), "co_opinion")


@deputy
def attach(suggestion_id: int):
    suggestion = visible_or_404(suggestion_id)
    form = AttachmentForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            attachments.attach_to_draft(current_user, suggestion, upload.filename or "", read_upload(upload))
        except services.SuggestionError as error:
            if not _refused_here(form.file, error):
                return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
        else:
            return _back(suggestion.id, _("附件已上传。"))
    return render_suggestion(suggestion, extra_forms={"attachment": form}, status=422)


@deputy
def detach(suggestion_id: int, attachment_id: int):
    suggestion = visible_or_404(suggestion_id)
    attachment = db.get_or_404(SuggestionAttachment, attachment_id)
    return _one_step(suggestion.id, lambda who, s: attachments.remove_from_draft(who, s, attachment), _("附件已删除。"))


@everyone
def download(suggestion_id: int, attachment_id: int):
    suggestion = visible_or_404(suggestion_id)
    attachment = db.get_or_404(SuggestionAttachment, attachment_id)
    if attachment.suggestion_id != suggestion.id:
        abort(404)
    return send_file(BytesIO(attachment.data), mimetype=attachment.content_type, as_attachment=True,
                     download_name=attachment.filename, max_age=0)  # fmt: skip


@roles_required("drafter", "organizer", "moderator")
def similar_groups():
    return render_template("suggestions/similar.html", groups=duplicates.undecided_groups())
