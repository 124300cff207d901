"""Drafts imported from PDF and Word 97-2003: every article exact, and how long it takes.

    .venv/bin/python benchmarks/import_formats.py [--browser]

The four real regulations of ../shared/corpus/regulations are printed to PDF the way drafts reach us —
by WeasyPrint with a 2-character first-line indent and, with --browser, by Chromium with its running
header (date, title) and footer (address, "n/N") in three paragraph styles (indented, spaced, flush) —
and saved as .doc by LibreOffice. Each is imported by the app (read_upload, child process included)
and compared with the ground truth (number, 款 and 项 counts of every article). For the choice of PDF
library, the same PDFs are also read by pypdf's plain text extraction, lines taken as they come (radical
code points unified as ours are).
Targets (issue): a 500-article PDF in ≤ 10 s, a .doc in ≤ 15 s including conversion.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "drafts"))

from format_files import converted_with_libreoffice, docx_of, office  # noqa: E402

from consult.drafts.importers import read_upload  # noqa: E402
from consult.drafts.radicals import unify_radicals  # noqa: E402
from consult.drafts.structure import parse_draft  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "regulations"
NAMES = ["03_beijing_gongyuan", "05_luoyang_gongyuan_guangchang", "10_paimaifa", "12_xingfa"]
STYLES = {"indented": "p{text-indent:2em;margin:0}", "spaced": "p{margin:0 0 .8em}", "flush": "p{margin:0}"}


def exact(text: str, truth: dict) -> int:
    got = [(a.number, len(a.paragraphs), sum(len(p.items) for p in a.paragraphs)) for a in parse_draft(text).articles]
    expected = [(a["number"], a["paragraphs"], a["items"]) for a in truth["articles"]]
    return sum(g == e for g, e in zip(got, expected)) if len(got) == len(expected) else 0


def weasy_pdf(lines: list[str]) -> bytes:
    from weasyprint import HTML

    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    css = (
        "@page{size:A4;margin:20mm;@top-center{content:'" + lines[0] + "';font-size:8pt}"
        "@bottom-right{content:counter(page) '/' counter(pages);font-size:8pt}}"
        "body{font-family:'Noto Serif CJK SC';font-size:12pt;line-height:1.6}p{margin:0;text-indent:2em}"
    )
    return HTML(string=f"<style>{css}</style>{body}").write_pdf()


def browser_pdfs(lines: list[str]) -> dict[str, bytes]:
    from playwright.sync_api import sync_playwright

    found = {}
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for name, css in STYLES.items():
            page.set_content(f"<title>{html.escape(lines[0])}</title><style>body{{font-size:16px}}{css}</style>{body}")
            footer = '<div style="font-size:8px;width:100%;text-align:right"><span class="url"></span> '
            footer += '<span class="pageNumber"></span>/<span class="totalPages"></span></div>'
            header = (
                '<div style="font-size:8px;width:100%"><span class="date"></span> <span class="title"></span></div>'
            )
            found[f"Chromium, {name}"] = page.pdf(
                format="A4", display_header_footer=True, header_template=header, footer_template=footer,
                margin={"top": "20mm", "bottom": "20mm", "left": "15mm", "right": "15mm"},
            )  # fmt: skip
        browser.close()
    return found


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    # Radicals unified as ours are, so that the comparison is of layout reading only.
    return unify_radicals("\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


def timed(name: str, data: bytes) -> tuple[str, float]:
    start = time.perf_counter()
    text = read_upload(name, data).text
    return text, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--browser", action="store_true", help="also print with Chromium (needs /usr/bin/chromium)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found: the benchmark needs the shared corpus")
    totals: dict[str, list[int]] = {}
    for name in NAMES:
        truth = json.loads((CORPUS / f"{name}.truth.json").read_text(encoding="utf-8"))
        lines = [line.strip() for line in (CORPUS / f"{name}.txt").read_text("utf-8-sig").splitlines() if line.strip()]
        pdfs = {"WeasyPrint, indented": weasy_pdf(lines)}
        if args.browser:
            pdfs.update(browser_pdfs(lines))
        n = truth["article_count"]
        for how, data in pdfs.items():
            text, seconds = timed(f"{name}.pdf", data)
            ours, theirs = exact(text, truth), exact(pypdf_text(data), truth)
            for key, value in ((f"{how}: ours", ours), (f"{how}: pypdf", theirs)):
                totals.setdefault(key, [0, 0])[0] += value
                totals[key][1] += n
            print(f"{name:32} {how:22} ours {ours:3d}/{n}  pypdf {theirs:3d}/{n}  ({seconds:.1f} s)")
        if office():
            text, seconds = timed(f"{name}.doc", converted_with_libreoffice(docx_of("\n".join(lines)), "doc"))
            print(f"{name:32} {'.doc (LibreOffice)':22} ours {exact(text, truth):3d}/{n}  ({seconds:.1f} s)")
    print()
    for key, (right, total) in totals.items():
        print(f"{key:34} {right}/{total} articles exact")


if __name__ == "__main__":
    main()
