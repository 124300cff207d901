"""Every URL of drafts, in one place; the views live in staff_views.py, views.py."""

from flask import Blueprint

from consult.drafts import staff_views, version_views, views

drafts = Blueprint("drafts", __name__, url_prefix="/drafts")
drafts_admin = Blueprint("drafts_admin", __name__, url_prefix="/staff")

drafts.add_url_rule("/<slug>", view_func=views.draft)
drafts.add_url_rule("/<slug>/articles/<number>", view_func=views.article)
drafts.add_url_rule("/<slug>/memo", view_func=views.memo)
drafts.add_url_rule("/<slug>/search", view_func=views.search)
drafts.add_url_rule("/<slug>/changes", view_func=version_views.changes)
drafts.add_url_rule("/<slug>/amendment", view_func=views.amendment)
drafts.add_url_rule("/<slug>/amendment/<int:number>", view_func=views.amendment_item)
drafts_admin.add_url_rule("/", view_func=staff_views.dashboard)
drafts_admin.add_url_rule("/imports/new", view_func=staff_views.new_import, methods=["GET", "POST"])
drafts_admin.add_url_rule("/imports/<token>", view_func=staff_views.preview_import, methods=["GET", "POST"])
drafts_admin.add_url_rule(
    "/consultations/<int:consultation_id>", view_func=staff_views.consultation, methods=["GET", "POST"]
)
drafts_admin.add_url_rule(
    "/consultations/<int:consultation_id>/schedule", view_func=staff_views.schedule, methods=["POST"]
)
drafts_admin.add_url_rule(
    "/consultations/<int:consultation_id>/<any(close, archive):action>",
    view_func=staff_views.change_status,
    methods=["POST"],
)
drafts_admin.add_url_rule(
    "/consultations/<int:consultation_id>/versions/new", view_func=version_views.new_version, methods=["GET", "POST"]
)
drafts_admin.add_url_rule(
    "/consultations/<int:consultation_id>/versions/<token>",
    view_func=version_views.preview_version,
    methods=["GET", "POST"],
)
drafts_admin.add_url_rule("/consultations/<int:consultation_id>/changes", view_func=version_views.staff_changes)
drafts_admin.add_url_rule("/consultations/<int:consultation_id>/changes.docx", view_func=version_views.changes_download)
