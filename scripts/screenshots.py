"""Screenshots of the pages named on the command line, at 390 px and 1280 px, in Debian's Chromium.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:5000 home=/ draft=/drafts/park-regulation
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def main(base: str, pages: list[str], widths=(390, 1280)) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 844 if width < 600 else 900}, locale="zh-CN")
            for spec in pages:
                name, _, path = spec.partition("=")
                page.goto(base + path)
                page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=width < 600 and name != "draft")
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
