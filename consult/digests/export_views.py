"""Downloads: the 意见汇总表 (.docx, .xlsx), all comments for staff, open data for everyone."""

from __future__ import annotations

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import may_see_contacts, public, roles_required
from consult.comments import queries as comment_queries
from consult.digests import exports, exports_data
from consult.digests.export_rows_db import OPEN_COLUMNS, STAFF_COLUMNS, comment_rows, summary_table
from consult.digests.models import FeedbackReport
from consult.drafts import queries as draft_queries
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.http import download


def _titled(consultation: Consultation, what: str) -> str:
    return f"《{consultation.title.strip('《》')}》{what}"


@roles_required("drafter", "organizer")
def summary(consultation_id: int, fmt: str):
    consultation = db.get_or_404(Consultation, consultation_id)
    total = comment_queries.total(consultation.id)
    table = summary_table(consultation, total)
    data = exports.summary_docx(table) if fmt == "docx" else exports.summary_xlsx(table)
    return download(data, f"summary-{consultation.slug}", _titled(consultation, _("意见汇总表")), fmt)


@roles_required("drafter", "moderator")
def all_comments(consultation_id: int, fmt: str):
    consultation = db.get_or_404(Consultation, consultation_id)
    with_contact = may_see_contacts(current_user)
    columns = (*STAFF_COLUMNS, "contact") if with_contact else STAFF_COLUMNS
    rows = list(comment_rows(consultation, public_only=False, with_contact=with_contact))
    data = exports_data.rows_csv(rows, columns) if fmt == "csv" else exports_data.rows_json(rows, columns)
    return download(data, f"comments-{consultation.slug}", _titled(consultation, _("全部意见")), fmt)


@public
def open_data(slug: str, fmt: str):
    """Published comments, and the answers once the feedback report is out. No personal data."""
    consultation = draft_queries.public_consultation(slug) or abort(404)
    report = db.session.get(FeedbackReport, consultation.id)
    rows = list(comment_rows(consultation, public_only=True, with_contact=False))
    columns = OPEN_COLUMNS if report and report.published_at else OPEN_COLUMNS[:-2]
    data = exports_data.rows_csv(rows, columns) if fmt == "csv" else exports_data.rows_json(rows, columns)
    return download(data, f"open-data-{consultation.slug}", _titled(consultation, _("公开意见数据")), fmt)
