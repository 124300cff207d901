"""The frozen results of parsing a draft, and the warning vocabulary.

Every string the parser takes from the source ends up in one of these objects: `ParsedDraft.all_text`
lists them all, so a test can prove that no character of the input was silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Stable warning codes; the CLI, the import preview and stored `parse_warnings` rely on them.
WARNING_KINDS: dict[str, str] = {
    "no_articles": "未识别出任何条文",
    "numbering_gap": "条文编号不连续，应为{expected}，实为{found}",
    "numbering_repeat": "条文编号重复：{found}",
    "numbering_order": "条文编号倒退，应为{expected}，实为{found}",
    "orphan_text": "此段文字不属于任何条文，已原样保留",
    "heading_wrapped": "标题跨行，已合并为“{title}”",
    "inline_items_split": "同一行内的{count}项已拆分为单独的项",
    "articles_split": "一行内包含{count}条条文（原文换行丢失），已按条拆分",
    "toc_skipped": "已跳过目录（{count}行）",
    "annex": "条文之后的“{title}”作为附件处理，不作为条文",
    "web_chrome": "网页导航、页眉或页脚文字，已排除在正文之外",
}


@dataclass(frozen=True)
class Paragraph:
    """A 款: `text` is the paragraph (the first one without its 第X条 label); `items` its 项."""

    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedArticle:
    """A 条 and where it sits in the 编 > 章 > 节 hierarchy."""

    number: str  # normalised, e.g. 第十二条之一 (第12条 becomes 第十二条)
    ordinal: int
    sub_ordinal: int
    part: str | None
    part_title: str | None
    chapter: str | None
    chapter_title: str | None
    section: str | None
    section_title: str | None
    heading: str | None
    paragraphs: tuple[Paragraph, ...]
    line: int
    label: str = ""  # the label exactly as the source wrote it, heading brackets included
    position: int = 0  # document order among headings and articles (lines repeat when breaks were lost)


@dataclass(frozen=True)
class ParseWarning:
    kind: str
    line: int | None
    text: str
    detail: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        template = WARNING_KINDS.get(self.kind, self.kind)
        try:
            message = template.format(**self.detail)
        except (KeyError, IndexError, ValueError):
            message = template
        return f"第{self.line}行：{message}" if self.line else message


@dataclass(frozen=True)
class Heading:
    level: str  # "part" | "chapter" | "section"
    number: str | None  # normalised, e.g. 第二章; None for an unnumbered 附则
    title: str  # whitespace removed: 总　　则 → 总则
    line: int
    source: str = ""  # the heading line(s) as written
    position: int = 0


@dataclass(frozen=True)
class Annex:
    title: str
    text: str
    line: int


@dataclass(frozen=True)
class ParsedDraft:
    title: str
    preamble: tuple[str, ...]
    toc: tuple[str, ...]
    headings: tuple[Heading, ...]
    articles: tuple[ParsedArticle, ...]
    annexes: tuple[Annex, ...]
    warnings: tuple[ParseWarning, ...]

    def to_json(self) -> dict[str, object]:
        """The shape the JSON API and the CLI print; keep it stable."""
        return {
            "title": self.title,
            "articles": [
                {
                    "number": a.number,
                    "part": a.part,
                    "chapter": a.chapter,
                    "chapter_title": a.chapter_title,
                    "section": a.section,
                    "section_title": a.section_title,
                    "paragraphs": [{"text": p.text, "items": list(p.items)} for p in a.paragraphs],
                }
                for a in self.articles
            ],
            "warnings": [str(w) for w in self.warnings],
        }

    def all_text(self) -> list[str]:
        """Every string this result holds, source labels included."""
        out = [self.title, *self.preamble, *self.toc]
        for h in self.headings:
            out += [h.number or "", h.title, h.source]
        for a in self.articles:
            out += [a.number, a.label, a.heading or ""]
            for p in a.paragraphs:
                out += [p.text, *p.items]
        for annex in self.annexes:
            out += [annex.title, annex.text]
        out += [w.text for w in self.warnings]
        return out
