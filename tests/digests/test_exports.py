"""意见汇总表 (.docx, .xlsx) and data exports (CSV, JSON): content, layout and injection safety."""

import csv
import io
import json
import shutil
import subprocess
from datetime import date

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from consult.digests.export_rows import SummaryRow, SummaryTable
from consult.digests.exports import neutralise, summary_docx, summary_xlsx
from consult.digests.exports_data import rows_csv, rows_json

TITLE = "《滨海市公园管理条例（草案）》公开征求意见汇总表"
SUBTITLE = "征求意见期：2026年11月1日至2026年11月30日，共收到意见 163 条"
HOSTILE = ('=HYPERLINK("http://evil.example","点我")', "+1", "-2", "@SUM(A1:A9)")


def make_table(rows=None) -> SummaryTable:
    if rows is None:
        rows = (
            SummaryRow(
                "第十二条",
                "延长开放时间：“夏季应开放到晚上十点”",
                18,
                "市民 18，专家学者 2",
                "部分采纳",
                "夏季延长至22时",
                "赞成 14 · 反对 3 · 其他 1",
            ),
            SummaryRow("第十二条", "夜间照明：“步道太暗”", 5, "市民 5", "采纳", ""),
            SummaryRow("第三十条", "遛狗须拴绳 🐕", 40, "市民 40", "已有规定", "见第三十一条第二款"),
            SummaryRow("总体意见", "建议增加公众参与条款", 2, "人大代表 2", "", ""),
        )
    return SummaryTable(title=TITLE, subtitle=SUBTITLE, rows=tuple(rows))


def expected_cells(table: SummaryTable):
    return [
        [str(i), r.article, r.summary, str(r.count), r.stance, r.submitters, r.decision, r.reason]
        for i, r in enumerate(table.rows, start=1)
    ]


def hostile_table() -> SummaryTable:
    return make_table([SummaryRow(h, h, 1, h, h, h, h) for h in HOSTILE])


# -- neutralise ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [*HOSTILE, "\tcmd", "\rcmd", "\x00=cmd"])
def test_neutralise_prefixes_formula_like_strings(value):
    assert neutralise(value).startswith("'")


@pytest.mark.parametrize("value", [3, -2, 1.5, None, "第十二条", "市民 18", "a=b", "🐕 遛狗", "'quoted"])
def test_neutralise_leaves_numbers_and_plain_text_alone(value):
    assert neutralise(value) == value


def test_neutralise_strips_characters_xml_forbids_but_keeps_whitespace():
    assert neutralise("a\x00b\x07c\x0bd\x1fe\ud800f\n\tg\r\nh") == "abcdef\n\tg\r\nh"


# -- .docx ---------------------------------------------------------------------------------


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def test_docx_has_title_subtitle_headers_and_every_row():
    table = make_table()
    document = open_docx(summary_docx(table))
    assert [p.text for p in document.paragraphs[:2]] == [TITLE, SUBTITLE]
    assert document.paragraphs[0].style.name == "Heading 1"
    rows = document.tables[0].rows
    assert [c.text for c in rows[0].cells] == list(table.headers)
    # The two 第十二条 rows share one merged 条款 cell, which python-docx reports on both rows.
    assert [[c.text for c in r.cells] for r in rows[1:]] == expected_cells(table)
    article_cells = [r.cells[1]._tc for r in rows[1:3]]
    assert article_cells[0] is article_cells[1]


def test_docx_is_landscape_a4_with_repeated_header_and_page_numbers():
    document = open_docx(summary_docx(make_table()))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert round(section.page_width.cm, 1) == 29.7
    header = document.tables[0].rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
    first_body_row = document.tables[0].rows[1]._tr
    assert first_body_row.trPr is None or first_body_row.trPr.find(qn("w:tblHeader")) is None
    instructions = [e.text.strip() for e in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text.startswith("第 ")


def test_docx_fonts_sizes_and_column_widths():
    document = open_docx(summary_docx(make_table()))
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 10.5
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    heading = document.styles["Heading 1"]
    assert heading.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert heading.element.rPr.rFonts.get(qn("w:eastAsiaTheme")) is None
    assert heading.font.size.pt == 16 and heading.font.bold
    assert document.paragraphs[0].alignment == 1  # centred
    assert document.tables[0].style.name == "Table Grid"
    widths = [c.width for c in document.tables[0].columns]
    assert widths[0] == min(widths) and widths[2] == max(widths) and widths[7] > widths[5]
    usable = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin
    assert abs(sum(widths) - usable) < docx.shared.Cm(0.05)


def test_docx_neutralises_formula_injection():
    document = open_docx(summary_docx(hostile_table()))
    for row, hostile in zip(document.tables[0].rows[1:], HOSTILE):
        texts = [c.text for c in row.cells]
        assert texts[1:3] == ["'" + hostile] * 2 and texts[4:] == ["'" + hostile] * 4


def test_docx_survives_control_characters_and_emoji():
    table = make_table([SummaryRow("第一条", "a\x00b\x0c 😀🐕‍🦺 𠮷", 1, "市民\x1b 1", "", "\ud83d")])
    row = open_docx(summary_docx(table)).tables[0].rows[1]
    assert row.cells[2].text == "ab 😀🐕‍🦺 𠮷" and row.cells[5].text == "市民 1"


def test_empty_docx_has_only_the_header_row():
    document = open_docx(summary_docx(make_table(())))
    assert document.paragraphs[0].text == TITLE
    assert len(document.tables[0].rows) == 1


def test_wrong_number_of_headers_is_rejected():
    with pytest.raises(ValueError):
        summary_docx(SummaryTable(TITLE, SUBTITLE, (), headers=("序号", "条款")))


def test_docx_renders_to_pdf_with_libreoffice(tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "summary.docx"
    source.write_bytes(summary_docx(make_table(make_table().rows * 30)))
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "summary.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 1
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height
    assert "意见摘要" in reader.pages[1].extract_text()  # header repeated on page 2


# -- .xlsx ---------------------------------------------------------------------------------


def open_xlsx(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_xlsx_has_merged_title_headers_rows_and_frozen_header():
    table = make_table()
    sheet = open_xlsx(summary_xlsx(table))
    assert sheet["A1"].value == TITLE and sheet["A2"].value == SUBTITLE
    assert "A1:H1" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[3]] == list(table.headers)
    assert sheet["A3"].font.bold and sheet["A3"].fill.fgColor.rgb.endswith("D9E1F2")
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    # openpyxl reads an empty string back as an empty cell.
    assert body == [[int(v) if i in (0, 3) else v or None for i, v in enumerate(r)] for r in expected_cells(table)]
    assert sheet.freeze_panes == "A4"
    assert sheet["C4"].alignment.wrap_text and sheet["C4"].border.left.style == "thin"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width


def test_xlsx_print_settings():
    sheet = open_xlsx(summary_xlsx(make_table()))
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$3:$3"


def test_xlsx_neutralises_formula_injection():
    sheet = open_xlsx(summary_xlsx(hostile_table()))
    for row, hostile in zip(sheet.iter_rows(min_row=4), HOSTILE):
        for cell in (row[1], row[2], row[4], row[5], row[6], row[7]):
            assert cell.value == "'" + hostile and cell.data_type == "s"


def test_xlsx_survives_control_characters_emoji_and_empty_table():
    sheet = open_xlsx(summary_xlsx(make_table([SummaryRow("第一条", "a\x00b\x1f 😀", 1, "", "", "")])))
    assert sheet["C4"].value == "ab 😀"
    empty = open_xlsx(summary_xlsx(make_table(())))
    assert empty["A1"].value == TITLE and empty.max_row == 3


# -- CSV and JSON --------------------------------------------------------------------------

ROWS = [
    {"id": 1, "article": "第十二条", "text": "晚上十点关门，\n太早了", "submitted_at": date(2026, 11, 2)},
    {"id": 2, "article": None, "text": '=HYPERLINK("http://evil.example")', "extra": "ignored"},
    {"id": 3, "article": "+1", "text": "@SUM(A1) -2 😀\x07"},
]
COLUMNS = ["id", "article", "text", "submitted_at"]


def test_csv_has_bom_crlf_and_parses_back():
    data = rows_csv(ROWS, COLUMNS)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.split(b"\r\n")[0] == b"\xef\xbb\xbfid,article,text,submitted_at"
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert parsed[0] == COLUMNS
    assert parsed[1] == ["1", "第十二条", "晚上十点关门，\n太早了", "2026-11-02"]
    assert parsed[2] == ["2", "", '\'=HYPERLINK("http://evil.example")', ""]
    assert parsed[3] == ["3", "'+1", "'@SUM(A1) -2 😀", ""]


def test_csv_of_no_rows_is_just_the_header():
    assert rows_csv([], COLUMNS) == "\ufeffid,article,text,submitted_at\r\n".encode("utf-8")


def test_json_is_an_array_of_the_columns_unneutralised():
    data = rows_json(ROWS, COLUMNS)
    assert "第十二条".encode("utf-8") in data  # ensure_ascii=False
    parsed = json.loads(data.decode("utf-8"))
    assert parsed[0] == {"id": 1, "article": "第十二条", "text": "晚上十点关门，\n太早了", "submitted_at": "2026-11-02"}
    assert parsed[1]["text"] == '=HYPERLINK("http://evil.example")' and parsed[1]["submitted_at"] is None
    assert "extra" not in parsed[1]
    assert json.loads(rows_json([], COLUMNS)) == []
