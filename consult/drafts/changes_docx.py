"""The 修改对照表 as a Word document, as drafting offices print it: A4 landscape, three columns
(原条文 / 修改后条文 / 说明), words added in bold and underlined, words deleted struck through."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from flask_babel import gettext as _

from consult.docx_pages import landscape_a4, repeat_header
from consult.drafts.messages import CHANGE_LABELS
from consult.drafts.version_queries import ChangeRow

_WIDTHS = (0.4, 0.4, 0.2)  # shares of the page: old, new, notes


def _write_pieces(cell, number: str | None, pieces) -> None:
    paragraph = cell.paragraphs[0]
    if number:
        paragraph.add_run(number + "　").bold = True
    for kind, text in pieces:
        for n, line in enumerate(text.split("\n")):
            if n:
                paragraph = cell.add_paragraph()
            run = paragraph.add_run(line)
            if kind == "added":
                run.bold, run.underline = True, True
            elif kind == "deleted":
                run.font.strike = True


def _notes(row: ChangeRow, context: dict) -> str:
    lines = [str(CHANGE_LABELS.get(row.change, row.change)) + (_("（位置调整）") if row.moved else "")]
    count = context.get("earlier_counts", {}).get(row.article_id)
    if count:
        lines.append(_("上一轮公开意见 %(num)d 条", num=count))
    for label, decision in context.get("earlier_answers", {}).get(row.article_id, []):
        lines.append(f"{label}：{decision}")
    return "\n".join(lines)


def changes_docx(context: dict) -> bytes:
    """`context` as the 对照表 page gets it: rows, the consultation, the earlier round's figures."""
    document = Document()
    width = landscape_a4(document)
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(_("《%(title)s》修改对照表", title=context["consultation"].title.strip("《》"))).bold = True
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text, share in zip(
        table.rows[0].cells, (_("原条文"), _("修改后条文"), _("说明（意见采纳情况）")), _WIDTHS
    ):
        cell.text, cell.width = text, Cm(width * share)
    repeat_header(table.rows[0])
    for row in context["rows"]:
        cells = table.add_row().cells
        _write_pieces(cells[0], row.old.number if row.old else None, row.old_marked if row.old else [])
        _write_pieces(cells[1], row.new.number if row.new else None, row.new_marked if row.new else [])
        cells[2].text = _notes(row, context)
        for cell, share in zip(cells, _WIDTHS):
            cell.width = Cm(width * share)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
