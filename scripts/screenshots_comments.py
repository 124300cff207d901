"""Screenshots of the comment journey at 390 px: article with its form, confirmation, receipt, queue.

    .venv/bin/python scripts/screenshots_comments.py http://127.0.0.1:5000   (against `make run`)
"""
from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright
from screenshots import CHROMIUM_ARGS, OUT


def main(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
        page.goto(f"{base}/drafts/park-regulation/articles/12")
        page.locator("#comments").scroll_into_view_if_needed()
        page.screenshot(path=str(OUT / "comment-form-390.png"), full_page=True)
        page.fill("#body", "建议第十二条第一款第三项的音量限值按白天和夜间分别规定，夜间应更严格。")
        page.fill("#display_name", "陈先生")
        page.select_option("#district", "港湾区")
        page.click("#submit")
        page.screenshot(path=str(OUT / "comment-confirmation-390.png"), full_page=True)
        page.click("text=查看回执和处理情况")
        page.screenshot(path=str(OUT / "comment-receipt-390.png"), full_page=True)
        page.goto(f"{base}/staff/login")
        page.fill("#email", "moderator@example.org")
        page.fill("#password", "consult-demo-2026")
        page.click("#submit")
        page.goto(f"{base}/staff/consultations/1/comments")
        page.screenshot(path=str(OUT / "moderation-queue-390.png"), full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
