"""After the meeting: attendance, minutes per item, the hearing report and its .docx."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from consult.accounts.access import roles_required
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.forms import ActionForm
from consult.hearings import queries, services
from consult.hearings.models import Hearing
from consult.hearings.report_docx import render_hearing_report

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@roles_required("organizer")
def record(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    registrations = queries.participants(hearing.id)
    if request.method == "POST":
        if not ActionForm().validate_on_submit():
            abort(400)
        present = {int(i) for i in request.form.getlist("attended") if i.isdigit()}
        services.record(
            hearing,
            attended={r.id: r.id in present for r in registrations},
            minutes={item.id: request.form.get(f"minutes-{item.id}", "")[:50000] for item in hearing.items},
            report=request.form.get("report", "")[:100000],
        )
        flash(_("会议记录已保存。"), "success")
        return redirect(url_for("hearings_admin.record", hearing_id=hearing.id))
    numbers = {a.article_id: a for a in load_structure(hearing.consultation.version_id).articles}
    return render_template(
        "hearings/record.html", hearing=hearing, registrations=registrations, numbers=numbers, action=ActionForm()
    )


@roles_required("organizer", "drafter")
def report_docx(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    response = Response(render_hearing_report(hearing), mimetype=DOCX)
    response.headers["Content-Disposition"] = f"attachment; filename=hearing-{hearing.id}-report.docx"
    return response
