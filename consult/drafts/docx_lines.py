"""A Word document as lines of text: paragraphs and table rows in document order, with Word's
automatic list numbers (第一条、（一）、1.) written out as the reader sees them."""

from __future__ import annotations

import io
import re

from consult.drafts.numerals import int_to_cn

_CHINESE_FORMATS = re.compile(r"chinese|ideograph|japaneseCounting|taiwanese")


def format_counter(value: int, num_fmt: str) -> str:
    """A Word list counter in its numFmt: decimal 3 → "3", chineseCounting 3 → "三"."""
    if _CHINESE_FORMATS.search(num_fmt or ""):
        return int_to_cn(value)
    if num_fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if num_fmt == "upperLetter" else letter
    if num_fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(value)


def docx_lines(buffer: io.BytesIO) -> tuple[list[str], list[str]]:
    """Paragraphs and table rows in document order; Word list numbers written out as text."""
    import docx  # python-docx is slow to import; only .docx uploads need it

    document = docx.Document(buffer)
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = list(dict.fromkeys(row.cells))  # merged cells repeat the same object
                lines.append("\t".join(cell.text.strip() for cell in cells))
        else:
            lines.append(numbering.label(block._p) + block.text)
    notes = ["numbering"] if numbering.used else []
    return lines, notes


def _val(element, *path: str) -> str | None:
    from docx.oxml.ns import qn

    for tag in path:
        if element is None:
            return None
        element = element.find(qn(tag))
    return None if element is None else element.get(qn("w:val"))


class _Numbering:
    """Enough of numbering.xml to write 第一条 back in front of an auto-numbered paragraph:
    drafts typed in Word often number their articles with a list style (lvlText 第%1条)."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self.used = False
        self.levels: dict[str, dict[int, tuple[str, str, int, str]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = document.styles.element
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            definition = abstract.get(_val(num, "w:abstractNumId"))
            if definition is not None:
                self.levels[num.get(qn("w:numId"))] = {
                    int(lvl.get(qn("w:ilvl"), 0)): (
                        _val(lvl, "w:numFmt") or "decimal",
                        _val(lvl, "w:lvlText") or "",
                        int(_val(lvl, "w:start") or 1),
                        _val(lvl, "w:suff") or "tab",
                    )
                    for lvl in definition.findall(qn("w:lvl"))
                }

    def label(self, p) -> str:
        num_id, ilvl = self._num_pr(p)
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels or levels[ilvl][0] in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id or "", {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def counter(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            fmt, _, start, _ = levels.get(level, ("decimal", "", 1, ""))
            return format_counter(counters.get(level, start), fmt)

        self.used = True
        fmt, text, _, suffix = levels[ilvl]
        return re.sub(r"%([1-9])", counter, text) + ("" if suffix == "nothing" else " ")

    def _num_pr(self, p) -> tuple[str | None, int]:
        qn = self._qn
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            style_id = _val(p, "w:pPr", "w:pStyle")
            for style in self.styles.findall(qn("w:style")):
                if style_id and style.get(qn("w:styleId")) == style_id:
                    num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            return None, 0
        return _val(num_pr, "w:numId"), int(_val(num_pr, "w:ilvl") or 0)
