"""A deputy writes and submits a suggestion, staff accept and assign it, the unit answers, the deputy
rates it — in Chromium at phone and desktop widths, the last page checked by axe."""

import re

import pytest
from playwright.sync_api import Page, expect
from test_accessibility import AXE, check_axe

from consult.demo.loader import DEMO_PASSWORD


def _sign_in(page: Page, email: str, lands_on: str) -> None:
    page.goto("/staff/login")
    page.get_by_label("电子邮箱").fill(email)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(re.compile(lands_on))


def test_a_deputy_submits_a_unit_answers_the_deputy_rates(
    width, new_context, staff_page, shots, browser, live_server, axe_log
):
    shot = shots("deputy", width)
    title = f"关于增设河道夜间照明的建议（{width}）"
    deputy = new_context(width).new_page()
    _sign_in(deputy, "deputy1@example.org", r"/staff/suggestions$")
    deputy.get_by_role("link", name="提出建议").click()
    deputy.get_by_label("标题").fill(title)
    deputy.get_by_label("建议内容").fill("大沙河步道夜间照明不足，建议加装路灯。")
    deputy.get_by_role("button", name="保存草稿").click()
    expect(deputy.get_by_role("status")).to_contain_text("建议已保存为草稿")
    deputy.get_by_role("button", name="提交建议").click()
    expect(deputy.get_by_role("status")).to_contain_text("建议已提交")
    path = re.search(r"/staff/suggestions/\d+", deputy.url).group(0)
    shot(deputy, "submitted")

    clerk = staff_page("drafter", width)
    clerk.goto(path)
    clerk.get_by_role("button", name="立案").click()
    expect(clerk.get_by_role("status")).to_contain_text("已立案")
    clerk.get_by_label("主办单位").select_option(label="市水务局")
    clerk.get_by_role("button", name="交办").click()
    expect(clerk.get_by_role("status")).to_contain_text("已交办给市水务局")

    unit = new_context(width).new_page()
    _sign_in(unit, "unit1@example.org", r"/staff/suggestions$")
    unit.get_by_role("link", name=title).click()
    unit.get_by_role("radio", name=re.compile("^B 类")).check()
    unit.get_by_label("答复内容").fill("已列入明年路灯建设计划。")
    shot(unit, "answer-form", full_page=True)
    unit.get_by_role("button", name="提交答复").click()
    expect(unit.get_by_role("status")).to_contain_text("答复已提交")

    deputy.reload()
    deputy.get_by_role("radio", name="基本满意").check()
    deputy.get_by_role("button", name="提交评判").click()
    expect(deputy.get_by_role("status")).to_contain_text("评判已提交")
    expect(deputy.locator(".receipt-facts")).to_contain_text("已办结")
    expect(deputy.get_by_role("region", name="办理过程")).to_contain_text("评判 · 已办结 · 基本满意")
    shot(deputy, "closed", full_page=True)

    if not AXE.exists():
        pytest.skip("axe-core not installed")
    checker = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}, locale="zh-CN", bypass_csp=True
    )
    page = checker.new_page()
    _sign_in(page, "deputy1@example.org", r"/staff/suggestions$")
    page.goto(path)
    check_axe(page, AXE.read_text(encoding="utf-8"), f"suggestion-{width}", axe_log)
    checker.close()
