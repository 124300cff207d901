"""Organizers' pages: create a hearing, announce it, select speakers, record the meeting."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from consult.accounts.access import roles_required
from consult.db import utcnow
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.forms import ActionForm, options
from consult.hearings import queries, services
from consult.hearings.forms import HearingForm
from consult.hearings.labels import error_message
from consult.hearings.models import Hearing
from consult.timezones import from_city_naive, to_city_naive
from consult.unit_of_work import refuse, refuse_with_flash

organizer = roles_required("organizer")


@organizer
def index():
    return render_template(
        "hearings/index.html", hearings=queries.all_hearings(), consultations=queries.consultations_open_to_hearings()
    )


def _form_choices(form: HearingForm, consultation: Consultation) -> None:
    form.articles.choices = options((a.article_id, a.number) for a in load_structure(consultation.version_id).articles)


def _input(form: HearingForm) -> services.HearingInput:
    return services.HearingInput(
        kind=form.kind.data,
        title=form.title.data,
        starts_at=from_city_naive(form.starts_at.data),
        venue=form.venue.data,
        capacity=form.capacity.data,
        speaker_slots=form.speaker_slots.data,
        registration_opens_at=from_city_naive(form.registration_opens_at.data),
        registration_closes_at=from_city_naive(form.registration_closes_at.data),
        announcement=form.announcement.data or "",
        article_ids=tuple(form.articles.data or ()),
    )


@organizer
def edit(consultation_id: int | None = None, hearing_id: int | None = None):
    hearing = db.get_or_404(Hearing, hearing_id) if hearing_id else None
    consultation = hearing.consultation if hearing else db.get_or_404(Consultation, consultation_id)
    form = HearingForm(obj=hearing) if request.method == "GET" and hearing else HearingForm()
    if request.method == "GET" and hearing:
        form.articles.data = [a.id for a in hearing.articles]
        for name in ("starts_at", "registration_opens_at", "registration_closes_at"):
            getattr(form, name).data = to_city_naive(getattr(hearing, name))
    _form_choices(form, consultation)
    if form.validate_on_submit():
        try:
            saved = services.save_hearing(consultation, _input(form), hearing)
        except services.HearingError as error:
            refuse(form.title, error_message(error.code))
        else:
            flash(_("会议信息已保存。"), "success")
            return redirect(url_for("hearings_admin.overview", hearing_id=saved.id))
    return render_template(
        "hearings/edit.html", form=form, hearing=hearing, consultation=consultation
    ), 422 if form.errors else 200


@organizer
def overview(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    counts = queries.registration_counts(hearing.id)
    return render_template(
        "hearings/overview.html",
        hearing=hearing,
        counts=counts,
        events=queries.events(hearing.id),
        action=ActionForm(),
        now=utcnow(),
    )


@organizer
def status(hearing_id: int, status: str):
    hearing = db.get_or_404(Hearing, hearing_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        services.set_status(hearing, status)
    except services.HearingError as error:
        refuse_with_flash(error_message(error.code))
    else:
        flash(_("状态已更新。"), "success")
    return redirect(url_for("hearings_admin.overview", hearing_id=hearing.id))
