"""Downloads for staff: the yearly 办理情况报告 (.docx) and the 交办清单 / 办理结果 lists (.xlsx)."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from consult.accounts.access import roles_required
from consult.http import download
from consult.suggestions import reports
from consult.suggestions.periods import year_from

staff = roles_required("drafter", "organizer", "moderator")


def _suffix(year: int | None) -> str:
    return str(year) if year else "all"


@staff
def report():
    year = year_from(request.args.get("year"))
    data = reports.year_report_docx(year)
    return download(
        data, f"suggestions-report-{_suffix(year)}", reports.report_title(year, _("代表建议办理情况报告")), "docx"
    )


@staff
def lists():
    year = year_from(request.args.get("year"))
    data = reports.year_lists_xlsx(year)
    name = reports.report_title(year, _("代表建议交办清单及办理结果"))
    return download(data, f"suggestions-lists-{_suffix(year)}", name, "xlsx")
