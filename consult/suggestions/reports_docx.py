"""The 代表建议办理情况报告 as a Word document, as the 意见汇总表 is printed (consult/digests/exports.py):
宋体 五号 body, 黑体 headings, A4 landscape numbered "第 n 页 共 N 页", table headers repeated on every
page. Rows in (report_rows.YearReport), bytes out; every text cell passes through `neutralise`."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timezone

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from flask_babel import gettext as _

from consult.digests.exports import neutralise
from consult.docx_pages import TITLE_FONT, landscape_a4, repeat_header, setup_styles
from consult.suggestions.figures import Figures
from consult.suggestions.report_rows import YearReport


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _is_figure(value: object) -> bool:
    """Numbers, shares and dates are centred; names and titles read from the left."""
    return not isinstance(value, str) or value == "—" or value[-1:] in ("%", "）", "日")


def _table(document, headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float], usable: float):
    """A grid table made in one go (adding rows one by one re-reads the whole table each time)."""
    table = document.add_table(rows=len(rows) + 1, cols=len(headers))
    table.style, table.alignment, table.autofit = "Table Grid", WD_TABLE_ALIGNMENT.CENTER, False
    scale = usable / sum(widths)
    for index, (row, values) in enumerate(zip(table.rows, [headers, *rows])):
        header = index == 0
        for n, (cell, value) in enumerate(zip(row.cells, values)):
            cell.width = Cm(widths[n] * scale)  # LibreOffice reads the cells' widths, Word the grid's
            paragraph = cell.paragraphs[0]
            paragraph.add_run(neutralise("" if value is None else str(value))).bold = header or None
            if header or _is_figure(value):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for column, width in zip(table.columns, widths):
        column.width = Cm(width * scale)
    repeat_header(table.rows[0])
    return table


def _figures_row(name: str, f: Figures, with_received: bool) -> list[object]:
    counts = [f.received] if with_received else []
    shares = [percent(f.share(c)) for c in "ABC"]
    return [name, *counts, f.assigned, f.answered, percent(f.answer_rate), percent(f.satisfaction_rate), *shares,
            f.overdue]  # fmt: skip


def _figures_table(document, rows: list[Figures], total: Figures, heading: str, usable: float, with_received: bool):
    headers = [heading, *([_("收到")] if with_received else []), _("交办"), _("已答复"), _("办复率"), _("满意率"),
               "A", "B", "C", _("逾期")]  # fmt: skip
    body = [_figures_row(r.name or _("未分类"), r, with_received) for r in rows]
    body.append(_figures_row(_("合计"), total, with_received))
    _table(document, headers, body, [4.5] + [1.6] * (len(headers) - 1), usable)


def _totals(report: YearReport) -> list[tuple[str, object]]:
    board, total = report.dashboard, report.dashboard.total
    answers = sum(total.categories.values())
    shares = [
        (_("%(category)s 类答复", category=c), f"{total.categories[c]}（{percent(total.share(c))}）") for c in "ABC"
    ]
    return [
        (_("收到建议"), total.received), (_("其中并案办理"), board.merged), (_("已交办"), total.assigned),
        (_("已答复"), total.answered), (_("办复率"), percent(total.answer_rate)), (_("代表已评判"), total.rated),
        (_("满意或基本满意"), total.satisfied), (_("满意率"), percent(total.satisfaction_rate)),
        (_("最近一次答复"), answers), *shares, (_("逾期未答复"), total.overdue),
        (_("%(days)d 天内到期", days=report.remind_days), total.due_soon),
    ]  # fmt: skip


def _summary(report: YearReport) -> str:
    total = report.dashboard.total
    return _(
        "共收到代表建议 %(received)d 件，已交办 %(assigned)d 件，已答复 %(answered)d 件，办复率 %(answer_rate)s；"
        "代表已评判 %(rated)d 件，满意率 %(satisfaction)s。目前逾期未答复 %(overdue)d 件。",
        received=total.received, assigned=total.assigned, answered=total.answered,
        answer_rate=percent(total.answer_rate), rated=total.rated, satisfaction=percent(total.satisfaction_rate),
        overdue=total.overdue,
    )  # fmt: skip


def _heading(document, text: str) -> None:
    """一、二、… in bold 黑体 (the body style's fonts otherwise: no theme font, no blue)."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(10), Pt(4)
    paragraph.paragraph_format.keep_with_next = True  # never last on a page, away from its table
    run = paragraph.add_run(neutralise(text))
    run.bold, run.font.size = True, Pt(14)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), TITLE_FONT)


def _lists(document, report: YearReport, usable: float) -> None:
    _heading(document, _("四、重点督办建议"))
    if report.key:
        headers = [_("编号"), _("标题"), _("主办单位"), _("督办领导"), _("状态"), _("答复期限")]
        rows = [[k.number, k.title, k.unit, k.supervisor, k.state, k.due] for k in report.key]
        _table(document, headers, rows, [1.4, 9.0, 4.0, 4.0, 3.0, 3.4], usable)
    else:
        document.add_paragraph(_("没有列为重点督办的建议。"))
    _heading(document, _("五、逾期未答复建议"))
    if report.overdue:
        headers = [_("编号"), _("标题"), _("主办单位"), _("答复期限"), _("逾期天数")]
        rows = [[o.number, o.title, o.unit, o.due, o.days] for o in report.overdue]
        _table(document, headers, rows, [1.4, 11.0, 4.5, 3.4, 2.0], usable)
    else:
        document.add_paragraph(_("没有逾期未答复的建议。"))


def report_docx(report: YearReport) -> bytes:
    document = Document()
    setup_styles(document)
    usable = landscape_a4(document)
    document.add_paragraph(neutralise(report.title), style="Heading 1").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(neutralise(report.subtitle)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    _heading(document, _("一、总体情况"))
    document.add_paragraph(_summary(report))
    _table(document, [_("项目"), _("数量")], _totals(report), [6.0, 4.0], usable * 0.45)
    _heading(document, _("二、各承办单位办理情况"))
    board = report.dashboard
    _figures_table(document, board.by_unit, board.total, _("承办单位"), usable, with_received=False)
    _heading(document, _("三、各类别建议办理情况"))
    _figures_table(document, board.by_category, board.total, _("类别"), usable, with_received=True)
    _lists(document, report, usable)
    properties = document.core_properties
    # python-docx's template says "python-docx" and 2013: the legislature and today instead.
    properties.title, properties.author, properties.last_modified_by = report.title, report.author, report.author
    properties.created = properties.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    properties.comments = properties.keywords = properties.subject = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
