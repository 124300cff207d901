"""The 听证报告 as .docx: facts of the meeting, attendance, minutes by item with the article, the report."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from flask_babel import gettext as _

from consult.digests.exports import neutralise
from consult.drafts.queries import load_structure
from consult.hearings import queries
from consult.hearings.labels import KIND_LABELS, STANCE_LABELS
from consult.hearings.models import Hearing
from consult.timezones import human_datetime


def hearing_report_docx(
    title: str,
    facts: list[tuple[str, str]],
    attendance: list[tuple[str, str]],
    items: list[tuple[str, str, str]],
    report: str,
) -> bytes:
    """items: (heading, article text or "", minutes). All strings already translated by the caller."""
    document = Document()
    heading = document.add_heading(neutralise(title), level=0)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}：").bold = True
        paragraph.add_run(neutralise(value))
    if attendance:
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        for row in attendance:
            cells = table.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = neutralise(value)
        table.rows[0]._tr.getparent().remove(table.rows[0]._tr)
    for item_heading, article_text, minutes in items:
        document.add_heading(neutralise(item_heading), level=1)
        if article_text:
            quote = document.add_paragraph(neutralise(article_text))
            quote.paragraph_format.left_indent = Pt(21)
        for line in minutes.splitlines() or [""]:
            if line.strip():
                document.add_paragraph(neutralise(line.strip()))
    if report.strip():
        document.add_heading("听证报告", level=1)
        for line in report.splitlines():
            if line.strip():
                document.add_paragraph(neutralise(line.strip()))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_hearing_report(hearing: Hearing) -> bytes:
    """The 听证报告 of one hearing, in the reader's language."""
    articles = {a.article_id: a for a in load_structure(hearing.consultation.version_id).articles}
    facts = [
        (_("会议类型"), str(KIND_LABELS[hearing.kind])),
        (_("法规草案"), hearing.consultation.title),
        (_("时间"), human_datetime(hearing.starts_at)),
        (_("地点"), hearing.venue),
    ]
    attendance = [
        (
            r.name,
            (str(STANCE_LABELS.get(r.stance, "")) + " · " if r.stance else "")
            + (_("出席") if r.attended else _("缺席") if r.attended is False else _("未记录")),
        )
        for r in queries.participants(hearing.id)
        if r.state == "selected" or r.kind == "observer"
    ]
    items = []
    for item in sorted(hearing.items, key=lambda i: i.position):
        article = articles.get(item.article_id) if item.article_id is not None else None
        items.append((item.title, f"{article.number}　{article.text}" if article else "", item.minutes))
    return hearing_report_docx(_("%(title)s 听证报告", title=hearing.title), facts, attendance, items, hearing.report)
