"""A drafter imports a Word draft, opens it for comment, answers the residents and downloads the summary table."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import docx
from playwright.sync_api import expect

ARTICLES = (
    "第一条　为了规范社区花园的建设和管理，改善居住环境，根据有关法律、法规，结合本市实际，制定本条例。",
    "第二条　本条例适用于本市行政区域内社区花园的规划、建设、养护和使用。",
    "第三条　社区花园的养护应当遵守下列规定：",
    "第四条　街道办事处负责组织社区花园的日常管理。",
    "第五条　本条例自公布之日起施行。",
)
ITEMS = ("（一）不得使用剧毒农药；", "（二）定期清理枯枝落叶；", "（三）保持园路畅通。")


def _word_draft(path, title: str) -> None:
    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph("第一章　总则")
    for article in ARTICLES:
        document.add_paragraph(article)
        if article.startswith("第三条"):
            for item in ITEMS:
                document.add_paragraph(item)
    document.save(path)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_drafter_imports_opens_answers_and_exports(width, new_context, staff_page, shots, tmp_path):
    shot = shots("drafter", width)
    slug = f"e2e-garden-{width}"
    title = f"滨海市社区花园条例（草案{width}）"
    source = tmp_path / "garden.docx"
    _word_draft(source, title)

    drafter = staff_page("drafter", width)
    drafter.get_by_role("link", name="导入草案").click()
    drafter.get_by_label("草案文件（.docx、.doc、.wps、.odt、.pdf 或 .txt）").set_input_files(source)
    shot(drafter, "import")
    drafter.get_by_role("button", name="解析并预览").click()
    expect(drafter.get_by_role("heading", level=1)).to_have_text("检查解析结果")
    expect(drafter.locator(".summary")).to_contain_text("共解析出 5 条")
    expect(drafter.get_by_label("标题")).to_have_value(title)
    drafter.get_by_label("网址简称").fill(slug)
    shot(drafter, "preview", full_page=True)
    drafter.get_by_role("button", name="保存草案").click()
    expect(drafter).to_have_url(re.compile(r"/staff/consultations/\d+$"))
    consultation_id = int(drafter.url.rsplit("/", 1)[1])

    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    drafter.get_by_label("开始时间").fill(_local(now - timedelta(hours=1)))
    drafter.get_by_label("截止时间").fill(_local(now + timedelta(days=30)))
    drafter.get_by_role("button", name="发布并设定征求意见期").click()
    expect(drafter.get_by_role("status")).to_contain_text("征求意见期已设定")
    expect(drafter.locator(".badge-open")).to_have_text("征求意见中")
    shot(drafter, "scheduled")

    resident = new_context(width).new_page()
    resident.goto("/")
    resident.get_by_role("link", name=title).click()
    resident.get_by_role("link", name="对第三条提意见").click()
    resident.get_by_label("您的意见").fill("建议第三条增加一项：鼓励居民参与花园认养，并公布养护责任人的联系方式。")
    resident.get_by_role("button", name="提交意见").click()
    expect(resident.get_by_role("heading", level=1)).to_have_text("谢谢！您的意见已经收到")

    moderator = staff_page("moderator", width)
    moderator.goto(f"/staff/consultations/{consultation_id}/comments")
    row = moderator.get_by_role("row").filter(has_text="花园认养")
    row.get_by_role("checkbox").check()
    moderator.get_by_role("button", name="执行").click()
    expect(moderator.get_by_role("status")).to_contain_text("已处理 1 条意见")

    drafter.goto("/staff/")
    drafter.get_by_role("row").filter(has_text=title).get_by_role("link", name="意见摘要").click()
    drafter.get_by_role("button", name="重新生成摘要").click()
    expect(drafter.locator(".card-meta")).to_contain_text("包含 1 条意见")
    shot(drafter, "digest")
    drafter.locator("ol.ranking").get_by_role("link", name="第三条").click()
    expect(drafter.get_by_role("heading", level=1)).to_have_text("第三条的意见摘要")
    drafter.locator("article.theme").first.get_by_role("link").first.click()
    drafter.get_by_label("处理意见").select_option(label="部分采纳")
    drafter.get_by_label("理由（用通俗的话说明）").fill("认养办法由街道另行制定，条例中增加鼓励性规定。")
    drafter.get_by_role("button", name="保存答复").click()
    expect(drafter.get_by_role("status")).to_contain_text("答复已保存")
    shot(drafter, "answered")

    drafter.goto(f"/staff/digests/{consultation_id}")
    with drafter.expect_download() as started:
        drafter.get_by_role("link", name="意见汇总表（Word）").click()
    download = started.value
    assert download.suggested_filename.endswith(".docx")
    summary = docx.Document(download.path())
    cells = [cell.text for table in summary.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in summary.paragraphs] + cells)
    assert "意见摘要" in text
    assert "花园认养" in text or "认养办法由街道另行制定" in text
