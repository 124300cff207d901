"""Applying an amendment's instructions to the text it amends: the consolidated text, or the list of
instructions that cannot be applied (and nothing applied at all).

Article numbers in instructions are those of the text being amended, as in every 修正案 and 修改决定:
an article is found by its original number first, and only then by a number an earlier instruction
gave it. "条文顺序作相应调整" renumbers the articles 第一条, 第二条 … at the end, and the references
between them with them (references.py).
"""

from __future__ import annotations

from consult.drafts.numerals import article_number
from consult.drafts.parsing.model import ParsedDraft
from consult.drafts.versions.divisions import add_division, renumber_divisions
from consult.drafts.versions.instructions import Instruction
from consult.drafts.versions.references import renumber_references
from consult.drafts.versions.working import (
    AmendmentError,
    Refusal,
    WorkArticle,
    WorkingText,
    item_index,
    paragraph_of,
    quoted_paragraphs,
)


def _insert_articles(
    text: WorkingText, at: int, numbers: list[tuple[int, int]], quoted: tuple[str, ...], place
) -> None:
    groups: list[list[str]] = []
    labels = [article_number(*n) for n in numbers]
    for paragraph in quoted:
        if not groups or (len(groups) < len(labels) and paragraph.startswith(labels[len(groups)])):
            groups.append([])
        groups[-1].append(paragraph)
    if len(groups) != len(numbers):
        raise LookupError(f"引文中的条文数与“增加{len(numbers)}条”不符")
    for offset, (number, label, group) in enumerate(zip(numbers, labels, groups)):
        if text.exists(number):
            raise LookupError(f"{label}已存在")
        text.articles.insert(at + offset, WorkArticle(None, number, quoted_paragraphs(tuple(group), label), place))


def _apply(text: WorkingText, ins: Instruction) -> None:
    kind = ins.kind
    if kind in ("in_force", "renumber"):
        return
    if kind == "unknown":
        raise LookupError("无法识别这条修改的写法")
    if kind in ("add_chapter", "add_section"):
        add_division(text, ins)
        return
    if kind == "add_article":
        number = ins.new_article or (0, 0)
        at = next((i for i, a in enumerate(text.articles) if a.number >= number), len(text.articles))
        place = text.articles[max(at - 1, 0)].place if text.articles else (None,) * 6
        text.articles.insert(at, WorkArticle(None, number, quoted_paragraphs(ins.text), place))
        return
    i = text.index(ins.article or (0, 0))
    article = text.articles[i]
    if kind == "add_article_after":
        _insert_articles(text, i + 1, [ins.new_article or (0, 0)], ins.text, article.place)
    elif kind == "add_articles_after":
        _insert_articles(text, i + 1, list(ins.new_articles), ins.text, article.place)
    elif kind == "delete":
        _delete(text, i, ins)
    elif kind in ("replace_words", "delete_words"):
        _replace_words(article, ins)
    elif kind == "add_paragraph":
        if not 1 <= (ins.at or 0) <= len(article.paragraphs) + 1:
            raise LookupError(f"不能作为第{ins.at}款")
        article.paragraphs[(ins.at or 1) - 1 : (ins.at or 1) - 1] = quoted_paragraphs(ins.text)
    elif kind == "add_paragraph_after":
        paragraph_of(article, ins.paragraph)
        at = ins.paragraph or len(article.paragraphs)
        article.paragraphs[at:at] = quoted_paragraphs(ins.text)
    elif kind == "modify":
        _modify(article, ins)
    if not ins.text and kind in ("modify", "add_paragraph", "add_paragraph_after", "add_article_after"):
        raise LookupError("没有找到引号中的新条文")


def _delete(text: WorkingText, i: int, ins: Instruction) -> None:
    article = text.articles[i]
    if ins.paragraph is None and ins.item is None:
        del text.articles[i]
        return
    paragraph = paragraph_of(article, ins.paragraph)
    if ins.item is not None:
        del paragraph.items[item_index(paragraph, ins.item)]
    else:
        article.paragraphs.remove(paragraph)


def _modify(article: WorkArticle, ins: Instruction) -> None:
    new = quoted_paragraphs(ins.text)
    if ins.item is not None:
        paragraph = (
            paragraph_of(article, ins.paragraph)
            if ins.paragraph
            else next((p for p in article.paragraphs if p.items), article.paragraphs[0])
        )
        paragraph.items[item_index(paragraph, ins.item)] = " ".join(ins.text).strip()
    elif ins.paragraph is not None:
        last = ins.last_paragraph or ins.paragraph
        paragraph_of(article, last)
        article.paragraphs[ins.paragraph - 1 : last] = new
    else:
        article.paragraphs = new


def _replace_words(article: WorkArticle, ins: Instruction) -> None:
    paragraphs = [paragraph_of(article, ins.paragraph)] if ins.paragraph else article.paragraphs
    for old, new in ins.words:
        found = False
        for paragraph in paragraphs:
            if old in paragraph.text:
                paragraph.text, found = paragraph.text.replace(old, new), True
            for n, item in enumerate(paragraph.items):
                if old in item:
                    paragraph.items[n], found = item.replace(old, new), True
        if not found:
            raise LookupError(f"没有找到“{old}”")


def apply_amendment(base: ParsedDraft, instructions: list[Instruction]) -> list[WorkArticle]:
    """The amended articles; AmendmentError naming every instruction that could not be applied."""
    return amend(base, instructions).articles


def amend(base: ParsedDraft, instructions: list[Instruction]) -> WorkingText:
    """The amended text with what each instruction changed; AmendmentError as apply_amendment."""
    text = WorkingText(base)
    refusals = []
    for ins in instructions:
        before = text.snapshot()
        try:
            _apply(text, ins)
        except LookupError as error:
            refusals.append(Refusal(ins.number, str(error).strip("'\"")))
        text.record(ins.number, before)
    renumber = any(i.kind == "renumber" for i in instructions)
    if not renumber:
        numbers = [a.number for a in text.articles]
        for ins in instructions:
            if ins.kind in ("add_chapter", "add_section") and len(numbers) != len(set(numbers)):
                refusals.append(
                    Refusal(ins.number, "新增章节的条文编号与已有条文重复，且修改没有说“条文顺序作相应调整”")
                )
            if ins.kind == "add_article" and ins.new_article and numbers.count(ins.new_article) > 1:
                label = article_number(*ins.new_article)
                refusals.append(Refusal(ins.number, f"{label}已存在，且修改没有说“条文顺序作相应调整”"))
    if refusals:
        raise AmendmentError(refusals)
    if renumber:
        for n, article in enumerate(text.articles, 1):
            article.number = (n, 0)
        renumber_references(text.articles)
        if any(i.kind in ("add_chapter", "add_section") for i in instructions):
            renumber_divisions(text.articles)
    return text


def render(base: ParsedDraft, articles: list[WorkArticle]) -> str:
    """The consolidated text in the layout of the base: title, headings, one line per 款 or 项."""
    lines = [base.title, *base.preamble, ""] if base.title else []
    shown: tuple[str | None, ...] = (None,) * 6
    for article in articles:
        for number_at, title_at in ((0, 1), (2, 3), (4, 5)):
            if article.place[number_at] and article.place[number_at : title_at + 1] != shown[number_at : title_at + 1]:
                lines.append(f"{article.place[number_at]}　{article.place[title_at] or ''}".strip())
        shown = article.place
        label = article_number(*article.number)
        for n, paragraph in enumerate(article.paragraphs):
            lines.append(f"{label}　{paragraph.text}" if n == 0 else paragraph.text)
            lines.extend(paragraph.items)
    for annex in base.annexes:
        lines.extend(["", annex.title, annex.text])
    return "\n".join(lines) + "\n"
