"""Staff publish the feedback report once the consultation has closed."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.db import utcnow
from consult.digests import queries, services
from consult.digests.forms import ReportForm
from consult.digests.labels import error_message
from consult.digests.models import FeedbackReport
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.unit_of_work import refuse


@roles_required("drafter")
def report(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    existing = db.session.get(FeedbackReport, consultation.id)
    form = ReportForm(introduction=existing.introduction if existing else "")
    if form.validate_on_submit():
        try:
            services.publish_report(current_user, consultation, form.introduction.data or "")
        except services.DigestError as error:
            refuse(form.introduction, error_message(error.code))
        else:
            flash(_("意见采纳情况已公开发布。"), "success")
            return redirect(url_for("digests.report", slug=consultation.slug))
    answered, themes = queries.answered_counts(consultation.id)
    return render_template(
        "digests/report_form.html",
        consultation=consultation,
        form=form,
        existing=existing,
        answered=answered,
        themes=themes,
        now=utcnow(),
    ), 422 if form.errors else 200
