"""The sign-in sheet (签到表): who is expected at the meeting, as .xlsx to print or .csv to mail-merge.

Speakers who were selected come first, then observers; applicants not selected and withdrawals are
left out. Contacts are included only when the caller passes them (roles allowed to see them).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from consult.comments.labels import ROLE_LABELS
from consult.comments.receipts import format_receipt
from consult.digests.exports import xlsx_print_setup, xlsx_value
from consult.digests.exports_data import rows_csv
from consult.hearings.labels import REGISTRATION_KIND_LABELS
from consult.hearings.models import Registration

_WIDTHS = {
    "number": 6,
    "name": 16,
    "kind": 10,
    "district": 10,
    "role": 10,
    "receipt": 16,
    "contact": 22,
    "signature": 18,
}


@dataclass(frozen=True)
class SignInSheet:
    title: str
    columns: Sequence[str]
    headers: Sequence[str]
    rows: Sequence[Mapping[str, object]]


def expected(registrations: Sequence[Registration]) -> list[Registration]:
    speakers = [r for r in registrations if r.kind == "speaker" and r.state == "selected"]
    observers = [r for r in registrations if r.kind == "observer" and r.state != "withdrawn"]
    return speakers + observers


def build(title: str, registrations: Sequence[Registration], contacts: Mapping[int, str] | None) -> SignInSheet:
    """`contacts`: registration id → decrypted contact, or None to leave the column out."""
    columns = ["number", "name", "kind", "district", "role", "receipt"]
    if contacts is not None:
        columns.append("contact")
    columns.append("signature")
    headers = {
        "number": _("序号"),
        "name": _("姓名"),
        "kind": _("参加方式"),
        "district": _("所在区"),
        "role": _("身份"),
        "receipt": _("回执号"),
        "contact": _("联系方式"),
        "signature": _("签名"),
    }
    rows = [
        {
            "number": index,
            "name": r.name,
            "kind": str(REGISTRATION_KIND_LABELS.get(r.kind, r.kind)),
            "district": r.district or "",
            "role": str(ROLE_LABELS.get(r.role, r.role)),
            "receipt": format_receipt(r.receipt),
            "contact": (contacts or {}).get(r.id, ""),
            "signature": "",
        }
        for index, r in enumerate(expected(registrations), start=1)
    ]
    return SignInSheet(_("%(title)s签到表", title=title), columns, [headers[c] for c in columns], rows)


def as_csv(sheet: SignInSheet) -> bytes:
    header_of = dict(zip(sheet.columns, sheet.headers, strict=True))
    return rows_csv(({header_of[c]: row[c] for c in sheet.columns} for row in sheet.rows), list(sheet.headers))


def as_xlsx(sheet: SignInSheet, author: str) -> bytes:
    """A printable sheet: the title on top, ruled cells tall enough to sign in, the header repeated."""
    book = Workbook()
    ws = book.active
    ws.title = _("签到表")
    book.properties.title, book.properties.creator = sheet.title, author
    ws.append([xlsx_value(sheet.title)])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(sheet.columns))
    ws.cell(1, 1).font = Font(size=15, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(list(sheet.headers))
    for row in sheet.rows:
        ws.append([xlsx_value(row[c]) for c in sheet.columns])
    thin = Side(style="thin", color="000000")
    for cells in ws.iter_rows(min_row=2, max_col=len(sheet.columns)):
        for cell in cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            if cell.row == 2:
                cell.font = Font(bold=True)
        ws.row_dimensions[cells[0].row].height = 28
    for index, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = _WIDTHS[column]
    ws.freeze_panes = "A3"
    xlsx_print_setup(ws, header_row=2, landscape=False)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
