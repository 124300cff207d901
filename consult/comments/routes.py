"""Every URL of comments, in one place; the views live in staff_views.py, views.py."""

from flask import Blueprint

from consult.comments import staff_views, views

comments = Blueprint("comments", __name__)
comments_admin = Blueprint("comments_admin", __name__, url_prefix="/staff")

comments.add_url_rule("/drafts/<slug>/articles/<number>/comments", view_func=views.comment_on_article, methods=["POST"])
comments.add_url_rule("/drafts/<slug>/comments", view_func=views.comment_on_draft, methods=["POST"])
comments.add_url_rule(
    "/drafts/<slug>/amendment/<int:number>/comments", view_func=views.comment_on_amendment_item, methods=["POST"]
)
comments.add_url_rule("/receipts/<receipt>/thanks", view_func=views.thanks)
comments.add_url_rule("/receipts", view_func=views.lookup, methods=["GET"])
comments.add_url_rule("/receipts/<receipt>", view_func=views.receipt)
comments_admin.add_url_rule("/consultations/<int:consultation_id>/comments", view_func=staff_views.queue)
comments_admin.add_url_rule(
    "/consultations/<int:consultation_id>/comments/bulk", view_func=staff_views.bulk, methods=["POST"]
)
comments_admin.add_url_rule("/comments/<int:comment_id>", view_func=staff_views.detail)
comments_admin.add_url_rule("/comments/<int:comment_id>/redact", view_func=staff_views.redact, methods=["POST"])
comments_admin.add_url_rule("/comments/<int:comment_id>/mask", view_func=staff_views.mask, methods=["POST"])
comments_admin.add_url_rule(
    "/consultations/<int:consultation_id>/comments/new", view_func=staff_views.record, methods=["GET", "POST"]
)
comments_admin.add_url_rule(
    "/consultations/<int:consultation_id>/premoderation/<any(on, off):mode>",
    view_func=staff_views.premoderation,
    methods=["POST"],
)
comments_admin.add_url_rule("/consultations/<int:consultation_id>/audit", view_func=staff_views.audit)
