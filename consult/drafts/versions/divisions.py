"""New chapters and sections ("增加一章，作为第三章：“第三章　…") and numbering them afresh."""

from __future__ import annotations

import re

from consult.drafts.numerals import int_to_cn
from consult.drafts.structure import parse_draft
from consult.drafts.versions.instructions import Instruction
from consult.drafts.versions.working import Paragraph, Place, WorkArticle, WorkingText

_HEADING = re.compile(r"^(第[^\s　]+?[编章节])[\s　]*(.*)$")


def add_division(text: WorkingText, ins: Instruction) -> None:
    """A new chapter or section with its articles ("增加一章，作为第三章：“第三章　…"), placed after the
    chapter it names or before the one whose number it takes."""
    heading = _HEADING.match(ins.text[0].strip()) if ins.text else None
    parsed = parse_draft("\n".join(["新增", *ins.text[1:]]))
    if heading is None or not parsed.articles:
        raise LookupError("引文中没有新增章节的标题和条文")
    chapter, section = ins.division or (None, None)
    chapter_label = f"第{int_to_cn(chapter)}章" if chapter else None
    at = _division_index(text, ins, chapter_label, section)
    neighbour = text.articles[min(at, len(text.articles) - 1)].place if text.articles else (None,) * 6
    title = heading.group(2).strip()
    place: Place
    if ins.kind == "add_chapter":
        place = (neighbour[0], neighbour[1], heading.group(1), title, None, None)
    else:
        host = next((a.place for a in text.articles if a.place[2] == chapter_label), neighbour)
        place = (host[0], host[1], host[2], host[3], heading.group(1), title)
    for offset, article in enumerate(parsed.articles):
        paragraphs = [Paragraph(p.text, list(p.items)) for p in article.paragraphs]
        text.articles.insert(at + offset, WorkArticle(None, (article.ordinal, article.sub_ordinal), paragraphs, place))


def _division_index(text: WorkingText, ins: Instruction, chapter_label: str | None, section: int | None) -> int:
    places = [a.place for a in text.articles]
    if ins.after_division:
        after_chapter, after_section = ins.after_division
        label = f"第{int_to_cn(after_chapter or 0)}章"
        inside = [
            i
            for i, p in enumerate(places)
            if p[2] == label and (not after_section or p[4] == f"第{int_to_cn(after_section)}节")
        ]
        if not inside:
            raise LookupError(f"{label}{f'第{int_to_cn(after_section)}节' if after_section else ''}不存在")
        return inside[-1] + 1
    if ins.kind == "add_chapter":
        return next((i for i, p in enumerate(places) if p[2] == chapter_label), len(places))
    in_chapter = [i for i, p in enumerate(places) if p[2] == chapter_label]
    if not in_chapter:
        raise LookupError(f"{chapter_label}不存在")
    label = f"第{int_to_cn(section or 0)}节"
    return next((i for i in in_chapter if places[i][4] == label), in_chapter[-1] + 1)


def renumber_divisions(articles: list[WorkArticle]) -> None:
    """Chapters numbered afresh within each part, sections within each chapter, in reading order."""
    chapters: dict[tuple, str] = {}
    sections: dict[tuple, str] = {}
    for article in articles:
        part, part_title, chapter, chapter_title, section, section_title = article.place
        if chapter:
            key = (part, chapter, chapter_title)
            count = sum(1 for k in chapters if k[0] == part)
            new_chapter = chapters.setdefault(key, f"第{int_to_cn(count + 1)}章")
        else:
            new_chapter = None
        if section:
            skey = (part, chapter, chapter_title, section, section_title)
            count = sum(1 for k in sections if k[:3] == skey[:3])
            new_section = sections.setdefault(skey, f"第{int_to_cn(count + 1)}节")
        else:
            new_section = None
        article.place = (part, part_title, new_chapter, chapter_title, new_section, section_title)
