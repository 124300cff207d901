"""Word documents for printing: A4 landscape pages numbered "第 n 页 共 N 页", and tables whose header row
repeats on every page. Shared by the 意见汇总表, the 修改对照表 and the
suggestions' yearly report, with the fonts they all use."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HEADER_FILL = "D9E1F2"  # black text on it: 14:1


def _field(paragraph, instruction: str) -> None:
    """Append a complex field (PAGE, NUMPAGES); Word and LibreOffice fill it in on render."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run("1")  # shown until the reader updates fields
    char("end")


def landscape_a4(document) -> float:
    """A4 landscape with narrow margins; returns the usable width in cm."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.27))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    _field(footer, "PAGE")
    footer.add_run(" 页 共 ")
    _field(footer, "NUMPAGES")
    footer.add_run(" 页")
    return 29.7 - 2 * 1.27


def repeat_header(row) -> None:
    """Repeat the header row on every page, keep it whole and shade it like the .xlsx."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)
    for cell in row.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)  # after tcW, as the schema orders them


BODY_FONT, TITLE_FONT = "宋体", "黑体"  # the names Chinese-locale Word writes for SimSun / SimHei
THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(r_fonts, east_asian: str) -> None:
    """Name the fonts on a ``w:rFonts`` element. python-docx only writes ascii/hAnsi, and
    theme attributes beat explicit names, so without this Chinese text keeps the theme font."""
    for attribute in THEME_FONTS:
        r_fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi"):
        r_fonts.set(qn(attribute), "Times New Roman")
    r_fonts.set(qn("w:eastAsia"), east_asian)


def setup_styles(document) -> None:
    """宋体 五号 single-spaced body, a black 黑体 16pt Heading 1, Chinese as the East Asian language."""
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults.get_or_add_rFonts(), BODY_FONT)
    defaults.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")  # CJK line breaking and punctuation
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts(), BODY_FONT)
    normal.font.size = Pt(10.5)  # 五号
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    heading = document.styles["Heading 1"]
    set_fonts(heading.element.get_or_add_rPr().get_or_add_rFonts(), TITLE_FONT)
    heading.font.size, heading.font.bold = Pt(16), True
    heading.font.color.rgb = RGBColor(0, 0, 0)  # blue in the default template
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(0), Pt(6)
