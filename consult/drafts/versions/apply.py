"""Applying an amendment's instructions to the text it amends: the consolidated text, or the list of
instructions that cannot be applied (and nothing applied at all).

Article numbers in instructions are those of the text being amended, as in every 修正案 and 修改决定:
an article is found by its original number first, and only then by a number an earlier instruction
gave it. "条文顺序作相应调整" renumbers the articles 第一条, 第二条 … at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consult.drafts.numerals import article_number
from consult.drafts.parsing.model import ParsedArticle, ParsedDraft
from consult.drafts.versions.instructions import Instruction

ITEM_START = "（"


@dataclass
class _Paragraph:
    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class _Article:
    key: tuple[int, int] | None  # its number in the text being amended; None for an added article
    number: tuple[int, int]
    paragraphs: list[_Paragraph]
    place: tuple[str | None, ...]  # part, part title, chapter, chapter title, section, section title


@dataclass(frozen=True)
class Refusal:
    number: int  # the instruction's number (一 → 1)
    reason: str


class AmendmentError(Exception):
    def __init__(self, refusals: list[Refusal]):
        super().__init__("; ".join(f"{r.number}: {r.reason}" for r in refusals))
        self.refusals = refusals


def _place(article: ParsedArticle) -> tuple[str | None, ...]:
    a = article
    return (a.part, a.part_title, a.chapter, a.chapter_title, a.section, a.section_title)


def _paragraphs(quoted: tuple[str, ...], label: str | None = None) -> list[_Paragraph]:
    """Quoted paragraphs as 款 with their 项 ("（一）…" lines belong to the 款 before them)."""
    out: list[_Paragraph] = []
    for text in quoted:
        text = text.strip()
        if label and not out and text.startswith(label):
            text = text[len(label) :].strip()
        if text.startswith(ITEM_START) and out:
            out[-1].items.append(text)
        else:
            out.append(_Paragraph(text))
    return out


class _Text:
    """The articles being amended, changed in place one instruction at a time."""

    def __init__(self, draft: ParsedDraft):
        self.articles = [
            _Article(
                (a.ordinal, a.sub_ordinal),
                (a.ordinal, a.sub_ordinal),
                [_Paragraph(p.text, list(p.items)) for p in a.paragraphs],
                _place(a),
            )
            for a in draft.articles
        ]

    def index(self, number: tuple[int, int]) -> int:
        for by in ("key", "number"):
            for i, article in enumerate(self.articles):
                if getattr(article, by) == number:
                    return i
        raise LookupError(f"{article_number(*number)}不存在")

    def exists(self, number: tuple[int, int]) -> bool:
        return any(a.number == number for a in self.articles)


def _paragraph_of(article: _Article, at: int | None) -> _Paragraph:
    if at is None:
        return article.paragraphs[0]
    if not 1 <= at <= len(article.paragraphs):
        raise LookupError(f"第{at}款不存在")
    return article.paragraphs[at - 1]


def _item_index(paragraph: _Paragraph, item: int) -> int:
    if not 1 <= item <= len(paragraph.items):
        raise LookupError(f"第{item}项不存在")
    return item - 1


def _insert_articles(text: _Text, at: int, numbers: list[tuple[int, int]], quoted: tuple[str, ...], place) -> None:
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
        text.articles.insert(at + offset, _Article(None, number, _paragraphs(tuple(group), label), place))


def _apply(text: _Text, ins: Instruction) -> None:
    kind = ins.kind
    if kind in ("in_force", "renumber"):
        return
    if kind == "unknown":
        raise LookupError("无法识别这条修改的写法")
    if kind == "add_article":
        number = ins.new_article or (0, 0)
        at = next((i for i, a in enumerate(text.articles) if a.number >= number), len(text.articles))
        place = text.articles[max(at - 1, 0)].place if text.articles else (None,) * 6
        text.articles.insert(at, _Article(None, number, _paragraphs(ins.text), place))
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
        article.paragraphs[(ins.at or 1) - 1 : (ins.at or 1) - 1] = _paragraphs(ins.text)
    elif kind == "add_paragraph_after":
        _paragraph_of(article, ins.paragraph)
        at = ins.paragraph or len(article.paragraphs)
        article.paragraphs[at:at] = _paragraphs(ins.text)
    elif kind == "modify":
        _modify(article, ins)
    if not ins.text and kind in ("modify", "add_paragraph", "add_paragraph_after", "add_article_after"):
        raise LookupError("没有找到引号中的新条文")


def _delete(text: _Text, i: int, ins: Instruction) -> None:
    article = text.articles[i]
    if ins.paragraph is None and ins.item is None:
        del text.articles[i]
        return
    paragraph = _paragraph_of(article, ins.paragraph)
    if ins.item is not None:
        del paragraph.items[_item_index(paragraph, ins.item)]
    else:
        article.paragraphs.remove(paragraph)


def _modify(article: _Article, ins: Instruction) -> None:
    new = _paragraphs(ins.text)
    if ins.item is not None:
        paragraph = (
            _paragraph_of(article, ins.paragraph)
            if ins.paragraph
            else next((p for p in article.paragraphs if p.items), article.paragraphs[0])
        )
        paragraph.items[_item_index(paragraph, ins.item)] = " ".join(ins.text).strip()
    elif ins.paragraph is not None:
        last = ins.last_paragraph or ins.paragraph
        _paragraph_of(article, last)
        article.paragraphs[ins.paragraph - 1 : last] = new
    else:
        article.paragraphs = new


def _replace_words(article: _Article, ins: Instruction) -> None:
    paragraphs = [_paragraph_of(article, ins.paragraph)] if ins.paragraph else article.paragraphs
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


def apply_amendment(base: ParsedDraft, instructions: list[Instruction]) -> list[_Article]:
    """The amended articles; AmendmentError naming every instruction that could not be applied."""
    text = _Text(base)
    refusals = []
    for ins in instructions:
        try:
            _apply(text, ins)
        except LookupError as error:
            refusals.append(Refusal(ins.number, str(error).strip("'\"")))
    renumber = any(i.kind == "renumber" for i in instructions)
    if not renumber:
        numbers = [a.number for a in text.articles]
        for ins in instructions:
            if ins.kind == "add_article" and ins.new_article and numbers.count(ins.new_article) > 1:
                label = article_number(*ins.new_article)
                refusals.append(Refusal(ins.number, f"{label}已存在，且修改没有说“条文顺序作相应调整”"))
    if refusals:
        raise AmendmentError(refusals)
    if renumber:
        for n, article in enumerate(text.articles, 1):
            article.number = (n, 0)
    return text.articles


def render(base: ParsedDraft, articles: list[_Article]) -> str:
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
