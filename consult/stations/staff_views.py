"""Staff keep the stations: the list with what each has done, a form to add or change one, and the
deputies attached to each."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from consult.accounts.access import roles_required
from consult.accounts.models import User
from consult.db import utcnow
from consult.extensions import db
from consult.forms import ActionForm, options
from consult.stations import figures as station_figures
from consult.stations import queries, services
from consult.stations.forms import AttachDeputyForm, StationForm
from consult.stations.labels import error_message
from consult.stations.models import Station
from consult.unit_of_work import refuse, refuse_with_flash

manager = roles_required("drafter")  # admin too, as always

# Which field a refusal of save_station is shown beside.
FIELD_OF = {"name_missing": "name", "name_taken": "name", "district_missing": "district", "bad_kind": "kind",
            "bad_stars": "stars"}  # fmt: skip


@manager
def manage():
    found = queries.stations()
    by_station = station_figures.station_figures(utcnow())
    rows = [(station, by_station[station.id]) for station in found]
    return render_template(
        "stations/manage.html", rows=rows, total=station_figures.total([f for _s, f in rows]),
        recent_days=station_figures.RECENT_DAYS,
    )  # fmt: skip


def _input(form: StationForm) -> services.StationInput:
    return services.StationInput(
        name=form.name.data or "", district=form.district.data or "", kind=form.kind.data or "",
        stars=form.stars.data, address=form.address.data or "", opening_hours=form.opening_hours.data or "",
    )  # fmt: skip


def _save(form: StationForm, station: Station | None) -> Station | None:
    """The saved station, or None with the refusal shown beside its field."""
    try:
        return services.save_station(_input(form), station)
    except services.StationError as error:
        field = FIELD_OF.get(error.code) or error.detail.get("field", "name")
        refuse(form[field], error_message(error.code, **error.detail))
        return None


@manager
def new():
    form = StationForm()
    if form.validate_on_submit() and (station := _save(form, None)) is not None:
        flash(_("联络站“%(name)s”已添加。", name=station.name), "success")
        return redirect(url_for("stations.edit", station_id=station.id))
    return render_template("stations/edit.html", form=form, station=None), 422 if form.errors else 200


@manager
def edit(station_id: int):
    station = db.get_or_404(Station, station_id)
    form = StationForm(obj=station)
    if form.validate_on_submit() and _save(form, station) is not None:
        flash(_("联络站信息已保存。"), "success")
        return redirect(url_for("stations.edit", station_id=station.id))
    return _render_edit(station, form, AttachDeputyForm(), 422 if form.errors else 200)


def _render_edit(station: Station, form: StationForm, attach: AttachDeputyForm, status: int):
    attach.deputy.choices = options(
        [("", "—")] + [(str(u.id), u.display_name) for u in queries.deputies_not_at(station.id)]
    )
    return render_template(
        "stations/edit.html", form=form, station=station, attach=attach, action=ActionForm(),
        deputies=queries.deputies_of(station.id),
    ), status  # fmt: skip


@manager
def attach(station_id: int):
    station = db.get_or_404(Station, station_id)
    form = AttachDeputyForm()
    form.deputy.choices = options((str(u.id), u.display_name) for u in queries.deputies_not_at(station.id))
    if not form.validate_on_submit():
        return _render_edit(station, StationForm(obj=station), form, 422)
    deputy = db.session.get(User, int(form.deputy.data))
    if deputy is None:
        abort(404)
    try:
        services.attach_deputy(station, deputy)
    except services.StationError as error:
        refuse_with_flash(error_message(error.code, **error.detail))
    else:
        flash(_("%(name)s已联系到本站。", name=deputy.display_name), "success")
    return redirect(url_for("stations.edit", station_id=station.id))


@manager
def detach(station_id: int, deputy_id: int):
    station = db.get_or_404(Station, station_id)
    deputy = db.get_or_404(User, deputy_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.detach_deputy(station, deputy)
    flash(_("%(name)s已不再联系本站；已交给这位代表的事项仍由其办理。", name=deputy.display_name), "success")
    return redirect(url_for("stations.edit", station_id=station.id))
