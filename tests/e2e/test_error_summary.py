"""An empty comment on a phone: the page opens on a summary of what to fix, focused and in view,
each problem linked to its field."""

import re

from playwright.sync_api import expect


def test_empty_comment_opens_on_a_focused_error_summary(width, new_context, live_server, shots):
    page = new_context(width).new_page()
    page.goto("/drafts/park-regulation/articles/12")
    page.get_by_role("button", name="提交意见").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    shots("resident", width)(page, "error-summary")
    link = summary.get_by_role("link", name=re.compile("请填写您的意见"))
    expect(link).to_have_attribute("href", "#body")
    link.click()
    expect(page.locator("#body")).to_be_in_viewport()
