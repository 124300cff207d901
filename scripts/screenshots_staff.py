"""Screenshots of staff pages after signing in with a demo account.

    .venv/bin/python scripts/screenshots_staff.py http://127.0.0.1:5000 drafter@example.org \\
        digest=/staff/digests/1 article-digest=/staff/digests/1/articles/12
"""
from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright
from screenshots import CHROMIUM_ARGS, OUT

PASSWORD = "consult-demo-2026"


def main(base: str, email: str, pages: list[str], widths=(390, 1280)) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 844 if width < 600 else 900}, locale="zh-CN")
            page.goto(f"{base}/staff/login")
            page.fill("#email", email)
            page.fill("#password", PASSWORD)
            page.click("#submit")
            for spec in pages:
                name, _, path = spec.partition("=")
                page.goto(base + path)
                page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=width >= 600)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
