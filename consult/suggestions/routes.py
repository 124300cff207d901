"""Every URL of suggestions, in one place; the views live in views.py, step_views.py (state changes),
handling_views.py (everything else done with one suggestion), report_views.py (downloads),
publication_views.py (withdrawing from the public site) and public_views.py (the public pages)."""

from flask import Blueprint

from consult.suggestions import handling_views as handling
from consult.suggestions import public_views, publication_views, report_views, step_views, views

suggestions = Blueprint("suggestions", __name__, url_prefix="/staff/suggestions")
suggestions_public = Blueprint("suggestions_public", __name__, url_prefix="/suggestions")

suggestions.add_url_rule("", view_func=views.index)
suggestions.add_url_rule("/new", view_func=views.new, methods=["GET", "POST"])
suggestions.add_url_rule("/figures", view_func=views.figures)
suggestions.add_url_rule("/<int:suggestion_id>", view_func=views.detail)
suggestions.add_url_rule(
    "/<int:suggestion_id>/<any(submit, accept, return, merge, assign, answer, rate):action>",
    view_func=step_views.take,
    methods=["POST"],
)
suggestions.add_url_rule("/similar", view_func=handling.similar_groups)
suggestions.add_url_rule("/<int:suggestion_id>/edit", view_func=handling.edit, methods=["GET", "POST"])
suggestions.add_url_rule("/<int:suggestion_id>/cosign", view_func=handling.cosign, methods=["POST"])
suggestions.add_url_rule("/<int:suggestion_id>/uncosign", view_func=handling.uncosign, methods=["POST"])
suggestions.add_url_rule("/<int:suggestion_id>/progress", view_func=handling.report_progress, methods=["POST"])
suggestions.add_url_rule("/<int:suggestion_id>/co-opinion", view_func=handling.co_opinion, methods=["POST"])
suggestions.add_url_rule("/<int:suggestion_id>/attachments", view_func=handling.attach, methods=["POST"])
suggestions.add_url_rule("/<int:suggestion_id>/attachments/<int:attachment_id>", view_func=handling.download)
suggestions.add_url_rule(
    "/<int:suggestion_id>/attachments/<int:attachment_id>/delete", view_func=handling.detach, methods=["POST"]
)
suggestions.add_url_rule("/report.docx", view_func=report_views.report)
suggestions.add_url_rule("/lists.xlsx", view_func=report_views.lists)
suggestions.add_url_rule("/<int:suggestion_id>/publication", view_func=publication_views.publication, methods=["POST"])

# The public side: published suggestions and their open data.
suggestions_public.add_url_rule("", view_func=public_views.index)
suggestions_public.add_url_rule("/<int:suggestion_id>", view_func=public_views.detail)
suggestions_public.add_url_rule("/open-data.<any(csv, json):fmt>", view_func=public_views.open_data)
