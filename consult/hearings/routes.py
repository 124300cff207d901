"""Every URL of hearings, in one place; the views live in the *_views.py modules beside this one."""

from flask import Blueprint

from consult.hearings import agenda_views, public_views, record_views, speaker_views, staff_views

hearings = Blueprint("hearings", __name__, url_prefix="/hearings")
hearings_admin = Blueprint("hearings_admin", __name__, url_prefix="/staff/hearings")

hearings.add_url_rule("/<int:hearing_id>", view_func=public_views.announcement)
hearings.add_url_rule("/<int:hearing_id>/calendar.ics", view_func=public_views.calendar)
hearings.add_url_rule("/<int:hearing_id>/register", view_func=public_views.register, methods=["POST"])
hearings.add_url_rule("/registrations/<receipt>", view_func=public_views.receipt)
hearings_admin.add_url_rule("/", view_func=staff_views.index)
hearings_admin.add_url_rule("/new/<int:consultation_id>", view_func=staff_views.edit, methods=["GET", "POST"])
hearings_admin.add_url_rule("/<int:hearing_id>/edit", view_func=staff_views.edit, methods=["GET", "POST"])
hearings_admin.add_url_rule("/<int:hearing_id>", view_func=staff_views.overview)
hearings_admin.add_url_rule(
    "/<int:hearing_id>/status/<any(announced, closed, held, cancelled, draft):status>",
    view_func=staff_views.status,
    methods=["POST"],
)
hearings_admin.add_url_rule("/<int:hearing_id>/speakers", view_func=speaker_views.speakers, methods=["GET", "POST"])
hearings_admin.add_url_rule("/<int:hearing_id>/speakers/publish", view_func=speaker_views.publish, methods=["POST"])
hearings_admin.add_url_rule(
    "/<int:hearing_id>/registrations", view_func=speaker_views.registrations, methods=["GET", "POST"]
)
hearings_admin.add_url_rule(
    "/<int:hearing_id>/sign-in.<any(xlsx, csv):fmt>", view_func=speaker_views.signin, methods=["GET", "POST"]
)
hearings_admin.add_url_rule("/<int:hearing_id>/agenda/reassign", view_func=agenda_views.reassign, methods=["POST"])
hearings_admin.add_url_rule("/<int:hearing_id>/agenda", view_func=agenda_views.agenda)
hearings_admin.add_url_rule("/<int:hearing_id>/agenda/items", view_func=agenda_views.add_item, methods=["POST"])
hearings_admin.add_url_rule(
    "/<int:hearing_id>/agenda/suggested", view_func=agenda_views.add_suggested, methods=["POST"]
)
hearings_admin.add_url_rule(
    "/<int:hearing_id>/agenda/items/<int:item_id>", view_func=agenda_views.edit_item, methods=["POST"]
)
hearings_admin.add_url_rule("/<int:hearing_id>/packet", view_func=agenda_views.packet_page)
hearings_admin.add_url_rule("/<int:hearing_id>/packet.pdf", view_func=agenda_views.packet_pdf)
hearings_admin.add_url_rule("/<int:hearing_id>/record", view_func=record_views.record, methods=["GET", "POST"])
hearings_admin.add_url_rule("/<int:hearing_id>/report.docx", view_func=record_views.report_docx)
