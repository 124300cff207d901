"""The public pages: every station with its deputies, found by district and kind, and one page each.
Nothing here shows an e-mail address or anything a resident told a station."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _

from consult.accounts.access import public
from consult.extensions import db
from consult.forms import options
from consult.stations import queries
from consult.stations.forms import StationFilterForm
from consult.stations.models import Station


@public
def index():
    form = StationFilterForm(request.args)
    form.district.choices = options([("", _("全部"))] + [(d, d) for d in queries.districts()])
    found = queries.stations(district=form.district.data or "", kind=form.kind.data or "")
    return render_template(
        "stations/index.html",
        form=form,
        stations=found,
        deputies=queries.deputy_names([s.id for s in found]),
        filtered=bool(form.district.data or form.kind.data),
    )


@public
def detail(station_id: int):
    station = db.get_or_404(Station, station_id)
    return render_template(
        "stations/detail.html", station=station, deputies=queries.deputy_names([station.id]).get(station.id, [])
    )
