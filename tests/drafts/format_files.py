"""Drafts as they arrive: PDFs printed with running headers and footers (built here with WeasyPrint),
and Word 97-2003 / OpenDocument files (converted here by LibreOffice, where it is installed)."""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx

LONG = "，".join(f"第{n}类公园的管理单位应当按照规定的标准配置相应的设施并向社会公布开放时间" for n in "一二三四五六")
REGULATION = f"""滨海市湿地公园管理条例（草案）
第一章　总则
第一条　为了加强湿地公园的保护和管理，发挥湿地公园的生态、科普和游憩功能，根据有关法律、法规，结合本市实际，制定本条例。
第二条　本市行政区域内湿地公园的规划、建设、保护、利用和管理，适用本条例。
本条例所称湿地公园，是指以保护湿地生态系统为主要目的，兼顾科普宣传教育和生态旅游，向公众开放的区域。
第三条　{LONG}。
湿地公园管理实行统一规划、分级管理、保护优先、合理利用的原则。
第二章　规划与建设
第四条　市园林主管部门应当会同有关部门编制湿地公园发展规划，报市人民政府批准后公布实施。
第五条　湿地公园应当划分为下列区域：
（一）保育区；
（二）恢复重建区；
（三）合理利用区；
（四）管理服务区。
第六条　{LONG}。{LONG}。
第七条　任何单位和个人不得擅自改变湿地公园的用途，不得侵占湿地公园用地。
第三章　保护与利用
第八条　禁止在湿地公园内从事下列行为：
（一）开垦、围垦、填埋湿地；
（二）擅自采砂、取土、采石；
（三）排放未经处理的污水；
（四）猎捕野生动物、捡拾鸟卵；
（五）其他破坏湿地生态的行为。
第九条　{"。".join([LONG] * 6)}。
第十条　湿地公园管理单位应当建立巡护制度，及时制止破坏湿地的行为。
第十一条　本条例自2027年1月1日起施行。"""


def regulation_pdf(text: str = REGULATION, *, indent: bool = True, page: str = "A5") -> bytes:
    """A PDF as a browser prints a web page: date and title at the top, address and "n/N" at the bottom,
    lines wrapped at the page width, paragraphs running across pages."""
    from weasyprint import HTML

    lines = [line for line in text.splitlines() if line.strip()]
    paragraphs = "".join(
        f'<p class="{"heading" if line.startswith("第") and "章" in line[:5] else ""}">{html.escape(line)}</p>'
        for line in lines
    )
    style = f"""
    @page {{ size: {page}; margin: 18mm 14mm;
      @top-left {{ content: "2026/11/30 09:41"; font-size: 8pt }}
      @top-right {{ content: "{lines[0]}"; font-size: 8pt }}
      @bottom-left {{ content: "https://www.example.gov.cn/lfyj/2026/1130.html"; font-size: 8pt }}
      @bottom-right {{ content: counter(page) "/" counter(pages); font-size: 8pt }} }}
    body {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.6 }}
    p {{ margin: 0; text-indent: {"2em" if indent else "0"}; text-align: justify }}
    p.heading {{ text-align: center; text-indent: 0; font-weight: bold; margin: .5em 0 }}
    """
    return HTML(string=f"<html><head><style>{style}</style></head><body>{paragraphs}</body></html>").write_pdf()


def blank_pdf() -> bytes:
    """A page with shapes and no text, as a scan is to a text extractor."""
    from weasyprint import HTML

    return HTML(string='<div style="width:10cm;height:14cm;background:#888"></div>').write_pdf()


def docx_of(text: str = REGULATION) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def converted_with_libreoffice(data: bytes, target: str) -> bytes:
    """`data` (.docx) saved by LibreOffice as `target` ("doc" or "odt")."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "draft.docx"
        source.write_bytes(data)
        subprocess.run(
            [office() or "soffice", f"-env:UserInstallation={(Path(work) / 'p').as_uri()}", "--headless",
             "--convert-to", target, "--outdir", work, str(source)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        return (Path(work) / f"draft.{target}").read_bytes()
