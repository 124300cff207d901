"""What a resident meets on a phone: a refused comment opens on a focused summary of what to fix,
each problem linked to its field; a receipt number stays on one line and can be copied; English
with large text fits the screen."""

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


def test_receipt_number_stays_on_one_line_and_can_be_copied(width, new_context, live_server):
    context = new_context(width, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("/drafts/park-regulation/articles/12")
    page.get_by_label("您的意见").fill("建议公园夜间照明延长到二十二点。")
    page.get_by_role("button", name="提交意见").click()
    code = page.locator(".receipt-number .mono")
    box = code.bounding_box()
    line = float(code.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || e.getBoundingClientRect().height"))
    assert box is not None and box["height"] < 1.5 * line  # one line, not "1C98-EFJX-" over "Y7WA"
    page.bring_to_front()  # the clipboard answers the focused page only
    page.get_by_role("button", name="复制").click()
    expect(page.get_by_role("button", name="已复制")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == code.inner_text().strip()


def test_hearing_in_english_with_large_text_fits_a_phone(new_context, live_server):
    context = new_context(390)
    context.add_cookies(
        [
            {"name": "lang", "value": "en", "url": live_server.url},
            {"name": "display", "value": "large", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.goto("/hearings/1")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_digest_charts_keep_readable_text_at_every_width(width, staff_page, live_server, shots):
    """At 390 px the 640-unit charts shrank their 13 px labels to about 7 px; each chart is now also
    drawn for a phone's width, and the page shows the one that fits."""
    page = staff_page("drafter", width)
    page.goto("/staff/digests/1")
    charts = page.locator(".chart svg:visible")
    assert charts.count() == 5
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.chart svg text')]
            .filter(t => t.getClientRects().length && t.textContent.trim())
            .map(t => t.getBoundingClientRect().height)"""
    )
    assert sizes and min(sizes) >= 10, sorted(sizes)[:5]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shots("drafter", width)(page, "digest-charts", full_page=True)
