"""The text being amended, as the instructions change it: articles with their 款 and 项 and where each
sits (编 / 章 / 节). Mutable on purpose: instructions apply one after another."""

from __future__ import annotations

from dataclasses import dataclass, field

from consult.drafts.numerals import article_number
from consult.drafts.parsing.model import ParsedArticle, ParsedDraft

Place = tuple[str | None, str | None, str | None, str | None, str | None, str | None]

ITEM_START = "（"


@dataclass
class Paragraph:
    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class WorkArticle:
    key: tuple[int, int] | None  # its number in the text being amended; None for an added article
    number: tuple[int, int]
    paragraphs: list[Paragraph]
    place: Place  # part, part title, chapter, chapter title, section, section title


@dataclass(frozen=True)
class Refusal:
    number: int  # the instruction's number (一 → 1)
    reason: str


class AmendmentError(Exception):
    def __init__(self, refusals: list[Refusal]):
        super().__init__("; ".join(f"{r.number}: {r.reason}" for r in refusals))
        self.refusals = refusals


def place_of(article: ParsedArticle) -> Place:
    a = article
    return (a.part, a.part_title, a.chapter, a.chapter_title, a.section, a.section_title)


def quoted_paragraphs(quoted: tuple[str, ...], label: str | None = None) -> list[Paragraph]:
    """Quoted paragraphs as 款 with their 项 ("（一）…" lines belong to the 款 before them)."""
    out: list[Paragraph] = []
    for text in quoted:
        text = text.strip()
        if label and not out and text.startswith(label):
            text = text[len(label) :].strip()
        if text.startswith(ITEM_START) and out:
            out[-1].items.append(text)
        else:
            out.append(Paragraph(text))
    return out


class WorkingText:
    """The articles being amended, changed in place one instruction at a time. `touched` and `removed`
    say, per instruction number, which articles it changed or added and which it deleted."""

    def __init__(self, draft: ParsedDraft):
        self.touched: dict[int, list[WorkArticle]] = {}
        self.removed: dict[int, list[WorkArticle]] = {}
        self.articles = [
            WorkArticle(
                (a.ordinal, a.sub_ordinal),
                (a.ordinal, a.sub_ordinal),
                [Paragraph(p.text, list(p.items)) for p in a.paragraphs],
                place_of(a),
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

    def snapshot(self) -> list[tuple[WorkArticle, list[tuple[str, tuple[str, ...]]]]]:
        return [(a, [(p.text, tuple(p.items)) for p in a.paragraphs]) for a in self.articles]

    def record(self, number: int, before: list[tuple[WorkArticle, list[tuple[str, tuple[str, ...]]]]]) -> None:
        """What instruction `number` did, compared with the snapshot taken before it ran."""
        was = {id(a): paragraphs for a, paragraphs in before}
        now = {id(a) for a in self.articles}
        self.removed[number] = [a for a, _ in before if id(a) not in now]
        self.touched[number] = [
            a for a in self.articles if was.get(id(a)) != [(p.text, tuple(p.items)) for p in a.paragraphs]
        ]


def paragraph_of(article: WorkArticle, at: int | None) -> Paragraph:
    if at is None:
        return article.paragraphs[0]
    if not 1 <= at <= len(article.paragraphs):
        raise LookupError(f"第{at}款不存在")
    return article.paragraphs[at - 1]


def item_index(paragraph: Paragraph, item: int) -> int:
    if not 1 <= item <= len(paragraph.items):
        raise LookupError(f"第{item}项不存在")
    return item - 1
