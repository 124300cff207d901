"""Turn a ParsedDraft into StructureNode rows: 编 > 章 > 节 > 条 > 款 > 项, in document order."""
from __future__ import annotations

import itertools
import re

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
    position = itertools.count(1)
    nodes: list[StructureNode] = []
    open_headings: dict[str, StructureNode | None] = dict.fromkeys(_LEVELS)

    def add(kind: str, parent: StructureNode | None, **fields) -> StructureNode:
        node = StructureNode(version_id=version_id, kind=kind, position=next(position), parent=parent, **fields)
        nodes.append(node)
        return node

    def innermost() -> StructureNode | None:
        return open_headings["section"] or open_headings["chapter"] or open_headings["part"]

    # `position` is the parser's document order; lines repeat when a text lost its line breaks.
    events = [(h.position, h.line, 0, h) for h in parsed.headings]
    events += [(a.position, a.line, 1, (a, aid)) for a, aid in zip(parsed.articles, article_ids)]
    for _position, _line, is_article, payload in sorted(events, key=lambda e: e[:3]):
        if not is_article:
            level = payload.level
            depth = _LEVELS.index(level)
            parent = next((open_headings[lv] for lv in reversed(_LEVELS[:depth]) if open_headings[lv]), None)
            for deeper in _LEVELS[depth:]:
                open_headings[deeper] = None
            open_headings[level] = add(level, parent, number=payload.number, title=payload.title,
                                       ordinal=_heading_ordinal(payload.number))
            continue
        article, article_id = payload
        node = add("article", innermost(), number=article.number, ordinal=article.ordinal,
                   sub_ordinal=article.sub_ordinal, title=article.heading, text=article_text(article),
                   article_id=article_id)
        for paragraph in article.paragraphs:
            para = add("paragraph", node, text=paragraph.text, article_id=article_id)
            for item in paragraph.items:
                label = _ITEM_LABEL.match(item)
                add("item", para, text=item, article_id=article_id,
                    number=label.group(0) if label else None,
                    ordinal=_heading_ordinal(label.group(1)) if label else 0)
    for annex in parsed.annexes:
        add("annex", None, title=annex.title, text=annex.text)
    return nodes
