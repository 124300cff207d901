"""A station account's pages: what the station recorded, and the two things it records — a resident's
opinion on a draft in consultation, or a matter for one of the station's deputies. An account sees its
own station's records only."""

from __future__ import annotations

from datetime import date, datetime, time

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.accounts.models import User
from consult.comments.privacy import contact_cipher
from consult.comments.services import CommentInput
from consult.db import utcnow
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.forms import options
from consult.stations import queries, services
from consult.stations.forms import MatterForm, OpinionForm
from consult.stations.labels import error_message
from consult.stations.models import Station
from consult.timezones import city_zone
from consult.unit_of_work import refuse

station_account = roles_required("station")
# Which field a refusal of record_matter is shown beside (the text otherwise).
FIELD_OF_MATTER = {"deputy_not_at_station": "deputy", "date_missing": "received_on", "date_in_future": "received_on"}


def own_station() -> Station:
    """The signed-in account's station; an account without one (an admin) has no station pages."""
    if current_user.station_id is None:
        abort(403)
    return db.get_or_404(Station, current_user.station_id)


def _today() -> date:
    return utcnow().astimezone(city_zone()).date()


@station_account
def home():
    station = own_station()
    opinions = queries.opinions_of(station.id)
    return render_template(
        "stations/station_home.html", station=station, opinions=opinions, matters=queries.matters_of(station.id),
        article_numbers=queries.article_numbers(opinions),
    )  # fmt: skip


def _draft_label(consultation: Consultation) -> str:
    # Two rounds of one draft share a title: the version's label (草案修改稿) tells them apart.
    label = consultation.version.label
    return consultation.title if not label or label in consultation.title else f"{consultation.title}（{label}）"


def _opinion_form(drafts: list[Consultation]) -> OpinionForm:
    form = OpinionForm()
    form.consultation.choices = options([("", "—")] + [(str(c.id), _draft_label(c)) for c in drafts])
    articles = queries.article_choices(drafts)
    grouped = {_draft_label(c): [(str(a), number) for a, number in articles[c.id]] for c in drafts}
    form.article.choices = {_("不针对具体条文"): [("", _("总体意见"))], **grouped}
    if len(drafts) == 1 and not form.consultation.data:
        form.consultation.data = str(drafts[0].id)
    if not form.received_on.data and not form.is_submitted():
        form.received_on.data = _today()
    return form


def _comment_input(form: OpinionForm) -> CommentInput:
    received = form.received_on.data
    return CommentInput(
        body=form.body.data or "", display_name=form.display_name.data or "", district=form.district.data or "",
        role=form.role.data or "citizen", wants_public=form.visibility.data != "private",
        received_at=datetime.combine(received, time(12), city_zone()) if received else None,
    )  # fmt: skip


@station_account
def new_opinion():
    own_station()
    now = utcnow()
    drafts = queries.open_consultations(now)
    form = _opinion_form(drafts)
    if form.validate_on_submit():
        consultation = next(c for c in drafts if str(c.id) == form.consultation.data)  # a validated choice
        article = form.article.data or ""
        try:
            comment = services.record_opinion(
                current_user, consultation, int(article) if article.isdigit() else None, _comment_input(form),
                cipher=contact_cipher(), max_chars=current_app.config["COMMENT_MAX_CHARS"], now=now,
            )  # fmt: skip
        except services.StationError as error:
            field = "article" if error.code == "unknown_article" else "body"
            refuse(form[field], error_message(error.code, **error.detail))
        else:
            flash(_("意见已录入，回执号 %(receipt)s，可交给群众查询处理情况。", receipt=comment.receipt), "success")
            return redirect(url_for("stations.home"))
    return render_template("stations/new_opinion.html", form=form), 422 if form.errors else 200


def _matter_form(station: Station) -> MatterForm:
    form = MatterForm()
    deputies = queries.deputies_of(station.id)
    form.deputy.choices = options([("", _("暂不指定"))] + [(str(u.id), u.display_name) for u in deputies])
    if not form.received_on.data and not form.is_submitted():
        form.received_on.data = _today()
    return form


@station_account
def new_matter():
    station = own_station()
    form = _matter_form(station)
    if form.validate_on_submit():
        deputy = db.session.get(User, int(form.deputy.data)) if (form.deputy.data or "").isdigit() else None
        try:
            services.record_matter(current_user, form.body.data, form.received_on.data, deputy, today=_today())
        except services.StationError as error:
            field = FIELD_OF_MATTER.get(error.code, "body")
            refuse(form[field], error_message(error.code, **error.detail))
        else:
            flash(_("事项已录入。"), "success")
            return redirect(url_for("stations.home"))
    return render_template("stations/new_matter.html", form=form), 422 if form.errors else 200


@station_account
def matter(matter_id: int):
    station = own_station()
    row = queries.matter_row(matter_id)
    if row is None or row.matter.station_id != station.id:
        abort(404)  # as if it did not exist: another station's
    return render_template("stations/matter.html", row=row)
