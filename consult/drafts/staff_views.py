"""Drafter pages: import a draft, check the parse, save it, open and close the consultation."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult import hooks
from consult.accounts.access import roles_required, staff_required
from consult.db import utcnow
from consult.drafts import queries, services
from consult.drafts.forms import ConsultationForm, ImportForm, SaveDraftForm, ScheduleForm
from consult.drafts.importers import DraftFileError
from consult.drafts.messages import error_message
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.forms import ActionForm
from consult.timezones import from_city_naive, to_city_naive
from consult.unit_of_work import refuse, refuse_with_flash

drafter = roles_required("drafter")


@staff_required
def dashboard():
    consultations = queries.all_consultations()
    counts = queries.article_counts([c.version_id for c in consultations])
    extra = hooks.collect(hooks.dashboard_page, consultations=consultations)
    return render_template("staff/dashboard.html", consultations=consultations, counts=counts, now=utcnow(), **extra)


@drafter
def new_import():
    form = ImportForm()
    if form.validate_on_submit():
        upload = form.source.data
        pasted = (form.pasted.data or "").strip() or None
        try:
            if upload and upload.filename and pasted:
                raise services.DraftError("both_given")
            if not (upload and upload.filename) and not pasted:
                raise services.DraftError("nothing_given")
            if pasted:
                preview = services.stage_import(current_user, "", pasted=pasted)
            else:
                data = upload.read(current_app.config["MAX_CONTENT_LENGTH"] + 1)
                preview = services.stage_import(current_user, upload.filename, data)
        except (DraftFileError, services.DraftError) as error:
            # The message goes where the drafter looks: under the pasted text when that was used.
            used = form.pasted if pasted and not (upload and upload.filename) else form.source
            refuse(used, error_message(error.code, **error.detail))
        else:
            return redirect(url_for("drafts_admin.preview_import", token=preview.pending.token))
    return render_template("staff/import.html", form=form), 422 if form.errors else 200


@drafter
def preview_import(token: str):
    try:
        preview = services.load_pending(current_user, token)
    except (DraftFileError, services.DraftError):
        abort(404)
    form = SaveDraftForm(title=preview.parsed.title)
    if form.validate_on_submit():
        try:
            consultation = services.save_pending(
                current_user,
                token,
                title=form.title.data,
                slug=form.slug.data,
                memo=form.memo.data or "",
                label=form.label.data,
            )
        except services.DraftError as error:
            refuse(form.slug, error_message(error.code, **error.detail))
        else:
            flash(_("草案已保存。检查无误后，可以发布并开始征求意见。"), "success")
            return redirect(url_for("drafts_admin.consultation", consultation_id=consultation.id))
    return render_template("staff/preview.html", form=form, preview=preview), 422 if form.errors else 200


def _consultation(consultation_id: int) -> Consultation:
    return db.get_or_404(Consultation, consultation_id)


@drafter
def consultation(consultation_id: int):
    item = _consultation(consultation_id)
    form = ConsultationForm(obj=item)
    if form.validate_on_submit():
        try:
            services.update_consultation(item, title=form.title.data, slug=form.slug.data, memo=form.memo.data or "")
        except services.DraftError as error:
            refuse(form.slug, error_message(error.code, **error.detail))
        else:
            flash(_("修改已保存。"), "success")
            return redirect(url_for("drafts_admin.consultation", consultation_id=item.id))
    schedule = ScheduleForm(prefix="schedule", **_local_window(item))
    return _render_consultation(item, form, schedule)


def _render_consultation(item, form, schedule):
    structure = queries.load_structure(item.version_id)
    status = 422 if (form.errors or schedule.errors) else 200
    return render_template(
        "staff/consultation.html",
        item=item,
        form=form,
        schedule=schedule,
        action=ActionForm(),
        structure=structure,
        now=utcnow(),
    ), status


def _local_window(item: Consultation) -> dict:
    return {name: to_city_naive(getattr(item, name)) for name in ("opens_at", "closes_at") if getattr(item, name)}


@drafter
def schedule(consultation_id: int):
    item = _consultation(consultation_id)
    schedule_form = ScheduleForm(prefix="schedule")
    if schedule_form.validate_on_submit():
        try:
            services.schedule_consultation(
                item, from_city_naive(schedule_form.opens_at.data), from_city_naive(schedule_form.closes_at.data)
            )
        except services.DraftError as error:
            refuse(schedule_form.closes_at, error_message(error.code))
        else:
            flash(_("征求意见期已设定。"), "success")
            return redirect(url_for("drafts_admin.consultation", consultation_id=item.id))
    return _render_consultation(item, ConsultationForm(obj=item), schedule_form)


@drafter
def change_status(consultation_id: int, action: str):
    item = _consultation(consultation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        (services.close_consultation if action == "close" else services.archive_consultation)(item)
    except services.DraftError as error:
        refuse_with_flash(error_message(error.code))
    else:
        flash(_("征求意见已截止。") if action == "close" else _("已归档。"), "success")
    return redirect(url_for("drafts_admin.consultation", consultation_id=item.id))
