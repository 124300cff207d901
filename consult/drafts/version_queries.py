"""The 修改对照表 of two stored versions: rows by article identity (a drafter confirmed each match when
the new version was saved), changes marked inside the text, and which consultation came before."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import sqlalchemy as sa

from consult.drafts.models import Consultation, DraftVersion
from consult.drafts.queries import ArticleView, load_structure
from consult.drafts.versions.marks import Piece, marked
from consult.extensions import db


@dataclass
class ChangeRow:
    old: ArticleView | None
    new: ArticleView | None
    change: str  # same | modified | added | removed
    moved: bool = False
    old_marked: list[Piece] = field(default_factory=list)
    new_marked: list[Piece] = field(default_factory=list)

    @property
    def article_id(self) -> int:
        return (self.new or self.old).article_id  # type: ignore[union-attr]  # one of them is always set

    @property
    def anchor(self) -> str:
        return f"row-{self.article_id}"


def _text(article: ArticleView | None) -> str:
    if article is None:
        return ""
    return "\n".join("\n".join((p.text, *p.items)) for p in article.paragraphs)


def _kept_in_order(positions: list[int]) -> set[int]:
    """Indexes of a longest increasing run of old positions: the articles that did not move."""
    tails: list[int] = []
    tail_at: list[int] = []
    before: list[int] = [-1] * len(positions)
    for i, value in enumerate(positions):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = value, i
        before[i] = tail_at[k - 1] if k else -1
    kept, i = set(), tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept


def version_changes(old_version_id: int, new_version_id: int) -> list[ChangeRow]:
    """Every article of either version in reading order: the new version's, each removed article
    after the old article it followed."""
    old = load_structure(old_version_id).articles
    new = load_structure(new_version_id).articles
    old_at = {a.article_id: i for i, a in enumerate(old)}
    matched = [(j, old_at[a.article_id]) for j, a in enumerate(new) if a.article_id in old_at]
    stayed = {matched[k][0] for k in _kept_in_order([i for _j, i in matched])}
    kept_ids = {a.article_id for a in new}
    rows: list[ChangeRow] = []
    next_old = 0
    for j, article in enumerate(new):
        i = old_at.get(article.article_id)
        if i is None:
            rows.append(ChangeRow(None, article, "added", new_marked=[("added", _text(article))]))
            continue
        if j in stayed:
            rows.extend(_removed(old[next_old:i], kept_ids))
            next_old = i + 1
        before, after = marked(_text(old[i]), _text(article))
        change = "same" if _text(old[i]) == _text(article) else "modified"
        rows.append(ChangeRow(old[i], article, change, j not in stayed, before, after))
    rows.extend(_removed(old[next_old:], kept_ids))
    return rows


def _removed(articles: list[ArticleView], kept: set[int]) -> list[ChangeRow]:
    return [
        ChangeRow(a, None, "removed", old_marked=[("deleted", _text(a))]) for a in articles if a.article_id not in kept
    ]


def previous_version(consultation: Consultation) -> DraftVersion | None:
    """The version before the consultation's, of the same draft."""
    return db.session.scalar(
        sa.select(DraftVersion)
        .where(DraftVersion.draft_id == consultation.draft_id, DraftVersion.position < consultation.version.position)
        .order_by(DraftVersion.position.desc())
        .limit(1)
    )


def round_on(version: DraftVersion) -> Consultation | None:
    """The (latest) consultation held on a version: where that version's comments were made."""
    return db.session.scalar(
        sa.select(Consultation).where(Consultation.version_id == version.id).order_by(Consultation.id.desc()).limit(1)
    )


@dataclass(frozen=True)
class Whereabouts:
    """Where a commented article went in a later, published round."""

    was: str  # its number when commented on
    now: str | None  # its number in the later version; None: removed
    changed: bool
    label: str  # the later version's label (草案修改稿)
    slug: str  # the later round, for the link to its 对照表
    article_id: int


def later_round(consultation: Consultation) -> Consultation | None:
    """The newest published round of the same draft on a later version."""
    return db.session.scalar(
        sa.select(Consultation)
        .join(DraftVersion, DraftVersion.id == Consultation.version_id)
        .where(
            Consultation.draft_id == consultation.draft_id,
            Consultation.status != "draft",
            DraftVersion.position > consultation.version.position,
        )
        .order_by(DraftVersion.position.desc(), Consultation.id.desc())
        .limit(1)
    )


def whereabouts(consultation: Consultation, article_id: int | None) -> Whereabouts | None:
    """Where the article a comment was made on went in the newest later round, if there is one."""
    if article_id is None:  # a comment on the whole draft
        return None
    later = later_round(consultation)
    if later is None:
        return None
    before = next((a for a in load_structure(consultation.version_id).articles if a.article_id == article_id), None)
    after = next((a for a in load_structure(later.version_id).articles if a.article_id == article_id), None)
    if before is None:
        return None
    changed = after is None or _text(before) != _text(after)
    return Whereabouts(
        before.number, after.number if after else None, changed, later.version.label, later.slug, article_id
    )
