"""Read-side of drafts: the structure of a version as plain objects the templates walk."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from consult.drafts.models import Consultation, DraftVersion, StructureNode
from consult.drafts.numerals import article_slug
from consult.extensions import db


@dataclass
class Paragraph:
    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class ArticleView:
    node_id: int
    article_id: int
    number: str
    slug: str
    heading: str | None
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list["HeadingView"] = field(default_factory=list)  # enclosing 编/章/节, outermost first

    @property
    def anchor(self) -> str:
        return f"article-{self.slug}"


@dataclass
class HeadingView:
    node_id: int
    kind: str
    number: str | None
    title: str | None
    parent_id: int | None = None
    children: list = field(default_factory=list)  # HeadingView or ArticleView

    @property
    def label(self) -> str:
        return " ".join(part for part in (self.number, self.title) if part)

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.node_id}"


@dataclass
class Structure:
    top: list  # HeadingView or ArticleView in document order
    articles: list[ArticleView]
    annexes: list[tuple[str, str]]

    def article(self, slug: str) -> ArticleView | None:
        return next((a for a in self.articles if a.slug == slug), None)

    def neighbours(self, article: ArticleView) -> tuple[ArticleView | None, ArticleView | None]:
        index = self.articles.index(article)
        before = self.articles[index - 1] if index > 0 else None
        after = self.articles[index + 1] if index + 1 < len(self.articles) else None
        return before, after


def load_structure(version_id: int) -> Structure:
    """The whole tree of a version, built once per process: a saved version never changes. The key also
    holds the version's creation time and the database, so an id another database reuses (a restored
    backup, a test) is never mistaken for it. Callers read the tree and never change it."""
    return _built_structure(str(db.engine.url), version_id, _created_at(version_id))


def _created_at(version_id: int) -> datetime | None:
    """A version's creation time, asked once per transaction (a comment's submission checks its
    article against the tree the page was drawn from: one query, not two)."""
    session = db.session()
    held = session.info.get("consult_versions_created")
    if held is not None and held[0] is session.get_transaction() and version_id in held[1]:
        return held[1][version_id]
    created = session.scalar(sa.select(DraftVersion.created_at).where(DraftVersion.id == version_id))
    transaction = session.get_transaction()  # begun by the query if none was
    if created is not None:  # not (yet) a version: asked again next time
        if held is None or held[0] is not transaction:
            known: dict[int, datetime] = {}
            held = session.info["consult_versions_created"] = (transaction, known)
        held[1][version_id] = created
    return created


@lru_cache(maxsize=64)
def _built_structure(_database: str, version_id: int, _created: datetime | None) -> Structure:
    """One query for the whole tree."""
    by_id: dict[int, Any] = {}  # headings, articles and paragraphs by node id
    top: list[HeadingView | ArticleView] = []
    articles: list[ArticleView] = []
    annexes: list[tuple[str, str]] = []
    for row in _structure_rows(version_id):
        parent: Any = by_id.get(row.parent_id)
        node: HeadingView | ArticleView | Paragraph
        if row.kind in ("part", "chapter", "section"):
            node = HeadingView(row.id, row.kind, row.number, row.title, row.parent_id)
        elif row.kind == "article":
            article = ArticleView(
                row.id, row.article_id, row.number, article_slug(row.ordinal, row.sub_ordinal), row.title, row.text
            )
            article.headings = _ancestors(parent, by_id)
            articles.append(article)
            node = article
        elif row.kind == "paragraph":
            node = Paragraph(row.text)
            parent.paragraphs.append(node)
        elif row.kind in ("item", "subitem"):
            parent.items.append(row.text)
            continue
        else:
            annexes.append((row.title or "", row.text))
            continue
        by_id[row.id] = node
        if isinstance(node, (HeadingView, ArticleView)):
            (parent.children if isinstance(parent, HeadingView) else top).append(node)
    return Structure(top, articles, annexes)


def _structure_rows(version_id: int):
    n = StructureNode
    columns = (n.id, n.parent_id, n.kind, n.number, n.ordinal, n.sub_ordinal, n.title, n.text, n.article_id)
    return db.session.execute(sa.select(*columns).where(n.version_id == version_id).order_by(n.position)).all()


def _ancestors(parent, by_id) -> list[HeadingView]:
    chain = []
    while isinstance(parent, HeadingView):
        chain.append(parent)
        parent = by_id.get(parent.parent_id)
    return list(reversed(chain))


def public_consultations(now: datetime) -> list[Consultation]:
    """Every consultation a resident may see, open ones first, then by closing time."""
    rows = db.session.scalars(
        sa.select(Consultation).where(Consultation.status != "draft").order_by(Consultation.closes_at.desc())
    ).all()
    order = {"open": 0, "scheduled": 1, "closed": 2, "archived": 3}
    return sorted(rows, key=lambda c: order[c.phase(now)])


def article_counts(version_ids: list[int]) -> dict[int, int]:
    if not version_ids:
        return {}
    rows = db.session.execute(
        sa.select(StructureNode.version_id, sa.func.count())
        .where(StructureNode.version_id.in_(version_ids), StructureNode.kind == "article")
        .group_by(StructureNode.version_id)
    )
    return dict(rows.all())


def public_consultation(slug: str) -> Consultation | None:
    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug, Consultation.status != "draft"))


def all_consultations() -> list[Consultation]:
    """Every consultation, newest first (the staff dashboard)."""
    return list(db.session.scalars(sa.select(Consultation).order_by(Consultation.created_at.desc())))


def article_numbers(version_id: int) -> dict[int, str]:
    """Article id → its number (第十二条) in this version."""
    return {a.article_id: a.number for a in load_structure(version_id).articles}
