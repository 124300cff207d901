"""Turn a ParsedDraft into StructureNode rows: 编 > 章 > 节 > 条 > 款 > 项, in document order."""

from __future__ import annotations

import itertools
import re
from typing import Any

from consult.drafts.models import StructureNode
from consult.drafts.numerals import cn_to_int
from consult.drafts.structure import ParsedDraft

_LEVELS = ("part", "chapter", "section")
_ITEM_LABEL = re.compile(r"^[（(]([一二三四五六七八九十百零〇]+)[）)]")


def _heading_ordinal(number: str | None) -> int:
    if not number:
        return 0
    digits = number.strip("第编章节")
    try:
        return cn_to_int(digits)
    except (ValueError, KeyError):
        return 0


def article_text(article) -> str:
    """The article's whole text, one line per 款 and 项: what search and digests read."""
    lines = []
    for paragraph in article.paragraphs:
        lines.append(paragraph.text)
        lines.extend(paragraph.items)
    return "\n".join(line for line in lines if line)


def build_nodes(parsed: ParsedDraft, version_id: int, article_ids: list[int]) -> list[StructureNode]:
    """The parsed draft as StructureNode rows in document order, headings enclosing their articles."""
    tree = _TreeBuilder(version_id)
    # `position` is the parser's document order; lines repeat when a text lost its line breaks.
    events: list[tuple[int, int, int, Any]] = [(h.position, h.line, 0, h) for h in parsed.headings]
    events += [(a.position, a.line, 1, (a, aid)) for a, aid in zip(parsed.articles, article_ids)]
    for _position, _line, is_article, payload in sorted(events, key=lambda e: e[:3]):
        if is_article:
            article, article_id = payload
            tree.article(article, article_id)
        else:
            tree.heading(payload)
    for annex in parsed.annexes:
        tree.add("annex", None, title=annex.title, text=annex.text)
    return tree.nodes


class _TreeBuilder:
    def __init__(self, version_id: int):
        self.version_id = version_id
        self.position = itertools.count(1)
        self.nodes: list[StructureNode] = []
        self.open_headings: dict[str, StructureNode | None] = dict.fromkeys(_LEVELS)

    def add(self, kind: str, parent: StructureNode | None, **fields) -> StructureNode:
        node = StructureNode(
            version_id=self.version_id, kind=kind, position=next(self.position), parent=parent, **fields
        )
        self.nodes.append(node)
        return node

    def heading(self, heading) -> None:
        depth = _LEVELS.index(heading.level)
        parent = next((self.open_headings[lv] for lv in reversed(_LEVELS[:depth]) if self.open_headings[lv]), None)
        for deeper in _LEVELS[depth:]:
            self.open_headings[deeper] = None
        self.open_headings[heading.level] = self.add(
            heading.level, parent, number=heading.number, title=heading.title, ordinal=_heading_ordinal(heading.number)
        )

    def article(self, article, article_id: int) -> None:
        innermost = self.open_headings["section"] or self.open_headings["chapter"] or self.open_headings["part"]
        node = self.add(
            "article",
            innermost,
            number=article.number,
            ordinal=article.ordinal,
            sub_ordinal=article.sub_ordinal,
            title=article.heading,
            text=article_text(article),
            article_id=article_id,
        )
        for paragraph in article.paragraphs:
            para = self.add("paragraph", node, text=paragraph.text, article_id=article_id)
            for item in paragraph.items:
                label = _ITEM_LABEL.match(item)
                self.add(
                    "item",
                    para,
                    text=item,
                    article_id=article_id,
                    number=label.group(0) if label else None,
                    ordinal=_heading_ordinal(label.group(1)) if label else 0,
                )
