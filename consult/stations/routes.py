"""Every URL of 代表联络站, in one place: the public list and pages, the staff's station management,
a station account's records and a deputy's matters."""

from flask import Blueprint

from consult.stations import deputy_views, staff_views, station_views, views
from consult.stations import models as _models  # noqa: F401  (the tables other tables point at)
from consult.stations.labels import template_helpers

stations = Blueprint("stations", __name__)
for name, helper in template_helpers().items():  # globals: the macros imported by templates see them too
    stations.add_app_template_global(helper, name)

stations.add_url_rule("/stations", view_func=views.index)
stations.add_url_rule("/stations/<int:station_id>", view_func=views.detail)

stations.add_url_rule("/staff/stations", view_func=staff_views.manage)
stations.add_url_rule("/staff/stations/new", view_func=staff_views.new, methods=["GET", "POST"])
stations.add_url_rule("/staff/stations/<int:station_id>/edit", view_func=staff_views.edit, methods=["GET", "POST"])
stations.add_url_rule("/staff/stations/<int:station_id>/deputies", view_func=staff_views.attach, methods=["POST"])
stations.add_url_rule(
    "/staff/stations/<int:station_id>/deputies/<int:deputy_id>/detach", view_func=staff_views.detach, methods=["POST"]
)

stations.add_url_rule("/staff/station", "home", view_func=station_views.home)
stations.add_url_rule("/staff/station/opinions/new", view_func=station_views.new_opinion, methods=["GET", "POST"])
stations.add_url_rule("/staff/station/matters/new", view_func=station_views.new_matter, methods=["GET", "POST"])
stations.add_url_rule("/staff/station/matters/<int:matter_id>", view_func=station_views.matter)

stations.add_url_rule("/staff/stations/matters", "deputy_matters", view_func=deputy_views.matters)
stations.add_url_rule(
    "/staff/stations/matters/<int:matter_id>/suggestion", view_func=deputy_views.turn_into_suggestion, methods=["POST"]
)
