"""The text of a PDF draft, paragraph by paragraph, as its author wrote it — not as a page laid it out.

Lines are read with their positions (pdfplumber, on pdfminer.six). Running headers and footers are
dropped: lines near the top or bottom edge that repeat on most pages (digits aside), and page numbers
("1/19", "- 3 -", "第 3 页 共 19 页"), print dates and web addresses there. Lines wrapped at the page
width are joined again: a paragraph starts where a line is indented (the usual two characters), is
centred, follows a short line or a wide gap, or opens an article ("第十二条　"); otherwise the line
carries on the one before, across a page break too. Each thing removed is reported, so a drafter can
check it. Pure: a file path in, lines and notes out; run in a child process by pdf_import.py.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections import Counter
from dataclasses import dataclass

from consult.drafts.radicals import unify_radicals

EDGE_SHARE = 0.1  # the top and bottom tenth of a page hold its header and footer
MIN_TEXT_PER_PAGE = 20  # fewer characters than this per page: a scan, not a text layer
_PAGE_FURNITURE = re.compile(
    r"^(?:[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|page\s*\d+(?:\s*of\s*\d+)?|\d+)$"
    r"|https?://\S+|www\.\S+"
    r"|^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?",
    re.IGNORECASE,
)
_OPENS_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+[条章节编](?:之[一二三四五六七八九十]+)?[\s\u3000]")
_ASCII_WORD_END = re.compile(r"[A-Za-z0-9]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z0-9]")


class PdfError(Exception):
    """`code`: "no_text" (a scan), "encrypted" or "bad_pdf"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page_height: float


def _read(path: str) -> tuple[list[Line], int]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            lines = []
            for number, page in enumerate(pdf.pages, 1):
                for found in page.extract_text_lines(return_chars=True, strip=True):
                    sizes = [c["size"] for c in found["chars"] if not c["text"].isspace()]
                    if found["text"].strip() and sizes:
                        size = sorted(sizes)[len(sizes) // 2]
                        lines.append(
                            Line(
                                number,
                                unify_radicals(found["text"].strip()),
                                found["x0"],
                                found["x1"],
                                found["top"],
                                found["bottom"],
                                size,
                                float(page.height),
                            )
                        )
            return lines, len(pdf.pages)
    except Exception as error:  # pdfminer raises PSSyntaxError, PDFSyntaxError, KeyError, ValueError…
        # pdfplumber wraps pdfminer's errors: the password error is its argument.
        if any(isinstance(cause, PDFPasswordIncorrect) for cause in (error, *error.args, error.__context__)):
            raise PdfError("encrypted") from error
        raise PdfError("bad_pdf") from error


def _at_edge(line: Line) -> bool:
    return line.top < EDGE_SHARE * line.page_height or line.bottom > (1 - EDGE_SHARE) * line.page_height


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _furniture(lines: list[Line], pages: int) -> set[int]:
    """Indexes of header and footer lines: at an edge, and repeated on most pages or page furniture."""
    shapes = Counter(_shape(line.text) for line in {(l.page, _shape(l.text)): l for l in lines if _at_edge(l)}.values())
    repeated = {s for s, n in shapes.items() if pages >= 2 and n >= max(2, pages // 2)}
    return {
        i
        for i, line in enumerate(lines)
        if _at_edge(line) and (_shape(line.text) in repeated or _PAGE_FURNITURE.search(line.text.strip()))
    }


def _margins(body: list[Line]) -> tuple[float, float, float]:
    """(left margin, right margin, character size) of the body text."""
    size = Counter(round(l.size, 1) for l in body).most_common(1)[0][0]
    # Not simply the most common start: where most paragraphs fit on a line or two, indented first
    # lines outnumber the lines that start at the margin. The leftmost start used often is the margin.
    starts = Counter(round(l.x0) for l in body)
    left = min(x for x, n in starts.items() if n >= max(2, 0.05 * len(body)) or n == max(starts.values()))
    right = Counter(round(l.x1) for l in body).most_common(1)[0][0]
    return float(left), float(max(right, left + size)), float(size)


def _line_gap(body: list[Line], size: float) -> float:
    """The space between two lines of one paragraph: the smallest gap that recurs (where paragraphs
    are spaced apart and short, most gaps are between paragraphs)."""
    gaps = Counter(round(b.top - a.bottom) for a, b in zip(body, body[1:]) if a.page == b.page and b.top > a.bottom)
    common = [gap for gap, n in gaps.items() if n >= max(2, 0.05 * sum(gaps.values()))]
    return float(min(common)) if common else size / 2


def _starts_paragraph(line: Line, before: Line, left: float, right: float, size: float, pitch: float) -> bool:
    indent = (line.x0 - left) / size
    if indent >= 1.5:  # indented (two characters) or centred
        return True
    if before.x1 < right - 1.5 * size or (before.x0 - left) / size >= 4 and before.x1 < right - size:
        return True  # the line before stopped short, or was a centred heading
    if line.page == before.page and line.top - before.bottom > pitch + size / 2:
        return True  # paragraphs spaced apart
    return bool(_OPENS_ARTICLE.match(line.text))


def _join(paragraph: str, line: str) -> str:
    space = " " if _ASCII_WORD_END.search(paragraph) and _ASCII_WORD_START.match(line) else ""
    return paragraph + space + line


def pdf_lines(path: str) -> tuple[list[str], list[str]]:
    """(paragraphs, notes on what was removed or joined). Raises PdfError."""
    lines, pages = _read(path)
    if sum(len(l.text) for l in lines) < MIN_TEXT_PER_PAGE * max(pages, 1):
        raise PdfError("no_text")
    dropped = _furniture(lines, pages)
    body = [l for i, l in enumerate(lines) if i not in dropped]
    if not body:
        raise PdfError("no_text")
    left, right, size = _margins(body)
    pitch = _line_gap(body, size)
    paragraphs, joined_pages = [body[0].text], []
    for before, line in zip(body, body[1:]):
        if _starts_paragraph(line, before, left, right, size, pitch):
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line.text)
            if line.page != before.page:
                joined_pages.append(before.page)
    return paragraphs, _notes(lines, dropped, joined_pages)


def _notes(lines: list[Line], dropped: set[int], joined_pages: list[int]) -> list[str]:
    removed: Counter[str] = Counter(_shape(lines[i].text) for i in dropped)
    examples: dict[str, str] = {}
    for i in sorted(dropped):
        examples.setdefault(_shape(lines[i].text), lines[i].text)
    notes = [f"removed:{n}:{examples[shape]}" for shape, n in removed.most_common()]
    notes += [f"joined:{page}" for page in joined_pages]
    return notes


def main() -> int:
    """`python -m consult.drafts.pdf_lines FILE`: JSON {"lines", "notes"} or {"error"} on stdout."""
    logging.disable(logging.WARNING)  # pdfminer warns of every odd font descriptor
    try:
        lines, notes = pdf_lines(sys.argv[1])
    except PdfError as error:
        json.dump({"error": error.code}, sys.stdout)
        return 0
    json.dump({"lines": lines, "notes": notes}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
