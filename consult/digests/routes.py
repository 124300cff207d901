"""Every URL of digests, in one place; the views live in the *_views.py modules beside this one."""

from flask import Blueprint

from consult.digests import dispute_views, export_views, public_views, report_views, staff_views, stance_views

digests = Blueprint("digests", __name__)
digests_admin = Blueprint("digests_admin", __name__, url_prefix="/staff/digests")

digests.add_url_rule("/drafts/<slug>/feedback", view_func=public_views.report)
digests.add_url_rule("/receipts/<receipt>/not-my-point", view_func=dispute_views.not_my_point, methods=["POST"])
digests.add_url_rule("/drafts/<slug>/open-data.<any(csv, json):fmt>", view_func=export_views.open_data)
digests_admin.add_url_rule("/<int:consultation_id>", view_func=staff_views.draft)
digests_admin.add_url_rule("/<int:consultation_id>/build", view_func=staff_views.build, methods=["POST"])
digests_admin.add_url_rule("/<int:consultation_id>/articles/<int:article_id>", view_func=staff_views.article)
digests_admin.add_url_rule("/<int:consultation_id>/rounds", "rounds", view_func=staff_views.rounds_table)
digests_admin.add_url_rule("/themes/<int:theme_id>", view_func=staff_views.theme)
digests_admin.add_url_rule("/themes/<int:theme_id>/rename", view_func=staff_views.rename, methods=["POST"])
digests_admin.add_url_rule("/themes/<int:theme_id>/merge", view_func=staff_views.merge, methods=["POST"])
digests_admin.add_url_rule("/themes/<int:theme_id>/members", view_func=staff_views.members, methods=["POST"])
digests_admin.add_url_rule("/themes/<int:theme_id>/pull", view_func=staff_views.pull, methods=["POST"])
digests_admin.add_url_rule("/themes/<int:theme_id>/answer", view_func=staff_views.answer, methods=["POST"])
digests_admin.add_url_rule(
    "/comments/<int:comment_id>/stance", "tag_stance", view_func=stance_views.tag, methods=["POST"]
)
digests_admin.add_url_rule("/<int:consultation_id>/summary.<any(docx, xlsx):fmt>", view_func=export_views.summary)
digests_admin.add_url_rule("/<int:consultation_id>/comments.<any(csv, json):fmt>", view_func=export_views.all_comments)
digests_admin.add_url_rule("/<int:consultation_id>/report", view_func=report_views.report, methods=["GET", "POST"])
