"""The 建议交办清单 and 办理结果 as one workbook, laid out as the 意见汇总表 .xlsx is (consult/digests/
exports.py): a merged 黑体 title, a bold shaded header that stays in view and filters, thin borders,
A4 landscape with the header on every page. Rows in (report_rows.Lists), bytes out; every cell passes
through `xlsx_value` (formula-like text defused, forbidden characters stripped)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from consult.digests.exports import xlsx_print_setup, xlsx_value
from consult.docx_pages import HEADER_FILL
from consult.suggestions.report_rows import ListRow, Lists

HEADER_ROW = 2
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_DATE_FORMAT = "yyyy-mm-dd"


def _assignment_sheet() -> tuple[str, list[tuple[str, float, Callable[[ListRow], object]]]]:
    return _("建议交办清单"), [
        (_("编号"), 7, lambda r: r.number), (_("标题"), 36, lambda r: r.title), (_("领衔代表"), 10, lambda r: r.deputy),
        (_("附议代表"), 18, lambda r: r.cosigners), (_("类别"), 10, lambda r: r.category),
        (_("主办单位"), 16, lambda r: r.lead_unit), (_("协办单位"), 20, lambda r: r.co_units),
        (_("交办日期"), 11, lambda r: r.assigned), (_("答复期限"), 11, lambda r: r.due), (_("状态"), 14, lambda r: r.state),
        (_("重点督办"), 8, lambda r: r.key), (_("督办领导"), 16, lambda r: r.supervisor),
    ]  # fmt: skip


def _results_sheet() -> tuple[str, list[tuple[str, float, Callable[[ListRow], object]]]]:
    return _("办理结果"), [
        (_("编号"), 7, lambda r: r.number), (_("标题"), 40, lambda r: r.title), (_("主办单位"), 16, lambda r: r.lead_unit),
        (_("答复类别"), 9, lambda r: r.answer_category), (_("答复日期"), 11, lambda r: r.answered),
        (_("办理次数"), 9, lambda r: r.rounds), (_("代表评判"), 10, lambda r: r.rating),
    ]  # fmt: skip


def _style(sheet, widths: Sequence[float], last_row: int) -> None:
    header_fill, columns = PatternFill("solid", fgColor=HEADER_FILL), len(widths)
    for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=last_row, max_col=columns):
        for cell in row:
            header = cell.row == HEADER_ROW
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center" if header else "top")
            if header:
                cell.font, cell.fill = Font(bold=True), header_fill
            elif cell.is_date:
                cell.number_format = _DATE_FORMAT
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _fill(sheet, title: str, columns, rows: Sequence[ListRow]) -> None:
    last_col = len(columns)
    sheet.append([xlsx_value(title)])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    sheet.cell(1, 1).font = Font(name="黑体", size=16, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.append([xlsx_value(header) for header, _width, _get in columns])
    for row in rows:
        sheet.append([xlsx_value(get(row)) for _header, _width, get in columns])
    _style(sheet, [width for _header, width, _get in columns], sheet.max_row)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(last_col)}{sheet.max_row}"
    xlsx_print_setup(sheet, header_row=HEADER_ROW)


def lists_xlsx(lists: Lists) -> bytes:
    book = Workbook()
    book.properties.title, book.properties.creator = lists.title, lists.author
    for n, (name, columns) in enumerate((_assignment_sheet(), _results_sheet())):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = name
        _fill(sheet, f"{lists.title} · {name}", columns, lists.rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
