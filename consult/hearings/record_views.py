"""After the meeting: attendance, minutes per item, the hearing report and its .docx."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _

from consult.accounts.access import roles_required
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.forms import ActionForm
from consult.hearings import services
from consult.hearings.labels import KIND_LABELS, STANCE_LABELS
from consult.hearings.models import Hearing, Registration
from consult.hearings.report_docx import hearing_report_docx


def _registrations(hearing: Hearing) -> list[Registration]:
    return db.session.scalars(db.select(Registration).where(
        Registration.hearing_id == hearing.id, Registration.state.in_(("selected", "applied")))
        .order_by(Registration.kind.desc(), Registration.created_at)).all()


@roles_required("organizer")
def record(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    registrations = _registrations(hearing)
    if request.method == "POST":
        if not ActionForm().validate_on_submit():
            abort(400)
        present = {int(i) for i in request.form.getlist("attended") if i.isdigit()}
        services.record(
            hearing, attended={r.id: r.id in present for r in registrations},
            minutes={item.id: request.form.get(f"minutes-{item.id}", "")[:50000] for item in hearing.items},
            report=request.form.get("report", "")[:100000])
        flash(_("会议记录已保存。"), "success")
        return redirect(url_for("hearings_admin.record", hearing_id=hearing.id))
    numbers = {a.article_id: a for a in load_structure(hearing.consultation.version_id).articles}
    return render_template("hearings/record.html", hearing=hearing, registrations=registrations, numbers=numbers,
                           action=ActionForm())


@roles_required("organizer", "drafter")
def report_docx(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    articles = {a.article_id: a for a in load_structure(hearing.consultation.version_id).articles}
    facts = [(_("会议类型"), str(KIND_LABELS[hearing.kind])), (_("法规草案"), hearing.consultation.title),
             (_("时间"), format_datetime(hearing.starts_at, "full")), (_("地点"), hearing.venue)]
    attendance = [(r.name, (str(STANCE_LABELS.get(r.stance, "")) + " · " if r.stance else "")
                   + (_("出席") if r.attended else _("缺席") if r.attended is False else _("未记录")))
                  for r in _registrations(hearing) if r.state == "selected" or r.kind == "observer"]
    items = []
    for item in sorted(hearing.items, key=lambda i: i.position):
        article = articles.get(item.article_id)
        items.append((item.title, f"{article.number}　{article.text}" if article else "", item.minutes))
    data = hearing_report_docx(_("%(title)s 听证报告", title=hearing.title), facts, attendance, items, hearing.report)
    response = Response(data, mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response.headers["Content-Disposition"] = f"attachment; filename=hearing-{hearing.id}-report.docx"
    return response
