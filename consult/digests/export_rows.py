"""Plain rows handed to the exporters, so exports never touch the database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SummaryRow:
    """One row of the 意见汇总表: one theme of one article, or a single comment.

    ``decision`` is one of 采纳 / 部分采纳 / 未采纳 / 已有规定 / 不属于本法规调整范围,
    or "" while the drafters have not answered yet.
    """

    article: str  # "第十二条" or "总体意见"
    summary: str  # 意见摘要: the theme label and a representative quote
    count: int  # 意见数量
    submitters: str  # 提出者类别, e.g. "市民 18，专家学者 2"
    decision: str  # 处理意见
    reason: str  # 理由
    stance: str = ""  # 立场, e.g. "赞成 12 · 反对 30 · 其他 8" ("" before any stance is known)


@dataclass(frozen=True)
class SummaryTable:
    """The whole 意见汇总表: a title, a subtitle line and its rows in reading order."""

    title: str  # e.g. "《滨海市公园管理条例（草案）》公开征求意见汇总表"
    subtitle: str  # e.g. "征求意见期：2026年11月1日至2026年11月30日，共收到意见 163 条"
    rows: tuple[SummaryRow, ...]
    headers: tuple[str, ...] = ("序号", "条款", "意见摘要", "意见数量", "立场", "提出者类别", "处理意见", "理由")
    author: str = ""  # the document's author in its properties: the legislature
