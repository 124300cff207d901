"""The 意见汇总表 as .docx and .xlsx, and plain data exports as CSV and JSON.

Pure: dataclasses and mappings in, bytes out. Every cell passes through ``neutralise``
because comment text is written by the public and opened by staff in Excel and Word.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime, timezone

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from consult.docx_pages import HEADER_FILL, landscape_a4, repeat_header, setup_styles

from .export_rows import SummaryTable

# XML 1.0 forbids these; openpyxl raises IllegalCharacterError and Word refuses the file.
# Lone surrogates cannot be encoded as UTF-8 at all.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Spreadsheet programs treat a cell starting with one of these as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Relative widths of 序号 条款 意见摘要 意见数量 立场 提出者类别 处理意见 理由.
_WIDTHS = (1.2, 2.3, 8.0, 1.6, 2.6, 3.0, 2.6, 6.4)
_CENTRED = {0, 1, 3, 6}
_XLSX_WIDTHS = (6, 12, 44, 9, 16, 18, 13, 36)
_XLSX_MAX_CELL = 32767  # Excel's limit; longer strings make Excel "repair" the file


def neutralise(value):
    """Make one export cell safe: strip characters XML forbids, defuse formula-like strings.

    Strings starting with ``= + - @``, tab or carriage return get a leading apostrophe so
    Excel and LibreOffice show them as text; numbers and other types pass unchanged.
    """
    if not isinstance(value, str):
        return value
    # Stripping first, so "\x00=cmd" cannot slip past the formula check.
    value = _XML_ILLEGAL.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cells(table: SummaryTable) -> list[list[object]]:
    """The table body as neutralised cell values, 序号 first."""
    return [
        [i, *(neutralise(v) for v in (r.article, r.summary, r.count, r.stance, r.submitters, r.decision, r.reason))]
        for i, r in enumerate(table.rows, start=1)
    ]


def _check_headers(table: SummaryTable) -> list[str]:
    if len(table.headers) != len(_WIDTHS):
        raise ValueError(f"expected {len(_WIDTHS)} headers, got {len(table.headers)}")
    return [neutralise(h) for h in table.headers]


# -- .docx ---------------------------------------------------------------------------------


def _write_row(row, values: Sequence[object], bold: bool = False) -> None:
    for i, (cell, value) in enumerate(zip(row.cells, values)):
        paragraph = cell.paragraphs[0]
        if i in _CENTRED or bold:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # add_run keeps line breaks in comment quotes as real breaks.
        paragraph.add_run("" if value is None else str(value)).bold = bold or None


def _merge_articles(doc_table, first_row: int) -> None:
    """Merge runs of equal 条款 cells vertically so each article reads as one block."""
    rows = doc_table.rows[first_row:]
    start = 0
    for i in range(1, len(rows) + 1):
        if i < len(rows) and rows[i].cells[1].text == rows[start].cells[1].text:
            rows[i].cells[1].paragraphs[0].clear()  # the merged cell keeps only the top text
            continue
        if i - 1 > start:
            rows[start].cells[1].merge(rows[i - 1].cells[1])
        start = i


def summary_docx(table: SummaryTable) -> bytes:
    """The 意见汇总表 as a Word document: A4 landscape, header row repeated on every page."""
    headers = _check_headers(table)
    document = Document()
    setup_styles(document)
    usable = landscape_a4(document)
    document.add_paragraph(neutralise(table.title), style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = document.add_paragraph(neutralise(table.subtitle))
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(8)
    doc_table = document.add_table(rows=1, cols=len(headers))
    doc_table.style = "Table Grid"
    doc_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    doc_table.autofit = False
    _write_row(doc_table.rows[0], headers, bold=True)
    repeat_header(doc_table.rows[0])
    for values in _cells(table):
        _write_row(doc_table.add_row(), values)
    scale = usable / sum(_WIDTHS)
    # Word reads gridCol widths, LibreOffice reads the cell widths: set both.
    for column, width in zip(doc_table.columns, _WIDTHS):
        column.width = Cm(width * scale)
        for cell in column.cells:
            cell.width = Cm(width * scale)
    _merge_articles(doc_table, first_row=1)
    properties = document.core_properties
    # python-docx's template says "python-docx" and 2013: the legislature and today instead.
    properties.title, properties.author, properties.last_modified_by = (
        neutralise(table.title),
        table.author,
        table.author,
    )
    properties.created = properties.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    properties.comments = properties.keywords = properties.subject = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- .xlsx ---------------------------------------------------------------------------------


def xlsx_value(value):
    value = neutralise(value)
    if isinstance(value, str) and len(value) > _XLSX_MAX_CELL:
        return value[: _XLSX_MAX_CELL - 1] + "…"
    return value


def xlsx_print_setup(sheet, header_row: int, *, landscape: bool = True) -> None:
    """A4 fitted to the page width, the header row repeated on every page, page numbers."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # 0: as many pages as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"


def summary_xlsx(table: SummaryTable) -> bytes:
    """The 意见汇总表 as a spreadsheet: merged title, frozen bold header, print-ready."""
    headers = _check_headers(table)
    book = Workbook()
    sheet = book.active
    sheet.title = "意见汇总表"
    book.properties.title, book.properties.creator = table.title, table.author
    last_col = len(headers)
    sheet.append([xlsx_value(table.title)])
    sheet.append([xlsx_value(table.subtitle)])
    sheet.append(headers)
    for values in _cells(table):
        sheet.append([xlsx_value(v) for v in values])
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.cell(1, 1).font = Font(name="黑体", size=16, bold=True)
    sheet.row_dimensions[1].height = 30
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row in sheet.iter_rows(min_row=3, max_col=last_col):
        for cell in row:
            cell.border = border
            centred = cell.row == 3 or cell.column - 1 in _CENTRED
            cell.alignment = Alignment(
                wrap_text=True, vertical="center" if centred else "top", horizontal="center" if centred else "left"
            )
            if cell.row == 3:
                cell.font, cell.fill = Font(bold=True), header_fill
    for index, width in enumerate(_XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    sheet.auto_filter.ref = f"A3:{get_column_letter(last_col)}{sheet.max_row}"
    xlsx_print_setup(sheet, header_row=3)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
