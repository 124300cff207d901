"""Downloads: the 意见汇总表 (.docx, .xlsx), all comments for staff, open data for everyone."""

from __future__ import annotations

from urllib.parse import quote

from flask import Response, abort, current_app
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import public, roles_required
from consult.comments import queries as comment_queries
from consult.digests import exports, exports_data
from consult.digests.export_rows_db import OPEN_COLUMNS, STAFF_COLUMNS, comment_rows, summary_table
from consult.digests.models import FeedbackReport
from consult.drafts import queries as draft_queries
from consult.drafts.models import Consultation
from consult.extensions import db

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}


def _download(data: bytes, ascii_name: str, name: str, fmt: str) -> Response:
    """A file to save: `name` (Chinese) for browsers that read RFC 6266's filename*, `ascii_name`
    for the others."""
    response = Response(data, content_type=CONTENT_TYPES[fmt])
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}.{fmt}\"; filename*=UTF-8''{quote(f'{name}.{fmt}')}"
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _titled(consultation: Consultation, what: str) -> str:
    return f"《{consultation.title.strip('《》')}》{what}"


@roles_required("drafter", "organizer")
def summary(consultation_id: int, fmt: str):
    consultation = db.get_or_404(Consultation, consultation_id)
    total = comment_queries.total(consultation.id)
    table = summary_table(consultation, total)
    data = exports.summary_docx(table) if fmt == "docx" else exports.summary_xlsx(table)
    return _download(data, f"summary-{consultation.slug}", _titled(consultation, _("意见汇总表")), fmt)


@roles_required("drafter", "moderator")
def all_comments(consultation_id: int, fmt: str):
    consultation = db.get_or_404(Consultation, consultation_id)
    with_contact = current_user.role in current_app.config["CONTACT_ROLES"]
    columns = (*STAFF_COLUMNS, "contact") if with_contact else STAFF_COLUMNS
    rows = list(comment_rows(consultation, public_only=False, with_contact=with_contact))
    data = exports_data.rows_csv(rows, columns) if fmt == "csv" else exports_data.rows_json(rows, columns)
    return _download(data, f"comments-{consultation.slug}", _titled(consultation, _("全部意见")), fmt)


@public
def open_data(slug: str, fmt: str):
    """Published comments, and the answers once the feedback report is out. No personal data."""
    consultation = draft_queries.public_consultation(slug) or abort(404)
    report = db.session.get(FeedbackReport, consultation.id)
    rows = list(comment_rows(consultation, public_only=True, with_contact=False))
    columns = OPEN_COLUMNS if report and report.published_at else OPEN_COLUMNS[:-2]
    data = exports_data.rows_csv(rows, columns) if fmt == "csv" else exports_data.rows_json(rows, columns)
    return _download(data, f"open-data-{consultation.slug}", _titled(consultation, _("公开意见数据")), fmt)
