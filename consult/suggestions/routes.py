"""Every URL of suggestions, in one place; the views live in views.py and step_views.py."""

from flask import Blueprint

from consult.suggestions import step_views, views

suggestions = Blueprint("suggestions", __name__, url_prefix="/staff/suggestions")

suggestions.add_url_rule("", view_func=views.index)
suggestions.add_url_rule("/new", view_func=views.new, methods=["GET", "POST"])
suggestions.add_url_rule("/figures", view_func=views.figures)
suggestions.add_url_rule("/<int:suggestion_id>", view_func=views.detail)
suggestions.add_url_rule(
    "/<int:suggestion_id>/<any(submit, accept, return, merge, assign, answer, rate):action>",
    view_func=step_views.take,
    methods=["POST"],
)
