"""Every URL of site, in one place; the views live in views.py."""

from flask import Blueprint

from consult.site import views

site = Blueprint("site", __name__)

site.add_url_rule("/", view_func=views.home)
site.add_url_rule("/language/<code>", view_func=views.set_language)
site.add_url_rule("/display/<option>/<any(on, off):state>", view_func=views.set_display)
site.add_url_rule("/healthz", view_func=views.healthz)
site.add_url_rule("/feeds/consultations.atom", view_func=views.feed)
