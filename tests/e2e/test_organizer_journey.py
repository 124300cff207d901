"""An organizer announces a hearing, a resident applies to speak, the organizer picks speakers and prints the packet."""

import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pypdf
from playwright.sync_api import expect

PARK_TITLE = "滨海市公园管理条例（草案）"


def _local(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_organizer_announces_selects_speakers_and_prints_the_packet(width, new_context, staff_page, shots):
    shot = shots("organizer", width)
    title = f"公园管理条例座谈会（{width}）"
    speaker = f"测试居民{width}"
    now = datetime.now(ZoneInfo("Asia/Shanghai"))

    organizer = staff_page("organizer", width)
    organizer.goto("/staff/hearings/")
    organizer.get_by_role("link", name=f"为{PARK_TITLE}新建会议").click()
    expect(organizer.get_by_role("heading", level=1)).to_have_text("新建会议")
    organizer.get_by_label("会议类型").select_option(label="立法座谈会")
    organizer.get_by_label("会议名称").fill(title)
    organizer.get_by_label("开始时间").fill(_local(now + timedelta(days=20)))
    organizer.get_by_label("地点").fill("滨海市人大常委会机关第二会议室")
    organizer.get_by_label("报名截止").fill(_local(now + timedelta(days=10)))
    organizer.get_by_label("第十二条", exact=True).check()
    organizer.get_by_label("第十三条", exact=True).check()
    organizer.get_by_label("听证公告正文").fill("就草案第十二条、第十三条听取意见，欢迎报名。")
    shot(organizer, "new-hearing", full_page=True)
    organizer.get_by_role("button", name="保存").click()
    expect(organizer.get_by_role("status")).to_contain_text("会议信息已保存")
    expect(organizer).to_have_url(re.compile(r"/staff/hearings/\d+$"))
    hearing_id = int(organizer.url.rsplit("/", 1)[1])
    organizer.get_by_role("button", name="发布公告、开始报名").click()
    expect(organizer.get_by_role("status")).to_contain_text("状态已更新")
    expect(organizer.locator(".card-meta .badge")).to_have_text("已公告")
    shot(organizer, "announced")

    resident = new_context(width).new_page()
    resident.goto(f"/hearings/{hearing_id}")
    expect(resident.get_by_role("heading", level=1)).to_have_text(title)
    expect(resident.get_by_role("radio", name="申请陈述")).to_be_checked()
    resident.get_by_label("姓名").fill(speaker)
    resident.get_by_role("group", name="想就哪些条文发言").get_by_label("第十二条").check()
    resident.get_by_role("radio", name="建议修改").check()
    resident.get_by_label(re.compile(r"^观点摘要")).fill("建议夜间广场舞音响提前到八点半结束，并设置噪声监测屏。")
    resident.get_by_label("所在区").select_option("滨江区")
    shot(resident, "registration-form", full_page=True)
    resident.get_by_role("button", name="提交报名").click()
    expect(resident.get_by_role("heading", level=1)).to_contain_text("报名回执")
    expect(resident.locator(".receipt-facts .badge")).to_have_text("已报名，待遴选")
    shot(resident, "registration-receipt")

    organizer.get_by_role("link", name="遴选陈述人").click()
    pick = organizer.get_by_label(f"选择{speaker}")
    pick.check()
    expect(organizer.get_by_label("遴选理由")).not_to_have_value("")
    shot(organizer, "speakers")
    organizer.get_by_role("button", name="保存陈述人名单").click()
    expect(organizer.get_by_role("status")).to_contain_text("陈述人名单已保存")
    expect(organizer.get_by_label(f"选择{speaker}")).to_be_checked()
    resident.reload()  # saved, not yet published: the applicant is told nothing
    expect(resident.locator(".receipt-facts .badge")).to_have_text("已报名，待遴选")
    organizer.get_by_role("button", name="发布遴选结果").click()
    expect(organizer.get_by_role("status")).to_contain_text("遴选结果已发布")
    resident.reload()
    expect(resident.locator(".receipt-facts .badge")).to_have_text("已确定为陈述人")

    organizer.get_by_role("link", name=title).click()
    organizer.get_by_role("link", name="会议议程").click()
    expect(organizer.get_by_role("heading", level=2, name=re.compile(r"^议程"))).to_have_text("议程（0 项）")
    organizer.get_by_role("button", name="将这些条文加入议程").click()
    expect(organizer.get_by_role("heading", level=2, name=re.compile(r"^议程"))).not_to_have_text("议程（0 项）")
    expect(organizer.locator("article.agenda-item").first).to_be_visible()
    # The new item on 第十二条 comes with the speaker who asked to speak on it.
    item12 = organizer.locator(
        "article.agenda-item", has=organizer.get_by_role("heading", name=re.compile("关于第十二条"))
    )
    expect(item12.get_by_label(speaker)).to_be_checked()
    item13 = organizer.locator(
        "article.agenda-item", has=organizer.get_by_role("heading", name=re.compile("关于第十三条"))
    )
    expect(item13.get_by_label(speaker)).not_to_be_checked()
    shot(organizer, "agenda")

    organizer.get_by_role("link", name=title).click()
    with organizer.expect_download() as started:
        organizer.get_by_role("link", name="下载会议材料（PDF）").click()
    pdf = started.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    text = text.replace(" ", "").replace("\n", "")
    assert "会议议程" in text
    assert title in text
